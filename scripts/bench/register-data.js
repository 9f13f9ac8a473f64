/**
 * Deterministic, realistic register data for the benchmarks: every table of the schema, rows
 * spread as in a busy register (decisions and communications dominate), dates inside and around
 * a year's evidence window, links that point at rows that exist, names shared with the
 * Accountabilities table, some blank optional cells and one bad cell in a thousand (a real
 * register has a few, and the parser's issue path must be paid for).
 *
 * Dates come as Excel serials (what custom functions and Office.js hand over) or as JS Dates
 * (what ExcelJS hands the command line).
 */
'use strict';

/** Share of the total rows per table. */
const SHARE = { Accountabilities: 0.02, Reviews: 0.08, Decisions: 0.4, Resources: 0.1, Communications: 0.25, Escalations: 0.15 };
/** Which tables each reference column points into (by prefix), so links resolve. */
const REF_TARGETS = {
  'Decisions.source': ['REV', 'ESC'],
  'Resources.linkedItem': ['ESC', 'DEC'],
  'Communications.linkedItem': ['DEC'],
  'Escalations.decision': ['DEC'],
};
/** Optional date columns left blank on one row in four (not completed yet, not closed…). */
const OPTIONAL_DATES = new Set(['completedOn', 'closedOn', 'deliveredOn', 'nextReview', 'plannedDate']);
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86400000;
/** 2026-06-30: the as-of date every benchmark scores at. */
const AS_OF_DAY = Date.UTC(2026, 5, 30) / MS_PER_DAY;
const PEOPLE = 60;
const WORDS = ['service', 'desk', 'capacity', 'review', 'incident', 'supplier', 'budget', 'owner', 'policy', 'change', 'risk', 'customer'];

function rowCounts(total) {
  const counts = {};
  for (const [name, share] of Object.entries(SHARE)) counts[name] = Math.max(1, Math.round(total * share));
  return counts;
}

function sentence(key, i) {
  return `${WORDS[i % 12]} ${WORDS[(i * 7 + 3) % 12]} ${key} ${WORDS[(i * 5 + 1) % 12]} for item ${i + 1}`;
}

/**
 * One evidence table's rows (without header). `prefixCount` maps a prefix to how many rows its
 * table has, so references stay within existing IDs.
 */
function tableRows(spec, n, prefixCount, dates) {
  const date = (day) => (dates === 'date' ? new Date(day * MS_PER_DAY) : day + EXCEL_EPOCH_OFFSET);
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    // Own dates spread over ~15 months before the as-of date, most inside the 365-day window.
    const own = AS_OF_DAY - ((i * 37) % 450);
    const row = new Array(spec.columns.length);
    spec.columns.forEach((col, j) => {
      const bad = (i + j) % 1000 === 999;
      switch (col.kind) {
        case 'id':
          row[j] = `${spec.prefix}-${i + 1}`;
          break;
        case 'date':
          if (bad) row[j] = 'next week';
          else if (OPTIONAL_DATES.has(col.key) && i % 4 === 3) row[j] = null;
          else row[j] = date(own + (j % 3) * 7);
          break;
        case 'yesno':
          row[j] = i % 5 === 0 ? 'No' : 'Yes';
          break;
        case 'enum':
          row[j] = bad ? 'Maybe' : col.values[(i + j) % col.values.length];
          break;
        case 'list':
          row[j] = col.key === 'inputsCovered' ? 'Service performance; Major incidents; Trends; Audit results' : `Person ${i % PEOPLE}; Person ${(i + 1) % PEOPLE}`;
          break;
        case 'ref': {
          const targets = REF_TARGETS[`${spec.name}.${col.key}`] || ['DEC'];
          const prefix = targets[i % targets.length];
          row[j] = i % 6 === 5 ? null : `${prefix}-${(i % prefixCount[prefix]) + 1}`;
          break;
        }
        case 'link':
          row[j] = `https://intranet.example.org/sms/${spec.name.toLowerCase()}/${i + 1}`;
          break;
        case 'person':
          row[j] = `Person ${i % PEOPLE}`;
          break;
        default:
          row[j] = sentence(col.key, i);
      }
    });
    rows[i] = row;
  }
  return rows;
}

function settingsRows(schema, dates) {
  return schema.SETTINGS.map((s) => {
    if (s.key === 'assessmentDate') return [s.label, dates === 'date' ? new Date(AS_OF_DAY * MS_PER_DAY) : AS_OF_DAY + EXCEL_EPOCH_OFFSET];
    if (s.key === 'organisation') return [s.label, 'Bench Services Ltd'];
    if (s.kind === 'days' || s.kind === 'threshold') return [s.label, Number(s.defaultText)];
    return [s.label, s.defaultText];
  });
}

/**
 * The register as header + rows per table: { name: { headers, rows } }, schema order, Settings last.
 * `schema` is the compiled src/domain/schema module.
 *
 * With serial dates the rows go through JSON, as Office.js and the custom functions runtime hand
 * values over: texts built by concatenation here would otherwise be V8 "cons strings", which the
 * parser's first trim() flattens — a cost real workbook values never have.
 */
function makeTables(schema, total, { dates = 'serial' } = {}) {
  const counts = rowCounts(total);
  const prefixCount = {};
  for (const spec of schema.TABLES) prefixCount[spec.prefix] = counts[spec.name];
  const tables = {};
  for (const spec of schema.TABLES) {
    const rows = tableRows(spec, counts[spec.name], prefixCount, dates);
    tables[spec.name] = { headers: spec.columns.map((c) => c.header), rows: dates === 'serial' ? JSON.parse(JSON.stringify(rows)) : rows };
  }
  tables.Settings = { headers: [...schema.SETTINGS_COLUMNS], rows: settingsRows(schema, dates) };
  return tables;
}

/** The same register as the engine's RawRegister (header row first, as Excel hands ranges over). */
function makeRawRegister(schema, total, options) {
  const tables = makeTables(schema, total, options);
  const raw = {};
  for (const [name, t] of Object.entries(tables)) raw[name] = { values: [t.headers, ...t.rows], headerRow: 1 };
  return raw;
}

/** Data rows over all tables (Settings not counted). */
function dataRows(tables) {
  return Object.entries(tables).reduce((n, [name, t]) => (name === 'Settings' ? n : n + (t.rows ? t.rows.length : t.values.length - 1)), 0);
}

module.exports = { SHARE, AS_OF_DAY, EXCEL_EPOCH_OFFSET, rowCounts, makeTables, makeRawRegister, dataRows };
