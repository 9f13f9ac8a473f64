/**
 * A criterion is data plus one evaluate(): adding a criterion touches one pillar file and the
 * registry. Shared helpers for the common "k of n rows, met ≥ x%, partial ≥ y%" shape live here.
 */
import type { PillarId } from '../schema';
import type { Status } from '../types';
import type { AssessmentContext } from './context';
import { listIds, percent } from './text';

export interface Evaluation {
  status: Status;
  /** One line, with numbers and row IDs a person can act on. */
  reason: string;
  /** IDs (or "Table row n") of the rows that support or defeat the criterion, in sheet order. */
  evidence: string[];
}

export interface Criterion {
  readonly id: string;
  readonly pillar: PillarId;
  readonly title: string;
  /** A concrete next step drawn from the Clause 5.1 guidance. */
  readonly remedy: string;
  evaluate(ctx: AssessmentContext): Evaluation;
}

/**
 * Status of a share k/n against inclusive percentage thresholds, in integer arithmetic
 * (k·100 ≥ pct·n) so that exactly 95% is 95%.
 */
export function shareStatus(k: number, n: number, metPct: number, partialPct: number): Status {
  if (k * 100 >= metPct * n) return 'met';
  if (k * 100 >= partialPct * n) return 'partial';
  return 'not met';
}

export interface ShareReason {
  k: number;
  n: number;
  /** e.g. "decisions in the window (not Cancelled)" */
  subject: string;
  /** e.g. "have an Owner and a Due date" */
  predicate: string;
  metPct: number;
  /** Rows that fall short, in sheet order. */
  failing: readonly string[];
  /** How the shortfall reads, given the listed IDs: e.g. (ids) => `missing: ${ids}` or `${ids} did not`. */
  describeFailing: (ids: string) => string;
}

/** "18 of 20 decisions … have an Owner and a Due date (90%; met needs ≥95%); missing: DEC-3 and DEC-9." */
export function shareReason(r: ShareReason): string {
  const met = r.k * 100 >= r.metPct * r.n;
  const needs = r.metPct === 100 ? 'met needs all' : `met needs ≥${r.metPct}%`;
  const share = met ? percent(r.k, r.n) : `${percent(r.k, r.n)}; ${needs}`;
  const tail = r.failing.length > 0 ? `; ${r.describeFailing(listIds(r.failing))}` : '';
  return `${r.k} of ${r.n} ${r.subject} ${r.predicate} (${share})${tail}.`;
}
