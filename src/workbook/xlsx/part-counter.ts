/**
 * Counts what ExcelJS would build from each part, as the bytes stream out of the inflater — so an
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

/** Local name (after any `prefix:`) of the tag starting at `lt`, or null when it is not a start tag; -1 when cut off. */
function tagAt(b: Uint8Array, lt: number): string | null | -1 {
  let i = lt + 1;
  if (i >= b.length) return -1;
  const first = b[i];
  if (first === 0x2f || first === 0x3f || first === 0x21) return null; // </x>, <?x?>, <!-- -->
  let localStart = i;
  for (; i < b.length && i - lt <= MAX_NAME; i++) {
    const c = b[i];
    if (isNameEnd(c)) {
      let s = '';
      for (let k = localStart; k < i; k++) s += String.fromCharCode(b[k]);
      return s;
    }
    if (c === 0x3a /* : */) localStart = i + 1;
  }
  return i - lt > MAX_NAME ? null : -1;
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

/** Tags whose attributes (or text) name a range that ExcelJS expands. */
const RANGE_TAGS: Record<PartRole, ReadonlySet<string>> = {
  worksheet: new Set(['mergeCell', 'dataValidation', 'sqref', 'hyperlink']),
  sharedStrings: new Set(),
  table: new Set(['table']),
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
    const wanted = RANGE_TAGS[this.role];
    const sheet = this.role === 'worksheet';
    for (let lt = b.indexOf(LT); lt !== -1; lt = b.indexOf(LT, lt + 1)) {
      const name = tagAt(b, lt);
      if (name === -1) {
        this.carry = b.slice(lt);
        return;
      }
      if (name === null) continue;
      const isRange = wanted.has(name);
      const isCell = sheet && (name === 'row' || name === 'c');
      if (!isRange && !isCell) {
        this.count(name);
        continue;
      }
      // Needs the whole start tag (cells: up to '>'; ranges: also any text up to the next '<',
      // for <xm:sqref>A1:A9</xm:sqref>). Counted only once complete, so a carried tag counts once.
      const end = isRange ? b.indexOf(LT, lt + 1) : b.indexOf(GT, lt + 1);
      if (end === -1) {
        if (b.length - lt > MAX_TAG) throw new ZipCheckFailure(`the part ${this.part} has a malformed tag; re-save the file from Excel`);
        this.carry = b.slice(lt);
        return;
      }
      if (isCell) {
        this.count(name);
        this.checkCellRef(name, b, lt + 1 + name.length, end);
      } else {
        let text = '';
        for (let k = lt; k < end; k++) text += String.fromCharCode(b[k]);
        this.range(name, text);
        lt = end - 1;
      }
    }
  }

  /** Refuses a row or cell placed beyond Excel's grid (ExcelJS would allocate up to it; r="50000000" hung the CLI). */
  private checkCellRef(name: string, b: Uint8Array, from: number, to: number): void {
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
        if (c >= 0x61 && c <= 0x7a && name === 'c') col = Math.min(col * 26 + (c - 0x60), MAX_COL + 1);
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
    const name = b.length > 0 ? tagAt(b, 0) : null;
    if (typeof name === 'string' && RANGE_TAGS[this.role].has(name)) {
      let text = '';
      for (let k = 0; k < b.length; k++) text += String.fromCharCode(b[k]);
      this.range(name, text);
    }
  }

  private count(name: string): void {
    const { limits, tally } = this;
    if (this.role === 'worksheet') {
      if (name === 'row' && ++this.rows > limits.maxRowsPerSheet) {
        throw new ZipCheckFailure(
          `the worksheet ${this.part} has more than ${formatCount(limits.maxRowsPerSheet)} rows (the limit per sheet); delete unused rows or split the register`,
        );
      }
      if (name === 'c' && ++tally.cells > limits.maxCells) throw new ZipCheckFailure(tooManyCells(limits));
    } else if (this.role === 'sharedStrings' && name === 'si' && ++this.strings > limits.maxCells) {
      throw new ZipCheckFailure(`the workbook has more than ${formatCount(limits.maxCells)} shared strings (the limit is one per cell allowed); it was refused before reading`);
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
