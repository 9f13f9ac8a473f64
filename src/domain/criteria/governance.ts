/**
 * Governance pillar (spec §2, GOV-1…GOV-5): top management reviews the SMS on cadence,
 * attends, covers the required inputs, decides, and keeps minutes.
 */
import { toIso } from '../dates';
import type { ReviewRow } from '../types';
import type { AssessmentContext } from './context';
import { idKey } from './context';
import { shareReason, shareStatus, type Criterion } from './criterion';
import { anyMatches, matchesName } from './people';
import { count, days, filled, listIds, percent, rowLabelWithNote } from './text';
import { DECISION_GRACE_DAYS, expectedCount, recentEnough } from './window';

const NO_HELD_REVIEW = (ctx: AssessmentContext): string =>
  `No held review in the window (${toIso(ctx.window.start + 1)} to ${toIso(ctx.asOf)}).`;

export const GOV_1: Criterion = {
  id: 'GOV-1',
  pillar: 'Governance',
  title: 'Reviews on cadence',
  remedy:
    'Hold a top-management review of SMS performance at the set cadence (Settings › Review cadence days) and record each one in Reviews with its Held on date.',
  evaluate(ctx) {
    const label = ctx.labelOf('Reviews');
    const held = ctx.heldReviewsInWindow;
    const cadence = ctx.settings.reviewCadenceDays;
    const expected = expectedCount(ctx.settings.lookbackDays, cadence);
    const plan = `${expected} expected, one every ${days(cadence)} days`;
    if (held.length === 0) {
      return { status: 'not met', reason: `No held review in the window (${toIso(ctx.window.start + 1)} to ${toIso(ctx.asOf)}); ${plan}.`, evidence: [] };
    }
    let last = held[0];
    for (const r of held) if ((r.heldOn as number) > (last.heldOn as number)) last = r;
    const gap = ctx.asOf - (last.heldOn as number);
    const enough = held.length >= expected;
    const recent = recentEnough(ctx.asOf, last.heldOn as number, cadence);
    const problems: string[] = [];
    if (!enough) problems.push('too few reviews');
    if (!recent) problems.push('the last review is too long ago');
    return {
      status: enough && recent ? 'met' : 'partial',
      reason:
        `${count(held.length, 'held review')} in the window (${plan}); the last, ${label(last)} on ${toIso(last.heldOn as number)}, ` +
        `was ${count(gap, 'day')} before as-of (limit ${days(1.25 * cadence)})${problems.length > 0 ? `: ${problems.join(' and ')}` : ''}.`,
      evidence: held.map(label),
    };
  },
};

export const GOV_2: Criterion = {
  id: 'GOV-2',
  pillar: 'Governance',
  title: 'Top management attends',
  remedy:
    'Make sure at least one top-management member chairs or attends every management review, and list them in Top management present.',
  evaluate(ctx) {
    const label = ctx.labelOf('Reviews');
    const held = ctx.heldReviewsInWindow;
    if (held.length === 0) return { status: 'not met', reason: NO_HELD_REVIEW(ctx), evidence: [] };
    // The Chair is a person cell matched against top management (spec §2), so a top-management chair attends.
    const attended = (r: ReviewRow): boolean => matchesName(ctx.topManagement, r.chair) || anyMatches(ctx.topManagement, r.topManagementPresent);
    const failing = held.filter((r) => !attended(r)).map(label);
    const k = held.length - failing.length;
    return {
      status: shareStatus(k, held.length, 100, 50),
      reason: shareReason({
        k,
        n: held.length,
        subject: 'held reviews in the window',
        predicate: 'had a top-management member present or in the chair',
        metPct: 100,
        failing,
        describeFailing: (ids) => `no top management at ${ids}`,
      }),
      evidence: held.map(label),
    };
  },
};

export const GOV_3: Criterion = {
  id: 'GOV-3',
  pillar: 'Governance',
  title: 'Required inputs covered',
  remedy:
    'Cover every required input at each review (service performance, major incidents, trends, audit results, nonconformities, customer feedback, or as set in Settings) and list them in Inputs covered.',
  evaluate(ctx) {
    const label = ctx.labelOf('Reviews');
    const held = ctx.heldReviewsInWindow;
    if (held.length === 0) return { status: 'not met', reason: NO_HELD_REVIEW(ctx), evidence: [] };
    const required = ctx.requiredInputs;
    const need = required.length;
    const missedBy = new Array<number>(need).fill(0);
    const short: { text: string; covered: number }[] = [];
    let covered = 0;
    for (const review of held) {
      const present = new Set(review.inputsCovered.map((s) => s.trim().toLowerCase()));
      let c = 0;
      required.forEach((input, i) => {
        if (present.has(input.key)) c += 1;
        else missedBy[i] += 1;
      });
      covered += c;
      if (c < need) short.push({ text: rowLabelWithNote('Reviews', review, ctx.isDuplicated('Reviews', review), `${c} of ${need}`), covered: c });
    }
    // Mean share ≥ 0.9 ⇔ Σcovered·10 ≥ 9·n·need (integers, so the edge is exact).
    const total = held.length * need;
    const status = covered * 10 >= 9 * total ? 'met' : covered * 2 >= total ? 'partial' : 'not met';
    let reason = `Held reviews in the window covered ${percent(covered, total)} of the ${count(need, 'required input')} on average${status === 'met' ? '' : ' (met needs ≥90%)'}`;
    if (short.length > 0) {
      short.sort((a, b) => a.covered - b.covered); // stable: ties keep sheet order
      const worst = short.map((s) => s.text);
      let most = 0;
      for (let i = 1; i < need; i++) if (missedBy[i] > missedBy[most]) most = i;
      reason += `; least covered: ${listIds(worst, 3)}; most often missing: ${required[most].label} (${count(missedBy[most], 'review')})`;
    }
    return { status, reason: `${reason}.`, evidence: held.map(label) };
  },
};

export const GOV_4: Criterion = {
  id: 'GOV-4',
  pillar: 'Governance',
  title: 'Reviews produce decisions',
  remedy: 'Record the decisions taken at each review in Decisions, with the review as Source, an owner and a due date.',
  evaluate(ctx) {
    const label = ctx.labelOf('Reviews');
    // A week's grace to write decisions up; decisions dated after as-of did not exist yet.
    const cutoff = ctx.asOf - DECISION_GRACE_DAYS;
    const reviews = ctx.heldReviewsInWindow.filter((r) => (r.heldOn as number) <= cutoff);
    if (reviews.length === 0) {
      return {
        status: 'n/a',
        reason: `No held review in the window was held at least ${DECISION_GRACE_DAYS} days before as-of (on or before ${toIso(cutoff)}).`,
        evidence: [],
      };
    }
    const sources = new Set<string>();
    const laterSources = new Set<string>();
    for (const d of ctx.tables.Decisions) {
      if (d.source == null) continue;
      (ctx.existedAtAsOf(d.decidedOn) ? sources : laterSources).add(idKey(d.source));
    }
    // Different fixes, different words: no ID to name as Source, decisions only after as-of, none at all.
    const noId: string[] = [];
    const later: string[] = [];
    const none: string[] = [];
    for (const r of reviews) {
      if (r.id == null) noId.push(label(r));
      else if (sources.has(idKey(r.id))) continue;
      else (laterSources.has(idKey(r.id)) ? later : none).push(label(r));
    }
    const failing = [...none, ...later, ...noId];
    const k = reviews.length - failing.length;
    const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many);
    return {
      status: shareStatus(k, reviews.length, 100, 50),
      reason: shareReason({
        k,
        n: reviews.length,
        subject: `held reviews in the window (held ≥${DECISION_GRACE_DAYS} days before as-of)`,
        predicate: 'produced a decision',
        metPct: 100,
        failing,
        failingGroups: [
          { items: none, describe: (ids) => `${ids} did not` },
          { items: later, describe: (ids, n) => `${ids} ${verb(n, 'is', 'are')} the Source only of decisions dated after as-of` },
          { items: noId, describe: (ids, n) => `${ids} ${verb(n, 'has', 'have')} no ID for a decision to name as Source` },
        ],
      }),
      evidence: reviews.map(label),
    };
  },
};

export const GOV_5: Criterion = {
  id: 'GOV-5',
  pillar: 'Governance',
  title: 'Minutes retained',
  remedy: 'Keep minutes of every management review (decisions and action items included) and add the Minutes link.',
  evaluate(ctx) {
    const label = ctx.labelOf('Reviews');
    const held = ctx.heldReviewsInWindow;
    if (held.length === 0) return { status: 'not met', reason: NO_HELD_REVIEW(ctx), evidence: [] };
    const failing = held.filter((r) => !filled(r.minutesLink)).map(label);
    const k = held.length - failing.length;
    return {
      status: shareStatus(k, held.length, 100, 50),
      reason: shareReason({
        k,
        n: held.length,
        subject: 'held reviews in the window',
        predicate: 'have a Minutes link',
        metPct: 100,
        failing,
        describeFailing: (ids) => `no minutes for ${ids}`,
      }),
      evidence: held.map(label),
    };
  },
};

export const GOVERNANCE_CRITERIA: readonly Criterion[] = [GOV_1, GOV_2, GOV_3, GOV_4, GOV_5];
