/**
 * The accounting year (Regnskabsår) in `indsats reconcile` and the Afstemning sheet: a December
 * claim refunded in January reconciles within the accounting year, in the core and in the
 * sheet's formulas as LibreOffice recalculates them.
 */
import { join } from 'path';
import { applyPlan, readXlsx, writeXlsx } from '../../src/xlsx';
import { describeWithLibreOffice, libreOfficeHookTimeout, removeLibreOfficeProfile, shownKroner } from '../helpers/libreoffice';
import { tempDir, utc } from '../xlsx/fixtures';
import { demoWorkbook, indsats, recalculatedAfstemning } from './helpers';

const tmp = tempDir('indsats-reconcile-years-');
const years = tmp.path('years.xlsx');
const calendar = tmp.path('calendar.xlsx');
const asOf = '2022-02-01';

beforeAll(async () => {
  const demo = tmp.path('demo.xlsx');
  await demoWorkbook(demo);
  for (const [path, accountingYear] of [[years, 2021], [calendar, null]] as const) {
    const { workbook } = await readXlsx(demo);
    applyPlan(workbook, {
      ops: [
        { kind: 'appendRows', sheet: 'Økonomi', table: 'Budget', rows: [['FKIB', 2021, 'Kommune', 100000, 0.5]] },
        {
          kind: 'appendRows', sheet: 'Økonomi', table: 'Posteringer', rows: [
            ['FKIB', utc(2021, 6, 1), 'Udgift', 100000, 'FKIB-2021-01', 'Kommune', null],
            ['FKIB', utc(2021, 12, 15), 'Refusionsanmodning', 50000, 'FKIB-2021-02', 'Statsrefusion', null],
            // Paid out in January for the December claim: the supplementary period of the 2021 accounts.
            ['FKIB', utc(2022, 1, 20), 'Refusion modtaget', 50000, 'FKIB-2021-03', 'Statsrefusion', accountingYear],
          ],
        },
      ],
    });
    await writeXlsx(workbook, path);
  }
});
afterAll(() => tmp.cleanup());

it('with Regnskabsår 2021 on the January refund, FKIB 2021 is reconciled and there is no 2022 line', async () => {
  const run = await indsats('reconcile', years, '--json', '--as-of', asOf);
  const json = JSON.parse(run.out);
  const fkib = json.lines.filter((l: { initiativeId: string }) => l.initiativeId === 'FKIB');
  expect(fkib).toEqual([expect.objectContaining({ year: 2021, status: 'afstemt', spent: '100000.00', claimed: '50000.00', received: '50000.00', outstanding: '0.00' })]);
  expect(run.code).toBe(0);
});

it('without it, the refund falls in 2022: the claim is outstanding in 2021 and 2022 has a line of its own', async () => {
  const run = await indsats('reconcile', calendar, '--json', '--as-of', asOf);
  const json = JSON.parse(run.out);
  const fkib = json.lines.filter((l: { initiativeId: string }) => l.initiativeId === 'FKIB').map((l: { year: number; status: string }) => `${l.year} ${l.status}`);
  expect(fkib).toEqual(['2021 udestående', '2022 overrefunderet']);
  expect(run.code).toBe(1);
});

describeWithLibreOffice('the Afstemning sheet with Regnskabsår', () => {
  let rows: string[][];
  beforeAll(async () => {
    rows = await recalculatedAfstemning(years, asOf, join(tmp.dir, 'csv'));
  }, libreOfficeHookTimeout(1));
  afterAll(() => removeLibreOfficeProfile());

  it('sums the January refund into 2021 by its Regnskabsår and the rest by date, as the core does', () => {
    const fkib = rows.find((r) => r[0] === 'FKIB')!;
    // Udgifter, Forventet, Anmodet, Modtaget, Udestående, Overrefunderet, Mangler anmodning
    expect(fkib.slice(3, 10).map(shownKroner)).toEqual([100000, 50000, 50000, 50000, 0, 0, 0]);
    expect(rows.map((r) => r[0]).filter((v) => /^År \d{4}$/.test(v))).not.toContain('År 2022');
    expect(fkib).toContain('Afstemt');
  });
});

