/**
 * The package writer: applies a Plan into the ORIGINAL .xlsx package. Every zip entry the plan does
 * not change is copied as stored (byte-identical, never inflated): user charts, images, pivot
 * tables and caches, slicers, sparklines, VBA, custom XML, document properties. Only the parts
 * the plan changes are written: the touched worksheets (one pass over their XML), new sheet,
 * table, drawing, chart, comments and VML parts, the workbook part and its relationships, the
 * content types, and styles.xml when new formats are needed (appended, never renumbered). New
 * texts are inline strings; the shared-string table is never renumbered.
 *
 * A part it cannot patch safely for an op is refused before anything is written, with an
 * XlsxReadError 'cannot-write' naming the part. The ExcelJS path (apply.ts, write.ts) stays for
 * new workbooks; test/xlsx/packageWriter.test.ts holds both to the same read shape.
 */
import type { Plan } from '../../workbook/plan';
import { fitPlan, maskPlan } from '../../workbook/adapterRules';
import { XlsxReadError } from '../errors';
import { resolveLimits, type ReadLimits } from '../reader/limits';
import { chartAnchor, chartDocument, CONTENT_TYPE, drawingDocument, ensureNamespaces, insertBeforeRootEnd, maxShapeId, NS, type ChartCells } from '../chartXml';
import { PackageEditor, REL, type SheetEntry } from './editor';
import { applyOp, type PlanState } from './ops';
import { PackageRefusal } from './refusal';
import { getAttr, setAttr } from './xmlText';
import { XlsxPackage } from '../reader/package';
import { nodePlatform } from '../reader/platform.node';
import { posix } from 'path';

export { PackageRefusal } from './refusal';
export { HANDLERS } from './ops';

/** The package with the plan applied, as new bytes. Throws before anything is returned; `bytes` are never changed. */
export function applyPlanToPackage(bytes: Buffer, given: Plan, options: { path?: string; limits?: Partial<ReadLimits> } = {}): Buffer {
  const path = options.path ?? '(buffer)';
  try {
    const plan = fitPlan(maskPlan(given));
    if (!plan.ops.length) return bytes;
    const ed = new PackageEditor(bytes, path, resolveLimits(options.limits));
    if (ed.strict) throw new PackageRefusal(ed.workbookPart, 'Strict OOXML is not written');
    const state: PlanState = { ed, rebuilds: [], charts: new Map() };
    for (const op of plan.ops) applyOp(state, op);
    // The rebuilt generated sheets are in; the old ones go (their parts and charts with them).
    for (const r of state.rebuilds) {
      if (!r.old) continue;
      if (ed.active === r.old) ed.active = r.sheet;
      ed.removeSheet(r.old);
    }
    writeCharts(state);
    if (ed.active) unselectOthers(ed, ed.active);
    return ed.toBuffer();
  } catch (e) {
    if (e instanceof PackageRefusal) throw new XlsxReadError('cannot-write', path, e.message, e, e.part);
    throw e;
  }
}

/** The workbook opens on one selected tab: other sheets marked selected would open grouped with it. */
function unselectOthers(ed: PackageEditor, active: SheetEntry): void {
  for (const sheet of ed.liveSheets()) {
    if (sheet === active || sheet.other || !sheet.part) continue;
    if (sheet.editor?.isNew) continue;
    const start = ed.head(sheet.part);
    const head = start.slice(0, start.indexOf('sheetData') >= 0 ? start.indexOf('sheetData') : start.length);
    const view = /<(?:[\w.-]+:)?sheetView\b[^>]*>/.exec(head)?.[0];
    if (!view || !/^(1|true)$/.test(getAttr(view, 'tabSelected') ?? '')) continue;
    const editor = ed.editorOf(sheet);
    editor.view.tabSelected = false;
    editor.markChanged();
  }
}

function writeCharts(state: PlanState): void {
  const { ed } = state;
  for (const [sheet, byName] of state.charts) {
    if (sheet.removed || !byName.size) continue;
    const editor = ed.editorOf(sheet);
    const sheetPart = sheet.part!;
    const cells: ChartCells = {
      name: sheet.name,
      value: (row, column) => editor.cell(row, column).value,
      numberFormat: (row, column) => ed.styles.formatOf(editor.cell(row, column).xf),
    };
    const existing = ed.rels(sheetPart).find((r) => r.type.endsWith('/drawing') && r.part && ed.has(r.part));
    let drawingPart: string;
    let drawingXml: string;
    if (existing) {
      drawingPart = existing.part!;
      try {
        drawingXml = ensureNamespaces(ed.text(drawingPart)!, { xdr: NS.xdr, a: NS.a });
      } catch (e) {
        throw new PackageRefusal(drawingPart, (e as Error).message);
      }
      // A chart of the same name is replaced; the user's own anchors stay as they are.
      const names = new Set(byName.keys());
      drawingXml = drawingXml.replace(/<((?:[\w.-]+:)?)(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g, (anchor) => {
        const name = /<(?:[\w.-]+:)?cNvPr\b[^>]*\bname="([^"]*)"/.exec(anchor)?.[1];
        const chart = /<(?:[\w.-]+:)?chart\b[^>]*\br:id="([^"]*)"/.exec(anchor)?.[1];
        if (!name || !chart || !names.has(name.toLowerCase())) return anchor;
        ed.removeRel(drawingPart, chart);
        return '';
      });
    } else {
      drawingPart = ed.freeName(`${posix.dirname(ed.workbookPart)}/drawings/drawing`, '.xml');
      drawingXml = drawingDocument();
      editor.drawingId = ed.addRel(sheetPart, REL.drawing, drawingPart);
      ed.addOverride(drawingPart, CONTENT_TYPE.drawing);
      editor.markChanged();
    }
    let shapeId = maxShapeId(drawingXml);
    const anchors: string[] = [];
    for (const chart of byName.values()) {
      const chartPart = ed.freeName(`${posix.dirname(ed.workbookPart)}/charts/chart`, '.xml');
      ed.write(chartPart, chartDocument(cells, chart));
      ed.addOverride(chartPart, CONTENT_TYPE.chart);
      anchors.push(chartAnchor(chart, ++shapeId, ed.addRel(drawingPart, REL.chart, chartPart)));
    }
    ed.write(drawingPart, insertBeforeRootEnd(drawingXml, anchors.join('')));
  }
}

/**
 * The package as bytes to print from (FileWorkbook.printBytes): only `sheets` visible, the others
 * hidden in this copy and without their print areas (LibreOffice prints a hidden sheet's print
 * area all the same), the first of `sheets` active. `bytes` are not changed.
 */
export function printCopyOfPackage(bytes: Buffer, sheets: string[]): Buffer {
  const ed = new PackageEditor(bytes, '(buffer)', resolveLimits());
  const wanted = new Set(sheets.map((s) => s.toLowerCase()));
  const live = ed.liveSheets();
  const first = live.find((s) => wanted.has(s.name.toLowerCase()));
  if (!first) return bytes;
  for (const sheet of live) {
    if (wanted.has(sheet.name.toLowerCase())) {
      sheet.tag = setAttr(sheet.tag, 'state', undefined);
      continue;
    }
    sheet.tag = setAttr(sheet.tag, 'state', 'hidden');
    ed.printNames.set(sheet, { area: null });
  }
  ed.active = first;
  unselectOthers(ed, first);
  if (!first.other && first.part) {
    const editor = ed.editorOf(first);
    editor.view.tabSelected = true;
    editor.markChanged();
  }
  return ed.toBuffer();
}

/** The name of the sheet the workbook opens on (bookViews activeTab; the first sheet without one). */
export function activeSheetOf(bytes: Buffer): string {
  try {
    const pkg = new XlsxPackage(bytes, '(buffer)', resolveLimits(), nodePlatform);
    const office = pkg.relationships('').find((r) => r.type === 'officeDocument' && r.target && pkg.has(r.target));
    const xml = pkg.text(office?.target ?? 'xl/workbook.xml') ?? '';
    const tab = Number(getAttr(/<(?:[\w.-]+:)?workbookView\b[^>]*>/.exec(xml)?.[0] ?? '<x>', 'activeTab') ?? 0);
    const names = [...xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map((m) => getAttr(m[0], 'name') ?? '');
    return names[tab] ?? names[0] ?? '';
  } catch {
    return '';
  }
}
