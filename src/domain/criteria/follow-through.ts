/**
 * Follow-through pillar (spec §2, FOL-1…FOL-3): decisions have owners and due dates, actions
 * are done on time, and corrective actions are checked for effectiveness.
 */
import type { DecisionRow } from '../types';
import { shareReason, shareStatus, type Criterion } from './criterion';
import { filled, is } from './text';

const cancelled = (row: DecisionRow): boolean => is(row.status, 'Cancelled');

export const FOL_1: Criterion = {
  id: 'FOL-1',
  pillar: 'Follow-through',
  title: 'Decisions assigned',
  remedy: 'Give every decision an Owner and a Due date, so that follow-up can be tracked.',
  evaluate(ctx) {
    const label = ctx.labelOf('Decisions');
    const rows = ctx.decisionsInWindow.filter((r) => !cancelled(r));
    if (rows.length === 0) return { status: 'n/a', reason: 'No decision (not Cancelled) was decided in the window.', evidence: [] };
    const failing = rows.filter((r) => !(filled(r.owner) && r.dueDate != null)).map(label);
    const k = rows.length - failing.length;
    return {
      status: shareStatus(k, rows.length, 95, 60),
      reason: shareReason({
        k,
        n: rows.length,
        subject: 'decisions in the window (not Cancelled)',
        predicate: 'have an Owner and a Due date',
        metPct: 95,
        failing,
        describeFailing: (ids) => `no Owner or no Due date: ${ids}`,
      }),
      evidence: rows.map(label),
    };
  },
};

export const FOL_2: Criterion = {
  id: 'FOL-2',
  pillar: 'Follow-through',
  title: 'Actions on time',
  remedy:
    'Track actions from management reviews through to completion: mark them Done with the Completed on date, and re-plan or escalate actions before they slip past their Due date.',
  evaluate(ctx) {
    const label = ctx.labelOf('Decisions');
    const rows = ctx.tables.Decisions.filter((r) => !cancelled(r) && ctx.inWindow(r.dueDate));
    if (rows.length === 0) return { status: 'n/a', reason: 'No decision (not Cancelled) had its Due date in the window.', evidence: [] };
    const onTime = (r: DecisionRow): boolean =>
      is(r.status, 'Done') && r.completedOn != null && r.completedOn <= (r.dueDate as number);
    const failing = rows.filter((r) => !onTime(r)).map(label);
    const k = rows.length - failing.length;
    return {
      status: shareStatus(k, rows.length, 90, 60),
      reason: shareReason({
        k,
        n: rows.length,
        subject: 'decisions due in the window (not Cancelled)',
        predicate: 'were Done on or before their Due date',
        metPct: 90,
        failing,
        describeFailing: (ids) => `late or not done: ${ids}`,
      }),
      evidence: rows.map(label),
    };
  },
};

export const FOL_3: Criterion = {
  id: 'FOL-3',
  pillar: 'Follow-through',
  title: 'Effectiveness checked',
  remedy:
    'After a corrective action is done, check whether it reduced the recurring issue: record the Effectiveness check and set Effective to Yes or No.',
  evaluate(ctx) {
    const label = ctx.labelOf('Decisions');
    // In window by Decided on (the row's own date) or by Completed on: an action decided
    // earlier but closed in the window is still period evidence an auditor samples.
    const rows = ctx.tables.Decisions.filter(
      (r) => is(r.status, 'Done') && is(r.type, 'Corrective action') && (ctx.inWindow(r.decidedOn) || ctx.inWindow(r.completedOn)),
    );
    if (rows.length === 0) {
      return { status: 'n/a', reason: 'No Done corrective action was decided or completed in the window.', evidence: [] };
    }
    const checked = (r: DecisionRow): boolean =>
      filled(r.effectivenessCheck) && (is(r.effective, 'Yes') || is(r.effective, 'No'));
    const failing = rows.filter((r) => !checked(r)).map(label);
    const k = rows.length - failing.length;
    return {
      status: shareStatus(k, rows.length, 80, 40),
      reason: shareReason({
        k,
        n: rows.length,
        subject: 'Done corrective actions in the window',
        predicate: 'have an Effectiveness check and Effective = Yes or No',
        metPct: 80,
        failing,
        describeFailing: (ids) => `not checked: ${ids}`,
      }),
      evidence: rows.map(label),
    };
  },
};

export const FOLLOW_THROUGH_CRITERIA: readonly Criterion[] = [FOL_1, FOL_2, FOL_3];
