/**
 * The in-memory workbook behind the Excel stand-in: sheets with cells (value, formula, number
 * format, font), tables, data validations, conditional formats, notes, merged areas, frozen panes,
 * selection. Plain TypeScript without Node APIs, so it also runs in a browser bundle.
 */
import { cellAddress, formatRect, intersects, MAX_COLUMNS, MAX_ROWS, parseRect, quoteSheet, subtract, type Rect } from '../../src/excel/address';

export type Scalar = string | number | boolean;

export interface Cell {
  v?: Scalar;
  /** The value is an error literal such as "#N/A". */
  error?: boolean;
  /** Formula text with "=". */
  f?: string;
  nf?: string;
  /** Typed with a leading apostrophe (text kept as typed). */
  qp?: boolean;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
}

/** An Office.js-style error: what a rejected sync throws. */
export class StandinError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };

  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export const officeError = (code: string, message: string) => new StandinError(code, message);

export interface ValidationModel {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatModel {
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
}

export interface ChartModel {
  name: string;
  type: string;
  title?: string;
  /** Cell area the chart covers, e.g. "H4:P20". */
  position?: string;
  series: { name: string; values: string; categories?: string }[];
  /** Number format of the value axis, e.g. "0%". */
  valueFormat?: string;
  /** The category axis type (TextAxis, DateAxis), and their number format. */
  categoryType?: string;
  categoryFormat?: string;
  dataLabels?: { showValue?: boolean; numberFormat?: string };
}

/** How a sheet prints (worksheet.pageLayout, horizontalPageBreaks). */
export interface PrintModel {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  titleRows?: string;
  footer: { left?: string; center?: string; right?: string };
  /** Rows (1-based) a new page starts at, in the order added. */
  breaks: number[];
}

export interface NoteModel {
  sheet: SheetModel;
  address: string;
  content: string;
  author: string;
}

/** A threaded comment (Excel.Comment) and its replies. */
export interface CommentModel {
  sheet: SheetModel;
  address: string;
  content: string;
  replies: { content: string }[];
}

/** A workbook-scoped defined name. */
export interface NameModel {
  name: string;
  /** Starts with "=". */
  formula: string;
}

/** Document properties (Excel.DocumentProperties) the stand-in models. */
export type DocumentPropertyName = 'author' | 'lastAuthor' | 'title' | 'subject' | 'keywords' | 'comments' | 'category' | 'company' | 'manager';

let nextId = 1;
const newId = (prefix: string) => `{${prefix}-${String(nextId++).padStart(8, '0')}}`;

const ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What Excel stores when a string is written through `Range.values` (as if typed): a leading
 * apostrophe keeps text, "=" makes a formula, numbers, percentages, ISO dates, TRUE/FALSE and
 * error literals are converted.
 */
export function typedInput(input: string): Cell {
  if (input === '') return {};
  if (input.startsWith("'")) return { v: input.slice(1), qp: true };
  if (input.startsWith('=')) return { f: input };
  const t = input.trim();
  if (NUMBER.test(t)) return { v: Number(t) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { v: Number(t.slice(0, -1)) / 100, nf: '0%' };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return { v: (Date.UTC(+iso[1], +iso[2] - 1, +iso[3]) - Date.UTC(1899, 11, 30)) / 86_400_000, nf: 'yyyy-mm-dd' };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  if (ERRORS.has(t.toUpperCase())) return { v: t.toUpperCase(), error: true };
  if (input.startsWith('+') || input.startsWith('-')) return { f: `=${input}` };
  return { v: input };
}

export class SheetModel {
  readonly id = newId('sheet');
  name: string;
  /** row → cells by column (sparse). */
  readonly rows = new Map<number, (Cell | undefined)[]>();
  readonly widths = new Map<number, number>();
  validations: ValidationModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  frozen = { rows: 0, columns: 0 };
  merged: Rect[] = [];
  print: PrintModel = { footer: {}, breaks: [] };

  constructor(name: string) {
    this.name = name;
  }

  cell(row: number, column: number): Cell | undefined {
    return this.rows.get(row)?.[column];
  }

  ensure(row: number, column: number): Cell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = []));
    return (r[column] ??= {});
  }

  /** Value as Office.js `values` gives it: "" for an empty cell, the error text for an error. */
  valueOf(row: number, column: number): Scalar {
    const c = this.cell(row, column);
    return c?.v ?? (c?.f ? 0 : '');
  }

  formulaOf(row: number, column: number): Scalar {
    const c = this.cell(row, column);
    return c?.f ?? c?.v ?? '';
  }

  formatOf(row: number, column: number): string {
    return this.cell(row, column)?.nf ?? 'General';
  }

  /** Write one cell through `values`: the value is taken as typed. null leaves the cell unchanged. */
  writeValue(row: number, column: number, value: unknown): void {
    if (value === null || value === undefined) return;
    const cell = this.ensure(row, column);
    delete cell.v;
    delete cell.f;
    delete cell.error;
    delete cell.qp;
    if (typeof value === 'number' || typeof value === 'boolean') {
      cell.v = value;
      return;
    }
    if (typeof value !== 'string') throw officeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${JSON.stringify(value)}`);
    const typed = typedInput(value);
    Object.assign(cell, { ...typed, nf: typed.nf && (cell.nf ?? 'General') === 'General' ? typed.nf : cell.nf });
    if (cell.nf === undefined) delete cell.nf;
  }

  isEmpty(row: number, column: number, valuesOnly: boolean): boolean {
    const c = this.cell(row, column);
    if (!c) return true;
    if (c.f || (c.v !== undefined && c.v !== '')) return false;
    return valuesOnly || !(c.nf || c.bold || c.italic || c.size || c.color);
  }

  /** Bounding box of the used cells within `within`; null when there are none. */
  usedRect(valuesOnly: boolean, within: Rect = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS }): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [row, cells] of this.rows) {
      if (row < within.top || row > within.bottom) continue;
      const last = Math.min(cells.length - 1, within.right);
      for (let column = within.left; column <= last; column++) {
        if (this.isEmpty(row, column, valuesOnly)) continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, column);
        right = Math.max(right, column);
      }
    }
    return bottom ? { top, left, bottom, right } : null;
  }

  /** Cells holding a formula, as column runs. */
  formulaRects(within: Rect): Rect[] {
    const cells: { row: number; column: number }[] = [];
    for (const [row, rowCells] of this.rows) {
      if (row < within.top || row > within.bottom) continue;
      rowCells.forEach((c, column) => {
        if (c?.f && column >= within.left && column <= within.right) cells.push({ row, column });
      });
    }
    cells.sort((a, b) => a.column - b.column || a.row - b.row);
    const runs: Rect[] = [];
    for (const { row, column } of cells) {
      const last = runs[runs.length - 1];
      if (last && last.left === column && last.bottom === row - 1) last.bottom = row;
      else runs.push({ top: row, bottom: row, left: column, right: column });
    }
    return runs;
  }

  address(r: Rect): string {
    return `${quoteSheet(this.name)}!${formatRect(r)}`;
  }

  /** Put `v` on `rect`, replacing any rule that covered part of it. */
  setValidation(rect: Rect, v: Omit<ValidationModel, 'rect'>): void {
    this.clearValidation(rect);
    this.validations.push({ rect, ...v });
  }

  clearValidation(rect: Rect): void {
    this.validations = this.validations.flatMap((x) => (intersects(x.rect, rect) ? subtract(x.rect, rect).map((r) => ({ ...x, rect: r })) : [x]));
  }
}

export class TableModel {
  readonly id = newId('table');
  name: string;
  readonly sheet: SheetModel;
  rect: Rect;
  showHeaders = true;
  showTotals = false;
  style = 'TableStyleMedium2';
  showBandedRows = true;
  showFilterButton = true;
  /** Column names of a table without header row. */
  names: string[] = [];

  constructor(name: string, sheet: SheetModel, rect: Rect) {
    this.name = name;
    this.sheet = sheet;
    this.rect = rect;
  }

  columns(): string[] {
    if (!this.showHeaders) return this.names;
    const out: string[] = [];
    for (let c = this.rect.left; c <= this.rect.right; c++) out.push(String(this.sheet.valueOf(this.rect.top, c)));
    return out;
  }

  headerRect(): Rect {
    return { ...this.rect, bottom: this.rect.top };
  }

  bodyRect(): Rect {
    return { ...this.rect, top: this.rect.top + (this.showHeaders ? 1 : 0), bottom: this.rect.bottom - (this.showTotals ? 1 : 0) };
  }
}

/** Excel's rule for table names (the stand-in refuses what Excel would refuse). */
const validTableName = (name: string) =>
  /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) && name.length <= 255 && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(r|c|r\d*c\d*|r\d+|c\d+)$/i.test(name);

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  notes: NoteModel[] = [];
  comments: CommentModel[] = [];
  names: NameModel[] = [];
  properties: Partial<Record<DocumentPropertyName, string>> = {};
  custom: { key: string; value: string }[] = [];
  activeSheetId?: string;
  selection?: { sheetId: string; rect: Rect };
  private tableCount = 0;

  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  findTable(nameOrId: string): TableModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((t) => t.id === nameOrId || t.name.toLowerCase() === lower);
  }

  addSheet(name?: string): SheetModel {
    let n = this.sheets.length + 1;
    const wanted = name ?? `Sheet${n}`;
    if (!name) while (this.findSheet(`Sheet${n}`)) n++;
    const finalName = name ?? `Sheet${n}`;
    assertSheetName(finalName);
    if (this.findSheet(finalName)) throw officeError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${wanted}`);
    const sheet = new SheetModel(finalName);
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    assertSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet) throw officeError('ItemAlreadyExists', `A sheet named "${name}" already exists`);
    sheet.name = name;
  }

  /** Office.js's `worksheet.position = n`: the sheet to index n, the others keep their order. */
  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw officeError('InvalidArgument', `The position ${position} is out of range`);
    const others = this.sheets.filter((s) => s !== sheet);
    others.splice(position, 0, sheet);
    this.sheets = others;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.notes = this.notes.filter((n) => n.sheet !== sheet);
    this.comments = this.comments.filter((n) => n.sheet !== sheet);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
  }

  /** `sheet.tables.add(address, hasHeaders)`: over existing values; blank or repeated header cells get names. */
  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect)) throw officeError('InvalidOperation', `A table can't overlap another table (${t.name})`);
    }
    if (sheet.merged.some((m) => intersects(m, rect))) throw officeError('InvalidOperation', "A table can't contain merged cells");
    if (!hasHeaders) throw officeError('NotImplemented', 'The stand-in only makes tables with a header row');
    if (rect.bottom === rect.top) rect = { ...rect, bottom: rect.top + 1 };
    const seen = new Set<string>();
    for (let c = rect.left; c <= rect.right; c++) {
      let name = String(sheet.valueOf(rect.top, c)).trim() || `Column${c - rect.left + 1}`;
      const base = name;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
      seen.add(name.toLowerCase());
      if (sheet.valueOf(rect.top, c) !== name) {
        const cell = sheet.ensure(rect.top, c);
        cell.v = name;
        delete cell.f;
      }
    }
    let name: string;
    do name = `Table${++this.tableCount}`;
    while (this.findTable(name));
    const table = new TableModel(name, sheet, rect);
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    if (!validTableName(name)) throw officeError('InvalidArgument', `"${name}" is not a valid table name`);
    const other = this.findTable(name);
    if (other && other !== table) throw officeError('InvalidArgument', `A table named "${name}" already exists`);
    table.name = name;
  }

  /**
   * `table.rows.add(null, values, alwaysInsert)` at the end: with alwaysInsert (the default) the
   * cells below in the table's columns move down; without, the table grows over the rows below.
   */
  addTableRows(table: TableModel, values: unknown[][], alwaysInsert = true): void {
    const width = table.rect.right - table.rect.left + 1;
    if (values.some((r) => r.length !== width)) throw officeError('InvalidArgument', 'The number of columns of the values does not match the table');
    const insertAt = table.bodyRect().bottom + 1;
    const n = values.length;
    const { sheet } = table;
    // Shift the cells below (in the table's columns) down by n rows.
    const rows = alwaysInsert ? [...sheet.rows.keys()].filter((r) => r >= insertAt).sort((a, b) => b - a) : [];
    for (const row of rows) {
      const cells = sheet.rows.get(row)!;
      for (let c = table.rect.left; c <= table.rect.right; c++) {
        if (cells[c] === undefined) continue;
        const target = sheet.ensure(row + n, c);
        Object.assign(target, cells[c]);
        cells[c] = undefined;
      }
    }
    if (alwaysInsert) for (const t of this.tables) if (t !== table && t.sheet === sheet && t.rect.top >= insertAt && t.rect.left <= table.rect.right && t.rect.right >= table.rect.left) t.rect = { ...t.rect, top: t.rect.top + n, bottom: t.rect.bottom + n };
    // New rows take the formats of the last data row; values are typed in.
    const template = table.bodyRect().bottom;
    values.forEach((row, r) =>
      row.forEach((v, i) => {
        const column = table.rect.left + i;
        const nf = sheet.cell(template, column)?.nf;
        if (nf) sheet.ensure(insertAt + r, column).nf = nf;
        sheet.writeValue(insertAt + r, column, v);
      }),
    );
    table.rect = { ...table.rect, bottom: table.rect.bottom + n };
    // Drop-downs covering the column's last data row grow with the table.
    sheet.validations = sheet.validations.map((v) =>
      v.rect.top <= template && v.rect.bottom >= template && v.rect.bottom < insertAt + n - 1 && v.rect.left >= table.rect.left && v.rect.right <= table.rect.right
        ? { ...v, rect: { ...v.rect, bottom: insertAt + n - 1 } }
        : v,
    );
  }

  addTableColumn(table: TableModel, name: string | undefined): void {
    const column = table.rect.right + 1;
    const header = name ?? `Column${column - table.rect.left + 1}`;
    if (table.columns().some((c) => c.toLowerCase() === header.toLowerCase())) throw officeError('InvalidArgument', `The table already has a column named "${header}"`);
    for (const t of this.tables) {
      if (t !== table && t.sheet === table.sheet && intersects(t.rect, { ...table.rect, left: column, right: column })) throw officeError('InvalidOperation', 'Tables would overlap');
    }
    table.rect = { ...table.rect, right: column };
    if (table.showHeaders) {
      const cell = table.sheet.ensure(table.rect.top, column);
      cell.v = header;
      delete cell.f;
    } else table.names.push(header);
  }

  addNote(sheet: SheetModel, rect: Rect, content: string): NoteModel {
    if (rect.top !== rect.bottom || rect.left !== rect.right) throw officeError('InvalidArgument', 'A note needs a single cell');
    const address = cellAddress(rect.top, rect.left);
    if (this.notes.some((n) => n.sheet === sheet && n.address === address)) throw officeError('InvalidArgument', `The cell ${address} already has a note`);
    const note: NoteModel = { sheet, address, content, author: 'Stand-in' };
    this.notes.push(note);
    return note;
  }

  /** Notes in sheet order. */
  orderedNotes(): NoteModel[] {
    return this.sheets.flatMap((s) => this.notes.filter((n) => n.sheet === s));
  }
}

export function assertSheetName(name: string): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw officeError('InvalidArgument', `"${name}" is not a valid sheet name`);
  }
}

export { parseRect, formatRect };
