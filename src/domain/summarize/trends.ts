/**
 * Development over time, from two sources:
 *  - `trends`: each initiative's tracking sheet re-read as of several dates (with the as-of
 *    approximation of `asOf.ts`: a status changed after a date shows as "in the course" at it);
 *  - `statusLogSeries`: the figures people recorded in the Statuslog (e.g. the homeless counts),
 *    which are exact for their dates and cover what no tracking sheet holds.
 */
import type { Initiative, ParticipantCourse, StatusLogEntry } from '../model/types';
import type { CalendarDate } from '../parse/calendarDate';
import type { TaxonomySet } from '../taxonomy/types';
import { matchKey } from '../taxonomy/normalize';
import { codeKey, statusRules } from './asOf';
import { coursesByInitiative, summarizeOwn } from './initiative';
import type { InitiativeTrend, StatusLogSeries, TrendPoint } from './types';

/**
 * Per initiative (register order), its counts at each date (sorted, duplicates dropped). Counts are
 * courses per outcome class and status, as in the ITMV table, plus distinct participants. Dates are
 * used as given, also after an initiative's "Status pr.": the caller chooses the dates.
 */
export function trends(
  model: { initiatives: readonly Initiative[]; participants: readonly ParticipantCourse[] },
  taxonomies: TaxonomySet,
  dates: readonly CalendarDate[],
): InitiativeTrend[] {
  const rules = statusRules(taxonomies);
  const byId = coursesByInitiative(model.participants);
  const sorted = [...new Set(dates)].sort();
  return model.initiatives.map((initiative): InitiativeTrend => {
    const own = byId.get(codeKey(initiative.id)) ?? [];
    const points = sorted.map((date): TrendPoint => {
      const s = summarizeOwn(initiative, own, rules, date);
      return {
        date,
        courses: s.courses,
        participants: s.total,
        active: s.byOutcome.active,
        job: s.byOutcome.job,
        education: s.byOutcome.education,
        ended: s.byOutcome.ended,
        withoutStatus: s.withoutStatus,
        byStatus: s.byStatus,
      };
    });
    return { initiativeId: initiative.id, name: initiative.name, points };
  });
}

/**
 * The Statuslog as series: one per initiative and indicator, in order of first appearance, points
 * sorted by date (entries of the same date keep the log's order). Initiative IDs match trimmed and
 * case-insensitively, indicators by their normalised words ("I alt" = "i  alt"); a series is named
 * by the first spelling seen.
 */
export function statusLogSeries(statusLog: readonly StatusLogEntry[]): StatusLogSeries[] {
  const series = new Map<string, StatusLogSeries>();
  for (const entry of statusLog) {
    const key = `${codeKey(entry.initiativeId)}\u0000${matchKey(entry.indicator)}`;
    let s = series.get(key);
    if (!s) {
      s = { initiativeId: entry.initiativeId.trim(), indicator: entry.indicator.trim(), points: [] };
      series.set(key, s);
    }
    s.points.push({ date: entry.date, value: entry.value ?? entry.approx?.text ?? '', comment: entry.comment ?? null });
  }
  // Array.prototype.sort is stable (ES2019), so same-date entries keep the log's order.
  for (const s of series.values()) s.points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return [...series.values()];
}
