/**
 * Child process: the Office.js port against the in-memory Excel fake (tests/support/excel-fake.ts),
 * which counts every context.sync() and measures each request and response in JSON bytes, failing
 * any over Excel on the web's 5 MB limit as Excel would. Sync counts and sizes are deterministic,
 * so each figure is one run.
 *
 *   node scripts/bench/office-child.js 100 10000 100000
 *
 * Actions per size: set-up of a complete register (nothing to add), set-up that upgrades it (a
 * missing date column in Decisions, added with its format), read, and add a row; plus set-up of
 * an empty workbook once.
 */
'use strict';

const { load } = require('./compile');
const data = require('./register-data');
const { reply } = require('./measure');

const sizes = process.argv.slice(2).map(Number);
const schema = load('src/domain/schema');
const { FakeExcel } = load('tests/support/excel-fake');
const { OfficePort } = load('src/workbook/office/office-port');
const LIMIT = 5_000_000;

/** A register of `rows` rows in the fake; `dropColumn` leaves one Decisions column out (an older register). */
function arrange(rows, dropColumn) {
  const fake = new FakeExcel();
  const tables = data.makeTables(schema, rows);
  for (const name of schema.ALL_TABLE_NAMES) {
    let { headers, rows: body } = tables[name];
    if (name === 'Decisions' && dropColumn) {
      const j = headers.indexOf(dropColumn);
      headers = headers.filter((_, k) => k !== j);
      body = body.map((r) => r.filter((_, k) => k !== j).map((v) => (v === null ? '' : v)));
    } else {
      body = body.map((r) => r.map((v) => (v === null ? '' : v)));
    }
    fake.addTable(name, name, headers, body);
  }
  return fake;
}

/** One action against the fake: its syncs and the largest request and response. */
async function measure(fake, action) {
  fake.resetMetrics();
  let error = null;
  let outcome = null;
  try {
    outcome = await action(new OfficePort({ run: fake.run }));
  } catch (e) {
    error = String((e && e.message) || e).slice(0, 200);
  }
  const syncs = fake.syncs;
  return {
    syncs: syncs.length,
    maxRequestBytes: fake.maxRequestBytes(),
    maxResponseBytes: fake.maxResponseBytes(),
    totalResponseBytes: syncs.reduce((n, s) => n + s.responseBytes, 0),
    writes: fake.writes.length,
    error,
    outcome,
  };
}

const ADD = {
  decidedOn: data.AS_OF_DAY + data.EXCEL_EPOCH_OFFSET,
  decision: 'Fund a second service desk shift for the winter peak',
  type: 'Resource',
  decidedBy: 'Person 1',
  owner: 'Person 2',
  status: 'Open',
};

async function main() {
  const results = [];
  const empty = new FakeExcel();
  const fresh = await measure(empty, (port) => port.setUp());
  results.push({ rows: 0, action: 'set-up (new register)', ...fresh, outcome: { createdTables: fresh.outcome && fresh.outcome.createdTables.length } });

  for (const rows of sizes) {
    const fake = arrange(rows);
    const noop = await measure(fake, (port) => port.setUp());
    results.push({ rows, action: 'set-up (complete register)', ...noop, outcome: null });

    const older = arrange(rows, 'Completed on');
    const upgrade = await measure(older, (port) => port.setUp());
    results.push({ rows, action: 'set-up (upgrade: add a date column)', ...upgrade, outcome: upgrade.outcome && { addedColumns: upgrade.outcome.addedColumns, problems: upgrade.outcome.problems } });

    const read = await measure(fake, (port) => port.read());
    const raw = read.outcome;
    const readRows = raw ? Object.entries(raw).reduce((n, [name, t]) => (name === 'Settings' ? n : n + t.values.length - 1), 0) : 0;
    // The fewest syncs any reader could use: one to discover the tables, then the values at ≤ 5 MB per response.
    const floor = 1 + Math.ceil(read.totalResponseBytes / LIMIT);
    results.push({ rows, action: 'read', ...read, outcome: { rowsRead: readRows, minimumSyncs: floor } });

    const add = await measure(fake, (port) => port.addRow('Decisions', ADD));
    results.push({ rows, action: 'add a row', ...add });
  }
  reply({ limitBytes: LIMIT, results });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
