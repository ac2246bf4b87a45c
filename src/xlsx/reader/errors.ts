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

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16le = (text: string): number[] => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
const ENCRYPTION_INFO = utf16le('EncryptionInfo');
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** An OLE compound file (an old .xls, or an .xlsx saved with a password to open). */
export const isOleFile = (bytes: Uint8Array): boolean => bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b);

/**
 * An OLE compound file holding the streams of an encrypted OOXML package: the names stand in the
 * file's directory as UTF-16. (An old .xls is an OLE file too, without these streams.)
 */
export function isEncryptedWorkbook(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && isOleFile(bytes) && contains(bytes, ENCRYPTION_INFO) && contains(bytes, ENCRYPTED_PACKAGE);
}

/** The error for a password-protected workbook, the same wherever it is found. */
export const encryptedError = (path: string): XlsxReadError =>
  new XlsxReadError('encrypted', path, 'a password-protected workbook (EncryptionInfo and EncryptedPackage in an OLE file)');
