/**
 * The streaming .xlsx reader on Node (the CLI, tests, bench): native zlib and Buffer
 * (platform.node.ts), and files read from disk. The reading itself is workbookBytes.ts, the same
 * code the task pane runs through browser.ts.
 */
import { promises as fs } from 'fs';
import type { WorkbookRead } from '../../workbook/read';
import { XlsxReadError } from './errors';
import { DEFAULT_READ_LIMITS, resolveLimits, type ReadLimits } from './limits';
import { nodePlatform } from './platform.node';
import { readWorkbookBytes, tooLarge } from './workbookBytes';

export { DEFAULT_READ_LIMITS, type ReadLimits };

/**
 * Read a workbook from a path or bytes into WorkbookRead. Never writes. Every failure is an
 * XlsxReadError: not-found, not-xlsx, corrupt (naming the part), too-large (the file), or
 * too-large-content (a limit; naming the part and the limit).
 */
export async function readWorkbookFile(input: string | Buffer, limits?: Partial<ReadLimits>): Promise<WorkbookRead> {
  const l = resolveLimits(limits);
  if (typeof input !== 'string') return readWorkbookBuffer(input, l);
  let size: number;
  try {
    const stat = await fs.stat(input);
    if (!stat.isFile()) throw new XlsxReadError('not-found', input, 'not a file');
    size = stat.size;
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('not-found', input, `cannot open the file (${(e as NodeJS.ErrnoException).code ?? e})`, e);
  }
  if (size > l.maxFileBytes) throw tooLarge(input, size, l);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input);
  } catch (e) {
    throw new XlsxReadError('not-found', input, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`, e);
  }
  return readWorkbookBuffer(bytes, l, input);
}

/** The same, synchronously, on bytes already in memory; `path` names them in errors. */
export function readWorkbookBuffer(input: Buffer | Uint8Array, limits?: Partial<ReadLimits>, path?: string): WorkbookRead {
  return readWorkbookBytes(input, nodePlatform, limits, path);
}
