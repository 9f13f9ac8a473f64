/**
 * Helpers shared by the report renderers. Report text mixes our words with text from cells, so
 * control characters (terminal escape sequences included) are flattened before printing.
 */
import type { PillarResult, Result, Status } from '../domain/types';

/** Control characters (C0, DEL, C1) and line/paragraph separators → one space. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** Readiness or a pillar score as shown to people: one decimal, or "n/a". */
export function score1(value: number | null): string {
  return value === null ? 'n/a' : (Math.round(value * 10) / 10).toFixed(1);
}

export function pillarLine(p: PillarResult): string {
  return `${p.id} ${score1(p.score)}`;
}

const STATUS_LABEL: Record<Status, string> = { met: 'met', partial: 'partial', 'not met': 'not met', 'n/a': 'n/a' };

export function statusLabel(status: Status): string {
  return STATUS_LABEL[status];
}

/** "Northwind Managed Services" or a neutral fallback when Settings leave it blank. */
export function organisationName(result: Result): string {
  return result.organisation.trim() === '' ? 'Register' : oneLine(result.organisation.trim());
}

/** How many gaps and issues the human-readable reports list before summarising the rest. */
export const TOP_GAPS = 5;
export const MAX_LISTED_ISSUES = 100;
