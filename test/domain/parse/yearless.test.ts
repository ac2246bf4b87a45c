/** A day and month without a year take the year from the row's context; ambiguity is said, not hidden. */
import { resolveYear, yearlessDayMonth, type CalendarDate } from '../../../src/domain/parse';

const d = (s: string) => s as CalendarDate;

describe('yearlessDayMonth', () => {
  it.each([
    ['29/8', { day: 29, month: 8 }], ['29.8.', { day: 29, month: 8 }], ['29-08', { day: 29, month: 8 }],
    ['29. aug.', { day: 29, month: 8 }], ['1 marts', { day: 1, month: 3 }], ['29/2', { day: 29, month: 2 }],
  ])('%p is day %p', (text, expected) => {
    expect(yearlessDayMonth(text)).toEqual(expected);
  });
  it.each(['29/8-2016', '2016-08-29', '32/8', '29/13', 'snart', 42611, '31/4'])('%p is not a yearless date', (value) => {
    expect(yearlessDayMonth(value)).toBeUndefined();
  });
});

describe('resolveYear', () => {
  it('takes the year nearest the reference date', () => {
    expect(resolveYear(1, 8, { reference: d('2016-08-29') })).toEqual({ date: '2016-08-01', ambiguous: false });
    expect(resolveYear(20, 12, { reference: d('2017-01-10') })).toEqual({ date: '2016-12-20', ambiguous: false });
    expect(resolveYear(5, 1, { reference: d('2016-12-20') })).toEqual({ date: '2017-01-05', ambiguous: false });
  });
  it('keeps to the initiative\'s period', () => {
    // Nearest 10-01-2017 would be 2016-12-20, but the initiative began in 2017.
    expect(resolveYear(20, 12, { reference: d('2017-01-10'), period: { start: d('2017-01-01'), end: d('2017-12-31') } })).toEqual({ date: '2017-12-20', ambiguous: false });
  });
  it('is ambiguous half a year from the reference both ways, or when no year fits the period', () => {
    expect(resolveYear(28, 2, { reference: d('2016-08-29') })).toEqual({ date: '2016-02-28', ambiguous: true });
    expect(resolveYear(28, 2, { reference: d('2016-08-29'), period: { start: d('2016-01-01'), end: d('2016-12-31') } })).toEqual({ date: '2016-02-28', ambiguous: false });
    expect(resolveYear(1, 6, { reference: d('2016-08-29'), period: { start: d('2020-01-01') } })).toMatchObject({ ambiguous: true });
  });
  it('finds 29 February only in a leap year', () => {
    expect(resolveYear(29, 2, { reference: d('2017-03-01') })).toEqual({ date: '2016-02-29', ambiguous: false });
    expect(resolveYear(29, 2, { reference: d('2018-06-01') })).toBeUndefined();
  });
});
