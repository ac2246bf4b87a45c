import { todayLocal } from '../../../src/domain/parse/calendarDate';

describe('todayLocal', () => {
  it('is the date on the local wall calendar, late evening included', () => {
    expect(todayLocal(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(todayLocal(new Date(2024, 1, 29, 0, 0))).toBe('2024-02-29');
  });
});
