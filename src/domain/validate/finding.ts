/** A validation finding. Codes are stable: tests, the CLI's --json output and the task pane rely on them. */
export type FindingCode =
  | 'MISSING_TABLE'
  | 'MISSING_COLUMN'
  | 'REQUIRED_EMPTY'
  | 'WRONG_TYPE'
  | 'OUT_OF_RANGE'
  | 'EXCEL_ERROR'
  | 'UNKNOWN_CODE'
  | 'INACTIVE_CODE'
  | 'INVALID_ID'
  | 'UNKNOWN_INITIATIVE'
  | 'DATE_ORDER'
  | 'STEP_STATUS_MISMATCH'
  | 'TARGET_GROUP_NOT_IN_INITIATIVE'
  | 'COURSE_TOO_LONG'
  | 'CAPACITY_EXCEEDED'
  | 'DUPLICATE_ID'
  | 'DUPLICATE_CODE'
  | 'AMBIGUOUS_SYNONYM'
  | 'CPR_NUMBER'
  | 'AGE_OUT_OF_BOUNDS'
  | 'KPI_UNREADABLE'
  | 'MERGED_CELLS'
  | 'EMPTY_ROW'
  | 'NON_STANDARD_VALUE'
  // Found by the reconciliation of Budget and Posteringer (texts: financeDa.issues).
  | 'NO_BUDGET'
  | 'DUPLICATE_VOUCHER'
  | 'NEGATIVE_AMOUNT'
  | 'RATE_OUT_OF_RANGE'
  | 'CONFLICTING_RATES'
  | 'UNALLOCATED_EXPENSE'
  | 'GRANT_WITHOUT_SOURCE'
  | 'FUTURE_DATE';

export type Severity = 'error' | 'warning';

export type FindingParams = Record<string, string | number>;

export interface Finding {
  sheet: string;
  /** A1 address of the cell, e.g. "C7". */
  cell: string;
  /** Sheet row number (1-based). */
  row: number;
  /** Header name of the column ('' when the finding is about a whole table). */
  column: string;
  severity: Severity;
  code: FindingCode;
  /** Rendered in the language asked for (Danish by default). */
  message: string;
  /** The value to write into the cell to fix it, where one is known. */
  suggestion?: string;
  /** What the message was rendered from, so it can be rendered again in another language. */
  params: FindingParams;
}

export { cellAddress, columnLetters } from '../model/address';
