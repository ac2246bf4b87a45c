/**
 * The refusionstrappe as data, and the checks of a refund line against it.
 *
 * Lov om kommunernes finansiering af visse offentlige ydelser (in force 4 January 2016, § 29) § 5:
 * the state refunds a share of the municipality's benefit payments that falls with the number of
 * weeks the person has had benefits (stk. 2), and for dagpenge etc. the municipality co-finances a
 * share that rises (stk. 3). § 6: the count starts again once the person, after the first week with
 * benefits, has had 52 whole calendar weeks of self-support within the latest 3 years. No stored
 * source says the steps change in 2026 or 2027.
 */
import { addDays, type CalendarDate, calendarDate, daysBetween, daysInMonth, toDayNumber } from '../parse/calendarDate';
import { type BasisPoints, type Ore, percentOfOre, sumOre } from '../finance/money';
import type { RefundAggregate } from '../finance/refundFile';
import { SOURCES, type LawSource } from './sources';

export type RefundKind = 'refusion' | 'medfinansiering';

export interface RefundStep {
  /** First benefit week of the step (1-based, inclusive). */
  fromWeek: number;
  /** Last benefit week of the step (inclusive); undefined = every later week. */
  toWeek?: number;
  rateBp: BasisPoints;
  /** The rule, e.g. "§ 5, stk. 2, nr. 1". */
  rule: string;
}

export interface RefundScale {
  kind: RefundKind;
  /** The scale applies to benefit weeks that begin on or after this date. */
  validFrom: CalendarDate;
  validTo?: CalendarDate;
  steps: readonly RefundStep[];
  source: LawSource;
}

const date = (iso: string) => iso as CalendarDate;
const ACT = 'Lov om kommunernes finansiering af visse offentlige ydelser';

export const REFUND_SCALES: readonly RefundScale[] = [
  {
    kind: 'refusion',
    validFrom: date('2016-01-04'),
    source: SOURCES.refusionRates,
    steps: [
      { fromWeek: 1, toWeek: 4, rateBp: 8000, rule: `${ACT} § 5, stk. 2, nr. 1` },
      { fromWeek: 5, toWeek: 26, rateBp: 4000, rule: `${ACT} § 5, stk. 2, nr. 2` },
      { fromWeek: 27, toWeek: 52, rateBp: 3000, rule: `${ACT} § 5, stk. 2, nr. 3` },
      { fromWeek: 53, rateBp: 2000, rule: `${ACT} § 5, stk. 2, nr. 4` },
    ],
  },
  {
    kind: 'medfinansiering',
    validFrom: date('2016-01-04'),
    source: SOURCES.refusionRates,
    steps: [
      { fromWeek: 1, toWeek: 4, rateBp: 2000, rule: `${ACT} § 5, stk. 3, nr. 1` },
      { fromWeek: 5, toWeek: 26, rateBp: 6000, rule: `${ACT} § 5, stk. 3, nr. 2` },
      { fromWeek: 27, toWeek: 52, rateBp: 7000, rule: `${ACT} § 5, stk. 3, nr. 3` },
      { fromWeek: 53, rateBp: 8000, rule: `${ACT} § 5, stk. 3, nr. 4` },
    ],
  },
];

export interface RefundRate {
  rateBp: BasisPoints;
  rule: string;
  source: LawSource;
}

/**
 * The rate for the n-th week with benefits (1 = the first) in a benefit week on `date`, from the
 * scale in force that day. Undefined for a week number that is not a whole number ≥ 1, or a date
 * no encoded scale covers (before 4 January 2016).
 */
export function refundRateForWeek(week: number, date: CalendarDate, kind: RefundKind = 'refusion', scales: readonly RefundScale[] = REFUND_SCALES): RefundRate | undefined {
  if (!Number.isSafeInteger(week) || week < 1) return undefined;
  const scale = scales.find((s) => s.kind === kind && date >= s.validFrom && (s.validTo === undefined || date <= s.validTo));
  const step = scale?.steps.find((s) => week >= s.fromWeek && (s.toWeek === undefined || week <= s.toWeek));
  return scale && step ? { rateBp: step.rateBp, rule: step.rule, source: scale.source } : undefined;
}

// ---------------------------------------------------------------------------------------------
// § 6: when the count starts again

/** One whole calendar week of a person's history, in order. */
export interface PersonWeek {
  /** The Monday the calendar week begins. */
  weekStart: CalendarDate;
  /**
   * benefit: a week with a benefit under the act; self-support: neither public support nor
   * subsidised employment (§ 6, stk. 2); other: neither (e.g. subsidised employment), which counts
   * for nothing.
   */
  kind: 'benefit' | 'self-support' | 'other';
}

/** § 30, stk. 1: when the act started, weeks from 1 July 2014 counted (here: weeks with a day on or after it). */
export const COUNT_WEEKS_FROM = date('2014-07-01');
export const RESET_SELF_SUPPORT_WEEKS = 52;
export const RESET_WINDOW_YEARS = 3;
export const RESET_RULE = `${ACT} § 6, stk. 1`;

/**
 * The benefit-week number (the n of refundRateForWeek) of each week of a person's history; undefined
 * for weeks without benefits. The count starts again at a benefit week when, since the first benefit
 * week of the current count, the person has had 52 weeks of self-support within the 3 years before
 * that week (§ 6). Weeks that end before 1 July 2014 are ignored (§ 30). Throws a RangeError unless the weeks
 * are in strictly ascending order: an unsorted history is a bug upstream, not data.
 */
export function benefitWeekNumbers(weeks: readonly PersonWeek[]): (number | undefined)[] {
  for (let i = 1; i < weeks.length; i++) {
    const previous = weeks[i - 1];
    const week = weeks[i];
    if (!previous || !week || !(previous.weekStart < week.weekStart)) throw new RangeError('weeks must be in strictly ascending order');
  }
  const result: (number | undefined)[] = [];
  let anchor: number | undefined; // index of the first benefit week of the current count
  let count = 0;
  weeks.forEach((w, i) => {
    if (w.kind !== 'benefit' || addDays(w.weekStart, 6) < COUNT_WEEKS_FROM) {
      result.push(undefined);
      return;
    }
    if (anchor !== undefined) {
      const windowStart = minusYears(w.weekStart, RESET_WINDOW_YEARS);
      let selfSupport = 0;
      for (let j = anchor + 1; j < i; j++) {
        const between = weeks[j];
        if (between?.kind === 'self-support' && between.weekStart >= windowStart) selfSupport++;
      }
      if (selfSupport >= RESET_SELF_SUPPORT_WEEKS) {
        anchor = undefined;
        count = 0;
      }
    }
    anchor ??= i;
    count++;
    result.push(count);
  });
  return result;
}

/** The same day n years earlier; 29 February becomes 28 February. */
function minusYears(d: CalendarDate, years: number): CalendarDate {
  const y = Number(d.slice(0, 4)) - years;
  const m = Number(d.slice(5, 7));
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(y, m));
  return calendarDate(y, m, day);
}

/** The Monday of ISO week "YYYY-WW" (also "YYYY-Www", "YYYYWW"), as the Uge column of a refund file has it. */
export function isoWeekStart(text: string): CalendarDate | undefined {
  const m = /^\s*(\d{4})\s*-?\s*W?(\d{1,2})\s*$/i.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1 || year > 9998) return undefined;
  const first = mondayOfWeek1(year);
  const weeksInYear = daysBetween(first, mondayOfWeek1(year + 1)) / 7;
  if (week < 1 || week > weeksInYear) return undefined;
  return addDays(first, (week - 1) * 7);
}

/** ISO week 1 is the week with 4 January in it. */
function mondayOfWeek1(year: number): CalendarDate {
  const jan4 = calendarDate(year, 1, 4);
  const weekday = (((toDayNumber(jan4) + 3) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday; Monday = 0
  return addDays(jan4, -weekday);
}

// ---------------------------------------------------------------------------------------------
// Checking a refund line

export interface RefundLine {
  /** The benefit-week number of the payment (1 = first week with benefits), when known. */
  week?: number;
  amountOre: Ore;
  /** The refund rate on the line; undefined when the file has none (or mixed rates for an aggregate). */
  rateBp?: BasisPoints;
  refundOre: Ore;
  coFinancingOre?: Ore;
  /** Payment lines summed into this one (an aggregate from parseRefundFile); 1 when absent. */
  lines?: number;
}

export type RefundLineProblemReason = 'wrong-rate' | 'refund-not-rate-times-amount' | 'co-financing-not-amount-minus-refund';

/** Language-neutral: amounts in øre, rates in basis points, the rule as the law names it. */
export interface RefundLineProblem {
  reason: RefundLineProblemReason;
  expectedOre?: Ore;
  actualOre?: Ore;
  expectedRateBp?: BasisPoints;
  actualRateBp?: BasisPoints;
  rule?: string;
}

/**
 * Checks one refund line:
 * - wrong-rate: the line's rate is not the step's rate for its benefit week on `date` (only when
 *   the week is known);
 * - refund-not-rate-times-amount: refund ≠ amount × rate rounded half up to whole øre (the line's
 *   rate, else the expected one). An aggregate of n lines was rounded line by line, so it may differ
 *   from the rounded product of its sum by up to ⌊n/2⌋ øre;
 * - co-financing-not-amount-minus-refund: co-financing ≠ amount − refund (only when present, and only
 *   for kind 'refusion': for benefits the municipality co-finances (§ 5, stk. 3, e.g. dagpenge) the
 *   municipal share is not amount − refund, and how the refund file shows those lines is not verified).
 */
export function checkRefundLine(line: RefundLine, date: CalendarDate, kind: RefundKind = 'refusion'): RefundLineProblem[] {
  const problems: RefundLineProblem[] = [];
  const expected = line.week === undefined ? undefined : refundRateForWeek(line.week, date, kind);
  if (expected && line.rateBp !== undefined && line.rateBp !== expected.rateBp) {
    problems.push({ reason: 'wrong-rate', expectedRateBp: expected.rateBp, actualRateBp: line.rateBp, rule: expected.rule });
  }
  const rate = line.rateBp ?? expected?.rateBp;
  if (rate !== undefined) {
    const expectedRefund = percentOfOre(line.amountOre, rate);
    const tolerance = Math.floor(Math.max(1, line.lines ?? 1) / 2);
    if (Math.abs(sumOre([line.refundOre, -expectedRefund])) > tolerance) {
      problems.push({ reason: 'refund-not-rate-times-amount', expectedOre: expectedRefund, actualOre: line.refundOre });
    }
  }
  if (kind === 'refusion' && line.coFinancingOre !== undefined) {
    const expectedCo = sumOre([line.amountOre, -line.refundOre]);
    if (line.coFinancingOre !== expectedCo) {
      problems.push({ reason: 'co-financing-not-amount-minus-refund', expectedOre: expectedCo, actualOre: line.coFinancingOre });
    }
  }
  return problems;
}

/** A row of parseRefundFile as a RefundLine; the benefit-week number comes from the person's history. */
export function refundLineFromAggregate(row: RefundAggregate, week?: number): RefundLine {
  return {
    ...(week !== undefined && { week }),
    amountOre: row.paidOre,
    ...(row.refundRateBp !== undefined && { rateBp: row.refundRateBp }),
    refundOre: row.refundOre,
    ...(row.coFinancingOre !== undefined && { coFinancingOre: row.coFinancingOre }),
    lines: row.lines,
  };
}
