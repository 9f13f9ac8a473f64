import type { CommunicationRow, EscalationRow } from '../../../src/domain/types';
import { registerBuilder, type RegisterBuilder } from '../../support/register-builder';
import { ANN, AS_OF, evaluate } from './run';

/** Ann Lee is top management; communications from her `daysBefore` as-of. */
function fromAnn(...daysBefore: number[]): RegisterBuilder {
  const b = registerBuilder().executive(ANN);
  for (const d of daysBefore) b.communication({ sentOn: AS_OF - d, from: ANN, expectation: 'x' });
  return b;
}

describe('COM-1 Regular executive communication', () => {
  // Defaults: lookback 365, cadence 90 → 4 expected, last ≤ 112.5 days before as-of.
  it('is met with 4 communications from top management, the last recent enough', () => {
    const r = evaluate(fromAnn(10, 100, 190, 280).build(), 'COM-1');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['COM-1', 'COM-2', 'COM-3', 'COM-4']);
  });

  it('is partial with too few', () => {
    const r = evaluate(fromAnn(10, 100, 190).build(), 'COM-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('3 communications from top management in the window (4 expected, one every 90 days)');
    expect(r.reason).toContain('too few');
  });

  it('counts the as-of date and excludes the window start', () => {
    expect(evaluate(fromAnn(0, 100, 200, 365).build(), 'COM-1').status).toBe('partial');
    expect(evaluate(fromAnn(0, 100, 200, 364).build(), 'COM-1').status).toBe('met');
  });

  it('applies the 1.25 × cadence limit inclusively (cadence 80 → 100 days)', () => {
    expect(evaluate(fromAnn(100, 150, 200, 250).settings({ communicationCadenceDays: 80 }).build(), 'COM-1').status).toBe('met');
    const r = evaluate(fromAnn(101, 150, 200, 250).settings({ communicationCadenceDays: 80 }).build(), 'COM-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('the last is too long ago');
  });

  it('matches From case-insensitively and trimmed, but only as a whole name', () => {
    const reg = registerBuilder()
      .executive(ANN)
      .communication({ sentOn: AS_OF - 10, from: ' ann lee ' })
      .communication({ sentOn: AS_OF - 20, from: 'Ann Lee, Bob' })
      .build();
    const r = evaluate(reg, 'COM-1');
    expect(r.status).toBe('partial');
    expect(r.evidence).toEqual(['COM-1']);
  });

  it('is not met when nothing in the window is from top management', () => {
    const reg = registerBuilder().executive(ANN).communication({ sentOn: AS_OF - 10, from: 'Bob' }).build();
    const r = evaluate(reg, 'COM-1');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('1 communication in the window, none From a top-management person');
  });
});

describe('COM-2 Specific expectations', () => {
  const reg = (ok: number, bad: number) =>
    registerBuilder()
      .many('Communications', ok, () => ({ sentOn: AS_OF - 10, expectation: 'Changes need approval' }))
      .many('Communications', bad, () => ({ sentOn: AS_OF - 10, expectation: '  ' }))
      .build();

  it('is met at exactly 90%, partial at exactly 50%, not met below', () => {
    expect(evaluate(reg(9, 1), 'COM-2').status).toBe('met');
    expect(evaluate(reg(8, 2), 'COM-2').status).toBe('partial');
    expect(evaluate(reg(5, 5), 'COM-2').status).toBe('partial');
    const r = evaluate(reg(4, 6), 'COM-2');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('none stated in COM-5, COM-6, COM-7, COM-8, COM-9 and 1 more');
  });

  it('counts every communication in the window, whoever sent it', () => {
    const r = evaluate(registerBuilder().communication({ sentOn: AS_OF - 10, from: 'Bob', expectation: 'x' }).build(), 'COM-2');
    expect(r.status).toBe('met');
  });

  it('is n/a with no communication in the window', () => {
    expect(evaluate(registerBuilder().communication({ sentOn: AS_OF - 365, expectation: 'x' }).build(), 'COM-2').status).toBe('n/a');
  });
});

describe('COM-3 Reinforcement after failures', () => {
  // Default reinforcement: 30 days.
  const raised = AS_OF - 40;
  const esc = (values: Partial<EscalationRow> = {}) => ({ raisedOn: raised, ...values });
  const com = (values: Partial<CommunicationRow>) => ({ sentOn: raised, linkedItem: 'ESC-1', ...values });

  it('is met by a communication linked to the escalation, sent on Raised on or Raised on + 30', () => {
    expect(evaluate(registerBuilder().escalation(esc()).communication(com({ sentOn: raised })).build(), 'COM-3').status).toBe('met');
    expect(evaluate(registerBuilder().escalation(esc()).communication(com({ sentOn: raised + 30 })).build(), 'COM-3').status).toBe('met');
  });

  it('does not count a communication sent before Raised on or after Raised on + 30', () => {
    const early = registerBuilder().escalation(esc()).communication(com({ sentOn: raised - 1 })).build();
    expect(evaluate(early, 'COM-3').status).toBe('not met');
    const late = registerBuilder().escalation(esc()).communication(com({ sentOn: raised + 31 })).build();
    const r = evaluate(late, 'COM-3');
    expect(r.status).toBe('not met');
    expect(r.reason).toBe(
      '0 of 1 escalations in the window raised ≥30 days before as-of were followed within 30 days by a linked communication (0%; met needs ≥75%); linked communications only outside Raised on to Raised on + 30 days for ESC-1.',
    );
  });

  it('says which escalations have no linked communication at all and which had one too early or too late', () => {
    const reg = registerBuilder()
      .escalation(esc())
      .escalation(esc({ decision: 'DEC-9' }))
      .escalation(esc())
      .communication(com({ sentOn: raised - 1, linkedItem: 'ESC-3' }))
      .build();
    expect(evaluate(reg, 'COM-3').reason).toBe(
      '0 of 3 escalations in the window raised ≥30 days before as-of were followed within 30 days by a linked communication (0%; met needs ≥75%); no communication linked to ESC-1 and ESC-2 (or to their Decision); linked communications only outside Raised on to Raised on + 30 days for ESC-3.',
    );
  });

  it('counts a communication linked to the escalation’s Decision (case-insensitive)', () => {
    const reg = registerBuilder()
      .decision({ decidedOn: raised + 5 })
      .escalation(esc({ decision: 'DEC-1' }))
      .communication(com({ sentOn: raised + 10, linkedItem: ' dec-1' }))
      .build();
    expect(evaluate(reg, 'COM-3').status).toBe('met');
  });

  it('considers escalations raised exactly 30 days before as-of, not 29', () => {
    const edge = registerBuilder().escalation({ raisedOn: AS_OF - 30 }).build();
    expect(evaluate(edge, 'COM-3').status).toBe('not met');
    const recent = registerBuilder().escalation({ raisedOn: AS_OF - 29 }).build();
    const r = evaluate(recent, 'COM-3');
    expect(r.status).toBe('n/a');
    expect(r.reason).toContain('on or before 2026-05-31');
  });

  it('follows Reinforcement days', () => {
    const reg = registerBuilder()
      .settings({ reinforcementDays: 10 })
      .escalation({ raisedOn: AS_OF - 10 })
      .communication({ sentOn: AS_OF, linkedItem: 'ESC-1' })
      .build();
    expect(evaluate(reg, 'COM-3').status).toBe('met');
  });

  it('is met at exactly 75%, partial at 50% and exactly 25%, not met at 0%', () => {
    const reg = (ok: number) => {
      const b = registerBuilder();
      for (let i = 0; i < 4; i++) b.escalation(esc());
      for (let i = 1; i <= ok; i++) b.communication({ sentOn: raised + 1, linkedItem: `ESC-${i}` });
      return b.build();
    };
    expect(evaluate(reg(3), 'COM-3').status).toBe('met');
    expect(evaluate(reg(2), 'COM-3').status).toBe('partial');
    expect(evaluate(reg(1), 'COM-3').status).toBe('partial');
    expect(evaluate(reg(0), 'COM-3').status).toBe('not met');
  });

  it('is n/a with no escalation in the window', () => {
    expect(evaluate(registerBuilder().escalation({ raisedOn: AS_OF - 365 }).build(), 'COM-3').status).toBe('n/a');
  });
});
