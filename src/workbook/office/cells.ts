/**
 * Cell values on their way into Excel, and header matching. Pure: no Office.js at run time.
 */
import { fromJsDate, toExcelSerial } from '../../domain/dates';
import type { RawCell } from '../../domain/types';
import type { CellWrite } from './office-surface';

/**
 * Text Excel would turn into a formula (or a number sign) when written as a value: it must stay
 * text. Leading tab and carriage return are included because spreadsheet-injection payloads use them.
 */
export function looksLikeFormula(value: unknown): value is string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value);
}

/** The value to write for one cell: blanks as '', dates as Excel serials. Errors are refused. */
export function toCellWrite(value: RawCell): CellWrite {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const day = fromJsDate(value);
    if (day === null) throw new TypeError('Cannot write an invalid date');
    return toExcelSerial(day);
  }
  if (typeof value === 'object') throw new TypeError(`Cannot write the error value ${value.error} into a cell`);
  return value;
}

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * One row ready to write: the values, plus (only when some text looks like a formula) a
 * number-format row that makes exactly those cells Text ('@') and leaves the others (null).
 */
export interface PreparedRow {
  values: CellWrite[];
  textFormats: (string | null)[] | null;
}

export function prepareRow(values: readonly RawCell[]): PreparedRow {
  const out = values.map(toCellWrite);
  const protect = out.map((v) => (looksLikeFormula(v) ? TEXT_FORMAT : null));
  return { values: out, textFormats: protect.some((p) => p !== null) ? protect : null };
}

export function normHeader(text: unknown): string {
  return String(text ?? '').trim().toLowerCase();
}

/** Index of `header` among `headers` (case-insensitive, trimmed), or -1. */
export function findHeader(headers: readonly unknown[], header: string): number {
  const wanted = normHeader(header);
  return headers.findIndex((h) => normHeader(h) === wanted);
}

export function columnLetter(index0: number): string {
  let s = '';
  let n = index0 + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
