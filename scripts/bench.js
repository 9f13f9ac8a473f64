#!/usr/bin/env node
/**
 * `npm run bench`: measures the performance budgets of issue 6 and writes docs/benchmarks.md.
 *
 *   node scripts/bench.js [--quick] [--skip-build] [--only engine,dashboard,cli,office,bundles,pack,preview]
 *                         [--out docs/benchmarks.md]
 *
 * Every measurement runs in a child process of its own (clean peak memory, no JIT or heap state
 * carried over); each figure is the median of several runs, and every comparison is a ratio of
 * two figures measured in the same run. The TypeScript sources are compiled on the fly into
 * .tmp/bench/build (scripts/bench/compile.js), so the figures are for the code as it is now.
 * --quick runs fewer repetitions (a smoke test of the benchmark itself, not figures to publish).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { performance } = require('perf_hooks');
const { clearTimeout } = require('timers');
const { ROOT, BUILD, compile } = require('./bench/compile');
const { RESULT_PREFIX, median } = require('./bench/measure');
const { measureDist, distIsStale } = require('./bench/bundles');
const { renderReport } = require('./bench/report');

const SECTIONS = ['engine', 'dashboard', 'cli', 'office', 'bundles', 'pack', 'preview'];
const TMP = path.join(ROOT, '.tmp', 'bench');
const NODE = process.execPath;
const BIG_HEAP = '--max-old-space-size=8192';

function parseArgs(argv) {
  const opts = { quick: false, skipBuild: false, only: SECTIONS, out: path.join(ROOT, 'docs', 'benchmarks.md') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--skip-build') opts.skipBuild = true;
    else if (a === '--only') opts.only = String(argv[++i] || '').split(',').filter(Boolean);
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`Usage: node scripts/bench.js [--quick] [--skip-build] [--only ${SECTIONS.join(',')}] [--out FILE]\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  const unknown = opts.only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')} (use ${SECTIONS.join(', ')})`);
  return opts;
}

function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * Run a child; resolves to { code, stdout, stderr, ms, usage } where usage is what
 * scripts/bench/report-usage.js wrote (peak RSS, CPU) when `measureUsage` is set.
 */
function run(args, { measureUsage = false, timeoutMs = 10 * 60 * 1000, cwd = ROOT, env = {} } = {}) {
  return new Promise((resolve) => {
    const usageFile = measureUsage ? path.join(TMP, `usage-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`) : null;
    const fullArgs = measureUsage ? ['--require', path.join(__dirname, 'bench', 'report-usage.js'), ...args] : args;
    const t0 = performance.now();
    const child = spawn(NODE, fullArgs, { cwd, env: { ...process.env, ...env, ...(usageFile ? { BENCH_USAGE_REPORT: usageFile } : {}) } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      let usage = null;
      if (usageFile && fs.existsSync(usageFile)) {
        usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
        fs.rmSync(usageFile, { force: true });
      }
      resolve({ code, signal, stdout, stderr, ms, usage });
    });
  });
}

/** The BENCH-RESULT line of a child, or an error naming the child and its stderr. */
function resultOf(label, out) {
  const line = out.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (out.code !== 0 || !line) {
    throw new Error(`${label} failed (exit ${out.code}${out.signal ? `, ${out.signal}` : ''}): ${out.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length));
}

function load() {
  const l = os.loadavg();
  return { one: l[0], five: l[1], busy: l[0] >= os.cpus().length * 0.75 };
}

/** Runs one section, recording its load, duration and any failure without stopping the others. */
async function section(results, name, fn) {
  const before = load();
  const t0 = performance.now();
  log(`${name}: start (load ${before.one.toFixed(1)})`);
  try {
    results[name] = { ...(await fn()), load: before };
  } catch (e) {
    results[name] = { error: String((e && e.message) || e), load: before };
    log(`${name}: FAILED ${results[name].error}`);
  }
  results[name].seconds = (performance.now() - t0) / 1000;
  log(`${name}: done in ${results[name].seconds.toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// Sections

async function engine(opts) {
  const plan = opts.quick
    ? [
        { rows: 1000, children: 1, reps: 3 },
        { rows: 10000, children: 1, reps: 3 },
        { rows: 100000, children: 1, reps: 2 },
        { rows: 1000000, children: 1, reps: 1 },
      ]
    : [
        { rows: 1000, children: 3, reps: 7 },
        { rows: 10000, children: 3, reps: 7 },
        { rows: 100000, children: 3, reps: 5 },
        { rows: 1000000, children: 3, reps: 2 },
      ];
  const sizes = [];
  for (const p of plan) {
    const children = [];
    const child = (extra = []) => ['--expose-gc', BIG_HEAP, path.join(__dirname, 'bench', 'engine-child.js'), String(p.rows), String(p.reps), ...extra];
    for (let c = 0; c < p.children; c++) children.push(resultOf(`engine ${p.rows}`, await run(child())));
    // The task pane's steps (issue 6 item 3), timed in a fresh process of their own at 100k and 1M rows.
    const steps = p.rows >= 100000 ? resultOf(`engine steps ${p.rows}`, await run(child(['--steps']))) : null;
    const runs = children.flatMap((c) => c.runs);
    const cold = children.map((c) => c.runs[0]);
    const m = (xs, k) => median(xs.map((r) => r[k]));
    sizes.push({
      rows: children[0].rows,
      runs: runs.length,
      processes: children.length,
      parseMs: m(runs, 'parseMs'),
      assessMs: m(runs, 'assessMs'),
      totalMs: m(runs, 'totalMs'),
      totalCpuMs: m(runs, 'totalCpuMs'),
      parseCpuMs: m(runs, 'parseCpuMs'),
      assessCpuMs: m(runs, 'assessCpuMs'),
      coldTotalMs: m(cold, 'totalMs'),
      coldTotalCpuMs: m(cold, 'totalCpuMs'),
      inputHeapMb: median(children.map((c) => c.inputHeapMb)),
      rssBeforeMb: median(children.map((c) => c.rssBeforeMb)),
      peakRssMb: median(children.map((c) => c.peakRssMb)),
      retainedMb: median(children.map((c) => c.retainedMb)),
      summary: children[0].summary,
      steps: steps && { rowsPerStep: steps.rowsPerStep, runs: steps.runs, steps: steps.steps },
    });
  }
  return { sizes };
}

async function dashboard(opts) {
  const args = ['--expose-gc', path.join(__dirname, 'bench', 'dashboard-child.js'), '10000', String(opts.quick ? 3 : 9)];
  return resultOf('dashboard', await run(args));
}

async function cli(opts) {
  const file = path.join(TMP, 'register-100k.xlsx');
  const made = resultOf('make xlsx', await run([BIG_HEAP, path.join(__dirname, 'bench', 'make-xlsx-child.js'), '100000', file]));
  const reps = opts.quick ? 1 : 3;
  const cliRuns = [];
  const loadRuns = [];
  // Interleaved, so both sides see the same machine load.
  for (let i = 0; i < reps; i++) {
    const c = await run([path.join(BUILD, 'clause51.js'), 'score', file, '--format', 'json'], { measureUsage: true });
    if (c.code !== 0) throw new Error(`clause51 score exited ${c.code}: ${c.stderr.trim()}`);
    const parsed = JSON.parse(c.stdout);
    cliRuns.push({ ms: c.ms, cpuMs: c.usage.cpuMs, peakRssMb: c.usage.maxRssKb / 1024, readiness: parsed.readiness, rating: parsed.rating });
    const b = await run([path.join(__dirname, 'bench', 'exceljs-load.js'), file], { measureUsage: true });
    if (b.code !== 0) throw new Error(`ExcelJS load exited ${b.code}: ${b.stderr.trim()}`);
    loadRuns.push({ ms: b.ms, cpuMs: b.usage.cpuMs, peakRssMb: b.usage.maxRssKb / 1024 });
  }
  const phases = resultOf('cli phases', await run([BIG_HEAP, path.join(__dirname, 'bench', 'cli-phases-child.js'), file]));
  const m = (xs, k) => median(xs.map((r) => r[k]));
  const c = { ms: m(cliRuns, 'ms'), cpuMs: m(cliRuns, 'cpuMs'), peakRssMb: m(cliRuns, 'peakRssMb') };
  const b = { ms: m(loadRuns, 'ms'), cpuMs: m(loadRuns, 'cpuMs'), peakRssMb: m(loadRuns, 'peakRssMb') };
  return {
    file: path.relative(ROOT, file),
    fileBytes: made.bytes,
    rows: made.rows,
    reps,
    cli: c,
    exceljs: b,
    timeRatio: c.ms / b.ms,
    cpuRatio: c.cpuMs / b.cpuMs,
    memoryRatio: c.peakRssMb / b.peakRssMb,
    cliRuns,
    loadRuns,
    phases: phases.phases,
    readiness: cliRuns[0].readiness,
    rating: cliRuns[0].rating,
  };
}

async function office() {
  return resultOf('office', await run([BIG_HEAP, path.join(__dirname, 'bench', 'office-child.js'), '100', '10000', '100000']));
}

async function bundles(opts) {
  const stale = distIsStale(ROOT);
  let built = null;
  if (stale && !opts.skipBuild) {
    log(`bundles: ${stale}; building with webpack (production)`);
    const b = await run([path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production']);
    if (b.code !== 0) throw new Error(`webpack failed: ${(b.stdout + b.stderr).trim().split('\n').slice(-5).join(' | ')}`);
    built = { seconds: b.ms / 1000 };
  }
  return { ...measureDist(path.join(ROOT, 'dist')), stale: built ? null : stale, built };
}

/** lib/ is what scripts/bench-pack.js loads: rebuild it when missing or older than its sources. */
async function ensureLib() {
  const lib = path.join(ROOT, 'lib', 'workbook', 'xlsx', 'pack-writer.js');
  const newestSrc = (dir) => {
    let n = 0;
    const walk = (p) => {
      for (const e of fs.readdirSync(p, { withFileTypes: true })) {
        const q = path.join(p, e.name);
        if (e.isDirectory()) walk(q);
        else n = Math.max(n, fs.statSync(q).mtimeMs);
      }
    };
    walk(dir);
    return n;
  };
  if (fs.existsSync(lib) && fs.statSync(lib).mtimeMs >= newestSrc(path.join(ROOT, 'src'))) return false;
  log('pack: lib/ is missing or older than src/; npm run build:cli');
  const r = await run([path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json']);
  if (!fs.existsSync(lib)) throw new Error(`build:cli did not produce lib/: ${r.stdout.trim().split('\n').slice(-3).join(' | ')}`);
  return true;
}

async function pack(opts) {
  const script = path.join(ROOT, 'scripts', 'bench-pack.js');
  if (!fs.existsSync(script)) return { absent: true };
  const rebuiltLib = await ensureLib();
  const rows = opts.quick ? 10000 : 100000;
  const reps = opts.quick ? 1 : 3;
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const r = await run(['--max-old-space-size=4096', '--expose-gc', script, String(rows)]);
    if (r.code !== 0) throw new Error(`bench-pack.js exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    const ratio = /Ratio pack \/ baseline:\s*([\d.]+) CPU,\s*([\d.]+) wall/.exec(r.stdout);
    const base = /ExcelJS writes the tables alone\s+([\d.]+) s wall,\s*([\d.]+) s CPU/.exec(r.stdout);
    const packed = /writeAuditorPack\s+([\d.]+) s wall,\s*([\d.]+) s CPU/.exec(r.stdout);
    if (!ratio || !base || !packed) throw new Error(`bench-pack.js printed no ratio: ${r.stdout.trim().split('\n').slice(-3).join(' | ')}`);
    runs.push({
      cpuRatio: Number(ratio[1]),
      wallRatio: Number(ratio[2]),
      baselineMs: Number(base[1]) * 1000,
      baselineCpuMs: Number(base[2]) * 1000,
      packMs: Number(packed[1]) * 1000,
      packCpuMs: Number(packed[2]) * 1000,
    });
  }
  const m = (k) => median(runs.map((r) => r[k]));
  return { rows, reps, rebuiltLib, cpuRatio: m('cpuRatio'), wallRatio: m('wallRatio'), baselineMs: m('baselineMs'), packMs: m('packMs'), baselineCpuMs: m('baselineCpuMs'), packCpuMs: m('packCpuMs'), runs };
}

async function preview(opts) {
  const script = path.join(ROOT, 'scripts', 'bench-preview.js');
  if (!fs.existsSync(script)) return { absent: true };
  if (!fs.existsSync(path.join(ROOT, 'dist', 'taskpane.html'))) throw new Error('dist/ has no build (the bundles section builds it)');
  const r = await run([script, '--runs', String(opts.quick ? 2 : 5), '--json'], { timeoutMs: 4 * 60 * 1000 });
  if (r.code !== 0) throw new Error(`bench-preview.js exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const start = r.stdout.indexOf('{');
  return JSON.parse(r.stdout.slice(start));
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0] ? cpus[0].model.trim() : 'unknown',
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date();
  const t0 = performance.now();
  fs.mkdirSync(TMP, { recursive: true });
  log('compiling the sources into .tmp/bench/build');
  const compiled = compile();
  log(`compiled ${compiled.files} files`);

  const results = {};
  const loadStart = load();
  const fns = { engine, dashboard, cli, office, bundles, pack, preview };
  for (const name of SECTIONS) if (opts.only.includes(name)) await section(results, name, () => fns[name](opts));

  const report = {
    started: started.toISOString(),
    seconds: (performance.now() - t0) / 1000,
    command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    quick: opts.quick,
    machine: machine(),
    load: { start: loadStart, end: load() },
    results,
  };
  fs.writeFileSync(path.join(TMP, 'results.json'), JSON.stringify(report, null, 2));
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, renderReport(report));
  log(`wrote ${path.relative(ROOT, opts.out)} and .tmp/bench/results.json in ${report.seconds.toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
