/**
 * Why a workbook file could not be read. Stable codes; user-facing text belongs in src/i18n.
 * - not-found: the file is missing or cannot be opened (no permission, locked).
 * - folder: the path is a folder; not-a-file: a device, fifo or socket.
 * - not-xlsx: not an .xlsx package at all (CSV/text renamed, old .xls, .xlsb).
 * - encrypted: a password-protected workbook (an OLE compound file with EncryptionInfo and
 *   EncryptedPackage streams, which is how Excel saves an .xlsx with a password to open).
 * - corrupt: a zip that is damaged/truncated or that ExcelJS cannot load.
 * - too-large: over MAX_XLSX_BYTES; checked before reading the bytes.
 * - cannot-write: the package writer (src/xlsx/package) cannot patch a part safely for an operation of
 *   the plan (a Strict OOXML part, a shared formula's master cell, threaded comments, an operation
 *   it does not know); `part` names it and nothing is written.
 * - too-large-content: a limit of the streaming reader (src/xlsx/reader/limits.ts): inflated
 *   size, cells, shared strings, cells of one table; the message names the part and the limit.
 */
export type XlsxReadErrorCode = 'not-found' | 'folder' | 'not-a-file' | 'not-xlsx' | 'encrypted' | 'corrupt' | 'too-large' | 'too-large-content' | 'cannot-write';

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

/** A plan was given to a workbook opened read-only (src/xlsx/reader/bytesWorkbook.ts); nothing was written. */
export class ReadOnlyWorkbookError extends Error {
  constructor(readonly path: string) {
    super(`${path} is opened read-only; nothing is written into it`);
    this.name = 'ReadOnlyWorkbookError';
  }
}
