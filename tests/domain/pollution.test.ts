/**
 * Workbook text is data, never a key into a plain object: sheets, headers, Settings keys and
 * form fields named after Object.prototype members must not pollute, crash or match anything.
 */
import { parseRegister } from '../../src/domain/register';
import { validateEntry } from '../../src/domain/entry';
import { parseCell } from '../../src/domain/cells';
import { DEFAULT_SETTINGS, DECISIONS, TABLE_NAMES, tableSpec } from '../../src/domain/schema';
import type { RawRegister } from '../../src/domain/types';

const NASTY = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});

function cleanRegister(): RawRegister {
  const raw: RawRegister = { Settings: { values: [['Key', 'Value']] } };
  for (const name of TABLE_NAMES) raw[name] = { values: [tableSpec(name).columns.map((c) => c.header)] };
  return raw;
}

test('headers named after prototype members are ignored like any user column', () => {
  const raw = cleanRegister();
  const h = [...NASTY, ...tableSpec('Reviews').columns.map((c) => c.header)];
  raw.Reviews = {
    values: [
      h,
      [...NASTY.map(() => 'polluted'), 'REV-1', 'Board', null, 45500, null, null, null, null, 'Held'],
    ],
  };
  const reg = parseRegister(raw);
  expect(reg.issues).toEqual([]);
  expect(reg.tables.Reviews).toHaveLength(1);
  expect(reg.tables.Reviews[0]).toMatchObject({ id: 'REV-1', forum: 'Board', status: 'Held' });
  expect(Object.keys(reg.tables.Reviews[0])).not.toContain('__proto__');
});

test('a spec column missing while a prototype-named header exists is still reported missing', () => {
  const raw = cleanRegister();
  raw.Decisions = { values: [['ID', 'constructor', 'toString', '__proto__']] };
  const reg = parseRegister(raw);
  const missing = reg.issues.filter((i) => i.table === 'Decisions').map((i) => i.column);
  expect(missing).toEqual(DECISIONS.columns.filter((c) => c.key !== 'id').map((c) => c.header));
});

test('Settings keys named after prototype members are ignored; settings untouched', () => {
  const raw = cleanRegister();
  raw.Settings = {
    values: [['Key', 'Value'], ...NASTY.map((k) => [k, '{"polluted":1}']), ['__proto__', 'polluted'], ['constructor', 7]],
  };
  const reg = parseRegister(raw);
  expect(reg.issues).toEqual([]);
  expect(reg.settings).toEqual(DEFAULT_SETTINGS);
  expect(Object.getPrototypeOf(reg.settings)).toBe(Object.prototype);
});

test('a register object with a __proto__ own key (as JSON.parse makes) and inherited tables', () => {
  const raw = JSON.parse('{"__proto__": {"Reviews": {"values": [["ID"], ["REV-1"]]}, "polluted": 1}, "constructor": {"values": []}}') as RawRegister;
  const reg = parseRegister(raw);
  // Tables only count when they are the register's own properties.
  expect(reg.present).toEqual([]);
  expect(reg.missing).toHaveLength(6);

  const inherited = Object.create({ Reviews: { values: [['ID'], ['REV-1']] } }) as RawRegister;
  expect(parseRegister(inherited).present).toEqual([]);
});

test('IDs and references that look like prototype members are plain problems', () => {
  const raw = cleanRegister();
  raw.Decisions = { values: [['ID', 'Source'], ['__proto__', 'constructor'], ['DEC-1', 'toString']] };
  const reg = parseRegister(raw);
  expect(reg.tables.Decisions.map((r) => [r.id, r.source])).toEqual([
    [null, null],
    ['DEC-1', null],
  ]);
  expect(reg.issues.filter((i) => i.table === 'Decisions' && i.row > 1)).toHaveLength(3);
});

test('enumeration cells named after prototype members are not allowed values', () => {
  for (const text of NASTY) {
    expect(parseCell(DECISIONS.columns.find((c) => c.key === 'status')!, text).value).toBeNull();
  }
});

test('entry input with __proto__ / constructor keys: ignored, nothing polluted', () => {
  const input = JSON.parse('{"__proto__": {"polluted": "yes", "person": "Mallory"}, "constructor": "x", "person": "Ann", "role": "COO"}');
  const result = validateEntry('Accountabilities', input);
  expect(result.ok).toBe(true);
  expect(result.values).toEqual({ person: 'Ann', role: 'COO' });

  const inheritedOnly = validateEntry('Accountabilities', Object.create({ person: 'Mallory', role: 'CEO' }));
  expect(inheritedOnly.ok).toBe(false);
  expect(inheritedOnly.values).toEqual({});
});
