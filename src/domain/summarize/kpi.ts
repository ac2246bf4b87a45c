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
import { codeKey, fkibCategory, PLACEMENT_STATUS_CODES, type CourseAsOf } from './asOf';
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

/** Participants (latest course) meeting the indicator, or for placement-with-weeks any course. */
function countFor(kpi: KpiTarget, counted: readonly CourseAsOf[], latest: readonly CourseAsOf[], asOf: CalendarDate): number {
  switch (kpi.indicator) {
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

export function evaluateKpis(kpis: readonly KpiTarget[], counted: readonly CourseAsOf[], latest: readonly CourseAsOf[], asOf: CalendarDate): KpiResult[] {
  const total = latest.length;
  return kpis.map((kpi): KpiResult => {
    const participants = countFor(kpi, counted, latest, asOf);
    const actual = fraction(participants, total);
    let attainment: KpiAttainment = 'noData';
    if (actual !== null) {
      const met = kpi.comparator === '>=' ? actual >= kpi.target - EPSILON : actual <= kpi.target + EPSILON;
      attainment = met ? 'met' : 'notMet';
    }
    return {
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
