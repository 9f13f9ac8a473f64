/**
 * Long engine work (parsing and scoring a large register) as a generator of steps, so one code
 * path serves every face: the CLI and custom functions run the steps straight through
 * (runSteps), while the task pane runs a few steps, lets the browser breathe, and carries on.
 * Each step is small enough (one table slice, one criterion…) to stay far below the pane's
 * 200 ms budget even on a million rows.
 */

/**
 * Rows handled in one step where work goes row by row (parsing a table, checking its links,
 * indexing a table). The heaviest rows (Reviews, with two list columns) parse at about 2.5 ms
 * per 1,000 on a million-row register, so a slice stays well under the pane's 200 ms budget even
 * with a garbage collection in it; a million-row register is still only about a hundred steps.
 */
export const ROWS_PER_STEP = 25_000;

/** Steps needed for `rows` rows at ROWS_PER_STEP a step (0 for none). */
export function slicesOf(rows: number): number {
  return Math.ceil(rows / ROWS_PER_STEP);
}

/** Where a stepped computation stands. */
export interface StepProgress {
  /** Units of work finished so far: 0 on the first record, `total` on the last. */
  readonly done: number;
  readonly total: number;
  /** What runs when the caller resumes (e.g. "Checking Decisions", "Scoring GOV-4"); on the last record, what was done. */
  readonly label: string;
}

/** Yields a progress record before every unit of work and once after the last; returns the answer. */
export type Steps<T> = Generator<StepProgress, T, void>;

/** Run every step at once and return the answer: the synchronous faces' way in. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Run `inner` as part of a larger computation: its records are passed on with `offset` added
 * to `done` and the outer `total`, except its last (the outer computation says what comes next).
 */
export function* nested<T>(inner: Steps<T>, offset: number, total: number): Steps<T> {
  for (;;) {
    const next = inner.next();
    if (next.done) return next.value;
    if (next.value.done < next.value.total) yield { done: offset + next.value.done, total, label: next.value.label };
  }
}
