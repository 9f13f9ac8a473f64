/**
 * The gate every .xlsx passes before ExcelJS sees it (Node: CLI and scripts). Registers come from
 * many hands, so a file is judged on its size, signature and zip directory, then every part is
 * inflated once with a meter that aborts at the caps (declared sizes can lie). Each refusal is a
 * FileProblem whose one-line message says what is wrong and what to do.
 *
 * Browser code imports ./inspect-bytes instead: this module uses Node's fs and yauzl.
 */
import { promises as fs } from 'fs';
import * as yauzl from 'yauzl';
import type { Workbook } from 'exceljs';
import { FileProblem } from '../file-problem';
import { InflateBudget, lyingSize } from './inflate-budget';
import { checkZipDirectory, fileTooLarge } from './inspect-bytes';
import { formatCount, limitsWith, type XlsxLimits } from './limits';
import { tooManyCells } from './part-counter';
import { MESSAGES, ZipCheckFailure } from './zip-directory';

export { LIMITS, type XlsxLimits } from './limits';
export { inspectXlsxBytes } from './inspect-bytes';

/**
 * Reads `path` and returns its bytes for ExcelJS, or throws FileProblem(path, …).
 * `overrides` lowers the caps (tests build small hostile files that way).
 */
export async function inspectXlsxFile(path: string, overrides?: Partial<XlsxLimits>): Promise<Buffer> {
  const limits = limitsWith(overrides);
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new FileProblem(path, 'this is not a file (it is a folder or a device); give the path of an .xlsx workbook');
    size = stat.size;
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem(path, unreadable(err));
  }
  // Size first: never read a huge file into memory just to refuse it.
  if (size > limits.maxFileBytes) throw new FileProblem(path, fileTooLarge(size, limits));
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    throw new FileProblem(path, unreadable(err));
  }
  try {
    checkZipDirectory(bytes, limits);
    await inflateWithYauzl(bytes, limits);
  } catch (err) {
    if (err instanceof ZipCheckFailure) throw new FileProblem(path, err.message);
    throw err;
  }
  return bytes;
}

function unreadable(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'the file was not found; check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read (permission denied)';
  if (code === 'EISDIR') return 'this is a folder, not a file; give the path of an .xlsx workbook';
  return `the file cannot be read (${typeof code === 'string' ? code : 'read error'})`;
}

/** Inflates every part through yauzl (which also validates sizes), metering as it goes; aborts early. */
function inflateWithYauzl(bytes: Buffer, limits: XlsxLimits): Promise<void> {
  const budget = new InflateBudget(limits);
  return new Promise<void>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (openErr, zip) => {
      if (openErr || !zip) return reject(new ZipCheckFailure(MESSAGES.damaged));
      let settled = false;
      const fail = (err: unknown) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(err instanceof ZipCheckFailure ? err : new ZipCheckFailure(MESSAGES.damaged));
      };
      zip.on('error', fail);
      zip.on('end', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (settled) return;
        if (entry.fileName.endsWith('/')) return zip.readEntry(); // folder entries hold no data
        let meter: ReturnType<InflateBudget['entry']>;
        try {
          meter = budget.entry({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
        } catch (err) {
          return fail(err);
        }
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return fail(streamErr);
          stream.on('data', (chunk: Buffer) => {
            try {
              meter.push(chunk);
            } catch (err) {
              stream.destroy();
              fail(err);
            }
          });
          // yauzl's own size check fires first when a part inflates past its declared size.
          stream.on('error', (err: Error) => fail(/too many bytes/i.test(String(err?.message)) ? new ZipCheckFailure(lyingSize(entry.fileName, entry.uncompressedSize)) : err));
          stream.on('end', () => {
            if (settled) return;
            try {
              meter.end();
            } catch (err) {
              return fail(err);
            }
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Sheet names come from the file: keep messages on one line and short. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = name.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/**
 * After ExcelJS has loaded the workbook: throws FileProblem when a sheet has more rows, or the
 * workbook more cells, than the caps (a second line of defence behind the streaming count).
 */
export function assertWithinCaps(workbook: Workbook, file: string, overrides?: Partial<XlsxLimits>): void {
  const limits = limitsWith(overrides);
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    const rows = sheet.actualRowCount;
    if (rows > limits.maxRowsPerSheet) {
      throw new FileProblem(
        file,
        `the sheet "${shown(sheet.name)}" has ${formatCount(rows)} rows, over the limit of ${formatCount(limits.maxRowsPerSheet)} per sheet; delete unused rows or split the register`,
      );
    }
    sheet.eachRow((row) => {
      cells += row.actualCellCount;
    });
    if (cells > limits.maxCells) throw new FileProblem(file, tooManyCells(limits));
  }
}
