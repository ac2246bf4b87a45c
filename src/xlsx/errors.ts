/** The reader's errors live with the reader (browser-safe); this is their home for the Node side too. */
export { XlsxReadError, type XlsxReadErrorCode } from './reader/errors';

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
