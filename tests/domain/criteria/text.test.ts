import { bracketedRowLabel, evidenceTarget, rowLabel, rowLabelWithNote } from '../../../src/domain/criteria/text';

describe('row labels', () => {
  const dec2 = { id: 'DEC-2', row: 6 };
  const unnamed = { id: null, row: 7 };

  it('is the bare ID unless another row shares it; a row without an ID is named by table and row', () => {
    expect(rowLabel('Decisions', dec2)).toBe('DEC-2');
    expect(rowLabel('Decisions', dec2, true)).toBe('DEC-2 (row 6)');
    expect(rowLabel('Decisions', unnamed)).toBe('Decisions row 7');
    expect(rowLabel('Decisions', unnamed, true)).toBe('Decisions row 7');
  });

  it('puts a note and the row in one pair of brackets', () => {
    expect(rowLabelWithNote('Reviews', { id: 'REV-2', row: 6 }, false, '3 of 6')).toBe('REV-2 (3 of 6)');
    expect(rowLabelWithNote('Reviews', { id: 'REV-2', row: 6 }, true, '3 of 6')).toBe('REV-2 (row 6; 3 of 6)');
    expect(rowLabelWithNote('Reviews', unnamed, false, '3 of 6')).toBe('Reviews row 7 (3 of 6)');
    expect(bracketedRowLabel('Accountabilities', { id: 'ACC-1', row: 5 }, false)).toBe('(ACC-1)');
    expect(bracketedRowLabel('Accountabilities', { id: 'ACC-1', row: 5 }, true)).toBe('(ACC-1, row 5)');
    expect(bracketedRowLabel('Accountabilities', unnamed, false)).toBe('(Accountabilities row 7)');
  });

  it('reads back the row an evidence entry points to', () => {
    expect(evidenceTarget('DEC-2')).toEqual({ table: 'Decisions', id: 'DEC-2' });
    expect(evidenceTarget('DEC-2 (row 6)')).toEqual({ table: 'Decisions', row: 6 });
    expect(evidenceTarget('Decisions row 7')).toEqual({ table: 'Decisions', row: 7 });
    expect(evidenceTarget('Escalation triggers')).toBeUndefined();
    expect(evidenceTarget('Settings row 3')).toBeUndefined();
    expect(evidenceTarget('XYZ-2 (row 6)')).toBeUndefined();
  });
});
