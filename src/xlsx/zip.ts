/**
 * The zip reader on Node: the browser-safe one (reader/zip.ts) with Buffer in and out, and
 * `zipEntryData`, which inflates with native zlib. The package writer, the ExcelJS path and the
 * tests use this face; the streaming reader uses reader/zip.ts with its platform's inflate.
 */
import { inflateRawSync } from 'zlib';
import { ZipFormatError, zipEntryRaw, type ZipEntry } from './reader/zip';

export { looksLikeZip, zipEntries, zipEntryRaw, ZipFormatError, type ZipEntry } from './reader/zip';

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
