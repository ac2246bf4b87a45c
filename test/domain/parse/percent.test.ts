import { CellValue, ParseFailureCode, parsePercent, parsePercentBasisPoints } from '../../../src/domain/parse';

describe('parsePercent', () => {
  it.each<[CellValue, number]>([
    ['30,8 %', 0.308],
    ['30,8%', 0.308],
    ['10,8%', 0.108],
    ['6,2 %', 0.062],
    ['30.8 %', 0.308],
    ['30,8\u00A0%', 0.308],
    ['50', 0.5],
    ['0,5', 0.5],
    ['1', 1],
    ['1,5', 0.015], // bare and > 1: percent points
    ['50 pct.', 0.5],
    ['50 pct', 0.5],
    ['50 procent', 0.5],
    ['50 PCT.', 0.5],
    ['100 %', 1],
    ['0 %', 0],
    ['0,1 %', 0.001],
    ['12,3456789012345 %', 0.1234567890],
    [0.308, 0.308],
    [0.1 + 0.2, 0.3],
    [50, 0.5],
    [30.8, 0.308],
    [1, 1],
    [0, 0],
    [-0, 0],
    [100, 1],
  ])('%p → %p', (value, expected) => {
    expect(parsePercent(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ParseFailureCode]>([
    ['-5 %', 'not-a-percentage'],
    [-0.1, 'not-a-percentage'],
    ['101 %', 'not-a-percentage'],
    ['100,01 %', 'not-a-percentage'],
    ['150', 'not-a-percentage'],
    [100.5, 'not-a-percentage'],
    [NaN, 'not-a-percentage'],
    ['%', 'not-a-percentage'],
    ['halvdelen', 'not-a-percentage'],
    ['30 % %', 'not-a-percentage'],
    [true, 'not-a-percentage'],
    [{}, 'not-a-percentage'],
    ['', 'empty'],
    ['#DIV/0!', 'excel-error'],
  ])('%p fails %s', (value, code) => {
    expect(parsePercent(value)).toMatchObject({ ok: false, code });
  });
});

describe('parsePercentBasisPoints', () => {
  it.each<[CellValue, number]>([
    ['30,8 %', 3080],
    ['50 %', 5000],
    ['6,25 %', 625],
    ['0,01 %', 1],
    ['100 %', 10000],
    ['0,308', 3080],
    ['0,3080', 3080],
    ['50', 5000],
    [0.308, 3080],
    [0.1 + 0.2, 3000],
    [30.8, 3080],
    [0, 0],
  ])('%p → %p', (value, expected) => {
    expect(parsePercentBasisPoints(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ParseFailureCode]>([
    ['0,001 %', 'not-a-percentage'],
    ['30,805 %', 'not-a-percentage'],
    ['0,12345', 'not-a-percentage'],
    [0.12345, 'not-a-percentage'],
    ['101 %', 'not-a-percentage'],
    [null, 'empty'],
  ])('%p fails %s', (value, code) => {
    expect(parsePercentBasisPoints(value)).toMatchObject({ ok: false, code });
  });
});
