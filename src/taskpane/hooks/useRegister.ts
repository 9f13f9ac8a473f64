/**
 * Reads the workbook through the port, parses it and scores it — the pane's one source of truth.
 * Data flows one way (architecture.md): port.read → parseRegister → assess. Failures are kept
 * as a message for the pane to show; this hook never throws at the caller.
 */
import * as React from 'react';
import { assess } from '../../domain/assess';
import { todayUtc } from '../../domain/dates';
import { parseRegister } from '../../domain/register';
import type { EpochDay, RawRegister, Register, Result } from '../../domain/types';
import type { WorkbookPort } from '../../workbook/port';
import { describeError, type ErrorMessage } from '../errors';
import { S } from '../strings';

export interface Snapshot {
  raw: RawRegister;
  register: Register;
  result: Result;
}

export interface RegisterState {
  snapshot: Snapshot | null;
  loading: boolean;
  /** Tables read so far, from port.read's onProgress. */
  progress: { done: number; total: number } | null;
  error: ErrorMessage | null;
  /** The as-of date chosen in the pane (null → Settings' Assessment date, else today). */
  asOf: EpochDay | null;
  /** Re-read the workbook and score it again. Resolves to the fresh snapshot, or null on failure. */
  refresh(): Promise<Snapshot | null>;
  /** Score the register already read at another as-of date (no workbook round trip). */
  setAsOf(asOf: EpochDay | null): void;
}

export function score(raw: RawRegister, asOf: EpochDay | null, now: Date): Snapshot {
  const register = parseRegister(raw);
  const result = assess(register, { asOf: asOf ?? undefined, today: todayUtc(now) });
  return { raw, register, result };
}

export function useRegister(port: WorkbookPort, clock: () => Date = () => new Date()): RegisterState {
  const [snapshot, setSnapshot] = React.useState<Snapshot | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [error, setError] = React.useState<ErrorMessage | null>(null);
  const [asOf, setAsOfState] = React.useState<EpochDay | null>(null);
  // Refs so the callbacks stay stable and always see the latest values.
  const asOfRef = React.useRef(asOf);
  const clockRef = React.useRef(clock);
  clockRef.current = clock;
  const snapshotRef = React.useRef(snapshot);
  snapshotRef.current = snapshot;
  const generation = React.useRef(0);

  const refresh = React.useCallback(async (): Promise<Snapshot | null> => {
    const mine = ++generation.current;
    setLoading(true);
    setProgress(null);
    try {
      const raw = await port.read((done, total) => {
        if (generation.current === mine) setProgress({ done, total });
      });
      const next = score(raw, asOfRef.current, clockRef.current());
      if (generation.current === mine) {
        setSnapshot(next);
        setError(null);
      }
      return next;
    } catch (e) {
      if (generation.current === mine) setError(describeError(e, { title: S.errors.readTitle }));
      return null;
    } finally {
      if (generation.current === mine) {
        setLoading(false);
        setProgress(null);
      }
    }
  }, [port]);

  const setAsOf = React.useCallback((next: EpochDay | null) => {
    asOfRef.current = next;
    setAsOfState(next);
    const old = snapshotRef.current;
    if (!old) return;
    try {
      setSnapshot({ ...old, result: assess(old.register, { asOf: next ?? undefined, today: todayUtc(clockRef.current()) }) });
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  return { snapshot, loading, progress, error, asOf, refresh, setAsOf };
}
