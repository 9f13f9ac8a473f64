/**
 * Two faces, one engine: the custom functions on 2-D arrays (as Excel hands ranges over) and the
 * command line on an .xlsx holding the same data must give the same readiness, rating, pillar
 * scores, criteria and gaps.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { Workbook } from 'exceljs';
import { ALL_TABLE_NAMES, TABLES, type TableName } from '../../src/domain/schema';
import { fromExcelSerial, toExcelSerial, toJsDate, fromJsDate } from '../../src/domain/dates';
import type { Result } from '../../src/domain/types';
import { readRegister } from '../../src/workbook/xlsx/read';
import { criteria, gapsTable, pillarScore, rating, readiness, useEngine, defaultEngine } from '../../src/functions/functions';
import { gaps } from '../../src/domain/gaps';
import { cli } from '../cli/run-cli';
import { tempDir, writeFixture, type FixtureTable } from '../workbook/xlsx/fixtures';
import { ROWS, headersOf, ranges, serial } from './raw-register';

type Tables = [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]];
const CLI_NOW = new Date(Date.UTC(2026, 6, 15, 12)); // what tests/cli/run-cli.ts uses by default
const TODAY = fromJsDate(CLI_NOW)!;

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  useEngine({ ...defaultEngine, today: () => TODAY });
});
afterAll(async () => {
  useEngine();
  await fs.rm(dir, { recursive: true, force: true });
});

const DATE_HEADERS: ReadonlyMap<TableName, ReadonlySet<string>> = new Map<TableName, ReadonlySet<string>>([
  ...TABLES.map((t) => [t.name, new Set(t.columns.filter((c) => c.kind === 'date').map((c) => c.header))] as const),
  ['Settings', new Set<string>()],
]);

/** The fixture as an .xlsx: real Excel tables, date columns as date cells, blanks as empty cells. */
function fixtureTables(): Record<string, FixtureTable> {
  const out: Record<string, FixtureTable> = {};
  for (const name of ALL_TABLE_NAMES) {
    const headers = headersOf(name);
    const dates = DATE_HEADERS.get(name)!;
    out[name] = {
      headers,
      rows: ROWS[name].map((row) =>
        headers.map((h) => {
          const v = h in row ? row[h] : null;
          if (v === '' || v === null) return null;
          const isDate = dates.has(h) || (name === 'Settings' && h === 'Value' && row.Key === 'Assessment date');
          return isDate && typeof v === 'number' ? toJsDate(fromExcelSerial(v)) : v;
        }),
      ),
    };
  }
  return out;
}

/** The functions' view of a result, built only from what the six functions return. */
function viaFunctions(t: Tables, asOf?: number) {
  const pillars = ['Accountability', 'Governance', 'Follow-through', 'Resources', 'Communication', 'Escalation'].map((p) => {
    try {
      return pillarScore(p, ...t, asOf);
    } catch {
      return null;
    }
  });
  return { readiness: readiness(...t, asOf), rating: rating(...t, asOf), pillars, criteria: criteria(...t, asOf), gaps: gapsTable(...t, asOf) };
}

/** The same view of the command line's JSON. */
function viaCli(result: Result) {
  return {
    readiness: result.readiness,
    rating: result.rating,
    pillars: result.pillars.map((p) => p.score),
    criteria: result.criteria.map((c) => [c.id, c.pillar, c.title, c.status, c.score ?? '', c.reason, c.evidence.join(', ')]),
    gaps: gaps(result).map((c) => [c.id, c.pillar, c.title, c.status, c.reason, c.remedy]),
  };
}

async function cliResult(file: string, extra: string[] = []): Promise<Result> {
  const run = await cli(['score', file, '--format', 'json', ...extra], CLI_NOW);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Result;
}

test('same data, same answers: the fixture register, as-of from Settings and from the argument', async () => {
  const file = await writeFixture(dir, 'fixture.xlsx', fixtureTables());

  const fromSettings = await cliResult(file);
  expect(fromSettings.asOf).toBe('2026-06-30');
  expect(viaFunctions(ranges() as Tables)).toEqual(viaCli(fromSettings));

  const early = await cliResult(file, ['--as-of', '2026-02-28']);
  expect(viaFunctions(ranges() as Tables, serial('2026-02-28'))).toEqual(viaCli(early));
  expect(early.readiness).not.toBe(fromSettings.readiness);
});

/**
 * A workbook's table values as Excel hands them to a custom function: header row first, dates as
 * serial numbers, empty cells as "", error cells as error objects with a code.
 */
function asExcelArgs(values: readonly (readonly unknown[])[]): unknown[][] {
  return values.map((row) =>
    row.map((v) => {
      if (v === null || v === undefined) return '';
      if (v instanceof Date) return toExcelSerial(fromJsDate(v)!);
      if (typeof v === 'object' && 'error' in (v as object)) return { code: (v as { error: string }).error };
      return v;
    }),
  );
}

test('same answers on the bundled example register (messy cells included)', async () => {
  const file = path.join(__dirname, '..', '..', 'examples', 'example-register.xlsx');
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  const raw = readRegister(workbook);
  const t = ALL_TABLE_NAMES.map((name) => asExcelArgs(raw[name]!.values)) as Tables;

  const result = await cliResult(file);
  expect(result.issues.length).toBeGreaterThan(0); // the example has cells the parser reports
  expect(viaFunctions(t)).toEqual(viaCli(result));
});
