/**
 * The zip package as the reader sees it: parts by name (case-insensitive, as OPC names are),
 * inflated within the limits, and relationships resolved to part names (relative targets, and
 * absolute ones like "/xl/tables/table1.xml" as openpyxl writes them).
 */
import { encryptedError, isEncryptedWorkbook, isOleFile, XlsxReadError } from './errors';
import { bytesText, type ReadLimits } from './limits';
import { InflateLimitError, type ReaderPlatform } from './platform';
import { looksLikeZip, zipEntries, zipEntryRaw, ZipFormatError, type ZipEntry } from './zip';
import { XmlScanner, XmlSyntaxError } from './xml';

export interface Relationship {
  id: string;
  /** The last segment of the type URI ("worksheet", "table", …): transitional and Strict agree on it. */
  type: string;
  /** Resolved part name, e.g. "xl/worksheets/sheet1.xml"; undefined for external targets. */
  target?: string;
  /** An external target as written (a hyperlink's address). */
  external?: string;
}

export class XlsxPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly buffer: Uint8Array,
    readonly path: string,
    readonly limits: ReadLimits,
    private readonly platform: ReaderPlatform,
  ) {
    if (!looksLikeZip(buffer)) {
      if (isEncryptedWorkbook(buffer)) throw encryptedError(path);
      throw new XlsxReadError('not-xlsx', path, isOleFile(buffer) ? 'an old .xls file' : 'not an .xlsx file (no zip signature)');
    }
    try {
      for (const e of zipEntries(buffer)) this.entries.set(normalise(e.name), e);
    } catch (e) {
      throw new XlsxReadError('corrupt', path, `damaged zip: ${(e as Error)?.message ?? e}`, e);
    }
  }

  has(part: string): boolean {
    return this.entries.has(normalise(part));
  }

  /** The text of a part (UTF-8), or undefined when the package has no such part. */
  text(part: string): string | undefined {
    const entry = this.entries.get(normalise(part));
    if (!entry) return undefined;
    const remaining = this.limits.maxInflatedBytes - this.inflated;
    if (entry.size > remaining) {
      throw this.tooLarge(part, `inflates to ${bytesText(entry.size)}; the parts read may inflate to ${bytesText(this.limits.maxInflatedBytes)} in total`);
    }
    let raw: Uint8Array;
    try {
      raw = zipEntryRaw(this.buffer, entry);
    } catch (e) {
      throw this.corrupt(part, `damaged zip entry: ${(e as Error).message}`, e);
    }
    let data: Uint8Array;
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) {
      // The declared size is trusted as an upper bound: a zip bomb that lies about it stops there.
      const max = Math.max(1, Math.min(remaining, entry.size || remaining));
      try {
        data = this.platform.inflateRaw(raw, max);
      } catch (e) {
        if (e instanceof InflateLimitError) {
          if (max < remaining) throw this.corrupt(part, `inflates to more than the ${entry.size} bytes its zip entry declares`, e);
          throw this.tooLarge(part, `inflates to more than ${bytesText(remaining)}; the parts read may inflate to ${bytesText(this.limits.maxInflatedBytes)} in total`);
        }
        throw this.corrupt(part, `cannot inflate: ${(e as Error)?.message ?? e}`, e);
      }
    } else throw this.corrupt(part, `unsupported compression method ${entry.method}`);
    this.inflated += data.length;
    if (this.inflated > this.limits.maxInflatedBytes) {
      throw this.tooLarge(part, `the parts read inflate to more than ${bytesText(this.limits.maxInflatedBytes)} in total`);
    }
    return this.platform.utf8(data);
  }

  /** The relationships of a part (from its _rels/<name>.rels), targets resolved against the part. */
  relationships(part: string): Relationship[] {
    const slash = part.lastIndexOf('/');
    const dir = slash >= 0 ? part.slice(0, slash + 1) : '';
    const relsPart = `${dir}_rels/${part.slice(slash + 1)}.rels`;
    const text = this.text(relsPart);
    if (text === undefined) return [];
    const rels: Relationship[] = [];
    this.scan(relsPart, text, (x) => {
      if (x.name !== 'Relationship' || x.kind === 2) return;
      const id = x.attr('Id');
      const type = x.attr('Type') ?? '';
      const target = x.attr('Target');
      if (id === undefined) return;
      const external = x.attr('TargetMode') === 'External';
      rels.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: external || target === undefined ? undefined : resolveTarget(dir, target), ...(external && target !== undefined && { external: target }) });
    });
    return rels;
  }

  /** Runs `each` on every tag of a part's XML; XML errors become XlsxReadError 'corrupt' naming the part. */
  scan(part: string, text: string, each: (x: XmlScanner) => void): void {
    const x = new XmlScanner(text);
    try {
      while (x.next()) each(x);
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw this.corrupt(part, e.message, e);
      throw e;
    }
  }

  corrupt(part: string, detail: string, cause?: unknown): XlsxReadError {
    return new XlsxReadError('corrupt', this.path, `${part}: ${detail}`, cause, part);
  }

  tooLarge(part: string, detail: string): XlsxReadError {
    return new XlsxReadError('too-large-content', this.path, `${part}: ${detail}`, undefined, part);
  }
}

/** Zip names as OPC part names: forward slashes, no leading slash, case-insensitive. */
function normalise(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** A relationship target → part name. "/xl/x.xml" is absolute; "../x.xml" is relative to `dir`. */
export function resolveTarget(dir: string, target: string): string {
  let t = target.trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    // not percent-encoded after all
  }
  t = t.replace(/\\/g, '/').replace(/[?#].*$/, '');
  const segments = t.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return segments.join('/');
}

export { ZipFormatError };
