import { CellValue, excelErrorOf, isBlank } from '../../../src/domain/parse';

describe('excelErrorOf', () => {
  it.each<[CellValue, string]>([
    ['#N/A', '#N/A'],
    [' #n/a ', '#N/A'],
    ['#VALUE!', '#VALUE!'],
    ['#REF!', '#REF!'],
    ['#DIV/0!', '#DIV/0!'],
    ['#NUM!', '#NUM!'],
    ['#NAME?', '#NAME?'],
    ['#NULL!', '#NULL!'],
    ['#SPILL!', '#SPILL!'],
    ['#CALC!', '#CALC!'],
    ['#GETTING_DATA', '#GETTING_DATA'],
    ['#FIELD!', '#FIELD!'],
    ['#BLOCKED!', '#BLOCKED!'],
    ['#BUSY!', '#BUSY!'],
    ['#CONNECT!', '#CONNECT!'],
    ['#UNKNOWN!', '#UNKNOWN!'],
    [{ error: '#N/A' }, '#N/A'],
    [{ error: '#div/0!' }, '#DIV/0!'],
  ])('%p is the error %s', (value, expected) => {
    expect(excelErrorOf(value)).toBe(expected);
  });

  it.each<CellValue>(['N/A', '#', '#FOO!', 'Sag #12', '', null, undefined, 0, true, new Date(0), { error: 42 }, { text: '#N/A' }])(
    '%p is not an error',
    (value) => {
      expect(excelErrorOf(value)).toBeNull();
    },
  );
});

describe('isBlank', () => {
  it.each<[CellValue, boolean]>([
    [null, true],
    [undefined, true],
    ['', true],
    ['   ', true],
    ['\u00A0\t\n', true],
    ['x', false],
    [0, false],
    [false, false],
    [{}, false],
  ])('%p → %p', (value, expected) => {
    expect(isBlank(value)).toBe(expected);
  });
});
