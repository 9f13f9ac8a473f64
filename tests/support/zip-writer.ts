/**
 * A tiny zip writer for building hostile test files (zip bombs, lying sizes, zips that are not
 * workbooks). Deliberately able to lie: `declare` overrides what the headers claim.
 */
import * as zlib from 'zlib';

export interface ZipPart {
  name: string;
  /** The part's content (deflated unless `store`), or already-deflated bytes via `deflated`. */
  data?: Buffer | string;
  /** Raw-deflate bytes produced elsewhere (e.g. streamed) and the true inflated size and CRC. */
  deflated?: { bytes: Buffer; size: number; crc: number };
  store?: boolean;
  /** Lie in the headers: claim these sizes instead of the true ones. */
  declare?: { uncompressedSize?: number; compressedSize?: number };
  /** Set the "encrypted" flag bit (without encrypting). */
  encryptedFlag?: boolean;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Buffer, prev = 0): number {
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw-deflates `size` zero bytes: the classic bomb payload (about 1,000:1). */
export function deflatedZeros(size: number): { bytes: Buffer; size: number; crc: number } {
  // A zero-filled buffer is mapped lazily by the OS, so even hundreds of MB cost little memory here.
  const zeros = Buffer.alloc(size);
  return { bytes: zlib.deflateRawSync(zeros, { level: 9 }), size, crc: fastCrc(zeros) };
}

/** zlib.crc32 where Node has it (20.15+), else the table version. */
function fastCrc(buf: Buffer): number {
  const native = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
  return native ? native(buf) : crc32(buf);
}

/** Builds a zip file from parts, in order. */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    let body: Buffer;
    let size: number;
    let crc: number;
    let method: number;
    if (part.deflated) {
      body = part.deflated.bytes;
      size = part.deflated.size;
      crc = part.deflated.crc;
      method = 8;
    } else {
      const raw = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data ?? '', 'utf8');
      size = raw.length;
      crc = fastCrc(raw);
      method = part.store ? 0 : 8;
      body = part.store ? raw : zlib.deflateRawSync(raw);
    }
    const claimedSize = part.declare?.uncompressedSize ?? size;
    const claimedCompressed = part.declare?.compressedSize ?? body.length;
    const flags = 0x0800 | (part.encryptedFlag ? 1 : 0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); // time + date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(claimedCompressed >>> 0, 18);
    local.writeUInt32LE(claimedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(claimedCompressed >>> 0, 20);
    central.writeUInt32LE(claimedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The minimum parts that make a zip look like an .xlsx to a directory check. */
export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
export const WORKBOOK_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>`;
