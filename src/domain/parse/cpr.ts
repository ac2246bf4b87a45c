import { isValidYmd } from './calendarDate';
import { CellValue } from './cell';

/**
 * A CPR number: ddmmyy, optional '-' or space, then 4 digits, not inside a longer run of digits.
 * The modulus-11 check is deliberately NOT applied: it was abolished in 2007 and valid numbers fail it.
 */
const CPR = /(?<!\d)(\d{2})(\d{2})(\d{2})[- \u00A0\u2013]?(\d)\d{3}(?!\d)/g;

/**
 * The CPR numbers in a cell, masked as "ddmmyy-****": the output may end up in logs, so the full
 * number never leaves this function. Runs on every cell of large sheets, hence the cheap digit count
 * before any regex.
 */
export function findCprNumbers(value: CellValue): string[] {
  try {
    if (typeof value === 'number') return fromNumber(value);
    if (typeof value !== 'string' || !hasTenDigits(value)) return [];
    const found: string[] = [];
    for (const [, dd, mm, yy, seventh] of value.matchAll(CPR)) {
      // CPR's four groups are not optional: a match has them all.
      if (dd && mm && yy && seventh && isCprDate(dd, mm, yy, seventh)) found.push(`${dd}${mm}${yy}-****`);
    }
    return found;
  } catch {
    return [];
  }
}

/** True when the cell contains at least one CPR number (anywhere in its text). */
export function looksLikeCpr(value: CellValue): boolean {
  return findCprNumbers(value).length > 0;
}

/** A number cell loses the leading zero of days 01–09, so 9 digits are padded back to 10. */
function fromNumber(n: number): string[] {
  if (!Number.isInteger(n) || n < 1e8 || n >= 1e10) return [];
  const s = String(n).padStart(10, '0');
  return isCprDate(s.slice(0, 2), s.slice(2, 4), s.slice(4, 6), s.slice(6, 7)) ? [`${s.slice(0, 6)}-****`] : [];
}

function hasTenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 10) return true;
  }
  return false;
}

/** The birth date must exist in the century given by the 7th digit (CPR rules, CPR-kontoret). */
function isCprDate(dd: string, mm: string, yy: string, seventh: string): boolean {
  const y = Number(yy);
  const d7 = Number(seventh);
  let century: number;
  if (d7 <= 3) century = 1900;
  else if (d7 === 4 || d7 === 9) century = y <= 36 ? 2000 : 1900;
  else century = y <= 57 ? 2000 : 1800;
  return isValidYmd(century + y, Number(mm), Number(dd));
}

/**
 * The text with every CPR number in it (by the rule of findCprNumbers) replaced by "ddmmyy-****":
 * the one masking function every output path goes through (rendered findings, the CLI's stdout and
 * stderr, generated sheets, the refund import). Returns the text itself when it holds none.
 */
export function maskCpr(text: string): string {
  if (!hasTenDigits(text)) return text;
  try {
    return text.replace(CPR, (match: string, dd: string, mm: string, yy: string, seventh: string) =>
      (isCprDate(dd, mm, yy, seventh) ? `${dd}${mm}${yy}-****` : match));
  } catch {
    return text.replace(/\d/g, '*');
  }
}

/** A cell value masked: a text by maskCpr, a number that reads as a CPR number as its masked text. */
export function maskCprValue<T extends CellValue>(value: T): T | string {
  if (typeof value === 'string') return maskCpr(value);
  if (typeof value === 'number') return fromNumber(value)[0] ?? value;
  return value;
}

/**
 * A sheet, table or defined name with every CPR number in it masked, in a form the name may hold:
 * Excel forbids `*` in sheet names and allows only letters, digits, `_`, `.` and `\` in table and
 * defined names, so the hidden digits become "xxxx" ("050592-xxxx" for a sheet, "060593xxxx" for a
 * table or defined name, which cannot hold the '-' either). Returns the name itself when it holds none.
 */
export function maskCprInName(name: string, kind: 'sheet' | 'name'): string {
  if (!hasTenDigits(name)) return name;
  try {
    return name.replace(CPR, (match: string, dd: string, mm: string, yy: string, seventh: string) =>
      (isCprDate(dd, mm, yy, seventh) ? `${dd}${mm}${yy}${kind === 'sheet' ? '-' : ''}xxxx` : match));
  } catch {
    return name.replace(/\d/g, 'x');
  }
}
