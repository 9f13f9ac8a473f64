import { Workbook } from 'exceljs';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../../src/domain/history';
import { parseRegister } from '../../../src/domain/register';
import { DASHBOARD_LAYOUT, parseRange, trendCellFormula } from '../../../src/workbook/dashboard/layout';
import { ALL_TABLE_NAMES, SETTINGS, TABLES } from '../../../src/domain/schema';
import { readRegister } from '../../../src/workbook/xlsx/read';
import { sheetTables } from '../../../src/workbook/xlsx/tables';
import { createTemplateBytes } from '../../../src/workbook/xlsx/template';
import { XlsxPort } from '../../../src/workbook/xlsx/xlsx-port';
import { buildWorkbook, reload, utc } from './fixtures';

async function roundTrip(port: XlsxPort): Promise<XlsxPort> {
  return XlsxPort.fromBytes(await port.toBytes());
}

function tableModel(wb: Workbook, name: string) {
  for (const ws of wb.worksheets) for (const t of sheetTables(ws)) if (t.name === name) return t;
  throw new Error(`no table ${name}`);
}

/** Every cell value of every sheet, as JSON, to prove nothing else changed. */
function snapshot(wb: Workbook): string {
  const out: Record<string, unknown[]> = {};
  wb.eachSheet((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => cells.push([r, c, cell.value])));
    out[ws.name] = cells;
  });
  return JSON.stringify(out);
}

describe('template and setUp', () => {
  it('the template has every table with the spec headers, Settings defaults, and reads without issues', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    const raw = await port.read();
    for (const spec of TABLES) {
      expect(raw[spec.name]?.values).toEqual([spec.columns.map((c) => c.header)]);
    }
    const settings = raw.Settings!.values;
    expect(settings[0]).toEqual(['Key', 'Value']);
    expect(settings.slice(1).map((r) => r[0])).toEqual(SETTINGS.map((s) => s.label));
    expect(settings.find((r) => r[0] === 'Lookback days')?.[1]).toBe(365);
    expect(settings.find((r) => r[0] === 'Assessment date')?.[1]).toBeNull();
    const register = parseRegister(raw);
    expect(register.issues).toEqual([]);
    expect(register.missing).toEqual([]);
    expect(port.workbook.worksheets.map((w) => w.name)).toEqual([...ALL_TABLE_NAMES]);
  });

  it('writes bounded dropdowns, date formats and frozen headers', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    const ws = port.workbook.getWorksheet('Accountabilities')!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    // ExcelJS expands ranges per cell on read: bounded ranges keep this in the thousands, not millions.
    const keys = Object.keys(dv);
    expect(keys.length).toBeLessThan(20000);
    expect(dv.D2).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });
    expect(dv.L2).toMatchObject({ type: 'list', formulae: ['"Active,Vacant,Ended"'] });
    expect(dv.L2001).toBeDefined();
    expect(dv.L2002).toBeUndefined();
    expect(dv.J2).toMatchObject({ type: 'date' });
    expect(ws.getCell('J2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('setUp on a template changes nothing (second run is a no-op)', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    const before = snapshot(port.workbook);
    const report = await port.setUp();
    expect(report).toEqual({ createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] });
    expect(snapshot(port.workbook)).toBe(before);
    const again = await roundTrip(port);
    expect(snapshot(again.workbook)).toBe(before);
  });

  it("upgrades a user's register: adds missing columns at the end and missing Settings keys, moves and overwrites nothing", async () => {
    const wb = await reload(
      buildWorkbook({
        Reviews: {
          ref: 'B2',
          headers: ['Held on', 'My notes', 'ID', 'Forum', 'Status'],
          rows: [
            [utc(2026, 1, 5), 'keep me', 'REV-1', 'Board', 'Held'],
            [utc(2026, 4, 5), '=SUM(1,2)', 'REV-2', 'Board', 'held'],
          ],
        },
        Settings: { headers: ['Key', 'Value', 'Comment'], rows: [['Lookback days', 180, 'we look back half a year']] },
      }),
    );
    wb.getWorksheet('Reviews')!.getCell('A10').value = 'user cell outside the table';
    const before = readRegister(wb);
    const port = new XlsxPort(wb);
    const report = await port.setUp();

    const reviewsSpec = TABLES.find((t) => t.name === 'Reviews')!;
    const added = reviewsSpec.columns.map((c) => c.header).filter((h) => !['Held on', 'ID', 'Forum', 'Status'].includes(h));
    expect(report.addedColumns).toContainEqual({ table: 'Reviews', columns: added });
    expect(report.createdTables).toEqual(['Accountabilities', 'Decisions', 'Resources', 'Communications', 'Escalations']);
    expect(report.addedSettings).toEqual(SETTINGS.map((s) => s.label).filter((l) => l !== 'Lookback days'));
    expect(report.problems).toEqual([]);

    const after = readRegister((await roundTrip(port)).workbook);
    const reviews = after.Reviews!;
    // Existing columns and rows unchanged and in place; new columns appended after them.
    expect(reviews.headerRow).toBe(2);
    expect(reviews.values[0].slice(0, 5)).toEqual(before.Reviews!.values[0]);
    expect(reviews.values[0].slice(5)).toEqual(added);
    expect(reviews.values.slice(1).map((r) => r.slice(0, 5))).toEqual(before.Reviews!.values.slice(1));
    expect(reviews.columnLetters![0]).toBe('B');
    expect(tableModel(port.workbook, 'Reviews').tableRef).toBe(`B2:${reviews.columnLetters![reviews.columnLetters!.length - 1]}4`);
    expect(port.workbook.getWorksheet('Reviews')!.getCell('A10').value).toBe('user cell outside the table');

    const settings = after.Settings!.values;
    expect(settings[1]).toEqual(['Lookback days', 180, 'we look back half a year']);
    expect(settings.length).toBe(1 + SETTINGS.length);

    // A second set-up finds nothing to do.
    const second = await port.setUp();
    expect(second).toEqual({ createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] });
  });

  it('turns a sheet with headers in row 1 into a table, keeping every cell', async () => {
    const wb = await reload(buildWorkbook({ Decisions: { asTable: false, headers: ['ID', 'Decision', 'Owner'], rows: [['DEC-1', 'Hire', 'Ann'], ['DEC-2', 'Buy', 'Bob']] } }));
    const port = new XlsxPort(wb);
    const report = await port.setUp();
    expect(report.convertedRanges).toEqual(['Decisions']);
    const raw = readRegister((await roundTrip(port)).workbook);
    expect(raw.Decisions!.values.slice(0, 3).map((r) => r.slice(0, 3))).toEqual([
      ['ID', 'Decision', 'Owner'],
      ['DEC-1', 'Hire', 'Ann'],
      ['DEC-2', 'Buy', 'Bob'],
    ]);
    expect(tableModel(port.workbook, 'Decisions').tableRef).toMatch(/^A1:[A-Z]+3$/);
  });

  it('reports a problem instead of writing over content right of a table', async () => {
    const wb = await reload(buildWorkbook({ Escalations: { headers: ['ID', 'Raised on'], rows: [['ESC-1', utc(2026, 1, 1)]] } }));
    wb.getWorksheet('Escalations')!.getCell('C2').value = 'mine';
    const before = snapshot(wb);
    const port = new XlsxPort(wb);
    const report = await port.setUp();
    expect(report.problems.join('\n')).toMatch(/column C right of the Escalations table is not empty/);
    expect(report.addedColumns.find((a) => a.table === 'Escalations')).toBeUndefined();
    const esc = JSON.parse(snapshot(wb)).Escalations;
    expect(esc).toEqual(JSON.parse(before).Escalations);
  });

  it('reports a sheet that has content but no headers instead of touching it', async () => {
    const wb = new Workbook();
    wb.addWorksheet('Resources').getCell('C5').value = 'something else';
    const report = await new XlsxPort(wb).setUp();
    expect(report.problems.join('\n')).toMatch(/sheet "Resources" has content/);
    expect(wb.getWorksheet('Resources')!.getCell('C5').value).toBe('something else');
  });

  it('re-saves a table that has no style info (as LibreOffice writes them)', async () => {
    const wb = await reload(buildWorkbook({ Reviews: { headers: ['ID'], rows: [['REV-1']] } }));
    const model = tableModel(wb, 'Reviews');
    delete model.style;
    delete model.autoFilterRef;
    const port = new XlsxPort(wb);
    const again = await roundTrip(port);
    expect(tableModel(again.workbook, 'Reviews').style?.theme).toBe('TableStyleMedium2');
  });
});

describe('addRow and updateRow', () => {
  it('fills the template row first, then grows the table, with unique next IDs', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    const a = await port.addRow('Reviews', { forum: 'SMS review', heldOn: '2026-03-01', status: 'Held' });
    const b = await port.addRow('Reviews', { forum: 'SMS review', heldOn: 46100 });
    const c = await port.addRow('Reviews', { forum: 'Board', heldOn: utc(2026, 5, 1), topManagementPresent: 'Ann; Bob' });
    expect([a, b, c]).toEqual([
      { id: 'REV-1', row: 2 },
      { id: 'REV-2', row: 3 },
      { id: 'REV-3', row: 4 },
    ]);
    const again = await roundTrip(port);
    expect(tableModel(again.workbook, 'Reviews').tableRef).toBe('A1:I4');
    const reg = parseRegister(await again.read());
    expect(reg.issues).toEqual([]);
    expect(reg.tables.Reviews.map((r) => [r.id, r.heldOn])).toEqual([
      ['REV-1', 20513],
      ['REV-2', 46100 - 25569],
      ['REV-3', 20574],
    ]);
    expect(again.workbook.getWorksheet('Reviews')!.getCell('D2').numFmt).toBe('yyyy-mm-dd');
  });

  it('continues after the largest existing ID, whatever its case or gaps', async () => {
    const wb = await reload(buildWorkbook({ Decisions: { headers: ['Decision', 'ID'], rows: [['a', 'dec-7'], ['b', 'DEC-2'], ['c', ' DEC-10 ']] } }));
    const port = new XlsxPort(wb);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await port.addRow('Decisions', { decision: `new ${i}` })).id);
    expect(ids).toEqual(['DEC-11', 'DEC-12', 'DEC-13']);
    const raw = readRegister((await roundTrip(port)).workbook);
    const all = raw.Decisions!.values.slice(1).map((r) => String(r[1]).trim().toUpperCase());
    expect(new Set(all).size).toBe(all.length);
  });

  it('writes formula-looking text as text, never as a formula', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    const { row } = await port.addRow('Decisions', { decision: '=HYPERLINK("http://evil.example","x")', owner: '+1 555' });
    const again = await roundTrip(port);
    const ws = again.workbook.getWorksheet('Decisions')!;
    const cell = ws.getCell(row, 4);
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe('@');
    expect(ws.getCell(row, 7).value).toBe('+1 555');
  });

  it('refuses to grow a table into content below it', async () => {
    const wb = await reload(buildWorkbook({ Communications: { headers: ['ID', 'From'], rows: [['COM-1', 'Ann']] } }));
    wb.getWorksheet('Communications')!.getCell('B3').value = 'a note below the table';
    await expect(new XlsxPort(wb).addRow('Communications', { from: 'Bob' })).rejects.toThrow(/row 3 right below the Communications table/);
    expect(wb.getWorksheet('Communications')!.getCell('B3').value).toBe('a note below the table');
  });

  it('updates only the given cells of the row with that ID', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    await port.addRow('Decisions', { decision: 'Hire', owner: 'Ann', status: 'Open' });
    await port.addRow('Decisions', { decision: 'Buy', owner: 'Bob', status: 'Open' });
    expect(await port.updateRow('Decisions', 'dec-2', { status: 'Done', completedOn: '2026-06-01' })).toEqual({ row: 3 });
    const reg = parseRegister(await (await roundTrip(port)).read());
    const [d1, d2] = reg.tables.Decisions;
    expect([d1.status, d1.owner, d1.completedOn]).toEqual(['Open', 'Ann', null]);
    expect([d2.status, d2.owner, d2.decision, d2.completedOn]).toEqual(['Done', 'Bob', 'Buy', 20605]);
    await expect(port.updateRow('Decisions', 'DEC-9', { status: 'Done' })).rejects.toThrow(/no row with ID DEC-9/);
    await expect(port.addRow('Decisions', { nonsense: 'x' })).rejects.toThrow(/no field "nonsense"/);
  });

  it('says which column is missing instead of writing elsewhere', async () => {
    const wb = await reload(buildWorkbook({ Reviews: { headers: ['ID', 'Forum'], rows: [['REV-1', 'a']] } }));
    await expect(new XlsxPort(wb).addRow('Reviews', { heldOn: '2026-01-01' })).rejects.toThrow(/no "Held on" column/);
  });
});

describe('appendHistory and select', () => {
  it('creates the History table on first use, then appends', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    expect(await port.appendHistory(['As of', 'Readiness'], ['2026-06-30', 74.8])).toEqual({ row: 2 });
    expect(await port.appendHistory(['As of', 'Readiness', 'Rating'], ['2026-07-31', 80, 'Green'])).toEqual({ row: 3 });
    const again = await roundTrip(port);
    const ws = again.workbook.getWorksheet('Readiness history')!;
    expect(tableModel(again.workbook, 'History').tableRef).toBe('A1:C3');
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('C2').value]).toEqual(['2026-06-30', 74.8, null]);
    expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('C3').value]).toEqual(['2026-07-31', 80, 'Green']);
  });

  it('never places a value outside the table when a new History column cannot be added', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    await port.appendHistory(['As of', 'Readiness'], ['2026-06-30', 74.8]);
    const ws = port.workbook.getWorksheet(HISTORY_SHEET)!;
    ws.getCell('C2').value = 'my note'; // right of the table: the Rating column has nowhere to go
    const before = snapshot(port.workbook);
    await expect(port.appendHistory(['As of', 'Readiness', 'Rating'], ['2026-07-31', 80, 'Green'])).rejects.toThrow(
      /No snapshot was recorded: .*column C right of the History table is not empty/,
    );
    expect(snapshot(port.workbook)).toBe(before);
    expect(tableModel(port.workbook, 'History').tableRef).toBe('A1:B2');
    // Headers the table has still work, in any case and order.
    expect(await port.appendHistory(['readiness', 'AS OF'], [81, '2026-08-31'])).toEqual({ row: 3 });
    expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('C3').value]).toEqual(['2026-08-31', 81, null]);
  });

  it('readHistory returns the History table header-first, or null without one', async () => {
    const port = await XlsxPort.fromBytes(await createTemplateBytes());
    expect(await port.readHistory()).toBeNull();
    await port.appendHistory(['As of', 'Readiness', 'Rating'], ['2026-06-30', 74.8, 'Amber']);
    const again = await roundTrip(port);
    expect(await again.readHistory()).toEqual({
      values: [
        ['As of', 'Readiness', 'Rating'],
        ['2026-06-30', 74.8, 'Amber'],
      ],
      headerRow: 1,
    });
  });

  it('select is accepted quietly for files', async () => {
    await expect(new XlsxPort().select({ table: 'Reviews', id: 'REV-1' })).resolves.toBeUndefined();
  });
});

describe('writeDashboard', () => {
  it('writes the live-formula block with cached engine results, keeps user cells, and refreshes in place', async () => {
    const { promises: fsp } = await import('fs');
    const path = await import('path');
    const bytes = await fsp.readFile(path.resolve(__dirname, '../../../examples/example-register.xlsx'));
    const port = await XlsxPort.fromBytes(bytes);
    expect(await port.writeDashboard()).toEqual({ sheet: 'Dashboard', created: true });
    port.workbook.getWorksheet('Dashboard')!.getCell('L2').value = 'my note';
    expect(await port.writeDashboard()).toEqual({ sheet: 'Dashboard', created: false });

    const again = await roundTrip(port);
    const ws = again.workbook.getWorksheet('Dashboard')!;
    expect(ws.getCell('A1').value).toBe('ISO/IEC 20000-1 Clause 5.1 readiness');
    const b3 = ws.getCell('B3').value as { formula: string; result: number };
    expect(b3.formula).toMatch(/^ISO20K\.READINESS\(Accountabilities\[#All\],/);
    expect(b3.result).toBeCloseTo(74.83, 1);
    expect((ws.getCell('B4').value as { result: string }).result).toBe('Amber');
    const gapsCell = ws.getCell('A17').value as { formula: string; shareType?: string };
    expect(gapsCell.formula).toMatch(/ISO20K\.GAPS\(/);
    expect(ws.getCell('L2').value).toBe('my note');
    // The register itself is untouched by the dashboard.
    expect(parseRegister(await again.read()).issues.length).toBe(3);
  });

  it("refuses a Dashboard sheet that holds someone else's content", async () => {
    const wb = new Workbook();
    wb.addWorksheet('Dashboard').getCell('B2').value = 'my own dashboard';
    await expect(new XlsxPort(wb).writeDashboard()).rejects.toThrow(/already has other content/);
    expect(wb.getWorksheet('Dashboard')!.getCell('B2').value).toBe('my own dashboard');
  });

  describe('readiness trend (a table of the last snapshots: ExcelJS cannot write charts)', () => {
    const trend = DASHBOARD_LAYOUT.trend;
    const snapshotValues = (asOf: string, readiness: number, rating: string): (string | number | null)[] =>
      HISTORY_HEADERS.map((h) => (h === 'As of' ? asOf : h === 'Readiness' ? readiness : h === 'Rating' ? rating : null));

    it('lists the last 12 snapshots as formulas over History, with their values cached, and refreshes in place', async () => {
      const port = await XlsxPort.fromBytes(await createTemplateBytes());
      for (let m = 1; m <= 14; m++) {
        await port.appendHistory([...HISTORY_HEADERS], snapshotValues(`2026-${String(m > 12 ? m - 12 : m).padStart(2, '0')}-28`, 40 + m, m > 10 ? 'Green' : 'Amber'));
      }
      expect(await port.writeDashboard()).toEqual({ sheet: 'Dashboard', created: true });
      const dash = port.workbook.getWorksheet('Dashboard')!;
      dash.getCell('K20').value = 'right of the block';
      dash.getCell('G41').value = 'below the block';
      await port.writeDashboard();

      const again = await roundTrip(port);
      const ws = again.workbook.getWorksheet('Dashboard')!;
      const { start, end } = parseRange(trend.table.range);
      const top = start.row + 1;
      expect(end.row - start.row).toBe(12);
      expect([1, 2, 3].map((j) => ws.getCell(top, start.column + j).value)).toEqual(['As of', 'Readiness', 'Rating']);
      const row = (k: number) => [1, 2, 3].map((j) => ws.getCell(top + k, start.column + j).value as { formula: string; result: unknown });
      // 14 snapshots: rows 3..14 shown, oldest first.
      expect(row(1).map((c) => c.result)).toEqual(['2026-03-28', 43, 'Amber']);
      expect(row(12).map((c) => c.result)).toEqual(['2026-02-28', 54, 'Green']);
      expect(row(1)[1].formula).toBe(trendCellFormula('Readiness', 1));
      expect(row(1)[1].formula).toBe('IFERROR(IF(ROWS(History[Readiness])<1,"",IF(INDEX(History[Readiness],MAX(ROWS(History[Readiness])-12,0)+1)="","",INDEX(History[Readiness],MAX(ROWS(History[Readiness])-12,0)+1))),"")');
      expect(ws.getCell('K20').value).toBe('right of the block');
      expect(ws.getCell('G41').value).toBe('below the block');
      expect(ws.getCell(trend.titleCell).value).toBe(trend.title);

      const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
      expect(rules.filter((r) => r.ref === trend.table.dataBar).map((r) => r.rules[0].type)).toEqual(['dataBar']);
      expect(rules.filter((r) => r.ref === trend.table.rules[0].range)).toHaveLength(3);
      expect(rules).toHaveLength(DASHBOARD_LAYOUT.rules.length + 1 + 1 + 3);
    });

    it('with fewer snapshots the rest stay blank; without History there is a note and no trend rules', async () => {
      const port = await XlsxPort.fromBytes(await createTemplateBytes());
      await port.writeDashboard();
      const ws = port.workbook.getWorksheet('Dashboard')!;
      expect(ws.getCell(trend.noteCell).value).toBe(trend.notes.noHistory);
      const rules = () => (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
      expect(rules().some((r) => r.ref === trend.table.dataBar)).toBe(false);

      await port.appendHistory([...HISTORY_HEADERS], snapshotValues('2026-06-30', 74.8, 'Amber'));
      await port.writeDashboard();
      const { start } = parseRange(trend.table.range);
      const cell = (k: number, j: number) => ws.getCell(start.row + 1 + k, start.column + 1 + j).value as { result: unknown };
      expect([cell(1, 0).result, cell(1, 1).result, cell(1, 2).result]).toEqual(['2026-06-30', 74.8, 'Amber']);
      // Past the last snapshot: the formula is there for the next one, its cached result blank.
      expect((ws.getCell(start.row + 3, start.column + 2).value as { formula: string }).formula).toBe(trendCellFormula('Readiness', 2));
      expect(cell(2, 1).result ?? '').toBe('');
      expect(ws.getCell(trend.noteCell).value).toBe('As of');
      expect(rules().filter((r) => r.ref === trend.table.dataBar)).toHaveLength(1);
    });
  });
});
