import { HISTORY_HEADERS, HISTORY_SHEET } from '../../../src/domain/history';
import { PILLARS } from '../../../src/domain/schema';
import { DASHBOARD_LAYOUT, REGISTER_ARGUMENTS } from '../../../src/workbook/dashboard/layout';
import { OfficePort } from '../../../src/workbook/office/office-port';
import { FakeExcel } from '../../support/excel-fake';
import { buildRegister } from './register-builder';

function port(fake: FakeExcel): OfficePort {
  return new OfficePort({ run: fake.run });
}

describe('writeDashboard', () => {
  test.each([10, 50_000])('%i rows: creates the sheet with live formulas, RAG rules and the chart in 2 syncs', async (n) => {
    const fake = new FakeExcel();
    buildRegister(fake, { Decisions: n, Reviews: 5 });
    fake.resetMetrics();
    expect(await port(fake).writeDashboard()).toEqual({ sheet: 'Dashboard', created: true });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[1]).toMatchObject({ suspendedCalculation: true, suspendedScreenUpdating: true });
    expect(fake.maxRequestBytes()).toBeLessThan(100_000);

    expect(fake.cell('Dashboard', 'B3').formula).toBe(`=ISO20K.READINESS(${REGISTER_ARGUMENTS})`);
    expect(fake.cell('Dashboard', 'B4').formula).toBe(`=ISO20K.RATING(${REGISTER_ARGUMENTS})`);
    PILLARS.forEach((p, i) => expect(fake.cell('Dashboard', `B${8 + i}`).formula).toBe(`=ISO20K.PILLAR("${p.id}",${REGISTER_ARGUMENTS})`));
    expect(fake.cell('Dashboard', DASHBOARD_LAYOUT.spill.anchor).formula).toBe(`=ISO20K.GAPS(${REGISTER_ARGUMENTS})`);
    expect(fake.cell('Dashboard', 'E3').formula).toMatch(/Settings\[Value\].*"Green threshold".*Settings\[Key\]/);
    expect(fake.cell('Dashboard', 'A1').value).toBe(DASHBOARD_LAYOUT.title);

    const sheet = fake.sheet('Dashboard')!;
    expect(sheet.conditionalFormats).toHaveLength(DASHBOARD_LAYOUT.rules.length);
    expect(sheet.conditionalFormats.map((c) => c.formula)).toEqual(DASHBOARD_LAYOUT.rules.map((r) => `=${r.formula}`));
    expect(sheet.conditionalFormats.every((c) => c.fill && c.fontColor)).toBe(true);
    expect(sheet.charts).toEqual([
      { name: 'ISO20K pillar scores', type: 'BarClustered', source: 'A7:B13', seriesBy: 'Columns', title: DASHBOARD_LAYOUT.chart.title, position: ['G3', 'J14'] },
    ]);
    expect(fake.activeSheet?.name).toBe('Dashboard');
  });

  test('a rewrite replaces only its block and chart: user cells, charts and rules outside survive', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, 3);
    const p = port(fake);
    await p.writeDashboard();
    const sheet = fake.sheet('Dashboard')!;
    fake.setCells('Dashboard', 'L2', [['My note', 42]]);
    fake.setCells('Dashboard', 'A45', [['Below the block']]);
    sheet.charts.push({ name: 'My trend', type: 'Line', source: 'L2:M2' });
    sheet.conditionalFormats.push({ address: 'L2:M2', type: 'Custom', formula: '=TRUE', fill: '#000000' });
    fake.setCells('Dashboard', 'C20', [['junk inside the block']]);

    fake.resetMetrics();
    expect(await p.writeDashboard()).toEqual({ sheet: 'Dashboard', created: false });
    expect(fake.syncCount).toBe(2);
    expect(fake.cell('Dashboard', 'L2').value).toBe('My note');
    expect(fake.cell('Dashboard', 'M2').value).toBe(42);
    expect(fake.cell('Dashboard', 'A45').value).toBe('Below the block');
    expect(fake.cell('Dashboard', 'C20').value).toBe('');
    expect(sheet.charts.map((c) => c.name).sort()).toEqual(['ISO20K pillar scores', 'My trend']);
    expect(sheet.conditionalFormats.filter((c) => c.address === 'L2:M2')).toHaveLength(1);
    expect(sheet.conditionalFormats).toHaveLength(DASHBOARD_LAYOUT.rules.length + 1);
  });

  test('refuses to overwrite a foreign Dashboard sheet, and needs the register tables', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, 1);
    fake.setCells('Dashboard', 'B2', [['Sales KPIs']]);
    await expect(port(fake).writeDashboard()).rejects.toThrow(/already holds other content/);
    expect(fake.cell('Dashboard', 'B2').value).toBe('Sales KPIs');

    const empty = new FakeExcel();
    await expect(port(empty).writeDashboard()).rejects.toThrow(/missing: Accountabilities, .*Settings\. Run Set up/);
  });

  describe('readiness trend', () => {
    const trend = DASHBOARD_LAYOUT.trend;
    const snapshot = (asOf: string, readiness: number): (string | number)[] =>
      HISTORY_HEADERS.map((h) => (h === 'As of' ? asOf : h === 'Readiness' ? readiness : h === 'Rating' ? 'Amber' : ''));

    test('with History: one line chart over its Readiness and As of columns, however often it is rewritten', async () => {
      const fake = new FakeExcel();
      buildRegister(fake, 10);
      fake.addTable(HISTORY_SHEET, 'History', [...HISTORY_HEADERS], [snapshot('2026-03-31', 58.2), snapshot('2026-06-30', 74.8)]);
      const p = port(fake);
      await p.writeDashboard();
      fake.setCells('Dashboard', 'L20', [['my own note']]);
      fake.setCells('Dashboard', 'A41', [['below the block']]);
      fake.setCells('Dashboard', 'K16', [['right of the block']]);

      fake.resetMetrics();
      expect(await p.writeDashboard()).toEqual({ sheet: 'Dashboard', created: false });
      expect(fake.syncCount).toBeLessThanOrEqual(3);
      expect(fake.syncCount).toBe(2);

      const charts = fake.sheet('Dashboard')!.charts;
      expect(charts.map((c) => c.name).sort()).toEqual(['ISO20K pillar scores', trend.chart.name]);
      const line = charts.find((c) => c.name === trend.chart.name)!;
      const readiness = HISTORY_HEADERS.indexOf('Readiness');
      const letter = String.fromCharCode(65 + readiness);
      expect(line).toEqual({
        name: trend.chart.name,
        type: 'Line',
        source: `${letter}1:${letter}3`,
        sourceSheet: HISTORY_SHEET,
        seriesBy: 'Columns',
        categories: `'${HISTORY_SHEET}'!A2:A3`,
        title: trend.chart.title,
        position: [trend.chart.topLeft, trend.chart.bottomRight],
      });
      expect(fake.cell('Dashboard', trend.titleCell).value).toBe(trend.title);
      expect(fake.cell('Dashboard', trend.noteCell).value).toBe('');
      expect(fake.cell('Dashboard', 'L20').value).toBe('my own note');
      expect(fake.cell('Dashboard', 'A41').value).toBe('below the block');
      expect(fake.cell('Dashboard', 'K16').value).toBe('right of the block');
      // The History table itself is only read.
      expect(fake.tableValues('History')).toHaveLength(3);
      expect(fake.writes.some((w) => w.target.includes(HISTORY_SHEET))).toBe(false);
    });

    test('without History: no trend chart and a note; a later rewrite adds it, and drops it when History is gone', async () => {
      const fake = new FakeExcel();
      buildRegister(fake, 3);
      const p = port(fake);
      await p.writeDashboard();
      expect(fake.sheet('Dashboard')!.charts.map((c) => c.name)).toEqual(['ISO20K pillar scores']);
      expect(fake.cell('Dashboard', trend.noteCell).value).toBe(trend.notes.noHistory);

      await p.appendHistory([...HISTORY_HEADERS], snapshot('2026-06-30', 74.8));
      await p.writeDashboard();
      expect(fake.sheet('Dashboard')!.charts.filter((c) => c.name === trend.chart.name)).toHaveLength(1);

      fake.removeTableAndSheet('History');
      fake.resetMetrics();
      await p.writeDashboard();
      expect(fake.syncCount).toBe(2);
      expect(fake.sheet('Dashboard')!.charts.map((c) => c.name)).toEqual(['ISO20K pillar scores']);
      expect(fake.cell('Dashboard', trend.noteCell).value).toBe(trend.notes.noHistory);
    });

    test('a History table without a Readiness column gets a note instead of a broken chart', async () => {
      const fake = new FakeExcel();
      buildRegister(fake, 3);
      fake.addTable(HISTORY_SHEET, 'History', ['As of', 'Score'], [['2026-06-30', 70]]);
      await port(fake).writeDashboard();
      expect(fake.sheet('Dashboard')!.charts.map((c) => c.name)).toEqual(['ISO20K pillar scores']);
      expect(fake.cell('Dashboard', trend.noteCell).value).toBe(trend.notes.noColumns);
    });
  });
});
