import { LruCache, createScorer, fingerprint, type ScoringEngine } from '../../src/functions/memo';
import type { Register, Result } from '../../src/domain/types';

describe('fingerprint', () => {
  const base = (): unknown[][] => [
    ['ID', 'Held on', 'Status'],
    ['REV-1', 46000, 'Held'],
    ['REV-2', '', true],
  ];

  test('equal contents give equal prints, whatever the array identity', () => {
    expect(fingerprint(base())).toBe(fingerprint(base()));
  });

  test('any change of value, type, shape or position changes the print', () => {
    const prints = new Set<string>([fingerprint(base())]);
    const variants: ((r: unknown[][]) => void)[] = [
      (r) => (r[1][1] = 46001),
      (r) => (r[1][1] = '46000'), // same text, other type
      (r) => (r[2][1] = null), // blank as null vs ""
      (r) => (r[2][2] = false),
      (r) => (r[2][2] = 'true'),
      (r) => (r[1][0] = 'REV-1 '),
      (r) => (r[1][1] = 46000.5),
      (r) => (r[1][1] = -0 * 1 + 0.1 + 0.2), // 0.30000000000000004
      (r) => r.push(['', '', '']), // a trailing blank row still changes the print
      (r) => r[0].push('Notes'),
      (r) => ([r[1], r[2]] = [r[2], r[1]]), // row order
      (r) => ([r[1][0], r[1][2]] = [r[1][2], r[1][0]]), // cell order within a row
      (r) => (r[1][1] = new Date(Date.UTC(2025, 11, 8))),
      (r) => (r[1][1] = { error: '#N/A' }),
      (r) => (r[1][1] = { code: '#REF!' }),
      (r) => (r[0][0] = 'ID\u0000'),
    ];
    for (const change of variants) {
      const r = base();
      change(r);
      prints.add(fingerprint(r));
    }
    expect(prints.size).toBe(variants.length + 1);
  });

  test('a row boundary is part of the print: [[a,b],[c]] ≠ [[a],[b,c]]', () => {
    expect(fingerprint([['a', 'b'], ['c']])).not.toBe(fingerprint([['a'], ['b', 'c']]));
  });

  test('Dates with equal time print the same', () => {
    expect(fingerprint([[new Date(0)]])).toBe(fingerprint([[new Date(0)]]));
  });
});

describe('LruCache', () => {
  test('keeps at most `limit` entries and evicts the least recently used', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.size).toBe(2);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  test('a limit below 1 is refused', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});

describe('createScorer', () => {
  const fakeRegister = (n: number) => ({ n }) as unknown as Register;
  const fakeResult = (n: number, asOf: number | undefined, today: number) => ({ n, asOf, today }) as unknown as Result;

  function engine() {
    let parses = 0;
    const calls: { asOf?: number; today: number }[] = [];
    const e: ScoringEngine = {
      parse: () => fakeRegister(++parses),
      assess: (reg, opts) => {
        calls.push(opts);
        return fakeResult((reg as unknown as { n: number }).n, opts.asOf, opts.today);
      },
      today: () => 100,
    };
    return { e, calls, parses: () => parses };
  }

  test('one parse per register key, one assess per (key, asOf, today)', () => {
    const { e, calls, parses } = engine();
    const s = createScorer(e);
    const r1 = s.score({}, ['a', 'b'], 5);
    expect(s.score({}, ['a', 'b'], 5)).toBe(r1);
    s.score({}, ['a', 'b'], undefined);
    expect(parses()).toBe(1);
    expect(calls).toEqual([{ asOf: 5, today: 100 }, { today: 100 }]);
    s.score({}, ['a', 'c'], 5);
    expect(parses()).toBe(2);
    expect(s.stats).toEqual({ parses: 2, assessments: 3, calls: 4 });
  });

  test('memory stays bounded: old registers and results are evicted', () => {
    const { e, parses } = engine();
    const s = createScorer(e, { registers: 2, results: 2 });
    s.score({}, ['1'], 1);
    s.score({}, ['2'], 1);
    s.score({}, ['3'], 1);
    s.score({}, ['1'], 1); // evicted from both caches → parsed again
    expect(parses()).toBe(4);
  });

  test('clear() forgets everything', () => {
    const { e, parses } = engine();
    const s = createScorer(e);
    s.score({}, ['x'], 1);
    s.clear();
    s.score({}, ['x'], 1);
    expect(parses()).toBe(2);
  });
});
