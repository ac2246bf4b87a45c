/** A refund file checked line by line against the refusionstrappe (checkRefundLine), with line numbers. */
import { parseRefundFile } from '../../../src/domain/finance';
import { renderCheck } from '../../../src/operations/refundImport';

const HEADER = 'Uge;CPR nummer;Ydelse;Ydelsesuge;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringsbeløb';
const file = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

it('a clean file has no checks: 80 % in weeks 1-4, 40 % in weeks 5-26, 30 % to 52, 20 % after', () => {
  const { checks, problems } = parseRefundFile(file(
    '2026-03;0101801234;Kontanthjælp;1;10.000,00;80;8.000,00;2.000,00',
    '2026-07;0101801234;Kontanthjælp;5;10.000,00;40;4.000,00;6.000,00',
    '2026-40;0202802345;Kontanthjælp;27;1.234,57;30;370,37;864,20',
    '2027-02;0202802345;Kontanthjælp;53;999,99;20;200,00;799,99',
  ));
  expect(problems).toEqual([]);
  expect(checks).toEqual([]);
});

it('a wrong rate for the week, a wrong product and a wrong co-financing each give a check with its line', () => {
  const { checks, rows } = parseRefundFile(file(
    '2026-03;0101801234;Kontanthjælp;1;10.000,00;80;8.000,00;2.000,00',
    '2026-10;0101801234;Kontanthjælp;8;10.000,00;55;5.500,00;4.500,00', // week 8: 40 %, not 55 %
    '2026-11;0101801234;Kontanthjælp;9;10.000,00;40;4.000,01;5.999,99', // 40 % of 10.000,00 is 4.000,00
    '2026-12;0101801234;Kontanthjælp;10;10.000,00;40;4.000,00;5.000,00', // co-financing should be 6.000,00
  ));
  expect(rows.reduce((n, r) => n + r.lines, 0)).toBe(4); // still imported
  expect(checks.map((c) => `${c.line} ${c.reason}`)).toEqual([
    '3 wrong-rate', '4 refund-not-rate-times-amount', '5 co-financing-not-amount-minus-refund',
  ]);
  expect(checks[0]).toMatchObject({ expectedRateBp: 4000, actualRateBp: 5500, benefitWeek: 8, rule: 'Lov om kommunernes finansiering af visse offentlige ydelser § 5, stk. 2, nr. 2' });
  expect(checks[1]).toMatchObject({ expectedOre: 400_000, actualOre: 400_001 });
  expect(checks[2]).toMatchObject({ expectedOre: 600_000, actualOre: 500_000 });
  expect(renderCheck(checks[0]!, 'da')).toBe('Linje 3 (uge 2026-10, ydelsesuge 8): refusionssatsen er 55 %, men 40 % efter Lov om kommunernes finansiering af visse offentlige ydelser § 5, stk. 2, nr. 2.');
  expect(renderCheck(checks[1]!, 'da')).toBe('Linje 4 (uge 2026-11): refusionen er 4.000,01 kr., men sats × beløb giver 4.000,00 kr.');
  expect(renderCheck(checks[2]!, 'en')).toBe('Line 5 (week 2026-12): the co-financing is 5.000,00 kr., but amount − refund gives 6.000,00 kr.');
});

it('without a benefit week the rate is not looked up, but rate × amount and amount − refund are still checked', () => {
  const text = [
    'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringsbeløb',
    '2026-10;0101801234;Kontanthjælp;10.000,00;55;5.500,00;4.500,00',
    '2026-11;0101801234;Kontanthjælp;10.000,00;55;5.000,00;5.000,00',
  ].join('\n');
  expect(parseRefundFile(text).checks.map((c) => `${c.line} ${c.reason}`)).toEqual(['3 refund-not-rate-times-amount']);
});

it('a benefit week that is not a whole number makes the line unreadable', () => {
  const { problems } = parseRefundFile(file('2026-03;0101801234;Kontanthjælp;uge 1;10.000,00;80;8.000,00;2.000,00'));
  expect(problems).toEqual([{ line: 2, reason: 'not-a-week-number', column: 'Ydelsesuge' }]);
});
