/** Regnskabsår in the reconciliation core: a posting belongs to its accounting year, else to the year of its date. */
import { reconcile } from '../../../src/domain/finance';
import type { CalendarDate } from '../../../src/domain/parse';

const d = (iso: string) => iso as CalendarDate;
const budget = [{ initiativeId: 'FKIB', year: 2021, source: 'KOM', amountOre: 10_000_000, refundRateBp: 5000 }];
const postings = (refundYear?: number) => [
  { initiativeId: 'FKIB', date: d('2021-06-01'), type: 'UDGIFT', amountOre: 10_000_000, source: 'KOM' },
  { initiativeId: 'FKIB', date: d('2021-12-15'), type: 'ANMODNING', amountOre: 5_000_000, source: 'REF' },
  { initiativeId: 'FKIB', date: d('2022-01-20'), type: 'REFUSION', amountOre: 5_000_000, source: 'REF', ...(refundYear !== undefined && { accountingYear: refundYear }) },
];

it('a December claim refunded in January reconciles within the accounting year', () => {
  const { lines, allReconciled } = reconcile(budget, postings(2021), { asOf: d('2022-02-01') });
  expect(lines.map((l) => `${l.year} ${l.status} ${l.received}`)).toEqual(['2021 afstemt 5000000']);
  expect(allReconciled).toBe(true);
});

it('without Regnskabsår the January refund is in the next calendar year', () => {
  const { lines } = reconcile(budget, postings(), { asOf: d('2022-02-01') });
  expect(lines.map((l) => `${l.year} ${l.status}`)).toEqual(['2021 udestående', '2022 overrefunderet']);
});
