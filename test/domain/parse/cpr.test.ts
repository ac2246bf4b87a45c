import fc from 'fast-check';
import { CellValue, findCprNumbers, isValidYmd, looksLikeCpr, maskCpr, maskCprValue } from '../../../src/domain/parse';

describe('findCprNumbers', () => {
  it.each<[CellValue, string[]]>([
    ['290817-1234', ['290817-****']],
    ['290817 1234', ['290817-****']],
    ['2908171234', ['290817-****']],
    ['CPR: 010190-1234, bror 020295 2345', ['010190-****', '020295-****']],
    ['290200-4123', ['290200-****']], // 7th digit 4, yy 00 → 2000, a leap year
    ['290200-5123', ['290200-****']], // 7th digit 5, yy 00 → 2000
    ['290200-9123', ['290200-****']],
    ['010158-5123', ['010158-****']], // 5–8 with yy > 57 → 1858
    ['290296-1234', ['290296-****']], // 1996 is a leap year
    ['2908171230', ['290817-****']], // fails modulus 11; still a CPR since 2007
    [2908171234, ['290817-****']],
    [108171234, ['010817-****']], // a number cell lost the leading zero of day 01
  ])('%p → %p', (value, expected) => {
    expect(findCprNumbers(value)).toEqual(expected);
  });

  it.each<CellValue>([
    '290200-1234', // 7th digit 0–3 → 1900, not a leap year
    '290200-4000'.replace('4', '3'),
    '320817-1234', // day 32
    '291317-1234', // month 13
    '000000-0000',
    '12908171234', // 11 digits
    '29081712345',
    '290817-12345',
    '1290817-1234',
    '29081-71234',
    'Tlf. 12345678',
    '123456789',
    '',
    null,
    undefined,
    true,
    {},
    { error: '#N/A' },
    29081712340,
    2908171234.5,
    NaN,
    12345678, // 8 digits: day 00
  ])('%p has no CPR number', (value) => {
    expect(findCprNumbers(value)).toEqual([]);
    expect(looksLikeCpr(value)).toBe(false);
  });

  it('never returns the last four digits', () => {
    expect(JSON.stringify(findCprNumbers('290817-1234 og 010190 5678'))).not.toMatch(/1234|5678/);
  });

  it('looksLikeCpr', () => {
    expect(looksLikeCpr('Borger 290817-1234')).toBe(true);
    expect(looksLikeCpr('Sag 2017-08-29')).toBe(false);
  });

  const pad = (n: number) => String(n).padStart(2, '0');
  const fourDigits = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));

  it('finds "ddmmyy-xxxx" for any day and month valid in every century (all but 29 Feb) and any 4 digits', () => {
    const dayMonth = fc
      .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ month, day }) => isValidYmd(2001, month, day));
    fc.assert(
      fc.property(dayMonth, fc.integer({ min: 0, max: 99 }), fourDigits, ({ month, day }, yy, xxxx) => {
        const dmy = `${pad(day)}${pad(month)}${pad(yy)}`;
        expect(findCprNumbers(`${dmy}-${xxxx}`)).toEqual([`${dmy}-****`]);
        expect(findCprNumbers(`${dmy}${xxxx}`)).toEqual([`${dmy}-****`]);
      }),
    );
  });

  it('finds any real birth date 1858–2057 with a 7th digit that encodes its century', () => {
    const seventhDigits = (year: number): number[] => {
      const yy = year % 100;
      if (year < 1900) return yy >= 58 ? [5, 6, 7, 8] : [];
      if (year < 2000) return yy >= 37 ? [0, 1, 2, 3, 4, 9] : [0, 1, 2, 3];
      return [...(yy <= 36 ? [4, 9] : []), ...(yy <= 57 ? [5, 6, 7, 8] : [])];
    };
    const birth = fc
      .date({ min: new Date(Date.UTC(1858, 0, 1)), max: new Date(Date.UTC(2057, 11, 31)), noInvalidDate: true })
      .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
    fc.assert(
      fc.property(birth, fc.nat(), fc.integer({ min: 0, max: 999 }), ({ year, month, day }, pick, rest) => {
        const sevenths = seventhDigits(year);
        const seventh = sevenths[pick % sevenths.length];
        const dmy = `${pad(day)}${pad(month)}${pad(year % 100)}`;
        expect(findCprNumbers(`${dmy}-${seventh}${String(rest).padStart(3, '0')}`)).toEqual([`${dmy}-****`]);
      }),
    );
  });
});

describe('maskCpr', () => {
  it.each<[string, string]>([
    ['220387-3047', '220387-****'],
    ['ring 2203873047 eller 010190 1234', 'ring 220387-**** eller 010190-****'],
    ["'220387-3047' i 'Aktiv'", "'220387-****' i 'Aktiv'"],
    ['Deltagere_2203873047', 'Deltagere_220387-****'],
    ['1234567890', '1234567890'], // not a date: not a CPR number
    ['12203873047', '12203873047'], // inside a longer run of digits
    ['ingen cifre', 'ingen cifre'],
  ])('%p → %p', (text, expected) => {
    expect(maskCpr(text)).toBe(expected);
  });

  it('masks exactly what findCprNumbers finds, and is idempotent', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9 \-a]{0,30}$/), (text) => {
      const masked = maskCpr(text);
      expect(findCprNumbers(masked)).toEqual([]);
      expect(maskCpr(masked)).toBe(masked);
      expect(masked.match(/\d{6}-\*{4}/g) ?? []).toEqual(expect.arrayContaining(findCprNumbers(text)));
    }));
  });

  it('maskCprValue masks a number cell that reads as a CPR number, and leaves other values', () => {
    expect(maskCprValue(2203873047)).toBe('220387-****');
    expect(maskCprValue(108171234)).toBe('010817-****');
    expect(maskCprValue(42)).toBe(42);
    expect(maskCprValue(null)).toBe(null);
    expect(maskCprValue(true)).toBe(true);
  });
});
