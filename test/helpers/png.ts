/** Just enough PNG decoding to check rendered pages: which colours are where. */
import { inflateSync } from 'zlib';

/** An 8-bit RGB/RGBA PNG, decoded: IDAT inflated and the per-row filters (0–4) undone. */
export interface Image {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

export function decodePng(png: Buffer): Image {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let p = 8; p < png.length; ) {
    const length = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colourType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
      }
      channels = colourType === 2 ? 3 : 4;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[out + i - channels] : 0; // left
      const b = y > 0 ? pixels[out - stride + i] : 0; // up
      const c = i >= channels && y > 0 ? pixels[out - stride + i - channels] : 0; // up-left
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`bad PNG filter ${filter} in row ${y}`);
      pixels[out + i] = (line[i] + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * stride + x * channels;
      return [pixels[i], pixels[i + 1], pixels[i + 2]];
    },
  };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pixels per exact colour in a box, white and near-white left out. */
export function colours(image: Image, box: Box): Map<string, number> {
  const counts = new Map<string, number>();
  for (let y = Math.round(box.top); y < Math.round(box.bottom); y++) {
    for (let x = Math.round(box.left); x < Math.round(box.right); x++) {
      const [r, g, b] = image.pixel(x, y);
      if (r > 245 && g > 245 && b > 245) continue;
      const key = [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

export const total = (counts: Map<string, number>) => [...counts.values()].reduce((s, n) => s + n, 0);

/** Pixels close to an RGB colour (anti-aliasing and colour management move them a little). */
export function near(counts: Map<string, number>, hex: string, tolerance = 12): number {
  const want = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (const [key, count] of counts) {
    const got = [0, 2, 4].map((i) => parseInt(key.slice(i, i + 2), 16));
    if (got.every((v, i) => Math.abs(v - want[i]) <= tolerance)) n += count;
  }
  return n;
}

