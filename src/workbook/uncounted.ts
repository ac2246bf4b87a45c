/**
 * The rows a generated sheet's formulas do not count as the core does (#11, "one truth"). The
 * Overblik and Afstemning formulas (COUNTIFS, SUMIFS over the tables) count only real dates and
 * numbers and list values written exactly as in the list; the core reads "6/6-2016", "131.000 kr."
 * and "Praktik" too. Every such cell has a finding (TEXT_DATE, TEXT_NUMBER, NON_STANDARD_VALUE, …),
 * and a row with one in a column a formula reads is "not counted" next to the figures it affects:
 * the sheet and the core then differ by exactly those rows. Rows with an error in such a column
 * (an unreadable date, an unknown status) are counted by neither and are named the same way.
 */
import type { Finding, FindingCode } from '../domain/validate/finding';
import type { TableData } from '../domain/model/table';
import { COLUMNS } from '../domain/model/schema';
import { matchKey } from '../domain/taxonomy/normalize';
import { parseRange } from '../domain/model/address';

/** Findings that keep a formula from counting the row the way the core does (or at all). */
export const UNCOUNTED_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'TEXT_DATE', 'TEXT_NUMBER', 'AMBIGUOUS_YEAR', 'NON_STANDARD_VALUE', 'WRONG_TYPE', 'REQUIRED_EMPTY', 'UNKNOWN_CODE', 'EXCEL_ERROR', 'CPR_NUMBER',
]);

/** The columns each generated sheet's formulas read, by table. */
export const FORMULA_COLUMNS = {
  /** Overblik's status per initiative, over Deltagere_<ID>. */
  participants: [COLUMNS.participants.participantId, COLUMNS.participants.startDate, COLUMNS.participants.status, COLUMNS.participants.statusDate, COLUMNS.participants.endDate],
  /** Overblik's count of initiatives per state, over Indsatser. */
  initiatives: [COLUMNS.initiatives.state],
  /** Afstemning, over Budget. */
  budget: [COLUMNS.budget.initiativeId, COLUMNS.budget.year, COLUMNS.budget.amount],
  /** Afstemning, over Posteringer. */
  postings: [COLUMNS.postings.initiativeId, COLUMNS.postings.date, COLUMNS.postings.type, COLUMNS.postings.amount, COLUMNS.postings.source],
} as const;

/**
 * The data rows of `table` (0-based indexes into table.rows) that a finding keeps out of the
 * formulas over `columns`.
 */
export function uncountedRows(findings: readonly Finding[], table: TableData, columns: readonly string[]): Set<number> {
  const wanted = new Set(columns.map(matchKey));
  const sheet = table.sheet.toLowerCase();
  const rows = new Set<number>();
  for (const f of findings) {
    if (!UNCOUNTED_CODES.has(f.code) || f.sheet.toLowerCase() !== sheet || !wanted.has(matchKey(f.column))) continue;
    const index = f.row - table.headerRow - 1;
    if (index < 0 || index >= table.rows.length) continue;
    // A sheet may hold two tables side by side (Budget and Posteringer on Økonomi).
    const column = parseRange(f.cell).left;
    if (column < table.firstColumn || column >= table.firstColumn + table.header.length) continue;
    rows.add(index);
  }
  return rows;
}
