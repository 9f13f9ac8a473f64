/**
 * Meters bytes while parts are actually inflated, because a zip's declared sizes can lie.
 * Aborts (throws ZipCheckFailure) as soon as a part outgrows its declared size or ratio, the
 * workbook outgrows its inflated-size cap, or a worksheet outgrows the row or cell caps.
 * Pure: fed whole parts in Node (each inflated in one call capped at its declared size) and
 * DecompressionStream chunks in the browser.
 */
import { formatBytes, type XlsxLimits } from './limits';
import { newTally, PartCounter, type PartRole } from './part-counter';
import { checkRatio, inflatedTooLarge, isSharedStringsPart, isTablePart, isWorksheetPart, ZipCheckFailure, type ZipEntryInfo } from './zip-directory';

export class InflateBudget {
  private total = 0;
  private readonly tally = newTally();

  constructor(private readonly limits: XlsxLimits) {}

  /** Starts metering one part; feed its inflated chunks to the returned meter. */
  entry(e: Pick<ZipEntryInfo, 'name' | 'compressedSize' | 'uncompressedSize'>): EntryMeter {
    const role: PartRole | null = isWorksheetPart(e.name)
      ? 'worksheet'
      : isSharedStringsPart(e.name)
        ? 'sharedStrings'
        : isTablePart(e.name)
          ? 'table'
          : null;
    const counter = role ? new PartCounter(e.name, role, this.limits, this.tally) : null;
    let inflated = 0;
    return {
      push: (chunk: Uint8Array) => {
        inflated += chunk.length;
        this.total += chunk.length;
        if (this.total > this.limits.maxInflatedBytes) throw new ZipCheckFailure(inflatedTooLarge(this.limits));
        if (inflated > e.uncompressedSize) {
          throw new ZipCheckFailure(lyingSize(e.name, e.uncompressedSize));
        }
        checkRatio(e.name, inflated, e.compressedSize, this.limits);
        counter?.push(chunk);
      },
      end: () => {
        counter?.end();
        if (inflated !== e.uncompressedSize) {
          throw new ZipCheckFailure(
            `the file is damaged or truncated (the part ${e.name} is shorter than its declared size); copy it again or re-save it from Excel`,
          );
        }
      },
    };
  }
}

export interface EntryMeter {
  push(chunk: Uint8Array): void;
  end(): void;
}

export function lyingSize(name: string, declared: number): string {
  return `the part ${name} expands past its declared size of ${formatBytes(declared)}; the file is damaged or crafted to hide its size (it may be a zip bomb) and was refused before reading`;
}
