/**
 * `indsats report` on the demo: LibreOffice prints the Statusrapport to PDF, poppler reads it back.
 * Page 1 is the report with its date and the ITMV figures; the pages are exactly the ones the
 * planner broke (so no automatic break cut a block or a chart); no taxonomy or tracking sheet prints.
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
