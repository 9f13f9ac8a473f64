/**
 * Resources pillar (spec §2, RES-1…RES-3): top management decides resourcing, resources trace
 * to SMS needs, and recurring issues (repeats, SLA misses) get a decision or a resource.
 */
import type { ResourceRow } from '../types';
import { idKey, resourceDate } from './context';
import { shareReason, shareStatus, type Criterion } from './criterion';
import { count, filled, is, listIds, percent, rowLabelWithNote } from './text';

const DECIDED = ['Approved', 'Rejected', 'Deferred'];
const decided = (row: ResourceRow): boolean => DECIDED.some((o) => is(row.outcome, o));

/**
 * A Trigger "mentions repeat or SLA": "repeat" at the start of a word (Repeat, repeated,
 * repeating) or "SLA" as a word (SLA, SLAs, SLA-breach) — so "isolated" or "translation" do not count.
 */
export const RECURRING_TRIGGER = /\brepeat|\bslas?\b/i;

export const RES_1: Criterion = {
  id: 'RES-1',
  pillar: 'Resources',
  title: 'Resourcing decided by top management',
  remedy:
    'Have top management decide SMS resource requests (staffing, tooling, budget, training, time): record the Outcome, the top-management person in Approved by, and the Decided on date.',
  evaluate(ctx) {
    const label = ctx.labelOf('Resources');
    const rows = ctx.resourcesInWindow.filter(decided);
    const byTop = rows.filter((r) => ctx.isTopManagement(r.approvedBy));
    if (byTop.length > 0) {
      return {
        status: 'met',
        reason: `${byTop.length} of ${count(rows.length, 'resource decision')} in the window ${byTop.length === 1 ? 'was' : 'were'} taken by top management: ${listIds(byTop.map(label))}.`,
        evidence: byTop.map(label),
      };
    }
    if (rows.length > 0) {
      return {
        status: 'partial',
        reason: `${count(rows.length, 'resource decision')} in the window, none Approved by a top-management person: ${listIds(rows.map(label))}.`,
        evidence: rows.map(label),
      };
    }
    const pending = ctx.resourcesInWindow.map(label);
    return {
      status: 'not met',
      reason: `No resource row in the window was decided (Approved, Rejected or Deferred)${pending.length > 0 ? `; undecided: ${listIds(pending)}` : ''}.`,
      evidence: pending,
    };
  },
};

export const RES_2: Criterion = {
  id: 'RES-2',
  pillar: 'Resources',
  title: 'Resources traceable to SMS needs',
  remedy:
    'For each resource request, state the SMS need or risk it answers and put the escalation, decision or review it answers in Linked item.',
  evaluate(ctx) {
    const label = ctx.labelOf('Resources');
    const rows = ctx.resourcesInWindow;
    const n = rows.length;
    if (n === 0) return { status: 'n/a', reason: 'No resource row in the window.', evidence: [] };
    const withNeed = rows.filter((r) => filled(r.smsNeed));
    // Each row that falls short says what it lacks, so the fix is obvious from the reason alone.
    const whyNot = (r: ResourceRow): string | null => {
      const need = filled(r.smsNeed);
      if (need && ctx.exists(r.linkedItem)) return null;
      if (r.linkedItem == null) return need ? 'no Linked item' : 'no SMS need or Linked item';
      const dangling = ctx.exists(r.linkedItem) ? '' : `${r.linkedItem} does not exist`;
      return need ? dangling : dangling ? `no SMS need; ${dangling}` : 'no SMS need';
    };
    const failing: string[] = [];
    for (const r of rows) {
      const why = whyNot(r);
      if (why !== null) failing.push(rowLabelWithNote('Resources', r, ctx.isDuplicated('Resources', r), why));
    }
    const k = n - failing.length;
    // Partial counts a different thing (SMS need alone), so the status is built here, not by shareStatus.
    const status = k * 100 >= 90 * n ? 'met' : withNeed.length * 100 >= 50 * n ? 'partial' : 'not met';
    const base = shareReason({
      k,
      n,
      subject: 'resource rows in the window',
      predicate: 'have an SMS need and a Linked item that exists',
      metPct: 90,
      failing,
      describeFailing: (ids) => `not traceable: ${ids}`,
    });
    const needNote = status === 'met' ? '' : ` ${withNeed.length} of ${n} have an SMS need (${percent(withNeed.length, n)}; partial needs ≥50%).`;
    return { status, reason: `${base}${needNote}`, evidence: rows.map(label) };
  },
};

export const RES_3: Criterion = {
  id: 'RES-3',
  pillar: 'Resources',
  title: 'Recurring issues resourced',
  remedy:
    'For escalated repeat incidents and SLA misses, record what leadership did: link the decision in the escalation’s Decision, or add a Resources row whose Linked item is the escalation.',
  evaluate(ctx) {
    const rows = ctx.escalationsInWindow.filter((r) => r.trigger != null && RECURRING_TRIGGER.test(r.trigger));
    if (rows.length === 0) {
      return { status: 'n/a', reason: 'No escalation in the window has a Trigger mentioning a repeat or an SLA.', evidence: [] };
    }
    // One pass over Resources: which escalations have a resource row linked to them (existing by as-of).
    const linked = new Set<string>();
    for (const r of ctx.tables.Resources) {
      if (r.linkedItem != null && ctx.existedAtAsOf(resourceDate(r))) linked.add(idKey(r.linkedItem));
    }
    const label = ctx.labelOf('Escalations');
    // Why an escalation falls short, in words that point at the cell to fix: a blank Decision,
    // or one that names nothing, a row of another table, or a decision not yet taken at as-of.
    const nothing: string[] = [];
    const missing: string[] = [];
    const notDecision: string[] = [];
    const later: string[] = [];
    let k = 0;
    for (const e of rows) {
      const decision = ctx.decision(e.decision);
      if (decision != null && ctx.existedAtAsOf(decision.decidedOn)) k += 1;
      else if (e.id != null && linked.has(idKey(e.id))) k += 1;
      else if (!filled(e.decision)) nothing.push(label(e));
      else if (decision != null) later.push(`${label(e)}'s Decision ${(e.decision as string).trim()}`);
      else if (ctx.exists(e.decision)) notDecision.push(`${label(e)}'s Decision ${(e.decision as string).trim()}`);
      else missing.push(`${label(e)}'s Decision ${(e.decision as string).trim()}`);
    }
    const failing = [...nothing, ...missing, ...notDecision, ...later];
    const doesOrDo = (n: number, one: string, many: string): string => (n === 1 ? one : many);
    return {
      status: shareStatus(k, rows.length, 80, 40),
      reason: shareReason({
        k,
        n: rows.length,
        subject: 'repeat/SLA escalations in the window',
        predicate: 'have a Decision or a linked resource row',
        metPct: 80,
        failing,
        failingGroups: [
          { items: nothing, describe: (ids) => `nothing recorded for ${ids}` },
          { items: missing, describe: (ids, n) => `${ids} ${doesOrDo(n, 'does', 'do')} not exist` },
          { items: notDecision, describe: (ids, n) => `${ids} ${doesOrDo(n, 'is not a Decisions row', 'are not Decisions rows')}` },
          { items: later, describe: (ids, n) => `${ids} ${doesOrDo(n, 'was', 'were')} decided after as-of` },
        ],
      }),
      evidence: rows.map(label),
    };
  },
};

export const RESOURCES_CRITERIA: readonly Criterion[] = [RES_1, RES_2, RES_3];
