/**
 * The gaps to close, worst first: not met before partial, then the heavier pillar, then spec
 * order. Used by the CLI's text output, the task pane and the GAPS custom function.
 */
import { CRITERIA } from './criteria';
import { PILLARS } from './schema';
import type { CriterionResult, Result } from './types';

const WEIGHT = new Map<string, number>(PILLARS.map((p) => [p.id, p.weight]));
const SPEC_ORDER = new Map<string, number>(CRITERIA.map((c, i) => [c.id, i]));

export function gaps(result: Result): CriterionResult[] {
  const severity = (c: CriterionResult): number => (c.status === 'not met' ? 0 : 1);
  const order = (c: CriterionResult, fallback: number): number => SPEC_ORDER.get(c.id) ?? CRITERIA.length + fallback;
  return result.criteria
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.status === 'not met' || c.status === 'partial')
    .sort(
      (a, b) =>
        severity(a.c) - severity(b.c) ||
        (WEIGHT.get(b.c.pillar) ?? 0) - (WEIGHT.get(a.c.pillar) ?? 0) ||
        order(a.c, a.i) - order(b.c, b.i),
    )
    .map(({ c }) => c);
}
