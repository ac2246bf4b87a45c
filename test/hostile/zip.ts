/**
 * Zip writing for the hostile cases: real CRCs, deflated or stored entries, entries whose directory
 * lies about their size, and zip bombs built cheaply (one deflated block repeated, never held inflated).
 */
import { constants, createDeflateRaw, crc32, deflateRawSync } from 'zlib';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';

export interface ZipPart {
  name: string;
  /** The part's bytes (deflated when written unless `store`). */
  data?: Buffer;
  store?: boolean;
  /** Already deflated bytes (a bomb): written as they are, with `size` as the declared size. */
  deflated?: Buffer;
  size?: number;
  crc?: number;
}

/** A zip of the parts, in order (ZIP 2.0, UTF-8 names; sizes must fit 32 bits). */
export function buildZip(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const method = p.deflated || !p.store ? 8 : 0;
    const body = p.deflated ?? (method === 8 ? deflateRawSync(p.data!) : p.data!);
    const size = p.size ?? p.data!.length;
    const crc = p.crc ?? (p.data ? crc32(p.data) : 0);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size >>> 0, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dirBuf, end]);
}

/** The parts of a zip, as text-or-bytes, for rewriting. */
export function readParts(zip: Buffer): ZipPart[] {
  return zipEntries(zip).map((e) => ({ name: e.name, data: zipEntryData(zip, e) }));
}

/**
 * The zip with parts changed: `change` returns new bytes or text for a part, null to drop it,
 * undefined to keep it; `add` parts are appended.
 */
export function rewriteParts(zip: Buffer, change: (name: string, text: () => string) => string | Buffer | null | undefined, add: ZipPart[] = []): Buffer {
  const parts: ZipPart[] = [];
  for (const p of readParts(zip)) {
    const next = change(p.name, () => p.data!.toString('utf8'));
    if (next === null) continue;
    parts.push(next === undefined ? p : { name: p.name, data: typeof next === 'string' ? Buffer.from(next, 'utf8') : next });
  }
  return buildZip([...parts, ...add]);
}

/**
 * `size` bytes of `byte` (a multiple of 16 MiB), deflated: one 16 MiB block deflated with a full
 * flush (so it refers to nothing before it) repeated, then the final empty block. 1 GiB of zeros is
 * 1 MB of zip, built in milliseconds, never held inflated.
 */
export function deflatedFill(size: number, byte = 0): Promise<Buffer> {
  const step = 16 * 1024 * 1024;
  if (size % step) throw new Error(`deflatedFill: ${size} is not a multiple of 16 MiB`);
  return new Promise((resolve, reject) => {
    const z = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    z.on('data', (b: Buffer) => out.push(b));
    z.on('error', reject);
    z.write(Buffer.alloc(step, byte));
    z.flush(constants.Z_FULL_FLUSH, () => {
      const block = Buffer.concat(out.splice(0));
      z.on('end', () => resolve(Buffer.concat([...Array.from({ length: size / step }, () => block), ...out])));
      z.end();
    });
  });
}
