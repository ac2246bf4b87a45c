import { CellValue, ParseFailure, fail } from './cell';

/** Every error value Excel can show in a cell (desktop and web), upper-case. */
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!',
  '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#BUSY!', '#CONNECT!', '#UNKNOWN!',
]);

/** Longest error text; lets us skip ordinary (possibly huge) strings without trimming them. */
const MAX_ERROR_TEXT = 40;

/**
 * The Excel error in a cell in canonical upper-case form ("#N/A"), or null.
 * Office.js delivers errors as strings; ExcelJS as `{ error: "#N/A" }`.
 */
export function excelErrorOf(value: CellValue): string | null {
  try {
    if (typeof value === 'string') {
      if (value.length > MAX_ERROR_TEXT || !value.includes('#')) return null;
      const text = value.trim().toUpperCase();
      return EXCEL_ERRORS.has(text) ? text : null;
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      const error = (value as { error?: unknown }).error;
      return typeof error === 'string' ? excelErrorOf(error) : null;
    }
    return null;
  } catch {
    return null;
  }
}

/** True for null, undefined, '' and whitespace-only text (trim() also strips U+00A0 and U+202F). */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The failure every parser gives first: an Excel error or an empty cell. */
export function emptyOrErrorFailure(value: CellValue): ParseFailure | null {
  if (excelErrorOf(value) !== null) return fail('excel-error', value);
  if (isBlank(value)) return fail('empty', value);
  return null;
}
