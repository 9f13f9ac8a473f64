/**
 * Memoisation for the custom functions. A dashboard calls READINESS, RATING, six PILLARs, CRITERIA
 * and GAPS over the same seven tables in one recalculation; Excel hands each call fresh arrays, so
 * identity cannot be the key. Each table is fingerprinted by content (one cheap pass, no copies),
 * the register is parsed once per distinct set of tables, and assess() runs once per (tables,
 * asOf, today). Both caches are small LRUs, so memory stays bounded whatever the workbook does.
 */
import type { EpochDay, RawRegister, Register, Result } from '../domain/types';
import type { RangeValues } from './args';

/** A tiny least-recently-used map: get() refreshes an entry, set() evicts the oldest beyond `limit`. */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('LruCache limit must be at least 1');
  }
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value as K;
      this.map.delete(oldest);
    }
  }
  get size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// Fingerprints: two independent 32-bit multiplicative hashes over every cell (type tag + content),
// plus the range's shape. ~64 bits: an accidental collision between two versions of a table is
// not a practical concern, and no cell is ever copied or stringified as a whole.

// Module-level alias: a global lookup per character is slow in some hosts (e.g. Node's vm, which
// jest uses), and this loop runs over every character of every table.
const imul = Math.imul;
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

const TAG_NULL = 1;
const TAG_STRING = 2;
const TAG_NUMBER = 3;
const TAG_TRUE = 4;
const TAG_FALSE = 5;
const TAG_DATE = 6;
const TAG_ERROR = 7;
const TAG_OTHER = 8;
const TAG_ROW = 9;

class Hasher {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  word(w: number): void {
    this.h1 = imul(this.h1 ^ w, 2654435761);
    this.h2 = imul(this.h2 ^ w, 1597334677);
  }
  text(s: string): void {
    // Two UTF-16 units per step (the length, hashed first, settles an odd last unit).
    const n = s.length;
    let h1 = imul(this.h1 ^ n, 2654435761);
    let h2 = imul(this.h2 ^ n, 1597334677);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h1 = imul(h1 ^ c, 2654435761);
      h2 = imul(h2 ^ c, 1597334677);
    }
    if (i < n) {
      const c = s.charCodeAt(i);
      h1 = imul(h1 ^ c, 2654435761);
      h2 = imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }
  number(n: number): void {
    F64[0] = n;
    this.word(U32[0]);
    this.word(U32[1]);
  }
  digest(): string {
    // Final avalanche (as in cyrb53) so nearby inputs spread over the whole range.
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h1 >>> 0).toString(36) + '.' + (h2 >>> 0).toString(36);
  }
}

function hashCell(h: Hasher, cell: unknown): void {
  switch (typeof cell) {
    case 'string':
      h.word(TAG_STRING);
      h.text(cell);
      return;
    case 'number':
      h.word(TAG_NUMBER);
      h.number(cell);
      return;
    case 'boolean':
      h.word(cell ? TAG_TRUE : TAG_FALSE);
      return;
    case 'undefined':
      h.word(TAG_NULL);
      return;
    case 'object': {
      if (cell === null) {
        h.word(TAG_NULL);
      } else if (cell instanceof Date) {
        h.word(TAG_DATE);
        h.number(cell.getTime());
      } else {
        // Error values: { error: '#N/A' } (xlsx readers) or CustomFunctions.Error { code } (Excel).
        const o = cell as { error?: unknown; code?: unknown; message?: unknown };
        const code = typeof o.error === 'string' ? o.error : typeof o.code === 'string' ? o.code : undefined;
        h.word(code === undefined ? TAG_OTHER : TAG_ERROR);
        h.text(code ?? Object.prototype.toString.call(cell));
      }
      return;
    }
    default:
      h.word(TAG_OTHER);
      h.text(String(cell));
  }
}

/** A content fingerprint of one range: equal for equal contents, whatever the array identity. */
export function fingerprint(range: RangeValues): string {
  const h = new Hasher();
  h.word(range.length);
  for (const row of range) {
    h.word(TAG_ROW);
    h.word(row.length);
    for (const cell of row) hashCell(h, cell);
  }
  return `${range.length}x${range[0]?.length ?? 0}:${h.digest()}`;
}

// ---------------------------------------------------------------------------------------------
// The memoised scorer.

export interface ScoringEngine {
  parse(raw: RawRegister): Register;
  assess(register: Register, options: { asOf?: EpochDay; today: EpochDay }): Result;
  /** Today's date (epoch day) for a register whose as-of date is not given anywhere. */
  today(): EpochDay;
}

export interface ScorerOptions {
  /** Parsed registers kept (each holds every row; a few are plenty for one workbook). */
  registers?: number;
  /** assess() results kept (one per as-of date in use). */
  results?: number;
}

export interface ScorerStats {
  parses: number;
  assessments: number;
  calls: number;
}

export interface Scorer {
  /**
   * The result for these raw tables (already checked by args.ts), keyed by content. `fingerprints`
   * must come from fingerprint() over the same ranges, in the same order.
   */
  score(raw: RawRegister, fingerprints: readonly string[], asOf: EpochDay | undefined): Result;
  readonly stats: Readonly<ScorerStats>;
  clear(): void;
}

export function createScorer(engine: ScoringEngine, options: ScorerOptions = {}): Scorer {
  const registers = new LruCache<string, Register>(options.registers ?? 4);
  const results = new LruCache<string, Result>(options.results ?? 8);
  const stats: ScorerStats = { parses: 0, assessments: 0, calls: 0 };
  return {
    stats,
    score(raw, fingerprints, asOf) {
      stats.calls++;
      const registerKey = fingerprints.join('|');
      const today = engine.today();
      const resultKey = `${registerKey}@${asOf ?? ''}@${today}`;
      const cached = results.get(resultKey);
      if (cached) return cached;
      let register = registers.get(registerKey);
      if (!register) {
        register = engine.parse(raw);
        stats.parses++;
        registers.set(registerKey, register);
      }
      const result = engine.assess(register, asOf === undefined ? { today } : { asOf, today });
      stats.assessments++;
      results.set(resultKey, result);
      return result;
    },
    clear() {
      registers.clear();
      results.clear();
      stats.parses = 0;
      stats.assessments = 0;
      stats.calls = 0;
    },
  };
}
