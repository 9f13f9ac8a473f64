/**
 * Child process: the engine (parseRegister + assess) on a register of N rows in total, several
 * times, in a process of its own so its peak memory is not mixed with anything else.
 *
 *   node --expose-gc scripts/bench/engine-child.js ROWS REPS [--steps]
 *
 * With --steps it times instead, for issue 6 item 3, the steps the task pane runs one at a time
 * (parseRegisterSteps and assessSteps, the generators parseRegister and assess themselves run):
 * each step is one `next()` of the generator, timed on its own. That runs first thing in a
 * process of its own, so its first run is cold, as when the pane first scores.
 */
'use strict';

const { load } = require('./compile');
const data = require('./register-data');
const { gc, timedSync, median, peakRssMb, memoryMb, reply } = require('./measure');

const rows = Number(process.argv[2]);
const reps = Number(process.argv[3] || 3);
const onlySteps = process.argv.includes('--steps');

const schema = load('src/domain/schema');
const { parseRegister } = load('src/domain/register');
const { assess } = load('src/domain/assess');

const raw = data.makeRawRegister(schema, rows);
const today = data.AS_OF_DAY;
gc();
const before = memoryMb();

/** Timed runs; in a function so that no stack slot keeps a register alive when it returns. */
function runAll() {
  const runs = [];
  let peakAfterFirst = null;
  let summary = null;
  for (let i = 0; i < reps; i++) {
    gc();
    const p = timedSync(() => parseRegister(raw));
    const a = timedSync(() => assess(p.value, { today }));
    runs.push({ parseMs: p.ms, parseCpuMs: p.cpuMs, assessMs: a.ms, assessCpuMs: a.cpuMs, totalMs: p.ms + a.ms, totalCpuMs: p.cpuMs + a.cpuMs });
    if (i === 0) {
      peakAfterFirst = peakRssMb();
      summary = { readiness: a.value.readiness, rating: a.value.rating, issues: a.value.issues.length, rowCounts: a.value.rowCounts };
    }
  }
  return { runs, peakAfterFirst, summary };
}

/**
 * Heap held by a parsed register and its result (what a caller keeps, e.g. the functions' cache).
 * Small registers are built several times over so the figure stands out from the heap's noise.
 */
function retainedHeapMb() {
  const copies = rows <= 100000 ? 4 : 1;
  // Built in a function of its own: a local here would keep the last register alive after the pop.
  const buildOne = () => {
    const register = parseRegister(raw);
    return [register, assess(register, { today })];
  };
  const holder = [];
  for (let i = 0; i < copies; i++) holder.push(buildOne());
  gc();
  const withResult = memoryMb().heapUsed;
  holder.length = 0;
  // Twice: the first full collection can leave freed pages for the concurrent sweeper.
  gc();
  gc();
  return (withResult - memoryMb().heapUsed) / copies;
}

/** "Checking Decisions" → "Checking Decisions, rows 50,001–100,000" when the table takes several steps. */
function stepName(step, rowsPerStep) {
  const table = step.phase === 'parse' && /^Checking (\w+)$/.exec(step.label);
  const dataRows = table && raw[table[1]] ? raw[table[1]].values.length - 1 : 0;
  if (!table || dataRows <= rowsPerStep) return step.label;
  const from = step.sameLabel * rowsPerStep + 1;
  const to = Math.min(dataRows, (step.sameLabel + 1) * rowsPerStep);
  return `${step.label}, rows ${from.toLocaleString('en-GB')}–${to.toLocaleString('en-GB')}`;
}

/**
 * The pane's real steps: parseRegisterSteps then assessSteps, driven one `next()` at a time as
 * the pane drives them, each timed. A step is named after the label yielded before it (what it
 * does); steps of one table share its label and get "rows a–b". Returns, per step in order, the
 * median over `reps` runs, plus the first run's own times (the first run of a fresh process:
 * cold JIT, as when the pane first scores).
 */
function steps() {
  const { parseRegisterSteps } = load('src/domain/register');
  const { ROWS_PER_STEP } = load('src/domain/steps');
  const { assessSteps } = load('src/domain/assess');
  const names = [];
  const times = [];
  // Timed in a function of its own so no local keeps a register alive between runs.
  const timeGenerator = (gen, phase, out) => {
    let label = null;
    let sameLabel = 0;
    for (;;) {
      const t = timedSync(() => gen.next());
      const step = t.value;
      // The first next() only produces the first record and the last only returns: no work to time.
      if (step.done) return step.value;
      if (label !== null) out.push({ phase, label, sameLabel, ms: t.ms, cpuMs: t.cpuMs });
      sameLabel = step.value.label === label ? sameLabel + 1 : 0;
      label = step.value.label;
    }
  };
  const runOnce = () => {
    const out = [];
    const register = timeGenerator(parseRegisterSteps(raw), 'parse', out);
    timeGenerator(assessSteps(register, { today }), 'assess', out);
    return out;
  };
  for (let r = 0; r < reps; r++) {
    gc();
    const out = runOnce();
    out.forEach((s, i) => {
      if (r === 0) {
        names.push(stepName(s, ROWS_PER_STEP));
        times.push([]);
      }
      times[i].push(s);
    });
  }
  return {
    rowsPerStep: ROWS_PER_STEP,
    runs: reps,
    steps: names.map((name, i) => ({
      name,
      phase: times[i][0].phase,
      ms: median(times[i].map((t) => t.ms)),
      cpuMs: median(times[i].map((t) => t.cpuMs)),
      firstMs: times[i][0].ms,
      firstCpuMs: times[i][0].cpuMs,
    })),
  };
}

function engineFigures() {
  const { runs, peakAfterFirst, summary } = runAll();
  const retainedMb = retainedHeapMb();
  const m = (k) => median(runs.map((r) => r[k]));
  return {
    rows: data.dataRows(raw),
    reps,
    parseMs: m('parseMs'),
    assessMs: m('assessMs'),
    totalMs: m('totalMs'),
    parseCpuMs: m('parseCpuMs'),
    assessCpuMs: m('assessCpuMs'),
    totalCpuMs: m('totalCpuMs'),
    runs,
    inputHeapMb: before.heapUsed,
    rssBeforeMb: before.rss,
    peakRssMb: peakAfterFirst,
    retainedMb,
    summary,
  };
}

reply(onlySteps ? { rows: data.dataRows(raw), ...steps() } : engineFigures());
