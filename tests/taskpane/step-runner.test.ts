/** The pane's step runner: steps back to back within a slice, a browser turn between slices, cancellable. */
import type { StepProgress, Steps } from '../../src/domain/steps';
import { CANCELLED, StepRunner, nextMacrotask, type Pacing } from '../../src/taskpane/hooks/step-runner';

/** `n` steps of work; `ran` counts the units actually run. */
function counted(n: number): { steps: Steps<string>; ran: () => number } {
  let ran = 0;
  function* steps(): Steps<string> {
    for (let i = 0; i < n; i++) {
      yield { done: i, total: n, label: `unit ${i}` };
      ran++;
    }
    yield { done: n, total: n, label: 'finished' };
    return 'answer';
  }
  return { steps: steps(), ran: () => ran };
}

/** A clock that moves `msPerRead` every time it is read, and a turn counter. */
function fakePacing(sliceMs: number, msPerRead: number): Pacing & { turns: number } {
  let t = 0;
  const pacing = {
    sliceMs,
    turns: 0,
    now: () => (t += msPerRead),
    yieldToBrowser: async () => {
      pacing.turns++;
    },
  };
  return pacing;
}

describe('StepRunner', () => {
  test('quick work runs straight through: no turn, no progress, the answer', async () => {
    const { steps, ran } = counted(20);
    const pacing = fakePacing(30, 0);
    const progress: StepProgress[] = [];
    expect(await new StepRunner(pacing).run(steps, (p) => progress.push(p), () => true)).toBe('answer');
    expect(ran()).toBe(20);
    expect(pacing.turns).toBe(0);
    expect(progress).toEqual([]);
  });

  test('slow work gets a browser turn every slice, with the latest progress just before it', async () => {
    const { steps } = counted(20);
    // 10 ms per clock read, one read per record: a turn every third record.
    const pacing = fakePacing(30, 10);
    const progress: StepProgress[] = [];
    expect(await new StepRunner(pacing).run(steps, (p) => progress.push(p), () => true)).toBe('answer');
    expect(pacing.turns).toBeGreaterThanOrEqual(6);
    expect(progress).toHaveLength(pacing.turns);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  test('a run whose caller moved on stops at its next turn and runs nothing more', async () => {
    const { steps, ran } = counted(20);
    const pacing = fakePacing(0, 1);
    let current = true;
    const result = new StepRunner(pacing).run(
      steps,
      () => {
        current = false;
      },
      () => current,
    );
    expect(await result).toBe(CANCELLED);
    expect(ran()).toBe(0);
  });

  test('one runner paces consecutive computations (parse, then assess) as one stretch of work', async () => {
    // 10 ms per clock read, a turn once 35 ms have passed: two 3-record computations need one turn
    // between them only if the second one knows how long the first has run.
    const shared = fakePacing(35, 10);
    const runner = new StepRunner(shared);
    await runner.run(counted(2).steps, () => undefined, () => true);
    await runner.run(counted(2).steps, () => undefined, () => true);
    expect(shared.turns).toBe(1);

    const separate = fakePacing(35, 10);
    await new StepRunner(separate).run(counted(2).steps, () => undefined, () => true);
    await new StepRunner(separate).run(counted(2).steps, () => undefined, () => true);
    expect(separate.turns).toBe(0);
  });
});

describe('nextMacrotask', () => {
  test('resolves only once the microtask queue has drained (it is a task, not a microtask)', async () => {
    let hops = 0;
    const chain = (): void => {
      if (++hops < 1000) void Promise.resolve().then(chain);
    };
    const turn = nextMacrotask();
    chain();
    await turn;
    expect(hops).toBe(1000);
  });
});
