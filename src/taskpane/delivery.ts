/**
 * How a built auditor pack reaches the person: opened as a new workbook in Excel, or downloaded
 * in a browser. Components receive a PackDelivery; Office calls live in office-delivery.ts.
 */

export type DeliveryOutcome = 'opened' | 'downloaded';

export interface PackDelivery {
  deliver(bytes: Uint8Array, fileName: string): Promise<DeliveryOutcome>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Save the bytes as a file through the browser's download. */
export const downloadDelivery: PackDelivery = {
  async deliver(bytes, fileName) {
    // Copy into a fresh ArrayBuffer-backed view: Blob wants plain ArrayBuffer, not a shared one.
    const blob = new Blob([bytes.slice()], { type: XLSX_MIME });
    const url = URL.createObjectURL(blob);
    try {
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } finally {
      // Give the browser a moment to start the download before the URL goes away.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return 'downloaded';
  },
};

/** Base64 of bytes, in chunks so large packs do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function packFileName(asOf: string): string {
  return `Clause 5.1 auditor pack ${asOf}.xlsx`;
}
