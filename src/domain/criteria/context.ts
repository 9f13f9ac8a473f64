/**
 * Everything criteria share, computed once per assessment so that each criterion is one pass
 * over its own rows (O(rows)); lookups by ID go through maps, never nested scans. The maps over
 * whole tables are built in slices (buildContextSteps), so that on a million rows no single step
 * of the task pane's scoring blocks it for long.
 */
import type { EvidenceTableName, SettingsValues } from '../schema';
import { DEFAULT_REQUIRED_INPUTS, TABLE_NAMES } from '../schema';
import type {
  AccountabilityRow,
  CommunicationRow,
  DecisionRow,
  EpochDay,
  EscalationRow,
  Register,
  RegisterTables,
  ResourceRow,
  ReviewRow,
} from '../types';
import { ROWS_PER_STEP, runSteps, slicesOf, type Steps } from '../steps';
import { isOwnerRow, matchesName, topManagementNames } from './people';
import { is, rowLabel, type LabelledRow } from './text';
import { evidenceWindow, inWindow, type EvidenceWindow } from './window';

export interface RequiredInput {
  /** Trimmed, lower-cased: what Inputs covered elements are compared with. */
  readonly key: string;
  /** As written in Settings, for reasons. */
  readonly label: string;
}

export interface AssessmentContext {
  readonly tables: RegisterTables;
  readonly settings: SettingsValues;
  readonly asOf: EpochDay;
  readonly window: EvidenceWindow;
  /** Normalised names of top management (Top management = Yes, Status Active or blank). */
  readonly topManagement: ReadonlySet<string>;
  /** Top-management rows also accountable for SMS effectiveness, in sheet order. */
  readonly ownerRows: readonly AccountabilityRow[];
  /** Held reviews (Held on ≤ as-of, Status Held or blank) whose Held on is in the window. */
  readonly heldReviewsInWindow: readonly ReviewRow[];
  /** Decisions by upper-cased ID; the first row wins when an ID is duplicated (the parser reports it). */
  readonly decisionsById: ReadonlyMap<string, DecisionRow>;
  /** Rows whose own date is in the window. */
  readonly decisionsInWindow: readonly DecisionRow[];
  readonly resourcesInWindow: readonly ResourceRow[];
  readonly communicationsInWindow: readonly CommunicationRow[];
  readonly escalationsInWindow: readonly EscalationRow[];
  /** Required review inputs: normalised key and display label (the defaults when the setting is empty). */
  readonly requiredInputs: readonly RequiredInput[];
  /**
   * Per table, the IDs (as idKey gives them) that more than one of its rows carries: the parser
   * reports a duplicate but both rows keep the ID, so reasons and evidence must tell them apart.
   */
  readonly duplicateIds: Readonly<Record<EvidenceTableName, ReadonlySet<string>>>;
  /** Whether another row of the same table carries this row's ID. */
  isDuplicated(table: EvidenceTableName, row: LabelledRow): boolean;
  /** How a table's rows are named in reasons and evidence (rowLabel, with duplicated IDs marked by their row). */
  labelOf(table: EvidenceTableName): (row: LabelledRow) => string;
  inWindow(day: EpochDay | null): boolean;
  /** Whether a row dated `day` already existed at as-of (a blank date does not exclude it). */
  existedAtAsOf(day: EpochDay | null): boolean;
  isTopManagement(personCell: string | null): boolean;
  /** Whether a link (Source, Linked item, Decision) names a row of any register table. */
  exists(id: string | null): boolean;
  /** The Decisions row an ID names, if any. */
  decision(id: string | null): DecisionRow | undefined;
  /** Whether a communication whose Linked item names `id` was sent on a day from `from` to `to` (both included). */
  linkedCommunicationSent(id: string, from: EpochDay, to: EpochDay): boolean;
}

/** IDs compare case-insensitively, spaces around them ignored. */
export function idKey(id: string): string {
  // Fast path for the usual, already clean `DEC-7`: no allocation (this runs once per link on 100k rows).
  const n = id.length;
  if (n > 0 && id.charCodeAt(0) > 32 && id.charCodeAt(n - 1) > 32) {
    let clean = true;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if ((c >= 97 && c <= 122) || c > 127) {
        clean = false;
        break;
      }
    }
    if (clean) return id;
  }
  return id.trim().toUpperCase();
}

/** A resource row's own date: Decided on, else Requested on. */
export function resourceDate(row: ResourceRow): EpochDay | null {
  return row.decidedOn ?? row.requestedOn;
}

export function isHeldReview(row: ReviewRow, asOf: EpochDay): boolean {
  const statusOk = row.status == null || row.status.trim() === '' || is(row.status, 'Held');
  return statusOk && row.heldOn != null && row.heldOn <= asOf;
}

/** Distinct required inputs; blank setting → the spec's defaults (Settings: "default when missing or blank"). */
function requiredInputsOf(setting: readonly string[]): RequiredInput[] {
  const pick = (labels: readonly string[]): RequiredInput[] => {
    const seen = new Map<string, RequiredInput>();
    for (const raw of labels) {
      const label = raw.trim();
      const key = label.toLowerCase();
      if (key !== '' && !seen.has(key)) seen.set(key, { key, label });
    }
    return [...seen.values()];
  };
  const fromSettings = pick(setting);
  return fromSettings.length > 0 ? fromSettings : pick(DEFAULT_REQUIRED_INPUTS);
}

/** Index of the first element ≥ value in an ascending array. */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sent-on days of the communications linked to each ID (COM-3: was an escalation followed by a
 * linked communication in time?). Each list is sorted when first looked up, so each lookup is
 * a binary search; most IDs have one communication, which needs no sorting at all.
 */
class LinkedSentDays {
  private readonly byKey = new Map<string, EpochDay[] | Float64Array>();

  /** Index rows [from, to). */
  add(rows: readonly CommunicationRow[], from: number, to: number): void {
    const byKey = this.byKey;
    for (let i = from; i < to; i++) {
      const c = rows[i];
      if (c.linkedItem == null || c.sentOn == null) continue;
      const key = idKey(c.linkedItem);
      const list = byKey.get(key) as EpochDay[] | undefined;
      if (list) list.push(c.sentOn);
      else byKey.set(key, [c.sentOn]);
    }
  }

  sentWithin(id: string, from: EpochDay, to: EpochDay): boolean {
    const key = idKey(id);
    let list = this.byKey.get(key);
    if (list === undefined) return false;
    if (list.length > 1 && Array.isArray(list)) {
      // Typed arrays sort numerically without a comparator call per step (≈5× faster on long lists).
      list = new Float64Array(list).sort();
      this.byKey.set(key, list);
    }
    const i = lowerBound(list, from);
    return i < list.length && list[i] <= to;
  }
}

/** Tables whose duplicate IDs get a pass of their own (Decisions' are found while mapping decisions by ID). */
const DUPLICATE_SCAN_TABLES = TABLE_NAMES.filter((t) => t !== 'Decisions');

/**
 * Whether some ID may be carried by more than one row. The parser puts each distinct row ID in
 * `register.ids` once, so more rows with an ID than IDs means a shared one; as many means none,
 * the usual case, which then needs no hashing pass over every table (a cheap count instead).
 */
function mayShareIds(register: Register): boolean {
  let withId = 0;
  for (const t of TABLE_NAMES) {
    const rows: readonly LabelledRow[] = register.tables[t];
    for (let i = 0; i < rows.length; i++) if (rows[i].id != null) withId++;
  }
  return withId > register.ids.size;
}

/** Steps buildContextSteps takes for this register. */
export function contextStepCount(register: Register): number {
  const { tables } = register;
  const { Decisions, Communications, Escalations } = tables;
  let steps = 1 + slicesOf(Decisions.length) + (Escalations.length > 0 ? slicesOf(Communications.length) : 0);
  if (mayShareIds(register)) for (const t of DUPLICATE_SCAN_TABLES) steps += slicesOf(tables[t].length);
  return steps;
}

/** Adds to `duplicates` the IDs of rows [from, to) already in `seen` (and records the rest in it). */
function collectDuplicates(rows: readonly LabelledRow[], from: number, to: number, seen: Set<string>, duplicates: Set<string>): void {
  for (let i = from; i < to; i++) {
    const id = rows[i].id;
    if (id == null) continue;
    const key = idKey(id);
    if (seen.has(key)) duplicates.add(key);
    else seen.add(key);
  }
}

/**
 * The context in steps (see steps.ts): the window, top management and the rows in the window
 * first, then the decisions-by-ID map and the linked-communications index, ROWS_PER_STEP rows
 * a step. The communications index is built only when there are escalations (COM-3, its one
 * user, looks up nothing otherwise); were it needed without them, it is built on first use.
 */
export function* buildContextSteps(register: Register, asOf: EpochDay): Steps<AssessmentContext> {
  const { tables, settings } = register;
  const indexLinks = tables.Escalations.length > 0;
  const total = contextStepCount(register);
  const label = 'Preparing the assessment';
  let done = 0;

  yield { done: done++, total, label };
  const window = evidenceWindow(asOf, settings.lookbackDays);
  const within = (day: EpochDay | null): boolean => inWindow(window, day);
  const topManagement = topManagementNames(tables.Accountabilities);
  const ownerRows = tables.Accountabilities.filter(isOwnerRow);
  const heldReviewsInWindow = tables.Reviews.filter((r) => isHeldReview(r, asOf) && within(r.heldOn));
  const decisionsInWindow = tables.Decisions.filter((r) => within(r.decidedOn));
  const resourcesInWindow = tables.Resources.filter((r) => within(resourceDate(r)));
  const communicationsInWindow = tables.Communications.filter((r) => within(r.sentOn));
  const escalationsInWindow = tables.Escalations.filter((r) => within(r.raisedOn));
  const requiredInputs = requiredInputsOf(settings.requiredReviewInputs);

  const duplicateIds: Record<EvidenceTableName, Set<string>> = {
    Accountabilities: new Set(),
    Reviews: new Set(),
    Decisions: new Set(),
    Resources: new Set(),
    Communications: new Set(),
    Escalations: new Set(),
  };

  const decisionsById = new Map<string, DecisionRow>();
  const decisions = tables.Decisions;
  for (let from = 0; from < decisions.length; from += ROWS_PER_STEP) {
    yield { done: done++, total, label };
    const to = Math.min(decisions.length, from + ROWS_PER_STEP);
    for (let i = from; i < to; i++) {
      const row = decisions[i];
      if (row.id == null) continue;
      const key = idKey(row.id);
      if (!decisionsById.has(key)) decisionsById.set(key, row);
      else duplicateIds.Decisions.add(key);
    }
  }

  for (const table of mayShareIds(register) ? DUPLICATE_SCAN_TABLES : []) {
    const rows: readonly LabelledRow[] = tables[table];
    const seen = new Set<string>();
    for (let from = 0; from < rows.length; from += ROWS_PER_STEP) {
      yield { done: done++, total, label };
      collectDuplicates(rows, from, Math.min(rows.length, from + ROWS_PER_STEP), seen, duplicateIds[table]);
    }
  }
  const isDuplicated = (table: EvidenceTableName, row: LabelledRow): boolean => {
    const duplicates = duplicateIds[table];
    return duplicates.size > 0 && row.id != null && duplicates.has(idKey(row.id));
  };

  let linked: LinkedSentDays | undefined;
  if (indexLinks) {
    linked = new LinkedSentDays();
    const communications = tables.Communications;
    for (let from = 0; from < communications.length; from += ROWS_PER_STEP) {
      yield { done: done++, total, label };
      linked.add(communications, from, Math.min(communications.length, from + ROWS_PER_STEP));
    }
  }
  const linkedSentDays = (): LinkedSentDays => {
    if (linked === undefined) {
      linked = new LinkedSentDays();
      linked.add(tables.Communications, 0, tables.Communications.length);
    }
    return linked;
  };

  const ctx: AssessmentContext = {
    tables,
    settings,
    asOf,
    window,
    topManagement,
    ownerRows,
    heldReviewsInWindow,
    decisionsById,
    decisionsInWindow,
    resourcesInWindow,
    communicationsInWindow,
    escalationsInWindow,
    requiredInputs,
    duplicateIds,
    isDuplicated,
    labelOf: (table) =>
      // Most registers have no duplicate: then a label is the bare ID, with no lookup per row.
      duplicateIds[table].size === 0
        ? (row) => rowLabel(table, row)
        : (row) => rowLabel(table, row, isDuplicated(table, row)),
    inWindow: within,
    existedAtAsOf: (day) => day == null || day <= asOf,
    isTopManagement: (cell) => matchesName(topManagement, cell),
    exists: (id) => id != null && id.trim() !== '' && register.ids.has(idKey(id)),
    decision: (id) => (id == null ? undefined : decisionsById.get(idKey(id))),
    linkedCommunicationSent: (id, from, to) => linkedSentDays().sentWithin(id, from, to),
  };
  yield { done, total, label: 'Assessment prepared' };
  return ctx;
}

export function buildContext(register: Register, asOf: EpochDay): AssessmentContext {
  return runSteps(buildContextSteps(register, asOf));
}
