/**
 * SHA-256 fingerprints of the register tables, so an auditor can tell which register state a
 * pack came from. Uses Web Crypto (globalThis.crypto.subtle): the same code runs in Node 20 and
 * in the task pane's browser.
 *
 * Canonical form of one table (documented for auditors in docs/auditor-pack.md):
 * - one line per table row, header row first, every row of the table (blank rows included,
 *   except blank rows at the end, which are a table's spare space and which hosts report differently);
 * - a line is the JSON array (JSON.stringify, no spaces) of the row's cells, padded with null or
 *   cut to the header's width;
 * - a cell is its stored value: text as is; a number in ECMAScript shortest round-trip form;
 *   TRUE/FALSE as JSON booleans; a date as its Excel serial number (days since 1899-12-30,
 *   time as the fraction), so Office.js serials and xlsx-reader Dates agree; an error value as
 *   its text (`#N/A`); a blank cell or empty text as null;
 * - lines are joined with "\n" (no trailing newline), encoded as UTF-8, hashed with SHA-256,
 *   written as 64 lower-case hex digits.
 * The whole-register fingerprint hashes the lines `Table<TAB>sha256` of every table present, in
 * the register's table order, joined the same way.
 */
import { ALL_TABLE_NAMES, type TableName } from '../domain/schema';
import type { RawRegister, RawTable } from '../domain/types';

export type CanonicalCell = string | number | boolean | null;

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_OFFSET = 25569;

export function canonicalCell(value: unknown): CanonicalCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? t / MS_PER_DAY + EXCEL_EPOCH_OFFSET : null;
  }
  if (typeof value === 'object' && 'error' in value) return String((value as { error: unknown }).error);
  return String(value);
}

/** The canonical text of a table (see the file comment); exported so tests and docs can show it. */
export function canonicalTable(table: RawTable): string {
  const width = table.values[0]?.length ?? 0;
  let count = table.values.length;
  while (count > 1 && table.values[count - 1].every((v) => canonicalCell(v) === null)) count--;
  const lines: string[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row = table.values[r];
    const cells: CanonicalCell[] = new Array(width);
    for (let c = 0; c < width; c++) cells[c] = canonicalCell(row[c]);
    lines[r] = JSON.stringify(cells);
  }
  return lines.join('\n');
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('Web Crypto (crypto.subtle) is not available here; fingerprints need it (Node 20+, or a browser page served over https or localhost).');
  return s;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface TableFingerprint {
  readonly table: TableName;
  /** Data rows (the header row is not counted, but it is hashed). */
  readonly rows: number;
  readonly sha256: string;
}

export interface RegisterFingerprint {
  readonly tables: TableFingerprint[];
  /** Hash over every table's `Table<TAB>sha256` line. */
  readonly register: string;
}

export async function fingerprintTable(name: TableName, table: RawTable): Promise<TableFingerprint> {
  return { table: name, rows: Math.max(0, table.values.length - 1), sha256: await sha256Hex(canonicalTable(table)) };
}

/** Fingerprints of every register table present (Settings included), in the register's order. */
export async function fingerprintRegister(raw: RawRegister): Promise<RegisterFingerprint> {
  const tables: TableFingerprint[] = [];
  for (const name of ALL_TABLE_NAMES) {
    const table = raw[name];
    if (table) tables.push(await fingerprintTable(name, table));
  }
  const register = await sha256Hex(tables.map((t) => `${t.table}\t${t.sha256}`).join('\n'));
  return { tables, register };
}
