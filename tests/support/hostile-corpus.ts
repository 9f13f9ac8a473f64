/**
 * The hostile-file corpus, generated (never downloaded): each file the CLI must refuse with exit 2
 * and one plain line. `expect` matches the start of the message so a test fails when a file is
 * refused for the wrong reason.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CONTENT_TYPES, deflatedZeros, WORKBOOK_XML, writeZip, type ZipPart } from './zip-writer';

export interface CorpusFile {
  /** Short id used in test names and the report. */
  id: string;
  file: string;
  /** What a person must be told (matched against the FileProblem message / stderr line). */
  expect: RegExp;
}

/** A Compound File Binary header plus a directory sector naming `streams` (UTF-16LE), as Office writes. */
export function cfbFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    Buffer.from(name, 'utf16le').copy(dir, at);
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
  });
  return Buffer.concat([header, dir, Buffer.alloc(512, 0x41)]);
}

/** A small genuine register written by ExcelJS (a Decisions table), to truncate and to control against. */
export async function smallRegister(rows = 200): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Decisions');
  ws.addTable({
    name: 'Decisions',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: ['ID', 'Decided on', 'Decision', 'Owner', 'Due date', 'Status'].map((name) => ({ name })),
    rows: Array.from({ length: rows }, (_, i) => [
      `DEC-${i + 1}`,
      new Date(Date.UTC(2026, 0, 1 + (i % 28))),
      `Decision ${i + 1}: fund the service desk rota and review incident trends`,
      `Owner ${i % 9}`,
      new Date(Date.UTC(2026, 2, 1 + (i % 28))),
      'Open',
    ]),
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A sheet of `rows` rows, each with `cols` numeric cells: cheap XML for the row and cell caps. */
export function sheetXml(rows: number, cols = 1): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r + c}</v></c>`;
    parts.push(row + '</row>');
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

const BOMB_BYTES = 300 * 1024 * 1024;

/** A one-cell sheet followed by `tail` (merges, validations…) inside the worksheet element. */
function workbookWithSheet(tail: string): ZipPart[] {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row></sheetData>${tail}</worksheet>`;
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK_XML },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
}

/** Writes every hostile file into `dir` and lists them. */
export async function buildCorpus(dir: string): Promise<CorpusFile[]> {
  await fs.mkdir(dir, { recursive: true });
  const zeros = deflatedZeros(BOMB_BYTES);
  const register = await smallRegister();
  const files: { id: string; name: string; bytes: Buffer; expect: RegExp }[] = [
    {
      id: 'not-a-zip',
      name: 'random-bytes.xlsx',
      bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      expect: /not an \.xlsx workbook \(it is not a zip archive\)/,
    },
    {
      id: 'csv-renamed',
      name: 'register.csv.xlsx',
      bytes: Buffer.from('ID,Decided on,Decision\nDEC-1,2026-01-05,Fund the rota\nDEC-2,2026-02-01,"Hire, train"\n'),
      expect: /not an \.xlsx workbook \(it looks like CSV or plain text\)/,
    },
    { id: 'empty', name: 'empty.xlsx', bytes: Buffer.alloc(0), expect: /empty \(0 bytes\)/ },
    {
      id: 'truncated',
      name: 'truncated.xlsx',
      bytes: register.subarray(0, Math.floor(register.length * 0.6)),
      expect: /damaged or truncated/,
    },
    {
      id: 'zip-bomb',
      name: 'zip-bomb.xlsx',
      bytes: writeZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK_XML },
        { name: 'xl/worksheets/sheet1.xml', deflated: zeros },
      ]),
      expect: /may be a zip bomb/,
    },
    {
      id: 'zip-bomb-lying-sizes',
      name: 'zip-bomb-lying.xlsx',
      bytes: writeZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK_XML },
        // Declares 4 KB so a directory check alone would wave it through; it inflates to 300 MB.
        { name: 'xl/worksheets/sheet1.xml', deflated: zeros, declare: { uncompressedSize: 4096 } },
      ]),
      expect: /expands past its declared size.*zip bomb/,
    },
    {
      id: 'encrypted',
      name: 'password-protected.xlsx',
      bytes: cfbFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
      expect: /password-protected \(encrypted\)/,
    },
    {
      id: 'legacy-xls',
      name: 'legacy.xls',
      bytes: cfbFile(['Workbook', '\u0005SummaryInformation']),
      expect: /legacy \.xls workbook/,
    },
    {
      id: 'legacy-xls-renamed',
      name: 'legacy-renamed.xlsx',
      bytes: cfbFile(['Workbook']),
      expect: /legacy \.xls workbook/,
    },
    {
      id: 'zip-not-workbook',
      name: 'document.xlsx',
      bytes: writeZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'word/document.xml', data: '<w:document/>' },
      ]),
      expect: /zip file but not an Excel workbook/,
    },
    {
      id: 'over-row-cap',
      name: 'too-many-rows.xlsx',
      bytes: writeZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK_XML },
        { name: 'xl/worksheets/sheet1.xml', data: sheetXml(200_001) },
      ]),
      expect: /more than 200,000 rows/,
    },
    {
      id: 'huge-merge',
      name: 'huge-merge.xlsx',
      bytes: writeZip(workbookWithSheet('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
      expect: /merges more than 250,000 cells/,
    },
    {
      // A 1 KB file that kept ExcelJS busy for over 2 minutes: one rule over 13.6 million cells.
      id: 'huge-validation',
      name: 'huge-validation.xlsx',
      bytes: writeZip(
        workbookWithSheet('<dataValidations count="1"><dataValidation type="list" sqref="A1:M1048576"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>'),
      ),
      expect: /data validation \(dropdowns\) over more than 3,200,000 cells/,
    },
    {
      // A 1 KB file whose second row is numbered 50,000,000: it kept the CLI busy for over a minute.
      id: 'row-beyond-grid',
      name: 'row-beyond-grid.xlsx',
      bytes: writeZip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/workbook.xml', data: WORKBOOK_XML },
        {
          name: 'xl/worksheets/sheet1.xml',
          data: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="50000000"><c r="A50000000"><v>1</v></c></row></sheetData></worksheet>',
        },
      ]),
      expect: /refers to cells beyond Excel's last row/,
    },
    {
      id: 'huge-table',
      name: 'huge-table.xlsx',
      bytes: writeZip([
        ...workbookWithSheet(''),
        { name: 'xl/tables/table1.xml', data: '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Decisions" displayName="Decisions" ref="A1:XFD1048576"/>' },
      ]),
      expect: /the table in xl\/tables\/table1\.xml spans A1:XFD1048576/,
    },
  ];
  const out: CorpusFile[] = [];
  for (const f of files) {
    const file = path.join(dir, f.name);
    await fs.writeFile(file, f.bytes);
    out.push({ id: f.id, file, expect: f.expect });
  }
  // 65 MB on disk but sparse (no real disk or memory used): refused on its size before any read.
  const huge = path.join(dir, 'huge.xlsx');
  await fs.writeFile(huge, register);
  await fs.truncate(huge, 65 * 1024 * 1024);
  out.push({ id: 'over-size-cap', file: huge, expect: /the file is 65 MB, over the 64 MB limit/ });
  return out;
}
