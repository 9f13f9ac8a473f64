/**
 * The engine in steps (src/domain/steps.ts): parseRegisterSteps and assessSteps give exactly
 * what parseRegister and assess give, however they are driven (straight through, one step at
 * a time, two runs interleaved), and their progress goes 0 → total one unit at a time.
 */
import fc from 'fast-check';
import { assess, assessSteps } from '../../src/domain/assess';
import { buildContext } from '../../src/domain/criteria/context';
import { CRITERIA } from '../../src/domain/criteria';
import { parseRegister, parseRegisterSteps } from '../../src/domain/register';
import { TABLE_NAMES, tableSpec, type EvidenceTableName } from '../../src/domain/schema';
import { ROWS_PER_STEP, nested, runSteps, slicesOf, type StepProgress, type Steps } from '../../src/domain/steps';
import type { RawRegister, RawTable } from '../../src/domain/types';
import { day, registerBuilder } from '../support/register-builder';
import { priyaRegister } from '../taskpane/register-fixture';

const AS_OF = day('2026-06-30');

/** Drive steps one next() at a time, keeping every progress record. */
function drive<T>(steps: Steps<T>): { value: T; records: StepProgress[] } {
  const records: StepProgress[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, records };
    records.push(next.value);
  }
}

/** 0, 1, 2 … total, one record per unit plus the last; one total throughout; a label on each. */
function expectWellFormed(records: readonly StepProgress[]): void {
  expect(records.length).toBeGreaterThan(1);
  const total = records[0].total;
  expect(records.map((r) => r.done)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
  for (const r of records) {
    expect(r.total).toBe(total);
    expect(r.label.trim()).not.toBe('');
  }
}

const headers = (name: EvidenceTableName): string[] => tableSpec(name).columns.map((c) => c.header);

/** A raw register with every table and Settings, built from rows keyed by header. */
function rawRegister(tables: Partial<Record<EvidenceTableName, unknown[][]>> = {}): RawRegister {
  const raw: RawRegister = { Settings: { values: [['Key', 'Value'], ['Assessment date', '2026-06-30']] } };
  for (const name of TABLE_NAMES) raw[name] = { values: [headers(name), ...(tables[name] ?? [])] };
  return raw;
}

/** `n` Decisions rows as cells in header order (ID, Decided on, Source, …). */
function decisionRows(n: number, make: (i: number) => Record<string, unknown>): unknown[][] {
  const h = headers('Decisions');
  return Array.from({ length: n }, (_, i) => {
    const r = make(i);
    return h.map((x) => (x in r ? r[x] : null));
  });
}

describe('parseRegisterSteps', () => {
  test('the same Register as parseRegister, straight through or a step at a time', () => {
    for (const raw of [priyaRegister(), rawRegister(), {}, { Reviews: { values: 'junk' } } as unknown as RawRegister]) {
      const { value, records } = drive(parseRegisterSteps(raw));
      expect(value).toEqual(parseRegister(raw));
      expect(runSteps(parseRegisterSteps(raw))).toEqual(value);
      expectWellFormed(records);
    }
  });

  test('labels say what runs next: each table, Settings, each table’s links, then done', () => {
    const { records } = drive(parseRegisterSteps(priyaRegister()));
    expect(records.map((r) => r.label)).toEqual([
      'Checking Accountabilities',
      'Checking Reviews',
      'Checking Decisions',
      'Checking Resources',
      'Checking Communications',
      'Checking Escalations',
      'Reading Settings',
      'Checking links in Decisions',
      'Checking links in Resources',
      'Checking links in Communications',
      'Checking links in Escalations',
      'Register checked',
    ]);
  });

  test(`a large table is read and its links checked ${ROWS_PER_STEP} rows a step; state carries across steps`, () => {
    const n = 2 * ROWS_PER_STEP + 10;
    // A blank run and a duplicate ID that straddle the first slice boundary, and a dangling link in the last slice.
    const edge = ROWS_PER_STEP; // data row index whose worksheet row is ROWS_PER_STEP + 2
    const rows = decisionRows(n, (i) => ({
      ID: i === edge + 3 ? 'DEC-1' : `DEC-${i + 1}`,
      Decision: 'x',
      Source: i === n - 1 ? 'REV-404' : null,
    }));
    for (let i = edge - 2; i < edge + 2; i++) rows[i] = rows[i].map(() => null);
    const raw = rawRegister({ Decisions: rows });
    const { value, records } = drive(parseRegisterSteps(raw));
    expectWellFormed(records);
    expect(records.filter((r) => r.label === 'Checking Decisions')).toHaveLength(slicesOf(n));
    expect(records.filter((r) => r.label === 'Checking links in Decisions')).toHaveLength(slicesOf(n));
    // JSON: toEqual is slow on 50,000 rows (the Set of IDs is compared on its own).
    const whole = parseRegister(raw);
    expect(JSON.stringify(value)).toBe(JSON.stringify(whole));
    expect([...value.ids]).toEqual([...whole.ids]);

    const decisions = value.issues.filter((i) => i.table === 'Decisions');
    // Worksheet row = data index + 2 (header on row 1).
    expect(decisions).toEqual([
      { table: 'Decisions', row: edge, column: null, message: `Rows ${edge}–${edge + 3} are blank (4 rows) and were skipped; delete them or fill them in` },
      expect.objectContaining({ row: edge + 5, column: 'ID', message: 'Duplicate ID DEC-1 (also on row 2); give this row a new ID' }),
      expect.objectContaining({ row: n + 1, column: 'Source', cell: `C${n + 1}`, message: "'REV-404' does not exist; use the ID of an existing row" }),
    ]);
    expect(value.tables.Decisions).toHaveLength(n - 4);
  });

  test('two registers parsed in interleaved steps do not share state', () => {
    const a = priyaRegister();
    const b = rawRegister({ Decisions: decisionRows(3, (i) => ({ ID: `DEC-${i + 1}`, Decision: 'y', Source: 'ESC-9' })) });
    const ga = parseRegisterSteps(a);
    const gb = parseRegisterSteps(b);
    let ra: IteratorResult<StepProgress, unknown>;
    let rb: IteratorResult<StepProgress, unknown>;
    do {
      ra = ga.next();
      rb = gb.next();
    } while (!ra.done || !rb.done);
    expect(ra.value).toEqual(parseRegister(a));
    expect(rb.value).toEqual(parseRegister(b));
  });

  test('random raw registers: same Register, well-formed progress', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.constantFrom('', 'REV-1', 'rev-2', 'DEC-1', 'ESC-1', 'COM-1', 'XYZ-9', 'Yes', 'Held', 'Done', 'Ann', '2026-01-15', 'Q3'),
      fc.integer({ min: 45000, max: 46300 }),
      fc.boolean(),
    );
    const table = (name: EvidenceTableName) =>
      fc.option(
        fc.array(fc.array(cell, { maxLength: 15 }), { maxLength: 8 }).map((rows): RawTable => ({ values: [headers(name), ...rows] })),
        { nil: undefined, freq: 5 },
      );
    fc.assert(
      fc.property(fc.record(Object.fromEntries(TABLE_NAMES.map((t) => [t, table(t)])) as Record<EvidenceTableName, fc.Arbitrary<RawTable | undefined>>, { requiredKeys: [] }), (raw) => {
        const { value, records } = drive(parseRegisterSteps(raw as RawRegister));
        expectWellFormed(records);
        expect(value).toEqual(parseRegister(raw as RawRegister));
      }),
      { numRuns: 150 },
    );
  });
});

describe('assessSteps', () => {
  const registers = {
    priya: () => parseRegister(priyaRegister()),
    empty: () => registerBuilder().build(),
    busy: () =>
      registerBuilder()
        .owner('Ann', { documentedIn: 'Charter', documentLink: 'x', acceptedOn: AS_OF - 100 })
        .review({ heldOn: AS_OF - 30, chair: 'Ann', topManagementPresent: ['Ann'], inputsCovered: ['Trends'] })
        .decision({ decidedOn: AS_OF - 30, source: 'REV-1', owner: 'Bo', dueDate: AS_OF + 10, status: 'Open' })
        .escalation({ raisedOn: AS_OF - 60, trigger: 'SLA miss', decision: 'DEC-1', escalatedTo: 'Ann' })
        .communication({ sentOn: AS_OF - 50, from: 'Ann', linkedItem: 'esc-1', expectation: 'x' })
        .build(),
    noEscalations: () => registerBuilder().owner('Ann').communication({ sentOn: AS_OF - 5, from: 'Ann', linkedItem: 'DEC-1' }).build(),
  };

  test.each(Object.keys(registers) as (keyof typeof registers)[])('%s: the same Result as assess, with well-formed progress', (name) => {
    const register = registers[name]();
    for (const options of [{ today: AS_OF }, { today: AS_OF, asOf: AS_OF - 200 }]) {
      const { value, records } = drive(assessSteps(register, options));
      expect(value).toEqual(assess(register, options));
      expectWellFormed(records);
      const labels = records.map((r) => r.label);
      expect(labels[0]).toBe('Preparing the assessment');
      expect(labels.filter((l) => l.startsWith('Scoring '))).toEqual(CRITERIA.map((c) => `Scoring ${c.id}`));
      expect(labels.slice(-2)).toEqual(['Answering the auditor questions', 'Scored']);
    }
  });

  test('large tables: the context indexes Decisions and Communications in slices', () => {
    const b = registerBuilder().owner('Ann').escalation({ raisedOn: AS_OF - 40, decision: 'DEC-7' });
    b.many('Decisions', ROWS_PER_STEP + 1, (i) => ({ decidedOn: AS_OF - (i % 300), owner: 'Bo' }));
    b.many('Communications', ROWS_PER_STEP + 1, (i) =>
      i === ROWS_PER_STEP ? { sentOn: AS_OF - 35, from: 'Ann', linkedItem: 'DEC-7' } : { sentOn: AS_OF - (i % 300), from: 'Ann' },
    );
    const register = b.build();
    const { value, records } = drive(assessSteps(register, { today: AS_OF }));
    expectWellFormed(records);
    // 1 for the window and filters, 2 slices of Decisions, 2 of Communications.
    expect(records.filter((r) => r.label === 'Preparing the assessment')).toHaveLength(5);
    expect(value).toEqual(assess(register, { today: AS_OF }));
    // The one linked communication sits in the second slice and still counts.
    expect(value.criteria.find((c) => c.id === 'COM-3')?.status).toBe('met');
  });

  test('linked communications are found however the context was built (index built on first use without escalations)', () => {
    const register = registerBuilder().communication({ sentOn: AS_OF - 5, linkedItem: ' dec-1 ' }).communication({ sentOn: AS_OF - 9, linkedItem: 'DEC-1' }).build();
    const ctx = buildContext(register, AS_OF);
    expect(ctx.linkedCommunicationSent('DEC-1', AS_OF - 9, AS_OF - 9)).toBe(true);
    expect(ctx.linkedCommunicationSent('dec-1', AS_OF - 8, AS_OF - 6)).toBe(false);
    expect(ctx.linkedCommunicationSent('DEC-1', AS_OF - 6, AS_OF)).toBe(true);
    expect(ctx.linkedCommunicationSent('DEC-2', AS_OF - 100, AS_OF)).toBe(false);
  });
});

describe('nested', () => {
  test('passes records on rebased, without the inner last one, and returns the inner answer', () => {
    function* inner(): Steps<string> {
      yield { done: 0, total: 2, label: 'a' };
      yield { done: 1, total: 2, label: 'b' };
      yield { done: 2, total: 2, label: 'inner done' };
      return 'answer';
    }
    const { value, records } = drive(nested(inner(), 3, 10));
    expect(value).toBe('answer');
    expect(records).toEqual([
      { done: 3, total: 10, label: 'a' },
      { done: 4, total: 10, label: 'b' },
    ]);
  });
});
