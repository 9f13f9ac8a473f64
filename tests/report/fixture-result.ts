/** A hand-built Result for renderer tests (renderers are pure: no workbook needed). */
import type { Result } from '../../src/domain/types';

export function fixtureResult(overrides: Partial<Result> = {}): Result {
  return {
    specVersion: 1,
    asOf: '2026-06-30',
    readiness: 72.46,
    rating: 'Amber',
    pillars: [
      { id: 'Accountability', score: 100, weight: 25 },
      { id: 'Governance', score: 50, weight: 20 },
      { id: 'Follow-through', score: null, weight: 15 },
      { id: 'Resources', score: 66.66666666666667, weight: 15 },
      { id: 'Communication', score: 75, weight: 15 },
      { id: 'Escalation', score: 0, weight: 10 },
    ],
    criteria: [
      { id: 'ACC-1', pillar: 'Accountability', title: 'Named executive owner', status: 'met', score: 1, reason: 'Ann Lee owns it.', evidence: ['ACC-1'], remedy: 'Name an owner.' },
      { id: 'GOV-4', pillar: 'Governance', title: 'Reviews produce decisions', status: 'partial', score: 0.5, reason: '1 of 2 reviews produced a decision; REV-2 did not.', evidence: ['REV-1', 'REV-2'], remedy: 'Record the decisions taken.' },
      { id: 'ESC-1', pillar: 'Escalation', title: 'Escalation path defined', status: 'not met', score: 0, reason: 'Settings › Escalation triggers is blank.', evidence: [], remedy: 'Define escalation triggers.' },
      { id: 'FOL-1', pillar: 'Follow-through', title: 'Decisions assigned', status: 'n/a', score: null, reason: 'No decisions in the window.', evidence: [], remedy: 'Give every decision an owner.' },
    ],
    questions: [{ question: 'Who in top management is accountable for SMS effectiveness?', criteria: ['ACC-1'], status: 'met' }],
    issues: [{ table: 'Reviews', row: 7, column: 'Planned date', id: 'REV-2', cell: 'D7', message: "'Q3 2025' is not a date" }],
    organisation: 'Example Ltd',
    smsScope: 'Service desk',
    window: { from: '2025-06-30', to: '2026-06-30', lookbackDays: 365 },
    rowCounts: { Accountabilities: 1, Reviews: 2, Decisions: 0, Resources: 0, Communications: 0, Escalations: 0 },
    thresholds: { green: 80, amber: 50 },
    ...overrides,
  };
}
