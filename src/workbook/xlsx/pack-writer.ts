/**
 * The auditor pack as an .xlsx (ExcelJS), from the sheet models of src/domain/pack.ts.
 *
 * Values only: no cell is ever given a formula. ExcelJS writes a JS string as a shared-string
 * cell (`t="s"`), whatever it starts with, so `=cmd|…`, `+1`, `-1`, `@SUM(…)` stay text in
 * every spreadsheet engine (tests/workbook/pack-writer.test.ts checks the XML; the LibreOffice
 * test checks an independent engine). Sheets are protected without a password (read, select,
 * filter and resize, no edits); pages print landscape, fit to width, header rows repeated.
 *
 * Runs in Node and in the task pane's browser bundle (loaded only when asked): no Node imports.
 */
import { Workbook, type Cell, type Worksheet } from 'exceljs';
import { buildPack, MAX_CELL_TEXT, type PackColumn, type PackRow, type PackSheet, type PackValue } from '../../domain/pack';
import type { RawRegister, RawTable, Register, Result } from '../../domain/types';
import { fingerprintRegister, type RegisterFingerprint } from '../fingerprint';

export interface AuditorPackInput {
  readonly raw: RawRegister;
  readonly register: Register;
  readonly result: Result;
  readonly generatedAt: Date;
  /** The register's History table (header row first), when it has one. */
  readonly history?: RawTable;
  /** Precomputed fingerprints (e.g. shown by the caller too); computed from `raw` when absent. */
  readonly fingerprint?: RegisterFingerprint;
}

const DATE_FORMAT = 'yyyy-mm-dd';
const HEADER_FILL = 'FFDDE4EE';
const LINK_COLOUR = 'FF0563C1';
const NOTE_COLOUR = 'FF505050';
/** Excel refuses hyperlink addresses longer than this (and repairs the file). */
const MAX_LINK_LENGTH = 2_000;

/** Only these become clickable; anything else (javascript:, file paths, …) stays plain text. */
export function isSafeLink(text: string): boolean {
  if (text.length > MAX_LINK_LENGTH || !/^(https?:\/\/|mailto:)[^\s"<>]+$/i.test(text)) return false;
  // No control characters (\s covers tab and line breaks, not the rest).
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return false;
  return true;
}

function clampText(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** The value ExcelJS should store for a pack value. Strings stay strings: never `{ formula }`. */
function cellValue(value: PackValue): Cell['value'] {
  if (value === null) return null;
  if (typeof value === 'string') return clampText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  const text = clampText(value.link);
  return isSafeLink(text) ? { text, hyperlink: text } : text;
}

const wraps = (c: PackColumn | undefined): boolean => c !== undefined && (c.kind === 'wrap' || c.kind === 'link');

function setUpColumns(ws: Worksheet, columns: readonly PackColumn[]): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    const horizontal = c.align ?? (c.kind === 'date' ? 'center' : undefined);
    col.alignment = { vertical: 'top', wrapText: wraps(c), ...(horizontal ? { horizontal } : {}) };
    if (c.kind === 'date') col.numFmt = DATE_FORMAT;
  });
}

const LINE_HEIGHT = 15;
/** Named on every font we set, so engines without the theme (LibreOffice) do not fall back to a serif. */
const FONT = 'Calibri';

/**
 * Rows with wrapped text get an explicit height from an estimate of their line count: LibreOffice
 * does not re-measure rows of an imported .xlsx, so without it wrapped lines overprint on paper.
 */
function estimatedHeight(row: PackRow, columns: readonly PackColumn[], headerLike: boolean): number | undefined {
  let lines = 1;
  row.cells.forEach((v, i) => {
    const col = columns[i];
    if (!col || !(headerLike || wraps(col))) return;
    const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' && 'link' in v ? v.link : null;
    if (text === null || text.length === 0) return;
    // A column width unit is one digit; average text runs a little narrower.
    const perLine = Math.max(1, Math.floor(col.width * 1.2) - 1);
    let n = 0;
    for (const para of text.split(/\r\n|\r|\n/)) n += Math.max(1, Math.ceil(para.length / perLine));
    lines = Math.max(lines, n);
  });
  return lines > 1 ? Math.min(409, lines * LINE_HEIGHT + 2) : undefined;
}

/** A title, a heading or a one-cell note runs across the page instead of wrapping in column A. */
function runsAcross(row: PackRow): boolean {
  return row.style === 'title' || row.style === 'heading' || (row.style === 'note' && row.cells.filter((v) => v !== null).length === 1);
}

function styleRow(ws: Worksheet, rowNumber: number, row: PackRow, columns: readonly PackColumn[]): void {
  const width = columns.length;
  const r = ws.getRow(rowNumber);
  if (runsAcross(row)) {
    r.getCell(1).alignment = { vertical: 'top', wrapText: false };
  } else {
    const height = estimatedHeight(row, columns, row.style === 'header');
    if (height !== undefined) r.height = height;
  }
  switch (row.style) {
    case 'title':
      r.getCell(1).font = { name: FONT, bold: true, size: 14 };
      r.height = 20;
      break;
    case 'heading':
      r.getCell(1).font = { name: FONT, bold: true, size: 12 };
      r.height = 18;
      break;
    case 'header':
      for (let c = 1; c <= width; c++) {
        const cell = r.getCell(c);
        cell.font = { name: FONT, bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
        cell.border = { bottom: { style: 'thin' } };
        cell.alignment = { vertical: 'top', wrapText: true };
      }
      break;
    case 'note':
      row.cells.forEach((_v, i) => {
        r.getCell(i + 1).font = { name: FONT, italic: true, color: { argb: NOTE_COLOUR } };
      });
      break;
    case 'body':
      break;
  }
  row.formats?.forEach((f, i) => {
    if (f !== null && typeof row.cells[i] === 'number') r.getCell(i + 1).numFmt = f;
  });
}

async function writeSheet(wb: Workbook, sheet: PackSheet): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${sheet.name.replace(/&/g, '&&')}&RPage &P of &N` },
  });
  setUpColumns(ws, sheet.columns);
  const width = sheet.columns.length;
  const dateColumns = new Set(sheet.columns.flatMap((c, i) => (c.kind === 'date' ? [i] : [])));

  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    const values = row.cells.map(cellValue);
    const added = ws.addRow(values);
    // Hyperlinks read as links; dates outside date columns still show as dates.
    for (let c = 0; c < row.cells.length; c++) {
      const v = row.cells[c];
      if (v !== null && typeof v === 'object' && !(v instanceof Date) && typeof values[c] === 'object') {
        added.getCell(c + 1).font = { name: FONT, color: { argb: LINK_COLOUR }, underline: true };
      } else if (v instanceof Date && !dateColumns.has(c)) {
        added.getCell(c + 1).numFmt = DATE_FORMAT;
      }
    }
    styleRow(ws, i + 1, row, sheet.columns);
  }

  if (sheet.headerRow !== undefined) {
    ws.pageSetup.printTitlesRow = `${sheet.headerRow}:${sheet.headerRow}`;
    // Freeze only a header at the top; freezing a header lower down would pin half the screen.
    if (sheet.headerRow <= 2) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.headerRow }];
  }
  if (sheet.filterRow !== undefined && width > 0 && sheet.rows.length > sheet.filterRow) {
    ws.autoFilter = { from: { row: sheet.filterRow, column: 1 }, to: { row: sheet.rows.length, column: width } };
  }
  // No password: anyone can open and read; the protection only guards against accidental edits.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  });
}

/** The pack's sheet models written as an .xlsx workbook (ExcelJS object, before serialising). */
export async function buildAuditorPackWorkbook(input: AuditorPackInput): Promise<Workbook> {
  const fingerprint = input.fingerprint ?? (await fingerprintRegister(input.raw));
  const sheets = buildPack({ ...input, fingerprint });
  const wb = new Workbook();
  wb.creator = 'clause51';
  wb.lastModifiedBy = 'clause51';
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  wb.title = 'Clause 5.1 auditor pack';
  for (const sheet of sheets) await writeSheet(wb, sheet);
  return wb;
}

/** The auditor pack as .xlsx bytes. */
export async function writeAuditorPack(input: AuditorPackInput): Promise<Uint8Array> {
  const wb = await buildAuditorPackWorkbook(input);
  // Fast deflate: the pack is several times the register's content and is written on demand,
  // where level 1 costs about a tenth more bytes and saves much of the compression time.
  const out = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(out as ArrayBuffer);
}

/** Moved to ./history (the XlsxPort and the dashboard read it too); re-exported for existing callers. */
export { readHistoryTable } from './history';
