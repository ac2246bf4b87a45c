/**
 * The year of a date typed without one ("29/8"), taken from the row's context: the date the
 * figures are counted on (the initiative's "Status pr." or the day of the check) and, where it is
 * known, the initiative's period. Of the candidate years around the reference date, those inside
 * the period are kept and the one nearest the reference is chosen. It is ambiguous when another
 * kept candidate is at most half a year from the reference too (or none fits the period): then
 * the caller warns and the user confirms the year.
 */
import { daysBetween, isValidYmd, calendarDate, yearOf, type CalendarDate } from './calendarDate';

export interface YearContext {
  /** The date the row's figures are read on. */
  reference: CalendarDate;
  /** The initiative's period, where known. */
  period?: { start?: CalendarDate; end?: CalendarDate };
}

export interface YearResolution {
  date: CalendarDate;
  /** True when the context does not settle the year (the user should check it). */
  ambiguous: boolean;
}

const HALF_YEAR_DAYS = 183;

export function resolveYear(day: number, month: number, context: YearContext): YearResolution | undefined {
  const year = yearOf(context.reference);
  const candidates: CalendarDate[] = [];
  for (const y of [year - 1, year, year + 1]) if (isValidYmd(y, month, day)) candidates.push(calendarDate(y, month, day));
  if (!candidates.length) return undefined;
  const { start, end } = context.period ?? {};
  const inPeriod = candidates.filter((d) => (!start || d >= start) && (!end || d <= end));
  const distance = (d: CalendarDate) => Math.abs(daysBetween(context.reference, d));
  const pool = (inPeriod.length ? inPeriod : candidates).sort((a, b) => distance(a) - distance(b) || (a < b ? -1 : 1));
  const [chosen, second] = pool as [CalendarDate, CalendarDate | undefined];
  const ambiguous = !inPeriod.length || (second !== undefined && distance(second) <= HALF_YEAR_DAYS);
  return { date: chosen, ambiguous };
}
