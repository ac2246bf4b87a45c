import fc from 'fast-check';
import { CellValue, ParseFailureCode, formatOre, parseAmountOre } from '../../../src/domain/parse';

describe('parseAmountOre', () => {
  it.each<[CellValue, number]>([
    ['262.000 kr.', 26200000],
    ['131.000 kr.', 13100000],
    ['262.000,50', 26200050],
    ['kr. 1.234', 123400],
    ['kr.1.234', 123400],
    ['Kr. 1.234', 123400],
    ['1.234,5 kr', 123450],
    ['1.234 kroner', 123400],
    ['DKK 1.000', 100000],
    ['1.000 DKK', 100000],
    ['1 234,00', 123400],
    ['1\u00A0234,00 kr.', 123400],
    ['-500', -50000],
    ['\u2212500 kr.', -50000],
    ['kr. -500', -50000],
    ['262000', 26200000],
    ['262,000.50', 26200050],
    ['1.234', 123400],
    ['0,05', 5],
    ['500,-', 50000],
    ['1.500,- kr.', 150000],
    ['-0,00', 0],
    ['90.071.992.547.409,91', Number.MAX_SAFE_INTEGER],
    [262000.5, 26200050],
    [0.1 + 0.2, 30],
    [-0.1 - 0.2, -30],
    [-0, 0],
    [12345678901.23, 1234567890123],
  ])('%p → %p øre', (value, expected) => {
    expect(parseAmountOre(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ParseFailureCode]>([
    ['1,234', 'too-many-decimals'],
    ['1.234,567', 'too-many-decimals'],
    ['1234.567', 'too-many-decimals'],
    [1.234, 'too-many-decimals'],
    [0.001, 'too-many-decimals'],
    [1.005, 'too-many-decimals'],
    ['90.071.992.547.409,92', 'not-an-amount'],
    ['(500)', 'not-an-amount'],
    ['500 EUR', 'not-an-amount'],
    ['kr.', 'not-an-amount'],
    ['ca. 500', 'not-an-amount'],
    [true, 'not-an-amount'],
    [{}, 'not-an-amount'],
    [NaN, 'not-an-amount'],
    [-Infinity, 'not-an-amount'],
    [1e20, 'not-an-amount'],
    ['999999999999999999', 'not-an-amount'],
    ['', 'empty'],
    [null, 'empty'],
    ['#VALUE!', 'excel-error'],
    [{ error: '#N/A' }, 'excel-error'],
  ])('%p fails %s', (value, code) => {
    expect(parseAmountOre(value)).toMatchObject({ ok: false, code });
  });
});

describe('formatOre', () => {
  it.each<[number, string]>([
    [26200000, '262.000,00 kr.'],
    [0, '0,00 kr.'],
    [5, '0,05 kr.'],
    [-50, '-0,50 kr.'],
    [123456789, '1.234.567,89 kr.'],
    [-100000, '-1.000,00 kr.'],
  ])('%p → %s', (ore, expected) => {
    expect(formatOre(ore)).toBe(expected);
  });

  it('rejects non-integers (a programming error, not a cell value)', () => {
    expect(() => formatOre(1.5)).toThrow(RangeError);
  });

  it('parseAmountOre(formatOre(n)) === n for integers in ±10^13', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        expect(parseAmountOre(formatOre(ore))).toEqual({ ok: true, value: ore });
      }),
    );
  });
});
