/**
 * Escalation pillar (spec §2, ESC-1…ESC-3): triggers are defined, escalations reach top
 * management, and they are decided within the response period.
 */
import { toIso } from '../dates';
import { shareReason, shareStatus, type Criterion } from './criterion';
import { count, days, filled } from './text';

export const ESC_1: Criterion = {
  id: 'ESC-1',
  pillar: 'Escalation',
  title: 'Escalation path defined',
  remedy:
    'Define what triggers escalation to top management (repeat incidents, chronic SLA misses, audit findings, material customer complaints) in Settings › Escalation triggers.',
  evaluate(ctx) {
    return filled(ctx.settings.escalationTriggers)
      ? { status: 'met', reason: 'Settings › Escalation triggers defines when to escalate to top management.', evidence: [] }
      : { status: 'not met', reason: 'Settings › Escalation triggers is blank.', evidence: [] };
  },
};

export const ESC_2: Criterion = {
  id: 'ESC-2',
  pillar: 'Escalation',
  title: 'Escalations reach top management',
  remedy: 'Route every escalation to a named top-management person and record them in Escalated to.',
  evaluate(ctx) {
    const label = ctx.labelOf('Escalations');
    const rows = ctx.escalationsInWindow;
    if (rows.length === 0) return { status: 'n/a', reason: 'No escalation in the window.', evidence: [] };
    const failing = rows.filter((r) => !ctx.isTopManagement(r.escalatedTo)).map(label);
    const k = rows.length - failing.length;
    return {
      status: shareStatus(k, rows.length, 90, 50),
      reason: shareReason({
        k,
        n: rows.length,
        subject: 'escalations in the window',
        predicate: 'were Escalated to a top-management person',
        metPct: 90,
        failing,
        describeFailing: (ids) => `not to top management: ${ids}`,
      }),
      evidence: rows.map(label),
    };
  },
};

export const ESC_3: Criterion = {
  id: 'ESC-3',
  pillar: 'Escalation',
  title: 'Escalations decided',
  remedy:
    'Get a top-management decision on each escalation within the response period (Settings › Escalation response days), record it in Decisions and put its ID in the escalation’s Decision.',
  evaluate(ctx) {
    const label = ctx.labelOf('Escalations');
    const respond = ctx.settings.escalationResponseDays;
    const cutoff = ctx.asOf - respond;
    const rows = ctx.escalationsInWindow.filter((e) => (e.raisedOn as number) <= cutoff);
    if (rows.length === 0) {
      return {
        status: 'n/a',
        reason: `No escalation in the window was raised at least ${count(respond, 'day')} before as-of (on or before ${toIso(cutoff)}).`,
        evidence: [],
      };
    }
    // Why an escalation falls short, in words that point at the cell to fix: a blank Decision,
    // one that names nothing or a row of another table, an undated decision, or a late one.
    const none: string[] = [];
    const missing: string[] = [];
    const notDecision: string[] = [];
    const undated: string[] = [];
    const late: string[] = [];
    let k = 0;
    for (const e of rows) {
      const d = ctx.decision(e.decision);
      const link = (): string => `${label(e)}'s Decision ${(e.decision as string).trim()}`;
      if (d != null && d.decidedOn != null && d.decidedOn <= (e.raisedOn as number) + respond) k += 1;
      else if (!filled(e.decision)) none.push(label(e));
      else if (d == null) (ctx.exists(e.decision) ? notDecision : missing).push(link());
      else if (d.decidedOn == null) undated.push(link());
      else late.push(label(e));
    }
    const failing = [...none, ...missing, ...notDecision, ...undated, ...late];
    const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many);
    return {
      status: shareStatus(k, rows.length, 90, 50),
      reason: shareReason({
        k,
        n: rows.length,
        subject: `escalations in the window raised ≥${days(respond)} days before as-of`,
        predicate: `were decided within ${count(respond, 'day')}`,
        metPct: 90,
        failing,
        failingGroups: [
          { items: none, describe: (ids) => `no Decision recorded for ${ids}` },
          { items: missing, describe: (ids, n) => `${ids} ${verb(n, 'does', 'do')} not exist` },
          { items: notDecision, describe: (ids, n) => `${ids} ${verb(n, 'is not a Decisions row', 'are not Decisions rows')}` },
          { items: undated, describe: (ids, n) => `${ids} ${verb(n, 'has', 'have')} no Decided on` },
          { items: late, describe: (ids) => `no timely decision for ${ids}` },
        ],
      }),
      evidence: rows.map(label),
    };
  },
};

export const ESCALATION_CRITERIA: readonly Criterion[] = [ESC_1, ESC_2, ESC_3];
