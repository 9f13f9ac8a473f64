/**
 * The baseline the CLI is measured against: ExcelJS merely loading the file (read the bytes,
 * Workbook.xlsx.load), nothing else. Run as its own process, like the CLI.
 *
 *   node scripts/bench/exceljs-load.js FILE.xlsx
 */
'use strict';
const fs = require('fs');
const ExcelJS = require('exceljs');

async function main() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(process.argv[2]));
  process.stdout.write(`${workbook.worksheets.length} sheets\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
