/**
 * Set up or upgrade a register in an ExcelJS workbook. Only what is missing is added: sheets,
 * tables, columns (at the end of a table) and Settings keys (at the end of Settings). Nothing a
 * user typed is deleted, moved or overwritten, and a second run finds nothing to do.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { SETTINGS, SETTINGS_COLUMNS, TABLES, type ColumnSpec, type SettingSpec, type TableName } from '../../domain/schema';
import type { SetUpReport } from '../port';
import { DATE_FORMAT, formatColumn } from './format';
import { LayoutProblem, appendRowSlot } from './rows';
import {
  DEFAULT_TABLE_STYLE,
  cellHasContent,
  columnLetter,
  findSheet,
  headerTexts,
  lastUsedRow,
  locateTable,
  plainText,
  sameName,
  setTableBox,
  tableBox,
  type LocatedTable,
  type TableModel,
} from './tables';

/** Settings' two columns, described like register columns so the same code lays them out. */
export const SETTINGS_COLUMN_SPECS: readonly ColumnSpec[] = [
  { key: 'key', header: SETTINGS_COLUMNS[0], kind: 'text' },
  { key: 'value', header: SETTINGS_COLUMNS[1], kind: 'text' },
];
const SETTINGS_WIDTHS = [30, 70];

export function emptySetUpReport(): SetUpReport {
  return { createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] };
}

/** The value written for a setting's default: numbers as numbers, blank as an empty cell. */
export function settingDefault(setting: SettingSpec): string | number | null {
  if (setting.defaultText === '') return null;
  if (setting.kind === 'days' || setting.kind === 'threshold') return Number(setting.defaultText);
  return setting.defaultText;
}

/** A new table at A1 of an empty sheet: headers, one empty data row, formats, frozen header. */
export function createTableOnEmptySheet(
  workbook: Workbook,
  sheet: Worksheet,
  name: string,
  columns: readonly ColumnSpec[],
  rows: unknown[][] = [],
): LocatedTable {
  const data = rows.length > 0 ? rows : [columns.map(() => null)];
  sheet.addTable({
    name,
    ref: 'A1',
    headerRow: true,
    style: { ...DEFAULT_TABLE_STYLE },
    columns: columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: data,
  });
  columns.forEach((spec, i) => formatColumn(sheet, i + 1, spec, 2, 1 + data.length, true));
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  const located = locateTable(workbook, name);
  if (!located) throw new Error(`Internal: table ${name} was not created`);
  return located;
}

/**
 * Turn a bare sheet whose row 1 holds headers into a table over its used range, leaving every
 * cell as it was. Returns a problem message instead when row 1 cannot be table headers.
 */
function convertRange(located: LocatedTable, name: string, specs: readonly ColumnSpec[]): string | undefined {
  const { sheet } = located;
  const headers = headerTexts(located);
  const blank = headers.findIndex((h) => h === '');
  if (blank >= 0) {
    return `sheet "${sheet.name}": cell ${columnLetter(located.firstCol + blank)}1 has no header; name every column in row 1, then set up again`;
  }
  const seen = new Set<string>();
  for (const h of headers) {
    const k = h.toLowerCase();
    if (seen.has(k)) return `sheet "${sheet.name}": the header "${h}" appears twice in row 1; make the headers unique, then set up again`;
    seen.add(k);
  }
  if (!headers.some((h) => specs.some((s) => sameName(s.header, h)))) {
    return `sheet "${sheet.name}": row 1 does not hold the ${name} headers (such as "${specs[1]?.header ?? specs[0].header}"); rename the sheet or put the headers in row 1`;
  }
  const headerRow = sheet.getRow(1);
  const original = headers.map((_, i) => headerRow.getCell(located.firstCol + i).value);
  const lastRow = Math.max(located.lastRow, 2);
  // ExcelJS rewrites a table's header cells when it is added; put the cells' own values back.
  sheet.addTable({
    name,
    ref: `${columnLetter(located.firstCol)}1`,
    headerRow: true,
    style: { ...DEFAULT_TABLE_STYLE },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: [],
  });
  original.forEach((v, i) => {
    headerRow.getCell(located.firstCol + i).value = v as never;
  });
  const table = (sheet as unknown as { tables: Record<string, { model: TableModel }> }).tables[name].model;
  setTableBox(table, { top: 1, left: located.firstCol, bottom: lastRow, right: located.lastCol });
  located.table = table;
  located.lastRow = lastRow;
  return undefined;
}

/** Whether the cells of column `col` from `top` to `bottom` are all empty. */
function columnIsEmpty(sheet: Worksheet, col: number, top: number, bottom: number): boolean {
  for (let r = top; r <= bottom; r++) {
    if (cellHasContent(sheet.findRow(r)?.findCell(col)?.value)) return false;
  }
  return true;
}

/** Append the spec columns the table lacks, at its right-hand end. Returns the headers added. */
function addMissingColumns(located: LocatedTable, specs: readonly ColumnSpec[], problems: string[]): string[] {
  const present = headerTexts(located).map((h) => h.toLowerCase());
  const missing = specs.filter((s) => !present.includes(s.header.toLowerCase()));
  if (missing.length === 0) return [];
  const { sheet, table } = located;
  const box = table ? tableBox(table) : undefined;
  const bottom = box ? box.bottom : Math.max(located.lastRow, located.headerRow + 1);
  const first = located.lastCol + 1;
  for (let i = 0; i < missing.length; i++) {
    if (!columnIsEmpty(sheet, first + i, located.headerRow, bottom)) {
      problems.push(
        `sheet "${sheet.name}": column ${columnLetter(first + i)} right of the ${table?.name ?? sheet.name} table is not empty, so ` +
          `${missing.map((m) => `"${m.header}"`).join(', ')} could not be added; move that content, then set up again`,
      );
      return [];
    }
  }
  const headerStyleFrom = sheet.getCell(located.headerRow, located.lastCol);
  missing.forEach((spec, i) => {
    const col = first + i;
    const cell = sheet.getCell(located.headerRow, col);
    cell.style = JSON.parse(JSON.stringify(headerStyleFrom.style ?? {}));
    cell.value = spec.header;
    table?.columns.push({ name: spec.header, filterButton: table.columns[0]?.filterButton ?? true, totalsRowFunction: 'none' });
    formatColumn(sheet, col, spec, located.headerRow + 1, Math.max(located.lastRow, located.headerRow + 1), false);
  });
  located.lastCol = first + missing.length - 1;
  if (table && box) setTableBox(table, { ...box, right: located.lastCol });
  return missing.map((m) => m.header);
}

/**
 * Make sure one register table exists with at least the given columns. Returns where it is, or
 * undefined (with a problem recorded) when it cannot be set up without touching user content.
 */
export function ensureTable(
  workbook: Workbook,
  name: string,
  sheetName: string,
  specs: readonly ColumnSpec[],
  report: SetUpReport,
  reportAs: TableName,
  initialRows?: unknown[][],
): LocatedTable | undefined {
  const located = locateTable(workbook, name);
  if (!located) {
    let sheet = findSheet(workbook, sheetName);
    if (sheet && sheet.actualRowCount > 0 && lastUsedRow(sheet, 1, Math.max(sheet.columnCount, 1)) > 0) {
      report.problems.push(
        `sheet "${sheet.name}" has content but no ${name} table or headers in row 1; rename that sheet (or put the headers in row 1), then set up again`,
      );
      return undefined;
    }
    if (!sheet) {
      sheet = workbook.addWorksheet(sheetName);
      report.createdSheets.push(sheetName);
    }
    report.createdTables.push(name);
    return createTableOnEmptySheet(workbook, sheet, name, specs, initialRows);
  }
  if (!located.table) {
    const problem = convertRange(located, name, specs);
    if (problem) {
      report.problems.push(problem);
      return undefined;
    }
    report.convertedRanges.push(sheetName);
  } else if (!sameName(located.table.name, name)) {
    report.problems.push(
      `the table on sheet "${located.sheet.name}" is named "${located.table.name}"; rename it to "${name}" (Table Design › Table Name) so formulas such as ${name}[#All] find it`,
    );
  }
  const added = addMissingColumns(located, specs, report.problems);
  if (added.length > 0) report.addedColumns.push({ table: reportAs, columns: added });
  return located;
}

/** Append the Settings keys that are missing, each with its default value. */
function ensureSettingsRows(located: LocatedTable, report: SetUpReport): void {
  const headers = headerTexts(located).map((h) => h.toLowerCase());
  const keyCol = headers.indexOf('key');
  const valueCol = headers.indexOf('value');
  if (keyCol < 0 || valueCol < 0) return; // reported by addMissingColumns
  const present = new Set<string>();
  for (let r = located.headerRow + 1; r <= located.lastRow; r++) {
    present.add(plainText(located.sheet.findRow(r)?.findCell(located.firstCol + keyCol)?.value).trim().toLowerCase());
  }
  for (const setting of SETTINGS) {
    if (present.has(setting.label.toLowerCase())) continue;
    let row: number;
    try {
      row = appendRowSlot(located);
    } catch (err) {
      if (err instanceof LayoutProblem) {
        report.problems.push(`Settings: ${err.message}; the setting "${setting.label}" was not added`);
        return;
      }
      throw err;
    }
    located.sheet.getCell(row, located.firstCol + keyCol).value = setting.label;
    const value = located.sheet.getCell(row, located.firstCol + valueCol);
    value.value = settingDefault(setting);
    if (setting.kind === 'date') value.numFmt = DATE_FORMAT;
    report.addedSettings.push(setting.label);
  }
}

/** Set up or upgrade every register table and Settings. */
export function setUpRegister(workbook: Workbook): SetUpReport {
  const report = emptySetUpReport();
  for (const spec of TABLES) ensureTable(workbook, spec.name, spec.name, spec.columns, report, spec.name);

  const settingsExisted = locateTable(workbook, 'Settings') !== undefined;
  const initial = SETTINGS.map((s) => [s.label, settingDefault(s)]);
  const settings = ensureTable(workbook, 'Settings', 'Settings', SETTINGS_COLUMN_SPECS, report, 'Settings', settingsExisted ? undefined : initial);
  if (settings && !settingsExisted) {
    SETTINGS_WIDTHS.forEach((w, i) => (settings.sheet.getColumn(i + 1).width = w));
    const assessment = SETTINGS.findIndex((s) => s.kind === 'date');
    settings.sheet.getCell(2 + assessment, 2).numFmt = DATE_FORMAT;
    // The Value column holds numbers and lists as well as text: left-aligned reads best.
    settings.sheet.getColumn(2).alignment = { horizontal: 'left', wrapText: true };
    report.addedSettings.push(...SETTINGS.map((s) => s.label));
  } else if (settings) {
    ensureSettingsRows(settings, report);
  }
  return report;
}
