/**
 * What preview mode shows for a select(): a small read-only window of the sheet around the target,
 * built from the in-memory ExcelJS workbook. Excel would move its selection; a file has none, so the
 * preview draws the cells instead and marks the one Excel would have selected.
 * Cell text is shown as text only (formulas as their cached result); nothing is evaluated.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { SelectTarget } from '../../workbook/port';
import { columnLetter, findSheet, headerTexts, lastUsedRow, locateTable, plainText, sameName, type LocatedTable } from '../../workbook/xlsx/tables';

export interface SheetViewRow {
  /** Worksheet row number. */
  row: number;
  cells: string[];
}

export interface SheetView {
  sheet: string;
  /** Worksheet column numbers shown, left to right. */
  columns: number[];
  letters: string[];
  rows: SheetViewRow[];
  /** The table's header row (shown first even when the window starts lower). */
  headerRow: number | null;
  /** Last row of the table or used range, for "rows x–y of n". */
  lastRow: number;
  selectedRow: number | null;
  /** Worksheet column of the selected cell; null selects the whole row. */
  selectedColumn: number | null;
  /** `Reviews!C3`, `Reviews!3:3` or `Dashboard!A1`. */
  address: string;
}

/** Data rows shown above and below the selected one. */
const CONTEXT_ROWS = 4;
/** Widest window drawn (a register table has at most 14 columns; user columns may add more). */
const MAX_COLUMNS = 20;
/** Longest cell text drawn; the sheet keeps the full text. */
const MAX_TEXT = 80;

function cellText(sheet: Worksheet, row: number, col: number): string {
  const text = plainText(sheet.findRow(row)?.findCell(col)?.value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rowsOf(sheet: Worksheet, numbers: number[], columns: number[]): SheetViewRow[] {
  return numbers.map((row) => ({ row, cells: columns.map((c) => cellText(sheet, row, c)) }));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** The row holding this ID in the table's ID column, if any. */
function rowOfId(located: LocatedTable, id: string): number | undefined {
  const index = headerTexts(located).findIndex((h) => sameName(h, 'ID'));
  if (index < 0) return undefined;
  for (let r = located.headerRow + 1; r <= located.lastRow; r++) {
    if (sameName(plainText(located.sheet.findRow(r)?.findCell(located.firstCol + index)?.value), id)) return r;
  }
  return undefined;
}

function tableView(located: LocatedTable, target: SelectTarget): SheetView {
  const { sheet, headerRow, firstCol } = located;
  const lastCol = Math.min(located.lastCol, firstCol + MAX_COLUMNS - 1);
  const columns = range(firstCol, lastCol);
  let selectedRow: number | null = null;
  if (target.id) {
    const found = rowOfId(located, target.id);
    if (found === undefined) throw new Error(`${target.table} has no row with ID ${target.id}`);
    selectedRow = found;
  } else if (target.row !== undefined) {
    selectedRow = target.row;
  }
  let selectedColumn: number | null = null;
  if (target.column) {
    const index = headerTexts(located).findIndex((h) => sameName(h, target.column ?? ''));
    if (index < 0) throw new Error(`${target.table} has no "${target.column}" column`);
    selectedColumn = firstCol + index;
  }
  const last = Math.max(located.lastRow, selectedRow ?? 0);
  const centre = selectedRow ?? headerRow + 1;
  const from = Math.max(headerRow + 1, centre - CONTEXT_ROWS);
  const to = Math.min(last, Math.max(centre + CONTEXT_ROWS, from + 2 * CONTEXT_ROWS));
  const numbers = [headerRow, ...range(from, to)];
  const name = sheet.name;
  const address =
    selectedRow === null
      ? `${quoteSheet(name)}!${columnLetter(firstCol)}${headerRow}:${columnLetter(located.lastCol)}${located.lastRow}`
      : selectedColumn === null
        ? `${quoteSheet(name)}!${selectedRow}:${selectedRow}`
        : `${quoteSheet(name)}!${columnLetter(selectedColumn)}${selectedRow}`;
  return {
    sheet: name,
    columns,
    letters: columns.map(columnLetter),
    rows: rowsOf(sheet, numbers, columns),
    headerRow,
    lastRow: last,
    selectedRow,
    selectedColumn,
    address,
  };
}

/** A sheet with no table of ours (the Dashboard): its top-left corner, A1 selected. */
function sheetCornerView(sheet: Worksheet, target: SelectTarget): SheetView {
  const columns = range(1, Math.min(Math.max(sheet.columnCount, 1), 8));
  const lastRow = Math.max(1, lastUsedRow(sheet, 1, columns[columns.length - 1]));
  const selectedRow = target.row ?? 1;
  return {
    sheet: sheet.name,
    columns,
    letters: columns.map(columnLetter),
    rows: rowsOf(sheet, range(1, Math.min(lastRow, 2 * CONTEXT_ROWS + 4)), columns),
    headerRow: null,
    lastRow,
    selectedRow,
    selectedColumn: 1,
    address: `${quoteSheet(sheet.name)}!A${selectedRow}`,
  };
}

/** The window to draw for a select(); throws (with a message a person can act on) when the target is not there. */
export function sheetView(workbook: Workbook, target: SelectTarget): SheetView {
  const located = locateTable(workbook, target.table);
  if (located) return tableView(located, target);
  const sheet = findSheet(workbook, target.table);
  if (sheet) return sheetCornerView(sheet, target);
  throw new Error(`The workbook has no ${target.table} table; set up the register first`);
}
