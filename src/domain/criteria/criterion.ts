/**
 * A criterion is data plus one evaluate(): adding a criterion touches one pillar file and the
 * registry. Shared helpers for the common "k of n rows, met ≥ x%, partial ≥ y%" shape live here.
 */
import type { PillarId } from '../schema';
import type { Status } from '../types';
import type { AssessmentContext } from './context';
import { listIds, MAX_IDS_IN_REASON, percent } from './text';

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

interface ShareBase {
  k: number;
  n: number;
  /** e.g. "decisions in the window (not Cancelled)" */
  subject: string;
  /** e.g. "have an Owner and a Due date" */
  predicate: string;
  metPct: number;
  /** Rows that fall short, in sheet order. */
  failing: readonly string[];
}

export type ShareReason = ShareBase &
  (
    | {
        /** How the shortfall reads, given the listed IDs: e.g. (ids) => `missing: ${ids}` or `${ids} did not`. */
        describeFailing: (ids: string) => string;
        failingGroups?: never;
      }
    | {
        /**
         * When rows fall short for different reasons that need their own words (a blank link, a
         * link to nothing…): the shortfall as groups, read in this order. Their items together
         * are the failing rows.
         */
        failingGroups: readonly FailingGroup[];
        describeFailing?: never;
      }
  );

export interface FailingGroup {
  /** Row handles, or short phrases naming them ("ESC-3's Decision DEC-7"), in sheet order. */
  readonly items: readonly string[];
  /** How the group reads, given its listed items and how many there are (for singular or plural). */
  describe(items: string, n: number): string;
}

/**
 * "nothing recorded for ESC-2; ESC-3's Decision DEC-7 does not exist". The groups share the
 * reason's budget of IDs; each non-empty group names at least one item.
 */
function describeGroups(groups: readonly FailingGroup[]): string {
  let budget = MAX_IDS_IN_REASON;
  const parts: string[] = [];
  for (const g of groups) {
    if (g.items.length === 0) continue;
    const max = Math.max(1, budget);
    parts.push(g.describe(listIds(g.items, max), g.items.length));
    budget -= Math.min(g.items.length, max);
  }
  return parts.join('; ');
}

/** "18 of 20 decisions … have an Owner and a Due date (90%; met needs ≥95%); missing: DEC-3 and DEC-9." */
export function shareReason(r: ShareReason): string {
  const met = r.k * 100 >= r.metPct * r.n;
  const needs = r.metPct === 100 ? 'met needs all' : `met needs ≥${r.metPct}%`;
  const share = met ? percent(r.k, r.n) : `${percent(r.k, r.n)}; ${needs}`;
  const tail =
    r.failing.length === 0 ? '' : `; ${r.failingGroups !== undefined ? describeGroups(r.failingGroups) : r.describeFailing(listIds(r.failing))}`;
  return `${r.k} of ${r.n} ${r.subject} ${r.predicate} (${share})${tail}.`;
}
