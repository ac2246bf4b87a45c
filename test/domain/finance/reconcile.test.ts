import fc from 'fast-check';
import {
  type BudgetRow,
  type FinanceIssue,
  type PostingRow,
  reconcile,
  type ReconciliationLine,
} from '../../../src/domain/finance';
import type { CalendarDate } from '../../../src/domain/parse';

const d = (s: string) => s as CalendarDate;
const kr = (kroner: number) => kroner * 100; // whole kroner only: exact

/** ITMV 2017 (Ishøj): 262.000 kr. municipal at 50 % state refund; 262.000 kr. from Landsbyggefonden. */
const seedBudget: BudgetRow[] = [
  { initiativeId: 'ITMV', year: 2017, source: 'KOM', amountOre: kr(262000), refundRateBp: 5000, rowIndex: 2 },
  { initiativeId: 'ITMV', year: 2017, source: 'LBF', amountOre: kr(262000), rowIndex: 3 },
];

/** rowIndex = sheet row of the Posteringer table (header on row 1). */
const grant: PostingRow = { initiativeId: 'ITMV', date: d('2017-02-01'), type: 'TILSKUD', amountOre: kr(262000), voucher: 'ITMV-2017-01', source: 'LBF', rowIndex: 2 };
const expense1: PostingRow = { initiativeId: 'ITMV', date: d('2017-03-31'), type: 'UDGIFT', amountOre: kr(131000), voucher: 'ITMV-2017-02', source: 'KOM', rowIndex: 3 };
const expense2: PostingRow = { initiativeId: 'ITMV', date: d('2017-08-31'), type: 'UDGIFT', amountOre: kr(131000), voucher: 'ITMV-2017-03', source: 'KOM', rowIndex: 4 };
const claim: PostingRow = { initiativeId: 'ITMV', date: d('2017-09-15'), type: 'ANMODNING', amountOre: kr(131000), voucher: 'ITMV-2017-04', source: 'REF', rowIndex: 5 };
const receipt: PostingRow = { initiativeId: 'ITMV', date: d('2017-11-30'), type: 'REFUSION', amountOre: kr(131000), voucher: 'ITMV-2017-05', source: 'REF', rowIndex: 6 };
const seedPostings = [grant, expense1, expense2, claim, receipt];

const asOf = d('2017-12-31');

function onlyLine(budget: BudgetRow[], postings: PostingRow[], at = asOf): { line: ReconciliationLine; issues: FinanceIssue[]; allReconciled: boolean } {
  const r = reconcile(budget, postings, { asOf: at });
  expect(r.lines).toHaveLength(1);
  return { line: r.lines[0], issues: r.issues, allReconciled: r.allReconciled };
}

describe('reconcile: the ITMV 2017 seed case', () => {
  const { line, issues, allReconciled } = onlyLine(seedBudget, seedPostings);

  it('balances: 131.000 kr. expected, claimed and received; net municipal cost 131.000 kr.', () => {
    expect(line).toEqual({
      initiativeId: 'ITMV',
      year: 2017,
      budgetBySource: { KOM: 26200000, LBF: 26200000 },
      budgetTotal: 52400000,
      refundRateBySource: { KOM: 5000 },
      spent: 26200000,
      municipalSpent: 26200000,
      eligibleBySource: { KOM: 26200000 },
      unallocated: 0,
      expectedRefund: 13100000,
      claimed: 13100000,
      received: 13100000,
      grantsReceived: 26200000,
      grantsBySource: { LBF: 26200000 },
      outstanding: 0,
      overRefunded: 0,
      unclaimed: 0,
      coFinancing: [
        { source: 'KOM', budgetOre: 26200000, agreedBp: 5000, contributionOre: 26200000, actualBp: 5000 },
        { source: 'LBF', budgetOre: 26200000, agreedBp: 5000, contributionOre: 26200000, actualBp: 5000 },
      ],
      netMunicipalCost: 13100000,
      statuses: ['afstemt'],
      status: 'afstemt',
    });
    expect(line).not.toHaveProperty('ageDays');
  });

  it('has no issues and is all reconciled', () => {
    expect(issues).toEqual([]);
    expect(allReconciled).toBe(true);
  });

  it('does not depend on the order of the postings', () => {
    expect(onlyLine(seedBudget, [...seedPostings].reverse()).line).toEqual(line);
  });
});

describe('reconcile: each injected gap gives exactly that gap', () => {
  it('missing claim (and so no refund): 131.000 kr. unclaimed, "mangler anmodning"', () => {
    const { line, allReconciled } = onlyLine(seedBudget, [grant, expense1, expense2]);
    expect(line).toMatchObject({ expectedRefund: 13100000, claimed: 0, received: 0, unclaimed: 13100000, outstanding: 0, overRefunded: 0 });
    expect(line.statuses).toEqual(['mangler anmodning']);
    expect(line.status).toBe('mangler anmodning');
    expect(line.netMunicipalCost).toBe(26200000); // nothing refunded yet
    expect(allReconciled).toBe(false);
  });

  it('claim not yet received: 131.000 kr. outstanding, aged from the claim date to asOf', () => {
    const { line } = onlyLine(seedBudget, [grant, expense1, expense2, claim], d('2018-01-31'));
    expect(line).toMatchObject({ claimed: 13100000, received: 0, outstanding: 13100000, unclaimed: 0, overRefunded: 0 });
    expect(line.oldestOpenClaim).toBe('2017-09-15');
    expect(line.ageDays).toBe(138); // 15 (Sep) + 31 + 30 + 31 + 31
    expect(line.statuses).toEqual(['udestående']);
  });

  it('ages outstanding claims FIFO: receipts pay the oldest claim first', () => {
    const first = { ...claim, date: d('2017-06-30'), amountOre: kr(65500), voucher: 'A1' };
    const second = { ...claim, date: d('2017-09-15'), amountOre: kr(65500), voucher: 'A2' };
    const partial = { ...receipt, date: d('2017-10-31'), amountOre: kr(65500) };
    const { line } = onlyLine(seedBudget, [grant, expense1, expense2, second, first, partial]);
    expect(line.outstanding).toBe(kr(65500));
    expect(line.oldestOpenClaim).toBe('2017-09-15'); // the June claim is paid
    expect(line.ageDays).toBe(107); // 2017-09-15 → 2017-12-31

    // Received less than the first claim: the June claim is still (partly) open.
    const small = { ...partial, amountOre: kr(10000) };
    const aged = onlyLine(seedBudget, [grant, expense1, expense2, first, second, small]).line;
    expect(aged.oldestOpenClaim).toBe('2017-06-30');
    expect(aged.ageDays).toBe(184);
  });

  it('a withdrawn claim (negative claim) does not age the balance', () => {
    const wrong = { ...claim, date: d('2017-04-01'), amountOre: kr(131000), voucher: 'A0' };
    const withdrawal = { ...claim, date: d('2017-04-10'), amountOre: kr(-131000), voucher: 'A0-R' };
    const { line, issues } = onlyLine(seedBudget, [grant, expense1, expense2, wrong, withdrawal, claim]);
    expect(line.outstanding).toBe(kr(131000));
    expect(line.oldestOpenClaim).toBe('2017-09-15');
    expect(issues.map((i) => [i.kind, i.rowIndex])).toEqual([['negative-amount', 5]]);
  });

  it('a refund paid back with nothing claimed is outstanding without an age', () => {
    const { line, issues } = onlyLine(seedBudget, [grant, expense1, expense2, { ...receipt, amountOre: kr(-1000) }]);
    expect(line).toMatchObject({ claimed: 0, received: kr(-1000), outstanding: kr(1000), unclaimed: kr(131000) });
    expect(line).not.toHaveProperty('ageDays');
    expect(issues.map((i) => i.kind)).toEqual(['negative-amount']);
  });

  it('over-refund: 150.000 kr. received against 131.000 kr. claimed → 19.000 kr. over-refunded', () => {
    const { line } = onlyLine(seedBudget, [grant, expense1, expense2, claim, { ...receipt, amountOre: kr(150000) }]);
    expect(line).toMatchObject({ received: 15000000, overRefunded: 1900000, outstanding: 0, unclaimed: 0 });
    expect(line.statuses).toEqual(['overrefunderet']);
    expect(line.netMunicipalCost).toBe(kr(112000));
  });

  it('over-refund beyond the rate: claimed more than the rate allows and got it all', () => {
    const { line } = onlyLine(seedBudget, [grant, expense1, expense2, { ...claim, amountOre: kr(140000) }, { ...receipt, amountOre: kr(140000) }]);
    expect(line).toMatchObject({ expectedRefund: kr(131000), claimed: kr(140000), received: kr(140000), overRefunded: kr(9000), unclaimed: 0, outstanding: 0 });
    expect(line.status).toBe('overrefunderet');
  });

  it('wrong rate in the budget (60 %): 157.200 kr. expected, 26.200 kr. unclaimed', () => {
    const budget = [{ ...seedBudget[0], refundRateBp: 6000 }, seedBudget[1]];
    const { line } = onlyLine(budget, seedPostings);
    expect(line).toMatchObject({ expectedRefund: 15720000, claimed: 13100000, received: 13100000, unclaimed: 2620000, overRefunded: 0, outstanding: 0 });
    expect(line.statuses).toEqual(['mangler anmodning']);
  });

  it('lists every status that applies, the most severe first', () => {
    const { line } = onlyLine(seedBudget, [grant, expense1, expense2, { ...claim, amountOre: kr(100000) }, { ...receipt, amountOre: kr(120000) }]);
    expect(line).toMatchObject({ overRefunded: kr(20000), unclaimed: kr(31000), outstanding: 0 });
    expect(line.statuses).toEqual(['overrefunderet', 'mangler anmodning']);
    expect(line.status).toBe('overrefunderet');

    const open = onlyLine(seedBudget, [grant, expense1, expense2, { ...claim, amountOre: kr(100000) }]).line;
    expect(open.statuses).toEqual(['mangler anmodning', 'udestående']);
  });

  it('duplicate voucher: every occurrence is reported with the other row', () => {
    const twice = { ...expense2, voucher: ' itmv-2017-02 ' }; // same bilag as row 3, spelled differently
    const r = reconcile(seedBudget, [grant, expense1, twice, claim, receipt], { asOf });
    expect(r.issues).toEqual([
      { kind: 'duplicate-voucher', severity: 'warning', initiativeId: 'ITMV', year: 2017, table: 'Posteringer', rowIndex: 3, column: 'Bilag', voucher: 'ITMV-2017-02', otherRowIndexes: [4] },
      { kind: 'duplicate-voucher', severity: 'warning', initiativeId: 'ITMV', year: 2017, table: 'Posteringer', rowIndex: 4, column: 'Bilag', voucher: 'itmv-2017-02', otherRowIndexes: [3] },
    ]);
    expect(r.lines[0].status).toBe('afstemt'); // the sums themselves still balance
    expect(r.allReconciled).toBe(true); // a warning: one bilag may be split over two lines
  });

  it('a posting for an unknown initiative is reported and left out', () => {
    const stray = { ...expense1, initiativeId: 'itmv', voucher: 'X-1', rowIndex: 7 };
    const other = { ...expense1, initiativeId: 'NOPE', voucher: 'X-2', rowIndex: 8 };
    const r = reconcile(seedBudget, [...seedPostings, stray, other], { asOf, knownInitiatives: ['ITMV', 'FSM'] });
    expect(r.issues).toEqual([
      { kind: 'unknown-initiative', severity: 'error', initiativeId: 'itmv', table: 'Posteringer', rowIndex: 7, column: 'Indsats-ID', suggestion: 'ITMV' },
      { kind: 'unknown-initiative', severity: 'error', initiativeId: 'NOPE', table: 'Posteringer', rowIndex: 8, column: 'Indsats-ID' },
    ]);
    expect(r.lines.map((l) => [l.initiativeId, l.spent])).toEqual([['ITMV', 26200000]]);
    expect(r.allReconciled).toBe(false);
    // Without knownInitiatives nothing is unknown: the stray ID gets a line of its own.
    expect(reconcile(seedBudget, [...seedPostings, other], { asOf }).lines.map((l) => l.initiativeId)).toEqual(['ITMV', 'NOPE']);
  });

  it('a year with postings but no budget gets its own line and a no-budget issue', () => {
    const late1 = { ...expense1, date: d('2018-01-15'), amountOre: kr(10000), voucher: 'L1', rowIndex: 7 };
    const late2 = { ...expense1, date: d('2018-02-15'), amountOre: kr(5000), voucher: 'L2', rowIndex: 8 };
    const r = reconcile(seedBudget, [...seedPostings, late1, late2], { asOf: d('2018-03-01') });
    expect(r.lines.map((l) => [l.year, l.budgetTotal, l.spent, l.status])).toEqual([
      [2017, 52400000, 26200000, 'afstemt'],
      [2018, 0, 1500000, 'afstemt'], // no rate, so no refund is expected
    ]);
    expect(r.issues).toEqual([
      { kind: 'no-budget', severity: 'warning', initiativeId: 'ITMV', year: 2018, table: 'Posteringer', rowIndex: 7, otherRowIndexes: [8] },
    ]);
    expect(r.allReconciled).toBe(true); // a warning only
  });

  it('sums amounts exactly: 0,10 kr. + 0,20 kr. = 30 øre', () => {
    const { line } = onlyLine(seedBudget, [
      { ...expense1, amountOre: 10, voucher: 'S1' },
      { ...expense1, amountOre: 20, voucher: 'S2' },
    ]);
    expect(line.spent).toBe(30);
    expect(line.expectedRefund).toBe(15); // 50 % of 30 øre
    expect(line.unclaimed).toBe(15);
  });

  it('a refund received the following year shows as outstanding in one year and over-refunded in the next', () => {
    // Lines are per calendar year of the posting date, as specified; a receipt in January is not
    // carried back to the claim's year.
    const january = { ...receipt, date: d('2018-01-20') };
    const r = reconcile(seedBudget, [grant, expense1, expense2, claim, january], { asOf: d('2018-01-31') });
    expect(r.lines.map((l) => [l.year, l.status, l.outstanding, l.overRefunded])).toEqual([
      [2017, 'udestående', kr(131000), 0],
      [2018, 'overrefunderet', 0, kr(131000)],
    ]);
  });
});

describe('reconcile: refund eligibility and allocation', () => {
  const star = { initiativeId: 'FSM', year: 2018, source: 'STAR', amountOre: kr(100000), refundRateBp: 3000, rowIndex: 4 };
  const kom = { initiativeId: 'FSM', year: 2018, source: 'KOM', amountOre: kr(100000), refundRateBp: 5000, rowIndex: 5 };
  const spend = (amount: number, source?: string, rowIndex = 2): PostingRow => ({
    initiativeId: 'FSM', date: d('2018-05-01'), type: 'UDGIFT', amountOre: kr(amount), rowIndex, ...(source && { source }),
  });

  it('only expenses of the budget line\'s source are eligible at its rate', () => {
    const { line } = onlyLine([kom, { ...star, refundRateBp: undefined }], [spend(40000, 'KOM'), spend(60000, 'STAR', 3)], d('2018-12-31'));
    expect(line.eligibleBySource).toEqual({ KOM: kr(40000) });
    expect(line.expectedRefund).toBe(kr(20000));
  });

  it('an expense without source counts toward the one source with a refund rate', () => {
    const { line, issues } = onlyLine([kom, { ...star, refundRateBp: undefined }], [spend(40000)], d('2018-12-31'));
    expect(line.eligibleBySource).toEqual({ KOM: kr(40000) });
    expect(line.expectedRefund).toBe(kr(20000));
    expect(line.municipalSpent).toBe(kr(40000)); // unsourced spending is the municipality's
    expect(issues).toEqual([]);
  });

  it('with several refund sources an expense without source is unallocated and reported', () => {
    const { line, issues } = onlyLine([kom, star], [spend(40000, 'KOM'), spend(10000, undefined, 3)], d('2018-12-31'));
    expect(line).toMatchObject({ unallocated: kr(10000), eligibleBySource: { KOM: kr(40000) }, expectedRefund: kr(20000) });
    expect(issues).toEqual([
      { kind: 'unallocated-expense', severity: 'error', initiativeId: 'FSM', year: 2018, table: 'Posteringer', rowIndex: 3, column: 'Kilde', amountOre: kr(10000) },
    ]);
  });

  it('with no refund source an expense without source is simply not refundable (no issue)', () => {
    const { line, issues } = onlyLine([{ ...kom, refundRateBp: undefined }], [spend(40000)], d('2018-12-31'));
    expect(line).toMatchObject({ expectedRefund: 0, unallocated: 0, status: 'afstemt' });
    expect(issues).toEqual([]);
  });

  it('rounds the expected refund per source, half up', () => {
    const { line } = onlyLine([kom, star], [{ ...spend(0, 'KOM'), amountOre: 3 }, { ...spend(0, 'STAR', 3), amountOre: 5 }], d('2018-12-31'));
    expect(line.expectedRefund).toBe(2 + 2); // 1,5 → 2 øre; 1,5 → 2 øre (not 3 øre from 0,5 × 3 + 0,3 × 5 = 3,0)
  });

  it('a refund rate outside 0–100 % is reported and ignored', () => {
    const { line, issues } = onlyLine([{ ...kom, refundRateBp: 12000 }], [spend(40000, 'KOM')], d('2018-12-31'));
    expect(line.expectedRefund).toBe(0);
    expect(issues).toEqual([
      { kind: 'rate-out-of-range', severity: 'error', initiativeId: 'FSM', year: 2018, table: 'Budget', rowIndex: 5, column: 'Refusionssats', source: 'KOM', rateBp: 12000 },
    ]);
    expect(reconcile([{ ...kom, refundRateBp: -1 }], [], { asOf }).issues.map((i) => i.kind)).toEqual(['rate-out-of-range']);
  });

  it('two different rates for one source in one year are reported; no refund is computed for it', () => {
    const { line, issues } = onlyLine([kom, { ...kom, amountOre: kr(20000), refundRateBp: 4000, rowIndex: 6 }], [spend(40000, 'KOM')], d('2018-12-31'));
    expect(line.budgetBySource).toEqual({ KOM: kr(120000) });
    expect(line.expectedRefund).toBe(0);
    expect(issues).toEqual([
      { kind: 'conflicting-rates', severity: 'error', initiativeId: 'FSM', year: 2018, table: 'Budget', rowIndex: 5, otherRowIndexes: [6], column: 'Refusionssats', source: 'KOM' },
    ]);
  });
});

describe('reconcile: net municipal cost and co-financing', () => {
  it('net municipal cost counts only KOM and unsourced expenses, less refunds received', () => {
    const lbfSpend = { ...expense1, source: 'LBF', voucher: 'LBF-1', amountOre: kr(262000) };
    const { line } = onlyLine(seedBudget, [...seedPostings, lbfSpend]);
    expect(line.spent).toBe(kr(524000));
    expect(line.municipalSpent).toBe(kr(262000));
    expect(line.netMunicipalCost).toBe(kr(131000));
    expect(line.expectedRefund).toBe(kr(131000)); // LBF has no refund rate
  });

  it('compares a STAR pool\'s 50 % kommunal medfinansiering with what was actually put in', () => {
    const budget = [
      { initiativeId: 'FSM', year: 2018, source: 'KOM', amountOre: kr(100000) },
      { initiativeId: 'FSM', year: 2018, source: 'STAR', amountOre: kr(100000) },
    ];
    const postings: PostingRow[] = [
      { initiativeId: 'FSM', date: d('2018-02-01'), type: 'TILSKUD', amountOre: kr(120000), source: 'STAR' },
      { initiativeId: 'FSM', date: d('2018-06-01'), type: 'UDGIFT', amountOre: kr(80000), source: 'KOM' },
      { initiativeId: 'FSM', date: d('2018-07-01'), type: 'UDGIFT', amountOre: kr(120000), source: 'STAR' },
    ];
    const { line } = onlyLine(budget, postings, d('2018-12-31'));
    expect(line.coFinancing).toEqual([
      { source: 'KOM', budgetOre: kr(100000), agreedBp: 5000, contributionOre: kr(80000), actualBp: 4000 },
      { source: 'STAR', budgetOre: kr(100000), agreedBp: 5000, contributionOre: kr(120000), actualBp: 6000 },
    ]);
  });

  it('shows a Landsbyggefonden plan\'s 75/25 split and a grant from a source outside the budget', () => {
    const budget = [
      { initiativeId: 'HJEM', year: 2016, source: 'LBF', amountOre: kr(750000) },
      { initiativeId: 'HJEM', year: 2016, source: 'KOM', amountOre: kr(250000) },
    ];
    const postings: PostingRow[] = [
      { initiativeId: 'HJEM', date: d('2016-03-01'), type: 'TILSKUD', amountOre: kr(600000), source: 'LBF' },
      { initiativeId: 'HJEM', date: d('2016-04-01'), type: 'TILSKUD', amountOre: kr(100000), source: 'FOND' },
      { initiativeId: 'HJEM', date: d('2016-05-01'), type: 'UDGIFT', amountOre: kr(300000), source: 'KOM' },
    ];
    const { line } = onlyLine(budget, postings, d('2016-12-31'));
    expect(line.coFinancing).toEqual([
      { source: 'FOND', budgetOre: 0, agreedBp: 0, contributionOre: kr(100000), actualBp: 1000 },
      { source: 'KOM', budgetOre: kr(250000), agreedBp: 2500, contributionOre: kr(300000), actualBp: 3000 },
      { source: 'LBF', budgetOre: kr(750000), agreedBp: 7500, contributionOre: kr(600000), actualBp: 6000 },
    ]);
  });

  it('with a REF line of its own in the budget, KOM\'s share is net of refunds and REF\'s is the refunds', () => {
    const budget = [
      { initiativeId: 'ITMV', year: 2017, source: 'KOM', amountOre: kr(131000) },
      { initiativeId: 'ITMV', year: 2017, source: 'REF', amountOre: kr(131000) },
      { initiativeId: 'ITMV', year: 2017, source: 'LBF', amountOre: kr(262000) },
    ];
    const { line } = onlyLine(budget, seedPostings);
    expect(line.coFinancing).toEqual([
      { source: 'KOM', budgetOre: kr(131000), agreedBp: 2500, contributionOre: kr(131000), actualBp: 2500 },
      { source: 'LBF', budgetOre: kr(262000), agreedBp: 5000, contributionOre: kr(262000), actualBp: 5000 },
      { source: 'REF', budgetOre: kr(131000), agreedBp: 2500, contributionOre: kr(131000), actualBp: 2500 },
    ]);
    // No refund rate on any line: the refund received counts as over-refunded.
    expect(line).toMatchObject({ expectedRefund: 0, overRefunded: kr(131000), status: 'overrefunderet' });
  });

  it('a grant without source counts in the total only, and the one grant source is suggested', () => {
    const { line, issues } = onlyLine(seedBudget, [{ ...grant, source: undefined }, expense1, expense2, claim, receipt]);
    expect(line).toMatchObject({ grantsReceived: kr(262000), grantsBySource: {} });
    expect(line.coFinancing.find((c) => c.source === 'LBF')).toEqual({ source: 'LBF', budgetOre: kr(262000), agreedBp: 5000, contributionOre: 0, actualBp: 0 });
    expect(issues).toEqual([
      { kind: 'grant-without-source', severity: 'warning', initiativeId: 'ITMV', year: 2017, table: 'Posteringer', rowIndex: 2, column: 'Kilde', amountOre: kr(262000), suggestion: 'LBF' },
    ]);
  });

  it('leaves shares out when there is nothing to divide by', () => {
    const { line } = onlyLine([{ initiativeId: 'X', year: 2020, source: 'KOM', amountOre: 0 }], [], d('2020-12-31'));
    expect(line.coFinancing).toEqual([{ source: 'KOM', budgetOre: 0, contributionOre: 0 }]);
  });
});

describe('reconcile: input checks and ordering', () => {
  it('flags negative claims, refunds and grants but not negative expenses (corrections)', () => {
    const r = reconcile(seedBudget, [
      ...seedPostings,
      { ...expense1, amountOre: kr(-1000), voucher: 'K1', rowIndex: 7 },
      { ...receipt, amountOre: kr(-1000), voucher: 'K2', rowIndex: 8 },
      { ...grant, amountOre: kr(-1000), voucher: 'K3', rowIndex: 9 },
    ], { asOf });
    expect(r.issues.map((i) => [i.kind, i.rowIndex, i.type, i.amountOre])).toEqual([
      ['negative-amount', 8, 'REFUSION', kr(-1000)],
      ['negative-amount', 9, 'TILSKUD', kr(-1000)],
    ]);
    expect(r.lines[0].spent).toBe(kr(261000));
  });

  it('reports rows it cannot use and leaves them out', () => {
    const r = reconcile(
      [{ initiativeId: 'ITMV', year: 2017.5, source: 'KOM', amountOre: 1 }, { initiativeId: 'ITMV', year: 2017, source: 'KOM', amountOre: 0.5 }],
      [
        { ...expense1, type: 'GAVE' },
        { ...expense1, amountOre: 1.5, voucher: 'Y' },
        { ...expense1, date: d('2017-02-30'), voucher: 'Z' },
      ],
      { asOf },
    );
    expect(r.issues.map((i) => [i.kind, i.table, i.rowIndex, i.column])).toEqual([
      ['invalid-date', 'Budget', 0, 'År'],
      ['invalid-amount', 'Budget', 1, 'Beløb'],
      ['unknown-posting-type', 'Posteringer', 3, 'Type'],
      ['invalid-amount', 'Posteringer', 3, 'Beløb'],
      ['invalid-date', 'Posteringer', 3, 'Dato'],
    ]);
    expect(r.lines).toEqual([]);
    expect(r.allReconciled).toBe(false);
  });

  it('without rowIndex, issues give the 0-based position in the input array', () => {
    const noRows = seedPostings.map(({ rowIndex: _rowIndex, ...p }) => p);
    noRows[4] = { ...noRows[4], voucher: noRows[0].voucher };
    const r = reconcile(seedBudget, noRows, { asOf });
    expect(r.issues.map((i) => [i.rowIndex, i.otherRowIndexes])).toEqual([[0, [4]], [4, [0]]]);
  });

  it('accepts codes in any case and with spaces', () => {
    const { line } = onlyLine([{ ...seedBudget[0], source: ' kom ' }, seedBudget[1]], [{ ...expense1, type: 'udgift', source: 'Kom' }]);
    expect(line.eligibleBySource).toEqual({ KOM: kr(131000) });
  });

  it('flags postings dated after asOf', () => {
    const r = reconcile(seedBudget, seedPostings, { asOf: d('2017-10-01') });
    expect(r.issues.map((i) => [i.kind, i.rowIndex, i.severity, i.date])).toEqual([['future-date', 6, 'warning', '2017-11-30']]);
  });

  it('sorts lines by initiative ID, then year; budget-only years are lines too', () => {
    const budget: BudgetRow[] = [
      { initiativeId: 'ITMV', year: 2018, source: 'KOM', amountOre: kr(1) },
      ...seedBudget,
      { initiativeId: 'FSM', year: 2019, source: 'KOM', amountOre: kr(1) },
      { initiativeId: 'FSM', year: 2018, source: 'KOM', amountOre: kr(1) },
    ];
    const r = reconcile(budget, seedPostings, { asOf });
    expect(r.lines.map((l) => `${l.initiativeId} ${l.year} ${l.status}`)).toEqual(['FSM 2018 afstemt', 'FSM 2019 afstemt', 'ITMV 2017 afstemt', 'ITMV 2018 afstemt']);
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => reconcile([], [], { asOf: d('31-12-2017') })).toThrow(RangeError);
  });

  it('an empty workbook is trivially reconciled', () => {
    expect(reconcile([], [], { asOf })).toEqual({ lines: [], issues: [], allReconciled: true });
  });
});

describe('reconcile: properties', () => {
  const posting = fc.record({
    initiativeId: fc.constantFrom('ITMV', 'FSM'),
    date: fc.constantFrom('2017-03-31', '2017-09-15', '2017-11-30', '2018-01-20').map(d),
    type: fc.constantFrom('UDGIFT', 'ANMODNING', 'REFUSION', 'TILSKUD'),
    amountOre: fc.integer({ min: -(10 ** 9), max: 10 ** 10 }),
    source: fc.constantFrom(undefined, 'KOM', 'LBF', 'STAR'),
  });
  const budget: BudgetRow[] = [...seedBudget, { initiativeId: 'FSM', year: 2017, source: 'STAR', amountOre: kr(100000), refundRateBp: 3000 }];

  it('lines do not depend on the order of the postings', () => {
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 40 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
        expect(reconcile(budget, shuffled, { asOf: d('2018-12-31') }).lines).toEqual(reconcile(budget, list, { asOf: d('2018-12-31') }).lines);
      }),
    );
  });

  it('the statuses follow from the gaps, and net cost is municipal spending less refunds', () => {
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 40 }), (list) => {
        for (const l of reconcile(budget, list, { asOf: d('2018-12-31') }).lines) {
          expect(l.statuses.includes('afstemt')).toBe(l.outstanding === 0 && l.overRefunded === 0 && l.unclaimed === 0);
          expect(l.outstanding).toBe(Math.max(0, l.claimed - l.received));
          expect(l.netMunicipalCost).toBe(l.municipalSpent - l.received);
          if (l.ageDays !== undefined) expect(l.outstanding).toBeGreaterThan(0);
          if (l.outstanding > 0 && l.claimed > 0) expect(l.ageDays).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
