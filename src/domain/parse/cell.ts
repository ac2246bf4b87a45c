/**
 * A raw cell value as it arrives from Excel (Office.js `values`), from ExcelJS or from a CSV/text source.
 * Excel error values arrive either as strings ("#N/A") or, from ExcelJS, as `{ error: "#N/A" }`.
 * Dates may arrive as Excel serial numbers, as JS Date objects (ExcelJS) or as text.
 */
export type CellValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { error: string }
  | { [key: string]: unknown };

/** Why a value could not be parsed. Stable codes; user-facing text lives in src/i18n. */
export type ParseFailureCode =
  | 'empty'
  | 'excel-error'
  | 'not-a-number'
  | 'not-an-integer'
  | 'not-a-date'
  | 'invalid-date'
  | 'not-an-amount'
  | 'too-many-decimals'
  | 'not-a-percentage'
  | 'not-a-boolean'
  | 'unsupported-value';

export interface ParseFailure {
  ok: false;
  code: ParseFailureCode;
  /** The offending text (trimmed), for messages. */
  input: string;
}

export interface ParseSuccess<T> {
  ok: true;
  value: T;
}

export type ParseResult<T> = ParseSuccess<T> | ParseFailure;

export const ok = <T>(value: T): ParseSuccess<T> => ({ ok: true, value });
export const fail = (code: ParseFailureCode, input: unknown): ParseFailure => ({
  ok: false,
  code,
  input: safeText(input),
});

/** Text of any cell value for messages; never throws. */
export function safeText(value: unknown): string {
  try {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value.trim();
    if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
    if (typeof value === 'object') {
      const err = (value as { error?: unknown }).error;
      if (typeof err === 'string') return err;
      return JSON.stringify(value) ?? '';
    }
    return String(value);
  } catch {
    return '';
  }
}

/**
 * Last line of defence for the contract "a parse never throws": cells can hold anything (e.g. a Proxy
 * whose traps throw, or an object whose getter throws), and one bad cell must not abort a sheet scan.
 */
export function guard<T>(value: unknown, parse: () => ParseResult<T>): ParseResult<T> {
  try {
    return parse();
  } catch {
    return fail('unsupported-value', value);
  }
}
