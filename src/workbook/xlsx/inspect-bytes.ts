/**
 * The browser-safe check of an .xlsx held in memory (the task pane's file preview): the same
 * signature, directory and cap checks as the CLI, with no Node module. Parts are inflated with the
 * platform's DecompressionStream ('deflate-raw') while metering; where a platform lacks it, only
 * the declared sizes are checked (documented in docs/security.md).
 */
import { FileProblem } from '../file-problem';
import { InflateBudget } from './inflate-budget';
import { formatBytes, limitsWith, type XlsxLimits } from './limits';
import {
  checkDeclaredEntries,
  kindProblem,
  MESSAGES,
  readCentralDirectory,
  sniffKind,
  ZipCheckFailure,
  type ZipEntryInfo,
} from './zip-directory';

/** Signature, size and directory checks shared by both faces; returns the directory. Throws ZipCheckFailure. */
export function checkZipDirectory(bytes: Uint8Array, limits: XlsxLimits): ZipEntryInfo[] {
  const problem = kindProblem(sniffKind(bytes));
  if (problem) throw new ZipCheckFailure(problem);
  if (bytes.length > limits.maxFileBytes) throw new ZipCheckFailure(fileTooLarge(bytes.length, limits));
  const entries = readCentralDirectory(bytes, limits.maxEntries);
  checkDeclaredEntries(entries, limits);
  return entries;
}

export function fileTooLarge(size: number, limits: XlsxLimits): string {
  return `the file is ${formatBytes(size)}, over the ${formatBytes(limits.maxFileBytes)} limit for a register; remove images or unused sheets and save it again`;
}

/** Throws FileProblem(name, …) when the bytes are not an .xlsx this project will open. */
export async function inspectXlsxBytes(bytes: Uint8Array, name: string, overrides?: Partial<XlsxLimits>): Promise<void> {
  const limits = limitsWith(overrides);
  try {
    const entries = checkZipDirectory(bytes, limits);
    if (typeof DecompressionStream === 'function') await inflateAll(bytes, entries, limits);
  } catch (err) {
    if (err instanceof ZipCheckFailure) throw new FileProblem(name, err.message);
    throw err;
  }
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

async function inflateAll(bytes: Uint8Array, entries: readonly ZipEntryInfo[], limits: XlsxLimits): Promise<void> {
  const budget = new InflateBudget(limits);
  for (const e of entries) {
    const at = e.localHeaderOffset;
    if (at + 30 > bytes.length || u16(bytes, at) !== 0x4b50 || u16(bytes, at + 2) !== 0x0403) {
      throw new ZipCheckFailure(MESSAGES.damaged);
    }
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    if (start + e.compressedSize > bytes.length) throw new ZipCheckFailure(MESSAGES.damaged);
    const data = bytes.subarray(start, start + e.compressedSize);
    const meter = budget.entry(e);
    if (e.method === 0) {
      meter.push(data);
      meter.end();
      continue;
    }
    const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    try {
      for (;;) {
        let step: ReadableStreamReadResult<Uint8Array>;
        try {
          step = await reader.read();
        } catch {
          throw new ZipCheckFailure(MESSAGES.damaged);
        }
        if (step.done) break;
        meter.push(step.value);
      }
      meter.end();
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      throw err;
    }
  }
}
