/**
 * setUp(): create what is missing, never delete, reorder or overwrite. Two syncs whatever the
 * size: one to look at every table and sheet of the register, one to write every addition.
 */
import { ALL_TABLE_NAMES, SETTINGS, type SettingSpec, type TableName } from '../../domain/schema';
import type { SetUpReport } from '../port';
import { DATE_FORMAT, findHeader } from './cells';
import { probeTable, tableInfo, type TableInfo, type TableProbe } from './discover';
import type { CellWrite, ExcelRun, XRange, XRequestContext, XTable, XTableCollection, XWorksheet } from './office-surface';
import {
  columnDefs,
  isBlankRow,
  listSource,
  looksLikeHeaderRow,
  missingColumns,
  missingSettings,
  POINTS_PER_CHAR,
  rowForHeaders,
  settingRow,
  widthChars,
  type ColumnDef,
} from './setup-plan';

/** Above this, a new date column's format array would be a large request: skip it and say so. */
const MAX_FORMAT_BYTES = 3_000_000;

interface Look {
  name: TableName;
  probe: TableProbe;
  settingsBody: XRange | null;
  sheet: XWorksheet;
  sheetTables: XTableCollection;
  used: XRange;
  usedFirstRow: XRange;
}

type Plan =
  | { kind: 'nothing' }
  | { kind: 'extend'; table: XTable; info: TableInfo; columns: ColumnDef[]; settings: SettingSpec[]; reuseBlankRow: boolean }
  | { kind: 'create'; createSheet: boolean; sheet: XWorksheet | null }
  | { kind: 'convert'; sheet: XWorksheet; used: XRange; headers: string[]; headerRowIndex: number; bodyRows: number; columns: ColumnDef[]; settings: SettingSpec[]; reuseBlankRow: boolean }
  | { kind: 'problem'; message: string };

function look(context: XRequestContext, name: TableName): Look {
  const wb = context.workbook;
  const probe = probeTable(wb, name);
  const settingsBody = name === 'Settings' ? probe.table.getDataBodyRange().load('values') : null;
  const sheet = wb.worksheets.getItemOrNullObject(name).load('name');
  const sheetTables = sheet.tables.load('items/name');
  const used = sheet.getUsedRangeOrNullObject(true).load(name === 'Settings' ? 'address,rowIndex,rowCount,values' : 'address,rowIndex,rowCount');
  const usedFirstRow = used.getRow(0).load('text');
  return { name, probe, settingsBody, sheet, sheetTables, used, usedFirstRow };
}

function settingsKeys(headers: readonly string[], body: readonly (readonly unknown[])[]): unknown[] {
  const k = findHeader(headers, 'Key');
  return k < 0 ? [] : body.map((row) => row[k]);
}

function plan(l: Look): Plan {
  const info = tableInfo(l.probe);
  if (info) {
    const columns = missingColumns(columnDefs(l.name), info.headers);
    const body = l.settingsBody?.values ?? [];
    const settings = l.name === 'Settings' ? missingSettings(settingsKeys(info.headers, body)) : [];
    if (columns.length === 0 && settings.length === 0) return { kind: 'nothing' };
    const reuseBlankRow = info.rowCount === 1 && isBlankRow(body[0]);
    return { kind: 'extend', table: l.probe.table, info, columns, settings, reuseBlankRow };
  }
  if (l.sheet.isNullObject) return { kind: 'create', createSheet: true, sheet: null };
  const others = l.sheetTables.items.map((t) => t.name);
  if (others.length > 0) {
    return {
      kind: 'problem',
      message: `The ${l.name} sheet holds a table named ${others.map((n) => `“${n}”`).join(', ')}, not “${l.name}”. Rename it to ${l.name} (Table Design › Table Name), then run Set up again.`,
    };
  }
  if (l.used.isNullObject) return { kind: 'create', createSheet: false, sheet: l.sheet };
  const headers = (l.usedFirstRow.text[0] ?? []).map(String);
  if (!looksLikeHeaderRow(l.name, headers)) {
    const where = l.used.address.split('!').pop() ?? l.used.address;
    const expected = l.name === 'Settings' ? 'Key and Value' : 'ID (or most of the spec’s column names)';
    return {
      kind: 'problem',
      message: `The ${l.name} sheet has content (${where}) whose first row is not a ${l.name} header row — it should hold ${expected}. Nothing was changed there; move that content elsewhere or put the headers in its first row, then run Set up again.`,
    };
  }
  const bodyRows = Math.max(1, l.used.rowCount - 1);
  const body = l.name === 'Settings' ? l.used.values.slice(1) : [];
  const settings = l.name === 'Settings' ? missingSettings(settingsKeys(headers, body)) : [];
  return {
    kind: 'convert',
    sheet: l.sheet,
    used: l.used,
    headers,
    headerRowIndex: l.used.rowIndex,
    bodyRows,
    columns: missingColumns(columnDefs(l.name), headers),
    settings,
    reuseBlankRow: l.used.rowCount === 1,
  };
}

/** Dropdowns, date format and width for one column's data body (`rows` rows). */
function formatColumn(body: XRange, def: ColumnDef, rows: number, problems: string[], table: string): void {
  const source = listSource(def);
  if (source) body.dataValidation.rule = { list: { inCellDropDown: true, source } };
  if (def.kind === 'date') {
    if (rows * (DATE_FORMAT.length + 5) > MAX_FORMAT_BYTES) {
      problems.push(`${table}: the new “${def.header}” column has ${rows} rows; format it as a date yourself (Home › Number Format) — too large to do in one step.`);
    } else {
      body.numberFormat = Array.from({ length: rows }, () => [DATE_FORMAT]);
    }
  }
  body.format.columnWidth = widthChars(def) * POINTS_PER_CHAR;
}

function addColumns(table: XTable, columns: readonly ColumnDef[], rows: number, problems: string[], name: string): void {
  for (const def of columns) {
    const column = table.columns.add(undefined, undefined, def.header);
    formatColumn(column.getDataBodyRange(), def, rows, problems, name);
  }
}

/** Append Settings rows; a table's single blank row (as Excel makes one) is filled first. */
function addSettingsRows(table: XTable, headers: readonly string[], settings: readonly SettingSpec[], reuseBlankRow: boolean): void {
  const rows = settings.map((s) => {
    const [key, value] = settingRow(s);
    return rowForHeaders(headers, { Key: key, Value: value });
  });
  if (rows.length === 0) return;
  let rest = rows;
  if (reuseBlankRow) {
    table.getDataBodyRange().getRow(0).values = [rows[0]];
    rest = rows.slice(1);
  }
  if (rest.length > 0) table.rows.add(undefined, rest);
}

function createTable(sheet: XWorksheet, name: TableName, problems: string[]): void {
  const defs = columnDefs(name);
  if (name === 'Settings') {
    const rows: CellWrite[][] = [defs.map((d) => d.header), ...SETTINGS.map(settingRow)];
    const range = sheet.getRangeByIndexes(0, 0, rows.length, defs.length);
    range.values = rows;
    const table = sheet.tables.add(range, true);
    table.name = name;
    const dateRow = SETTINGS.findIndex((s) => s.kind === 'date');
    if (dateRow >= 0) sheet.getRangeByIndexes(1 + dateRow, 1, 1, 1).numberFormat = [[DATE_FORMAT]];
    sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 28 * POINTS_PER_CHAR;
    sheet.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = 60 * POINTS_PER_CHAR;
  } else {
    const header = sheet.getRangeByIndexes(0, 0, 1, defs.length);
    header.values = [defs.map((d) => d.header)];
    const table = sheet.tables.add(header, true);
    table.name = name;
    // A header-only table gets one empty data row; formatting it makes new rows inherit the format.
    defs.forEach((def, j) => formatColumn(sheet.getRangeByIndexes(1, j, 1, 1), def, 1, problems, name));
  }
  sheet.freezePanes.freezeRows(1);
}

export function emptyReport(): SetUpReport {
  return { createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] };
}

export async function setUpRegister(run: ExcelRun): Promise<SetUpReport> {
  return run(async (context) => {
    const looks = ALL_TABLE_NAMES.map((name) => look(context, name));
    await context.sync();

    const plans = looks.map((l) => ({ name: l.name, plan: plan(l) }));
    const report = emptyReport();
    const willWrite = plans.some((p) => p.plan.kind !== 'nothing' && p.plan.kind !== 'problem');
    if (willWrite) {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
    }

    for (const { name, plan: p } of plans) {
      switch (p.kind) {
        case 'nothing':
          break;
        case 'problem':
          report.problems.push(p.message);
          break;
        case 'create': {
          const sheet = p.sheet ?? context.workbook.worksheets.add(name);
          if (p.createSheet) report.createdSheets.push(name);
          createTable(sheet, name, report.problems);
          report.createdTables.push(name);
          break;
        }
        case 'extend': {
          addColumns(p.table, p.columns, p.info.rowCount, report.problems, name);
          const headers = [...p.info.headers, ...p.columns.map((c) => c.header)];
          addSettingsRows(p.table, headers, p.settings, p.reuseBlankRow);
          if (p.columns.length > 0) report.addedColumns.push({ table: name, columns: p.columns.map((c) => c.header) });
          report.addedSettings.push(...p.settings.map((s) => s.label));
          break;
        }
        case 'convert': {
          const table = p.sheet.tables.add(p.used, true);
          table.name = name;
          addColumns(table, p.columns, p.bodyRows, report.problems, name);
          const headers = [...p.headers, ...p.columns.map((c) => c.header)];
          addSettingsRows(table, headers, p.settings, p.reuseBlankRow);
          if (p.headerRowIndex === 0) p.sheet.freezePanes.freezeRows(1);
          report.convertedRanges.push(name);
          if (p.columns.length > 0) report.addedColumns.push({ table: name, columns: p.columns.map((c) => c.header) });
          report.addedSettings.push(...p.settings.map((s) => s.label));
          break;
        }
      }
    }
    if (willWrite) await context.sync();
    return report;
  });
}
