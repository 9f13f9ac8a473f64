import { promises as fs } from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { HISTORY_HEADERS, HISTORY_SHEET, historyRow, parseHistory } from '../../src/domain/history';
import { loadRegisterFile } from '../../src/cli/load';
import { partsThatWouldBeLost } from '../../src/cli/commands/snapshot';
import { assess } from '../../src/domain/assess';
import { fromIsoText } from '../../src/domain/dates';
import { fingerprintRegister } from '../../src/workbook/fingerprint';
import { readHistoryTable } from '../../src/workbook/xlsx/pack-writer';
import { tempDir, writeFixture } from '../workbook/xlsx/fixtures';
import { AS_OF, sampleFixtureTables } from '../support/auditor-pack-fixture';
import { cli } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const first = new Date(Date.UTC(2026, 6, 1, 8, 0, 0));
const second = new Date(Date.UTC(2026, 6, 2, 9, 30, 0));

describe('clause51 snapshot', () => {
  it('appends one History row per run, leaving every register table as it was', async () => {
    const file = await writeFixture(dir, 'register.xlsx', sampleFixtureTables());
    const before = await loadRegisterFile(file, 'read');
    const fingerprint = await fingerprintRegister(before.raw);

    const one = await cli(['snapshot', file, '--as-of', AS_OF], first);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(new RegExp(`^Recorded readiness \\d+\\.\\d \\((Green|Amber|Red)\\) as of ${AS_OF} in .*${HISTORY_SHEET} row 2\\.\\n$`));
    const two = await cli(['snapshot', file, '--as-of', '2026-03-31'], second);
    expect(two.code).toBe(0);
    expect(two.stdout).toContain('row 3');

    const after = await loadRegisterFile(file, 'read');
    expect(await fingerprintRegister(after.raw)).toEqual(fingerprint);
    const table = readHistoryTable(after.port.workbook);
    expect(table?.values[0]).toEqual([...HISTORY_HEADERS]);
    const expected = historyRow(assess(before.register, { asOf: fromIsoText(AS_OF) as number, today: 0 }), first);
    expect(table?.values[1]).toEqual(expected);
    const history = parseHistory(table ?? { values: [] });
    expect(history.issues).toEqual([]);
    expect(history.points.map((p) => p.row)).toEqual([3, 2]);
  });

  it('uses today when no as-of date is given', async () => {
    const file = await writeFixture(dir, 'today.xlsx', sampleFixtureTables());
    expect((await cli(['snapshot', file], second)).code).toBe(0);
    const table = readHistoryTable((await loadRegisterFile(file, 'read')).port.workbook);
    expect(table?.values[1][0]).toBe('2026-07-02');
    expect(table?.values[1][1]).toBe('2026-07-02 09:30:00 UTC');
  });

  it("keeps the dropdowns of the register it re-saves (it loads with purpose 'save', validations included)", async () => {
    const file = path.join(dir, 'dropdowns.xlsx');
    expect((await cli(['template', file])).code).toBe(0);
    const dropdowns = async (): Promise<Record<string, unknown>> => {
      const workbook = new Workbook();
      await workbook.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
      // ExcelJS keeps a sheet's rules per cell address in `dataValidations.model` (missing from its typings).
      return Object.fromEntries(workbook.worksheets.map((ws) => [ws.name, (ws as unknown as { dataValidations: { model: object } }).dataValidations.model]));
    };
    const before = await dropdowns();
    expect(Object.values(before).reduce((n: number, m) => n + Object.keys(m as object).length, 0)).toBeGreaterThan(10);

    expect((await cli(['snapshot', file, '--as-of', AS_OF], first)).code).toBe(0);
    const after = await dropdowns();
    for (const [sheet, rules] of Object.entries(before)) expect([sheet, after[sheet]]).toEqual([sheet, rules]);
  });

  it('rejects bad usage and unusable files without touching them', async () => {
    const file = await writeFixture(dir, 'usage.xlsx', sampleFixtureTables());
    const before = await fs.readFile(file);
    expect((await cli(['snapshot'])).code).toBe(64);
    expect((await cli(['snapshot', file, '--as-of', 'yesterday'])).code).toBe(64);
    expect((await cli(['snapshot', file, file])).code).toBe(64);
    expect(await fs.readFile(file)).toEqual(before);
    expect((await cli(['snapshot', path.join(dir, 'missing.xlsx')])).code).toBe(2);
    const notXlsx = path.join(dir, 'text.xlsx');
    await fs.writeFile(notXlsx, 'not a workbook');
    expect((await cli(['snapshot', notXlsx])).code).toBe(2);
    expect(await fs.readFile(notXlsx, 'utf8')).toBe('not a workbook');
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('partsThatWouldBeLost', () => {
  it('names the parts ExcelJS would drop on save', () => {
    expect(partsThatWouldBeLost(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/sharedStrings.xml'])).toEqual([]);
    expect(partsThatWouldBeLost(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/vbaProject.bin'])).toEqual([
      'charts',
      'pivot tables',
      'macros',
    ]);
  });
});
