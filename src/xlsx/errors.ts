/**
 * Why a workbook file could not be read. Stable codes; user-facing text belongs in src/i18n.
 * - not-found: the file is missing or cannot be opened (directory, no permission, locked).
 * - not-xlsx: not an .xlsx package at all (CSV/text renamed, old .xls, password-protected, .xlsb).
 * - corrupt: a zip that is damaged/truncated or that ExcelJS cannot load.
 * - too-large: over MAX_XLSX_BYTES; checked before reading the bytes.
 * - too-large-content: a limit of the streaming reader (src/xlsx/reader/limits.ts): inflated
 *   size, cells, shared strings, cells of one table; the message names the part and the limit.
 */
export type XlsxReadErrorCode = 'not-found' | 'not-xlsx' | 'corrupt' | 'too-large' | 'too-large-content';

export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  /** The file path, or "(buffer)" when bytes were given. */
  readonly path: string;
  /** The underlying error (fs, zip or ExcelJS), for logs only. */
  readonly cause?: unknown;
  /** The package part the problem is in, e.g. "xl/worksheets/sheet1.xml", where one is known. */
  readonly part?: string;

  constructor(code: XlsxReadErrorCode, path: string, detail: string, cause?: unknown, part?: string) {
    super(`${path}: ${detail}`);
    this.name = 'XlsxReadError';
    this.code = code;
    this.path = path;
    if (cause !== undefined) this.cause = cause;
    if (part !== undefined) this.part = part;
  }
}

/** Shared with the Office.js adapter: a plan would overwrite data (src/workbook/adapterContract). */
export { PlanConflictError } from '../workbook/adapterContract';
