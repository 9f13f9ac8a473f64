import fc from 'fast-check';
import { assess, ratingFor } from '../../src/domain/assess';
import { CRITERIA } from '../../src/domain/criteria';
import { QUESTIONS, questionStatus } from '../../src/domain/questions';
import type { Status } from '../../src/domain/types';
import { day, registerBuilder } from '../support/register-builder';

const AS_OF = day('2026-06-30');

describe('assess: the result object', () => {
  it('lists the 22 criteria in spec order with their titles and a remedy', () => {
    const result = assess(registerBuilder().build(), { today: AS_OF });
    expect(result.criteria.map((c) => `${c.id} ${c.title}`)).toEqual([
      'ACC-1 Named executive owner',
      'ACC-2 Accountability documented',
      'ACC-3 Authority to resource',
      'ACC-4 Effectiveness defined',
      'ACC-5 Accountability current',
      'GOV-1 Reviews on cadence',
      'GOV-2 Top management attends',
      'GOV-3 Required inputs covered',
      'GOV-4 Reviews produce decisions',
      'GOV-5 Minutes retained',
      'FOL-1 Decisions assigned',
      'FOL-2 Actions on time',
      'FOL-3 Effectiveness checked',
      'RES-1 Resourcing decided by top management',
      'RES-2 Resources traceable to SMS needs',
      'RES-3 Recurring issues resourced',
      'COM-1 Regular executive communication',
      'COM-2 Specific expectations',
      'COM-3 Reinforcement after failures',
      'ESC-1 Escalation path defined',
      'ESC-2 Escalations reach top management',
      'ESC-3 Escalations decided',
    ]);
    for (const c of result.criteria) {
      expect(c.remedy.length).toBeGreaterThan(20);
      expect(c.reason).not.toMatch(/\n/);
      expect(c.id.slice(0, 3)).toBe({ Accountability: 'ACC', Governance: 'GOV', 'Follow-through': 'FOL', Resources: 'RES', Communication: 'COM', Escalation: 'ESC' }[c.pillar]);
    }
    expect(CRITERIA.map((c) => c.id)).toEqual(result.criteria.map((c) => c.id));
  });

  it('scores an empty register by hand: only never-n/a criteria count, readiness 0, Red', () => {
    const result = assess(registerBuilder().build(), { today: AS_OF });
    const status = Object.fromEntries(result.criteria.map((c) => [c.id, c.status]));
    expect(status).toEqual({
      'ACC-1': 'not met', 'ACC-2': 'not met', 'ACC-3': 'not met', 'ACC-4': 'not met', 'ACC-5': 'not met',
      'GOV-1': 'not met', 'GOV-2': 'not met', 'GOV-3': 'not met', 'GOV-4': 'n/a', 'GOV-5': 'not met',
      'FOL-1': 'n/a', 'FOL-2': 'n/a', 'FOL-3': 'n/a',
      'RES-1': 'not met', 'RES-2': 'n/a', 'RES-3': 'n/a',
      'COM-1': 'not met', 'COM-2': 'n/a', 'COM-3': 'n/a',
      'ESC-1': 'not met', 'ESC-2': 'n/a', 'ESC-3': 'n/a',
    });
    expect(result.pillars).toEqual([
      { id: 'Accountability', score: 0, weight: 25 },
      { id: 'Governance', score: 0, weight: 20 },
      { id: 'Follow-through', score: null, weight: 15 },
      { id: 'Resources', score: 0, weight: 15 },
      { id: 'Communication', score: 0, weight: 15 },
      { id: 'Escalation', score: 0, weight: 10 },
    ]);
    expect(result.readiness).toBe(0);
    expect(result.rating).toBe('Red');
    expect(result.questions.map((q) => q.status)).toEqual(['not met', 'not met', 'not met', 'not met']);
  });

  it('computes pillar means (partial = 0.5), the weighted readiness without n/a pillars, and the rating', () => {
    const reg = registerBuilder()
      .settings({ effectivenessDefinition: 'defined', escalationTriggers: 'defined' })
      // ACC-1 met, ACC-2 partial (Documented in only), ACC-3 met, ACC-4 met, ACC-5 partial (stale).
      .owner('Ann', { documentedIn: 'Charter', canAllocate: true, acceptedOn: AS_OF - 500 })
      .build();
    const result = assess(reg, { today: AS_OF });
    const acc = (1 + 0.5 + 1 + 1 + 0.5) / 5; // 0.8
    expect(result.pillars[0]).toEqual({ id: 'Accountability', score: acc * 100, weight: 25 });
    expect(result.pillars[0].score).toBe(80);
    // Governance 0 (GOV-4 n/a), Follow-through n/a, Resources 0, Communication 0, Escalation 100 (ESC-1 only applicable).
    expect(result.pillars.map((p) => p.score)).toEqual([80, 0, null, 0, 0, 100]);
    const expected = (25 * 80 + 20 * 0 + 15 * 0 + 15 * 0 + 10 * 100) / (25 + 20 + 15 + 15 + 10);
    expect(result.readiness).toBeCloseTo(expected, 12); // 35.294…
    expect(result.rating).toBe('Red');
    // Question 1 (ACC-1, 2, 3, 5): met, partial, met, partial → partial.
    expect(result.questions[0].status).toBe('partial');
  });

  it('takes the rating thresholds from Settings, inclusively', () => {
    const base = () => registerBuilder().settings({ effectivenessDefinition: 'x', escalationTriggers: 'x' });
    // ACC 20 (only ACC-4 met), Escalation 100 → (25·20 + 10·100) ÷ 85 = 17.647…
    const readiness = (25 * 20 + 10 * 100) / 85;
    expect(assess(base().build(), { today: AS_OF }).readiness).toBeCloseTo(readiness, 12);
    expect(assess(base().settings({ amberThreshold: 17 }).build(), { today: AS_OF }).rating).toBe('Amber');
    expect(assess(base().settings({ amberThreshold: 18 }).build(), { today: AS_OF }).rating).toBe('Red');
    expect(assess(base().settings({ greenThreshold: readiness, amberThreshold: 10 }).build(), { today: AS_OF }).rating).toBe('Green');
    const r = assess(base().settings({ greenThreshold: 90, amberThreshold: 10 }).build(), { today: AS_OF });
    expect(r.rating).toBe('Amber');
    expect(r.thresholds).toEqual({ green: 90, amber: 10 });
  });

  it('rates inclusively, with no floating-point surprise at the edge, and null when not scored', () => {
    expect(ratingFor(80, 80, 50)).toBe('Green');
    expect(ratingFor(79.99, 80, 50)).toBe('Amber');
    expect(ratingFor(50, 80, 50)).toBe('Amber');
    expect(ratingFor(49.99, 80, 50)).toBe('Red');
    expect(ratingFor(0.1 * 3 * 100, 30, 10)).toBe('Green'); // 30.000000000000004
    expect(ratingFor(0.7 * 100 - 1e-12, 70, 10)).toBe('Green');
    expect(ratingFor(null, 80, 50)).toBeNull();
  });

  it('uses options.asOf, else Settings › Assessment date, else today', () => {
    const settingsDate = day('2026-03-31');
    const today = day('2026-09-30');
    expect(assess(registerBuilder().build(), { today }).asOf).toBe('2026-09-30');
    expect(assess(registerBuilder().settings({ assessmentDate: settingsDate }).build(), { today }).asOf).toBe('2026-03-31');
    const explicit = assess(registerBuilder().settings({ assessmentDate: settingsDate }).build(), { asOf: AS_OF, today });
    expect(explicit.asOf).toBe('2026-06-30');
    expect(explicit.window).toEqual({ from: '2025-06-30', to: '2026-06-30', lookbackDays: 365 });
  });

  it('scores evidence against the chosen as-of date', () => {
    const reg = registerBuilder().settings({ assessmentDate: day('2026-03-31') }).owner('Ann', { acceptedOn: day('2026-05-01') }).build();
    // Accepted after the settings date → partial; before an explicit later as-of → met.
    expect(assess(reg, { today: AS_OF }).criteria[4].status).toBe('partial');
    expect(assess(reg, { asOf: AS_OF, today: AS_OF }).criteria[4].status).toBe('met');
  });

  it('fills the extra fields and copies the issues', () => {
    const issue = { table: 'Decisions' as const, row: 7, column: 'Due date', id: 'DEC-4', message: "'soon' is not a date" };
    const reg = registerBuilder()
      .settings({ organisation: 'Acme', smsScope: 'Managed hosting', lookbackDays: 180 })
      .owner('Ann')
      .review({})
      .review({})
      .decision({})
      .issue(issue)
      .build();
    const result = assess(reg, { asOf: AS_OF, today: AS_OF });
    expect(result.specVersion).toBe(1);
    expect(result.organisation).toBe('Acme');
    expect(result.smsScope).toBe('Managed hosting');
    expect(result.window).toEqual({ from: '2026-01-01', to: '2026-06-30', lookbackDays: 180 });
    expect(result.rowCounts).toEqual({ Accountabilities: 1, Reviews: 2, Decisions: 1, Resources: 0, Communications: 0, Escalations: 0 });
    expect(result.issues).toEqual([issue]);
    expect(result.issues).not.toBe(reg.issues);
  });

  it('gives each status its score', () => {
    const result = assess(registerBuilder().owner('Ann', { documentedIn: 'RACI' }).build(), { today: AS_OF });
    const score = (id: string) => result.criteria.find((c) => c.id === id)?.score;
    expect(score('ACC-1')).toBe(1);
    expect(score('ACC-2')).toBe(0.5);
    expect(score('ACC-3')).toBe(0);
    expect(score('FOL-1')).toBeNull();
  });
});

describe('auditor questions', () => {
  it('asks the four questions of the spec with their criteria', () => {
    expect(QUESTIONS).toEqual([
      { question: 'Who in top management is accountable for SMS effectiveness?', criteria: ['ACC-1', 'ACC-2', 'ACC-3', 'ACC-5'] },
      {
        question: 'Show me where leadership reviewed SMS performance and made decisions.',
        criteria: ['GOV-1', 'GOV-2', 'GOV-3', 'GOV-4', 'GOV-5', 'FOL-1', 'FOL-2', 'FOL-3'],
      },
      { question: 'How do you know resources are sufficient?', criteria: ['RES-1', 'RES-2', 'RES-3', 'ESC-3'] },
      {
        question: 'How does top management communicate expectations for effective service management?',
        criteria: ['COM-1', 'COM-2', 'COM-3'],
      },
    ]);
  });

  it.each<[Status[], Status]>([
    [['met', 'met', 'n/a'], 'met'],
    [['not met', 'n/a'], 'not met'],
    [['not met', 'not met'], 'not met'],
    [['n/a', 'n/a'], 'n/a'],
    [['met', 'not met'], 'partial'],
    [['partial', 'not met'], 'partial'],
    [['partial'], 'partial'],
    [['met', 'partial', 'n/a'], 'partial'],
  ])('%p → %p', (statuses, expected) => {
    expect(questionStatus(statuses)).toBe(expected);
  });

  it('answers each question from the criteria results', () => {
    const reg = registerBuilder()
      .owner('Ann', { documentedIn: 'Charter', documentLink: 'x', canAllocate: true, acceptedOn: AS_OF - 10 })
      .communication({ sentOn: AS_OF - 10, from: 'Ann', expectation: 'x' })
      .build();
    const result = assess(reg, { today: AS_OF });
    expect(result.questions[0]).toEqual({ question: QUESTIONS[0].question, criteria: ['ACC-1', 'ACC-2', 'ACC-3', 'ACC-5'], status: 'met' });
    // COM-1 partial (1 of 4), COM-2 met, COM-3 n/a → partial.
    expect(result.questions[3].status).toBe('partial');
  });
});

describe('assess: invariants over random registers', () => {
  const person = fc.constantFrom('Ann', 'ann ', 'Bob', 'Cy', null);
  const date = fc.option(fc.integer({ min: AS_OF - 500, max: AS_OF + 30 }), { nil: null });
  const ref = fc.option(fc.constantFrom('REV-1', 'rev-2', 'DEC-1', 'ESC-1', 'esc-2', 'RES-1', 'XYZ-9'), { nil: null });
  const text = fc.option(fc.constantFrom('x', ' ', 'Repeat incident', 'SLA miss'), { nil: null });

  it('keeps scores, statuses, pillars and readiness consistent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ person, top: fc.option(fc.boolean(), { nil: null }), acc: fc.option(fc.boolean(), { nil: null }), acceptedOn: date }), { maxLength: 4 }),
        fc.array(fc.record({ heldOn: date, present: fc.array(fc.constantFrom('Ann', 'Bob', 'Trends'), { maxLength: 3 }), status: fc.constantFrom('Held', 'Planned', null) }), { maxLength: 6 }),
        fc.array(fc.record({ decidedOn: date, dueDate: date, completedOn: date, source: ref, status: fc.constantFrom('Done', 'Open', 'Cancelled', null), owner: person }), { maxLength: 8 }),
        fc.array(fc.record({ raisedOn: date, trigger: text, decision: ref, escalatedTo: person }), { maxLength: 6 }),
        fc.array(fc.record({ sentOn: date, from: person, linkedItem: ref, expectation: text }), { maxLength: 6 }),
        (accs, reviews, decisions, escalations, comms) => {
          const b = registerBuilder();
          accs.forEach((a) => b.accountability({ person: a.person, topManagement: a.top, accountable: a.acc, acceptedOn: a.acceptedOn }));
          reviews.forEach((r) => b.review({ heldOn: r.heldOn, topManagementPresent: r.present, inputsCovered: r.present, status: r.status }));
          decisions.forEach((d) => b.decision(d));
          escalations.forEach((e) => b.escalation(e));
          comms.forEach((c) => b.communication(c));
          const result = assess(b.build(), { today: AS_OF });
          const scoreOf: Record<Status, number | null> = { met: 1, partial: 0.5, 'not met': 0, 'n/a': null };
          for (const c of result.criteria) expect(c.score).toBe(scoreOf[c.status]);
          for (const p of result.pillars) {
            const scores = result.criteria.filter((c) => c.pillar === p.id && c.score !== null).map((c) => c.score as number);
            if (scores.length === 0) expect(p.score).toBeNull();
            else expect(p.score).toBeCloseTo((scores.reduce((x, y) => x + y, 0) / scores.length) * 100, 9);
          }
          expect(result.readiness).not.toBeNull();
          expect(result.readiness as number).toBeGreaterThanOrEqual(0);
          expect(result.readiness as number).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('assess: speed', () => {
  it('scores a 100k-row register in well under a second, with shared links that would be quadratic if scanned', () => {
    const start = AS_OF - 364;
    const b = registerBuilder().executive('Ann').settings({ effectivenessDefinition: 'x' });
    b.many('Reviews', 10_000, (i) => ({ heldOn: start + (i % 364), topManagementPresent: ['Ann'], inputsCovered: ['Trends'] }));
    b.many('Decisions', 30_000, (i) => ({ decidedOn: start + (i % 364), source: `REV-${(i % 10_000) + 1}`, owner: 'Bo', dueDate: start + (i % 364) + 30 }));
    b.many('Resources', 10_000, (i) => ({ requestedOn: start + (i % 364), linkedItem: `ESC-${(i % 20_000) + 1}`, smsNeed: 'x' }));
    // Half the escalations share DEC-1, which every communication links to; the other half (DEC-2) have no
    // communication, so a nested scan would walk all 30k communications for each of them: 3·10⁸ steps.
    b.many('Escalations', 20_000, (i) => ({ raisedOn: start + (i % 300), trigger: 'Repeat incident', decision: i % 2 ? 'DEC-1' : 'DEC-2', escalatedTo: 'Ann' }));
    b.many('Communications', 29_999, (i) => ({ sentOn: start + (i % 364), from: 'Ann', linkedItem: 'DEC-1', expectation: 'x' }));
    const reg = b.build();
    // Best of three (after a warm-up run) so a busy machine does not fail a linear engine.
    let result = assess(reg, { today: AS_OF });
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      result = assess(reg, { today: AS_OF });
      ms = Math.min(ms, performance.now() - t0);
    }
    expect(Object.values(result.rowCounts).reduce((a, c) => a + c, 0)).toBe(100_000);
    expect(result.criteria.find((c) => c.id === 'COM-3')?.status).toBe('partial'); // exactly 50% reinforced
    // Measured 40–90 ms with the 2-core machine at load average 15; a nested scan (tried in COM-3)
    // took over 100 s, so the bound separates linear from quadratic with room for a busy runner.
    expect(ms).toBeLessThan(1000);
  });
});
