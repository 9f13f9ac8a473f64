import type { EscalationRow, ResourceRow } from '../../../src/domain/types';
import { registerBuilder } from '../../support/register-builder';
import { ANN, AS_OF, evaluate } from './run';

describe('RES-1 Resourcing decided by top management', () => {
  it.each(['Approved', 'Rejected', 'Deferred', ' approved '])('is met when %p by a top-management person', (outcome) => {
    const reg = registerBuilder()
      .executive(ANN)
      .resource({ decidedOn: AS_OF - 10, outcome, approvedBy: 'ANN LEE ' })
      .build();
    const r = evaluate(reg, 'RES-1');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['RES-1']);
  });

  it('is partial when decided, but not by top management', () => {
    const reg = registerBuilder().executive(ANN).resource({ decidedOn: AS_OF - 10, outcome: 'Approved', approvedBy: 'Bob' }).build();
    const r = evaluate(reg, 'RES-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('none Approved by a top-management person: RES-1');
  });

  it('is not met when nothing in the window was decided (Pending does not count)', () => {
    const reg = registerBuilder().executive(ANN).resource({ requestedOn: AS_OF - 10, outcome: 'Pending', approvedBy: ANN }).build();
    const r = evaluate(reg, 'RES-1');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('undecided: RES-1');
  });

  it('dates a row by Decided on, else Requested on', () => {
    const row = (values: Partial<ResourceRow>) =>
      registerBuilder().executive(ANN).resource({ outcome: 'Approved', approvedBy: ANN, ...values }).build();
    expect(evaluate(row({ decidedOn: AS_OF - 10, requestedOn: AS_OF - 400 }), 'RES-1').status).toBe('met');
    expect(evaluate(row({ decidedOn: null, requestedOn: AS_OF - 10 }), 'RES-1').status).toBe('met');
    expect(evaluate(row({ decidedOn: AS_OF - 365, requestedOn: AS_OF - 10 }), 'RES-1').status).toBe('not met');
    expect(evaluate(row({ decidedOn: AS_OF, requestedOn: null }), 'RES-1').status).toBe('met');
  });

  it('is not met on an empty register', () => {
    expect(evaluate(registerBuilder().build(), 'RES-1').status).toBe('not met');
  });
});

describe('RES-2 Resources traceable to SMS needs', () => {
  const traced = { requestedOn: AS_OF - 10, smsNeed: 'After-hours backlog', linkedItem: 'ESC-1' };
  const needOnly = { requestedOn: AS_OF - 10, smsNeed: 'After-hours backlog', linkedItem: null };
  const bare = { requestedOn: AS_OF - 10 };
  const reg = (rows: Partial<ResourceRow>[]) => {
    const b = registerBuilder().escalation({ raisedOn: AS_OF - 20 });
    rows.forEach((r) => b.resource(r));
    return b.build();
  };
  const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

  it('says what each untraceable row lacks', () => {
    const dangling = { requestedOn: AS_OF - 10, smsNeed: 'Capacity', linkedItem: 'DEC-99' };
    const linkOnly = { requestedOn: AS_OF - 10, smsNeed: null, linkedItem: 'ESC-1' };
    const r = evaluate(reg([traced, needOnly, dangling, linkOnly]), 'RES-2');
    expect(r.reason).toContain(
      'not traceable: RES-2 (no Linked item), RES-3 (DEC-99 does not exist) and RES-4 (no SMS need).',
    );
  });

  it('is met at exactly 90% traced, partial just below', () => {
    expect(evaluate(reg([...times(9, traced), bare]), 'RES-2').status).toBe('met');
    const r = evaluate(reg([...times(8, traced), ...times(2, bare)]), 'RES-2');
    expect(r.status).toBe('partial');
    expect(r.reason).toBe(
      '8 of 10 resource rows in the window have an SMS need and a Linked item that exists (80%; met needs ≥90%); not traceable: RES-9 (no SMS need or Linked item) and RES-10 (no SMS need or Linked item). 8 of 10 have an SMS need (80%; partial needs ≥50%).',
    );
  });

  it('is partial when at least 50% have an SMS need, even with no links; not met below', () => {
    expect(evaluate(reg([...times(5, needOnly), ...times(5, bare)]), 'RES-2').status).toBe('partial');
    expect(evaluate(reg([...times(4, needOnly), ...times(6, bare)]), 'RES-2').status).toBe('not met');
  });

  it('needs the linked ID to exist (compared case-insensitively)', () => {
    expect(evaluate(reg([{ ...traced, linkedItem: ' esc-1' }]), 'RES-2').status).toBe('met');
    expect(evaluate(reg([{ ...traced, linkedItem: 'ESC-99' }]), 'RES-2').status).toBe('partial');
  });

  it('accepts a Linked item in any register table', () => {
    const b = registerBuilder().review({ heldOn: AS_OF - 30 }).resource({ ...traced, linkedItem: 'REV-1' });
    expect(evaluate(b.build(), 'RES-2').status).toBe('met');
  });

  it('is n/a with no resource row in the window', () => {
    expect(evaluate(reg([{ ...traced, requestedOn: AS_OF - 365 }]), 'RES-2').status).toBe('n/a');
  });
});

describe('RES-3 Recurring issues resourced', () => {
  const recurring = { raisedOn: AS_OF - 40, trigger: 'Repeat incident' };
  const escalations = (rows: Partial<EscalationRow>[]) => {
    const b = registerBuilder().decision({ decidedOn: AS_OF - 30 });
    rows.forEach((r) => b.escalation(r));
    return b;
  };

  it('is met when the recurring escalation has a Decision that exists', () => {
    const r = evaluate(escalations([{ ...recurring, decision: 'dec-1' }]).build(), 'RES-3');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['ESC-1']);
  });

  it('is met when a resource row is linked to the escalation', () => {
    const reg = escalations([{ ...recurring, trigger: 'SLA miss' }]).resource({ requestedOn: AS_OF - 5, linkedItem: 'Esc-1' }).build();
    expect(evaluate(reg, 'RES-3').status).toBe('met');
  });

  it.each(['repeated outage', 'Chronic SLA misses', 'sla breach', 'SLAs missed', 'Repeat'])('treats %p as recurring', (trigger) => {
    expect(evaluate(escalations([{ ...recurring, trigger }]).build(), 'RES-3').status).toBe('not met');
  });

  it.each(['Audit finding', 'isolated outage', 'translation error', null])('treats %p as not recurring (n/a)', (trigger) => {
    expect(evaluate(escalations([{ ...recurring, trigger }]).build(), 'RES-3').status).toBe('n/a');
  });

  it('does not count a Decision that does not exist, or one decided after as-of', () => {
    expect(evaluate(escalations([{ ...recurring, decision: 'DEC-99' }]).build(), 'RES-3').status).toBe('not met');
    const late = registerBuilder().decision({ decidedOn: AS_OF + 1 }).escalation({ ...recurring, decision: 'DEC-1' }).build();
    expect(evaluate(late, 'RES-3').status).toBe('not met');
  });

  it('says when the Decision does not exist, is not a decision or was decided after as-of, rather than "nothing recorded"', () => {
    const reg = registerBuilder()
      .review({ heldOn: AS_OF - 50 })
      .decision({ decidedOn: AS_OF + 1 })
      .escalation(recurring)
      .escalation({ ...recurring, decision: 'DEC-7' })
      .escalation({ ...recurring, decision: 'REV-1' })
      .escalation({ ...recurring, decision: 'dec-1' })
      .escalation({ ...recurring, decision: 'DEC-8' })
      .build();
    const r = evaluate(reg, 'RES-3');
    expect(r.status).toBe('not met');
    expect(r.reason).toBe(
      "0 of 5 repeat/SLA escalations in the window have a Decision or a linked resource row (0%; met needs ≥80%); nothing recorded for ESC-1; ESC-2's Decision DEC-7 and ESC-5's Decision DEC-8 do not exist; ESC-3's Decision REV-1 is not a Decisions row; ESC-4's Decision dec-1 was decided after as-of.",
    );
  });

  it('says "ESC-3\'s Decision DEC-7 does not exist" for a dangling Decision', () => {
    const reg = escalations([{ ...recurring, decision: 'DEC-1' }, { ...recurring, decision: 'DEC-1' }, { ...recurring, decision: 'DEC-7' }]).build();
    const r = evaluate(reg, 'RES-3');
    expect(r.status).toBe('partial');
    expect(r.reason).toBe(
      "2 of 3 repeat/SLA escalations in the window have a Decision or a linked resource row (66.6%; met needs ≥80%); ESC-3's Decision DEC-7 does not exist.",
    );
  });

  it('needs the Decision to be a Decisions row', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 50 }).escalation({ ...recurring, decision: 'REV-1' }).build();
    expect(evaluate(reg, 'RES-3').status).toBe('not met');
  });

  it('does not count a linked resource row dated after as-of', () => {
    const reg = escalations([recurring]).resource({ requestedOn: AS_OF + 1, linkedItem: 'ESC-1' }).build();
    expect(evaluate(reg, 'RES-3').status).toBe('not met');
  });

  it('is met at exactly 80%, partial at exactly 40%, not met below', () => {
    const rows = (ok: number, bad: number) => [
      ...Array.from({ length: ok }, () => ({ ...recurring, decision: 'DEC-1' })),
      ...Array.from({ length: bad }, () => recurring),
    ];
    expect(evaluate(escalations(rows(4, 1)).build(), 'RES-3').status).toBe('met');
    expect(evaluate(escalations(rows(3, 2)).build(), 'RES-3').status).toBe('partial');
    expect(evaluate(escalations(rows(2, 3)).build(), 'RES-3').status).toBe('partial');
    const r = evaluate(escalations(rows(1, 4)).build(), 'RES-3');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('nothing recorded for ESC-2, ESC-3, ESC-4 and ESC-5');
  });

  it('is n/a when recurring escalations lie outside the window', () => {
    expect(evaluate(escalations([{ ...recurring, raisedOn: AS_OF - 365 }]).build(), 'RES-3').status).toBe('n/a');
  });
});
