/**
 * A minimal read-only ZIP reader (central directory + stored/deflated entries).
 *
 * Why our own: we need to (1) tell "not a zip at all" from "a damaged zip" before ExcelJS sees the
 * bytes, so callers get a precise XlsxReadError code instead of a JSZip message, and (2) read the few
 * raw XML parts that ExcelJS 4.4 parses wrongly (table headerRowCount / filter buttons, see
 * tableFixes.ts). Both need only the directory and a couple of small entries, so no dependency.
 */
import { inflateRawSync } from 'zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** From the central directory: CRC-32 of the uncompressed data, general-purpose flags, DOS time and date. */
  crc32?: number;
  flags?: number;
  modTime?: number;
  modDate?: number;
}

/** Thrown for a buffer that starts like a zip but whose structure is broken. */
export class ZipFormatError extends Error {}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

/** True when the bytes start like a zip file (local header, or the end record of an empty zip). */
export function looksLikeZip(buf: Buffer): boolean {
  if (buf.length < 4) return false;
  const sig = buf.readUInt32LE(0);
  return sig === SIG_LOCAL || sig === SIG_EOCD;
}

/** The entries listed in the central directory. Throws ZipFormatError when it cannot be found/parsed. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buf);
  let count = buf.readUInt16LE(eocd + 10);
  let dirSize = buf.readUInt32LE(eocd + 12);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    // ZIP64: the real values sit in the ZIP64 end record, found through the locator just before.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) throw new ZipFormatError('ZIP64 locator missing');
    const rec = Number(buf.readBigUInt64LE(loc + 8));
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== SIG_ZIP64_EOCD) throw new ZipFormatError('ZIP64 end record missing');
    count = Number(buf.readBigUInt64LE(rec + 32));
    dirSize = Number(buf.readBigUInt64LE(rec + 40));
    dirOffset = Number(buf.readBigUInt64LE(rec + 48));
  }
  if (dirOffset + dirSize > buf.length) throw new ZipFormatError('central directory outside the file');

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipFormatError('bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      flags: buf.readUInt16LE(p + 8),
      modTime: buf.readUInt16LE(p + 12),
      modDate: buf.readUInt16LE(p + 14),
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    readZip64Extra(buf, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry. Throws ZipFormatError on a damaged entry. */
export function zipEntryData(buf: Buffer, entry: ZipEntry): Buffer {
  const raw = zipEntryRaw(buf, entry);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method} for ${entry.name}`);
  try {
    return inflateRawSync(raw);
  } catch (e) {
    throw new ZipFormatError(`cannot inflate ${entry.name}: ${(e as Error).message}`);
  }
}

/** The stored (possibly compressed) bytes of one entry, without inflating them. */
export function zipEntryRaw(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError(`entry ${entry.name} runs past the end of the file`);
  return buf.subarray(start, end);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, so search only that tail.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= stop; p--) {
    if (buf.readUInt32LE(p) === SIG_EOCD) return p;
  }
  throw new ZipFormatError('end of central directory not found (truncated file?)');
}

function readZip64Extra(buf: Buffer, start: number, length: number, entry: ZipEntry): void {
  let p = start;
  while (p + 4 <= start + length) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      // Only the fields that are saturated in the fixed record are present, in this order.
      let q = p + 4;
      const next = () => {
        const v = Number(buf.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + size;
  }
}
