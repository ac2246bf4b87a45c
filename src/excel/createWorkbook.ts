/**
 * Opening a new workbook in Excel from .xlsx bytes: `Excel.createWorkbook(base64)` ("Creates and
 * opens a new workbook. Optionally, the workbook can be pre-populated with a Base64-encoded .xlsx
 * file", ExcelApi 1.8, @types/office-js and learn.microsoft.com "Work with workbooks using the
 * Excel JavaScript API"). Excel without ExcelApi 1.8, or an office.js without the function, gets
 * undefined: the caller offers the file as a download instead.
 */
import { defaultSupports, type Supports } from './env';

/** Opens the base64-encoded .xlsx as a new workbook in Excel (the open workbook is not changed). */
export type CreateWorkbook = (base64: string) => Promise<void>;

interface ExcelLike {
  createWorkbook?: (base64?: string) => Promise<void>;
}

export function excelCreateWorkbook(supports: Supports = defaultSupports()): CreateWorkbook | undefined {
  const excel = (globalThis as { Excel?: ExcelLike }).Excel;
  if (typeof excel?.createWorkbook !== 'function' || !supports('ExcelApi', '1.8')) return undefined;
  return (base64) => excel.createWorkbook!(base64);
}
