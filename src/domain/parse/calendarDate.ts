/**
 * A calendar date with no time and no time zone, as "YYYY-MM-DD". String comparison orders dates.
 * Arithmetic goes through a day number (days since 1970-01-01, proleptic Gregorian) computed with
 * Date.UTC, so the local time zone of the machine never shifts a date.
 */
export type CalendarDate = string & { readonly __calendarDate: unique symbol };

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** NaN for a month outside 1–12 (so no day fits it). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? NaN;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Builds a CalendarDate; the caller must have checked isValidYmd. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

export function toDayNumber(date: CalendarDate): number {
  // The hot path (course lengths on every row): "YYYY-MM-DD" by arithmetic, without a Date.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digitsAt(date, 0, 4);
    const m = digitsAt(date, 5, 7);
    const d = digitsAt(date, 8, 10);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 0) return daysFromCivil(y, m, d);
  }
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d);
  utc.setUTCHours(0, 0, 0, 0);
  return Math.round(utc.getTime() / 86_400_000);
}

/** The number written in text[from, to) in decimal digits only, or -1. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), month 1–12;
 * a day beyond the month's end counts on into the next month, as Date.UTC does.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const utc = new Date(dayNumber * 86_400_000);
  return calendarDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Danish display form dd-mm-åååå. */
export function formatDanishDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** Excel's serial number for a date (1900 date system, dates from 1900-03-01). */
export function excelSerial(date: CalendarDate): number {
  return toDayNumber(date) + 25_569; // 25569 = serial of 1970-01-01
}

/**
 * Today on the user's wall calendar: the date in the machine's own time zone (the one place the
 * local zone is read). The task pane, the ribbon commands and the CLI take "today" from here.
 */
export function todayLocal(now: Date = new Date()): CalendarDate {
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
