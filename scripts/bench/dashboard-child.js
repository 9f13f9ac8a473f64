/**
 * Child process: the Dashboard's recalculation — READINESS, RATING, six PILLARs, CRITERIA and
 * GAPS over the same register tables — through the custom functions as Excel calls them: every
 * call gets its own fresh copies of the seven ranges (Excel never hands two calls the same arrays).
 *
 *   node --expose-gc scripts/bench/dashboard-child.js ROWS REPS
 *
 * Reports the whole recalculation against one READINESS call (both from a cold cache), and how
 * many times the register tables were parsed: on the first recalculation, on a recalculation with
 * nothing changed, and after one table was edited; plus the heap the cache holds after many edits
 * (it must stay bounded).
 */
'use strict';

const { load } = require('./compile');
const data = require('./register-data');
const { gc, timedSync, median, memoryMb, reply } = require('./measure');

const rows = Number(process.argv[2] || 10000);
const reps = Number(process.argv[3] || 5);

const schema = load('src/domain/schema');
const functions = load('src/functions/functions');
const PILLARS = schema.PILLARS.map((p) => p.id);

const tables = data.makeTables(schema, rows);
const ORDER = schema.ALL_TABLE_NAMES;
let ranges = ORDER.map((name) => [tables[name].headers, ...tables[name].rows]);

/** Counts the engine's work; tables parsed = parse calls × tables handed to each. */
const counts = { parses: 0, tablesParsed: 0, assessments: 0 };
const counting = {
  ...functions.defaultEngine,
  parse(raw) {
    counts.parses++;
    counts.tablesParsed += Object.keys(raw).length;
    return functions.defaultEngine.parse(raw);
  },
  assess(register, options) {
    counts.assessments++;
    return functions.defaultEngine.assess(register, options);
  },
};

/**
 * The ten formulas of the Dashboard, each given its own copy of the ranges as Excel does: the
 * runtime deserialises every call's arguments, so even equal texts are distinct string objects.
 */
function dashboardCalls() {
  const fresh = () => JSON.parse(JSON.stringify(ranges));
  const calls = [
    ['READINESS', (t) => functions.readiness(...t)],
    ['RATING', (t) => functions.rating(...t)],
    ...PILLARS.map((p) => [`PILLAR(${p})`, (t) => functions.pillarScore(p, ...t)]),
    ['CRITERIA', (t) => functions.criteria(...t)],
    ['GAPS', (t) => functions.gapsTable(...t)],
  ];
  return calls.map(([name, fn]) => ({ name, args: fresh(), fn }));
}

function recalc(calls) {
  for (const c of calls) c.fn(c.args);
}

function resetCounts() {
  counts.parses = 0;
  counts.tablesParsed = 0;
  counts.assessments = 0;
}

const one = [];
const all = [];
let firstRecalc = null;
for (let i = 0; i < reps; i++) {
  // Copies are made before the clock starts: handing values over is Excel's work, not ours.
  const single = dashboardCalls().slice(0, 1);
  functions.useEngine(counting);
  gc();
  one.push(timedSync(() => recalc(single)));

  const calls = dashboardCalls();
  functions.useEngine(counting);
  resetCounts();
  gc();
  all.push(timedSync(() => recalc(calls)));
  if (i === 0) firstRecalc = { ...counts };
}

// Nothing changed (F9): the cache answers every call.
resetCounts();
const sameCalls = dashboardCalls();
const unchanged = timedSync(() => recalc(sameCalls));
const unchangedCounts = { ...counts };

// One table edited: a row appended to Decisions, then the Dashboard recalculates.
const decisions = ORDER.indexOf('Decisions');
const edit = (k) => {
  const next = ranges.slice();
  const row = ranges[decisions][1].slice();
  row[0] = `DEC-${rows * 10 + k}`;
  next[decisions] = [...ranges[decisions], row];
  ranges = next;
};
edit(1);
resetCounts();
const editedCalls = dashboardCalls();
const edited = timedSync(() => recalc(editedCalls));
const editedCounts = { ...counts };

/**
 * Heap the scorer's caches hold after `edits` successive edits (one READINESS call after each):
 * measured against a fresh scorer, in a function so no stack slot keeps anything alive.
 */
function cacheHeldMb(edits) {
  functions.useEngine(counting);
  for (let k = 0; k < edits; k++) {
    if (k > 0) edit(100 + k);
    recalc(dashboardCalls().slice(0, 1));
  }
  gc();
  const held = memoryMb().heapUsed;
  functions.useEngine(counting); // drops the caches
  gc();
  return held - memoryMb().heapUsed;
}
const oneRegisterMb = cacheHeldMb(1);
const afterManyEditsMb = cacheHeldMb(21);

const oneMs = median(one.map((t) => t.ms));
const allMs = median(all.map((t) => t.ms));
const oneCpu = median(one.map((t) => t.cpuMs));
const allCpu = median(all.map((t) => t.cpuMs));
reply({
  rows: data.dataRows(tables),
  reps,
  calls: dashboardCalls().map((c) => c.name),
  oneReadinessMs: oneMs,
  recalcMs: allMs,
  ratio: allMs / oneMs,
  oneReadinessCpuMs: oneCpu,
  recalcCpuMs: allCpu,
  ratioCpu: allCpu / oneCpu,
  ratiosPerRun: all.map((t, i) => t.ms / one[i].ms),
  firstRecalc,
  unchanged: { ms: unchanged.ms, ...unchangedCounts },
  afterEdit: { ms: edited.ms, ...editedCounts },
  cache: { oneRegisterMb, afterManyEditsMb, edits: 21 },
});
