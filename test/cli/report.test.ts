/**
 * `indsats report` on the demo: LibreOffice prints the Statusrapport to PDF, poppler reads it back.
 * Page 1 is the report with its date and the ITMV figures; the pages are exactly the ones the
 * planner broke (so no automatic break cut a block or a chart); no taxonomy or tracking sheet prints;
 * a theme of 120 characters, a long initiative name and status text wrap inside the print area.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import type { CalendarDate } from '../../src/domain/parse';
import { readXlsx } from '../../src/xlsx';
import { planSummary } from '../../src/operations/summarize';
import { REPORT_SHEET, ROWS_PER_PAGE } from '../../src/workbook/reportSheet';
import { describeWithLibreOffice, libreOfficeHookTimeout } from '../helpers/libreoffice';
import { sha256, tempDir } from '../xlsx/fixtures';
import { openXlsxWorkbook } from '../../src/xlsx/fileWorkbook';
import { COLUMNS, TABLE_NAMES } from '../../src/domain/model/schema';
import { cellAddress } from '../../src/domain/model/address';
import { demoWorkbook, indsats, type Run } from './helpers';

const tmp = tempDir('indsats-report-');
const demo = tmp.path('demo.xlsx');
const pdf = tmp.path('rapport.pdf');
let demoSha: string;
let run: Run;
/** Where the planner starts a new page (the pageSetup op of the report). */
let breaks: number[];

const pageText = (page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
const info = () => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pageCount = () => Number(/Pages:\s+(\d+)/.exec(info())![1]);

beforeAll(async () => {
  await demoWorkbook(demo);
  demoSha = sha256(demo);
  const setup = planSummary((await readXlsx(demo)).read, '2026-11-25' as CalendarDate, 'da').ops.find((op) => op.kind === 'pageSetup' && op.sheet === REPORT_SHEET);
  breaks = setup?.kind === 'pageSetup' ? setup.setup.breaksBefore : [];
});
afterAll(() => tmp.cleanup());

describe('indsats report without LibreOffice', () => {
  it('says so in Danish and exits 2, writing nothing', async () => {
    const path = process.env.PATH;
    process.env.PATH = tmp.path('no-such-bin');
    let result: Run;
    try {
      result = await indsats('report', demo, '-o', tmp.path('none.pdf'));
    } finally {
      process.env.PATH = path;
    }
    expect(result.code).toBe(2);
    expect(result.err).toContain('LibreOffice, som ikke er installeret her');
    expect(existsSync(tmp.path('none.pdf'))).toBe(false);
  });

  it('refuses an output that is not a .pdf, and an existing one without --force', async () => {
    expect(await indsats('report', demo, '-o', tmp.path('rapport.xlsx'))).toMatchObject({ code: 2, err: expect.stringContaining('ender på .pdf') });
    writeFileSync(tmp.path('taken.pdf'), 'x');
    expect(await indsats('report', demo, '-o', tmp.path('taken.pdf'))).toMatchObject({ code: 2, err: expect.stringContaining('findes allerede') });
    expect(readFileSync(tmp.path('taken.pdf'), 'utf8')).toBe('x');
  });
});

describeWithLibreOffice('indsats report rendered by LibreOffice', () => {
  beforeAll(async () => {
    run = await indsats('report', demo, '-o', pdf, '--as-of', '2026-11-25');
    const artifacts = join(__dirname, '../artifacts');
    mkdirSync(artifacts, { recursive: true });
    if (existsSync(pdf)) writeFileSync(join(artifacts, 'statusrapport.pdf'), readFileSync(pdf));
  }, libreOfficeHookTimeout(1));

  it('writes the PDF and leaves the workbook as it was', () => {
    expect(run).toMatchObject({ code: 0, out: `Skrev ${pdf} (Statusrapport pr. 18-02-2021).` });
    expect(sha256(demo)).toBe(demoSha);
  });

  it('has exactly the pages the planner broke: a small, stable count of A4 landscape pages', () => {
    // One page per planned break and one before them: LibreOffice added no break of its own, so
    // no initiative, table or chart was cut. The demo's 13 initiatives take about ten pages.
    expect(pageCount()).toBe(breaks.length + 1);
    expect(pageCount()).toBeGreaterThanOrEqual(4);
    expect(pageCount()).toBeLessThanOrEqual(20); // a new page per theme: more themes in the demo, a few more pages
    expect(info()).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  });

  it('page 1 is the report: its date, the ITMV row 2 / 0 / 6 / 8 / 3 / 18, the footer', () => {
    const first = pageText(1);
    expect(first.trimStart().startsWith('Statusrapport pr. 18-02-2021')).toBe(true);
    // Job 2, uddannelse 0, praktik 6, i forløb 8, afsluttet 3, i alt 18, 12 pladser: the ITMV reply's table.
    expect(first).toMatch(/ITMV\s+I Tråd Med Verden\s+29-08-2016\s+2\s+0\s+6\s+8\s+3\s+18\s+12\b/);
    expect(first).toMatch(/Side 1 af \d+/);
    expect(first).not.toContain('01-12-2026');
  });

  it('prints nothing beyond the right margin (the themes of the demo included)', () => {
    const all = words(pdf);
    const edge = Math.max(...all.filter((w) => w.yMin > 540).map((w) => w.xMax));
    expect(all.filter((w) => w.xMax > edge + 0.5)).toEqual([]);
  });

  it('prints the report only: no taxonomy, tracking sheet or Overblik formulas', () => {
    const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const foreign of ['Synonymer', 'Gyldig fra', 'Deltager-ID', 'Fingeraftryk', 'Definitioner']) expect(all).not.toContain(foreign);
    for (let p = 1; p <= pageCount(); p++) expect(pageText(p)).toContain('Statusrapport pr. 18-02-2021');
  });

  it('no chart straddles a page: in the file each chart lies between two breaks, in the PDF its title is on one page', async () => {
    const out = tmp.path('summarized.xlsx');
    expect((await indsats('summarize', demo, '-o', out, '--as-of', '2026-11-25')).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rid = new RegExp(`<sheet [^>]*name="${REPORT_SHEET}"[^>]*r:id="([^"]+)"`).exec(workbookXml)![1];
    const rel = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
    const target = /Target="([^"]+)"/.exec(rel)![1];
    const sheetPart = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const sheetXml = await zip.file(sheetPart)!.async('string');
    const written = [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
    expect(written).toEqual(breaks);
    const sheetRels = await zip.file(sheetPart.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels'))!.async('string');
    const drawing = `xl/${/Target="\.\.\/(drawings\/drawing\d+\.xml)"/.exec(sheetRels)![1]}`;
    const anchors = [...(await zip.file(drawing)!.async('string')).matchAll(/<xdr:from>.*?<xdr:row>(\d+)<\/xdr:row>.*?<xdr:to>.*?<xdr:row>(\d+)<\/xdr:row>/g)]
      .map((m) => ({ top: Number(m[1]) + 1, bottom: Number(m[2]) }));
    expect(anchors.length).toBeGreaterThanOrEqual(2);
    for (const a of anchors) {
      expect(written.filter((b) => b > a.top && b <= a.bottom)).toEqual([]);
      const pageTop = [2, ...written].filter((b) => b <= a.top).pop()!;
      expect(a.bottom - pageTop + 1).toBeLessThanOrEqual(ROWS_PER_PAGE);
    }
    const pages = Array.from({ length: pageCount() }, (_, i) => pageText(i + 1));
    for (const title of ['Status pr. indsats', 'KPI: mål og opnået', 'Udfald pr. målgruppe']) {
      expect(pages.filter((p) => p.includes(title))).toHaveLength(1);
    }
  });
});

/** Every word poppler finds on each page, with its box (points; the page is 841.89 wide). */
function words(file: string): { page: number; xMax: number; yMin: number; text: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: { page: number; xMax: number; yMin: number; text: string }[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, yMin: Number(m[1]), xMax: Number(m[2]), text: m[3] });
  }
  return out;
}

describeWithLibreOffice('a report with a long theme, initiative name and status text', () => {
  const long = tmp.path('long.xlsx');
  const longPdf = tmp.path('long.pdf');
  /** 120 characters: a theme as the activation strategy words them, longer than one printed line in the title's size. */
  const theme = 'Færre på offentlig forsørgelse > Flere aktivitetsparate kontanthjælpsmodtagere i job, uddannelse og i virksomhedspraktik';
  const name = 'I Tråd Med Verden – et 13-ugers forløb med virksomhedspraktik, mentor, danskundervisning og opfølgning hos jobkonsulenten';
  const statusText = `${'Borgerne har gennemført trin 1 og 2 og er startet i virksomhedspraktik hos lokale arbejdsgivere i Ishøj og Vallensbæk. '.repeat(3)}Se https://www.ishoj.dk/${'indsatser/'.repeat(12)}itmv`;
  let longBreaks: number[];
  let result: Run;

  beforeAll(async () => {
    const workbook = await openXlsxWorkbook(demo);
    const register = (await workbook.read()).sheets.flatMap((s) => s.tables).find((t) => t.table === TABLE_NAMES.initiatives)!;
    const row = register.headerRow + 1 + register.rows.findIndex((r) => r[0] === 'ITMV');
    const at = (header: string) => cellAddress(row, register.firstColumn + register.header.indexOf(header));
    await workbook.apply({ ops: [{ kind: 'setValues', sheet: register.sheet, cells: [
      { address: at(COLUMNS.initiatives.theme), value: theme },
      { address: at(COLUMNS.initiatives.name), value: name },
      { address: at(COLUMNS.initiatives.statusText), value: statusText },
    ] }] });
    await workbook.save(long);
    const setup = planSummary((await readXlsx(long)).read, '2026-11-25' as CalendarDate, 'da').ops.find((op) => op.kind === 'pageSetup' && op.sheet === REPORT_SHEET);
    longBreaks = setup?.kind === 'pageSetup' ? setup.setup.breaksBefore : [];
    result = await indsats('report', long, '-o', longPdf, '--as-of', '2026-11-25');
  }, libreOfficeHookTimeout(1));

  it('prints nothing beyond the right margin: every word ends left of where the footer’s page number ends', () => {
    expect(result.code).toBe(0);
    const all = words(longPdf);
    // The footer's "Side N af M" is right-aligned on the right margin: the print area's edge.
    const footer = all.filter((w) => w.yMin > 540);
    expect(footer.filter((w) => w.text === 'Side')).toHaveLength(Math.max(...all.map((w) => w.page)));
    const edge = Math.max(...footer.map((w) => w.xMax));
    expect(edge).toBeLessThan(800);
    const beyond = all.filter((w) => w.xMax > edge + 0.5);
    expect(beyond).toEqual([]);
  });

  it('wraps the theme, the name and the status text, losing no word, on a page count as small and stable as the demo’s', () => {
    const text = execFileSync('pdftotext', [longPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(theme).toHaveLength(120);
    expect(text).toContain(`Tema: ${theme}`);
    expect(text).toContain(`ITMV · ${name}`);
    expect(text).toContain('Borgerne har gennemført trin 1 og 2 og er startet i virksomhedspraktik');
    // The address (one word, wider than a line) is cut where the line is full, and is all there.
    expect(text.replace(/ /g, '')).toContain(`https://www.ishoj.dk/${'indsatser/'.repeat(12)}itmv`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [longPdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(longBreaks.length + 1);
    expect(pages).toBeLessThanOrEqual(20);
  });
});
