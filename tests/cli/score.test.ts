import { promises as fs } from 'fs';
import * as path from 'path';
import type { Result } from '../../src/domain/types';
import { smallRegister, tempDir, utc, writeFixture, type FixtureTable } from '../workbook/xlsx/fixtures';
import { cli } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const STATUSES = ['met', 'partial', 'not met', 'n/a'];

function expectSpecResult(result: Result): void {
  expect(result.specVersion).toBe(1);
  expect(result.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(result.pillars.map((p) => [p.id, p.weight])).toEqual([
    ['Accountability', 25],
    ['Governance', 20],
    ['Follow-through', 15],
    ['Resources', 15],
    ['Communication', 15],
    ['Escalation', 10],
  ]);
  expect(result.criteria).toHaveLength(22);
  for (const c of result.criteria) {
    expect(STATUSES).toContain(c.status);
    expect(typeof c.reason).toBe('string');
    expect(Array.isArray(c.evidence)).toBe(true);
    expect(c.remedy.length).toBeGreaterThan(0);
  }
  expect(result.questions).toHaveLength(4);
  for (const issue of result.issues) {
    expect(typeof issue.table).toBe('string');
    expect(typeof issue.row).toBe('number');
    expect(typeof issue.message).toBe('string');
  }
}

describe('clause51 score on the bundled example', () => {
  it('scores Amber with a gap in every pillar', async () => {
    const { code, stdout, stderr } = await cli(['score', '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/bundled example/);
    const result = JSON.parse(stdout) as Result;
    expectSpecResult(result);
    expect(result.asOf).toBe('2026-06-30');
    expect(result.rating).toBe('Amber');
    expect(result.organisation).toMatch(/Northwind/);
    for (const p of result.pillars) expect(p.score).toBeLessThan(100);
    // Check has something to show: a non-date in a date column and a dangling link.
    expect(result.issues.some((i) => /Q3 2025/.test(i.message) && i.table === 'Reviews')).toBe(true);
    expect(result.issues.some((i) => /DEC-99/.test(i.message))).toBe(true);
  });

  it('prints readiness, pillars, criteria, gaps and issues as text', async () => {
    const { code, stdout } = await cli(['score']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Readiness: \d+\.\d \/ 100 {2}Amber$/m);
    expect(stdout).toMatch(/^ {2}Governance +\d+\.\d {2}\(weight 20\)$/m);
    expect(stdout).toMatch(/^ {2}GOV-4 {2}partial/m);
    expect(stdout).toMatch(/Next step: /);
    expect(stdout).toMatch(/^ {2}Reviews!C\d+ \(REV-\d+\): 'Q3 2025' is not a date/m);
  });

  it('prints Markdown', async () => {
    const { code, stdout } = await cli(['score', '--format=markdown']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Clause 5.1 readiness: Northwind/);
    expect(stdout).toMatch(/^\| ID \| Pillar \| Criterion \| Status \| Reason \| Evidence \|$/m);
  });
});

describe('clause51 score on workbooks written by ExcelJS', () => {
  it('prints exactly the spec §5 object with --format json', async () => {
    const file = await writeFixture(dir, 'small.xlsx', smallRegister());
    const { code, stdout, stderr } = await cli(['score', file, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expectSpecResult(result);
    expect(result.asOf).toBe('2026-06-30'); // from Settings
    const q2 = result.issues.find((i) => /Q2 2026/.test(i.message));
    expect(q2).toMatchObject({ table: 'Reviews', row: 3, column: 'Planned date', id: 'REV-2' });
  });

  it('takes as-of from --as-of, else Settings, else today', async () => {
    const withSettings = await writeFixture(dir, 'asof.xlsx', smallRegister());
    expect(JSON.parse((await cli(['score', withSettings, '--as-of', '2026-03-31', '--format', 'json'])).stdout).asOf).toBe('2026-03-31');
    const tables = smallRegister();
    tables.Settings = { headers: ['Key', 'Value'], rows: [['Organisation', 'X']] };
    const noDate = await writeFixture(dir, 'nodate.xlsx', tables);
    const res = await cli(['score', noDate, '--format', 'json'], new Date(Date.UTC(2026, 7, 9, 23, 30)));
    expect(JSON.parse(res.stdout).asOf).toBe('2026-08-09');
  });

  it('scores with missing tables empty and reports them as issues', async () => {
    const all = smallRegister();
    const file = await writeFixture(dir, 'partial.xlsx', { Reviews: all.Reviews, Decisions: all.Decisions });
    const { code, stdout } = await cli(['score', file, '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    for (const missing of ['Accountabilities', 'Resources', 'Communications', 'Escalations']) {
      expect(result.issues.some((i) => i.table === missing && i.row === 0 && /missing/i.test(i.message))).toBe(true);
    }
    expect(result.rowCounts.Reviews).toBe(2);
  });

  it('reads sheets without tables, reordered and extra user columns', async () => {
    const all = smallRegister();
    const reordered = (t: FixtureTable, extra: string): FixtureTable => {
      const order = t.headers.map((_, i) => i).reverse();
      return {
        ...t,
        headers: [extra, ...order.map((i) => t.headers[i])],
        rows: t.rows.map((r) => ['user value', ...order.map((i) => r[i])]),
      };
    };
    const plainJson = JSON.parse((await cli(['score', await writeFixture(dir, 'plain.xlsx', all), '--format', 'json'])).stdout) as Result;
    const variant: Record<string, FixtureTable> = {};
    for (const [name, t] of Object.entries(all)) {
      variant[name] = name === 'Settings' ? t : { ...reordered(t, 'Notes'), asTable: name === 'Reviews' ? true : false, ref: name === 'Reviews' ? 'C4' : undefined };
    }
    const { code, stdout } = await cli(['score', await writeFixture(dir, 'variant.xlsx', variant), '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.readiness).toBe(plainJson.readiness);
    expect(result.criteria.map((c) => c.status)).toEqual(plainJson.criteria.map((c) => c.status));
    // Issue locations follow the real cells: Reviews starts at C4, reversed, after the Notes column.
    const q2 = result.issues.find((i) => /Q2 2026/.test(i.message));
    expect(q2).toMatchObject({ table: 'Reviews', row: 6, column: 'Planned date' });
    expect(q2?.cell).toBe('J6');
  });

  it('reads error cells, formula results and hyperlink cells', async () => {
    const all = smallRegister();
    all.Reviews = {
      ...all.Reviews,
      rows: [
        ['REV-1', 'SMS review', utc(2026, 1, 15), { formula: 'DATE(2026,1,15)', result: utc(2026, 1, 15) }, 'Ann Lee', 'Ann Lee', 'Service performance', { text: 'Minutes', hyperlink: 'https://x.example/minutes' }, 'Held'],
        ['REV-2', 'SMS review', { error: '#REF!' }, utc(2026, 4, 20), { richText: [{ text: 'Ann ' }, { text: 'Lee' }] }, 'Ann Lee', 'Trends', { formula: 'HYPERLINK("https://x.example/m2","m2")', result: 'm2' }, 'Held'],
      ],
    };
    const { code, stdout } = await cli(['score', await writeFixture(dir, 'cells.xlsx', all), '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    const gov5 = result.criteria.find((c) => c.id === 'GOV-5')!;
    expect(gov5.status).toBe('met'); // both minutes links read (hyperlink cell and HYPERLINK formula)
    const gov1 = result.criteria.find((c) => c.id === 'GOV-1')!;
    expect(gov1.evidence).toEqual(expect.arrayContaining(['REV-1', 'REV-2']));
    const err = result.issues.find((i) => i.table === 'Reviews' && i.row === 3 && i.column === 'Planned date');
    expect(err?.message).toMatch(/#REF!/);
  });
});

describe('clause51 exit codes', () => {
  it('exits 2 with one line for a missing file', async () => {
    const file = path.join(dir, 'nope.xlsx');
    const { code, stdout, stderr } = await cli(['score', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^clause51: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a file that is not an .xlsx', async () => {
    const file = path.join(dir, 'notes.xlsx');
    await fs.writeFile(file, 'just some text, not a workbook\n');
    const { code, stderr } = await cli(['score', file]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 when none of the register tables is there', async () => {
    const file = await writeFixture(dir, 'other.xlsx', { Budget: { headers: ['Item', 'Cost'], rows: [['a', 1]] } });
    const { code, stderr } = await cli(['score', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^clause51: .*other\.xlsx: no register tables found/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['score', '--colour'], /unknown option '--colour'/],
    [['score', '--as-of', '2026-02-30'], /--as-of '2026-02-30' is not a date/],
    [['score', '--as-of', '30/06/2026'], /not a date in the form YYYY-MM-DD/],
    [['score', '--as-of'], /--as-of needs a value/],
    [['score', '--format', 'pdf'], /--format 'pdf' is not one of/],
    [['score', 'a.xlsx', 'b.xlsx'], /at most one FILE/],
    [['template'], /expected one OUT.xlsx/],
    [['template', 'out.txt'], /must end in .xlsx/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('exits 64 on bad usage: %j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv as string[]);
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Usage: clause51 /);
  });

  it('exits 64 with the command list when no command is given', async () => {
    const { code, stderr } = await cli([]);
    expect(code).toBe(64);
    expect(stderr).toMatch(/Commands:\n {2}score/);
  });

  it('shows help with exit 0', async () => {
    const general = await cli(['--help']);
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/score +score a register/);
    expect(general.stdout).toMatch(/template +write an empty register/);
    const score = await cli(['score', '--help']);
    expect(score.code).toBe(0);
    expect(score.stdout).toMatch(/^Usage: clause51 score \[FILE.xlsx\] \[--as-of YYYY-MM-DD\] \[--format text\|json\|markdown/);
    expect((await cli(['help', 'template'])).stdout).toMatch(/--force/);
  });
});
