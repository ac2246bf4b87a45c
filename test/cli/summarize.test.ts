/** `indsats summarize` and `indsats snapshot` on the demo; the Overblik formulas recalculated by LibreOffice equal the core. */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { colours, decodePng, total } from '../helpers/png';
import { basename, join } from 'path';
import { readXlsx, writeXlsx } from '../../src/xlsx';
import { planSummary } from '../../src/operations/summarize';
import type { CalendarDate } from '../../src/domain/parse';
import { statusGroups } from '../../src/workbook/overviewSheet';
import { convertAllWithLibreOffice, convertWithLibreOffice, CSV_ALL_SHEETS, describeWithLibreOffice, libreOfficeHookTimeout, removeLibreOfficeProfile } from '../helpers/libreoffice';
import { sha256, tempDir } from '../xlsx/fixtures';
import { demoWorkbook, indsats, type Run } from './helpers';

const tmp = tempDir('indsats-summarize-');
const demo = tmp.path('demo.xlsx');
/** `indsats summarize <demo> --as-of 2026-11-25`, run once and read by the tests below (none writes it). */
const overblik = tmp.path('overblik.xlsx');
let demoSha: string;
let summarized: Run;
beforeAll(async () => {
  await demoWorkbook(demo);
  demoSha = sha256(demo);
  summarized = await indsats('summarize', demo, '-o', overblik, '--as-of', '2026-11-25');
});
afterAll(() => tmp.cleanup());

/** The figures the core computes for the Overblik row of each initiative, in the sheet's column order F..L. */
async function coreRows(file: string, asOf: string) {
  const { read } = await readXlsx(file);
  const run = planSummary(read, asOf as CalendarDate, 'da');
  const taxonomies = (await import('../../src/domain/validate')).validateWorkbook((await import('../../src/workbook/read')).tablesOf(read), { asOf: asOf as CalendarDate }).taxonomies;
  const groups = statusGroups(taxonomies.statuses.entries);
  const count = (s: (typeof run.initiatives)[number], entries: { code: string }[]) => s.byStatus.filter((b) => entries.some((e) => e.code === b.code)).reduce((n, b) => n + b.courses, 0);
  return Object.fromEntries(run.initiatives.map((s) => [s.initiativeId, [count(s, groups.job), count(s, groups.education), count(s, groups.placement), count(s, groups.course), count(s, groups.ended), s.total, s.courses]]));
}

describe('indsats summarize', () => {
  it('writes Overblik next to the data and leaves the input unchanged', async () => {
    expect(summarized).toMatchObject({ code: 0, out: `Skrev ${overblik}.` });
    expect(sha256(demo)).toBe(demoSha);
    const { read } = await readXlsx(overblik);
    const overview = read.sheets.find((s) => s.name === 'Overblik')!;
    expect(overview.tables.map((t) => t.table)).toEqual(['Overblik_Indsatser', 'Overblik_KPI', 'Overblik_Indsatsstatus', 'Overblik_Maal', 'Overblik_Maalgrupper', 'Overblik_Enheder', 'Overblik_Statuslog', 'Overblik_Kontrol']);
    const itmv = overview.tables[0].rows.find((r) => r[0] === 'ITMV')!;
    expect(itmv.slice(0, 3)).toEqual(['ITMV', 'I Tråd Med Verden', 'I gang']);
    expect(overview.formulas?.F4).toMatch(/^=SUM\(COUNTIFS\(Deltagere_ITMV\[\[Deltager-ID\]\],"<>"/);
  });

  it('keeps a hand-edited Overblik under a new name when it rebuilds, and rebuilds an untouched one in place', async () => {
    const second = tmp.path('second.xlsx');
    expect((await indsats('summarize', overblik, '-o', second, '--as-of', '2026-11-25')).out).not.toContain('rettet i hånden');
    expect((await readXlsx(second)).read.sheets.filter((s) => s.name.startsWith('Overblik')).map((s) => s.name)).toEqual(['Overblik']);

    const { workbook } = await readXlsx(second);
    workbook.getWorksheet('Overblik')!.getCell('B4').value = 'ITMV – rettet af leder';
    const edited = tmp.path('edited.xlsx');
    await writeXlsx(workbook, edited);
    const third = tmp.path('third.xlsx');
    const run = await indsats('summarize', edited, '-o', third, '--as-of', '2026-11-25');
    expect(run.out).toContain("Arket Overblik var rettet i hånden og er gemt som 'Overblik rettet 25-11-2026'.");
    const sheets = (await readXlsx(third)).read.sheets;
    expect(sheets.find((s) => s.name === 'Overblik rettet 25-11-2026')!.tables[0].rows[0][1]).toBe('ITMV – rettet af leder');
    expect(sheets.find((s) => s.name === 'Overblik')!.tables[0].rows[0][1]).toBe('I Tråd Med Verden');
  });
});

describe('indsats snapshot', () => {
  it('freezes figures per date, never rewrites a date, and Overblik shows the development', async () => {
    const one = tmp.path('snap1.xlsx');
    const two = tmp.path('snap2.xlsx');
    expect((await indsats('snapshot', demo, '-o', one, '--as-of', '2016-06-30')).code).toBe(0);
    const again = await indsats('snapshot', one, '-o', tmp.path('snap-again.xlsx'), '--as-of', '2016-06-30');
    expect(again).toMatchObject({ code: 2, err: 'Tallene pr. 30-06-2016 er allerede gemt. Gemte tal ændres aldrig.' });
    expect((await indsats('snapshot', one, '-o', two, '--as-of', '2016-08-29')).code).toBe(0);
    const snapshots = (await readXlsx(two)).read.sheets.find((s) => s.name === 'Statusfotos')!.tables[0];
    const itmv = snapshots.rows.filter((r) => r[1] === 'ITMV').map((r) => r.slice(3, 10));
    expect(itmv).toEqual([[1, 0, 2, 8, 3, 14, 14], [2, 0, 6, 8, 3, 18, 19]]); // 30-06: 5 of 19 courses not started yet; 29-08: the ITMV table
    // The date is a date (shown as dd-mm-yyyy), not the text "2016-06-30".
    const first = snapshots.rows.findIndex((r) => r[1] === 'ITMV');
    expect([snapshots.rows[first][0], snapshots.numberFormats?.[first]?.[0]]).toEqual([new Date('2016-06-30T00:00:00.000Z'), 'dd-mm-yyyy']);
    const out = tmp.path('snap-overblik.xlsx');
    await indsats('summarize', two, '-o', out, '--as-of', '2026-11-25');
    const overview = (await readXlsx(out)).read.sheets.find((s) => s.name === 'Overblik')!;
    expect(overview.tables.map((t) => t.table)).toContain('Overblik_Udvikling');
  });
});

describeWithLibreOffice('Overblik recalculated by LibreOffice', () => {
  const early = tmp.path('early.xlsx');
  const csvDir = join(tmp.dir, 'csv');
  const pdfDir = join(tmp.dir, 'pdf');
  let pdf: string;
  const recalculated = (file: string) => {
    const lines = readFileSync(join(csvDir, `${basename(file, '.xlsx')}-Overblik.csv`), 'utf8').split(/\r?\n/).map((l) => l.split(','));
    // The first table: from its header ("ID,Indsats,…") to the first empty line.
    const start = lines.findIndex((c) => c[0] === 'ID') + 1;
    const end = lines.findIndex((c, i) => i >= start && !c[0]);
    return Object.fromEntries(lines.slice(start, end).map((c) => [c[0], c.slice(5, 12).map(Number)]));
  };

  beforeAll(async () => {
    expect((await indsats('summarize', demo, '-o', early, '--as-of', '2016-06-30')).code).toBe(0);
    mkdirSync(csvDir);
    mkdirSync(pdfDir);
    // Both summaries recalculated and exported in one LibreOffice run; the current one printed in a second.
    await convertAllWithLibreOffice([overblik, early], CSV_ALL_SHEETS, csvDir);
    pdf = await convertWithLibreOffice(overblik, 'pdf', pdfDir);
  }, libreOfficeHookTimeout(2, 3));
  afterAll(() => removeLibreOfficeProfile());

  it('reads 2 / 6 / 8 / 3 / 18 for ITMV, and every formula equals the core', async () => {
    const sheet = recalculated(overblik);
    expect(sheet.ITMV.slice(0, 6)).toEqual([2, 0, 6, 8, 3, 18]);
    expect(sheet).toEqual(await coreRows(demo, '2026-11-25'));
  });

  it('renders the charts: the Statusrapport chart page printed by LibreOffice has coloured chart areas', () => {
    // The charts print with the report (Overblik prints its tables, A–M): the page "Diagrammer".
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    let page = 0;
    for (let p = 1; p <= pages && !page; p++) {
      const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
      if (text.includes('Diagrammer') && text.includes('Status pr. indsats')) page = p;
    }
    expect(page).toBeGreaterThan(0);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(pdfDir, 'overblik')]);
    const png = readFileSync(join(pdfDir, 'overblik.png'));
    mkdirSync(join(__dirname, '../artifacts'), { recursive: true });
    writeFileSync(join(__dirname, '../artifacts/overblik.png'), png);
    const image = decodePng(png);
    // The landscape page holds two charts side by side: bars in several series colours.
    const right = colours(image, { left: image.width * 0.02, right: image.width * 0.98, top: image.height * 0.05, bottom: image.height * 0.95 });
    const saturated = [...right].filter(([hex, n]) => n > 40 && saturation(hex) > 0.35);
    expect(saturated.length).toBeGreaterThanOrEqual(3);
    expect(total(right)).toBeGreaterThan(image.width * image.height * 0.01);
  });

  it("Statusrapport prints the figures Overblik's formulas give, as values", async () => {
    const formulas = recalculated(overblik);
    const report = (await readXlsx(overblik)).read.sheets.find((s) => s.name === 'Statusrapport')!.tables[0];
    const tracked = report.rows.filter((r) => r[3] !== null);
    expect(tracked.length).toBeGreaterThan(5);
    // Job, uddannelse, praktik, i forløb, afsluttet, i alt: the report's columns D–I, Overblik's F–K.
    for (const r of tracked) expect(r.slice(3, 9)).toEqual(formulas[String(r[0])].slice(0, 6));
  });

  it('agrees on an earlier date, where statuses set later count as still in the course', async () => {
    const sheet = recalculated(early);
    expect(sheet.ITMV).toEqual([1, 0, 2, 8, 3, 14, 14]);
    expect(sheet).toEqual(await coreRows(demo, '2016-06-30'));
  });
});

function saturation(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  return max === 0 ? 0 : (max - Math.min(r, g, b)) / max;
}
