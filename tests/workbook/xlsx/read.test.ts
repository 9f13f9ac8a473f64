import { Workbook } from 'exceljs';
import { normaliseCell, readRegister } from '../../../src/workbook/xlsx/read';
import { buildWorkbook, reload, utc } from './fixtures';

describe('normaliseCell', () => {
  it('passes plain values through', () => {
    expect(normaliseCell(null)).toBeNull();
    expect(normaliseCell(undefined)).toBeNull();
    expect(normaliseCell('text')).toBe('text');
    expect(normaliseCell(42)).toBe(42);
    expect(normaliseCell(true)).toBe(true);
    const d = utc(2026, 6, 30);
    expect(normaliseCell(d)).toBe(d);
  });

  it('joins rich text', () => {
    expect(normaliseCell({ richText: [{ text: 'Ann ' }, { text: 'Lee' }] })).toBe('Ann Lee');
  });

  it('takes a hyperlink target in link columns and the text elsewhere', () => {
    const cell = { text: 'minutes', hyperlink: 'https://x.example/m1' };
    expect(normaliseCell(cell, 'link')).toBe('https://x.example/m1');
    expect(normaliseCell(cell, 'text')).toBe('minutes');
    expect(normaliseCell({ text: { richText: [{ text: 'Ann' }] }, hyperlink: 'mailto:ann@x.example' }, 'person')).toBe('Ann');
  });

  it('uses a formula cell cached result, never the formula', () => {
    expect(normaliseCell({ formula: 'DATE(2026,2,1)', result: utc(2026, 2, 1) }, 'date')).toEqual(utc(2026, 2, 1));
    expect(normaliseCell({ formula: '1+1', result: 2 })).toBe(2);
    expect(normaliseCell({ sharedFormula: 'B2', result: 'Yes' })).toBe('Yes');
    expect(normaliseCell({ formula: 'A1' })).toBeNull();
    expect(normaliseCell({ formula: 'VLOOKUP(1,A:B,2)', result: { error: '#N/A' } })).toEqual({ error: '#N/A' });
  });

  it('reads the literal URL of a HYPERLINK() formula in a link column', () => {
    expect(normaliseCell({ formula: 'HYPERLINK("https://x.example/a?b=""c""","open")', result: 'open' }, 'link')).toBe('https://x.example/a?b="c"');
    expect(normaliseCell({ formula: 'HYPERLINK("https://x.example","open")', result: 'open' }, 'text')).toBe('open');
  });

  it('turns error cells into { error }', () => {
    expect(normaliseCell({ error: '#REF!' })).toEqual({ error: '#REF!' });
  });
});

describe('readRegister', () => {
  it('finds a table anywhere on its sheet, with header row and column letters of the real cells', async () => {
    const wb = buildWorkbook({
      Reviews: {
        ref: 'B3',
        headers: ['Held on', 'Notes', 'ID', 'Minutes link'],
        rows: [
          [utc(2026, 1, 5), 'user text', 'REV-1', { text: 'minutes', hyperlink: 'https://x.example/m1' }],
          [{ formula: 'DATE(2026,2,1)', result: utc(2026, 2, 1) }, { richText: [{ text: 'a' }, { text: 'b' }] }, 'REV-2', { error: '#N/A' }],
        ],
      },
    });
    const raw = readRegister(await reload(wb));
    const reviews = raw.Reviews!;
    expect(reviews.headerRow).toBe(3);
    expect(reviews.columnLetters).toEqual(['B', 'C', 'D', 'E']);
    expect(reviews.values[0]).toEqual(['Held on', 'Notes', 'ID', 'Minutes link']);
    expect(reviews.values[1]).toEqual([utc(2026, 1, 5), 'user text', 'REV-1', 'https://x.example/m1']);
    expect(reviews.values[2]).toEqual([utc(2026, 2, 1), 'ab', 'REV-2', { error: '#N/A' }]);
    expect(Object.keys(raw)).toEqual(['Reviews']);
  });

  it('reads a sheet without a table when its headers are in row 1', async () => {
    const wb = buildWorkbook({
      Decisions: { asTable: false, headers: ['ID', 'Decided on', 'Owner'], rows: [['DEC-1', utc(2026, 1, 1), 'Ann'], [], ['DEC-2', null, 'Bob']] },
    });
    const raw = readRegister(await reload(wb));
    expect(raw.Decisions!.headerRow).toBe(1);
    expect(raw.Decisions!.values).toEqual([
      ['ID', 'Decided on', 'Owner'],
      ['DEC-1', utc(2026, 1, 1), 'Ann'],
      [null, null, null],
      ['DEC-2', null, 'Bob'],
    ]);
  });

  it('finds tables by name case-insensitively, and a table on a differently named sheet', async () => {
    const wb = buildWorkbook({ escalations: { sheet: 'Sheet1', headers: ['ID'], rows: [['ESC-1']] } });
    const raw = readRegister(await reload(wb));
    expect(raw.Escalations?.values).toEqual([['ID'], ['ESC-1']]);
  });

  it('uses the only table on a sheet named like a register table', async () => {
    const wb = buildWorkbook({ Table7: { sheet: 'Resources', ref: 'C2', headers: ['ID', 'Type'], rows: [['RES-1', 'People']] } });
    const raw = readRegister(await reload(wb));
    expect(raw.Resources?.headerRow).toBe(2);
    expect(raw.Resources?.columnLetters).toEqual(['C', 'D']);
  });

  it("drops a table's trailing empty rows but keeps blank rows between entries", async () => {
    const wb = buildWorkbook({ Reviews: { headers: ['ID', 'Forum'], rows: [['REV-1', 'a'], [null, null], ['REV-2', 'b'], [null, ''], [null, null]] } });
    const raw = readRegister(await reload(wb));
    expect(raw.Reviews!.values).toEqual([['ID', 'Forum'], ['REV-1', 'a'], [null, null], ['REV-2', 'b']]);
  });

  it('leaves out tables that are not there and ignores unrelated sheets', () => {
    const wb = new Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'hello';
    expect(readRegister(wb)).toEqual({});
  });
});
