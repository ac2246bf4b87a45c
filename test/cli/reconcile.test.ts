/** `indsats reconcile` on the demo and on a workbook with injected gaps; the Afstemning sheet's formulas recalculated by LibreOffice. */
import { join } from 'path';
import { applyPlan, readXlsx, writeXlsx } from '../../src/xlsx';
import { describeWithLibreOffice, libreOfficeHookTimeout, removeLibreOfficeProfile, shownKroner } from '../helpers/libreoffice';
import { tempDir, utc } from '../xlsx/fixtures';
import { demoWorkbook, indsats, recalculatedAfstemning } from './helpers';

const tmp = tempDir('indsats-reconcile-');
const demo = tmp.path('demo.xlsx');
const gaps = tmp.path('gaps.xlsx');
const asOf = '2021-12-31';

beforeAll(async () => {
  await demoWorkbook(demo);
  // Dates as Excel stores typed dates (text dates would be parsed by the core but skipped by SUMIFS).
  // Gaps: FKIB claims nothing, ITMV receives too much, STRAKS has a 60 % rate but claimed at 50 %, and a voucher is used twice.
  const { workbook } = await readXlsx(demo);
  applyPlan(workbook, {
    ops: [
      { kind: 'appendRows', sheet: 'Økonomi', table: 'Budget', rows: [['FKIB', 2021, 'Kommune', 100000, 0.5], ['STRAKS', 2020, 'Kommune', 200000, 0.6]] },
      {
        kind: 'appendRows', sheet: 'Økonomi', table: 'Posteringer', rows: [
          ['FKIB', utc(2021, 3, 15), 'Udgift', 100000, 'FKIB-2021-01', 'Kommune'],
          ['ITMV', utc(2017, 12, 15), 'Refusion modtaget', 19000, 'ITMV-2017-06', 'Statsrefusion'],
          ['STRAKS', utc(2020, 6, 30), 'Udgift', 200000, 'ST-2020-01', 'Kommune'],
          ['STRAKS', utc(2020, 9, 30), 'Refusionsanmodning', 100000, 'ST-2020-02', 'Statsrefusion'],
          ['STRAKS', utc(2020, 11, 30), 'Refusion modtaget', 100000, 'ST-2020-02', 'Statsrefusion'],
        ],
      },
    ],
  });
  await writeXlsx(workbook, gaps);
});
afterAll(() => tmp.cleanup());

describe('indsats reconcile', () => {
  it('reconciles the demo with the seed figures: 262.000 kr. spent, 131.000 kr. refunded, 131.000 kr. net (exit 0)', async () => {
    const run = await indsats('reconcile', demo, '--json', '--as-of', asOf);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.allReconciled).toBe(true);
    expect(json.lines).toEqual([expect.objectContaining({
      initiativeId: 'ITMV', year: 2017, status: 'afstemt', spent: '262000.00', expectedRefund: '131000.00', claimed: '131000.00',
      received: '131000.00', grantsReceived: '262000.00', netMunicipalCost: '131000.00', budgetBySource: { Kommune: '262000.00', Landsbyggefonden: '262000.00' },
    })]);
  });

  it('prints a readable text report', async () => {
    const run = await indsats('reconcile', demo, '--as-of', asOf);
    expect(run.out.split('\n')[0]).toBe('ITMV 2017: Afstemt');
    expect(run.out).toContain('nettoudgift 131.000,00 kr.');
    expect(run.out).toContain('1 linje, alle afstemt.');
  });

  it('finds exactly the injected gaps (exit 1)', async () => {
    const run = await indsats('reconcile', gaps, '--json', '--as-of', asOf);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out);
    const line = (id: string) => json.lines.find((l: { initiativeId: string }) => l.initiativeId === id);
    expect(line('FKIB')).toMatchObject({ year: 2021, status: 'mangler anmodning', expectedRefund: '50000.00', claimed: '0.00', unclaimed: '50000.00' });
    expect(line('ITMV')).toMatchObject({ year: 2017, status: 'overrefunderet', received: '150000.00', overRefunded: '19000.00', netMunicipalCost: '112000.00' });
    expect(line('STRAKS')).toMatchObject({ year: 2020, status: 'mangler anmodning', expectedRefund: '120000.00', claimed: '100000.00', unclaimed: '20000.00' });
    expect(json.lines).toHaveLength(3);
    expect(json.issues.map((i: { cell: string; code: string }) => `${i.cell} ${i.code}`)).toEqual(['K13 DUPLICATE_VOUCHER', 'K14 DUPLICATE_VOUCHER']);
  });

  it('-o keeps the user\'s own sheet Afstemning, renamed aside with a notice, and refuses their table Afstemning_2017', async () => {
    const { workbook } = await readXlsx(demo);
    applyPlan(workbook, { ops: [
      { kind: 'ensureSheet', sheet: 'Afstemning' },
      { kind: 'createTable', sheet: 'Afstemning', table: 'MinAfstemning', topLeft: { row: 1, column: 1 }, header: ['Post', 'Beløb'], rows: [['Husleje', 1200]] },
    ] });
    const mine = tmp.path('mine.xlsx');
    await writeXlsx(workbook, mine);
    const out = tmp.path('mine-out.xlsx');
    const run = await indsats('reconcile', mine, '-o', out, '--as-of', asOf);
    expect(run.out).toContain("Der var allerede et ark Afstemning, som Indsatsmonitor ikke har lavet. Det er gemt som 'Afstemning gemt 31-12-2021'.");
    const sheets = (await readXlsx(out)).read.sheets;
    expect(sheets.find((s) => s.name === 'Afstemning gemt 31-12-2021')!.tables).toEqual([expect.objectContaining({ table: 'MinAfstemning', rows: [['Husleje', 1200]] })]);
    expect(sheets.find((s) => s.name === 'Afstemning')!.tables.map((t) => t.table)).toContain('Afstemning_Kontrol');

    applyPlan(workbook, { ops: [{ kind: 'createTable', sheet: 'Afstemning', table: 'Afstemning_2017', topLeft: { row: 5, column: 1 }, header: ['År'], rows: [[2017]] }] });
    await writeXlsx(workbook, mine);
    const refused = await indsats('reconcile', mine, '-o', tmp.path('refused.xlsx'), '--as-of', asOf);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("Tabellen 'Afstemning_2017' på arket 'Afstemning' har et navn, indsats bruger");
  });

  it('an unreadable file exits 2', async () => {
    const run = await indsats('reconcile', tmp.path('none.xlsx'));
    expect(run.code).toBe(2);
  });
});

describeWithLibreOffice('the Afstemning sheet', () => {
  let rows: string[][];
  beforeAll(async () => {
    rows = await recalculatedAfstemning(gaps, asOf, join(tmp.dir, 'csv'));
  }, libreOfficeHookTimeout(1));
  afterAll(() => removeLibreOfficeProfile());

  it('holds one table per year whose formulas, recalculated by LibreOffice, equal the core figures', () => {
    const amounts = (id: string) => {
      const r = rows.find((row) => row[0] === id)!;
      return r.slice(2, 12).map(shownKroner);
    };
    // Budget, Udgifter, Forventet, Anmodet, Modtaget, Udestående, Overrefunderet, Mangler anmodning, Tilskud, Nettoudgift
    expect(amounts('ITMV')).toEqual([524000, 262000, 131000, 131000, 150000, 0, 19000, 0, 262000, 112000]);
    expect(amounts('STRAKS')).toEqual([200000, 200000, 120000, 100000, 100000, 0, 0, 20000, 0, 100000]);
    expect(amounts('FKIB')).toEqual([100000, 100000, 50000, 0, 0, 0, 0, 50000, 0, 100000]);
    expect(rows.map((r) => r[0]).filter((v) => /^År \d{4}$/.test(v))).toEqual(['År 2017', 'År 2020', 'År 2021']);
    expect(rows.find((r) => r[0] === 'ITMV')![12]).toBe('Overrefunderet');
  });
});

