/**
 * How a read is split into requests. Excel on the web rejects any request or response over 5 MB
 * and reads over 5,000,000 cells, so values are fetched in row chunks packed into as few syncs as
 * a budget under those limits allows. Pure: the reader feeds back the bytes it actually received
 * so later chunks are sized from real data, not from a guess.
 *
 * The payload limit, not the sync budget, sets the count for large registers: the fewest syncs
 * any reader can use is one discovery sync plus ceil(value bytes / 5 MB) — 6 for the 21 MB of a
 * realistic 100,000-row register. docs/office-adapter.md has the figures.
 */

export interface ReadBudget {
  /** Target response size per sync; under the 5 MB limit with room for estimates that run low. */
  readonly bytesPerRequest: number;
  /** Cells per sync; under Excel's 5,000,000-cell read limit. */
  readonly cellsPerRequest: number;
  /** Bytes per cell assumed before any table has been measured. */
  readonly initialBytesPerCell: number;
}

/**
 * Measured against the Excel fake on the benchmark's registers (JSON of realistic rows is 16–20
 * bytes per cell): a register of up to about 12,000 rows comes back in one values sync, and the
 * largest response of a 100,000-row read is 4.2 MB, 0.8 MB under the limit.
 */
export const DEFAULT_READ_BUDGET: ReadBudget = {
  bytesPerRequest: 4_500_000,
  cellsPerRequest: 4_000_000,
  initialBytesPerCell: 32,
};

/** Headroom over the measured average: rows later in a table may be longer than earlier ones. */
const SAFETY = 1.1;
const MIN_BYTES_PER_CELL = 4;
/**
 * A table's estimate starts as the initial guess counted as this many cells, and moves to what
 * its rows measure as they arrive: a chunk of a few rows (where one batch ends) says little, and
 * trusting it alone made the next, large chunk of a long-text table overrun the limit.
 */
const GUESS_WEIGHT_CELLS = 2000;
/** After this many halvings in a row of a batch that Excel still refuses, give up with Excel's error. */
const MAX_SHRINKS = 12;

export interface PendingTable {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** First row not read yet (zero-based within the data body). */
  next: number;
  /** Estimated JSON bytes per cell for this table (with headroom), once measured. */
  bytesPerCell: number;
  /** Whether bytesPerCell was measured on this table's rows (else it is the initial guess). */
  measured: boolean;
  /** JSON bytes and cells received so far, and the estimate the first of them was sized with. */
  bytesSeen: number;
  cellsSeen: number;
  guess: number;
}

export interface Chunk {
  readonly name: string;
  readonly start: number;
  readonly count: number;
  readonly cols: number;
  /** Bytes per cell this chunk was sized with. */
  readonly bytesPerCell: number;
}

export function pendingTable(name: string, rows: number, cols: number, budget: ReadBudget = DEFAULT_READ_BUDGET): PendingTable {
  return { name, rows, cols, next: 0, bytesPerCell: budget.initialBytesPerCell, measured: false, bytesSeen: 0, cellsSeen: 0, guess: budget.initialBytesPerCell };
}

/**
 * Bytes per cell to assume for a table not measured yet: the densest table measured so far
 * (tables of one register are written alike: short codes and dates, or long texts), else the
 * initial guess.
 */
function priorBytesPerCell(pending: readonly PendingTable[], budget: ReadBudget): number {
  let densest = 0;
  for (const t of pending) if (t.measured) densest = Math.max(densest, t.bytesPerCell);
  return densest > 0 ? densest : budget.initialBytesPerCell;
}

/**
 * The chunks for the next sync: tables in order, as many rows as fit the byte and cell budgets
 * (`scale` < 1 after a payload error). Always at least one row, so a read always progresses.
 */
export function takeBatch(pending: readonly PendingTable[], budget: ReadBudget = DEFAULT_READ_BUDGET, scale = 1): Chunk[] {
  let bytesLeft = budget.bytesPerRequest * scale;
  let cellsLeft = budget.cellsPerRequest * scale;
  const prior = priorBytesPerCell(pending, budget);
  const chunks: Chunk[] = [];
  for (const t of pending) {
    const remaining = t.rows - t.next;
    if (remaining <= 0 || t.cols <= 0) continue;
    const bytesPerCell = t.measured ? t.bytesPerCell : prior;
    const rowBytes = t.cols * bytesPerCell;
    let fit = Math.min(Math.floor(bytesLeft / rowBytes), Math.floor(cellsLeft / t.cols), remaining);
    if (fit < 1) {
      if (chunks.length > 0) break;
      fit = 1;
    }
    chunks.push({ name: t.name, start: t.next, count: fit, cols: t.cols, bytesPerCell });
    bytesLeft -= fit * rowBytes;
    cellsLeft -= fit * t.cols;
    if (bytesLeft <= 0 || cellsLeft <= 0) break;
  }
  return chunks;
}

/**
 * Bytes of `values` as JSON on the wire (UTF-8): text in other scripts takes 2–3 bytes per
 * character, so counting characters would under-estimate a register written in, say, Greek.
 */
export function jsonBytes(values: unknown): number {
  const json = JSON.stringify(values) ?? '';
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) continue;
    // +1 for U+0080–U+07FF; +2 up to U+FFFF; a surrogate pair (4 bytes) is two units of +1.
    bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/**
 * Learn a table's real size from a chunk just received. `sizedWith`: the bytes per cell the chunk
 * was sized with, which becomes the table's starting guess (less the headroom added back below).
 */
export function refine(table: PendingTable, receivedBytes: number, cells: number, sizedWith = table.bytesPerCell): void {
  if (cells <= 0) return;
  if (!table.measured) table.guess = sizedWith / SAFETY;
  table.bytesSeen += receivedBytes;
  table.cellsSeen += cells;
  const average = (table.bytesSeen + table.guess * GUESS_WEIGHT_CELLS) / (table.cellsSeen + GUESS_WEIGHT_CELLS);
  table.bytesPerCell = Math.max(MIN_BYTES_PER_CELL, average * SAFETY);
  table.measured = true;
}

/**
 * The batch size after payload errors. A refused batch is retried at half size. Once a smaller
 * batch arrives, the size goes back to full only if what arrived explains the refusal — the
 * refused batch, re-estimated from the rows now measured, would have been over the budget (the
 * guess was low: a register of long texts) — and stays reduced otherwise (the limit is tighter
 * than the budget), so a read does not keep alternating between refusals and successes.
 */
export class BatchPacer {
  scale = 1;
  private shrinks = 0;
  private refusedBatch: readonly Chunk[] | null = null;

  constructor(private readonly budget: ReadBudget = DEFAULT_READ_BUDGET) {}

  /** Excel refused `chunks` as too large: halve. False when halving has failed too often in a row. */
  refused(chunks: readonly Chunk[]): boolean {
    if (this.shrinks >= MAX_SHRINKS) return false;
    this.shrinks += 1;
    this.scale /= 2;
    this.refusedBatch ??= chunks;
    return true;
  }

  /** A batch arrived and its tables were refined. */
  received(pending: readonly PendingTable[]): void {
    this.shrinks = 0;
    const refused = this.refusedBatch;
    if (!refused) return;
    let projected = 0;
    for (const c of refused) {
      const t = pending.find((p) => p.name === c.name);
      projected += c.count * c.cols * (t?.measured ? t.bytesPerCell / SAFETY : c.bytesPerCell);
    }
    if (projected > this.budget.bytesPerRequest) {
      this.scale = 1;
      this.refusedBatch = null;
    }
  }
}

export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /PayloadSizeLimitExceeded|RangeExceedsLimit/i.test(code);
}
