/**
 * Counts rows and cells in worksheet XML, and strings in the shared-strings part, as the bytes
 * stream out of the inflater — so an oversized workbook is refused before ExcelJS builds a
 * gigabyte of objects for it. Pure (Uint8Array only): the CLI and the browser both use it.
 *
 * It counts start tags by local name (`<row …>`, `<x:row>`, `<c …/>`, `<si>`); a tag split across
 * two chunks is carried over. It does not parse XML: it only has to be a cheap upper bound.
 */
import { formatCount, type XlsxLimits } from './limits';
import { ZipCheckFailure } from './zip-directory';

const LT = 0x3c;
const MAX_NAME = 40; // longer tag names are never ones we count

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3e /* > */ || c === 0x2f /* / */;
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

export type PartRole = 'worksheet' | 'sharedStrings';

/** Counts one part; call `push` per inflated chunk and `end` once. Throws ZipCheckFailure past a cap. */
export class PartCounter {
  private carry: Uint8Array = new Uint8Array(0);
  private rows = 0;
  private strings = 0;

  constructor(
    private readonly part: string,
    private readonly role: PartRole,
    private readonly limits: XlsxLimits,
    /** Cells already counted in other worksheets; shared across the workbook. */
    private readonly cells: { count: number },
  ) {}

  push(chunk: Uint8Array): void {
    let b = chunk;
    if (this.carry.length > 0) {
      b = new Uint8Array(this.carry.length + chunk.length);
      b.set(this.carry, 0);
      b.set(chunk, this.carry.length);
      this.carry = new Uint8Array(0);
    }
    for (let lt = b.indexOf(LT); lt !== -1; lt = b.indexOf(LT, lt + 1)) {
      const name = tagAt(b, lt);
      if (name === -1) {
        this.carry = b.slice(lt);
        return;
      }
      if (name !== null) this.count(name);
    }
  }

  end(): void {
    this.carry = new Uint8Array(0);
  }

  private count(name: string): void {
    const { limits } = this;
    if (this.role === 'worksheet') {
      if (name === 'row' && ++this.rows > limits.maxRowsPerSheet) {
        throw new ZipCheckFailure(
          `the worksheet ${this.part} has more than ${formatCount(limits.maxRowsPerSheet)} rows (the limit per sheet); delete unused rows or split the register`,
        );
      }
      if (name === 'c' && ++this.cells.count > limits.maxCells) throw new ZipCheckFailure(tooManyCells(limits));
    } else if (name === 'si' && ++this.strings > limits.maxCells) {
      throw new ZipCheckFailure(`the workbook has more than ${formatCount(limits.maxCells)} shared strings (the limit is one per cell allowed); it was refused before reading`);
    }
  }
}

export function tooManyCells(limits: XlsxLimits): string {
  return `the workbook has more than ${formatCount(limits.maxCells)} cells (the limit for a register); delete unused sheets or rows, or split the register`;
}
