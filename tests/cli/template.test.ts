import { promises as fs } from 'fs';
import * as path from 'path';
import type { Result } from '../../src/domain/types';
import { XlsxPort } from '../../src/workbook/xlsx/xlsx-port';
import { tempDir } from '../workbook/xlsx/fixtures';
import { cli } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('clause51 template', () => {
  it('writes an empty register that scores, reads cleanly, and needs no set-up', async () => {
    const out = path.join(dir, 'register.xlsx');
    const made = await cli(['template', out]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Wrote an empty register/);

    const scored = await cli(['score', out, '--format', 'json', '--as-of', '2026-06-30']);
    expect(scored.code).toBe(0);
    const result = JSON.parse(scored.stdout) as Result;
    expect(result.issues).toEqual([]);
    expect(result.rating).toBe('Red');

    const port = await XlsxPort.fromBytes(await fs.readFile(out));
    const report = await port.setUp();
    expect(report).toEqual({ createdSheets: [], createdTables: [], convertedRanges: [], addedColumns: [], addedSettings: [], problems: [] });
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const out = path.join(dir, 'mine.xlsx');
    await fs.writeFile(out, 'precious');
    const refused = await cli(['template', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists; .*--force/);
    expect(await fs.readFile(out, 'utf8')).toBe('precious');

    const forced = await cli(['template', out, '--force']);
    expect(forced.code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 2 when the folder does not exist', async () => {
    const { code, stderr } = await cli(['template', path.join(dir, 'no', 'such', 'dir.xlsx')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/folder does not exist/);
  });
});
