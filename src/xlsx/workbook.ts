import { Workbook } from 'exceljs';

/** An empty ExcelJS workbook for applyPlan (no sheets yet: plans start with ensureSheet). */
export function newWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.creator = 'Indsatsmonitor';
  workbook.created = new Date();
  return workbook;
}
