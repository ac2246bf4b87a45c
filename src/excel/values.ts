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

/** Text JSON writes as it is, one byte a character (no escapes, ASCII only). */
const PLAIN = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * Size in bytes of a value as JSON.stringify writes it, in UTF-8, without building the string:
 * what one request or response adds to the payload Excel on the web limits. Escapes as JSON has
 * them: \" \\ \b \f \n \r \t are 2 bytes, other control characters (\u0001) 6, a lone surrogate
 * (\ud800) 6; a surrogate pair is 4 bytes, other characters 1 to 3.
 */
export function jsonSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return PLAIN.test(value) ? value.length + 2 : stringSize(value);
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
      // Escapes are ASCII in JSON.stringify's output (lone surrogates too): its UTF-8 length.
      const text = JSON.stringify(value);
      return text === undefined ? 4 : utf8Length(text);
    }
    default:
      return 4;
  }
}

/** Bytes of a string's JSON (quotes included). */
function stringSize(text: string): number {
  let n = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) n += 6;
    else n += 3;
  }
  return n;
}

/** UTF-8 length of a string (a surrogate pair is 4 bytes). */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return n;
}

/*
 * What a command costs beyond its arguments. Office.js sends a sync as one RichApi request,
 *
 *   {"Actions":[action,…],"ObjectPaths":{"<id>":path,…}}
 *
 * (the shape test/standin/wire.ts serialises, and what Excel on the web counts against 5 MB):
 *
 *   action  {"Id":9,"ActionType":4,"Name":"Values","ObjectPathId":8,"ArgumentInfo":{"Arguments":[…]}}
 *           80 characters + 2 ids + name + arguments, and a comma;
 *           a load: {"Id":9,"ActionType":2,"Name":"","ObjectPathId":8,"QueryInfo":{"Select":["Address"]}}
 *   path    "8":{"Id":8,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":7,"ArgumentInfo":{"Arguments":["A1"]}}
 *           93 characters + 3 ids + name + arguments, and a comma (a property path, `range.format`,
 *           has no ArgumentInfo: 61 + 3 ids + name); every object reached by a property or method
 *           (`getRange(…)`, `.format`, `.font`, `tables.add(…)`) is a new path in the request that
 *           first uses it, and Office.js adds an Instantiate action for it,
 *           {"Id":10,"ActionType":1,"Name":"","ObjectPathId":8}: 48 characters + 2 ids and a comma.
 *   result  {"ActionId":9,"Value":{"Address":"Ark1!A1"}}: 22 characters + id + value, and a comma,
 *           in the response, for each load.
 *
 * A context numbers actions and paths with one counter, so a large plan's ids have 6 or 7 digits:
 * they are counted as 7, names as up to 16 characters. A title label (values, bold, size on
 * getRange, .format, .font) is thus 3 actions + 3 paths ≈ 915 bytes + its text; the stand-in,
 * which leaves out the Instantiate actions, measures ~600.
 */
const ID = 7;
const NAME = 16;

/** One property write, method call or load, without its arguments (Id, ActionType, Name, ObjectPathId, ArgumentInfo/QueryInfo). */
export const ACTION_BYTES = 81 + 2 * ID + NAME;

/** One new object path, without its arguments, with its Instantiate action. */
export const PATH_BYTES = 94 + 3 * ID + NAME + (49 + 2 * ID);

/** One result in the response, without its value. */
export const RESULT_BYTES = 23 + ID;

/** Estimated request bytes of `actions` commands that reach `paths` new objects, with `data` bytes of arguments. */
export const commandBytes = (actions: number, paths: number, data = 0): number => actions * ACTION_BYTES + paths * PATH_BYTES + data;

/**
 * Estimated request + response bytes of one load on an object reached by `paths` new paths
 * (arguments: `data` bytes) whose result, `{"Address":"…"}` and the like, is `result` bytes.
 */
export const loadBytes = (paths: number, data: number, result: number): number => commandBytes(1, paths, data) + RESULT_BYTES + result;
