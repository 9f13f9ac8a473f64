/** select(): activate the sheet and select a row or cell, in two syncs (look up, then go). */
import type { SelectTarget } from '../port';
import { findHeader } from './cells';
import { idsOf, probeIds, probeTable, tableInfo } from './discover';
import { indexOfId } from './ids';
import type { ExcelRun } from './office-surface';

export async function selectTarget(run: ExcelRun, target: SelectTarget): Promise<void> {
  await run(async (context) => {
    const wb = context.workbook;
    if (target.table === 'Dashboard') {
      const sheet = wb.worksheets.getItemOrNullObject('Dashboard').load('name');
      await context.sync();
      if (sheet.isNullObject) throw new Error('There is no Dashboard sheet yet. Add it from the Register panel.');
      sheet.activate();
      sheet.getRange(`A${Math.max(1, target.row ?? 1)}`).select();
      await context.sync();
      return;
    }

    const probe = probeTable(wb, target.table);
    const ids = target.id ? probeIds(probe.table) : null;
    await context.sync();
    const info = tableInfo(probe);
    if (!info) throw new Error(`The ${target.table} table is not in this workbook.`);

    let row0: number; // zero-based worksheet row
    if (target.id) {
      let list = ids ? idsOf(ids) : null;
      if (!list) {
        // ID header spelt differently: fetch that column (one more sync, still within budget).
        const j = findHeader(info.headers, 'ID');
        if (j < 0) throw new Error(`The ${target.table} table has no ID column.`);
        const column = probe.body.getColumn(j).load('values');
        await context.sync();
        list = column.values.map((r) => String(r[0] ?? ''));
      }
      const index = indexOfId(list, target.id);
      if (index < 0) throw new Error(`${target.id} is not in the ${target.table} table any more. Refresh and try again.`);
      row0 = info.headerRow + index; // header row (1-based) + 1 + index − 1
    } else if (target.row !== undefined) {
      row0 = target.row - 1;
    } else {
      row0 = info.headerRow - 1;
    }

    const j = target.column ? findHeader(info.headers, target.column) : -1;
    const sheet = probe.table.worksheet;
    sheet.activate();
    const range = j >= 0 ? sheet.getRangeByIndexes(row0, info.firstColumn + j, 1, 1) : sheet.getRangeByIndexes(row0, info.firstColumn, 1, info.headers.length);
    range.select();
    await context.sync();
  });
}
