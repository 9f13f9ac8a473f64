/**
 * Open a register .xlsx for a command: check the file is a sane workbook (inspect.ts), load it
 * with ExcelJS, read and parse the register. Every way a file can be unusable is a FileProblem.
 */
import { TABLE_NAMES } from '../domain/schema';
import { parseRegister } from '../domain/register';
import type { RawRegister, Register } from '../domain/types';
import { FileProblem } from '../workbook/file-problem';
import { assertWithinCaps, inspectXlsxFile } from '../workbook/xlsx/inspect';
import { XlsxPort } from '../workbook/xlsx/xlsx-port';
import { oneLine } from '../report/plain';

export interface LoadedRegister {
  readonly port: XlsxPort;
  readonly raw: RawRegister;
  readonly register: Register;
}

function messageOf(err: unknown): string {
  return oneLine(err instanceof Error ? err.message : String(err)).slice(0, 200);
}

export async function loadRegisterFile(file: string): Promise<LoadedRegister> {
  const bytes = await inspectXlsxFile(file);
  let port: XlsxPort;
  try {
    port = await XlsxPort.fromBytes(bytes);
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
