/** Write a workbook: to bytes, or atomically to a file. */
import type { Workbook } from 'exceljs';
import { addCharts } from './charts';
import { fixElementOrder } from './elementOrder';
import { writeBytesAtomically, type WriteOptions } from './atomicWrite';
import { withWritableValidations } from './validations';

export async function xlsxBuffer(workbook: Workbook): Promise<Buffer> {
  const data = await withWritableValidations(workbook, () => workbook.xlsx.writeBuffer());
  // ExcelJS writes no charts; the ones applyPlan recorded are added to its output. Then the notes'
  // drawing is put where Excel expects it, so Excel opens the file without a repair prompt.
  return fixElementOrder(await addCharts(workbook, Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)));
}

export { WRITE_DELAY_ENV, type WriteOptions } from './atomicWrite';

/** Write the workbook atomically to `path` (atomicWrite.ts). */
export async function writeXlsx(workbook: Workbook, path: string, options: WriteOptions = {}): Promise<void> {
  await writeBytesAtomically(await xlsxBuffer(workbook), path, options);
}
