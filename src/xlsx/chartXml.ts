/**
 * The DrawingML of the charts we draw, shared by both .xlsx writers (the ExcelJS path in charts.ts
 * and the package writer in ./package): the chart part, the anchor in a drawing part, the empty
 * drawing, and the relationship/namespace plumbing those parts need. No ExcelJS, no zip here: a
 * chart reads its cells through ChartCells, so each writer gives it the cells as it holds them.
 * No Node modules either (part paths: ./partPath): the writer of new workbooks runs in the task pane.
 */
import * as partPath from './partPath';
import type { CellValue } from '../domain/parse/cell';
import type { ChartSpec } from '../workbook/plan';
import { columnLetters, parseRange, type Rect } from './address';

/** The cells a chart's caches are filled from: the chart's sheet as the writer holds it. */
export interface ChartCells {
  /** The sheet's name (the charts' references name it). */
  name: string;
  /** The value a cell shows (formulas: their cached result, none → null). */
  value(row: number, column: number): CellValue;
  /** The cell's number format; undefined for General. */
  numberFormat(row: number, column: number): string | undefined;
}


const CHART_TYPES: readonly ChartSpec['type'][] = ['barStacked', 'bar', 'column', 'columnStacked', 'line'];

/** Throws for a spec Excel could not show (bad ranges, empty series, inverted area). */
export function assertChart(sheet: string, chart: ChartSpec): void {
  const where = `Chart "${chart.name}" on sheet "${sheet}"`;
  if (!chart.name?.trim()) throw new Error(`A chart on sheet "${sheet}" has no name`);
  if (!CHART_TYPES.includes(chart.type)) throw new Error(`${where}: unknown chart type "${String(chart.type)}"`);
  const cell = (c: { row: number; column: number } | undefined) => !!c && Number.isInteger(c.row) && Number.isInteger(c.column) && c.row >= 1 && c.column >= 1;
  if (!cell(chart.from) || !cell(chart.to)) throw new Error(`${where}: from/to must be 1-based cells`);
  if (chart.to.row < chart.from.row || chart.to.column < chart.from.column) throw new Error(`${where}: "to" is above or left of "from"`);
  if (!chart.series?.length) throw new Error(`${where}: no series`);
  for (const ref of [chart.categories, ...chart.series.map((s) => s.values)]) {
    // The spec promises ranges on the chart's own sheet; a sheet prefix would be silently dropped.
    if (typeof ref !== 'string' || ref.includes('!')) throw new Error(`${where}: "${ref}" must be a range on the chart's sheet, without a sheet name`);
    const r = parseRange(ref); // throws for a non-A1 reference
    if (r.top !== r.bottom && r.left !== r.right) throw new Error(`${where}: "${ref}" must be a single row or column`);
  }
}

export const NS = {
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export const REL_TYPE = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;


/**
 * Worksheet children that must come after `<drawing>` (CT_Worksheet is a sequence, and Excel
 * refuses a file whose elements are out of order). ExcelJS writes legacyDrawing (notes) after
 * tableParts and extLst, so the new element goes before the first of any of these.
 */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export function insertDrawingElement(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${escapeXml(relId)}"/>`;
  // Only look behind sheetData: cell text never contains markup, but start where the tail begins anyway.
  const dataEnd = /<\/sheetData>|<sheetData\b[^>]*\/>/.exec(sheetXml);
  const from = dataEnd ? dataEnd.index + dataEnd[0].length : 0;
  const tail = sheetXml.slice(from);
  const next = new RegExp(`<(?:${AFTER_DRAWING.join('|')})[\\s/>]`).exec(tail);
  const at = next ? from + next.index : sheetXml.lastIndexOf('</worksheet>');
  if (at < 0) throw new Error('Cannot add a chart: the worksheet part has no </worksheet>');
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Drawing part

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const drawingDocument = (): string => `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;

/** 0-based cell position of an anchor corner: the top-left corner of that cell. */
const marker = (tag: 'from' | 'to', row0: number, column0: number): string =>
  `<xdr:${tag}><xdr:col>${column0}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/**
 * A chart placed over cells, moving and sizing with them. `to` is the last cell the chart covers,
 * so the anchor ends at the top-left of the cell after it (0-based index = the 1-based number).
 */
export function chartAnchor(chart: ChartSpec, shapeId: number, relId: string): string {
  return (
    '<xdr:twoCellAnchor>' +
    marker('from', chart.from.row - 1, chart.from.column - 1) +
    marker('to', chart.to.row, chart.to.column) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    // Required by the schema; the real position comes from the anchor.
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${escapeXml(relId)}"/>` +
    '</a:graphicData></a:graphic>' +
    '</xdr:graphicFrame>' +
    '<xdr:clientData/>' +
    '</xdr:twoCellAnchor>'
  );
}

/** Shape ids must be unique within a drawing; ExcelJS's pictures already use some. */
export function maxShapeId(drawingXml: string): number {
  let max = 1;
  for (const m of drawingXml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*\bid="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

// ---------------------------------------------------------------------------------------------
// Chart part

/** Office's default series colours; explicit so Excel and LibreOffice show the same colours. */
const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];

const AXIS_IDS = { category: 500000001, value: 500000002 } as const;

export function chartDocument(worksheet: ChartCells, chart: ChartSpec): string {
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    // Without it the schema default (rounded) applies, and LibreOffice draws round corners.
    '<c:roundedCorners val="0"/>' +
    '<c:chart>' +
    titleXml(chart.title) +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    plotXml(worksheet, chart) +
    axesXml(chart) +
    '</c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/>' +
    '<c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

const titleXml = (title: string): string =>
  '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>' +
  `<a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="da-DK" sz="1400" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p>` +
  '</c:rich></c:tx><c:overlay val="0"/></c:title>';

const solidFill = (colour: string): string => `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;

function plotXml(worksheet: ChartCells, chart: ChartSpec): string {
  const axisIds = `<c:axId val="${AXIS_IDS.category}"/><c:axId val="${AXIS_IDS.value}"/>`;
  if (chart.type === 'line') {
    const series = chart.series.map((s, i) => {
      const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
      return (
        seriesHead(s.name, i) +
        `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(colour)}<a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solidFill(colour)}<a:ln>${solidFill(colour)}</a:ln></c:spPr></c:marker>` +
        dataLabelsXml(chart) +
        seriesData(worksheet, chart, s.values) +
        '<c:smooth val="0"/></c:ser>'
      );
    });
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}<c:marker val="1"/>${axisIds}</c:lineChart>`;
  }
  const stacked = chart.type === 'barStacked' || chart.type === 'columnStacked';
  const direction = chart.type === 'bar' || chart.type === 'barStacked' ? 'bar' : 'col';
  const series = chart.series.map(
    (s, i) =>
      seriesHead(s.name, i) +
      `<c:spPr>${solidFill(SERIES_COLOURS[i % SERIES_COLOURS.length])}</c:spPr>` +
      '<c:invertIfNegative val="0"/>' +
      dataLabelsXml(chart) +
      seriesData(worksheet, chart, s.values) +
      '</c:ser>',
  );
  return (
    `<c:barChart><c:barDir val="${direction}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
    series.join('') +
    // Stacked bars must overlap completely, or the segments are drawn side by side.
    `<c:gapWidth val="${stacked ? 60 : 150}"/>${stacked ? '<c:overlap val="100"/>' : ''}` +
    axisIds +
    '</c:barChart>'
  );
}

const seriesHead = (name: string, index: number): string =>
  `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(name)}</c:v></c:tx>`;

/**
 * Categories and values as references to the sheet, each with a cache of the current cell values:
 * Excel and LibreOffice read the cells, but viewers that do not calculate (previews, mobile apps)
 * show only the cache.
 */
function seriesData(worksheet: ChartCells, chart: ChartSpec, values: string): string {
  const categories = chart.categories;
  const valueCells = cellsOf(worksheet, values);
  const numbers = valueCells.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined));
  const first = parseRange(values);
  const format = worksheet.numberFormat(first.top, first.left) ?? 'General';
  const numPoints = numbers.map((n, i) => (n === undefined ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`));
  const val =
    `<c:val><c:numRef><c:f>${escapeXml(chartReference(worksheet.name, values))}</c:f>` +
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${numbers.length}"/>${numPoints.join('')}</c:numCache></c:numRef></c:val>`;
  if (chart.categoryFormat !== undefined) {
    // Dates: the categories are numbers (serials) shown in the date axis's format.
    const serials = cellsOf(worksheet, categories).map(serialOf);
    const points = serials.map((n, i) => (n === undefined ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`));
    return (
      `<c:cat><c:numRef><c:f>${escapeXml(chartReference(worksheet.name, categories))}</c:f>` +
      `<c:numCache><c:formatCode>${escapeXml(chart.categoryFormat)}</c:formatCode><c:ptCount val="${serials.length}"/>${points.join('')}</c:numCache></c:numRef></c:cat>` +
      val
    );
  }
  const labels = cellsOf(worksheet, categories).map(categoryText);
  const strPoints = labels.map((label, i) => (label === undefined ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(label)}</c:v></c:pt>`));
  return (
    `<c:cat><c:strRef><c:f>${escapeXml(chartReference(worksheet.name, categories))}</c:f>` +
    `<c:strCache><c:ptCount val="${labels.length}"/>${strPoints.join('')}</c:strCache></c:strRef></c:cat>` +
    val
  );
}

/** A date category as its serial (cells hold serials; a Date read back is turned into one). */
function serialOf(value: CellValue): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof Date) return Math.round(value.getTime() / 86_400_000 + 25_569);
  return undefined;
}

/**
 * Each point's value written at it (ChartSpec.dataLabels), in the value axis's format: a 0 then
 * reads "0 %" at the axis instead of looking like a missing bar. CT_DLbls's element order.
 */
function dataLabelsXml(chart: ChartSpec): string {
  if (!chart.dataLabels) return '';
  const format = chart.valueFormat !== undefined ? `<c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/>` : '';
  return (
    `<c:dLbls>${format}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `${chart.type === 'line' ? '' : '<c:dLblPos val="outEnd"/>'}` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
  );
}

/**
 * The axes. A horizontal bar chart draws the first category at the bottom; reversing the category
 * axis lists the bars top-down in table order, and `crosses max` keeps the value axis at the bottom.
 */
function axesXml(chart: ChartSpec): string {
  const horizontal = chart.type === 'bar' || chart.type === 'barStacked';
  const numFmt = (format: string | undefined) => (format === undefined ? '<c:numFmt formatCode="General" sourceLinked="1"/>' : `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>`);
  // Date categories (ChartSpec.categoryFormat): labels in that format, not serials; one label per
  // point (a text axis, auto 0: snapshot dates are irregular, a time scale would crowd them).
  const categoryAxis = chart.categoryFormat !== undefined
    ? `<c:catAx><c:axId val="${AXIS_IDS.category}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
      `<c:delete val="0"/><c:axPos val="b"/>${numFmt(chart.categoryFormat)}` +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
      `<c:crossAx val="${AXIS_IDS.value}"/><c:crosses val="autoZero"/><c:auto val="0"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
    : `<c:catAx><c:axId val="${AXIS_IDS.category}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
      `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
      `<c:crossAx val="${AXIS_IDS.value}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  return (
    categoryAxis +
    `<c:valAx><c:axId val="${AXIS_IDS.value}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>${numFmt(chart.valueFormat)}` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${AXIS_IDS.category}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** "'Sheet name'!$A$5:$A$17": always quoted (valid for every name), a quote in the name doubled. */
export function chartReference(sheet: string, range: string): string {
  const r = parseRange(range);
  const cell = (row: number, column: number) => `$${columnLetters(column)}$${row}`;
  const a1 = r.top === r.bottom && r.left === r.right ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/** The values of a one-row or one-column range, in order. */
function cellsOf(worksheet: ChartCells, range: string): CellValue[] {
  const r: Rect = parseRange(range);
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let column = r.left; column <= r.right; column++) out.push(worksheet.value(row, column));
  }
  return out;
}

/** A category label as text; dates as ISO dates (the cache has no number format for labels). */
function categoryText(value: CellValue): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return 'error' in value ? String(value.error) : undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Package plumbing: relationships, content types, part names

interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => ({
    id: attribute(m[1], 'Id') ?? '',
    type: attribute(m[1], 'Type') ?? '',
    target: attribute(m[1], 'Target') ?? '',
  }));
}

export const emptyRelationships = (): string => `${XML_DECLARATION}<Relationships xmlns="${NS.pkgRels}"></Relationships>`;

/** Add a relationship to a .rels part, with the first free "rIdN". */
export function addRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const taken = new Set(parseRels(xml).map((r) => r.id));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  return { xml: insertBeforeRootEnd(xml, element), id };
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export const relsPathOf = (part: string): string => partPath.join(partPath.dirname(part), '_rels', `${partPath.basename(part)}.rels`);

/** A relationship target ("../drawings/drawing1.xml", or absolute "/xl/…") → the part path in the zip. */
export function resolveTarget(sourcePart: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : partPath.normalize(partPath.join(partPath.dirname(sourcePart), target));
}

export const relativeTarget = (sourcePart: string, targetPart: string): string => partPath.relative(partPath.dirname(sourcePart), targetPart);

// ---------------------------------------------------------------------------------------------
// Small XML helpers. The parts we touch are written by ExcelJS (and by us), so their shape is known:
// plain string edits are enough, and keep every byte we do not change.

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? all;
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** An attribute's (unescaped) value from the attribute text of a start tag. */
export function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Insert `content` just before the closing tag of the root element. */
export function insertBeforeRootEnd(xml: string, content: string): string {
  const m = /<\/[\w.:-]+>\s*$/.exec(xml);
  if (m) return xml.slice(0, m.index) + content + xml.slice(m.index);
  // An empty root written as <root/>.
  const empty = /<([\w.:-]+)([^>]*)\/>\s*$/.exec(xml);
  if (!empty) throw new Error('Cannot edit XML part: no root element end');
  return `${xml.slice(0, empty.index)}<${empty[1]}${empty[2]}>${content}</${empty[1]}>`;
}

/** Declare the given prefixes on the root element when missing (our markup uses them). */
export function ensureNamespaces(xml: string, prefixes: Record<string, string>): string {
  const root = /<(?![?!])[\w.:-]+([^>]*)>/.exec(xml);
  if (!root) throw new Error('Cannot edit XML part: no root element');
  let attributes = root[1];
  const selfClosing = attributes.endsWith('/');
  if (selfClosing) attributes = attributes.slice(0, -1);
  for (const [prefix, uri] of Object.entries(prefixes)) {
    const declared = attribute(attributes, `xmlns:${prefix}`);
    if (declared === uri) continue;
    if (declared !== undefined) throw new Error(`Cannot edit XML part: prefix "${prefix}" is bound to ${declared}`);
    attributes += ` xmlns:${prefix}="${uri}"`;
  }
  const start = root.index;
  const tag = root[0].slice(0, root[0].length - root[1].length - 1);
  return `${xml.slice(0, start)}${tag}${attributes}${selfClosing ? '/' : ''}>${xml.slice(start + root[0].length)}`;
}

