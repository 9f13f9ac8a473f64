/**
 * Cheap, deterministic checks behind the performance budgets of issue 6 (the timings themselves
 * are measured by `npm run bench`, never by tests): the Dashboard's recalculation parses the
 * register once, the Office.js port keeps to a few syncs per action and never sends or receives
 * more than Excel on the web accepts, and the bench counts only the pane's initial scripts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ALL_TABLE_NAMES, PILLARS, SETTINGS, SETTINGS_COLUMNS, TABLES, type TableName } from '../../src/domain/schema';
import * as functions from '../../src/functions/functions';
import type { ScoringEngine } from '../../src/functions/memo';
import { OfficePort } from '../../src/workbook/office/office-port';
import { FakeExcel, type Scalar } from '../support/excel-fake';
import { initialScripts, measureDist } from '../../scripts/bench/bundles';

const MB5 = 5_000_000;
const SERIAL_2026_06_30 = 46203;

function headers(name: TableName): string[] {
  return name === 'Settings' ? [...SETTINGS_COLUMNS] : TABLES.find((t) => t.name === name)!.columns.map((c) => c.header);
}

/** Deterministic rows of realistic cells for one table (dates as Excel serials, as Excel hands them over). */
function rows(name: TableName, n: number): Scalar[][] {
  if (name === 'Settings') {
    return SETTINGS.map((s) => [s.label, s.key === 'assessmentDate' ? SERIAL_2026_06_30 : s.kind === 'days' || s.kind === 'threshold' ? Number(s.defaultText) : s.defaultText]);
  }
  const spec = TABLES.find((t) => t.name === name)!;
  return Array.from({ length: n }, (_, i) =>
    spec.columns.map((c): Scalar => {
      switch (c.kind) {
        case 'id':
          return `${spec.prefix}-${i + 1}`;
        case 'date':
          return SERIAL_2026_06_30 - ((i * 37) % 400);
        case 'yesno':
          return i % 4 === 0 ? 'No' : 'Yes';
        case 'enum':
          return c.values![i % c.values!.length];
        case 'ref':
          return `DEC-${(i % 50) + 1}`;
        case 'person':
          return `Person ${i % 20}`;
        case 'list':
          return 'Service performance; Major incidents';
        default:
          return `${c.header} of item ${i + 1}: service desk capacity review`;
      }
    }),
  );
}

describe('Dashboard recalculation', () => {
  const ranges = ALL_TABLE_NAMES.map((name) => [headers(name), ...rows(name, name === 'Decisions' ? 300 : 60)]);
  // Excel deserialises every call's arguments: fresh arrays and strings for each call.
  const copy = (r: unknown[][][]): unknown[][][] => JSON.parse(JSON.stringify(r)) as unknown[][][];
  const counts = { parses: 0, tables: 0, assessments: 0 };
  const counting: ScoringEngine = {
    ...functions.defaultEngine,
    parse(raw) {
      counts.parses++;
      counts.tables += Object.keys(raw).length;
      return functions.defaultEngine.parse(raw);
    },
    assess(register, options) {
      counts.assessments++;
      return functions.defaultEngine.assess(register, options);
    },
  };
  type Tables = Parameters<typeof functions.readiness>;
  const dashboard = (tables: unknown[][][]): void => {
    const t = (): Tables => copy(tables) as unknown as Tables;
    functions.readiness(...t());
    functions.rating(...t());
    for (const p of PILLARS) functions.pillarScore(p.id, ...t());
    functions.criteria(...t());
    functions.gapsTable(...t());
  };
  const reset = (): void => {
    counts.parses = 0;
    counts.tables = 0;
    counts.assessments = 0;
  };

  beforeEach(() => {
    functions.useEngine(counting);
    reset();
  });
  afterAll(() => functions.useEngine());

  test('ten functions over the same tables parse each table once and assess once', () => {
    dashboard(ranges);
    expect(counts).toEqual({ parses: 1, tables: 7, assessments: 1 });
  });

  test('a recalculation with nothing changed parses nothing; an edit parses once again', () => {
    dashboard(ranges);
    reset();
    dashboard(ranges);
    expect(counts).toEqual({ parses: 0, tables: 0, assessments: 0 });

    const edited = ranges.map((r) => r.map((row) => [...row]));
    const decisions = ALL_TABLE_NAMES.indexOf('Decisions');
    edited[decisions][5][3] = 'Fund a second service desk shift';
    dashboard(edited);
    expect(counts).toEqual({ parses: 1, tables: 7, assessments: 1 });
  });
});

describe('Office.js port: syncs and payloads', () => {
  /** A register with `decisions` Decisions rows (the table that grows) in the fake. */
  function arrange(decisions: number, options?: ConstructorParameters<typeof FakeExcel>[0]): FakeExcel {
    const fake = new FakeExcel(options);
    for (const name of ALL_TABLE_NAMES) fake.addTable(name, name, headers(name), rows(name, name === 'Decisions' ? decisions : 50));
    return fake;
  }

  const within = (fake: FakeExcel): void => {
    for (const s of fake.syncs) {
      expect(s.requestBytes).toBeLessThanOrEqual(MB5);
      expect(s.responseBytes).toBeLessThanOrEqual(MB5);
    }
  };

  test('set-up and add a row take at most 3 syncs on a large register', async () => {
    const fake = arrange(20_000);
    const port = new OfficePort({ run: fake.run });
    fake.resetMetrics();
    await port.setUp();
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    within(fake);

    fake.resetMetrics();
    const added = await port.addRow('Decisions', { decision: 'Fund a second shift', status: 'Open', decidedOn: SERIAL_2026_06_30 });
    expect(added.id).toBe('DEC-20001');
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    within(fake);
  });

  test.each([2_000, 10_000])('a register of %i rows is read in at most 3 syncs, every response under 4.5 MB', async (n) => {
    const fake = arrange(n);
    fake.resetMetrics();
    const raw = await new OfficePort({ run: fake.run }).read();
    expect(raw.Decisions!.values).toHaveLength(n + 1);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    within(fake);
    expect(fake.maxResponseBytes()).toBeLessThan(MB5 - 500_000);
  });

  test('a read larger than one request is chunked under the limit and loses no row', async () => {
    // The limit scaled down 25× (200 kB) so the test stays small; the reader's budget with it.
    const limit = 200_000;
    const fake = arrange(6_000, { payloadLimitBytes: limit });
    const budget = { bytesPerRequest: limit * 0.8, cellsPerRequest: 4_000_000, initialBytesPerCell: 48 };
    fake.resetMetrics();
    const raw = await new OfficePort({ run: fake.run, readBudget: budget }).read();
    expect(raw.Decisions!.values).toEqual(fake.tableValues('Decisions'));
    const received = fake.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(fake.syncCount).toBeGreaterThan(2);
    // No more than twice the fewest syncs the limit allows (one to discover, then full responses).
    expect(fake.syncCount).toBeLessThanOrEqual(2 * (1 + Math.ceil(received / limit)));
    for (const s of fake.syncs) expect(s.responseBytes).toBeLessThanOrEqual(limit);
  });
});

describe('bench: which scripts count as the pane', () => {
  test('only the local scripts taskpane.html loads at start are initial', () => {
    const html =
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
      '<script defer src=functions.js></script><script defer src="609.js"></script><script defer src=\'./taskpane.js\'></script>';
    expect(initialScripts(html)).toEqual(['functions.js', '609.js', 'taskpane.js']);
  });

  test('lazy chunks are listed apart from the initial ones, sizes gzip-compressed', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dist-'));
    try {
      fs.writeFileSync(path.join(dist, 'taskpane.html'), '<script defer src=functions.js></script><script defer src=taskpane.js></script>');
      const body = 'console.log("x");'.repeat(500);
      for (const f of ['functions.js', 'taskpane.js', 'exceljs.1234abcd.js']) fs.writeFileSync(path.join(dist, f), body);
      const sizes = measureDist(dist);
      expect(sizes.functions.files.map((f) => f.file)).toEqual(['functions.js']);
      expect(sizes.pane.files.map((f) => f.file)).toEqual(['taskpane.js']);
      expect(sizes.lazy.map((f) => f.file)).toEqual(['exceljs.1234abcd.js']);
      expect(sizes.pane.gzip).toBe(zlib.gzipSync(Buffer.from(body), { level: 9 }).length);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
