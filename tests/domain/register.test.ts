import { parseRegister, columnLetter, ROW_BUILDERS, MAX_ISSUES_PER_COLUMN } from '../../src/domain/register';
import { formatIssue, sortIssues } from '../../src/domain/issues';
import { DEFAULT_SETTINGS, TABLES, TABLE_NAMES, tableSpec, type EvidenceTableName } from '../../src/domain/schema';
import type { DataIssue, RawRegister, RawTable } from '../../src/domain/types';
import { fromIsoText } from '../../src/domain/dates';

const day = (iso: string): number => fromIsoText(iso) as number;
const headers = (name: EvidenceTableName): string[] => tableSpec(name).columns.map((c) => c.header);

/** A table with the schema's headers and rows given as { header: value }. */
function table(name: EvidenceTableName, rows: Record<string, unknown>[], extra: Partial<RawTable> = {}): RawTable {
  const h = headers(name);
  return { values: [h, ...rows.map((r) => h.map((x) => (x in r ? r[x] : null)))], ...extra };
}

/** Every evidence table present (empty) plus Settings, so only the issues under test appear. */
function register(tables: Partial<RawRegister> = {}): RawRegister {
  const base: RawRegister = { Settings: { values: [['Key', 'Value']] } };
  for (const name of TABLE_NAMES) base[name] = { values: [headers(name)] };
  return { ...base, ...tables };
}

const issuesOf = (issues: readonly DataIssue[], table: string): DataIssue[] => issues.filter((i) => i.table === table);

describe('a clean register', () => {
  test('reads typed rows with worksheet row numbers and no issues', () => {
    const reg = parseRegister(
      register({
        Reviews: table('Reviews', [
          {
            ID: 'REV-1',
            Forum: 'SMS review',
            'Held on': 45500,
            Chair: ' Ann Lee ',
            'Top management present': 'Ann Lee; Bo Chan',
            'Inputs covered': 'Trends, Audit results',
            Status: 'held',
          },
        ]),
        Decisions: table('Decisions', [{ ID: 'dec-1', 'Decided on': '2024-07-30', Source: 'rev-1', Decision: 'Hire', Status: 'Done', Effective: true }]),
      }),
    );
    expect(reg.issues).toEqual([]);
    expect(reg.missing).toEqual([]);
    expect(reg.present).toEqual([...TABLE_NAMES, 'Settings']);
    expect(reg.tables.Reviews).toEqual([
      {
        row: 2,
        id: 'REV-1',
        forum: 'SMS review',
        plannedDate: null,
        heldOn: 45500 - 25569,
        chair: 'Ann Lee',
        topManagementPresent: ['Ann Lee', 'Bo Chan'],
        inputsCovered: ['Trends', 'Audit results'],
        minutesLink: null,
        status: 'Held',
      },
    ]);
    expect(reg.tables.Decisions[0]).toMatchObject({ row: 2, id: 'DEC-1', decidedOn: day('2024-07-30'), source: 'REV-1', status: 'Done', effective: 'Yes' });
    expect([...reg.ids].sort()).toEqual(['DEC-1', 'REV-1']);
    expect(reg.settings).toEqual(DEFAULT_SETTINGS);
  });

  test('every row builder fills exactly the schema keys, in schema order', () => {
    for (const spec of TABLES) {
      const values = spec.columns.filter((c) => c.kind !== 'id').map((c) => `v:${c.key}`);
      const row = ROW_BUILDERS[spec.name](9, 'X-1', values) as unknown as Record<string, unknown>;
      expect(Object.keys(row)).toEqual(['row', 'id', ...spec.columns.filter((c) => c.kind !== 'id').map((c) => c.key)]);
      for (const c of spec.columns) if (c.kind !== 'id') expect(row[c.key]).toBe(`v:${c.key}`);
    }
  });
});

describe('columns are found by header text', () => {
  test('reordered columns, odd case and spacing, and extra user columns', () => {
    const reg = parseRegister(
      register({
        Communications: {
          values: [
            ['My notes', '  expectation ', 'SENT   ON', 'id', 'From', 'Channel', 'Audience', 'Linked item', 'Evidence link', 'Another'],
            ['ignore me', 'Close incidents on time', '2025-01-10', 'COM-1', 'Ann Lee', 'email', 'All staff', null, null, 42],
          ],
        },
      }),
    );
    expect(reg.issues).toEqual([]);
    expect(reg.tables.Communications).toEqual([
      {
        row: 2,
        id: 'COM-1',
        sentOn: day('2025-01-10'),
        from: 'Ann Lee',
        channel: 'Email',
        audience: 'All staff',
        expectation: 'Close incidents on time',
        linkedItem: null,
        evidenceLink: null,
      },
    ]);
  });

  test('missing columns: one issue each at the header row; fields empty for all rows', () => {
    const reg = parseRegister(
      register({
        Reviews: { values: [['ID', 'Forum', 'Status'], ['REV-1', 'Board', 'Held'], ['REV-2', 'Board', 'Planned']], headerRow: 4 },
      }),
    );
    const issues = issuesOf(reg.issues, 'Reviews');
    expect(issues.map((i) => i.column)).toEqual(['Planned date', 'Held on', 'Chair', 'Top management present', 'Inputs covered', 'Minutes link']);
    for (const i of issues) {
      expect(i.row).toBe(4);
      expect(i.message).toMatch(/^Column '.+' is missing; add it to the Reviews table/);
    }
    expect(reg.tables.Reviews.map((r) => [r.row, r.heldOn, r.inputsCovered])).toEqual([
      [5, null, []],
      [6, null, []],
    ]);
  });

  test('a missing ID column is one issue, not one per row', () => {
    const reg = parseRegister(register({ Reviews: { values: [['Forum'], ['Board'], ['Board']] } }));
    const idIssues = reg.issues.filter((i) => i.column === 'ID');
    expect(idIssues).toHaveLength(1);
    expect(idIssues[0].row).toBe(1);
    expect(reg.tables.Reviews.map((r) => r.id)).toEqual([null, null]);
  });

  test('duplicate and blank headers: first match wins, spec duplicates reported', () => {
    const reg = parseRegister(
      register({
        Escalations: {
          values: [
            ['ID', 'Raised on', '', null, 'Trigger', 'Description', 'Escalated to', 'Decision', 'Status', 'Closed on', 'status', 'Notes', 'Notes'],
            ['ESC-1', 45500, 'x', 'y', 'SLA miss', 'd', 'Ann', null, 'Open', null, 'Closed', 'a', 'b'],
          ],
        },
      }),
    );
    const dup = issuesOf(reg.issues, 'Escalations');
    expect(dup).toEqual([
      {
        table: 'Escalations',
        row: 1,
        column: 'Status',
        cell: 'K1',
        message: "Column 'Status' appears more than once; column I is used and column K is ignored (rename or remove it)",
      },
    ]);
    expect(reg.tables.Escalations[0].status).toBe('Open');
  });

  test('header cells of other types (numbers, errors, objects) do not break the lookup', () => {
    const reg = parseRegister(
      register({ Decisions: { values: [[2025, { error: '#REF!' }, ...headers('Decisions'), true], [1, 2, 'DEC-1', 45500]] } }),
    );
    expect(issuesOf(reg.issues, 'Decisions')).toEqual([]);
    expect(reg.tables.Decisions[0]).toMatchObject({ id: 'DEC-1', decidedOn: 45500 - 25569 });
  });

  test('a table without a header row is one issue', () => {
    const reg = parseRegister(register({ Resources: { values: [] } }));
    expect(issuesOf(reg.issues, 'Resources')).toEqual([
      expect.objectContaining({ row: 0, column: null, message: expect.stringMatching(/has no header row/) }),
    ]);
    expect(reg.tables.Resources).toEqual([]);
  });
});

describe('row numbers and cell addresses', () => {
  test('header not on row 1: data row i is headerRow + 1 + i; letters computed from column A', () => {
    const reg = parseRegister(
      register({ Reviews: table('Reviews', [{ ID: 'REV-1' }, { ID: 'REV-2', 'Held on': 'Q3 2025' }], { headerRow: 5 }) }),
    );
    expect(reg.tables.Reviews.map((r) => r.row)).toEqual([6, 7]);
    const [issue] = issuesOf(reg.issues, 'Reviews');
    expect(issue).toEqual({
      table: 'Reviews',
      row: 7,
      column: 'Held on',
      id: 'REV-2',
      cell: 'D7',
      message: "'Q3 2025' is not a date (use YYYY-MM-DD)",
    });
    expect(formatIssue(issue)).toBe("Reviews!D7 (REV-2): 'Q3 2025' is not a date (use YYYY-MM-DD)");
  });

  test('column letters from the adapter are used when given (table not starting in A)', () => {
    const h = headers('Reviews');
    const letters = h.map((_, i) => columnLetter(i + 2));
    const reg = parseRegister(register({ Reviews: table('Reviews', [{ ID: 'REV-1', 'Held on': 'soon' }], { headerRow: 3, columnLetters: letters }) }));
    expect(issuesOf(reg.issues, 'Reviews')[0].cell).toBe('F4');
  });

  test('columnLetter', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  test('an invalid headerRow falls back to 1', () => {
    const reg = parseRegister(register({ Reviews: table('Reviews', [{ ID: 'REV-1' }], { headerRow: -3 }) }));
    expect(reg.tables.Reviews[0].row).toBe(2);
  });
});

describe('blank rows', () => {
  test('skipped; a run of blank rows is one issue; trailing blank rows are not reported', () => {
    const blank = {};
    const ws = { ID: '  ', Forum: ' \t' };
    const reg = parseRegister(
      register({
        Reviews: table('Reviews', [{ ID: 'REV-1' }, blank, { ID: 'REV-2' }, blank, ws, blank, { ID: 'REV-3' }, blank, blank]),
      }),
    );
    expect(reg.tables.Reviews.map((r) => [r.id, r.row])).toEqual([
      ['REV-1', 2],
      ['REV-2', 4],
      ['REV-3', 8],
    ]);
    expect(issuesOf(reg.issues, 'Reviews').map((i) => [i.row, i.column, i.message])).toEqual([
      [3, null, 'Row 3 is blank and was skipped; delete it or fill it in'],
      [5, null, 'Rows 5–7 are blank (3 rows) and were skipped; delete them or fill them in'],
    ]);
  });

  test('a fresh table with one empty data row reports nothing', () => {
    const reg = parseRegister(register({ Decisions: table('Decisions', [{}]) }));
    expect(reg.issues).toEqual([]);
    expect(reg.tables.Decisions).toEqual([]);
  });

  test('a row with only a user column filled is not blank (it is reported for its missing ID)', () => {
    const h = [...headers('Reviews'), 'Notes'];
    const reg = parseRegister(register({ Reviews: { values: [h, [...headers('Reviews').map(() => null), 'note']] } }));
    expect(reg.tables.Reviews).toHaveLength(1);
    expect(issuesOf(reg.issues, 'Reviews')[0].message).toBe('The row has no ID (use REV-n)');
  });
});

describe('IDs', () => {
  test('case-insensitive, normalised; missing, malformed and wrong-prefix IDs keep the row with id null', () => {
    const reg = parseRegister(
      register({
        Accountabilities: table('Accountabilities', [
          { ID: ' acc-1 ', Person: 'Ann' },
          { ID: null, Person: 'Bo' },
          { ID: 'ACC 3', Person: 'Cy' },
          { ID: 'REV-4', Person: 'Di' },
          { ID: '#N/A', Person: 'Ed' },
        ]),
      }),
    );
    expect(reg.tables.Accountabilities.map((r) => [r.id, r.person])).toEqual([
      ['ACC-1', 'Ann'],
      [null, 'Bo'],
      [null, 'Cy'],
      [null, 'Di'],
      [null, 'Ed'],
    ]);
    expect(issuesOf(reg.issues, 'Accountabilities').map((i) => [i.cell, i.message])).toEqual([
      ['A3', 'The row has no ID (use ACC-n)'],
      ['A4', "'ACC 3' is not an ID (use PREFIX-n, e.g. REV-3)"],
      ['A5', "'REV-4' is not an ID of the Accountabilities table (use ACC-n)"],
      ['A6', 'error value #N/A'],
    ]);
    expect(reg.ids.has('ACC-1')).toBe(true);
    expect(reg.ids.has('REV-4')).toBe(false);
  });

  test('duplicate IDs: issue on the later rows, rows kept', () => {
    const reg = parseRegister(
      register({
        Decisions: table('Decisions', [{ ID: 'DEC-1' }, { ID: 'DEC-2' }, { ID: 'dec-1' }, { ID: 'DEC-2' }, { ID: 'DEC-1' }]),
      }),
    );
    expect(reg.tables.Decisions.map((r) => r.id)).toEqual(['DEC-1', 'DEC-2', 'DEC-1', 'DEC-2', 'DEC-1']);
    expect(issuesOf(reg.issues, 'Decisions').map((i) => [i.row, i.id, i.message])).toEqual([
      [4, 'DEC-1', 'Duplicate ID DEC-1 (also on row 2); give this row a new ID'],
      [5, 'DEC-2', 'Duplicate ID DEC-2 (also on row 3); give this row a new ID'],
      [6, 'DEC-1', 'Duplicate ID DEC-1 (also on row 2); give this row a new ID'],
    ]);
  });
});

describe('references between tables', () => {
  const reg = parseRegister(
    register({
      Reviews: table('Reviews', [{ ID: 'REV-1' }]),
      Decisions: table('Decisions', [
        { ID: 'DEC-1', Source: 'rev-1' },
        { ID: 'DEC-2', Source: 'REV-9' },
        { ID: 'DEC-3', Source: 'esc-1' },
        { ID: 'DEC-4', Source: 'not an id' },
      ]),
      Escalations: table('Escalations', [
        { ID: 'ESC-1', Decision: 'dec-1' },
        { ID: 'ESC-2', Decision: 'REV-1' },
        { ID: 'ESC-3', Decision: 'DEC-77' },
      ]),
      Resources: table('Resources', [{ ID: 'RES-1', 'Linked item': 'Esc-2' }]),
      Communications: table('Communications', [{ ID: 'COM-1', 'Linked item': 'FOO-1' }]),
    }),
  );

  test('case-insensitive existence across all tables', () => {
    expect(reg.tables.Decisions.map((r) => r.source)).toEqual(['REV-1', 'REV-9', 'ESC-1', null]);
    expect(reg.tables.Resources[0].linkedItem).toBe('ESC-2');
    const messages = reg.issues.map((i) => `${i.table} ${i.row} ${i.column}: ${i.message}`);
    expect(messages).toEqual([
      "Decisions 3 Source: 'REV-9' does not exist; use the ID of an existing row",
      "Decisions 5 Source: 'not an id' is not an ID (use one ID such as REV-3 or DEC-7)",
      "Communications 2 Linked item: 'FOO-1' does not exist; use the ID of an existing row",
      "Escalations 3 Decision: 'REV-1' is not a Decisions row (DEC-n)",
      "Escalations 4 Decision: 'DEC-77' does not exist; use the ID of an existing row",
    ]);
  });

  test('dangling references are kept on the row (scoring decides what they are worth)', () => {
    expect(reg.tables.Escalations.map((r) => r.decision)).toEqual(['DEC-1', 'REV-1', 'DEC-77']);
  });
});

describe('missing tables', () => {
  test('listed in missing, one table-level issue each, scored as empty', () => {
    const reg = parseRegister({ Reviews: table('Reviews', [{ ID: 'REV-1' }]) });
    expect(reg.missing).toEqual(['Accountabilities', 'Decisions', 'Resources', 'Communications', 'Escalations']);
    expect(reg.present).toEqual(['Reviews']);
    expect(reg.tables.Decisions).toEqual([]);
    const tableLevel = reg.issues.filter((i) => i.row === 0);
    expect(tableLevel.map((i) => i.table)).toEqual(['Accountabilities', 'Decisions', 'Resources', 'Communications', 'Escalations', 'Settings']);
    expect(tableLevel[0]).toEqual({
      table: 'Accountabilities',
      row: 0,
      column: null,
      message: 'The Accountabilities sheet or table is missing; set up the register to add it (until then it counts as empty)',
    });
    expect(tableLevel[5].message).toBe('The Settings sheet or table is missing; default settings are used');
  });

  test('an empty input (or a non-object) never throws', () => {
    expect(parseRegister({}).missing).toHaveLength(6);
    expect(parseRegister(null as unknown as RawRegister).missing).toHaveLength(6);
    const junk = parseRegister({ Reviews: { values: 'nope' } as unknown as RawTable, Decisions: { values: [headers('Decisions'), 'row?', 7] } as unknown as RawTable });
    expect(junk.present).toContain('Reviews');
    expect(junk.issues.some((i) => i.table === 'Reviews' && /could not be read/.test(i.message))).toBe(true);
    expect(junk.tables.Decisions).toEqual([]);
  });
});

describe('Settings', () => {
  const settings = (rows: unknown[][], extra: Partial<RawTable> = {}): RawRegister => register({ Settings: { values: [['Key', 'Value'], ...rows], ...extra } });

  test('blank or missing values keep the defaults; labels match case-insensitively; unknown keys ignored', () => {
    const reg = parseRegister(
      settings([
        [' organisation ', ' Acme Ltd '],
        ['SMS SCOPE', 'Managed services'],
        ['Lookback days', ''],
        ['Review cadence days', '  '],
        ['My own note', 'whatever'],
        ['Escalation triggers', 'Repeat incident; SLA miss'],
      ]),
    );
    expect(reg.issues).toEqual([]);
    expect(reg.settings).toEqual({ ...DEFAULT_SETTINGS, organisation: 'Acme Ltd', smsScope: 'Managed services', escalationTriggers: 'Repeat incident; SLA miss' });
  });

  test('valid values: numeric text, dates, lists, thresholds (with %)', () => {
    const reg = parseRegister(
      settings([
        ['Assessment date', '2026-06-30'],
        ['Lookback days', '180'],
        ['Review cadence days', 30],
        ['Communication cadence days', ' 60 '],
        ['Escalation response days', 14],
        ['Reinforcement days', 7],
        ['Required review inputs', 'Trends; Audit results\nCustomer feedback'],
        ['Green threshold', '85%'],
        ['Amber threshold', 55.5],
        ['Effectiveness definition', 'SLAs met'],
      ]),
    );
    expect(reg.issues).toEqual([]);
    expect(reg.settings).toMatchObject({
      assessmentDate: day('2026-06-30'),
      lookbackDays: 180,
      reviewCadenceDays: 30,
      communicationCadenceDays: 60,
      escalationResponseDays: 14,
      reinforcementDays: 7,
      requiredReviewInputs: ['Trends', 'Audit results', 'Customer feedback'],
      greenThreshold: 85,
      amberThreshold: 55.5,
      effectivenessDefinition: 'SLAs met',
    });
  });

  test('invalid values: issue naming the cell and the default used', () => {
    const reg = parseRegister(
      settings([
        ['Lookback days', 'a year'],
        ['Review cadence days', 0],
        ['Communication cadence days', 12.5],
        ['Escalation response days', -3],
        ['Reinforcement days', '0x10'],
        ['Green threshold', 120],
        ['Assessment date', 'end of June'],
        ['Organisation', '#N/A'],
      ]),
    );
    expect(reg.settings).toMatchObject({
      lookbackDays: 365,
      reviewCadenceDays: 90,
      communicationCadenceDays: 90,
      escalationResponseDays: 30,
      reinforcementDays: 30,
      greenThreshold: 80,
      assessmentDate: null,
      organisation: '',
    });
    expect(reg.issues.map((i) => `${i.cell} ${i.message}`)).toEqual([
      "B2 Lookback days: 'a year' is not a whole number of days from 1 to 36500; the default 365 is used",
      'B3 Review cadence days: 0 is not a whole number of days from 1 to 36500; the default 90 is used',
      'B4 Communication cadence days: 12.5 is not a whole number of days from 1 to 36500; the default 90 is used',
      'B5 Escalation response days: -3 is not a whole number of days from 1 to 36500; the default 30 is used',
      "B6 Reinforcement days: '0x10' is not a whole number of days from 1 to 36500; the default 30 is used",
      'B7 Green threshold: 120 is not a score from 0 to 100; the default 80 is used',
      "B8 Assessment date: 'end of June' is not a date (use YYYY-MM-DD); today is used",
      'B9 Organisation: error value #N/A; left blank',
    ]);
    for (const i of reg.issues) {
      expect(i.table).toBe('Settings');
      expect(i.column).toBe('Value');
    }
  });

  test('Amber above Green: issue and both defaults', () => {
    const reg = parseRegister(settings([['Green threshold', 60], ['Amber threshold', 70]]));
    expect(reg.settings.greenThreshold).toBe(80);
    expect(reg.settings.amberThreshold).toBe(50);
    expect(reg.issues).toEqual([
      {
        table: 'Settings',
        row: 3,
        column: 'Value',
        cell: 'B3',
        message: 'Amber threshold (70) is above Green threshold (60); the defaults 80 and 50 are used',
      },
    ]);
  });

  test('Amber equal to Green is fine', () => {
    const reg = parseRegister(settings([['Green threshold', 60], ['Amber threshold', 60]]));
    expect(reg.issues).toEqual([]);
    expect(reg.settings.amberThreshold).toBe(60);
  });

  test('Key/Value found by header, columns in any order; duplicate keys: first wins', () => {
    const reg = parseRegister(
      settings([], {
        values: [
          ['Notes', 'VALUE', 'key'],
          ['x', 100, 'Lookback days'],
          ['y', 200, 'lookback DAYS'],
        ],
        headerRow: 2,
      }),
    );
    expect(reg.settings.lookbackDays).toBe(100);
    expect(reg.issues).toEqual([
      { table: 'Settings', row: 4, column: 'Key', cell: 'C4', message: "'Lookback days' appears more than once; row 3 is used (delete this row)" },
    ]);
  });

  test('Settings without Key/Value columns: issue and defaults', () => {
    const reg = parseRegister(settings([], { values: [['Setting', 'Val'], ['Lookback days', 10]] }));
    expect(reg.settings).toEqual(DEFAULT_SETTINGS);
    expect(reg.issues.map((i) => i.message)).toEqual([
      "Column 'Key' is missing; add it to the Settings table (default settings are used)",
      "Column 'Value' is missing; add it to the Settings table (default settings are used)",
    ]);
  });

  test('the settings object is a fresh copy each time (defaults are never mutated)', () => {
    const a = parseRegister(settings([['Required review inputs', 'A; B']]));
    const b = parseRegister(settings([]));
    expect(a.settings.requiredReviewInputs).toEqual(['A', 'B']);
    b.settings.requiredReviewInputs.push('mutated');
    expect(DEFAULT_SETTINGS.requiredReviewInputs).not.toContain('mutated');
  });
});

describe('issue volume and order', () => {
  test('at most MAX_ISSUES_PER_COLUMN issues per column, the rest summed up', () => {
    const rows = Array.from({ length: MAX_ISSUES_PER_COLUMN + 250 }, (_, i) => ({ ID: `REV-${i + 1}`, 'Held on': 'soon' }));
    const reg = parseRegister(register({ Reviews: table('Reviews', rows) }));
    const held = reg.issues.filter((i) => i.column === 'Held on');
    expect(held).toHaveLength(MAX_ISSUES_PER_COLUMN + 1);
    const summary = held[held.length - 1];
    expect(summary.message).toBe(`250 more problems in this column are not listed (the first on row ${MAX_ISSUES_PER_COLUMN + 2}); fix the ones above and check again`);
    expect(reg.tables.Reviews).toHaveLength(MAX_ISSUES_PER_COLUMN + 250);
  });

  test('issues are sorted by table (schema order), row, then column', () => {
    const reg = parseRegister(
      register({
        Escalations: table('Escalations', [{ ID: 'ESC-1', 'Raised on': 'x' }]),
        Accountabilities: table('Accountabilities', [{ ID: 'ACC-1', Status: 'gone', 'Top management': 'maybe' }, { ID: 'ACC-2', Person: { a: 1 } }]),
      }),
    );
    expect(reg.issues.map((i) => `${i.table}:${i.row}:${i.column}`)).toEqual([
      'Accountabilities:2:Top management',
      'Accountabilities:2:Status',
      'Accountabilities:3:Person',
      'Escalations:2:Raised on',
    ]);
    expect(sortIssues([...reg.issues].reverse())).toEqual(reg.issues);
  });
});

describe('performance', () => {
  test('100k Decisions rows parse in well under a second (budget: ~120 ms on a quiet machine)', () => {
    const h = headers('Decisions');
    const values: unknown[][] = [h];
    for (let i = 1; i <= 100_000; i++) {
      values.push([`DEC-${i}`, 45000 + (i % 400), null, 'Approve budget', 'Resource', 'Ann', 'Bo', 45100, i % 3 ? 'Done' : 'Open', 45090, 'checked', 'Yes', 'https://x/y']);
    }
    const raw = register({ Decisions: { values } });
    parseRegister(raw); // warm up
    const started = performance.now();
    const reg = parseRegister(raw);
    const ms = performance.now() - started;
    expect(reg.tables.Decisions).toHaveLength(100_000);
    expect(reg.issues).toEqual([]);
    // Generous: the machine is shared; the scratch benchmark records the real figure.
    expect(ms).toBeLessThan(1500);
  });
});
