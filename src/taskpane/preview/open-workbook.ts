/**
 * Where preview mode's workbook comes from: the example register served next to the page, an .xlsx
 * the person picks (read in the browser only, checked like the CLI checks files), or a new empty
 * workbook. Nothing is uploaded: the only request is for the bundled example, from this origin.
 */
import { Workbook } from 'exceljs';
import { FileProblem } from '../../workbook/file-problem';
import { inspectXlsxBytes } from '../../workbook/xlsx/inspect-bytes';
import { formatBytes } from '../../workbook/xlsx/limits';
import { XlsxPort } from '../../workbook/xlsx/xlsx-port';
import { P } from './preview-strings';

/** Served beside taskpane.html by the build (webpack.config.js copies examples/example-register.xlsx). */
export const EXAMPLE_URL = 'example-register.xlsx';
export const EXAMPLE_NAME = 'example-register.xlsx';

/**
 * Largest file preview opens. ExcelJS needs about 11× a file's inflated size in memory (limits.ts);
 * a browser tab has far less to spare than the CLI, so preview stops at a 100,000-row register's
 * size with room to spare and sends larger files to the command line.
 */
export const PREVIEW_MAX_BYTES = 16 * 1024 * 1024;

export interface OpenedWorkbook {
  port: XlsxPort;
  /** The name Download suggests. */
  name: string;
  /** What the toolbar says is open. */
  label: string;
}

async function fromCheckedBytes(bytes: Uint8Array, name: string, label: string): Promise<OpenedWorkbook> {
  await inspectXlsxBytes(bytes, name, { maxFileBytes: PREVIEW_MAX_BYTES });
  return { port: await XlsxPort.fromBytes(bytes), name, label };
}

export async function openExample(fetchImpl: typeof fetch = fetch): Promise<OpenedWorkbook> {
  const response = await fetchImpl(EXAMPLE_URL, { credentials: 'same-origin' });
  if (!response.ok) throw new FileProblem(EXAMPLE_NAME, P.exampleMissing);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return fromCheckedBytes(bytes, EXAMPLE_NAME, P.source.example);
}

/** The part of a File preview uses (tests pass plain objects). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function openPicked(file: PickedFile): Promise<OpenedWorkbook> {
  if (!/\.xlsx$/i.test(file.name)) throw new FileProblem(file.name, P.notXlsx);
  // Refuse before reading: a huge file should not even be copied into the tab's memory.
  if (file.size > PREVIEW_MAX_BYTES) throw new FileProblem(file.name, P.tooLarge(formatBytes(file.size), formatBytes(PREVIEW_MAX_BYTES)));
  const bytes = new Uint8Array(await file.arrayBuffer());
  return fromCheckedBytes(bytes, file.name, file.name);
}

/** Like File › New in Excel: one blank sheet, no register yet (Set up register creates it). */
export function openEmpty(): OpenedWorkbook {
  const workbook = new Workbook();
  workbook.creator = 'clause51 preview';
  workbook.addWorksheet('Sheet1');
  return { port: new XlsxPort(workbook), name: 'Register.xlsx', label: P.source.empty };
}

