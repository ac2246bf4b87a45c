import fc from 'fast-check';
import {
  CellValue,
  excelErrorOf,
  findCprNumbers,
  isBlank,
  looksLikeCpr,
  parseAmountOre,
  parseBoolean,
  parseCodeList,
  parseDate,
  parseInteger,
  parseNumber,
  parsePercent,
  parsePercentBasisPoints,
} from '../../../src/domain/parse';

/** Every parser with the shape of its answer: a ParseResult, a list, or a plain value. */
const parsers: [string, (value: CellValue) => unknown][] = [
  ['parseNumber', parseNumber],
  ['parseInteger', parseInteger],
  ['parseAmountOre', parseAmountOre],
  ['parseDate', (v) => parseDate(v)],
  ['parseDate with referenceYear', (v) => parseDate(v, { referenceYear: 2016 })],
  ['parsePercent', parsePercent],
  ['parsePercentBasisPoints', parsePercentBasisPoints],
  ['parseBoolean', parseBoolean],
  ['parseCodeList', parseCodeList],
  ['findCprNumbers', findCprNumbers],
  ['looksLikeCpr', looksLikeCpr],
  ['excelErrorOf', excelErrorOf],
  ['isBlank', isBlank],
];

const isParseResult = (r: unknown): boolean =>
  typeof r === 'object' &&
  r !== null &&
  ((r as { ok: unknown }).ok === true
    ? 'value' in r
    : (r as { ok: unknown }).ok === false && typeof (r as { code: unknown }).code === 'string');

const checkResult = (name: string, result: unknown): void => {
  if (name.startsWith('parse') && name !== 'parseCodeList') expect(isParseResult(result)).toBe(true);
};

const weird: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  new Date(NaN),
  new Date(8.64e15),
  new Date(-8.64e15),
  { [Symbol('s')]: 1 },
  { error: Symbol('e') },
  { error: '#N/A', toString: null },
  Object.create(null),
  [1, 2, 3],
  () => 1,
  Symbol('x'),
  10n,
  { toJSON: () => { throw new Error('boom'); } },
  { get error() { throw new Error('boom'); } },
  new Proxy({}, { get: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } }),
  '9'.repeat(1_000_000),
  '1.'.repeat(500_000),
  '#'.repeat(100),
  `${'1'.repeat(10)}-`.repeat(100_000),
];

describe.each(parsers)('%s never throws', (name, parse) => {
  it('on weird values', () => {
    for (const value of weird) checkResult(name, parse(value as CellValue));
  });

  it('on fc.anything()', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (value) => {
        checkResult(name, parse(value as CellValue));
      }),
    );
  });

  it('on fc.string()', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[-\d.,' %kr]{0,20}$/)), (value) => {
        checkResult(name, parse(value));
      }),
    );
  });

  it('on fc.double() and fc.date()', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.date({ noInvalidDate: false })), (value) => {
        checkResult(name, parse(value));
      }),
    );
  });
});
