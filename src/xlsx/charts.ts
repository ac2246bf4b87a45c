/**
 * Native Excel charts for the .xlsx adapter. Over 400 lines: one writer of DrawingML chart parts for
 * every chart type we draw, kept together because the parts must agree (ids, relationships, schema order).
 *
 * ExcelJS 4.4 has no chart support: it neither models nor writes chart parts. So charts live in two
 * steps:
 * 1. `applyPlan` records each chart op here (`recordChart`), per workbook and worksheet;
 * 2. `xlsxBytes` (xlsxBytes.ts) lets ExcelJS write the workbook and then adds the chart parts to the zip
 *    (`addCharts`): per sheet a drawing part with one anchor per chart, a chart part per chart, the
 *    relationships, the `<drawing>` element in the sheet and the content types.
 *
 * ExcelJS does not read charts back either: a workbook loaded from a file that has charts loses
 * them, so a plan that wants charts must contain its chart ops every time it is applied (plans are
 * idempotent, so that is the normal case).
 */
import type { Workbook, Worksheet } from 'exceljs';
import JSZip from 'jszip';
import type { ChartSpec } from '../workbook/plan';
import { cellValue, numberFormatOf } from './cells';
import {
  addRelationship, attribute, chartAnchor, chartDocument, CONTENT_TYPE, drawingDocument, emptyRelationships, ensureNamespaces, escapeXml, insertBeforeRootEnd, insertDrawingElement,
  assertChart, maxShapeId, NS, parseRels, REL_TYPE, relativeTarget, relsPathOf, resolveTarget, type ChartCells,
} from './chartXml';

export { assertChart, chartReference, escapeXml, insertDrawingElement, parseRels, relsPathOf, resolveTarget } from './chartXml';

export type { ChartSpec } from '../workbook/plan';

// ---------------------------------------------------------------------------------------------
// Recording charts (applyPlan)

/**
 * Charts per workbook, then per worksheet object (not name): a renamed sheet keeps its charts, and
 * a removed sheet (e.g. a generated sheet written again) drops them with it. A WeakMap so the
 * registry never keeps a workbook alive.
 */
const registry = new WeakMap<Workbook, Map<Worksheet, ChartSpec[]>>();


/**
 * Record a chart on a worksheet of the workbook. A chart with the same name (case-insensitive) on
 * the same sheet is replaced in place, so applying a plan twice gives one chart per name. Throws for
 * a spec Excel could not show (bad ranges, empty series, inverted area), before recording anything.
 */
export function recordChart(workbook: Workbook, worksheet: Worksheet, chart: ChartSpec): void {
  assertChart(worksheet.name, chart);
  let sheets = registry.get(workbook);
  if (!sheets) registry.set(workbook, (sheets = new Map()));
  const charts = sheets.get(worksheet) ?? [];
  // A copy: the plan object may be changed by its owner after applyPlan returns.
  const copy: ChartSpec = JSON.parse(JSON.stringify(chart)) as ChartSpec;
  const index = charts.findIndex((c) => c.name.toLowerCase() === chart.name.toLowerCase());
  if (index >= 0) charts[index] = copy;
  else charts.push(copy);
  sheets.set(worksheet, charts);
}

/** The recorded charts of each (still existing) worksheet, in sheet order; sheets without charts are left out. */
export function chartsOf(workbook: Workbook): { worksheet: Worksheet; charts: ChartSpec[] }[] {
  const sheets = registry.get(workbook);
  if (!sheets) return [];
  return workbook.worksheets
    .map((worksheet) => ({ worksheet, charts: sheets.get(worksheet) ?? [] }))
    .filter((s) => s.charts.length > 0);
}


// ---------------------------------------------------------------------------------------------
// Writing chart parts into the .xlsx written by ExcelJS

/**
 * Add the recorded charts of `workbook` to `xlsx` (the bytes ExcelJS wrote for that workbook).
 * Without charts the bytes are returned as they are, so workbooks without charts are written
 * exactly as before.
 */
export async function addCharts(workbook: Workbook, xlsx: Uint8Array): Promise<Uint8Array> {
  const sheets = chartsOf(workbook);
  if (!sheets.length) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetParts = await sheetPartsByName(zip);
  for (const { worksheet, charts } of sheets) {
    const part = sheetParts.get(worksheet.name.toLowerCase());
    if (!part) throw new Error(`Cannot add charts: no part for sheet "${worksheet.name}" in the written workbook`);
    await addSheetCharts(zip, part, worksheet, charts);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Sheet name (lower case) → worksheet part path, from xl/workbook.xml and its relationships. */
async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbookPart = 'xl/workbook.xml';
  const workbookXml = await text(zip, workbookPart);
  const rels = parseRels(await optionalText(zip, relsPathOf(workbookPart)));
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attribute(m[1], 'name');
    const id = attribute(m[1], 'r:id');
    const rel = rels.find((r) => r.id === id);
    if (name !== undefined && rel) parts.set(name.toLowerCase(), resolveTarget(workbookPart, rel.target));
  }
  return parts;
}

/**
 * One sheet: the charts go into the sheet's drawing part. ExcelJS writes its own drawing for
 * images, and a sheet can reference only one drawing, so when there is one the chart anchors are
 * added to it; otherwise a new drawing part is made and referenced from the sheet.
 */
async function addSheetCharts(zip: JSZip, sheetPart: string, worksheet: Worksheet, charts: ChartSpec[]): Promise<void> {
  const sheetXml = await text(zip, sheetPart);
  const sheetRelsPart = relsPathOf(sheetPart);
  const sheetRels = (await optionalText(zip, sheetRelsPart)) ?? emptyRelationships();

  let drawingPart: string;
  let drawingXml: string;
  const existingId = /<drawing\b[^>]*\br:id="([^"]*)"/.exec(sheetXml)?.[1];
  const existing = existingId ? parseRels(sheetRels).find((r) => r.id === existingId) : undefined;
  // A second <drawing> would make the sheet invalid, so a dangling one is an error, not a reason to add one.
  if (existingId && !existing) throw new Error(`Cannot add charts: sheet part ${sheetPart} references a missing drawing ${existingId}`);
  if (existing) {
    drawingPart = resolveTarget(sheetPart, existing.target);
    drawingXml = ensureNamespaces(await text(zip, drawingPart), { xdr: NS.xdr, a: NS.a });
  } else {
    drawingPart = freePartName(zip, 'xl/drawings/drawing', '.xml');
    drawingXml = drawingDocument();
    const added = addRelationship(sheetRels, REL_TYPE.drawing, relativeTarget(sheetPart, drawingPart));
    zip.file(sheetRelsPart, added.xml);
    zip.file(sheetPart, insertDrawingElement(ensureNamespaces(sheetXml, { r: NS.r }), added.id));
    await addContentType(zip, drawingPart, CONTENT_TYPE.drawing);
  }

  const drawingRelsPart = relsPathOf(drawingPart);
  let drawingRels = (await optionalText(zip, drawingRelsPart)) ?? emptyRelationships();
  let shapeId = maxShapeId(drawingXml);
  const anchors: string[] = [];
  for (const chart of charts) {
    const chartPart = freePartName(zip, 'xl/charts/chart', '.xml');
    zip.file(chartPart, chartDocument(chartCellsOf(worksheet), chart));
    await addContentType(zip, chartPart, CONTENT_TYPE.chart);
    const added = addRelationship(drawingRels, REL_TYPE.chart, relativeTarget(drawingPart, chartPart));
    drawingRels = added.xml;
    anchors.push(chartAnchor(chart, ++shapeId, added.id));
  }
  zip.file(drawingPart, insertBeforeRootEnd(drawingXml, anchors.join('')));
  zip.file(drawingRelsPart, drawingRels);
}

async function addContentType(zip: JSZip, part: string, contentType: string): Promise<void> {
  const name = '[Content_Types].xml';
  const xml = await text(zip, name);
  const partName = `/${part}`;
  if (xml.includes(`PartName="${escapeXml(partName)}"`)) return;
  zip.file(name, insertBeforeRootEnd(xml, `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`));
}

/** "xl/charts/chart" + "N" + ".xml" with the smallest N not in the zip yet. */
function freePartName(zip: JSZip, prefix: string, suffix: string): string {
  let n = 1;
  while (zip.file(`${prefix}${n}${suffix}`)) n++;
  return `${prefix}${n}${suffix}`;
}

async function text(zip: JSZip, part: string): Promise<string> {
  const xml = await optionalText(zip, part);
  if (xml === undefined) throw new Error(`Cannot add charts: the workbook has no part ${part}`);
  return xml;
}

async function optionalText(zip: JSZip, part: string): Promise<string | undefined> {
  return zip.file(part)?.async('string');
}


/** An ExcelJS worksheet as the cells of its charts. */
const chartCellsOf = (worksheet: Worksheet): ChartCells => ({
  name: worksheet.name,
  value: (row, column) => cellValue(worksheet.findCell(row, column)),
  numberFormat: (row, column) => numberFormatOf(worksheet.findCell(row, column)),
});
