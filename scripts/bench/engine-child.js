/**
 * Child process: the engine (parseRegister + assess) on a register of N rows in total, several
 * times, in a process of its own so its peak memory is not mixed with anything else.
 *
 *   node --expose-gc scripts/bench/engine-child.js ROWS REPS
 *
 * Also measures, for issue 6 item 3, the longest synchronous steps the task pane would run if
 * scoring were split: each table's parse on its own, buildContext, and each criterion.
 */
'use strict';

const { load } = require('./compile');
const data = require('./register-data');
const { gc, timedSync, median, peakRssMb, memoryMb, reply } = require('./measure');

const rows = Number(process.argv[2]);
const reps = Number(process.argv[3] || 3);
const splitSteps = process.argv.includes('--steps');

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

const { runs, peakAfterFirst, summary } = runAll();
const retainedMb = retainedHeapMb();

/** Median wall and CPU time of `reps` calls. */
function medianTime(fn) {
  const times = [];
  for (let i = 0; i < reps; i++) times.push(timedSync(fn));
  return { ms: median(times.map((t) => t.ms)), cpuMs: median(times.map((t) => t.cpuMs)) };
}

/** The pane's steps if scoring were split: each table parsed alone, the context, each criterion. */
function steps() {
  const out = { tables: {}, context: null, criteria: {} };
  const headerOnly = (name) => ({ values: [raw[name].values[0]], headerRow: 1 });
  for (const spec of schema.TABLES) {
    const only = {};
    for (const name of Object.keys(raw)) only[name] = name === spec.name || name === 'Settings' ? raw[name] : headerOnly(name);
    out.tables[spec.name] = medianTime(() => parseRegister(only));
  }
  const { buildContext } = load('src/domain/criteria/context');
  const { CRITERIA } = load('src/domain/criteria');
  const register = parseRegister(raw);
  const asOf = register.settings.assessmentDate ?? today;
  out.context = medianTime(() => buildContext(register, asOf));
  const ctx = buildContext(register, asOf);
  for (const c of CRITERIA) out.criteria[c.id] = medianTime(() => c.evaluate(ctx));
  return out;
}

const m = (k) => median(runs.map((r) => r[k]));
reply({
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
  steps: splitSteps ? steps() : null,
});
