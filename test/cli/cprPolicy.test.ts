/**
 * The policy for CPR numbers in the user's data on write (README "CPR-numre"): every command that
 * writes a new workbook refuses one whose user data holds CPR numbers (exit 2, a Danish message
 * with the count and the first places, masked; nothing written), unless --mask-cpr: then the copy
 * has each masked and the command says how many. The input file is never changed; every zip part
 * of what is written is searched for CPR digit strings.
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { tempDir } from '../xlsx/fixtures';
import { cprStrings } from '../hostile/scan';
import { demoWorkbook, indsats } from './helpers';

const tmp = tempDir('indsats-cpr-policy-');
const demoFile = tmp.path('demo.xlsx');
const input = tmp.path('in.xlsx');
const refunds = tmp.path('refusion.csv');
const AS_OF = '2021-12-31';

/** Every CPR number planted, each in one place. */
const PLANTED = ['220387-3047', '1502851237', '2412791235', '030481-1112', '080795-0446', '1009971668', '1301000991', '160403-3224', '2604133789', '050592-2223'];

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const zipCpr = (file: string): string[] => {
  const xlsx = readFileSync(file);
  return zipEntries(xlsx).flatMap((e) => cprStrings(zipEntryData(xlsx, e).toString('utf8')).map((c) => `${e.name}: ${c}`));
};

beforeAll(async () => {
  await demoWorkbook(demoFile);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demoFile);
  const itmv = wb.getWorksheet('ITMV')!;
  itmv.getCell('P2').value = 'Husk 220387-3047'; // outside the table
  itmv.getCell('J6').value = 'ring 1502851237'; // a remark in the table
  itmv.getCell('A5').note = 'Mor 080795-0446';
  itmv.getCell('P9').value = { text: 'Sagen', hyperlink: 'https://example.invalid/sag/2604133789' };
  const own = wb.addWorksheet('Mine noter'); // a sheet outside the model
  own.getCell('A1').value = 'Noter';
  own.getCell('C3').value = 2412791235;
  own.getCell('B7').value = 'Mor: 030481-1112';
  wb.addWorksheet('Ark 050592-2223').getCell('A1').value = 'x';
  wb.definedNames.add("'Mine noter'!$C$3", 'Borger_1009971668');
  wb.creator = '1301000991';
  wb.company = 'Firma 160403-3224';
  await wb.xlsx.writeFile(input);
  writeFileSync(refunds, '\uFEFFUge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb\r\n2021-07;0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00\r\n');
});
afterAll(() => tmp.cleanup());

const COMMANDS: Record<string, (out: string) => string[]> = {
  repair: (out) => ['repair', input, '-o', out],
  summarize: (out) => ['summarize', input, '-o', out, '--as-of', AS_OF],
  snapshot: (out) => ['snapshot', input, '-o', out, '--as-of', AS_OF],
  reconcile: (out) => ['reconcile', input, '-o', out, '--as-of', AS_OF],
  'import-refunds': (out) => ['import-refunds', input, refunds, '-o', out],
};

describe('CPR numbers in the user data on write', () => {
  it('the input holds every planted number, and validate reports them (masked)', async () => {
    const text = readFileSync(input);
    const planted = new Set(zipEntries(text).flatMap((e) => cprStrings(zipEntryData(text, e).toString('utf8'))).map((c) => c.replace(/\D/g, '')));
    for (const c of PLANTED) expect(planted).toContain(c.replace(/\D/g, ''));
    const run = await indsats('validate', input, '--json', '--as-of', AS_OF);
    expect(cprStrings(run.out + run.err)).toEqual([]);
    const cpr = (JSON.parse(run.out) as { code: string; message: string }[]).filter((f) => f.code === 'CPR_NUMBER');
    expect(cpr.length).toBe(PLANTED.length);
  });

  it.each(Object.keys(COMMANDS))('%s refuses: exit 2, the count and the first places masked, nothing written, the input unchanged', async (name) => {
    const out = tmp.path(`refused-${name}.xlsx`);
    const before = sha(input);
    const run = await indsats(...COMMANDS[name](out));
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `Projektmappen indeholder ${PLANTED.length} CPR-numre (ITMV!P2, note i ITMV!A5, ITMV!J6 …). Fjern dem, eller kør igen med --mask-cpr for at maskere dem i den nye fil. Intet er skrevet.`,
    );
    expect(run.out).toBe('');
    expect(cprStrings(run.err)).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(sha(input)).toBe(before);
  });

  it('says it in English with --lang en', async () => {
    const run = await indsats('repair', input, '-o', tmp.path('refused-en.xlsx'), '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^The workbook holds 10 CPR numbers \(ITMV!P2, a note on ITMV!A5, ITMV!J6 …\)\. Remove them, or run again with --mask-cpr to mask them in the new file\. Nothing was written\.$/);
  });

  it.each(Object.keys(COMMANDS))('%s --mask-cpr: writes the copy with every CPR number masked (no zip part holds one), says how many', async (name) => {
    const out = tmp.path(`masked-${name}.xlsx`);
    const before = sha(input);
    const run = await indsats(...COMMANDS[name](out), '--mask-cpr');
    expect(run.code === 0 || (name === 'reconcile' && run.code === 1)).toBe(true);
    expect(run.out).toContain(`Maskerede ${PLANTED.length} CPR-numre i den nye fil: de sidste fire cifre er erstattet af ****. Inputfilen er uændret.`);
    expect(cprStrings(run.out + run.err)).toEqual([]);
    expect(zipCpr(out)).toEqual([]);
    expect(sha(input)).toBe(before);
    // The user's data is still there, masked; nothing else of it lost.
    const read = await readWorkbookFile(out);
    expect(read.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['ITMV', 'Mine noter', 'Ark 050592-xxxx']));
    const own = read.sheets.find((s) => s.name === 'Mine noter')!;
    expect(own.region?.rows.flat().filter((v) => v !== null)).toEqual(['241279-****', 'Mor: 030481-****']);
    const xlsx = readFileSync(out);
    const all = zipEntries(xlsx).map((e) => zipEntryData(xlsx, e).toString('utf8')).join('\n');
    for (const masked of ['Husk 220387-****', 'ring 150285-****', 'Mor 080795-****', 'https://example.invalid/sag/260413-****', 'Borger_100997xxxx', 'Firma 160403-****']) expect(all.includes(masked) || masked).toBe(true);
  });

  it('reconcile --json -o --mask-cpr: the JSON on stdout stays JSON, the count goes to stderr', async () => {
    const run = await indsats('reconcile', input, '--json', '-o', tmp.path('masked-json.xlsx'), '--as-of', AS_OF, '--mask-cpr');
    expect(() => JSON.parse(run.out)).not.toThrow();
    expect(run.err).toContain(`Maskerede ${PLANTED.length} CPR-numre`);
  });

  it('a workbook without CPR numbers writes as before, and --mask-cpr on it says nothing', async () => {
    const out = tmp.path('clean.xlsx');
    const run = await indsats('repair', demoFile, '-o', out, '--mask-cpr');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).not.toContain('Maskerede');
  });

  it('validate does not take --mask-cpr (it writes nothing)', async () => {
    const run = await indsats('validate', input, '--mask-cpr');
    expect(run.code).toBe(2);
    expect(run.err).toContain("Valget '--mask-cpr' bruges ikke med validate");
  });
});
