import { COLUMNS, TABLE_NAMES } from '../model/schema';
import type { BudgetLine, Posting } from '../model/types';
import { isValidYmd, yearOf, type CalendarDate } from '../parse/calendarDate';
import { FINANCE_ISSUE_SEVERITY, type FinanceIssue, type FinanceTable } from './issues';
import { type CheckedBudget, type CheckedPosting, reconcileLine, type ReconciliationLine } from './line';
import { isOre } from './money';

export type { CoFinancingShare, ReconciliationLine, ReconciliationStatus } from './line';
export { MUNICIPAL_SOURCE, STATE_REFUND_SOURCE, STATUS_ORDER } from './line';

/**
 * Rows may carry the caller's row number (e.g. the sheet row) so issues can point at a cell. The
 * optional field on the row itself was chosen over a parallel array: it cannot drift out of step
 * when rows are filtered. Without it, issues give the row's 0-based position in the input array.
 */
export type BudgetRow = BudgetLine & { rowIndex?: number };
export type PostingRow = Posting & { rowIndex?: number };

export interface ReconcileOptions {
  /** The reconciliation date: claims are aged to it, postings after it are flagged. */
  asOf: CalendarDate;
  /** When given, rows for other initiative IDs are reported and left out. */
  knownInitiatives?: readonly string[];
}

export interface Reconciliation {
  /** One line per initiative and year (budget year; posting's Regnskabsår, else its date's year), sorted by ID then year. */
  lines: ReconciliationLine[];
  issues: FinanceIssue[];
  /** Every line 'afstemt' and no issue of severity 'error'. */
  allReconciled: boolean;
}

const POSTING_TYPES = new Set<string>(['UDGIFT', 'ANMODNING', 'REFUSION', 'TILSKUD']);
/** Claims, refunds and grants are money in or asked for: negative ones are repayments or typos. Negative expenses are ordinary corrections. */
const NO_NEGATIVE = new Set<string>(['ANMODNING', 'REFUSION', 'TILSKUD']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Bucket {
  initiativeId: string;
  year: number;
  budget: CheckedBudget[];
  postings: CheckedPosting[];
}

/** Codes are compared trimmed and upper-cased: "kom " is KOM. Empty means no code. */
const code = (value: string | undefined): string | undefined => value?.trim().toUpperCase() || undefined;

function isCalendarDate(value: unknown): value is CalendarDate {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function reconcile(budget: readonly BudgetRow[], postings: readonly PostingRow[], options: ReconcileOptions): Reconciliation {
  const { asOf } = options;
  if (!isCalendarDate(asOf)) throw new RangeError(`asOf must be a date "YYYY-MM-DD", got ${String(asOf)}`);
  const known = options.knownInitiatives ? new Set(options.knownInitiatives) : undefined;
  const issues: FinanceIssue[] = [];
  const issue = (i: Omit<FinanceIssue, 'severity'>) => issues.push({ ...i, severity: FINANCE_ISSUE_SEVERITY[i.kind] });
  const buckets = new Map<string, Bucket>();
  const bucket = (initiativeId: string, year: number): Bucket => {
    const key = `${initiativeId}\u0000${year}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { initiativeId, year, budget: [], postings: [] }));
    return b;
  };
  const unknown = (initiativeId: string, table: FinanceTable, rowIndex: number): boolean => {
    if (!known || known.has(initiativeId)) return false;
    const suggestion = options.knownInitiatives?.find((k) => k.toLowerCase() === initiativeId.trim().toLowerCase());
    // Budget and Posteringer name the column alike.
    issue({ kind: 'unknown-initiative', initiativeId, table, rowIndex, column: COLUMNS.budget.initiativeId, ...(suggestion && { suggestion }) });
    return true;
  };

  budget.forEach((line, i) => {
    const row = line.rowIndex ?? i;
    const { initiativeId, year } = line;
    const at = { initiativeId, table: TABLE_NAMES.budget, rowIndex: row };
    if (unknown(initiativeId, TABLE_NAMES.budget, row)) return;
    if (!Number.isInteger(year)) return void issue({ ...at, kind: 'invalid-date', column: COLUMNS.budget.year });
    if (!isOre(line.amountOre)) return void issue({ ...at, year, kind: 'invalid-amount', column: COLUMNS.budget.amount });
    const source = code(line.source) ?? '';
    const rate = line.refundRateBp;
    const hasRate = rate !== undefined && rate !== null;
    const rateOk = hasRate && Number.isSafeInteger(rate) && rate >= 0 && rate <= 10000;
    if (hasRate && !rateOk) issue({ ...at, year, kind: 'rate-out-of-range', column: COLUMNS.budget.refundRate, source, ...(typeof rate === 'number' && { rateBp: rate }) });
    bucket(initiativeId, year).budget.push({ row, source, amountOre: line.amountOre, hasRate, ...(rateOk && { rateBp: rate }) });
  });

  postings.forEach((p, i) => {
    const row = p.rowIndex ?? i;
    const { initiativeId } = p;
    const at = { initiativeId, table: TABLE_NAMES.postings, rowIndex: row };
    if (unknown(initiativeId, TABLE_NAMES.postings, row)) return;
    if (!isCalendarDate(p.date)) return void issue({ ...at, kind: 'invalid-date', column: COLUMNS.postings.date });
    // The accounting year (Regnskabsår) where given: a January refund of a December claim belongs to the claim's year.
    const year = p.accountingYear !== undefined && Number.isSafeInteger(p.accountingYear) ? p.accountingYear : yearOf(p.date);
    const type = code(p.type) ?? '';
    if (!POSTING_TYPES.has(type)) return void issue({ ...at, year, kind: 'unknown-posting-type', column: COLUMNS.postings.type, type: p.type });
    if (!isOre(p.amountOre)) return void issue({ ...at, year, kind: 'invalid-amount', column: COLUMNS.postings.amount, type });
    if (p.amountOre < 0 && NO_NEGATIVE.has(type)) issue({ ...at, year, kind: 'negative-amount', column: COLUMNS.postings.amount, type, amountOre: p.amountOre });
    if (p.date > asOf) issue({ ...at, year, kind: 'future-date', column: COLUMNS.postings.date, type, date: p.date });
    const source = code(p.source);
    bucket(initiativeId, year).postings.push({ row, date: p.date, type: type as CheckedPosting['type'], amountOre: p.amountOre, ...(source && { source }) });
  });

  duplicateVouchers(postings, (i) => issues.push({ ...i, severity: FINANCE_ISSUE_SEVERITY[i.kind] }));

  const lines = [...buckets.values()]
    .sort((a, b) => (a.initiativeId < b.initiativeId ? -1 : a.initiativeId > b.initiativeId ? 1 : a.year - b.year))
    .map((b) => {
      if (b.budget.length === 0 && b.postings.length > 0) {
        const [first, ...rest] = b.postings.map((p) => p.row);
        issue({ kind: 'no-budget', initiativeId: b.initiativeId, year: b.year, table: TABLE_NAMES.postings, rowIndex: first, otherRowIndexes: rest });
      }
      return reconcileLine(b.initiativeId, b.year, b.budget, b.postings, asOf, issues);
    });

  return {
    lines,
    issues,
    allReconciled: lines.every((l) => l.status === 'afstemt') && issues.every((i) => i.severity !== 'error'),
  };
}

/**
 * The same voucher text (trimmed, whitespace collapsed, case-insensitive) on two or more postings,
 * across all initiatives: one bilag booked twice is the classic double count. Every occurrence is
 * reported, each with the rows of the others.
 */
function duplicateVouchers(postings: readonly PostingRow[], report: (i: Omit<FinanceIssue, 'severity'>) => void): void {
  const byVoucher = new Map<string, { posting: PostingRow; row: number }[]>();
  postings.forEach((posting, i) => {
    const key = posting.voucher?.trim().replace(/\s+/g, ' ').toUpperCase();
    if (!key) return;
    const found = { posting, row: posting.rowIndex ?? i };
    const group = byVoucher.get(key);
    if (group) group.push(found);
    else byVoucher.set(key, [found]);
  });
  for (const group of byVoucher.values()) {
    if (group.length < 2) continue;
    const rows = group.map((g) => g.row);
    group.forEach(({ posting: p, row }, k) => {
      const year = p.accountingYear ?? (isCalendarDate(p.date) ? yearOf(p.date) : undefined);
      report({
        kind: 'duplicate-voucher',
        initiativeId: p.initiativeId,
        ...(year !== undefined && { year }),
        table: TABLE_NAMES.postings,
        rowIndex: row,
        column: COLUMNS.postings.voucher,
        voucher: p.voucher?.trim(),
        otherRowIndexes: rows.filter((_, j) => j !== k),
      });
    });
  }
}
