/**
 * Everything criteria share, computed once per assessment so that each criterion is one pass
 * over its own rows (O(rows)); lookups by ID go through maps, never nested scans.
 */
import type { SettingsValues } from '../schema';
import { DEFAULT_REQUIRED_INPUTS } from '../schema';
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
import { isOwnerRow, matchesName, topManagementNames } from './people';
import { is } from './text';
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
  inWindow(day: EpochDay | null): boolean;
  /** Whether a row dated `day` already existed at as-of (a blank date does not exclude it). */
  existedAtAsOf(day: EpochDay | null): boolean;
  isTopManagement(personCell: string | null): boolean;
  /** Whether a link (Source, Linked item, Decision) names a row of any register table. */
  exists(id: string | null): boolean;
  /** The Decisions row an ID names, if any. */
  decision(id: string | null): DecisionRow | undefined;
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

export function buildContext(register: Register, asOf: EpochDay): AssessmentContext {
  const { tables, settings } = register;
  const window = evidenceWindow(asOf, settings.lookbackDays);
  const within = (day: EpochDay | null): boolean => inWindow(window, day);
  const topManagement = topManagementNames(tables.Accountabilities);

  const decisionsById = new Map<string, DecisionRow>();
  for (const row of tables.Decisions) {
    if (row.id == null) continue;
    const key = idKey(row.id);
    if (!decisionsById.has(key)) decisionsById.set(key, row);
  }

  const requiredInputs = requiredInputsOf(settings.requiredReviewInputs);

  return {
    tables,
    settings,
    asOf,
    window,
    topManagement,
    ownerRows: tables.Accountabilities.filter(isOwnerRow),
    heldReviewsInWindow: tables.Reviews.filter((r) => isHeldReview(r, asOf) && within(r.heldOn)),
    decisionsById,
    decisionsInWindow: tables.Decisions.filter((r) => within(r.decidedOn)),
    resourcesInWindow: tables.Resources.filter((r) => within(resourceDate(r))),
    communicationsInWindow: tables.Communications.filter((r) => within(r.sentOn)),
    escalationsInWindow: tables.Escalations.filter((r) => within(r.raisedOn)),
    requiredInputs,
    inWindow: within,
    existedAtAsOf: (day) => day == null || day <= asOf,
    isTopManagement: (cell) => matchesName(topManagement, cell),
    exists: (id) => id != null && id.trim() !== '' && register.ids.has(idKey(id)),
    decision: (id) => (id == null ? undefined : decisionsById.get(idKey(id))),
  };
}
