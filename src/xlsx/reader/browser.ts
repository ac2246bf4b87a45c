/**
 * The streaming reader for the task pane: the one part of src/xlsx a browser may load (the lint
 * rule lets src/operations import this file, errors.ts and the new-workbook builder, nothing else of src/xlsx;
 * operations/otherWorkbooks.ts loads it lazily, so it is a chunk of its own in the pane). Same
 * reading code as the CLI's (workbookBytes.ts), with fflate and TextDecoder for the platform, the
 * same limits and the same XlsxReadError codes.
 */
import type { LiveWorkbook } from '../../workbook/adapterContract';
import type { WorkbookRead } from '../../workbook/read';
import { readOnlyWorkbook } from './bytesWorkbook';
import type { ReadLimits } from './limits';
import { browserPlatform } from './platform.browser';
import { readWorkbookBytes } from './workbookBytes';

export { ReadOnlyWorkbookError, XlsxReadError, type XlsxReadErrorCode } from './errors';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';

/** Workbook bytes → WorkbookRead, in the browser; `path` (the file's name) names them in errors. */
export function readWorkbookBuffer(bytes: Uint8Array, limits?: Partial<ReadLimits>, path?: string): WorkbookRead {
  return readWorkbookBytes(bytes, browserPlatform, limits, path);
}

/** Another workbook's bytes as a LiveWorkbook that reads (once, when first asked) and refuses every plan. */
export function workbookFromBytes(bytes: Uint8Array, path: string, limits?: Partial<ReadLimits>): LiveWorkbook {
  return readOnlyWorkbook(bytes, path, browserPlatform, limits);
}
