/**
 * Writing rows into register tables: where the next row goes, the next free ID, and how a
 * value becomes a cell. A text value is always written as a plain string (never a formula),
 * and text that looks like a formula also gets the Text number format so Excel keeps it text.
 */
import type { Cell, Worksheet } from 'exceljs';
import { isFormulaLike } from '../../domain/entry';
import { fromExcelSerial, fromIsoText, toJsDate } from '../../domain/dates';
import type { ColumnKind } from '../../domain/schema';
import type { RawCell } from '../../domain/types';
import { DATE_FORMAT, TEXT_FORMAT, isDateFormat } from './format';
import { cellHasContent, plainText, setTableBox, tableBox, type LocatedTable } from './tables';

/** A write the workbook's layout does not allow (e.g. content right below a table). */
export class LayoutProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutProblem';
  }
}

function rowIsBlank(sheet: Worksheet, row: number, left: number, right: number): boolean {
  const r = sheet.findRow(row);
  if (!r) return true;
  for (let c = left; c <= right; c++) if (cellHasContent(r.findCell(c)?.value)) return false;
  return true;
}

/** Copy one cell's formatting (not its value) onto another. */
function copyStyle(from: Cell, to: Cell): void {
  to.style = JSON.parse(JSON.stringify(from.style ?? {}));
}

/**
 * The worksheet row where a new entry goes: the first of the table's trailing empty rows (a new
 * table keeps one), else a new row added to the table. Grows `located` in place.
 */
export function appendRowSlot(located: LocatedTable): number {
  const { sheet, firstCol, lastCol, headerRow } = located;
  let slot = located.lastRow + 1;
  while (slot - 1 > headerRow && rowIsBlank(sheet, slot - 1, firstCol, lastCol)) slot--;
  if (slot <= located.lastRow) return slot;

  const table = located.table;
  const box = table ? tableBox(table) : undefined;
  const totalsRow = table?.totalsRow && box ? box.bottom : undefined;
  const below = (totalsRow ?? located.lastRow) + 1;
  if (!rowIsBlank(sheet, below, firstCol, lastCol)) {
    throw new LayoutProblem(
      `row ${below} right below the ${table?.name ?? sheet.name} table on sheet "${sheet.name}" is not empty; ` +
        'move that content away so the table can grow',
    );
  }
  if (totalsRow !== undefined) {
    // Move the totals row down one; its SUBTOTAL formulas use structured references, so they still fit.
    for (let c = firstCol; c <= lastCol; c++) {
      const from = sheet.getCell(totalsRow, c);
      const to = sheet.getCell(totalsRow + 1, c);
      to.value = from.value;
      copyStyle(from, to);
      from.value = null;
    }
  }
  if (slot - 1 > headerRow) {
    for (let c = firstCol; c <= lastCol; c++) copyStyle(sheet.getCell(slot - 1, c), sheet.getCell(slot, c));
  }
  if (table && box) setTableBox(table, { ...box, bottom: box.bottom + 1 });
  located.lastRow = slot;
  return slot;
}

/** The next `PREFIX-n`: one more than the largest n in use (case-insensitive prefix). */
export function nextId(prefix: string, existing: readonly unknown[]): string {
  const pattern = new RegExp(`^\\s*${prefix}-(\\d+)\\s*$`, 'i');
  let max = 0;
  for (const value of existing) {
    const m = pattern.exec(plainText(value));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${max + 1}`;
}

/**
 * Write one value into a cell according to its column kind. Dates become real date cells
 * (Excel serials and ISO text are converted); booleans in Yes/No columns become Yes/No text;
 * text stays text. `undefined` leaves the cell alone; null or '' clears it.
 */
export function writeCell(cell: Cell, kind: ColumnKind | undefined, value: RawCell): void {
  if (value === undefined) return;
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    cell.value = null;
    return;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    throw new TypeError('Error values cannot be written into the register; leave the cell blank instead');
  }
  if (kind === 'date') {
    let date: Date | undefined;
    if (value instanceof Date) date = value;
    else if (typeof value === 'number' && Number.isFinite(value)) date = toJsDate(fromExcelSerial(value));
    else if (typeof value === 'string') {
      const day = fromIsoText(value);
      if (day !== null) date = toJsDate(day);
    }
    if (date) {
      cell.value = date;
      if (!isDateFormat(cell.numFmt)) cell.numFmt = DATE_FORMAT;
      return;
    }
  }
  if (kind === 'yesno' && typeof value === 'boolean') {
    cell.value = value ? 'Yes' : 'No';
    return;
  }
  if (typeof value === 'string') {
    if (isFormulaLike(value)) cell.numFmt = TEXT_FORMAT;
    cell.value = value;
    return;
  }
  cell.value = value;
}
