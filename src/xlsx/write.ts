/** Write a workbook: to bytes, or atomically to a file. */
import type { Workbook } from 'exceljs';
import { addCharts } from './charts';
import { fixElementOrder } from './elementOrder';
import { writeBytesAtomically, type WriteOptions } from './atomicWrite';
import { withWritableValidations } from './validations';

export async function xlsxBuffer(workbook: Workbook): Promise<Buffer> {
  absolutePrintAreas(workbook);
  const data = await withWritableValidations(workbook, () => workbook.xlsx.writeBuffer());
  // ExcelJS writes no charts; the ones applyPlan recorded are added to its output. Then the notes'
  // drawing is put where Excel expects it, so Excel opens the file without a repair prompt.
  return fixElementOrder(await addCharts(workbook, Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)));
}

export { WRITE_DELAY_ENV, type WriteOptions } from './atomicWrite';

/**
 * ExcelJS writes a print area "A1:K200" as "'Sheet'!$A1:$K200", relative rows LibreOffice does not
 * take as a print area (it prints the whole sheet): written as "A$1:K$200" it becomes $A$1:$K$200.
 * Print areas ExcelJS read from a file come back as "A1:K200", so every save makes them absolute.
 */
function absolutePrintAreas(workbook: Workbook): void {
  for (const worksheet of workbook.worksheets) {
    const area = worksheet.pageSetup?.printArea;
    if (!area) continue;
    const fixed = area.split('&&').map((part) => part.replace(/\$/g, '').replace(/^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/, '$1$$$2:$3$$$4')).join('&&');
    if (fixed !== area) worksheet.pageSetup = { ...worksheet.pageSetup, printArea: fixed };
  }
}

/** Write the workbook atomically to `path` (atomicWrite.ts). */
export async function writeXlsx(workbook: Workbook, path: string, options: WriteOptions = {}): Promise<void> {
  await writeBytesAtomically(await xlsxBuffer(workbook), path, options);
}
