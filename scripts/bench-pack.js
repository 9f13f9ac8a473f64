#!/usr/bin/env node
/**
 * Scratch measurement (not a test): how long writing the auditor pack takes for a large register,
 * against ExcelJS writing the same register tables alone (plain values, no styling).
 * Issue 4 asks for pack ≤ 2 × baseline. Uses the compiled lib/ (npm run build:cli first).
 *
 *   node --max-old-space-size=4096 scripts/bench-pack.js [ROWS=100000]
 */
const { performance } = require('perf_hooks');
const ExcelJS = require('exceljs');
const { TABLES } = require('../lib/domain/schema');
const { parseRegister } = require('../lib/domain/register');
const { assess } = require('../lib/domain/assess');
const { writeAuditorPack } = require('../lib/workbook/xlsx/pack-writer');

const TOTAL = Number(process.env.BENCH_ROWS || process.argv[2] || 100000);
/** How the rows are spread over the tables (a busy register: decisions and communications dominate). */
const SHARE = { Accountabilities: 0.02, Reviews: 0.08, Decisions: 0.4, Resources: 0.1, Communications: 0.25, Escalations: 0.15 };
const DAY = 86400000;
const START = Date.UTC(2025, 6, 1);

function cellFor(table, column, i) {
  const when = new Date(START + (i % 365) * DAY);
  switch (column.kind) {
    case 'id':
      return `${table.prefix}-${i + 1}`;
    case 'date':
      return when;
    case 'yesno':
      return i % 3 === 0 ? 'No' : 'Yes';
    case 'enum':
      return column.values[i % column.values.length];
    case 'list':
      return 'Service performance; Major incidents; Trends';
    case 'ref':
      return `DEC-${(i % 1000) + 1}`;
    case 'link':
      return `https://intranet.example/${table.name.toLowerCase()}/${i + 1}`;
    case 'person':
      return `Person ${i % 50}`;
    default:
      return `${column.header} text for row ${i + 1}, long enough to be realistic`;
  }
}

function makeRaw() {
  const raw = {};
  for (const table of TABLES) {
    const n = Math.round(TOTAL * SHARE[table.name]);
    const values = [table.columns.map((c) => c.header)];
    for (let i = 0; i < n; i++) values.push(table.columns.map((c) => cellFor(table, c, i)));
    raw[table.name] = { values, headerRow: 1 };
  }
  raw.Settings = { values: [['Key', 'Value'], ['Organisation', 'Bench Ltd'], ['Assessment date', '2026-06-30']], headerRow: 1 };
  return raw;
}

async function baseline(raw) {
  const wb = new ExcelJS.Workbook();
  for (const [name, table] of Object.entries(raw)) {
    const ws = wb.addWorksheet(name);
    ws.addRows(table.values);
  }
  return wb.xlsx.writeBuffer();
}

/** Wall time and CPU time (user + system): the machine is shared, so CPU time is the fairer figure. */
async function time(label, fn) {
  if (global.gc) global.gc();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = await fn();
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU`);
  return { ms, cpuMs, out };
}

async function main() {
  const raw = makeRaw();
  const rows = Object.values(raw).reduce((n, t) => n + t.values.length - 1, 0);
  console.log(`Register: ${rows} data rows over ${Object.keys(raw).length} tables (Node ${process.version})`);
  const { out: register } = await time('parse register', async () => parseRegister(raw));
  const { out: result } = await time('assess', async () => assess(register, { today: 20634 }));
  const base = await time('ExcelJS writes the tables alone', () => baseline(raw));
  const pack = await time('writeAuditorPack', () => writeAuditorPack({ raw, register, result, generatedAt: new Date() }));
  console.log(`Baseline file ${(base.out.byteLength / 1e6).toFixed(1)} MB; pack ${(pack.out.byteLength / 1e6).toFixed(1)} MB`);
  console.log(`Ratio pack / baseline: ${(pack.cpuMs / base.cpuMs).toFixed(2)} CPU, ${(pack.ms / base.ms).toFixed(2)} wall (target ≤ 2)`);
}

module.exports = { makeRaw };
if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
