/**
 * One cell → a typed value, or a problem (spec §1 "Cell values"). Never throws, whatever the
 * host hands over: a bad cell is a message, and the cell then counts as empty.
 *
 * Two ways in:
 * - `parseCell(col, raw)` for one-off use (tests, forms, custom functions);
 * - `readerFor(col)` → a reader picked once per column, for the register's hot loop. A reader
 *   writes its problem into a caller-owned slot instead of allocating a result per cell.
 */
import type { ColumnKind, ColumnSpec } from './schema';
import type { EpochDay } from './types';
import { EXCEL_EPOCH_OFFSET, fromIsoText } from './dates';

/** What a cell holds once read: text, epoch day, yes/no, a list, or nothing. */
export type CellValue = string | number | boolean | string[] | null;

export interface ParsedCell<T = CellValue> {
  /** The typed value; null (or [] for lists) when blank or when there is a problem. */
  readonly value: T;
  /** Why the cell could not be read, in words a person can act on. */
  readonly problem?: string;
}

/** Where a reader reports its problem; the caller clears it (undefined) before each read. */
export interface ProblemSlot {
  problem: string | undefined;
}

export type CellReader<T = CellValue> = (raw: unknown, slot: ProblemSlot) => T;

// ---------------------------------------------------------------------------------------------
// Limits

/**
 * Serials of 1900-03-01 and 9999-12-31. Excel's 1900 system counts a 29 February 1900 that never
 * was (serial 60), so `serial − 25569` is only right from serial 61 on; earlier "dates" are
 * refused rather than read one day off (no governance evidence dates from 1900).
 */
export const MIN_SERIAL = 61;
export const MAX_SERIAL = 2_958_465;
export const MIN_EPOCH_DAY: EpochDay = MIN_SERIAL - EXCEL_EPOCH_OFFSET;
export const MAX_EPOCH_DAY: EpochDay = MAX_SERIAL - EXCEL_EPOCH_OFFSET;

/** How much of a cell's text a message quotes. */
const EXCERPT_LENGTH = 40;

/** Longest text that can be a date or an ID; longer text is rejected without running a pattern. */
const MAX_ID_LENGTH = 40;

// ---------------------------------------------------------------------------------------------
// Error values

/** Excel's error values, as Office.js hands them over (strings) and as ExcelJS names them. */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#BUSY!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
  '#PYTHON!',
  '#EXTERNAL!',
]);

/** The error code when `text` is an Excel error value (`#N/A` …), else undefined. */
export function errorValueOf(text: string): string | undefined {
  // Cheap first test: error values start with '#' (after spaces) and are short.
  if (text.length > 20) return undefined;
  const t = text.trim();
  if (t.charCodeAt(0) !== 35 /* # */) return undefined;
  const upper = t.toUpperCase();
  return EXCEL_ERROR_VALUES.has(upper) ? upper : undefined;
}

// ---------------------------------------------------------------------------------------------
// Describing a value in a message

/** Quote a value for a message: text is cut to 40 characters, control characters become spaces. */
export function describeValue(raw: unknown): string {
  if (typeof raw === 'string') return `'${excerpt(raw)}'`;
  if (typeof raw === 'number') return Number.isNaN(raw) ? 'NaN' : String(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw === null || raw === undefined) return 'a blank cell';
  if (typeof raw === 'bigint') return `${raw}`.length > EXCERPT_LENGTH ? 'a very large number' : `${raw}`;
  if (typeof raw === 'symbol') return 'a symbol';
  if (typeof raw === 'function') return 'a function';
  if (Array.isArray(raw)) return 'a list of values';
  if (isDateObject(raw)) return 'a date object';
  return 'an object';
}

/** The first 40 characters of the trimmed text, safe to show on one line. */
export function excerpt(text: string): string {
  const t = text.trim();
  let cut = t.length > EXCERPT_LENGTH ? t.slice(0, EXCERPT_LENGTH) : t;
  // Do not split a surrogate pair (an emoji) in half.
  if (cut.length < t.length && isHighSurrogate(cut.charCodeAt(cut.length - 1))) cut = cut.slice(0, -1);
  // Control characters (line breaks, tabs) would break a one-line message.
  // eslint-disable-next-line no-control-regex
  cut = cut.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return cut.length < t.length ? `${cut}…` : cut;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// ---------------------------------------------------------------------------------------------
// Shared classification of awkward values (the slow path: objects, errors, symbols …)

function isDateObject(raw: unknown): raw is Date {
  if (raw instanceof Date) return true;
  // Dates from another realm (an iframe, jsdom) fail instanceof; the tag still says Date.
  try {
    return Object.prototype.toString.call(raw) === '[object Date]';
  } catch {
    return false;
  }
}

/** getTime() of a Date, or NaN when it is not really one (a spoofed tag would throw). */
function timeOf(date: unknown): number {
  try {
    return Date.prototype.getTime.call(date);
  } catch {
    return Number.NaN;
  }
}

/**
 * The problem for a value that is an error value or of a kind no cell holds, or undefined for
 * the ordinary kinds (string, number, boolean, Date, blank). Never throws: objects may carry
 * throwing getters or be Proxies.
 */
function errorOrUnsupported(raw: unknown): string | undefined {
  const t = typeof raw;
  if (t === 'string') {
    const code = errorValueOf(raw as string);
    return code === undefined ? undefined : `error value ${code}`;
  }
  if (t === 'number' || t === 'boolean' || raw === null || raw === undefined) return undefined;
  if (t !== 'object') return `unsupported value (${describeValue(raw)})`;
  try {
    if (isDateObject(raw)) return undefined;
    if (Array.isArray(raw)) return 'unsupported value (a list of values); enter one value per cell';
    // ExcelJS hands error cells over as { error: '#N/A' }; custom functions as CustomFunctions.Error { code }.
    const obj = raw as { error?: unknown; code?: unknown; message?: unknown };
    const code = typeof obj.error === 'string' ? obj.error : typeof obj.code === 'string' ? obj.code : undefined;
    if (code !== undefined && code.trim().charCodeAt(0) === 35) return `error value ${excerpt(code).toUpperCase()}`;
    if (raw instanceof Error || Object.prototype.toString.call(raw) === '[object Error]') {
      return 'error value (the cell could not be calculated)';
    }
    return 'unsupported value (an object); enter text, a number or a date';
  } catch {
    return 'unsupported value (an object that could not be read)';
  }
}

// ---------------------------------------------------------------------------------------------
// Readers, one per kind

const DATE_HINT = ' is not a date (use YYYY-MM-DD)';

/** Excel serial / JS Date / ISO text → epoch day. */
export const readDate: CellReader<EpochDay | null> = (raw, slot) => {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) {
      // The fractional part is the time of day.
      const serial = Math.floor(raw);
      if (serial >= MIN_SERIAL && serial <= MAX_SERIAL) return serial - EXCEL_EPOCH_OFFSET;
    }
    slot.problem = `${describeValue(raw)}${DATE_HINT}`;
    return null;
  }
  if (typeof raw === 'string') {
    // ISO text is exactly 10 characters once trimmed; anything much longer cannot be one.
    if (raw.length <= MAX_ID_LENGTH) {
      const day = fromIsoText(raw);
      if (day !== null && day >= MIN_EPOCH_DAY && day <= MAX_EPOCH_DAY) return day;
      if (raw.trim() === '') return null;
    } else if (isBlankText(raw)) {
      return null;
    }
    const code = errorValueOf(raw);
    slot.problem = code !== undefined ? `error value ${code}` : `${describeValue(raw)}${DATE_HINT}`;
    return null;
  }
  if (typeof raw === 'boolean') {
    slot.problem = `${describeValue(raw)}${DATE_HINT}`;
    return null;
  }
  const problem = errorOrUnsupported(raw);
  if (problem !== undefined) {
    slot.problem = problem;
    return null;
  }
  // A Date object (xlsx readers hand date cells over as midnight UTC).
  const time = timeOf(raw);
  if (!Number.isFinite(time)) {
    slot.problem = 'the date is invalid (use YYYY-MM-DD)';
    return null;
  }
  const day = Math.floor(time / 86_400_000);
  if (day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
    slot.problem = 'the date is outside 1900-03-01 to 9999-12-31 (use YYYY-MM-DD)';
    return null;
  }
  return day;
};

/** Yes/No (any case, spaces ignored), TRUE/FALSE booleans, and TRUE/FALSE text. */
export const readYesNo: CellReader<boolean | null> = (raw, slot) => {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') {
    if (raw.length <= 10) {
      const t = raw.trim().toLowerCase();
      if (t === 'yes' || t === 'true') return true;
      if (t === 'no' || t === 'false') return false;
      if (t === '') return null;
    } else if (isBlankText(raw)) {
      return null;
    }
  }
  slot.problem = errorOrUnsupported(raw) ?? `${describeValue(raw)} is not Yes or No`;
  return null;
};

/** Text, person and link cells: trimmed text; numbers, booleans and dates shown as Excel would. */
export const readText: CellReader<string | null> = (raw, slot) => {
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (t === '') return null;
    if (t.charCodeAt(0) === 35 /* # */ && errorValueOf(t) !== undefined) {
      slot.problem = `error value ${errorValueOf(t)}`;
      return null;
    }
    return t;
  }
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return String(raw);
    slot.problem = `${describeValue(raw)} is not a usable value`;
    return null;
  }
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  const problem = errorOrUnsupported(raw);
  if (problem !== undefined) {
    slot.problem = problem;
    return null;
  }
  // A Date object in a text column (xlsx readers turn typed dates into Dates).
  const time = timeOf(raw);
  if (!Number.isFinite(time)) {
    slot.problem = 'an invalid date is not a usable value';
    return null;
  }
  return new Date(time).toISOString().slice(0, 10);
};

/** Separators of a list cell: `;`, `,` and line breaks (a character class: linear, no backtracking). */
const LIST_SEPARATORS = /[;,\r\n]/;

/** Split list text into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  const parts = text.split(LIST_SEPARATORS);
  const items: string[] = [];
  for (const part of parts) {
    const item = part.trim();
    if (item !== '') items.push(item);
  }
  return items;
}

/** A list of names or inputs; a blank or bad cell is an empty list. */
export const readList: CellReader<string[]> = (raw, slot) => {
  const text = readText(raw, slot);
  return text === null ? [] : splitList(text);
};

/** White space as String.prototype.trim sees it. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Normalise an ID to upper-case `PREFIX-n` (letters, a hyphen, digits; spaces around trimmed;
 * digits kept as typed), or null when the text is not shaped like one. A hand-written scan:
 * it runs once per row on up to a million rows, and an ID already in canonical form comes
 * back as the same string without any allocation.
 */
export function normaliseId(text: string): string | null {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - start > MAX_ID_LENGTH || end === start) return null;
  let i = start;
  let lower = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) continue;
    if (c >= 97 && c <= 122) {
      lower = true;
      continue;
    }
    break;
  }
  if (i === start || i >= end - 1 || text.charCodeAt(i) !== 45 /* - */) return null;
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const id = start === 0 && end === text.length ? text : text.slice(start, end);
  return lower ? id.toUpperCase() : id;
}

/** The prefix of a normalised ID (`REV` of `REV-3`). */
export function prefixOf(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? id : id.slice(0, dash);
}

/** A reference to another register row (`REV-3`): normalised upper-case, existence checked later. */
export const readRef: CellReader<string | null> = (raw, slot) => {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'string') {
    const id = normaliseId(raw);
    if (id !== null) return id;
    if (isBlankText(raw)) return null;
  }
  slot.problem = errorOrUnsupported(raw) ?? `${describeValue(raw)} is not an ID (use one ID such as REV-3 or DEC-7)`;
  return null;
};

/** A row's own ID of any table (the register checks the prefix). */
export const readAnyId: CellReader<string | null> = (raw, slot) => {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'string') {
    const id = normaliseId(raw);
    if (id !== null) return id;
    if (isBlankText(raw)) return null;
  }
  slot.problem = errorOrUnsupported(raw) ?? `${describeValue(raw)} is not an ID (use PREFIX-n, e.g. REV-3)`;
  return null;
};

/** A row's own ID for a table with this prefix: `ACC-3`, any case, normalised upper-case. */
export function idReader(prefix: string, tableName?: string): CellReader<string | null> {
  const upper = prefix.toUpperCase();
  const whose = tableName ? `an ID of the ${tableName} table` : `a ${upper} ID`;
  return (raw, slot) => {
    const id = readAnyId(raw, slot);
    if (id === null) return null;
    // Compare in place: no substring per row.
    if (id.charCodeAt(upper.length) !== 45 /* - */ || !id.startsWith(upper)) {
      slot.problem = `'${id}' is not ${whose} (use ${upper}-n)`;
      return null;
    }
    return id;
  };
}

/**
 * An enumeration: compared case-insensitively with spaces trimmed, returned in the schema's
 * spelling. For enumerations that include Yes and No, TRUE/FALSE booleans count as Yes/No.
 */
export function enumReader(values: readonly string[], label = 'value'): CellReader<string | null> {
  // A Map, not an object: cell text such as "__proto__" must find nothing.
  // Keyed by the exact spelling too, so the common case needs no lower-casing.
  const canonical = new Map<string, string>();
  let longest = 0;
  for (const v of values) {
    canonical.set(v.toLowerCase(), v);
    longest = Math.max(longest, v.length);
  }
  for (const v of values) canonical.set(v, v);
  const yes = canonical.get('yes');
  const no = canonical.get('no');
  const allowed = joinAlternatives(values);
  return (raw, slot) => {
    if (raw === null || raw === undefined || raw === '') return null;
    if (typeof raw === 'string') {
      // Text much longer than every allowed value cannot match; skip trimming huge strings.
      if (raw.length <= longest + 64) {
        const t = raw.trim();
        if (t === '') return null;
        const hit = canonical.get(t) ?? canonical.get(t.toLowerCase());
        if (hit !== undefined) return hit;
      } else if (isBlankText(raw)) {
        return null;
      }
    } else if (typeof raw === 'boolean') {
      const hit = raw ? yes : no;
      if (hit !== undefined) return hit;
    }
    slot.problem = errorOrUnsupported(raw) ?? `${describeValue(raw)} is not a valid ${label} (use ${allowed})`;
    return null;
  };
}

/** "A, B or C". */
export function joinAlternatives(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** True when the text is empty or only white space (no copy of huge text made). */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Fast path for ordinary spaces; anything else is checked the way trim() would.
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c > 127 && text[i].trim() === '') continue;
    return false;
  }
  return true;
}

/** True when the raw cell is blank: null, undefined, or text of white space only. */
export function isBlankCell(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && isBlankText(raw));
}

const READERS: Record<Exclude<ColumnKind, 'enum'>, CellReader> = {
  id: readAnyId,
  text: readText,
  person: readText,
  link: readText,
  date: readDate,
  yesno: readYesNo,
  list: readList,
  ref: readRef,
};

/** The reader for a column, picked once (enumeration maps are built here, not per cell). */
export function readerFor(col: ColumnSpec): CellReader {
  if (col.kind === 'enum') return enumReader(col.values ?? [], col.header);
  return READERS[col.kind];
}

/** Read one cell of a column. Never throws. */
export function parseCell(col: ColumnSpec, raw: unknown): ParsedCell {
  const slot: ProblemSlot = { problem: undefined };
  const value = readerFor(col)(raw, slot);
  return slot.problem === undefined ? { value } : { value, problem: slot.problem };
}
