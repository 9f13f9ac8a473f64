/**
 * read() and readHistory(): one sync to discover the tables wanted (names, headers, where they
 * sit, row counts), then the values, in as few syncs as the payload budget allows (one for
 * ordinary registers). The History table can ride along in the same discovery and value syncs,
 * so reading the register and its History together costs no extra round trip.
 */
import { HISTORY_TABLE } from '../../domain/history';
import { ALL_TABLE_NAMES, type TableName } from '../../domain/schema';
import type { RawRegister, RawTable } from '../../domain/types';
import type { ReadProgress } from '../port';
import { BatchPacer, DEFAULT_READ_BUDGET, isPayloadLimitError, jsonBytes, pendingTable, refine, takeBatch, type PendingTable, type ReadBudget } from './chunking';
import { probeTable, tableInfo, type TableInfo, type TableProbe } from './discover';
import type { ExcelRun, XRange, XRequestContext } from './office-surface';

/**
 * Every named table's values with headers (missing tables are absent from the map), in one
 * discovery sync plus the chunked value syncs.
 */
async function readTables(context: XRequestContext, names: readonly string[], onProgress?: ReadProgress, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<Map<string, RawTable>> {
  const probes = names.map((name) => probeTable(context.workbook, name));
  await context.sync();

  const found: { name: string; probe: TableProbe; info: TableInfo }[] = [];
  probes.forEach((probe, i) => {
    const info = tableInfo(probe);
    if (info) found.push({ name: names[i], probe, info });
  });
  const total = found.reduce((n, f) => n + f.info.rowCount, 0);
  onProgress?.(0, total);

  const rows = new Map<string, unknown[][]>(found.map((f) => [f.name, []]));
  const pending: PendingTable[] = found.map((f) => pendingTable(f.name, f.info.rowCount, f.info.headers.length, budget));
  const probeOf = new Map(found.map((f) => [f.name, f.probe]));
  let done = 0;
  const pacer = new BatchPacer(budget);

  while (pending.some((t) => t.next < t.rows)) {
    const chunks = takeBatch(pending, budget, pacer.scale);
    const loads: XRange[] = chunks.map((c) =>
      probeOf
        .get(c.name)!
        .body.getCell(c.start, 0)
        .getResizedRange(c.count - 1, c.cols - 1)
        .load('values'),
    );
    try {
      await context.sync();
    } catch (error) {
      // A response over the limit after all (rows longer than estimated): halve and retry.
      if (!isPayloadLimitError(error) || !pacer.refused(chunks)) throw error;
      continue;
    }
    chunks.forEach((c, i) => {
      const values = loads[i].values;
      const into = rows.get(c.name)!;
      for (const row of values) into.push(row); // not push(...values): a chunk can exceed the engine's argument limit

      const table = pending.find((t) => t.name === c.name)!;
      refine(table, jsonBytes(values), c.count * c.cols, c.bytesPerCell);
      table.next += c.count;
      done += c.count;
    });
    pacer.received(pending);
    onProgress?.(done, total);
  }

  const tables = new Map<string, RawTable>();
  for (const f of found) {
    tables.set(f.name, {
      values: [f.info.headers, ...rows.get(f.name)!],
      headerRow: f.info.headerRow,
      columnLetters: f.info.columnLetters,
      sheet: f.info.sheetName,
    });
  }
  return tables;
}

export interface RegisterAndHistory {
  readonly register: RawRegister;
  /** The History table (header row first), or null when there is none. */
  readonly history: RawTable | null;
}

/** The register tables and the History table, read in the same syncs. */
export async function readRegisterAndHistory(run: ExcelRun, onProgress?: ReadProgress, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<RegisterAndHistory> {
  return run(async (context) => {
    const tables = await readTables(context, [...ALL_TABLE_NAMES, HISTORY_TABLE], onProgress, budget);
    const register: RawRegister = {};
    for (const name of ALL_TABLE_NAMES) {
      const table = tables.get(name);
      if (table) register[name as TableName] = table;
    }
    return { register, history: tables.get(HISTORY_TABLE) ?? null };
  });
}

/** Every register table's values with headers (missing tables are absent). */
export async function readRegister(run: ExcelRun, onProgress?: ReadProgress, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<RawRegister> {
  return run(async (context) => {
    const tables = await readTables(context, ALL_TABLE_NAMES, onProgress, budget);
    const register: RawRegister = {};
    for (const [name, table] of tables) register[name as TableName] = table;
    return register;
  });
}

/** The History table alone: one discovery sync, one for its values (more only past ~4 MB). */
export async function readHistoryTable(run: ExcelRun, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<RawTable | null> {
  return run(async (context) => (await readTables(context, [HISTORY_TABLE], undefined, budget)).get(HISTORY_TABLE) ?? null);
}
