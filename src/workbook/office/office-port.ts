/**
 * The WorkbookPort for Excel, through Office.js. Each method is one `Excel.run` batch with a
 * fixed, small number of `context.sync()` calls (see docs/office-adapter.md). `run` is injected
 * so tests drive the same code against an in-memory fake.
 */
import type { EvidenceTableName } from '../../domain/schema';
import type { RawCell, RawRegister } from '../../domain/types';
import type { AddRowResult, ReadProgress, RowValues, SelectTarget, SetUpReport, WorkbookPort } from '../port';
import { DEFAULT_READ_BUDGET, type ReadBudget } from './chunking';
import { writeDashboardSheet } from './dashboard';
import type { ExcelRun } from './office-surface';
import { readRegister } from './read';
import { addTableRow, appendHistoryRow, updateTableRow } from './rows';
import { selectTarget } from './select';
import { setUpRegister } from './setup';

export interface OfficePortOptions {
  /** Defaults to `Excel.run`; tests pass the fake's run. */
  run?: ExcelRun;
  /** Payload budget for chunked reads (default: under Excel on the web's 5 MB limit). */
  readBudget?: ReadBudget;
}

/** Resolved lazily: `Excel` only exists inside Office. */
const excelRun: ExcelRun = (batch) => Excel.run((context) => batch(context));

export class OfficePort implements WorkbookPort {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRun;
  private readonly readBudget: ReadBudget;

  constructor(options: OfficePortOptions = {}) {
    this.run = options.run ?? excelRun;
    this.readBudget = options.readBudget ?? DEFAULT_READ_BUDGET;
  }

  read(onProgress?: ReadProgress): Promise<RawRegister> {
    return readRegister(this.run, onProgress, this.readBudget);
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
    return appendHistoryRow(this.run, headers, values);
  }
}
