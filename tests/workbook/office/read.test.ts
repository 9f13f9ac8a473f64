import { TABLE_NAMES } from '../../../src/domain/schema';
import { BatchPacer, DEFAULT_READ_BUDGET, jsonBytes, pendingTable, refine, takeBatch } from '../../../src/workbook/office/chunking';
import { OfficePort } from '../../../src/workbook/office/office-port';
import { FakeExcel } from '../../support/excel-fake';
import { buildRegister, evidenceRows, MB5, replaceTable, specHeaders } from './register-builder';

function port(fake: FakeExcel): OfficePort {
  return new OfficePort({ run: fake.run });
}

describe('chunk planning', () => {
  test('packs whole small tables into one batch', () => {
    const pending = TABLE_NAMES.map((n) => pendingTable(n, 100, 12));
    const guess = DEFAULT_READ_BUDGET.initialBytesPerCell;
    expect(takeBatch(pending)).toEqual(TABLE_NAMES.map((name) => ({ name, start: 0, count: 100, cols: 12, bytesPerCell: guess })));
  });

  test('splits a large table by rows within the byte and cell budgets, always progressing', () => {
    const t = pendingTable('Decisions', 100_000, 13);
    const first = takeBatch([t]);
    expect(first).toHaveLength(1);
    expect(first[0].count * 13 * DEFAULT_READ_BUDGET.initialBytesPerCell).toBeLessThanOrEqual(DEFAULT_READ_BUDGET.bytesPerRequest);
    const wide = pendingTable('X', 10, 1_000_000);
    expect(takeBatch([wide])[0].count).toBe(1);
  });

  test('learns bytes per cell from what arrived, with headroom; a few rows barely move the guess', () => {
    const big = pendingTable('Reviews', 100_000, 10);
    refine(big, 20 * 200_000, 200_000);
    expect(big.bytesPerCell).toBeGreaterThan(20 * 1.1);
    expect(big.bytesPerCell).toBeLessThan(20 * 1.1 * 1.01);
    const small = pendingTable('Decisions', 100_000, 10);
    refine(small, 10 * 20, 20); // two short rows where a batch ended
    expect(small.bytesPerCell).toBeGreaterThan(0.95 * DEFAULT_READ_BUDGET.initialBytesPerCell);
  });

  test('sizes a table not read yet like the densest table measured so far, or the guess before any', () => {
    const [light, dense, next] = [pendingTable('A', 1000, 10), pendingTable('B', 50_000, 10), pendingTable('C', 100_000, 10)];
    expect(takeBatch([next])[0].bytesPerCell).toBe(DEFAULT_READ_BUDGET.initialBytesPerCell);
    refine(light, 10 * 10_000, 10_000);
    refine(dense, 100 * 500_000, 500_000);
    light.next = light.rows;
    dense.next = dense.rows;
    expect(dense.bytesPerCell).toBeGreaterThan(100);
    const [chunk] = takeBatch([light, dense, next]);
    expect(chunk).toMatchObject({ name: 'C', bytesPerCell: dense.bytesPerCell });
    expect(chunk.count * 10 * dense.bytesPerCell).toBeLessThanOrEqual(DEFAULT_READ_BUDGET.bytesPerRequest);
  });

  test('counts JSON bytes as UTF-8', () => {
    expect(jsonBytes([['abc', 1]])).toBe(Buffer.byteLength(JSON.stringify([['abc', 1]])));
    for (const text of ['Überprüfung', 'Ανασκόπηση', '審查會議', 'review 📋', 'a"b\\c\n']) {
      expect([text, jsonBytes([[text, 42, null]])]).toEqual([text, Buffer.byteLength(JSON.stringify([[text, 42, null]]), 'utf8')]);
    }
  });
});

describe('batch pacing after a refused batch', () => {
  const budget = DEFAULT_READ_BUDGET;

  test('goes back to full size when the rows that arrived explain the refusal (long texts)', () => {
    const t = pendingTable('Decisions', 100_000, 13);
    const pacer = new BatchPacer(budget);
    const refused = takeBatch([t], budget, pacer.scale);
    expect(pacer.refused(refused)).toBe(true);
    expect(pacer.scale).toBe(0.5);
    const half = takeBatch([t], budget, pacer.scale)[0];
    refine(t, half.count * 13 * 60, half.count * 13, half.bytesPerCell); // 60 bytes a cell, not 32
    t.next += half.count;
    pacer.received([t]);
    expect(pacer.scale).toBe(1);
    // … and the next full batch is sized from what was measured: under the budget.
    const next = takeBatch([t], budget, pacer.scale)[0];
    expect(next.count * 13 * 60).toBeLessThan(budget.bytesPerRequest);
  });

  test('stays reduced when they do not (the limit is tighter than the budget), and gives up after 12 halvings in a row', () => {
    const t = pendingTable('Decisions', 100_000, 13);
    const pacer = new BatchPacer(budget);
    expect(pacer.refused(takeBatch([t], budget, pacer.scale))).toBe(true);
    const half = takeBatch([t], budget, pacer.scale)[0];
    refine(t, half.count * 13 * 20, half.count * 13, half.bytesPerCell); // as dense as guessed, or less
    pacer.received([t]);
    expect(pacer.scale).toBe(0.5);

    let halvings = 0;
    while (pacer.refused([])) halvings++;
    expect(halvings).toBe(12);
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
    // Under the limit with a margin of 0.5 MB for estimates that run low.
    expect(fake.maxResponseBytes()).toBeLessThan(MB5 - 500_000);
    expect(fake.maxRequestBytes()).toBeLessThan(MB5 - 500_000);
    // Discovery, then one sync per ~4 MB of values: the payload limit, not a loop per row, sets the count.
    const valueBytes = fake.syncs.slice(1).reduce((n, s) => n + s.responseBytes, 0);
    expect(fake.syncCount).toBeLessThanOrEqual(2 + Math.ceil(valueBytes / (DEFAULT_READ_BUDGET.bytesPerRequest * 0.75)));
    expect(fake.syncs.every((s) => s.writes.length === 0)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(total + 13); // + Settings rows
    console.log(`read ${total} rows: ${fake.syncCount} syncs, ${(valueBytes / 1e6).toFixed(1)} MB, max response ${(fake.maxResponseBytes() / 1e6).toFixed(2)} MB`);
  });

  test.each([100, 2_000, 10_000])('%i rows: one discovery sync and one values sync', async (total) => {
    const fake = new FakeExcel();
    const per = Math.floor(total / TABLE_NAMES.length);
    buildRegister(fake, { Accountabilities: per, Reviews: per, Decisions: total - per * 5, Resources: per, Communications: per, Escalations: per });
    fake.resetMetrics();
    const raw = await port(fake).read();
    expect(raw.Decisions!.values).toEqual(fake.tableValues('Decisions'));
    expect(fake.syncCount).toBe(2);
    expect(fake.maxResponseBytes()).toBeLessThan(MB5 - 500_000);
  });

  test('long texts: only batches sized from the guess may be refused; once rows arrive, none is', async () => {
    const fake = new FakeExcel();
    buildRegister(fake, { Decisions: 10, Reviews: 10 });
    // 12,000 Decisions rows whose texts run to 150 characters: ~100 bytes a cell, three times the guess.
    const long = evidenceRows('Decisions', 12_000).map((row) => row.map((v, j) => (typeof v === 'string' && j > 0 && !/^\d/.test(v) ? `${v} ${'detail '.repeat(18)}`.slice(0, 150) : v)));
    replaceTable(fake, 'Decisions', specHeaders('Decisions'), long);
    fake.resetMetrics();
    const raw = await port(fake).read();
    expect(raw.Decisions!.values).toEqual(fake.tableValues('Decisions'));
    const values = fake.syncs.slice(1).map((s) => s.responseBytes);
    const firstReceived = values.findIndex((b) => b <= MB5);
    const refused = values.filter((b) => b > MB5).length;
    expect(refused).toBeGreaterThan(0);
    expect(values.slice(firstReceived).every((b) => b < MB5 - 500_000)).toBe(true);
    // Halving from 3× the budget takes two refusals; after that, full batches: the fewest possible plus one.
    const valueBytes = values.filter((b) => b <= MB5).reduce((n, b) => n + b, 0);
    expect(fake.syncCount).toBeLessThanOrEqual(1 + refused + Math.ceil(valueBytes / MB5) + 1);
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
