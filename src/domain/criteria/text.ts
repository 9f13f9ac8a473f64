/**
 * Small text helpers for criterion reasons: one line a person can act on, with numbers and
 * at most a handful of row IDs.
 */
import type { EvidenceTableName } from '../schema';

/** How many IDs a reason names before it says "and N more". */
export const MAX_IDS_IN_REASON = 5;

/** A row's handle for reasons and evidence: its ID, or "Reviews row 7" when it has none. */
export function rowLabel(table: EvidenceTableName, row: { id: string | null; row: number }): string {
  return row.id ?? `${table} row ${row.row}`;
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
