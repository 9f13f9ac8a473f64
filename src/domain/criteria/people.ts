/**
 * Who counts as top management and how person cells match names (spec §1–§2): names compare
 * case-insensitively with surrounding spaces ignored; a person cell matches only when its whole
 * trimmed text equals a name (so "Ann Lee (COO)" is not "Ann Lee").
 */
import type { AccountabilityRow } from '../types';
import { is } from './text';

export function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

/** Active, or blank Status (blank counts as Active). */
export function isActive(row: AccountabilityRow): boolean {
  return row.status == null || row.status.trim() === '' || is(row.status, 'Active');
}

/** Rows whose Person is top management: Top management = Yes and Status Active or blank. */
export function isTopManagementRow(row: AccountabilityRow): boolean {
  return row.topManagement === true && isActive(row);
}

/** Owner rows: top-management rows also accountable for SMS effectiveness. */
export function isOwnerRow(row: AccountabilityRow): boolean {
  return isTopManagementRow(row) && row.accountable === true;
}

/** The normalised names of top management. */
export function topManagementNames(rows: readonly AccountabilityRow[]): Set<string> {
  const names = new Set<string>();
  for (const row of rows) {
    if (!isTopManagementRow(row) || row.person == null) continue;
    const name = normalizeName(row.person);
    if (name !== '') names.add(name);
  }
  return names;
}

/** Whether a person cell (whole trimmed text) names someone in `names`. */
export function matchesName(names: ReadonlySet<string>, cell: string | null): boolean {
  if (cell == null) return false;
  const name = normalizeName(cell);
  return name !== '' && names.has(name);
}

/** Whether any element of a list cell (e.g. Top management present) names someone in `names`. */
export function anyMatches(names: ReadonlySet<string>, list: readonly string[]): boolean {
  for (const element of list) if (matchesName(names, element)) return true;
  return false;
}
