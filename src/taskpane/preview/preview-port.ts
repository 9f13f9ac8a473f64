/**
 * The workbook port of preview mode: C's XlsxPort (an ExcelJS workbook in memory) for every read
 * and write, plus what a browser page needs around it — select() draws the target cell in the
 * sheet viewer (a file has no selection to move), and every write is counted so the page can say
 * there are unsaved changes until the person downloads the workbook.
 */
import type { EvidenceTableName } from '../../domain/schema';
import type { RawCell, RawRegister, RawTable } from '../../domain/types';
import type { AddRowResult, ReadProgress, RowValues, SelectTarget, SetUpReport, WorkbookPort } from '../../workbook/port';
import type { XlsxPort } from '../../workbook/xlsx/xlsx-port';
import { sheetView, type SheetView } from './sheet-view';

export interface PreviewPortEvents {
  /** A select() resolved to cells to show. */
  onSelect(view: SheetView): void;
  /** The workbook was written to (set-up that added something, a row, the dashboard, a snapshot). */
  onChange(): void;
}

function changedAnything(report: SetUpReport): boolean {
  return (
    report.createdSheets.length + report.createdTables.length + report.convertedRanges.length + report.addedColumns.length + report.addedSettings.length > 0
  );
}

export class PreviewPort implements WorkbookPort {
  readonly kind = 'file' as const;

  constructor(
    readonly file: XlsxPort,
    private readonly events: PreviewPortEvents,
  ) {}

  read(onProgress?: ReadProgress): Promise<RawRegister> {
    return this.file.read(onProgress);
  }

  async setUp(): Promise<SetUpReport> {
    const report = await this.file.setUp();
    if (changedAnything(report)) this.events.onChange();
    return report;
  }

  async addRow(table: EvidenceTableName, values: RowValues): Promise<AddRowResult> {
    const added = await this.file.addRow(table, values);
    this.events.onChange();
    return added;
  }

  async updateRow(table: EvidenceTableName, id: string, values: RowValues): Promise<{ row: number }> {
    const updated = await this.file.updateRow(table, id, values);
    this.events.onChange();
    return updated;
  }

  async writeDashboard(): Promise<{ sheet: string; created: boolean }> {
    const written = await this.file.writeDashboard();
    this.events.onChange();
    return written;
  }

  async select(target: SelectTarget): Promise<void> {
    this.events.onSelect(sheetView(this.file.workbook, target));
  }

  async appendHistory(headers: readonly string[], values: readonly RawCell[]): Promise<{ row: number }> {
    const written = await this.file.appendHistory(headers, values);
    this.events.onChange();
    return written;
  }

  readHistory(): Promise<RawTable | null> {
    return this.file.readHistory();
  }

  /** The workbook as .xlsx bytes, for Download. */
  toBytes(): Promise<Uint8Array> {
    return this.file.toBytes();
  }
}
