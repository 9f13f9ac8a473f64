/**
 * WorkbookPort over an .xlsx held in memory (ExcelJS): the command line, scripts and the
 * browser preview use it. No file system here: bytes in (`fromBytes`), bytes out (`toBytes`).
 */
import { Workbook } from 'exceljs';
import { HISTORY_SHEET, HISTORY_TABLE } from '../../domain/history';
import { tableSpec, type EvidenceTableName } from '../../domain/schema';
import type { RawCell, RawRegister, RawTable } from '../../domain/types';
import type { AddRowResult, ReadProgress, RowValues, SelectTarget, SetUpReport, WorkbookPort } from '../port';
import { readRegister } from './read';
import { LayoutProblem, appendRowSlot, nextId, writeCell } from './rows';
import { emptySetUpReport, ensureTable, setUpRegister } from './setup';
import { headerTexts, locateTable, prepareTablesForWrite, sameName, type LocatedTable } from './tables';
import { writeDashboardSheet } from './dashboard';
import { readHistoryTable } from './history';

export class XlsxPort implements WorkbookPort {
  readonly kind = 'file' as const;

  constructor(readonly workbook: Workbook = new Workbook()) {}

  /** Load an .xlsx from bytes. Callers check hostile files first (inspectXlsxFile / inspectXlsxBytes). */
  static async fromBytes(bytes: ArrayBuffer | Uint8Array): Promise<XlsxPort> {
    const workbook = new Workbook();
    // ExcelJS's typings want a Node Buffer; at run time any ArrayBuffer view works (also in browsers).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return new XlsxPort(workbook);
  }

  /** The workbook as .xlsx bytes. */
  async toBytes(): Promise<Uint8Array> {
    prepareTablesForWrite(this.workbook);
    const out = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }

  async read(onProgress?: ReadProgress): Promise<RawRegister> {
    const raw = readRegister(this.workbook);
    onProgress?.(1, 1);
    return raw;
  }

  async setUp(): Promise<SetUpReport> {
    return setUpRegister(this.workbook);
  }

  private table(name: EvidenceTableName): LocatedTable {
    const located = locateTable(this.workbook, name);
    if (!located) throw new Error(`The workbook has no ${name} table; set up the register first`);
    return located;
  }

  /** Sheet column of each given value's header; throws when the table lacks one. */
  private columnsFor(name: EvidenceTableName, located: LocatedTable, values: RowValues): Map<string, number> {
    const spec = tableSpec(name);
    const headers = headerTexts(located).map((h) => h.toLowerCase());
    const cols = new Map<string, number>();
    for (const key of Object.keys(values)) {
      const column = spec.columns.find((c) => c.key === key);
      if (!column) throw new TypeError(`${name} has no field "${key}"`);
      const index = headers.indexOf(column.header.toLowerCase());
      if (index < 0) throw new Error(`The ${name} table has no "${column.header}" column; set up the register to add it`);
      cols.set(key, located.firstCol + index);
    }
    return cols;
  }

  private writeValues(name: EvidenceTableName, located: LocatedTable, row: number, values: RowValues, cols: Map<string, number>): void {
    const spec = tableSpec(name);
    for (const [key, col] of cols) {
      const kind = spec.columns.find((c) => c.key === key)?.kind;
      writeCell(located.sheet.getCell(row, col), kind, values[key]);
    }
  }

  private idColumn(name: EvidenceTableName, located: LocatedTable): number {
    const index = headerTexts(located).findIndex((h) => sameName(h, 'ID'));
    if (index < 0) throw new Error(`The ${name} table has no ID column; set up the register to add it`);
    return located.firstCol + index;
  }

  private ids(located: LocatedTable, idCol: number): { row: number; id: string }[] {
    const out: { row: number; id: string }[] = [];
    for (let r = located.headerRow + 1; r <= located.lastRow; r++) {
      const value = located.sheet.findRow(r)?.findCell(idCol)?.value;
      out.push({ row: r, id: typeof value === 'string' ? value.trim() : String(value ?? '') });
    }
    return out;
  }

  async addRow(name: EvidenceTableName, values: RowValues): Promise<AddRowResult> {
    const located = this.table(name);
    const idCol = this.idColumn(name, located);
    const { id: _ignored, ...rest } = values;
    const cols = this.columnsFor(name, located, rest);
    const id = nextId(tableSpec(name).prefix, this.ids(located, idCol).map((r) => r.id));
    const row = appendRowSlot(located);
    located.sheet.getCell(row, idCol).value = id;
    this.writeValues(name, located, row, rest, cols);
    return { id, row };
  }

  async updateRow(name: EvidenceTableName, id: string, values: RowValues): Promise<{ row: number }> {
    const located = this.table(name);
    const idCol = this.idColumn(name, located);
    const { id: _ignored, ...rest } = values;
    const cols = this.columnsFor(name, located, rest);
    const match = this.ids(located, idCol).find((r) => sameName(r.id, id));
    if (!match) throw new Error(`${name} has no row with ID ${id}`);
    this.writeValues(name, located, match.row, rest, cols);
    return { row: match.row };
  }

  async writeDashboard(): Promise<{ sheet: string; created: boolean }> {
    return writeDashboardSheet(this.workbook);
  }

  /** A file has no selection to move; the call is accepted so faces need no special case. */
  async select(_target: SelectTarget): Promise<void> {}

  async appendHistory(headers: readonly string[], values: readonly RawCell[]): Promise<{ row: number }> {
    if (headers.length !== values.length) throw new Error('History: headers and values differ in length');
    const report = emptySetUpReport();
    const specs = headers.map((h, i) => ({ key: `c${i}`, header: h, kind: 'text' as const }));
    const located = ensureTable(this.workbook, HISTORY_TABLE, HISTORY_SHEET, specs, report, 'Settings');
    if (!located) throw new Error(report.problems.join('; '));
    const present = headerTexts(located).map((h) => h.toLowerCase());
    // A column that could not be added (content right of the table) has no place: writing by a
    // -1 index would put its value one column left of the table. Write nothing and say why.
    const unplaced = headers.filter((h) => !present.includes(h.toLowerCase()));
    if (unplaced.length > 0) {
      const why = report.problems.length > 0 ? report.problems.join('; ') : `the ${HISTORY_TABLE} table has no ${unplaced.map((h) => `"${h}"`).join(', ')} column`;
      throw new LayoutProblem(`No snapshot was recorded: ${why}`);
    }
    const row = appendRowSlot(located);
    headers.forEach((h, i) => {
      const col = located.firstCol + present.indexOf(h.toLowerCase());
      writeCell(located.sheet.getCell(row, col), undefined, values[i] ?? null);
    });
    return { row };
  }

  /** The History table (header row first), or null when the workbook has none. */
  async readHistory(): Promise<RawTable | null> {
    return readHistoryTable(this.workbook) ?? null;
  }
}
