import { CellValue, ParseFailureCode, parseInteger, parseNumber } from '../../../src/domain/parse';

describe('parseNumber', () => {
  it.each<[CellValue, number]>([
    [12, 12],
    [-0, 0],
    [1.5, 1.5],
    ['12', 12],
    [' 7 ', 7],
    ['1.234,5', 1234.5],
    ['1234,5', 1234.5],
    ['-12,5', -12.5],
    ['\u221212,5', -12.5],
    ['+3', 3],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1234.5', 1234.5],
    ['1234.567', 1234.567],
    ['0.123', 0.123],
    ['1,234', 1.234],
    ['1,234.50', 1234.5],
    ['1,234,567', 1234567],
    ['1 234,5', 1234.5],
    ['1\u00A0234,5', 1234.5],
    ['1\u202F234\u202F567', 1234567],
    ["1'234.5", 1234.5],
    [',5', 0.5],
    ['-0', 0],
    ['007', 7],
  ])('%p → %p', (value, expected) => {
    expect(parseNumber(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ParseFailureCode]>([
    ['', 'empty'],
    ['  ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['#N/A', 'excel-error'],
    [{ error: '#REF!' }, 'excel-error'],
    [true, 'not-a-number'],
    [{}, 'not-a-number'],
    [new Date(0), 'not-a-number'],
    [NaN, 'not-a-number'],
    [Infinity, 'not-a-number'],
    ['abc', 'not-a-number'],
    ['12 34', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['1.234,5,6', 'not-a-number'],
    ['1,234.5.6', 'not-a-number'],
    ['1 234.567,8', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['-', 'not-a-number'],
    ['1..2', 'not-a-number'],
    ['12.', 'not-a-number'],
    ['(500)', 'not-a-number'],
  ])('%p fails %s', (value, code) => {
    expect(parseNumber(value)).toMatchObject({ ok: false, code });
  });
});

describe('parseInteger', () => {
  it.each<[CellValue, number]>([
    ['12', 12],
    ['12,0', 12],
    ['1.234', 1234],
    [-5, -5],
  ])('%p → %p', (value, expected) => {
    expect(parseInteger(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ParseFailureCode]>([
    ['12,5', 'not-an-integer'],
    [1.5, 'not-an-integer'],
    ['123456789012345678901', 'not-an-integer'],
    ['', 'empty'],
    ['x', 'not-a-number'],
  ])('%p fails %s', (value, code) => {
    expect(parseInteger(value)).toMatchObject({ ok: false, code });
  });
});
