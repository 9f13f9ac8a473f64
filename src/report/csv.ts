/**
 * `clause51 score --format csv`: the 22 criteria, one per line, for spreadsheets and scripts.
 *
 * CSV injection (OWASP): a field that starts with = + - @ tab or carriage return is prefixed with
 * a single quote so no spreadsheet opening the file runs it as a formula, and every field is
 * quoted (inner quotes doubled), so a comma, quote or line break inside a reason cannot start a
 * new cell that then begins with `=`. Lines end with CRLF (RFC 4180).
 */
import type { Result } from '../domain/types';

export const CSV_HEADERS = ['ID', 'Pillar', 'Title', 'Status', 'Score', 'Reason', 'Evidence', 'Remedy'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, neutralised and quoted. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function renderCsv(result: Result): string {
  let out = csvLine(CSV_HEADERS);
  for (const c of result.criteria) {
    out += csvLine([c.id, c.pillar, c.title, c.status, c.score, c.reason, c.evidence.join('; '), c.remedy]);
  }
  return out;
}
