/**
 * The reader in the task pane (a browser, no Node): fflate's streaming inflate and TextDecoder.
 * The input is pushed in slices, so the output is counted while it is made and a zip bomb is
 * stopped within one slice's worth (DEFLATE inflates at most 1032:1) of the cap, not after it has
 * filled the memory.
 */
import { Inflate } from 'fflate';
import { InflateLimitError, type ReaderPlatform } from './platform';

/** Input bytes per push: at most ~16 MB of output between two checks of the cap. */
const SLICE = 16 * 1024;
let decoder: TextDecoder | undefined; // made when first needed

export const browserPlatform: ReaderPlatform = {
  inflateRaw(raw, maxOutputLength) {
    // zlib refuses an empty stream; so does this (fflate would return no bytes).
    if (raw.length === 0) throw new Error('unexpected end of file');
    const chunks: Uint8Array[] = [];
    let total = 0;
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxOutputLength) throw new InflateLimitError(maxOutputLength);
      if (chunk.length) chunks.push(chunk);
    });
    for (let p = 0; p < raw.length; p += SLICE) {
      const end = Math.min(raw.length, p + SLICE);
      inflate.push(raw.subarray(p, end), end === raw.length);
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  },
  utf8(bytes) {
    return (decoder ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(bytes);
  },
};
