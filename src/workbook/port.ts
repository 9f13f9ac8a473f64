/**
 * The one interface every workbook implements: Office.js in Excel (src/workbook/office) and
 * ExcelJS for .xlsx files (src/workbook/xlsx). Faces call these methods and the domain; they
 * never touch Excel objects themselves. Methods return plain data; decisions live in the domain.
 */
import type { EvidenceTableName, TableName } from '../domain/schema';
import type { RawCell, RawRegister, RawTable } from '../domain/types';

/** What a set-up or upgrade changed. Empty lists mean nothing was changed. */
export interface SetUpReport {
  createdSheets: string[];
  createdTables: string[];
  /** Sheets that existed without a table and whose used range was turned into the table. */
  convertedRanges: string[];
  addedColumns: { table: TableName; columns: string[] }[];
  addedSettings: string[];
  /** Plain-language problems that stopped part of the set-up (e.g. a sheet whose first row is not a header). */
  problems: string[];
}

/** Values for a new or updated row, keyed by the schema's column key (e.g. `heldOn`). */
export type RowValues = Partial<Record<string, RawCell>>;

export interface AddRowResult {
  id: string;
  /** Worksheet row number written. */
  row: number;
}

export interface SelectTarget {
  table: TableName | 'History' | 'Dashboard';
  /** Row ID such as `REV-3` (preferred) … */
  id?: string;
  /** … or the worksheet row number. */
  row?: number;
  /** Header text of the column to select; whole row when absent. */
  column?: string | null;
}

export interface ReadProgress {
  (done: number, total: number): void;
}

export interface WorkbookPort {
  /** 'excel' when connected to Excel through Office.js; 'file' for an .xlsx held in memory. */
  readonly kind: 'excel' | 'file';
  /** Every register table's values with headers (missing tables are absent). */
  read(onProgress?: ReadProgress): Promise<RawRegister>;
  /** Create what is missing; never delete, reorder or overwrite. A second run changes nothing. */
  setUp(): Promise<SetUpReport>;
  /** Append one row; the ID is the next free one at write time. */
  addRow(table: EvidenceTableName, values: RowValues): Promise<AddRowResult>;
  /** Overwrite the given cells of the row with this ID (only the keys given). */
  updateRow(table: EvidenceTableName, id: string, values: RowValues): Promise<{ row: number }>;
  /** Write or refresh the Dashboard sheet's own block of live formulas and chart. */
  writeDashboard(): Promise<{ sheet: string; created: boolean }>;
  /** Go to a cell or row. */
  select(target: SelectTarget): Promise<void>;
  /** Append one row to the History table (created when missing). Returns the row written. */
  appendHistory(headers: readonly string[], values: readonly RawCell[]): Promise<{ row: number }>;
  /**
   * The History table's values with its header row first (`headerRow` set when known), or null
   * when the workbook has none. The pane passes it to the auditor pack; `parseHistory` reads it.
   */
  readHistory(): Promise<RawTable | null>;
}
