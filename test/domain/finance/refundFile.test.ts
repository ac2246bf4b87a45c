import { parseRefundFile, splitRecords } from '../../../src/domain/finance';

/**
 * Three fictitious persons over two weeks. Rates follow the refusionstrappe (refund week 1–4: 80 %,
 * 5–26: 40 %, 27–52: 30 %, from 53: 20 %): A is in refund weeks 3–4 (80 %), B crosses from week 26
 * (40 %) to 27 (30 %), C is past week 52 (20 %). Medfinansiering is the rest of the payment.
 * A's CPR number is written with and without '-' to show it is one person.
 */
const CPR_A = '120389-1234';
const CPR_B = '050702-4321';
const CPR_C = '241299-2468';
const HEADER = 'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb';
const LINES = [
  `2021-07;${CPR_A};Kontanthjælp;3.500,00;80;2.800,00;20;700,00`,
  `2021-07;1203891234;Kontanthjælp;250,50;80,00;200,40;20,00;50,10`,
  `2021-07;${CPR_B};Kontanthjælp;3.200,00;40;1.280,00;60;1.920,00`,
  `2021-07;${CPR_C};Uddannelseshjælp;2.300,00;20;460,00;80;1.840,00`,
  `2021-07;${CPR_C};Uddannelseshjælp;115,25;20;23,05;80;92,20`,
  `2021-07;${CPR_A};Kontanthjælp;-100,00;80;-80,00;20;-20,00`,
  `2021-08;${CPR_A};Kontanthjælp;3.500,00;80;2.800,00;20;700,00`,
  `2021-08;${CPR_B};Kontanthjælp;3.200,00;30;960,00;70;2.240,00`,
  `2021-08;${CPR_C};Uddannelseshjælp;2.300,00;20;460,00;80;1.840,00`,
  `2021-08;${CPR_C};Uddannelseshjælp;57,63;20;11,53;80;46,10`,
  `2021-08;${CPR_B};Kontanthjælp;180,00;30;54,00;70;126,00`,
  `2021-08;${CPR_A};Kontanthjælp;1.234,56;80;987,65;20;246,91`,
];
const SAMPLE = `\uFEFF${[HEADER, ...LINES].join('\r\n')}\r\n`;

const EXPECTED_ROWS = [
  // 3.500 + 250,50 + 3.200 - 100; rates 80 and 40 mixed → no single rate
  { week: '2021-07', benefit: 'Kontanthjælp', persons: 2, lines: 4, paidOre: 685050, refundOre: 420040, coFinancingOre: 265010 },
  { week: '2021-07', benefit: 'Uddannelseshjælp', persons: 1, lines: 2, paidOre: 241525, refundOre: 48305, coFinancingOre: 193220, refundRateBp: 2000, coFinancingRateBp: 8000 },
  { week: '2021-08', benefit: 'Kontanthjælp', persons: 2, lines: 4, paidOre: 811456, refundOre: 480165, coFinancingOre: 331291 },
  { week: '2021-08', benefit: 'Uddannelseshjælp', persons: 1, lines: 2, paidOre: 235763, refundOre: 47153, coFinancingOre: 188610, refundRateBp: 2000, coFinancingRateBp: 8000 },
];

/** Every CPR number in full, without '-', and its 6-digit birth date part. */
const CPR_FRAGMENTS = [CPR_A, CPR_B, CPR_C].flatMap((c) => [c, c.replace('-', ''), c.slice(0, 6), c.slice(7)]);

describe('parseRefundFile: a KOMBIT-style refund calculation file', () => {
  const result = parseRefundFile(SAMPLE);

  it('aggregates per week and benefit with exact øre sums and distinct persons', () => {
    expect(result).toEqual({ rows: EXPECTED_ROWS, problems: [], checks: [] });
  });

  it('keeps the sums consistent: refund + co-financing = paid in every group', () => {
    for (const row of result.rows) expect(row.refundOre + (row.coFinancingOre ?? 0)).toBe(row.paidOre);
  });

  it('never lets a CPR number (or its birth date part) out', () => {
    const json = JSON.stringify(result);
    for (const fragment of CPR_FRAGMENTS) expect(json).not.toContain(fragment);
  });

  it('reads LF, lone CR, no BOM and no final line end the same way', () => {
    expect(parseRefundFile([HEADER, ...LINES].join('\n'))).toEqual(result);
    expect(parseRefundFile([HEADER, ...LINES].join('\r'))).toEqual(result);
  });

  it('ignores blank lines (also lines of only separators) but keeps line numbers true', () => {
    const text = [HEADER, '', LINES[0], ';;;;;;;', '   ', `${LINES[1].replace('250,50', 'x')}`].join('\r\n');
    expect(parseRefundFile(text).problems).toEqual([{ line: 6, reason: 'not-an-amount', column: 'Beregnet udbetalingsbeløb' }]);
  });
});

describe('parseRefundFile: CPR numbers where they do not belong', () => {
  it('masks a CPR number in Uge and Ydelse (the group is kept, the number is not)', () => {
    const { rows, problems } = parseRefundFile([HEADER, `2021-07 ${CPR_B};${CPR_A};Kontanthjælp ${CPR_C};100,00;80;80,00;20;20,00`].join('\n'));
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.week, r.benefit])).toEqual([['2021-07 050702-****', 'Kontanthjælp 241299-****']]);
  });

  it('refuses a CPR-like number in an amount column as a malformed line, naming the line and column only', () => {
    const { rows, problems } = parseRefundFile([HEADER, LINES[0], `2021-07;${CPR_A};Kontanthjælp;1203891234;80;2.800,00;20;700,00`].join('\n'));
    expect(rows.length).toBe(1);
    expect(problems).toEqual([{ line: 3, reason: 'cpr-in-amount', column: 'Beregnet udbetalingsbeløb' }]);
  });
});

describe('parseRefundFile: headers', () => {
  it('matches headers regardless of case, spaces and "-", in any order, and ignores extra columns', () => {
    const text = [
      'Kommune;refusionsbeløb;YDELSE; uge ;CPR-nummer;Beregnet  udbetalingsbeløb;Sagsnr',
      `Ishøj;400,00;"Kontanthjælp";2021-07;${CPR_A};500,00;"S-1; ""akut"""`,
      `Ishøj;80,00;Kontanthjælp;2021-07;${CPR_B};100,00;S-2`,
    ].join('\n');
    expect(parseRefundFile(text)).toEqual({
      rows: [{ week: '2021-07', benefit: 'Kontanthjælp', persons: 2, lines: 2, paidOre: 60000, refundOre: 48000 }],
      problems: [],
      checks: [],
    });
  });

  it('a file with only a header gives no rows and no problems', () => {
    expect(parseRefundFile(`\uFEFF${HEADER}\r\n`)).toEqual({ rows: [], problems: [], checks: [] });
  });

  it('an empty file has no header', () => {
    expect(parseRefundFile('')).toEqual({ rows: [], problems: [{ line: 1, reason: 'no-header' }], checks: [] });
    expect(parseRefundFile('\uFEFF\r\n\r\n')).toEqual({ rows: [], problems: [{ line: 1, reason: 'no-header' }], checks: [] });
  });

  it('a missing required column is a problem on the header line, and nothing is read', () => {
    const noRefund = [HEADER.replace(';Refusionsbeløb', ''), ...LINES.map((l) => l.split(';').filter((_, i) => i !== 5).join(';'))].join('\r\n');
    expect(parseRefundFile(noRefund)).toEqual({ rows: [], problems: [{ line: 1, reason: 'missing-column', column: 'Refusionsbeløb' }], checks: [] });
  });

  it('reports every missing column, and a file without a header line (data first) leaks no CPR number', () => {
    const result = parseRefundFile(LINES.join('\r\n'));
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.column)).toEqual(['Uge', 'CPR nummer', 'Ydelse', 'Beregnet udbetalingsbeløb', 'Refusionsbeløb']);
    for (const fragment of CPR_FRAGMENTS) expect(JSON.stringify(result)).not.toContain(fragment);
  });

  it('a column given twice is ambiguous', () => {
    expect(parseRefundFile(`${HEADER};Refusionsbeløb\n`).problems).toEqual([{ line: 1, reason: 'duplicate-column', column: 'Refusionsbeløb' }]);
  });

  it('the rate and co-financing columns are optional', () => {
    const text = ['Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionsbeløb', `7;${CPR_A};Kontanthjælp;1.000,00;800,00`].join('\n');
    expect(parseRefundFile(text)).toEqual({
      rows: [{ week: '7', benefit: 'Kontanthjælp', persons: 1, lines: 1, paidOre: 100000, refundOre: 80000 }],
      problems: [],
      checks: [],
    });
  });
});

describe('parseRefundFile: rates are percent points', () => {
  it.each<[string, number]>([
    ['80', 8000],
    ['80,00', 8000],
    ['80 %', 8000],
    ['30,5', 3050],
    ['1', 100], // 1 %, not 100 % as a bare cell value ≤ 1 would be read elsewhere
    ['0,5', 50], // 0,5 %, not 50 %
    ['100', 10000],
  ])('"%s" → %p bp', (text, bp) => {
    const file = ['Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb', `7;${CPR_A};Kontanthjælp;100,00;${text};1,00`].join('\n');
    expect(parseRefundFile(file).rows[0].refundRateBp).toBe(bp);
  });

  it('"80" and "80,00" in one group are the same rate', () => {
    const rows = parseRefundFile([HEADER, LINES[0], LINES[1]].join('\n')).rows;
    expect(rows).toEqual([{ week: '2021-07', benefit: 'Kontanthjælp', persons: 1, lines: 2, paidOre: 375050, refundOre: 300040, coFinancingOre: 75010, refundRateBp: 8000, coFinancingRateBp: 2000 }]);
  });
});

describe('parseRefundFile: malformed lines are reported with their line numbers, not skipped silently', () => {
  const bad = [
    HEADER,
    LINES[0],
    `2021-07;${CPR_A};Kontanthjælp;3.500,00;80;2.800,00;20`, // line 3: a field short
    `2021-07;${CPR_B};Kontanthjælp;tre tusind;40;1.280,00;60;1.920,00`, // line 4
    `;${CPR_B};Kontanthjælp;3.200,00;40;1.280,00;60;1.920,00`, // line 5: no week
    `2021-07;${CPR_B}; ;3.200,00;40;1.280,00;60;1.920,00`, // line 6: no benefit
    `2021-07;;Kontanthjælp;3.200,00;40;1.280,00;60;1.920,00`, // line 7: no CPR
    `2021-07;${CPR_B}7;Kontanthjælp;3.200,00;40;1.280,00;60;1.920,00`, // line 8: 11 digits
    `2021-07;${CPR_B};Kontanthjælp;3.200,00;40 %;1.280,00;600;1.920,00`, // line 9: 600 %
    `2021-07;${CPR_B};Kontanthjælp;3.200,001;40;1.280,00;60;1.920,00`, // line 10: a third decimal
    `2021-07;${CPR_B};Kontanthjælp;3.200,00;;1.280,00;;1.920,00;;`, // line 11: blank rates, trailing ';': fine
    `2021-07;${CPR_B};Kontanthjælp;3.200,00;40;1.280,00;60;1.920,00;x`, // line 12: a field too many
    `2021-07;${CPR_C};"Kontanthjælp;1,00;1;1,00;1;1,00`, // line 13: unterminated quote
  ].join('\r\n');
  const result = parseRefundFile(bad);

  it('lists each problem once, with line and column', () => {
    expect(result.problems).toEqual([
      { line: 3, reason: 'wrong-field-count' },
      { line: 4, reason: 'not-an-amount', column: 'Beregnet udbetalingsbeløb' },
      { line: 5, reason: 'empty', column: 'Uge' },
      { line: 6, reason: 'empty', column: 'Ydelse' },
      { line: 7, reason: 'empty', column: 'CPR nummer' },
      { line: 8, reason: 'not-a-cpr-number', column: 'CPR nummer' },
      { line: 9, reason: 'not-a-percentage', column: 'Medfinansieringssats' },
      { line: 10, reason: 'not-an-amount', column: 'Beregnet udbetalingsbeløb' },
      { line: 12, reason: 'wrong-field-count' },
      { line: 13, reason: 'unterminated-quote' },
    ]);
  });

  it('aggregates only the good lines; a blank rate makes the group rate unknown', () => {
    expect(result.rows).toEqual([
      { week: '2021-07', benefit: 'Kontanthjælp', persons: 2, lines: 2, paidOre: 670000, refundOre: 408000, coFinancingOre: 262000 },
    ]);
  });

  it('does not echo any CPR number in the problems', () => {
    const json = JSON.stringify(result);
    for (const fragment of CPR_FRAGMENTS) expect(json).not.toContain(fragment);
  });
});

describe('splitRecords', () => {
  it('counts lines through quoted line breaks and unescapes ""', () => {
    expect(splitRecords('a;"b\r\nc";"say ""hi"""\nd;e')).toEqual([
      { line: 1, fields: ['a', 'b\r\nc', 'say "hi"'] },
      { line: 3, fields: ['d', 'e'] },
    ]);
  });

  it('keeps empty fields and drops a BOM', () => {
    expect(splitRecords('\uFEFF;x;\n')).toEqual([{ line: 1, fields: ['', 'x', ''] }]);
  });
});
