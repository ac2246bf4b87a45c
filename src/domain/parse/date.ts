import { CalendarDate, calendarDate, fromDayNumber, isValidYmd } from './calendarDate';
import { CellValue, ParseResult, fail, guard, ok } from './cell';
import { emptyOrErrorFailure } from './excelError';

export interface ParseDateOptions {
  /** Year for dates written without one ("29/8"); without it such text is 'not-a-date'. */
  referenceYear?: number;
}

/** Excel serial 2958465 = 9999-12-31, the last date Excel knows. */
const SERIAL_MAX = 2958465;
/** Day number (days since 1970-01-01) of 1899-12-30, Excel's effective serial 0 from 1900-03-01 on. */
const DAY_1899_12_30 = -25569;

const TIME = String.raw`(?:[T\s]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
// Serials typed as text: 5–7 digits only (10000 = 1927-05-18), so a bare year like "2017" is not a date.
const SERIAL_TEXT = /^\d{5,7}$/;
/** Year first: ISO "2017-08-29" (optionally with a time, which is dropped), also "2017/08/29". */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
/** Day first, any of - . / between parts: "29-08-2017", "29/8-2017", "29.08.17", "29/8", "29.8.", and "15/8 2016" (a space before a 4-digit year). */
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s*[-./]\s*(\d{1,2})(?:(?:\s*[-./]\s*(\d{4}|\d{2})|\.?\s+(\d{4}))${TIME})?\.?$`, 'i');
/** "29. august 2017", "29 aug 2017", "29. aug. 2017", "29-aug-17", "29. august" */
const MONTH_NAME = /^(\d{1,2})\.?[\s-]*([a-zæøå]+)\.?(?:[\s-]*(\d{4}|\d{2}))?$/i;

/** Danish month names and abbreviations; English ones too because Excel may show them. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januar', 'jan', 'january'],
    ['februar', 'feb', 'february'],
    ['marts', 'mar', 'march'],
    ['april', 'apr'],
    ['maj', 'may'],
    ['juni', 'jun', 'june'],
    ['juli', 'jul', 'july'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt', 'october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap((names, i) => names.map((name): [string, number] => [name, i + 1])),
);

/**
 * A calendar date from a cell: an Excel serial (1900 date system), a JS Date (ExcelJS: UTC midnight)
 * or text. Text is always read day first (Danish), never US month first.
 */
export function parseDate(value: CellValue, options?: ParseDateOptions): ParseResult<CalendarDate> {
  return guard(value, () => {
    const pre = emptyOrErrorFailure(value);
    if (pre) return pre;
    if (typeof value === 'number') return fromSerial(value, value);
    if (value instanceof Date) return fromJsDate(value);
    if (typeof value === 'string') return fromText(value, options?.referenceYear);
    return fail('not-a-date', value);
  });
}

function fromSerial(serial: number, input: unknown): ParseResult<CalendarDate> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= SERIAL_MAX + 1) return fail('not-a-date', input);
  const whole = Math.floor(serial); // the fraction is the time of day
  // Excel copied Lotus 1-2-3's bug: serial 60 is 1900-02-29, which never existed.
  if (whole === 60) return fail('invalid-date', input);
  return ok(fromDayNumber(DAY_1899_12_30 + whole + (whole < 60 ? 1 : 0)));
}

/** ExcelJS builds dates as UTC midnight, so UTC fields give the cell's date on any machine time zone. */
function fromJsDate(date: Date): ParseResult<CalendarDate> {
  if (isNaN(date.getTime())) return fail('invalid-date', date);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date);
}

function fromText(input: string, referenceYear: number | undefined): ParseResult<CalendarDate> {
  const text = input.trim();
  if (text.length > 64) return fail('not-a-date', input);
  let m: RegExpExecArray | null;
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text), input);
  if ((m = YEAR_FIRST.exec(text))) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]), input);
  if ((m = DAY_FIRST.exec(text))) return fromDayMonthYear(Number(m[1]), Number(m[2]), m[3] ?? m[4], referenceYear, input);
  if ((m = MONTH_NAME.exec(text))) {
    const name = m[2]; // not an optional group: always there in a match
    const month = name === undefined ? undefined : MONTHS.get(name.toLowerCase());
    if (month !== undefined) return fromDayMonthYear(Number(m[1]), month, m[3], referenceYear, input);
  }
  return fail('not-a-date', input);
}

/**
 * A day and month written without a year ("29/8", "29.8.", "29. aug."), or undefined for any other
 * text: such a date needs its year from the row's context (see yearless.ts).
 */
export function yearlessDayMonth(value: CellValue): { day: number; month: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length > 64) return undefined;
  let m: RegExpExecArray | null;
  let found: { day: number; month: number } | undefined;
  if ((m = DAY_FIRST.exec(text)) && m[3] === undefined) found = { day: Number(m[1]), month: Number(m[2]) };
  else if ((m = MONTH_NAME.exec(text)) && m[3] === undefined) {
    const month = MONTHS.get((m[2] ?? '').toLowerCase());
    if (month !== undefined) found = { day: Number(m[1]), month };
  }
  // 29/2 is valid in a leap year only; any month from 1 to 12 and a day it can have are kept.
  return found && found.month >= 1 && found.month <= 12 && found.day >= 1 && found.day <= (found.month === 2 ? 29 : [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][found.month - 1]!) ? found : undefined;
}

function fromDayMonthYear(
  day: number,
  month: number,
  yearText: string | undefined,
  referenceYear: number | undefined,
  input: string,
): ParseResult<CalendarDate> {
  let year: number;
  if (yearText === undefined) {
    if (typeof referenceYear !== 'number' || !isValidYmd(referenceYear, 1, 1)) return fail('not-a-date', input);
    year = referenceYear;
  } else if (yearText.length === 2) {
    const yy = Number(yearText);
    year = yy <= 69 ? 2000 + yy : 1900 + yy; // the same pivot as Excel
  } else {
    year = Number(yearText);
  }
  return fromParts(year, month, day, input);
}

function fromParts(year: number, month: number, day: number, input: unknown): ParseResult<CalendarDate> {
  return isValidYmd(year, month, day) ? ok(calendarDate(year, month, day)) : fail('invalid-date', input);
}
