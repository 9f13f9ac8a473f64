/**
 * writeDashboard(): the Dashboard block of layout.ts — labels, live ISO20K formulas, RAG
 * colouring, the pillar chart and, when the workbook has a History table, the readiness trend
 * (a line chart over the table's columns) — written in one batch. Only the block and the two
 * charts (found by name) are replaced; anything the user put elsewhere on the sheet stays.
 */
import { ALL_TABLE_NAMES } from '../../domain/schema';
import { blockGrid, DASHBOARD_LAYOUT, type DashboardLayout } from '../dashboard/layout';
import type { ExcelRun, XRange } from './office-surface';
import { POINTS_PER_CHAR } from './setup-plan';

function isEmpty(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

export async function writeDashboardSheet(run: ExcelRun, layout: DashboardLayout = DASHBOARD_LAYOUT): Promise<{ sheet: string; created: boolean }> {
  return run(async (context) => {
    const wb = context.workbook;
    const tables = ALL_TABLE_NAMES.map((name) => wb.tables.getItemOrNullObject(name).load('name'));
    const existing = wb.worksheets.getItemOrNullObject(layout.sheet).load('name');
    const current = existing.getRange(layout.block).load('values');
    // The trend's source, looked up by name in the same sync (null objects when absent).
    const trend = layout.trend.chart;
    const history = wb.tables.getItemOrNullObject(trend.table).load('name');
    const trendValues = history.columns.getItemOrNullObject(trend.valuesColumn).load('name');
    const trendCategories = history.columns.getItemOrNullObject(trend.categoriesColumn).load('name');
    await context.sync();

    // The formulas reference every table by name; Excel refuses a formula naming a missing table.
    const missing = ALL_TABLE_NAMES.filter((_, i) => tables[i].isNullObject);
    if (missing.length > 0) {
      throw new Error(`The dashboard needs every register table; missing: ${missing.join(', ')}. Run Set up first.`);
    }
    const created = existing.isNullObject;
    if (!created) {
      // A sheet of that name that is not ours: refuse rather than overwrite someone's work.
      const values = current.values;
      const ours = String(values[0]?.[0] ?? '') === layout.title;
      if (!ours && values.some((row) => row.some((v) => !isEmpty(v)))) {
        throw new Error(
          `A sheet named ${layout.sheet} already holds other content in ${layout.block}. Rename that sheet (or clear ${layout.block}), then add the dashboard again.`,
        );
      }
    }

    wb.application.suspendApiCalculationUntilNextSync();
    wb.application.suspendScreenUpdatingUntilNextSync();
    const sheet = created ? wb.worksheets.add(layout.sheet) : existing;
    const block = sheet.getRange(layout.block);
    block.conditionalFormats.clearAll();
    block.clear('Formats');
    // Deleting through a null object is a no-op, so a missing chart needs no extra round trip.
    sheet.charts.getItemOrNullObject(layout.chart.name).delete();
    sheet.charts.getItemOrNullObject(trend.name).delete();
    block.formulas = blockGrid(layout, true);
    const canTrend = !history.isNullObject && !trendValues.isNullObject && !trendCategories.isNullObject;
    if (!canTrend) {
      const note = history.isNullObject ? layout.trend.notes.noHistory : layout.trend.notes.noColumns;
      sheet.getRange(layout.trend.noteCell).values = [[note]];
    }

    for (const cell of layout.cells) {
      const s = cell.style;
      if (!s) continue;
      const range: XRange = sheet.getRange(cell.address);
      if (s.bold !== undefined) range.format.font.bold = s.bold;
      if (s.italic !== undefined) range.format.font.italic = s.italic;
      if (s.fontSize !== undefined) range.format.font.size = s.fontSize;
      if (s.fontColor !== undefined) range.format.font.color = s.fontColor;
      if (s.fill !== undefined) range.format.fill.color = s.fill;
      if (s.wrap !== undefined) range.format.wrapText = s.wrap;
      if (s.numberFormat !== undefined) range.numberFormat = [[s.numberFormat]];
    }
    for (const w of layout.columnWidths) sheet.getRange(`${w.column}1`).format.columnWidth = w.width * POINTS_PER_CHAR;

    for (const rule of layout.rules) {
      const cf = sheet.getRange(rule.range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = `=${rule.formula}`;
      cf.custom.format.fill.color = rule.fill;
      cf.custom.format.font.color = rule.fontColor;
    }

    const chart = sheet.charts.add('BarClustered', sheet.getRange(layout.chart.source), 'Columns');
    chart.name = layout.chart.name;
    chart.title.text = layout.chart.title;
    chart.setPosition(layout.chart.topLeft, layout.chart.bottomRight);

    if (canTrend) {
      // Whole column (header = series name) against the As of body: the chart follows the table as
      // snapshots are appended, without a dashboard refresh.
      const line = sheet.charts.add('Line', trendValues.getRange(), 'Columns');
      line.name = trend.name;
      line.title.text = trend.title;
      line.series.getItemAt(0).setXAxisValues(trendCategories.getDataBodyRange());
      line.setPosition(trend.topLeft, trend.bottomRight);
    }
    sheet.activate();
    await context.sync();
    return { sheet: layout.sheet, created };
  });
}
