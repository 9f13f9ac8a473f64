/**
 * Dates are epoch days (whole days since 1970-01-01 UTC): window arithmetic is integer
 * arithmetic, and no time zone can shift a date by one.
 */
import type { EpochDay } from './types';

/** Excel's 1900 date system: serial 25569 is 1970-01-01. */
export const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

export function fromExcelSerial(serial: number): EpochDay {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function toExcelSerial(day: EpochDay): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** A JS Date as xlsx readers hand it over (midnight UTC for a date cell). */
export function fromJsDate(date: Date): EpochDay | null {
  const t = date.getTime();
  return Number.isFinite(t) ? Math.floor(t / MS_PER_DAY) : null;
}

/** Strict `YYYY-MM-DD` (a real calendar date); null otherwise. */
export function fromIsoText(text: string): EpochDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.floor(t / MS_PER_DAY);
}

export function toIso(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function toJsDate(day: EpochDay): Date {
  return new Date(day * MS_PER_DAY);
}

/** Today's epoch day in UTC. Faces pass this in; the engine never reads the clock itself. */
export function todayUtc(now: Date = new Date()): EpochDay {
  return Math.floor(now.getTime() / MS_PER_DAY);
}
