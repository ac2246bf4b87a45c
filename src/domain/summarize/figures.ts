/** Counting helpers shared by the initiative, portfolio and trend summaries. */
import { daysBetween, type CalendarDate } from '../parse/calendarDate';
import { fkibCategory, type CourseAsOf, type StatusRules } from './asOf';
import type { CodeCount, MedianWeeks, OutcomeCounts, ParticipantOutcomes, Shares, StatusCount } from './types';

/** Courses per status (taxonomy order, zeros included) and how many have no known status. */
export function countByStatus(courses: readonly CourseAsOf[], rules: StatusRules): { byStatus: StatusCount[]; withoutStatus: number } {
  const counts = new Map<string, number>();
  let withoutStatus = 0;
  for (const c of courses) {
    if (c.status) counts.set(c.status.code, (counts.get(c.status.code) ?? 0) + 1);
    else withoutStatus++;
  }
  const byStatus = rules.statuses.map((e): StatusCount => ({
    code: e.code, name: e.name, outcomeClass: e.outcomeClass ?? null, courses: counts.get(e.code) ?? 0,
  }));
  return { byStatus, withoutStatus };
}

/** Courses per step (taxonomy order) and how many have no known step. */
export function countByStep(courses: readonly CourseAsOf[], rules: StatusRules): { byStep: CodeCount[]; withoutStep: number } {
  const counts = new Map<string, number>();
  let withoutStep = 0;
  for (const c of courses) {
    if (c.step !== undefined) counts.set(c.step, (counts.get(c.step) ?? 0) + 1);
    else withoutStep++;
  }
  return { byStep: rules.steps.map((e): CodeCount => ({ code: e.code, name: e.name, courses: counts.get(e.code) ?? 0 })), withoutStep };
}

/**
 * Courses (or latest courses) per outcome class. A status of the taxonomy without an outcome class
 * counts in none of them; callers report it with the statuses.
 */
export function countByOutcome(courses: readonly CourseAsOf[]): OutcomeCounts {
  const counts: OutcomeCounts = { active: 0, job: 0, education: 0, ended: 0 };
  for (const c of courses) if (c.outcome) counts[c.outcome]++;
  return counts;
}

/** Participants by their latest course; a known status without outcome class counts as without status. */
export function participantOutcomes(latest: readonly CourseAsOf[]): ParticipantOutcomes {
  const o = countByOutcome(latest);
  return { active: o.active, job: o.job, education: o.education, ended: o.ended, withoutStatus: latest.length - (o.active + o.job + o.education + o.ended) };
}

export const fraction = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function shares(latest: readonly CourseAsOf[]): Shares {
  const total = latest.length;
  const o = countByOutcome(latest);
  const fkib = { placement: 0, jobOrEducation: 0, ordinaryHours: 0 };
  for (const c of latest) {
    const category = fkibCategory(c);
    if (category) fkib[category]++;
  }
  return {
    job: fraction(o.job, total),
    education: fraction(o.education, total),
    jobOrEducation: fraction(fkib.jobOrEducation, total),
    placement: fraction(fkib.placement, total),
    ordinaryHours: fraction(fkib.ordinaryHours, total),
    active: fraction(o.active, total),
    ended: fraction(o.ended, total),
  };
}

export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null; // no values
  if (sorted.length % 2) return upper;
  const lower = sorted[mid - 1] ?? upper; // an even count is 2 at least, so mid - 1 is there
  return (lower + upper) / 2;
}

const weeksOneDecimal = (days: number | null): number | null => (days === null ? null : Math.round((days / 7) * 10) / 10);

/**
 * Median course length. Ended courses (any outcome but active) run from Startdato to Slutdato, or
 * to Statusdato when Slutdato is blank (the day the job or education began); a course with neither
 * on or before the date, or ending before it started, has no length and is left out. Active
 * courses run to the as-of date. Medians are taken in days and then shown as weeks.
 */
export function medianWeeks(courses: readonly CourseAsOf[], asOf: CalendarDate): MedianWeeks {
  const ended: number[] = [];
  const active: number[] = [];
  for (const c of courses) {
    if (c.outcome === 'active') {
      active.push(daysBetween(c.start, asOf));
      continue;
    }
    if (c.outcome === undefined) continue;
    const { end, statusDate } = c.course;
    const stop = end !== undefined && end <= asOf ? end : statusDate !== undefined && statusDate <= asOf ? statusDate : undefined;
    if (stop !== undefined && stop >= c.start) ended.push(daysBetween(c.start, stop));
  }
  return { ended: weeksOneDecimal(median(ended)), active: weeksOneDecimal(median(active)) };
}
