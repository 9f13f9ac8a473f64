/**
 * The Dashboard sheet in an .xlsx (ExcelJS), from the layout both ports share. Only the layout's
 * block is written; cells outside it are the user's. Formulas carry cached results computed by
 * the engine, so the numbers show before Excel recalculates (and in viewers that never do).
 *
 * Two differences from Excel, both ExcelJS limits: no charts (ExcelJS cannot write one: pillar
 * scores get data bars instead, and the readiness trend is a small table of the last snapshots,
 * formulas over the History table with data bars), and the GAPS list is a fixed-size array
 * formula over the spill range (dynamic-array metadata cannot be written), wrapped in IFERROR so
 * unused rows stay blank.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { assess } from '../../domain/assess';
import { todayUtc, toJsDate, fromIsoText } from '../../domain/dates';
import { gaps } from '../../domain/gaps';
import { parseRegister } from '../../domain/register';
import { PILLARS } from '../../domain/schema';
import { HISTORY_TABLE } from '../../domain/history';
import type { Result } from '../../domain/types';
import {
  DASHBOARD_LAYOUT,
  asOfFormula,
  gapsFormula,
  parseRange,
  pillarFormula,
  ratingFormula,
  readinessFormula,
  thresholdFormula,
  trendCellFormula,
  trendRowIndex,
  type CellStyle,
  type DashboardLayout,
} from '../dashboard/layout';
import { locateHistory } from './history';
import { normaliseCell, readRegister } from './read';
import { LayoutProblem } from './rows';
import { cellHasContent, findSheet, headerTexts, plainText, sameName } from './tables';

type Cached = string | number | Date | undefined;

interface ConditionalFormatting {
  ref: string;
  rules: unknown[];
}

function argb(hex: string): { argb: string } {
  return { argb: `FF${hex.replace('#', '').toUpperCase()}` };
}

function applyStyle(sheet: Worksheet, address: string, style: CellStyle | undefined): void {
  const cell = sheet.getCell(address);
  cell.style = {};
  if (!style) return;
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    cell.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: argb(style.fontColor) } : {}),
    };
  }
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(style.fill) };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.wrap !== undefined) cell.alignment = { wrapText: style.wrap, vertical: 'top' };
}

/** The engine's value for each scalar formula of the layout, keyed by formula text. */
function cachedResults(result: Result): Map<string, Cached> {
  const asOf = fromIsoText(result.asOf);
  const cached = new Map<string, Cached>([
    [readinessFormula(), result.readiness ?? undefined],
    [ratingFormula(), result.rating ?? undefined],
    [asOfFormula(), asOf === null ? undefined : toJsDate(asOf)],
    [thresholdFormula('Green threshold'), result.thresholds.green],
    [thresholdFormula('Amber threshold'), result.thresholds.amber],
  ]);
  for (const p of PILLARS) cached.set(pillarFormula(p.id), result.pillars.find((x) => x.id === p.id)?.score ?? undefined);
  return cached;
}

function blockHasContent(sheet: Worksheet, layout: DashboardLayout): boolean {
  const { start, end } = parseRange(layout.block);
  for (let r = start.row + 1; r <= end.row + 1; r++) {
    const row = sheet.findRow(r);
    if (!row) continue;
    for (let c = start.column + 1; c <= end.column + 1; c++) if (cellHasContent(row.findCell(c)?.value)) return true;
  }
  return false;
}

function writeGaps(sheet: Worksheet, layout: DashboardLayout, result: Result): void {
  const { start, end } = parseRange(layout.spill.range);
  const rows = gaps(result).map((c) => [c.id, c.pillar, c.title, c.status, c.reason, c.remedy]);
  for (let r = start.row; r <= end.row; r++) {
    for (let c = start.column; c <= end.column; c++) {
      const cached = rows[r - start.row]?.[c - start.column] ?? '';
      const cell = sheet.getCell(r + 1, c + 1);
      if (r === start.row && c === start.column) {
        cell.value = { formula: `IFERROR(${gapsFormula()},"")`, shareType: 'array', ref: layout.spill.range, result: cached } as never;
      } else {
        // Cells inside an array formula's range hold only its cached values.
        cell.value = cached;
      }
      cell.alignment = { vertical: 'top', wrapText: c - start.column >= 4 };
    }
  }
}

function dataBar(sheet: Worksheet, ref: string, priority: number): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'dataBar',
        priority,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 100 },
        ],
        color: argb('#5B9BD5'),
      } as never,
    ],
  });
}

function expressionRule(sheet: Worksheet, ref: string, formula: string, fill: string, fontColor: string, priority: number): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [formula],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(fill) }, font: { color: argb(fontColor) } },
      },
    ],
  });
}

function writeRules(sheet: Worksheet, layout: DashboardLayout, withTrend: boolean): void {
  const holder = sheet as unknown as { conditionalFormattings: ConditionalFormatting[] };
  const pillarRange = `B${parseRange(layout.chart.source).start.row + 2}:B${parseRange(layout.chart.source).end.row + 1}`;
  const trend = layout.trend.table;
  const ours = new Set([...layout.rules.map((r) => r.range.replace(/\$/g, '')), pillarRange, trend.dataBar, ...trend.rules.map((r) => r.range)]);
  // A refresh replaces the dashboard's own rules and keeps any the user added elsewhere.
  holder.conditionalFormattings = (holder.conditionalFormattings ?? []).filter((cf) => !ours.has(cf.ref));
  let priority = 0;
  for (const rule of layout.rules) expressionRule(sheet, rule.range.replace(/\$/g, ''), rule.formula, rule.fill, rule.fontColor, ++priority);
  // Stand-in for the chart ExcelJS cannot write: a bar in each pillar score cell, 0 to 100.
  dataBar(sheet, pillarRange, ++priority);
  if (!withTrend) return;
  dataBar(sheet, trend.dataBar, ++priority);
  for (const rule of trend.rules) expressionRule(sheet, rule.range, rule.formula, rule.fill, rule.fontColor, ++priority);
}

/** A History cell as a cached formula result: text, number or date; anything else shows blank. */
function trendCached(value: unknown): Cached {
  const v = normaliseCell(value);
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

/**
 * Stand-in for the trend chart: the last snapshots (As of, Readiness, Rating), as formulas over
 * the History table so new snapshots show on recalculation, with the values they have now as
 * cached results. A History that is not a table named History (a bare sheet) gets plain values.
 * Returns whether the table was written; otherwise a note says why.
 */
function writeTrend(sheet: Worksheet, workbook: Workbook, layout: DashboardLayout): boolean {
  const trend = layout.trend;
  const located = locateHistory(workbook);
  const headers = located ? headerTexts(located) : [];
  const columns = trend.table.columns.map((c) => headers.findIndex((h) => sameName(h, c.header)));
  const needed = [trend.chart.categoriesColumn, trend.chart.valuesColumn].map((h) => headers.findIndex((x) => sameName(x, h)));
  if (!located || needed.some((j) => j < 0)) {
    sheet.getCell(trend.noteCell).value = located ? trend.notes.noColumns : trend.notes.noHistory;
    applyStyle(sheet, trend.noteCell, { italic: true, fontColor: '#595959' });
    return false;
  }
  const live = located.table !== undefined && sameName(located.table.name, HISTORY_TABLE);
  const { start } = parseRange(trend.table.range);
  const dataRows = located.lastRow - located.headerRow;
  trend.table.columns.forEach((column, j) => {
    const top = start.row + 1;
    const col = start.column + 1 + j;
    const head = sheet.getCell(top, col);
    head.value = column.header;
    head.font = { bold: true };
    head.border = { bottom: { style: 'thin' } };
    for (let k = 1; k <= trend.table.rows; k++) {
      const cell = sheet.getCell(top + k, col);
      if (columns[j] < 0) continue;
      const index = trendRowIndex(dataRows, k, trend.table.rows);
      const source = index === null ? undefined : located.sheet.findRow(located.headerRow + 1 + index)?.findCell(located.firstCol + columns[j])?.value;
      const cached = index === null ? '' : trendCached(source);
      // Only numbers get the format: a date format on a text result (our ISO as-of text) makes
      // readers such as ExcelJS turn the cached text into an invalid date.
      if (column.numberFormat && (typeof cached === 'number' || cached instanceof Date)) cell.numFmt = column.numberFormat;
      // Formulas come from the layout (our code), never from cell text.
      cell.value = live ? ({ formula: trendCellFormula(column.header, k, trend.table.rows), result: cached } as never) : cached === '' ? null : cached;
    }
  });
  return true;
}

/** Write or refresh the Dashboard block. Refuses a Dashboard sheet that holds someone else's content. */
export async function writeDashboardSheet(workbook: Workbook, today = todayUtc()): Promise<{ sheet: string; created: boolean }> {
  const layout = DASHBOARD_LAYOUT;
  let sheet = findSheet(workbook, layout.sheet);
  const created = sheet === undefined;
  if (sheet && plainText(sheet.getCell(layout.titleCell).value) !== layout.title && blockHasContent(sheet, layout)) {
    throw new LayoutProblem(
      `the sheet "${sheet.name}" already has other content in ${layout.block}; rename that sheet so the dashboard can be added`,
    );
  }
  if (!sheet) sheet = workbook.addWorksheet(layout.sheet);

  const result = assess(parseRegister(readRegister(workbook)), { today });
  const cached = cachedResults(result);

  const { start, end } = parseRange(layout.block);
  for (let r = start.row + 1; r <= end.row + 1; r++) {
    for (let c = start.column + 1; c <= end.column + 1; c++) {
      const cell = sheet.getCell(r, c);
      cell.value = null;
      cell.style = {};
    }
  }
  for (const item of layout.cells) {
    if (item.formula === gapsFormula()) continue;
    const cell = sheet.getCell(item.address);
    applyStyle(sheet, item.address, item.style);
    // Formulas come from the layout (our code), never from cell text.
    cell.value = item.formula !== undefined ? ({ formula: item.formula, result: cached.get(item.formula) } as never) : (item.value ?? null);
  }
  writeGaps(sheet, layout, result);
  const withTrend = writeTrend(sheet, workbook, layout);
  for (const { column, width } of layout.columnWidths) sheet.getColumn(column).width = width;
  writeRules(sheet, layout, withTrend);
  if (created) sheet.views = [{ showGridLines: false }];
  return { sheet: sheet.name, created };
}
