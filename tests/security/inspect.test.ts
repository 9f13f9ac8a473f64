/**
 * The .xlsx gate on its own: every hostile file is refused with the right one-line reason, by the
 * Node check (yauzl) and by the browser-safe check (DecompressionStream); genuine files pass.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import zlib from 'zlib';
import ExcelJS from 'exceljs';
import { FileProblem } from '../../src/workbook/file-problem';
import { assertWithinCaps, inspectXlsxBytes, inspectXlsxFile, LIMITS } from '../../src/workbook/xlsx/inspect';
import { newTally, PartCounter, rangeArea } from '../../src/workbook/xlsx/part-counter';
import { ZipCheckFailure } from '../../src/workbook/xlsx/zip-directory';
import { buildCorpus, sheetXml, smallRegister, type CorpusFile } from '../support/hostile-corpus';
import { CONTENT_TYPES, WORKBOOK_XML, writeZip, type ZipPart } from '../support/zip-writer';

let dir: string;
let corpus: CorpusFile[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'clause51-inspect-'));
  corpus = await buildCorpus(dir);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function problemOf(run: () => Promise<unknown>): Promise<FileProblem> {
  try {
    await run();
  } catch (err) {
    if (err instanceof FileProblem) return err;
    throw new Error(`expected a FileProblem, got ${String(err)}`);
  }
  throw new Error('expected the file to be refused, but it was accepted');
}

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

const workbookParts = (sheet: string): ZipPart[] => [
  { name: '[Content_Types].xml', data: CONTENT_TYPES },
  { name: 'xl/workbook.xml', data: WORKBOOK_XML },
  { name: 'xl/worksheets/sheet1.xml', data: sheet },
];

describe('LIMITS', () => {
  it('documents caps that leave room for a 100,000-row × 13-column register', () => {
    expect(LIMITS.maxRowsPerSheet).toBeGreaterThanOrEqual(100_001);
    expect(LIMITS.maxCells).toBeGreaterThanOrEqual(100_001 * 13);
    // Measured: such a register inflates to 71 MB and is 7 MB on disk (limits.ts).
    expect(LIMITS.maxInflatedBytes).toBeGreaterThanOrEqual(2 * 71 * 1024 * 1024);
    expect(LIMITS.maxFileBytes).toBeGreaterThanOrEqual(4 * 7 * 1024 * 1024);
    expect(Object.isFrozen(LIMITS)).toBe(true);
  });
});

describe('inspectXlsxFile refuses the hostile corpus', () => {
  it.each(['not-a-zip', 'csv-renamed', 'empty', 'truncated', 'zip-bomb', 'zip-bomb-lying-sizes', 'encrypted', 'legacy-xls', 'legacy-xls-renamed', 'zip-not-workbook', 'over-row-cap', 'over-size-cap', 'huge-merge', 'huge-validation', 'huge-table', 'row-beyond-grid'])(
    '%s',
    async (id) => {
      const entry = corpus.find((c) => c.id === id)!;
      const started = Date.now();
      const problem = await problemOf(() => inspectXlsxFile(entry.file));
      expect(problem.file).toBe(entry.file);
      expect(problem.message).toMatch(entry.expect);
      expect(problem.message).not.toMatch(/[\r\n]/);
      expect(Date.now() - started).toBeLessThan(10_000);
    },
  );
});

describe('inspectXlsxBytes (browser path) refuses the same corpus', () => {
  it('refuses every file with the same reason as the Node path', async () => {
    for (const entry of corpus) {
      const bytes = await fs.readFile(entry.file);
      const problem = await problemOf(() => inspectXlsxBytes(new Uint8Array(bytes), path.basename(entry.file)));
      expect(problem.file).toBe(path.basename(entry.file));
      expect([entry.id, problem.message]).toEqual([entry.id, expect.stringMatching(entry.expect)]);
    }
  });
});

describe('genuine workbooks pass', () => {
  it('returns the bytes of a register written by ExcelJS, and ExcelJS loads them', async () => {
    const bytes = await smallRegister(500);
    const file = await write('genuine.xlsx', bytes);
    const out = await inspectXlsxFile(file);
    expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
    await expect(inspectXlsxBytes(new Uint8Array(bytes), 'genuine.xlsx')).resolves.toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(() => assertWithinCaps(wb, file)).not.toThrow();
  });

  it('accepts a sheet exactly at the row cap and refuses one row more (chunk boundaries included)', async () => {
    const at = await write('at-cap.xlsx', writeZip(workbookParts(sheetXml(1000))));
    await expect(inspectXlsxFile(at, { maxRowsPerSheet: 1000 })).resolves.toBeInstanceOf(Buffer);
    const problem = await problemOf(() => inspectXlsxFile(at, { maxRowsPerSheet: 999 }));
    expect(problem.message).toMatch(/xl\/worksheets\/sheet1\.xml has more than 999 rows/);
  });
});

describe('caps and directory checks (caps lowered to keep files small)', () => {
  it('refuses a workbook over the cell cap before ExcelJS sees it', async () => {
    const file = await write('cells.xlsx', writeZip(workbookParts(sheetXml(100, 5))));
    await expect(inspectXlsxFile(file, { maxCells: 500 })).resolves.toBeInstanceOf(Buffer);
    expect((await problemOf(() => inspectXlsxFile(file, { maxCells: 499 }))).message).toMatch(/more than 499 cells/);
  });

  it('refuses too many shared strings', async () => {
    const strings = `<sst>${'<si><t>x</t></si>'.repeat(50)}</sst>`;
    const file = await write('sst.xlsx', writeZip([...workbookParts(sheetXml(1)), { name: 'xl/sharedStrings.xml', data: strings }]));
    expect((await problemOf(() => inspectXlsxFile(file, { maxCells: 49 }))).message).toMatch(/more than 49 shared strings/);
  });

  it('refuses a file over the size cap without reading it', async () => {
    const file = await write('big.xlsx', await smallRegister(50));
    expect((await problemOf(() => inspectXlsxFile(file, { maxFileBytes: 1000 }))).message).toMatch(/over the 1000 bytes limit|over the 1 KB limit/);
  });

  it('refuses too many parts, a high ratio, and an inflated total over the cap', async () => {
    const many = await write('many.xlsx', writeZip([...workbookParts(sheetXml(1)), ...Array.from({ length: 20 }, (_, i) => ({ name: `xl/media/p${i}.txt`, data: 'x' }))]));
    expect((await problemOf(() => inspectXlsxFile(many, { maxEntries: 10 }))).message).toMatch(/23 parts, over the limit of 10/);
    const ratio = await write('ratio.xlsx', writeZip(workbookParts(`<worksheet>${' '.repeat(2_000_000)}</worksheet>`)));
    expect((await problemOf(() => inspectXlsxFile(ratio))).message).toMatch(/compressed more than 200:1/);
    const total = await write('total.xlsx', writeZip(workbookParts(sheetXml(2000, 3))));
    expect((await problemOf(() => inspectXlsxFile(total, { maxInflatedBytes: 50_000 }))).message).toMatch(/expands to more than/);
  });

  it('names other spreadsheet formats and refuses encrypted, oddly compressed or duplicated parts', async () => {
    const xlsb = await write('book.xlsx', writeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.bin', data: 'bin' }]));
    expect((await problemOf(() => inspectXlsxFile(xlsb))).message).toMatch(/\.xlsb/);
    const ods = await write('sheet.xlsx', writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: '<x/>' }]));
    expect((await problemOf(() => inspectXlsxFile(ods))).message).toMatch(/OpenDocument/);
    const enc = await write('enc.xlsx', writeZip([...workbookParts(sheetXml(1)), { name: 'xl/secret.xml', data: 'x', encryptedFlag: true }]));
    expect((await problemOf(() => inspectXlsxFile(enc))).message).toMatch(/password-protected/);
    const dup = await write('dup.xlsx', writeZip([...workbookParts(sheetXml(1)), { name: 'xl/workbook.xml', data: WORKBOOK_XML }]));
    expect((await problemOf(() => inspectXlsxFile(dup))).message).toMatch(/appears twice/);
  });

  it('reports a missing file and a folder plainly', async () => {
    expect((await problemOf(() => inspectXlsxFile(path.join(dir, 'nope.xlsx')))).message).toMatch(/not found/);
    expect((await problemOf(() => inspectXlsxFile(dir))).message).toMatch(/not a file/);
  });
});

describe('each part is inflated in one call, never past its declared size (Node and browser paths agree)', () => {
  const sheet = sheetXml(300, 4);
  const size = Buffer.byteLength(sheet);
  const withSheet = (part: Partial<ZipPart>): Buffer => writeZip([...workbookParts(sheet).slice(0, 2), { name: 'xl/worksheets/sheet1.xml', data: sheet, ...part }]);
  const both = async (name: string, bytes: Buffer): Promise<[string, string]> => {
    const file = await write(name, bytes);
    const node = (await problemOf(() => inspectXlsxFile(file))).message;
    const browser = (await problemOf(() => inspectXlsxBytes(new Uint8Array(bytes), name))).message;
    return [node, browser];
  };

  it('accepts a part exactly its declared size, deflated or stored', async () => {
    for (const [name, bytes] of [['exact.xlsx', withSheet({})], ['stored.xlsx', withSheet({ store: true })]] as const) {
      await expect(inspectXlsxFile(await write(name, bytes))).resolves.toBeInstanceOf(Buffer);
      await expect(inspectXlsxBytes(new Uint8Array(bytes), name)).resolves.toBeUndefined();
    }
  });

  it('refuses a part one byte longer than it declares', async () => {
    const [node, browser] = await both('one-over.xlsx', withSheet({ declare: { uncompressedSize: size - 1 } }));
    expect(node).toMatch(/the part xl\/worksheets\/sheet1\.xml expands past its declared size.*zip bomb/);
    expect(browser).toBe(node);
  });

  it('refuses a part shorter than it declares, and a corrupt deflate stream', async () => {
    const [node, browser] = await both('short.xlsx', withSheet({ declare: { uncompressedSize: size + 10 } }));
    expect(node).toMatch(/damaged or truncated \(the part xl\/worksheets\/sheet1\.xml is shorter than its declared size\)/);
    expect(browser).toBe(node);
    const deflated = zlib.deflateRawSync(Buffer.from(sheet));
    deflated.fill(0xff, 10, 40); // garbage in the middle of the stream
    const corrupt = await both('corrupt.xlsx', writeZip([...workbookParts(sheet).slice(0, 2), { name: 'xl/worksheets/sheet1.xml', deflated: { bytes: deflated, size, crc: 0 } }]));
    expect(corrupt[0]).toMatch(/damaged or truncated/);
    expect(corrupt[1]).toMatch(/damaged or truncated/);
  });

  it('never lets zlib allocate past the declared size: the lying bomb costs a few KB', async () => {
    const entry = corpus.find((c) => c.id === 'zip-bomb-lying-sizes')!;
    const spy = jest.spyOn(zlib, 'inflateRawSync'); // the module object itself, which inspect.ts reads at each call
    try {
      expect((await problemOf(() => inspectXlsxFile(entry.file))).message).toMatch(entry.expect);
      const sheetCall = spy.mock.calls.find(([raw]) => (raw as Buffer).length > 100_000)!;
      // Declared 4,096 bytes: one output buffer of 4,097 bytes, and an error once it would fill.
      expect(sheetCall[1]).toEqual({ chunkSize: 4097, maxOutputLength: 4096 });
      expect(spy.mock.results.find((r, i) => spy.mock.calls[i] === sheetCall)!.type).toBe('throw');
    } finally {
      spy.mockRestore();
    }
  });

  it('still counts rows and cells of a part inflated whole', async () => {
    const file = await write('rows.xlsx', withSheet({}));
    await expect(inspectXlsxFile(file, { maxRowsPerSheet: 300, maxCells: 1200 })).resolves.toBeInstanceOf(Buffer);
    expect((await problemOf(() => inspectXlsxFile(file, { maxRowsPerSheet: 299 }))).message).toMatch(/more than 299 rows/);
    expect((await problemOf(() => inspectXlsxFile(file, { maxCells: 1199 }))).message).toMatch(/more than 1,199 cells/);
  });
});

describe('rangeArea', () => {
  it('counts cells of references as ExcelJS would expand them', () => {
    expect(rangeArea('A1')).toBe(1);
    expect(rangeArea('A1:B2')).toBe(4);
    expect(rangeArea('$A$1:$M$1048576')).toBe(13 * 1_048_576);
    expect(rangeArea('A1:A10 C1:C10  E5')).toBe(21);
    expect(rangeArea('D:D')).toBe(1_048_576);
    expect(rangeArea('3:4')).toBe(2 * 16_384);
    expect(rangeArea('B2:A1')).toBe(4);
    expect(rangeArea('A1:XFD1048576')).toBe(16_384 * 1_048_576);
    expect(rangeArea('a1:a99999999')).toBe(99_999_999); // beyond Excel's grid: ExcelJS would still expand it
    expect(rangeArea('')).toBe(0);
    expect(rangeArea('not-a-ref Sheet1!A1')).toBe(0);
  });
});

describe('PartCounter', () => {
  it('adds up merged, validated and table areas, including rules split across chunks and x14 rules', () => {
    const sheet = Buffer.from(
      '<worksheet><sheetData/><mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="A2:A5"/></mergeCells>' +
        '<dataValidations><dataValidation type="list" sqref="B2:B11 D2:D11"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>' +
        '<extLst><ext><x14:dataValidations><x14:dataValidation><xm:sqref>E1:E100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>',
    );
    for (const size of [1, 4, 13, sheet.length]) {
      const tally = newTally();
      const counter = new PartCounter('s', 'worksheet', LIMITS, tally);
      for (let i = 0; i < sheet.length; i += size) counter.push(sheet.subarray(i, i + size));
      expect([size, tally.merged, tally.validated]).toEqual([size, 7, 120]);
    }
    const tally = newTally();
    new PartCounter('t', 'table', LIMITS, tally).push(Buffer.from('<table id="1" name="Decisions" ref="A1:M201"><autoFilter ref="A1:M201"/></table>'));
    expect(tally.tableCells).toBe(13 * 201);
  });

  it('counts the same whatever the chunk size (tags split across chunks)', () => {
    const xml = Buffer.from(sheetXml(37, 3).replace(/<row /g, '<x:row ').replace(/<c /g, '<x:c '));
    for (const size of [1, 2, 3, 5, 7, 64, xml.length]) {
      const tally = newTally();
      const ok = new PartCounter('s', 'worksheet', { ...LIMITS, maxRowsPerSheet: 37, maxCells: 111 }, tally);
      for (let i = 0; i < xml.length; i += size) ok.push(xml.subarray(i, i + size));
      ok.end();
      expect(tally.cells).toBe(111);
      const tight = new PartCounter('s', 'worksheet', { ...LIMITS, maxRowsPerSheet: 36 }, newTally());
      expect(() => {
        for (let i = 0; i < xml.length; i += size) tight.push(xml.subarray(i, i + size));
      }).toThrow(ZipCheckFailure);
    }
  });

  it("refuses rows, cells, merges and hyperlinks beyond Excel's grid, and accepts its last cell", () => {
    const run = (xml: string) => () => {
      const counter = new PartCounter('s', 'worksheet', LIMITS, newTally());
      const bytes = Buffer.from(xml);
      for (let i = 0; i < bytes.length; i += 5) counter.push(bytes.subarray(i, i + 5));
      counter.end();
    };
    expect(run('<row r="1048576" spans="1:1"><c r="XFD1048576" s="1"><v>1</v></c></row>')).not.toThrow();
    expect(run('<row r = \'1048577\'>')).toThrow(/beyond Excel's last row/);
    expect(run('<row r="1"><c r="XFE1"/></row>')).toThrow(/beyond/);
    expect(run('<row r="1"><c s="2" r="$A$99999999999999999999"/></row>')).toThrow(/beyond/);
    expect(run('<mergeCells><mergeCell ref="A1048577:A1048577"/></mergeCells>')).toThrow(/beyond/);
    expect(run('<hyperlinks><hyperlink ref="A2000000" location="x"/></hyperlinks>')).toThrow(/beyond/);
    expect(run('<hyperlinks><hyperlink ref="A1:XFD1048576" location="x"/></hyperlinks>')).not.toThrow();
  });

  it('ignores end tags, comments, declarations and longer names that start like counted ones', () => {
    const tally = newTally();
    const counter = new PartCounter('s', 'worksheet', LIMITS, tally);
    counter.push(Buffer.from('<?xml version="1.0"?><cols><col min="1"/></cols><!-- note --><rowBreaks/><c/><c>1</c></row><cfRule/>'));
    expect(tally.cells).toBe(2);
    // Tags inside comments are counted: the count is a cheap upper bound, never an undercount.
  });
});

describe('assertWithinCaps (after ExcelJS has loaded)', () => {
  it('names the sheet over the row cap on one line, and refuses a workbook over the cell cap', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Big\nsheet');
    for (let r = 1; r <= 30; r++) ws.addRow([r, r, r]);
    expect(() => assertWithinCaps(wb, 'f.xlsx', { maxRowsPerSheet: 30, maxCells: 90 })).not.toThrow();
    expect(() => assertWithinCaps(wb, 'f.xlsx', { maxRowsPerSheet: 29 })).toThrow(/the sheet "Big sheet" has 30 rows, over the limit of 29/);
    expect(() => assertWithinCaps(wb, 'f.xlsx', { maxCells: 89 })).toThrow(FileProblem);
  });
});
