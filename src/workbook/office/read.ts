/**
 * read(): one sync to discover every register table (names, headers, where they sit, row counts),
 * then the values, in as few syncs as the payload budget allows (one for ordinary registers).
 */
import { ALL_TABLE_NAMES, type TableName } from '../../domain/schema';
import type { RawRegister } from '../../domain/types';
import type { ReadProgress } from '../port';
import { DEFAULT_READ_BUDGET, isPayloadLimitError, pendingTable, refine, takeBatch, type PendingTable, type ReadBudget } from './chunking';
import { probeTable, tableInfo, type TableInfo, type TableProbe } from './discover';
import type { ExcelRun, XRange } from './office-surface';

/** After this many halvings of a batch that Excel still refuses, give up with Excel's error. */
const MAX_SHRINKS = 12;

export async function readRegister(run: ExcelRun, onProgress?: ReadProgress, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<RawRegister> {
  return run(async (context) => {
    const probes = ALL_TABLE_NAMES.map((name) => probeTable(context.workbook, name));
    await context.sync();

    const found: { name: TableName; probe: TableProbe; info: TableInfo }[] = [];
    probes.forEach((probe, i) => {
      const info = tableInfo(probe);
      if (info) found.push({ name: ALL_TABLE_NAMES[i], probe, info });
    });
    const total = found.reduce((n, f) => n + f.info.rowCount, 0);
    onProgress?.(0, total);

    const rows = new Map<string, unknown[][]>(found.map((f) => [f.name, []]));
    const pending: PendingTable[] = found.map((f) => pendingTable(f.name, f.info.rowCount, f.info.headers.length, budget));
    const probeOf = new Map(found.map((f) => [f.name as string, f.probe]));
    let done = 0;
    let scale = 1;
    let shrinks = 0;

    while (pending.some((t) => t.next < t.rows)) {
      const chunks = takeBatch(pending, budget, scale);
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
        if (!isPayloadLimitError(error) || shrinks >= MAX_SHRINKS) throw error;
        shrinks += 1;
        scale /= 2;
        continue;
      }
      chunks.forEach((c, i) => {
        const values = loads[i].values;
        rows.get(c.name)!.push(...values);
        const table = pending.find((t) => t.name === c.name)!;
        refine(table, JSON.stringify(values).length, c.count * c.cols);
        table.next += c.count;
        done += c.count;
      });
      onProgress?.(done, total);
    }

    const register: RawRegister = {};
    for (const f of found) {
      register[f.name] = {
        values: [f.info.headers, ...rows.get(f.name)!],
        headerRow: f.info.headerRow,
        columnLetters: f.info.columnLetters,
      };
    }
    return register;
  });
}
