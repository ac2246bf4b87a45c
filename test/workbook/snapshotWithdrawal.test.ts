/** Withdrawing a snapshot marks its rows (never deletes them), also in a table frozen before the column existed. */
import { planWithdrawal, snapshotDates, snapshotListing, snapshotTrend } from '../../src/workbook/snapshotSheet';
import type { TableRead } from '../../src/workbook/read';
import { excelSerial, type CalendarDate } from '../../src/domain/parse/calendarDate';

const d = (s: string) => s as CalendarDate;
const OLD_HEADER = ['Dato', 'Indsats-ID', 'Indsats', 'I job', 'I uddannelse', 'I virksomhedspraktik', 'I forløb', 'Afsluttet', 'I alt', 'Forløb', 'Aktive'];
const row = (date: string, id: string, total: number) => [excelSerial(d(date)), id, id, 1, 0, 2, 3, 1, total, total, 5];

/** A Statusfotos table as frozen before "Trukket tilbage" existed: header on row 4 from column A. */
const old: TableRead = {
  sheet: 'Statusfotos', table: 'Statusfotos', header: OLD_HEADER, headerRow: 4, firstColumn: 1, ref: 'A4:K7',
  rows: [row('2016-06-30', 'ITMV', 14), row('2016-08-29', 'ITMV', 18), row('2016-08-29', 'FSM', 20)],
};

it('adds the column to an old table and marks the date\'s rows with the day of the withdrawal', () => {
  expect(planWithdrawal(old, d('2016-08-29'), d('2026-11-25'), 'da')).toEqual([
    { kind: 'addColumns', sheet: 'Statusfotos', table: 'Statusfotos', headers: ['Trukket tilbage'] },
    { kind: 'layoutColumns', sheet: 'Statusfotos', table: 'Statusfotos', columns: [{ header: 'Trukket tilbage', numberFormat: 'dd-mm-yyyy', width: 14 }] },
    { kind: 'setValues', sheet: 'Statusfotos', cells: [{ address: 'L6', value: new Date('2026-11-25T00:00:00.000Z'), expected: null }, { address: 'L7', value: new Date('2026-11-25T00:00:00.000Z'), expected: null }] },
  ]);
  expect(planWithdrawal(old, d('2017-01-01'), d('2026-11-25'), 'da')).toEqual([]);
});

it('leaves withdrawn rows out of the frozen dates and the trend, and lists them as withdrawn', () => {
  const withdrawn: TableRead = { ...old, header: [...OLD_HEADER, 'Trukket tilbage'], rows: old.rows.map((r, i) => [...r, i ? excelSerial(d('2026-11-25')) : null]) };
  expect([...snapshotDates(withdrawn)]).toEqual(['2016-06-30']);
  expect(snapshotTrend(withdrawn).map((p) => [p.date, p.participants])).toEqual([['2016-06-30', 14]]);
  expect(snapshotListing(withdrawn)).toEqual([{ date: '2016-06-30', rows: 1 }, { date: '2016-08-29', rows: 2, withdrawn: '2026-11-25' }]);
  // Nothing more to withdraw on that date; frozen again, the new rows are in force beside the withdrawn ones.
  expect(planWithdrawal(withdrawn, d('2016-08-29'), d('2026-11-26'), 'da')).toEqual([]);
  const again: TableRead = { ...withdrawn, rows: [...withdrawn.rows, [...row('2016-08-29', 'ITMV', 17), null]] };
  expect(snapshotTrend(again).map((p) => [p.date, p.participants])).toEqual([['2016-06-30', 14], ['2016-08-29', 17]]);
  expect(snapshotDates(again).has(d('2016-08-29'))).toBe(true);
});
