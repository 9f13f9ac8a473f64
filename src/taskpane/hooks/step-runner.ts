/**
 * Drives the engine's steps (src/domain/steps.ts) in the pane without freezing it: steps run
 * back to back until SLICE_MS have passed, then the browser gets a turn (input, paint, React's
 * render of the progress) before the next step. A run whose caller has moved on (a newer
 * Refresh or as-of date) stops at its next turn, so its result can never overwrite a newer one.
 */
import type { StepProgress, Steps } from '../../domain/steps';

/** Work between two turns for the browser: short enough to feel instant, long enough to waste little on turns. */
export const SLICE_MS = 30;

export interface Pacing {
  /** Longest stretch of steps, in ms, before the browser gets a turn. */
  readonly sliceMs: number;
  now(): number;
  /** Resolves in a later macrotask: everything the browser has queued runs first. */
  yieldToBrowser(): Promise<void>;
}

/** A later macrotask. MessageChannel where there is one: setTimeout(0) is clamped to 4 ms once nested. */
export function nextMacrotask(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const BROWSER_PACING: Pacing = {
  sliceMs: SLICE_MS,
  now: () => performance.now(),
  yieldToBrowser: nextMacrotask,
};

/** What run() returns when its caller moved on before the steps finished. */
export const CANCELLED: unique symbol = Symbol('cancelled');

/**
 * One runner per user request: it remembers when the browser last had a turn, so a request made
 * of several computations (parse, then assess) is paced as one.
 */
export class StepRunner {
  private lastTurn: number;

  constructor(private readonly pacing: Pacing) {
    this.lastTurn = pacing.now();
  }

  /**
   * Run `steps` to the end and return their answer. At each turn given to the browser,
   * `onProgress` first gets the latest record (what is done, what runs next), and after it
   * `current()` decides whether to go on: false → CANCELLED, and no further step runs.
   */
  async run<T>(steps: Steps<T>, onProgress: (progress: StepProgress) => void, current: () => boolean): Promise<T | typeof CANCELLED> {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (this.pacing.now() - this.lastTurn >= this.pacing.sliceMs) {
        onProgress(next.value);
        await this.pacing.yieldToBrowser();
        this.lastTurn = this.pacing.now();
        if (!current()) return CANCELLED;
      }
    }
  }
}
