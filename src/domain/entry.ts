/**
 * Validation for the task pane's Add entry form (pure). Turns what a person typed into the
 * cell values a port writes (dates as Excel serials, Yes/No and enumerations in the schema's
 * spelling) or into short per-field messages that say how to fix the input.
 */
import { tableSpec, TABLES, type ColumnSpec, type EvidenceTableName } from './schema';
import type { RawCell } from './types';
import { fromIsoText, toExcelSerial } from './dates';
import { joinAlternatives, MAX_EPOCH_DAY, MIN_EPOCH_DAY, normaliseId, prefixOf, splitList } from './cells';

export type EntryInput = Record<string, string | boolean | null | undefined>;

export interface EntryContext {
  /** Every register ID, upper-cased (Register.ids); when given, references must name one of them. */
  readonly ids?: ReadonlySet<string>;
}

export interface EntryValidation {
  ok: boolean;
  /** Cell values keyed by column key, blank fields left out. The port assigns the ID. */
  values: Record<string, RawCell>;
  /** Message per column key for every field that needs fixing. */
  errors: Record<string, string>;
}

/** The most text one Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;

/**
 * Fields a new row needs to be worth keeping as evidence. Each group is "at least one of these";
 * the message goes on the group's first field.
 */
export const REQUIRED_FIELDS: Readonly<Record<EvidenceTableName, readonly (readonly string[])[]>> = {
  Accountabilities: [['person'], ['role']],
  Reviews: [['forum'], ['plannedDate', 'heldOn']],
  Decisions: [['decidedOn'], ['decision']],
  Resources: [['requestedOn'], ['type'], ['smsNeed']],
  Communications: [['sentOn'], ['from'], ['expectation']],
  Escalations: [['raisedOn'], ['trigger'], ['escalatedTo']],
};

/**
 * True when Excel would take the text as a formula (or a spreadsheet consumer would: the
 * CSV-injection starters, including their full-width forms). Such text is stored as is; ports
 * write these cells with the text number format ('@') so they stay text and never run.
 */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return (
    c === 0x3d /* = */ ||
    c === 0x2b /* + */ ||
    c === 0x2d /* - */ ||
    c === 0x40 /* @ */ ||
    c === 0x09 /* tab */ ||
    c === 0x0d /* CR */ ||
    c === 0xff1d /* ＝ */ ||
    c === 0xff0b /* ＋ */ ||
    c === 0xff0d /* － */ ||
    c === 0xff20 /* ＠ */
  );
}

const LINK_HINT = 'Use a web address (https://…), a mailto: address, or a file path (\\\\server\\share\\…, C:\\…, /path)';
const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'file']);
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * A problem with a document / evidence link, or undefined when it is a web address (http, https),
 * mailto:, file: or a file path. Every other scheme (javascript:, data:, vbscript: …) is refused.
 */
export function linkProblem(link: string): string | undefined {
  const t = link.trim();
  if (t === '') return undefined;
  if (CONTROL_CHARS.test(t)) return `Remove line breaks and tabs from the link. ${LINK_HINT}`;
  // Paths first: "C:\…" would otherwise read as a one-letter scheme.
  if (/^[A-Za-z]:[\\/]/.test(t)) return undefined;
  if (/^\\\\[^\\\s]/.test(t)) return undefined;
  if (t.startsWith('/')) return undefined;
  const m = URL_SCHEME.exec(t);
  if (m) {
    const scheme = m[1].toLowerCase();
    if (!ALLOWED_SCHEMES.has(scheme)) return `Links starting with '${m[1].slice(0, 20)}:' are not allowed. ${LINK_HINT}`;
    const rest = t.slice(m[0].length);
    if (scheme === 'http' || scheme === 'https') {
      return /^\/\/[^\s/\\]/.test(rest) ? undefined : `Add the site after ${scheme}://, e.g. https://intranet/charter.pdf`;
    }
    return rest.trim() === '' ? `Add the address after ${scheme}:` : undefined;
  }
  if (/^www\./i.test(t)) return `Add https:// in front: https://${t.length > 40 ? `${t.slice(0, 40)}…` : t}`;
  return LINK_HINT;
}

type Checked = { value: RawCell } | { error: string } | { blank: true };

const BLANK: Checked = { blank: true };

function checkField(col: ColumnSpec, input: string | boolean, context: EntryContext | undefined): Checked {
  if (typeof input === 'boolean') {
    if (col.kind === 'yesno') return { value: input ? 'Yes' : 'No' };
    if (col.kind === 'enum' && col.values?.includes('Yes') && col.values.includes('No')) return { value: input ? 'Yes' : 'No' };
    return { error: `Enter ${describeKind(col)}` };
  }
  const text = input.trim();
  if (text === '') return BLANK;
  if (text.length > MAX_CELL_TEXT) return { error: `Shorten this to at most ${MAX_CELL_TEXT.toLocaleString('en-GB')} characters (one Excel cell)` };

  switch (col.kind) {
    case 'id':
      return BLANK; // assigned by the port
    case 'text':
    case 'person':
      return { value: text };
    case 'list': {
      const items = splitList(text);
      return items.length === 0 ? BLANK : { value: items.join('; ') };
    }
    case 'date': {
      const day = fromIsoText(text);
      if (day === null || text.length !== 10) return { error: 'Use a date as YYYY-MM-DD, e.g. 2026-03-31' };
      if (day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) return { error: 'Use a date between 1900-03-01 and 9999-12-31' };
      return { value: toExcelSerial(day) };
    }
    case 'yesno': {
      const t = text.toLowerCase();
      if (t === 'yes' || t === 'true') return { value: 'Yes' };
      if (t === 'no' || t === 'false') return { value: 'No' };
      return { error: 'Choose Yes or No' };
    }
    case 'enum': {
      const values = col.values ?? [];
      const lower = text.toLowerCase();
      const hit = values.find((v) => v.toLowerCase() === lower);
      return hit !== undefined ? { value: hit } : { error: `Choose one of ${joinAlternatives(values)}` };
    }
    case 'ref': {
      const id = normaliseId(text);
      const allowed = TABLES.filter((t) => (col.refTables ?? []).includes(t.name));
      if (id === null) {
        const example = allowed.length > 0 ? `${allowed[0].prefix}-1` : 'REV-3';
        return { error: `Enter one ID, e.g. ${example}` };
      }
      if (allowed.length > 0 && !allowed.some((t) => t.prefix === prefixOf(id))) {
        return { error: `Enter ${allowed.map((t) => `a ${t.name} ID (${t.prefix}-n)`).join(' or ')}` };
      }
      if (context?.ids && !context.ids.has(id)) return { error: `${id} does not exist; enter the ID of an existing row` };
      return { value: id };
    }
    case 'link': {
      const problem = linkProblem(text);
      return problem === undefined ? { value: text } : { error: problem };
    }
  }
}

function describeKind(col: ColumnSpec): string {
  switch (col.kind) {
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'enum':
      return `one of ${joinAlternatives(col.values ?? [])}`;
    case 'ref':
      return 'an ID such as REV-3';
    case 'link':
      return 'a web address or file path';
    default:
      return 'text';
  }
}

/** The value typed for a key, only if the input object itself holds it (never an inherited one). */
function own(input: EntryInput, key: string): string | boolean | null | undefined {
  if (input === null || typeof input !== 'object' || !Object.prototype.hasOwnProperty.call(input, key)) return undefined;
  const v = (input as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'boolean' ? v : undefined;
}

/** Check a new row for a table. Keys are the schema's column keys; `id` is ignored (the port assigns it). */
export function validateEntry(table: EvidenceTableName, input: EntryInput, context?: EntryContext): EntryValidation {
  const spec = tableSpec(table);
  const values: Record<string, RawCell> = {};
  const errors: Record<string, string> = {};
  for (const col of spec.columns) {
    if (col.kind === 'id') continue;
    const raw = own(input, col.key);
    if (raw === undefined || raw === null) continue;
    const checked = checkField(col, raw, context);
    if ('error' in checked) errors[col.key] = checked.error;
    else if ('value' in checked) values[col.key] = checked.value;
  }
  for (const group of REQUIRED_FIELDS[table]) {
    if (group.some((key) => key in values || key in errors)) continue;
    const headers = group.map((key) => spec.columns.find((c) => c.key === key)?.header ?? key);
    errors[group[0]] = `Fill in ${headers.join(' or ')}`;
  }
  return { ok: Object.keys(errors).length === 0, values, errors };
}
