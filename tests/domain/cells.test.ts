import { parseCell, normaliseId, splitList, excerpt, errorValueOf, isBlankCell, readerFor } from '../../src/domain/cells';
import { DECISIONS, REVIEWS, ACCOUNTABILITIES, ESCALATIONS, type ColumnSpec, type TableSpec } from '../../src/domain/schema';
import { fromIsoText } from '../../src/domain/dates';

function col(table: TableSpec, key: string): ColumnSpec {
  const c = table.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
}

const DATE = col(DECISIONS, 'dueDate');
const YESNO = col(ACCOUNTABILITIES, 'topManagement');
const STATUS = col(DECISIONS, 'status');
const EFFECTIVE = col(DECISIONS, 'effective');
const LIST = col(REVIEWS, 'inputsCovered');
const REF = col(DECISIONS, 'source');
const TEXT = col(DECISIONS, 'decision');
const PERSON = col(DECISIONS, 'owner');
const LINK = col(DECISIONS, 'evidenceLink');
const ID = col(ESCALATIONS, 'id');

const day = (iso: string): number => {
  const d = fromIsoText(iso);
  if (d === null) throw new Error(iso);
  return d;
};

const HUGE = 'x'.repeat(5_000_000);

describe('error values, in every kind of column', () => {
  const errorInputs: [string, unknown, string][] = [
    ['#N/A string', '#N/A', 'error value #N/A'],
    ['#REF! string', '#REF!', 'error value #REF!'],
    ['#DIV/0! string with spaces', '  #DIV/0! ', 'error value #DIV/0!'],
    ['#SPILL! string', '#SPILL!', 'error value #SPILL!'],
    ['#GETTING_DATA string', '#GETTING_DATA', 'error value #GETTING_DATA'],
    ['ExcelJS error object', { error: '#NAME?' }, 'error value #NAME?'],
    ['CustomFunctions-style error', { code: '#VALUE!', message: 'bad' }, 'error value #VALUE!'],
  ];
  for (const c of [DATE, YESNO, STATUS, LIST, REF, TEXT, PERSON, LINK, ID]) {
    for (const [name, raw, message] of errorInputs) {
      test(`${c.kind} column: ${name}`, () => {
        const r = parseCell(c, raw);
        expect(r.problem).toBe(message);
        expect(r.value).toEqual(c.kind === 'list' ? [] : null);
      });
    }
    test(`${c.kind} column: a JS Error object is an error value`, () => {
      const r = parseCell(c, new Error('boom'));
      expect(r.problem).toMatch(/^error value/);
      expect(r.value).toEqual(c.kind === 'list' ? [] : null);
    });
  }

  test('errorValueOf knows the error codes and nothing else', () => {
    expect(errorValueOf('#n/a')).toBe('#N/A');
    expect(errorValueOf('#BUSY!')).toBe('#BUSY!');
    expect(errorValueOf('#hashtag')).toBeUndefined();
    expect(errorValueOf('N/A')).toBeUndefined();
  });

  test('text that merely starts with # is text', () => {
    expect(parseCell(TEXT, '#1 priority')).toEqual({ value: '#1 priority' });
  });
});

describe('dates', () => {
  test('Excel serial number (1900 system)', () => {
    expect(parseCell(DATE, 45000)).toEqual({ value: day('2023-03-15') });
    expect(parseCell(DATE, 25569)).toEqual({ value: 0 });
  });
  test('fractional serial: the time of day is dropped', () => {
    expect(parseCell(DATE, 45000.99)).toEqual({ value: day('2023-03-15') });
  });
  test('serial bounds: 61 (1900-03-01) to 2958465 (9999-12-31); 60 (the fictitious 1900-02-29), 0, negative and beyond 9999 refused', () => {
    expect(parseCell(DATE, 61).value).toBe(day('1900-03-01'));
    expect(parseCell(DATE, 60).problem).toBe('60 is not a date (use YYYY-MM-DD)');
    expect(parseCell(DATE, 1).value).toBeNull();
    expect(parseCell(DATE, 2958465).value).toBe(day('9999-12-31'));
    expect(parseCell(DATE, 0).problem).toBe('0 is not a date (use YYYY-MM-DD)');
    expect(parseCell(DATE, -5).problem).toBe('-5 is not a date (use YYYY-MM-DD)');
    expect(parseCell(DATE, 2958466).problem).toBe('2958466 is not a date (use YYYY-MM-DD)');
    expect(parseCell(DATE, 1e300).value).toBeNull();
  });
  test('NaN and Infinity are refused', () => {
    expect(parseCell(DATE, Number.NaN)).toEqual({ value: null, problem: 'NaN is not a date (use YYYY-MM-DD)' });
    expect(parseCell(DATE, Number.POSITIVE_INFINITY)).toEqual({ value: null, problem: 'Infinity is not a date (use YYYY-MM-DD)' });
    expect(parseCell(DATE, Number.NEGATIVE_INFINITY).value).toBeNull();
  });
  test('ISO text, trimmed; must be a real calendar date', () => {
    expect(parseCell(DATE, '2025-07-01')).toEqual({ value: day('2025-07-01') });
    expect(parseCell(DATE, ' 2024-02-29 ')).toEqual({ value: day('2024-02-29') });
    expect(parseCell(DATE, '2025-02-29').problem).toBe("'2025-02-29' is not a date (use YYYY-MM-DD)");
    expect(parseCell(DATE, '2025-13-01').problem).toMatch(/is not a date/);
    expect(parseCell(DATE, '2025-7-1').problem).toMatch(/is not a date/);
    expect(parseCell(DATE, '0000-01-01').problem).toMatch(/is not a date/);
  });
  test('other text is a problem and the cell counts as empty', () => {
    expect(parseCell(DATE, 'Q3 2025')).toEqual({ value: null, problem: "'Q3 2025' is not a date (use YYYY-MM-DD)" });
    expect(parseCell(DATE, '01/07/2025').problem).toBe("'01/07/2025' is not a date (use YYYY-MM-DD)");
    expect(parseCell(DATE, '2025-07-01T10:00:00').problem).toMatch(/is not a date/);
  });
  test('numeric text is not a serial', () => {
    expect(parseCell(DATE, '45000')).toEqual({ value: null, problem: "'45000' is not a date (use YYYY-MM-DD)" });
  });
  test('booleans are not dates', () => {
    expect(parseCell(DATE, true)).toEqual({ value: null, problem: 'TRUE is not a date (use YYYY-MM-DD)' });
  });
  test('blank and whitespace are empty without a problem', () => {
    expect(parseCell(DATE, null)).toEqual({ value: null });
    expect(parseCell(DATE, undefined)).toEqual({ value: null });
    expect(parseCell(DATE, '')).toEqual({ value: null });
    expect(parseCell(DATE, '   \t')).toEqual({ value: null });
    expect(parseCell(DATE, ' '.repeat(100))).toEqual({ value: null });
  });
  test('JS Date (midnight UTC, as xlsx readers hand them over)', () => {
    expect(parseCell(DATE, new Date(Date.UTC(2025, 6, 1)))).toEqual({ value: day('2025-07-01') });
    expect(parseCell(DATE, new Date(Date.UTC(2025, 6, 1, 23, 59)))).toEqual({ value: day('2025-07-01') });
  });
  test('invalid and out-of-range JS Dates are refused', () => {
    expect(parseCell(DATE, new Date('nonsense'))).toEqual({ value: null, problem: 'the date is invalid (use YYYY-MM-DD)' });
    expect(parseCell(DATE, new Date(Date.UTC(1800, 0, 1))).problem).toBe('the date is outside 1900-03-01 to 9999-12-31 (use YYYY-MM-DD)');
    expect(parseCell(DATE, '1899-12-31').problem).toMatch(/is not a date/);
  });
  test('huge text is refused quickly and quoted short', () => {
    const started = Date.now();
    const r = parseCell(DATE, HUGE);
    expect(Date.now() - started).toBeLessThan(500);
    expect(r.value).toBeNull();
    expect(r.problem).toBe(`'${'x'.repeat(40)}…' is not a date (use YYYY-MM-DD)`);
  });
  test('objects and arrays are problems, never exceptions', () => {
    expect(parseCell(DATE, { a: 1 })).toEqual({ value: null, problem: 'unsupported value (an object); enter text, a number or a date' });
    expect(parseCell(DATE, [1, 2]).problem).toMatch(/a list of values/);
  });
});

describe('yes/no', () => {
  test('Yes/No in any case, trimmed', () => {
    expect(parseCell(YESNO, 'Yes')).toEqual({ value: true });
    expect(parseCell(YESNO, ' no ')).toEqual({ value: false });
    expect(parseCell(YESNO, 'YES')).toEqual({ value: true });
  });
  test('booleans and TRUE/FALSE text', () => {
    expect(parseCell(YESNO, true)).toEqual({ value: true });
    expect(parseCell(YESNO, false)).toEqual({ value: false });
    expect(parseCell(YESNO, 'FALSE')).toEqual({ value: false });
  });
  test('blank and whitespace', () => {
    expect(parseCell(YESNO, null)).toEqual({ value: null });
    expect(parseCell(YESNO, '  ')).toEqual({ value: null });
  });
  test('anything else is a problem', () => {
    expect(parseCell(YESNO, 'Maybe')).toEqual({ value: null, problem: "'Maybe' is not Yes or No" });
    expect(parseCell(YESNO, 1)).toEqual({ value: null, problem: '1 is not Yes or No' });
    expect(parseCell(YESNO, '1')).toEqual({ value: null, problem: "'1' is not Yes or No" });
    expect(parseCell(YESNO, HUGE).problem).toBe(`'${'x'.repeat(40)}…' is not Yes or No`);
    expect(parseCell(YESNO, new Date(0)).problem).toMatch(/unsupported|not Yes or No/);
  });
});

describe('enumerations', () => {
  test('case-insensitive, trimmed, canonical spelling', () => {
    expect(parseCell(STATUS, 'done')).toEqual({ value: 'Done' });
    expect(parseCell(STATUS, '  IN PROGRESS ')).toEqual({ value: 'In progress' });
    expect(parseCell(STATUS, 'Cancelled')).toEqual({ value: 'Cancelled' });
  });
  test('unknown values list the allowed ones', () => {
    expect(parseCell(STATUS, 'Finished')).toEqual({
      value: null,
      problem: "'Finished' is not a valid Status (use Open, In progress, Done or Cancelled)",
    });
    expect(parseCell(STATUS, 3).problem).toBe('3 is not a valid Status (use Open, In progress, Done or Cancelled)');
    expect(parseCell(STATUS, true).problem).toMatch(/TRUE is not a valid Status/);
  });
  test('booleans count as Yes/No where the enumeration has them', () => {
    expect(parseCell(EFFECTIVE, true)).toEqual({ value: 'Yes' });
    expect(parseCell(EFFECTIVE, false)).toEqual({ value: 'No' });
    expect(parseCell(EFFECTIVE, 'pending')).toEqual({ value: 'Pending' });
  });
  test('blank, whitespace and huge text', () => {
    expect(parseCell(STATUS, '')).toEqual({ value: null });
    expect(parseCell(STATUS, ' '.repeat(1000))).toEqual({ value: null });
    expect(parseCell(STATUS, HUGE).problem).toMatch(/^'x{40}…' is not a valid Status/);
  });
  test('an enumeration value that names an Object property is not found', () => {
    expect(parseCell(STATUS, 'constructor').problem).toMatch(/is not a valid Status/);
    expect(parseCell(STATUS, '__proto__').problem).toMatch(/is not a valid Status/);
  });
});

describe('lists', () => {
  test('split on ; , and line breaks, trimmed, empties dropped', () => {
    expect(parseCell(LIST, 'Trends; Audit results,Major incidents\nCustomer feedback\r\n;; ')).toEqual({
      value: ['Trends', 'Audit results', 'Major incidents', 'Customer feedback'],
    });
  });
  test('blank, whitespace and separators only are empty lists', () => {
    expect(parseCell(LIST, null)).toEqual({ value: [] });
    expect(parseCell(LIST, '   ')).toEqual({ value: [] });
    expect(parseCell(LIST, ' ; , ')).toEqual({ value: [] });
  });
  test('a number is a one-item list', () => {
    expect(parseCell(LIST, 42)).toEqual({ value: ['42'] });
  });
  test('splitList on huge text is linear', () => {
    const text = 'a;'.repeat(500_000);
    const started = Date.now();
    expect(splitList(text)).toHaveLength(500_000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('references', () => {
  test('normalised to upper-case PREFIX-n, trimmed', () => {
    expect(parseCell(REF, ' rev-3 ')).toEqual({ value: 'REV-3' });
    expect(parseCell(REF, 'ESC-12')).toEqual({ value: 'ESC-12' });
  });
  test('malformed references are problems', () => {
    expect(parseCell(REF, 'REV 3')).toEqual({ value: null, problem: "'REV 3' is not an ID (use one ID such as REV-3 or DEC-7)" });
    expect(parseCell(REF, 'REV-3; DEC-2').problem).toMatch(/is not an ID/);
    expect(parseCell(REF, '-3').problem).toMatch(/is not an ID/);
    expect(parseCell(REF, 'REV-').problem).toMatch(/is not an ID/);
    expect(parseCell(REF, 3).problem).toBe('3 is not an ID (use one ID such as REV-3 or DEC-7)');
    expect(parseCell(REF, true).problem).toMatch(/is not an ID/);
    expect(parseCell(REF, HUGE).problem).toMatch(/^'x{40}…' is not an ID/);
  });
  test('blank and whitespace', () => {
    expect(parseCell(REF, '')).toEqual({ value: null });
    expect(parseCell(REF, ' \n ')).toEqual({ value: null });
  });
  test('normaliseId', () => {
    expect(normaliseId('acc-1')).toBe('ACC-1');
    expect(normaliseId('\u00a0DEC-007\u00a0')).toBe('DEC-007');
    expect(normaliseId('DEC-1a')).toBeNull();
    expect(normaliseId('DÉC-1')).toBeNull();
    expect(normaliseId('')).toBeNull();
  });
});

describe('own ID column (any prefix at cell level)', () => {
  test('well-formed IDs pass, others are problems', () => {
    expect(parseCell(ID, 'esc-4')).toEqual({ value: 'ESC-4' });
    expect(parseCell(ID, 4).problem).toBe('4 is not an ID (use PREFIX-n, e.g. REV-3)');
  });
});

describe('text, person and link', () => {
  test('trimmed; blank is null', () => {
    expect(parseCell(TEXT, '  Approve budget ')).toEqual({ value: 'Approve budget' });
    expect(parseCell(PERSON, '')).toEqual({ value: null });
    expect(parseCell(PERSON, '   ')).toEqual({ value: null });
    expect(parseCell(LINK, ' https://intranet/charter.pdf ')).toEqual({ value: 'https://intranet/charter.pdf' });
  });
  test('numbers and booleans become text as Excel shows them', () => {
    expect(parseCell(TEXT, 42)).toEqual({ value: '42' });
    expect(parseCell(TEXT, 0.5)).toEqual({ value: '0.5' });
    expect(parseCell(TEXT, true)).toEqual({ value: 'TRUE' });
    expect(parseCell(PERSON, false)).toEqual({ value: 'FALSE' });
  });
  test('NaN and Infinity are problems', () => {
    expect(parseCell(TEXT, Number.NaN).problem).toBe('NaN is not a usable value');
    expect(parseCell(TEXT, Number.POSITIVE_INFINITY).value).toBeNull();
  });
  test('a Date in a text column reads as its ISO date; an invalid one is a problem', () => {
    expect(parseCell(TEXT, new Date(Date.UTC(2025, 0, 2)))).toEqual({ value: '2025-01-02' });
    expect(parseCell(TEXT, new Date(Number.NaN)).problem).toBeDefined();
  });
  test('huge text is kept whole (it is the user’s data)', () => {
    expect(parseCell(TEXT, HUGE).value).toHaveLength(HUGE.length);
  });
  test('formula-looking text stays text: nothing is evaluated', () => {
    expect(parseCell(TEXT, '=HYPERLINK("http://x")')).toEqual({ value: '=HYPERLINK("http://x")' });
  });
  test('objects, arrays, symbols, functions and bigints are problems, never exceptions', () => {
    expect(parseCell(TEXT, { richText: [] }).problem).toBe('unsupported value (an object); enter text, a number or a date');
    expect(parseCell(TEXT, ['a']).problem).toMatch(/a list of values/);
    expect(parseCell(TEXT, Symbol('s')).problem).toBe('unsupported value (a symbol)');
    expect(parseCell(TEXT, () => 1).problem).toBe('unsupported value (a function)');
    expect(parseCell(TEXT, BigInt(5)).problem).toBe('unsupported value (5)');
  });
  test('hostile objects (throwing getters, proxies) do not throw', () => {
    const getter = Object.defineProperty({}, 'error', {
      get() {
        throw new Error('gotcha');
      },
    });
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    for (const c of [DATE, YESNO, STATUS, LIST, REF, TEXT]) {
      expect(parseCell(c, getter).problem).toMatch(/unsupported value/);
      expect(parseCell(c, proxy).problem).toMatch(/unsupported value/);
    }
  });
});

describe('helpers', () => {
  test('excerpt cuts at 40 characters, keeps emoji whole, flattens line breaks', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt('a'.repeat(41))).toBe(`${'a'.repeat(40)}…`);
    expect(excerpt(`${'a'.repeat(39)}😀xyz`)).toBe(`${'a'.repeat(39)}…`);
    expect(excerpt('line1\nline2')).toBe('line1 line2');
  });
  test('isBlankCell', () => {
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(' \u00a0\t')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell(false)).toBe(false);
    expect(isBlankCell(' x ')).toBe(false);
  });
  test('readerFor picks one reader per column and reuses the problem slot', () => {
    const read = readerFor(STATUS);
    const slot = { problem: undefined as string | undefined };
    expect(read('open', slot)).toBe('Open');
    expect(slot.problem).toBeUndefined();
    expect(read('nope', slot)).toBeNull();
    expect(slot.problem).toMatch(/not a valid Status/);
  });
});
