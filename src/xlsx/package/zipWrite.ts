/**
 * Writes a zip from the entries of the original package and the parts the writer changed. An
 * entry that is kept is copied as stored: its compressed bytes, CRC and sizes as they are, never
 * inflated (so a kept part is byte-identical and a zip bomb in a media part costs nothing). New
 * and changed parts are deflated.
 */
import { crc32, deflateRawSync } from 'zlib';
import { zipEntryRaw, type ZipEntry } from '../zip';

export type ZipItem =
  /** An entry of `source`, copied raw. */
  | { kind: 'copy'; source: Buffer; entry: ZipEntry }
  /** New bytes under a name. */
  | { kind: 'data'; name: string; data: Buffer };

/** 1980-01-01 00:00 in DOS format: new entries carry a fixed time, so the same plan gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UTF8_FLAG = 0x0800;

export function writeZip(items: ZipItem[]): Buffer {
  if (items.length > 0xffff) throw new Error(`too many zip entries (${items.length})`);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    let name: Buffer;
    let method: number;
    let crc: number;
    let size: number;
    let body: Buffer;
    let flags: number;
    let time = DOS_TIME;
    let date = DOS_DATE;
    if (item.kind === 'copy') {
      const e = item.entry;
      if (e.crc32 === undefined) throw new Error(`zip entry ${e.name} has no CRC in the central directory`);
      if ((e.flags ?? 0) & 0x0001) throw new Error(`zip entry ${e.name} is encrypted`);
      name = Buffer.from(e.name, 'utf8');
      method = e.method;
      crc = e.crc32;
      size = e.size;
      body = zipEntryRaw(item.source, e);
      // Bit 3 (sizes in a data descriptor) is cleared: the sizes go into the local header.
      flags = ((e.flags ?? 0) & ~0x0008) | UTF8_FLAG;
      time = e.modTime ?? DOS_TIME;
      date = e.modDate ?? DOS_DATE;
    } else {
      name = Buffer.from(item.name, 'utf8');
      crc = crc32(item.data) >>> 0;
      size = item.data.length;
      const deflated = deflateRawSync(item.data, { level: 6 });
      method = deflated.length < size ? 8 : 0;
      body = method === 8 ? deflated : item.data;
      flags = UTF8_FLAG;
    }
    if (size > 0xfffffffe || body.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('the package is too large for a zip without ZIP64');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(flags, 6);
    head.writeUInt16LE(method, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(date, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(head, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
