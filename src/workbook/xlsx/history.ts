/**
 * The History table of an .xlsx register (ExcelJS): found by table name, else by its sheet
 * (HISTORY_SHEET), and read as plain values for the pack, the dashboard and parseHistory.
 */
import type { Workbook } from 'exceljs';
import { HISTORY_SHEET, HISTORY_TABLE } from '../../domain/history';
import type { RawCell, RawTable } from '../../domain/types';
import { normaliseCell } from './read';
import { cellHasContent, headerTexts, locateTable, type LocatedTable } from './tables';

export function locateHistory(workbook: Workbook): LocatedTable | undefined {
  return locateTable(workbook, HISTORY_TABLE) ?? locateTable(workbook, HISTORY_SHEET);
}

/** The register's History table (header row first), or undefined when absent. Trailing blank rows are dropped. */
export function readHistoryTable(workbook: Workbook): RawTable | undefined {
  const located = locateHistory(workbook);
  if (!located) return undefined;
  const values: RawCell[][] = [headerTexts(located)];
  for (let r = located.headerRow + 1; r <= located.lastRow; r++) {
    const row = located.sheet.findRow(r);
    const cells: RawCell[] = [];
    for (let c = located.firstCol; c <= located.lastCol; c++) cells.push(normaliseCell(row?.findCell(c)?.value));
    values.push(cells);
  }
  while (values.length > 1 && !values[values.length - 1].some((v) => cellHasContent(v))) values.pop();
  return { values, headerRow: located.headerRow };
}
