/**
 * An independent spreadsheet engine (LibreOffice, headless) opens what the project writes:
 * the auditor pack converts to PDF and to CSV with the right figures and no live formula from
 * user text, and both the pack and a register survive a LibreOffice re-save and load again.
 *
 * Three soffice runs in all (PDF; CSV of every sheet; xlsx re-save), each in a fresh profile.
 * In CI (process.env.CI set) a missing LibreOffice is a failure, never a silent skip.
 */
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { Workbook } from 'exceljs';
import { assess } from '../../src/domain/assess';
import { fromIsoText } from '../../src/domain/dates';
import { HISTORY_HEADERS, historyRow } from '../../src/domain/history';
import { QUESTIONS } from '../../src/domain/questions';
import { parseRegister } from '../../src/domain/register';
import { writeAuditorPack } from '../../src/workbook/xlsx/pack-writer';
import { createTemplatePort } from '../../src/workbook/xlsx/template';
import { XlsxPort } from '../../src/workbook/xlsx/xlsx-port';
import { AS_OF, HOSTILE, sample } from '../support/auditor-pack-fixture';

const run = promisify(execFile);

function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE, '/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

const SOFFICE = findSoffice();
const MISSING = 'LibreOffice (soffice) is not installed: install it with `apt-get install -y --no-install-recommends libreoffice-calc-nogui` (.ci/run does this).';

/** CSV of every sheet; UTF-8; formulas exported as their results (so a live formula would show its value). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Recalculate formulas on load, so the control formula below shows a computed value. */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let work: string;
let profile: string;

async function soffice(convertTo: string, outdir: string, files: string[]): Promise<void> {
  await fs.mkdir(outdir, { recursive: true });
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', outdir, ...files];
  await run(SOFFICE as string, args, { timeout: 180_000, env: { ...process.env, HOME: work } });
  for (const f of files) {
    const ext = convertTo.split(':')[0];
    const base = path.basename(f, path.extname(f));
    const produced = (await fs.readdir(outdir)).filter((n) => n.startsWith(base) && n.endsWith(`.${ext}`));
    if (produced.length === 0) throw new Error(`soffice produced no .${ext} for ${f}`);
  }
}

/** A CSV reader for LibreOffice's output: optional quotes, doubled quotes, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const s = sample();
const expectedReadiness = Math.round((s.result.readiness as number) * 10) / 10;

/** A register as the project writes it (template + rows through the port), with a History table. */
async function registerBytes(): Promise<Uint8Array> {
  const port = await createTemplatePort();
  await port.addRow('Accountabilities', { person: 'Dana Okafor', topManagement: 'Yes', accountable: 'Yes', status: 'Active' });
  await port.addRow('Decisions', { decision: HOSTILE.sum, owner: HOSTILE.at, status: 'Open' });
  await port.appendHistory(HISTORY_HEADERS, historyRow(s.result, new Date('2026-07-01T08:00:00Z')));
  return port.toBytes();
}

/** Without LibreOffice this suite fails with how to install it (npm test's pretest installs it where it can). */
function withLibreOffice(body: () => void): void {
  if (SOFFICE) {
    describe('LibreOffice opens what the project writes', body);
  } else {
    describe('LibreOffice opens what the project writes', () => {
      it('needs LibreOffice', () => {
        throw new Error(MISSING);
      });
    });
  }
}

withLibreOffice(() => {
  let pack: string;
  let register: string;

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'clause51-lo-'));
    profile = path.join(work, 'profile');
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);

    pack = path.join(work, 'pack.xlsx');
    const history = { values: [[...HISTORY_HEADERS], historyRow(s.result, new Date('2026-07-01T08:00:00Z'))] };
    await fs.writeFile(pack, await writeAuditorPack({ ...s, generatedAt: new Date('2026-07-01T09:30:00Z'), history }));
    register = path.join(work, 'register.xlsx');
    await fs.writeFile(register, await registerBytes());
  });

  afterAll(async () => {
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('renders the pack to a PDF', async () => {
    const out = path.join(work, 'pdf');
    await soffice('pdf', out, [pack]);
    const pdf = await fs.readFile(path.join(out, 'pack.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(12);
  });

  it('exports every sheet to CSV with the readiness, the four questions, and user text still text', async () => {
    // A control workbook with one real formula proves this export shows computed values, so
    // "=2+3" surviving verbatim in the pack's CSV means it is text, not a formula.
    const control = path.join(work, 'control.xlsx');
    const wb = new Workbook();
    wb.addWorksheet('Control').getCell('A1').value = { formula: '2+3' } as never;
    await wb.xlsx.writeFile(control);

    const out = path.join(work, 'csv');
    await soffice(CSV_FILTER, out, [pack, control]);
    const read = async (name: string): Promise<string[][]> => parseCsv(await fs.readFile(path.join(out, name), 'utf8'));

    expect((await read('control-Control.csv'))[0][0]).toBe('5');

    const cover = await read('pack-Cover.csv');
    const readiness = cover.find((r) => r[0] === 'Readiness (0–100)');
    expect(readiness).toBeDefined();
    expect(Number(readiness?.[1])).toBe(expectedReadiness);
    expect(cover.find((r) => r[0] === 'Rating')?.[1]).toBe(s.result.rating);

    const questions = (await read('pack-Auditor questions.csv')).map((r) => r[0]);
    QUESTIONS.forEach((q, i) => expect(questions).toContain(`${i + 1}. ${q.question}`));

    const decisions = await read('pack-Decisions.csv');
    const header = decisions[0];
    const dec2 = decisions.find((r) => r[header.indexOf('ID')] === 'DEC-2');
    expect(dec2?.[header.indexOf('Decision')]).toBe(HOSTILE.sum);
    expect(dec2?.[header.indexOf('Owner')]).toBe(HOSTILE.at);
    const accountabilities = await read('pack-Accountabilities.csv');
    expect(accountabilities[1][accountabilities[0].indexOf('Responsibilities')]).toBe(HOSTILE.formula);
    const comms = await read('pack-Communications.csv');
    expect(comms.map((r) => r[comms[0].indexOf('Expectation')])).toContain(HOSTILE.minus);
    const settings = await read('pack-Settings.csv');
    expect(settings.find((r) => r[1] === 'Effectiveness definition')?.[2]).toBe('=SLA met and reviews held');
  });

  it('keeps the pack and a register loadable by the project after a LibreOffice re-save', async () => {
    const out = path.join(work, 'resaved');
    await soffice('xlsx', out, [pack, register]);

    const resavedPack = new Workbook();
    await resavedPack.xlsx.load((await fs.readFile(path.join(out, 'pack.xlsx'))) as unknown as ArrayBuffer);
    let readiness: unknown;
    resavedPack.getWorksheet('Cover')?.eachRow((row) => {
      if (row.getCell(1).value === 'Readiness (0–100)') readiness = row.getCell(2).value;
    });
    expect(readiness).toBe(expectedReadiness);
    expect(resavedPack.getWorksheet('Criteria')?.rowCount).toBe(23);

    // The register: tables come back without style info; the port must still read, score and save it.
    const port = await XlsxPort.fromBytes(await fs.readFile(path.join(out, 'register.xlsx')));
    const raw = await port.read();
    const decisions = raw.Decisions?.values ?? [];
    expect(decisions[1][decisions[0].indexOf('Decision')]).toBe(HOSTILE.sum);
    const result = assess(parseRegister(raw), { asOf: fromIsoText(AS_OF) as number, today: 0 });
    expect(result.criteria).toHaveLength(22);
    await port.appendHistory(HISTORY_HEADERS, historyRow(result, new Date('2026-07-02T08:00:00Z')));
    const again = await XlsxPort.fromBytes(await port.toBytes());
    expect((await again.read()).Decisions?.values[1]).toEqual(decisions[1]);
  });
});
