/**
 * Open a register .xlsx for a command: check the file is a sane workbook (inspect.ts), load it
 * with ExcelJS, read and parse the register. Every way a file can be unusable is a FileProblem.
 */
import { Workbook } from 'exceljs';
import { TABLE_NAMES } from '../domain/schema';
import { parseRegister } from '../domain/register';
import type { RawRegister, Register } from '../domain/types';
import { FileProblem } from '../workbook/file-problem';
import { assertWithinCaps, inspectXlsxFile } from '../workbook/xlsx/inspect';
import { XlsxPort } from '../workbook/xlsx/xlsx-port';
import { oneLine } from '../report/plain';

/**
 * What the command does with the file, said by every caller:
 * - 'read' (score, pack: the file is never written back): ExcelJS skips the sheets' data
 *   validation, which no reader here looks at — it expands each dropdown rule into one entry per
 *   cell, a third of a second and a few hundred MB at 100,000 rows. The port it comes with refuses
 *   to save, since a saved copy would have lost every dropdown.
 * - 'save' (snapshot: writes the file back): the whole workbook, dropdowns included.
 */
export type LoadPurpose = 'read' | 'save';

/** ExcelJS's worksheet elements a read-only load does not build. */
export const NODES_SKIPPED_FOR_READING: readonly string[] = ['dataValidations'];

export interface LoadedRegister {
  readonly port: XlsxPort;
  readonly raw: RawRegister;
  readonly register: Register;
}

/** A port over a workbook loaded without its data validation: everything works but saving. */
export class ReadOnlyXlsxPort extends XlsxPort {
  override async toBytes(): Promise<Uint8Array> {
    throw new Error("this workbook was loaded for reading only (without its dropdowns), so saving it would lose them; load it with purpose 'save'");
  }
}

function messageOf(err: unknown): string {
  return oneLine(err instanceof Error ? err.message : String(err)).slice(0, 200);
}

/** ExcelJS loads checked bytes for `purpose` (exported for the benchmark's phase timings). */
export async function loadWorkbook(bytes: Buffer, purpose: LoadPurpose): Promise<XlsxPort> {
  if (purpose === 'save') return XlsxPort.fromBytes(bytes);
  const workbook = new Workbook();
  // ExcelJS's typings want an ArrayBuffer; it takes a Node Buffer (that is what it reads files into).
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: [...NODES_SKIPPED_FOR_READING] });
  return new ReadOnlyXlsxPort(workbook);
}

export async function loadRegisterFile(file: string, purpose: LoadPurpose): Promise<LoadedRegister> {
  const bytes = await inspectXlsxFile(file);
  let port: XlsxPort;
  try {
    port = await loadWorkbook(bytes, purpose);
  } catch (err) {
    throw new FileProblem(file, `cannot be read as an .xlsx workbook (${messageOf(err)}); open it in Excel and save it again as .xlsx`);
  }
  assertWithinCaps(port.workbook, file);
  let raw: RawRegister;
  try {
    raw = await port.read();
  } catch (err) {
    throw new FileProblem(file, `the register tables cannot be read (${messageOf(err)})`);
  }
  if (!TABLE_NAMES.some((name) => raw[name] !== undefined)) {
    throw new FileProblem(
      file,
      `no register tables found (none of ${TABLE_NAMES.join(', ')} is a table or sheet here); ` +
        "start from 'clause51 template OUT.xlsx'",
    );
  }
  return { port, raw, register: parseRegister(raw) };
}
