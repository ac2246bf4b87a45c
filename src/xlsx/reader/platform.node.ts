/** The reader on Node (CLI, tests, bench): native zlib, Buffer's UTF-8 decoder. */
import { inflateRawSync } from 'zlib';
import { InflateLimitError, type ReaderPlatform } from './platform';

export const nodePlatform: ReaderPlatform = {
  inflateRaw(raw, maxOutputLength) {
    try {
      return inflateRawSync(raw, { maxOutputLength });
    } catch (e) {
      if ((e as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(maxOutputLength);
      throw e;
    }
  },
  utf8(bytes) {
    return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('utf8');
  },
};
