/**
 * addRow / updateRow / appendHistory: one 2-D write per user action. Values arrive keyed by the
 * schema's column key and are placed by the table's actual headers, so reordered and user-added
 * columns are respected. Text that Excel would read as a formula is written into Text-formatted
 * cells in the same batch, so it stays text.
 */
import { HISTORY_SHEET, HISTORY_TABLE } from '../../domain/history';
import { tableSpec, type EvidenceTableName } from '../../domain/schema';
import type { RawCell } from '../../domain/types';
import type { AddRowResult, RowValues } from '../port';
import { findHeader, prepareRow, toCellWrite, looksLikeFormula, TEXT_FORMAT, type PreparedRow } from './cells';
import { idsOf, probeIds, probeTable, tableInfo, type IdProbe, type TableInfo, type TableProbe } from './discover';
import { countId, indexOfId, nextFreeId } from './ids';
import type { CellWrite, ExcelRun, XRange, XRequestContext, XTable } from './office-surface';
import { isBlankRow } from './setup-plan';

function missingTable(name: string): Error {
  return new Error(`The ${name} table is not in this workbook. Run Set up from the Register panel, then try again.`);
}

/** Map values keyed by schema column key onto the table's header positions. */
function placeValues(table: EvidenceTableName, headers: readonly string[], values: RowValues, skip: readonly string[] = []): Map<number, RawCell> {
  const spec = tableSpec(table);
  const placed = new Map<number, RawCell>();
  const missing: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (skip.includes(key)) continue;
    const column = spec.columns.find((c) => c.key === key);
    if (!column) throw new Error(`${table} has no field “${key}”.`);
    const j = findHeader(headers, column.header);
    if (j < 0) {
      if (value !== null && value !== undefined && value !== '') missing.push(column.header);
      continue;
    }
    placed.set(j, value);
  }
  if (missing.length > 0) {
    throw new Error(`The ${table} table has no ${missing.map((h) => `“${h}”`).join(', ')} column. Run Set up (Upgrade) to add it, then try again.`);
  }
  return placed;
}

/**
 * The table's IDs: by the column named ID in the same sync as discovery; when the header is
 * spelt differently (' id ') one more sync fetches that column.
 */
async function loadIds(context: XRequestContext, probe: TableProbe, info: TableInfo, ids: IdProbe, table: string): Promise<{ ids: string[]; idIndex: number }> {
  const idIndex = findHeader(info.headers, 'ID');
  if (idIndex < 0) throw new Error(`The ${table} table has no ID column. Run Set up (Upgrade) to add it, then try again.`);
  const direct = idsOf(ids);
  if (direct) return { ids: direct, idIndex };
  const column = probe.body.getColumn(idIndex).load('values');
  await context.sync();
  return { ids: column.values.map((r) => String(r[0] ?? '').trim()), idIndex };
}

/**
 * Write a prepared row into `target` (one row): Text format first for formula-looking cells,
 * then the values, in the same batch.
 */
function writeProtected(target: XRange, row: PreparedRow): void {
  if (row.textFormats) target.numberFormat = [row.textFormats];
  target.values = [row.values];
}

/**
 * Append one row. A table's single blank row (Excel's placeholder in a new table) is filled
 * instead of adding below it. Returns the TableRow when one was added, to read its index.
 */
function appendRow(table: XTable, body: XRange, info: TableInfo, lastRowBlank: boolean, row: PreparedRow): { rowProxy: ReturnType<XTable['rows']['add']> | null } {
  if (info.rowCount === 1 && lastRowBlank) {
    writeProtected(body.getRow(0), row);
    return { rowProxy: null };
  }
  if (!row.textFormats) {
    const added = table.rows.add(undefined, [row.values]).load('index');
    return { rowProxy: added };
  }
  // Formula-looking text must not be typed into a General cell: add the row with those cells
  // blank, make them Text, then write the text.
  const blanked = row.values.map((v, j) => (row.textFormats![j] ? '' : v));
  const added = table.rows.add(undefined, [blanked]).load('index');
  const range = added.getRange();
  range.numberFormat = [row.textFormats];
  range.values = [row.values.map((v, j) => (row.textFormats![j] ? v : null)) as CellWrite[]];
  return { rowProxy: added };
}

export async function addTableRow(run: ExcelRun, table: EvidenceTableName, values: RowValues): Promise<AddRowResult> {
  const prefix = tableSpec(table).prefix;
  return run(async (context) => {
    const probe = probeTable(context.workbook, table);
    const idProbe = probeIds(probe.table);
    const last = probe.body.getLastRow().load('formulas');
    await context.sync();

    const info = tableInfo(probe);
    if (!info) throw missingTable(table);
    const placed = placeValues(table, info.headers, values, ['id']);
    const { ids, idIndex } = await loadIds(context, probe, info, idProbe, table);
    const id = nextFreeId(prefix, ids);
    const cells: RawCell[] = info.headers.map((_, j) => (j === idIndex ? id : (placed.get(j) ?? null)));
    const row = prepareRow(cells);

    const { rowProxy } = appendRow(probe.table, probe.body, info, isBlankRow(last.formulas[0]), row);
    // Read the IDs again in the same sync, after the write: a co-author's row with the same ID
    // that landed in between is caught here instead of silently sharing the ID.
    const after = probe.table.getDataBodyRange().getColumn(idIndex).load('values');
    await context.sync();

    const index = rowProxy ? rowProxy.index : 0;
    const worksheetRow = info.headerRow + 1 + index;
    const afterIds = after.values.map((r) => r[0]);
    if (countId(afterIds, id) <= 1) return { id, row: worksheetRow };
    const renumbered = nextFreeId(prefix, afterIds);
    probe.table.getDataBodyRange().getCell(index, idIndex).values = [[renumbered]];
    await context.sync();
    return { id: renumbered, row: worksheetRow };
  });
}

export async function updateTableRow(run: ExcelRun, table: EvidenceTableName, id: string, values: RowValues): Promise<{ row: number }> {
  return run(async (context) => {
    const probe = probeTable(context.workbook, table);
    const idProbe = probeIds(probe.table);
    await context.sync();

    const info = tableInfo(probe);
    if (!info) throw missingTable(table);
    const placed = placeValues(table, info.headers, values, ['id']);
    const { ids } = await loadIds(context, probe, info, idProbe, table);
    const index = indexOfId(ids, id);
    if (index < 0) throw new Error(`${id} is not in the ${table} table any more. Refresh and try again.`);
    const row = info.headerRow + 1 + index;
    if (placed.size === 0) return { row };

    // One write over the span of the given columns; null leaves the cells in between unchanged.
    const columns = [...placed.keys()];
    const first = Math.min(...columns);
    const lastCol = Math.max(...columns);
    const span: (CellWrite | null)[] = [];
    const formats: (string | null)[] = [];
    for (let j = first; j <= lastCol; j++) {
      const has = placed.has(j);
      const v = has ? toCellWrite(placed.get(j)) : null;
      span.push(v);
      formats.push(has && looksLikeFormula(v) ? TEXT_FORMAT : null);
    }
    const target = probe.body.getCell(index, first).getResizedRange(0, lastCol - first);
    if (formats.some((f) => f !== null)) target.numberFormat = [formats];
    target.values = [span];
    await context.sync();
    return { row };
  });
}

export async function appendHistoryRow(run: ExcelRun, headers: readonly string[], values: readonly RawCell[]): Promise<{ row: number }> {
  if (headers.length !== values.length) throw new Error('History: headers and values differ in length');
  return run(async (context) => {
    const probe = probeTable(context.workbook, HISTORY_TABLE);
    const last = probe.body.getLastRow().load('formulas');
    // Excel reserves the sheet name "History", so the table lives on HISTORY_SHEET.
    const sheet = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET).load('name');
    const used = sheet.getUsedRangeOrNullObject(true).load('address');
    await context.sync();

    const info = tableInfo(probe);
    if (info) {
      const missing = headers.filter((h) => findHeader(info.headers, h) < 0);
      for (const h of missing) probe.table.columns.add(undefined, undefined, h);
      const all = [...info.headers, ...missing];
      const cells: RawCell[] = all.map((h) => {
        const i = findHeader(headers, h);
        return i >= 0 ? values[i] : null;
      });
      const grown = { ...info, headers: all };
      const { rowProxy } = appendRow(probe.table, probe.table.getDataBodyRange(), grown, isBlankRow(last.formulas[0]), prepareRow(cells));
      await context.sync();
      return { row: info.headerRow + 1 + (rowProxy ? rowProxy.index : 0) };
    }

    if (!sheet.isNullObject && !used.isNullObject) {
      throw new Error(`The ${HISTORY_SHEET} sheet has content (${used.address}) but no ${HISTORY_TABLE} table. Rename that sheet, then try again.`);
    }
    const target = sheet.isNullObject ? context.workbook.worksheets.add(HISTORY_SHEET) : sheet;
    const row = prepareRow(values);
    target.getRangeByIndexes(0, 0, 1, headers.length).values = [[...headers]];
    writeProtected(target.getRangeByIndexes(1, 0, 1, headers.length), row);
    const table = target.tables.add(target.getRangeByIndexes(0, 0, 2, headers.length), true);
    table.name = HISTORY_TABLE;
    target.freezePanes.freezeRows(1);
    await context.sync();
    return { row: 2 };
  });
}
