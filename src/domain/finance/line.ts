import { COLUMNS, TABLE_NAMES } from '../model/schema';
import { daysBetween, type CalendarDate } from '../parse/calendarDate';
import { FINANCE_ISSUE_SEVERITY, type FinanceIssue } from './issues';
import { type BasisPoints, type Ore, percentOfOre, shareBp, sumOre } from './money';

/** Funding codes with a meaning of their own here (taxonomy/defaults.ts, fundingSources). */
export const MUNICIPAL_SOURCE = 'KOM';
export const STATE_REFUND_SOURCE = 'REF';

export type ReconciliationStatus = 'overrefunderet' | 'mangler anmodning' | 'udestående' | 'afstemt';

/** Most severe first: money to pay back beats money not asked for, which beats money not yet paid. */
export const STATUS_ORDER: readonly ReconciliationStatus[] = ['overrefunderet', 'mangler anmodning', 'udestående', 'afstemt'];

/** One budget line or posting after the input checks: codes upper-cased, the row number resolved. */
export interface CheckedBudget {
  row: number;
  source: string;
  amountOre: Ore;
  /** Undefined when absent or out of range (reported already). */
  rateBp?: BasisPoints;
  hasRate: boolean;
}

export interface CheckedPosting {
  row: number;
  date: CalendarDate;
  type: 'UDGIFT' | 'ANMODNING' | 'REFUSION' | 'TILSKUD';
  amountOre: Ore;
  source?: string;
}

export interface CoFinancingShare {
  source: string;
  budgetOre: Ore;
  /** budgetOre / budgetTotal; undefined when there is no budget. */
  agreedBp?: BasisPoints;
  /** What the source actually put in (see contributions()). */
  contributionOre: Ore;
  /** contributionOre / all contributions; undefined when nothing was put in. */
  actualBp?: BasisPoints;
}

export interface ReconciliationLine {
  initiativeId: string;
  year: number;
  budgetBySource: Record<string, Ore>;
  budgetTotal: Ore;
  /** The refund rate used per source (only sources with exactly one rate). */
  refundRateBySource: Record<string, BasisPoints>;
  /** All expenses (UDGIFT), every source. */
  spent: Ore;
  /** Expenses the municipality paid: source KOM or no source. */
  municipalSpent: Ore;
  /** Expenses counted as refund-eligible, per source with a refund rate. */
  eligibleBySource: Record<string, Ore>;
  /** Expenses without source that could not be assigned to a refund source (several candidates). */
  unallocated: Ore;
  expectedRefund: Ore;
  claimed: Ore;
  received: Ore;
  grantsReceived: Ore;
  /** Grants per source; grants without source count only in grantsReceived. */
  grantsBySource: Record<string, Ore>;
  outstanding: Ore;
  /** Days from the oldest claim not yet covered by receipts (FIFO) to asOf; only when outstanding > 0. */
  ageDays?: number;
  oldestOpenClaim?: CalendarDate;
  overRefunded: Ore;
  unclaimed: Ore;
  coFinancing: CoFinancingShare[];
  netMunicipalCost: Ore;
  statuses: ReconciliationStatus[];
  status: ReconciliationStatus;
}

const positive = (x: Ore): Ore => (x > 0 ? x : 0);
/** a − b with the sum guards (a plain '-' could leave the safe-integer range unnoticed). */
const minus = (a: Ore, b: Ore): Ore => sumOre([a, -b]);
const sortedRecord = (map: Map<string, Ore>): Record<string, Ore> =>
  Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function addTo(map: Map<string, Ore>, key: string, amount: Ore): void {
  map.set(key, sumOre([map.get(key) ?? 0, amount]));
}

const sumOf = (postings: readonly CheckedPosting[], type: CheckedPosting['type']) =>
  sumOre(postings.filter((p) => p.type === type).map((p) => p.amountOre));

/**
 * The reconciliation of one initiative in one year. Issues found here (conflicting rates,
 * unallocated expenses, grants without source) are pushed onto `issues`.
 */
export function reconcileLine(
  initiativeId: string,
  year: number,
  budget: readonly CheckedBudget[],
  postings: readonly CheckedPosting[],
  asOf: CalendarDate,
  issues: FinanceIssue[],
): ReconciliationLine {
  const issue = (i: Omit<FinanceIssue, 'severity' | 'initiativeId' | 'year'>) =>
    issues.push({ ...i, severity: FINANCE_ISSUE_SEVERITY[i.kind], initiativeId, year });

  const budgetBySource = new Map<string, Ore>();
  for (const b of budget) addTo(budgetBySource, b.source, b.amountOre);
  const budgetTotal = sumOre(budgetBySource.values());
  const rates = refundRates(budget, (source, rows) =>
    issue({ kind: 'conflicting-rates', table: TABLE_NAMES.budget, rowIndex: rows[0], otherRowIndexes: rows.slice(1), column: COLUMNS.budget.refundRate, source }),
  );
  // Only a positive rate makes a source a refund source: a 0 % line says "not refundable".
  const refundSources = [...rates].filter(([, rate]) => rate > 0).map(([source]) => source);

  // Eligibility rule: an expense is eligible at the rate of the budget source it names. An expense
  // without source goes to the one refund source if there is exactly one; with several it is
  // unallocated (reported); with none, nothing is refundable anyway, so it is not reported.
  const expenses = postings.filter((p) => p.type === 'UDGIFT');
  const eligible = new Map<string, Ore>();
  const unsourced: CheckedPosting[] = [];
  for (const p of expenses) {
    if (p.source !== undefined) {
      if (rates.has(p.source)) addTo(eligible, p.source, p.amountOre);
    } else unsourced.push(p);
  }
  let unallocated = 0;
  const onlyRefundSource = refundSources.length === 1 ? refundSources[0] : undefined;
  if (onlyRefundSource !== undefined) for (const p of unsourced) addTo(eligible, onlyRefundSource, p.amountOre);
  else if (refundSources.length > 1) {
    unallocated = sumOre(unsourced.map((p) => p.amountOre));
    for (const p of unsourced) issue({ kind: 'unallocated-expense', table: TABLE_NAMES.postings, rowIndex: p.row, column: COLUMNS.postings.source, amountOre: p.amountOre });
  }
  // Rounded per source, as each refund scheme is settled on its own.
  const expectedRefund = sumOre([...eligible].map(([source, amount]) => percentOfOre(amount, rates.get(source) ?? 0)));

  const spent = sumOre(expenses.map((p) => p.amountOre));
  const municipalSpent = sumOre(expenses.filter((p) => p.source === undefined || p.source === MUNICIPAL_SOURCE).map((p) => p.amountOre));
  const claimed = sumOf(postings, 'ANMODNING');
  const received = sumOf(postings, 'REFUSION');
  const grants = postings.filter((p) => p.type === 'TILSKUD');
  const grantsReceived = sumOre(grants.map((p) => p.amountOre));
  const grantsBySource = new Map<string, Ore>();
  for (const g of grants) {
    if (g.source !== undefined) addTo(grantsBySource, g.source, g.amountOre);
    else {
      const suggestion = onlyGrantSource(budgetBySource);
      issue({ kind: 'grant-without-source', table: TABLE_NAMES.postings, rowIndex: g.row, column: COLUMNS.postings.source, amountOre: g.amountOre, ...(suggestion && { suggestion }) });
    }
  }

  const outstanding = positive(minus(claimed, received));
  const oldestOpenClaim = outstanding > 0 ? oldestUncoveredClaim(postings, received) : undefined;
  const overRefunded = positive(minus(received, Math.min(claimed, expectedRefund)));
  const unclaimed = positive(minus(expectedRefund, claimed));
  // Net cost rule: what the municipality paid (KOM or unsourced expenses) less the refunds it got.
  // Grants are left out: they pay the other parts of the project (ITMV: LBF's 262.000 kr.).
  const netMunicipalCost = minus(municipalSpent, received);

  const deviations = STATUS_ORDER.filter(
    (s) =>
      (s === 'overrefunderet' && overRefunded > 0) ||
      (s === 'mangler anmodning' && unclaimed > 0) ||
      (s === 'udestående' && outstanding > 0),
  );
  const statuses: ReconciliationStatus[] = deviations.length ? deviations : ['afstemt'];

  return {
    initiativeId,
    year,
    budgetBySource: sortedRecord(budgetBySource),
    budgetTotal,
    refundRateBySource: sortedRecord(rates),
    spent,
    municipalSpent,
    eligibleBySource: sortedRecord(eligible),
    unallocated,
    expectedRefund,
    claimed,
    received,
    grantsReceived,
    grantsBySource: sortedRecord(grantsBySource),
    outstanding,
    ...(oldestOpenClaim !== undefined && { ageDays: Math.max(0, daysBetween(oldestOpenClaim, asOf)), oldestOpenClaim }),
    overRefunded,
    unclaimed,
    coFinancing: coFinancing(budgetBySource, budgetTotal, contributions(budgetBySource, grantsBySource, municipalSpent, received)),
    netMunicipalCost,
    statuses,
    status: deviations[0] ?? 'afstemt', // the most severe (STATUS_ORDER)
  };
}

/** The one refund rate per source; a source with two different rates (or lines with and without) is reported and dropped. */
function refundRates(budget: readonly CheckedBudget[], conflict: (source: string, rows: number[]) => void): Map<string, BasisPoints> {
  const bySource = new Map<string, CheckedBudget[]>();
  for (const b of budget) {
    const lines = bySource.get(b.source);
    if (lines) lines.push(b);
    else bySource.set(b.source, [b]);
  }
  const rates = new Map<string, BasisPoints>();
  for (const [source, lines] of bySource) {
    const withRate = lines.filter((l) => l.hasRate);
    if (withRate.length === 0) continue;
    const valid = new Set(withRate.map((l) => l.rateBp));
    if (withRate.length !== lines.length || valid.size !== 1) conflict(source, lines.map((l) => l.row));
    else {
      const [rate] = valid; // the one rate all lines agree on
      if (rate !== undefined) rates.set(source, rate); // undefined: out of range, reported already
    }
  }
  return rates;
}

/**
 * FIFO: receipts pay off the oldest claims first, so the open claims start after the last point where
 * the running total of claims (in date order) was still covered by what was received. Negative
 * claims (withdrawals) simply lower the running total.
 */
function oldestUncoveredClaim(postings: readonly CheckedPosting[], received: Ore): CalendarDate | undefined {
  const claims = postings.filter((p) => p.type === 'ANMODNING').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (claims.length === 0) return undefined; // outstanding only because a refund was paid back (negative receipt)
  let running = 0;
  let firstOpen = 0;
  claims.forEach((c, i) => {
    running = sumOre([running, c.amountOre]);
    if (running <= received) firstOpen = i + 1;
  });
  return claims[Math.min(firstOpen, claims.length - 1)]?.date;
}

/**
 * What each source actually put in, mirroring how the budget was written: other sources put in the
 * grants received from them; the municipality (KOM) its own expenses, gross, because a refund rate on
 * the KOM line means the KOM budget is gross. When the budget has a REF line of its own the KOM
 * budget is net of refunds, so KOM's contribution is net too and REF's is the refunds received.
 */
function contributions(budgetBySource: Map<string, Ore>, grantsBySource: Map<string, Ore>, municipalSpent: Ore, received: Ore): Map<string, Ore> {
  const result = new Map(grantsBySource);
  const refundBudgeted = budgetBySource.has(STATE_REFUND_SOURCE);
  if (refundBudgeted) result.set(STATE_REFUND_SOURCE, sumOre([result.get(STATE_REFUND_SOURCE) ?? 0, received]));
  if (municipalSpent !== 0 || budgetBySource.has(MUNICIPAL_SOURCE)) {
    const own = refundBudgeted ? minus(municipalSpent, received) : municipalSpent;
    result.set(MUNICIPAL_SOURCE, sumOre([result.get(MUNICIPAL_SOURCE) ?? 0, own]));
  }
  return result;
}

/** Agreed share (budget) against actual share (contributions), per source, in basis points. */
function coFinancing(budgetBySource: Map<string, Ore>, budgetTotal: Ore, contributed: Map<string, Ore>): CoFinancingShare[] {
  const total = sumOre(contributed.values());
  const sources = [...new Set([...budgetBySource.keys(), ...contributed.keys()])].sort();
  return sources.map((source) => {
    const budgetOre = budgetBySource.get(source) ?? 0;
    const contributionOre = contributed.get(source) ?? 0;
    const agreedBp = shareBp(budgetOre, budgetTotal);
    const actualBp = shareBp(contributionOre, total);
    return {
      source,
      budgetOre,
      ...(agreedBp !== undefined && { agreedBp }),
      contributionOre,
      ...(actualBp !== undefined && { actualBp }),
    };
  });
}

/** A grant without source most likely came from the only non-municipal, non-refund budget source. */
function onlyGrantSource(budgetBySource: Map<string, Ore>): string | undefined {
  const candidates = [...budgetBySource.keys()].filter((s) => s !== MUNICIPAL_SOURCE && s !== STATE_REFUND_SOURCE);
  return candidates.length === 1 ? candidates[0] : undefined;
}
