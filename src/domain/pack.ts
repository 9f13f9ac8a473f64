/**
 * The auditor pack's content as sheet models: rows of plain values per sheet, with a style hint
 * per row and a kind per column. No I/O and no file format: src/workbook/xlsx/pack-writer.ts
 * turns these into an .xlsx (values only), and tests read the models directly.
 *
 * Sheets: Cover · Auditor questions · Criteria · Evidence index · Data quality · copies of the
 * register tables and Settings as values · Readiness history (when the register has one).
 */
import { toIso, toJsDate } from './dates';
import { HISTORY_SHEET } from './history';
import { evidenceTarget } from './criteria/text';
import {
  PILLARS,
  SETTINGS,
  TABLES,
  TABLE_NAMES,
  tableSpec,
  type ColumnKind,
  type EvidenceTableName,
  type TableName,
  type TableSpec,
} from './schema';
import type { CriterionResult, EpochDay, RawRegister, RawTable, Register, Result } from './types';

// ---------------------------------------------------------------------------------------------
// Sheet models.

/** A link the writer may make clickable (http, https and mailto only) and otherwise writes as text. */
export interface PackLink {
  readonly link: string;
}
/** A cell value. Text is always written as text, whatever it starts with. Dates are JS Dates (UTC midnight). */
export type PackValue = string | number | boolean | Date | null | PackLink;

/** title: the sheet's title · heading: a section heading · header: column headers · body · note: explanations. */
export type RowStyle = 'title' | 'heading' | 'header' | 'body' | 'note';

export interface PackRow {
  readonly style: RowStyle;
  readonly cells: readonly PackValue[];
  /** Number formats by cell index (e.g. `0.0` for a score shown to one decimal). */
  readonly formats?: readonly (string | null)[];
}

/** text: short text · wrap: long text, wrapped · date · number · link (wrapped; PackLink cells may be clickable). */
export type PackColumnKind = 'text' | 'wrap' | 'date' | 'number' | 'link';

export interface PackColumn {
  /** Width in characters. */
  readonly width: number;
  readonly kind: PackColumnKind;
  /** Horizontal alignment, when the kind's default (numbers right, text left) reads badly. */
  readonly align?: 'left' | 'center';
}

export interface PackSheet {
  readonly name: string;
  readonly columns: readonly PackColumn[];
  readonly rows: readonly PackRow[];
  /** 1-based row repeated at the top of every printed page and frozen on screen. */
  readonly headerRow?: number;
  /** Section header rows (1-based) that sit lower down, for an auto-filter on the last one. */
  readonly filterRow?: number;
}

/** Fingerprints as computed by src/workbook/fingerprint.ts (declared here so the domain stays pure). */
export interface PackFingerprint {
  readonly tables: readonly { readonly table: TableName; readonly rows: number; readonly sha256: string }[];
  readonly register: string;
}

export interface PackInput {
  readonly raw: RawRegister;
  readonly register: Register;
  readonly result: Result;
  readonly generatedAt: Date;
  readonly fingerprint: PackFingerprint;
  /** The History table's values (header row first), when the register has one. */
  readonly history?: RawTable;
}

export const PACK_SHEETS = {
  cover: 'Cover',
  questions: 'Auditor questions',
  criteria: 'Criteria',
  evidence: 'Evidence index',
  issues: 'Data quality',
  history: HISTORY_SHEET,
} as const;

/** Excel refuses cell text longer than this. */
export const MAX_CELL_TEXT = 32_767;

// ---------------------------------------------------------------------------------------------
// Small helpers.

const row = (style: RowStyle, ...cells: PackValue[]): PackRow => ({ style, cells });
const blank = (): PackRow => row('body');

/** One decimal for display; the data keeps full precision (spec §3). */
export function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** Join a list into one cell, cutting it (with a count of what was left out) to fit Excel's cell limit. */
export function joinForCell(items: readonly string[], separator = '; ', limit = MAX_CELL_TEXT): string {
  const all = items.join(separator);
  if (all.length <= limit) return all;
  let text = '';
  let used = 0;
  for (const item of items) {
    const next = text === '' ? item : text + separator + item;
    const tail = ` … and ${items.length - used - 1} more`;
    if (next.length + tail.length > limit) break;
    text = next;
    used++;
  }
  return `${text} … and ${items.length - used} more`;
}

function formatGeneratedAt(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A typed register row read by column key (the typed rows are plain records). */
type AnyRow = { readonly row: number; readonly id: string | null } & Record<string, unknown>;

function rowsOf(register: Register, table: EvidenceTableName): readonly AnyRow[] {
  return register.tables[table] as unknown as readonly AnyRow[];
}

function ownDate(spec: TableSpec, r: AnyRow): EpochDay | null {
  for (const key of spec.ownDate) {
    const v = r[key];
    if (typeof v === 'number') return v;
  }
  return null;
}

function firstLink(spec: TableSpec, r: AnyRow): string | null {
  for (const c of spec.columns) {
    if (c.kind !== 'link') continue;
    const v = r[c.key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

const txt = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const day = (v: unknown): string | null => (typeof v === 'number' ? toIso(v) : null);
const parts = (...items: (string | null | false | undefined)[]): string => items.filter((x): x is string => !!x).join(' · ');

/** One line saying what a register row is, for the Auditor questions sheet. */
export function summariseRow(table: EvidenceTableName, r: AnyRow): string {
  switch (table) {
    case 'Accountabilities':
      return parts(
        txt(r.person),
        txt(r.role),
        r.topManagement === true && 'top management',
        r.accountable === true && 'accountable for SMS effectiveness',
        r.canAllocate === true && 'can allocate resources',
        txt(r.documentedIn) && `documented in ${txt(r.documentedIn)}`,
        txt(r.status),
      );
    case 'Reviews': {
      const present = Array.isArray(r.topManagementPresent) ? (r.topManagementPresent as string[]) : [];
      return parts(
        txt(r.forum),
        txt(r.chair) && `chair ${txt(r.chair)}`,
        present.length > 0 && `top management present: ${present.join(', ')}`,
        txt(r.status),
      );
    }
    case 'Decisions':
      return parts(
        txt(r.decision),
        txt(r.type),
        txt(r.source) && `from ${txt(r.source)}`,
        txt(r.owner) && `owner ${txt(r.owner)}`,
        day(r.dueDate) && `due ${day(r.dueDate)}`,
        txt(r.status),
        day(r.completedOn) && `completed ${day(r.completedOn)}`,
        txt(r.effective) && `effective: ${txt(r.effective)}`,
      );
    case 'Resources':
      return parts(
        txt(r.type),
        txt(r.smsNeed),
        txt(r.linkedItem) && `for ${txt(r.linkedItem)}`,
        txt(r.outcome),
        txt(r.approvedBy) && `approved by ${txt(r.approvedBy)}`,
      );
    case 'Communications':
      return parts(
        txt(r.channel),
        txt(r.from) && `from ${txt(r.from)}`,
        txt(r.audience) && `to ${txt(r.audience)}`,
        txt(r.expectation),
        txt(r.linkedItem) && `after ${txt(r.linkedItem)}`,
      );
    case 'Escalations':
      return parts(
        txt(r.trigger),
        txt(r.description),
        txt(r.escalatedTo) && `to ${txt(r.escalatedTo)}`,
        txt(r.decision) && `decision ${txt(r.decision)}`,
        txt(r.status),
      );
  }
}

interface RowRef {
  readonly table: EvidenceTableName;
  readonly order: number;
  readonly r: AnyRow;
}

/** Key of a row by its worksheet row, for evidence labelled "DEC-2 (row 6)" or "Decisions row 7". */
const rowKey = (table: EvidenceTableName, row: number): string => `${table.toUpperCase()}#${row}`;

/**
 * Every register row by upper-cased ID (the first row wins when an ID is duplicated) and by
 * table and worksheet row (IDs never hold '#', so the keys cannot collide).
 */
function indexRows(register: Register): Map<string, RowRef> {
  const index = new Map<string, RowRef>();
  TABLE_NAMES.forEach((table, order) => {
    for (const r of rowsOf(register, table)) {
      index.set(rowKey(table, r.row), { table, order, r });
      if (r.id === null) continue;
      const key = r.id.trim().toUpperCase();
      if (!index.has(key)) index.set(key, { table, order, r });
    }
  });
  return index;
}

const link = (text: string | null): PackValue => (text === null ? null : { link: text });

// ---------------------------------------------------------------------------------------------
// Cover.

function coverSheet(input: PackInput): PackSheet {
  const { result, generatedAt, fingerprint } = input;
  const readiness = oneDecimal(result.readiness);
  const rows: PackRow[] = [
    row('title', 'ISO/IEC 20000-1 Clause 5.1 — Leadership and commitment: auditor pack'),
    row('note', 'Values only: no formulas, no add-in needed. Every sheet is protected against edits; nothing is hidden.'),
    blank(),
    row('body', 'Organisation', result.organisation || '(not set in Settings)'),
    row('body', 'SMS scope', result.smsScope || '(not set in Settings)'),
    row('body', 'As of', result.asOf),
    row('body', 'Evidence window', `${result.window.from} (exclusive) to ${result.window.to} (inclusive), ${result.window.lookbackDays} days`),
    row('body', 'Generated at', formatGeneratedAt(generatedAt)),
    { style: 'body', cells: ['Readiness (0–100)', readiness === null ? 'n/a' : readiness], formats: [null, '0.0'] },
    row('body', 'Rating', result.rating ?? 'n/a'),
    row('body', 'Data-quality issues', result.issues.length),
    row('body', 'Register fingerprint (SHA-256)', fingerprint.register),
    blank(),
    row('heading', 'Pillars'),
    row('header', 'Pillar', 'Score', 'Weight', 'Criteria applicable'),
  ];
  for (const p of PILLARS) {
    const found = result.pillars.find((x) => x.id === p.id);
    const criteria = result.criteria.filter((c) => c.pillar === p.id);
    const applicable = criteria.filter((c) => c.status !== 'n/a').length;
    const score = oneDecimal(found?.score ?? null);
    rows.push({
      style: 'body',
      cells: [p.id, score === null ? 'n/a' : score, found?.weight ?? p.weight, `${applicable} of ${criteria.length}`],
      formats: [null, '0.0'],
    });
  }
  rows.push(blank(), row('heading', 'Auditor questions'), row('header', 'Status', 'Question', null, 'Criteria'));
  for (const q of result.questions) rows.push(row('body', q.status, q.question, null, q.criteria.join(', ')));

  const weights = PILLARS.map((p) => `${p.id} ${p.weight}`).join(' · ');
  rows.push(
    blank(),
    row('heading', 'How the score is computed'),
    row('note', 'Criterion', `Each of the 22 criteria is met (1), partial (0.5), not met (0) or n/a (left out), judged only on register rows whose own date lies in the evidence window.`),
    row('note', 'Pillar score', 'The mean of its applicable criterion scores × 100; a pillar with no applicable criterion is n/a.'),
    row('note', 'Weights', `${weights}. Readiness is the weighted mean of the applicable pillar scores, shown to one decimal.`),
    row('note', 'Thresholds', `Green at ${result.thresholds.green} or more, Amber at ${result.thresholds.amber} or more, Red below (from Settings).`),
    row('note', 'Window', `Evidence counts when dated after ${result.window.from} and on or before ${result.window.to} (Lookback days = ${result.window.lookbackDays}).`),
    row('note', 'Specification', `Clause 5.1 register and readiness rubric, spec version ${result.specVersion}.`),
    row('note', 'Auditor questions', 'Met when all applicable criteria are met; not met when none is met or partial; n/a when none applies; else partial.'),
    blank(),
    row('heading', 'What this pack holds'),
    row('body', PACK_SHEETS.questions, 'Each of the four standard questions, its status, its criteria and the register rows behind them.'),
    row('body', PACK_SHEETS.criteria, 'All 22 criteria with status, score, reason, evidence IDs and remedy.'),
    row('body', PACK_SHEETS.evidence, 'Every document link in the register with the row it came from, and SHA-256 fingerprints of each table.'),
    row('body', PACK_SHEETS.issues, 'Cells the assessment could not read, with sheet, row and column.'),
    row('body', 'Register copies', `Each register table and Settings copied as values; column A gives the row's worksheet row in the register.`),
  );
  if (input.history) rows.push(row('body', PACK_SHEETS.history, 'Readiness snapshots recorded over time.'));

  return {
    name: PACK_SHEETS.cover,
    columns: [
      { width: 30, kind: 'wrap' },
      { width: 68, kind: 'wrap', align: 'left' },
      { width: 10, kind: 'number', align: 'center' },
      { width: 26, kind: 'wrap' },
    ],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Auditor questions.

function questionsSheet(input: PackInput, index: Map<string, RowRef>): PackSheet {
  const { result } = input;
  const byId = new Map(result.criteria.map((c) => [c.id, c]));
  const rows: PackRow[] = [
    row('title', 'Auditor questions'),
    row('note', `As of ${result.asOf}. For each question: its status, the criteria behind it, and the register rows they rest on (rows that support or defeat them).`),
  ];
  result.questions.forEach((q, n) => {
    rows.push(blank(), row('heading', `${n + 1}. ${q.question}`), row('body', 'Status', q.status, null, `Criteria: ${q.criteria.join(', ')}`));
    rows.push(row('header', 'Criterion', 'Status', null, 'Title and reason', 'Remedy'));
    const evidence: string[] = [];
    for (const id of q.criteria) {
      const c = byId.get(id);
      if (!c) {
        rows.push(row('body', id, 'missing', null, 'This criterion is not in the result.', null));
        continue;
      }
      rows.push(row('body', c.id, c.status, null, `${c.title}: ${c.reason}`, c.status === 'met' ? null : c.remedy));
      evidence.push(...c.evidence);
    }
    rows.push(row('header', 'Evidence table', 'ID', 'Date', 'Summary', 'Link'));
    const resolved = resolveEvidence(evidence, index, input.register);
    if (resolved.length === 0) rows.push(row('note', '(none)', null, null, 'No register row supports or defeats these criteria.', null));
    rows.push(...resolved);
  });
  return {
    name: PACK_SHEETS.questions,
    columns: [
      { width: 18, kind: 'wrap' },
      { width: 12, kind: 'text' },
      { width: 12, kind: 'date' },
      { width: 60, kind: 'wrap' },
      { width: 58, kind: 'link' },
    ],
    rows,
  };
}

/**
 * Evidence rows listed under one question. A big register can put tens of thousands of rows
 * behind a question; on paper and on screen an auditor samples, so the most recent rows are
 * listed and the rest counted (every ID is still on the Criteria sheet and in the copies).
 */
export const MAX_EVIDENCE_ROWS_PER_QUESTION = 200;

/** Evidence IDs → rows (deduplicated; register order). IDs that are not register rows are listed as they are. */
function resolveEvidence(ids: readonly string[], index: Map<string, RowRef>, register: Register): PackRow[] {
  const seen = new Set<string>();
  let found: RowRef[] = [];
  const other: PackRow[] = [];
  for (const id of ids) {
    const key = id.trim().toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const target = evidenceTarget(id);
    const ref = target?.row !== undefined ? index.get(rowKey(target.table, target.row)) : index.get(key);
    if (ref) {
      found.push(ref);
      continue;
    }
    const setting = SETTINGS.find((s) => s.label.toUpperCase() === key || `SETTINGS: ${s.label.toUpperCase()}` === key);
    if (setting || key === 'SETTINGS') {
      const value = setting ? register.settings[setting.key] : null;
      const shown = Array.isArray(value) ? value.join('; ') : value === null || value === undefined ? '' : String(value);
      other.push(row('body', 'Settings', setting?.label ?? 'Settings', null, shown || '(blank)', null));
    } else {
      other.push(row('body', null, id, null, 'Not a row of the register tables.', null));
    }
  }
  let left = 0;
  if (found.length > MAX_EVIDENCE_ROWS_PER_QUESTION) {
    const dated = found.map((ref) => ({ ref, day: ownDate(tableSpec(ref.table), ref.r) ?? Number.NEGATIVE_INFINITY }));
    dated.sort((a, b) => b.day - a.day || a.ref.order - b.ref.order || a.ref.r.row - b.ref.r.row);
    left = found.length - MAX_EVIDENCE_ROWS_PER_QUESTION;
    found = dated.slice(0, MAX_EVIDENCE_ROWS_PER_QUESTION).map((d) => d.ref);
  }
  found.sort((a, b) => a.order - b.order || a.r.row - b.r.row);
  const rows = found.map((ref) => {
    const spec = tableSpec(ref.table);
    const d = ownDate(spec, ref.r);
    return row('body', ref.table, ref.r.id, d === null ? null : toJsDate(d), summariseRow(ref.table, ref.r), link(firstLink(spec, ref.r)));
  });
  if (left > 0) {
    rows.push(
      row('note', null, null, null, `… and ${left} earlier rows, not listed here: their IDs are on the Criteria sheet and the rows in the register copies.`, null),
    );
  }
  return [...rows, ...other];
}

// ---------------------------------------------------------------------------------------------
// Criteria.

function criteriaSheet(result: Result): PackSheet {
  const rows: PackRow[] = [row('header', 'ID', 'Pillar', 'Title', 'Status', 'Score', 'Reason', 'Evidence IDs', 'Remedy')];
  for (const c of result.criteria as CriterionResult[]) {
    rows.push(row('body', c.id, c.pillar, c.title, c.status, c.score, c.reason, joinForCell(c.evidence), c.remedy));
  }
  return {
    name: PACK_SHEETS.criteria,
    columns: [
      { width: 8, kind: 'text' },
      { width: 15, kind: 'text' },
      { width: 28, kind: 'wrap' },
      { width: 9, kind: 'text' },
      { width: 7, kind: 'number' },
      { width: 55, kind: 'wrap' },
      { width: 24, kind: 'wrap' },
      { width: 55, kind: 'wrap' },
    ],
    rows,
    headerRow: 1,
    filterRow: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Evidence index.

function evidenceSheet(input: PackInput): PackSheet {
  const rows: PackRow[] = [
    row('title', 'Evidence index'),
    row('note', 'Fingerprints identify the register state this pack was made from; docs/auditor-pack.md says how to recompute them.'),
    row('heading', 'Register fingerprints (SHA-256)'),
    row('header', 'Table', 'Data rows', null, 'SHA-256 of the table content'),
  ];
  for (const f of input.fingerprint.tables) rows.push(row('body', f.table, f.rows, null, f.sha256));
  const total = input.fingerprint.tables.reduce((n, f) => n + f.rows, 0);
  rows.push(row('body', 'Whole register', total, null, input.fingerprint.register));
  const linkHeaders = TABLES.flatMap((t) => t.columns.filter((c) => c.kind === 'link').map((c) => `${t.name}: ${c.header}`));
  rows.push(blank(), row('heading', 'Document links, with the worksheet row each came from'));
  rows.push(row('note', `Links are taken from ${linkHeaders.join(' · ')}.`));
  rows.push(row('header', 'Table', 'Row', 'ID', 'Link'));
  const headerRow = rows.length;
  let links = 0;
  for (const spec of TABLES) {
    const linkColumns = spec.columns.filter((c) => c.kind === 'link');
    for (const r of rowsOf(input.register, spec.name)) {
      for (const c of linkColumns) {
        const v = r[c.key];
        if (typeof v !== 'string' || v.trim() === '') continue;
        rows.push(row('body', spec.name, r.row, r.id, { link: v }));
        links++;
      }
    }
  }
  if (links === 0) rows.push(row('note', '(none)', null, null, 'The register holds no document links.'));
  return {
    name: PACK_SHEETS.evidence,
    columns: [
      { width: 18, kind: 'text' },
      { width: 10, kind: 'number' },
      { width: 12, kind: 'text' },
      { width: 80, kind: 'link' },
    ],
    rows,
    headerRow,
    filterRow: headerRow,
  };
}

// ---------------------------------------------------------------------------------------------
// Data quality.

function issuesSheet(result: Result): PackSheet {
  const rows: PackRow[] = [row('header', 'Table', 'Row', 'Cell', 'Column', 'ID', 'Problem')];
  for (const i of result.issues) rows.push(row('body', i.table, i.row === 0 ? null : i.row, i.cell ?? null, i.column, i.id ?? null, i.message));
  if (result.issues.length === 0) rows.push(row('note', '(none)', null, null, null, null, 'Every cell could be read.'));
  return {
    name: PACK_SHEETS.issues,
    columns: [
      { width: 18, kind: 'text' },
      { width: 8, kind: 'number' },
      { width: 8, kind: 'text' },
      { width: 24, kind: 'text' },
      { width: 10, kind: 'text' },
      { width: 80, kind: 'wrap' },
    ],
    rows,
    headerRow: 1,
    filterRow: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Register copies.

const WRAP_KINDS: readonly ColumnKind[] = ['list'];
const LONG_TEXT_KEYS = new Set(['responsibilities', 'decision', 'description', 'expectation', 'smsNeed', 'effectivenessCheck', 'audience']);

/** A raw cell as a pack value: error values become their text; anything unexpected becomes text. */
export function copyValue(value: unknown): PackValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  if (typeof value === 'object' && 'error' in value) return String((value as { error: unknown }).error);
  return String(value);
}

function headerText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
}

function columnKind(spec: TableSpec | undefined, header: string): PackColumnKind {
  const c = spec?.columns.find((x) => x.header.toLowerCase() === header.toLowerCase());
  if (!c) return 'wrap';
  if (c.kind === 'date') return 'date';
  if (c.kind === 'link') return 'link';
  if (WRAP_KINDS.includes(c.kind) || LONG_TEXT_KEYS.has(c.key)) return 'wrap';
  return 'text';
}

/** Width from the header and a sample of the values, within readable bounds. */
function columnWidth(kind: PackColumnKind, header: string, values: readonly (readonly unknown[])[], col: number): number {
  if (kind === 'date') return Math.max(12, header.length + 2);
  let longest = header.length;
  const sample = Math.min(values.length, 300);
  for (let r = 1; r < sample; r++) {
    const v = values[r][col];
    if (typeof v === 'string') longest = Math.max(longest, v.length);
    else if (typeof v === 'number') longest = Math.max(longest, String(v).length);
  }
  const max = kind === 'wrap' || kind === 'link' ? 50 : 28;
  return Math.min(max, Math.max(8, longest + 2));
}

export const COPY_ROW_HEADER = 'Register row';

/**
 * A register table copied as values, after a first column giving each row's worksheet row
 * number in the register (so "Decisions, row 14" in the Evidence index is easy to find).
 * Everything after that column is the table as read: same headers, same order, same values.
 */
export function tableCopySheet(name: string, table: RawTable, spec?: TableSpec): PackSheet {
  const header = (table.values[0] ?? []).map(headerText);
  const firstRow = (table.headerRow ?? 1) + 1;
  const columns: PackColumn[] = [{ kind: 'number', width: 9 }];
  header.forEach((h, i) => {
    const kind = name === 'Settings' && i === 1 ? 'wrap' : columnKind(spec, h);
    columns.push({ kind, width: columnWidth(kind, h, table.values, i) });
  });
  const rows: PackRow[] = new Array(table.values.length);
  rows[0] = { style: 'header', cells: [COPY_ROW_HEADER, ...header] };
  for (let r = 1; r < table.values.length; r++) {
    const src = table.values[r];
    const cells: PackValue[] = new Array(header.length + 1);
    cells[0] = firstRow + r - 1;
    for (let c = 0; c < header.length; c++) cells[c + 1] = copyValue(src[c]);
    rows[r] = { style: 'body', cells };
  }
  return { name, columns, rows, headerRow: 1, filterRow: 1 };
}

// ---------------------------------------------------------------------------------------------

/** Every sheet of the pack, in order. */
export function buildPack(input: PackInput): PackSheet[] {
  const index = indexRows(input.register);
  const sheets: PackSheet[] = [
    coverSheet(input),
    questionsSheet(input, index),
    criteriaSheet(input.result),
    evidenceSheet(input),
    issuesSheet(input.result),
  ];
  for (const name of TABLE_NAMES) {
    const table = input.raw[name];
    if (table && table.values.length > 0) sheets.push(tableCopySheet(name, table, tableSpec(name)));
  }
  const settings = input.raw.Settings;
  if (settings && settings.values.length > 0) sheets.push(tableCopySheet('Settings', settings));
  if (input.history && input.history.values.length > 0) sheets.push(tableCopySheet(PACK_SHEETS.history, input.history));
  return sheets;
}
