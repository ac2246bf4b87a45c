/**
 * An ExcelJS workbook as .xlsx bytes: ExcelJS writes the package, then the charts applyPlan
 * recorded are added (charts.ts) and the notes' drawing is put where Excel expects it
 * (elementOrder.ts). No Node modules: the task pane runs this with ExcelJS's browser build
 * (newWorkbookBuilder.ts); write.ts wraps it for files.
 */
import type { Workbook } from 'exceljs';
import { addCharts } from './charts';
import { fixElementOrder } from './elementOrder';
import { withWritableValidations } from './validations';

export async function xlsxBytes(workbook: Workbook): Promise<Uint8Array> {
  absolutePrintAreas(workbook);
  // Node's ExcelJS gives a Buffer, the browser build its own Buffer (both Uint8Arrays); typed as ArrayBuffer.
  const data: unknown = await withWritableValidations(workbook, () => workbook.xlsx.writeBuffer());
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
  return fixElementOrder(await addCharts(workbook, bytes));
}

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
