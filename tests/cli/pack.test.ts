import { promises as fs } from 'fs';
import * as path from 'path';
import { Workbook, ValueType } from 'exceljs';
import { HISTORY_SHEET } from '../../src/domain/history';
import { tempDir, writeFixture } from '../workbook/xlsx/fixtures';
import { AS_OF, HOSTILE, sampleFixtureTables } from '../support/auditor-pack-fixture';
import { cli } from './run-cli';

let dir: string;
let register: string;
beforeAll(async () => {
  dir = await tempDir();
  register = await writeFixture(dir, 'register.xlsx', sampleFixtureTables());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function load(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function coverValue(wb: Workbook, label: string): unknown {
  let found: unknown;
  wb.getWorksheet('Cover')?.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === label) found = row.getCell(2).value;
  });
  return found;
}

describe('clause51 pack', () => {
  it('writes the pack with the same readiness as `score`, hostile text kept as text', async () => {
    const out = path.join(dir, 'pack.xlsx');
    const run = await cli(['pack', register, out, '--as-of', AS_OF]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const scored = JSON.parse((await cli(['score', register, '--as-of', AS_OF, '--format', 'json'])).stdout);
    const shown = Math.round(scored.readiness * 10) / 10;
    expect(run.stdout).toContain(`readiness ${shown.toFixed(1)} (${scored.rating}) as of ${AS_OF}`);

    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual(['Cover', 'Auditor questions', 'Criteria', 'Evidence index', 'Data quality']);
    expect(coverValue(wb, 'Readiness (0–100)')).toBe(shown);
    expect(coverValue(wb, 'Rating')).toBe(scored.rating);
    expect(coverValue(wb, 'As of')).toBe(AS_OF);
    expect(coverValue(wb, 'Generated at')).toBe('2026-07-15 12:00 UTC');
    const decisions = wb.getWorksheet('Decisions');
    const cells: { type: ValueType; value: unknown }[] = [];
    decisions?.eachRow((row) => row.eachCell((c) => cells.push({ type: c.type, value: c.value })));
    expect(cells).toContainEqual({ type: ValueType.String, value: HOSTILE.sum });
  });

  it('takes the as-of date from --as-of', async () => {
    const out = path.join(dir, 'pack-asof.xlsx');
    expect((await cli(['pack', register, out, '--as-of', '2026-03-31'])).code).toBe(0);
    expect(coverValue(await load(out), 'As of')).toBe('2026-03-31');
  });

  it('never replaces a file unless --force, and never writes over the register', async () => {
    const out = path.join(dir, 'exists.xlsx');
    await fs.writeFile(out, 'keep me');
    const refused = await cli(['pack', register, out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(await fs.readFile(out, 'utf8')).toBe('keep me');
    expect((await cli(['pack', register, out, '--force'])).code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');

    const before = await fs.readFile(register);
    const same = await cli(['pack', register, register, '--force']);
    expect(same.code).toBe(64);
    expect(same.stderr).toContain('must not be the register FILE');
    expect(await fs.readFile(register)).toEqual(before);
  });

  it('rejects bad usage with exit 64 and a missing register with exit 2', async () => {
    expect((await cli(['pack', register])).code).toBe(64);
    expect((await cli(['pack', register, path.join(dir, 'x.csv')])).code).toBe(64);
    const badDate = await cli(['pack', register, path.join(dir, 'y.xlsx'), '--as-of', '30/06/2026']);
    expect(badDate.code).toBe(64);
    expect(badDate.stderr).toContain('YYYY-MM-DD');
    const missing = await cli(['pack', path.join(dir, 'nope.xlsx'), path.join(dir, 'z.xlsx')]);
    expect(missing.code).toBe(2);
  });

  it('includes the readiness history after a snapshot', async () => {
    const copy = path.join(dir, 'with-history.xlsx');
    await fs.copyFile(register, copy);
    expect((await cli(['snapshot', copy, '--as-of', AS_OF])).code).toBe(0);
    const out = path.join(dir, 'pack-history.xlsx');
    expect((await cli(['pack', copy, out])).code).toBe(0);
    const history = (await load(out)).getWorksheet(HISTORY_SHEET);
    expect(history?.getRow(2).getCell(2).value).toBe(AS_OF);
  });
});
