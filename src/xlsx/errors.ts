/**
 * Why a workbook file could not be read. Stable codes; user-facing text belongs in src/i18n.
 * - not-found: the file is missing or cannot be opened (directory, no permission, locked).
 * - not-xlsx: not an .xlsx package at all (CSV/text renamed, old .xls, password-protected, .xlsb).
 * - corrupt: a zip that is damaged/truncated or that ExcelJS cannot load.
 * - too-large: over MAX_XLSX_BYTES; checked before reading the bytes.
 */
export type XlsxReadErrorCode = 'not-found' | 'not-xlsx' | 'corrupt' | 'too-large';

export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  /** The file path, or "(buffer)" when bytes were given. */
  readonly path: string;
  /** The underlying error (fs, zip or ExcelJS), for logs only. */
  readonly cause?: unknown;

  constructor(code: XlsxReadErrorCode, path: string, detail: string, cause?: unknown) {
    super(`${path}: ${detail}`);
    this.name = 'XlsxReadError';
    this.code = code;
    this.path = path;
    if (cause !== undefined) this.cause = cause;
  }
}

/** Shared with the Office.js adapter: a plan would overwrite data (src/workbook/adapterContract). */
export { PlanConflictError } from '../workbook/adapterContract';
