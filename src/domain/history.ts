/**
 * Readiness over time: one History row per snapshot (`clause51 snapshot`, the pane's
 * *Record snapshot*), and the parser that turns an existing History table back into a trend.
 *
 * Rows are appended, never rewritten, so the columns are found by header text like every
 * register table: a user may add a "Comment" column or reorder, and the trend still reads.
 */
import { fromExcelSerial, fromIsoText, fromJsDate, toIso } from './dates';
import { PILLARS, TABLE_NAMES, type EvidenceTableName, type PillarId } from './schema';
import type { EpochDay, RawCell, RawTable, Rating, Result } from './types';

/** Name of the History table in a register workbook. */
export const HISTORY_TABLE = 'History';
/**
 * Name of the worksheet holding it. Excel reserves the sheet name "History" (Track Changes) and
 * ExcelJS refuses it, so the sheet has a longer name while the table keeps the short one.
 */
export const HISTORY_SHEET = 'Readiness history';

export const HISTORY_AS_OF = 'As of';
export const HISTORY_RECORDED_AT = 'Recorded at';
export const HISTORY_READINESS = 'Readiness';
export const HISTORY_RATING = 'Rating';

/** Header of the row-count column for an evidence table, e.g. "Decisions rows". */
export function rowCountHeader(table: EvidenceTableName): string {
  return `${table} rows`;
}

/** As of · Recorded at · Readiness · Rating · the six pillar scores · data rows per evidence table. */
export const HISTORY_HEADERS: readonly string[] = [
  HISTORY_AS_OF,
  HISTORY_RECORDED_AT,
  HISTORY_READINESS,
  HISTORY_RATING,
  ...PILLARS.map((p) => p.id),
  ...TABLE_NAMES.map(rowCountHeader),
];

/** Scores are stored as shown (one decimal): History is a record for people and charts. */
function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** `2026-06-30 14:05:09 UTC`: readable, sortable, and unambiguous about the time zone. */
export function formatRecordedAt(recordedAt: Date): string {
  return `${recordedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * The History row for a result, in HISTORY_HEADERS order. The as-of date is ISO text
 * (`YYYY-MM-DD`): it reads the same in every host and the parser below accepts it (and a
 * date serial, should Excel turn it into a date). A pillar that is n/a is left blank.
 */
export function historyRow(result: Result, recordedAt: Date): RawCell[] {
  const pillarScore = (id: PillarId): number | null => oneDecimal(result.pillars.find((p) => p.id === id)?.score ?? null);
  return [
    result.asOf,
    formatRecordedAt(recordedAt),
    oneDecimal(result.readiness),
    result.rating,
    ...PILLARS.map((p) => pillarScore(p.id)),
    ...TABLE_NAMES.map((t) => result.rowCounts[t] ?? 0),
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading an existing History table.

export interface HistoryPoint {
  /** Worksheet row number (1-based, header included). */
  readonly row: number;
  readonly asOf: EpochDay;
  /** The Recorded at cell as text (blank → null). */
  readonly recordedAt: string | null;
  readonly readiness: number | null;
  readonly rating: Rating | null;
  readonly pillars: Readonly<Record<PillarId, number | null>>;
  readonly rowCounts: Readonly<Partial<Record<EvidenceTableName, number>>>;
}

export interface HistoryIssue {
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}

export interface History {
  /** Oldest first (by as-of date, then recorded at, then row). */
  readonly points: HistoryPoint[];
  readonly issues: HistoryIssue[];
}

const normal = (text: string): string => text.trim().toLowerCase();

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : null;
  return null;
}

function isErrorCell(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && 'error' in value) return true;
  return typeof value === 'string' && /^#[A-Z0-9/!?]+[!?]?$/.test(value.trim()) && value.trim() !== '#';
}

function readDate(value: unknown): EpochDay | null {
  if (typeof value === 'number' && Number.isFinite(value)) return fromExcelSerial(value);
  if (value instanceof Date) return fromJsDate(value);
  if (typeof value === 'string') return fromIsoText(value);
  return null;
}

function readNumber(value: unknown): number | null | 'bad' {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'bad';
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '' || normal(t) === 'n/a') return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : 'bad';
  }
  return 'bad';
}

function readRating(value: unknown): Rating | null | 'bad' {
  const t = cellText(value);
  if (t === null || normal(t) === 'n/a') return null;
  const found = (['Green', 'Amber', 'Red'] as const).find((r) => normal(r) === normal(t));
  return found ?? 'bad';
}

/**
 * Parse a History table (header row first). Columns are found by header text; rows without a
 * readable as-of date are left out of the trend and reported; blank rows are skipped quietly.
 */
export function parseHistory(raw: RawTable): History {
  const issues: HistoryIssue[] = [];
  const points: HistoryPoint[] = [];
  const [header, ...rows] = raw.values;
  const headerRow = raw.headerRow ?? 1;
  if (!header) return { points, issues: [{ row: 0, column: null, message: 'The History table has no header row.' }] };

  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const t = cellText(h);
    if (t !== null && !index.has(normal(t))) index.set(normal(t), i);
  });
  const col = (name: string): number | undefined => index.get(normal(name));
  const asOfCol = col(HISTORY_AS_OF);
  if (asOfCol === undefined) {
    return { points, issues: [{ row: headerRow, column: null, message: `The History table has no "${HISTORY_AS_OF}" column.` }] };
  }

  rows.forEach((cells, i) => {
    const row = headerRow + 1 + i;
    if (cells.every((c) => cellText(c) === null)) return;
    const at = (name: string): unknown => {
      const c = col(name);
      return c === undefined ? null : cells[c];
    };
    const number = (name: string): number | null => {
      const v = at(name);
      const n = readNumber(v);
      if (n === 'bad') {
        issues.push({ row, column: name, message: `${isErrorCell(v) ? 'Error value' : `"${cellText(v)}" is not a number`}; left blank.` });
        return null;
      }
      return n;
    };

    const asOf = readDate(cells[asOfCol]);
    if (asOf === null) {
      const shown = cellText(cells[asOfCol]);
      issues.push({
        row,
        column: HISTORY_AS_OF,
        message: shown === null ? 'No as-of date; row left out of the trend.' : `"${shown}" is not a date (YYYY-MM-DD); row left out of the trend.`,
      });
      return;
    }
    let rating = readRating(at(HISTORY_RATING));
    if (rating === 'bad') {
      issues.push({ row, column: HISTORY_RATING, message: `"${cellText(at(HISTORY_RATING))}" is not Green, Amber or Red; left blank.` });
      rating = null;
    }
    const pillars = {} as Record<PillarId, number | null>;
    for (const p of PILLARS) pillars[p.id] = number(p.id);
    const rowCounts: Partial<Record<EvidenceTableName, number>> = {};
    for (const t of TABLE_NAMES) {
      const n = col(rowCountHeader(t)) === undefined ? null : number(rowCountHeader(t));
      if (n !== null) rowCounts[t] = n;
    }
    points.push({
      row,
      asOf,
      recordedAt: cellText(at(HISTORY_RECORDED_AT)),
      readiness: number(HISTORY_READINESS),
      rating,
      pillars,
      rowCounts,
    });
  });

  points.sort((a, b) => a.asOf - b.asOf || (a.recordedAt ?? '').localeCompare(b.recordedAt ?? '') || a.row - b.row);
  return { points, issues };
}

export interface TrendPoint {
  /** ISO date. */
  readonly asOf: string;
  readonly readiness: number | null;
}

/**
 * One point per as-of date for a chart: when a date was snapshotted more than once, the last
 * recorded snapshot wins (a re-run after fixing data replaces the earlier figure on the chart,
 * while the History table keeps both rows).
 */
export function readinessTrend(history: History): TrendPoint[] {
  const byDay = new Map<EpochDay, HistoryPoint>();
  for (const p of history.points) byDay.set(p.asOf, p);
  return [...byDay.values()].map((p) => ({ asOf: toIso(p.asOf), readiness: p.readiness }));
}
