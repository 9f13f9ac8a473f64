/**
 * Turns anything thrown by the port, Office.js or the pack writer into a message a person can act
 * on: what happened and what to do next. Never a stack trace; at most the error's first line.
 */
import { S } from './strings';

export interface ErrorMessage {
  title: string;
  next: string;
  /** The error's own first line, shown small, for support. */
  detail?: string;
}

/** Office.js error codes (OfficeExtension.Error.code) we can say something useful about. */
const BY_CODE: Record<string, { title: string; next: string }> = {
  InvalidOperationInCellEditMode: { title: S.errors.cellEditTitle, next: S.errors.cellEditNext },
  ItemNotFound: { title: S.errors.notFoundTitle, next: S.errors.notFoundNext },
  AccessDenied: { title: S.errors.protectedTitle, next: S.errors.protectedNext },
  InsertDeleteConflict: { title: S.errors.protectedTitle, next: S.errors.protectedNext },
  RequestPayloadSizeLimitExceeded: { title: S.errors.tooBigTitle, next: S.errors.tooBigNext },
  ResponsePayloadSizeLimitExceeded: { title: S.errors.tooBigTitle, next: S.errors.tooBigNext },
  ActivityLimitReached: { title: S.errors.busyTitle, next: S.errors.busyNext },
  RequestAborted: { title: S.errors.busyTitle, next: S.errors.busyNext },
  Conflict: { title: S.errors.busyTitle, next: S.errors.busyNext },
};

const MAX_DETAIL = 240;

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0].trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
}

export function describeError(error: unknown, fallback: { title?: string; next?: string } = {}): ErrorMessage {
  const title = fallback.title ?? S.errors.genericTitle;
  const next = fallback.next ?? S.errors.genericNext;
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; code?: unknown; message?: unknown };
    const message = typeof e.message === 'string' ? firstLine(e.message) : '';
    // A FileProblem's message is already written for a person (src/workbook/file-problem.ts).
    if (e.name === 'FileProblem' && message) return { title: message, next: S.errors.fileNext };
    if (typeof e.code === 'string' && BY_CODE[e.code]) {
      return { ...BY_CODE[e.code], detail: message || undefined };
    }
    return { title, next, detail: message || undefined };
  }
  if (typeof error === 'string' && error.trim()) return { title, next, detail: firstLine(error) };
  return { title, next };
}
