/**
 * Data-quality issues as people read them (`Reviews!D7 (REV-3): 'Q3 2025' is not a date …`)
 * and in one stable order: table order of the schema, then worksheet row, then column.
 */
import { ALL_TABLE_NAMES, SETTINGS_COLUMNS, TABLES, type TableName } from './schema';
import type { DataIssue } from './types';

/** Where the issue is: `Reviews!D7`, `Reviews row 7, Held on`, `Reviews row 7` or `Reviews`. */
/** A sheet name as Excel writes it in a reference: quoted (with ' doubled) unless it is a plain word. */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function issueLocation(issue: DataIssue): string {
  if (issue.row > 0 && issue.cell) return `${sheetReference(issue.sheet ?? issue.table)}!${issue.cell}`;
  if (issue.row > 0) return issue.column ? `${issue.table} row ${issue.row}, ${issue.column}` : `${issue.table} row ${issue.row}`;
  return issue.column ? `${issue.table}, ${issue.column}` : issue.table;
}

/** One line for a person: location, the row's ID when the message does not already name it, the message. */
export function formatIssue(issue: DataIssue): string {
  const where = issueLocation(issue);
  return issue.id && !issue.message.includes(issue.id) ? `${where} (${issue.id}): ${issue.message}` : `${where}: ${issue.message}`;
}

const TABLE_ORDER = new Map<TableName, number>(ALL_TABLE_NAMES.map((name, i) => [name, i]));

/** Column order per table: the schema's order, header text compared case-insensitively. */
const COLUMN_ORDER = new Map<TableName, Map<string, number>>([
  ...TABLES.map((t): [TableName, Map<string, number>] => [t.name, new Map(t.columns.map((c, i) => [c.header.toLowerCase(), i]))]),
  ['Settings', new Map(SETTINGS_COLUMNS.map((c, i) => [c.toLowerCase(), i]))],
]);

function columnRank(issue: DataIssue): number {
  if (issue.column === null) return -1;
  return COLUMN_ORDER.get(issue.table)?.get(issue.column.toLowerCase()) ?? Number.MAX_SAFE_INTEGER;
}

/** Table (schema order), then row, then column (row-level issues first), then message. */
export function compareIssues(a: DataIssue, b: DataIssue): number {
  const ta = TABLE_ORDER.get(a.table) ?? Number.MAX_SAFE_INTEGER;
  const tb = TABLE_ORDER.get(b.table) ?? Number.MAX_SAFE_INTEGER;
  if (ta !== tb) return ta - tb;
  if (a.row !== b.row) return a.row - b.row;
  const ca = columnRank(a);
  const cb = columnRank(b);
  if (ca !== cb) return ca - cb;
  if (a.column !== b.column) return (a.column ?? '') < (b.column ?? '') ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** A sorted copy (Array.prototype.sort is stable, so equal issues keep their order). */
export function sortIssues(issues: readonly DataIssue[]): DataIssue[] {
  return [...issues].sort(compareIssues);
}
