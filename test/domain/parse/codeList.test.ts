import { CellValue, parseCodeList } from '../../../src/domain/parse';

describe('parseCodeList', () => {
  it.each<[CellValue, string[]]>([
    ['M3, M4; M5', ['M3', 'M4', 'M5']],
    ['M3;M4', ['M3', 'M4']],
    ['M3 og M4', ['M3', 'M4']],
    ['M3\nM4', ['M3', 'M4']],
    ['M3\r\nM4', ['M3', 'M4']],
    ['M3 / M4', ['M3 / M4']],
    ['Løntilskud/virksomhedspraktik', ['Løntilskud/virksomhedspraktik']],
    ['Mentor og Job', ['Mentor', 'Job']],
    ['Mentor, Job og Uddannelse', ['Mentor', 'Job', 'Uddannelse']],
    ['Sogn', ['Sogn']], // "og" inside a word is not a separator
    ['M3, M4, M3', ['M3', 'M4']],
    [' M3 ,, ;M4; ', ['M3', 'M4']],
    ['M3', ['M3']],
    [42, ['42']],
    [1.5, ['1.5']],
    ['', []],
    ['   ', []],
    [null, []],
    [undefined, []],
    ['#N/A', []],
    [{ error: '#N/A' }, []],
    [true, []],
    [NaN, []],
    [{}, []],
  ])('%p → %p', (value, expected) => {
    expect(parseCodeList(value)).toEqual(expected);
  });
});
