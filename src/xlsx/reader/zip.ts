/**
 * A minimal read-only ZIP reader (central directory + the stored bytes of an entry) over plain
 * bytes: Uint8Array and DataView, no Buffer, so the task pane can use it as the CLI does.
 * Inflating is the platform's (platform.ts); src/xlsx/zip.ts is the Node face of this module.
 *
 * Why our own: we need to (1) tell "not a zip at all" from "a damaged zip" before ExcelJS sees the
 * bytes, so callers get a precise XlsxReadError code instead of a JSZip message, and (2) read the few
 * raw XML parts that ExcelJS 4.4 parses wrongly (table headerRowCount / filter buttons, see
 * tableFixes.ts). Both need only the directory and a couple of small entries, so no dependency.
 */

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

/** Thrown for bytes that start like a zip but whose structure is broken. */
export class ZipFormatError extends Error {}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

const viewOf = (buf: Uint8Array) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
// Made when first needed: a module that only imports this one (a jsdom test) needs no TextDecoder.
let names: TextDecoder | undefined;

/** True when the bytes start like a zip file (local header, or the end record of an empty zip). */
export function looksLikeZip(buf: Uint8Array): boolean {
  if (buf.length < 4) return false;
  const sig = viewOf(buf).getUint32(0, true);
  return sig === SIG_LOCAL || sig === SIG_EOCD;
}

/** The entries listed in the central directory. Throws ZipFormatError when it cannot be found/parsed. */
export function zipEntries(buf: Uint8Array): ZipEntry[] {
  const v = viewOf(buf);
  const u16 = (p: number) => v.getUint16(p, true);
  const u32 = (p: number) => v.getUint32(p, true);
  const u64 = (p: number) => Number(v.getBigUint64(p, true));
  const eocd = findEndOfCentralDirectory(buf, v);
  let count = u16(eocd + 10);
  let dirSize = u32(eocd + 12);
  let dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    // ZIP64: the real values sit in the ZIP64 end record, found through the locator just before.
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== SIG_ZIP64_LOCATOR) throw new ZipFormatError('ZIP64 locator missing');
    const rec = u64(loc + 8);
    if (rec + 56 > buf.length || u32(rec) !== SIG_ZIP64_EOCD) throw new ZipFormatError('ZIP64 end record missing');
    count = u64(rec + 32);
    dirSize = u64(rec + 40);
    dirOffset = u64(rec + 48);
  }
  if (dirOffset + dirSize > buf.length) throw new ZipFormatError('central directory outside the file');

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || u32(p) !== SIG_CENTRAL) throw new ZipFormatError('bad central directory entry');
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    if (p + 46 + nameLen > buf.length) throw new ZipFormatError('bad central directory entry');
    const entry: ZipEntry = {
      method: u16(p + 10),
      flags: u16(p + 8),
      modTime: u16(p + 12),
      modDate: u16(p + 14),
      crc32: u32(p + 16),
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      localHeaderOffset: u32(p + 42),
      name: (names ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(buf.subarray(p + 46, p + 46 + nameLen)),
    };
    readZip64Extra(v, p + 46 + nameLen, extraLen, entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The stored (possibly compressed) bytes of one entry, without inflating them (a view, not a copy). */
export function zipEntryRaw<T extends Uint8Array>(buf: T, entry: ZipEntry): T {
  const p = entry.localHeaderOffset;
  const v = viewOf(buf);
  if (p + 30 > buf.length || v.getUint32(p, true) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = p + 30 + v.getUint16(p + 26, true) + v.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipFormatError(`entry ${entry.name} runs past the end of the file`);
  // Buffer#subarray gives a Buffer, Uint8Array#subarray a Uint8Array: the caller's kind comes back.
  return buf.subarray(start, end) as T;
}

function findEndOfCentralDirectory(buf: Uint8Array, v: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, so search only that tail.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= stop; p--) {
    if (buf[p] === 0x50 && v.getUint32(p, true) === SIG_EOCD) return p;
  }
  throw new ZipFormatError('end of central directory not found (truncated file?)');
}

function readZip64Extra(v: DataView, start: number, length: number, entry: ZipEntry): void {
  let p = start;
  while (p + 4 <= start + length && p + 4 <= v.byteLength) {
    const id = v.getUint16(p, true);
    const size = v.getUint16(p + 2, true);
    if (id === 0x0001) {
      // Only the fields that are saturated in the fixed record are present, in this order.
      let q = p + 4;
      const next = () => {
        if (q + 8 > v.byteLength) throw new ZipFormatError(`bad ZIP64 extra field for ${entry.name}`);
        const value = Number(v.getBigUint64(q, true));
        q += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + size;
  }
}
