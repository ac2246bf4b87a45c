import fc from 'fast-check';
import { addOre, formatOre, oreToKroner, parseAmountOre, percentOfOre, shareBp, sumOre } from '../../../src/domain/finance';

describe('percentOfOre: amount × rate / 10000, rounded half up away from zero', () => {
  it.each<[number, number, number]>([
    // [øre, basis points, expected øre]
    [1, 5000, 1], // 0,5 øre → 1 øre
    [-1, 5000, -1], // -0,5 øre → -1 øre (symmetric, not towards +∞)
    [3, 5000, 2], // 1,5 → 2
    [-3, 5000, -2],
    [5, 5000, 3], // 2,5 → 3 (not banker's 2)
    [-5, 5000, -3],
    [1, 4999, 0], // 0,4999 → 0
    [-1, 4999, 0], // -0,4999 → 0, never "-0"
    [1, 5001, 1],
    [26200000, 5000, 13100000], // ITMV: 262.000 kr. × 50 % = 131.000 kr.
    [26200000, 6000, 15720000], // 60 % → 157.200 kr.
    [5763, 2000, 1153], // 57,63 kr. × 20 % = 11,526 → 11,53 kr.
    [123456, 8000, 98765], // 1.234,56 × 80 % = 987,648 → 987,65
    [-10000, 8000, -8000],
    [333, 3333, 111], // 110,9889 → 111
    [Number.MAX_SAFE_INTEGER, 10000, Number.MAX_SAFE_INTEGER], // the product exceeds 2^53: BigInt keeps it exact
    [Number.MAX_SAFE_INTEGER, 5000, 4503599627370496], // 4503599627370495,5 → …496
    [0, 5000, 0],
  ])('%p øre × %p bp = %p øre', (amount, rate, expected) => {
    const result = percentOfOre(amount, rate);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });

  it('refuses amounts and rates that are not whole numbers', () => {
    expect(() => percentOfOre(0.5, 5000)).toThrow(RangeError);
    expect(() => percentOfOre(100, 50.5)).toThrow(RangeError);
    expect(() => percentOfOre(Number.MAX_SAFE_INTEGER + 1, 5000)).toThrow(RangeError);
    expect(() => percentOfOre(Number.MAX_SAFE_INTEGER, 20000)).toThrow(RangeError); // result beyond the safe range
  });

  it('100 % is the amount itself and 0 % is 0, for every safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (a) => {
        expect(percentOfOre(a, 10000)).toBe(a);
        expect(percentOfOre(a, 0)).toBe(0);
      }),
    );
  });

  it('agrees with an exact BigInt reference and is odd-symmetric (f(-a) = -f(a))', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), fc.integer({ min: 0, max: 10000 }), (a, r) => {
        const p = BigInt(a) * BigInt(r);
        const abs = p < 0n ? -p : p;
        const rounded = (abs * 2n + 10000n) / 20000n; // floor(x + 1/2) on the magnitude
        expect(percentOfOre(a, r)).toBe(Number(p < 0n ? -rounded : rounded));
        expect(percentOfOre(-a, r) + percentOfOre(a, r)).toBe(0);
      }),
    );
  });
});

describe('sumOre', () => {
  it('sums exactly where floats do not: 0,10 kr. + 0,20 kr. = 30 øre', () => {
    expect(sumOre([10, 20])).toBe(30);
    expect(0.1 + 0.2).not.toBe(0.3); // the reason money is øre
  });

  it('is 0 for an empty list and accepts any iterable', () => {
    expect(sumOre([])).toBe(0);
    expect(sumOre(new Map([['KOM', 5], ['LBF', 7]]).values())).toBe(12);
  });

  it('is exact even when an intermediate float sum would overflow 2^53', () => {
    // Left to right in floats: MAX + 2 rounds, then - 2 lands on MAX - 1. Exact: MAX.
    expect(Number.MAX_SAFE_INTEGER + 2 - 2).not.toBe(Number.MAX_SAFE_INTEGER);
    expect(sumOre([Number.MAX_SAFE_INTEGER, 2, -2])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('throws a RangeError beyond Number.MAX_SAFE_INTEGER and for non-integers', () => {
    expect(() => sumOre([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumOre([-Number.MAX_SAFE_INTEGER, -1])).toThrow(RangeError);
    expect(() => sumOre([1, 0.5])).toThrow(RangeError);
    expect(() => sumOre([1, NaN])).toThrow(RangeError);
    expect(() => addOre(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(addOre(-5, 3)).toBe(-2);
  });

  it('equals the BigInt sum and does not depend on the order (property)', () => {
    // 1000 items of at most 2^43 in size: the sum stays within 2^53.
    const amount = fc.integer({ min: -(2 ** 43), max: 2 ** 43 });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 1000 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
        const exact = list.reduce((s, x) => s + BigInt(x), 0n);
        expect(sumOre(list)).toBe(Number(exact));
        expect(sumOre(shuffled)).toBe(sumOre(list));
      }),
    );
  });
});

describe('oreToKroner', () => {
  it.each<[number, string]>([
    [13100000, '131000.00'],
    [26200000, '262000.00'],
    [-50, '-0.50'],
    [5, '0.05'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%p øre → "%s"', (ore, text) => {
    expect(oreToKroner(ore)).toBe(text);
  });

  it('refuses non-integers', () => {
    expect(() => oreToKroner(1.5)).toThrow(RangeError);
  });

  it('round-trips through Number with two decimals for amounts below 2^53 / 100 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (x) => {
        expect(Math.round(Number(oreToKroner(x)) * 100)).toBe(x);
      }),
    );
  });
});

describe('formatOre and parseAmountOre (re-exported)', () => {
  it('parseAmountOre(formatOre(x)) === x for integers in ±10^13 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (x) => {
        expect(parseAmountOre(formatOre(x))).toEqual({ ok: true, value: x });
      }),
    );
  });

  it('formats the ITMV net cost the Danish way', () => {
    expect(formatOre(13100000)).toBe('131.000,00 kr.');
  });
});

describe('shareBp: part / whole in basis points, half up away from zero', () => {
  it.each<[number, number, number | undefined]>([
    [13100000, 26200000, 5000],
    [1, 3, 3333],
    [2, 3, 6667],
    [1, 8, 1250],
    [1, 20000, 1], // 0,5 bp → 1
    [1, 20001, 0],
    [-1, 3, -3333],
    [5, 0, undefined], // a share of nothing is not 0 %
  ])('%p of %p = %p bp', (part, whole, expected) => {
    expect(shareBp(part, whole)).toBe(expected);
  });
});
