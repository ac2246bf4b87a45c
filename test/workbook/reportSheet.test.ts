/** The Statusrapport planner on the demo: its date, sections, page breaks, charts and print set-up. */
import type { Workbook } from 'exceljs';
import { demoRows } from '../../src/demo/demoData';
import type { CalendarDate } from '../../src/domain/parse';
import { planStructure } from '../../src/workbook/structure';
import type { PlanOp } from '../../src/workbook/plan';
import { CHART_ROWS, fitText, LINE_WIDTH, percentText, REPORT_SHEET, reportDate, ROWS_PER_PAGE, textWidth, themeOrder, wrapText } from '../../src/workbook/reportSheet';
import { applyPlan, newWorkbook, readWorkbook } from '../../src/xlsx';
import type { Initiative } from '../../src/domain/model/types';
import { validateWorkbook } from '../../src/domain/validate';
import { tablesOf } from '../../src/workbook/read';
import { freezeSnapshot, planSummary, refreshOverview } from '../../src/operations/summarize';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { openXlsxWorkbook } from '../../src/xlsx/fileWorkbook';
import { tempDir } from '../xlsx/fixtures';
import { memoryWorkbook } from '../helpers/memoryWorkbook';

const asOf = '2026-11-25' as CalendarDate;

function demo(): Workbook {
  const wb = newWorkbook();
  applyPlan(wb, planStructure({ sheets: [] }, { rows: demoRows() }));
  return wb;
}

const reportOps = (ops: PlanOp[]) => ops.filter((op) => 'sheet' in op && op.sheet === REPORT_SHEET);
const labels = (ops: PlanOp[]) => reportOps(ops).flatMap((op) => (op.kind === 'label' ? [op] : []));

describe('Statusrapport planner', () => {
  const wb = demo();
  const run = planSummary(readWorkbook(wb), asOf, 'da');
  const ops = reportOps(run.ops);
  const setup = ops.find((op) => op.kind === 'pageSetup');
  const breaks = setup?.kind === 'pageSetup' ? setup.setup.breaksBefore : [];

  it("is dated with the data's latest Status pr., not the date asked for", () => {
    // FKIB's Status pr. 18-02-2021 is the latest in the register; every initiative is at most that.
    expect(run.reportDate).toBe('2021-02-18');
    const title = ops.find((op) => op.kind === 'generatedSheet');
    expect(title).toMatchObject({ title: 'Statusrapport pr. 18-02-2021' });
    // Overblik's heading says the same date.
    expect(run.ops.find((op) => op.kind === 'generatedSheet' && op.sheet === 'Overblik')).toMatchObject({ title: 'Status pr. 18-02-2021' });
    expect(reportDate([], asOf)).toBe(asOf);
  });

  it('--as-of before the latest Status pr.: the report is for that date, and no initiative is counted later', () => {
    const early = planSummary(readWorkbook(demo()), '2017-01-01' as CalendarDate, 'da');
    expect(early.reportDate).toBe('2017-01-01');
    expect(early.initiatives.every((s) => s.asOf <= '2017-01-01')).toBe(true);
    expect(reportOps(early.ops).find((op) => op.kind === 'generatedSheet')).toMatchObject({ title: 'Statusrapport pr. 01-01-2017' });
  });

  it('opens with the ITMV status table: job 2, praktik 6, i forløb 8, afsluttet 3, i alt 18', () => {
    const table = ops.find((op) => op.kind === 'generatedSheet');
    if (table?.kind !== 'generatedSheet') throw new Error('no report table');
    expect(table.header).toEqual(['ID', 'Indsats', 'Status pr.', 'Job', 'Uddannelse', 'Praktik', 'I forløb', 'Afsluttet', 'I alt', 'Pladser', 'Belægning']);
    const itmv = table.rows.find((r) => r[0] === 'ITMV')!;
    expect(itmv.slice(3, 9)).toEqual([2, 0, 6, 8, 3, 18]);
    expect(itmv[9]).toBe(12);
    expect(itmv[2]).toEqual(new Date('2016-08-29T00:00:00.000Z')); // ITMV's own Status pr., a date cell
  });

  it('has a section per theme and per initiative with target group, goal, status and what was not counted', () => {
    const texts = labels(run.ops).map((l) => l.text);
    // One section per theme of the register (Tema), in register order; "Uden tema" for the blank ones.
    const { model } = validateWorkbook(tablesOf(readWorkbook(demo())), { asOf });
    // A theme heading wider than the print area goes on over the next rows (title labels in a row).
    const titles = labels(run.ops).filter((l) => l.style === 'title').reduce<{ row: number; text: string }[]>((all, l) => {
      const last = all[all.length - 1];
      if (last && last.row === l.row - 1) all[all.length - 1] = { row: l.row, text: `${last.text} ${l.text}` };
      else all.push({ row: l.row, text: l.text });
      return all;
    }, []);
    expect(titles.map((t) => t.text).filter((t) => t.startsWith('Tema: '))).toEqual(themeOrder(model.initiatives, 'Uden tema').map((t) => `Tema: ${t.name}`));
    for (const s of run.initiatives) expect(texts).toContain(`${s.initiativeId} · ${s.name}`);
    expect(texts).toContain('Målgruppe: Aktivitetsparate kontanthjælpsmodtagere, Aktivitetsparate kvinder med indvandrerbaggrund');
    expect(texts.some((t) => t.startsWith('Status pr. 29-08-2016 (I gang): '))).toBe(true);
    expect(texts).toContain('KPI: 40 % af målgruppen i virksomhedspraktik i 13 uger. Mål 40 %, opnået 0 %: Ikke opfyldt.');
    expect(texts.filter((t) => t.startsWith('Ikke talt med: ') || t === 'Alle rækker på indsatsens ark er talt med.').length).toBeGreaterThan(5);
    expect(texts).toContain('Porteføljen pr. 18-02-2021');
    // What was reported as totals: STRAKS has an empty sheet and 64 citizens in the status log.
    expect(texts).toContain('Indsatsens deltagerark har ingen rækker endnu.');
    expect(texts).toContain('· Indskrevne borgere i 2020: 64 pr. 31-12-2020 (Påvirket af coronarestriktionerne)');
    expect(texts).toContain('· Hjemløse Ishøj-borgere (tælling): 38 pr. 31-12-2016');
  });

  it('breaks pages before each section and keeps every block and chart within a page', () => {
    expect(breaks.length).toBeGreaterThanOrEqual(3); // the theme, the portfolio, the charts at least
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
    const pageOf = (row: number) => breaks.filter((b) => b <= row).length;
    const pageTop = (row: number) => [2, ...breaks].filter((b) => b <= row).pop()!;
    for (const label of labels(run.ops).filter((l) => l.text.startsWith('Tema: ') || l.text.startsWith('Porteføljen') || l.text === 'Diagrammer')) {
      expect(breaks).toContain(label.row);
    }
    const charts = ops.flatMap((op) => (op.kind === 'chart' ? [op.chart] : []));
    expect(charts.map((c) => c.name)).toEqual(['Status pr. indsats', 'KPI mål og opnået', 'Udfald pr. målgruppe']);
    for (const c of charts) {
      expect(c.to.row - c.from.row + 1).toBe(CHART_ROWS);
      expect(pageOf(c.from.row)).toBe(pageOf(c.to.row));
      expect(c.to.row - pageTop(c.from.row) + 1).toBeLessThanOrEqual(ROWS_PER_PAGE);
    }
    // Every page holds at most ROWS_PER_PAGE rows below the repeated title row.
    const area = setup?.kind === 'pageSetup' ? setup.setup.printArea : '';
    const last = Number(/(\d+)$/.exec(area)![1]);
    [2, ...breaks, last + 1].reduce((top, next) => {
      expect(next - top).toBeLessThanOrEqual(ROWS_PER_PAGE);
      return next;
    });
  });

  it('shares on a percent axis with data labels', () => {
    const kpi = ops.find((op) => op.kind === 'chart' && op.chart.name === 'KPI mål og opnået');
    expect(kpi).toMatchObject({ chart: { valueFormat: '0%', dataLabels: true } });
  });

  it('prints A4 landscape, fit to width only, title row repeated, footer with the date and page numbers, report first', () => {
    expect(setup).toMatchObject({
      kind: 'pageSetup',
      setup: { orientation: 'landscape', titleRows: { first: 1, last: 1 }, footer: { left: 'Statusrapport pr. 18-02-2021', right: 'Side &P af &N' } },
    });
    expect(ops.find((op) => op.kind === 'moveSheet')).toEqual({ kind: 'moveSheet', sheet: REPORT_SHEET, position: 0 });
    // The marker (control table) sits below the print area.
    const control = ops.find((op) => op.kind === 'createTable' && op.table === 'Statusrapport_Kontrol');
    const area = setup?.kind === 'pageSetup' ? setup.setup.printArea : '';
    expect(control?.kind === 'createTable' && control.topLeft.row).toBeGreaterThan(Number(/(\d+)$/.exec(area)![1]));
  });

  it('applies to a file workbook: the report is the first sheet, with A4, breaks, print area and footer', () => {
    applyPlan(wb, { ops: run.ops });
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe(REPORT_SHEET);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.pageSetup.printArea).toMatch(/^A\$1:K\$\d+$/);
    expect((sheet as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id + 1)).toEqual(breaks);
    expect(sheet.headerFooter.oddFooter).toBe('&LStatusrapport pr. 18-02-2021&RSide &P af &N');
    // Applying the same plan again gives the same (one report, same breaks).
    const again = planSummary(readWorkbook(wb), asOf, 'da');
    expect(again.keptReport).toBeUndefined();
    applyPlan(wb, { ops: again.ops });
    expect(wb.worksheets.filter((w) => w.name.startsWith(REPORT_SHEET)).map((w) => w.name)).toEqual([REPORT_SHEET]);
    expect((wb.worksheets[0] as unknown as { rowBreaks: unknown[] }).rowBreaks).toHaveLength(breaks.length);
  });

  it('leaves Statusrapport the active sheet, so Ctrl+P prints the report first (and a file opens on it)', async () => {
    const live = memoryWorkbook(demo());
    await live.apply({ ops: [{ kind: 'select', sheet: 'Indsatser', address: 'B5' }] });
    await refreshOverview(live, asOf, 'da', { show: false });
    expect(await live.activeSheet()).toBe('Indsatser');
    await refreshOverview(live, asOf, 'da');
    expect(await live.activeSheet()).toBe(REPORT_SHEET);

    // Through the package writer the CLI uses on files: the saved file opens on the report, the only tab selected.
    const file = await openXlsxWorkbook(Buffer.from(await demo().xlsx.writeBuffer()));
    await file.apply({ ops: [{ kind: 'select', sheet: 'Indsatser', address: 'B5' }] });
    await refreshOverview(file, asOf, 'da');
    const tmp = tempDir('indsats-report-active-');
    try {
      await file.save(tmp.path('report.xlsx'));
      const reopened = await openXlsxWorkbook(tmp.path('report.xlsx'));
      expect(await reopened.activeSheet()).toBe(REPORT_SHEET);
      const zip = await JSZip.loadAsync(readFileSync(tmp.path('report.xlsx')));
      const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
      const selected = await Promise.all(sheets.map(async (f) => /tabSelected="(1|true)"/.test(await zip.file(f)!.async('string'))));
      expect(selected.filter(Boolean)).toHaveLength(1);
    } finally {
      tmp.cleanup();
    }
  });

  it('with two frozen snapshots: the development table and a line chart with dates as dates', async () => {
    const live = memoryWorkbook(demo());
    await freezeSnapshot(live, '2016-06-30' as CalendarDate, 'da');
    await freezeSnapshot(live, '2016-08-29' as CalendarDate, 'da');
    const withTrend = reportOps(planSummary(await live.read(), asOf, 'da').ops);
    expect(withTrend.some((op) => op.kind === 'createTable' && op.table === 'Statusrapport_Udvikling')).toBe(true);
    expect(withTrend.find((op) => op.kind === 'chart' && op.chart.name === 'Udvikling')).toMatchObject({ chart: { type: 'line', categoryFormat: 'dd-mm-yyyy' } });
  });

  it('groups by theme in register order, without a theme last', () => {
    const i = (theme?: string) => ({ theme }) as Initiative;
    expect(themeOrder([i('B'), i(), i('A'), i(' b '), i('')], 'Uden tema')).toEqual([
      { name: 'B', indices: [0, 3] },
      { name: 'A', indices: [2] },
      { name: 'Uden tema', indices: [1, 4] },
    ]);
  });

  it('writes percentages and wraps text the Danish way', () => {
    expect(percentText(0.4, 'da')).toBe('40 %');
    expect(percentText(0.125, 'da')).toBe('12,5 %');
    expect(percentText(null, 'da')).toBe('–');
    expect(wrapText('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrapText('', 5)).toEqual(['']);
  });

  it('wraps by printed width, not by characters: wide letters and larger styles take fewer per line', () => {
    // 120 digits' width: about 120 lowercase letters of text, far fewer capitals M or W.
    expect(textWidth('0'.repeat(10))).toBeCloseTo(10);
    expect(wrapText('iiii '.repeat(40)).length).toBe(1);
    expect(wrapText('MMMM '.repeat(40)).length).toBeGreaterThan(1);
    for (const style of ['text', 'heading', 'title'] as const) {
      const lines = wrapText(`Tema: ${'Færre på offentlig forsørgelse og flere i job '.repeat(3)}`, LINE_WIDTH, style);
      for (const line of lines) expect(textWidth(line, style)).toBeLessThanOrEqual(LINE_WIDTH);
      expect(lines.join(' ')).toBe(`Tema: ${'Færre på offentlig forsørgelse og flere i job '.repeat(3)}`.trim());
    }
    expect(wrapText('Tema: x', LINE_WIDTH, 'title')).toEqual(['Tema: x']);
    // A word wider than a line is cut where the line is full; nothing is lost.
    const word = 'https://www.ishoj.dk/'.padEnd(300, 'x');
    const cut = wrapText(word, 40);
    expect(cut.join('')).toBe(word);
    for (const line of cut) expect(textWidth(line)).toBeLessThanOrEqual(40);
    // A cell's most (32 767 characters, one word): cut into lines, all of it kept.
    const huge = 'æ'.repeat(32_767);
    const hugeLines = wrapText(huge);
    expect(hugeLines.join('')).toBe(huge);
    expect(hugeLines.every((l) => textWidth(l) <= LINE_WIDTH)).toBe(true);
    expect(fitText(huge, 20).endsWith('…')).toBe(true);
    expect(fitText('kort', 40)).toBe('kort');
    expect(fitText('en meget lang tekst om en indsats, der ikke kan stå i sin celle', 20)).toMatch(/^en meget lang.*…$/);
    expect(textWidth(fitText('en meget lang tekst om en indsats, der ikke kan stå i sin celle', 20))).toBeLessThanOrEqual(20);
  });
});
