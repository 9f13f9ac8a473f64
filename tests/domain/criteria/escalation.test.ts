import { registerBuilder } from '../../support/register-builder';
import { ANN, AS_OF, evaluate } from './run';

describe('ESC-1 Escalation path defined', () => {
  it('is met when Settings has Escalation triggers, not met when blank', () => {
    expect(evaluate(registerBuilder().settings({ escalationTriggers: 'Repeat incidents; SLA misses' }).build(), 'ESC-1').status).toBe('met');
    expect(evaluate(registerBuilder().settings({ escalationTriggers: ' ' }).build(), 'ESC-1').status).toBe('not met');
  });
});

describe('ESC-2 Escalations reach top management', () => {
  const reg = (ok: number, bad: number, to = ANN) =>
    registerBuilder()
      .executive(ANN)
      .many('Escalations', ok, () => ({ raisedOn: AS_OF - 10, escalatedTo: to }))
      .many('Escalations', bad, () => ({ raisedOn: AS_OF - 10, escalatedTo: 'Service desk lead' }))
      .build();

  it('is met at exactly 90%, partial at exactly 50%, not met below', () => {
    expect(evaluate(reg(9, 1), 'ESC-2').status).toBe('met');
    expect(evaluate(reg(8, 2), 'ESC-2').status).toBe('partial');
    expect(evaluate(reg(5, 5), 'ESC-2').status).toBe('partial');
    const r = evaluate(reg(4, 6), 'ESC-2');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('4 of 10 escalations in the window were Escalated to a top-management person (40%; met needs ≥90%)');
  });

  it('matches names case-insensitively, whole cell only', () => {
    expect(evaluate(reg(1, 0, ' ANN lee'), 'ESC-2').status).toBe('met');
    expect(evaluate(reg(1, 0, 'Ann Lee; Bob'), 'ESC-2').status).toBe('not met');
  });

  it('is n/a with no escalation in the window', () => {
    const r = evaluate(registerBuilder().executive(ANN).escalation({ raisedOn: AS_OF + 1, escalatedTo: ANN }).build(), 'ESC-2');
    expect(r.status).toBe('n/a');
  });
});

describe('ESC-3 Escalations decided', () => {
  // Default response: 30 days.
  const raised = AS_OF - 60;

  it('is met when the Decision exists and was decided by Raised on + 30 (inclusive)', () => {
    const reg = registerBuilder().decision({ decidedOn: raised + 30 }).escalation({ raisedOn: raised, decision: 'dec-1' }).build();
    const r = evaluate(reg, 'ESC-3');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['ESC-1']);
  });

  it('is not met when decided a day late, undated, or the Decision does not exist', () => {
    const late = registerBuilder().decision({ decidedOn: raised + 31 }).escalation({ raisedOn: raised, decision: 'DEC-1' }).build();
    const r = evaluate(late, 'ESC-3');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('no timely decision for ESC-1');
    const undated = registerBuilder().decision({ decidedOn: null }).escalation({ raisedOn: raised, decision: 'DEC-1' }).build();
    expect(evaluate(undated, 'ESC-3').status).toBe('not met');
    const missing = registerBuilder().escalation({ raisedOn: raised, decision: 'DEC-7' }).build();
    expect(evaluate(missing, 'ESC-3').status).toBe('not met');
  });

  it('says why each escalation falls short: no Decision, one that does not exist or is not a decision, undated, late', () => {
    const reg = registerBuilder()
      .review({ heldOn: raised })
      .decision({ decidedOn: null })
      .decision({ decidedOn: raised + 31 })
      .escalation({ raisedOn: raised })
      .escalation({ raisedOn: raised, decision: ' DEC-7' })
      .escalation({ raisedOn: raised, decision: 'REV-1' })
      .escalation({ raisedOn: raised, decision: 'DEC-1' })
      .escalation({ raisedOn: raised, decision: 'DEC-2' })
      .build();
    const r = evaluate(reg, 'ESC-3');
    expect(r.status).toBe('not met');
    expect(r.reason).toBe(
      "0 of 5 escalations in the window raised ≥30 days before as-of were decided within 30 days (0%; met needs ≥90%); no Decision recorded for ESC-1; ESC-2's Decision DEC-7 does not exist; ESC-3's Decision REV-1 is not a Decisions row; ESC-4's Decision DEC-1 has no Decided on; no timely decision for ESC-5.",
    );
  });

  it('names at most five rows across the kinds of shortfall', () => {
    const reg = registerBuilder()
      .many('Escalations', 4, () => ({ raisedOn: raised }))
      .many('Escalations', 3, () => ({ raisedOn: raised, decision: 'DEC-7' }))
      .build();
    expect(evaluate(reg, 'ESC-3').reason).toBe(
      "0 of 7 escalations in the window raised ≥30 days before as-of were decided within 30 days (0%; met needs ≥90%); no Decision recorded for ESC-1, ESC-2, ESC-3 and ESC-4; ESC-5's Decision DEC-7 and 2 more do not exist.",
    );
  });

  it('tells escalations that share an ID apart by their sheet row', () => {
    const reg = registerBuilder()
      .escalation({ raisedOn: raised, id: 'ESC-3', decision: 'DEC-7' })
      .escalation({ raisedOn: raised, id: 'ESC-3' })
      .build();
    const r = evaluate(reg, 'ESC-3');
    expect(r.evidence).toEqual(['ESC-3 (row 2)', 'ESC-3 (row 3)']);
    expect(r.reason).toBe(
      "0 of 2 escalations in the window raised ≥30 days before as-of were decided within 30 days (0%; met needs ≥90%); no Decision recorded for ESC-3 (row 3); ESC-3 (row 2)'s Decision DEC-7 does not exist.",
    );
  });

  it('counts a decision dated before the escalation was raised', () => {
    const reg = registerBuilder().decision({ decidedOn: raised - 3 }).escalation({ raisedOn: raised, decision: 'DEC-1' }).build();
    expect(evaluate(reg, 'ESC-3').status).toBe('met');
  });

  it('uses the first row when a Decision ID is duplicated', () => {
    const firstLate = registerBuilder()
      .decision({ id: 'DEC-1', decidedOn: raised + 31 })
      .decision({ id: 'DEC-1', decidedOn: raised + 1 })
      .escalation({ raisedOn: raised, decision: 'DEC-1' })
      .build();
    expect(evaluate(firstLate, 'ESC-3').status).toBe('not met');
    const firstOnTime = registerBuilder()
      .decision({ id: 'DEC-1', decidedOn: raised + 1 })
      .decision({ id: 'DEC-1', decidedOn: raised + 31 })
      .escalation({ raisedOn: raised, decision: 'DEC-1' })
      .build();
    expect(evaluate(firstOnTime, 'ESC-3').status).toBe('met');
  });

  it('considers escalations raised exactly 30 days before as-of, not 29', () => {
    expect(evaluate(registerBuilder().escalation({ raisedOn: AS_OF - 30 }).build(), 'ESC-3').status).toBe('not met');
    expect(evaluate(registerBuilder().escalation({ raisedOn: AS_OF - 29 }).build(), 'ESC-3').status).toBe('n/a');
  });

  it('follows Escalation response days', () => {
    const reg = registerBuilder()
      .settings({ escalationResponseDays: 5 })
      .decision({ decidedOn: AS_OF })
      .escalation({ raisedOn: AS_OF - 5, decision: 'DEC-1' })
      .build();
    expect(evaluate(reg, 'ESC-3').status).toBe('met');
  });

  it('is met at exactly 90%, partial at exactly 50%, not met below', () => {
    const reg = (ok: number, bad: number) =>
      registerBuilder()
        .decision({ decidedOn: raised + 1 })
        .many('Escalations', ok, () => ({ raisedOn: raised, decision: 'DEC-1' }))
        .many('Escalations', bad, () => ({ raisedOn: raised }))
        .build();
    expect(evaluate(reg(9, 1), 'ESC-3').status).toBe('met');
    expect(evaluate(reg(8, 2), 'ESC-3').status).toBe('partial');
    expect(evaluate(reg(5, 5), 'ESC-3').status).toBe('partial');
    expect(evaluate(reg(4, 6), 'ESC-3').status).toBe('not met');
  });

  it('is n/a with no escalation in the window', () => {
    expect(evaluate(registerBuilder().escalation({ raisedOn: AS_OF - 365 }).build(), 'ESC-3').status).toBe('n/a');
  });
});
