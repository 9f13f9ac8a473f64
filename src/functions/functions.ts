/**
 * The ISO20K custom functions. Each takes the register's seven tables as ranges with their header
 * rows (e.g. `Decisions[#All]`) in schema order, plus an optional as-of date, and answers from the
 * same engine as the task pane and the command line. They never call the Excel API, so Excel
 * recalculates them whenever a table changes.
 *
 * Metadata (functions.json) is generated from the JSDoc below by custom-functions-metadata-plugin,
 * which also appends the CustomFunctions.associate() calls to this file at build time. Hence:
 * function declarations (not arrow functions), 2-D `unknown[][]` range parameters (1-D arrays
 * would be scalars), and one return type per function (a union becomes `any`).
 */
import { parseRegister } from '../domain/register';
import { assess } from '../domain/assess';
import type { EpochDay, Result } from '../domain/types';
import { asOfArgument, toRawRegister, type RangeValues } from './args';
import { createScorer, fingerprint, type Scorer, type ScoringEngine } from './memo';
import { criteriaRows, explanationOf, gapRows, pillarIdOf, pillarScoreOf, ratingOf, readinessOf } from './outputs';

// Outside Office (the browser preview when office.js could not load) the runtime is absent; the
// associate() calls appended at build time must not throw there. office.js, when present, has
// already defined CustomFunctions by the time this deferred script runs.
const host = globalThis as { CustomFunctions?: { associate?: (id: string, fn: unknown) => void } };
if (host.CustomFunctions === undefined) host.CustomFunctions = { associate: () => undefined };

const MS_PER_DAY = 86_400_000;

/** Today in the user's time zone, as Excel's TODAY() sees it (epoch day). */
export function localToday(now: Date = new Date()): EpochDay {
  return Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY);
}

export const defaultEngine: ScoringEngine = { parse: parseRegister, assess, today: () => localToday() };

let scorer: Scorer = createScorer(defaultEngine);

/** Replace the engine (tests spy on parse/assess through this). Returns the new scorer. */
export function useEngine(engine: ScoringEngine = defaultEngine): Scorer {
  scorer = createScorer(engine);
  return scorer;
}

/** Arguments → checked tables → memoised Result. */
function resultFor(tables: unknown[], asOf: unknown): Result {
  const raw = toRawRegister(tables);
  const prints = tables.map((t) => fingerprint(t as RangeValues));
  return scorer.score(raw, prints, asOfArgument(asOf));
}

/**
 * Clause 5.1 readiness, 0–100: the weighted mean of the six pillar scores.
 * @customfunction READINESS
 * @param accountabilities Accountabilities table with its header row, e.g. Accountabilities[#All]
 * @param reviews Reviews table with its header row, e.g. Reviews[#All]
 * @param decisions Decisions table with its header row, e.g. Decisions[#All]
 * @param resources Resources table with its header row, e.g. Resources[#All]
 * @param communications Communications table with its header row, e.g. Communications[#All]
 * @param escalations Escalations table with its header row, e.g. Escalations[#All]
 * @param settings Settings table with its header row, e.g. Settings[#All]
 * @param [asOf] Assessment date, e.g. TODAY(); default: Settings' Assessment date, else today
 * @returns Readiness from 0 to 100.
 */
export function readiness(
  accountabilities: unknown[][],
  reviews: unknown[][],
  decisions: unknown[][],
  resources: unknown[][],
  communications: unknown[][],
  escalations: unknown[][],
  settings: unknown[][],
  asOf?: number,
): number {
  const result = resultFor([accountabilities, reviews, decisions, resources, communications, escalations, settings], asOf);
  return readinessOf(result);
}

/**
 * Clause 5.1 rating: Green, Amber or Red against the Settings' thresholds.
 * @customfunction RATING
 * @param accountabilities Accountabilities table with its header row, e.g. Accountabilities[#All]
 * @param reviews Reviews table with its header row, e.g. Reviews[#All]
 * @param decisions Decisions table with its header row, e.g. Decisions[#All]
 * @param resources Resources table with its header row, e.g. Resources[#All]
 * @param communications Communications table with its header row, e.g. Communications[#All]
 * @param escalations Escalations table with its header row, e.g. Escalations[#All]
 * @param settings Settings table with its header row, e.g. Settings[#All]
 * @param [asOf] Assessment date, e.g. TODAY(); default: Settings' Assessment date, else today
 * @returns Green, Amber or Red.
 */
export function rating(
  accountabilities: unknown[][],
  reviews: unknown[][],
  decisions: unknown[][],
  resources: unknown[][],
  communications: unknown[][],
  escalations: unknown[][],
  settings: unknown[][],
  asOf?: number,
): string {
  const result = resultFor([accountabilities, reviews, decisions, resources, communications, escalations, settings], asOf);
  return ratingOf(result);
}

/**
 * One pillar's score, 0–100 (#N/A when none of its criteria applies).
 * @customfunction PILLAR
 * @param pillar Accountability, Governance, Follow-through, Resources, Communication or Escalation
 * @param accountabilities Accountabilities table with its header row, e.g. Accountabilities[#All]
 * @param reviews Reviews table with its header row, e.g. Reviews[#All]
 * @param decisions Decisions table with its header row, e.g. Decisions[#All]
 * @param resources Resources table with its header row, e.g. Resources[#All]
 * @param communications Communications table with its header row, e.g. Communications[#All]
 * @param escalations Escalations table with its header row, e.g. Escalations[#All]
 * @param settings Settings table with its header row, e.g. Settings[#All]
 * @param [asOf] Assessment date, e.g. TODAY(); default: Settings' Assessment date, else today
 * @returns The pillar's score from 0 to 100.
 */
export function pillarScore(
  pillar: string,
  accountabilities: unknown[][],
  reviews: unknown[][],
  decisions: unknown[][],
  resources: unknown[][],
  communications: unknown[][],
  escalations: unknown[][],
  settings: unknown[][],
  asOf?: number,
): number {
  pillarIdOf(pillar); // a misspelt pillar fails before any scoring
  const result = resultFor([accountabilities, reviews, decisions, resources, communications, escalations, settings], asOf);
  return pillarScoreOf(result, pillar);
}

/**
 * Every criterion as a spilled table: ID, pillar, title, status, score (blank when n/a), reason, evidence.
 * @customfunction CRITERIA
 * @param accountabilities Accountabilities table with its header row, e.g. Accountabilities[#All]
 * @param reviews Reviews table with its header row, e.g. Reviews[#All]
 * @param decisions Decisions table with its header row, e.g. Decisions[#All]
 * @param resources Resources table with its header row, e.g. Resources[#All]
 * @param communications Communications table with its header row, e.g. Communications[#All]
 * @param escalations Escalations table with its header row, e.g. Escalations[#All]
 * @param settings Settings table with its header row, e.g. Settings[#All]
 * @param [asOf] Assessment date, e.g. TODAY(); default: Settings' Assessment date, else today
 * @returns 22 rows of 7 columns, in spec order.
 */
export function criteria(
  accountabilities: unknown[][],
  reviews: unknown[][],
  decisions: unknown[][],
  resources: unknown[][],
  communications: unknown[][],
  escalations: unknown[][],
  settings: unknown[][],
  asOf?: number,
): unknown[][] {
  const result = resultFor([accountabilities, reviews, decisions, resources, communications, escalations, settings], asOf);
  return criteriaRows(result);
}

/**
 * The criteria not met or partial, worst first, as a spilled table: ID, pillar, title, status, reason, remedy.
 * @customfunction GAPS
 * @param accountabilities Accountabilities table with its header row, e.g. Accountabilities[#All]
 * @param reviews Reviews table with its header row, e.g. Reviews[#All]
 * @param decisions Decisions table with its header row, e.g. Decisions[#All]
 * @param resources Resources table with its header row, e.g. Resources[#All]
 * @param communications Communications table with its header row, e.g. Communications[#All]
 * @param escalations Escalations table with its header row, e.g. Escalations[#All]
 * @param settings Settings table with its header row, e.g. Settings[#All]
 * @param [asOf] Assessment date, e.g. TODAY(); default: Settings' Assessment date, else today
 * @returns One row per gap, 6 columns; one message row when there is no gap.
 */
export function gapsTable(
  accountabilities: unknown[][],
  reviews: unknown[][],
  decisions: unknown[][],
  resources: unknown[][],
  communications: unknown[][],
  escalations: unknown[][],
  settings: unknown[][],
  asOf?: number,
): string[][] {
  const result = resultFor([accountabilities, reviews, decisions, resources, communications, escalations, settings], asOf);
  return gapRows(result);
}

/**
 * One criterion's status and reason in words, with the next step when it is not met.
 * @customfunction EXPLAIN
 * @param criterionId A criterion ID such as GOV-4
 * @param accountabilities Accountabilities table with its header row, e.g. Accountabilities[#All]
 * @param reviews Reviews table with its header row, e.g. Reviews[#All]
 * @param decisions Decisions table with its header row, e.g. Decisions[#All]
 * @param resources Resources table with its header row, e.g. Resources[#All]
 * @param communications Communications table with its header row, e.g. Communications[#All]
 * @param escalations Escalations table with its header row, e.g. Escalations[#All]
 * @param settings Settings table with its header row, e.g. Settings[#All]
 * @param [asOf] Assessment date, e.g. TODAY(); default: Settings' Assessment date, else today
 * @returns The criterion's status, reason and next step.
 */
export function explain(
  criterionId: string,
  accountabilities: unknown[][],
  reviews: unknown[][],
  decisions: unknown[][],
  resources: unknown[][],
  communications: unknown[][],
  escalations: unknown[][],
  settings: unknown[][],
  asOf?: number,
): string {
  const result = resultFor([accountabilities, reviews, decisions, resources, communications, escalations, settings], asOf);
  return explanationOf(result, criterionId);
}
