/**
 * What the hostile suite looks for in what the CLI prints and writes. Shared by the suite and by its
 * child process (test/hostile/runner.ts), so it imports nothing that loads ExcelJS.
 */

/**
 * A CPR digit string as src/domain/parse/cpr.ts counts one: ddmmyy, an optional '-', space, no-break
 * space or en dash, then 4 digits, not inside a longer run of digits, the date valid in the century
 * the 7th digit gives. Written out here rather than imported: the suite must not trust the code it tests.
 */
const CPR = /(?<!\d)(\d{2})(\d{2})(\d{2})[- \u00A0\u2013]?(\d)\d{3}(?!\d)/g;

export function cprStrings(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CPR)) if (validCprDate(m[1], m[2], m[3], m[4])) found.push(m[0]);
  return found;
}

function validCprDate(dd: string, mm: string, yy: string, seventh: string): boolean {
  const y = Number(yy);
  const d7 = Number(seventh);
  const century = d7 <= 3 ? 1900 : d7 === 4 || d7 === 9 ? (y <= 36 ? 2000 : 1900) : y <= 57 ? 2000 : 1800;
  const year = century + y;
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** A stack trace or a V8/Node crash in printed output. */
export function stackTraceLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+at\s/.test(l) || l.includes('FATAL ERROR') || l.includes('node:internal') || /^\s*\d+: 0x[0-9a-f]+ /.test(l));
}

/** The text of a formula with its string literals ("…", "" inside) taken out. */
export const outsideLiterals = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""');

/** The string literals of a formula, unquoted. */
export const literalsOf = (formula: string): string[] => [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));

/** Injected code: what must never appear in a formula outside a string literal. */
export const INJECTED = [/WEBSERVICE/i, /1000000\s*\+\s*N\(/i, /Kommune"\)/i, /egne"/i];

/** Characters XML 1.0 forbids (a file with them does not open in Excel). */
// eslint-disable-next-line no-control-regex -- these are what is looked for
export const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/** The formulas (`<f>` elements) of a sheet part, decoded. */
export function formulasOf(xml: string): string[] {
  return [...xml.matchAll(/<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/g)].map((m) => decodeXml(m[1]));
}

/** Data-validation and conditional-format formulas of a sheet part (they run in Excel too). */
export function ruleFormulasOf(xml: string): string[] {
  return [...xml.matchAll(/<(?:x14:)?formula[12]?>(?:<xm:f>)?([\s\S]*?)(?:<\/xm:f>)?<\/(?:x14:)?formula[12]?>/g)].map((m) => decodeXml(m[1]));
}
