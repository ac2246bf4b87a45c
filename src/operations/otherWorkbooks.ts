/**
 * Other workbooks in the task pane: files the user picked (Saml projektmapper, Indlæs
 * partnerudgave), read by the browser-safe streaming reader, the same code and limits as the
 * CLI's. Each becomes a LiveWorkbook that reads and refuses every plan: nothing is ever written
 * into a picked file. A file that cannot be read is an XlsxReadError naming it. The reader (and
 * fflate) is loaded on the first file, so the pane's first load does not carry it; the errors are
 * a file of their own, for the pane's messages.
 */
import type { LiveWorkbook } from './liveWorkbook';
import type { PortfolioSource } from './portfolio';
import type { ReadLimits } from '../xlsx/reader/browser';
import { XlsxReadError } from '../xlsx/reader/errors';

export { XlsxReadError, ReadOnlyWorkbookError, type XlsxReadErrorCode } from '../xlsx/reader/errors';

/** What the pane knows of a picked file (a DOM File has all three). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The file as a read-only workbook; a file over the size limit is refused before its bytes are read. */
export async function openPickedFile(file: PickedFile, limits?: Partial<ReadLimits>): Promise<LiveWorkbook> {
  const { DEFAULT_READ_LIMITS, workbookFromBytes } = await import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/reader/browser');
  const max = limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
  if (file.size > max) throw new XlsxReadError('too-large', file.name, `${file.size} bytes is more than ${max}`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    throw new XlsxReadError('not-found', file.name, `cannot read the file (${(e as Error)?.message ?? e})`, e);
  }
  const workbook = workbookFromBytes(bytes, file.name, limits);
  await workbook.read(); // read now, so a file that is not a workbook fails while it is the one being read
  return workbook;
}

/** The picked files as consolidate's sources, each opened when its turn comes. */
export function pickedSources(files: PickedFile[], limits?: Partial<ReadLimits>): PortfolioSource[] {
  return files.map((file) => ({ name: file.name, open: () => openPickedFile(file, limits) }));
}
