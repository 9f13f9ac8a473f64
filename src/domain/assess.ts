/**
 * Scores a register (spec §2–§5): every criterion once, over a context computed once, then
 * pillars, readiness, rating and the auditor questions. Pure: the caller passes today.
 */
import { toIso } from './dates';
import { CRITERIA } from './criteria';
import { buildContextSteps, contextStepCount } from './criteria/context';
import { PILLARS, SPEC_VERSION, TABLE_NAMES, type EvidenceTableName } from './schema';
import { answerQuestions } from './questions';
import { nested, runSteps, type Steps } from './steps';
import type { CriterionResult, EpochDay, PillarResult, Rating, Register, Result, Status } from './types';

export interface AssessOptions {
  /** Overrides Settings › Assessment date (custom functions and the CLI take it as an argument). */
  asOf?: EpochDay;
  /** Today's date, used when neither asOf nor Settings › Assessment date is given. */
  today: EpochDay;
}

const SCORE: Record<Status, number | null> = { met: 1, partial: 0.5, 'not met': 0, 'n/a': null };

/**
 * Slack for comparing readiness with a threshold: readiness is a weighted mean of fractions and
 * can land a rounding error below a whole-number threshold it really equals (thresholds are inclusive).
 */
const THRESHOLD_EPSILON = 1e-9;

export function ratingFor(readiness: number | null, green: number, amber: number): Rating | null {
  if (readiness == null) return null;
  if (readiness >= green - THRESHOLD_EPSILON) return 'Green';
  if (readiness >= amber - THRESHOLD_EPSILON) return 'Amber';
  return 'Red';
}

/**
 * The assessment as steps (see steps.ts): the context (in slices on large registers), then one
 * step per criterion, then pillars, readiness and the auditor questions. Same work, same order,
 * same Result as assess.
 */
export function* assessSteps(register: Register, options: AssessOptions): Steps<Result> {
  const { settings } = register;
  const asOf = options.asOf ?? settings.assessmentDate ?? options.today;
  const contextTotal = contextStepCount(register);
  // The context's steps, one per criterion, the summary.
  const total = contextTotal + CRITERIA.length + 1;
  const ctx = yield* nested(buildContextSteps(register, asOf), 0, total);
  let done = contextTotal;

  const criteria: CriterionResult[] = [];
  for (const c of CRITERIA) {
    yield { done: done++, total, label: `Scoring ${c.id}` };
    const { status, reason, evidence } = c.evaluate(ctx);
    criteria.push({ id: c.id, pillar: c.pillar, title: c.title, status, score: SCORE[status], reason, evidence, remedy: c.remedy });
  }
  yield { done: done++, total, label: 'Answering the auditor questions' };

  const pillars: PillarResult[] = PILLARS.map((p) => {
    const scores = criteria.filter((c) => c.pillar === p.id && c.score != null).map((c) => c.score as number);
    // Σ·100 then ÷n (one rounding), so e.g. 4 of 5 met is exactly 80.
    const score = scores.length === 0 ? null : (scores.reduce((a, b) => a + b, 0) * 100) / scores.length;
    return { id: p.id, score, weight: p.weight };
  });

  let weighted = 0;
  let weights = 0;
  for (const p of pillars) {
    if (p.score == null) continue;
    weighted += p.score * p.weight;
    weights += p.weight;
  }
  const readiness = weights === 0 ? null : weighted / weights;

  const rowCounts = Object.fromEntries(TABLE_NAMES.map((t) => [t, register.tables[t].length])) as Record<EvidenceTableName, number>;

  const result: Result = {
    specVersion: SPEC_VERSION,
    asOf: toIso(asOf),
    readiness,
    rating: ratingFor(readiness, settings.greenThreshold, settings.amberThreshold),
    pillars,
    criteria,
    questions: answerQuestions(criteria),
    issues: [...register.issues],
    organisation: settings.organisation,
    smsScope: settings.smsScope,
    window: { from: toIso(ctx.window.start), to: toIso(ctx.window.end), lookbackDays: settings.lookbackDays },
    rowCounts,
    thresholds: { green: settings.greenThreshold, amber: settings.amberThreshold },
  };
  yield { done, total, label: 'Scored' };
  return result;
}

/** Score a register in one go. */
export function assess(register: Register, options: AssessOptions): Result {
  return runSteps(assessSteps(register, options));
}
