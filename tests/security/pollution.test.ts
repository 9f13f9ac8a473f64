/**
 * Names that attack objects: sheets, tables, headers and Settings keys called __proto__,
 * constructor or prototype must never reach Object.prototype, through the parser or through a
 * real .xlsx scored by the CLI, and the result must stay sane.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { assess } from '../../src/domain/assess';
import { parseRegister } from '../../src/domain/register';
import { SETTINGS, TABLE_NAMES, TABLES } from '../../src/domain/schema';
import type { RawRegister, Result } from '../../src/domain/types';
import { run } from '../../src/cli/main';

const HOSTILE = ['__proto__', 'constructor', 'prototype'];
const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayKeysBefore = Object.getOwnPropertyNames(Array.prototype).sort();

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.create(null) as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeysBefore);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayKeysBefore);
  expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  expect(typeof Object.prototype.hasOwnProperty).toBe('function');
}

function expectSaneResult(result: Result): void {
  expect(result.readiness === null || (result.readiness >= 0 && result.readiness <= 100)).toBe(true);
  expect(result.criteria).toHaveLength(22);
  for (const c of result.criteria) expect(['met', 'partial', 'not met', 'n/a']).toContain(c.status);
  expect(() => JSON.stringify(result)).not.toThrow();
}

const schemaKeys = (name: string) => new Set(['row', 'id', ...TABLES.find((t) => t.name === name)!.columns.map((c) => c.key)]);

afterEach(expectNoPollution);

describe('parseRegister with hostile names', () => {
  it('ignores hostile table names, headers and Settings keys, and keeps only schema fields', () => {
    // JSON.parse makes "__proto__" an own property, as a careless adapter could.
    const raw = JSON.parse(
      JSON.stringify({
        __proto__placeholder: { values: [['ID'], ['X-1']] },
        constructor: { values: [['ID', 'polluted'], ['ACC-1', 'yes']] },
        prototype: { values: [['polluted'], ['yes']] },
        Accountabilities: {
          values: [
            ['ID', 'Person', 'Top management', 'Accountable for SMS effectiveness', 'Status', ...HOSTILE, 'polluted', 'toString', 'hasOwnProperty'],
            ['ACC-1', 'Ada Lovelace', 'Yes', 'Yes', 'Active', '{"polluted":1}', 'polluted', 'polluted', 'yes', 'x', 'y'],
            ['__proto__', 'constructor', 'Yes', 'Yes', 'Active', 'a', 'b', 'c', 'd', 'e', 'f'],
          ],
        },
        Decisions: { values: [['ID', 'Decision', '__proto__', '__proto__'], ['DEC-1', 'Fund the rota', 'x', 'y']] },
        Settings: {
          values: [
            ['Key', 'Value'],
            ...HOSTILE.map((k) => [k, '{"polluted": true}']),
            ['polluted', 'yes'],
            ['Organisation', 'Acme'],
            ['__proto__.polluted', 'yes'],
            ['constructor.prototype.polluted', 'yes'],
          ],
        },
      }).replace('__proto__placeholder', '__proto__'),
    ) as RawRegister;
    expect(Object.prototype.hasOwnProperty.call(raw, '__proto__')).toBe(true);

    const register = parseRegister(raw);
    expect(Object.keys(register.tables).sort()).toEqual([...TABLE_NAMES].sort());
    for (const name of TABLE_NAMES) {
      for (const row of register.tables[name]) {
        for (const key of Object.keys(row)) expect(schemaKeys(name).has(key)).toBe(true);
        expect(Object.getPrototypeOf(row) === Object.prototype || Object.getPrototypeOf(row) === null).toBe(true);
      }
    }
    expect(Object.keys(register.settings).sort()).toEqual(SETTINGS.map((s) => s.key).sort());
    expect(register.settings.organisation).toBe('Acme');
    expect(Object.getPrototypeOf(register.settings) === Object.prototype || Object.getPrototypeOf(register.settings) === null).toBe(true);
    expect(register.tables.Accountabilities[0].person).toBe('Ada Lovelace');
    // The row whose ID is "__proto__" is data, reported as a bad ID, never a key on anything.
    expect(register.issues.some((i) => i.table === 'Accountabilities' && i.row === 3)).toBe(true);

    expectSaneResult(assess(register, { today: 20_600 }));
  });
});

/** A real .xlsx with hostile sheet names, table names, headers and Settings keys. */
async function hostileWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const style = { theme: 'TableStyleMedium2', showRowStripes: true } as const;
  for (const name of HOSTILE) {
    const ws = wb.addWorksheet(name);
    ws.addTable({ name: name === '__proto__' ? '__proto__' : name, ref: 'A1', headerRow: true, style, columns: [{ name: 'ID' }, { name: 'polluted' }], rows: [['X-1', 'yes']] });
  }
  const acc = wb.addWorksheet('Accountabilities');
  acc.addTable({
    name: 'Accountabilities',
    ref: 'A1',
    headerRow: true,
    style,
    columns: ['ID', 'Person', 'Top management', 'Accountable for SMS effectiveness', 'Status', ...HOSTILE, 'polluted'].map((name) => ({ name })),
    rows: [
      ['ACC-1', 'Ada Lovelace', 'Yes', 'Yes', 'Active', '{"polluted":1}', 'polluted', 'polluted', 'yes'],
      ['ACC-2', '__proto__', 'Yes', 'No', 'Active', 'x', 'y', 'z', 'yes'],
    ],
  });
  const settings = wb.addWorksheet('Settings');
  settings.addTable({
    name: 'Settings',
    ref: 'A1',
    headerRow: true,
    style,
    columns: [{ name: 'Key' }, { name: 'Value' }],
    rows: [...HOSTILE.map((k) => [k, '{"polluted": true}']), ['polluted', 'yes'], ['Organisation', 'Acme'], ['Effectiveness definition', 'constructor']],
  });
  await wb.xlsx.writeFile(file);
}

describe('the CLI with a hostile workbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clause51-pollution-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('scores it without polluting anything and returns a sane result', async () => {
    const file = path.join(dir, 'hostile-names.xlsx');
    await hostileWorkbook(file);
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['score', file, '--format', 'json', '--as-of', '2026-06-30'], {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out.join('')) as Result;
    expectSaneResult(result);
    expect(result.organisation).toBe('Acme');
    const acc1 = result.criteria.find((c) => c.id === 'ACC-1')!;
    expect(acc1.status).toBe('met');
    expect(acc1.evidence).toContain('ACC-1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
