/**
 * Counts what ExcelJS would build from each part, from its inflated bytes in chunks of any size
 * (the CLI passes each part whole, the browser as DecompressionStream hands it over) — so an
 * oversized workbook is refused before ExcelJS spends gigabytes or minutes on it. Pure (Uint8Array
 * only): the CLI and the browser both use it.
 *
 * Counted by start tag local name (`<row …>`, `<x:row>`, `<c …/>`, `<si>`), plus the areas of the
 * ranges ExcelJS expands cell by cell: merged cells and data-validation ranges (a 1 KB file whose
 * rule covers A1:M1048576 keeps ExcelJS busy for minutes), and table extents (the reader walks
 * every cell of a table). It does not parse XML: it only has to be a cheap upper bound.
 */
import { formatCount, type XlsxLimits } from './limits';
import { ZipCheckFailure } from './zip-directory';

const LT = 0x3c;
const GT = 0x3e;
const MAX_NAME = 40; // longer tag names are never ones we count
/** A start tag we read attributes from may be this long (Excel writes a few KB at most). */
const MAX_TAG = 1024 * 1024;
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === GT || c === 0x2f /* / */;
}

// What a start tag is, as far as counting goes: small numbers, so the hot loop builds no strings
// (a 100k-row register has 5.7 million tags; building each name cost most of the check's time).
const OTHER = 0;
const ROW = 1;
const CELL = 2;
const SHARED_STRING = 3;
const MERGE_CELL = 4;
const DATA_VALIDATION = 5;
const SQREF = 6;
const HYPERLINK = 7;
const TABLE = 8;
/** The tag's name is cut off by the end of the chunk: carry it over to the next one. */
const CUT_OFF = -1;

const TAG_NAMES: readonly string[] = ['', 'row', 'c', 'si', 'mergeCell', 'dataValidation', 'sqref', 'hyperlink', 'table'];

function nameIs(b: Uint8Array, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (b[at + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** The counted tag whose local name (after any `prefix:`) is b[start, end), or OTHER. Case-sensitive, as XML is. */
function classify(b: Uint8Array, start: number, end: number): number {
  switch (end - start) {
    case 1:
      return b[start] === 0x63 /* c */ ? CELL : OTHER;
    case 2:
      return b[start] === 0x73 && b[start + 1] === 0x69 /* si */ ? SHARED_STRING : OTHER;
    case 3:
      return nameIs(b, start, 'row') ? ROW : OTHER;
    case 5:
      return nameIs(b, start, 'sqref') ? SQREF : nameIs(b, start, 'table') ? TABLE : OTHER;
    case 9:
      return nameIs(b, start, 'mergeCell') ? MERGE_CELL : nameIs(b, start, 'hyperlink') ? HYPERLINK : OTHER;
    case 14:
      return nameIs(b, start, 'dataValidation') ? DATA_VALIDATION : OTHER;
    default:
      return OTHER;
  }
}

/** The tag starting at `lt`: a counted kind, OTHER (end tags, comments, declarations, other names), or CUT_OFF. */
function tagAt(b: Uint8Array, lt: number): number {
  let i = lt + 1;
  if (i >= b.length) return CUT_OFF;
  const first = b[i];
  if (first === 0x2f || first === 0x3f || first === 0x21) return OTHER; // </x>, <?x?>, <!-- -->
  let localStart = i;
  for (; i < b.length && i - lt <= MAX_NAME; i++) {
    const c = b[i];
    if (isNameEnd(c)) return classify(b, localStart, i);
    if (c === 0x3a /* : */) localStart = i + 1;
  }
  return i - lt > MAX_NAME ? OTHER : CUT_OFF;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Cells covered by `A1:B2 D4 E:E 3:3`-style references (whole rows or columns count in full).
 * Not clamped to Excel's grid: ExcelJS expands whatever a file says, so A1:A99999999 counts in full.
 */
export function rangeArea(refs: string): number {
  let total = 0;
  for (const ref of refs.trim().split(/\s+/)) {
    const ends = ref.split(':');
    if (ref === '' || ends.length > 2) continue;
    const cells = ends.map((e) => /^\$?([A-Za-z]{0,4})\$?(\d{0,15})$/.exec(e));
    if (cells.some((m) => m === null || m[0] === '')) continue; // not a reference ExcelJS can expand
    const [a, b] = [cells[0]!, cells[cells.length - 1]!];
    const col = (m: RegExpExecArray, dflt: number) => (m[1] ? columnNumber(m[1]) : dflt);
    const row = (m: RegExpExecArray, dflt: number) => (m[2] ? Number(m[2]) : dflt);
    const cols = Math.abs(col(b, MAX_COL) - col(a, 1)) + 1;
    const rows = Math.abs(row(b, MAX_ROW) - row(a, 1)) + 1;
    total += rows * cols;
  }
  return total;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

export type PartRole = 'worksheet' | 'sharedStrings' | 'table';

/** Totals shared by every part of one workbook. */
export interface WorkbookTally {
  cells: number;
  merged: number;
  validated: number;
  tableCells: number;
}

export function newTally(): WorkbookTally {
  return { cells: 0, merged: 0, validated: 0, tableCells: 0 };
}

/** Tags whose attributes (or text) name a range that ExcelJS expands, and the tags counted one by one, per part. */
const RANGE_TAGS: Record<PartRole, readonly number[]> = {
  worksheet: [MERGE_CELL, DATA_VALIDATION, SQREF, HYPERLINK],
  sharedStrings: [],
  table: [TABLE],
};

/** Counts one part; call `push` per inflated chunk and `end` once. Throws ZipCheckFailure past a cap. */
export class PartCounter {
  private carry: Uint8Array = new Uint8Array(0);
  private rows = 0;
  private strings = 0;

  constructor(
    private readonly part: string,
    private readonly role: PartRole,
    private readonly limits: XlsxLimits,
    private readonly tally: WorkbookTally,
  ) {}

  push(chunk: Uint8Array): void {
    let b = chunk;
    if (this.carry.length > 0) {
      b = new Uint8Array(this.carry.length + chunk.length);
      b.set(this.carry, 0);
      b.set(chunk, this.carry.length);
      this.carry = new Uint8Array(0);
    }
    const ranges = RANGE_TAGS[this.role];
    const sheet = this.role === 'worksheet';
    const strings = this.role === 'sharedStrings';
    for (let lt = b.indexOf(LT); lt !== -1; lt = b.indexOf(LT, lt + 1)) {
      const tag = tagAt(b, lt);
      if (tag === CUT_OFF) {
        this.carry = b.slice(lt);
        return;
      }
      if (tag === OTHER) continue;
      if (strings) {
        if (tag === SHARED_STRING) this.countString();
        continue;
      }
      const isCell = sheet && (tag === ROW || tag === CELL);
      const isRange = !isCell && ranges.includes(tag);
      if (!isCell && !isRange) continue;
      // Needs the whole start tag (cells: up to '>'; ranges: also any text up to the next '<',
      // for <xm:sqref>A1:A9</xm:sqref>). Counted only once complete, so a carried tag counts once.
      const end = isRange ? b.indexOf(LT, lt + 1) : b.indexOf(GT, lt + 1);
      if (end === -1) {
        if (b.length - lt > MAX_TAG) throw new ZipCheckFailure(`the part ${this.part} has a malformed tag; re-save the file from Excel`);
        this.carry = b.slice(lt);
        return;
      }
      if (isCell) {
        this.countCell(tag);
        this.checkCellRef(tag === CELL, b, lt + 2, end);
      } else {
        let text = '';
        for (let k = lt; k < end; k++) text += String.fromCharCode(b[k]);
        this.range(TAG_NAMES[tag], text);
        lt = end - 1;
      }
    }
  }

  /** Refuses a row or cell placed beyond Excel's grid (ExcelJS would allocate up to it; r="50000000" hung the CLI). */
  private checkCellRef(isCell: boolean, b: Uint8Array, from: number, to: number): void {
    // Find ` r=` followed by a quote: the cell or row reference attribute.
    for (let i = from; i + 3 < to; i++) {
      const ws = b[i];
      if (!(ws === 0x20 || ws === 0x09 || ws === 0x0a || ws === 0x0d) || b[i + 1] !== 0x72 /* r */) continue;
      let j = i + 2;
      while (j < to && (b[j] === 0x20 || b[j] === 0x09)) j++;
      if (b[j] !== 0x3d /* = */) continue;
      j++;
      while (j < to && (b[j] === 0x20 || b[j] === 0x09)) j++;
      if (b[j] !== 0x22 && b[j] !== 0x27) continue;
      let col = 0;
      let row = 0;
      for (j++; j < to; j++) {
        const c = b[j] | 0x20; // lower-case letters
        if (c >= 0x61 && c <= 0x7a && isCell) col = Math.min(col * 26 + (c - 0x60), MAX_COL + 1);
        else if (b[j] >= 0x30 && b[j] <= 0x39) row = Math.min(row * 10 + (b[j] - 0x30), MAX_ROW + 1);
        else if (b[j] !== 0x24 /* $ */) break;
      }
      if (row > MAX_ROW || col > MAX_COL) throw new ZipCheckFailure(beyondGrid(this.part));
      return;
    }
  }

  end(): void {
    // A range tag cut off only by the end of the part (e.g. a table part that is one tag) still counts.
    const b = this.carry;
    this.carry = new Uint8Array(0);
    const tag = b.length > 0 ? tagAt(b, 0) : OTHER;
    if (RANGE_TAGS[this.role].includes(tag)) {
      let text = '';
      for (let k = 0; k < b.length; k++) text += String.fromCharCode(b[k]);
      this.range(TAG_NAMES[tag], text);
    }
  }

  private countCell(tag: number): void {
    const { limits, tally } = this;
    if (tag === ROW && ++this.rows > limits.maxRowsPerSheet) {
      throw new ZipCheckFailure(
        `the worksheet ${this.part} has more than ${formatCount(limits.maxRowsPerSheet)} rows (the limit per sheet); delete unused rows or split the register`,
      );
    }
    if (tag === CELL && ++tally.cells > limits.maxCells) throw new ZipCheckFailure(tooManyCells(limits));
  }

  private countString(): void {
    if (++this.strings > this.limits.maxCells) {
      throw new ZipCheckFailure(`the workbook has more than ${formatCount(this.limits.maxCells)} shared strings (the limit is one per cell allowed); it was refused before reading`);
    }
  }

  private range(name: string, text: string): void {
    const { limits, tally, part } = this;
    const refs = name === 'sqref' ? text.slice(text.indexOf('>') + 1) : (attribute(text, name === 'dataValidation' ? 'sqref' : 'ref') ?? '');
    if (beyondExcelGrid(refs)) throw new ZipCheckFailure(beyondGrid(part));
    if (name === 'hyperlink') return;
    if (name === 'mergeCell') {
      tally.merged += rangeArea(attribute(text, 'ref') ?? '');
      if (tally.merged > limits.maxMergedCells) {
        throw new ZipCheckFailure(
          `the worksheet ${part} merges more than ${formatCount(limits.maxMergedCells)} cells (the limit for a register); unmerge the large ranges and save again`,
        );
      }
      return;
    }
    if (name === 'dataValidation' || name === 'sqref') {
      tally.validated += rangeArea(refs);
      if (tally.validated > limits.maxValidatedCells) {
        throw new ZipCheckFailure(
          `the worksheet ${part} has data validation (dropdowns) over more than ${formatCount(limits.maxValidatedCells)} cells; limit the rules to the table's rows instead of whole columns and save again`,
        );
      }
      return;
    }
    if (name === 'table') {
      const ref = refs;
      const area = rangeArea(ref);
      tally.tableCells += area;
      const rows = ref.includes(':') ? area / Math.max(1, rangeArea(ref.replace(/\d+/g, '1'))) : 1;
      if (rows > limits.maxRowsPerSheet + 1 || tally.tableCells > limits.maxCells) {
        throw new ZipCheckFailure(
          `the table in ${part} spans ${ref.replace(/[^A-Za-z0-9:$]/g, '').slice(0, 30)} (${formatCount(area)} cells), over the limit for a register; resize the table to its rows and save again`,
        );
      }
    }
  }
}

/** Does any reference name a row past 1,048,576 or a column past XFD? (Excel cannot write one.) */
export function beyondExcelGrid(refs: string): boolean {
  for (const m of refs.matchAll(/\$?([A-Za-z]*)\$?(\d*)/g)) {
    if (m[1] && m[1].length <= 4 && columnNumber(m[1]) > MAX_COL) return true;
    if (m[1].length > 4 && /^[A-Za-z]+$/.test(m[1]) && m[2]) return true;
    if (m[2] && (m[2].length > 7 || Number(m[2]) > MAX_ROW)) return true;
  }
  return false;
}

function beyondGrid(part: string): string {
  return `the worksheet ${part} refers to cells beyond Excel's last row (1,048,576) or column (XFD), which Excel cannot save; the file was refused before reading`;
}

export function tooManyCells(limits: XlsxLimits): string {
  return `the workbook has more than ${formatCount(limits.maxCells)} cells (the limit for a register); delete unused sheets or rows, or split the register`;
}
