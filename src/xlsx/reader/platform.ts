/**
 * What the streaming reader needs from the platform it runs on, and nothing else: raw DEFLATE with
 * a cap on the output, and UTF-8 decoding. Node gives native zlib and Buffer (platform.node.ts, the
 * CLI's speed); the task pane gives fflate and TextDecoder (platform.browser.ts). The reader's
 * modules take one of them as a parameter, so nothing the pane bundles imports Node.
 */
export interface ReaderPlatform {
  /**
   * The inflated bytes of a raw DEFLATE stream. Throws InflateLimitError as soon as the output would
   * pass `maxOutputLength` bytes (a zip bomb stops there), any other Error for a damaged stream.
   */
  inflateRaw(raw: Uint8Array, maxOutputLength: number): Uint8Array;
  /** The bytes as UTF-8 text; a byte-order mark is kept (as Buffer#toString keeps it). */
  utf8(bytes: Uint8Array): string;
}

/** The stream inflates to more than the cap it was given. */
export class InflateLimitError extends Error {
  constructor(readonly maxOutputLength: number) {
    super(`inflates to more than ${maxOutputLength} bytes`);
    this.name = 'InflateLimitError';
  }
}
