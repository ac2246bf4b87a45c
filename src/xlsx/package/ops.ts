/**
 * The plan's operations on a PackageEditor: one handler per op kind (HANDLERS), each the package
 * writer's version of the same rule in apply.ts (the ExcelJS path), with the same conflicts and
 * refusals. A new op kind is one entry in the table; a plan holding a kind without one is refused
 * before anything is written.
 */
import type { CellValue } from '../../domain/parse/cell';
import type { ColumnLayout, PlanOp } from '../../workbook/plan';
import { cellAddress, formatRange, intersects, parseRange, type Rect } from '../address';
import { assertColumnNames, assertSheetName, assertTableName } from '../../workbook/names';
import {
  cellKey, columnIndex, conflict, conflictWhat, controlTableName, dropDownAlert, dropDownRange, generatedSheetContent, headerColumnNames, headerText,
  HIGHLIGHT_TONES, highlightRule, LABEL_FONTS, listSource, missingHeaders, newTableRows, TABLE_STYLE, tableGeometry, type TableGeometry,
} from '../../workbook/adapterRules';
import { CellChangedError, NotGeneratedError } from '../../workbook/adapterContract';
import { assertChart } from '../chartXml';
import type { ChartSpec } from '../../workbook/plan';
import { FORMAT_ROWS_BELOW } from '../formatRows';
import type { PackageEditor, SheetEntry, TableEntry } from './editor';
import { PackageRefusal } from './refusal';
import { escapeXml, setAttr } from './xmlText';
import { setNote, noteOf } from './notes';
import { maskText } from './mask';
import { maskCprValue } from '../../domain/parse/cpr';
import { renameReferences } from './references';

/** What one plan's application keeps between its ops. */
export interface PlanState {
  ed: PackageEditor;
  /** Generated sheets rebuilt by this plan: the new one, and the old one set aside until the end. */
  rebuilds: { sheet: SheetEntry; old?: SheetEntry }[];
  /** Charts per sheet (by name, lower case), written when the package is written. */
  charts: Map<SheetEntry, Map<string, ChartSpec>>;
}

type Handler<K extends PlanOp['kind']> = (s: PlanState, op: Extract<PlanOp, { kind: K }>) => void;

/**
 * One handler per op kind. Partial on purpose: a kind added to PlanOp elsewhere compiles without one,
 * and a plan holding it is refused (XlsxReadError 'cannot-write') until its handler is added here.
 */
export const HANDLERS: { [K in PlanOp['kind']]?: Handler<K> } = {
  ensureSheet: (s, op) => {
    if (s.ed.findSheet(op.sheet)) return;
    assertSheetName(op.sheet);
    s.ed.addSheet(op.sheet);
  },
  createTable,
  tableFromRange,
  addColumns,
  layoutColumns,
  freeze: (s, op) => {
    const editor = s.ed.editorOf(sheetOf(s, op.sheet));
    editor.view.freeze = { rows: op.rows, columns: op.columns };
    editor.markChanged();
  },
  label: (s, op) => {
    const editor = s.ed.editorOf(sheetOf(s, op.sheet));
    if (editor.isOccupied(op.row, op.column)) return;
    editor.setValue(op.row, op.column, op.text);
    const xf = editor.cell(op.row, op.column).xf;
    if (op.style === 'title') editor.setXf(op.row, op.column, s.ed.styles.withFont(xf, { bold: LABEL_FONTS.title.bold, size: LABEL_FONTS.title.size }));
    if (op.style === 'heading') editor.setXf(op.row, op.column, s.ed.styles.withFont(xf, { bold: LABEL_FONTS.heading.bold, size: LABEL_FONTS.heading.size }));
    if (op.style === 'subtitle') editor.setXf(op.row, op.column, s.ed.styles.withFont(xf, { italic: true, color: LABEL_FONTS.subtitle.color }));
    s.ed.cellsWritten = true;
  },
  setValues: (s, op) => {
    const sheet = sheetOf(s, op.sheet);
    const editor = s.ed.editorOf(sheet);
    for (const cell of op.cells) {
      if (!('expected' in cell)) continue;
      const r = parseRange(cell.address);
      if (cellKey(editor.cell(r.top, r.left).value) !== cellKey(cell.expected)) throw new CellChangedError(sheet.name, cellAddress(r.top, r.left));
    }
    for (const cell of op.cells) {
      const { address, value } = cell;
      // A cell written with its own value masked (planCprMask): the old text goes from the shared strings too.
      if ('expected' in cell && value !== cell.expected && cellKey(maskCprValue(cell.expected)) === cellKey(value)) s.ed.masking = true;
      const r = parseRange(address);
      // A text written over a hyperlink cell keeps the link: the link is the sheet's <hyperlinks>, not the cell.
      editor.setValue(r.top, r.left, value ?? null);
      renameHeaderColumn(s, sheet, r.top, r.left, value ?? null);
    }
    s.ed.cellsWritten = true;
  },
  appendRows,
  generatedSheet,
  highlight,
  chart: (s, op) => {
    const sheet = sheetOf(s, op.sheet);
    assertChart(sheet.name, op.chart);
    let charts = s.charts.get(sheet);
    if (!charts) s.charts.set(sheet, (charts = new Map()));
    charts.set(op.chart.name.toLowerCase(), JSON.parse(JSON.stringify(op.chart)) as ChartSpec);
    s.ed.editorOf(sheet).markChanged();
  },
  renameTable: (s, op) => {
    if (s.ed.findTable(op.to)) throw new Error(`Table "${op.to}" exists already`);
    assertTableName(op.to);
    const t = s.ed.findTable(op.table);
    if (!t) return;
    const from = t.name;
    t.name = op.to;
    t.dirty = true;
    renameReferences(s.ed, { kind: 'table', from, to: op.to });
  },
  renameSheet: (s, op) => {
    if (s.ed.findSheet(op.to)) throw new Error(`Sheet "${op.to}" exists already`);
    const sheet = sheetOf(s, op.sheet);
    const from = sheet.name;
    s.ed.renameSheet(sheet, op.to);
    renameReferences(s.ed, { kind: 'sheet', from, to: op.to });
  },
  pageSetup,
  maskText: (s, op) => {
    s.ed.masking = true;
    maskText(s.ed, op.target);
  },
  moveSheet: (s, op) => s.ed.moveSheet(sheetOf(s, op.sheet), op.position),
  select: (s, op) => {
    const sheet = sheetOf(s, op.sheet);
    s.ed.active = sheet;
    const editor = s.ed.editorOf(sheet);
    editor.view.activeCell = op.address.split(':')[0];
    editor.view.tabSelected = true;
    editor.markChanged();
  },
};

export function applyOp(s: PlanState, op: PlanOp): void {
  const handler = (HANDLERS as Record<string, Handler<PlanOp['kind']> | undefined>)[(op as { kind?: string }).kind ?? ''];
  if (!handler) throw new PackageRefusal('(plan)', `the operation "${String((op as { kind?: unknown }).kind)}" is not known to the package writer`);
  handler(s, op);
}

// ---------------------------------------------------------------------------------------------

function sheetOf(s: PlanState, name: string): SheetEntry {
  const sheet = s.ed.findSheet(name);
  if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
  return sheet;
}

/** A table by name: on the given sheet first, else anywhere (names are workbook-wide). */
function findTable(s: PlanState, sheet: string, table: string): TableEntry | undefined {
  const all = s.ed.tables.filter((t) => t.name.toLowerCase() === table.toLowerCase() && !t.sheet.removed);
  return all.find((t) => t.sheet.name.toLowerCase() === sheet.toLowerCase()) ?? all[0];
}

function tableOf(s: PlanState, sheet: string, table: string): TableEntry {
  const t = findTable(s, sheet, table);
  if (!t) throw new Error(`Table "${table}" does not exist (sheet "${sheet}")`);
  return t;
}

const geometry = (t: TableEntry): TableGeometry => tableGeometry(t.rect, t.hasHeader, t.totals);

function assertNoMergeOrTable(s: PlanState, sheet: SheetEntry, range: Rect, what: string, where: boolean, ignore?: TableEntry): void {
  const editor = s.ed.editorOf(sheet);
  for (const m of editor.merges()) if (intersects(m, range)) throw conflict.merged(sheet.name, formatRange(m), what);
  for (const t of s.ed.tables) {
    if (t.sheet === sheet && t !== ignore && intersects(t.rect, range)) throw conflict.table(sheet.name, t.name, formatRange(t.rect), what, where);
  }
}

function assertFree(s: PlanState, sheet: SheetEntry, range: Rect, what: string, ignore?: TableEntry): void {
  assertNoMergeOrTable(s, sheet, range, what, true, ignore);
  const editor = s.ed.editorOf(sheet);
  for (const row of editor.rowsIn(range.top, range.bottom)) {
    for (let column = range.left; column <= range.right; column++) {
      if (editor.isOccupied(row, column)) throw conflict.cells(sheet.name, cellAddress(row, column), what);
    }
  }
}

const isFormula = (value: CellValue) => typeof value === 'object' && value !== null && !(value instanceof Date) && typeof (value as { formula?: unknown }).formula === 'string';

function createTable(s: PlanState, op: Extract<PlanOp, { kind: 'createTable' }>): void {
  const existing = findTable(s, op.sheet, op.table);
  if (existing) {
    const target = s.ed.findSheet(op.sheet);
    if (existing.sheet !== target && s.rebuilds.some((r) => r.sheet === target)) throw new NotGeneratedError('table', existing.name, existing.sheet.name);
    return;
  }
  const sheet = sheetOf(s, op.sheet);
  assertTableName(op.table);
  assertColumnNames(op.header, op.table);
  const width = op.header.length;
  const rows = newTableRows(width, op.rows);
  const { row, column } = op.topLeft;
  const rect: Rect = { top: row, left: column, bottom: row + rows.length, right: column + width - 1 };
  assertFree(s, sheet, rect, conflictWhat.createTable(op.table));
  const editor = s.ed.editorOf(sheet);
  op.header.forEach((h, i) => editor.setValue(row, column + i, h));
  rows.forEach((r, i) => r.forEach((v, c) => {
    if (v !== null && v !== undefined) editor.setValue(row + 1 + i, column + c, v);
  }));
  if (rows.some((r) => r.some(isFormula))) s.ed.fullCalcOnLoad = true;
  s.ed.cellsWritten = true;
  s.ed.addTable(sheet, op.table, rect, op.header, TABLE_STYLE);
}

function tableFromRange(s: PlanState, op: Extract<PlanOp, { kind: 'tableFromRange' }>): void {
  if (findTable(s, op.sheet, op.table)) return;
  const sheet = sheetOf(s, op.sheet);
  assertTableName(op.table);
  const range = parseRange(op.ref);
  const what = conflictWhat.tableFromRange(op.table, op.sheet, op.ref);
  assertNoMergeOrTable(s, sheet, range, what, false);
  const editor = s.ed.editorOf(sheet);
  const texts = Array.from({ length: range.right - range.left + 1 }, (_, i) => headerText(editor.cell(range.top, range.left + i).value));
  const names = headerColumnNames(texts);
  if (range.bottom === range.top) {
    assertFree(s, sheet, { ...range, top: range.top + 1, bottom: range.top + 1 }, what);
    range.bottom = range.top + 1;
  }
  // The header cells become the column names (Excel: a table's header cell is its column's name).
  names.forEach((name, i) => {
    if (editor.cell(range.top, range.left + i).value !== name) editor.setValue(range.top, range.left + i, name);
  });
  s.ed.cellsWritten = true;
  s.ed.addTable(sheet, op.table, range, names, TABLE_STYLE);
}

function addColumns(s: PlanState, op: Extract<PlanOp, { kind: 'addColumns' }>): void {
  const t = tableOf(s, op.sheet, op.table);
  const headers = missingHeaders(t.columns, op.headers);
  if (!headers.length) return;
  assertColumnNames(headers, t.name);
  const g = geometry(t);
  const right = g.rect.right;
  const extra: Rect = { top: g.rect.top, bottom: g.rect.bottom, left: right + 1, right: right + headers.length };
  assertFree(s, t.sheet, extra, conflictWhat.addColumns(t.name), t);
  t.columns = [...t.columns, ...headers];
  t.rect = { ...t.rect, right: extra.right };
  t.dirty = true;
  const editor = s.ed.editorOf(t.sheet);
  if (g.hasHeader) {
    // Like the neighbouring header (font, fill, border), without its number format.
    const xf = s.ed.styles.withNumberFormat(editor.cell(g.headerRow, right).xf, 'General');
    headers.forEach((name, i) => {
      editor.setValue(g.headerRow, right + 1 + i, name);
      editor.setXf(g.headerRow, right + 1 + i, xf);
    });
  }
  editor.markChanged();
  s.ed.cellsWritten = true;
}

function layoutColumns(s: PlanState, op: Extract<PlanOp, { kind: 'layoutColumns' }>): void {
  const t = tableOf(s, op.sheet, op.table);
  const g = geometry(t);
  const blocked = [...s.ed.tables.filter((x) => x.sheet === t.sheet && x !== t).map((x) => x.rect), ...s.ed.editorOf(t.sheet).merges()];
  for (const layout of op.columns) {
    const index = columnIndex(t.columns, layout.header);
    if (index < 0) continue;
    layoutColumn(s, t, g, g.rect.left + index, layout, blocked);
  }
}

function layoutColumn(s: PlanState, t: TableEntry, g: TableGeometry, column: number, layout: ColumnLayout, blocked: Rect[]): void {
  const editor = s.ed.editorOf(t.sheet);
  const styles = s.ed.styles;
  if (layout.numberFormat !== undefined) {
    const format = layout.numberFormat;
    let last = g.firstDataRow - 1;
    for (const row of editor.rowsIn(g.firstDataRow, g.lastDataRow)) if (editor.isOccupied(row, column)) last = row;
    const end = Math.min(g.lastDataRow, Math.max(last, g.firstDataRow - 1) + FORMAT_ROWS_BELOW);
    const set = (row: number) => editor.setXf(row, column, styles.withNumberFormat(editor.cell(row, column).xf, format));
    for (let row = g.firstDataRow; row <= end; row++) set(row);
    for (let row = g.rect.bottom + 1; end === g.lastDataRow && row <= g.lastDataRow + FORMAT_ROWS_BELOW; row++) {
      const here: Rect = { top: row, bottom: row, left: column, right: column };
      if (blocked.some((b) => intersects(b, here)) || editor.isOccupied(row, column)) break;
      set(row);
    }
  }
  if (layout.width !== undefined && editor.widthOf(column) !== layout.width) {
    editor.widths.set(column, layout.width);
    editor.markChanged();
  }
  if (layout.note !== undefined && g.hasHeader && noteOf(s.ed, t.sheet, g.headerRow, column) !== layout.note) setNote(s.ed, t.sheet, g.headerRow, column, layout.note);
  const source = listSource(t.name, layout);
  if (source) {
    const range = dropDownRange(g, column);
    const alert = dropDownAlert(layout);
    const formula = source.formula ?? `"${source.list.replace(/"/g, '""')}"`;
    const p = editor.prefix;
    const xml =
      `<${p}dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(alert.errorTitle)}" error="${escapeXml(alert.error)}" sqref="${formatRange(range)}">` +
      `<${p}formula1>${escapeXml(formula)}</${p}formula1></${p}dataValidation>`;
    if (!editor.hasValidation(range, xml)) {
      editor.validations.push({ rect: range, xml });
      editor.markChanged();
    }
  }
}

function appendRows(s: PlanState, op: Extract<PlanOp, { kind: 'appendRows' }>): void {
  if (!op.rows.length) return;
  const t = tableOf(s, op.sheet, op.table);
  const editor = s.ed.editorOf(t.sheet);
  const g = geometry(t);
  const width = g.rect.right - g.rect.left + 1;
  const lastEmpty = g.lastDataRow >= g.firstDataRow && Array.from({ length: width }, (_, i) => !editor.isOccupied(g.lastDataRow, g.rect.left + i)).every(Boolean);
  const first = lastEmpty ? g.lastDataRow : g.lastDataRow + 1;
  const bottom = first + op.rows.length - 1;
  if (bottom > g.lastDataRow) assertFree(s, t.sheet, { top: g.lastDataRow + 1, bottom, left: g.rect.left, right: g.rect.right }, conflictWhat.appendRows(t.name), t);
  op.rows.forEach((row, r) => {
    for (let i = 0; i < width; i++) editor.setValue(first + r, g.rect.left + i, row[i] ?? null);
  });
  if (op.rows.some((r) => r.some(isFormula))) s.ed.fullCalcOnLoad = true;
  if (bottom > g.rect.bottom) {
    t.rect = { ...t.rect, bottom };
    t.dirty = true;
  }
  s.ed.cellsWritten = true;
}

function generatedSheet(s: PlanState, op: Extract<PlanOp, { kind: 'generatedSheet' }>): void {
  assertSheetName(op.sheet);
  const existing = s.ed.findSheet(op.sheet);
  if (existing && s.rebuilds.some((r) => r.sheet === existing)) throw new Error(`Sheet "${op.sheet}" is rebuilt twice by one plan`);
  const tables = existing ? s.ed.tables.filter((t) => t.sheet === existing) : [];
  if (existing && !tables.some((t) => t.name.toLowerCase() === controlTableName(op.sheet).toLowerCase())) throw new NotGeneratedError('sheet', existing.name, existing.name);
  const elsewhere = s.ed.tables.find((t) => t.name.toLowerCase() === op.table.toLowerCase() && t.sheet !== existing && !t.sheet.removed);
  if (elsewhere) throw new NotGeneratedError('table', elsewhere.name, elsewhere.sheet.name);
  if (existing) {
    // Set aside (it is removed once the plan is applied): its name and tables' names are free.
    // Not carried into the formulas (renameReferences): the rebuilt sheet takes the name, and the
    // user's references to it keep pointing at the sheet of that name, not at the one removed.
    let n = 1;
    const free = (name: string) => !s.ed.findSheet(name) && !s.ed.findTable(name);
    while (!free(`Indsatsmonitor_${n}`)) n++;
    s.ed.renameSheet(existing, `Indsatsmonitor_${n}`);
    tables.forEach((t, i) => {
      let m = i + 1;
      while (!free(`Indsatsmonitor_${n}_${m}`)) m += tables.length;
      t.name = `Indsatsmonitor_${n}_${m}`;
    });
  }
  const sheet = s.ed.addSheet(op.sheet);
  s.rebuilds.push({ sheet, ...(existing ? { old: existing } : {}) });
  for (const content of generatedSheetContent(op)) applyOp(s, content);
  // Reports are printed for the byråd/udvalg: landscape, the full width on one page.
  const editor = s.ed.editorOf(sheet);
  const p = editor.prefix;
  editor.replaced.set('sheetPr', `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`);
  editor.replaced.set('pageSetup', `<${p}pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
}

/**
 * A value written into a table's header cell renames the column (the rule of apply.ts): the table
 * part's column name must be the header cell's text, or Excel repairs the file.
 */
function renameHeaderColumn(s: PlanState, sheet: SheetEntry, row: number, column: number, value: CellValue): void {
  for (const t of s.ed.tables) {
    if (t.sheet !== sheet || !t.hasHeader || t.rect.top !== row || column < t.rect.left || column > t.rect.right) continue;
    const i = column - t.rect.left;
    if (i >= t.columns.length) continue;
    const from = t.columns[i];
    const to = headerText(value);
    t.columns[i] = to;
    t.renamed = true;
    t.dirty = true;
    // The formulas naming the column follow it (Excel does the same when a header is retyped).
    if (from && to && from.toLowerCase() !== to.toLowerCase()) renameReferences(s.ed, { kind: 'column', table: t.name, from, to });
  }
}

/** OOXML paper size code for A4. */
const PAPER_A4 = 9;

/**
 * The sheet's print set-up, replaced as a whole (the same rule as apply.ts's pageSetup): A4, one
 * page wide and as many tall as needed, the print area and title rows (defined names, written by
 * the editor), manual row breaks, the footer. The part's other page settings (margins, the
 * printer settings part, a header) are kept.
 */
function pageSetup(s: PlanState, op: Extract<PlanOp, { kind: 'pageSetup' }>): void {
  const sheet = sheetOf(s, op.sheet);
  const editor = s.ed.editorOf(sheet);
  const { setup } = op;
  const area = parseRange(setup.printArea); // throws for a non-A1 range
  const p = editor.prefix;
  editor.replaced.set('sheetPr', sheetPrFitToPage(editor.replaced.get('sheetPr') ?? editor.original('sheetPr'), p));
  let tag = /^<[^>]*>/.exec(editor.replaced.get('pageSetup') ?? editor.original('pageSetup') ?? `<${p}pageSetup/>`)![0];
  if (!tag.endsWith('/>')) tag = `${tag.slice(0, -1)}/>`;
  for (const [name, value] of [['paperSize', String(PAPER_A4)], ['orientation', setup.orientation], ['fitToWidth', '1'], ['fitToHeight', '0']] as const) tag = setAttr(tag, name, value);
  editor.replaced.set('pageSetup', tag);
  // A break in the file sits after row `id`: the page that starts at row r has its break at r - 1.
  const breaks = [...new Set(setup.breaksBefore.filter((r) => Number.isInteger(r) && r > 1))].sort((a, b) => a - b);
  editor.replaced.set(
    'rowBreaks',
    breaks.length ? `<${p}rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<${p}brk id="${r - 1}" max="16383" man="1"/>`).join('')}</${p}rowBreaks>` : '',
  );
  const section = (code: string, text?: string) => (text ? `&${code}${text}` : '');
  const footer = section('L', setup.footer.left) + section('C', setup.footer.center) + section('R', setup.footer.right);
  editor.replaced.set('headerFooter', headerFooterWith(editor.replaced.get('headerFooter') ?? editor.original('headerFooter'), footer, p));
  editor.markChanged();
  s.ed.printNames.set(sheet, { area, titles: setup.titleRows ? { first: setup.titleRows.first, last: setup.titleRows.last } : null });
}

/** `<sheetPr>` with `<pageSetUpPr fitToPage="1">` (CT_SheetPr: tabColor, outlinePr, pageSetUpPr), its other content kept. */
function sheetPrFitToPage(old: string | undefined, p: string): string {
  if (!old) return `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`;
  const open = /^<[^>]*>/.exec(old)![0];
  if (open.endsWith('/>')) return `${open.slice(0, -2)}><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`;
  const existing = /<(?:[\w.-]+:)?pageSetUpPr\b[^>]*\/?>/.exec(old);
  if (existing) {
    return old.slice(0, existing.index) + setAttr(existing[0], 'fitToPage', '1') + old.slice(existing.index + existing[0].length);
  }
  const close = old.lastIndexOf('</');
  return `${old.slice(0, close)}<${p}pageSetUpPr fitToPage="1"/>${old.slice(close)}`;
}

/** `<headerFooter>` with this odd-page footer (none when empty); the headers and other footers kept. */
function headerFooterWith(old: string | undefined, footer: string, p: string): string {
  const ORDER = ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'];
  let open = `<${p}headerFooter>`;
  const parts = new Map<string, string>();
  if (old) {
    open = /^<[^>]*>/.exec(old)![0];
    if (open.endsWith('/>')) open = `${open.slice(0, -2)}>`;
    else for (const m of old.matchAll(/<((?:[\w.-]+:)?)(oddHeader|oddFooter|evenHeader|evenFooter|firstHeader|firstFooter)\b[^>]*(?:\/>|>[\s\S]*?<\/\1\2>)/g)) parts.set(m[2], m[0]);
  }
  if (footer) parts.set('oddFooter', `<${p}oddFooter>${escapeXml(footer)}</${p}oddFooter>`);
  else parts.delete('oddFooter');
  const body = ORDER.map((n) => parts.get(n) ?? '').join('');
  return body || old ? `${open}${body}</${p}headerFooter>` : '';
}

function highlight(s: PlanState, op: Extract<PlanOp, { kind: 'highlight' }>): void {
  const t = tableOf(s, op.sheet, op.table);
  const index = columnIndex(t.columns, op.column);
  if (index < 0) return;
  const g = geometry(t);
  const rule = highlightRule(g, g.rect.left + index);
  const ref = formatRange(rule.range);
  const editor = s.ed.editorOf(t.sheet);
  const p = editor.prefix;
  editor.cfRemoved.add(ref);
  const kept = editor.cfAdded.filter((c) => c.ref !== ref);
  editor.cfAdded.length = 0;
  editor.cfAdded.push(...kept);
  const rules = op.rules.map(({ text, tone }, i) => {
    const dxf = s.ed.styles.dxf(HIGHLIGHT_TONES[tone].fill, HIGHLIGHT_TONES[tone].font);
    return `<${p}cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><${p}formula>${escapeXml(rule.formula(text))}</${p}formula></${p}cfRule>`;
  });
  editor.cfAdded.push({ ref, xml: `<${p}conditionalFormatting sqref="${ref}">${rules.join('')}</${p}conditionalFormatting>` });
  editor.markChanged();
}
