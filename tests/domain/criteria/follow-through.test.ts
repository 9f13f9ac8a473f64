import type { DecisionRow } from '../../../src/domain/types';
import { registerBuilder } from '../../support/register-builder';
import { AS_OF, evaluate } from './run';

/** A register with `ok` decisions passing and `bad` failing, in that order. */
function decisions(ok: number, bad: number, pass: Partial<DecisionRow>, fail: Partial<DecisionRow>) {
  return registerBuilder()
    .many('Decisions', ok, () => pass)
    .many('Decisions', bad, () => fail)
    .build();
}

describe('FOL-1 Decisions assigned', () => {
  const assigned = { decidedOn: AS_OF - 10, owner: 'Bo', dueDate: AS_OF + 30 };
  const unassigned = { decidedOn: AS_OF - 10, owner: null, dueDate: AS_OF + 30 };

  it('is met at exactly 95%, partial just below', () => {
    expect(evaluate(decisions(19, 1, assigned, unassigned), 'FOL-1').status).toBe('met');
    const r = evaluate(decisions(18, 2, assigned, unassigned), 'FOL-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toBe(
      '18 of 20 decisions in the window (not Cancelled) have an Owner and a Due date (90%; met needs ≥95%); no Owner or no Due date: DEC-19 and DEC-20.',
    );
  });

  it('is partial at exactly 60%, not met just below', () => {
    expect(evaluate(decisions(3, 2, assigned, unassigned), 'FOL-1').status).toBe('partial');
    expect(evaluate(decisions(5, 5, assigned, unassigned), 'FOL-1').status).toBe('not met');
  });

  it('needs both Owner and Due date (an Owner of spaces is blank)', () => {
    expect(evaluate(decisions(0, 1, assigned, { ...assigned, dueDate: null }), 'FOL-1').status).toBe('not met');
    expect(evaluate(decisions(0, 1, assigned, { ...assigned, owner: '  ' }), 'FOL-1').status).toBe('not met');
  });

  it('leaves out Cancelled decisions', () => {
    const r = evaluate(decisions(1, 1, assigned, { ...unassigned, status: 'Cancelled' }), 'FOL-1');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['DEC-1']);
  });

  it('uses Decided on for the window: the as-of date is in, the window start is out', () => {
    expect(evaluate(decisions(1, 0, { ...assigned, decidedOn: AS_OF }, unassigned), 'FOL-1').status).toBe('met');
    expect(evaluate(decisions(0, 1, assigned, { ...unassigned, decidedOn: AS_OF - 365 }), 'FOL-1').status).toBe('n/a');
    expect(evaluate(decisions(0, 1, assigned, { ...unassigned, decidedOn: AS_OF - 364 }), 'FOL-1').status).toBe('not met');
  });

  it('leaves out a decision without Decided on (not in the window)', () => {
    expect(evaluate(decisions(0, 1, assigned, { ...unassigned, decidedOn: null }), 'FOL-1').status).toBe('n/a');
  });

  it('tells decisions that share an ID (case-insensitively) apart by their sheet row; unique IDs stay bare', () => {
    const reg = registerBuilder()
      .decision(assigned)
      .decision({ ...unassigned, id: 'DEC-2' })
      .decision(assigned)
      .decision({ ...unassigned, id: 'dec-2' })
      .decision({ ...unassigned, id: null, row: 7 })
      .review({ id: 'REV-1' })
      .review({ id: 'REV-1' })
      .build();
    const r = evaluate(reg, 'FOL-1');
    expect(r.status).toBe('not met');
    expect(r.evidence).toEqual(['DEC-1', 'DEC-2 (row 3)', 'DEC-3', 'dec-2 (row 5)', 'Decisions row 7']);
    expect(r.reason).toBe(
      '2 of 5 decisions in the window (not Cancelled) have an Owner and a Due date (40%; met needs ≥95%); no Owner or no Due date: DEC-2 (row 3), dec-2 (row 5) and Decisions row 7.',
    );
  });

  it('is n/a with no decisions, or only Cancelled ones, in the window', () => {
    expect(evaluate(registerBuilder().build(), 'FOL-1').status).toBe('n/a');
    expect(evaluate(decisions(0, 2, assigned, { ...unassigned, status: 'cancelled' }), 'FOL-1').status).toBe('n/a');
  });
});

describe('FOL-2 Actions on time', () => {
  const due = AS_OF - 20;
  const onTime = { dueDate: due, status: 'Done', completedOn: due };
  const late = { dueDate: due, status: 'Done', completedOn: due + 1 };

  it('is met at exactly 90%, partial just below', () => {
    expect(evaluate(decisions(9, 1, onTime, late), 'FOL-2').status).toBe('met');
    expect(evaluate(decisions(8, 2, onTime, late), 'FOL-2').status).toBe('partial');
  });

  it('is partial at exactly 60%, not met just below', () => {
    expect(evaluate(decisions(6, 4, onTime, late), 'FOL-2').status).toBe('partial');
    expect(evaluate(decisions(5, 5, onTime, late), 'FOL-2').status).toBe('not met');
  });

  it('counts completion on the due date as on time, a day later as late', () => {
    expect(evaluate(decisions(1, 0, onTime, late), 'FOL-2').status).toBe('met');
    const r = evaluate(decisions(0, 1, onTime, late), 'FOL-2');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('late or not done: DEC-1');
  });

  it('does not count Done without Completed on, or a completion date on a row not Done', () => {
    expect(evaluate(decisions(0, 1, onTime, { ...onTime, completedOn: null }), 'FOL-2').status).toBe('not met');
    expect(evaluate(decisions(0, 1, onTime, { ...onTime, status: 'In progress' }), 'FOL-2').status).toBe('not met');
  });

  it('selects by Due date in the window, whatever Decided on is', () => {
    const reg = decisions(1, 0, { ...onTime, decidedOn: AS_OF - 500 }, late);
    expect(evaluate(reg, 'FOL-2').status).toBe('met');
  });

  it('is n/a when nothing is due in the window (start out, after as-of out) or only Cancelled rows are', () => {
    expect(evaluate(decisions(0, 1, onTime, { ...late, dueDate: AS_OF - 365, completedOn: null }), 'FOL-2').status).toBe('n/a');
    expect(evaluate(decisions(0, 1, onTime, { ...late, dueDate: AS_OF + 1, completedOn: null }), 'FOL-2').status).toBe('n/a');
    expect(evaluate(decisions(0, 1, onTime, { ...late, status: 'Cancelled' }), 'FOL-2').status).toBe('n/a');
  });

  it('tells decisions that share an ID apart by their sheet row, even when only one of them is due in the window', () => {
    const reg = registerBuilder()
      .decision({ ...onTime, id: 'DEC-1' })
      .decision({ ...late, id: 'DEC-2' })
      .decision({ ...late, id: 'DEC-3' })
      .decision({ ...late, id: 'DEC-2' })
      .decision({ ...late, id: 'DEC-3', dueDate: AS_OF + 10 })
      .build();
    const r = evaluate(reg, 'FOL-2');
    expect(r.evidence).toEqual(['DEC-1', 'DEC-2 (row 3)', 'DEC-3 (row 4)', 'DEC-2 (row 5)']);
    expect(r.reason).toBe(
      '1 of 4 decisions due in the window (not Cancelled) were Done on or before their Due date (25%; met needs ≥90%); late or not done: DEC-2 (row 3), DEC-3 (row 4) and DEC-2 (row 5).',
    );
  });

  it('counts an open action due on the as-of date as not done', () => {
    expect(evaluate(decisions(0, 1, onTime, { dueDate: AS_OF, status: 'Open' }), 'FOL-2').status).toBe('not met');
  });
});

describe('FOL-3 Effectiveness checked', () => {
  const base = { decidedOn: AS_OF - 100, type: 'Corrective action', status: 'Done', completedOn: AS_OF - 50 };
  const checked = { ...base, effectivenessCheck: 'Incident count fell from 9 to 2', effective: 'Yes' };
  const unchecked = { ...base, effectivenessCheck: null, effective: null };

  it('is met at exactly 80%, partial at 60% and at exactly 40%, not met below', () => {
    expect(evaluate(decisions(4, 1, checked, unchecked), 'FOL-3').status).toBe('met');
    expect(evaluate(decisions(3, 2, checked, unchecked), 'FOL-3').status).toBe('partial');
    expect(evaluate(decisions(2, 3, checked, unchecked), 'FOL-3').status).toBe('partial');
    expect(evaluate(decisions(1, 4, checked, unchecked), 'FOL-3').status).toBe('not met');
  });

  it('counts Effective = No (checked, not effective) but not Pending, and needs the check text', () => {
    expect(evaluate(decisions(1, 0, { ...checked, effective: 'No' }, unchecked), 'FOL-3').status).toBe('met');
    expect(evaluate(decisions(0, 1, checked, { ...checked, effective: 'Pending' }), 'FOL-3').status).toBe('not met');
    expect(evaluate(decisions(0, 1, checked, { ...checked, effectivenessCheck: ' ' }), 'FOL-3').status).toBe('not met');
  });

  it('only considers Done corrective actions (Type and Status compared case-insensitively)', () => {
    expect(evaluate(decisions(0, 1, checked, { ...unchecked, status: 'In progress' }), 'FOL-3').status).toBe('n/a');
    expect(evaluate(decisions(0, 1, checked, { ...unchecked, type: 'Process' }), 'FOL-3').status).toBe('n/a');
    expect(evaluate(decisions(0, 1, checked, { ...unchecked, type: 'corrective ACTION', status: 'done' }), 'FOL-3').status).toBe('not met');
  });

  it('is in the window by Decided on or by Completed on', () => {
    const decidedIn = { ...unchecked, decidedOn: AS_OF - 364, completedOn: null };
    expect(evaluate(decisions(0, 1, checked, decidedIn), 'FOL-3').status).toBe('not met');
    const completedIn = { ...unchecked, decidedOn: AS_OF - 400, completedOn: AS_OF - 10 };
    expect(evaluate(decisions(0, 1, checked, completedIn), 'FOL-3').status).toBe('not met');
    const neither = { ...unchecked, decidedOn: AS_OF - 400, completedOn: AS_OF - 365 };
    expect(evaluate(decisions(0, 1, checked, neither), 'FOL-3').status).toBe('n/a');
  });

  it('is n/a when no Done corrective action is in the window', () => {
    expect(evaluate(registerBuilder().build(), 'FOL-3').status).toBe('n/a');
  });
});
