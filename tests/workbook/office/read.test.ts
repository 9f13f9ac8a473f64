import { TABLE_NAMES } from '../../../src/domain/schema';
import { DEFAULT_READ_BUDGET, pendingTable, refine, takeBatch } from '../../../src/workbook/office/chunking';
import { OfficePort } from '../../../src/workbook/office/office-port';
import { FakeExcel } from '../../support/excel-fake';
import { buildRegister, evidenceRows, MB5, replaceTable, specHeaders } from './register-builder';

function port(fake: FakeExcel): OfficePort {
  return new OfficePort({ run: fake.run });
}

describe('chunk planning', () => {
  test('packs whole small tables into one batch', () => {
    const pending = TABLE_NAMES.map((n) => pendingTable(n, 100, 12));
    expect(takeBatch(pending)).toEqual(TABLE_NAMES.map((name) => ({ name, start: 0, count: 100, cols: 12 })));
  });

  test('splits a large table by rows within the byte and cell budgets, always progressing', () => {
    const t = pendingTable('Decisions', 100_000, 13);
    const first = takeBatch([t]);
    expect(first).toHaveLength(1);
    expect(first[0].count * 13 * DEFAULT_READ_BUDGET.initialBytesPerCell).toBeLessThanOrEqual(DEFAULT_READ_BUDGET.bytesPerRequest);
    const wide = pendingTable('X', 10, 1_000_000);
    expect(takeBatch([wide])[0].count).toBe(1);
  });

  test('learns bytes per cell from what arrived, with headroom', () => {
    const t = pendingTable('Reviews', 10, 10);
    refine(t, 2000, 100);
    expect(t.bytesPerCell).toBeCloseTo(25);
  });
});

describe('read', () => {
  test('small register: 1 discovery sync + 1 values sync; raw values, header text, real cell positions', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, 10);
    // Move Reviews to B3 and put an error value and a serial date in it.
    const rows = evidenceRows('Reviews', 10);
    rows[2][3] = '#N/A';
    replaceTable(fake, 'Reviews', specHeaders('Reviews'), rows, 'B3');

    const progress: [number, number][] = [];
    const raw = await port(fake).read((done, total) => progress.push([done, total]));

    expect(fake.syncCount).toBe(2);
    expect(Object.keys(raw).sort()).toEqual([...TABLE_NAMES, 'Settings'].sort());
    expect(raw.Reviews!.headerRow).toBe(3);
    expect(raw.Reviews!.columnLetters!.slice(0, 3)).toEqual(['B', 'C', 'D']);
    expect(raw.Reviews!.values[0]).toEqual(specHeaders('Reviews'));
    expect(raw.Reviews!.values[3][3]).toBe('#N/A');
    expect(raw.Reviews!.values[1][2]).toBe(45000);
    expect(raw.Accountabilities!.headerRow).toBe(1);
    expect(raw.Accountabilities!.values).toEqual(fake.tableValues('Accountabilities'));
    // 60 evidence rows + 13 Settings rows.
    expect(progress[0]).toEqual([0, 73]);
    expect(progress[progress.length - 1]).toEqual([73, 73]);
  });

  test('a missing table is absent, not an error', async () => {
    const fake = new FakeExcel();
    fake.addTable('Reviews', 'Reviews', specHeaders('Reviews'), evidenceRows('Reviews', 2));
    const raw = await port(fake).read();
    expect(Object.keys(raw)).toEqual(['Reviews']);
    expect(fake.syncCount).toBe(2);
  });

  test.each([50_000, 100_000])('%i rows: chunked, every request and response under 5 MB, every row back in order', async (total) => {
    const fake = new FakeExcel();
    const per = Math.floor(total / TABLE_NAMES.length);
    buildRegister(fake, { Accountabilities: per, Reviews: per, Decisions: total - per * 5, Resources: per, Communications: per, Escalations: per });
    const progress: number[] = [];
    const raw = await port(fake).read((done) => progress.push(done));

    for (const name of TABLE_NAMES) expect(raw[name]!.values).toEqual(fake.tableValues(name));
    expect(fake.maxResponseBytes()).toBeLessThan(MB5);
    expect(fake.maxRequestBytes()).toBeLessThan(MB5);
    // Discovery, then one sync per ~4 MB of values: the payload limit, not a loop per row, sets the count.
    const valueBytes = fake.syncs.slice(1).reduce((n, s) => n + s.responseBytes, 0);
    expect(fake.syncCount).toBeLessThanOrEqual(2 + Math.ceil(valueBytes / (DEFAULT_READ_BUDGET.bytesPerRequest * 0.6)));
    expect(fake.syncs.every((s) => s.writes.length === 0)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(total + 13); // + Settings rows
    console.log(`read ${total} rows: ${fake.syncCount} syncs, ${(valueBytes / 1e6).toFixed(1)} MB, max response ${(fake.maxResponseBytes() / 1e6).toFixed(2)} MB`);
  });

  test('a response over the limit (rows longer than estimated) is retried in smaller chunks', async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 300_000 });
    buildRegister(fake, { Decisions: 5000 });
    const raw = await port(fake).read();
    expect(raw.Decisions!.values).toEqual(fake.tableValues('Decisions'));
    const failed = fake.syncs.filter((s) => s.responseBytes > 300_000);
    expect(failed.length).toBeGreaterThan(0);
    expect(fake.syncs[fake.syncs.length - 1].responseBytes).toBeLessThanOrEqual(300_000);
  });
});
