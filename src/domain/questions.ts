/**
 * The four questions auditors ask about Clause 5.1 (spec §4), each answered by criteria.
 */
import type { CriterionResult, QuestionResult, Status } from './types';

export interface Question {
  readonly question: string;
  readonly criteria: readonly string[];
}

export const QUESTIONS: readonly Question[] = [
  {
    question: 'Who in top management is accountable for SMS effectiveness?',
    criteria: ['ACC-1', 'ACC-2', 'ACC-3', 'ACC-5'],
  },
  {
    question: 'Show me where leadership reviewed SMS performance and made decisions.',
    criteria: ['GOV-1', 'GOV-2', 'GOV-3', 'GOV-4', 'GOV-5', 'FOL-1', 'FOL-2', 'FOL-3'],
  },
  {
    question: 'How do you know resources are sufficient?',
    criteria: ['RES-1', 'RES-2', 'RES-3', 'ESC-3'],
  },
  {
    question: 'How does top management communicate expectations for effective service management?',
    criteria: ['COM-1', 'COM-2', 'COM-3'],
  },
];

/**
 * met when every applicable criterion is met; not met when none is met or partial;
 * n/a when none applies; partial otherwise.
 */
export function questionStatus(statuses: readonly Status[]): Status {
  const applicable = statuses.filter((s) => s !== 'n/a');
  if (applicable.length === 0) return 'n/a';
  if (applicable.every((s) => s === 'met')) return 'met';
  if (applicable.every((s) => s === 'not met')) return 'not met';
  return 'partial';
}

export function answerQuestions(criteria: readonly CriterionResult[]): QuestionResult[] {
  const byId = new Map(criteria.map((c) => [c.id, c.status]));
  return QUESTIONS.map((q) => ({
    question: q.question,
    criteria: [...q.criteria],
    // A criterion missing from the result cannot be evidence: treat it as not applicable.
    status: questionStatus(q.criteria.map((id) => byId.get(id) ?? 'n/a')),
  }));
}
