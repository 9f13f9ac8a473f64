/**
 * The Dashboard sheet in an .xlsx (ExcelJS), from the layout both ports share. Only the layout's
 * block is written; cells outside it are the user's. Formulas carry cached results computed by
 * the engine, so the numbers show before Excel recalculates (and in viewers that never do).
 *
 * Two differences from Excel, both ExcelJS limits: no chart (ExcelJS cannot write one; pillar
 * scores get data bars instead), and the GAPS list is a fixed-size array formula over the spill
 * range (dynamic-array metadata cannot be written), wrapped in IFERROR so unused rows stay blank.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { assess } from '../../domain/assess';
import { todayUtc, toJsDate, fromIsoText } from '../../domain/dates';
import { gaps } from '../../domain/gaps';
import { parseRegister } from '../../domain/register';
import { PILLARS } from '../../domain/schema';
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
  type CellStyle,
  type DashboardLayout,
} from '../dashboard/layout';
import { readRegister } from './read';
import { LayoutProblem } from './rows';
import { cellHasContent, findSheet, plainText } from './tables';

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

function writeRules(sheet: Worksheet, layout: DashboardLayout): void {
  const holder = sheet as unknown as { conditionalFormattings: ConditionalFormatting[] };
  const pillarRange = `B${parseRange(layout.chart.source).start.row + 2}:B${parseRange(layout.chart.source).end.row + 1}`;
  const ours = new Set([...layout.rules.map((r) => r.range.replace(/\$/g, '')), pillarRange]);
  // A refresh replaces the dashboard's own rules and keeps any the user added elsewhere.
  holder.conditionalFormattings = (holder.conditionalFormattings ?? []).filter((cf) => !ours.has(cf.ref));
  layout.rules.forEach((rule, i) => {
    sheet.addConditionalFormatting({
      ref: rule.range.replace(/\$/g, ''),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [rule.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(rule.fill) }, font: { color: argb(rule.fontColor) } },
        },
      ],
    });
  });
  // Stand-in for the chart ExcelJS cannot write: a bar in each pillar score cell, 0 to 100.
  sheet.addConditionalFormatting({
    ref: pillarRange,
    rules: [
      {
        type: 'dataBar',
        priority: layout.rules.length + 1,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 100 },
        ],
        color: argb('#5B9BD5'),
      } as never,
    ],
  });
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
  for (const { column, width } of layout.columnWidths) sheet.getColumn(column).width = width;
  writeRules(sheet, layout);
  if (created) sheet.views = [{ showGridLines: false }];
  return { sheet: sheet.name, created };
}
