/**
 * #10 on real files: `indsats adopt` takes a hand-kept sheet into use (the model set up first, the
 * initiative added), `--dry-run` shows the mapping and writes nothing, the original sheet's cells
 * stay as they were, and bad input is a clear message with exit 2 and no file. `validate` lists
 * the sheets it did not check; `repair` proposes a rename instead of a duplicate column.
 */
import { existsSync, readdirSync } from 'fs';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { findSheet, findTableRead } from '../../src/workbook/read';
import { tempDir, utc } from '../xlsx/fixtures';
import { addHandKeptSheet, HAND_SHEET, handKeptWorkbook, ITMV_STATUS_TABLE, pasteInto } from '../helpers/handKept';
import { indsats, indsatsBin } from './helpers';

const tmp = tempDir('indsats-adopt-');
afterAll(() => tmp.cleanup());
const AS_OF = ['--as-of', '2016-09-30'];

let n = 0;
async function save(wb: ExcelJS.Workbook): Promise<string> {
  const file = tmp.path(`in-${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}
const out = () => tmp.path(`out-${++n}.xlsx`);

let handFile: string;
beforeAll(async () => {
  handFile = await save(handKeptWorkbook());
});

describe('indsats adopt', () => {
  it('--dry-run proposes the mapping and the conversions and writes nothing', async () => {
    const target = out();
    const run = await indsats('adopt', handFile, '--sheet', HAND_SHEET, '--initiative', 'ITMV', '--dry-run', '-o', target, ...AS_OF);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(target)).toBe(false);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('Arket ”Mine deltagere”: overskrift i række 3, 18 rækker med data.');
    expect(lines).toEqual(expect.arrayContaining([
      'Titelrækker over overskriften: 1.',
      'Tomme rækker sprunget over (ingen data tabt): 9, 16.',
      'Sumrække udeladt: 24.',
      expect.stringMatching(/^ {2}A {2}Navn\/ID → Deltager-ID \(efter overskriften\) {3}fx ITMV-01, ITMV-02, ITMV-03$/),
      expect.stringMatching(/^ {2}B {2}Start → Startdato \(efter overskriften\)/),
      expect.stringMatching(/^ {2}E {2}Forløbsstatus → Status \(efter overskriften\)/),
      expect.stringMatching(/^ {2}F {2}Bemærkninger → Bemærkning \(efter overskriften\)/),
      expect.stringMatching(/^ {2}G {2}Telefon → ekstra kolonne/),
      expect.stringMatching(/^ {2}H {2}Sidst set → Statusdato \(efter værdierne\)/),
      'Datoer uden år får året 2016 fra arket.',
      '  Status: ”i praktik” → ”I virksomhedspraktik” (3 rækker)',
      '  Status: ”job (løntilskud)” → ”Ansat med løntilskud” (1 række)',
      '  Startdato: ”29/8” → ”29-08-2016” (1 række)',
      '  Startdato: ”1. sep 2016” → ”01-09-2016” (1 række)',
      '  Målgruppe: ”aktivitetsparate (etniske minoritets)kvinder” → ”Aktivitetsparate kvinder med indvandrerbaggrund” (1 række)',
      '  Startdato i række 20: ”snart” (ikke en dato (brug fx 29-08-2017))',
      'Prøvekørsel: intet er skrevet.',
    ]));
  });

  it('--json gives the same proposal as data', async () => {
    const run = await indsats('adopt', handFile, '--sheet', HAND_SHEET, '--initiative', 'ITMV', '--dry-run', '--json', ...AS_OF);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({ sheet: HAND_SHEET, headerRow: 3, blankRows: [9, 16], totalsRows: [24], year: 2016, trackingSheet: 'ITMV', table: 'Deltagere_ITMV', addsInitiative: true, setsUp: true, written: false });
    expect(json.dataRows).toHaveLength(18);
    expect(json.columns.map((c: { header: string; column: string | null }) => [c.header, c.column])).toEqual([
      ['Navn/ID', 'Deltager-ID'], ['Start', 'Startdato'], ['Målgruppe', 'Målgruppe'], ['Trin', 'Trin'], ['Forløbsstatus', 'Status'], ['Bemærkninger', 'Bemærkning'], ['Telefon', null], ['Sidst set', 'Statusdato'],
    ]);
  });

  it('adopts: a tracking sheet with every data row, the extra column kept, the original sheet\'s cells unchanged; findings only where data is wrong', async () => {
    const target = out();
    const run = await indsats('adopt', handFile, '--sheet', HAND_SHEET, '--initiative', 'ITMV', '--name', 'I Tråd Med Verden', '-o', target, ...AS_OF);
    expect(run.err).toBe('');
    expect(run.out).toContain('Projektmappen havde ingen struktur');
    expect(run.out).toContain('Indsatsen ITMV er føjet til tabellen Indsatser.');
    expect(run.out).toContain(`Skrev ${target}: arket ”ITMV” med 18 rækker for indsatsen ITMV. Det oprindelige ark er uændret.`);
    expect(run.out).toContain('ITMV!B19\tfejl\tWRONG_TYPE\t”snart” i ”Startdato” kan ikke læses');
    expect(run.code).toBe(1);

    const [before, after] = await Promise.all([readWorkbookFile(handFile), readWorkbookFile(target)]);
    expect(findSheet(after, HAND_SHEET)).toEqual(findSheet(before, HAND_SHEET));
    const table = findTableRead(after, 'Deltagere_ITMV')!;
    expect(table.rows).toHaveLength(18);
    expect(table.header.slice(-1)).toEqual(['Telefon']);
    expect(table.rows.map((r) => r[0])).toEqual(Array.from({ length: 18 }, (_, i) => `ITMV-${String(i + 1).padStart(2, '0')}`));
    // Dates written as dates (date-formatted serials), read back as dates.
    expect(table.rows[0]!.slice(0, 6)).toEqual(['ITMV-01', utc(2016, 8, 15), 'Aktivitetsparate kvinder med indvandrerbaggrund', 3, 'I virksomhedspraktik', utc(2016, 8, 29)]);

    const check = await indsats('validate', target, '--json', ...AS_OF);
    const findings = JSON.parse(check.out) as { sheet: string; cell: string; code: string; severity: string }[];
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.code}`)).toEqual(['ITMV!B19 WRONG_TYPE']);
    expect(findings.filter((f) => f.severity === 'info').map((f) => `${f.sheet} ${f.code}`)).toEqual([`${HAND_SHEET} SHEET_NOT_IN_MODEL`]);
  });

  it('--map overrides the proposal; "ikke med" leaves a column out', async () => {
    const target = out();
    const run = await indsats('adopt', handFile, '--sheet', HAND_SHEET, '--initiative', 'ITMV', '--map', 'Sidst set=Slutdato; Telefon=ikke med', '-o', target, ...AS_OF);
    expect(run.out).toContain('  H  Sidst set → Slutdato');
    const table = findTableRead(await readWorkbookFile(target), 'Deltagere_ITMV')!;
    expect(table.header).not.toContain('Telefon');
    expect(table.rows[0]![6]).toEqual(utc(2016, 8, 29));
  });

  it.each([
    ['a sheet name that does not exist', ['--sheet', 'Deltagere', '--initiative', 'ITMV'], 'Arket ”Deltagere” findes ikke. Ark, der kan tages i brug: ”Mine deltagere”.'],
    ['an initiative ID that is not a valid ID', ['--sheet', HAND_SHEET, '--initiative', '1 ITMV'], '”1 ITMV” kan ikke bruges som indsats-ID'],
    ['a column mapped twice', ['--sheet', HAND_SHEET, '--initiative', 'ITMV', '--map', 'Telefon=Status;Forløbsstatus=Status'], '”Status” er valgt for flere kolonner (”Forløbsstatus” og ”Telefon”). Vælg den ene.'],
    ['a header the sheet lacks', ['--sheet', HAND_SHEET, '--initiative', 'ITMV', '--map', 'Mobil=Status'], '--map: Arket har ingen kolonne ”Mobil”.'],
    ['an unreadable --map', ['--sheet', HAND_SHEET, '--initiative', 'ITMV', '--map', 'Telefon'], '--map ”Telefon” kan ikke læses.'],
    ['no --sheet', ['--initiative', 'ITMV'], 'Angiv arket, der skal tages i brug, med --sheet "NAVN".'],
    ['no --initiative', ['--sheet', HAND_SHEET], 'Angiv indsatsens ID med --initiative ID'],
    ['a model sheet', ['--sheet', 'Indsatser', '--initiative', 'ITMV'], 'Arket ”Indsatser” findes ikke.'],
  ])('refuses %s: a clear message, exit 2, nothing written', async (_, args, message) => {
    const target = out();
    const run = await indsats('adopt', handFile, ...args, '-o', target);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a sheet with no recognisable header (the ITMV status table, pasted) and one with two candidate header rows', async () => {
    const wb = new ExcelJS.Workbook();
    pasteInto(wb.addWorksheet('ITMV status'), ITMV_STATUS_TABLE);
    const two = wb.addWorksheet('To tabeller');
    pasteInto(two, 'Navn\tStart\tStatus\nA\t1/8 2016\tI forløb\n\nDeltager\tStartdato\tStatus\nB\t2/8 2016\tI job');
    const file = await save(wb);
    const target = out();
    const none = await indsats('adopt', file, '--sheet', 'ITMV status', '--initiative', 'ITMV', '-o', target);
    expect(none.code).toBe(2);
    expect(none.err).toBe('Arket ”ITMV status” har ingen overskriftsrække, der kan genkendes: ingen række nævner mindst to af kolonnerne Deltager-ID, Startdato, Målgruppe, Trin, Status, Statusdato, Slutdato, Bemærkning. Skriv overskrifter over dataene. Angiv overskriftsrækken med --header-row N.');
    const ambiguous = await indsats('adopt', file, '--sheet', 'To tabeller', '--initiative', 'ITMV', '-o', target);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('har flere rækker, der kan være overskriften (række 1 og 4)');
    expect(existsSync(target)).toBe(false);
    const chosen = await indsats('adopt', file, '--sheet', 'To tabeller', '--initiative', 'ITMV', '--header-row', '4', '--dry-run');
    expect(chosen.code).toBe(0);
    expect(chosen.out).toContain('overskrift i række 4, 1 række med data');
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('out-'))).toEqual(expect.not.arrayContaining([target.split('/').pop()]));
  });

  it('adopts a second sheet into a workbook that has the model, beside a sheet named by the ID', async () => {
    const first = out();
    await indsats('adopt', handFile, '--sheet', HAND_SHEET, '--initiative', 'ITMV', '-o', first, ...AS_OF);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    addHandKeptSheet(wb, 'JOBF');
    const file = await save(wb);
    const target = out();
    const run = await indsats('adopt', file, '--sheet', 'JOBF', '--initiative', 'JOBF', '-o', target, ...AS_OF);
    expect(run.out).not.toContain('ingen struktur');
    expect(run.out).toContain('arket ”Deltagere_JOBF” med 18 rækker');
    const read = await readWorkbookFile(target);
    expect(findTableRead(read, 'Deltagere_ITMV')!.rows).toHaveLength(18);
    expect(findTableRead(read, 'Deltagere_JOBF')!.rows).toHaveLength(18);
  });

  it('runs as the built command, in English', () => {
    const target = out();
    const run = indsatsBin('adopt', handFile, '--sheet', HAND_SHEET, '--initiative', 'ITMV', '-o', target, '--lang', 'en', ...AS_OF);
    expect(run.err).toBe('');
    expect(run.out).toContain(`Wrote ${target}: the sheet 'ITMV' with 18 rows for the initiative ITMV. The original sheet is unchanged.`);
    expect(run.code).toBe(1);
    const bad = indsatsBin('adopt', handFile, '--sheet', 'Nope', '--initiative', 'ITMV', '-o', out(), '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe("There is no sheet 'Nope'. Sheets that can be taken into use: 'Mine deltagere'.");
  });
});

describe('validate and repair on hand-kept sheets', () => {
  it('validate lists the sheet it did not check', async () => {
    const run = await indsats('validate', handFile, ...AS_OF);
    expect(run.out).toContain(`${HAND_SHEET}!A1\tinfo\tSHEET_NOT_IN_MODEL\tArket ”${HAND_SHEET}” er ikke tjekket`);
  });

  it('repair proposes the rename of a renamed column, adds no duplicate, and renames with --rename', async () => {
    const adopted = out();
    await indsats('adopt', handFile, '--sheet', HAND_SHEET, '--initiative', 'ITMV', '-o', adopted, ...AS_OF);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(adopted);
    const ws = wb.getWorksheet('ITMV')!;
    ws.getCell('E4').value = 'Forløbsstatus';
    (ws.getTable('Deltagere_ITMV') as unknown as { table: { columns: { name: string }[] } }).table.columns[4]!.name = 'Forløbsstatus';
    const renamed = await save(wb);

    const check = await indsats('validate', renamed, ...AS_OF);
    expect(check.out).toContain('ITMV!E4\tfejl\tMISSING_COLUMN\tKolonnen ”Status” mangler i tabellen ”Deltagere_ITMV”. Kolonnen ”Forløbsstatus” ligner den');

    const repaired = out();
    const repair = await indsats('repair', renamed, '-o', repaired);
    expect(repair.code).toBe(0);
    expect(repair.out).toContain('Kolonnen ”Forløbsstatus” (ITMV!E4) ligner ”Status”, som mangler: den er ikke tilføjet igen. Omdøb med --rename "Forløbsstatus=Status".');
    expect(findTableRead(await readWorkbookFile(repaired), 'Deltagere_ITMV')!.header.filter((h) => h === 'Status')).toEqual([]);

    const fixed = out();
    const rename = await indsats('repair', renamed, '-o', fixed, '--rename', 'Forløbsstatus=Status');
    expect(rename.out).toContain('Omdøbte kolonnen ”Forløbsstatus” til ”Status” (ITMV!E4).');
    expect(findTableRead(await readWorkbookFile(fixed), 'Deltagere_ITMV')!.header[4]).toBe('Status');
    const after = await indsats('validate', fixed, '--json', ...AS_OF);
    expect((JSON.parse(after.out) as { code: string }[]).filter((f) => f.code === 'MISSING_COLUMN')).toEqual([]);

    const bad = await indsats('repair', renamed, '-o', out(), '--rename', 'Mobil=Status');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('--rename: ingen tabel i projektmappen har kolonnen ”Mobil”. Intet er skrevet.');
  });
});
