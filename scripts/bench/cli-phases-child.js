/**
 * Child process: where the command line's time goes on one file, phase by phase, with the same
 * modules `clause51 score --format json` runs: the safety inspection (size, zip directory,
 * metered inflate), ExcelJS loading the workbook as `score` does (for reading: without the data
 * validation), the cap check, reading the tables into raw values, parsing, assessing, and
 * rendering JSON.
 *
 *   node scripts/bench/cli-phases-child.js FILE.xlsx
 */
'use strict';

const { load } = require('./compile');
const { timed, timedSync, peakRssMb, reply } = require('./measure');

const file = process.argv[2];
const { inspectXlsxFile, assertWithinCaps } = load('src/workbook/xlsx/inspect');
const { loadWorkbook } = load('src/cli/load');
const { parseRegister } = load('src/domain/register');
const { assess } = load('src/domain/assess');
const { FORMATS } = load('src/cli/formats');

async function main() {
  const phases = {};
  const inspect = await timed(() => inspectXlsxFile(file));
  phases.inspect = inspect;
  const afterInspect = peakRssMb();
  const port = await timed(() => loadWorkbook(inspect.value, 'read'));
  phases.exceljsLoad = port;
  const afterLoad = peakRssMb();
  phases.capCheck = timedSync(() => assertWithinCaps(port.value.workbook, file));
  const raw = await timed(() => port.value.read());
  phases.readTables = raw;
  const register = timedSync(() => parseRegister(raw.value));
  phases.parse = register;
  const result = timedSync(() => assess(register.value, { today: 0 }));
  phases.assess = result;
  phases.renderJson = timedSync(() => FORMATS.json(result.value));
  const out = {};
  for (const [k, v] of Object.entries(phases)) out[k] = { ms: v.ms, cpuMs: v.cpuMs };
  reply({ phases: out, peakRssMb: { afterInspect, afterLoad, end: peakRssMb() } });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
