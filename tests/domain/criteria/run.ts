/** Shared by the per-pillar criterion tests: score a built register and pick one criterion. */
import { assess } from '../../../src/domain/assess';
import type { CriterionResult, EpochDay, Register } from '../../../src/domain/types';
import { day } from '../../support/register-builder';

/** The as-of date used throughout; with the default 365-day lookback the window is (2025-06-30, 2026-06-30]. */
export const AS_OF: EpochDay = day('2026-06-30');
/** A top-management person most tests add with `.executive(ANN)` or `.owner(ANN)`. */
export const ANN = 'Ann Lee';

export function evaluate(register: Register, id: string, asOf: EpochDay = AS_OF): CriterionResult {
  // today is far away so that a test passing asOf proves asOf is what counts.
  const found = assess(register, { asOf, today: asOf + 1000 }).criteria.find((c) => c.id === id);
  if (!found) throw new Error(`No criterion ${id} in the result`);
  return found;
}
