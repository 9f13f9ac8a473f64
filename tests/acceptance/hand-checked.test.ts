/**
 * Acceptance: five messy registers, scored through the command line (in-process, --format json
 * and text), checked against results worked out BY HAND from the spec (register-and-rubric.md)
 * and the documented interpretations (docs/scoring.md, docs/parsing.md). Expected values are
 * literals with the arithmetic beside them; nothing here calls the engine to compute them.
 * Windows are (as-of − lookback, as-of]. Pillar = mean of applicable criterion scores × 100;
 * readiness = Σ weight·pillar / Σ weights (25/20/15/15/15/10).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { run } from '../../src/cli/main';
import { readRegister } from '../../src/workbook/xlsx/read';
import type { Result } from '../../src/domain/types';
import { registerA, registerB, registerBytes, registerC, registerD, registerE, type RegisterSpec } from './hand-registers';

type Status = 'met' | 'partial' | 'not met' | 'n/a';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clause51-hand-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    // "Today" is far from every as-of used here, so a wrong fallback to today shows up at once.
    now: () => new Date(Date.UTC(2030, 0, 1, 12)),
  });
  return { code, stdout, stderr };
}

async function writeRegister(name: string, spec: RegisterSpec): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, await registerBytes(spec));
  return file;
}

async function scoreJson(name: string, spec: RegisterSpec, extra: string[] = []): Promise<Result> {
  const file = await writeRegister(name, spec);
  const { code, stdout, stderr } = await cli(['score', file, '--format', 'json', ...extra]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Result;
}

const statuses = (r: Result): Record<string, Status> => Object.fromEntries(r.criteria.map((c) => [c.id, c.status as Status]));
const evidence = (r: Result, id: string): string[] => r.criteria.find((c) => c.id === id)?.evidence ?? [];
const pillars = (r: Result): Record<string, number | null> => Object.fromEntries(r.pillars.map((p) => [p.id, p.score]));
const questions = (r: Result): Status[] => r.questions.map((q) => q.status as Status);
const issueKeys = (r: Result): string[] => r.issues.map((i) => `${i.table}|${i.row}|${i.column ?? ''}|${i.cell ?? ''}`);

function expectPillars(r: Result, expected: Record<string, number>): void {
  const got = pillars(r);
  for (const [id, score] of Object.entries(expected)) expect([id, got[id]]).toEqual([id, expect.closeTo(score, 9)]);
}

describe('A — layout: reordered/odd headers, plain sheet, table at B4, table on a differently named sheet', () => {
  let r: Result;
  beforeAll(async () => {
    r = await scoreJson('A', registerA());
  });

  it('reads Assessment date from Settings with an odd-case key', () => {
    expect(r.asOf).toBe('2026-06-30');
  });

  it('scores every criterion as worked out by hand', () => {
    expect(statuses(r)).toEqual({
      'ACC-1': 'met', 'ACC-2': 'met', 'ACC-3': 'met', 'ACC-4': 'met', 'ACC-5': 'met', // plain sheet read by header
      'GOV-1': 'met', // 4 held (REV-1..4) ≥ ⌊365/90⌋=4; last 2026-05-15 is 46 d ≤ 112.5
      'GOV-2': 'met', 'GOV-3': 'met', 'GOV-4': 'met', 'GOV-5': 'met',
      'FOL-1': 'met', // 5/5 with Owner and Due date
      'FOL-2': 'partial', // due in window DEC-1 ✓ DEC-2 ✓ DEC-3 ✗ (04-05 > 04-01) DEC-5 ✓ → 3/4 = 75%
      'FOL-3': 'met', // DEC-2 checked, Effective Yes
      'RES-1': 'met', 'RES-2': 'met', 'RES-3': 'met', // ESC-1 Repeat → DEC-5 exists
      'COM-1': 'met', // 4 from Dana (reordered columns), last 29 d before as-of
      'COM-2': 'met',
      'COM-3': 'met', // COM-3 linked to DEC-5 = ESC-1's Decision, sent 03-01 ∈ [02-20, 03-22]
      'ESC-1': 'met', 'ESC-2': 'met', 'ESC-3': 'met', // DEC-5 decided 03-01 ≤ 02-20 + 30
    });
    expect(evidence(r, 'GOV-1')).toEqual(['REV-1', 'REV-2', 'REV-3', 'REV-4']);
  });

  it('adds up pillars and readiness', () => {
    // Follow-through (1 + 0.5 + 1)/3 = 83.33; readiness (2500+2000+15·83.33+1500+1500+1000)/100 = 97.5
    expectPillars(r, { Accountability: 100, Governance: 100, 'Follow-through': 250 / 3, Resources: 100, Communication: 100, Escalation: 100 });
    expect(r.readiness).toBeCloseTo(97.5, 9);
    expect(r.rating).toBe('Green');
    expect(questions(r)).toEqual(['met', 'partial', 'met', 'met']);
  });

  it('reports the bad cells at their real worksheet rows and columns', () => {
    // Reviews table starts at B4: REV-4 is row 8, Planned date is the 4th column → E.
    // Decisions (sheet "Actions log") DEC-3 is row 4, Effective is column L.
    expect(issueKeys(r)).toEqual(['Reviews|8|Planned date|E8', 'Decisions|4|Effective|L4']);
    expect(r.issues[0].message).toMatch(/Q3 2025/);
    expect(r.issues[1].message).toMatch(/Maybe/);
  });

  it('text report names the real sheet of each issue (the Decisions table lives on "Actions log")', async () => {
    const file = await writeRegister('A-text', registerA());
    const { code, stdout } = await cli(['score', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Readiness: 97\.5 \/ 100\s+Green/);
    expect(stdout).toContain('Reviews!E8 (REV-4):');
    // Known bug: the location is built from the table name, so this prints `Decisions!L4`, a
    // sheet that does not exist. A person needs the sheet the cell is on (quoted: it has a space).
    expect(stdout).toContain("'Actions log'!L4");
    expect(stdout).not.toContain('Decisions!L4');
  });
});

describe('B — people: name case/spacing, Ended/Vacant/blank status, --as-of beats Settings', () => {
  let r: Result;
  beforeAll(async () => {
    r = await scoreJson('B', registerB(), ['--as-of', '2026-03-31']);
  });

  it('uses the --as-of flag over Settings › Assessment date', () => {
    expect(r.asOf).toBe('2026-03-31');
  });

  it('scores every criterion as worked out by hand', () => {
    // Top management = Dana (blank Status), Ana Silva ('yes', ' active '); not Lee Park (Ended),
    // Vic Grant (Vacant), Mo Rahman (Top No). Owner rows: ACC-1 only.
    expect(statuses(r)).toEqual({
      'ACC-1': 'met',
      'ACC-2': 'partial', // Documented in without Document link
      'ACC-3': 'not met', // owner ACC-1 cannot allocate; Ended ACC-2's Yes does not count
      'ACC-4': 'not met',
      'ACC-5': 'partial', // accepted 2024-01-10, before the window
      'GOV-1': 'partial', // held REV-1..3 = 3 < 4 (REV-4 Cancelled, REV-5 after as-of)
      'GOV-2': 'partial', // REV-1 ✗ (Ended chair), REV-2 ✓ (' dana whitfield'), REV-3 ✓ (Chair 'DANA WHITFIELD') → 2/3
      'GOV-3': 'partial', // (3/6 + 6/6 + 1/6)/3 = 0.556; 'Trends and forecasts' ≠ Trends
      'GOV-4': 'partial', // REV-1 ← 'rev-1', REV-3 ← DEC-2, REV-2 none → 2/3
      'GOV-5': 'partial', // 2/3 minutes
      'FOL-1': 'partial', // DEC-1 ✓ DEC-2 ✗ (no Owner) DEC-3 ✓; DEC-4 Cancelled → 2/3
      'FOL-2': 'not met', // DEC-1 ✓ (same day), DEC-2 ✗ (Done, no Completed on), DEC-3 ✗ (due = as-of) → 1/3
      'FOL-3': 'not met', // DEC-2 corrective action, no check → 0/1
      'RES-1': 'partial', // decided by Lee Park (Ended) and 'Ana Silva (COO)' (not a whole name)
      'RES-2': 'partial', // traceable 1/2 = 50% < 90; SMS need 1/2 = 50% ≥ 50
      'RES-3': 'partial', // ESC-1 SLA ✗, ESC-2 Repeated → DEC-3 ✓ → 50%
      'COM-1': 'partial', // only COM-1 (' Dana Whitfield ') from top management in window
      'COM-2': 'partial', // 1/2 with Expectation
      'COM-3': 'met', // ESC-1 ← COM-2 linked 'esc-1' on 08-20 ∈ [08-01, 08-31]
      'ESC-1': 'not met',
      'ESC-2': 'partial', // ESC-1 'dana whitfield' ✓, ESC-2 Mo ✗ → 50%
      'ESC-3': 'not met', // only ESC-1 raised ≤ 03-01; no Decision
    });
  });

  it('adds up pillars and readiness', () => {
    // Acc (1+.5+0+0+.5)/5 = 40; Gov 50; Fol .5/3 = 16.67; Res 50; Com 2/3 = 66.67; Esc .5/3 = 16.67
    // (1000 + 1000 + 250 + 750 + 1000 + 166.67)/100 = 41.67 → Red
    expectPillars(r, { Accountability: 40, Governance: 50, 'Follow-through': 50 / 3, Resources: 50, Communication: 200 / 3, Escalation: 50 / 3 });
    expect(r.readiness).toBeCloseTo(125 / 3, 9);
    expect(r.rating).toBe('Red');
    expect(questions(r)).toEqual(['partial', 'partial', 'partial', 'partial']);
    expect(r.issues).toEqual([]);
  });
});

describe('C — dates: serial, Date, ISO, formula, Q3 2025, #N/A, window edges', () => {
  let r: Result;
  beforeAll(async () => {
    r = await scoreJson('C', registerC());
  });

  it('reads the window from Settings (Lookback 200 → (2025-12-12, 2026-06-30])', () => {
    expect(r.asOf).toBe('2026-06-30');
    expect(r.window).toMatchObject({ from: '2025-12-12', to: '2026-06-30' });
  });

  it('scores every criterion as worked out by hand', () => {
    expect(statuses(r)).toEqual({
      'ACC-1': 'met', 'ACC-2': 'met',
      'ACC-3': 'met', // TRUE boolean counts as Yes
      'ACC-4': 'met',
      'ACC-5': 'met', // Accepted on =DATE(2026,1,5), cached result, in window
      'GOV-1': 'met', // held REV-2 (serial 12-13), REV-3 (Date, ' held '), REV-6 (formula, = as-of): 3 ≥ ⌊200/60⌋, gap 0
      'GOV-2': 'met',
      'GOV-3': 'partial', // (1 + 1 + 0)/3 = 0.667
      'GOV-4': 'partial', // ≥7 days old: REV-2 ✓ (DEC-1), REV-3 ✗ → 50%
      'GOV-5': 'partial', // 2/3
      'FOL-1': 'partial', // in window DEC-1 ✓ DEC-3 ✗ DEC-4 ✓ (DEC-2 on excluded edge, DEC-5 no date) → 2/3
      'FOL-2': 'partial', // due in window: DEC-1 ✓ DEC-2 ✗ DEC-3 ✓ DEC-4 ✓ (same day) DEC-5 ✗ → 3/5 = 60%
      // docs/scoring.md #11: decided OR completed in window → DEC-2 (completed 02-01) ✗, DEC-3 ✗ (Pending),
      // DEC-4 ✓ → 1/3 = 33% < 40. (Spec-literal "Decided on in window" would give 1/2 = partial.)
      'FOL-3': 'not met',
      'RES-1': 'met', // RES-1 decided 12-13 (serial) by Dana
      'RES-2': 'partial', // RES-2 (Decided on #N/A → Requested 01-10) links DEC-99 → 1/2 traceable; 2/2 need
      'RES-3': 'n/a', // no escalations (empty table)
      'COM-1': 'met', // COM-2 02-24, COM-3 02-25: 2 ≥ ⌊200/100⌋; 125 d = 1.25 × 100 (inclusive)
      'COM-2': 'partial', // 1/2 (COM-1 on the excluded edge)
      'COM-3': 'n/a', 'ESC-1': 'met', 'ESC-2': 'n/a', 'ESC-3': 'n/a',
    });
    expect(evidence(r, 'GOV-1')).toEqual(['REV-2', 'REV-3', 'REV-6']);
    expect(evidence(r, 'COM-1')).toEqual(['COM-2', 'COM-3']);
  });

  it('adds up pillars and readiness', () => {
    // Gov (1+1+.5+.5+.5)/5 = 70; Fol .5+.5+0 → 33.33; Res (1+.5)/2 = 75; Com 75; Esc 100 (only ESC-1)
    // (2500 + 1400 + 500 + 1125 + 1125 + 1000)/100 = 76.5 → Amber
    expectPillars(r, { Accountability: 100, Governance: 70, 'Follow-through': 100 / 3, Resources: 75, Communication: 75, Escalation: 100 });
    expect(r.readiness).toBeCloseTo(76.5, 9);
    expect(r.rating).toBe('Amber');
    expect(questions(r)).toEqual(['met', 'partial', 'partial', 'partial']);
  });

  it('reports each unreadable date and the dangling link where it is', () => {
    expect(issueKeys(r)).toEqual([
      'Reviews|6|Held on|D6', // REV-5 #N/A
      'Reviews|8|Held on|D8', // REV-7 'Q3 2025'
      'Decisions|6|Decided on|B6', // DEC-5 'Q3 2025'
      'Resources|3|Linked item|E3', // DEC-99
      'Resources|3|Decided on|H3', // #N/A
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/#N\/A/),
      expect.stringMatching(/Q3 2025/),
      expect.stringMatching(/Q3 2025/),
      expect.stringMatching(/DEC-99.*does not exist/),
      expect.stringMatching(/#N\/A/),
    ]);
  });
});

describe('D — Settings: plain sheet, odd keys, custom cadences and thresholds, one invalid value', () => {
  let r: Result;
  beforeAll(async () => {
    r = await scoreJson('D', registerD());
  });

  it('applies the settings (Lookback 180, thresholds 70/40%)', () => {
    expect(r.asOf).toBe('2026-06-30');
    expect(r.window).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(r.thresholds).toEqual({ green: 70, amber: 40 });
  });

  it('scores every criterion as worked out by hand', () => {
    expect(statuses(r)).toEqual({
      'ACC-1': 'met', 'ACC-2': 'met', 'ACC-3': 'met', 'ACC-4': 'met',
      'ACC-5': 'partial', // accepted 2025-06-01 before the window; Next review 06-29 passed
      'GOV-1': 'met', // Review cadence 'abc' → 90: need ⌊180/90⌋ = 2; REV-1, REV-2, gap 41
      'GOV-2': 'met', // REV-2 chaired by Sam Lee but Dana present
      'GOV-3': 'partial', // required {Service performance, Risks}: (2/2 + 1/2)/2 = 0.75
      'GOV-4': 'met', 'GOV-5': 'partial',
      'FOL-1': 'met', 'FOL-2': 'met', 'FOL-3': 'n/a',
      'RES-1': 'not met', // no resource rows
      'RES-2': 'n/a',
      'RES-3': 'met', // 'sla' → DEC-3; 'isolated outage' is not an SLA trigger
      'COM-1': 'partial', // cadence 60 → need 3; 2 from Dana (Sam Lee is not top management)
      'COM-2': 'met',
      'COM-3': 'met', // reinforcement 10: ESC-1 (06-01 ≤ 06-20) ← COM-3 on 06-05 (sender need not be top management)
      'ESC-1': 'not met', // Escalation triggers blank
      'ESC-2': 'partial', // 1/2
      'ESC-3': 'met', // response 14: ESC-1 (≤ 06-16) ← DEC-3 on 06-10 ≤ 06-15
    });
  });

  it('adds up pillars and readiness, rated with the custom thresholds', () => {
    // Acc 4.5/5 = 90; Gov 4/5 = 80; Fol 100; Res (0+1)/2 = 50; Com 2.5/3 = 83.33; Esc 1.5/3 = 50
    // (2250 + 1600 + 1500 + 750 + 1250 + 500)/100 = 78.5 → Green at 70 (would be Amber at the default 80)
    expectPillars(r, { Accountability: 90, Governance: 80, 'Follow-through': 100, Resources: 50, Communication: 250 / 3, Escalation: 50 });
    expect(r.readiness).toBeCloseTo(78.5, 9);
    expect(r.rating).toBe('Green');
    expect(questions(r)).toEqual(['partial', 'partial', 'partial', 'partial']);
  });

  it('reports the invalid setting on its Value cell', () => {
    expect(issueKeys(r)).toEqual(['Settings|4|Value|B4']);
    expect(r.issues[0].message).toMatch(/abc/);
    expect(r.issues[0].message).toMatch(/90/);
  });
});

describe('E — IDs and links: lower case, duplicates, dangling, Decision → REV, no Settings', () => {
  let r: Result;
  beforeAll(async () => {
    r = await scoreJson('E', registerE(), ['--as-of', '2026-06-30']);
  });

  it('scores every criterion as worked out by hand', () => {
    expect(statuses(r)).toEqual({
      'ACC-1': 'met', 'ACC-2': 'met', 'ACC-3': 'met',
      'ACC-4': 'not met', // no Settings at all
      'ACC-5': 'met',
      'GOV-1': 'met', 'GOV-2': 'met', 'GOV-3': 'met',
      'GOV-4': 'partial', // REV-1 ← 'rev-1', REV-2 ✓, REV-3 ✗, REV-4 ← 'rev-4' → 3/4
      'GOV-5': 'met',
      'FOL-1': 'met', // 5/5 (duplicate DEC-2 row counted too)
      'FOL-2': 'partial', // dec-1 ✓ DEC-2 ✗ (late) DEC-3 ✓ (same day) DEC-2 dup ✓ → 3/4 = 75%
      'FOL-3': 'partial', // dec-1 ✓, DEC-2 ✗ (no check) → 50%
      'RES-1': 'met',
      'RES-2': 'partial', // res-1 ✓ (need + 'esc-2'), RES-2 ✗ (no need) → 50%
      // repeat/SLA: ESC-1 → DEC-3 ✓, ESC-2 (Decision is a REV) ← res-1 linked 'esc-2' ✓,
      // ESC-3 → DEC-7 missing ✗, ESC-5 → 'dec-4' ✓; 'isolated failure' not counted → 3/4 = 75% < 80
      'RES-3': 'partial',
      'COM-1': 'met', // COM-1, 2, 3, 5 from top management = 4; last 06-10
      'COM-2': 'partial', // 4/5 = 80%
      // ESC-1 ← COM-2 linked to its Decision DEC-3 ✓; ESC-2 ← COM-3 too late ✗; ESC-3 ← COM-4 same day ✓; ESC-4 ✗ → 50%
      'COM-3': 'partial',
      'ESC-1': 'not met',
      'ESC-2': 'partial', // 4/5 = 80% ('dana whitfield ' matches; Mo Rahman does not)
      'ESC-3': 'not met', // ESC-1 ✓, ESC-2 ✗ (REV-3), ESC-3 ✗ (DEC-7), ESC-4 ✗ → 25%
    });
    expect(evidence(r, 'RES-3')).toEqual(['ESC-1', 'ESC-2', 'ESC-3', 'ESC-5']);
  });

  it('adds up pillars and readiness', () => {
    // Acc 80; Gov 90; Fol 66.67; Res 66.67; Com 66.67; Esc 16.67
    // (2000 + 1800 + 1000 + 1000 + 1000 + 166.67)/100 = 69.67 → Amber
    expectPillars(r, { Accountability: 80, Governance: 90, 'Follow-through': 200 / 3, Resources: 200 / 3, Communication: 200 / 3, Escalation: 50 / 3 });
    expect(r.readiness).toBeCloseTo(209 / 3, 9);
    expect(r.rating).toBe('Amber');
    expect(questions(r)).toEqual(['met', 'partial', 'partial', 'partial']);
  });

  it('reports duplicates, dangling links, a Decision that is not a DEC, and the missing Settings', () => {
    expect(issueKeys(r)).toEqual([
      'Accountabilities|3|ID|A3',
      'Decisions|4|Source|C4', // REV-9
      'Decisions|6|ID|A6', // duplicate DEC-2
      'Escalations|3|Decision|F3', // REV-3 is not a Decisions row
      'Escalations|4|Decision|F4', // DEC-7
      'Settings|0||',
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/Duplicate ID ACC-1/),
      expect.stringMatching(/REV-9/),
      expect.stringMatching(/Duplicate ID DEC-2/),
      expect.stringMatching(/REV-3.*not a Decisions row/),
      expect.stringMatching(/DEC-7/),
      expect.stringMatching(/missing/),
    ]);
  });
});

describe('link columns with odd header spacing', () => {
  it('reads a hyperlink cell as its target under "Minutes  Link" (headers match with inner spaces collapsed)', async () => {
    const spec = registerD();
    spec.Reviews.headers = spec.Reviews.headers.map((h) => (h === 'Minutes link' ? 'Minutes  Link' : h));
    spec.Reviews.rows[1]['Minutes link'] = { text: 'minutes', hyperlink: 'https://x.example/m2' };
    const workbook = new Workbook();
    await workbook.xlsx.load((await registerBytes(spec)) as unknown as ArrayBuffer);
    const reviews = readRegister(workbook).Reviews;
    const col = reviews?.values[0].indexOf('Minutes  Link') ?? -1;
    expect(col).toBeGreaterThanOrEqual(0);
    // docs/parsing.md: headers match trimmed, inner white space collapsed, any case; docs/cli.md:
    // a hyperlink cell in a link column is read as its target. Known bug: read.ts kindOfHeader only
    // trims and lower-cases, so this column is not seen as a link column and the text 'minutes' is read.
    expect(reviews?.values[2][col]).toBe('https://x.example/m2');
  });
});
