/**
 * Measuring helpers shared by the benchmark children: wall and CPU time of one call, medians,
 * and the process's memory. CPU time (user + system of the whole process) is reported next to
 * wall time because this machine is shared: under load, wall time measures the scheduler too.
 */
'use strict';

const { performance } = require('perf_hooks');

function gc() {
  if (typeof global.gc === 'function') global.gc();
}

/** Runs fn once (sync or async); returns { ms, cpuMs, value }. */
async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

/** Synchronous variant (no await between start and end: nothing else can run in between). */
function timedSync(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const MB = 1024 * 1024;

/** Peak resident set size of this process so far, in MB. */
function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

function memoryMb() {
  const m = process.memoryUsage();
  return { rss: m.rss / MB, heapUsed: m.heapUsed / MB, external: m.external / MB, arrayBuffers: m.arrayBuffers / MB };
}

/** A child's answer: one JSON line on stdout, prefixed so stray output cannot be mistaken for it. */
const RESULT_PREFIX = 'BENCH-RESULT ';
function reply(result) {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

module.exports = { gc, timed, timedSync, median, peakRssMb, memoryMb, reply, RESULT_PREFIX, MB };
