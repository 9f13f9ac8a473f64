/**
 * Reads the workbook through the port, parses it and scores it — the pane's one source of truth.
 * Data flows one way (architecture.md): port.read → parseRegisterSteps → assessSteps, the same
 * steps parseRegister and assess run, driven by a StepRunner so that a large register never
 * freezes the pane: the browser gets a turn every SLICE_MS, and the progress strip says what is
 * being checked or scored. Each request (Refresh, a new as-of date) supersedes the ones before
 * it: an older run still stepping stops, and its result is never shown. Failures are kept as a
 * message for the pane to show; this hook never throws at the caller.
 */
import * as React from 'react';
import { assessSteps, type AssessOptions } from '../../domain/assess';
import { todayUtc } from '../../domain/dates';
import { parseRegisterSteps } from '../../domain/register';
import type { StepProgress } from '../../domain/steps';
import type { EpochDay, RawRegister, Register, Result } from '../../domain/types';
import type { WorkbookPort } from '../../workbook/port';
import { describeError, type ErrorMessage } from '../errors';
import { S } from '../strings';
import { BROWSER_PACING, CANCELLED, StepRunner, type Pacing } from './step-runner';

export interface Snapshot {
  raw: RawRegister;
  register: Register;
  result: Result;
}

export interface RegisterProgress {
  /** What is happening, in the pane's words: "Reading your register… 3 of 7 tables", "Scoring GOV-4…". */
  label: string;
  /** 0–1: how far the current phase (reading, then checking and scoring) has got. */
  fraction: number;
}

export interface RegisterState {
  snapshot: Snapshot | null;
  /** A read or a scoring is under way. */
  loading: boolean;
  progress: RegisterProgress | null;
  error: ErrorMessage | null;
  /** The as-of date chosen in the pane (null → Settings' Assessment date, else today). */
  asOf: EpochDay | null;
  /**
   * Re-read the workbook and score it again. Resolves to the fresh snapshot, or null on failure;
   * if a newer Refresh supersedes this one, to what that one resolves to.
   */
  refresh(): Promise<Snapshot | null>;
  /** Score the register already read at another as-of date (no workbook round trip). */
  setAsOf(asOf: EpochDay | null): void;
}

/** A step record as progress: its label, and its share of the phase mapped onto [from, to]. */
function stepProgress(p: StepProgress, from: number, to: number): RegisterProgress {
  return { label: S.step(p.label), fraction: from + ((to - from) * p.done) / Math.max(1, p.total) };
}

function scoringOptions(asOf: EpochDay | null, now: Date): AssessOptions {
  return { asOf: asOf ?? undefined, today: todayUtc(now) };
}

export function useRegister(port: WorkbookPort, clock: () => Date = () => new Date(), pacing: Pacing = BROWSER_PACING): RegisterState {
  const [snapshot, setSnapshot] = React.useState<Snapshot | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [progress, setProgress] = React.useState<RegisterProgress | null>(null);
  const [error, setError] = React.useState<ErrorMessage | null>(null);
  const [asOf, setAsOfState] = React.useState<EpochDay | null>(null);
  // Refs so the callbacks stay stable and always see the latest values.
  const asOfRef = React.useRef(asOf);
  const clockRef = React.useRef(clock);
  clockRef.current = clock;
  const pacingRef = React.useRef(pacing);
  pacingRef.current = pacing;
  const snapshotRef = React.useRef(snapshot);
  snapshotRef.current = snapshot;
  /** Bumped by every request; a run goes on only while it holds the latest number. */
  const generation = React.useRef(0);
  /** A Refresh is under way (it scores with the as-of date current when it gets to scoring). */
  const refreshing = React.useRef(false);
  const latestRefresh = React.useRef<Promise<Snapshot | null>>(Promise.resolve(null));

  const refresh = React.useCallback((): Promise<Snapshot | null> => {
    const mine = ++generation.current;
    const current = (): boolean => generation.current === mine;
    const run = (async (): Promise<Snapshot | null> => {
      refreshing.current = true;
      setLoading(true);
      setProgress(null);
      try {
        const raw = await port.read((done, total) => {
          if (current()) setProgress({ label: S.readingProgress(done, total), fraction: total > 0 ? done / total : 0 });
        });
        if (!current()) return await latestRefresh.current;
        setProgress({ label: S.scoring, fraction: 0 });
        const runner = new StepRunner(pacingRef.current);
        // Checking the tables is the first half of the bar, scoring the second.
        const register = await runner.run(parseRegisterSteps(raw), (p) => setProgress(stepProgress(p, 0, 0.5)), current);
        if (register === CANCELLED) return await latestRefresh.current;
        for (;;) {
          // A new as-of date chosen meanwhile stops this scoring and starts it again with that date.
          const day = asOfRef.current;
          const result = await runner.run(assessSteps(register, scoringOptions(day, clockRef.current())), (p) => setProgress(stepProgress(p, 0.5, 1)), () => current() && asOfRef.current === day);
          if (!current()) return await latestRefresh.current;
          if (result === CANCELLED) continue;
          const next = { raw, register, result };
          setSnapshot(next);
          setError(null);
          return next;
        }
      } catch (e) {
        if (!current()) return await latestRefresh.current;
        setError(describeError(e, { title: S.errors.readTitle }));
        return null;
      } finally {
        if (current()) {
          refreshing.current = false;
          setLoading(false);
          setProgress(null);
        }
      }
    })();
    latestRefresh.current = run;
    return run;
  }, [port]);

  const setAsOf = React.useCallback((next: EpochDay | null) => {
    asOfRef.current = next;
    setAsOfState(next);
    // A Refresh under way picks the new date up itself (and restarts its scoring if it had begun).
    if (refreshing.current) return;
    const old = snapshotRef.current;
    if (!old) return;
    const mine = ++generation.current;
    const current = (): boolean => generation.current === mine;
    void (async () => {
      setLoading(true);
      setProgress({ label: S.scoring, fraction: 0 });
      try {
        const result = await new StepRunner(pacingRef.current).run(assessSteps(old.register, scoringOptions(next, clockRef.current())), (p) => setProgress(stepProgress(p, 0, 1)), current);
        if (result !== CANCELLED && current()) setSnapshot({ ...old, result });
      } catch (e) {
        if (current()) setError(describeError(e));
      } finally {
        if (current()) {
          setLoading(false);
          setProgress(null);
        }
      }
    })();
  }, []);

  return { snapshot, loading, progress, error, asOf, refresh, setAsOf };
}
