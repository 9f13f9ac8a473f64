/**
 * A Result → what each ISO20K function puts in its cell(s). Pure and Excel-free, so tests check the
 * shapes directly. Spilled tables have no header row (so TAKE/INDEX count data rows only); their
 * columns are documented in docs/functions.md.
 */
import { PILLARS, type PillarId } from '../domain/schema';
import { gaps } from '../domain/gaps';
import type { CriterionResult, Result } from '../domain/types';
import { invalidValue, notAvailable } from './errors';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

/** Text cut to fit one cell, with an ellipsis when cut. */
export function cellText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : text.slice(0, MAX_CELL_TEXT - 1) + '…';
}

export function readinessOf(result: Result): number {
  if (result.readiness === null) throw notAvailable('No criterion applies, so there is no readiness score.');
  return result.readiness;
}

export function ratingOf(result: Result): string {
  if (result.rating === null) throw notAvailable('No criterion applies, so there is no rating.');
  return result.rating;
}

/** Pillar names compare on letters only, case-insensitively: "follow through" finds Follow-through. */
function pillarKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

export function pillarIdOf(name: unknown): PillarId {
  const key = typeof name === 'string' ? pillarKey(name) : '';
  const pillar = PILLARS.find((p) => pillarKey(p.id) === key);
  if (!pillar) {
    const shown = typeof name === 'string' ? `'${name.slice(0, 40)}'` : String(name);
    throw invalidValue(`pillar: ${shown} is not a pillar — use one of ${PILLARS.map((p) => p.id).join(', ')}`);
  }
  return pillar.id;
}

export function pillarScoreOf(result: Result, name: unknown): number {
  const id = pillarIdOf(name);
  const pillar = result.pillars.find((p) => p.id === id);
  if (!pillar || pillar.score === null) throw notAvailable(`${id}: no criterion of this pillar applies, so it has no score.`);
  return pillar.score;
}

/** CRITERIA columns: ID, pillar, title, status, score (blank when n/a), reason, evidence IDs. */
export function criteriaRows(result: Result): (string | number)[][] {
  return result.criteria.map((c) => [c.id, c.pillar, c.title, c.status, c.score ?? '', cellText(c.reason), cellText(c.evidence.join(', '))]);
}

export const NO_GAPS_TEXT = 'No gaps: every applicable criterion is met';

/** GAPS columns: ID, pillar, title, status, reason, remedy — worst first; one message row when none. */
export function gapRows(result: Result): string[][] {
  const open = gaps(result);
  if (open.length === 0) return [['', '', NO_GAPS_TEXT, '', '', '']];
  return open.map((c) => [c.id, c.pillar, c.title, c.status, cellText(c.reason), cellText(c.remedy)]);
}

export function criterionOf(result: Result, criterionId: unknown): CriterionResult {
  const key = typeof criterionId === 'string' ? criterionId.trim().toUpperCase() : '';
  const found = result.criteria.find((c) => c.id.toUpperCase() === key);
  if (!found) {
    const shown = typeof criterionId === 'string' ? `'${criterionId.slice(0, 40)}'` : String(criterionId);
    const ids = result.criteria.map((c) => c.id);
    throw invalidValue(`criterion: ${shown} is not a criterion ID — use one of ${ids.join(', ')}`);
  }
  return found;
}

/** EXPLAIN's text: "GOV-4 Reviews produce decisions: partial — <reason> Next step: <remedy>". */
export function explanationOf(result: Result, criterionId: unknown): string {
  const c = criterionOf(result, criterionId);
  const open = c.status === 'not met' || c.status === 'partial';
  const reason = open && !/[.!?]$/.test(c.reason.trim()) ? `${c.reason.trim()}.` : c.reason;
  return cellText(`${c.id} ${c.title}: ${c.status} — ${reason}${open ? ` Next step: ${c.remedy}` : ''}`);
}
