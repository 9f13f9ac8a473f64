import { registerBuilder, type RegisterBuilder } from '../../support/register-builder';
import { ANN, AS_OF, evaluate } from './run';

/** A builder with Ann Lee as top management and held reviews `daysBefore` as-of (all attended). */
function withHeld(...daysBefore: number[]): RegisterBuilder {
  const b = registerBuilder().executive(ANN);
  for (const d of daysBefore) b.review({ heldOn: AS_OF - d, status: 'Held', topManagementPresent: [ANN] });
  return b;
}

describe('GOV-1 Reviews on cadence', () => {
  // Defaults: lookback 365, cadence 90 → ⌊365 ÷ 90⌋ = 4 reviews expected; last ≤ 112.5 days before as-of.
  it('is met with 4 held reviews in the window, the last recent enough', () => {
    const r = evaluate(withHeld(10, 100, 190, 280).build(), 'GOV-1');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['REV-1', 'REV-2', 'REV-3', 'REV-4']);
    expect(r.reason).toContain('4 held reviews in the window (4 expected, one every 90 days)');
    expect(r.reason).toContain('the last, REV-1 on 2026-06-20, was 10 days before as-of (limit 112.5)');
  });

  it('is partial with too few held reviews', () => {
    const r = evaluate(withHeld(10, 100, 190).build(), 'GOV-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('too few reviews');
  });

  it('counts a review held on the as-of date and excludes one held exactly at the window start', () => {
    expect(evaluate(withHeld(0, 100, 200, 365).build(), 'GOV-1').status).toBe('partial');
    expect(evaluate(withHeld(0, 100, 200, 364).build(), 'GOV-1').status).toBe('met');
  });

  it('applies the 1.25 × cadence limit inclusively (cadence 80 → 100 days)', () => {
    // lookback 365, cadence 80 → ⌊365 ÷ 80⌋ = 4 expected.
    const onEdge = withHeld(100, 150, 200, 250).settings({ reviewCadenceDays: 80 }).build();
    expect(evaluate(onEdge, 'GOV-1').status).toBe('met');
    const past = withHeld(101, 150, 200, 250).settings({ reviewCadenceDays: 80 }).build();
    const r = evaluate(past, 'GOV-1');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('the last review is too long ago');
  });

  it('expects at least one review when the cadence is longer than the lookback', () => {
    const reg = withHeld(10).settings({ lookbackDays: 30, reviewCadenceDays: 90 }).build();
    expect(evaluate(reg, 'GOV-1').status).toBe('met');
  });

  it('expects one review when the cadence is zero', () => {
    const reg = withHeld(0).settings({ reviewCadenceDays: 0 }).build();
    expect(evaluate(reg, 'GOV-1').status).toBe('met');
  });

  it('counts a blank Status as Held, but never Planned or Cancelled rows, future dates or a missing Held on', () => {
    const reg = registerBuilder()
      .review({ heldOn: AS_OF - 10, status: null })
      .review({ heldOn: AS_OF - 100, status: 'Planned' })
      .review({ heldOn: AS_OF - 190, status: 'Cancelled' })
      .review({ heldOn: AS_OF + 1, status: 'Held' })
      .review({ heldOn: null, status: 'Held' })
      .build();
    const r = evaluate(reg, 'GOV-1');
    expect(r.status).toBe('partial');
    expect(r.evidence).toEqual(['REV-1']);
  });

  it('is not met with no held review in the window', () => {
    const r = evaluate(withHeld(365, 400).build(), 'GOV-1');
    expect(r.status).toBe('not met');
    expect(r.evidence).toEqual([]);
    expect(r.reason).toContain('No held review in the window (2025-07-01 to 2026-06-30)');
  });
});

describe('GOV-2 Top management attends', () => {
  it('is met when every held review had top management present, matched case-insensitively and trimmed', () => {
    const reg = registerBuilder()
      .executive(ANN)
      .review({ heldOn: AS_OF - 10, topManagementPresent: ['Bob', ' ann LEE '] })
      .review({ heldOn: AS_OF - 100, topManagementPresent: ['ANN LEE'] })
      .build();
    const r = evaluate(reg, 'GOV-2');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['REV-1', 'REV-2']);
  });

  it('counts a top-management Chair as present', () => {
    const reg = registerBuilder().executive(ANN).review({ heldOn: AS_OF - 10, chair: ' ann lee' }).build();
    expect(evaluate(reg, 'GOV-2').status).toBe('met');
  });

  it('is partial at exactly 50%', () => {
    const reg = registerBuilder()
      .executive(ANN)
      .review({ heldOn: AS_OF - 10, topManagementPresent: [ANN] })
      .review({ heldOn: AS_OF - 100, topManagementPresent: ['Bob'] })
      .build();
    const r = evaluate(reg, 'GOV-2');
    expect(r.status).toBe('partial');
    expect(r.reason).toBe(
      '1 of 2 held reviews in the window had a top-management member present or in the chair (50%; met needs all); no top management at REV-2.',
    );
  });

  it('is not met below 50%', () => {
    const reg = registerBuilder()
      .executive(ANN)
      .review({ heldOn: AS_OF - 10, topManagementPresent: [ANN] })
      .review({ heldOn: AS_OF - 100 })
      .review({ heldOn: AS_OF - 200 })
      .build();
    expect(evaluate(reg, 'GOV-2').status).toBe('not met');
  });

  it('does not count a name with extra text, or someone who is not Active top management', () => {
    const reg = registerBuilder()
      .executive(ANN)
      .executive('Cy', { status: 'Ended' })
      .accountability({ person: 'Dee', topManagement: false, status: 'Active' })
      .review({ heldOn: AS_OF - 10, topManagementPresent: ['Ann Lee (COO)'] })
      .review({ heldOn: AS_OF - 20, topManagementPresent: ['Cy', 'Dee'], chair: 'Dee' })
      .build();
    expect(evaluate(reg, 'GOV-2').status).toBe('not met');
  });

  it('counts top management whose Status is blank', () => {
    const reg = registerBuilder().executive(ANN, { status: null }).review({ heldOn: AS_OF - 10, topManagementPresent: [ANN] }).build();
    expect(evaluate(reg, 'GOV-2').status).toBe('met');
  });

  it('is not met with no held review', () => {
    expect(evaluate(registerBuilder().executive(ANN).build(), 'GOV-2').status).toBe('not met');
  });
});

describe('GOV-3 Required inputs covered', () => {
  const TEN = ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10'];
  const covering = (...counts: number[]) => {
    const b = registerBuilder().settings({ requiredReviewInputs: TEN });
    counts.forEach((c, i) => b.review({ heldOn: AS_OF - 10 - i, inputsCovered: TEN.slice(0, c) }));
    return b.build();
  };

  it('is met at exactly 90% mean coverage, partial just below', () => {
    expect(evaluate(covering(9), 'GOV-3').status).toBe('met');
    expect(evaluate(covering(10, 8), 'GOV-3').status).toBe('met'); // (10 + 8) ÷ 20 = 0.9
    expect(evaluate(covering(8), 'GOV-3').status).toBe('partial');
    expect(evaluate(covering(10, 7), 'GOV-3').status).toBe('partial'); // 17 ÷ 20 = 0.85
  });

  it('is partial at exactly 50%, not met below', () => {
    expect(evaluate(covering(5), 'GOV-3').status).toBe('partial');
    expect(evaluate(covering(4), 'GOV-3').status).toBe('not met');
  });

  it('matches inputs case-insensitively and trimmed, counting each required input once', () => {
    const reg = registerBuilder()
      .settings({ requiredReviewInputs: ['Trends', 'Audit results'] })
      .review({ heldOn: AS_OF - 10, inputsCovered: [' trends', 'TRENDS', 'Trends', 'Something else'] })
      .build();
    const r = evaluate(reg, 'GOV-3');
    expect(r.status).toBe('partial'); // 1 of 2
    expect(r.reason).toContain('covered 50% of the 2 required inputs');
    expect(r.reason).toContain('most often missing: Audit results (1 review)');
  });

  it('names a review that shares its ID by its sheet row, in one pair of brackets', () => {
    const reg = registerBuilder()
      .settings({ requiredReviewInputs: ['Trends', 'Audit results'] })
      .review({ id: 'REV-2', heldOn: AS_OF - 10, inputsCovered: ['Trends'] })
      .review({ id: 'REV-2', heldOn: AS_OF - 20, inputsCovered: ['Trends', 'Audit results'] })
      .review({ id: 'REV-3', heldOn: AS_OF - 30, inputsCovered: [] })
      .build();
    const r = evaluate(reg, 'GOV-3');
    expect(r.evidence).toEqual(['REV-2 (row 2)', 'REV-2 (row 3)', 'REV-3']);
    expect(r.reason).toBe(
      'Held reviews in the window covered 50% of the 2 required inputs on average (met needs ≥90%); least covered: REV-3 (0 of 2) and REV-2 (row 2; 1 of 2); most often missing: Audit results (2 reviews).',
    );
  });

  it('uses the default inputs when the setting is empty', () => {
    const reg = registerBuilder()
      .settings({ requiredReviewInputs: [] })
      .review({
        heldOn: AS_OF - 10,
        inputsCovered: ['Service performance', 'Major incidents', 'Trends', 'Audit results', 'Nonconformities', 'Customer feedback'],
      })
      .build();
    expect(evaluate(reg, 'GOV-3').status).toBe('met');
  });

  it('does not count a longer phrase as the input', () => {
    const reg = registerBuilder()
      .settings({ requiredReviewInputs: ['Trends'] })
      .review({ heldOn: AS_OF - 10, inputsCovered: ['Trends and forecasts'] })
      .build();
    expect(evaluate(reg, 'GOV-3').status).toBe('not met');
  });

  it('names the least covered reviews', () => {
    const reg = registerBuilder()
      .review({ heldOn: AS_OF - 10, inputsCovered: ['Trends', 'Major incidents', 'Audit results', 'Nonconformities'] })
      .review({ heldOn: AS_OF - 20, inputsCovered: ['Trends', 'Major incidents', 'Audit results'] })
      .build();
    const r = evaluate(reg, 'GOV-3');
    // 7 of 12 = 58.3%
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('covered 58.3% of the 6 required inputs on average (met needs ≥90%)');
    expect(r.reason).toContain('least covered: REV-2 (3 of 6) and REV-1 (4 of 6)');
    expect(r.reason).toContain('most often missing: Service performance (2 reviews)');
  });

  it('is not met with no held review in the window', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 365, inputsCovered: ['Trends'] }).build();
    expect(evaluate(reg, 'GOV-3').status).toBe('not met');
  });
});

describe('GOV-4 Reviews produce decisions', () => {
  it('is met when every review held ≥7 days before as-of is the Source of a decision (7 days exactly counts)', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 7 }).decision({ source: 'REV-1', decidedOn: AS_OF - 7 }).build();
    const r = evaluate(reg, 'GOV-4');
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual(['REV-1']);
  });

  it('is n/a when the only held review is 6 days old', () => {
    const r = evaluate(registerBuilder().review({ heldOn: AS_OF - 6 }).build(), 'GOV-4');
    expect(r.status).toBe('n/a');
    expect(r.score).toBeNull();
  });

  it('is n/a when the only review is outside the window or not held', () => {
    expect(evaluate(registerBuilder().review({ heldOn: AS_OF - 365 }).build(), 'GOV-4').status).toBe('n/a');
    expect(evaluate(registerBuilder().review({ heldOn: AS_OF - 30, status: 'Planned' }).build(), 'GOV-4').status).toBe('n/a');
  });

  it('is partial at exactly 50% and names the review without a decision', () => {
    const reg = registerBuilder()
      .review({ heldOn: AS_OF - 30 })
      .review({ heldOn: AS_OF - 60 })
      .decision({ source: ' rev-1 ' })
      .build();
    const r = evaluate(reg, 'GOV-4');
    expect(r.status).toBe('partial');
    expect(r.reason).toBe(
      '1 of 2 held reviews in the window (held ≥7 days before as-of) produced a decision (50%; met needs all); REV-2 did not.',
    );
  });

  it('is not met below 50%', () => {
    const reg = registerBuilder()
      .review({ heldOn: AS_OF - 30 })
      .review({ heldOn: AS_OF - 60 })
      .review({ heldOn: AS_OF - 90 })
      .decision({ source: 'REV-3' })
      .build();
    expect(evaluate(reg, 'GOV-4').status).toBe('not met');
  });

  it('counts a Cancelled decision: the review did decide, cancelling came later', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 30 }).decision({ source: 'REV-1', status: 'Cancelled' }).build();
    expect(evaluate(reg, 'GOV-4').status).toBe('met');
  });

  it('does not count a decision dated after the as-of date', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 30 }).decision({ source: 'REV-1', decidedOn: AS_OF + 1 }).build();
    expect(evaluate(reg, 'GOV-4').status).toBe('not met');
  });

  it('labels a review without an ID by its sheet row', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 30, id: null, row: 9 }).build();
    const r = evaluate(reg, 'GOV-4');
    expect(r.status).toBe('not met');
    expect(r.evidence).toEqual(['Reviews row 9']);
    expect(r.reason).toBe(
      '0 of 1 held reviews in the window (held ≥7 days before as-of) produced a decision (0%; met needs all); Reviews row 9 has no ID for a decision to name as Source.',
    );
  });

  it('says when a review is the Source only of decisions dated after as-of', () => {
    const reg = registerBuilder()
      .review({ heldOn: AS_OF - 30 })
      .review({ heldOn: AS_OF - 20 })
      .decision({ source: 'REV-1', decidedOn: AS_OF + 1 })
      .build();
    expect(evaluate(reg, 'GOV-4').reason).toBe(
      '0 of 2 held reviews in the window (held ≥7 days before as-of) produced a decision (0%; met needs all); REV-2 did not; REV-1 is the Source only of decisions dated after as-of.',
    );
  });

  it('tells reviews that share an ID apart by their sheet row', () => {
    // A second REV-2 on sheet row 5, also without a decision; the unique REV-1 and REV-3 stay bare.
    const reg = withHeld(30, 20, 10)
      .review({ id: 'REV-2', heldOn: AS_OF - 15, status: 'Held', topManagementPresent: [ANN] })
      .decision({ source: 'REV-1', decidedOn: AS_OF - 29 })
      .build();
    const r = evaluate(reg, 'GOV-4');
    expect(r.evidence).toEqual(['REV-1', 'REV-2 (row 3)', 'REV-3', 'REV-2 (row 5)']);
    expect(r.reason).toBe(
      '1 of 4 held reviews in the window (held ≥7 days before as-of) produced a decision (25%; met needs all); REV-2 (row 3), REV-3 and REV-2 (row 5) did not.',
    );
  });
});

describe('GOV-5 Minutes retained', () => {
  it('is met when every held review has a Minutes link', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 10, minutesLink: 'a' }).review({ heldOn: AS_OF - 20, minutesLink: 'b' }).build();
    expect(evaluate(reg, 'GOV-5').status).toBe('met');
  });

  it('is partial at exactly 50% (a link of spaces is blank)', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 10, minutesLink: 'a' }).review({ heldOn: AS_OF - 20, minutesLink: ' ' }).build();
    const r = evaluate(reg, 'GOV-5');
    expect(r.status).toBe('partial');
    expect(r.reason).toContain('no minutes for REV-2');
  });

  it('is not met below 50% and with no held review', () => {
    const reg = registerBuilder()
      .review({ heldOn: AS_OF - 10, minutesLink: 'a' })
      .review({ heldOn: AS_OF - 20 })
      .review({ heldOn: AS_OF - 30 })
      .build();
    expect(evaluate(reg, 'GOV-5').status).toBe('not met');
    expect(evaluate(registerBuilder().build(), 'GOV-5').status).toBe('not met');
  });

  it('ignores reviews outside the window', () => {
    const reg = registerBuilder().review({ heldOn: AS_OF - 10, minutesLink: 'a' }).review({ heldOn: AS_OF - 365 }).build();
    expect(evaluate(reg, 'GOV-5').status).toBe('met');
  });
});
