/**
 * Accountability pillar (spec §2, ACC-1…ACC-5): a named top-management owner of SMS
 * effectiveness, documented, with authority to resource, a definition of "effective", and
 * an acceptance that is current.
 */
import { toIso } from '../dates';
import type { AccountabilityRow } from '../types';
import type { Criterion } from './criterion';
import { isActive } from './people';
import { bracketedRowLabel, filled, listIds } from './text';


/** "Owner row ACC-1 has" / "Owner rows ACC-1 and ACC-4 have". */
const ownerRowsHave = (ids: readonly string[]): string =>
  ids.length === 1 ? `Owner row ${ids[0]} has` : `Owner rows ${listIds(ids)} have`;

const NO_OWNER_ROW =
  'No owner row: no Active Accountabilities row has both Top management = Yes and Accountable for SMS effectiveness = Yes.';

export const ACC_1: Criterion = {
  id: 'ACC-1',
  pillar: 'Accountability',
  title: 'Named executive owner',
  remedy:
    'Name one top-management executive (e.g. the COO, CIO or Head of Service Delivery) as accountable for SMS effectiveness: an Active Accountabilities row with Top management = Yes and Accountable for SMS effectiveness = Yes.',
  evaluate(ctx) {
    const label = ctx.labelOf('Accountabilities');
    const named = (row: AccountabilityRow): string =>
      `${row.person?.trim()} ${bracketedRowLabel('Accountabilities', row, ctx.isDuplicated('Accountabilities', row))}`;
    const owners = ctx.ownerRows.filter((r) => filled(r.person));
    if (owners.length > 0) {
      return {
        status: 'met',
        reason: `Accountable for SMS effectiveness and in top management: ${listIds(owners.map(named))}.`,
        evidence: owners.map(label),
      };
    }
    // A manager without executive authority: the auditor hang-up the guidance warns about.
    const managers = ctx.tables.Accountabilities.filter(
      (r) => isActive(r) && r.accountable === true && r.topManagement !== true && filled(r.person),
    );
    if (managers.length > 0) {
      return {
        status: 'partial',
        reason: `${listIds(managers.map(named))} ${managers.length === 1 ? 'is' : 'are'} accountable for SMS effectiveness but not top management; no executive owner is named.`,
        evidence: managers.map(label),
      };
    }
    const unnamed = ctx.ownerRows.map(label);
    const inactive = ctx.tables.Accountabilities.filter(
      (r) => !isActive(r) && r.accountable === true && r.topManagement === true,
    );
    const details: string[] = [];
    if (unnamed.length > 0) details.push(`${listIds(unnamed)} names no Person`);
    if (inactive.length > 0) details.push(`${listIds(inactive.map(label))} is not Active`);
    return {
      status: 'not met',
      reason: `No named top-management owner of SMS effectiveness${details.length > 0 ? `: ${details.join('; ')}` : ''}.`,
      evidence: [...unnamed, ...inactive.map(label)],
    };
  },
};

export const ACC_2: Criterion = {
  id: 'ACC-2',
  pillar: 'Accountability',
  title: 'Accountability documented',
  remedy:
    "Put the owner's SMS accountability into a governance charter, RACI, role description or SMS manual; record which in Documented in and add the Document link.",
  evaluate(ctx) {
    const label = ctx.labelOf('Accountabilities');
    if (ctx.ownerRows.length === 0) return { status: 'not met', reason: NO_OWNER_ROW, evidence: [] };
    const both = ctx.ownerRows.filter((r) => filled(r.documentedIn) && filled(r.documentLink));
    if (both.length > 0) {
      return {
        status: 'met',
        reason: `${listIds(both.map(label))} records where the accountability is documented, with a Document link.`,
        evidence: both.map(label),
      };
    }
    const onlyWhere = ctx.ownerRows.filter((r) => filled(r.documentedIn));
    const onlyLink = ctx.ownerRows.filter((r) => filled(r.documentLink));
    if (onlyWhere.length + onlyLink.length > 0) {
      const details: string[] = [];
      if (onlyWhere.length > 0) details.push(`${listIds(onlyWhere.map(label))} has Documented in but no Document link`);
      if (onlyLink.length > 0) details.push(`${listIds(onlyLink.map(label))} has a Document link but no Documented in`);
      return {
        status: 'partial',
        reason: `${details.join('; ')}.`,
        evidence: ctx.ownerRows.filter((r) => filled(r.documentedIn) || filled(r.documentLink)).map(label),
      };
    }
    const owners = ctx.ownerRows.map(label);
    return {
      status: 'not met',
      reason: `${ownerRowsHave(owners)} neither Documented in nor a Document link.`,
      evidence: owners,
    };
  },
};

export const ACC_3: Criterion = {
  id: 'ACC-3',
  pillar: 'Accountability',
  title: 'Authority to resource',
  remedy:
    'Confirm the accountable executive can allocate people, tooling, budget and time to the SMS (e.g. in the charter), and record Can allocate resources = Yes.',
  evaluate(ctx) {
    const label = ctx.labelOf('Accountabilities');
    if (ctx.ownerRows.length === 0) return { status: 'not met', reason: NO_OWNER_ROW, evidence: [] };
    const can = ctx.ownerRows.filter((r) => r.canAllocate === true);
    if (can.length > 0) {
      return { status: 'met', reason: `${listIds(can.map(label))} can allocate resources.`, evidence: can.map(label) };
    }
    const owners = ctx.ownerRows.map(label);
    return {
      status: 'not met',
      reason: `${ownerRowsHave(owners)} no Can allocate resources = Yes.`,
      evidence: owners,
    };
  },
};

export const ACC_4: Criterion = {
  id: 'ACC-4',
  pillar: 'Accountability',
  title: 'Effectiveness defined',
  remedy:
    'Define what an effective SMS means here (e.g. service requirements met, incidents resolved within targets, management reviews completed, nonconformities closed) in Settings › Effectiveness definition.',
  evaluate(ctx) {
    return filled(ctx.settings.effectivenessDefinition)
      ? { status: 'met', reason: 'Settings › Effectiveness definition says what an effective SMS means here.', evidence: [] }
      : { status: 'not met', reason: 'Settings › Effectiveness definition is blank.', evidence: [] };
  },
};

export const ACC_5: Criterion = {
  id: 'ACC-5',
  pillar: 'Accountability',
  title: 'Accountability current',
  remedy:
    'Have the accountable executive (re)accept the SMS accountability: record the Accepted on date and set a Next review date that is not yet past.',
  evaluate(ctx) {
    const label = ctx.labelOf('Accountabilities');
    if (ctx.ownerRows.length === 0) return { status: 'not met', reason: NO_OWNER_ROW, evidence: [] };
    const reviewOk = (r: AccountabilityRow): boolean => r.nextReview == null || r.nextReview >= ctx.asOf;
    const current = ctx.ownerRows.filter((r) => ctx.inWindow(r.acceptedOn) && reviewOk(r));
    if (current.length > 0) {
      const first = current[0];
      const next = first.nextReview == null ? 'no Next review set' : `next review ${toIso(first.nextReview)}`;
      return {
        status: 'met',
        reason: `${label(first)} was accepted on ${toIso(first.acceptedOn as number)}, within the window; ${next}${current.length > 1 ? ` (also current: ${listIds(current.slice(1).map(label))})` : ''}.`,
        evidence: current.map(label),
      };
    }
    const accepted = ctx.ownerRows.filter((r) => r.acceptedOn != null);
    if (accepted.length > 0) {
      const stale = accepted.filter((r) => (r.acceptedOn as number) <= ctx.window.start);
      const future = accepted.filter((r) => (r.acceptedOn as number) > ctx.asOf);
      const pastReview = accepted.filter((r) => !reviewOk(r));
      const details: string[] = [];
      if (stale.length > 0) details.push(`${listIds(stale.map(label))} accepted before the window (on or before ${toIso(ctx.window.start)})`);
      if (future.length > 0) details.push(`${listIds(future.map(label))} accepted after the as-of date`);
      if (pastReview.length > 0) details.push(`${listIds(pastReview.map(label))} has a Next review before the as-of date`);
      return {
        status: 'partial',
        reason: `The owner's acceptance is not current: ${details.join('; ')}.`,
        evidence: accepted.map(label),
      };
    }
    const owners = ctx.ownerRows.map(label);
    return { status: 'not met', reason: `${ownerRowsHave(owners)} no Accepted on date.`, evidence: owners };
  },
};

export const ACCOUNTABILITY_CRITERIA: readonly Criterion[] = [ACC_1, ACC_2, ACC_3, ACC_4, ACC_5];
