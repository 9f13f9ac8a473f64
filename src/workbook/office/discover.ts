/**
 * Discovery: what a table looks like (headers, where it sits, how many rows), queued for the same
 * sync as anything else the action needs. Tables are looked up by name with *OrNullObject, so a
 * missing table costs nothing and needs no extra round trip.
 */
import { columnLetter } from './cells';
import type { XRange, XTable, XTableColumn, XWorkbook, XWorksheet } from './office-surface';

export interface TableProbe {
  readonly name: string;
  readonly table: XTable;
  readonly header: XRange;
  readonly body: XRange;
  readonly sheet: XWorksheet;
}

/** Queue the loads that describe table `name` (no sync). */
export function probeTable(workbook: XWorkbook, name: string): TableProbe {
  const table = workbook.tables.getItemOrNullObject(name).load('name');
  const header = table.getHeaderRowRange().load('text,rowIndex,columnIndex,columnCount');
  const body = table.getDataBodyRange().load('rowCount');
  // Issues name the real sheet (a table need not sit on a sheet of its own name); same sync.
  const sheet = table.worksheet.load('name');
  return { name, table, header, body, sheet };
}

export interface TableInfo {
  readonly name: string;
  /** Header texts, as shown. */
  readonly headers: string[];
  /** Worksheet row number (1-based) of the header row. */
  readonly headerRow: number;
  /** Zero-based worksheet column of the first table column. */
  readonly firstColumn: number;
  readonly rowCount: number;
  readonly columnLetters: string[];
  readonly sheetName: string;
}

/** After the sync: the table's shape, or null when there is no such table. */
export function tableInfo(probe: TableProbe): TableInfo | null {
  if (probe.table.isNullObject) return null;
  const headers = (probe.header.text[0] ?? []).map((h) => String(h));
  const firstColumn = probe.header.columnIndex;
  return {
    name: probe.table.name,
    headers,
    headerRow: probe.header.rowIndex + 1,
    firstColumn,
    rowCount: probe.body.rowCount,
    columnLetters: headers.map((_, j) => columnLetter(firstColumn + j)),
    sheetName: probe.sheet.name,
  };
}

/**
 * The ID column's values, queued by column name so only one column travels (a 50,000-row table's
 * IDs are ~0.5 MB; the whole table would be many times that).
 */
export interface IdProbe {
  readonly column: XTableColumn;
  readonly values: XRange;
}

export function probeIds(table: XTable, header = 'ID'): IdProbe {
  const column = table.columns.getItemOrNullObject(header).load('name');
  return { column, values: column.getDataBodyRange().load('values') };
}

export function idsOf(probe: IdProbe): string[] | null {
  if (probe.column.isNullObject) return null;
  return probe.values.values.map((row) => String(row[0] ?? '').trim());
}
