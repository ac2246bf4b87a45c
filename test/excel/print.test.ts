/**
 * The print set-up and the chart formats through both adapters: the Office.js one on the
 * stand-in (worksheet.pageLayout, horizontalPageBreaks, position, chart axes and data labels) and
 * the file one (pageSetup, rowBreaks, the chart parts' DrawingML), from the same summary plan.
 */
import JSZip from 'jszip';
import { demoRows } from '../../src/demo/demoData';
import type { CalendarDate } from '../../src/domain/parse/calendarDate';
import { excelWorkbook } from '../../src/operations/excelWorkbook';
import { setUpWorkbook } from '../../src/operations/operations';
import { refreshOverview } from '../../src/operations/summarize';
import { REPORT_SHEET } from '../../src/workbook/reportSheet';
import type { PlanOp } from '../../src/workbook/plan';
import { applyPlan, loadXlsx, newWorkbook, xlsxBuffer } from '../../src/xlsx';
import { createStandin } from '../standin/excelStandin';

const asOf = '2026-11-25' as CalendarDate;

describe('print set-up and chart formats', () => {
  it('Office.js: the report prints A4 landscape, one page wide, with its breaks and footer, and is the first sheet', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    const live = excelWorkbook(standin.run, () => true);
    await setUpWorkbook(live, 'da', undefined, { rows: demoRows() });
    const run = await refreshOverview(live, asOf, 'da', { show: false });
    const setup = run.ops.find((op): op is Extract<PlanOp, { kind: 'pageSetup' }> => op.kind === 'pageSetup' && op.sheet === REPORT_SHEET)!;
    const view = standin.workbook;
    expect(view.sheetOrder()[0]).toBe(REPORT_SHEET);
    expect(view.print(REPORT_SHEET)).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: setup.setup.printArea,
      titleRows: '$1:$1',
      footer: { left: 'Statusrapport pr. 18-02-2021', center: '', right: 'Side &P af &N' },
      breaks: setup.setup.breaksBefore,
    });
    expect(view.print('Overblik')).toMatchObject({ orientation: 'Landscape', printArea: expect.stringMatching(/^A1:M\d+$/), breaks: [] });
    // No other sheet got a print set-up.
    expect(view.print('Taksonomier')).toEqual({ footer: {}, breaks: [] });
    const kpi = view.charts(REPORT_SHEET).find((c) => c.name === 'KPI mål og opnået') as unknown as Record<string, unknown>;
    expect(kpi).toMatchObject({ valueFormat: '0%', dataLabels: { showValue: true, numberFormat: '0%' } });
    // Rebuilt a second time: the same breaks (replaced, not added to) and still first.
    await refreshOverview(live, asOf, 'da', { show: false });
    expect(view.print(REPORT_SHEET).breaks).toEqual(setup.setup.breaksBefore);
    expect(view.sheetOrder()[0]).toBe(REPORT_SHEET);
  }, 120_000);

  it('Office.js below ExcelApi 1.9: the print set-up is skipped, the rest is written', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    const live = excelWorkbook(standin.run, (_set, version) => Number(version.split('.')[1]) < 9);
    await setUpWorkbook(live, 'da', undefined, { rows: demoRows() });
    await refreshOverview(live, asOf, 'da', { show: false });
    expect(standin.workbook.print(REPORT_SHEET)).toEqual({ footer: {}, breaks: [] });
    expect(standin.workbook.sheetOrder()[0]).toBe(REPORT_SHEET);
  }, 120_000);

  it('the file: the print area stays absolute when the workbook is read and written again', async () => {
    const wb = newWorkbook();
    applyPlan(wb, { ops: [
      { kind: 'ensureSheet', sheet: 'Rapport' },
      { kind: 'label', sheet: 'Rapport', row: 1, column: 1, text: 'Rapport' },
      { kind: 'pageSetup', sheet: 'Rapport', setup: { orientation: 'portrait', printArea: 'A1:K40', titleRows: { first: 1, last: 1 }, breaksBefore: [20], footer: { right: 'Side &P af &N' } } },
    ] });
    const names = async (bytes: Buffer) => (await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string')).match(/<definedName [^>]*>[^<]*/g);
    const first = await xlsxBuffer(wb);
    expect(await names(first)).toEqual([
      '<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Rapport&apos;!$A$1:$K$40',
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Rapport&apos;!$1:$1',
    ]);
    expect(await names(await xlsxBuffer(await loadXlsx(first, 'first.xlsx')))).toEqual(await names(first));
  });

  it('the file: a percent value axis, data labels for every point, dates labelled as dates', async () => {
    const wb = newWorkbook();
    const sheet = 'Tal';
    applyPlan(wb, { ops: [
      { kind: 'ensureSheet', sheet },
      { kind: 'createTable', sheet, table: 'Tal', topLeft: { row: 1, column: 1 }, header: ['Dato', 'Andel'], rows: [[42611, 0], [42735, 0.25]] },
      { kind: 'chart', sheet, chart: { name: 'Andel', type: 'column', title: 'Andel', from: { row: 1, column: 4 }, to: { row: 10, column: 9 }, categories: 'A2:A3', series: [{ name: 'Andel', values: 'B2:B3' }], valueFormat: '0%', dataLabels: true } },
      { kind: 'chart', sheet, chart: { name: 'Udvikling', type: 'line', title: 'Udvikling', from: { row: 12, column: 4 }, to: { row: 20, column: 9 }, categories: 'A2:A3', series: [{ name: 'Andel', values: 'B2:B3' }], categoryFormat: 'dd-mm-yyyy' } },
    ] });
    const zip = await JSZip.loadAsync(await xlsxBuffer(wb));
    const parts = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort().map((f) => zip.file(f)!.async('string')));
    const [column, line] = parts;
    expect(column).toMatch(/<c:valAx>.*<c:numFmt formatCode="0%" sourceLinked="0"\/>.*<\/c:valAx>/);
    expect(column).toMatch(/<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"\/>.*<c:showVal val="1"\/>.*<\/c:dLbls><c:cat>/);
    // The 0 is a point of its own (a label is drawn at it), not a gap.
    expect(column).toContain('<c:pt idx="0"><c:v>0</c:v></c:pt>');
    expect(line).toMatch(/<c:catAx>.*<c:numFmt formatCode="dd-mm-yyyy" sourceLinked="0"\/>.*<c:auto val="0"\/>.*<\/c:catAx>/);
    expect(line).toMatch(/<c:cat><c:numRef><c:f>&apos;Tal&apos;!\$A\$2:\$A\$3<\/c:f><c:numCache><c:formatCode>dd-mm-yyyy<\/c:formatCode><c:ptCount val="2"\/><c:pt idx="0"><c:v>42611<\/c:v><\/c:pt>/);
  });
});
