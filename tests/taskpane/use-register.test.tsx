/** @jest-environment jsdom */
/**
 * useRegister drives the engine's steps: the browser gets turns between them, progress names
 * the step, and a newer request (Refresh, as-of date) makes an older run still stepping stop
 * without its result ever being shown.
 */
import '../support/dom-shims';
import '@testing-library/jest-dom';
import { renderHook, screen, waitFor } from '@testing-library/react';
import { assess } from '../../src/domain/assess';
import { fromIsoText, todayUtc } from '../../src/domain/dates';
import { parseRegister } from '../../src/domain/register';
import type { RawCell, RawRegister } from '../../src/domain/types';
import { nextMacrotask, type Pacing } from '../../src/taskpane/hooks/step-runner';
import { useRegister, type RegisterState } from '../../src/taskpane/hooks/useRegister';
import { FakePort } from '../support/fake-port';
import { priyaRegister } from './register-fixture';
import { NOW, renderApp, settled } from './render-app';

const d = (iso: string): number => fromIsoText(iso)!;

/** What the engine says, straight through. */
const engine = (raw: RawRegister, asOf?: number) => assess(parseRegister(raw), { asOf, today: todayUtc(NOW) });

// The runs under test span many macrotasks on purpose; React processes their updates as a browser
// would (RTL still wraps its own render in act).
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

/** Every state the hook rendered, in order. */
function renderRegisterHook(port: FakePort, pacing: Pacing) {
  const seen: RegisterState[] = [];
  const hook = renderHook(() => {
    const state = useRegister(port, () => NOW, pacing);
    seen.push(state);
    return state;
  });
  return { ...hook, seen };
}

/** A turn after every step, each held until the test releases it. */
function gatedPacing() {
  const waiting: (() => void)[] = [];
  const pacing: Pacing = { sliceMs: 0, now: () => 0, yieldToBrowser: () => new Promise<void>((resolve) => waiting.push(resolve)) };
  return {
    pacing,
    waiting,
    /** Let every paused run take its next step, then let React render. */
    async release(): Promise<void> {
      for (const resolve of waiting.splice(0)) resolve();
      await new Promise((r) => setTimeout(r, 0));
    },
    /** Release steps until `until` has settled and nothing is paused any more. */
    async releaseAll(until: Promise<unknown>): Promise<void> {
      let settled = false;
      void until.finally(() => (settled = true));
      while (!settled || waiting.length > 0) await this.release();
    },
  };
}

function setOrganisation(port: FakePort, name: string): void {
  const row = port.tables.Settings!.find((r) => r[0] === 'Organisation') as RawCell[];
  row[1] = name;
}

describe('useRegister drives the engine in steps', () => {
  test('the browser gets a turn between steps; progress names each step; the result is the engine’s', async () => {
    let turns = 0;
    const pacing: Pacing = {
      sliceMs: 0,
      now: () => performance.now(),
      yieldToBrowser: () => {
        turns++;
        return nextMacrotask();
      },
    };
    const port = new FakePort(priyaRegister());
    const { result, seen } = renderRegisterHook(port, pacing);

    let timerRan = false;
    let timerRanBeforeTheEnd = false;
    const done = result.current.refresh().then((snap) => {
      timerRanBeforeTheEnd = timerRan;
      return snap;
    });
    // Queued after the refresh started: it runs only if the refresh lets the event loop turn.
    setTimeout(() => (timerRan = true), 0);
    const snap = await done;

    expect(timerRanBeforeTheEnd).toBe(true);
    // One turn per step of the parse (12 records) and of the assessment (25).
    expect(turns).toBeGreaterThanOrEqual(35);
    expect(snap?.result).toEqual(engine(priyaRegister()));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.snapshot).toBe(snap);
    expect(result.current.progress).toBeNull();

    const labels = seen.map((s) => s.progress?.label).filter((l): l is string => l !== undefined);
    expect(labels).toEqual(expect.arrayContaining(['Checking Decisions…', 'Checking links in Decisions…', 'Scoring GOV-4…', 'Answering the auditor questions…']));
    const fractions = seen.filter((s) => s.progress && !s.progress.label.startsWith('Reading')).map((s) => s.progress!.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
  });

  test('a newer Refresh makes a run still stepping stop; its result is never shown', async () => {
    const gate = gatedPacing();
    const port = new FakePort(priyaRegister());
    setOrganisation(port, 'Old Co');
    const { result, seen } = renderRegisterHook(port, gate.pacing);

    const first = result.current.refresh();
    await waitFor(() => expect(gate.waiting).toHaveLength(1)); // paused after a step of the parse
    await gate.release();
    setOrganisation(port, 'New Co');
    const second = result.current.refresh();
    await gate.releaseAll(Promise.all([first, second]));

    const [a, b] = await Promise.all([first, second]);
    expect(b?.result.organisation).toBe('New Co');
    // The superseded call resolves to what the newer one produced.
    expect(a).toBe(b);
    await waitFor(() => expect(result.current.snapshot?.result.organisation).toBe('New Co'));
    expect(seen.some((s) => s.snapshot?.result.organisation === 'Old Co')).toBe(false);
    expect(port.callsOf('read')).toHaveLength(2);
  });

  test('a new as-of date while a Refresh is scoring restarts the scoring with that date, without reading again', async () => {
    const gate = gatedPacing();
    const port = new FakePort(priyaRegister());
    const { result, seen } = renderRegisterHook(port, gate.pacing);

    const refresh = result.current.refresh();
    while (!result.current.progress?.label.startsWith('Scoring ')) await gate.release();
    result.current.setAsOf(d('2026-03-31'));
    await gate.releaseAll(refresh);

    const snap = await refresh;
    expect(snap?.result).toEqual(engine(priyaRegister(), d('2026-03-31')));
    await waitFor(() => expect(result.current.snapshot?.result.asOf).toBe('2026-03-31'));
    expect(seen.some((s) => s.snapshot !== null && s.snapshot.result.asOf !== '2026-03-31')).toBe(false);
    expect(port.callsOf('read')).toHaveLength(1);
  });

  test('a newer as-of date discards an older rescore still stepping', async () => {
    const gate = gatedPacing();
    const port = new FakePort(priyaRegister());
    const { result, seen } = renderRegisterHook(port, gate.pacing);
    await gate.releaseAll(result.current.refresh());
    await waitFor(() => expect(result.current.loading).toBe(false));
    const before = seen.length;

    result.current.setAsOf(d('2026-01-31'));
    // A head start of a few steps: left alone, the older rescore would finish first.
    for (let i = 0; i < 4; i++) {
      await waitFor(() => expect(gate.waiting).toHaveLength(1));
      await gate.release();
    }
    result.current.setAsOf(d('2026-02-28'));
    await waitFor(() => expect(gate.waiting).toHaveLength(2));
    do await gate.release();
    while (gate.waiting.length > 0);

    await waitFor(() => expect(result.current.snapshot?.result.asOf).toBe('2026-02-28'));
    expect(result.current.snapshot?.result).toEqual(engine(priyaRegister(), d('2026-02-28')));
    expect(seen.slice(before).some((s) => s.snapshot?.result.asOf === '2026-01-31')).toBe(false);
    expect(port.callsOf('read')).toHaveLength(1);
  });
});

describe('the pane while scoring', () => {
  test('scoring that takes over 300 ms shows the step under way, then clears', async () => {
    // Every step gets a 20 ms turn: about 40 steps, so the scoring takes most of a second.
    const pacing: Pacing = { sliceMs: 0, now: () => 0, yieldToBrowser: () => new Promise((r) => setTimeout(r, 20)) };
    renderApp(new FakePort(priyaRegister()), { pacing });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    const step = /^(Checking .+|Reading Settings|Preparing the assessment|Scoring [A-Z]+-\d+|Answering the auditor questions)…$/;
    expect(await screen.findByText(step, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    await settled();
    await waitFor(() => expect(screen.getByRole('status')).toBeEmptyDOMElement());
  });
});
