/**
 * Communication pillar (spec §2, COM-1…COM-3): top management communicates regularly, with
 * specific expectations, and reinforces them after failures.
 */
import { toIso } from '../dates';
import type { EscalationRow } from '../types';
import { shareReason, shareStatus, type Criterion } from './criterion';
import { count, days, filled } from './text';
import { expectedCount, recentEnough } from './window';

export const COM_1: Criterion = {
  id: 'COM-1',
  pillar: 'Communication',
  title: 'Regular executive communication',
  remedy:
    'Plan communications from top management on why effective service management matters (town hall, email, intranet, leadership update) at the set cadence (Settings › Communication cadence days), and record each with From and Sent on.',
  evaluate(ctx) {
    const label = ctx.labelOf('Communications');
    const rows = ctx.communicationsInWindow.filter((r) => ctx.isTopManagement(r.from));
    const cadence = ctx.settings.communicationCadenceDays;
    const expected = expectedCount(ctx.settings.lookbackDays, cadence);
    const plan = `${expected} expected, one every ${days(cadence)} days`;
    if (rows.length === 0) {
      const others = ctx.communicationsInWindow.length;
      const note = others > 0 ? ` (${count(others, 'communication')} in the window, none From a top-management person)` : '';
      return { status: 'not met', reason: `No communication from top management in the window${note}; ${plan}.`, evidence: [] };
    }
    let last = rows[0];
    for (const r of rows) if ((r.sentOn as number) > (last.sentOn as number)) last = r;
    const gap = ctx.asOf - (last.sentOn as number);
    const enough = rows.length >= expected;
    const recent = recentEnough(ctx.asOf, last.sentOn as number, cadence);
    const problems: string[] = [];
    if (!enough) problems.push('too few');
    if (!recent) problems.push('the last is too long ago');
    return {
      status: enough && recent ? 'met' : 'partial',
      reason:
        `${count(rows.length, 'communication')} from top management in the window (${plan}); the last, ${label(last)} on ${toIso(last.sentOn as number)}, ` +
        `was ${count(gap, 'day')} before as-of (limit ${days(1.25 * cadence)})${problems.length > 0 ? `: ${problems.join(' and ')}` : ''}.`,
      evidence: rows.map(label),
    };
  },
};

export const COM_2: Criterion = {
  id: 'COM-2',
  pillar: 'Communication',
  title: 'Specific expectations',
  remedy:
    'Tie each communication to a specific expected behaviour (e.g. "changes need approval and a documented risk assessment") and record it in Expectation.',
  evaluate(ctx) {
    const label = ctx.labelOf('Communications');
    const rows = ctx.communicationsInWindow;
    if (rows.length === 0) return { status: 'n/a', reason: 'No communication in the window.', evidence: [] };
    const failing = rows.filter((r) => !filled(r.expectation)).map(label);
    const k = rows.length - failing.length;
    return {
      status: shareStatus(k, rows.length, 90, 50),
      reason: shareReason({
        k,
        n: rows.length,
        subject: 'communications in the window',
        predicate: 'state an Expectation',
        metPct: 90,
        failing,
        describeFailing: (ids) => `none stated in ${ids}`,
      }),
      evidence: rows.map(label),
    };
  },
};

export const COM_3: Criterion = {
  id: 'COM-3',
  pillar: 'Communication',
  title: 'Reinforcement after failures',
  remedy:
    'After an escalated failure, send a reminder of the expected behaviour within the reinforcement period (Settings › Reinforcement days) and put the escalation (or its decision) in the communication’s Linked item.',
  evaluate(ctx) {
    const escLabel = ctx.labelOf('Escalations');
    const r = ctx.settings.reinforcementDays;
    const cutoff = ctx.asOf - r;
    const rows = ctx.escalationsInWindow.filter((e) => (e.raisedOn as number) <= cutoff);
    if (rows.length === 0) {
      return {
        status: 'n/a',
        reason: `No escalation in the window was raised at least ${count(r, 'day')} before as-of (on or before ${toIso(cutoff)}).`,
        evidence: [],
      };
    }
    // Each escalation is two lookups in the context's index of sent-on days per linked ID, not a scan.
    const reinforcedBetween = (e: EscalationRow, from: number, to: number): boolean => {
      if (e.id != null && ctx.linkedCommunicationSent(e.id, from, to)) return true;
      return e.decision != null && e.decision.trim() !== '' && ctx.linkedCommunicationSent(e.decision, from, to);
    };
    const reinforced = (e: EscalationRow): boolean => reinforcedBetween(e, e.raisedOn as number, (e.raisedOn as number) + r);
    // A row with no linked communication at all needs one; one whose linked communications fall
    // outside Raised on … + r days needs a timelier one: different fixes, so different words.
    const linkedAtAll = (e: EscalationRow): boolean => reinforcedBetween(e, -Infinity, Infinity);
    const unlinked: string[] = [];
    const untimely: string[] = [];
    for (const e of rows) {
      if (reinforced(e)) continue;
      (linkedAtAll(e) ? untimely : unlinked).push(escLabel(e));
    }
    const k = rows.length - unlinked.length - untimely.length;
    return {
      status: shareStatus(k, rows.length, 75, 25),
      reason: shareReason({
        k,
        n: rows.length,
        subject: `escalations in the window raised ≥${days(r)} days before as-of`,
        predicate: `were followed within ${count(r, 'day')} by a linked communication`,
        metPct: 75,
        failing: [...unlinked, ...untimely],
        failingGroups: [
          { items: unlinked, describe: (ids, n) => `no communication linked to ${ids} (or to ${n === 1 ? 'its' : 'their'} Decision)` },
          {
            items: untimely,
            describe: (ids) => `linked communications only outside Raised on to Raised on + ${count(r, 'day')} for ${ids}`,
          },
        ],
      }),
      evidence: rows.map(escLabel),
    };
  },
};

export const COMMUNICATION_CRITERIA: readonly Criterion[] = [COM_1, COM_2, COM_3];
