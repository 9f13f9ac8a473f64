/**
 * Raw tables → typed Register + data-quality issues (spec §1). Columns are found by header
 * text, never by position; a bad cell, row or table becomes an issue with its location and the
 * parse carries on. Runs on up to a million rows, so each table's columns are resolved once and
 * the row loop only indexes arrays and calls the reader picked for each column. The work is a
 * generator of steps (parseRegisterSteps, a table slice at a time) so the task pane can let the
 * browser breathe between them; parseRegister runs them all at once.
 *
 * Every lookup keyed by workbook text is a Map or Set: a header, sheet or key named `__proto__`
 * or `constructor` must find nothing and change nothing.
 */
import {
  ACCOUNTABILITIES,
  COMMUNICATIONS,
  DECISIONS,
  DEFAULT_SETTINGS,
  ESCALATIONS,
  RESOURCES,
  REVIEWS,
  SETTINGS,
  SETTINGS_COLUMNS,
  TABLES,
  type ColumnSpec,
  type EvidenceTableName,
  type SettingSpec,
  type SettingsValues,
  type TableName,
  type TableSpec,
} from './schema';
import type { DataIssue, EpochDay, RawRegister, RawTable, Register, RegisterTables } from './types';
import {
  describeValue,
  idReader,
  isBlankCell,
  prefixOf,
  readDate,
  readList,
  readText,
  readerFor,
  type CellReader,
  type ProblemSlot,
} from './cells';
import { sortIssues } from './issues';
import { ROWS_PER_STEP, runSteps, type Steps } from './steps';

/**
 * At most this many issues are listed per table column (and per table for row-level issues);
 * the rest are summed up in one issue. A million bad cells would otherwise be a million lines
 * nobody reads, and hundreds of megabytes.
 */
export const MAX_ISSUES_PER_COLUMN = 1000;

/** Day settings above this (100 years) are taken as typing mistakes. */
export const MAX_SETTING_DAYS = 36_500;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Header or key text → lookup key: trimmed, inner white space collapsed, lower-case. */
export function headerKey(raw: unknown): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== 'string') return '';
  // Headers are short; a huge one cannot be a spec header, so do not copy it around.
  if (raw.length > 200) return '';
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Worksheet column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The table under this name only if it is the object's own property (never an inherited one). */
function ownTable(raw: RawRegister, name: TableName): RawTable | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  if (!Object.prototype.hasOwnProperty.call(raw, name)) return undefined;
  const table = (raw as Record<string, unknown>)[name];
  return table !== null && typeof table === 'object' ? (table as RawTable) : undefined;
}

function headerRowOf(table: RawTable): number {
  const h = table.headerRow;
  return typeof h === 'number' && Number.isInteger(h) && h >= 1 ? h : 1;
}

/** Collects issues, listing at most MAX_ISSUES_PER_COLUMN per (table, column) and summing the rest. */
class IssueSink {
  readonly issues: DataIssue[] = [];
  private readonly omitted = new Map<string, { table: TableName; column: string | null; count: number; firstRow: number }>();
  private readonly listed = new Map<string, number>();
  /** Worksheet of each table, when the adapter knows it: issues then name the real sheet. */
  private readonly sheets = new Map<TableName, string>();

  /** Record the sheet a table was read from (only a non-empty string; workbook text is never a key here). */
  sheetOf(table: TableName, raw: RawTable): void {
    if (typeof raw.sheet === 'string' && raw.sheet.trim() !== '') this.sheets.set(table, raw.sheet);
  }

  add(table: TableName, row: number, column: string | null, message: string, id?: string | null, cell?: string): void {
    const capKey = `${table}\u0000${column ?? ''}`;
    const listed = this.listed.get(capKey) ?? 0;
    if (listed >= MAX_ISSUES_PER_COLUMN && row > 0) {
      const o = this.omitted.get(capKey);
      if (o) o.count++;
      else this.omitted.set(capKey, { table, column, count: 1, firstRow: row });
      return;
    }
    this.listed.set(capKey, listed + 1);
    const issue: { -readonly [K in keyof DataIssue]: DataIssue[K] } = { table, row, column, message };
    if (id) issue.id = id;
    if (cell) issue.cell = cell;
    const sheet = this.sheets.get(table);
    if (sheet !== undefined) issue.sheet = sheet;
    this.issues.push(issue);
  }

  /** All issues, summaries included, in the stable order of issues.ts. */
  finish(): DataIssue[] {
    for (const o of this.omitted.values()) {
      const what = o.column === null ? 'row problems' : 'problems in this column';
      this.issues.push({
        table: o.table,
        row: o.firstRow,
        column: o.column,
        message: `${o.count} more ${what} are not listed (the first on row ${o.firstRow}); fix the ones above and check again`,
      });
    }
    return sortIssues(this.issues);
  }
}

// ---------------------------------------------------------------------------------------------
// Header row

interface HeaderMap {
  /** headerKey → first column index with that header. */
  readonly index: Map<string, number>;
  readonly letters: (i: number) => string;
}

function readHeader(table: TableName, headerCells: readonly unknown[], raw: RawTable, specHeaders: readonly string[], headerRow: number, sink: IssueSink): HeaderMap {
  const given = Array.isArray(raw.columnLetters) ? raw.columnLetters : undefined;
  // When the adapter does not say where the columns are, the table is taken to start in column A.
  const letters = (i: number): string => {
    const l = given?.[i];
    return typeof l === 'string' && l !== '' ? l : columnLetter(i);
  };
  const wanted = new Set(specHeaders.map((h) => h.toLowerCase()));
  const index = new Map<string, number>();
  for (let i = 0; i < headerCells.length; i++) {
    const key = headerKey(headerCells[i]);
    if (key === '') continue;
    const first = index.get(key);
    if (first === undefined) {
      index.set(key, i);
    } else if (wanted.has(key)) {
      const header = specHeaders.find((h) => h.toLowerCase() === key) ?? key;
      sink.add(
        table,
        headerRow,
        header,
        `Column '${header}' appears more than once; column ${letters(first)} is used and column ${letters(i)} is ignored (rename or remove it)`,
        undefined,
        `${letters(i)}${headerRow}`,
      );
    }
  }
  return { index, letters };
}

// ---------------------------------------------------------------------------------------------
// Row builders: one object literal per table, so every row is created with its final shape in
// one step (about three times faster than adding keys one by one on 100k rows). Values come
// from a scratch array in the schema's column order (ID excluded); positions are looked up by
// key, so reordering the schema cannot shift a field.

type Scratch = unknown[];
type RowOf<K extends EvidenceTableName> = RegisterTables[K][number];
type Text = string | null;
type Day = EpochDay | null;
type YesNo = boolean | null;

/**
 * Column key → index in the scratch array (schema order, ID excluded). Built by
 * Object.fromEntries, which gives an ordinary object with fast properties: an object made with
 * Object.create(null) and filled key by key is a dictionary to V8, and the row builders look up
 * about a dozen of these positions per row. Keys come from the schema, never from the workbook.
 */
function positions(spec: TableSpec): Readonly<Record<string, number>> {
  return Object.fromEntries(spec.columns.filter((c) => c.kind !== 'id').map((c, i) => [c.key, i]));
}

const A = positions(ACCOUNTABILITIES);
const V = positions(REVIEWS);
const D = positions(DECISIONS);
const R = positions(RESOURCES);
const C = positions(COMMUNICATIONS);
const E = positions(ESCALATIONS);

export const ROW_BUILDERS: { readonly [K in EvidenceTableName]: (row: number, id: string | null, v: Scratch) => RowOf<K> } = {
  Accountabilities: (row, id, v) => ({
    row,
    id,
    person: v[A.person] as Text,
    role: v[A.role] as Text,
    topManagement: v[A.topManagement] as YesNo,
    accountable: v[A.accountable] as YesNo,
    canAllocate: v[A.canAllocate] as YesNo,
    responsibilities: v[A.responsibilities] as Text,
    documentedIn: v[A.documentedIn] as Text,
    documentLink: v[A.documentLink] as Text,
    acceptedOn: v[A.acceptedOn] as Day,
    nextReview: v[A.nextReview] as Day,
    status: v[A.status] as Text,
  }),
  Reviews: (row, id, v) => ({
    row,
    id,
    forum: v[V.forum] as Text,
    plannedDate: v[V.plannedDate] as Day,
    heldOn: v[V.heldOn] as Day,
    chair: v[V.chair] as Text,
    topManagementPresent: v[V.topManagementPresent] as string[],
    inputsCovered: v[V.inputsCovered] as string[],
    minutesLink: v[V.minutesLink] as Text,
    status: v[V.status] as Text,
  }),
  Decisions: (row, id, v) => ({
    row,
    id,
    decidedOn: v[D.decidedOn] as Day,
    source: v[D.source] as Text,
    decision: v[D.decision] as Text,
    type: v[D.type] as Text,
    decidedBy: v[D.decidedBy] as Text,
    owner: v[D.owner] as Text,
    dueDate: v[D.dueDate] as Day,
    status: v[D.status] as Text,
    completedOn: v[D.completedOn] as Day,
    effectivenessCheck: v[D.effectivenessCheck] as Text,
    effective: v[D.effective] as Text,
    evidenceLink: v[D.evidenceLink] as Text,
  }),
  Resources: (row, id, v) => ({
    row,
    id,
    requestedOn: v[R.requestedOn] as Day,
    type: v[R.type] as Text,
    smsNeed: v[R.smsNeed] as Text,
    linkedItem: v[R.linkedItem] as Text,
    approvedBy: v[R.approvedBy] as Text,
    outcome: v[R.outcome] as Text,
    decidedOn: v[R.decidedOn] as Day,
    deliveredOn: v[R.deliveredOn] as Day,
    evidenceLink: v[R.evidenceLink] as Text,
  }),
  Communications: (row, id, v) => ({
    row,
    id,
    sentOn: v[C.sentOn] as Day,
    from: v[C.from] as Text,
    channel: v[C.channel] as Text,
    audience: v[C.audience] as Text,
    expectation: v[C.expectation] as Text,
    linkedItem: v[C.linkedItem] as Text,
    evidenceLink: v[C.evidenceLink] as Text,
  }),
  Escalations: (row, id, v) => ({
    row,
    id,
    raisedOn: v[E.raisedOn] as Day,
    trigger: v[E.trigger] as Text,
    description: v[E.description] as Text,
    escalatedTo: v[E.escalatedTo] as Text,
    decision: v[E.decision] as Text,
    status: v[E.status] as Text,
    closedOn: v[E.closedOn] as Day,
  }),
};

// ---------------------------------------------------------------------------------------------
// Evidence tables

interface ColumnPlan {
  readonly spec: ColumnSpec;
  /** Column index in the values, or -1 when the table lacks the column. */
  readonly index: number;
  readonly letter: string;
  readonly read: CellReader;
}

interface TableParse {
  readonly rows: readonly { readonly row: number; readonly id: string | null }[];
  readonly plans: readonly ColumnPlan[];
}

/** Resolve a table's header and column plans; undefined (after reporting why) when it has no rows to read. */
function openTable(spec: TableSpec, raw: RawTable, sink: IssueSink, ids: Set<string>): TableReader | undefined {
  const table = spec.name;
  sink.sheetOf(table, raw);
  const values = raw.values;
  if (!Array.isArray(values)) {
    sink.add(table, 0, null, `The ${table} table could not be read; it is scored as empty`);
    return undefined;
  }
  const headerRow = headerRowOf(raw);
  const headerCells: readonly unknown[] = Array.isArray(values[0]) ? values[0] : [];
  if (headerCells.length === 0) {
    sink.add(table, 0, null, `The ${table} table has no header row; add the headers (${spec.columns.map((c) => c.header).join(', ')})`);
    return undefined;
  }
  const header = readHeader(table, headerCells, raw, spec.columns.map((c) => c.header), headerRow, sink);

  let idPlan: ColumnPlan | undefined;
  const plans: ColumnPlan[] = [];
  for (const col of spec.columns) {
    const index = header.index.get(headerKey(col.header)) ?? -1;
    if (index < 0) {
      sink.add(table, headerRow, col.header, `Column '${col.header}' is missing; add it to the ${table} table (until then its cells count as empty)`);
    }
    const plan: ColumnPlan = {
      spec: col,
      index,
      letter: index >= 0 ? header.letters(index) : '',
      read: col.kind === 'id' ? idReader(spec.prefix, table) : readerFor(col),
    };
    if (col.kind === 'id') idPlan = plan;
    else plans.push(plan);
  }
  return new TableReader(spec, values, headerRow, plans, idPlan, sink, ids);
}

/**
 * Reads one evidence table's rows a slice at a time (readRows), so a caller can pause between
 * slices; everything that must survive a pause (the open run of blank rows, the duplicate-ID
 * map) lives on the reader.
 */
class TableReader implements TableParse {
  readonly rows: { row: number; id: string | null }[] = [];
  /** Index in `values` of the next row to read (0 is the header row). */
  private next = 1;
  // Built only once a duplicate turns up: most tables have none, and a Map per row costs time.
  private firstRowOf: Map<string, number> | undefined;
  // Blank rows are reported as runs ("Rows 7–12 are blank"); a run that ends the table is not
  // reported: it is the table's spare rows (a new Excel table always has one).
  private blankFrom = 0;
  private blankTo = 0;
  private readonly scratch: Scratch;
  private readonly slot: ProblemSlot = { problem: undefined };
  private readonly readId: CellReader<string | null>;
  private readonly build: (row: number, id: string | null, v: Scratch) => { row: number; id: string | null };

  constructor(
    private readonly spec: TableSpec,
    private readonly values: readonly (readonly unknown[])[],
    private readonly headerRow: number,
    readonly plans: readonly ColumnPlan[],
    private readonly idPlan: ColumnPlan | undefined,
    private readonly sink: IssueSink,
    private readonly ids: Set<string>,
  ) {
    this.scratch = new Array(plans.length);
    this.readId = idReader(spec.prefix, spec.name);
    this.build = ROW_BUILDERS[spec.name] as (row: number, id: string | null, v: Scratch) => { row: number; id: string | null };
  }

  get finished(): boolean {
    return this.next >= this.values.length;
  }

  /** Read up to `count` more rows. */
  readRows(count: number): void {
    // Fields copied into locals: this loop runs once per row, on up to a million rows.
    const { values, headerRow, plans, sink, ids, rows, slot, scratch, readId, build, idPlan } = this;
    const table = this.spec.name;
    const prefix = this.spec.prefix;
    const idIndex = idPlan?.index ?? -1;
    let firstRowOf = this.firstRowOf;
    let blankFrom = this.blankFrom;
    let blankTo = this.blankTo;
    const end = Math.min(values.length, this.next + count);

    for (let i = this.next; i < end; i++) {
      const rowNumber = headerRow + i;
      const cells = values[i];
      if (!Array.isArray(cells) || isBlankRow(cells)) {
        if (blankFrom === 0) blankFrom = rowNumber;
        blankTo = rowNumber;
        continue;
      }
      if (blankFrom !== 0) {
        reportBlankRun(sink, table, blankFrom, blankTo);
        blankFrom = 0;
      }

      let id: string | null = null;
      if (idIndex >= 0) {
        slot.problem = undefined;
        id = readId(cells[idIndex], slot);
        if (slot.problem !== undefined) {
          sink.add(table, rowNumber, 'ID', slot.problem, null, `${idPlan!.letter}${rowNumber}`);
        } else if (id === null) {
          sink.add(table, rowNumber, 'ID', `The row has no ID (use ${prefix}-n)`, null, `${idPlan!.letter}${rowNumber}`);
        } else if (ids.has(id)) {
          // IDs carry their table's prefix, so a known ID here was seen earlier in this table.
          firstRowOf ??= firstRows(rows);
          const first = firstRowOf.get(id);
          sink.add(table, rowNumber, 'ID', `Duplicate ID ${id} (also on row ${first}); give this row a new ID`, id, `${idPlan!.letter}${rowNumber}`);
        } else {
          ids.add(id);
          firstRowOf?.set(id, rowNumber);
        }
      }

      for (let j = 0; j < plans.length; j++) {
        const plan = plans[j];
        if (plan.index < 0) {
          scratch[j] = plan.spec.kind === 'list' ? [] : null;
          continue;
        }
        slot.problem = undefined;
        scratch[j] = plan.read(cells[plan.index], slot);
        if (slot.problem !== undefined) {
          sink.add(table, rowNumber, plan.spec.header, slot.problem, id, `${plan.letter}${rowNumber}`);
        }
      }
      rows.push(build(rowNumber, id, scratch));
    }

    this.next = end;
    this.firstRowOf = firstRowOf;
    this.blankFrom = blankFrom;
    this.blankTo = blankTo;
  }
}

/** ID → worksheet row of its first occurrence among the rows read so far. */
function firstRows(rows: readonly { row: number; id: string | null }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows) if (r.id !== null && !map.has(r.id)) map.set(r.id, r.row);
  return map;
}

function isBlankRow(cells: readonly unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i])) return false;
  return true;
}

function reportBlankRun(sink: IssueSink, table: TableName, from: number, to: number): void {
  const message =
    from === to
      ? `Row ${from} is blank and was skipped; delete it or fill it in`
      : `Rows ${from}–${to} are blank (${to - from + 1} rows) and were skipped; delete them or fill them in`;
  sink.add(table, from, null, message);
}

/**
 * After every table is read: each Source / Linked item / Decision in rows [from, to) of a table
 * must name an existing row (of an allowed table, where the column says which).
 */
function checkRefs(spec: TableSpec, parsed: TableParse, ids: ReadonlySet<string>, sink: IssueSink, from: number, to: number): void {
  const rows = parsed.rows;
  for (const plan of parsed.plans) {
    if (plan.spec.kind !== 'ref' || plan.index < 0) continue;
    const key = plan.spec.key;
    const allowed = plan.spec.refTables ?? [];
    const allowedPrefixes = new Set(TABLES.filter((t) => allowed.includes(t.name)).map((t) => t.prefix));
    const expected = TABLES.filter((t) => allowed.includes(t.name));
    for (let i = from; i < to; i++) {
      const row = rows[i];
      const ref = (row as unknown as Record<string, unknown>)[key];
      if (typeof ref !== 'string') continue;
      // The cell address is built only for a problem: almost every link is fine.
      if (!ids.has(ref)) {
        sink.add(spec.name, row.row, plan.spec.header, `'${ref}' does not exist; use the ID of an existing row`, row.id, `${plan.letter}${row.row}`);
      } else if (allowedPrefixes.size > 0 && !allowedPrefixes.has(prefixOf(ref))) {
        const names = expected.map((t) => `a ${t.name} row (${t.prefix}-n)`).join(' or ');
        sink.add(spec.name, row.row, plan.spec.header, `'${ref}' is not ${names}`, row.id, `${plan.letter}${row.row}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

const SETTING_BY_LABEL = new Map<string, SettingSpec>(SETTINGS.map((s) => [headerKey(s.label), s]));

/** Strict decimal text: optional sign, digits, optional fraction (no hex, exponents or 'Infinity'). */
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/** A number from a cell: numbers as they are, numeric text (optionally ending in %) parsed strictly. */
function numberFrom(raw: unknown, allowPercentSign: boolean): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || raw.length > 40) return null;
  let t = raw.trim();
  if (allowPercentSign && t.endsWith('%')) t = t.slice(0, -1).trim();
  return DECIMAL.test(t) ? Number(t) : null;
}

function defaultSettings(): SettingsValues {
  return { ...DEFAULT_SETTINGS, requiredReviewInputs: [...DEFAULT_SETTINGS.requiredReviewInputs] };
}

function parseSettings(raw: RawTable | undefined, sink: IssueSink): SettingsValues {
  const settings = defaultSettings();
  if (raw === undefined) {
    sink.add('Settings', 0, null, 'The Settings sheet or table is missing; default settings are used');
    return settings;
  }
  sink.sheetOf('Settings', raw);
  const values = raw.values;
  if (!Array.isArray(values) || !Array.isArray(values[0]) || values[0].length === 0) {
    sink.add('Settings', 0, null, 'The Settings table has no Key and Value headers; default settings are used');
    return settings;
  }
  const headerRow = headerRowOf(raw);
  const header = readHeader('Settings', values[0], raw, SETTINGS_COLUMNS, headerRow, sink);
  const keyIndex = header.index.get('key') ?? -1;
  const valueIndex = header.index.get('value') ?? -1;
  for (const [name, index] of [
    ['Key', keyIndex],
    ['Value', valueIndex],
  ] as const) {
    if (index < 0) sink.add('Settings', headerRow, name, `Column '${name}' is missing; add it to the Settings table (default settings are used)`);
  }
  if (keyIndex < 0 || valueIndex < 0) return settings;

  const valueLetter = header.letters(valueIndex);
  const keyLetter = header.letters(keyIndex);
  const seen = new Map<SettingSpec, number>();
  const slot: ProblemSlot = { problem: undefined };
  let greenRow = 0;
  let amberRow = 0;

  for (let i = 1; i < values.length; i++) {
    const cells = values[i];
    if (!Array.isArray(cells)) continue;
    const rowNumber = headerRow + i;
    slot.problem = undefined;
    const label = readText(cells[keyIndex], slot);
    if (label === null) continue;
    const setting = SETTING_BY_LABEL.get(headerKey(label));
    // Keys the register does not know are the user's own notes: ignored.
    if (setting === undefined) continue;
    const first = seen.get(setting);
    if (first !== undefined) {
      sink.add('Settings', rowNumber, 'Key', `'${setting.label}' appears more than once; row ${first} is used (delete this row)`, null, `${keyLetter}${rowNumber}`);
      continue;
    }
    seen.set(setting, rowNumber);
    const cell = `${valueLetter}${rowNumber}`;
    const problem = applySetting(settings, setting, cells[valueIndex], slot);
    if (problem !== undefined) sink.add('Settings', rowNumber, 'Value', `${setting.label}: ${problem}`, null, cell);
    if (setting.key === 'greenThreshold') greenRow = rowNumber;
    if (setting.key === 'amberThreshold') amberRow = rowNumber;
  }

  if (settings.amberThreshold > settings.greenThreshold) {
    const row = amberRow || greenRow;
    sink.add(
      'Settings',
      row,
      'Value',
      `Amber threshold (${settings.amberThreshold}) is above Green threshold (${settings.greenThreshold}); the defaults ${DEFAULT_SETTINGS.greenThreshold} and ${DEFAULT_SETTINGS.amberThreshold} are used`,
      null,
      row > 0 ? `${valueLetter}${row}` : undefined,
    );
    settings.greenThreshold = DEFAULT_SETTINGS.greenThreshold;
    settings.amberThreshold = DEFAULT_SETTINGS.amberThreshold;
  }
  return settings;
}

/** Store one setting's value (blank keeps the default); returns the problem when it is invalid. */
function applySetting(settings: SettingsValues, setting: SettingSpec, raw: unknown, slot: ProblemSlot): string | undefined {
  if (isBlankCell(raw)) return undefined;
  slot.problem = undefined;
  switch (setting.kind) {
    case 'text': {
      const text = readText(raw, slot);
      if (slot.problem !== undefined) return `${slot.problem}; left blank`;
      (settings as unknown as Record<string, unknown>)[setting.key] = text ?? '';
      return undefined;
    }
    case 'date': {
      const day = readDate(raw, slot);
      if (slot.problem !== undefined) return `${slot.problem}; today is used`;
      settings.assessmentDate = day;
      return undefined;
    }
    case 'list': {
      const items = readList(raw, slot);
      if (slot.problem !== undefined) return `${slot.problem}; the default list is used`;
      if (items.length > 0) settings.requiredReviewInputs = items;
      return undefined;
    }
    case 'days': {
      const n = numberFrom(raw, false);
      const fallback = DEFAULT_SETTINGS[setting.key] as number;
      if (n === null || !Number.isInteger(n) || n < 1 || n > MAX_SETTING_DAYS) {
        return `${describeValue(raw)} is not a whole number of days from 1 to ${MAX_SETTING_DAYS}; the default ${fallback} is used`;
      }
      (settings as unknown as Record<string, unknown>)[setting.key] = n;
      return undefined;
    }
    case 'threshold': {
      const n = numberFrom(raw, true);
      const fallback = DEFAULT_SETTINGS[setting.key] as number;
      if (n === null || n < 0 || n > 100) {
        return `${describeValue(raw)} is not a score from 0 to 100; the default ${fallback} is used`;
      }
      (settings as unknown as Record<string, unknown>)[setting.key] = n;
      return undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The register

/** Steps a table's parse takes: one per ROWS_PER_STEP rows, at least one (also for a missing table). */
function stepsFor(raw: RawTable | undefined): number {
  const values = raw?.values;
  return Array.isArray(values) ? Math.max(1, Math.ceil((values.length - 1) / ROWS_PER_STEP)) : 1;
}

/** Steps checking a table's links takes: as many as its parse when it has a link column and is there. */
function linkStepsFor(spec: TableSpec, raw: RawTable | undefined): number {
  return raw !== undefined && spec.columns.some((c) => c.kind === 'ref') ? stepsFor(raw) : 0;
}

/**
 * The parse as steps (see steps.ts): each evidence table in slices of ROWS_PER_STEP rows, then
 * Settings, then each table's links in slices. Same work, same order, same Register as parseRegister.
 */
export function* parseRegisterSteps(raw: RawRegister): Steps<Register> {
  const sink = new IssueSink();
  const ids = new Set<string>();
  const present: TableName[] = [];
  const missing: EvidenceTableName[] = [];
  const tables: Record<EvidenceTableName, readonly { row: number; id: string | null }[]> = {
    Accountabilities: [],
    Reviews: [],
    Decisions: [],
    Resources: [],
    Communications: [],
    Escalations: [],
  };
  const parsed = new Map<TableName, TableParse>();
  const sources = TABLES.map((spec) => ({ spec, table: ownTable(raw, spec.name) }));
  const total = sources.reduce((n, { spec, table }) => n + stepsFor(table) + linkStepsFor(spec, table), 0) + 1;
  let done = 0;

  for (const { spec, table } of sources) {
    // A table that turns out unreadable skips the rest of its planned steps.
    const end = done + stepsFor(table);
    yield { done, total, label: `Checking ${spec.name}` };
    if (table === undefined) {
      missing.push(spec.name);
      sink.add(spec.name, 0, null, `The ${spec.name} sheet or table is missing; set up the register to add it (until then it counts as empty)`);
    } else {
      present.push(spec.name);
      const reader = openTable(spec, table, sink, ids);
      if (reader !== undefined) {
        reader.readRows(ROWS_PER_STEP);
        while (!reader.finished) {
          yield { done: ++done, total, label: `Checking ${spec.name}` };
          reader.readRows(ROWS_PER_STEP);
        }
        tables[spec.name] = reader.rows;
        parsed.set(spec.name, reader);
      }
    }
    done = end;
  }

  yield { done: done++, total, label: 'Reading Settings' };
  const settingsTable = ownTable(raw, 'Settings');
  if (settingsTable !== undefined) present.push('Settings');
  const settings = parseSettings(settingsTable, sink);

  for (const { spec, table } of sources) {
    const end = done + linkStepsFor(spec, table);
    const result = parsed.get(spec.name);
    if (end > done && result !== undefined) {
      const rows = result.rows.length;
      for (let from = 0; from === 0 || from < rows; from += ROWS_PER_STEP) {
        yield { done: done++, total, label: `Checking links in ${spec.name}` };
        checkRefs(spec, result, ids, sink, from, Math.min(rows, from + ROWS_PER_STEP));
      }
    }
    done = end;
  }

  const register: Register = {
    tables: tables as unknown as RegisterTables,
    settings,
    present,
    missing,
    ids,
    issues: sink.finish(),
  };
  yield { done, total, label: 'Register checked' };
  return register;
}

/** Read every register table the workbook has, in one go. Never throws on workbook content. */
export function parseRegister(raw: RawRegister): Register {
  return runSteps(parseRegisterSteps(raw));
}
