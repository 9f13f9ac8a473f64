import { validateEntry, isFormulaLike, linkProblem, REQUIRED_FIELDS, MAX_CELL_TEXT } from '../../src/domain/entry';
import { TABLE_NAMES, tableSpec } from '../../src/domain/schema';

describe('validateEntry', () => {
  test('a complete Accountabilities entry: typed values ready for the port', () => {
    const r = validateEntry('Accountabilities', {
      id: 'ACC-99',
      person: '  Ann Lee ',
      role: 'COO',
      topManagement: true,
      accountable: 'yes',
      canAllocate: 'NO',
      documentedIn: 'raci',
      documentLink: 'https://intranet/raci.xlsx',
      acceptedOn: '2026-01-15',
      nextReview: '',
      status: 'active',
    });
    expect(r.errors).toEqual({});
    expect(r.ok).toBe(true);
    expect(r.values).toEqual({
      person: 'Ann Lee',
      role: 'COO',
      topManagement: 'Yes',
      accountable: 'Yes',
      canAllocate: 'No',
      documentedIn: 'RACI',
      documentLink: 'https://intranet/raci.xlsx',
      acceptedOn: 46037,
      status: 'Active',
    });
  });

  test('dates must be strict ISO and real', () => {
    const base = { forum: 'SMS review' };
    expect(validateEntry('Reviews', { ...base, heldOn: '2026-02-30' }).errors.heldOn).toBe('Use a date as YYYY-MM-DD, e.g. 2026-03-31');
    expect(validateEntry('Reviews', { ...base, heldOn: '30/06/2026' }).errors.heldOn).toMatch(/YYYY-MM-DD/);
    expect(validateEntry('Reviews', { ...base, heldOn: '1899-12-31' }).errors.heldOn).toBe('Use a date between 1900-03-01 and 9999-12-31');
    expect(validateEntry('Reviews', { ...base, heldOn: true }).errors.heldOn).toBe('Enter a date as YYYY-MM-DD');
    const ok = validateEntry('Reviews', { ...base, heldOn: ' 2026-06-30 ' });
    expect(ok.ok).toBe(true);
    expect(ok.values.heldOn).toBe(46203);
  });

  test('yes/no and enumerations: allowed values only, canonical spelling', () => {
    const r = validateEntry('Accountabilities', { person: 'A', role: 'B', topManagement: 'sometimes', status: 'Retired', documentedIn: 'sms MANUAL' });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual({
      topManagement: 'Choose Yes or No',
      status: 'Choose one of Active, Vacant or Ended',
    });
    expect(r.values.documentedIn).toBe('SMS manual');
    expect(validateEntry('Decisions', { decidedOn: '2026-01-01', decision: 'x', effective: false }).values.effective).toBe('No');
    expect(validateEntry('Decisions', { decidedOn: '2026-01-01', decision: 'x', status: true }).errors.status).toBe(
      'Enter one of Open, In progress, Done or Cancelled',
    );
  });

  test('lists are normalised to "; "-separated text', () => {
    const r = validateEntry('Reviews', { forum: 'F', plannedDate: '2026-07-01', topManagementPresent: 'Ann, Bo\nCy;;', inputsCovered: ' ; ' });
    expect(r.values.topManagementPresent).toBe('Ann; Bo; Cy');
    expect('inputsCovered' in r.values).toBe(false);
  });

  test('references: well-formed, of the allowed table, and existing when ids are given', () => {
    const ids = new Set(['REV-1', 'DEC-2', 'ESC-3']);
    const dec = (source: string) => validateEntry('Decisions', { decidedOn: '2026-01-01', decision: 'x', source }, { ids });
    expect(dec('rev-1').values.source).toBe('REV-1');
    expect(dec('REV-9').errors.source).toBe('REV-9 does not exist; enter the ID of an existing row');
    expect(dec('REV 1').errors.source).toBe('Enter one ID, e.g. REV-3');
    expect(validateEntry('Decisions', { decidedOn: '2026-01-01', decision: 'x', source: 'REV-9' }).ok).toBe(true);

    const esc = (decision: string) => validateEntry('Escalations', { raisedOn: '2026-01-01', trigger: 'SLA miss', escalatedTo: 'Ann', decision }, { ids });
    expect(esc('dec-2').values.decision).toBe('DEC-2');
    expect(esc('REV-1').errors.decision).toBe('Enter a Decisions ID (DEC-n)');
    expect(esc('nope').errors.decision).toBe('Enter one ID, e.g. DEC-1');
  });

  test('links: web, mailto, file and paths accepted; other schemes refused', () => {
    const ok = [
      'https://contoso.sharepoint.com/sites/SMS/Charter.docx',
      'HTTP://intranet/page',
      'mailto:board@contoso.com',
      'file:///C:/SMS/charter.pdf',
      '\\\\server\\share\\SMS\\charter.pdf',
      'C:\\SMS\\charter.pdf',
      'D:/SMS/charter.pdf',
      '/srv/sms/charter.pdf',
    ];
    for (const link of ok) expect([link, linkProblem(link)]).toEqual([link, undefined]);
    const bad: [string, RegExp][] = [
      ['javascript:alert(1)', /'javascript:' are not allowed/],
      [' JavaScript:alert(1)', /'JavaScript:' are not allowed/],
      ['data:text/html;base64,xx', /'data:' are not allowed/],
      ['vbscript:msgbox', /not allowed/],
      ['java\tscript:alert(1)', /Remove line breaks and tabs/],
      ['https://', /Add the site after https:\/\//],
      ['mailto:', /Add the address after mailto:/],
      ['www.contoso.com/charter', /Add https:\/\/ in front/],
      ['Charter v2', /Use a web address/],
      ['=HYPERLINK("http://evil","x")', /Use a web address/],
    ];
    for (const [link, re] of bad) expect(linkProblem(link)).toMatch(re);
    const r = validateEntry('Reviews', { forum: 'F', plannedDate: '2026-07-01', minutesLink: 'javascript:alert(1)' });
    expect(r.ok).toBe(false);
    expect(r.values.minutesLink).toBeUndefined();
  });

  test('required fields per table, with "either" groups', () => {
    for (const table of TABLE_NAMES) {
      const r = validateEntry(table, {});
      expect(r.ok).toBe(false);
      expect(Object.keys(r.errors).sort()).toEqual(REQUIRED_FIELDS[table].map((g) => g[0]).sort());
    }
    expect(validateEntry('Reviews', {}).errors).toEqual({ forum: 'Fill in Forum', plannedDate: 'Fill in Planned date or Held on' });
    expect(validateEntry('Reviews', { forum: 'F', heldOn: '2026-06-01' }).ok).toBe(true);
    expect(validateEntry('Reviews', { forum: 'F', plannedDate: '2026-06-01' }).ok).toBe(true);
    expect(validateEntry('Accountabilities', { person: '   ', role: 'COO' }).errors).toEqual({ person: 'Fill in Person' });
  });

  test('a required field that is invalid shows its own message, not "Fill in"', () => {
    expect(validateEntry('Decisions', { decidedOn: 'tomorrow', decision: 'x' }).errors).toEqual({ decidedOn: 'Use a date as YYYY-MM-DD, e.g. 2026-03-31' });
  });

  test('every required key is a real column of its table', () => {
    for (const table of TABLE_NAMES) {
      const keys = new Set(tableSpec(table).columns.map((c) => c.key));
      for (const group of REQUIRED_FIELDS[table]) for (const key of group) expect([table, key, keys.has(key)]).toEqual([table, key, true]);
    }
  });

  test('formula-like text is kept exactly as typed (the port writes it as text)', () => {
    const r = validateEntry('Decisions', { decidedOn: '2026-01-01', decision: '=1+1', owner: '@Ann', effectivenessCheck: '-checked' });
    expect(r.ok).toBe(true);
    expect(r.values).toMatchObject({ decision: '=1+1', owner: '@Ann', effectivenessCheck: '-checked' });
  });

  test('text longer than an Excel cell holds is refused', () => {
    const r = validateEntry('Decisions', { decidedOn: '2026-01-01', decision: 'x'.repeat(MAX_CELL_TEXT + 1) });
    expect(r.errors.decision).toMatch(/at most 32,767 characters/);
  });

  test('unknown keys and non-string values are ignored', () => {
    const r = validateEntry('Accountabilities', { person: 'Ann', role: 'COO', extra: 'x', topManagement: 5 as unknown as string });
    expect(r.ok).toBe(true);
    expect(r.values).toEqual({ person: 'Ann', role: 'COO' });
  });
});

describe('isFormulaLike', () => {
  test.each(['=SUM(A1)', '+1', '-1', '@Ann', '\tx', '\rx', '＝1'])('%j is formula-like', (t) => expect(isFormulaLike(t)).toBe(true));
  test.each(['', 'Ann', ' =1', '1-2', 'a=b', '#N/A'])('%j is not', (t) => expect(isFormulaLike(t)).toBe(false));
});
