import { CellValue, ParseFailureCode, parseBoolean } from '../../../src/domain/parse';

describe('parseBoolean', () => {
  it.each<CellValue>(['Ja', 'ja', ' JA ', 'J', 'Yes', 'y', 'True', 'TRUE', 'Sand', '1', 'x', 'X', '✓', true, 1])(
    '%p → true',
    (value) => {
      expect(parseBoolean(value)).toEqual({ ok: true, value: true });
    },
  );

  it.each<CellValue>(['Nej', 'nej', 'N', 'No', 'False', 'FALSK', '0', false, 0, -0])('%p → false', (value) => {
    expect(parseBoolean(value)).toEqual({ ok: true, value: false });
  });

  it.each<[CellValue, ParseFailureCode]>([
    ['måske', 'not-a-boolean'],
    ['ja tak', 'not-a-boolean'],
    [2, 'not-a-boolean'],
    [0.5, 'not-a-boolean'],
    [{}, 'not-a-boolean'],
    [new Date(0), 'not-a-boolean'],
    ['', 'empty'],
    [undefined, 'empty'],
    ['#N/A', 'excel-error'],
  ])('%p fails %s', (value, code) => {
    expect(parseBoolean(value)).toMatchObject({ ok: false, code });
  });
});
