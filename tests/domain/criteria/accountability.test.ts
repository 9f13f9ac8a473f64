import { registerBuilder } from '../../support/register-builder';
import { AS_OF, evaluate } from './run';

describe('ACC-1 Named executive owner', () => {
  it('is met by an Active top-management row accountable for SMS effectiveness with a Person', () => {
    const r = evaluate(registerBuilder().owner('Ann Lee').build(), 'ACC-1');
    expect(r.status).toBe('met');
    expect(r.score).toBe(1);
    expect(r.evidence).toEqual(['ACC-1']);
    expect(r.reason).toContain('Ann Lee (ACC-1)');
  });

  it('names an owner row that shares its ID by its sheet row, in one pair of brackets', () => {
    const r = evaluate(registerBuilder().owner('Ann Lee').owner('Bo Chan', { id: 'ACC-1' }).build(), 'ACC-1');
    expect(r.evidence).toEqual(['ACC-1 (row 2)', 'ACC-1 (row 3)']);
    expect(r.reason).toBe('Accountable for SMS effectiveness and in top management: Ann Lee (ACC-1, row 2) and Bo Chan (ACC-1, row 3).');
  });

  it('counts a blank Status as Active, and compares Status case-insensitively', () => {
    expect(evaluate(registerBuilder().owner('Ann', { status: null }).build(), 'ACC-1').status).toBe('met');
    expect(evaluate(registerBuilder().owner('Ann', { status: ' active ' }).build(), 'ACC-1').status).toBe('met');
  });

  it('is partial when the accountable person is not top management (a manager without executive authority)', () => {
    const reg = registerBuilder()
      .executive('Ann Lee')
      .accountability({ person: 'Bob Ray', accountable: true, topManagement: false, status: 'Active' })
      .build();
    const r = evaluate(reg, 'ACC-1');
    expect(r.status).toBe('partial');
    expect(r.score).toBe(0.5);
    expect(r.evidence).toEqual(['ACC-2']);
    expect(r.reason).toContain('Bob Ray (ACC-2) is accountable for SMS effectiveness but not top management');
  });

  it('is partial when Top management is blank on the accountable row', () => {
    const reg = registerBuilder().accountability({ person: 'Bob', accountable: true }).build();
    expect(evaluate(reg, 'ACC-1').status).toBe('partial');
  });

  it('is not partial when the accountable non-executive row names no Person', () => {
    const reg = registerBuilder().accountability({ person: ' ', accountable: true, topManagement: false, status: 'Active' }).build();
    expect(evaluate(reg, 'ACC-1').status).toBe('not met');
  });

  it('scores a nameless owner row only once: ACC-1 fails, ACC-2 and ACC-3 still read it', () => {
    const reg = registerBuilder().owner('', { documentedIn: 'Charter', documentLink: 'x', canAllocate: true }).build();
    expect(evaluate(reg, 'ACC-1').status).toBe('not met');
    expect(evaluate(reg, 'ACC-2').status).toBe('met');
    expect(evaluate(reg, 'ACC-3').status).toBe('met');
  });

  it('is not met when the owner row names no Person (blank or spaces)', () => {
    const reg = registerBuilder().owner('   ').build();
    const r = evaluate(reg, 'ACC-1');
    expect(r.status).toBe('not met');
    expect(r.score).toBe(0);
    expect(r.evidence).toEqual(['ACC-1']);
    expect(r.reason).toContain('ACC-1 names no Person');
  });

  it.each(['Ended', 'Vacant'])('is not met when the only owner row is %s', (status) => {
    const r = evaluate(registerBuilder().owner('Ann', { status }).build(), 'ACC-1');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('ACC-1 is not Active');
  });

  it('is not met when an Ended manager is accountable (partial needs an Active row)', () => {
    const reg = registerBuilder().accountability({ person: 'Bob', accountable: true, topManagement: false, status: 'Ended' }).build();
    expect(evaluate(reg, 'ACC-1').status).toBe('not met');
  });

  it('is not met when top management is not accountable, and on an empty register', () => {
    expect(evaluate(registerBuilder().executive('Ann').build(), 'ACC-1').status).toBe('not met');
    const empty = evaluate(registerBuilder().build(), 'ACC-1');
    expect(empty.status).toBe('not met');
    expect(empty.evidence).toEqual([]);
  });
});

describe('ACC-2 Accountability documented', () => {
  it('is met when an owner row has Documented in and a Document link', () => {
    const reg = registerBuilder().owner('Ann', { documentedIn: 'Charter', documentLink: 'https://intranet/charter' }).build();
    const r = evaluate(reg, 'ACC-2');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['ACC-1']);
  });

  it('is met when any owner row has both, even if another has one', () => {
    const reg = registerBuilder()
      .owner('Ann', { documentLink: 'x' })
      .owner('Cy', { documentedIn: 'RACI', documentLink: 'y' })
      .build();
    const r = evaluate(reg, 'ACC-2');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['ACC-2']);
  });

  it('is partial with Documented in only, or with a Document link only', () => {
    const where = evaluate(registerBuilder().owner('Ann', { documentedIn: 'Charter' }).build(), 'ACC-2');
    expect(where.status).toBe('partial');
    expect(where.reason).toContain('ACC-1 has Documented in but no Document link');
    const link = evaluate(registerBuilder().owner('Ann', { documentLink: 'x' }).build(), 'ACC-2');
    expect(link.status).toBe('partial');
    expect(link.reason).toContain('ACC-1 has a Document link but no Documented in');
  });

  it('treats a link of spaces as blank', () => {
    const reg = registerBuilder().owner('Ann', { documentedIn: 'Charter', documentLink: '  ' }).build();
    expect(evaluate(reg, 'ACC-2').status).toBe('partial');
  });

  it('is not met with neither, and when there is no owner row even if someone else is documented', () => {
    const neither = evaluate(registerBuilder().owner('Ann').build(), 'ACC-2');
    expect(neither.status).toBe('not met');
    expect(neither.evidence).toEqual(['ACC-1']);
    const reg = registerBuilder().executive('Ann', { documentedIn: 'Charter', documentLink: 'x' }).build();
    const none = evaluate(reg, 'ACC-2');
    expect(none.status).toBe('not met');
    expect(none.evidence).toEqual([]);
    expect(none.reason).toContain('No owner row');
  });
});

describe('ACC-3 Authority to resource', () => {
  it('is met when an owner row can allocate resources', () => {
    const reg = registerBuilder().owner('Ann').owner('Cy', { canAllocate: true }).build();
    const r = evaluate(reg, 'ACC-3');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['ACC-2']);
  });

  it.each([false, null])('is not met when Can allocate resources is %p', (canAllocate) => {
    const r = evaluate(registerBuilder().owner('Ann', { canAllocate }).build(), 'ACC-3');
    expect(r.status).toBe('not met');
    expect(r.evidence).toEqual(['ACC-1']);
  });

  it('ignores rows that are not owner rows', () => {
    const reg = registerBuilder()
      .executive('Ann', { canAllocate: true })
      .owner('Cy', { canAllocate: true, status: 'Ended' })
      .build();
    expect(evaluate(reg, 'ACC-3').status).toBe('not met');
  });
});

describe('ACC-4 Effectiveness defined', () => {
  it('is met when Settings has an Effectiveness definition', () => {
    const reg = registerBuilder().settings({ effectivenessDefinition: 'SLAs met; nonconformities closed' }).build();
    expect(evaluate(reg, 'ACC-4').status).toBe('met');
  });

  it.each(['', '   '])('is not met when it is %p', (effectivenessDefinition) => {
    const r = evaluate(registerBuilder().settings({ effectivenessDefinition }).build(), 'ACC-4');
    expect(r.status).toBe('not met');
    expect(r.reason).toContain('blank');
  });
});

describe('ACC-5 Accountability current', () => {
  it('is met when accepted in the window with no Next review', () => {
    const r = evaluate(registerBuilder().owner('Ann', { acceptedOn: AS_OF - 364 }).build(), 'ACC-5');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['ACC-1']);
  });

  it('is met when accepted on the as-of date with Next review on the as-of date (both inclusive)', () => {
    const reg = registerBuilder().owner('Ann', { acceptedOn: AS_OF, nextReview: AS_OF }).build();
    expect(evaluate(reg, 'ACC-5').status).toBe('met');
  });

  it('is partial when accepted exactly at the window start (out of the window)', () => {
    const r = evaluate(registerBuilder().owner('Ann', { acceptedOn: AS_OF - 365 }).build(), 'ACC-5');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('ACC-1 accepted before the window (on or before 2025-06-30)');
  });

  it('is partial when the Next review is past', () => {
    const r = evaluate(registerBuilder().owner('Ann', { acceptedOn: AS_OF - 10, nextReview: AS_OF - 1 }).build(), 'ACC-5');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('ACC-1 has a Next review before the as-of date');
  });

  it('is partial when accepted after the as-of date', () => {
    const r = evaluate(registerBuilder().owner('Ann', { acceptedOn: AS_OF + 1 }).build(), 'ACC-5');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('after the as-of date');
  });

  it('follows Lookback days', () => {
    const edge = registerBuilder().settings({ lookbackDays: 30 }).owner('Ann', { acceptedOn: AS_OF - 30 }).build();
    expect(evaluate(edge, 'ACC-5').status).toBe('partial');
    const inside = registerBuilder().settings({ lookbackDays: 30 }).owner('Ann', { acceptedOn: AS_OF - 29 }).build();
    expect(evaluate(inside, 'ACC-5').status).toBe('met');
  });

  it('is met by one current owner row even when another is stale, and cites only the current one', () => {
    const reg = registerBuilder().owner('Old', { acceptedOn: AS_OF - 900 }).owner('New', { acceptedOn: AS_OF - 5 }).build();
    const r = evaluate(reg, 'ACC-5');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['ACC-2']);
  });

  it('is not met when no owner row has Accepted on, or there is no owner row', () => {
    const blank = evaluate(registerBuilder().owner('Ann').build(), 'ACC-5');
    expect(blank.status).toBe('not met');
    expect(blank.reason).toContain('Owner row ACC-1 has no Accepted on date');
    const nonOwner = registerBuilder().executive('Ann', { acceptedOn: AS_OF - 5 }).build();
    expect(evaluate(nonOwner, 'ACC-5').status).toBe('not met');
  });
});
