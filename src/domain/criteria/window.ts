/**
 * The evidence window and cadence arithmetic (spec §1–§2), all in whole epoch days.
 * Window = (as-of − lookback, as-of]: the start day is out, the as-of day is in.
 */
import type { EpochDay } from '../types';

export interface EvidenceWindow {
  /** Exclusive start: a row dated exactly here is out. */
  readonly start: EpochDay;
  /** Inclusive end: the as-of date. */
  readonly end: EpochDay;
}

export function evidenceWindow(asOf: EpochDay, lookbackDays: number): EvidenceWindow {
  return { start: asOf - lookbackDays, end: asOf };
}

export function inWindow(window: EvidenceWindow, day: EpochDay | null): boolean {
  return day != null && day > window.start && day <= window.end;
}

/**
 * How many events a cadence asks for over the lookback: max(1, ⌊lookback ÷ cadence⌋).
 * A non-positive cadence cannot be met more than once, so it asks for one.
 */
export function expectedCount(lookbackDays: number, cadenceDays: number): number {
  if (!(cadenceDays > 0)) return 1;
  return Math.max(1, Math.floor(lookbackDays / cadenceDays));
}

/**
 * Whether the last event is recent enough: as-of − last ≤ 1.25 × cadence. Compared as
 * 4·gap ≤ 5·cadence so that no floating-point rounding moves the inclusive edge.
 */
export function recentEnough(asOf: EpochDay, last: EpochDay, cadenceDays: number): boolean {
  return 4 * (asOf - last) <= 5 * cadenceDays;
}

/** Grace after a review before decisions are expected to be recorded (GOV-4). */
export const DECISION_GRACE_DAYS = 7;
