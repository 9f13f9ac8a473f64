/**
 * The Dashboard block as plain data, shared by both workbook ports (Office.js in Excel, ExcelJS
 * for .xlsx files): which cell holds which label or live formula, the RAG colouring rules, the
 * pillar chart, the readiness trend (from the History table) and the block's own address. A port
 * writes exactly this block and its charts; a rewrite replaces only them, so anything a user adds
 * outside `block` survives.
 *
 * Conventions (host-neutral):
 * - `formula` is the formula text WITHOUT the leading '=' (ExcelJS style); Office.js adds it.
 * - Colours are '#RRGGBB'. Column widths are in characters (ExcelJS style); Office.js converts.
 * - Conditional-format formulas are relative to the top-left cell of `range`, as in Excel.
 */
import { HISTORY_AS_OF, HISTORY_RATING, HISTORY_READINESS, HISTORY_TABLE } from '../../domain/history';
import { PILLARS, SETTINGS, TABLE_NAMES, type PillarId } from '../../domain/schema';
import type { Rating } from '../../domain/types';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly numberFormat?: string;
  readonly wrap?: boolean;
}

export interface DashboardCell {
  /** A1 address on the Dashboard sheet, inside the block. */
  readonly address: string;
  readonly value?: string | number;
  readonly formula?: string;
  readonly style?: CellStyle;
}

export interface RagRule {
  readonly rating: Rating;
  /** Range the rule applies to, e.g. `B8:B13`. */
  readonly range: string;
  /** Custom-formula rule (Excel "Use a formula…", ExcelJS type 'expression'), no leading '='. */
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
}

export interface DashboardChart {
  /** The chart is found again by this name on rewrite. */
  readonly name: string;
  readonly type: 'barClustered';
  readonly title: string;
  /** Categories in the first column, values in the second, header row first (series name). */
  readonly source: string;
  readonly seriesBy: 'columns';
  readonly topLeft: string;
  readonly bottomRight: string;
}

/**
 * Readiness over time, from the History table. Excel draws a line chart of the table's Readiness
 * column over its As of column (found by name, refreshed on rewrite). A host that cannot write
 * charts (ExcelJS) lists the latest snapshots in `table` instead, as formulas over History.
 */
export interface DashboardTrend {
  /** Heading above the chart or table. */
  readonly titleCell: string;
  readonly title: string;
  /** Where a note goes when there is nothing to draw (no History table, or it lacks a column). */
  readonly noteCell: string;
  readonly notes: { readonly noHistory: string; readonly noColumns: string };
  readonly chart: {
    /** The chart is found again by this name on rewrite. */
    readonly name: string;
    readonly type: 'line';
    readonly title: string;
    /** Source: the History table's value column (header = series name) over its category column. */
    readonly table: string;
    readonly valuesColumn: string;
    readonly categoriesColumn: string;
    readonly topLeft: string;
    readonly bottomRight: string;
  };
  /** The chart-less stand-in: header row at `range`'s top, then `rows` snapshots, oldest first. */
  readonly table: {
    readonly range: string;
    readonly columns: readonly { readonly header: string; readonly numberFormat?: string }[];
    readonly rows: number;
    /** Data bar (0–100) over the readiness cells. */
    readonly dataBar: string;
    /** RAG colouring of the rating cells. */
    readonly rules: readonly RagRule[];
  };
}

export interface DashboardLayout {
  readonly sheet: 'Dashboard';
  /** The block the dashboard owns, e.g. `A1:J40`. Nothing outside it is ever written. */
  readonly block: string;
  /** Where the title sits; a port recognises its own dashboard by this cell's text. */
  readonly titleCell: string;
  readonly title: string;
  readonly cells: readonly DashboardCell[];
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  readonly rules: readonly RagRule[];
  readonly chart: DashboardChart;
  readonly trend: DashboardTrend;
  /** The GAPS formula spills from `anchor` into `range` (kept empty by the block). */
  readonly spill: { readonly anchor: string; readonly range: string };
}

/** The seven table arguments every ISO20K function takes, as structured references. */
export const REGISTER_ARGUMENTS = [...TABLE_NAMES, 'Settings'].map((t) => `${t}[#All]`).join(',');

export function readinessFormula(): string {
  return `ISO20K.READINESS(${REGISTER_ARGUMENTS})`;
}

export function ratingFormula(): string {
  return `ISO20K.RATING(${REGISTER_ARGUMENTS})`;
}

export function pillarFormula(pillar: PillarId): string {
  return `ISO20K.PILLAR("${pillar}",${REGISTER_ARGUMENTS})`;
}

export function gapsFormula(): string {
  return `ISO20K.GAPS(${REGISTER_ARGUMENTS})`;
}

/** A Settings value looked up by its Key, so editing Settings recolours and re-dates the dashboard. */
function settingLookup(label: string): string {
  return `INDEX(Settings[Value],MATCH("${label}",Settings[Key],0))`;
}

/**
 * A threshold from Settings as a number; falls back to the spec default when the cell is blank,
 * text or missing, so the colouring never breaks on a typo.
 */
export function thresholdFormula(label: 'Green threshold' | 'Amber threshold'): string {
  const fallback = SETTINGS.find((s) => s.label === label)?.defaultText ?? '';
  return `IFERROR(VALUE(${settingLookup(label)}),${fallback})`;
}

/** The as-of date the functions use: Settings' Assessment date, else today. */
export function asOfFormula(): string {
  const lookup = settingLookup('Assessment date');
  return `IFERROR(IF(${lookup}="",TODAY(),${lookup}),TODAY())`;
}

export const RAG_COLOURS: Readonly<Record<Rating, { fill: string; font: string }>> = {
  Green: { fill: '#C6EFCE', font: '#006100' },
  Amber: { fill: '#FFEB9C', font: '#9C5700' },
  Red: { fill: '#FFC7CE', font: '#9C0006' },
};

const TITLE = 'ISO/IEC 20000-1 Clause 5.1 readiness';
const BLOCK = 'A1:J40';
const GREEN_CELL = '$E$3';
const AMBER_CELL = '$E$4';
const PILLAR_FIRST_ROW = 8;
const GAPS_HEADER_ROW = 16;
const GAPS_HEADERS = ['Criterion', 'Pillar', 'Title', 'Status', 'Reason', 'Next step'];
/** 22 criteria at most, one row each. */
const GAPS_MAX_ROWS = 22;
/** Right of the GAPS list, below the pillar chart. */
const TREND_TITLE_ROW = 15;
const TREND_COLUMN = 'G';
/** Snapshots listed where no chart can be drawn. */
const TREND_ROWS = 12;

/**
 * The k-th (1-based) of the last `rows` values of a History column, oldest first, top-aligned;
 * "" past the end, for a blank cell, and if History or the column is gone. Position in the table
 * (snapshots are appended in time order), not sorted: a formula cannot reorder cheaply, and the
 * cached result a port writes follows the same rule.
 */
export function trendCellFormula(column: string, k: number, rows = TREND_ROWS): string {
  const ref = `${HISTORY_TABLE}[${column}]`;
  const at = `INDEX(${ref},MAX(ROWS(${ref})-${rows},0)+${k})`;
  return `IFERROR(IF(ROWS(${ref})<${k},"",IF(${at}="","",${at})),"")`;
}

/** Which History data row (0-based) the k-th trend row shows, or null: the rule of trendCellFormula. */
export function trendRowIndex(dataRows: number, k: number, rows = TREND_ROWS): number | null {
  return dataRows < k ? null : Math.max(dataRows - rows, 0) + k - 1;
}

function numericRules(range: string, firstCell: string): RagRule[] {
  const isNum = `ISNUMBER(${firstCell})`;
  return [
    { rating: 'Green', range, formula: `AND(${isNum},${firstCell}>=${GREEN_CELL})` },
    { rating: 'Amber', range, formula: `AND(${isNum},${firstCell}>=${AMBER_CELL},${firstCell}<${GREEN_CELL})` },
    { rating: 'Red', range, formula: `AND(${isNum},${firstCell}<${AMBER_CELL})` },
  ].map((r) => ({ ...r, rating: r.rating as Rating, fill: RAG_COLOURS[r.rating as Rating].fill, fontColor: RAG_COLOURS[r.rating as Rating].font }));
}

function ratingRules(cell: string, range = cell): RagRule[] {
  return (['Green', 'Amber', 'Red'] as const).map((rating) => ({
    rating,
    range,
    formula: `${cell}="${rating}"`,
    fill: RAG_COLOURS[rating].fill,
    fontColor: RAG_COLOURS[rating].font,
  }));
}

function buildLayout(): DashboardLayout {
  const bold = { bold: true };
  const pillarLast = PILLAR_FIRST_ROW + PILLARS.length - 1;
  const cells: DashboardCell[] = [
    { address: 'A1', value: TITLE, style: { bold: true, fontSize: 16 } },
    {
      address: 'A2',
      value: `Live formulas: they recalculate whenever the register changes. Cells ${BLOCK} belong to the dashboard and are rewritten on refresh; anything outside them is yours.`,
      style: { italic: true, fontColor: '#595959' },
    },
    { address: 'A3', value: 'Readiness (0–100)', style: bold },
    { address: 'B3', formula: readinessFormula(), style: { bold: true, fontSize: 14, numberFormat: '0' } },
    { address: 'A4', value: 'Rating', style: bold },
    { address: 'B4', formula: ratingFormula(), style: { bold: true, fontSize: 14 } },
    { address: 'A5', value: 'As of', style: bold },
    { address: 'B5', formula: asOfFormula(), style: { numberFormat: 'yyyy-mm-dd' } },
    { address: 'D3', value: 'Green from', style: { italic: true } },
    { address: 'E3', formula: thresholdFormula('Green threshold'), style: { numberFormat: '0' } },
    { address: 'D4', value: 'Amber from', style: { italic: true } },
    { address: 'E4', formula: thresholdFormula('Amber threshold'), style: { numberFormat: '0' } },
    { address: 'D5', value: 'Thresholds come from the Settings sheet.', style: { italic: true, fontColor: '#595959' } },
    { address: `A${PILLAR_FIRST_ROW - 1}`, value: 'Pillar', style: bold },
    { address: `B${PILLAR_FIRST_ROW - 1}`, value: 'Score', style: bold },
    { address: `C${PILLAR_FIRST_ROW - 1}`, value: 'Weight %', style: bold },
    ...PILLARS.flatMap((p, i): DashboardCell[] => [
      { address: `A${PILLAR_FIRST_ROW + i}`, value: p.id },
      { address: `B${PILLAR_FIRST_ROW + i}`, formula: pillarFormula(p.id), style: { numberFormat: '0' } },
      { address: `C${PILLAR_FIRST_ROW + i}`, value: p.weight },
    ]),
    { address: `A${GAPS_HEADER_ROW - 1}`, value: 'Gaps: criteria not met or partial, worst first', style: { bold: true, fontSize: 12 } },
    ...GAPS_HEADERS.map((h, i): DashboardCell => ({ address: `${String.fromCharCode(65 + i)}${GAPS_HEADER_ROW}`, value: h, style: bold })),
    { address: `A${GAPS_HEADER_ROW + 1}`, formula: gapsFormula(), style: { wrap: false } },
    { address: `${TREND_COLUMN}${TREND_TITLE_ROW}`, value: 'Readiness over time', style: { bold: true, fontSize: 12 } },
  ];
  const trendTop = TREND_TITLE_ROW + 1;
  const trendFirst = trendTop + 1;
  const trendLast = trendTop + TREND_ROWS;
  return {
    sheet: 'Dashboard',
    block: BLOCK,
    titleCell: 'A1',
    title: TITLE,
    cells,
    columnWidths: [
      { column: 'A', width: 26 },
      { column: 'B', width: 14 },
      { column: 'C', width: 30 },
      { column: 'D', width: 14 },
      { column: 'E', width: 50 },
      { column: 'F', width: 50 },
      { column: 'G', width: 12 },
      { column: 'H', width: 11 },
      { column: 'I', width: 10 },
    ],
    rules: [...numericRules('B3', 'B3'), ...ratingRules('$B$4'), ...numericRules(`B${PILLAR_FIRST_ROW}:B${pillarLast}`, `B${PILLAR_FIRST_ROW}`)],
    chart: {
      name: 'ISO20K pillar scores',
      type: 'barClustered',
      title: 'Pillar scores (0–100)',
      source: `A${PILLAR_FIRST_ROW - 1}:B${pillarLast}`,
      seriesBy: 'columns',
      topLeft: 'G3',
      bottomRight: 'J14',
    },
    trend: {
      titleCell: `${TREND_COLUMN}${TREND_TITLE_ROW}`,
      title: 'Readiness over time',
      noteCell: `${TREND_COLUMN}${trendTop}`,
      notes: {
        noHistory: 'No snapshots yet: Record snapshot (task pane) or clause51 snapshot adds one; then refresh the dashboard.',
        noColumns: `The History table needs its "${HISTORY_AS_OF}" and "${HISTORY_READINESS}" columns for the trend.`,
      },
      chart: {
        name: 'ISO20K readiness trend',
        type: 'line',
        title: 'Readiness over time (0–100)',
        table: HISTORY_TABLE,
        valuesColumn: HISTORY_READINESS,
        categoriesColumn: HISTORY_AS_OF,
        topLeft: `${TREND_COLUMN}${trendTop}`,
        bottomRight: `J${trendTop + 14}`,
      },
      table: {
        range: `G${trendTop}:I${trendLast}`,
        columns: [{ header: HISTORY_AS_OF, numberFormat: 'yyyy-mm-dd' }, { header: HISTORY_READINESS, numberFormat: '0.0' }, { header: HISTORY_RATING }],
        rows: TREND_ROWS,
        dataBar: `H${trendFirst}:H${trendLast}`,
        rules: ratingRules(`I${trendFirst}`, `I${trendFirst}:I${trendLast}`),
      },
    },
    spill: {
      anchor: `A${GAPS_HEADER_ROW + 1}`,
      range: `A${GAPS_HEADER_ROW + 1}:F${GAPS_HEADER_ROW + GAPS_MAX_ROWS}`,
    },
  };
}

export const DASHBOARD_LAYOUT: DashboardLayout = buildLayout();

// ---------------------------------------------------------------------------------------------
// Small A1 helpers both ports need to place the block.

export interface CellPosition {
  /** Zero-based. */
  readonly row: number;
  /** Zero-based. */
  readonly column: number;
}

export function parseCell(address: string): CellPosition {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

export function parseRange(address: string): { readonly start: CellPosition; readonly end: CellPosition } {
  const [a, b = a] = address.split(':');
  return { start: parseCell(a), end: parseCell(b) };
}

/**
 * The whole block as one 2-D array (rows × columns) of what each cell should hold: a formula
 * (with its leading '=' when `withEquals`), a label or number, or '' for an empty cell.
 */
export function blockGrid(layout: DashboardLayout = DASHBOARD_LAYOUT, withEquals = true): (string | number)[][] {
  const { start, end } = parseRange(layout.block);
  const grid = Array.from({ length: end.row - start.row + 1 }, () =>
    Array.from({ length: end.column - start.column + 1 }, (): string | number => ''),
  );
  for (const cell of layout.cells) {
    const p = parseCell(cell.address);
    const content = cell.formula !== undefined ? `${withEquals ? '=' : ''}${cell.formula}` : (cell.value ?? '');
    grid[p.row - start.row][p.column - start.column] = content;
  }
  return grid;
}
