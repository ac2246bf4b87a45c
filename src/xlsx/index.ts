/** The .xlsx adapter (Node): read a workbook file into WorkbookRead, apply a Plan, write it back. */
export { readXlsx, loadXlsx, readWorkbook, MAX_XLSX_BYTES, type XlsxReadResult } from './read';
export { applyPlan, findWorksheet, FORMAT_ROWS_BELOW } from './apply';
export { VALIDATION_TEXTS, TABLE_STYLE, VALIDATION_MIN_ROWS } from '../workbook/adapterRules';
export { writeXlsx, xlsxBuffer } from './write';
export { newWorkbook } from './workbook';
export { validationRanges } from './validations';
export { XlsxReadError, PlanConflictError, type XlsxReadErrorCode } from './errors';
export { openXlsxWorkbook, newXlsxWorkbook, type FileWorkbook } from './fileWorkbook';
// Import './reader' or './fileWorkbook' directly to read without loading ExcelJS.
export { readWorkbookFile, readWorkbookBuffer, DEFAULT_READ_LIMITS, type ReadLimits } from './reader';
