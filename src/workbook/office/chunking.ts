/**
 * How a read is split into requests. Excel on the web rejects any request or response over 5 MB
 * and reads over 5,000,000 cells, so values are fetched in row chunks packed into as few syncs as
 * a budget under those limits allows. Pure: the reader feeds back the bytes it actually received
 * so later chunks are sized from real data, not from a guess.
 */

export interface ReadBudget {
  /** Target response size per sync; kept well under the 5 MB limit for JSON overhead. */
  readonly bytesPerRequest: number;
  /** Cells per sync; under Excel's 5,000,000-cell read limit. */
  readonly cellsPerRequest: number;
  /** Bytes per cell assumed for a table not yet seen: generous, so the first request is safe. */
  readonly initialBytesPerCell: number;
}

export const DEFAULT_READ_BUDGET: ReadBudget = {
  bytesPerRequest: 4_000_000,
  cellsPerRequest: 4_000_000,
  initialBytesPerCell: 48,
};

/** Headroom over the measured average: rows later in a table may be longer than earlier ones. */
const SAFETY = 1.25;
const MIN_BYTES_PER_CELL = 4;

export interface PendingTable {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** First row not read yet (zero-based within the data body). */
  next: number;
  /** Estimated JSON bytes per cell for this table. */
  bytesPerCell: number;
}

export interface Chunk {
  readonly name: string;
  readonly start: number;
  readonly count: number;
  readonly cols: number;
}

export function pendingTable(name: string, rows: number, cols: number, budget: ReadBudget = DEFAULT_READ_BUDGET): PendingTable {
  return { name, rows, cols, next: 0, bytesPerCell: budget.initialBytesPerCell };
}

/**
 * The chunks for the next sync: tables in order, as many rows as fit the byte and cell budgets
 * (`scale` < 1 after a payload error). Always at least one row, so a read always progresses.
 */
export function takeBatch(pending: readonly PendingTable[], budget: ReadBudget = DEFAULT_READ_BUDGET, scale = 1): Chunk[] {
  let bytesLeft = budget.bytesPerRequest * scale;
  let cellsLeft = budget.cellsPerRequest * scale;
  const chunks: Chunk[] = [];
  for (const t of pending) {
    const remaining = t.rows - t.next;
    if (remaining <= 0 || t.cols <= 0) continue;
    const rowBytes = t.cols * t.bytesPerCell;
    let fit = Math.min(Math.floor(bytesLeft / rowBytes), Math.floor(cellsLeft / t.cols), remaining);
    if (fit < 1) {
      if (chunks.length > 0) break;
      fit = 1;
    }
    chunks.push({ name: t.name, start: t.next, count: fit, cols: t.cols });
    bytesLeft -= fit * rowBytes;
    cellsLeft -= fit * t.cols;
    if (bytesLeft <= 0 || cellsLeft <= 0) break;
  }
  return chunks;
}

/** Learn a table's real size from a chunk just received. */
export function refine(table: PendingTable, receivedBytes: number, cells: number): void {
  if (cells <= 0) return;
  table.bytesPerCell = Math.max(MIN_BYTES_PER_CELL, (receivedBytes / cells) * SAFETY);
}

export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /PayloadSizeLimitExceeded|RangeExceedsLimit/i.test(code);
}
