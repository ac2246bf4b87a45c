/**
 * A validation finding. Codes are stable: tests, the CLI's --json output and the task pane rely on them.
 * The domain says what is wrong in codes and values only; src/i18n/findings.ts renders the message
 * in the user's language at the edge (task pane, CLI, the sheet Fejl).
 */
import type { CellValue } from '../parse/cell';

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
  // A sheet with data that validation does not check (#10): info, with the action "Tag i brug".
  | 'SHEET_NOT_IN_MODEL'
  // Found by the reconciliation of Budget and Posteringer (texts: financeDa.issues).
  | 'NO_BUDGET'
  | 'DUPLICATE_VOUCHER'
  | 'NEGATIVE_AMOUNT'
  | 'RATE_OUT_OF_RANGE'
  | 'CONFLICTING_RATES'
  | 'UNALLOCATED_EXPENSE'
  | 'GRANT_WITHOUT_SOURCE'
  | 'FUTURE_DATE';

/** `info`: nothing wrong, but worth knowing (a sheet that was not checked); never counts as an error or a warning. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * What a finding's message is rendered from, in language-neutral values: cell values and header
 * names as they stand in the workbook, numbers, and codes and keys instead of text. Keys with a
 * fixed meaning, whatever the finding's code:
 * - `date`, `otherDate`, `asOf`: a CalendarDate ('2017-08-29');
 * - `taxonomy`: a TaxonomyKey ('targetGroups');
 * - `reason`: why a value could not be parsed, a ParseFailureCode ('not-a-date');
 * - `amountOre`: an amount in øre; `rateBp`: a refund rate in basis points;
 * - `minAge`, `maxAge`: a target group's age bounds (AGE_OUT_OF_BOUNDS; either may be absent).
 */
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
  /** The value to write into the cell to fix it, where one is known: data, not text. */
  suggestion?: string;
  /**
   * With a suggestion: the cell's value as it was validated (null for an empty cell). "Brug
   * forslag" writes the suggestion only while the cell still holds it.
   */
  value?: CellValue;
  /** What the message is rendered from (see FindingParams). */
  params: FindingParams;
}

export { cellAddress, columnLetters } from '../model/address';
