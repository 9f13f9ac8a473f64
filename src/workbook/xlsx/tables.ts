/**
 * Finding and reshaping Excel tables (ListObjects) in an ExcelJS workbook.
 *
 * ExcelJS 4.4 keeps a loaded table only as its model (name, tableRef, columns, style): the
 * Table class's own row/column methods expect the shape of a table it created itself and
 * rewrite the whole block of cells. So this module reads and grows tables through the model
 * and writes cells directly, which leaves every other cell (and its formatting) alone.
 */
import type { Workbook, Worksheet } from 'exceljs';

/** The model ExcelJS keeps for a table, loaded or created (only the fields we touch). */
export interface TableModel {
  name: string;
  displayName?: string;
  /** Full extent including the header and totals rows, e.g. `A1:L20` (set on load and by validate()). */
  tableRef?: string;
  /** Top-left cell; only on tables created in this session. */
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean; totalsRowLabel?: string; totalsRowFunction?: string }[];
  autoFilterRef?: string;
  style?: { theme?: string | null; showFirstColumn?: boolean; showLastColumn?: boolean; showRowStripes?: boolean; showColumnStripes?: boolean };
  rows?: unknown[][];
}

interface RuntimeTable {
  model: TableModel;
}

/** A rectangular block of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where a register table's cells are, whether it is a real table or a bare sheet. */
export interface LocatedTable {
  sheet: Worksheet;
  /** The ExcelJS table, or undefined when the sheet has headers in row 1 but no table. */
  table?: TableModel;
  /** Worksheet row of the header row. */
  headerRow: number;
  firstCol: number;
  lastCol: number;
  /** Last data row (equal to headerRow when there is none); excludes a totals row. */
  lastRow: number;
}

/** The style written for tables that carry none (LibreOffice saves them so; ExcelJS then crashes on 'theme'). */
export const DEFAULT_TABLE_STYLE = {
  theme: 'TableStyleMedium2',
  showFirstColumn: false,
  showLastColumn: false,
  showRowStripes: true,
  showColumnStripes: false,
} as const;

export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function encodeBox(box: Box): string {
  return `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}`;
}

/** `B3:E5` or `B3` → box; undefined for anything else. */
export function decodeBox(ref: string | undefined): Box | undefined {
  if (!ref) return undefined;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export function sheetTables(sheet: Worksheet): TableModel[] {
  // The typings declare getTables() wrongly; the runtime keeps tables by name on `tables`.
  const tables = (sheet as unknown as { tables?: Record<string, RuntimeTable> }).tables ?? {};
  return Object.values(tables).map((t) => t.model);
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The table's extent: from tableRef when loaded, from ref + rows when created in this session. */
export function tableBox(table: TableModel): Box | undefined {
  const full = decodeBox(table.tableRef);
  if (full) return full;
  const tl = decodeBox(table.ref);
  if (!tl) return undefined;
  const height = (table.headerRow === false ? 0 : 1) + (table.rows?.length ?? 0) + (table.totalsRow ? 1 : 0);
  return { top: tl.top, left: tl.left, bottom: tl.top + Math.max(height, 1) - 1, right: tl.left + table.columns.length - 1 };
}

function locateTableModel(sheet: Worksheet, table: TableModel): LocatedTable | undefined {
  const box = tableBox(table);
  if (!box || table.headerRow === false) return undefined;
  return {
    sheet,
    table,
    headerRow: box.top,
    firstCol: box.left,
    lastCol: box.right,
    lastRow: table.totalsRow ? box.bottom - 1 : box.bottom,
  };
}

/** The used extent of a bare sheet whose row 1 holds the headers. */
function locateSheetRange(sheet: Worksheet): LocatedTable | undefined {
  const header = sheet.getRow(1);
  let lastCol = 0;
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    if (cellHasContent(cell.value)) lastCol = Math.max(lastCol, col);
  });
  if (lastCol === 0) return undefined;
  return { sheet, headerRow: 1, firstCol: 1, lastCol, lastRow: Math.max(1, lastUsedRow(sheet, 1, lastCol)) };
}

/** The last row holding any content within the columns [left, right]; 0 when none. */
export function lastUsedRow(sheet: Worksheet, left: number, right: number): number {
  for (let r = sheet.rowCount; r >= 1; r--) {
    const row = sheet.findRow(r);
    if (!row) continue;
    for (let c = left; c <= right; c++) {
      if (cellHasContent(row.findCell(c)?.value)) return r;
    }
  }
  return 0;
}

export function cellHasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'object' && value !== null && 'richText' in value) {
    const parts = (value as { richText: { text: string }[] }).richText;
    return parts.some((p) => p.text.trim() !== '');
  }
  return true;
}

/**
 * Find a register table by name: first an Excel table of that name on any sheet (table names are
 * workbook-wide), then a sheet of that name — its only table, or else its headers in row 1.
 */
export function locateTable(workbook: Workbook, name: string): LocatedTable | undefined {
  for (const sheet of workbook.worksheets) {
    for (const table of sheetTables(sheet)) {
      if (sameName(table.name, name)) {
        const located = locateTableModel(sheet, table);
        if (located) return located;
      }
    }
  }
  const sheet = findSheet(workbook, name);
  if (!sheet) return undefined;
  const tables = sheetTables(sheet);
  if (tables.length === 1) return locateTableModel(sheet, tables[0]);
  if (tables.length > 1) return undefined;
  return locateSheetRange(sheet);
}

export function findSheet(workbook: Workbook, name: string): Worksheet | undefined {
  return workbook.worksheets.find((ws) => sameName(ws.name, name));
}

/** Every table name in the workbook, for picking names that do not clash. */
export function allTableNames(workbook: Workbook): string[] {
  return workbook.worksheets.flatMap((ws) => sheetTables(ws).map((t) => t.name));
}

/** Resize a table to a new extent (header row stays where it is). */
export function setTableBox(table: TableModel, box: Box): void {
  table.tableRef = encodeBox(box);
  table.ref = `${columnLetter(box.left)}${box.top}`;
  const filterBottom = table.totalsRow ? box.bottom - 1 : box.bottom;
  table.autoFilterRef = encodeBox({ ...box, bottom: filterBottom });
}

/**
 * Make every table writable by ExcelJS: a table without style info (LibreOffice) gets the default
 * style, and one without an autofilter range gets one matching its extent.
 */
export function prepareTablesForWrite(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    for (const table of sheetTables(sheet)) {
      if (!table.style) table.style = { ...DEFAULT_TABLE_STYLE };
      const box = tableBox(table);
      if (box && !table.autoFilterRef) {
        table.autoFilterRef = encodeBox({ ...box, bottom: table.totalsRow ? box.bottom - 1 : box.bottom });
      }
    }
  }
}

/** Header texts of a located table, in sheet order (blank headers as ''). */
export function headerTexts(located: LocatedTable): string[] {
  const row = located.sheet.findRow(located.headerRow);
  const headers: string[] = [];
  for (let c = located.firstCol; c <= located.lastCol; c++) {
    const value = row?.findCell(c)?.value;
    let text = plainText(value);
    if (text === '' && located.table) text = located.table.columns[c - located.firstCol]?.name ?? '';
    headers.push(text.trim());
  }
  return headers;
}

/** A cell value as plain text (rich text joined, hyperlink text, formula result). */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : '';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('');
    if ('text' in v) return plainText(v.text);
    if ('result' in v) return plainText(v.result);
    if ('error' in v) return String(v.error);
  }
  return '';
}
