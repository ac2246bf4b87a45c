import { CellValue, ParseResult, fail, guard, ok } from './cell';
import { parseDecimalText } from './decimalText';
import { emptyOrErrorFailure } from './excelError';

const UNIT = /\s*(?:%|pct\.?|procent)$/i;

/**
 * A percentage as an exact decimal fraction of 1 ("30,8 %" → int '0', frac '308'), or, for JS numbers,
 * as a float. Keeping text as digits lets basis points be computed without floating-point error.
 */
type Fraction = { int: string; frac: string } | { float: number };

/**
 * A percentage as a fraction of 1: "30,8 %" → 0.308. A value with a unit (%, pct., procent) is in
 * percent points. A bare value > 1 is taken as percent points ("50" → 0.5, number 50 → 0.5) and a bare
 * value ≤ 1 as a fraction ("0,5" → 0.5, number 0.308 → 0.308), because Excel stores a cell formatted
 * as 30,8 % as 0.308. Negative and above 100 % fail 'not-a-percentage'. The result is rounded to 10
 * decimal places so 30,8 % is exactly the double 0.308, not 0.30800000000000005.
 */
export function parsePercent(value: CellValue): ParseResult<number> {
  return guard(value, () => {
    const fraction = parseFraction(value);
    if (!fraction.ok) return fraction;
    const f = fraction.value;
    const x = 'float' in f ? f.float : Number(`${f.int}.${f.frac || '0'}`);
    return ok(Math.round(x * 1e10) / 1e10);
  });
}

/** A percentage in whole basis points (30,8 % → 3080, 50 % → 5000); finer values fail. */
export function parsePercentBasisPoints(value: CellValue): ParseResult<number> {
  return guard(value, () => {
    const fraction = parseFraction(value);
    if (!fraction.ok) return fraction;
    const f = fraction.value;
    if ('float' in f) {
      const scaled = f.float * 10000;
      const bp = Math.round(scaled);
      return Math.abs(scaled - bp) < 1e-6 ? ok(bp) : fail('not-a-percentage', value);
    }
    if (f.frac.length > 4) return fail('not-a-percentage', value);
    return ok(Number(f.int + f.frac.padEnd(4, '0')));
  });
}

function parseFraction(value: CellValue): ParseResult<Fraction> {
  const pre = emptyOrErrorFailure(value);
  if (pre) return pre;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > 100) return fail('not-a-percentage', value);
    return ok({ float: value <= 1 ? value + 0 : value / 100 }); // + 0 turns -0 into 0
  }
  if (typeof value !== 'string') return fail('not-a-percentage', value);

  const text = value.trim();
  const number = text.replace(UNIT, '');
  const decimal = text.length <= 100 ? parseDecimalText(number) : null;
  if (!decimal || decimal.negative) return fail('not-a-percentage', value);
  const withUnit = number !== text;
  const aboveOne = decimal.int !== '0' && !(decimal.int === '1' && /^0*$/.test(decimal.frac));
  const fraction = withUnit || aboveOne ? shiftTwoLeft(decimal.int, decimal.frac) : trim(decimal.int, decimal.frac);
  if (fraction.int !== '0' && !(fraction.int === '1' && fraction.frac === '')) return fail('not-a-percentage', value);
  return ok(fraction);
}

/** Percent points → fraction: moves the decimal point two places left, on the digits. */
function shiftTwoLeft(int: string, frac: string): { int: string; frac: string } {
  const padded = int.padStart(3, '0');
  return trim(padded.slice(0, -2), padded.slice(-2) + frac);
}

/** Canonical digits: no leading zeros in int ('0' for none), no trailing zeros in frac. */
function trim(int: string, frac: string): { int: string; frac: string } {
  return { int: int.replace(/^0+/, '') || '0', frac: frac.replace(/0+$/, '') };
}
