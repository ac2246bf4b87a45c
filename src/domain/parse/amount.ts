import { CellValue, ParseResult, fail, guard, ok } from './cell';
import { parseDecimalText } from './decimalText';
import { emptyOrErrorFailure } from './excelError';

const CURRENCY_PREFIX = /^(?:kr\.?|dkk)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:kroner|kr\.?|dkk)$/i;
/** "500,-" is the Danish way of writing whole kroner. */
const WHOLE_KRONER = /,-{1,2}$/;

/**
 * An amount in integer øre (1 kr. = 100 øre), so sums never suffer from binary floating point.
 *
 * Text is parsed digit by digit (see decimalText.ts for separators). Ambiguity rule for Danish users:
 * a single '.' followed by exactly 3 digits is a thousands separator ("1.234" = 1.234 kr.), while ','
 * is always the decimal separator, so "1,234" has three decimals and fails 'too-many-decimals' rather
 * than being guessed as 1.234 kr. Parentheses for negatives ("(500)") are not accepted.
 */
export function parseAmountOre(value: CellValue): ParseResult<number> {
  return guard(value, () => {
    const pre = emptyOrErrorFailure(value);
    if (pre) return pre;
    if (typeof value === 'number') return oreFromNumber(value);
    if (typeof value !== 'string') return fail('not-an-amount', value);
    return oreFromText(value);
  });
}

function oreFromNumber(kroner: number): ParseResult<number> {
  if (!Number.isFinite(kroner)) return fail('not-an-amount', kroner);
  const scaled = kroner * 100;
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled)); // half away from zero
  // Binary noise (0.1 + 0.2) is far below 1e-6 øre; a real third decimal (1.234) is at least 0.1 øre.
  // The relative term keeps the tolerance above one ulp for very large amounts.
  const tolerance = Math.max(1e-6, Math.abs(scaled) * Number.EPSILON * 4);
  if (Math.abs(scaled - rounded) >= tolerance) return fail('too-many-decimals', kroner);
  if (!Number.isSafeInteger(rounded)) return fail('not-an-amount', kroner);
  return ok(rounded === 0 ? 0 : rounded);
}

function oreFromText(input: string): ParseResult<number> {
  let text = input.trim();
  if (text.length > 100) return fail('not-an-amount', input);
  text = text.replace(CURRENCY_PREFIX, '');
  if (text === input.trim()) text = text.replace(CURRENCY_SUFFIX, '');
  text = text.replace(WHOLE_KRONER, '');
  const decimal = parseDecimalText(text);
  if (!decimal) return fail('not-an-amount', input);
  if (decimal.frac.length > 2) return fail('too-many-decimals', input);
  const digits = (decimal.int + decimal.frac.padEnd(2, '0')).replace(/^0+(?=\d)/, '');
  const ore = Number(digits); // an integer string: exact while it is a safe integer
  if (!Number.isSafeInteger(ore)) return fail('not-an-amount', input);
  return ok(decimal.negative && ore !== 0 ? -ore : ore);
}

/** Danish display of øre: 26200000 → "262.000,00 kr.", -50 → "-0,50 kr.". String arithmetic only. */
export function formatOre(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`formatOre needs a safe integer, got ${String(ore)}`);
  const digits = String(Math.abs(ore)).padStart(3, '0');
  const kroner = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${ore < 0 ? '-' : ''}${kroner},${digits.slice(-2)} kr.`;
}
