/**
 * Errors of the Office.js adapter. Office.js rejects a sync with an OfficeExtension.Error
 * ({ code, message, debugInfo }); the adapter turns the ones the UI must tell apart into classes.
 * PlanConflictError is shared with the .xlsx adapter (same meaning: a plan would overwrite data).
 */
import { PlanConflictError } from '../workbook/adapterContract';

export { PlanConflictError };

/**
 * The user is editing a cell (typing, or the cursor is in the formula bar): Excel refuses every
 * API call until the edit ends. Nothing was written. The UI should say "Afslut redigeringen af
 * cellen (tryk Enter eller Esc) og prøv igen." and may offer to retry; retrying is the caller's choice.
 */
export class CellEditModeError extends Error {
  readonly code = 'InvalidOperationInCellEditMode';
  /** Flag for the UI: show the "finish editing the cell" message. */
  readonly cellEditMode = true;
  /** Trying again after the user has pressed Enter or Esc succeeds. */
  readonly retryable = true;
  readonly cause?: unknown;

  constructor(cause?: unknown) {
    super('Excel is in cell edit mode: finish editing the cell (Enter or Esc) and try again');
    this.name = 'CellEditModeError';
    if (cause !== undefined) this.cause = cause;
  }
}

/** Any other failure reported by Excel, with Office's error code (e.g. "ItemNotFound", "InvalidArgument"). */
export class ExcelApiError extends Error {
  readonly code: string;
  readonly debugInfo?: unknown;
  readonly cause?: unknown;

  constructor(code: string, message: string, debugInfo?: unknown, cause?: unknown) {
    super(`Excel: ${code}: ${message}`);
    this.name = 'ExcelApiError';
    this.code = code;
    if (debugInfo !== undefined) this.debugInfo = debugInfo;
    if (cause !== undefined) this.cause = cause;
  }
}

/** Office error codes Excel on the web uses when a batch is over its payload limit. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = officeCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

function officeCode(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Map whatever a batch threw to the adapter's errors; the adapter's own errors pass through. */
export function translateError(e: unknown): unknown {
  if (e instanceof PlanConflictError || e instanceof CellEditModeError || e instanceof ExcelApiError) return e;
  const code = officeCode(e);
  if (code === 'InvalidOperationInCellEditMode') return new CellEditModeError(e);
  if (code && (e as { name?: unknown }).name !== 'TypeError') {
    const message = (e as { message?: unknown }).message;
    return new ExcelApiError(code, typeof message === 'string' ? message : code, (e as { debugInfo?: unknown }).debugInfo, e);
  }
  return e;
}

export const isCellEditModeError = (e: unknown): e is CellEditModeError => e instanceof CellEditModeError;
