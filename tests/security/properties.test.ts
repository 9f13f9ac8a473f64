/**
 * Property-based tests (fast-check) on the parser and the engine: whatever cells arrive, nothing
 * throws, readiness stays in [0, 100], and the result does not depend on row order, column order
 * or extra user columns; set-up then upgrade on the in-memory Excel fake keeps every user cell.
 */
import fc from 'fast-check';
import { assess } from '../../src/domain/assess';
import { parseRegister } from '../../src/domain/register';
import { ALL_TABLE_NAMES, SETTINGS, TABLES, type ColumnSpec, type TableName, type TableSpec } from '../../src/domain/schema';
import type { RawRegister, RawTable, Result } from '../../src/domain/types';
import { OfficePort } from '../../src/workbook/office/office-port';
import { FakeExcel, type Scalar } from '../support/excel-fake';

const AS_OF = 20_630; // 2026-06-26 as an epoch day
const SERIAL = 25_569; // Excel serial = epoch day + 25569
const RUNS = { numRuns: 100 };

// ---------------------------------------------------------------------------------------------
// Arbitrary cells: anything an adapter might hand over, and worse.

const errorText = fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!');
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ minLength: 2000, maxLength: 40_000, unit: 'binary-ascii' }).map((s) => s), // very long text
  fc.double(), // includes NaN, ±Infinity, -0
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 1e308, -1e308, 2_958_465, 2_958_466),
  fc.boolean(),
  errorText,
  errorText.map((error) => ({ error })),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(), // includes Invalid Date
  fc.constantFrom('__proto__', 'constructor', 'prototype', '=1+1', '=HYPERLINK("x")', ' ', '\u0000', '\n\n'),
  fc.constantFrom({}, [], { richText: [] }, { text: 'x' }, Symbol.for('x') as unknown, (() => 1) as unknown),
);

const anyGrid = fc.array(fc.array(anyCell, { maxLength: 16 }), { maxLength: 12 });

/** A table whose header row mixes real headers with junk, then junk rows. */
function junkTable(name: TableName): fc.Arbitrary<RawTable> {
  const spec = TABLES.find((t) => t.name === name);
  const headers = name === 'Settings' ? ['Key', 'Value'] : spec!.columns.map((c) => c.header);
  return fc
    .tuple(fc.shuffledSubarray(headers), fc.array(anyCell, { maxLength: 4 }), anyGrid, fc.integer({ min: -3, max: 1_100_000 }))
    .map(([picked, extra, rows, headerRow]) => ({ values: [[...picked, ...extra], ...rows], headerRow }));
}

const junkRegister: fc.Arbitrary<RawRegister> = fc
  .tuple(...ALL_TABLE_NAMES.map((name) => fc.option(junkTable(name), { nil: undefined })))
  .map((tables) => {
    const raw: RawRegister = {};
    ALL_TABLE_NAMES.forEach((name, i) => {
      if (tables[i] !== undefined) raw[name] = tables[i];
    });
    return raw;
  });

function expectValidResult(result: Result): void {
  expect(result.readiness === null || (result.readiness >= 0 && result.readiness <= 100)).toBe(true);
  expect(Number.isNaN(result.readiness)).toBe(false);
  for (const p of result.pillars) expect(p.score === null || (p.score >= 0 && p.score <= 100)).toBe(true);
  expect(result.criteria).toHaveLength(22);
  for (const c of result.criteria) {
    expect(['met', 'partial', 'not met', 'n/a']).toContain(c.status);
    expect(typeof c.reason).toBe('string');
  }
  expect(['Green', 'Amber', 'Red', null]).toContain(result.rating);
  expect(() => JSON.stringify(result)).not.toThrow();
}

describe('never throws', () => {
  it('parseRegister + assess accept arbitrary 2-D cell arrays in every table', () => {
    fc.assert(
      fc.property(junkRegister, fc.option(fc.integer({ min: -1_000_000, max: 3_000_000 }), { nil: undefined }), (raw, asOf) => {
        const register = parseRegister(raw);
        for (const issue of register.issues) {
          expect(typeof issue.message).toBe('string');
          expect(issue.message).not.toMatch(/[\r\n]/);
        }
        expectValidResult(assess(register, { asOf, today: AS_OF }));
      }),
      RUNS,
    );
  });

  it('accepts tables that are not arrays of arrays at all', () => {
    const odd = fc.constantFrom<unknown>(null, undefined, 3, 'x', {}, { values: null }, { values: [null, 1, 'x'] }, { values: [[]] }, { values: [] });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ALL_TABLE_NAMES), odd)), (pairs) => {
        const raw = Object.fromEntries(pairs) as RawRegister;
        expectValidResult(assess(parseRegister(raw), { today: AS_OF }));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Plausible registers: realistic values per column kind (plus some junk), unique IDs, so the
// invariance properties exercise real scoring rather than all-empty tables.

const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'];
const refTo = (prefixes: string[]) => fc.tuple(fc.constantFrom(...prefixes), fc.integer({ min: 1, max: 6 })).map(([p, n]) => `${p}-${n}`);

function plausibleCell(col: ColumnSpec): fc.Arbitrary<unknown> {
  const day = fc.integer({ min: AS_OF - 500, max: AS_OF + 60 });
  const junk = fc.oneof(anyCell, fc.constant(null));
  const by: Record<string, fc.Arbitrary<unknown>> = {
    person: fc.constantFrom(...PEOPLE, ' ada lovelace ', ''),
    text: fc.constantFrom('Repeat incident', 'SLA miss', 'Audit finding', 'Fund the rota', 'Checked KPI', null),
    date: fc.oneof(
      day.map((d) => d + SERIAL),
      day.map((d) => new Date(d * 86_400_000)),
      day.map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
    ),
    yesno: fc.constantFrom('Yes', 'No', true, false, ' yes ', null),
    enum: fc.constantFrom(...(col.values ?? []), null, ` ${(col.values ?? ['x'])[0].toUpperCase()} `),
    list: fc.subarray([...PEOPLE, 'Service performance', 'Major incidents', 'Trends', 'Audit results']).map((xs) => xs.join('; ')),
    ref: fc.oneof(refTo(['REV', 'ESC', 'DEC', 'RES', 'COM']), fc.constant(null)),
    link: fc.constantFrom('https://intranet.example/doc/1', '\\\\share\\minutes.docx', null),
  };
  return fc.oneof({ weight: 9, arbitrary: by[col.kind] ?? junk }, { weight: 1, arbitrary: junk });
}

interface Grid {
  headers: unknown[];
  rows: unknown[][];
}

function plausibleTable(spec: TableSpec): fc.Arbitrary<Grid> {
  const dataCols = spec.columns.filter((c) => c.kind !== 'id');
  return fc.array(fc.tuple(...dataCols.map(plausibleCell)), { maxLength: 6 }).map((rows) => ({
    headers: spec.columns.map((c) => c.header),
    rows: rows.map((cells, i) => [`${spec.prefix}-${i + 1}`, ...cells]),
  }));
}

const plausibleSettings: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.option(fc.constantFrom('Service desk works to SLA', ''), { nil: undefined }),
    fc.option(fc.constantFrom('Repeat incident; SLA miss', ''), { nil: undefined }),
    fc.option(fc.integer({ min: 30, max: 400 }), { nil: undefined }),
    fc.option(fc.constantFrom(60, 90, 'abc', -5), { nil: undefined }),
  )
  .map(([eff, trig, lookback, cadence]) => {
    const rows: unknown[][] = [['Organisation', 'Acme']];
    if (eff !== undefined) rows.push(['Effectiveness definition', eff]);
    if (trig !== undefined) rows.push(['Escalation triggers', trig]);
    if (lookback !== undefined) rows.push(['Lookback days', lookback]);
    if (cadence !== undefined) rows.push(['Review cadence days', cadence]);
    return { headers: ['Key', 'Value'], rows };
  });

type GridRegister = Partial<Record<TableName, Grid>>;

const plausibleRegister: fc.Arbitrary<GridRegister> = fc
  .tuple(fc.tuple(...TABLES.map(plausibleTable)), plausibleSettings, fc.subarray([...TABLES.map((t) => t.name)], { minLength: 4 }))
  .map(([grids, settings, present]) => {
    const out: GridRegister = { Settings: settings };
    TABLES.forEach((t, i) => {
      if (present.includes(t.name)) out[t.name] = grids[i];
    });
    return out;
  });

function toRaw(reg: GridRegister): RawRegister {
  const raw: RawRegister = {};
  for (const name of ALL_TABLE_NAMES) {
    const g = reg[name];
    if (g) raw[name] = { values: [g.headers, ...g.rows] };
  }
  return raw;
}

/** What must not change: every criterion's status and score, the pillar scores, readiness and rating. */
function essence(result: Result): unknown {
  return {
    readiness: result.readiness === null ? null : Math.round(result.readiness * 1e9) / 1e9,
    rating: result.rating,
    pillars: result.pillars.map((p) => [p.id, p.score === null ? null : Math.round(p.score * 1e9) / 1e9]),
    criteria: result.criteria.map((c) => [c.id, c.status, c.score, [...c.evidence].sort()]),
    questions: result.questions.map((q) => q.status),
  };
}

const score = (reg: GridRegister) => assess(parseRegister(toRaw(reg)), { asOf: AS_OF, today: AS_OF });

/** Applies a permutation (indices from fast-check) to an array. */
function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((e) => e.x);
}

const permutationKeys = fc.array(fc.integer(), { minLength: 1, maxLength: 20 });

describe('the result does not depend on layout', () => {
  it('is valid for plausible registers, which reach every status (so the properties below test real scoring)', () => {
    const seen = new Map<string, Set<string>>();
    fc.assert(
      fc.property(plausibleRegister, (reg) => {
        const result = score(reg);
        expectValidResult(result);
        for (const c of result.criteria) seen.set(c.id, (seen.get(c.id) ?? new Set()).add(c.status));
      }),
      RUNS,
    );
    const statuses = new Set([...seen.values()].flatMap((s) => [...s]));
    expect([...statuses].sort()).toEqual(['met', 'n/a', 'not met', 'partial']);
    // Most criteria are seen both met (or partial) and not met across the runs.
    const varied = [...seen.values()].filter((s) => s.size >= 2).length;
    expect(varied).toBeGreaterThanOrEqual(15);
  });

  it('is the same whatever the row order', () => {
    fc.assert(
      fc.property(plausibleRegister, permutationKeys, (reg, keys) => {
        const shuffled: GridRegister = {};
        for (const name of ALL_TABLE_NAMES) {
          const g = reg[name];
          if (g) shuffled[name] = { headers: g.headers, rows: permute(g.rows, keys) };
        }
        expect(essence(score(shuffled))).toEqual(essence(score(reg)));
      }),
      RUNS,
    );
  });

  it('is the same whatever the column order', () => {
    fc.assert(
      fc.property(plausibleRegister, permutationKeys, (reg, keys) => {
        const moved: GridRegister = {};
        for (const name of ALL_TABLE_NAMES) {
          const g = reg[name];
          if (!g) continue;
          const order = permute(
            g.headers.map((_, i) => i),
            keys,
          );
          moved[name] = { headers: order.map((i) => g.headers[i]), rows: g.rows.map((r) => order.map((i) => r[i])) };
        }
        expect(essence(score(moved))).toEqual(essence(score(reg)));
      }),
      RUNS,
    );
  });

  it('is the same with extra user columns anywhere', () => {
    const known = new Set([...TABLES.flatMap((t) => t.columns.map((c) => c.header.toLowerCase())), 'key', 'value', ...SETTINGS.map((s) => s.label.toLowerCase())]);
    const extraHeader = fc.string({ minLength: 1, maxLength: 20 }).filter((h) => h.trim() !== '' && !known.has(h.trim().toLowerCase()));
    fc.assert(
      fc.property(
        plausibleRegister,
        fc.uniqueArray(extraHeader, { maxLength: 3, selector: (h) => h.trim().toLowerCase() }),
        fc.array(anyCell, { minLength: 6, maxLength: 6 }),
        fc.nat(),
        (reg, extras, fill, at) => {
          const widened: GridRegister = {};
          for (const name of ALL_TABLE_NAMES) {
            const g = reg[name];
            if (!g) continue;
            const pos = at % (g.headers.length + 1);
            const insert = <T>(row: readonly T[], add: T[]): T[] => [...row.slice(0, pos), ...add, ...row.slice(pos)];
            widened[name] = {
              headers: insert(g.headers, extras),
              rows: g.rows.map((r, i) => insert(r, extras.map((_, k) => fill[(i + k) % fill.length]))),
            };
          }
          expect(essence(score(widened))).toEqual(essence(score(reg)));
        },
      ),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Set-up then upgrade on the in-memory Excel fake: users' data is sacred.

type FakeLayout =
  | { kind: 'none' }
  | { kind: 'empty-sheet' }
  | { kind: 'table'; tableName: string; headers: string[]; rows: Scalar[][]; topLeft: string }
  | { kind: 'pasted'; headers: string[]; rows: Scalar[][] }
  | { kind: 'unrelated'; topLeft: string; rows: Scalar[][] };

const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constantFrom('Yes', 'No', 'Held', 'REV-1', '=1+1', '__proto__', 'constructor', ''),
);

function layoutFor(name: TableName): fc.Arbitrary<FakeLayout> {
  const spec = name === 'Settings' ? ['Key', 'Value'] : TABLES.find((t) => t.name === name)!.columns.map((c) => c.header);
  const known = new Set(spec.map((h) => h.toLowerCase()));
  const extra = fc.uniqueArray(
    fc.constantFrom('Notes', 'Cost centre', 'Owner email', '__proto__', 'constructor', 'Row ref', 'Prototype'),
    { maxLength: 2 },
  ).map((xs) => xs.filter((x) => !known.has(x.toLowerCase())));
  const headers = fc
    .tuple(fc.shuffledSubarray(spec, { minLength: 1 }), extra, fc.array(fc.integer(), { maxLength: 4 }))
    .map(([picked, more, keys]) => permute([...picked, ...more], keys));
  const grid = (width: number) => fc.array(fc.array(scalar, { minLength: width, maxLength: width }), { maxLength: 5 });
  const tableLike = headers.chain((h) => fc.tuple(fc.constant(h), grid(h.length)));
  return fc.oneof(
    fc.constant<FakeLayout>({ kind: 'none' }),
    fc.constant<FakeLayout>({ kind: 'empty-sheet' }),
    fc
      .tuple(tableLike, fc.constantFrom('A1', 'B3', 'C2'), fc.constantFrom(name, name, 'Table7'))
      .map(([[h, rows], topLeft, tableName]) => ({ kind: 'table' as const, tableName, headers: h, rows, topLeft })),
    tableLike.map(([h, rows]) => ({ kind: 'pasted' as const, headers: h.map((x, i) => (i % 2 ? x.toUpperCase() : x)), rows })),
    fc.tuple(fc.constantFrom('B2', 'D5'), grid(2)).map(([topLeft, rows]) => ({ kind: 'unrelated' as const, topLeft, rows })),
  );
}

const fakeWorkbook = fc.tuple(
  fc.tuple(...ALL_TABLE_NAMES.map(layoutFor)),
  fc.array(fc.tuple(fc.constantFrom('Notes', '__proto__', 'constructor', 'Dashboard'), scalar), { maxLength: 3 }),
  fc.array(scalar, { maxLength: 3 }),
);

function arrange([layouts, others, farNotes]: [FakeLayout[], [string, Scalar][], Scalar[]]): FakeExcel {
  const fake = new FakeExcel();
  ALL_TABLE_NAMES.forEach((name, i) => {
    const l = layouts[i];
    if (l.kind === 'empty-sheet') fake.addSheet(name);
    if (l.kind === 'table' && !fake.table(l.tableName)) {
      fake.addTable(name, l.tableName, l.headers, l.rows, l.topLeft);
      if (l.topLeft !== 'A1') fake.setCells(name, 'A1', [['My notes above the table']]);
    }
    if (l.kind === 'pasted') fake.setCells(name, 'A1', [l.headers, ...l.rows]);
    if (l.kind === 'unrelated') fake.setCells(name, l.topLeft, l.rows);
    if (l.kind !== 'none' && farNotes.length > 0) {
      // Below a table in its columns: a growing table shifts these down, as Excel does (moved, never lost).
      fake.setCells(name, 'A500', [farNotes]);
      // Beside and below everything set-up touches: these must stay exactly where they are.
      fake.setCells(name, 'AZ500', [farNotes]);
    }
  });
  others.forEach(([sheet, v], k) => fake.setCells(sheet, `C${k + 1}`, [[v]]));
  return fake;
}

/** Every non-blank cell of every sheet by address. */
function everyCell(fake: FakeExcel): Map<string, Scalar> {
  const cells = new Map<string, Scalar>();
  for (const s of fake.sheets) s.values.forEach((row, r) => row?.forEach((v, c) => v !== '' && v !== undefined && cells.set(`${s.name}!R${r + 1}C${c + 1}`, v)));
  return cells;
}

/** Cells below a table in its columns, which Excel shifts down when the table grows. */
const MAY_SHIFT_DOWN = /!R(\d+)C([1-9]|1\d)$/;

/** Pre-existing cells that changed or vanished from their address (cells a table may shift down excepted). */
function changed(before: Map<string, Scalar>, after: Map<string, Scalar>): string[] {
  const out: string[] = [];
  for (const [address, v] of before) {
    const m = MAY_SHIFT_DOWN.exec(address);
    if (m && Number(m[1]) >= 500) continue;
    if (!Object.is(after.get(address), v)) out.push(`${address}: ${String(v)} -> ${String(after.get(address))}`);
  }
  return out;
}

/** Values lost from a sheet, wherever they are now (a multiset comparison: nothing may disappear). */
function lost(before: Map<string, Scalar>, after: Map<string, Scalar>): string[] {
  const tally = new Map<string, number>();
  const keyOf = (address: string, v: Scalar) => `${address.slice(0, address.lastIndexOf('!'))}|${typeof v}|${String(v)}`;
  for (const [address, v] of after) tally.set(keyOf(address, v), (tally.get(keyOf(address, v)) ?? 0) + 1);
  const out: string[] = [];
  for (const [address, v] of before) {
    const k = keyOf(address, v);
    const n = tally.get(k) ?? 0;
    if (n === 0) out.push(`${address}: ${String(v)}`);
    else tally.set(k, n - 1);
  }
  return out;
}

describe('set-up followed by upgrade on the Excel fake', () => {
  it('never removes, moves or changes a pre-existing cell, and a second run changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fakeWorkbook, async (shape) => {
        const fake = arrange(shape);
        const before = everyCell(fake);
        const port = new OfficePort({ run: fake.run });

        await port.setUp();
        const afterSetUp = everyCell(fake);
        expect(changed(before, afterSetUp)).toEqual([]);
        expect(lost(before, afterSetUp)).toEqual([]);

        await port.setUp(); // the upgrade of an already set-up register
        const afterUpgrade = everyCell(fake);
        expect(changed(afterSetUp, afterUpgrade)).toEqual([]);
        expect(lost(afterSetUp, afterUpgrade)).toEqual([]);
        expect(afterUpgrade).toEqual(afterSetUp); // nothing left to add: the upgrade writes nothing
      }),
      { numRuns: 80 },
    );
  });
});
