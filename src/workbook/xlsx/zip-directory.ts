/**
 * A small, pure reader of a zip file's signature and central directory (no Node, no DOM), so the
 * CLI and the browser can judge a file before any parser inflates it. It never inflates anything.
 * Every check returns a one-line message a person can act on (callers wrap it in FileProblem).
 */
import { formatBytes, formatCount, type XlsxLimits } from './limits';

export type FileKind = 'empty' | 'zip' | 'cfb-encrypted' | 'cfb-xls' | 'cfb' | 'text' | 'unknown';

export interface ZipEntryInfo {
  readonly name: string;
  readonly flags: number;
  /** 0 = stored, 8 = deflate. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** A check failed; `message` is the one line shown to the person. */
export class ZipCheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipCheckFailure';
  }
}

export const MESSAGES = {
  empty: 'the file is empty (0 bytes), so it is not an Excel workbook',
  encrypted:
    'the workbook is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook) and save it as an unprotected .xlsx',
  legacyXls: 'the file is a legacy .xls workbook, not .xlsx; open it in Excel and save it as Excel Workbook (.xlsx)',
  cfb: 'the file is password-protected (encrypted) or a legacy .xls workbook; save it as an unprotected .xlsx',
  text: 'the file is not an .xlsx workbook (it looks like CSV or plain text); open it in Excel and save it as Excel Workbook (.xlsx)',
  unknown: 'the file is not an .xlsx workbook (it is not a zip archive); save it from Excel as Excel Workbook (.xlsx)',
  damaged: 'the file is damaged or truncated (its zip directory cannot be read); copy it again or re-save it from Excel',
  notWorkbook:
    'the file is a zip file but not an Excel workbook (it has no xl/workbook.xml); save the register from Excel as .xlsx',
  xlsb: 'the file is a binary Excel workbook (.xlsb), not .xlsx; open it in Excel and save it as Excel Workbook (.xlsx)',
  ods: 'the file is an OpenDocument spreadsheet (.ods), not .xlsx; save it as Excel Workbook (.xlsx)',
} as const;

const SIG_ZIP_LOCAL = 0x04034b50;
const SIG_ZIP_EMPTY = 0x06054b50; // an empty zip starts with its end record
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** Does `needle` (ASCII) occur in `hay` as UTF-16LE? Used to tell encrypted packages from .xls in a CFB file. */
function containsUtf16(hay: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  const last = hay.length - needle.length * 2;
  for (let i = hay.indexOf(first); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 0;
    while (j < needle.length && hay[i + 2 * j] === needle.charCodeAt(j) && hay[i + 2 * j + 1] === 0) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Mostly printable text in the first bytes (CSV, TSV, HTML, XML or JSON saved with an .xlsx name). */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let start = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3; // UTF-8 BOM
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true; // UTF-16 BOM
  let bad = 0;
  for (let i = start; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32)) bad++;
  }
  return bad <= (n - start) / 100;
}

/** What kind of file these bytes are, from their first bytes (and, for CFB, its stream names). */
export function sniffKind(b: Uint8Array): FileKind {
  if (b.length === 0) return 'empty';
  if (b.length >= 4) {
    const sig = u32(b, 0);
    if (sig === SIG_ZIP_LOCAL || sig === SIG_ZIP_EMPTY) return 'zip';
  }
  if (b.length >= 8 && CFB.every((v, i) => b[i] === v)) {
    if (containsUtf16(b, 'EncryptedPackage')) return 'cfb-encrypted';
    if (containsUtf16(b, 'Workbook') || containsUtf16(b, 'Book')) return 'cfb-xls';
    return 'cfb';
  }
  return looksLikeText(b) ? 'text' : 'unknown';
}

/** The message for a file that is not a zip at all, or null when it is a zip. */
export function kindProblem(kind: FileKind): string | null {
  switch (kind) {
    case 'zip':
      return null;
    case 'empty':
      return MESSAGES.empty;
    case 'cfb-encrypted':
      return MESSAGES.encrypted;
    case 'cfb-xls':
      return MESSAGES.legacyXls;
    case 'cfb':
      return MESSAGES.cfb;
    case 'text':
      return MESSAGES.text;
    default:
      return MESSAGES.unknown;
  }
}

function damaged(): never {
  throw new ZipCheckFailure(MESSAGES.damaged);
}

/** Reads the central directory; throws ZipCheckFailure(MESSAGES.damaged) when it is missing or inconsistent. */
export function readCentralDirectory(b: Uint8Array, maxEntries: number): ZipEntryInfo[] {
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (b[i] === 0x50 && u32(b, i) === SIG_EOCD && i + 22 + u16(b, i + 20) <= b.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_ZIP64_LOCATOR) damaged();
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== SIG_ZIP64_EOCD) damaged();
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (cdOffset + cdSize > b.length) damaged();
  if (count > maxEntries) {
    throw new ZipCheckFailure(
      `the file has ${formatCount(count)} parts, over the limit of ${formatCount(maxEntries)} for a workbook; it may be a zip bomb and was refused before reading`,
    );
  }
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) damaged();
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > b.length) damaged();
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLen));
    // Zip64 sizes live in extra field 0x0001, in this order, only for the fields saturated above.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(b, e);
      const size = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = u64(b, q);
      }
      e += 4 + size;
    }
    if (localHeaderOffset + 30 > cdOffset || localHeaderOffset + compressedSize > cdOffset) damaged();
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = end;
  }
  return entries;
}

/** Is this part a worksheet (whose rows and cells are counted)? */
export function isWorksheetPart(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
}
export function isTablePart(name: string): boolean {
  return /^xl\/tables\/[^/]+\.xml$/i.test(name);
}
export function isSharedStringsPart(name: string): boolean {
  return /^xl\/sharedStrings\.xml$/i.test(name);
}

/** Checks what the directory declares: parts that make an .xlsx, encryption, methods, sizes, ratios. */
export function checkDeclaredEntries(entries: readonly ZipEntryInfo[], limits: XlsxLimits): void {
  const names = new Set<string>();
  for (const e of entries) {
    // The same part twice means two readers may see two different workbooks: refuse.
    if (names.has(e.name)) throw new ZipCheckFailure(`the file is damaged: the part ${e.name} appears twice; re-save it from Excel`);
    names.add(e.name);
  }
  if (!names.has('xl/workbook.xml') || !names.has('[Content_Types].xml')) {
    if (names.has('xl/workbook.bin')) throw new ZipCheckFailure(MESSAGES.xlsb);
    if (names.has('mimetype') && names.has('content.xml')) throw new ZipCheckFailure(MESSAGES.ods);
    throw new ZipCheckFailure(MESSAGES.notWorkbook);
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw new ZipCheckFailure(MESSAGES.encrypted);
    if (e.method !== 0 && e.method !== 8) {
      throw new ZipCheckFailure(`the part ${e.name} uses an unsupported compression method (${e.method}); re-save the file from Excel as .xlsx`);
    }
    total += e.uncompressedSize;
    if (total > limits.maxInflatedBytes) throw new ZipCheckFailure(inflatedTooLarge(limits));
    checkRatio(e.name, e.uncompressedSize, e.compressedSize, limits);
  }
}

export function inflatedTooLarge(limits: XlsxLimits): string {
  return `the file expands to more than ${formatBytes(limits.maxInflatedBytes)} when opened (the limit for a register); it may be a zip bomb and was refused before reading`;
}

/** Refuses a part that inflates far more than real spreadsheet XML does (checked on declared and actual sizes). */
export function checkRatio(name: string, inflated: number, compressed: number, limits: XlsxLimits): void {
  if (inflated > limits.ratioFloorBytes && inflated > Math.max(compressed, 1) * limits.maxRatio) {
    throw new ZipCheckFailure(
      `the part ${name} is compressed more than ${limits.maxRatio}:1 (${formatBytes(compressed)} expanding past ${formatBytes(inflated)}); it may be a zip bomb and was refused before reading`,
    );
  }
}
