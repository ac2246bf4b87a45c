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
  // Dated taxonomies and the law (eng/law).
  | 'TAXONOMY_VERSION_OVERLAP'
  | 'TAXONOMY_DATES_REVERSED'
  | 'TAXONOMY_UNKNOWN_SUCCESSOR'
  | 'TAXONOMY_OUTDATED'
  | 'APPROXIMATE_VALUE'
  // One truth (#11): what Excel's formulas would not count as the core does, and implausible dates.
  | 'TEXT_DATE'
  | 'TEXT_NUMBER'
  | 'AMBIGUOUS_YEAR'
  | 'IMPLAUSIBLE_DATE'
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
 * - `minAge`, `maxAge`: a target group's age bounds (AGE_OUT_OF_BOUNDS; either may be absent);
 * - `yearFromContext`: 1 when a date was typed without a year and took it from the row's context;
 * - `bound`: 'before' (before 2000) or 'after' (more than `years` years after `asOf`), IMPLAUSIBLE_DATE.
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
   * What "Brug forslag" writes when it is not the suggestion's text: an Excel date serial (the
   * suggestion then shows the date as 06-06-2016) or a number, so the cell holds a real date or
   * number that the sheet's formulas count.
   */
  suggestionValue?: number;
  /**
   * With a suggestion: the cell's value as it was validated (null for an empty cell). "Brug
   * forslag" writes the suggestion only while the cell still holds it.
   */
  value?: CellValue;
  /** What the message is rendered from (see FindingParams). */
  params: FindingParams;
}

export { cellAddress, columnLetters } from '../model/address';
