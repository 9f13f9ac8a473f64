/**
 * Child process: writes the benchmark's register workbook with ExcelJS, through the project's own
 * table writer (createTableOnEmptySheet: real Excel tables with a style, dropdowns and date
 * validations over the rows, date formats, frozen headers), as a register kept in Excel for
 * years would look. Dates are real date cells.
 *
 *   node scripts/bench/make-xlsx-child.js ROWS OUT.xlsx
 */
'use strict';

const fs = require('fs');
const { load } = require('./compile');
const data = require('./register-data');
const { reply, timed } = require('./measure');

const rows = Number(process.argv[2]);
const out = process.argv[3];

const schema = load('src/domain/schema');
const { XlsxPort } = load('src/workbook/xlsx/xlsx-port');
const { createTableOnEmptySheet } = load('src/workbook/xlsx/setup');

const SETTINGS_SPECS = [
  { key: 'key', header: 'Key', kind: 'text' },
  { key: 'value', header: 'Value', kind: 'text' },
];

async function main() {
  const t = await timed(async () => {
    const tables = data.makeTables(schema, rows, { dates: 'date' });
    const port = new XlsxPort();
    for (const spec of schema.TABLES) {
      const sheet = port.workbook.addWorksheet(spec.name);
      createTableOnEmptySheet(port.workbook, sheet, spec.name, spec.columns, tables[spec.name].rows);
    }
    const settings = port.workbook.addWorksheet('Settings');
    createTableOnEmptySheet(port.workbook, settings, 'Settings', SETTINGS_SPECS, tables.Settings.rows);
    settings.getCell(2 + schema.SETTINGS.findIndex((s) => s.key === 'assessmentDate'), 2).numFmt = 'yyyy-mm-dd';
    const bytes = await port.toBytes();
    fs.writeFileSync(out, bytes);
    return { bytes: bytes.length, rows: data.dataRows(tables) };
  });
  reply({ file: out, ...t.value, ms: t.ms });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
