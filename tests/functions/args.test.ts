import { asOfArgument, checkTableRange, requiredHeaders, toRawRegister, TABLE_ARGUMENTS } from '../../src/functions/args';
import { FunctionError } from '../../src/functions/errors';
import { fromIsoText } from '../../src/domain/dates';
import { ranges } from './raw-register';

test('the argument order is the schema order with Settings last', () => {
  expect(TABLE_ARGUMENTS).toEqual(['Accountabilities', 'Reviews', 'Decisions', 'Resources', 'Communications', 'Escalations', 'Settings']);
});

test('required headers come from the schema', () => {
  expect(requiredHeaders('Settings')).toEqual(['Key', 'Value']);
  expect(requiredHeaders('Escalations')).toEqual(['ID', 'Raised on', 'Trigger', 'Description', 'Escalated to', 'Decision', 'Status', 'Closed on']);
});

test('toRawRegister hands the ranges over unchanged, header row 1', () => {
  const t = ranges();
  const raw = toRawRegister(t);
  TABLE_ARGUMENTS.forEach((name, i) => {
    expect(raw[name]?.values).toBe(t[i]);
    expect(raw[name]?.headerRow).toBe(1);
  });
  expect(() => toRawRegister(t.slice(0, 6))).toThrow(/expected 7 tables/);
});

test('a header-only table is fine (an empty register is not an error)', () => {
  expect(() => checkTableRange('Reviews', [requiredHeaders('Reviews')])).not.toThrow();
});

test('a header row with inner double spaces still matches (as the parser matches)', () => {
  const headers = requiredHeaders('Decisions').map((h) => h.replace(' ', '  '));
  expect(() => checkTableRange('Decisions', [headers])).not.toThrow();
});

test('error cells in the header row are not headers', () => {
  const headers: unknown[] = [...requiredHeaders('Settings')];
  headers[1] = { code: '#REF!' };
  let err: unknown;
  try {
    checkTableRange('Settings', [headers, ['Organisation', 'X']]);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(FunctionError);
  expect((err as Error).message).toBe("Settings: column 'Value' not found — pass the table with its header row, e.g. Settings[#All]");
});

describe('asOfArgument', () => {
  test('not given: undefined, null, 0, blank text', () => {
    for (const v of [undefined, null, 0, '', '  ']) expect(asOfArgument(v)).toBeUndefined();
  });
  test('an Excel serial (time of day ignored) or ISO text', () => {
    expect(asOfArgument(46203)).toBe(fromIsoText('2026-06-30'));
    expect(asOfArgument(46203.75)).toBe(fromIsoText('2026-06-30'));
    expect(asOfArgument('2026-06-30')).toBe(fromIsoText('2026-06-30'));
  });
  test('anything else is #VALUE!', () => {
    for (const v of [-1, 0.5, Infinity, NaN, 3e6, true, 'June', {}]) {
      expect(() => asOfArgument(v)).toThrow(FunctionError);
    }
  });
});
