/** The reader's errors live with the reader (browser-safe); this is their home for the Node side too. */
export { encryptedError, isEncryptedWorkbook, XlsxReadError, type XlsxReadErrorCode } from './reader/errors';

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
