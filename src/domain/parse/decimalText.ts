/**
 * Number text split into sign, integer digits and fraction digits WITHOUT converting to a float, so
 * amounts (øre) and basis points can be computed exactly from the digits.
 *
 * Separator rules (Danish convention first, plain English tolerated):
 *  - grouping separators: '.', ',', space (also U+00A0, U+202F, U+2009) and apostrophe. Groups must be
 *    1–3 digits (no leading zero) followed by groups of exactly 3, so "12 34" is not silently 1234;
 *  - both '.' and ',' present → the last one is the decimal separator ("1.234,5", "1,234.50");
 *  - a repeated separator is grouping ("1.234.567", "1,234,567");
 *  - a single ',' → decimal (Danish): "1,234" is 1.234, never 1234;
 *  - a single '.' followed by exactly 3 digits → thousands (Danish "1.234" = 1234) when that is a valid
 *    grouping; otherwise decimal (English "1234.5", "0.123", "1234.567").
 */
export interface DecimalText {
  negative: boolean;
  /** Integer digits without leading zeros; '0' for zero. */
  int: string;
  /** Fraction digits as written (may be '' and may have trailing zeros). */
  frac: string;
}

/** Longer text is not a number anyone typed; the cap also bounds regex work on huge cells. */
const MAX_LENGTH = 64;
const SHAPE = /^\d*(?:[.,' ]\d+)*$/;
const GROUP_LEAD = /^[1-9]\d{0,2}$/;

export function parseDecimalText(text: string): DecimalText | null {
  let t = text.trim();
  if (t.length === 0 || t.length > MAX_LENGTH) return null;
  t = t.replace(/[\u00A0\u202F\u2009]/g, ' ').replace(/\u2019/g, "'");

  let negative = false;
  if (t[0] === '-' || t[0] === '\u2212' || t[0] === '+') {
    negative = t[0] !== '+';
    t = t.slice(1).trimStart();
  }
  if (!SHAPE.test(t) || !/\d/.test(t)) return null;

  const groups = t.split(/[.,' ]/);
  const seps = t.replace(/\d/g, '');
  const hasDecimal = lastSeparatorIsDecimal(seps, groups);
  const intGroups = hasDecimal ? groups.slice(0, -1) : groups;
  const groupSeps = hasDecimal ? seps.slice(0, -1) : seps;
  if (groupSeps !== '') {
    if ([...groupSeps].some((s) => s !== groupSeps[0])) return null;
    const [lead = '', ...rest] = intGroups;
    if (!GROUP_LEAD.test(lead) || rest.some((g) => g.length !== 3)) return null;
  }

  const int = intGroups.join('').replace(/^0+/, '') || '0';
  const frac = hasDecimal ? (groups[groups.length - 1] ?? '') : ''; // a decimal separator means two groups at least
  if (int === '0' && /^0*$/.test(frac)) negative = false; // no "-0"
  return { negative, int, frac };
}

function lastSeparatorIsDecimal(seps: string, groups: string[]): boolean {
  const last = seps[seps.length - 1];
  if (last !== '.' && last !== ',') return false;
  if (seps.indexOf(last) !== seps.length - 1) return false; // repeated → grouping
  if (last === ',' || seps.length > 1) return true; // Danish comma, or another separator groups
  // A lone '.': thousands if it reads as a grouping ("1.234"), else decimal ("1234.5", "0.123").
  const [lead = '', tail = ''] = groups; // one separator: two groups
  return !(tail.length === 3 && GROUP_LEAD.test(lead));
}

/** The exact decimal as a JS number (correctly rounded by Number()). */
export function decimalToNumber(d: DecimalText): number {
  return Number(`${d.negative ? '-' : ''}${d.int}.${d.frac || '0'}`);
}
