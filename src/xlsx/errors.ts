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

  constructor(code: XlsxReadErrorCode, path: string, detail: string, cause?: unknown) {
    super(`${path}: ${detail}`);
    this.name = 'XlsxReadError';
    this.code = code;
    this.path = path;
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * A plan operation that would overwrite something the user typed (e.g. data right of a table that
 * should grow). Nothing is written for that operation; the caller reports sheet and cell.
 */
export class PlanConflictError extends Error {
  readonly sheet: string;
  /** A1 address of the blocking cell or range. */
  readonly cell: string;

  constructor(sheet: string, cell: string, message: string) {
    super(message);
    this.name = 'PlanConflictError';
    this.sheet = sheet;
    this.cell = cell;
  }
}
