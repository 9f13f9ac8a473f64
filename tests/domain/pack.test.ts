import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/domain/history';
import {
  COPY_ROW_HEADER,
  MAX_CELL_TEXT,
  MAX_EVIDENCE_ROWS_PER_QUESTION,
  PACK_SHEETS,
  buildPack,
  joinForCell,
  type PackFingerprint,
  type PackInput,
  type PackSheet,
  type PackValue,
} from '../../src/domain/pack';
import { QUESTIONS } from '../../src/domain/questions';
import { TABLES } from '../../src/domain/schema';
import { DECISIONS } from '../../src/domain/schema';
import { HOSTILE, sample, sampleRaw } from '../support/auditor-pack-fixture';

const FINGERPRINT: PackFingerprint = {
  tables: [
    { table: 'Accountabilities', rows: 2, sha256: 'a'.repeat(64) },
    { table: 'Settings', rows: 5, sha256: 'b'.repeat(64) },
  ],
  register: 'c'.repeat(64),
};

function input(overrides: Partial<PackInput> = {}): PackInput {
  const s = sample();
  return { ...s, generatedAt: new Date('2026-07-01T09:30:00Z'), fingerprint: FINGERPRINT, ...overrides };
}

const sheet = (sheets: PackSheet[], name: string): PackSheet => {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
/** The row whose first cell is `label`. */
const rowOf = (s: PackSheet, label: string): readonly PackValue[] | undefined => s.rows.find((r) => r.cells[0] === label)?.cells;
const allText = (s: PackSheet): string[] => s.rows.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string'));

describe('buildPack', () => {
  it('holds the summary sheets, the register copies and Settings, in that order', () => {
    const names = buildPack(input()).map((s) => s.name);
    expect(names).toEqual([
      'Cover',
      'Auditor questions',
      'Criteria',
      'Evidence index',
      'Data quality',
      'Accountabilities',
      'Reviews',
      'Decisions',
      'Resources',
      'Communications',
      'Escalations',
      'Settings',
    ]);
    // Excel's sheet-name rules: ≤ 31 characters, none of : \ / ? * [ ], and never "History".
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]]/);
      expect(n.toLowerCase()).not.toBe('history');
    }
  });

  it('states scope, as-of, generation time, readiness to one decimal, rating, weights and the method on the cover', () => {
    const base = input();
    const result = { ...base.result, readiness: 72.41379, rating: 'Amber' as const };
    const cover = sheet(buildPack({ ...base, result }), PACK_SHEETS.cover);
    expect(rowOf(cover, 'Organisation')?.[1]).toBe('Example Services Ltd');
    expect(rowOf(cover, 'SMS scope')?.[1]).toBe('Managed hosting and payment services');
    expect(rowOf(cover, 'As of')?.[1]).toBe('2026-06-30');
    expect(rowOf(cover, 'Generated at')?.[1]).toBe('2026-07-01 09:30 UTC');
    expect(rowOf(cover, 'Readiness (0–100)')?.[1]).toBe(72.4);
    expect(rowOf(cover, 'Rating')?.[1]).toBe('Amber');
    expect(rowOf(cover, 'Register fingerprint (SHA-256)')?.[1]).toBe(FINGERPRINT.register);
    expect(rowOf(cover, 'Governance')?.slice(1)).toEqual([result.pillars[1].score, 20, '5 of 5']);
    const text = allText(cover).join('\n');
    expect(text).toContain('Accountability 25 · Governance 20 · Follow-through 15 · Resources 15 · Communication 15 · Escalation 10');
    expect(text).toContain('Green at 80 or more, Amber at 50 or more');
    expect(text).toContain('spec version 1');
    expect(text).toContain('Lookback days = 365');
    for (const q of QUESTIONS) expect(text).toContain(q.question);
  });

  it('says n/a rather than a number when nothing applies', () => {
    const base = input();
    const result = { ...base.result, readiness: null, rating: null };
    const cover = sheet(buildPack({ ...base, result }), PACK_SHEETS.cover);
    expect(rowOf(cover, 'Readiness (0–100)')?.[1]).toBe('n/a');
    expect(rowOf(cover, 'Rating')?.[1]).toBe('n/a');
  });

  it('answers each auditor question with its status, criteria and the evidence rows behind them', () => {
    const base = input();
    const questions = sheet(buildPack(base), PACK_SHEETS.questions);
    const headings = questions.rows.filter((r) => r.style === 'heading').map((r) => r.cells[0]);
    expect(headings).toEqual(QUESTIONS.map((q, i) => `${i + 1}. ${q.question}`));

    // Question 2's block: from its heading to the next heading.
    const start = questions.rows.findIndex((r) => r.cells[0] === headings[1]);
    const end = questions.rows.findIndex((r) => r.cells[0] === headings[2]);
    const block = questions.rows.slice(start, end);
    expect(block[1].cells.slice(0, 2)).toEqual(['Status', base.result.questions[1].status]);
    const criteriaRows = block.filter((r) => typeof r.cells[0] === 'string' && /^(GOV|FOL)-\d$/.test(r.cells[0] as string));
    expect(criteriaRows.map((r) => r.cells[0])).toEqual(QUESTIONS[1].criteria);
    const dec2 = block.find((r) => r.cells[0] === 'Decisions' && r.cells[1] === 'DEC-2');
    expect(dec2).toBeDefined();
    expect(dec2?.cells[2]).toEqual(new Date('2026-01-08T00:00:00Z'));
    expect(dec2?.cells[3]).toContain(HOSTILE.sum);
    expect(dec2?.cells[4]).toEqual({ link: 'javascript:alert(1)' });
    const rev1 = block.find((r) => r.cells[1] === 'REV-1');
    expect(rev1?.cells[4]).toEqual({ link: 'https://intranet.example/reviews/2025-10.docx' });
    // Evidence rows are listed once each, in register order.
    const evidenceIds = block.filter((r) => r.style === 'body' && ['Reviews', 'Decisions'].includes(r.cells[0] as string)).map((r) => r.cells[1]);
    expect(evidenceIds).toEqual(['REV-1', 'REV-2', 'DEC-1', 'DEC-2']);
  });

  it('finds evidence labelled by worksheet row ("DEC-2 (row N)", "Reviews row N") as the rows they name', () => {
    const base = input();
    const dec2 = base.register.tables.Decisions.find((r) => r.id === 'DEC-2')!;
    const rev1 = base.register.tables.Reviews.find((r) => r.id === 'REV-1')!;
    const labels = [`DEC-2 (row ${dec2.row})`, `Reviews row ${rev1.row}`];
    const result = { ...base.result, criteria: base.result.criteria.map((c) => (c.id === 'ACC-1' ? { ...c, evidence: labels } : c)) };
    const questions = sheet(buildPack({ ...base, result }), PACK_SHEETS.questions);
    const start = questions.rows.findIndex((r) => r.style === 'heading');
    const end = questions.rows.findIndex((r, i) => i > start && r.style === 'heading');
    const block = questions.rows.slice(start, end);
    const listed = block.filter((r) => r.style === 'body' && ['Reviews', 'Decisions'].includes(r.cells[0] as string)).map((r) => r.cells.slice(0, 2));
    expect(listed).toEqual(expect.arrayContaining([['Decisions', 'DEC-2'], ['Reviews', 'REV-1']]));
    expect(allText({ ...questions, rows: block })).not.toContain('Not a row of the register tables.');
  });

  it('lists the most recent evidence rows under a question and counts the rest', () => {
    const raw = sampleRaw();
    const header = DECISIONS.columns.map((c) => c.header);
    const extra = MAX_EVIDENCE_ROWS_PER_QUESTION + 50;
    const rows = Array.from({ length: extra }, (_, i) =>
      DECISIONS.columns.map((c) =>
        c.key === 'id' ? `DEC-${i + 10}` : c.key === 'decidedOn' ? new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 * 12) : c.key === 'decision' ? `Decision ${i}` : null,
      ),
    );
    const big = { ...raw, Decisions: { values: [header, ...rows], headerRow: 1 } };
    const s = sample(big);
    const questions = sheet(buildPack({ ...s, generatedAt: new Date(0), fingerprint: FINGERPRINT }), PACK_SHEETS.questions);
    const start = questions.rows.findIndex((r) => r.cells[0] === `2. ${QUESTIONS[1].question}`);
    const end = questions.rows.findIndex((r) => r.cells[0] === `3. ${QUESTIONS[2].question}`);
    const block = questions.rows.slice(start, end);
    const listed = block.filter((r) => r.style === 'body' && ['Reviews', 'Decisions'].includes(r.cells[0] as string));
    expect(listed).toHaveLength(MAX_EVIDENCE_ROWS_PER_QUESTION);
    const note = block.find((r) => typeof r.cells[3] === 'string' && (r.cells[3] as string).startsWith('… and '));
    const evidence = new Set(s.result.criteria.filter((c) => QUESTIONS[1].criteria.includes(c.id)).flatMap((c) => c.evidence));
    expect(note?.cells[3]).toContain(`… and ${evidence.size - MAX_EVIDENCE_ROWS_PER_QUESTION} earlier rows`);
    // The newest decision is listed; the oldest of the extra ones is not.
    const ids = listed.map((r) => r.cells[1]);
    expect(ids).toContain(`DEC-${extra + 9}`);
    expect(ids).not.toContain('DEC-10');
  });

  it('lists all 22 criteria with status, score, reason, evidence IDs and remedy', () => {
    const base = input();
    const criteria = sheet(buildPack(base), PACK_SHEETS.criteria);
    expect(criteria.rows[0].cells).toEqual(['ID', 'Pillar', 'Title', 'Status', 'Score', 'Reason', 'Evidence IDs', 'Remedy']);
    expect(criteria.rows).toHaveLength(23);
    expect(criteria.headerRow).toBe(1);
    base.result.criteria.forEach((c, i) => {
      expect(criteria.rows[i + 1].cells).toEqual([c.id, c.pillar, c.title, c.status, c.score, c.reason, c.evidence.join('; '), c.remedy]);
    });
  });

  it('indexes every document link with its table, worksheet row and ID, after the fingerprints', () => {
    const base = input();
    const evidence = sheet(buildPack(base), PACK_SHEETS.evidence);
    expect(rowOf(evidence, 'Accountabilities')?.slice(0, 2)).toEqual(['Accountabilities', 2]);
    expect(evidence.rows.find((r) => r.cells[0] === 'Settings')?.cells[3]).toBe('b'.repeat(64));
    expect(rowOf(evidence, 'Whole register')?.[3]).toBe(FINGERPRINT.register);

    const header = evidence.headerRow as number;
    expect(evidence.rows[header - 1].cells).toEqual(['Table', 'Row', 'ID', 'Link']);
    const links = evidence.rows.slice(header).map((r) => r.cells);
    // Count the non-blank link cells of the raw register independently.
    const raw = sampleRaw();
    let expected = 0;
    for (const spec of TABLES) {
      const values = raw[spec.name]?.values ?? [];
      const linkCols = spec.columns.filter((c) => c.kind === 'link').map((c) => values[0].indexOf(c.header));
      for (const row of values.slice(1)) expected += linkCols.filter((i) => typeof row[i] === 'string' && row[i] !== '').length;
    }
    expect(links).toHaveLength(expected);
    expect(links).toContainEqual(['Reviews', 3, 'REV-2', { link: '\\\\fileserver\\sms\\minutes\\2026-01.docx' }]);
    expect(links).toContainEqual(['Accountabilities', 2, 'ACC-1', { link: 'https://intranet.example/sms/charter.pdf' }]);
  });

  it('copies every register table and Settings as values, hostile text verbatim, with the register row in front', () => {
    const base = input();
    const sheets = buildPack(base);
    for (const name of ['Accountabilities', 'Reviews', 'Decisions', 'Resources', 'Communications', 'Escalations', 'Settings'] as const) {
      const copy = sheet(sheets, name);
      const values = base.raw[name]?.values ?? [];
      expect(copy.rows).toHaveLength(values.length);
      expect(copy.rows[0].cells).toEqual([COPY_ROW_HEADER, ...values[0]]);
      values.slice(1).forEach((row, i) => {
        const expected = row.map((v) => (v !== null && typeof v === 'object' && 'error' in v ? (v as { error: string }).error : v));
        expect(copy.rows[i + 1].cells).toEqual([i + 2, ...expected]);
      });
    }
    const text = sheets.flatMap(allText);
    for (const hostile of Object.values(HOSTILE)) expect(text).toContain(hostile);
    expect(sheet(sheets, 'Reviews').rows[3].cells[4]).toBe('#REF!');
  });

  it('adds the readiness history when the register has one', () => {
    const history = { values: [[...HISTORY_HEADERS], ['2026-03-31', '2026-04-01 08:00:00 UTC', 58.2, 'Amber']] };
    const sheets = buildPack(input({ history }));
    const copy = sheet(sheets, HISTORY_SHEET);
    expect(copy.rows[1].cells.slice(0, 5)).toEqual([2, '2026-03-31', '2026-04-01 08:00:00 UTC', 58.2, 'Amber']);
    expect(buildPack(input()).some((s) => s.name === HISTORY_SHEET)).toBe(false);
  });

  it('lists data-quality issues with their location', () => {
    const base = input();
    const issues = sheet(buildPack(base), PACK_SHEETS.issues);
    expect(base.result.issues.length).toBeGreaterThan(0);
    expect(issues.rows).toHaveLength(base.result.issues.length + 1);
    const ref = issues.rows.find((r) => r.cells[0] === 'Reviews' && r.cells[1] === 4);
    expect(ref?.cells[3]).toBe('Held on');
  });
});

describe('joinForCell', () => {
  it('joins short lists as they are', () => {
    expect(joinForCell(['DEC-1', 'DEC-2'])).toBe('DEC-1; DEC-2');
  });

  it('cuts long lists to fit an Excel cell and says how many were left out', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `DEC-${i + 1}`);
    const text = joinForCell(ids);
    expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    const m = / … and (\d+) more$/.exec(text);
    expect(m).not.toBeNull();
    const listed = text.replace(/ … and \d+ more$/, '').split('; ');
    expect(listed.length + Number(m?.[1])).toBe(ids.length);
    expect(listed[listed.length - 1]).toBe(ids[listed.length - 1]);
  });
});
