/**
 * Apply a Plan to an ExcelJS workbook. Every operation is idempotent (applying a plan twice gives
 * the same workbook) and never overwrites a value the user typed: when it would, it throws a
 * PlanConflictError naming the sheet and cell, before changing anything for that operation.
 *
 * ExcelJS pitfall handled throughout: after loading, all cells with the same style share ONE style
 * object (and font/fill objects), so `cell.numFmt = x` or `cell.font.bold = true` silently changes
 * every cell with that style. We only ever assign fresh objects (`cell.style = { ...cell.style, … }`).
 */
import type { Cell, DataValidation, Workbook, Worksheet } from 'exceljs';
import type { CellValue } from '../domain/parse/cell';
import type { ColumnLayout, PageSetup, Plan, PlanOp } from '../workbook/plan';
import { cellAddress, columnLetters, formatRange, intersects, parseRange, type Rect } from './address';
import { isOccupied, valueAt } from './cells';
import { recordChart } from './charts';
import { assertColumnNames, assertSheetName, assertTableName } from '../workbook/names';
import {
  columnIndex, conflict, conflictWhat, controlTableName, dropDownAlert, fitPlan, generatedSheetContent, maskPlan, headerColumnNames, HIGHLIGHT_TONES, listSource, missingHeaders,
  newTableRows, TABLE_STYLE, tableGeometry, dropDownRange, headerText, highlightRule, type TableGeometry,
} from '../workbook/adapterRules';
import { allTables, existingRows, mergedRanges, tableModels, tableRect, type TableModel } from './internals';
import { setValidation } from './validations';
import { NotGeneratedError } from '../workbook/adapterContract';
import { freeze, label, select, setValues, type ExcelJSValue } from './view';
import { maskText } from './maskText';

import { FORMAT_ROWS_BELOW } from './formatRows';
export { FORMAT_ROWS_BELOW };

/**
 * Generated sheets this plan rebuilds: the new sheet takes the name, the old one (if any) is set
 * aside under a temporary name with its tables until the plan has been applied, then removed.
 */
interface Rebuild {
  sheet: Worksheet;
  old?: { worksheet: Worksheet; name: string; tables: { model: TableModel; name: string }[] };
}
const rebuilding = new WeakMap<Workbook, Rebuild[]>();

export function applyPlan(workbook: Workbook, given: Plan): void {
  const plan = fitPlan(maskPlan(given));
  const rebuilds: Rebuild[] = [];
  rebuilding.set(workbook, rebuilds);
  try {
    for (const op of plan.ops) applyOp(workbook, op);
  } catch (e) {
    // As the Office.js adapter swaps a rebuilt sheet in last: a failure leaves the old one as it was.
    for (const r of rebuilds.reverse()) {
      workbook.removeWorksheet(r.sheet.id);
      if (!r.old) continue;
      r.old.worksheet.name = r.old.name;
      for (const t of r.old.tables) renameModel(t.model, t.name);
    }
    throw e;
  } finally {
    rebuilding.delete(workbook);
  }
  for (const r of rebuilds) if (r.old) workbook.removeWorksheet(r.old.worksheet.id);
  // Formulas are written without cached results: Excel must calculate them when it opens the file.
  if (plan.ops.some((op) => (op.kind === 'createTable' || op.kind === 'generatedSheet') && op.rows.some((r) => r.some(isFormula)))) {
    workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  }
}

const isFormula = (value: CellValue) => typeof value === 'object' && value !== null && !(value instanceof Date) && typeof (value as { formula?: unknown }).formula === 'string';

function applyOp(workbook: Workbook, op: PlanOp): void {
  switch (op.kind) {
    case 'ensureSheet':
      if (findWorksheet(workbook, op.sheet)) return;
      // ExcelJS would silently truncate a longer name (and the next ensureSheet would not find it).
      assertSheetName(op.sheet);
      workbook.addWorksheet(op.sheet);
      return;
    case 'createTable':
      return createTable(workbook, op);
    case 'tableFromRange':
      return tableFromRange(workbook, op);
    case 'addColumns':
      return addColumns(workbook, op);
    case 'layoutColumns':
      return layoutColumns(workbook, op);
    case 'freeze':
      return freeze(sheetOf(workbook, op.sheet), op.rows, op.columns);
    case 'label':
      return label(sheetOf(workbook, op.sheet), op);
    case 'setValues': {
      const worksheet = sheetOf(workbook, op.sheet);
      setValues(worksheet, op);
      return renameHeaderColumns(worksheet, op.cells);
    }
    case 'maskText':
      return maskText(workbook, op.target);
    case 'appendRows':
      return appendRows(workbook, op);
    case 'generatedSheet':
      return generatedSheet(workbook, op);
    case 'select':
      return select(workbook, sheetOf(workbook, op.sheet), op.address);
    case 'highlight':
      return highlight(workbook, op);
    case 'chart':
      // ExcelJS cannot hold charts: recorded here, written into the file by xlsxBytes (charts.ts).
      return recordChart(workbook, sheetOf(workbook, op.sheet), op.chart);
    case 'renameTable': {
      if (allTables(workbook).some((t) => t.model.name.toLowerCase() === op.to.toLowerCase())) throw new Error(`Table "${op.to}" exists already`);
      assertTableName(op.to);
      const found = allTables(workbook).find((t) => t.model.name.toLowerCase() === op.table.toLowerCase());
      if (found) renameModel(found.model, op.to);
      return;
    }
    case 'renameSheet': {
      if (findWorksheet(workbook, op.to)) throw new Error(`Sheet "${op.to}" exists already`);
      sheetOf(workbook, op.sheet).name = op.to;
      return;
    }
    case 'pageSetup':
      return pageSetup(sheetOf(workbook, op.sheet), op.setup);
    case 'moveSheet':
      return moveSheet(workbook, sheetOf(workbook, op.sheet), op.position);
    default: {
      const unknown: never = op;
      throw new Error(`Unknown plan operation ${JSON.stringify(unknown)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Lookup

export function findWorksheet(workbook: Workbook, name: string): Worksheet | undefined {
  const lower = name.toLowerCase();
  return workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
}

function sheetOf(workbook: Workbook, name: string): Worksheet {
  const ws = findWorksheet(workbook, name);
  if (!ws) throw new Error(`Sheet "${name}" does not exist`);
  return ws;
}

/** A table by name (case-insensitive): on the given sheet first, else anywhere (names are workbook-wide). */
function findTable(workbook: Workbook, sheet: string, table: string): { worksheet: Worksheet; model: TableModel } | undefined {
  const lower = table.toLowerCase();
  const all = allTables(workbook).filter((t) => t.model.name.toLowerCase() === lower);
  return all.find((t) => t.worksheet.name.toLowerCase() === sheet.toLowerCase()) ?? all[0];
}

function tableOf(workbook: Workbook, sheet: string, table: string): { worksheet: Worksheet; model: TableModel } {
  const t = findTable(workbook, sheet, table);
  if (!t) throw new Error(`Table "${table}" does not exist (sheet "${sheet}")`);
  return t;
}

/** Geometry of a table on its sheet. */
const geometry = (model: TableModel): TableGeometry => tableGeometry(tableRect(model), model.headerRow !== false, !!model.totalsRow);

/** Refuse to write into `range` when it holds values, merges or (part of) another table. */
function assertFree(worksheet: Worksheet, range: Rect, what: string, ignoreTable?: TableModel): void {
  assertNoMergeOrTable(worksheet, range, what, true, ignoreTable);
  for (let row = range.top; row <= range.bottom; row++) {
    const sheetRow = worksheet.findRow(row);
    if (!sheetRow) continue;
    for (let column = range.left; column <= range.right; column++) {
      if (isOccupied(sheetRow.findCell(column))) throw conflict.cells(worksheet.name, cellAddress(row, column), what);
    }
  }
}

/** Merged cells and other tables in `range`; `where` names the table's range in the message. */
function assertNoMergeOrTable(worksheet: Worksheet, range: Rect, what: string, where: boolean, ignoreTable?: TableModel): void {
  for (const m of mergedRanges(worksheet)) {
    if (intersects(parseRange(m), range)) throw conflict.merged(worksheet.name, m, what);
  }
  for (const t of tableModels(worksheet)) {
    if (t !== ignoreTable && intersects(tableRect(t), range)) throw conflict.table(worksheet.name, t.name, formatRange(tableRect(t)), what, where);
  }
}


// ---------------------------------------------------------------------------------------------
// Tables

function tableStyle() {
  return { theme: TABLE_STYLE, showRowStripes: true, showColumnStripes: false, showFirstColumn: false, showLastColumn: false } as const;
}

function createTable(workbook: Workbook, op: Extract<PlanOp, { kind: 'createTable' }>): void {
  const existing = findTable(workbook, op.sheet, op.table);
  if (existing) {
    // A generated sheet being rebuilt has only its own tables: one of that name elsewhere is the user's.
    const target = findWorksheet(workbook, op.sheet);
    if (existing.worksheet !== target && rebuilding.get(workbook)?.some((r) => r.sheet === target)) {
      throw new NotGeneratedError('table', existing.model.name, existing.worksheet.name);
    }
    return;
  }
  const worksheet = sheetOf(workbook, op.sheet);
  assertTableName(op.table);
  assertColumnNames(op.header, op.table);
  const width = op.header.length;
  const rows = newTableRows(width, op.rows);
  const { row, column } = op.topLeft;
  assertFree(worksheet, { top: row, left: column, bottom: row + rows.length, right: column + width - 1 }, conflictWhat.createTable(op.table));
  worksheet.addTable({
    name: op.table,
    displayName: op.table,
    ref: cellAddress(row, column),
    headerRow: true,
    totalsRow: false,
    style: tableStyle(),
    columns: op.header.map((name) => ({ name, filterButton: true })),
    // Values as given: Dates are expected at UTC midnight (ExcelJS writes the UTC serial).
    rows,
  });
}

/** Make a table over a plain range whose first row is the header; cell values stay as they are. */
function tableFromRange(workbook: Workbook, op: Extract<PlanOp, { kind: 'tableFromRange' }>): void {
  if (findTable(workbook, op.sheet, op.table)) return;
  const worksheet = sheetOf(workbook, op.sheet);
  assertTableName(op.table);
  const range = parseRange(op.ref);
  const what = conflictWhat.tableFromRange(op.table, op.sheet, op.ref);
  assertNoMergeOrTable(worksheet, range, what, false);
  // Header cells become the column names (Excel: text, unique, never empty).
  const names = headerColumnNames(Array.from({ length: range.right - range.left + 1 }, (_, i) => headerText(valueAt(worksheet, range.top, range.left + i))));
  if (range.bottom === range.top) {
    // Only a header: the table needs one (empty) data row below it.
    assertFree(worksheet, { ...range, top: range.top + 1, bottom: range.top + 1 }, what);
    range.bottom = range.top + 1;
  }
  // addTable writes its header and rows into the cells. Give it no rows and widen the definition
  // afterwards, so the data cells (formulas, rich text, hyperlinks, styles) are not rewritten.
  const added = worksheet.addTable({
    name: op.table,
    displayName: op.table,
    ref: cellAddress(range.top, range.left),
    headerRow: true,
    totalsRow: false,
    style: tableStyle(),
    columns: names.map((name) => ({ name, filterButton: true })),
    rows: [],
  });
  const model = (added as unknown as { table: TableModel }).table;
  model.tableRef = formatRange(range);
  model.autoFilterRef = formatRange(range);
}

/**
 * Append columns at the right of an existing table by extending its definition in place: the
 * model's column list and refs grow, the new header cells get their names, and no existing cell
 * is rewritten. (ExcelJS's `table.addColumn` + `commit()` cannot be used on a loaded table: it
 * needs the `rows` copy that only `addTable` creates, and `commit()` rewrites every cell.)
 */
function addColumns(workbook: Workbook, op: Extract<PlanOp, { kind: 'addColumns' }>): void {
  const { worksheet, model } = tableOf(workbook, op.sheet, op.table);
  const headers = missingHeaders(model.columns.map((c) => c.name), op.headers);
  if (!headers.length) return;
  assertColumnNames(headers, model.name);
  const g = geometry(model);
  const right = g.rect.right;
  const extra: Rect = { top: g.rect.top, bottom: g.rect.bottom, left: right + 1, right: right + headers.length };
  assertFree(worksheet, extra, conflictWhat.addColumns(model.name), model);

  const filterButton = model.columns[model.columns.length - 1]?.filterButton ?? true;
  for (const name of headers) {
    model.columns.push({ name, filterButton, totalsRowFunction: 'none' });
    model.rows?.forEach((r) => r.push(null));
  }
  model.tableRef = formatRange({ ...g.rect, right: extra.right });
  if (model.autoFilterRef) model.autoFilterRef = formatRange({ ...parseRange(model.autoFilterRef), right: extra.right });

  if (g.hasHeader) {
    const last = worksheet.getCell(g.headerRow, right);
    const { numFmt: _numFmt, ...headerStyle } = last.style ?? {};
    headers.forEach((name, i) => {
      const cell = worksheet.getCell(g.headerRow, right + 1 + i);
      cell.value = name;
      // Look like the neighbouring header (font, fill, border); deep copy, styles are shared objects.
      cell.style = clone(headerStyle);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Column layout

function layoutColumns(workbook: Workbook, op: Extract<PlanOp, { kind: 'layoutColumns' }>): void {
  const { worksheet, model } = tableOf(workbook, op.sheet, op.table);
  const g = geometry(model);
  const others = allTables(workbook)
    .filter((t) => t.worksheet === worksheet && t.model !== model)
    .map((t) => tableRect(t.model));
  const merges = mergedRanges(worksheet).map(parseRange);
  for (const layout of op.columns) {
    const index = columnIndex(model.columns.map((c) => c.name), layout.header);
    // A column the user removed or renamed: its layout is skipped, the plan goes on.
    if (index < 0) continue;
    layoutColumn(worksheet, model, g, g.rect.left + index, layout, [...others, ...merges]);
  }
}

function layoutColumn(worksheet: Worksheet, model: TableModel, g: TableGeometry, column: number, layout: ColumnLayout, blocked: Rect[]): void {
  if (layout.numberFormat !== undefined) {
    const format = layout.numberFormat;
    // The rows up to the last one holding a value in this column, and FORMAT_ROWS_BELOW empty ones
    // after it: a table reaching row 1 048 576 costs what it holds, not a million new cells (and
    // applying the plan again formats the same rows: formatted empty cells do not count).
    const end = Math.min(g.lastDataRow, Math.max(lastOccupiedRow(worksheet, column, g.firstDataRow, g.lastDataRow), g.firstDataRow - 1) + FORMAT_ROWS_BELOW);
    for (let row = g.firstDataRow; row <= end; row++) setNumberFormat(worksheet.getCell(row, column), format);
    // Empty cells below, so rows typed (or pasted) later get the format too; stop at anything else.
    for (let row = g.rect.bottom + 1; end === g.lastDataRow && row <= g.lastDataRow + FORMAT_ROWS_BELOW; row++) {
      const here: Rect = { top: row, bottom: row, left: column, right: column };
      if (blocked.some((b) => intersects(b, here)) || isOccupied(worksheet.findCell(row, column))) break;
      setNumberFormat(worksheet.getCell(row, column), format);
    }
  }
  if (layout.width !== undefined) worksheet.getColumn(column).width = layout.width;
  if (layout.note !== undefined && g.hasHeader) {
    const cell = worksheet.getCell(g.headerRow, column);
    if (noteText(cell) !== layout.note) cell.note = layout.note;
  }
  const source = listSource(model.name, layout);
  if (source) {
    const range = dropDownRange(g, column);
    const alert = dropDownAlert(layout);
    const validation: DataValidation = {
      type: 'list',
      allowBlank: true,
      // In the file a literal list is a string constant: quoted, quotes doubled.
      formulae: [source.formula ?? `"${source.list.replace(/"/g, '""')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: alert.errorTitle,
      error: alert.error,
    };
    setValidation(worksheet, range, validation);
  }
}

/** The last row in top..bottom whose cell in `column` is occupied (isOccupied), or top - 1; walks the rows that exist. */
function lastOccupiedRow(worksheet: Worksheet, column: number, top: number, bottom: number): number {
  let last = top - 1;
  for (const row of existingRows(worksheet)) {
    if (row.number > bottom) break;
    if (row.number >= top && isOccupied(row.findCell(column))) last = row.number;
  }
  return last;
}

function setNumberFormat(cell: Cell, format: string): void {
  if (cell.numFmt === format) return;
  cell.style = { ...cell.style, numFmt: format };
}

/** Plain text of a cell's note (ExcelJS gives a string, or { texts: [{ text }] } after loading). */
function noteText(cell: Cell): string | undefined {
  const note = cell.note as unknown;
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : undefined;
}

/** Rows at the bottom of a table: the empty row a new table starts with is used first. */
function appendRows(workbook: Workbook, op: Extract<PlanOp, { kind: 'appendRows' }>): void {
  if (!op.rows.length) return;
  const { worksheet, model } = tableOf(workbook, op.sheet, op.table);
  const g = geometry(model);
  const width = g.rect.right - g.rect.left + 1;
  const lastEmpty = g.lastDataRow >= g.firstDataRow && Array.from({ length: width }, (_, i) => worksheet.findCell(g.lastDataRow, g.rect.left + i)).every((c) => !isOccupied(c));
  const first = lastEmpty ? g.lastDataRow : g.lastDataRow + 1;
  const bottom = first + op.rows.length - 1;
  if (bottom > g.lastDataRow) {
    assertFree(worksheet, { top: g.lastDataRow + 1, bottom, left: g.rect.left, right: g.rect.right }, conflictWhat.appendRows(model.name), model);
  }
  op.rows.forEach((row, r) => {
    for (let i = 0; i < width; i++) worksheet.getCell(first + r, g.rect.left + i).value = (row[i] ?? null) as ExcelJSValue;
  });
  if (bottom > g.rect.bottom) {
    model.tableRef = formatRange({ ...g.rect, bottom });
    if (model.autoFilterRef) model.autoFilterRef = formatRange({ ...parseRange(model.autoFilterRef), bottom });
  }
}

/**
 * A value written into a table's header cell renames the column: the table part's column name must
 * be the header cell's text (Excel repairs the file otherwise).
 */
function renameHeaderColumns(worksheet: Worksheet, cells: { address: string; value: CellValue }[]): void {
  for (const model of tableModels(worksheet)) {
    const g = geometry(model);
    if (!g.hasHeader) continue;
    for (const { address, value } of cells) {
      const r = parseRange(address);
      if (r.top !== g.headerRow || r.left < g.rect.left || r.left > g.rect.right) continue;
      const column = model.columns[r.left - g.rect.left];
      if (column) column.name = headerText(value);
    }
  }
}

function renameModel(model: TableModel, name: string): void {
  model.name = name;
  (model as { displayName?: string }).displayName = name;
}

/**
 * A sheet the add-in owns, written again: title in A1 and one table at A3. The sheet of that name
 * is replaced only when it carries the add-in's marker; it stays (renamed aside) until the whole
 * plan is applied.
 */
function generatedSheet(workbook: Workbook, op: Extract<PlanOp, { kind: 'generatedSheet' }>): void {
  assertSheetName(op.sheet);
  const rebuilds = rebuilding.get(workbook) ?? [];
  const existing = findWorksheet(workbook, op.sheet);
  if (existing && rebuilds.some((r) => r.sheet === existing)) throw new Error(`Sheet "${op.sheet}" is rebuilt twice by one plan`);
  const tables = existing ? tableModels(existing) : [];
  if (existing && !tables.some((t) => t.name.toLowerCase() === controlTableName(op.sheet).toLowerCase())) {
    throw new NotGeneratedError('sheet', existing.name, existing.name);
  }
  const elsewhere = allTables(workbook).find((t) => t.model.name.toLowerCase() === op.table.toLowerCase() && t.worksheet !== existing);
  if (elsewhere) throw new NotGeneratedError('table', elsewhere.model.name, elsewhere.worksheet.name);
  let old: Rebuild['old'];
  if (existing) {
    old = { worksheet: existing, name: existing.name, tables: tables.map((model) => ({ model, name: model.name })) };
    let n = 1;
    const free = (name: string) => !findWorksheet(workbook, name) && !allTables(workbook).some((t) => t.model.name.toLowerCase() === name.toLowerCase());
    while (!free(`Indsatsmonitor_${n}`)) n++;
    existing.name = `Indsatsmonitor_${n}`;
    tables.forEach((model, i) => {
      let m = i + 1;
      while (!free(`Indsatsmonitor_${n}_${m}`)) m += tables.length;
      renameModel(model, `Indsatsmonitor_${n}_${m}`);
    });
  }
  applyOp(workbook, { kind: 'ensureSheet', sheet: op.sheet });
  rebuilds.push({ sheet: sheetOf(workbook, op.sheet), ...(old ? { old } : {}) });
  for (const content of generatedSheetContent(op)) applyOp(workbook, content);
  // Reports are printed for the byråd/udvalg: landscape, the full width on one page.
  const worksheet = sheetOf(workbook, op.sheet);
  worksheet.pageSetup = { ...worksheet.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** ExcelJS's paper size code for A4 (the OOXML paperSize enumeration). */
const PAPER_A4 = 9;

/**
 * The sheet's print set-up, replaced as a whole (so applying it twice gives the same): A4, fit to
 * one page wide and as many tall as needed (fitToHeight 0 = automatic), print area and title rows
 * (defined names _xlnm.Print_Area / _xlnm.Print_Titles), manual row breaks, the footer.
 */
function pageSetup(worksheet: Worksheet, setup: PageSetup): void {
  const area = parseRange(setup.printArea); // throws for a non-A1 range
  const { printTitlesRow: _titles, printArea: _area, ...kept } = worksheet.pageSetup ?? {};
  worksheet.pageSetup = {
    ...kept,
    paperSize: PAPER_A4,
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    // ExcelJS writes "'Sheet'!$" + the text before and after the colon: the rows made absolute
    // here, or LibreOffice reads "$A1:$K200" as relative and prints the whole sheet.
    printArea: `${columnLetters(area.left)}$${area.top}:${columnLetters(area.right)}$${area.bottom}`,
    ...(setup.titleRows ? { printTitlesRow: `${setup.titleRows.first}:${setup.titleRows.last}` } : {}),
  } as Worksheet['pageSetup'];
  // A break in the file sits after row `id`: the page that starts at row r has its break at r - 1.
  const breaks = [...new Set(setup.breaksBefore.filter((r) => Number.isInteger(r) && r > 1))].sort((a, b) => a - b);
  (worksheet as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks = breaks.map((r) => ({ id: r - 1, max: 16383, man: 1 }));
  const section = (code: string, text?: string) => (text ? `&${code}${text}` : '');
  const footer = section('L', setup.footer.left) + section('C', setup.footer.center) + section('R', setup.footer.right);
  worksheet.headerFooter = { ...worksheet.headerFooter, oddFooter: footer };
}

/** The sheet to `position` in the sheet order; the others keep theirs. The active tab follows its sheet. */
function moveSheet(workbook: Workbook, worksheet: Worksheet, position: number): void {
  const sheets = workbook.worksheets;
  const active = sheets[workbook.views?.[0]?.activeTab ?? 0];
  const order = sheets.filter((w) => w !== worksheet);
  order.splice(Math.max(0, Math.min(position, order.length)), 0, worksheet);
  // ExcelJS orders workbook.worksheets (and the file's <sheets>) by this untyped field.
  order.forEach((w, i) => {
    (w as unknown as { orderNo: number }).orderNo = i + 1;
  });
  if (active && workbook.views?.[0]) workbook.views = [{ ...workbook.views[0], activeTab: order.indexOf(active) }];
}

/** Conditional formats by cell text over a table column; re-applying replaces the rules on that range. */
function highlight(workbook: Workbook, op: Extract<PlanOp, { kind: 'highlight' }>): void {
  const { worksheet, model } = tableOf(workbook, op.sheet, op.table);
  const index = columnIndex(model.columns.map((c) => c.name), op.column);
  if (index < 0) return;
  const g = geometry(model);
  const rule = highlightRule(g, g.rect.left + index);
  const ref = formatRange(rule.range);
  const sheet = worksheet as unknown as { conditionalFormattings?: { ref: string }[] };
  sheet.conditionalFormattings = (sheet.conditionalFormattings ?? []).filter((cf) => cf.ref !== ref);
  worksheet.addConditionalFormatting({
    ref,
    rules: op.rules.map(({ text, tone }, i) => ({
      type: 'expression',
      priority: i + 1,
      formulae: [rule.formula(text)],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${HIGHLIGHT_TONES[tone].fill}` } },
        font: { color: { argb: `FF${HIGHLIGHT_TONES[tone].font}` } },
      },
    })),
  });
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
