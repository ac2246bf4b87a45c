/**
 * Money as integer øre (1 kr. = 100 øre). Amounts are summed and multiplied with integer/BigInt
 * arithmetic only, so a reconciliation never differs by an øre because of binary floating point.
 */
export { formatOre, parseAmountOre } from '../parse/amount';

/** An amount in whole øre; always a safe integer (|x| ≤ Number.MAX_SAFE_INTEGER). */
export type Ore = number;

/** Basis points: 10000 = 100 %, 5000 = 50 %. */
export type BasisPoints = number;

const BP_PER_WHOLE = 10000n;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

export function isOre(value: unknown): value is Ore {
  return Number.isSafeInteger(value);
}

/** Throws a RangeError unless the value is a safe integer: a float here is a bug upstream, not data. */
export function assertOre(value: unknown, what = 'amount'): asserts value is Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be whole øre (a safe integer), got ${String(value)}`);
}

/** A BigInt result back to a number; throws rather than silently losing precision. */
function toOre(value: bigint, what: string): Ore {
  if (value > MAX || value < -MAX) throw new RangeError(`${what} is beyond Number.MAX_SAFE_INTEGER øre`);
  return Number(value);
}

/** Exact sum. Accumulates in BigInt, so the result does not depend on the order of the list. */
export function sumOre(list: Iterable<Ore>): Ore {
  let total = 0n;
  for (const amount of list) {
    assertOre(amount);
    total += BigInt(amount);
  }
  return toOre(total, 'sum');
}

/** a + b, exact, with the same guards as sumOre. */
export function addOre(a: Ore, b: Ore): Ore {
  assertOre(a);
  assertOre(b);
  return toOre(BigInt(a) + BigInt(b), 'sum');
}

/**
 * numerator / denominator rounded to an integer, ROUND HALF UP AWAY FROM ZERO: the magnitude is
 * rounded up when the remainder is at least half, then the sign is applied. So 0.5 → 1 and
 * -0.5 → -1 (symmetric), which is how a Danish kasserer rounds øre by hand. Denominator > 0.
 */
function divideHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * amount × rate / 10000, rounded to whole øre HALF UP AWAY FROM ZERO (see divideHalfAwayFromZero):
 * 1 øre × 50 % = 1 øre, -1 øre × 50 % = -1 øre, 3 øre × 50 % = 2 øre, 1 øre × 49,99 % = 0 øre.
 * The product is formed in BigInt, so 90 trillion kr. × 100 % is still exact.
 */
export function percentOfOre(amountOre: Ore, rateBp: BasisPoints): Ore {
  assertOre(amountOre);
  assertOre(rateBp, 'rate (basis points)');
  return toOre(divideHalfAwayFromZero(BigInt(amountOre) * BigInt(rateBp), BP_PER_WHOLE), 'percentage');
}

/**
 * part / whole in basis points, rounded half up away from zero (1 of 3 → 3333, 2 of 3 → 6667);
 * undefined when whole is 0 because a share of nothing is not 0 %.
 */
export function shareBp(part: Ore, whole: Ore): BasisPoints | undefined {
  assertOre(part);
  assertOre(whole);
  if (whole === 0) return undefined;
  const sign = whole < 0 ? -1n : 1n;
  return toOre(divideHalfAwayFromZero(BigInt(part) * BP_PER_WHOLE * sign, BigInt(whole) * sign), 'share');
}

/** Kroner with a '.' decimal point and two decimals, for JSON and CSV: 13100000 → "131000.00", -50 → "-0.50". */
export function oreToKroner(ore: Ore): string {
  assertOre(ore);
  const digits = String(Math.abs(ore)).padStart(3, '0');
  return `${ore < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
