import type { CalendarDate } from '../../../src/domain/parse/calendarDate';
import { addDays } from '../../../src/domain/parse/calendarDate';
import { parseRefundFile } from '../../../src/domain/finance/refundFile';
import {
  benefitWeekNumbers, checkRefundLine, isoWeekStart, refundLineFromAggregate, refundRateForWeek, type PersonWeek,
} from '../../../src/domain/law/refund';

const d = (iso: string) => iso as CalendarDate;

describe('refundRateForWeek (§ 5, from 4 January 2016)', () => {
  it.each([
    [1, 8000], [4, 8000], [5, 4000], [26, 4000], [27, 3000], [52, 3000], [53, 2000], [400, 2000],
  ])('week %i → %i bp', (week, bp) => {
    const rate = refundRateForWeek(week, d('2026-03-02'));
    expect(rate?.rateBp).toBe(bp);
    expect(rate?.rule).toMatch(/§ 5, stk\. 2, nr\. [1-4]$/);
    expect(rate?.source.url).toMatch(/^https:\/\//);
  });

  it('has the co-financing steps of stk. 3', () => {
    expect([1, 5, 27, 53].map((w) => refundRateForWeek(w, d('2026-03-02'), 'medfinansiering')?.rateBp)).toEqual([2000, 6000, 7000, 8000]);
  });

  it('is the same on both sides of 2026-07-01 and 2027-01-01 (no stored source changes it)', () => {
    for (const date of ['2026-06-29', '2026-07-06', '2026-12-28', '2027-01-04']) {
      expect(refundRateForWeek(27, d(date))?.rateBp).toBe(3000);
    }
  });

  it('knows no rate before 4 January 2016 or for a week that is not a whole number ≥ 1', () => {
    expect(refundRateForWeek(1, d('2016-01-03'))).toBeUndefined();
    expect(refundRateForWeek(1, d('2016-01-04'))?.rateBp).toBe(8000);
    expect(refundRateForWeek(0, d('2026-01-05'))).toBeUndefined();
    expect(refundRateForWeek(1.5, d('2026-01-05'))).toBeUndefined();
  });
});

describe('benefitWeekNumbers (§ 6 reset)', () => {
  const history = (start: string, kinds: PersonWeek['kind'][]): PersonWeek[] =>
    kinds.map((kind, i) => ({ weekStart: addDays(d(start), 7 * i), kind }));
  const repeat = (kind: PersonWeek['kind'], n: number) => Array<PersonWeek['kind']>(n).fill(kind);

  it('counts benefit weeks and skips the others', () => {
    expect(benefitWeekNumbers(history('2025-01-06', ['benefit', 'benefit', 'other', 'self-support', 'benefit']))).toEqual([1, 2, undefined, undefined, 3]);
  });

  it('starts again after 52 weeks of self-support, not after 51', () => {
    const reset = benefitWeekNumbers(history('2022-01-03', ['benefit', ...repeat('self-support', 52), 'benefit']));
    expect(reset.at(-1)).toBe(1);
    const noReset = benefitWeekNumbers(history('2022-01-03', ['benefit', ...repeat('self-support', 51), 'benefit']));
    expect(noReset.at(-1)).toBe(2);
  });

  it('adds up self-support weeks that are not consecutive, within 3 years', () => {
    const kinds = ['benefit', ...repeat('self-support', 26), ...repeat('benefit', 10), ...repeat('self-support', 26), 'benefit'] as PersonWeek['kind'][];
    expect(benefitWeekNumbers(history('2022-01-03', kinds)).at(-1)).toBe(1);
  });

  it('does not count self-support older than 3 years', () => {
    // 52 self-support weeks, then about 3 years of benefits: the old self-support falls out of the window.
    const kinds = ['benefit', ...repeat('self-support', 30), ...repeat('benefit', 160), ...repeat('self-support', 22), 'benefit'] as PersonWeek['kind'][];
    expect(benefitWeekNumbers(history('2019-01-07', kinds)).at(-1)).toBe(1 + 160 + 1);
  });

  it('ignores weeks before 1 July 2014 (§ 30) and refuses an unsorted history', () => {
    expect(benefitWeekNumbers(history('2014-06-23', ['benefit', 'benefit']))).toEqual([undefined, 1]);
    expect(() => benefitWeekNumbers([{ weekStart: d('2025-01-13'), kind: 'benefit' }, { weekStart: d('2025-01-06'), kind: 'benefit' }])).toThrow(RangeError);
  });
});

describe('isoWeekStart', () => {
  it.each([
    ['2021-07', '2021-02-15'], ['2026-01', '2025-12-29'], ['2026-27', '2026-06-29'], ['2027W01', '2027-01-04'], ['2020-53', '2020-12-28'],
  ])('%s begins %s', (text, monday) => expect(isoWeekStart(text)).toBe(monday));

  it('refuses a week the year does not have', () => {
    expect(isoWeekStart('2021-53')).toBeUndefined();
    expect(isoWeekStart('2021-00')).toBeUndefined();
    expect(isoWeekStart('uge 7')).toBeUndefined();
  });
});

describe('checkRefundLine', () => {
  const date = d('2026-03-02');

  it('accepts a correct line', () => {
    expect(checkRefundLine({ week: 3, amountOre: 1_234_567, rateBp: 8000, refundOre: 987_654, coFinancingOre: 246_913 }, date)).toEqual([]);
  });

  it('reports the wrong rate for the week, with the rule', () => {
    expect(checkRefundLine({ week: 5, amountOre: 100_000, rateBp: 8000, refundOre: 80_000 }, date)).toEqual([
      { reason: 'wrong-rate', expectedRateBp: 4000, actualRateBp: 8000, rule: expect.stringContaining('§ 5, stk. 2, nr. 2') },
    ]);
  });

  it('reports a refund that is not rate × amount rounded half up, to the øre', () => {
    // 1 øre × 50 % = 0.5 → 1 øre (half up); 0 is wrong.
    expect(checkRefundLine({ amountOre: 1, rateBp: 5000, refundOre: 0 }, date)).toEqual([
      { reason: 'refund-not-rate-times-amount', expectedOre: 1, actualOre: 0 },
    ]);
    expect(checkRefundLine({ amountOre: 1, rateBp: 5000, refundOre: 1 }, date)).toEqual([]);
    expect(checkRefundLine({ amountOre: 1_000_01, rateBp: 4000, refundOre: 40_001 }, date)).toEqual([
      { reason: 'refund-not-rate-times-amount', expectedOre: 40_000, actualOre: 40_001 },
    ]);
  });

  it('uses the expected rate when the line has none', () => {
    expect(checkRefundLine({ week: 30, amountOre: 10_000, refundOre: 3_000 }, date)).toEqual([]);
    expect(checkRefundLine({ week: 30, amountOre: 10_000, refundOre: 4_000 }, date)[0].reason).toBe('refund-not-rate-times-amount');
  });

  it('reports co-financing that is not amount − refund', () => {
    expect(checkRefundLine({ amountOre: 10_000, rateBp: 3000, refundOre: 3_000, coFinancingOre: 6_999 }, date)).toEqual([
      { reason: 'co-financing-not-amount-minus-refund', expectedOre: 7_000, actualOre: 6_999 },
    ]);
    // Not for co-financed benefits (dagpenge etc.), where the municipal share is not amount − refund.
    expect(checkRefundLine({ week: 1, amountOre: 10_000, rateBp: 2000, refundOre: 2_000, coFinancingOre: 0 }, date, 'medfinansiering')).toEqual([]);
  });

  it('takes a refund file aggregate and allows its line-by-line rounding', () => {
    const file = [
      'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringsbeløb',
      '2026-10;0101901234;Kontanthjælp;0,01;50;0,01;0,00',
      '2026-10;0202901234;Kontanthjælp;0,01;50;0,01;0,00',
    ].join('\n');
    const [row] = parseRefundFile(file).rows;
    const line = refundLineFromAggregate(row, 3);
    expect(line).toEqual({ week: 3, amountOre: 2, rateBp: 5000, refundOre: 2, coFinancingOre: 0, lines: 2 });
    // 2 øre × 50 % = 1 øre for the sum, 1 + 1 line by line: within ⌊2/2⌋ øre. The rate is wrong for week 3.
    expect(checkRefundLine(line, isoWeekStart(row.week)!).map((p) => p.reason)).toEqual(['wrong-rate']);
    expect(checkRefundLine({ ...line, lines: 1 }, isoWeekStart(row.week)!).map((p) => p.reason)).toEqual(['wrong-rate', 'refund-not-rate-times-amount']);
  });
});
