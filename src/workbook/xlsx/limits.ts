/**
 * Caps on what an .xlsx file may hold before ExcelJS is allowed to see it. Pure data (browser-safe).
 *
 * Why these numbers (measured on this project's 2-core Linux machine, ExcelJS 4.4.0, Node 20;
 * see docs/security.md): a legitimate 100,000-row × 13-column register (1.3 million cells) is
 * 7 MB on disk and inflates to 71 MB (sheet XML 9:1, shared strings 18:1); these checks take
 * 0.3 s of CPU and under 90 MB for it, then ExcelJS loads it in 4–5 s using about 700 MB. ExcelJS needs about 11×
 * the inflated size in memory, so a file inflating to 475 MB exhausts it (known-traps.md).
 * The caps allow about twice that register and refuse anything far beyond it.
 */
export interface XlsxLimits {
  /** Largest file read from disk (bytes). */
  readonly maxFileBytes: number;
  /** Largest total of all parts once inflated (bytes), declared and actually inflated. */
  readonly maxInflatedBytes: number;
  /** Most parts (zip entries) a workbook may have. */
  readonly maxEntries: number;
  /** Highest inflated ÷ compressed ratio of one part … */
  readonly maxRatio: number;
  /** … checked only once that part inflates beyond this many bytes (tiny parts compress wildly). */
  readonly ratioFloorBytes: number;
  /** Most `<row>` elements in one worksheet. */
  readonly maxRowsPerSheet: number;
  /** Most `<c>` cells in the whole workbook (also caps shared strings and the cells of all tables). */
  readonly maxCells: number;
  /** Most cells inside merged ranges: ExcelJS builds every merged cell (2.6 million took 10 s and 790 MB). */
  readonly maxMergedCells: number;
  /**
   * Most cells under data-validation rules: ExcelJS expands a rule into one entry per cell
   * (a whole column is 1,048,576 entries, about 3 s and 120 MB; A1:M1048576 ran over 2 minutes).
   */
  readonly maxValidatedCells: number;
}

export const LIMITS: XlsxLimits = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 160 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxRowsPerSheet: 200_000,
  maxCells: 2_600_000,
  maxMergedCells: 250_000,
  maxValidatedCells: 3_200_000,
});

/** The caps in force: LIMITS with any overrides (tests lower them to build small hostile files). */
export function limitsWith(overrides?: Partial<XlsxLimits>): XlsxLimits {
  return { ...LIMITS, ...(overrides ?? {}) };
}

/** "64 MB", "1.5 MB", "900 bytes" — sizes in messages people read. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const mb = n / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

/** 250000 → "250,000" without depending on the host's locale. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
