/**
 * A typed in-memory fake of exactly the Excel objects the Office.js port uses (the `X*` surface in
 * src/workbook/office/office-surface.ts, itself checked against @types/office-js).
 *
 * Faithful where it matters for the port's promises:
 * - Commands are QUEUED and run only at `context.sync()`, in order; method results are proxies
 *   resolved at execution time (a data-body range taken before `rows.add` runs covers the new row).
 * - Reading a property that was not loaded and synced throws `PropertyNotLoaded`, like Office.js.
 * - `*OrNullObject` proxies resolve to null; their children are null too; commands on them are
 *   no-ops (Microsoft's own `getItemOrNullObject("Sample").delete()` idiom).
 * - Every `sync()` is counted and recorded with its request and response size in bytes (JSON
 *   length) and every write with its payload size; a request or response over the Excel-on-the-web
 *   limit (5 MB) fails with `…PayloadSizeLimitExceeded`, a read over 5,000,000 cells too.
 * - Values written as strings behave like typed input: '=…' (and '+'/'-'/'@' text that is not a
 *   number) becomes a formula and numeric text becomes a number — unless the cell's number format
 *   is '@' (Text). Arrays must match the range's size (InvalidArgument otherwise); null leaves a
 *   cell unchanged.
 * - `Excel.run` semantics: pending commands are flushed by a final sync when the batch returns.
 */
import type {
  CellWrite,
  XApplication,
  XChart,
  XChartCollection,
  XChartSeries,
  XChartSeriesCollection,
  XConditionalFormat,
  XConditionalFormatCollection,
  XDataValidation,
  XFreezePanes,
  XRange,
  XRangeFormat,
  XRequestContext,
  XTable,
  XTableColumn,
  XTableColumnCollection,
  XTableCollection,
  XTableRow,
  XTableRowCollection,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
} from '../../src/workbook/office/office-surface';

export type Scalar = string | number | boolean;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

const LIMIT_BYTES = 5_000_000;
const LIMIT_CELLS = 5_000_000;
/** Rough per-command envelope of the JSON request (object path, action type…). */
const COMMAND_OVERHEAD = 40;

// ---------------------------------------------------------------------------------------------
// A1 helpers

export function colLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseA1(address: string): { r0: number; c0: number; nr: number; nc: number } {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.replace(/\$/g, '').split(':');
  const cell = (s: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m) throw new FakeExcelError('InvalidArgument', `bad address ${address}`);
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return [Number(m[2]) - 1, c - 1];
  };
  const [r1, c1] = cell(a);
  const [r2, c2] = cell(b);
  return { r0: Math.min(r1, r2), c0: Math.min(c1, c2), nr: Math.abs(r2 - r1) + 1, nc: Math.abs(c2 - c1) + 1 };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function a1(r0: number, c0: number, nr = 1, nc = 1): string {
  const start = `${colLetters(c0)}${r0 + 1}`;
  return nr === 1 && nc === 1 ? start : `${start}:${colLetters(c0 + nc - 1)}${r0 + nr}`;
}

const key = (r: number, c: number): string => `${r},${c}`;
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

// ---------------------------------------------------------------------------------------------
// The workbook model

export interface CfModel {
  address: string;
  type: 'Custom';
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  /** Set when the source data sits on another sheet than the chart. */
  sourceSheet?: string;
  seriesBy?: string;
  title?: string;
  position?: [string, string | undefined];
  /** The first series' x-axis values (`setXAxisValues`), sheet-qualified. */
  categories?: string;
}

/** Sheet names Excel refuses (`History` is kept for Track Changes). */
const RESERVED_SHEET_NAMES = ['History'];

export class SheetModel {
  /** values[r][c]; undefined and '' are blank. */
  values: (Scalar[] | undefined)[] = [];
  formulas = new Map<string, string>();
  numberFormats = new Map<string, string>();
  styles = new Map<string, Record<string, unknown>>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  validations: { address: string; rule: Excel.DataValidationRule }[] = [];
  conditionalFormats: CfModel[] = [];
  charts: ChartModel[] = [];

  constructor(public name: string) {}

  get(r: number, c: number): Scalar {
    return this.values[r]?.[c] ?? '';
  }

  set(r: number, c: number, v: Scalar): void {
    let row = this.values[r];
    if (!row) {
      if (v === '') return;
      row = this.values[r] = [];
    }
    row[c] = v;
  }

  isBlank(r: number, c: number): boolean {
    return this.get(r, c) === '' && !this.formulas.has(key(r, c));
  }

  /** Bounding box of non-blank values (Excel's used range with valuesOnly). */
  usedBounds(): { r0: number; c0: number; nr: number; nc: number } | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const rows = this.values;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === '' || v === undefined) continue;
        if (r < r0) r0 = r;
        r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    for (const k of this.formulas.keys()) {
      const [r, c] = k.split(',').map(Number);
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
  }

  private moveCell(fromR: number, fromC: number, toR: number, toC: number): void {
    this.set(toR, toC, this.get(fromR, fromC));
    this.set(fromR, fromC, '');
    for (const map of [this.formulas, this.numberFormats, this.styles] as Map<string, unknown>[]) {
      const v = map.get(key(fromR, fromC));
      map.delete(key(toR, toC));
      if (v !== undefined) {
        map.set(key(toR, toC), v);
        map.delete(key(fromR, fromC));
      }
    }
  }

  /** Insert one row of cells at `at` in columns c0..c1, shifting the cells below down (Excel's table growth). */
  insertRowInColumns(at: number, c0: number, c1: number): void {
    let last = -1;
    for (let r = this.values.length - 1; r >= at; r--) {
      for (let c = c0; c <= c1; c++) if (!this.isBlank(r, c)) last = Math.max(last, r);
    }
    for (let r = last; r >= at; r--) for (let c = c0; c <= c1; c++) this.moveCell(r, c, r + 1, c);
  }

  /** Insert one column of cells at `at` in rows r0..r1, shifting the cells to the right. */
  insertColumnInRows(at: number, r0: number, r1: number): void {
    for (let r = r0; r <= r1; r++) {
      const row = this.values[r];
      const width = Math.max(row?.length ?? 0, ...[...this.formulas.keys()].filter((k) => k.startsWith(`${r},`)).map((k) => Number(k.split(',')[1]) + 1));
      for (let c = width - 1; c >= at; c--) if (!this.isBlank(r, c) || this.numberFormats.has(key(r, c))) this.moveCell(r, c, r, c + 1);
    }
  }
}

export class TableModel {
  constructor(
    public name: string,
    public sheet: SheetModel,
    /** Header row, zero-based. */
    public r0: number,
    public c0: number,
    public nCols: number,
    /** Data rows (Excel keeps at least one). */
    public nRows: number,
  ) {}

  headers(): string[] {
    return Array.from({ length: this.nCols }, (_, j) => String(this.sheet.get(this.r0, this.c0 + j)));
  }
}

export interface WriteRecord {
  sync: number;
  kind: string;
  target: string;
  bytes: number;
}

export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  commands: number;
  writes: WriteRecord[];
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
}

interface RangeRef {
  sheet: SheetModel;
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

interface Op {
  run: () => void;
  /** Request payload of this command. */
  bytes: number;
  write?: { kind: string; target: () => string };
  suspend?: 'calc' | 'screen';
}

export interface FakeExcelOptions {
  /** Excel on the web rejects requests and responses over 5 MB. */
  payloadLimitBytes?: number;
  maxCellsPerRead?: number;
}

export class FakeExcel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  syncs: SyncRecord[] = [];
  /** Called before each sync runs its commands (1-based sync number): lets a test play a co-author. */
  beforeSync: ((syncNumber: number) => void) | undefined;
  readonly payloadLimitBytes: number;
  readonly maxCellsPerRead: number;
  private tableCounter = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? LIMIT_BYTES;
    this.maxCellsPerRead = options.maxCellsPerRead ?? LIMIT_CELLS;
  }

  /** Pass this where the port expects `Excel.run`. */
  run = async <T>(batch: (context: XRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context);
    if (context.pendingCount() > 0) await context.sync();
    return result;
  };

  // --- metrics ---------------------------------------------------------------------------------
  resetMetrics(): void {
    this.syncs = [];
  }
  get syncCount(): number {
    return this.syncs.length;
  }
  get writes(): WriteRecord[] {
    return this.syncs.flatMap((s) => s.writes);
  }
  maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }
  maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  // --- model lookups -----------------------------------------------------------------------------
  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => same(s.name, name));
  }
  table(name: string): TableModel | undefined {
    return this.tables.find((t) => same(t.name, name));
  }
  nextTableName(): string {
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (this.table(name));
    return name;
  }

  // --- arranging a workbook in a test (no syncs, no records) ---------------------------------------
  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new Error(`sheet ${name} exists`);
    if (RESERVED_SHEET_NAMES.some((r) => same(r, name))) throw new Error(`Excel reserves the sheet name ${name}`);
    const s = new SheetModel(name);
    this.sheets.push(s);
    return s;
  }

  setCells(sheetName: string, topLeft: string, rows: Scalar[][]): void {
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { r0, c0 } = parseA1(topLeft);
    rows.forEach((row, i) => row.forEach((v, j) => s.set(r0 + i, c0 + j, v)));
  }

  /** A table with its header at `topLeft`, created the way a user would (rows may be empty: one blank row). */
  addTable(sheetName: string, name: string, headers: string[], rows: Scalar[][], topLeft = 'A1'): TableModel {
    if (this.table(name)) throw new Error(`table ${name} exists`);
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { r0, c0 } = parseA1(topLeft);
    this.setCells(sheetName, topLeft, [headers, ...rows]);
    const t = new TableModel(name, s, r0, c0, headers.length, Math.max(1, rows.length));
    this.tables.push(t);
    return t;
  }

  /** Remove a table and its sheet (arranging a test). */
  removeTableAndSheet(name: string): void {
    const t = this.table(name);
    if (t) {
      this.tables.splice(this.tables.indexOf(t), 1);
      this.sheets.splice(this.sheets.indexOf(t.sheet), 1);
    }
  }

  /** Header row then data rows, as plain values. */
  tableValues(name: string): Scalar[][] {
    const t = this.table(name);
    if (!t) throw new Error(`no table ${name}`);
    return Array.from({ length: t.nRows + 1 }, (_, i) => Array.from({ length: t.nCols }, (_, j) => t.sheet.get(t.r0 + i, t.c0 + j)));
  }

  cell(sheetName: string, address: string): { value: Scalar; formula?: string; numberFormat?: string } {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`no sheet ${sheetName}`);
    const { r0, c0 } = parseA1(address);
    return { value: s.get(r0, c0), formula: s.formulas.get(key(r0, c0)), numberFormat: s.numberFormats.get(key(r0, c0)) };
  }

  // --- used by proxies at execution time ------------------------------------------------------------
  writeCell(sheet: SheetModel, r: number, c: number, input: unknown, asFormula: boolean): void {
    if (input === null || input === undefined) return;
    const k = key(r, c);
    const textFormat = sheet.numberFormats.get(k) === '@';
    sheet.formulas.delete(k);
    if (typeof input === 'string' && !textFormat) {
      const numeric = input.trim() !== '' && Number.isFinite(Number(input));
      if (/^=./s.test(input) || (!numeric && /^[+\-@]./s.test(input))) {
        sheet.formulas.set(k, input.startsWith('=') ? input : `=${input}`);
        // Formulas are not evaluated; Excel would show their result.
        sheet.set(r, c, asFormula ? '' : '#NAME?');
        return;
      }
      if (numeric && !asFormula) {
        sheet.set(r, c, Number(input));
        return;
      }
    }
    if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') {
      throw new FakeExcelError('InvalidArgument', `unsupported cell value ${JSON.stringify(input)}`);
    }
    sheet.set(r, c, input);
  }

  tableAt(sheet: SheetModel, r: number, c: number): TableModel | undefined {
    return this.tables.find((t) => t.sheet === sheet && r >= t.r0 && r <= t.r0 + t.nRows && c >= t.c0 && c < t.c0 + t.nCols);
  }

  createTable(ref: RangeRef, hasHeaders: boolean): TableModel {
    if (!hasHeaders) throw new FakeExcelError('NotImplemented', 'the fake only models tables with headers');
    for (let r = ref.r0; r < ref.r0 + ref.nr; r++) {
      for (let c = ref.c0; c < ref.c0 + ref.nc; c++) {
        if (this.tableAt(ref.sheet, r, c)) throw new FakeExcelError('InvalidOperation', 'A table can’t overlap another table.');
      }
    }
    // Blank or duplicate headers are renamed as Excel does (Column1, Name2…).
    const seen = new Set<string>();
    for (let j = 0; j < ref.nc; j++) {
      let h = String(ref.sheet.get(ref.r0, ref.c0 + j)).trim() === '' ? `Column${j + 1}` : String(ref.sheet.get(ref.r0, ref.c0 + j));
      const base = h;
      for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${base}${n}`;
      seen.add(h.toLowerCase());
      ref.sheet.formulas.delete(key(ref.r0, ref.c0 + j));
      ref.sheet.set(ref.r0, ref.c0 + j, h);
    }
    const t = new TableModel(this.nextTableName(), ref.sheet, ref.r0, ref.c0, ref.nc, Math.max(1, ref.nr - 1));
    this.tables.push(t);
    return t;
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies

type Resolver<T> = () => T | null;

function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(props?: string | string[]): string[] {
  const list = props === undefined ? [] : Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

function bytesOf(payload: unknown): number {
  return JSON.stringify(payload ?? null).length;
}

class FakeContext implements XRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  pendingCount(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Queue a write; `apply` runs at sync time against the resolved target. */
  write<T>(resolve: Resolver<T>, kind: string, target: (t: T) => string, payload: unknown, apply: (t: T) => void): void {
    let resolved: T | null = null;
    this.enqueue({
      bytes: COMMAND_OVERHEAD + bytesOf(payload),
      write: { kind, target: () => (resolved ? target(resolved) : '(null object)') },
      run: () => {
        resolved = resolve();
        if (resolved !== null) apply(resolved);
      },
    });
  }

  async sync(): Promise<void> {
    const index = this.excel.syncs.length + 1;
    this.excel.beforeSync?.(index);
    const ops = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      index,
      requestBytes: ops.reduce((n, op) => n + op.bytes, 0),
      responseBytes: 0,
      commands: ops.length,
      writes: [],
      suspendedCalculation: ops.some((o) => o.suspend === 'calc'),
      suspendedScreenUpdating: ops.some((o) => o.suspend === 'screen'),
    };
    this.excel.syncs.push(record);
    if (record.requestBytes > this.excel.payloadLimitBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${record.requestBytes} bytes`);
    }
    this.responseBytes = 0;
    for (const op of ops) {
      op.run();
      if (op.write) record.writes.push({ sync: index, kind: op.write.kind, target: op.write.target(), bytes: op.bytes - COMMAND_OVERHEAD });
    }
    record.responseBytes = this.responseBytes;
    if (record.responseBytes > this.excel.payloadLimitBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes`);
    }
  }

  responseBytes = 0;
}

/** Base for loadable proxies: load → snapshot at sync → guarded reads. */
abstract class FakeObject<M> {
  private loaded: Map<string, unknown> | null = null;
  private nullObject = false;

  constructor(
    readonly context: FakeContext,
    readonly resolveModel: Resolver<M>,
  ) {}

  get isNullObject(): boolean {
    if (this.loaded === null) throw notLoaded('isNullObject');
    return this.nullObject;
  }

  protected abstract snapshot(model: M, prop: string): unknown;

  protected queueLoad(props?: string | string[]): void {
    const list = parseLoad(props);
    this.context.enqueue({
      bytes: COMMAND_OVERHEAD,
      run: () => {
        const model = this.resolveModel();
        const loaded = this.loaded ?? new Map<string, unknown>();
        this.nullObject = model === null;
        if (model !== null) {
          for (const p of list) {
            const v = this.snapshot(model, p);
            loaded.set(p, v);
            this.context.responseBytes += bytesOf(v) + p.length + 4;
          }
        }
        this.loaded = loaded;
      },
    });
  }

  protected prop<T>(name: string): T {
    if (this.loaded === null || !this.loaded.has(name)) {
      if (this.loaded !== null && this.nullObject) {
        throw new FakeExcelError('InvalidObjectPath', `'${name}' read on a null object; check isNullObject first`);
      }
      throw notLoaded(name);
    }
    return this.loaded.get(name) as T;
  }
}

class FakeWorkbook implements XWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = FakeTableCollection.forWorkbook(context);
    this.application = new FakeApplication(context);
  }
}

class FakeApplication implements XApplication {
  constructor(private readonly context: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({ bytes: COMMAND_OVERHEAD, run: () => undefined, suspend: 'calc' });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue({ bytes: COMMAND_OVERHEAD, run: () => undefined, suspend: 'screen' });
  }
}

class FakeWorksheetCollection implements XWorksheetCollection {
  constructor(private readonly context: FakeContext) {}

  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    const excel = this.context.excel;
    this.context.write(
      () => true,
      'worksheets.add',
      () => name ?? '',
      name,
      () => {
        const n = name ?? `Sheet${excel.sheets.length + 1}`;
        if (excel.sheet(n)) throw new FakeExcelError('ItemAlreadyExists', `sheet ${n} exists`);
        if (RESERVED_SHEET_NAMES.some((r) => same(r, n))) throw new FakeExcelError('InvalidArgument', `The name ${n} is reserved by Excel.`);
        created = new SheetModel(n);
        excel.sheets.push(created);
      },
    );
    return new FakeWorksheet(this.context, () => created);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(name) ?? null);
  }
}

class FakeWorksheet extends FakeObject<SheetModel> implements XWorksheet {
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: XFreezePanes;

  constructor(context: FakeContext, resolve: Resolver<SheetModel>) {
    super(context, resolve);
    this.tables = FakeTableCollection.forSheet(context, resolve);
    this.charts = new FakeChartCollection(context, resolve);
    this.freezePanes = {
      freezeRows: (count = 1) =>
        context.write(resolve, 'freezePanes.freezeRows', (s) => s.name, count, (s) => {
          s.frozenRows = count;
        }),
    };
  }

  protected snapshot(model: SheetModel, prop: string): unknown {
    if (prop === 'name') return model.name;
    throw new FakeExcelError('InvalidArgument', `fake Worksheet cannot load ${prop}`);
  }

  get name(): string {
    return this.prop('name');
  }
  set name(_v: string) {
    throw new FakeExcelError('NotImplemented', 'renaming sheets is not modelled');
  }

  getRange(address = 'A1'): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.resolveModel();
      return s ? { sheet: s, ...parseA1(address) } : null;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.resolveModel();
      return s ? { sheet: s, r0: startRow, c0: startColumn, nr: rowCount, nc: columnCount } : null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (!valuesOnly) throw new FakeExcelError('NotImplemented', 'the fake models valuesOnly used ranges');
    return new FakeRange(this.context, () => {
      const s = this.resolveModel();
      const b = s?.usedBounds();
      return s && b ? { sheet: s, ...b } : null;
    });
  }

  activate(): void {
    this.context.write(this.resolveModel, 'worksheet.activate', (s) => s.name, null, (s) => {
      this.context.excel.activeSheet = s;
    });
  }

  load(props?: string | string[]): this {
    this.queueLoad(props);
    return this;
  }
}

function refOf(t: TableModel, part: 'header' | 'body' | 'all'): RangeRef {
  const r0 = part === 'body' ? t.r0 + 1 : t.r0;
  const nr = part === 'header' ? 1 : part === 'body' ? t.nRows : t.nRows + 1;
  return { sheet: t.sheet, r0, c0: t.c0, nr, nc: t.nCols };
}

class FakeTableCollection extends FakeObject<TableModel[]> implements XTableCollection {
  /** A worksheet's collection resolves to null with its sheet; the workbook's holds every table. */
  private constructor(
    context: FakeContext,
    private readonly sheetResolve: Resolver<SheetModel> | null,
  ) {
    super(context, () => {
      if (sheetResolve === null) return context.excel.tables;
      const sheet = sheetResolve();
      return sheet === null ? null : context.excel.tables.filter((t) => t.sheet === sheet);
    });
  }

  static forWorkbook(context: FakeContext): FakeTableCollection {
    return new FakeTableCollection(context, null);
  }

  static forSheet(context: FakeContext, resolve: Resolver<SheetModel>): FakeTableCollection {
    return new FakeTableCollection(context, resolve);
  }

  protected snapshot(model: TableModel[], prop: string): unknown {
    if (prop === 'items/name' || prop === 'items') return model.map((t) => t.name);
    throw new FakeExcelError('InvalidArgument', `fake TableCollection cannot load ${prop}`);
  }

  get items(): FakeTable[] {
    const names = this.prop<string[]>('items/name');
    return names.map((n) => {
      const t = new FakeTable(this.context, () => this.context.excel.table(n) ?? null);
      t.preload('name', n);
      return t;
    });
  }

  add(address: XRange | string, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    const context = this.context;
    const resolveRef = (): RangeRef | null => {
      if (typeof address !== 'string') return (address as FakeRange).resolveModel();
      const sheet = this.sheetResolve
        ? this.sheetResolve()
        : address.includes('!')
          ? (context.excel.sheet(address.slice(0, address.lastIndexOf('!')).replace(/^'|'$/g, '')) ?? null)
          : null;
      if (!sheet) throw new FakeExcelError('InvalidArgument', `no sheet for ${address}`);
      return { sheet, ...parseA1(address) };
    };
    context.write(resolveRef, 'tables.add', (r) => `${r.sheet.name}!${a1(r.r0, r.c0, r.nr, r.nc)}`, { address: typeof address === 'string' ? address : '(range)', hasHeaders }, (ref) => {
      created = context.excel.createTable(ref, hasHeaders);
    });
    return new FakeTable(context, () => created);
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this.context.excel.table(name);
      if (!t) return null;
      if (this.sheetResolve && this.sheetResolve() !== t.sheet) return null;
      return t;
    });
  }

  load(props?: string | string[]): this {
    this.queueLoad(props);
    return this;
  }
}

class FakeTable extends FakeObject<TableModel> implements XTable {
  readonly columns: FakeTableColumnCollection;
  readonly rows: FakeTableRowCollection;
  private preloaded = new Map<string, unknown>();

  constructor(context: FakeContext, resolve: Resolver<TableModel>) {
    super(context, resolve);
    this.columns = new FakeTableColumnCollection(context, resolve);
    this.rows = new FakeTableRowCollection(context, resolve);
  }

  preload(prop: string, value: unknown): void {
    this.preloaded.set(prop, value);
  }

  protected snapshot(model: TableModel, prop: string): unknown {
    if (prop === 'name') return model.name;
    if (prop === 'showTotals') return false;
    throw new FakeExcelError('InvalidArgument', `fake Table cannot load ${prop}`);
  }

  get name(): string {
    if (this.preloaded.has('name')) return this.preloaded.get('name') as string;
    return this.prop('name');
  }
  set name(value: string) {
    this.context.write(this.resolveModel, 'table.name', (t) => t.name, value, (t) => {
      const clash = this.context.excel.table(value);
      if (clash && clash !== t) throw new FakeExcelError('ItemAlreadyExists', `table ${value} exists`);
      if (this.context.excel.sheet(value) && this.context.excel.sheet(value) !== t.sheet) {
        // Excel allows a table named like a sheet; nothing to check.
      }
      t.name = value;
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolveModel()?.sheet ?? null);
  }

  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.resolveModel();
      return t ? refOf(t, 'header') : null;
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.resolveModel();
      return t ? refOf(t, 'body') : null;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.resolveModel();
      return t ? refOf(t, 'all') : null;
    });
  }

  load(props?: string | string[]): this {
    this.queueLoad(props);
    return this;
  }
}

class FakeTableColumnCollection implements XTableColumnCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly tableResolve: Resolver<TableModel>,
  ) {}

  add(index?: number, values?: CellWrite[][] | CellWrite, name?: string): FakeTableColumn {
    if (index !== undefined && index !== null) throw new FakeExcelError('NotImplemented', 'the fake adds columns at the end only');
    let added: { table: TableModel; j: number } | null = null;
    const excel = this.context.excel;
    this.context.write(this.tableResolve, 'tableColumns.add', (t) => `${t.name}[${name ?? ''}]`, { values, name }, (t) => {
      const rowsInTable = t.nRows + 1;
      if (Array.isArray(values) && values.length !== rowsInTable) {
        throw new FakeExcelError('InvalidArgument', `column values have ${values.length} rows, table has ${rowsInTable}`);
      }
      const at = t.c0 + t.nCols;
      t.sheet.insertColumnInRows(at, t.r0, t.r0 + t.nRows);
      t.nCols += 1;
      const existing = new Set(t.headers().slice(0, -1).map((h) => h.toLowerCase()));
      let header = name ?? `Column${t.nCols}`;
      for (let n = 2; existing.has(header.toLowerCase()); n++) header = `${name}${n}`;
      t.sheet.set(t.r0, at, header);
      if (Array.isArray(values)) values.slice(1).forEach((row, i) => excel.writeCell(t.sheet, t.r0 + 1 + i, at, row[0], false));
      added = { table: t, j: t.nCols - 1 };
    });
    return new FakeTableColumn(this.context, () => added);
  }

  getItemOrNullObject(keyOrName: number | string): FakeTableColumn {
    return new FakeTableColumn(this.context, () => {
      const t = this.tableResolve();
      if (!t) return null;
      const headers = t.headers();
      // Excel matches column names case-insensitively, like structured references.
      const j = typeof keyOrName === 'number' ? keyOrName : headers.findIndex((h) => same(h, keyOrName));
      return j >= 0 && j < t.nCols ? { table: t, j } : null;
    });
  }
}

class FakeTableColumn extends FakeObject<{ table: TableModel; j: number }> implements XTableColumn {
  protected snapshot(model: { table: TableModel; j: number }, prop: string): unknown {
    if (prop === 'name') return model.table.headers()[model.j];
    throw new FakeExcelError('InvalidArgument', `fake TableColumn cannot load ${prop}`);
  }
  get name(): string {
    return this.prop('name');
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.resolveModel();
      return m ? { sheet: m.table.sheet, r0: m.table.r0 + 1, c0: m.table.c0 + m.j, nr: m.table.nRows, nc: 1 } : null;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.resolveModel();
      return m ? { sheet: m.table.sheet, r0: m.table.r0, c0: m.table.c0 + m.j, nr: m.table.nRows + 1, nc: 1 } : null;
    });
  }
  load(props?: string | string[]): this {
    this.queueLoad(props);
    return this;
  }
}

class FakeTableRowCollection implements XTableRowCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly tableResolve: Resolver<TableModel>,
  ) {}

  add(index?: number, values?: CellWrite[][] | CellWrite, alwaysInsert?: boolean): FakeTableRow {
    if (index !== undefined && index !== null) throw new FakeExcelError('NotImplemented', 'the fake appends rows only');
    void alwaysInsert;
    let added: { table: TableModel; index: number } | null = null;
    const excel = this.context.excel;
    this.context.write(this.tableResolve, 'tableRows.add', (t) => t.name, values, (t) => {
      const rows = Array.isArray(values) ? values : [[]];
      for (const row of rows) {
        if (Array.isArray(values) && (!Array.isArray(row) || row.length !== t.nCols)) {
          throw new FakeExcelError('InvalidArgument', `row has ${Array.isArray(row) ? row.length : 1} values, table has ${t.nCols} columns`);
        }
      }
      const first = t.nRows;
      for (const row of rows) {
        const r = t.r0 + 1 + t.nRows;
        t.sheet.insertRowInColumns(r, t.c0, t.c0 + t.nCols - 1);
        t.nRows += 1;
        // New table rows take the number format of the row above (Excel extends column formats).
        for (let j = 0; j < t.nCols; j++) {
          const nf = t.sheet.numberFormats.get(key(r - 1, t.c0 + j));
          if (nf !== undefined) t.sheet.numberFormats.set(key(r, t.c0 + j), nf);
        }
        (row as unknown[]).forEach((v, j) => excel.writeCell(t.sheet, r, t.c0 + j, v, false));
      }
      added = { table: t, index: first };
    });
    return new FakeTableRow(this.context, () => added);
  }
}

class FakeTableRow extends FakeObject<{ table: TableModel; index: number }> implements XTableRow {
  protected snapshot(model: { table: TableModel; index: number }, prop: string): unknown {
    if (prop === 'index') return model.index;
    throw new FakeExcelError('InvalidArgument', `fake TableRow cannot load ${prop}`);
  }
  get index(): number {
    return this.prop('index');
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.resolveModel();
      return m ? { sheet: m.table.sheet, r0: m.table.r0 + 1 + m.index, c0: m.table.c0, nr: 1, nc: m.table.nCols } : null;
    });
  }
  load(props?: string | string[]): this {
    this.queueLoad(props);
    return this;
  }
}

function refAddress(r: RangeRef): string {
  return `${quoteSheet(r.sheet.name)}!${a1(r.r0, r.c0, r.nr, r.nc)}`;
}

function cellText(v: Scalar): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

class FakeRange extends FakeObject<RangeRef> implements XRange {
  readonly format: XRangeFormat;
  readonly dataValidation: XDataValidation;
  readonly conditionalFormats: XConditionalFormatCollection;

  constructor(context: FakeContext, resolve: Resolver<RangeRef>) {
    super(context, resolve);
    this.format = this.makeFormat();
    this.dataValidation = {
      get rule(): Excel.DataValidationRule {
        throw notLoaded('rule');
      },
      set rule(rule: Excel.DataValidationRule) {
        context.write(resolve, 'dataValidation.rule', refAddress, rule, (r) => {
          r.sheet.validations.push({ address: a1(r.r0, r.c0, r.nr, r.nc), rule });
        });
      },
    };
    this.conditionalFormats = {
      add: (type: 'Custom'): XConditionalFormat => this.addConditionalFormat(type),
      clearAll: () =>
        context.write(resolve, 'conditionalFormats.clearAll', refAddress, null, (r) => {
          r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((cf) => {
            const c = parseA1(cf.address);
            const disjoint = c.r0 >= r.r0 + r.nr || c.r0 + c.nr <= r.r0 || c.c0 >= r.c0 + r.nc || c.c0 + c.nc <= r.c0;
            return disjoint;
          });
        }),
    };
  }

  private addConditionalFormat(type: 'Custom'): XConditionalFormat {
    const context = this.context;
    let model: CfModel | null = null;
    context.write(this.resolveModel, 'conditionalFormats.add', refAddress, type, (r) => {
      model = { address: a1(r.r0, r.c0, r.nr, r.nc), type };
      r.sheet.conditionalFormats.push(model);
    });
    const set = (field: keyof CfModel, value: string): void =>
      context.write(() => model, `conditionalFormat.${field}`, (m) => m.address, value, (m) => {
        (m as unknown as Record<string, string>)[field] = value;
      });
    return {
      custom: {
        rule: {
          get formula(): string {
            throw notLoaded('formula');
          },
          set formula(v: string) {
            set('formula', v);
          },
        },
        format: {
          fill: {
            get color(): string {
              throw notLoaded('color');
            },
            set color(v: string) {
              set('fill', v);
            },
          },
          font: {
            get color(): string {
              throw notLoaded('color');
            },
            set color(v: string) {
              set('fontColor', v);
            },
            get bold(): boolean {
              throw notLoaded('bold');
            },
            set bold(_v: boolean) {
              throw new FakeExcelError('NotImplemented', 'conditional bold not modelled');
            },
          },
        },
      },
    };
  }

  private makeFormat(): XRangeFormat {
    const context = this.context;
    const resolve = this.resolveModel;
    const style = (name: string, value: unknown): void =>
      context.write(resolve, `format.${name}`, refAddress, value, (r) => {
        for (let i = 0; i < r.nr; i++) {
          for (let j = 0; j < r.nc; j++) {
            const k = key(r.r0 + i, r.c0 + j);
            r.sheet.styles.set(k, { ...(r.sheet.styles.get(k) ?? {}), [name]: value });
          }
        }
      });
    const writeOnly = (name: string): PropertyDescriptor => ({
      get() {
        throw notLoaded(name);
      },
      set(v: unknown) {
        style(name, v);
      },
    });
    const font = Object.defineProperties({} as { bold: boolean; italic: boolean; size: number; color: string }, {
      bold: writeOnly('bold'),
      italic: writeOnly('italic'),
      size: writeOnly('size'),
      color: writeOnly('fontColor'),
    });
    const fill = Object.defineProperties({} as { color: string }, { color: writeOnly('fill') });
    const format = {
      font,
      fill,
      get columnWidth(): number {
        throw notLoaded('columnWidth');
      },
      set columnWidth(points: number) {
        context.write(resolve, 'format.columnWidth', refAddress, points, (r) => {
          for (let j = 0; j < r.nc; j++) r.sheet.columnWidths.set(r.c0 + j, points);
        });
      },
      get wrapText(): boolean {
        throw notLoaded('wrapText');
      },
      set wrapText(v: boolean) {
        style('wrap', v);
      },
    };
    return format;
  }

  protected snapshot(r: RangeRef, prop: string): unknown {
    const grid = <T>(f: (row: number, col: number) => T): T[][] => {
      if (r.nr * r.nc > this.context.excel.maxCellsPerRead) {
        throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `read of ${r.nr * r.nc} cells`);
      }
      return Array.from({ length: r.nr }, (_, i) => Array.from({ length: r.nc }, (_, j) => f(r.r0 + i, r.c0 + j)));
    };
    switch (prop) {
      case 'address':
        return refAddress(r);
      case 'rowIndex':
        return r.r0;
      case 'columnIndex':
        return r.c0;
      case 'rowCount':
        return r.nr;
      case 'columnCount':
        return r.nc;
      case 'values':
        return grid((i, j) => r.sheet.get(i, j));
      case 'text':
        return grid((i, j) => cellText(r.sheet.get(i, j)));
      case 'formulas':
        return grid((i, j) => r.sheet.formulas.get(key(i, j)) ?? r.sheet.get(i, j));
      case 'numberFormat':
        return grid((i, j) => r.sheet.numberFormats.get(key(i, j)) ?? 'General');
      default:
        throw new FakeExcelError('InvalidArgument', `fake Range cannot load ${prop}`);
    }
  }

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.gridWrite('values', v, (r, i, j, x) => this.context.excel.writeCell(r.sheet, i, j, x, false));
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.gridWrite('formulas', v, (r, i, j, x) => this.context.excel.writeCell(r.sheet, i, j, x, true));
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.gridWrite('numberFormat', v, (r, i, j, x) => {
      if (x === null || x === undefined) return;
      if (x === '' || x === 'General') r.sheet.numberFormats.delete(key(i, j));
      else r.sheet.numberFormats.set(key(i, j), String(x));
    });
  }

  private gridWrite(kind: string, v: unknown[][], cell: (r: RangeRef, row: number, col: number, x: unknown) => void): void {
    this.context.write(this.resolveModel, `range.${kind}`, refAddress, v, (r) => {
      if (!Array.isArray(v) || v.length !== r.nr || v.some((row) => !Array.isArray(row) || row.length !== r.nc)) {
        throw new FakeExcelError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${refAddress(r)}).`,
        );
      }
      v.forEach((row, i) => row.forEach((x, j) => cell(r, r.r0 + i, r.c0 + j, x)));
    });
  }

  private derived(f: (r: RangeRef) => RangeRef): FakeRange {
    return new FakeRange(this.context, () => {
      const r = this.resolveModel();
      return r ? f(r) : null;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((r) => ({ ...r, r0: r.r0 + row, c0: r.c0 + column, nr: 1, nc: 1 }));
  }
  getRow(row: number): FakeRange {
    return this.derived((r) => ({ ...r, r0: r.r0 + row, nr: 1 }));
  }
  getColumn(column: number): FakeRange {
    return this.derived((r) => ({ ...r, c0: r.c0 + column, nc: 1 }));
  }
  getLastRow(): FakeRange {
    return this.derived((r) => ({ ...r, r0: r.r0 + r.nr - 1, nr: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((r) => {
      if (r.nr + deltaRows < 1 || r.nc + deltaColumns < 1) throw new FakeExcelError('InvalidArgument', 'resized range is empty');
      return { ...r, nr: r.nr + deltaRows, nc: r.nc + deltaColumns };
    });
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.write(this.resolveModel, `range.clear(${applyTo})`, refAddress, applyTo, (r) => {
      for (let i = r.r0; i < r.r0 + r.nr; i++) {
        for (let j = r.c0; j < r.c0 + r.nc; j++) {
          if (applyTo !== 'Formats') {
            r.sheet.set(i, j, '');
            r.sheet.formulas.delete(key(i, j));
          }
          if (applyTo !== 'Contents') {
            r.sheet.numberFormats.delete(key(i, j));
            r.sheet.styles.delete(key(i, j));
          }
        }
      }
    });
  }

  select(): void {
    this.context.write(this.resolveModel, 'range.select', refAddress, null, (r) => {
      if (this.context.excel.activeSheet !== r.sheet) throw new FakeExcelError('InvalidSelection', 'select a range on the active sheet');
      this.context.excel.selection = { sheet: r.sheet.name, address: a1(r.r0, r.c0, r.nr, r.nc) };
    });
  }

  load(props?: string | string[]): this {
    this.queueLoad(props);
    return this;
  }
}

class FakeChartCollection implements XChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheetResolve: Resolver<SheetModel>,
  ) {}

  add(type: 'BarClustered' | 'Line', sourceData: XRange, seriesBy?: 'Columns'): FakeChart {
    let created: { sheet: SheetModel; chart: ChartModel } | null = null;
    const source = sourceData as FakeRange;
    this.context.write(this.sheetResolve, 'charts.add', (s) => s.name, { type, seriesBy }, (s) => {
      const ref = source.resolveModel();
      if (!ref) throw new FakeExcelError('InvalidArgument', 'chart source is a null range');
      let n = 1;
      while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = { name: `Chart ${n}`, type, source: a1(ref.r0, ref.c0, ref.nr, ref.nc), seriesBy };
      if (ref.sheet !== s) chart.sourceSheet = ref.sheet.name;
      s.charts.push(chart);
      created = { sheet: s, chart };
    });
    return new FakeChart(this.context, () => created);
  }

  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const s = this.sheetResolve();
      const chart = s?.charts.find((c) => c.name === name);
      return s && chart ? { sheet: s, chart } : null;
    });
  }
}

class FakeChart extends FakeObject<{ sheet: SheetModel; chart: ChartModel }> implements XChart {
  readonly title: { text: string };
  readonly series: XChartSeriesCollection;

  constructor(context: FakeContext, resolve: Resolver<{ sheet: SheetModel; chart: ChartModel }>) {
    super(context, resolve);
    this.series = {
      getItemAt: (index: number): XChartSeries => ({
        setXAxisValues: (sourceData: XRange) =>
          context.write(resolve, 'chartSeries.setXAxisValues', (m) => m.chart.name, index, (m) => {
            if (index !== 0) throw new FakeExcelError('NotImplemented', 'the fake models the first series only');
            const ref = (sourceData as FakeRange).resolveModel();
            if (!ref) throw new FakeExcelError('InvalidArgument', 'x-axis values from a null range');
            m.chart.categories = refAddress(ref);
          }),
      }),
    };
    this.title = {
      get text(): string {
        throw notLoaded('text');
      },
      set text(v: string) {
        context.write(resolve, 'chart.title', (m) => m.chart.name, v, (m) => {
          m.chart.title = v;
        });
      },
    };
  }

  protected snapshot(model: { sheet: SheetModel; chart: ChartModel }, prop: string): unknown {
    if (prop === 'name') return model.chart.name;
    throw new FakeExcelError('InvalidArgument', `fake Chart cannot load ${prop}`);
  }

  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.context.write(this.resolveModel, 'chart.name', (m) => m.chart.name, v, (m) => {
      m.chart.name = v;
    });
  }

  setPosition(startCell: XRange | string, endCell?: XRange | string): void {
    if (typeof startCell !== 'string' || (endCell !== undefined && typeof endCell !== 'string')) {
      throw new FakeExcelError('NotImplemented', 'the fake positions charts by address');
    }
    this.context.write(this.resolveModel, 'chart.setPosition', (m) => m.chart.name, [startCell, endCell], (m) => {
      m.chart.position = [startCell, endCell];
    });
  }

  delete(): void {
    this.context.write(this.resolveModel, 'chart.delete', (m) => m.chart.name, null, (m) => {
      m.sheet.charts = m.sheet.charts.filter((c) => c !== m.chart);
    });
  }

  load(props?: string | string[]): this {
    this.queueLoad(props);
    return this;
  }
}

/** Convenience for tests: a fresh fake and its run function. */
export function fakeExcel(options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(options);
}

export type { XWorksheet, XTable, XChart };
