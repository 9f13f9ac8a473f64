/**
 * What set-up writes, as data: each table's columns (schema order), dropdown lists, widths,
 * Settings rows, and the decisions that compare what a workbook has with what the spec needs.
 * Pure: setup.ts turns these into Office.js commands.
 */
import {
  SETTINGS,
  SETTINGS_COLUMNS,
  TABLES,
  YES_NO,
  type ColumnKind,
  type SettingSpec,
  type TableName,
} from '../../domain/schema';
import type { CellWrite } from './office-surface';
import { findHeader, normHeader } from './cells';

export interface ColumnDef {
  readonly header: string;
  readonly kind: ColumnKind | 'key' | 'value';
  readonly values?: readonly string[];
}

export function columnDefs(name: TableName): ColumnDef[] {
  if (name === 'Settings') return [{ header: SETTINGS_COLUMNS[0], kind: 'key' }, { header: SETTINGS_COLUMNS[1], kind: 'value' }];
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`Unknown table ${name}`);
  return spec.columns.map((c) => ({ header: c.header, kind: c.kind, values: c.values }));
}

/** The dropdown list for a column (comma-separated, as Excel's list rule takes it), or null. */
export function listSource(def: ColumnDef): string | null {
  if (def.kind === 'yesno') return YES_NO.join(',');
  if (def.kind === 'enum' && def.values) return def.values.join(',');
  return null;
}

const WIDE: readonly string[] = ['text', 'list', 'link', 'value'];

/** Column width in characters: long enough for the header, wider for free text. */
export function widthChars(def: ColumnDef): number {
  if (def.kind === 'date') return Math.max(12, def.header.length + 2);
  const base = WIDE.includes(def.kind) ? 30 : 14;
  return Math.min(40, Math.max(base, def.header.length + 3));
}

/** Office.js column widths are in points; ~6 points per character of the default font. */
export const POINTS_PER_CHAR = 6;

/** A Settings row as written: numbers for day counts and thresholds, text otherwise, blank date. */
export function settingRow(setting: SettingSpec): [string, CellWrite] {
  const numeric = setting.kind === 'days' || setting.kind === 'threshold';
  return [setting.label, numeric && setting.defaultText !== '' ? Number(setting.defaultText) : setting.defaultText];
}

export function missingColumns(defs: readonly ColumnDef[], headers: readonly string[]): ColumnDef[] {
  return defs.filter((d) => findHeader(headers, d.header) < 0);
}

/** Settings whose Key is not present (case-insensitive, trimmed). */
export function missingSettings(keys: readonly unknown[]): SettingSpec[] {
  const present = new Set(keys.map(normHeader));
  return SETTINGS.filter((s) => !present.has(normHeader(s.label)));
}

/**
 * Whether a sheet's first used row is this table's header row: for Settings it must hold `Key`;
 * for an evidence table the `ID` header, or at least half of the spec's headers.
 */
export function looksLikeHeaderRow(name: TableName, firstRow: readonly string[]): boolean {
  const defs = columnDefs(name);
  if (name === 'Settings') return findHeader(firstRow, SETTINGS_COLUMNS[0]) >= 0;
  if (findHeader(firstRow, 'ID') >= 0) return true;
  const hits = defs.filter((d) => findHeader(firstRow, d.header) >= 0).length;
  return hits >= Math.ceil(defs.length / 2);
}

/** A row for a table whose headers are `headers`: `byHeader` values in their columns, '' elsewhere. */
export function rowForHeaders(headers: readonly string[], byHeader: Readonly<Record<string, CellWrite>>): CellWrite[] {
  const row: CellWrite[] = headers.map(() => '');
  for (const [header, value] of Object.entries(byHeader)) {
    const j = findHeader(headers, header);
    if (j >= 0) row[j] = value;
  }
  return row;
}

export function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return !!row && row.every((v) => v === '' || v === null || v === undefined);
}
