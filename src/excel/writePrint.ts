/**
 * How a sheet prints (ExcelApi 1.9, `worksheet.pageLayout`, page breaks) and where it sits in the
 * sheet order (`worksheet.position`, ExcelApi 1.1). The same PageSetup the .xlsx adapter writes
 * into the file: A4, fit to one page wide and automatic height, print area, title rows, manual
 * row breaks, the footer (Excel's header/footer codes, &P and &N). Below ExcelApi 1.9 the print
 * set-up is skipped ('pageLayout') and the sheet prints with Excel's defaults.
 */
import type { PageSetup } from '../workbook/plan';
import { parseRect } from './address';
import { jsonSize } from './values';
import type { VirtualWorkbook, VSheet } from './virtualWorkbook';

export function pageSetup(wb: VirtualWorkbook, vs: VSheet, setup: PageSetup): void {
  parseRect(setup.printArea);
  if (!wb.has('pageLayout', 'pageLayout')) return;
  const breaks = [...new Set(setup.breaksBefore.filter((r) => Number.isInteger(r) && r > 1))].sort((a, b) => a - b);
  const titles = setup.titleRows ? `$${setup.titleRows.first}:$${setup.titleRows.last}` : undefined;
  // pageLayout: orientation, paperSize, zoom, setPrintArea, setPrintTitleRows, three footer texts
  // on headersFooters.defaultForAllPages; horizontalPageBreaks: removePageBreaks, one add per break.
  const calls = 9 + breaks.length;
  wb.write(calls, calls, jsonSize(setup) + 120, () => {
    const sheet = vs.sheet();
    const layout = sheet.pageLayout;
    layout.orientation = (setup.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    layout.paperSize = 'A4' as Excel.PaperType;
    // One page wide, as many tall as it takes (0: automatic); never a scale that shrinks everything.
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintArea(setup.printArea);
    if (titles) layout.setPrintTitleRows(titles);
    const footer = layout.headersFooters.defaultForAllPages;
    footer.leftFooter = setup.footer.left ?? '';
    footer.centerFooter = setup.footer.center ?? '';
    footer.rightFooter = setup.footer.right ?? '';
    sheet.horizontalPageBreaks.removePageBreaks();
    for (const row of breaks) sheet.horizontalPageBreaks.add(`A${row}`);
  });
}

/** The sheet to `position` in the sheet order (Excel moves the others along). */
export function moveSheet(wb: VirtualWorkbook, vs: VSheet, position: number): void {
  wb.write(1, 0, jsonSize(position), () => {
    vs.sheet().position = position;
  });
}
