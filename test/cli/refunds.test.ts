/** `indsats import-refunds`: a KOMBIT-style refund file into the workbook, without CPR numbers. */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { readXlsx } from '../../src/xlsx';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';
import { partNames, tempDir } from '../xlsx/fixtures';
import { demoWorkbook, indsats } from './helpers';

const tmp = tempDir('indsats-refunds-');
const demo = tmp.path('demo.xlsx');
const CPRS = ['0101901234', '1502851237', '2903771113'];
const lines = [
  'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb',
  `2021-07;${CPRS[0]};Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00`,
  `2021-07;${CPRS[1]};Kontanthjælp;5.000,50;80,00;4.000,40;20,00;1.000,10`,
  `2021-07;${CPRS[2]};Uddannelseshjælp;3.000,00;40,00;1.200,00;60,00;1.800,00`,
  `2021-08;${CPRS[0]};Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00`,
  '',
];
const file = (name: string, rows: string[]) => {
  const path = tmp.path(name);
  writeFileSync(path, '\uFEFF' + rows.join('\r\n'));
  return path;
};

beforeAll(async () => {
  await demoWorkbook(demo);
});
afterAll(() => tmp.cleanup());

it('imports a refund file per week and benefit, keeping no CPR number anywhere', async () => {
  const out = tmp.path('with-refunds.xlsx');
  const run = await indsats('import-refunds', demo, file('refusion-uge7-8.csv', lines), '-o', out);
  expect(run).toMatchObject({ code: 0, out: 'Importerede 4 linjer fra refusion-uge7-8.csv som 3 rækker (pr. uge og ydelse). CPR-numre er ikke gemt.' });
  const table = (await readXlsx(out)).read.sheets.find((s) => s.name === 'Refusion')!.tables[0];
  expect(table.table).toBe('Refusionsberegning');
  expect(table.rows.map((r) => r.slice(0, 8))).toEqual([
    ['2021-07', 'Kontanthjælp', 2, 2, 15000.5, 12000.4, 3000.1, 0.8],
    ['2021-07', 'Uddannelseshjælp', 1, 1, 3000, 1200, 1800, 0.4],
    ['2021-08', 'Kontanthjælp', 1, 1, 10000, 8000, 2000, 0.8],
  ]);
  const xlsx = readFileSync(out);
  const everything = zipEntries(xlsx).map((e) => zipEntryData(xlsx, e).toString('utf8')).join('\n');
  expect(partNames(xlsx).length).toBeGreaterThan(5);
  for (const cpr of CPRS) {
    expect(everything).not.toContain(cpr);
    expect(everything).not.toContain(cpr.slice(0, 6));
  }
});

it('imports nothing from a file with malformed lines, naming the lines', async () => {
  const out = tmp.path('bad.xlsx');
  const bad = [...lines.slice(0, 3), `2021-07;${CPRS[2]};Uddannelseshjælp;tre tusind;40,00;1.200,00;60,00;1.800,00`, '2021-08;;Kontanthjælp'];
  const run = await indsats('import-refunds', demo, file('bad.csv', bad), '-o', out);
  expect(run.code).toBe(1);
  expect(run.err).toContain('Linje 4:');
  expect(run.err).toContain('Linje 5:');
  expect(run.err).toContain('Filen er ikke importeret: 2 linjer kan ikke læses.');
  expect(run.err).not.toContain(CPRS[2]);
  expect(existsSync(out)).toBe(false);
});

it('refuses to import the same file twice', async () => {
  const once = tmp.path('once.xlsx');
  const refunds = file('uge7.csv', lines);
  expect((await indsats('import-refunds', demo, refunds, '-o', once)).code).toBe(0);
  const twice = await indsats('import-refunds', once, refunds, '-o', tmp.path('twice.xlsx'));
  expect(twice).toMatchObject({ code: 1, err: 'uge7.csv er allerede importeret. Intet er skrevet.' });
});

it('imports a file whose lines break the refusionstrappe, naming each line on stderr (exit 1), with no CPR number in the output', async () => {
  const out = tmp.path('with-checks.xlsx');
  const rows = [
    'Uge;CPR nummer;Ydelse;Ydelsesuge;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringsbeløb',
    `2026-03;${CPRS[0]};Kontanthjælp;1;10.000,00;80;8.000,00;2.000,00`,
    `2026-10;${CPRS[0]};Kontanthjælp;8;10.000,00;55;5.500,00;4.500,00`,
    `2026-11;${CPRS[1]};Kontanthjælp;9;10.000,00;40;4.000,01;5.999,99`,
    `2026-12;${CPRS[2]};Kontanthjælp;10;10.000,00;40;4.000,00;5.000,00`,
  ];
  const run = await indsats('import-refunds', demo, file('trappe.csv', rows), '-o', out);
  expect(run.code).toBe(1);
  expect(run.out).toContain('Importerede 4 linjer fra trappe.csv');
  expect(run.err.split('\n').filter((l) => l.startsWith('Linje'))).toEqual([
    'Linje 3 (uge 2026-10, ydelsesuge 8): refusionssatsen er 55 %, men 40 % efter Lov om kommunernes finansiering af visse offentlige ydelser § 5, stk. 2, nr. 2.',
    'Linje 4 (uge 2026-11): refusionen er 4.000,01 kr., men sats × beløb giver 4.000,00 kr.',
    'Linje 5 (uge 2026-12): medfinansieringen er 5.000,00 kr., men beløb − refusion giver 6.000,00 kr.',
  ]);
  expect(run.err).toContain('3 linjer bryder refusionsreglerne');
  for (const cpr of CPRS) expect(run.out + run.err).not.toContain(cpr);
  expect(existsSync(out)).toBe(true);
});
