/**
 * KPI attainment: the actual share for a KPI's indicator against its target.
 *
 * The denominator is the initiative's distinct participants as of the date. The register's KPIs
 * often say "af målgruppen" (FSM: "40 % af målgruppen i virksomhedspraktik i 13 uger"), but the
 * target population is not on the tracking sheet; the Statuslog may hold it as a separate figure.
 *
 * Weeks ("i 13 uger") are applied to 'placement' only, the one indicator the documents qualify by
 * duration. The sheet cannot tell how long someone was in placement; it keeps the date the status
 * was set. A participant counts when some course of theirs has status PRAKTIK or LØNTILSKUD, set on
 * or before the date, and (Slutdato if on or before the date, else the date) − (Statusdato, or
 * Startdato without one) ≥ weeks × 7 days. That includes placements already ended with Slutdato —
 * but not placements followed by a job: the job status overwrote the placement on the sheet.
 * For other indicators `weeksApplied` is false and the weeks are not used.
 */
import type { KpiTarget } from '../model/types';
import { daysBetween, type CalendarDate } from '../parse/calendarDate';
import { codeKey, fkibCategory, isPlacement, PLACEMENT_STATUS_CODES, type CourseAsOf } from './asOf';
import { fraction } from './figures';
import type { KpiAttainment, KpiResult } from './types';

/** Tolerance for comparing shares with targets that were typed as percentages (30,8 % = 0.308). */
const EPSILON = 1e-9;

function heldPlacementFor(c: CourseAsOf, weeks: number, asOf: CalendarDate): boolean {
  const raw = c.course.status;
  if (raw === undefined || !PLACEMENT_STATUS_CODES.includes(codeKey(raw))) return false;
  const since = c.course.statusDate ?? c.start;
  if (since > asOf) return false;
  const until = c.course.end !== undefined && c.course.end <= asOf ? c.course.end : asOf;
  return daysBetween(since, until) >= weeks * 7;
}

/**
 * Who completed the course ("af dem, der har gennemført"): with a course length, the latest
 * courses that ran at least that many weeks (Startdato to Slutdato, else Statusdato) and are not
 * still in it; without one, the latest courses no longer active, and those in a placement.
 * ITMV: the 8 in job, løntilskud or placement after 13 weeks, not the 8 in the course nor the 3
 * ended after the 6-week clarification.
 */
export function completers(latest: readonly CourseAsOf[], courseWeeks: number | undefined): CourseAsOf[] {
  return latest.filter((c) => {
    const inCourse = c.outcome === 'active' && !isPlacement(c);
    if (courseWeeks === undefined) return !inCourse;
    const until = c.course.end ?? c.course.statusDate ?? c.start;
    return !inCourse && daysBetween(c.start, until) >= courseWeeks * 7;
  });
}

/** Participants (latest course) meeting the indicator, or for placement-with-weeks any course. */
function countFor(kpi: KpiTarget, counted: readonly CourseAsOf[], latest: readonly CourseAsOf[], asOf: CalendarDate): number {
  switch (kpi.indicator) {
    case 'jobSubsidyOrPlacement':
      return latest.filter((c) => c.outcome === 'job' || isPlacement(c)).length;
    case 'participants':
    case 'budget':
      return latest.length;
    case 'job':
    case 'education':
    case 'ended':
      return latest.filter((c) => c.outcome === kpi.indicator).length;
    case 'jobOrEducation':
    case 'ordinaryHours':
      return latest.filter((c) => fkibCategory(c) === kpi.indicator).length;
    case 'placement': {
      if (kpi.weeks === undefined) return latest.filter((c) => fkibCategory(c) === 'placement').length;
      const weeks = kpi.weeks;
      return new Set(counted.filter((c) => heldPlacementFor(c, weeks, asOf)).map((c) => c.participant)).size;
    }
  }
}

/** What a KPI is measured against beyond the tracking sheet. */
export interface KpiContext {
  /** The initiative's Forløbsuger: who has completed the course. */
  courseWeeks?: number;
  /** The initiative's budget in all years, in øre (for amount targets); undefined = no budget lines. */
  budgetOre?: number;
}

/**
 * Each KPI against its measure: a share of all participants or of those who completed the course
 * (`base`), a count of citizens, or an amount against the budget. The measure is in the result
 * (kind, base, indicator), so a report can say what was measured.
 */
export function evaluateKpis(kpis: readonly KpiTarget[], counted: readonly CourseAsOf[], latest: readonly CourseAsOf[], asOf: CalendarDate, context: KpiContext = {}): KpiResult[] {
  return kpis.map((kpi): KpiResult => {
    const kind = kpi.kind ?? 'share';
    const base = kpi.base ?? 'all';
    const population = base === 'completers' ? completers(latest, context.courseWeeks) : latest;
    const total = population.length;
    const participants = countFor(kpi, counted, population, asOf);
    let actual: number | null;
    if (kind === 'count') actual = participants;
    else if (kind === 'amount') actual = context.budgetOre ?? null;
    else actual = fraction(participants, total);
    let attainment: KpiAttainment = 'noData';
    if (actual !== null) {
      const eps = kind === 'share' ? EPSILON : 0;
      const met = kpi.comparator === '>=' ? actual >= kpi.target - eps : actual <= kpi.target + eps;
      attainment = met ? 'met' : 'notMet';
    }
    return {
      kind,
      base,
      indicator: kpi.indicator,
      text: kpi.text,
      comparator: kpi.comparator,
      target: kpi.target,
      weeks: kpi.weeks ?? null,
      weeksApplied: kpi.indicator === 'placement' && kpi.weeks !== undefined,
      participants,
      total,
      actual,
      attainment,
    };
  });
}
