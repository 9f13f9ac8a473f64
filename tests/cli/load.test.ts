/**
 * loadRegisterFile's purpose: 'read' skips the sheets' data validation (faster, smaller) and its
 * port refuses to save; 'save' keeps everything. Both read the same register.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { loadRegisterFile, NODES_SKIPPED_FOR_READING, ReadOnlyXlsxPort } from '../../src/cli/load';
import { createTemplatePort } from '../../src/workbook/xlsx/template';
import { tempDir } from '../workbook/xlsx/fixtures';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await tempDir();
  const port = await createTemplatePort();
  await port.addRow('Decisions', { decision: 'Fund a second service desk shift', status: 'Open', type: 'Resource' });
  file = path.join(dir, 'register.xlsx');
  await fs.writeFile(file, await port.toBytes());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** ExcelJS keeps a sheet's rules per cell address in `dataValidations.model` (missing from its typings). */
type WithValidations = { dataValidations: { model: Record<string, unknown> } };

const validatedCells = (loaded: Awaited<ReturnType<typeof loadRegisterFile>>): number =>
  loaded.port.workbook.worksheets.reduce((n, ws) => n + Object.keys((ws as unknown as WithValidations).dataValidations.model).length, 0);

describe('loadRegisterFile', () => {
  it("'read' and 'save' read the same register", async () => {
    const read = await loadRegisterFile(file, 'read');
    const save = await loadRegisterFile(file, 'save');
    expect(read.raw).toEqual(save.raw);
    expect(read.register).toEqual(save.register);
    expect(read.raw.Decisions?.values[1]).toEqual(expect.arrayContaining(['DEC-1', 'Fund a second service desk shift', 'Open']));
  });

  it("'read' skips the dropdowns and cannot save; 'save' keeps them and saves", async () => {
    expect(NODES_SKIPPED_FOR_READING).toEqual(['dataValidations']);
    const read = await loadRegisterFile(file, 'read');
    expect(read.port).toBeInstanceOf(ReadOnlyXlsxPort);
    expect(validatedCells(read)).toBe(0);
    await expect(read.port.toBytes()).rejects.toThrow(/loaded for reading only .*purpose 'save'/);

    const save = await loadRegisterFile(file, 'save');
    expect(save.port).not.toBeInstanceOf(ReadOnlyXlsxPort);
    expect(validatedCells(save)).toBeGreaterThan(10);
    await expect(save.port.toBytes()).resolves.toBeInstanceOf(Uint8Array);
  });
});
