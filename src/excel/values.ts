/**
 * Cell values between the domain (CellValue) and Office.js (`Range.values`: string | number |
 * boolean), and payload estimates for the request/response limits.
 */
import { safeText, type CellValue } from '../domain/parse/cell';

/** What Office.js `values` holds for one cell. */
export type ExcelScalar = string | number | boolean;

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Excel serial (1900 date system) of a Date; the domain carries calendar dates at UTC midnight. */
export const dateToSerial = (d: Date): number => (d.getTime() - EPOCH_1900) / DAY_MS;

const ERROR_LITERALS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!']);

/**
 * Writing a string through `Range.values` is like typing it: "=…", "+…", "-…" become formulas,
 * "0042" becomes 42, "2024-01-05" a date, "TRUE" a boolean, "#N/A" an error. A leading apostrophe
 * keeps the text as typed (Excel stores it as a quote prefix, not as part of the value). Plain
 * words (a letter first, no digits) are left alone so ordinary text cells get no prefix.
 */
export function needsQuotePrefix(text: string): boolean {
  if (text === '') return false;
  if (!/^\p{L}/u.test(text) || /\d/.test(text)) return true;
  return /^\s*(true|false|sand|falsk)\s*$/i.test(text);
}

/** A domain value as Office.js should receive it for writing. */
export function toExcelValue(value: CellValue): ExcelScalar {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return needsQuotePrefix(value) ? `'${value}` : value;
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return '';
    // A calendar date goes in as ISO text, which Excel takes as a date whatever the locale and, in a
    // cell without number format, shows as a date (a bare serial would show as 45296). Other
    // moments go in as serials.
    return value.getTime() % DAY_MS === 0 ? value.toISOString().slice(0, 10) : dateToSerial(value);
  }
  // A formula as the plan carries it (ExcelJS style, without "="): Excel calculates it on write.
  const formula = (value as { formula?: unknown }).formula;
  if (typeof formula === 'string' && formula.trim()) return formula.startsWith('=') ? formula : `=${formula}`;
  const error = (value as { error?: unknown }).error;
  if (typeof error === 'string' && ERROR_LITERALS.has(error.toUpperCase())) return error.toUpperCase();
  const text = safeText(value);
  return needsQuotePrefix(text) ? `'${text}` : text;
}

/** A value as read through `Range.values`: empty cells arrive as "" and become null (as ExcelJS gives them). */
export function fromExcelValue(value: unknown): CellValue {
  if (value === '' || value === undefined) return null;
  return value as CellValue;
}

/** Office.js reports "General" for cells without a number format; the port says undefined. */
export const fromNumberFormat = (format: unknown): string | undefined =>
  typeof format === 'string' && format !== '' && format !== 'General' ? format : undefined;

/** Text of a header cell: the rule both adapters share. */
export { headerText } from '../workbook/adapterRules';

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
// eslint-disable-next-line no-control-regex
const ESCAPED = /["\\\x00-\x1f]/g;

/**
 * Estimated size in bytes of a value as JSON (UTF-8), without building the string: what one
 * request or response adds to the payload Excel on the web limits.
 */
export function jsonSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string': {
      let n = value.length + 2;
      if (NON_ASCII.test(value)) for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) n += value.charCodeAt(i) > 0x7ff ? 2 : 1;
      const escaped = value.match(ESCAPED);
      return escaped ? n + escaped.length : n;
    }
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (const v of value) n += jsonSize(v);
        return n;
      }
      if (value instanceof Date) return 26;
      return JSON.stringify(value)?.length ?? 4;
    }
    default:
      return 4;
  }
}
