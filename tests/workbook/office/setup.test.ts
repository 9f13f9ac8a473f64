import { ALL_TABLE_NAMES, SETTINGS, TABLES } from '../../../src/domain/schema';
import { OfficePort } from '../../../src/workbook/office/office-port';
import { FakeExcel, type Scalar } from '../../support/excel-fake';
import { buildRegister, evidenceRows, MB5, replaceTable, specHeaders } from './register-builder';

function port(fake: FakeExcel): OfficePort {
  return new OfficePort({ run: fake.run });
}

/** Pre-existing cells whose value changed or vanished (empty when nothing was lost or moved). */
function changedCells(before: Map<string, Scalar>, after: Map<string, Scalar>): string[] {
  const changed: string[] = [];
  for (const [address, value] of before) if (after.get(address) !== value) changed.push(`${address}: ${String(value)} → ${String(after.get(address))}`);
  return changed;
}

/** Every non-blank cell of every sheet, by address. */
function everyCell(fake: FakeExcel): Map<string, Scalar> {
  const cells = new Map<string, Scalar>();
  for (const s of fake.sheets) {
    s.values.forEach((row, r) => row?.forEach((v, c) => v !== '' && v !== undefined && cells.set(`${s.name}!${r},${c}`, v)));
  }
  return cells;
}

describe('setUp on an empty workbook', () => {
  test('creates every sheet and table in schema order, with dropdowns, date formats, widths and frozen headers, in 2 syncs', async () => {
    const fake = new FakeExcel();
    const report = await port(fake).setUp();

    expect(report.createdSheets).toEqual([...ALL_TABLE_NAMES]);
    expect(report.createdTables).toEqual([...ALL_TABLE_NAMES]);
    expect(report.problems).toEqual([]);
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[1]).toMatchObject({ suspendedCalculation: true, suspendedScreenUpdating: true });

    for (const spec of TABLES) {
      const table = fake.table(spec.name)!;
      expect(table.sheet.name).toBe(spec.name);
      expect(fake.tableValues(spec.name)[0]).toEqual(spec.columns.map((c) => c.header));
      expect(table.sheet.frozenRows).toBe(1);
      spec.columns.forEach((c, j) => {
        const address = `${String.fromCharCode(65 + j)}2`;
        const rule = table.sheet.validations.find((v) => v.address === address)?.rule;
        if (c.kind === 'enum') expect(rule?.list?.source).toBe(c.values!.join(','));
        else if (c.kind === 'yesno') expect(rule?.list?.source).toBe('Yes,No');
        else expect(rule).toBeUndefined();
        expect(fake.cell(spec.name, address).numberFormat).toBe(c.kind === 'date' ? 'yyyy-mm-dd' : undefined);
        expect(table.sheet.columnWidths.get(j)).toBeGreaterThan(50);
      });
    }
    const settings = fake.tableValues('Settings');
    expect(settings[0]).toEqual(['Key', 'Value']);
    expect(settings.slice(1).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.label));
    const value = (label: string): Scalar => settings.find((r) => r[0] === label)![1];
    expect(value('Assessment date')).toBe('');
    expect(value('Lookback days')).toBe(365);
    expect(value('Green threshold')).toBe(80);
    expect(value('Required review inputs')).toMatch(/^Service performance; Major incidents/);
  });

  test('a second run changes nothing: empty report, no writes, one sync', async () => {
    const fake = new FakeExcel();
    await port(fake).setUp();
    const before = everyCell(fake);
    fake.resetMetrics();
    const report = await port(fake).setUp();
    expect(report).toEqual({ createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] });
    expect(fake.writes).toEqual([]);
    expect(fake.syncCount).toBe(1);
    expect(everyCell(fake)).toEqual(before);
  });
});

describe.each([10, 50_000])('setUp on a complete register of %i rows per table', (n) => {
  test('is a no-op: one discovery sync, no writes, empty report', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, n);
    const report = await port(fake).setUp();
    expect(Object.values(report).flat()).toEqual([]);
    expect(fake.syncCount).toBe(1);
    expect(fake.writes).toEqual([]);
    expect(fake.maxResponseBytes()).toBeLessThan(10_000);
  });
});

describe('setUp as an upgrade of a register holding user data', () => {
  const ROWS = 50_000;

  function olderRegister(): FakeExcel {
    const fake = new FakeExcel();
    buildRegister(fake, { Accountabilities: 10, Reviews: 10, Resources: 10, Communications: 10, Escalations: 10 });
    // Decisions: 50,000 user rows, columns reordered, one user column, two spec columns missing.
    const spec = TABLES.find((t) => t.name === 'Decisions')!;
    const keep = spec.columns.filter((c) => c.header !== 'Effective' && c.header !== 'Evidence link');
    const order = [keep[3], keep[0], 'Cost centre', ...keep.filter((_, i) => i !== 0 && i !== 3)];
    const headers = order.map((c) => (typeof c === 'string' ? c : c.header));
    const full = evidenceRows('Decisions', ROWS);
    const rows = full.map((r, i) =>
      order.map((c) => (typeof c === 'string' ? `CC-${i % 9}` : r[spec.columns.indexOf(c)])),
    );
    replaceTable(fake, 'Decisions', headers, rows, 'B3');
    fake.setCells('Decisions', 'A1', [['My notes above the table']]);
    // Settings: a user-changed threshold, a user key, and one spec key missing.
    const rowsS = SETTINGS.filter((s) => s.label !== 'Reinforcement days').map((s) => [s.label, s.label === 'Green threshold' ? 75 : s.defaultText] as Scalar[]);
    replaceTable(fake, 'Settings', ['Key', 'Value', 'Note'], [...rowsS.map((r) => [...r, '']), ['Board sponsor', 'CFO', 'ours']]);
    return fake;
  }

  test(`adds only missing columns at the end and missing Settings keys; ${ROWS} rows lose, move or change nothing; ≤ 3 syncs, < 5 MB`, async () => {
    const fake = olderRegister();
    const before = everyCell(fake);
    const headersBefore = fake.tableValues('Decisions')[0];

    const report = await port(fake).setUp();

    expect(report.createdSheets).toEqual([]);
    expect(report.createdTables).toEqual([]);
    expect(report.addedColumns).toEqual([{ table: 'Decisions', columns: ['Effective', 'Evidence link'] }]);
    expect(report.addedSettings).toEqual(['Reinforcement days']);
    expect(report.problems).toEqual([]);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.maxRequestBytes()).toBeLessThan(MB5);

    // Every pre-existing cell is where it was, with the same value.
    expect(before.size).toBeGreaterThan(ROWS * 12);
    expect(changedCells(before, everyCell(fake))).toEqual([]);
    const decisions = fake.tableValues('Decisions');
    expect(decisions[0]).toEqual([...headersBefore, 'Effective', 'Evidence link']);
    expect(decisions).toHaveLength(ROWS + 1);
    expect(decisions[ROWS].slice(-2)).toEqual(['', '']);
    // Dropdown on the new enum column, bounded to the table's rows.
    const effective = fake.table('Decisions')!;
    const rule = effective.sheet.validations.find((v) => v.rule.list?.source === 'Yes,No,Pending');
    expect(rule?.address).toBe(`${String.fromCharCode(65 + 1 + headersBefore.length)}4:${String.fromCharCode(65 + 1 + headersBefore.length)}${ROWS + 3}`);

    const settings = fake.tableValues('Settings');
    expect(settings[settings.length - 1]).toEqual(['Reinforcement days', 30, '']);
    expect(settings.find((r) => r[0] === 'Green threshold')![1]).toBe(75);
    expect(settings.find((r) => r[0] === 'Board sponsor')).toEqual(['Board sponsor', 'CFO', 'ours']);

    // And then it is a no-op.
    fake.resetMetrics();
    const again = await port(fake).setUp();
    expect(again.addedColumns).toEqual([]);
    expect(again.addedSettings).toEqual([]);
    expect(fake.writes).toEqual([]);
  });
});

describe('setUp on sheets without tables', () => {
  test('converts a pasted range whose first row holds the headers (any case), adding missing columns', async () => {
    const fake = new FakeExcel();
    const headers = specHeaders('Reviews').slice(0, 6).map((h) => h.toUpperCase());
    fake.setCells('Reviews', 'A1', [headers, ...evidenceRows('Reviews', 5).map((r) => r.slice(0, 6))]);
    const before = everyCell(fake);

    const report = await port(fake).setUp();

    expect(report.convertedRanges).toEqual(['Reviews']);
    expect(report.addedColumns).toEqual([{ table: 'Reviews', columns: ['Inputs covered', 'Minutes link', 'Status'] }]);
    expect(report.createdSheets).not.toContain('Reviews');
    const t = fake.table('Reviews')!;
    expect([t.r0, t.c0, t.nRows, t.nCols]).toEqual([0, 0, 5, 9]);
    expect(changedCells(before, everyCell(fake))).toEqual([]);
    expect(fake.syncCount).toBe(2);
  });

  test('leaves a sheet with unrelated content alone and says so plainly', async () => {
    const fake = new FakeExcel();
    fake.setCells('Decisions', 'B2', [['Quarterly budget'], ['Q1', 100]]);
    const report = await port(fake).setUp();
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/Decisions sheet has content \(B2:C3\).*not a Decisions header row.*Nothing was changed/);
    expect(fake.table('Decisions')).toBeUndefined();
    expect(fake.cell('Decisions', 'B2').value).toBe('Quarterly budget');
    expect(report.createdTables).toHaveLength(6);
  });

  test('reports a sheet holding a table under another name instead of guessing', async () => {
    const fake = new FakeExcel();
    fake.addTable('Resources', 'Table7', ['ID', 'Type'], [['RES-1', 'People']]);
    const report = await port(fake).setUp();
    expect(report.problems).toEqual([expect.stringMatching(/Resources sheet holds a table named “Table7”.*Rename it to Resources/)]);
    expect(fake.table('Table7')!.nCols).toBe(2);
  });

  test('uses an existing empty sheet without recreating it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Escalations');
    const report = await port(fake).setUp();
    expect(report.createdSheets).not.toContain('Escalations');
    expect(report.createdTables).toContain('Escalations');
    expect(fake.sheets.filter((s) => s.name === 'Escalations')).toHaveLength(1);
  });
});
