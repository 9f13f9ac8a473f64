/** `clause51 snapshot FILE.xlsx [--as-of YYYY-MM-DD]`: append today's readiness to the register's History table. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { assess } from '../../domain/assess';
import { HISTORY_HEADERS, HISTORY_SHEET, historyRow } from '../../domain/history';
import { FileProblem } from '../../workbook/file-problem';
import { readCentralDirectory } from '../../workbook/xlsx/zip-directory';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { loadRegisterFile } from '../load';
import { UsageError } from '../usage-error';
import { asOfOption, AS_OF_OPTION } from './as-of';

/**
 * Parts ExcelJS cannot carry through a load and save: writing the file back would silently drop
 * them, so the command refuses instead (users' data is sacred) and points at the task pane.
 */
const PARTS_EXCELJS_DROPS: readonly [RegExp, string][] = [
  [/^xl\/charts\//i, 'charts'],
  [/^xl\/chartsheets\//i, 'chart sheets'],
  [/^xl\/pivotTables\//i, 'pivot tables'],
  [/^xl\/slicers\//i, 'slicers'],
  [/^xl\/timelines\//i, 'timelines'],
  [/^xl\/threadedComments\//i, 'threaded comments'],
  [/^xl\/(activeX|ctrlProps)\//i, 'form controls'],
  [/^xl\/model\//i, 'a data model'],
  [/^xl\/vbaProject\.bin$/i, 'macros'],
];

export function partsThatWouldBeLost(entryNames: readonly string[]): string[] {
  const found = new Set<string>();
  for (const name of entryNames) for (const [re, what] of PARTS_EXCELJS_DROPS) if (re.test(name)) found.add(what);
  return [...found];
}

/** Replace FILE through a temporary file in the same folder, so a failure never leaves half a register. */
async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new FileProblem(file, 'cannot be written here (permission denied); is it open in another program?');
    throw new FileProblem(file, `cannot be written (${code ?? (err as Error).message})`);
  }
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'append the readiness, pillar scores and row counts to the register’s History table',
  usage: 'FILE.xlsx [--as-of YYYY-MM-DD]',
  details: [
    `Adds one row to the History table (sheet "${HISTORY_SHEET}", created when missing) and saves FILE.`,
    'Nothing else in the workbook is changed. Files holding charts, pivot tables and the like are',
    'refused, because saving them from here would lose those; record the snapshot from the task pane.',
  ].join('\n'),
  options: [AS_OF_OPTION],
  async run(args, context) {
    if (args.positionals.length !== 1) throw new UsageError('expected one FILE.xlsx', 'snapshot');
    const file = args.positionals[0];
    const asOf = asOfOption(args, 'snapshot');

    const { port, register } = await loadRegisterFile(file, 'save');
    const lost = partsThatWouldBeLost(readCentralDirectory(await fs.readFile(file), 100_000).map((e) => e.name));
    if (lost.length > 0) {
      throw new FileProblem(
        file,
        `holds ${lost.join(', ')}, which saving from the command line would lose; record the snapshot from the task pane in Excel instead`,
      );
    }
    const result = assess(register, asOf === undefined ? { today: context.today } : { asOf, today: context.today });
    const { row } = await port.appendHistory(HISTORY_HEADERS, historyRow(result, context.now));
    await replaceFile(file, await port.toBytes());

    const readiness = result.readiness === null ? 'n/a' : `${(Math.round(result.readiness * 10) / 10).toFixed(1)} (${result.rating})`;
    context.io.stdout.write(`Recorded readiness ${readiness} as of ${result.asOf} in ${file}, ${HISTORY_SHEET} row ${row}.\n`);
    return EXIT.ok;
  },
};
