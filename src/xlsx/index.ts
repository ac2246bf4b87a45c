/** The .xlsx adapter (Node): read a workbook file into WorkbookRead, apply a Plan, write it back. */
export { readXlsx, readWorkbook, MAX_XLSX_BYTES, type XlsxReadResult } from './read';
export { applyPlan, findWorksheet, VALIDATION_TEXTS, TABLE_STYLE, FORMAT_ROWS_BELOW, VALIDATION_MIN_ROWS } from './apply';
export { writeXlsx, xlsxBuffer } from './write';
export { newWorkbook } from './workbook';
export { validationRanges } from './validations';
export { XlsxReadError, PlanConflictError, type XlsxReadErrorCode } from './errors';
// Import './reader' directly to read without loading ExcelJS.
export { readWorkbookFile, readWorkbookBuffer, DEFAULT_READ_LIMITS, type ReadLimits } from './reader';
