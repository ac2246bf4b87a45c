import fc from 'fast-check';
import {
  CalendarDate,
  CellValue,
  ParseFailureCode,
  formatDanishDate,
  fromDayNumber,
  parseDate,
  toDayNumber,
} from '../../../src/domain/parse';

describe('parseDate', () => {
  it.each<[CellValue, string]>([
    // Excel serials (1900 date system)
    [42976, '2017-08-29'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45000, '2023-03-15'],
    [45000.75, '2023-03-15'],
    [2958465, '9999-12-31'],
    ['42976', '2017-08-29'],
    // ExcelJS dates: UTC midnight
    [new Date(Date.UTC(2017, 7, 29)), '2017-08-29'],
    [new Date('2020-01-01T00:00:00Z'), '2020-01-01'],
    // ISO and year first
    ['2017-08-29', '2017-08-29'],
    ['2017-08-29T00:00:00Z', '2017-08-29'],
    ['2017-08-29T23:30:00+02:00', '2017-08-29'],
    ['2017-08-29 10:15', '2017-08-29'],
    ['2017/8/29', '2017-08-29'],
    // Danish, day first
    ['31.8.2017', '2017-08-31'],
    ['1.1.2020', '2020-01-01'],
    ['18.2.2021', '2021-02-18'],
    ['29-08-2017', '2017-08-29'],
    ['29/8-2017', '2017-08-29'],
    ['29.8.2017', '2017-08-29'],
    ['29.08.17', '2017-08-29'],
    ['29/8/17', '2017-08-29'],
    // #10: as hand-kept sheets write them
    ['15/8 2016', '2016-08-15'],
    ['1. sep 2016', '2016-09-01'],
    ['29.08.2016', '2016-08-29'],
    ['29.8. 2016', '2016-08-29'],
    ['01/02/03', '2003-02-01'],
    ['1/2/69', '2069-02-01'],
    ['1/2/70', '1970-02-01'],
    ['29-02-2016', '2016-02-29'],
    ['29-08-2017 00:00:00', '2017-08-29'],
    // month names
    ['29. august 2017', '2017-08-29'],
    ['29 aug 2017', '2017-08-29'],
    ['29. aug. 2017', '2017-08-29'],
    ['29. AUGUST 2017', '2017-08-29'],
    ['1. marts 2020', '2020-03-01'],
    ['3. maj 2021', '2021-05-03'],
    ['3. okt. 2021', '2021-10-03'],
    ['29-aug-17', '2017-08-29'],
    ['24. december 1999', '1999-12-24'],
  ])('%p → %s', (value, expected) => {
    expect(parseDate(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, number, string]>([
    ['29/8', 2016, '2016-08-29'],
    ['29.8.', 2016, '2016-08-29'],
    ['29.8', 2016, '2016-08-29'],
    ['29-2', 2016, '2016-02-29'],
    ['29. august', 2018, '2018-08-29'],
    ['29/8/2017', 2016, '2017-08-29'], // an explicit year wins
  ])('%p with referenceYear %p → %s', (value, referenceYear, expected) => {
    expect(parseDate(value, { referenceYear })).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ParseFailureCode]>([
    [60, 'invalid-date'],
    ['60', 'not-a-date'], // text serials need 5–7 digits
    ['2017', 'not-a-date'], // a bare year is not a date
    [0, 'not-a-date'],
    [-1, 'not-a-date'],
    [2958466, 'not-a-date'],
    [NaN, 'not-a-date'],
    [Infinity, 'not-a-date'],
    [new Date(NaN), 'invalid-date'],
    ['31-02-2017', 'invalid-date'],
    ['29-02-2017', 'invalid-date'],
    ['32.1.2017', 'invalid-date'],
    ['1.13.2017', 'invalid-date'],
    ['2017-02-30', 'invalid-date'],
    ['31. april 2020', 'invalid-date'],
    ['29/8', 'not-a-date'],
    ['29. august', 'not-a-date'],
    ['29. foo 2017', 'not-a-date'],
    ['29. constructor 2017', 'not-a-date'],
    ['i morgen', 'not-a-date'],
    ['20170829', 'not-a-date'],
    ['29.8.201', 'not-a-date'],
    ['8/29/2017 extra', 'not-a-date'],
    [true, 'not-a-date'],
    [{}, 'not-a-date'],
    ['', 'empty'],
    [null, 'empty'],
    ['#N/A', 'excel-error'],
    [{ error: '#VALUE!' }, 'excel-error'],
  ])('%p fails %s', (value, code) => {
    expect(parseDate(value)).toMatchObject({ ok: false, code });
  });

  it.each([NaN, 1.5, 10000, -3])('ignores an unusable referenceYear %p', (referenceYear) => {
    expect(parseDate('29/8', { referenceYear })).toMatchObject({ ok: false, code: 'not-a-date' });
  });

  it('reads day first, never US month first', () => {
    expect(parseDate('02/03/2020')).toEqual({ ok: true, value: '2020-03-02' });
    expect(parseDate('8/29/2017')).toMatchObject({ ok: false, code: 'invalid-date' });
  });

  const validDates = fc
    .integer({ min: toDayNumber('1900-03-01' as CalendarDate), max: toDayNumber('9999-12-31' as CalendarDate) })
    .map(fromDayNumber);

  it('parseDate(formatDanishDate(d)) === d for dates 1900-03-01…9999-12-31', () => {
    fc.assert(
      fc.property(validDates, (date) => {
        expect(parseDate(formatDanishDate(date))).toEqual({ ok: true, value: date });
      }),
    );
  });

  it('serials and the dates they stand for agree from 1900-03-01 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const result = parseDate(serial);
        expect(result.ok && toDayNumber(result.value) - toDayNumber('1899-12-30' as CalendarDate)).toBe(serial);
      }),
    );
  });
});
