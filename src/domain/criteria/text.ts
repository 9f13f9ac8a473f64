/**
 * Small text helpers for criterion reasons: one line a person can act on, with numbers and
 * at most a handful of row IDs.
 */
import { TABLE_NAMES, tableForId, type EvidenceTableName } from '../schema';

/** How many IDs a reason names before it says "and N more". */
export const MAX_IDS_IN_REASON = 5;

/** What a row label is built from: the row's ID (null when blank) and its worksheet row. */
export interface LabelledRow {
  readonly id: string | null;
  readonly row: number;
}

/**
 * A row's handle for reasons and evidence: its ID; "DEC-2 (row 6)" when another row of its
 * table carries the same ID (`duplicated`), so a person can tell the two apart; "Reviews row 7"
 * when it has no ID. A unique ID stays bare: the task pane turns it into a Go-to button.
 */
export function rowLabel(table: EvidenceTableName, row: LabelledRow, duplicated = false): string {
  if (row.id == null) return `${table} row ${row.row}`;
  return duplicated ? `${row.id} (row ${row.row})` : row.id;
}

/** Where an evidence entry points: a table and the row's ID, or its worksheet row when the ID is blank or shared. */
export interface EvidenceTarget {
  readonly table: EvidenceTableName;
  readonly id?: string;
  readonly row?: number;
}

/**
 * The row an evidence entry names (the inverse of rowLabel), for a Go-to button: "DEC-2" →
 * Decisions by ID; "DEC-2 (row 6)" and "Decisions row 7" → Decisions by worksheet row, since
 * the ID finds no row or the wrong one. Anything else (e.g. a Settings key) → undefined.
 */
export function evidenceTarget(label: string): EvidenceTarget | undefined {
  const shared = /^(.+) \(row (\d+)\)$/.exec(label);
  if (shared) {
    const table = tableForId(shared[1]);
    return table && { table, row: Number(shared[2]) };
  }
  const unnamed = /^([A-Za-z]+) row (\d+)$/.exec(label);
  if (unnamed) {
    const table = TABLE_NAMES.find((t) => t === unnamed[1]);
    return table && { table, row: Number(unnamed[2]) };
  }
  const table = tableForId(label);
  return table && { table, id: label };
}

/**
 * A row's handle followed by a note in one pair of brackets, never two:
 * "REV-2 (3 of 6)", "REV-2 (row 6; 3 of 6)", "Reviews row 7 (3 of 6)".
 */
export function rowLabelWithNote(table: EvidenceTableName, row: LabelledRow, duplicated: boolean, note: string): string {
  if (row.id != null && duplicated) return `${row.id} (row ${row.row}; ${note})`;
  return `${rowLabel(table, row)} (${note})`;
}

/** A row's handle in brackets, after a name: "(ACC-1)", "(ACC-1, row 5)", "(Accountabilities row 7)". */
export function bracketedRowLabel(table: EvidenceTableName, row: LabelledRow, duplicated: boolean): string {
  if (row.id != null && duplicated) return `(${row.id}, row ${row.row})`;
  return `(${rowLabel(table, row)})`;
}

/** "REV-2", "REV-2 and REV-5", "REV-1, REV-2, REV-3, REV-4, REV-5 and 3 more". */
export function listIds(ids: readonly string[], max = MAX_IDS_IN_REASON): string {
  if (ids.length === 0) return '';
  if (ids.length === 1) return ids[0];
  if (ids.length <= max) return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

/**
 * k of n as a percentage, truncated (not rounded) to one decimal so a reason never shows
 * "95%" for a share that is really 94.96% and therefore below a 95% threshold.
 */
export function percent(k: number, n: number): string {
  if (n <= 0) return '0%';
  const tenths = Math.floor((k * 1000) / n);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

/** A day count for display: whole numbers as is, otherwise one decimal (1.25 × 90 = 112.5). */
export function days(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** "1 review" / "3 reviews". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** True when a text cell holds something other than spaces. */
export function filled(text: string | null | undefined): boolean {
  return text != null && text.trim() !== '';
}

/** Case-insensitive, trimmed comparison of an enumeration cell with its canonical spelling. */
export function is(value: string | null | undefined, canonical: string): boolean {
  return value != null && value.trim().toLowerCase() === canonical.toLowerCase();
}
