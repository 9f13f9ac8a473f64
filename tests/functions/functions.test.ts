import { parseRegister } from '../../src/domain/register';
import { assess } from '../../src/domain/assess';
import { gaps } from '../../src/domain/gaps';
import { fromIsoText } from '../../src/domain/dates';
import { PILLARS } from '../../src/domain/schema';
import type { EpochDay, Result } from '../../src/domain/types';
import { criteria, explain, gapsTable, pillarScore, rating, readiness, useEngine, localToday, defaultEngine } from '../../src/functions/functions';
import { FunctionError } from '../../src/functions/errors';
import { NO_GAPS_TEXT } from '../../src/functions/outputs';
import { ROWS, headersOf, ranges, rawRegister, serial, tableRange, type Row } from './raw-register';

type Tables = [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]];
const TODAY: EpochDay = fromIsoText('2026-07-15')!;

function tables(t: unknown[][][] = ranges()): Tables {
  return t as Tables;
}

/** What the engine says for the same data, without the functions in between. */
function expected(asOf?: EpochDay, t: unknown[][][] = ranges()): Result {
  return assess(parseRegister(rawRegister(t)), asOf === undefined ? { today: TODAY } : { asOf, today: TODAY });
}

/** The thrown error's message (and that it is a FunctionError: no CustomFunctions in jest). */
function failure(fn: () => unknown): FunctionError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FunctionError);
    return err as FunctionError;
  }
  throw new Error('expected the function to throw');
}

beforeEach(() => {
  useEngine({ ...defaultEngine, today: () => TODAY });
});

afterAll(() => {
  useEngine();
});

describe('results agree with assess(parseRegister(raw))', () => {
  const asOf = serial('2026-06-30');
  const want = expected(fromIsoText('2026-06-30')!);

  test('the fixture is not trivial: a mix of statuses, some gaps, an Amber-or-Red score', () => {
    const statuses = new Set(want.criteria.map((c) => c.status));
    expect(statuses.has('met')).toBe(true);
    expect(statuses.has('not met')).toBe(true);
    expect(gaps(want).length).toBeGreaterThan(3);
    expect(want.readiness).toBeGreaterThan(0);
    expect(want.readiness).toBeLessThan(100);
  });

  test('READINESS and RATING', () => {
    expect(readiness(...tables(), asOf)).toBe(want.readiness);
    expect(rating(...tables(), asOf)).toBe(want.rating);
  });

  test('PILLAR for each of the six pillars, names matched loosely', () => {
    for (const p of want.pillars) {
      if (p.score === null) {
        expect(failure(() => pillarScore(p.id, ...tables(), asOf)).code).toBe('#N/A');
      } else {
        expect(pillarScore(p.id, ...tables(), asOf)).toBe(p.score);
      }
    }
    const follow = want.pillars.find((p) => p.id === 'Follow-through')!;
    if (follow.score !== null) expect(pillarScore(' follow through ', ...tables(), asOf)).toBe(follow.score);
  });

  test('CRITERIA spills 22 rows of ID, pillar, title, status, score, reason, evidence', () => {
    const rows = criteria(...tables(), asOf);
    expect(rows).toHaveLength(22);
    expect(rows.map((r) => r.length)).toEqual(Array(22).fill(7));
    expect(rows).toEqual(want.criteria.map((c) => [c.id, c.pillar, c.title, c.status, c.score ?? '', c.reason, c.evidence.join(', ')]));
  });

  test('GAPS spills the gaps worst first, with remedies', () => {
    const rows = gapsTable(...tables(), asOf);
    expect(rows).toEqual(gaps(want).map((c) => [c.id, c.pillar, c.title, c.status, c.reason, c.remedy]));
    expect(rows[0][3]).toBe('not met');
  });

  test('EXPLAIN gives status, reason and, for a gap, the next step', () => {
    for (const c of want.criteria) {
      const text = explain(c.id.toLowerCase(), ...tables(), asOf);
      expect(text.startsWith(`${c.id} ${c.title}: ${c.status} — `)).toBe(true);
      expect(text).toContain(c.reason.trim().replace(/\.$/, ''));
      if (c.status === 'not met' || c.status === 'partial') expect(text).toContain(`Next step: ${c.remedy}`);
      else expect(text).not.toContain('Next step');
    }
  });

  test('without asOf, Settings › Assessment date is used; a blank cell (0) counts as not given', () => {
    expect(readiness(...tables())).toBe(expected(undefined).readiness);
    expect(readiness(...tables(), 0)).toBe(expected(undefined).readiness);
    expect(expected(undefined).asOf).toBe('2026-06-30');
  });

  test('a different asOf gives that date’s result', () => {
    const early = serial('2026-01-31');
    const wantEarly = expected(fromIsoText('2026-01-31')!);
    expect(readiness(...tables(), early)).toBe(wantEarly.readiness);
    expect(wantEarly.readiness).not.toBe(want.readiness);
  });

  test('with neither asOf nor Settings date, today is used', () => {
    const rows = { ...ROWS, Settings: ROWS.Settings.filter((r) => r.Key !== 'Assessment date') };
    const t = ranges(rows);
    expect(readiness(...tables(t))).toBe(expected(undefined, t).readiness);
    expect(expected(undefined, t).asOf).toBe('2026-07-15');
  });

  test('columns in another order, extra user columns: same answers', () => {
    const shuffled = ranges().map((range) => {
      const order = range[0].map((_, i) => i).reverse();
      return range.map((row, r) => [...order.map((i) => row[i]), r === 0 ? 'My notes' : 'x']);
    });
    expect(readiness(...tables(shuffled), asOf)).toBe(want.readiness);
    expect(criteria(...tables(shuffled), asOf)).toEqual(criteria(...tables(), asOf));
  });

  test('GAPS shows one message row when nothing is open', () => {
    const perfect = { ...want, criteria: want.criteria.map((c) => ({ ...c, status: 'met' as const, score: 1 })) };
    useEngine({ parse: parseRegister, assess: () => perfect, today: () => TODAY });
    expect(gapsTable(...tables(), asOf)).toEqual([['', '', NO_GAPS_TEXT, '', '', '']]);
  });
});

describe('arguments that cannot be the register give #VALUE! naming table and column', () => {
  function withTable(index: number, range: unknown): Tables {
    const t = ranges();
    t[index] = range as unknown[][];
    return tables(t);
  }

  test('a missing required header', () => {
    const headers = headersOf('Decisions').filter((h) => h !== 'Due date');
    const t = withTable(2, tableRange(headers, ROWS.Decisions));
    const err = failure(() => readiness(...t));
    expect(err.message).toBe("Decisions: column 'Due date' not found — pass the table with its header row, e.g. Decisions[#All]");
    expect(err.code).toBe('#VALUE!');
  });

  test('a range without its header row (Decisions[] instead of Decisions[#All])', () => {
    const t = withTable(2, ranges()[2].slice(1));
    expect(failure(() => rating(...t)).message).toBe(
      "Decisions: column 'ID' not found — the first row is not the header row; pass the table with its header row, e.g. Decisions[#All]",
    );
  });

  test('Settings without its header row', () => {
    const t = withTable(6, ranges()[6].slice(1));
    expect(failure(() => readiness(...t)).message).toMatch(/^Settings: column 'Key' not found — the first row is not the header row/);
  });

  test('an empty range or a single blank cell', () => {
    expect(failure(() => readiness(...withTable(0, [['']]))).message).toBe(
      'Accountabilities: the range is empty — pass the table with its header row, e.g. Accountabilities[#All]',
    );
    expect(failure(() => readiness(...withTable(1, [[null, null], [null, '  ']]))).message).toMatch(/^Reviews: the range is empty/);
    expect(failure(() => readiness(...withTable(1, []))).message).toMatch(/^Reviews: expected a range of cells/);
    expect(failure(() => readiness(...withTable(1, 'Reviews'))).message).toMatch(/^Reviews: expected a range of cells/);
  });

  test('tables passed in the wrong order', () => {
    const t = ranges();
    [t[1], t[2]] = [t[2], t[1]];
    expect(failure(() => readiness(...tables(t))).message).toBe(
      'Reviews: got the Decisions table instead — pass the tables in the order Accountabilities, Reviews, Decisions, Resources, Communications, Escalations, Settings, e.g. Reviews[#All]',
    );
  });

  test('headers match case-insensitively with spaces trimmed', () => {
    const t = ranges();
    t[2][0] = t[2][0].map((h) => `  ${String(h).toUpperCase()} `);
    expect(readiness(...tables(t), serial('2026-06-30'))).toBe(expected(fromIsoText('2026-06-30')!).readiness);
  });

  test('an unknown pillar or criterion, a bad asOf', () => {
    expect(failure(() => pillarScore('Leadership', ...tables())).message).toBe(
      "pillar: 'Leadership' is not a pillar — use one of " + PILLARS.map((p) => p.id).join(', '),
    );
    expect(failure(() => explain('GOV-9', ...tables())).message).toMatch(/^criterion: 'GOV-9' is not a criterion ID — use one of ACC-1, /);
    expect(failure(() => readiness(...tables(), -5)).message).toMatch(/^asOf: -5 is not a date/);
    expect(failure(() => readiness(...tables(), Number.NaN)).message).toMatch(/^asOf: NaN is not a date/);
  });

  test('inside Excel the error is a CustomFunctions.Error with the same message', () => {
    class FakeCfError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const g = globalThis as { CustomFunctions?: unknown };
    const saved = g.CustomFunctions;
    g.CustomFunctions = { associate: () => undefined, Error: FakeCfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
    try {
      const headers = headersOf('Escalations').filter((h) => h !== 'Raised on');
      const t = ranges();
      t[5] = tableRange(headers, ROWS.Escalations);
      let thrown: unknown;
      try {
        readiness(...tables(t));
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(FakeCfError);
      expect((thrown as FakeCfError).code).toBe('#VALUE!');
      expect((thrown as FakeCfError).message).toBe("Escalations: column 'Raised on' not found — pass the table with its header row, e.g. Escalations[#All]");
    } finally {
      g.CustomFunctions = saved;
    }
  });
});

describe('memoisation across a dashboard recalculation', () => {
  function spiedEngine() {
    const parse = jest.fn(parseRegister);
    const assessSpy = jest.fn(assess);
    const scorer = useEngine({ parse, assess: assessSpy, today: () => TODAY });
    return { parse, assess: assessSpy, scorer };
  }

  /** Every function of the dashboard, each handed fresh arrays (as Excel does). */
  function dashboard(asOf?: number, rows: Record<string, Row[]> = ROWS) {
    const fresh = () => tables(ranges(rows as typeof ROWS));
    readiness(...fresh(), asOf);
    rating(...fresh(), asOf);
    for (const p of PILLARS) {
      try {
        pillarScore(p.id, ...fresh(), asOf);
      } catch (err) {
        expect((err as FunctionError).code).toBe('#N/A'); // an n/a pillar is fine here
      }
    }
    criteria(...fresh(), asOf);
    gapsTable(...fresh(), asOf);
    explain('GOV-4', ...fresh(), asOf);
  }

  test('READINESS + RATING + 6×PILLAR + CRITERIA + GAPS + EXPLAIN parse and assess once', () => {
    const { parse, assess: assessSpy, scorer } = spiedEngine();
    dashboard(serial('2026-06-30'));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(assessSpy).toHaveBeenCalledTimes(1);
    expect(scorer.stats.calls).toBe(11);
  });

  test('a changed cell re-parses; another asOf re-assesses without re-parsing', () => {
    const { parse, assess: assessSpy } = spiedEngine();
    dashboard(serial('2026-06-30'));
    dashboard(serial('2026-05-31'));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(assessSpy).toHaveBeenCalledTimes(2);

    const changed = { ...ROWS, Decisions: ROWS.Decisions.map((r) => (r.ID === 'DEC-3' ? { ...r, Status: 'Done' } : r)) };
    dashboard(serial('2026-06-30'), changed);
    expect(parse).toHaveBeenCalledTimes(2);
    expect(assessSpy).toHaveBeenCalledTimes(3);

    // Back to the original tables: still cached.
    dashboard(serial('2026-06-30'));
    expect(parse).toHaveBeenCalledTimes(2);
    expect(assessSpy).toHaveBeenCalledTimes(3);
  });

  test('a new day re-assesses (today is part of the key)', () => {
    let today = TODAY;
    const assessSpy = jest.fn(assess);
    useEngine({ parse: parseRegister, assess: assessSpy, today: () => today });
    readiness(...tables());
    readiness(...tables());
    today += 1;
    readiness(...tables());
    expect(assessSpy).toHaveBeenCalledTimes(2);
  });

  test('a bad table fails before anything is parsed', () => {
    const { parse } = spiedEngine();
    const t = ranges();
    t[3] = t[3].slice(1);
    expect(() => readiness(...tables(t))).toThrow(FunctionError);
    expect(parse).not.toHaveBeenCalled();
  });
});

test('localToday is the local calendar date, as Excel’s TODAY()', () => {
  const now = new Date(2026, 5, 30, 23, 59); // local time
  expect(localToday(now)).toBe(fromIsoText('2026-06-30'));
});
