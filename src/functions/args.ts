/**
 * Custom function arguments → the engine's input. Excel hands each range over as a 2-D array of
 * values (header row first when the formula says `Decisions[#All]`); this module checks that each
 * one really is its table with the header row, and turns the seven into a RawRegister.
 *
 * A range that cannot be the table it should be (empty, no header row, a missing column, another
 * table) is #VALUE! with a message naming the table and the column: scoring it anyway would give
 * a number that looks right and is not.
 */
import { ALL_TABLE_NAMES, SETTINGS_COLUMNS, TABLES, type TableName } from '../domain/schema';
import type { EpochDay, RawRegister, RawTable } from '../domain/types';
import { headerKey } from '../domain/register';
import { isBlankCell, MAX_SERIAL, MIN_SERIAL } from '../domain/cells';
import { fromExcelSerial, fromIsoText } from '../domain/dates';
import { invalidValue } from './errors';

/** The order of the table arguments of every ISO20K function (schema order, Settings last). */
export const TABLE_ARGUMENTS: readonly TableName[] = ALL_TABLE_NAMES;

/** A range as custom functions receive it: rows of cell values. */
export type RangeValues = readonly (readonly unknown[])[];

/** Header text of every column the table must have, in schema order. */
export function requiredHeaders(table: TableName): readonly string[] {
  if (table === 'Settings') return SETTINGS_COLUMNS;
  const spec = TABLES.find((t) => t.name === table);
  return spec ? spec.columns.map((c) => c.header) : [];
}

const HEADER_KEYS: ReadonlyMap<TableName, readonly string[]> = new Map(
  ALL_TABLE_NAMES.map((name) => [name, requiredHeaders(name).map((h) => headerKey(h))]),
);

function hint(table: TableName): string {
  return `pass the table with its header row, e.g. ${table}[#All]`;
}

function isRange(value: unknown): value is RangeValues {
  return Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row));
}

function allBlank(range: RangeValues): boolean {
  for (const row of range) for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/** Another register table whose every header is in this header row (arguments given out of order). */
function otherTableWithHeaders(table: TableName, present: ReadonlySet<string>): TableName | undefined {
  return ALL_TABLE_NAMES.find((other) => other !== table && (HEADER_KEYS.get(other) ?? []).every((k) => present.has(k)));
}

/**
 * Checks that `range` is `table` with its header row and every required column; throws #VALUE!
 * with a message naming the table and column otherwise. Only the header row is inspected, so this
 * is cheap enough to run on every call.
 */
export function checkTableRange(table: TableName, range: unknown): asserts range is RangeValues {
  if (!isRange(range)) {
    throw invalidValue(`${table}: expected a range of cells — ${hint(table)}`);
  }
  if (allBlank(range)) {
    throw invalidValue(`${table}: the range is empty — ${hint(table)}`);
  }
  const present = new Set<string>();
  for (const cell of range[0]) {
    const key = headerKey(cell);
    if (key !== '') present.add(key);
  }
  const wanted = requiredHeaders(table);
  const keys = HEADER_KEYS.get(table) ?? [];
  const missing = keys.findIndex((k) => !present.has(k));
  if (missing < 0) return;

  const other = otherTableWithHeaders(table, present);
  if (other) {
    throw invalidValue(
      `${table}: got the ${other} table instead — pass the tables in the order ${TABLE_ARGUMENTS.join(', ')}, e.g. ${table}[#All]`,
    );
  }
  if (!keys.some((k) => present.has(k))) {
    throw invalidValue(`${table}: column '${wanted[0]}' not found — the first row is not the header row; ${hint(table)}`);
  }
  throw invalidValue(`${table}: column '${wanted[missing]}' not found — ${hint(table)}`);
}

/** One checked range as the engine's raw table. Values are passed on as they are (no copy). */
export function toRawTable(table: TableName, range: unknown): RawTable {
  checkTableRange(table, range);
  // Structured references do not say where the table sits; row numbers count from the range's top.
  return { values: range, headerRow: 1 };
}

/** The seven table arguments, in TABLE_ARGUMENTS order, as a RawRegister (each one checked). */
export function toRawRegister(ranges: readonly unknown[]): RawRegister {
  if (ranges.length !== TABLE_ARGUMENTS.length) {
    throw invalidValue(`expected ${TABLE_ARGUMENTS.length} tables (${TABLE_ARGUMENTS.join(', ')}), got ${ranges.length}`);
  }
  const raw: RawRegister = {};
  TABLE_ARGUMENTS.forEach((name, i) => {
    raw[name] = toRawTable(name, ranges[i]);
  });
  return raw;
}

/**
 * The optional asOf argument → epoch day, or undefined when not given (the engine then uses
 * Settings' Assessment date, else today). A blank cell reaches a number parameter as 0 or null:
 * both mean "not given". Any time of day is ignored.
 */
export function asOfArgument(value: unknown): EpochDay | undefined {
  if (value === null || value === undefined || value === 0 || (typeof value === 'string' && value.trim() === '')) {
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value) && value >= MIN_SERIAL && value < MAX_SERIAL + 1) {
    return fromExcelSerial(value);
  }
  if (typeof value === 'string') {
    const day = fromIsoText(value);
    if (day !== null) return day;
  }
  const shown = typeof value === 'string' ? `'${value.slice(0, 40)}'` : String(value);
  throw invalidValue(`asOf: ${shown} is not a date — use a date such as DATE(2026,6,30) or TODAY(), or leave it out`);
}
