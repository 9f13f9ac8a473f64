import { HISTORY_SHEET } from '../../../src/domain/history';
import { OfficePort } from '../../../src/workbook/office/office-port';
import { FakeExcel, type Scalar } from '../../support/excel-fake';
import { buildRegister, evidenceRows, MB5, specHeaders } from './register-builder';

function port(fake: FakeExcel): OfficePort {
  return new OfficePort({ run: fake.run });
}

function lastRow(fake: FakeExcel, table: string): Scalar[] {
  const v = fake.tableValues(table);
  return v[v.length - 1];
}

describe('addRow', () => {
  test.each([10, 50_000])('%i rows: next free ID, one 2-D write, 2 syncs, small requests', async (n) => {
    const fake = new FakeExcel();
    buildRegister(fake, { Reviews: n });
    fake.resetMetrics();
    const result = await port(fake).addRow('Reviews', { forum: 'SMS management review', heldOn: 46000, status: 'Held', chair: 'Dana Ortiz' });

    expect(result).toEqual({ id: `REV-${n + 1}`, row: n + 2 });
    expect(fake.syncCount).toBe(2);
    const writes = fake.writes;
    expect(writes).toHaveLength(1);
    expect(writes[0].kind).toBe('tableRows.add');
    expect(fake.maxRequestBytes()).toBeLessThan(2000);
    expect(fake.maxResponseBytes()).toBeLessThan(MB5);
    const headers = specHeaders('Reviews');
    const row = lastRow(fake, 'Reviews');
    expect(row[headers.indexOf('ID')]).toBe(`REV-${n + 1}`);
    expect(row[headers.indexOf('Held on')]).toBe(46000);
    expect(row[headers.indexOf('Forum')]).toBe('SMS management review');
    expect(row[headers.indexOf('Minutes link')]).toBe('');
  });

  test('places values by the actual headers: reordered columns, odd spacing and case, user columns left blank', async () => {
    const fake = new FakeExcel();
    fake.addTable('Escalations', 'Escalations', ['Notes', ' status ', 'id', 'RAISED ON', 'Trigger', 'Description', 'Escalated to', 'Decision', 'Closed on'], [
      ['mine', 'Open', 'ESC-7', 45000, 'SLA miss', 'x', 'COO', '', ''],
    ], 'C5');
    const result = await port(fake).addRow('Escalations', { raisedOn: 46001, status: 'Open', trigger: 'Repeat incident' });
    expect(result).toEqual({ id: 'ESC-8', row: 7 });
    expect(lastRow(fake, 'Escalations')).toEqual(['', 'Open', 'ESC-8', 46001, 'Repeat incident', '', '', '', '']);
  });

  test('fills the blank placeholder row of a new table instead of leaving it empty above', async () => {
    const fake = new FakeExcel();
    await port(fake).setUp();
    const result = await port(fake).addRow('Decisions', { decision: 'Fund a second on-call engineer', decidedOn: 46000 });
    expect(result).toEqual({ id: 'DEC-1', row: 2 });
    expect(fake.tableValues('Decisions')).toHaveLength(2);
    // The date column kept its format from set-up.
    expect(fake.cell('Decisions', 'B2').numberFormat).toBe('yyyy-mm-dd');
  });

  test('formula-looking text stays text (Text format set in the same batch, never a formula)', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Decisions: 3 });
    const nasty = ['=HYPERLINK("http://evil","x")', '+1+1', '-cmd', '@SUM(A1)', '\t=1'];
    const result = await port(fake).addRow('Decisions', { decision: nasty[0], effectivenessCheck: nasty[1], owner: nasty[2], decidedBy: nasty[3], evidenceLink: nasty[4] });
    const t = fake.table('Decisions')!;
    const headers = specHeaders('Decisions');
    const cols = ['Decision', 'Effectiveness check', 'Owner', 'Decided by', 'Evidence link'].map((h) => headers.indexOf(h));
    cols.forEach((j, i) => {
      const address = `${String.fromCharCode(65 + t.c0 + j)}${result.row}`;
      expect(fake.cell('Decisions', address)).toEqual({ value: nasty[i], formula: undefined, numberFormat: '@' });
    });
    expect([...t.sheet.formulas.keys()]).toEqual([]);
    expect(fake.syncCount).toBe(2);
  });

  test('IDs stay unique when a co-author adds a row between two adds', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Reviews: 2 });
    const p = port(fake);
    const a = await p.addRow('Reviews', { forum: 'A' });
    fake.table('Reviews')!.nRows += 1; // co-author's row, typed by hand
    const t = fake.table('Reviews')!;
    t.sheet.set(t.r0 + t.nRows, t.c0, 'rev-4');
    const b = await p.addRow('Reviews', { forum: 'B' });
    expect([a.id, b.id]).toEqual(['REV-3', 'REV-5']);
  });

  test('a co-author row with the same ID landing between read and write is caught and renumbered (3 syncs)', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Reviews: 2 });
    fake.resetMetrics();
    fake.beforeSync = (n) => {
      if (n !== 2) return;
      const t = fake.table('Reviews')!;
      t.nRows += 1;
      t.sheet.set(t.r0 + t.nRows, t.c0, 'REV-3');
    };
    const result = await port(fake).addRow('Reviews', { forum: 'Mine' });
    expect(result.id).toBe('REV-4');
    const ids = fake.tableValues('Reviews').slice(1).map((r) => r[0]);
    expect(ids).toEqual(['REV-1', 'REV-2', 'REV-3', 'REV-4']);
    expect(fake.tableValues('Reviews')[4][1]).toBe('Mine');
    expect(fake.syncCount).toBe(3);
  });

  test('refuses plainly when the table or a needed column is missing, before writing anything', async () => {
    const fake = new FakeExcel();
    fake.addTable('Reviews', 'Reviews', ['ID', 'Forum'], [['REV-1', 'x']]);
    await expect(port(fake).addRow('Decisions', { decision: 'x' })).rejects.toThrow(/Decisions table is not in this workbook.*Set up/);
    await expect(port(fake).addRow('Reviews', { forum: 'y', heldOn: 46000 })).rejects.toThrow(/no “Held on” column.*Upgrade/);
    expect(fake.writes).toEqual([]);
  });

  test('dates given as JS Dates are written as Excel serials', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Reviews: 1 });
    await port(fake).addRow('Reviews', { heldOn: new Date(Date.UTC(2025, 0, 31)) });
    expect(lastRow(fake, 'Reviews')[specHeaders('Reviews').indexOf('Held on')]).toBe(45688);
  });
});

describe('updateRow', () => {
  test.each([10, 50_000])('%i rows: finds the row by ID (any case) and writes only the given cells in 2 syncs', async (n) => {
    const fake = new FakeExcel();
    buildRegister(fake, { Decisions: n });
    const before = fake.tableValues('Decisions');
    const target = Math.floor(n / 2);
    fake.resetMetrics();
    const result = await port(fake).updateRow('Decisions', ` dec-${target + 1} `, { status: 'Done', completedOn: 46010, effectivenessCheck: 'SLA met for 3 months' });

    expect(result).toEqual({ row: target + 2 });
    expect(fake.syncCount).toBe(2);
    expect(fake.writes).toHaveLength(1);
    expect(fake.maxRequestBytes()).toBeLessThan(1000);
    const after = fake.tableValues('Decisions');
    const headers = specHeaders('Decisions');
    const changed: string[] = [];
    after.forEach((row, i) => row.forEach((v, j) => v !== before[i][j] && changed.push(`${i}:${headers[j]}=${String(v)}`)));
    expect(changed).toEqual([`${target + 1}:Status=Done`, `${target + 1}:Completed on=46010`, `${target + 1}:Effectiveness check=SLA met for 3 months`]);
  });

  test('an unknown ID is a plain error', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Decisions: 3 });
    await expect(port(fake).updateRow('Decisions', 'DEC-99', { status: 'Done' })).rejects.toThrow(/DEC-99 is not in the Decisions table/);
  });

  test('formula-looking text stays text on update', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Decisions: 3 });
    const { row } = await port(fake).updateRow('Decisions', 'DEC-2', { decision: '=1+1' });
    const j = specHeaders('Decisions').indexOf('Decision');
    expect(fake.cell('Decisions', `${String.fromCharCode(65 + j)}${row}`)).toEqual({ value: '=1+1', formula: undefined, numberFormat: '@' });
  });
});

describe('appendHistory', () => {
  const headers = ['Taken on', 'Readiness', 'Rating', 'Fingerprint'];

  test('creates the History table when missing, then appends, adding new headers at the end only', async () => {
    const fake = new FakeExcel();
    const p = port(fake);
    expect(await p.appendHistory(headers, [46000, 61.5, 'Amber', 'abc'])).toEqual({ row: 2 });
    expect(fake.syncCount).toBe(2);
    fake.table('History')!.sheet.set(2, 5, 'user note'); // outside the table
    expect(await p.appendHistory([...headers, 'Note'], [46030, 70, 'Amber', '=cmd', 'x'])).toEqual({ row: 3 });
    expect(fake.tableValues('History')).toEqual([
      [...headers, 'Note'],
      [46000, 61.5, 'Amber', 'abc', ''],
      [46030, 70, 'Amber', '=cmd', 'x'],
    ]);
    expect(fake.cell(HISTORY_SHEET, 'D3').formula).toBeUndefined();
    expect(fake.cell(HISTORY_SHEET, 'F3').value).toBe('user note');
    // Excel reserves the sheet name "History": the table keeps the name, the sheet does not.
    expect(fake.table('History')!.sheet.name).toBe(HISTORY_SHEET);
    expect(fake.sheet('History')).toBeUndefined();
  });

  test('refuses to take over a Readiness history sheet that holds other content', async () => {
    const fake = new FakeExcel();
    fake.setCells(HISTORY_SHEET, 'A1', [['my old notes']]);
    await expect(port(fake).appendHistory(headers, [1, 2, 3, 4])).rejects.toThrow(/Readiness history sheet has content/);
    expect(fake.cell(HISTORY_SHEET, 'A1').value).toBe('my old notes');
  });
});

test('evidenceRows helper produces the spec column count', () => {
  expect(evidenceRows('Resources', 1)[0]).toHaveLength(specHeaders('Resources').length);
});
