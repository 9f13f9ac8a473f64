import { assess } from '../../src/domain/assess';
import { gaps } from '../../src/domain/gaps';
import type { CriterionResult, Result, Status } from '../../src/domain/types';
import { day, registerBuilder } from '../support/register-builder';

const AS_OF = day('2026-06-30');

function criterion(id: string, pillar: CriterionResult['pillar'], status: Status): CriterionResult {
  const score = { met: 1, partial: 0.5, 'not met': 0, 'n/a': null }[status];
  return { id, pillar, title: id, status, score, reason: '', evidence: [], remedy: '' };
}

function resultWith(criteria: CriterionResult[]): Result {
  return { ...assess(registerBuilder().build(), { today: AS_OF }), criteria };
}

describe('gaps', () => {
  it('lists not met before partial, then heavier pillars, then spec order; leaves out met and n/a', () => {
    const result = resultWith([
      criterion('ACC-1', 'Accountability', 'met'),
      criterion('ACC-2', 'Accountability', 'partial'),
      criterion('GOV-4', 'Governance', 'n/a'),
      criterion('GOV-5', 'Governance', 'not met'),
      criterion('FOL-1', 'Follow-through', 'partial'),
      criterion('RES-1', 'Resources', 'not met'),
      criterion('COM-1', 'Communication', 'not met'),
      criterion('ESC-2', 'Escalation', 'not met'),
      criterion('ESC-1', 'Escalation', 'not met'),
    ]);
    // not met: GOV-5 (20), then RES-1 and COM-1 (15, spec order), then ESC-1 before ESC-2 (10, spec order);
    // partial: ACC-2 (25), FOL-1 (15).
    expect(gaps(result).map((c) => c.id)).toEqual(['GOV-5', 'RES-1', 'COM-1', 'ESC-1', 'ESC-2', 'ACC-2', 'FOL-1']);
  });

  it('orders an empty register’s gaps by weight, ties in spec order', () => {
    const result = assess(registerBuilder().build(), { today: AS_OF });
    expect(gaps(result).map((c) => c.id)).toEqual([
      'ACC-1', 'ACC-2', 'ACC-3', 'ACC-4', 'ACC-5',
      'GOV-1', 'GOV-2', 'GOV-3', 'GOV-5',
      'RES-1', 'COM-1',
      'ESC-1',
    ]);
  });

  it('returns nothing when every criterion is met or n/a, and does not change the result', () => {
    const criteria = [criterion('ACC-1', 'Accountability', 'met'), criterion('FOL-1', 'Follow-through', 'n/a')];
    const result = resultWith(criteria);
    expect(gaps(result)).toEqual([]);
    expect(result.criteria.map((c) => c.id)).toEqual(['ACC-1', 'FOL-1']);
  });
});
