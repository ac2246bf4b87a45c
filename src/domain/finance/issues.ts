import type { ColumnHeader, TABLE_NAMES } from '../model/schema';
import type { CalendarDate } from '../parse/calendarDate';
import type { Ore } from './money';

/**
 * What the reconciliation found wrong in the finance tables. Kept apart from validate/Finding so the
 * finance core needs no sheet addresses; the caller maps an issue to a Finding (table + rowIndex +
 * column give the cell). Kinds are stable codes; texts live in src/i18n (financeDa/financeEn).
 */
export type FinanceIssueKind =
  /** The initiative ID is not in knownInitiatives; the row is left out of the reconciliation. */
  | 'unknown-initiative'
  /** Postings in a year for which the initiative has no budget lines. */
  | 'no-budget'
  /** The same voucher (Bilag) on more than one posting: possibly booked twice. */
  | 'duplicate-voucher'
  /** A negative claim, refund or grant: a repayment or a typo; it is still counted. */
  | 'negative-amount'
  /** A refund rate below 0 % or above 100 %; the rate is ignored. */
  | 'rate-out-of-range'
  /** One source with different refund rates (or with and without one) in one year; no refund is expected for it. */
  | 'conflicting-rates'
  /** An expense without source while several sources carry a refund rate, so it cannot be assigned to one. */
  | 'unallocated-expense'
  /** A grant (TILSKUD) without source: it counts in the totals but not in any co-financing share. */
  | 'grant-without-source'
  /** The posting type is none of UDGIFT, ANMODNING, REFUSION, TILSKUD; the row is left out. */
  | 'unknown-posting-type'
  /** An amount that is not whole øre (a safe integer); the row is left out. */
  | 'invalid-amount'
  /** A date (or budget year) that cannot be read; the row is left out. */
  | 'invalid-date'
  /** A posting dated after the reconciliation date (asOf): often a mistyped year; it is still counted. */
  | 'future-date';

export type FinanceIssueSeverity = 'error' | 'warning';

export const FINANCE_ISSUE_SEVERITY: Readonly<Record<FinanceIssueKind, FinanceIssueSeverity>> = {
  'unknown-initiative': 'error',
  'no-budget': 'warning',
  'duplicate-voucher': 'warning',
  'negative-amount': 'warning',
  'rate-out-of-range': 'error',
  'conflicting-rates': 'error',
  'unallocated-expense': 'error',
  'grant-without-source': 'warning',
  'unknown-posting-type': 'error',
  'invalid-amount': 'error',
  'invalid-date': 'error',
  'future-date': 'warning',
};

/** The Excel table the row is in. */
export type FinanceTable = (typeof TABLE_NAMES)['budget' | 'postings'];

/** A column of those tables, by its header (COLUMNS.budget / COLUMNS.postings). */
export type FinanceColumn = ColumnHeader<'budget'> | ColumnHeader<'postings'>;

export interface FinanceIssue {
  kind: FinanceIssueKind;
  severity: FinanceIssueSeverity;
  initiativeId: string;
  year?: number;
  table?: FinanceTable;
  /** The row's rowIndex if the input carried one, else its 0-based position in the input array. */
  rowIndex?: number;
  /** Header of the column to look at, as in model/schema.ts ('Kilde', 'Bilag', ...). */
  column?: FinanceColumn;
  voucher?: string;
  /** future-date: the posting's date. */
  date?: CalendarDate;
  /** duplicate-voucher: the rows of the other postings with the same voucher. */
  otherRowIndexes?: number[];
  source?: string;
  type?: string;
  amountOre?: Ore;
  rateBp?: number;
  /** A value to write into the cell to fix it, where one is known. */
  suggestion?: string;
}
