/**
 * `indsats consolidate`, `partner` and `merge` on real files: the demo split into three workbooks
 * and brought together again gives the demo's figures, and, after each team froze its figures and
 * imported its refund files, the demo's Statusfotos and Refusion rows; a partner's file edited by openpyxl (a
 * writer that is not ours) comes back as exactly the rows added, changed and deleted; clashes and
 * bad input are refused with a message naming the files, and nothing is written.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { participantTableName, TABLE_NAMES } from '../../src/domain/model/schema';
import type { CalendarDate } from '../../src/domain/parse';
import type { CellValue } from '../../src/domain/parse/cell';
import { planSummary } from '../../src/operations/summarize';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { newXlsxWorkbook, openXlsxWorkbook } from '../../src/xlsx/fileWorkbook';
import type { WorkbookRead } from '../../src/workbook/read';
import { sha256, tempDir } from '../xlsx/fixtures';
import { convertAllWithLibreOffice, CSV_ALL_SHEETS, describeWithLibreOffice, libreOfficeHookTimeout, removeLibreOfficeProfile } from '../helpers/libreoffice';
import { readFileSync } from 'fs';
import { basename } from 'path';
import { demoWorkbook, indsats, indsatsBin } from './helpers';
import { DEMO_SPLIT as SPLIT, demoPartPlan } from '../helpers/demoSplit';
import { editPartnerCopy } from '../helpers/partnerEdit';

const AS_OF = '2026-11-25';
const tmp = tempDir('indsats-portfolio-');
const demo = tmp.path('demo.xlsx');
const demoSummary = tmp.path('demo-overblik.xlsx');
const team = (name: string) => tmp.path(name);

/** A workbook with some of the demo's initiatives: their register rows, tracking rows, status log and finance. */
async function writePart(file: string, ids: string[]): Promise<void> {
  const workbook = newXlsxWorkbook();
  await workbook.apply(demoPartPlan(ids));
  await workbook.save(file);
}

/** Writes a copy of `file` with some cells changed (sheet, A1 address, value). */
async function withCells(file: string, out: string, cells: [string, string, CellValue][]): Promise<void> {
  const workbook = await openXlsxWorkbook(file);
  const bySheet = new Map<string, { address: string; value: CellValue }[]>();
  for (const [sheet, address, value] of cells) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), { address, value }]);
  await workbook.apply({ ops: [...bySheet].map(([sheet, list]) => ({ kind: 'setValues' as const, sheet, cells: list })) });
  await workbook.save(out);
}

const tableRows = (read: WorkbookRead, table: string) => read.sheets.flatMap((s) => s.tables).find((t) => t.table === table)!;
const rowsWithoutBlanks = (rows: CellValue[][]) => rows.filter((r) => r.some((v) => v !== null && v !== undefined && v !== ''));

beforeAll(async () => {
  await demoWorkbook(demo);
  expect((await indsats('summarize', demo, '-o', demoSummary, '--as-of', AS_OF)).code).toBe(0);
  for (const [name, ids] of Object.entries(SPLIT)) await writePart(team(name), ids);
}, 180_000);
afterAll(() => tmp.cleanup());

describe('indsats consolidate', () => {
  const portfolio = tmp.path('portfolio.xlsx');
  let run: ReturnType<typeof indsatsBin>;
  beforeAll(() => {
    run = indsatsBin('consolidate', team('team-a.xlsx'), team('team-b.xlsx'), team('team-c.xlsx'), '-o', portfolio, '--as-of', AS_OF);
  }, 180_000);

  it('brings the three teams together with progress per file and leaves the inputs unchanged', () => {
    expect(run.code).toBe(0);
    expect(run.out.trim().split('\n')).toEqual([
      `Skrev ${portfolio}: 3 projektmapper, 14 indsatser, 141 deltagerrækker, Overblik over det hele.`,
      'Afstemning er bygget over det hele: 1 linje, alle afstemt. Se detaljerne med indsats reconcile på porteføljen.',
    ]);
    for (const [i, name] of Object.keys(SPLIT).entries()) expect(run.err).toContain(`Læser ${i + 1}/3: ${team(name)} …`);
  });

  it('gives the same figures as the demo: the core summaries, and the Overblik tables read back', async () => {
    const [mine, theirs] = await Promise.all([readWorkbookFile(portfolio), readWorkbookFile(demo)]);
    const a = planSummary(mine, AS_OF as CalendarDate, 'da');
    const b = planSummary(theirs, AS_OF as CalendarDate, 'da');
    expect(a.initiatives).toEqual(b.initiatives);
    expect(a.portfolio).toEqual(b.portfolio);
    expect(a.initiatives.find((s) => s.initiativeId === 'ITMV')!.total).toBe(18);

    const overview = mine.sheets.find((s) => s.name === 'Overblik')!;
    const demoOverview = (await readWorkbookFile(demoSummary)).sheets.find((s) => s.name === 'Overblik')!;
    expect(overview.tables.map((t) => t.table)).toEqual(demoOverview.tables.map((t) => t.table));
    for (const [i, t] of overview.tables.entries()) expect({ table: t.table, header: t.header, rows: t.rows }).toEqual({ table: t.table, header: demoOverview.tables[i].header, rows: demoOverview.tables[i].rows });
    expect(overview.formulas).toEqual(demoOverview.formulas);
  });

  it('carries every register, tracking, status log and finance row', async () => {
    const [mine, theirs] = await Promise.all([readWorkbookFile(portfolio), readWorkbookFile(demo)]);
    for (const table of [TABLE_NAMES.initiatives, TABLE_NAMES.statusLog, TABLE_NAMES.budget, TABLE_NAMES.postings, participantTableName('FKIB'), participantTableName('ITMV')]) {
      expect(rowsWithoutBlanks(tableRows(mine, table).rows)).toEqual(rowsWithoutBlanks(tableRows(theirs, table).rows));
    }
  });

  it('takes a folder of .xlsx files (in name order) and takes an identical initiative once', async () => {
    const folder = tmp.path('teams');
    mkdirSync(folder);
    for (const name of Object.keys(SPLIT)) execFileSync('cp', [team(name), join(folder, name)]);
    execFileSync('cp', [team('team-a.xlsx'), join(folder, 'team-d.xlsx')]);
    writeFileSync(join(folder, '~$team-a.xlsx'), 'lock file');
    const out = tmp.path('from-folder.xlsx');
    const r = await indsats('consolidate', folder, '-o', out, '--as-of', AS_OF, '--quiet');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`Indsats ITMV er ens i ${join(folder, 'team-a.xlsx')} og ${join(folder, 'team-d.xlsx')}; den er taget med én gang.`);
    expect(r.out).toContain('4 projektmapper, 14 indsatser, 141 deltagerrækker');
    const read = await readWorkbookFile(out);
    expect(tableRows(read, TABLE_NAMES.budget).rows).toHaveLength(2); // ITMV's budget once, not twice
  });

  it('refuses the same ID with different content, naming both files, and writes nothing', async () => {
    const clash = tmp.path('team-a-renamed.xlsx');
    await withCells(team('team-a.xlsx'), clash, [['Indsatser', 'B5', 'I Tråd Med Verden (ny fase)']]);
    const out = tmp.path('clash.xlsx');
    const r = await indsats('consolidate', team('team-a.xlsx'), team('team-b.xlsx'), clash, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Indsats-ID ITMV findes i både ${team('team-a.xlsx')} og ${clash} med forskelligt indhold (rækken i Indsatser).`);
    expect(r.err).toContain('Porteføljen er ikke skrevet');
    expect(existsSync(out)).toBe(false);

    const rows = tmp.path('team-a-rows.xlsx');
    await withCells(team('team-a.xlsx'), rows, [['FSM', 'E5', 'I ordinær beskæftigelse']]);
    const en = await indsats('consolidate', team('team-a.xlsx'), rows, '-o', out, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toContain(`Initiative ID FSM is in both ${team('team-a.xlsx')} and ${rows} with different content (the tracking sheet).`);
    expect(existsSync(out)).toBe(false);
  });

  it('reports a taxonomy code with two names (the first kept) and exits 1', async () => {
    const renamed = tmp.path('team-b-taxonomy.xlsx');
    const read = await readWorkbookFile(team('team-b.xlsx'));
    const goals = read.sheets.find((s) => s.name === 'Taksonomier')!.tables.find((t) => t.table === 'Mål')!;
    const l1 = goals.rows.findIndex((r) => r[0] === 'L1');
    const name = String(goals.rows[l1][1]);
    await withCells(team('team-b.xlsx'), renamed, [['Taksonomier', `B${goals.headerRow + 1 + l1}`, 'Færre på ydelse']]);
    const out = tmp.path('taxonomy.xlsx');
    const r = await indsats('consolidate', team('team-a.xlsx'), renamed, '-o', out, '--as-of', AS_OF);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Taksonomien Mål: koden L1 hedder '${name}' i ${team('team-a.xlsx')} men 'Færre på ydelse' i ${renamed}. Navnet fra ${team('team-a.xlsx')} er brugt.`);
    const merged = tableRows(await readWorkbookFile(out), 'Mål');
    expect(merged.rows.find((row) => row[0] === 'L1')![1]).toBe(name);
  });

  it('names an unreadable or missing input and the output that is an input, and writes nothing', async () => {
    const text = tmp.path('notes.xlsx');
    writeFileSync(text, 'not a workbook');
    const out = tmp.path('bad.xlsx');
    const notXlsx = indsatsBin('consolidate', team('team-a.xlsx'), text, '-o', out);
    expect(notXlsx).toMatchObject({ code: 2, err: expect.stringContaining(`${text} er ikke en Excel-projektmappe (.xlsx).`) });
    const missing = await indsats('consolidate', team('team-a.xlsx'), tmp.path('nowhere.xlsx'), '-o', out);
    expect(missing).toMatchObject({ code: 2, err: `${tmp.path('nowhere.xlsx')} findes ikke.` });
    const same = await indsats('consolidate', team('team-a.xlsx'), team('team-b.xlsx'), '-o', team('team-b.xlsx'));
    expect(same).toMatchObject({ code: 2, err: 'Outputfilen må ikke være den samme som inputfilen: inputfilen ændres aldrig.' });
    const twice = await indsats('consolidate', team('team-a.xlsx'), team('team-a.xlsx'), '-o', out);
    expect(twice).toMatchObject({ code: 2, err: `${team('team-a.xlsx')} er angivet to gange.` });
    const none = await indsats('consolidate', '-o', out);
    expect(none.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a workbook without the register', async () => {
    const bare = tmp.path('bare.xlsx');
    const workbook = newXlsxWorkbook();
    await workbook.apply({ ops: [{ kind: 'ensureSheet', sheet: 'Noter' }, { kind: 'label', sheet: 'Noter', row: 1, column: 1, text: 'Mødenoter' }] });
    await workbook.save(bare);
    const out = tmp.path('bare-out.xlsx');
    const r = await indsats('consolidate', team('team-a.xlsx'), bare, '-o', out);
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining(`${bare} har ingen tabel Indsatser`) });
    expect(existsSync(out)).toBe(false);
  });
});

describe('indsats consolidate after each team froze its figures and imported its refund files', () => {
  const header = 'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb';
  const refunds: Record<string, string[]> = {
    'refusion-uge7.csv': [header, '2021-07;0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00', '2021-07;1502851237;Uddannelseshjælp;3.000,00;40,00;1.200,00;60,00;1.800,00'],
    'refusion-uge8.csv': [header, '2021-08;0101901234;Kontanthjælp;5.000,00;80,00;4.000,00;20,00;1.000,00'],
  };
  const csv = (name: string) => tmp.path(name);
  /** Team a and c imported the same week-7 file; b the week-8 one; the demo both. */
  const imports: Record<string, string[]> = { 'team-a.xlsx': ['refusion-uge7.csv'], 'team-b.xlsx': ['refusion-uge8.csv'], 'team-c.xlsx': ['refusion-uge7.csv'], 'demo.xlsx': ['refusion-uge7.csv', 'refusion-uge8.csv'] };
  const frozen = (name: string) => tmp.path(`frozen-${name}`);
  const portfolio = tmp.path('portfolio-frozen.xlsx');
  let run: Awaited<ReturnType<typeof indsats>>;

  /** `indsats snapshot` then `indsats import-refunds` for each file, as a team does. */
  async function freezeAndImport(from: string, name: string): Promise<void> {
    let file = tmp.path(`snap-${name}`);
    expect((await indsats('snapshot', from, '-o', file, '--as-of', AS_OF, '--yes', '--quiet')).code).toBe(0);
    for (const [i, refund] of imports[name].entries()) {
      const next = i === imports[name].length - 1 ? frozen(name) : tmp.path(`${i}-${name}`);
      expect((await indsats('import-refunds', file, csv(refund), '-o', next, '--quiet')).code).toBe(0);
      file = next;
    }
  }

  beforeAll(async () => {
    for (const [name, lines] of Object.entries(refunds)) writeFileSync(csv(name), '\uFEFF' + lines.join('\r\n'));
    await freezeAndImport(demo, 'demo.xlsx');
    for (const name of Object.keys(SPLIT)) await freezeAndImport(team(name), name);
    run = await indsats('consolidate', ...Object.keys(SPLIT).map(frozen), '-o', portfolio, '--as-of', AS_OF, '--quiet');
  }, 180_000);

  it('gives the demo’s Statusfotos (with the add-in’s marker) and Refusion rows, the shared refund file once', async () => {
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Refusionsfilen refusion-uge7.csv er importeret ens i ${frozen('team-a.xlsx')} og ${frozen('team-c.xlsx')}; den er taget med én gang.`);
    const [mine, theirs] = await Promise.all([readWorkbookFile(portfolio), readWorkbookFile(frozen('demo.xlsx'))]);
    const snapshots = tableRows(mine, 'Statusfotos');
    expect(snapshots.rows).toHaveLength(14);
    expect({ header: snapshots.header, rows: snapshots.rows }).toEqual({ header: tableRows(theirs, 'Statusfotos').header, rows: tableRows(theirs, 'Statusfotos').rows });
    expect(snapshots.rows.find((r) => r[1] === 'ITMV')!.slice(3, 9)).toEqual([2, 0, 6, 8, 3, 18]);
    // The portfolio opens on its report (Ctrl+P prints it), with Afstemning beside it.
    expect(await (await openXlsxWorkbook(portfolio)).activeSheet()).toBe('Statusrapport');
    expect(mine.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Statusrapport', 'Overblik', 'Afstemning', 'Statusfotos', 'Refusion']));
    expect(mine.sheets.find((s) => s.name === 'Statusfotos')!.tables.map((t) => t.table)).toEqual(['Statusfotos', 'Statusfotos_Kontrol']);
    const refundRows = tableRows(mine, 'Refusionsberegning').rows;
    expect(refundRows.map((r) => r[9])).toEqual(['refusion-uge7.csv', 'refusion-uge7.csv', 'refusion-uge8.csv']);
    expect(refundRows).toEqual(tableRows(theirs, 'Refusionsberegning').rows);
    // Freezing the portfolio on the same date again is refused: the carried snapshot is the add-in's.
    expect((await indsats('snapshot', portfolio, '-o', tmp.path('again.xlsx'), '--as-of', AS_OF, '--yes')).code).toBe(2);
  });

  it('rebuilds Afstemning as indsats reconcile -o writes it for the demo', async () => {
    const reconciled = tmp.path('demo-reconciled.xlsx');
    expect((await indsats('reconcile', frozen('demo.xlsx'), '-o', reconciled, '--as-of', AS_OF)).code).toBe(0);
    const sheet = async (file: string) => (await readWorkbookFile(file)).sheets.find((s) => s.name === 'Afstemning')!;
    const [mine, theirs] = [await sheet(portfolio), await sheet(reconciled)];
    expect(mine.tables.map((t) => [t.table, t.header, t.rows])).toEqual(theirs.tables.map((t) => [t.table, t.header, t.rows]));
    expect(mine.formulas).toEqual(theirs.formulas);
  });

  it('refuses an initiative frozen in one file and not in the other, and the same refund file with other rows, naming both files', async () => {
    const out = tmp.path('frozen-clash.xlsx');
    const snap = await indsats('consolidate', frozen('team-a.xlsx'), team('team-b.xlsx'), team('team-a.xlsx'), '-o', out, '--lang', 'en');
    expect(snap.code).toBe(2);
    expect(snap.err).toContain(`Initiative ID ITMV is in both ${frozen('team-a.xlsx')} and ${team('team-a.xlsx')} with different content (the snapshots).`);
    // The week-8 lines imported under the week-7 file's name (the name is what identifies an import).
    const other = tmp.path('other-uge7.xlsx');
    const dir = tmp.path('renamed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'refusion-uge7.csv'), '\uFEFF' + refunds['refusion-uge8.csv'].join('\r\n'));
    expect((await indsats('import-refunds', team('team-b.xlsx'), join(dir, 'refusion-uge7.csv'), '-o', other, '--quiet')).code).toBe(0);
    const refund = await indsats('consolidate', frozen('team-a.xlsx'), other, '-o', out);
    expect(refund.code).toBe(2);
    expect(refund.err).toContain(`Refusionsfilen refusion-uge7.csv er importeret i både ${frozen('team-a.xlsx')} og ${other}, men med forskellige rækker i Refusionsberegning.`);
    expect(refund.err).toContain('Porteføljen er ikke skrevet');
    expect(existsSync(out)).toBe(false);
  });
});

describeWithLibreOffice('the consolidated Overblik recalculated by LibreOffice', () => {
  const portfolio = tmp.path('portfolio-lo.xlsx');
  const csvDir = tmp.path('csv');
  beforeAll(async () => {
    const run = await indsats('consolidate', team('team-a.xlsx'), team('team-b.xlsx'), team('team-c.xlsx'), '-o', portfolio, '--as-of', AS_OF, '--quiet');
    expect(run.code).toBe(0);
    mkdirSync(csvDir);
    await convertAllWithLibreOffice([portfolio, demoSummary], CSV_ALL_SHEETS, csvDir);
  }, libreOfficeHookTimeout(1, 2));
  afterAll(() => removeLibreOfficeProfile());

  it('shows the demo’s figures: every Overblik cell equals the demo’s, ITMV 2 / 6 / 8 / 3 / 18', () => {
    const overview = (file: string) => readFileSync(join(csvDir, `${basename(file, '.xlsx')}-Overblik.csv`), 'utf8');
    const mine = overview(portfolio);
    expect(mine).toBe(overview(demoSummary));
    const itmv = mine.split(/\r?\n/).map((l) => l.split(',')).find((c) => c[0] === 'ITMV')!;
    expect(itmv.slice(5, 11).map(Number)).toEqual([2, 0, 6, 8, 3, 18]);
  });
});

describe('indsats partner and merge', () => {
  const partner = tmp.path('itmv-partner.xlsx');
  const edited = tmp.path('itmv-partner-edited.xlsx');
  beforeAll(() => {
    const made = indsatsBin('partner', demo, '--initiative', 'itmv', '-o', partner);
    expect(made).toMatchObject({ code: 0, out: `Skrev ${partner}: partnerudgave for ITMV med 19 deltagerrækker (ingen andre indsatser, ingen økonomi, ingen statuslog).\n` });
    // The partner edits with their own Excel (openpyxl): one status changed, one row deleted, one added.
    editPartnerCopy(partner, edited);
  }, 180_000);

  it('writes only that initiative: its register row and tracking sheet, the taxonomies, empty status log and finance', async () => {
    const read = await readWorkbookFile(partner);
    expect(read.sheets.map((s) => s.name)).toEqual(['Taksonomier', 'Indsatser', 'ITMV', 'Statuslog', 'Økonomi']);
    expect(rowsWithoutBlanks(tableRows(read, TABLE_NAMES.initiatives).rows).map((r) => r[0])).toEqual(['ITMV']);
    for (const table of [TABLE_NAMES.statusLog, TABLE_NAMES.budget, TABLE_NAMES.postings]) expect(rowsWithoutBlanks(tableRows(read, table).rows)).toEqual([]);
    const demoRead = await readWorkbookFile(demo);
    expect(rowsWithoutBlanks(tableRows(read, 'Deltagere_ITMV').rows)).toEqual(rowsWithoutBlanks(tableRows(demoRead, 'Deltagere_ITMV').rows));
    // No other initiative's ID or participant anywhere in the file's cells.
    const cells = read.sheets.flatMap((s) => s.tables.flatMap((t) => t.rows.flat().map(String)));
    for (const other of ['FSM', 'JOBFIRST', 'FKIB', 'HJEM']) expect(cells.filter((v) => v === other || v.startsWith(`${other}-`))).toEqual([]);
  });

  it('a dry run lists exactly the added, the changed and the deleted row, and writes nothing', async () => {
    const r = await indsats('merge', demo, edited, '--dry-run');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      'Partnerudgave for ITMV: 1 ny række, 1 ændret række, 1 slettet række.',
      '  ny række: ITMV-019',
      '  ændret: ITMV-005, Status (ITMV!E9): I virksomhedspraktik → I ordinær beskæftigelse',
      '  slettet hos partneren (beholdt): ITMV-003 (ITMV!A7)',
      'Prøvekørsel (--dry-run): intet er skrevet.',
    ]);
    const unchanged = await indsats('merge', demo, partner, '--dry-run');
    expect(unchanged).toMatchObject({ code: 0, out: 'Partnerudgave for ITMV: 0 nye rækker, 0 ændrede rækker, 0 slettede rækker.\nPrøvekørsel (--dry-run): intet er skrevet.' });
  });

  it('adds the new row, writes a change only when accepted, keeps the deleted row', async () => {
    const demoSha = sha256(demo);
    const without = tmp.path('merged-new-only.xlsx');
    const r = indsatsBin('merge', demo, edited, '-o', without);
    expect(r.code).toBe(1);
    expect(r.err).toContain('1 ændret række er ikke skrevet. Skriv dem med --accept all eller --accept ID,ID.');
    const first = rowsWithoutBlanks(tableRows(await readWorkbookFile(without), 'Deltagere_ITMV').rows);
    expect(first).toHaveLength(20);
    expect(first.find((row) => row[0] === 'ITMV-005')![4]).toBe('I virksomhedspraktik');

    const accepted = tmp.path('merged.xlsx');
    const a = await indsats('merge', demo, edited, '-o', accepted, '--accept', 'itmv-005');
    expect(a.out).toContain(`Skrev ${accepted}: 1 ny række tilføjet, ændringer for 1 række skrevet.`);
    const read = await readWorkbookFile(accepted);
    const rows = rowsWithoutBlanks(tableRows(read, 'Deltagere_ITMV').rows);
    expect(rows.map((row) => row[0])).toEqual([...rowsWithoutBlanks(tableRows(await readWorkbookFile(demo), 'Deltagere_ITMV').rows).map((row) => row[0]), 'ITMV-019']);
    expect(rows.find((row) => row[0] === 'ITMV-005')![4]).toBe('I ordinær beskæftigelse');
    expect(rows.find((row) => row[0] === 'ITMV-019')!.slice(0, 5)).toEqual(['ITMV-019', new Date(Date.UTC(2016, 7, 24)), 'Aktivitetsparate kontanthjælpsmodtagere', 1, 'I forløb']);
    // Everything else as it was.
    const demoRead = await readWorkbookFile(demo);
    for (const table of ['Deltagere_FSM', TABLE_NAMES.statusLog, TABLE_NAMES.postings]) expect(tableRows(read, table).rows).toEqual(tableRows(demoRead, table).rows);
    expect(sha256(demo)).toBe(demoSha);
  });

  it('refuses an --accept for a participant without changes', async () => {
    const out = tmp.path('merged-unknown.xlsx');
    const r = await indsats('merge', demo, edited, '-o', out, '--accept', 'ITMV-999');
    expect(r).toMatchObject({ code: 2, err: "Ingen ændringer for ITMV-999. --accept tager deltager-ID'erne fra listen over ændringer." });
    expect(existsSync(out)).toBe(false);
  });

  it('validates the partner file first: errors refuse it with the findings', async () => {
    const broken = tmp.path('itmv-broken.xlsx');
    await withCells(partner, broken, [['ITMV', 'B6', 'ikke en dato']]); // ExcelJS cannot load openpyxl's file for writing
    const out = tmp.path('merged-broken.xlsx');
    const r = await indsats('merge', demo, broken, '-o', out);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^ITMV!B6\tfejl\t/m);
    expect(r.err).toContain(`${broken} har 1 fejl og er ikke taget ind.`);
    expect(existsSync(out)).toBe(false);
  });

  it('names an initiative not in the file, a partner file for another workbook, and an output that is an input', async () => {
    const out = tmp.path('nothing.xlsx');
    const missing = await indsats('partner', demo, '--initiative', 'NOPE', '-o', out);
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining(`Indsatsen NOPE findes ikke i ${demo}. Indsatserne er: ITMV, FSM, JOBFIRST,`) });
    const noId = await indsats('partner', demo, '-o', out);
    expect(noId).toMatchObject({ code: 2, err: 'Angiv indsatsen med --initiative ID.' });
    const other = await indsats('merge', team('team-b.xlsx'), edited, '-o', out);
    expect(other).toMatchObject({ code: 2, err: `${edited} er partnerudgaven for ITMV, som ikke findes i ${team('team-b.xlsx')} (indsatserne er: EMP, SPEC, STRAKS, CVJOB). Intet er skrevet.` });
    const notPartner = await indsats('merge', demo, team('team-a.xlsx'), '-o', out);
    expect(notPartner).toMatchObject({ code: 2, err: expect.stringContaining(`${team('team-a.xlsx')} er ikke en partnerudgave`) });
    const same = await indsats('merge', demo, edited, '-o', edited);
    expect(same).toMatchObject({ code: 2, err: 'Outputfilen må ikke være den samme som inputfilen: inputfilen ændres aldrig.' });
    const noOutput = await indsats('merge', demo, edited);
    expect(noOutput).toMatchObject({ code: 2, err: 'Angiv -o UD.xlsx, eller --dry-run for kun at se forskellene.' });
    expect(existsSync(out)).toBe(false);
  });
});
