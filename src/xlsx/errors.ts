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

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * An OLE compound file holding the streams of an encrypted OOXML package: the names stand in the
 * file's directory as UTF-16. (An old .xls is an OLE file too, without these streams.)
 */
export function isEncryptedWorkbook(bytes: Buffer): boolean {
  return bytes.length >= 512 && bytes.subarray(0, 8).equals(OLE_SIGNATURE) && bytes.includes(ENCRYPTION_INFO) && bytes.includes(ENCRYPTED_PACKAGE);
}

/** Why an output path is not written (src/xlsx/outputPath.ts): stable codes; texts in src/i18n. */
export type OutputPathProblem = 'exists' | 'symlink' | 'directory' | 'device' | 'fifo' | 'socket' | 'other';

export class OutputPathError extends Error {
  constructor(
    readonly problem: OutputPathProblem,
    readonly path: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'OutputPathError';
  }
}

/** Shared with the Office.js adapter: a plan would overwrite data (src/workbook/adapterContract). */
export { PlanConflictError } from '../workbook/adapterContract';
