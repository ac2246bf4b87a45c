/** Write a workbook: to bytes, or atomically to a file. */
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import { basename, dirname, join } from 'path';
import type { Workbook } from 'exceljs';
import { addCharts } from './charts';
import { fixElementOrder } from './elementOrder';
import { withWritableValidations } from './validations';

export async function xlsxBuffer(workbook: Workbook): Promise<Buffer> {
  const data = await withWritableValidations(workbook, () => workbook.xlsx.writeBuffer());
  // ExcelJS writes no charts; the ones applyPlan recorded are added to its output. Then the notes'
  // drawing is put where Excel expects it, so Excel opens the file without a repair prompt.
  return fixElementOrder(await addCharts(workbook, Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)));
}

/**
 * Write to a temporary file next to the target, flush it to disk, then rename it over the target:
 * readers see the old file or the new one, never half a file, and a failed write leaves the
 * target untouched. (On Windows the rename fails while Excel has the target open; the error is
 * passed on and the temporary file removed.)
 */
export async function writeXlsx(workbook: Workbook, path: string): Promise<void> {
  const data = await xlsxBuffer(workbook);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
