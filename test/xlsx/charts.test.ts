/**
 * Native charts in the .xlsx we write (src/xlsx/charts.ts): the parts in the zip, idempotent
 * re-application, and a LibreOffice rendering that really shows the charts.
 */
import { colours, decodePng, near, total, type Box, type Image } from '../helpers/png';
import { execFile } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { promisify } from 'util';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { Workbook } from 'exceljs';
import type { ChartSpec, Plan, PlanOp } from '../../src/workbook/plan';
import { applyPlan, newWorkbook, readXlsx, writeXlsx, xlsxBuffer } from '../../src/xlsx';
import { chartReference, chartsOf } from '../../src/xlsx/charts';
import { convertAllWithLibreOffice, describeWithLibreOffice, libreOfficeHookTimeout, removeLibreOfficeProfile } from '../helpers/libreoffice';
import { partNames, partText, tempDir } from './fixtures';

const SHEET = 'Indsatser 2024';

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
};

const statusChart: ChartSpec = {
  name: 'Status',
  type: 'barStacked',
  title: 'Status pr. indsats',
  from: { row: 8, column: 1 },
  to: { row: 24, column: 6 },
  categories: 'A2:A6',
  series: [
    { name: 'Visiteret', values: 'B2:B6' },
    { name: 'I gang', values: 'C2:C6' },
    { name: 'Afsluttet', values: 'D2:D6' },
  ],
};

const trendChart: ChartSpec = {
  name: 'Udvikling',
  type: 'line',
  title: 'Visiteret og afsluttet',
  from: { row: 26, column: 1 },
  to: { row: 40, column: 6 },
  categories: 'A2:A6',
  series: [
    { name: 'Visiteret', values: 'B2:B6' },
    { name: 'Afsluttet', values: 'D2:D6' },
  ],
};

const HEADER = ['Indsats', 'Visiteret', 'I gang', 'Afsluttet'];
const ROWS = [
  ['Alfa', 12, 8, 3],
  ['Beta', 20, 5, 9],
  ['Gamma', 7, 7, 2],
  ['Delta', 15, 3, 11],
  ['Epsilon', 9, 10, 4],
];

/** 5 initiatives × 3 numbers at A1:D6, a stacked bar chart below it and a line chart below that. */
function chartPlan(options: { notes?: boolean } = {}): Plan {
  // Header notes make ExcelJS write comments, a VML drawing and <legacyDrawing>.
  const notes: PlanOp[] = options.notes
    ? [{ kind: 'layoutColumns', sheet: SHEET, table: 'Status', columns: [{ header: 'Visiteret', note: 'Antal visiterede borgere' }, { header: 'Afsluttet', note: 'Afsluttede forløb' }] }]
    : [];
  return {
    ops: [
      { kind: 'ensureSheet', sheet: SHEET },
      { kind: 'createTable', sheet: SHEET, table: 'Status', topLeft: { row: 1, column: 1 }, header: HEADER, rows: ROWS },
      ...notes,
      { kind: 'chart', sheet: SHEET, chart: statusChart },
      { kind: 'chart', sheet: SHEET, chart: trendChart },
    ],
  };
}

function workbookFor(plan: Plan): Workbook {
  const workbook = newWorkbook();
  applyPlan(workbook, plan);
  return workbook;
}

// ---------------------------------------------------------------------------------------------
// XML helpers

/** Parse strictly: any warning or error (not well-formed, unbound prefix) fails the test. */
function parseXml(xml: string): Document {
  const onError = (level: string, message: string) => {
    throw new Error(`${level}: ${message}`);
  };
  return new DOMParser({ onError }).parseFromString(xml, 'text/xml');
}

function elements(parent: Document | Element, ns: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}

const childNames = (el: Element): string[] =>
  Array.from(el.childNodes)
    .filter((n) => n.nodeType === 1)
    .map((n) => (n as Element).localName ?? '');

const texts = (parent: Document | Element, ns: string, name: string): string[] => elements(parent, ns, name).map((e) => e.textContent ?? '');

function rels(xlsx: Buffer, part: string): { id: string; type: string; target: string }[] {
  return elements(parseXml(partText(xlsx, part)), NS.pkgRels, 'Relationship').map((r) => ({
    id: r.getAttribute('Id') ?? '',
    type: (r.getAttribute('Type') ?? '').split('/').pop() ?? '',
    target: r.getAttribute('Target') ?? '',
  }));
}

function overrides(xlsx: Buffer): Record<string, string> {
  const doc = parseXml(partText(xlsx, '[Content_Types].xml'));
  return Object.fromEntries(elements(doc, NS.types, 'Override').map((o) => [o.getAttribute('PartName') ?? '', o.getAttribute('ContentType') ?? '']));
}

/** CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99): Excel rejects children out of this order. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/**
 * `<drawing>` occurs once, and every sibling before it belongs before it in CT_Worksheet and every
 * one after it after. (Only drawing's own position: ExcelJS itself writes legacyDrawing after
 * tableParts, which is out of order but not ours to check here.)
 */
function expectDrawingInOrder(sheet: Element): void {
  const order = childNames(sheet);
  expect(order.filter((n) => n === 'drawing')).toHaveLength(1);
  const at = order.indexOf('drawing');
  const rank = (name: string) => {
    const r = WORKSHEET_ORDER.indexOf(name);
    if (r < 0) throw new Error(`unknown worksheet element <${name}>`);
    return r;
  };
  const misplaced = order.filter((name, i) => i !== at && (i < at ? rank(name) > rank('drawing') : rank(name) < rank('drawing')));
  expect(misplaced).toEqual([]);
}

/** Chart name → chart part, through the drawing's anchors and relationships. */
function chartParts(xlsx: Buffer, drawingPart: string): Record<string, string> {
  const drawing = parseXml(partText(xlsx, drawingPart));
  const drawingRels = rels(xlsx, drawingPart.replace('drawings/', 'drawings/_rels/') + '.rels');
  const out: Record<string, string> = {};
  for (const frame of elements(drawing, NS.xdr, 'graphicFrame')) {
    const name = elements(frame, NS.xdr, 'cNvPr')[0].getAttribute('name') ?? '';
    const id = elements(frame, NS.c, 'chart')[0].getAttributeNS(NS.r, 'id');
    const rel = drawingRels.find((r) => r.id === id);
    if (!rel) throw new Error(`no relationship ${id} in ${drawingPart}`);
    out[name] = `xl/${rel.target.replace('../', '')}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// (a) The parts in the zip

describe('charts in the written .xlsx', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await xlsxBuffer(workbookFor(chartPlan()));
  });

  it('adds a drawing, one part per chart, their relationships and content types', () => {
    const names = partNames(xlsx);
    expect(names).toEqual(expect.arrayContaining(['xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/charts/chart1.xml', 'xl/charts/chart2.xml']));
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);

    const types = overrides(xlsx);
    expect(types['/xl/drawings/drawing1.xml']).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    expect(types['/xl/charts/chart1.xml']).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    expect(types['/xl/charts/chart2.xml']).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');

    const sheetRels = rels(xlsx, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(sheetRels.filter((r) => r.type === 'drawing')).toEqual([expect.objectContaining({ target: '../drawings/drawing1.xml' })]);
    // ExcelJS's own relationship (the table) is kept.
    expect(sheetRels.some((r) => r.type === 'table')).toBe(true);
    expect(new Set(sheetRels.map((r) => r.id)).size).toBe(sheetRels.length);

    expect(chartParts(xlsx, 'xl/drawings/drawing1.xml')).toEqual({ Status: 'xl/charts/chart1.xml', Udvikling: 'xl/charts/chart2.xml' });
  });

  it('references the drawing from the sheet, in CT_Worksheet order', () => {
    const sheet = parseXml(partText(xlsx, 'xl/worksheets/sheet1.xml')).documentElement as Element;
    expectDrawingInOrder(sheet);
    const order = childNames(sheet);
    expect(order.indexOf('drawing')).toBeGreaterThan(order.indexOf('pageMargins'));
    expect(order.indexOf('drawing')).toBeGreaterThan(order.indexOf('pageSetup'));
    expect(order.indexOf('drawing')).toBeLessThan(order.indexOf('tableParts'));
    const drawing = elements(sheet, NS.main, 'drawing')[0];
    const rel = rels(xlsx, 'xl/worksheets/_rels/sheet1.xml.rels').find((r) => r.id === drawing.getAttributeNS(NS.r, 'id'));
    expect(rel).toMatchObject({ type: 'drawing', target: '../drawings/drawing1.xml' });
  });

  it('anchors each chart over its cells', () => {
    const drawing = parseXml(partText(xlsx, 'xl/drawings/drawing1.xml'));
    const anchors = elements(drawing, NS.xdr, 'twoCellAnchor');
    expect(anchors).toHaveLength(2);
    const corner = (anchor: Element, tag: 'from' | 'to') => {
      const el = elements(anchor, NS.xdr, tag)[0];
      return { col: Number(texts(el, NS.xdr, 'col')[0]), row: Number(texts(el, NS.xdr, 'row')[0]) };
    };
    // 0-based: from = the first covered cell, to = the cell after the last covered one.
    expect(corner(anchors[0], 'from')).toEqual({ col: 0, row: 7 });
    expect(corner(anchors[0], 'to')).toEqual({ col: 6, row: 24 });
    expect(corner(anchors[1], 'from')).toEqual({ col: 0, row: 25 });
    const ids = elements(drawing, NS.xdr, 'cNvPr').map((e) => e.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes a stacked bar chart with references and cached values', () => {
    const doc = parseXml(partText(xlsx, 'xl/charts/chart1.xml'));
    const bar = elements(doc, NS.c, 'barChart')[0];
    const val = (name: string) => elements(bar, NS.c, name)[0]?.getAttribute('val');
    expect([val('barDir'), val('grouping'), val('overlap')]).toEqual(['bar', 'stacked', '100']);
    expect(elements(doc, NS.c, 'lineChart')).toHaveLength(0);

    const series = elements(bar, NS.c, 'ser');
    expect(series.map((s) => texts(elements(s, NS.c, 'tx')[0], NS.c, 'v')[0])).toEqual(['Visiteret', 'I gang', 'Afsluttet']);
    expect(series.map((s) => texts(elements(s, NS.c, 'cat')[0], NS.c, 'f')[0])).toEqual(Array(3).fill("'Indsatser 2024'!$A$2:$A$6"));
    expect(series.map((s) => texts(elements(s, NS.c, 'val')[0], NS.c, 'f')[0])).toEqual([
      "'Indsatser 2024'!$B$2:$B$6",
      "'Indsatser 2024'!$C$2:$C$6",
      "'Indsatser 2024'!$D$2:$D$6",
    ]);
    // Caches: what a viewer that does not calculate shows.
    const strCache = elements(series[0], NS.c, 'strCache')[0];
    expect(elements(strCache, NS.c, 'ptCount')[0].getAttribute('val')).toBe('5');
    expect(texts(strCache, NS.c, 'v')).toEqual(['Alfa', 'Beta', 'Gamma', 'Delta', 'Epsilon']);
    expect(series.map((s) => texts(elements(s, NS.c, 'numCache')[0], NS.c, 'v').map(Number))).toEqual([
      [12, 20, 7, 15, 9],
      [8, 5, 7, 3, 10],
      [3, 9, 2, 11, 4],
    ]);

    expect(texts(elements(doc, NS.c, 'title')[0], 'http://schemas.openxmlformats.org/drawingml/2006/main', 't')).toEqual(['Status pr. indsats']);
    expect(elements(doc, NS.c, 'legendPos')[0].getAttribute('val')).toBe('b');
    const axisIds = elements(bar, NS.c, 'axId').map((a) => a.getAttribute('val'));
    expect(elements(doc, NS.c, 'catAx')[0].getElementsByTagNameNS(NS.c, 'axId')[0].getAttribute('val')).toBe(axisIds[0]);
    expect(elements(doc, NS.c, 'valAx')[0].getElementsByTagNameNS(NS.c, 'axId')[0].getAttribute('val')).toBe(axisIds[1]);
  });

  it('writes a line chart', () => {
    const doc = parseXml(partText(xlsx, 'xl/charts/chart2.xml'));
    expect(elements(doc, NS.c, 'barChart')).toHaveLength(0);
    const line = elements(doc, NS.c, 'lineChart')[0];
    const series = elements(line, NS.c, 'ser');
    expect(series.map((s) => texts(elements(s, NS.c, 'val')[0], NS.c, 'f')[0])).toEqual(["'Indsatser 2024'!$B$2:$B$6", "'Indsatser 2024'!$D$2:$D$6"]);
    expect(texts(elements(series[1], NS.c, 'numCache')[0], NS.c, 'v').map(Number)).toEqual([3, 9, 2, 11, 4]);
  });

  it('writes clustered and column charts', async () => {
    const plan = chartPlan();
    plan.ops.push({ kind: 'chart', sheet: SHEET, chart: { ...statusChart, name: 'Søjler', type: 'columnStacked' } });
    plan.ops.push({ kind: 'chart', sheet: SHEET, chart: { ...statusChart, name: 'Side om side', type: 'column' } });
    const out = await xlsxBuffer(workbookFor(plan));
    const parts = chartParts(out, 'xl/drawings/drawing1.xml');
    const bar = (name: string) => {
      const chart = elements(parseXml(partText(out, parts[name])), NS.c, 'barChart')[0];
      return ['barDir', 'grouping', 'overlap'].map((n) => elements(chart, NS.c, n)[0]?.getAttribute('val'));
    };
    expect(bar('Søjler')).toEqual(['col', 'stacked', '100']);
    expect(bar('Side om side')).toEqual(['col', 'clustered', undefined]);
  });

  it('quotes sheet names in references', () => {
    expect(chartReference("Bob's ark", 'a2:a6')).toBe("'Bob''s ark'!$A$2:$A$6");
    expect(chartReference('Ark1', 'B3')).toBe("'Ark1'!$B$3");
  });

  it('leaves workbooks without charts as ExcelJS writes them', async () => {
    const out = await xlsxBuffer(workbookFor({ ops: chartPlan().ops.filter((op) => op.kind !== 'chart') }));
    expect(partNames(out).some((n) => n.includes('chart') || n.includes('drawing'))).toBe(false);
  });

  it('puts the chart next to ExcelJS notes (legacyDrawing) without disturbing them', async () => {
    const out = await xlsxBuffer(workbookFor(chartPlan({ notes: true })));
    const sheet = parseXml(partText(out, 'xl/worksheets/sheet1.xml')).documentElement as Element;
    expectDrawingInOrder(sheet);
    const order = childNames(sheet);
    expect(order.indexOf('drawing')).toBeGreaterThan(order.indexOf('pageSetup'));
    expect(order.indexOf('drawing')).toBeLessThan(order.indexOf('legacyDrawing'));
    expect(order.indexOf('drawing')).toBeLessThan(order.indexOf('tableParts'));
    const types = rels(out, 'xl/worksheets/_rels/sheet1.xml.rels').map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['comments', 'vmlDrawing', 'table', 'drawing']));
    expect(partNames(out)).toEqual(expect.arrayContaining(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/charts/chart1.xml', 'xl/charts/chart2.xml']));
  });

  it('adds the charts to the drawing ExcelJS wrote for an image', async () => {
    const workbook = workbookFor(chartPlan());
    const image = workbook.addImage({ buffer: readFileSync(join(__dirname, '..', '..', 'assets', 'icon-32.png')) as unknown as ArrayBuffer, extension: 'png' });
    workbook.getWorksheet(SHEET)!.addImage(image, 'H2:I4');
    const out = await xlsxBuffer(workbook);

    expectDrawingInOrder(parseXml(partText(out, 'xl/worksheets/sheet1.xml')).documentElement as Element);
    expect(partNames(out).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toEqual(['xl/drawings/drawing1.xml']);
    const drawing = parseXml(partText(out, 'xl/drawings/drawing1.xml'));
    expect(elements(drawing, NS.xdr, 'pic')).toHaveLength(1);
    expect(elements(drawing, NS.xdr, 'graphicFrame')).toHaveLength(2);
    const ids = elements(drawing, NS.xdr, 'cNvPr').map((e) => e.getAttribute('id'));
    expect(new Set(ids).size).toBe(3);
    expect(rels(out, 'xl/drawings/_rels/drawing1.xml.rels').map((r) => r.type).sort()).toEqual(['chart', 'chart', 'image']);
    expect(chartParts(out, 'xl/drawings/drawing1.xml')).toEqual({ Status: 'xl/charts/chart1.xml', Udvikling: 'xl/charts/chart2.xml' });
  });

  it('refuses charts Excel could not show', () => {
    const wb = workbookFor({ ops: [{ kind: 'ensureSheet', sheet: SHEET }] });
    const bad = (chart: Partial<ChartSpec>, sheet = SHEET) => () => applyPlan(wb, { ops: [{ kind: 'chart', sheet, chart: { ...statusChart, ...chart } }] });
    expect(bad({}, 'Findes ikke')).toThrow(/does not exist/);
    expect(bad({ categories: 'Ark1!A2:A6' })).toThrow(/without a sheet name/);
    expect(bad({ series: [{ name: 'x', values: 'B2:C6' }] })).toThrow(/single row or column/);
    expect(bad({ series: [] })).toThrow(/no series/);
    expect(bad({ to: { row: 2, column: 1 } })).toThrow(/above or left/);
    expect(chartsOf(wb)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Idempotence

describe('applying a chart plan again', () => {
  const chartCount = (xlsx: Buffer) => partNames(xlsx).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length;

  it('keeps one chart per name', async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, chartPlan());
    applyPlan(workbook, chartPlan());
    expect(chartsOf(workbook).map((s) => s.charts.map((c) => c.name))).toEqual([['Status', 'Udvikling']]);
    const xlsx = await xlsxBuffer(workbook);
    expect(chartCount(xlsx)).toBe(2);
    expect(Object.keys(chartParts(xlsx, 'xl/drawings/drawing1.xml'))).toEqual(['Status', 'Udvikling']);
  });

  it('replaces a chart with the same name in place', async () => {
    const workbook = workbookFor(chartPlan());
    applyPlan(workbook, { ops: [{ kind: 'chart', sheet: SHEET, chart: { ...statusChart, title: 'Ny titel' } }] });
    const xlsx = await xlsxBuffer(workbook);
    expect(chartCount(xlsx)).toBe(2);
    expect(partText(xlsx, chartParts(xlsx, 'xl/drawings/drawing1.xml').Status)).toContain('<a:t>Ny titel</a:t>');
  });

  it('writes the charts again after a round trip through the file (ExcelJS drops them when reading)', async () => {
    const tmp = tempDir('indsats-charts-');
    try {
      const file = tmp.path('charts.xlsx');
      await writeXlsx(workbookFor(chartPlan({ notes: true })), file);
      const { workbook } = await readXlsx(file);
      applyPlan(workbook, chartPlan({ notes: true }));
      await writeXlsx(workbook, file);
      const xlsx = readFileSync(file);
      expect(chartCount(xlsx)).toBe(2);
      expect(partNames(xlsx).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(1);
      expect(Object.keys(chartParts(xlsx, 'xl/drawings/drawing1.xml'))).toEqual(['Status', 'Udvikling']);
    } finally {
      tmp.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// (c) LibreOffice renders the charts

/**
 * Where a chart lands on the rendered page (at DPI). Rows are predictable: ExcelJS writes 15 pt
 * rows and margins of 0.7" (left) and 0.75" (top), and LibreOffice prints at 100 % without header
 * or footer. Column widths depend on the viewer's default font, so horizontally we only use the
 * part every plausible default width (0.6"–0.9" per column) covers, and stay clear of the edges.
 */
const DPI = 60;
const ROW_INCH = 15 / 72;
const LEFT_INCH = 0.7;
const TOP_INCH = 0.75;

function chartBox(chart: ChartSpec): Box {
  const columns = chart.to.column - chart.from.column + 1;
  const left = LEFT_INCH + (chart.from.column - 1) * 0.9;
  const right = LEFT_INCH + (chart.from.column - 1) * 0.6 + columns * 0.6;
  const top = TOP_INCH + (chart.from.row - 1) * ROW_INCH;
  const bottom = TOP_INCH + chart.to.row * ROW_INCH;
  const inset = 0.15; // inch: leave out the frame and rounding at the edges
  return { left: (left + inset) * DPI, right: (right - inset) * DPI, top: (top + inset) * DPI, bottom: (bottom - inset) * DPI };
}

const execFileAsync = promisify(execFile);

const ARTIFACTS = join(__dirname, '..', 'artifacts');

describeWithLibreOffice('LibreOffice renders the charts', () => {
  const tmp = tempDir('indsats-charts-lo-');
  const pages: Record<string, Image> = {};

  /** Page 1 of a PDF LibreOffice printed, as an image; a copy goes to test/artifacts. */
  async function render(name: string, pdf: string): Promise<Image> {
    const stem = tmp.path(name);
    await execFileAsync('pdftoppm', ['-r', String(DPI), '-png', '-f', '1', '-l', '1', '-singlefile', pdf, stem]);
    const png = readFileSync(`${stem}.png`);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${name}.png`), png);
    return decodePng(png);
  }

  beforeAll(async () => {
    // Both workbooks printed to PDF in one LibreOffice run (starting it is most of the cost).
    const plans: Record<string, Plan> = { charts: chartPlan(), 'charts-notes': chartPlan({ notes: true }) };
    const files = await Promise.all(Object.entries(plans).map(async ([name, plan]) => {
      const file = tmp.path(`${name}.xlsx`);
      await writeXlsx(workbookFor(plan), file);
      return file;
    }));
    const [charts, notes] = await convertAllWithLibreOffice(files, 'pdf', tmp.dir);
    pages.charts = await render('charts', charts);
    pages.notes = await render('charts-notes', notes);
  }, libreOfficeHookTimeout(1, 2));

  afterAll(() => {
    tmp.cleanup();
    removeLibreOfficeProfile();
  });

  /** Right of the charts (beyond 6 columns of even 0.9") and left of the right margin: nothing there. */
  const emptyBox = (image: Image): Box => ({
    left: (LEFT_INCH + 6 * 0.9 + 0.2) * DPI,
    right: image.width - 0.9 * DPI,
    top: TOP_INCH * DPI,
    bottom: (TOP_INCH + 40 * ROW_INCH) * DPI,
  });

  it.each(['charts', 'notes'])('draws the stacked bars in the series colours (%s)', (name) => {
    const image = pages[name];
    const box = chartBox(statusChart);
    const counts = colours(image, box);
    const area = (box.right - box.left) * (box.bottom - box.top);
    expect(total(counts)).toBeGreaterThan(area * 0.15);
    // Solid bars: at least three colours with many pixels each.
    expect([...counts.values()].filter((n) => n >= 150).length).toBeGreaterThanOrEqual(3);
    for (const colour of ['4472C4', 'ED7D31', 'A5A5A5']) expect(near(counts, colour)).toBeGreaterThan(150);
  });

  it.each(['charts', 'notes'])('draws both lines (%s)', (name) => {
    const counts = colours(pages[name], chartBox(trendChart));
    expect(near(counts, '4472C4')).toBeGreaterThan(40);
    expect(near(counts, 'ED7D31')).toBeGreaterThan(40);
  });

  it.each(['charts', 'notes'])('leaves the rest of the page white (%s)', (name) => {
    const image = pages[name];
    expect(image.width).toBeGreaterThan(400); // A4 or Letter at 60 dpi
    expect(total(colours(image, emptyBox(image)))).toBe(0);
    // Below the last chart down to the bottom margin.
    const below: Box = { left: LEFT_INCH * DPI, right: image.width - 0.9 * DPI, top: (TOP_INCH + 41 * ROW_INCH) * DPI, bottom: image.height - 0.9 * DPI };
    expect(total(colours(image, below))).toBe(0);
  });
});
