/** Write a workbook: to bytes (a Buffer, for Node), or atomically to a file. */
import type { Workbook } from 'exceljs';
import { writeBytesAtomically, type WriteOptions } from './atomicWrite';
import { xlsxBytes } from './xlsxBytes';

export async function xlsxBuffer(workbook: Workbook): Promise<Buffer> {
  const bytes = await xlsxBytes(workbook);
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export { WRITE_DELAY_ENV, type WriteOptions } from './atomicWrite';

/** Write the workbook atomically to `path` (atomicWrite.ts). */
export async function writeXlsx(workbook: Workbook, path: string, options: WriteOptions = {}): Promise<void> {
  await writeBytesAtomically(await xlsxBuffer(workbook), path, options);
}
