/** readHistory(): folded into read()'s syncs when called right after it, else 2 syncs of its own. */
import { HISTORY_HEADERS, HISTORY_SHEET, parseHistory } from '../../../src/domain/history';
import { HISTORY_REUSE_MS, OfficePort } from '../../../src/workbook/office/office-port';
import { FakeExcel, type Scalar } from '../../support/excel-fake';
import { buildRegister } from './register-builder';

function snapshotRow(asOf: string, readiness: number, rating: string): Scalar[] {
  return HISTORY_HEADERS.map((h) => (h === 'As of' ? asOf : h === 'Readiness' ? readiness : h === 'Rating' ? rating : ''));
}

function withHistory(fake: FakeExcel, rows: Scalar[][], topLeft = 'A1'): void {
  fake.addTable(HISTORY_SHEET, 'History', [...HISTORY_HEADERS], rows, topLeft);
}

describe('readHistory', () => {
  test('right after read(): no round trip, and read() still costs 2 syncs with History present', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, 10);
    withHistory(fake, [snapshotRow('2026-03-31', 58.2, 'Amber'), snapshotRow('2026-06-30', 74.8, 'Amber')], 'B2');
    let clock = 1_000;
    const p = new OfficePort({ run: fake.run, now: () => clock });

    const raw = await p.read();
    expect(fake.syncCount).toBe(2);
    expect(Object.keys(raw)).not.toContain('History');

    clock += HISTORY_REUSE_MS;
    const history = await p.readHistory();
    expect(fake.syncCount).toBe(2);
    expect(history!.headerRow).toBe(2);
    expect(history!.values).toEqual(fake.tableValues('History'));
    expect(parseHistory(history!).points.map((x) => x.readiness)).toEqual([58.2, 74.8]);
  });

  test('on its own (or once the read is stale): 2 syncs; null when there is no History table', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, 3);
    let clock = 0;
    const p = new OfficePort({ run: fake.run, now: () => clock });
    expect(await p.readHistory()).toBeNull();
    expect(fake.syncCount).toBe(1); // nothing found: no values to fetch

    withHistory(fake, [snapshotRow('2026-06-30', 74.8, 'Amber')]);
    await p.read();
    clock += HISTORY_REUSE_MS + 1;
    fake.resetMetrics();
    const history = await p.readHistory();
    expect(fake.syncCount).toBe(2);
    expect(history!.values).toEqual(fake.tableValues('History'));
  });

  test('a snapshot appended through the port is never served from the earlier read', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, 3);
    const p = new OfficePort({ run: fake.run, now: () => 0 });
    await p.read();
    expect(await p.readHistory()).toBeNull();
    await p.appendHistory([...HISTORY_HEADERS], snapshotRow('2026-06-30', 74.8, 'Amber'));
    fake.resetMetrics();
    const history = await p.readHistory();
    expect(fake.syncCount).toBe(2);
    expect(history!.values).toHaveLength(2);
    expect(history!.values[1][2]).toBe(74.8);
  });
});
