/**
 * The WorkbookPort for Excel, through Office.js. Each method is one `Excel.run` batch with a
 * fixed, small number of `context.sync()` calls (see docs/office-adapter.md). `run` is injected
 * so tests drive the same code against an in-memory fake.
 *
 * read() also brings back the History table in the same syncs and keeps it briefly, so a
 * readHistory() right after a read (the pane's Export auditor pack) costs no round trip and
 * matches the register state that read returned.
 */
import type { EvidenceTableName } from '../../domain/schema';
import type { RawCell, RawRegister, RawTable } from '../../domain/types';
import type { AddRowResult, ReadProgress, RowValues, SelectTarget, SetUpReport, WorkbookPort } from '../port';
import { DEFAULT_READ_BUDGET, type ReadBudget } from './chunking';
import { writeDashboardSheet } from './dashboard';
import type { ExcelRun } from './office-surface';
import { readHistoryTable, readRegisterAndHistory } from './read';
import { addTableRow, appendHistoryRow, updateTableRow } from './rows';
import { selectTarget } from './select';
import { setUpRegister } from './setup';

export interface OfficePortOptions {
  /** Defaults to `Excel.run`; tests pass the fake's run. */
  run?: ExcelRun;
  /** Payload budget for chunked reads (default: under Excel on the web's 5 MB limit). */
  readBudget?: ReadBudget;
  /** Clock in milliseconds (tests pass a fake one); default `Date.now`. */
  now?: () => number;
}

/**
 * How long the History read along with the register stays usable for readHistory(). Long enough
 * for the pane's export (a read, then the History), short enough that a History edited by hand
 * since is read again rather than served stale.
 */
export const HISTORY_REUSE_MS = 5_000;

/** Resolved lazily: `Excel` only exists inside Office. */
const excelRun: ExcelRun = (batch) => Excel.run((context) => batch(context));

export class OfficePort implements WorkbookPort {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRun;
  private readonly readBudget: ReadBudget;
  private readonly now: () => number;
  /** The History as the last read() found it, and when. */
  private lastHistory: { table: RawTable | null; at: number } | null = null;

  constructor(options: OfficePortOptions = {}) {
    this.run = options.run ?? excelRun;
    this.readBudget = options.readBudget ?? DEFAULT_READ_BUDGET;
    this.now = options.now ?? Date.now;
  }

  async read(onProgress?: ReadProgress): Promise<RawRegister> {
    this.lastHistory = null;
    const { register, history } = await readRegisterAndHistory(this.run, onProgress, this.readBudget);
    this.lastHistory = { table: history, at: this.now() };
    return register;
  }

  /** From the last read() when it is recent and nothing was appended since; else one Excel.run (2 syncs). */
  async readHistory(): Promise<RawTable | null> {
    const cached = this.lastHistory;
    if (cached && this.now() - cached.at <= HISTORY_REUSE_MS) return cached.table;
    return readHistoryTable(this.run, this.readBudget);
  }

  setUp(): Promise<SetUpReport> {
    return setUpRegister(this.run);
  }

  addRow(table: EvidenceTableName, values: RowValues): Promise<AddRowResult> {
    return addTableRow(this.run, table, values);
  }

  updateRow(table: EvidenceTableName, id: string, values: RowValues): Promise<{ row: number }> {
    return updateTableRow(this.run, table, id, values);
  }

  writeDashboard(): Promise<{ sheet: string; created: boolean }> {
    return writeDashboardSheet(this.run);
  }

  select(target: SelectTarget): Promise<void> {
    return selectTarget(this.run, target);
  }

  appendHistory(headers: readonly string[], values: readonly RawCell[]): Promise<{ row: number }> {
    this.lastHistory = null;
    return appendHistoryRow(this.run, headers, values);
  }
}
