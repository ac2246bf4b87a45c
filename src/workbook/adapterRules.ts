/**
 * Rules both adapters follow when they write a Plan (src/excel through Office.js, src/xlsx through
 * ExcelJS): what a table looks like, where drop-downs reach and what their source is, how header
 * cells become column names, how a conflict is worded. The adapters only translate these into
 * their API; a rule changed here changes in both, so their workbooks stay alike (test/excel/parity).
 */
import type { CellValue } from '../domain/parse/cell';
import { maskCpr, maskCprValue } from '../domain/parse/cpr';
import { cellAddress, type Rect } from '../domain/model/address';
import { workbookDa } from '../i18n/da';
import { PlanConflictError } from './adapterContract';
import type { ColumnLayout, DropDownAlert, Plan, PlanOp } from './plan';

export const TABLE_STYLE = 'TableStyleMedium2';

/** Drop-downs reach at least this many rows below the header, so rows typed later get them too. */
export const VALIDATION_MIN_ROWS = 1000;

/** Texts of the drop-down warning when the plan names none (Danish, the workbook's default language). */
export const VALIDATION_TEXTS: DropDownAlert = workbookDa.dropDownAlert;

/** The warning a column's drop-down shows for a value not in its list: the plan's, else Danish. */
export const dropDownAlert = (layout: ColumnLayout): DropDownAlert => layout.listAlert ?? VALIDATION_TEXTS;

/**
 * Longest literal list Excel keeps in a drop-down: 255 characters of list text, the values joined
 * by commas. It is what the Source box in Excel's dialog takes, what Office.js `list.source` takes,
 * and the string constant of the file's <formula1>, written there between quotes. The quotes are
 * syntax and an escaped quote ("") is one character of the constant, so neither counts: the limit
 * is on the joined values. (The .xlsx adapter used to measure the quoted, escaped formula against
 * 257, which is the same for lists without quotes but refused lists with quotes too early.)
 */
export const MAX_LIST_CHARS = 255;

/**
 * A drop-down's source:
 * - `formula`: `INDIRECT("Table[Column]")` (without "="), so the drop-down follows the source table
 *   as it grows (a plain structured reference is not allowed in a validation formula);
 * - `list`: the literal values joined by commas, unquoted.
 */
export type ListSource = { formula: string; list?: undefined } | { list: string; formula?: undefined };

export function listSource(table: string, layout: ColumnLayout): ListSource | undefined {
  if (layout.list) {
    const ref = `${layout.list.table}[${escapeColumnName(layout.list.column)}]`;
    return { formula: `INDIRECT("${ref.replace(/"/g, '""')}")` };
  }
  if (layout.listValues?.length) {
    const bad = layout.listValues.find((v) => v.includes(','));
    if (bad !== undefined) throw new Error(`Table "${table}", column "${layout.header}": a list value cannot contain a comma ("${bad}")`);
    const list = layout.listValues.join(',');
    if (list.length > MAX_LIST_CHARS) throw new Error(`Table "${table}", column "${layout.header}": the list is longer than Excel allows`);
    return { list };
  }
  return undefined;
}

/** In a structured reference, ' [ ] # are escaped with a leading apostrophe. */
const escapeColumnName = (name: string): string => name.replace(/['[\]#]/g, "'$&");

/** Fill and font colours (RRGGBB) of the highlight tones: Excel's "good / neutral / bad" cell styles. */
export const HIGHLIGHT_TONES = {
  good: { fill: 'C6EFCE', font: '006100' },
  warning: { fill: 'FFEB9C', font: '9C5700' },
  bad: { fill: 'FFC7CE', font: '9C0006' },
} as const;

/** The cells of a column's drop-down: its data rows, and at least VALIDATION_MIN_ROWS below the header. */
export const dropDownRange = (g: TableGeometry, column: number): Rect =>
  ({ top: g.firstDataRow, bottom: Math.max(g.lastDataRow, g.headerRow + VALIDATION_MIN_ROWS), left: column, right: column });

/**
 * Where a column's highlight rules go (its data rows, at least one) and the formula of a rule
 * (without "="), relative to the range's first cell: `B5="Afsluttet"`.
 */
export function highlightRule(g: TableGeometry, column: number): { range: Rect; formula: (text: string) => string } {
  const first = cellAddress(g.firstDataRow, column);
  return {
    range: { top: g.firstDataRow, bottom: Math.max(g.lastDataRow, g.firstDataRow), left: column, right: column },
    formula: (text) => `${first}="${text.replace(/"/g, '""')}"`,
  };
}

/** Fonts of a label's style; colours as RRGGBB. */
export const LABEL_FONTS = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, color: '595959' },
  /** A section's heading inside a report (an initiative's name): bold, a little larger than the text. */
  heading: { bold: true, size: 12 },
} as const satisfies Record<NonNullable<Extract<PlanOp, { kind: 'label' }>['style']>, object>;

// ---------------------------------------------------------------------------------------------
// Tables

/** Where a table's parts sit. */
export interface TableGeometry {
  rect: Rect;
  /** Row of the header cells; for a table without header row, the row above the table. */
  headerRow: number;
  hasHeader: boolean;
  firstDataRow: number;
  lastDataRow: number;
}

export function tableGeometry(rect: Rect, hasHeader: boolean, hasTotals: boolean): TableGeometry {
  const headerRow = hasHeader ? rect.top : rect.top - 1;
  return { rect, hasHeader, headerRow, firstDataRow: headerRow + 1, lastDataRow: rect.bottom - (hasTotals ? 1 : 0) };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Index of a column by header (trimmed, case-insensitive); -1 when the user removed or renamed it. */
export const columnIndex = (columns: string[], header: string): number => columns.findIndex((c) => sameName(c, header));

/** The headers of an addColumns operation that the table lacks, each once. */
export const missingHeaders = (columns: string[], headers: string[]): string[] =>
  headers.filter((h, i) => columnIndex(columns, h) < 0 && headers.findIndex((x) => sameName(x, h)) === i);

/** The rows of a new table, each as wide as the header; an Excel table needs at least one data row. */
export const newTableRows = (width: number, rows: CellValue[][]): CellValue[][] =>
  (rows.length ? rows : [[]]).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));

/** Empty as Excel's used range sees it: no value or the empty text (a space is a value). */
export const isEmptyValue = (v: CellValue): boolean => v === null || v === undefined || v === '';

/** Text of a header cell as a column name: strings as they are, other values as Excel would name the column. */
export function headerText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof (v as { error?: unknown }).error === 'string') return (v as { error: string }).error;
  return '';
}

/** Column names from the header cells' texts, as Excel makes them: never empty, unique. */
export function headerColumnNames(texts: string[]): string[] {
  const names: string[] = [];
  texts.forEach((text, i) => {
    const base = text.trim() || `Kolonne${i + 1}`;
    let name = base;
    for (let n = 2; names.some((x) => x.toLowerCase() === name.toLowerCase()); n++) name = `${base}${n}`;
    names.push(name);
  });
  return names;
}

/** A generated sheet's content below its (new, empty) sheet: title in A1, the table at A3, frozen above it. */
export function generatedSheetContent(op: Extract<PlanOp, { kind: 'generatedSheet' }>): PlanOp[] {
  return [
    { kind: 'label', sheet: op.sheet, row: 1, column: 1, text: op.title, style: 'title' },
    { kind: 'createTable', sheet: op.sheet, table: op.table, topLeft: { row: 3, column: 1 }, header: op.header, rows: op.rows },
    { kind: 'layoutColumns', sheet: op.sheet, table: op.table, columns: op.columns },
    { kind: 'freeze', sheet: op.sheet, rows: 3, columns: 0 },
  ];
}

// ---------------------------------------------------------------------------------------------
// Conflicts: what an operation is and what is in its way, worded alike by both adapters

export const conflictWhat = {
  createTable: (table: string) => `Create table "${table}"`,
  tableFromRange: (table: string, sheet: string, ref: string) => `Make table "${table}" from ${sheet}!${ref}`,
  addColumns: (table: string) => `Add columns to table "${table}"`,
  appendRows: (table: string) => `Add rows to table "${table}"`,
};

export const conflict = {
  merged: (sheet: string, ref: string, what: string) => new PlanConflictError(sheet, ref, `${what}: merged cells ${sheet}!${ref} are in the way`),
  /** `where` adds the table's range to the message. */
  table: (sheet: string, table: string, ref: string, what: string, where = true) =>
    new PlanConflictError(sheet, ref, `${what}: table "${table}"${where ? ` (${sheet}!${ref})` : ''} is in the way`),
  /** `ref` a cell or a range of cells that hold values. */
  cells: (sheet: string, ref: string, what: string) =>
    new PlanConflictError(sheet, ref, `${what}: ${ref.includes(':') ? `cells ${sheet}!${ref} are` : `cell ${sheet}!${ref} is`} not empty`),
};

// ---------------------------------------------------------------------------------------------
// Generated sheets: the marker

/**
 * The add-in's marker on a generated sheet: its control table `<sheet>_Kontrol` (src/workbook/
 * generated.ts writes it with a fingerprint of the sheet's tables). Neither adapter replaces a
 * sheet that lacks it: a sheet named Fejl without it is the user's.
 */
export const controlTableName = (sheet: string): string => `${sheet}_Kontrol`;

// ---------------------------------------------------------------------------------------------
// Cell texts

/** Most characters Excel holds in a cell; a longer text is refused (Office.js) or cut on opening (file). */
export const MAX_CELL_CHARS = 32_767;

/** A text cut to what a cell holds, ending in "…" when cut (never half a surrogate pair). */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let end = MAX_CELL_CHARS - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

const fitValue = (v: CellValue): CellValue => (typeof v === 'string' && v.length > MAX_CELL_CHARS ? fitCellText(v) : v);

function fitRows(rows: CellValue[][]): CellValue[][] {
  let out: CellValue[][] | undefined;
  rows.forEach((r, i) => {
    if (!r.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS)) return;
    out ??= [...rows];
    out[i] = r.map(fitValue);
  });
  return out ?? rows;
}

/**
 * The plan with every cell text cut to MAX_CELL_CHARS: the one place both adapters cut texts
 * (they call it first), and the fingerprint of a generated sheet sees the same texts. Ops without
 * an oversized text are returned as they are (no copy of large tables).
 */
export function fitPlan(plan: Plan): Plan {
  let ops: PlanOp[] | undefined;
  plan.ops.forEach((op, i) => {
    const fitted = fitOp(op);
    if (fitted === op) return;
    ops ??= [...plan.ops];
    ops[i] = fitted;
  });
  return ops ? { ...plan, ops } : plan;
}

function fitOp(op: PlanOp): PlanOp {
  switch (op.kind) {
    case 'createTable':
    case 'appendRows': {
      const rows = fitRows(op.rows);
      return rows === op.rows ? op : { ...op, rows };
    }
    case 'generatedSheet': {
      const rows = fitRows(op.rows);
      const title = fitCellText(op.title);
      return rows === op.rows && title === op.title ? op : { ...op, rows, title };
    }
    case 'label': {
      const text = fitCellText(op.text);
      return text === op.text ? op : { ...op, text };
    }
    case 'setValues':
      return op.cells.some((c) => typeof c.value === 'string' && c.value.length > MAX_CELL_CHARS)
        ? { ...op, cells: op.cells.map((c) => ({ ...c, value: fitValue(c.value) })) }
        : op;
    default:
      return op;
  }
}

function maskRows(rows: CellValue[][]): CellValue[][] {
  let out: CellValue[][] | undefined;
  rows.forEach((r, i) => {
    let row: CellValue[] | undefined;
    r.forEach((v, c) => {
      // A formula built from a name holding a CPR number (a target group in Overblik's COUNTIFS)
      // is masked too: it then counts nothing, and validation reports the name as CPR_NUMBER.
      const formula = v !== null && typeof v === 'object' && !(v instanceof Date) ? (v as { formula?: unknown }).formula : undefined;
      const m = typeof formula === 'string' ? (maskCpr(formula) === formula ? v : { ...(v as object), formula: maskCpr(formula) } as CellValue) : maskCprValue(v);
      if (m === v) return;
      row ??= [...r];
      row[c] = m;
    });
    if (!row) return;
    out ??= [...rows];
    out[i] = row;
  });
  return out ?? rows;
}

const maskTexts = (texts: string[]): string[] => (texts.some((t) => maskCpr(t) !== t) ? texts.map(maskCpr) : texts);

function maskLayouts(columns: ColumnLayout[]): ColumnLayout[] {
  return columns.map((c) => {
    const header = maskCpr(c.header);
    const note = c.note === undefined ? undefined : maskCpr(c.note);
    return header === c.header && note === c.note ? c : { ...c, header, ...(note !== undefined ? { note } : {}) };
  });
}

/**
 * The plan with every CPR number in what the add-in generates masked (maskCpr): generated sheets
 * (title, header, rows, column notes), labels, charts' titles and series names, the header and rows
 * of tables it creates or appends to (Overblik, Fejl, Snapshot, Afstemning, Refusion), new sheet
 * and table names. Never the user's own cells: `setValues` (a suggestion) is left as it is — the
 * domain makes no suggestion holding a CPR number. Both adapters call it first, before fitPlan;
 * masking is idempotent, so a generated sheet's fingerprint (which masks too) matches on reading back.
 */
export function maskPlan(plan: Plan): Plan {
  let ops: PlanOp[] | undefined;
  plan.ops.forEach((op, i) => {
    const masked = maskOp(op);
    if (masked === op) return;
    ops ??= [...plan.ops];
    ops[i] = masked;
  });
  return ops ? { ...plan, ops } : plan;
}

function changed<T extends object>(op: T, next: Partial<T>): T {
  return Object.entries(next).some(([k, v]) => (op as Record<string, unknown>)[k] !== v) ? { ...op, ...next } : op;
}

function maskOp(op: PlanOp): PlanOp {
  switch (op.kind) {
    case 'createTable':
      return changed(op, { header: maskTexts(op.header), rows: maskRows(op.rows) });
    case 'appendRows':
      return changed(op, { rows: maskRows(op.rows) });
    case 'generatedSheet':
      return changed(op, { title: maskCpr(op.title), header: maskTexts(op.header), rows: maskRows(op.rows), columns: maskLayouts(op.columns).some((c, i) => c !== op.columns[i]) ? maskLayouts(op.columns) : op.columns });
    case 'label':
      return changed(op, { text: maskCpr(op.text) });
    case 'chart': {
      const title = maskCpr(op.chart.title);
      const series = op.chart.series.some((s) => maskCpr(s.name) !== s.name) ? op.chart.series.map((s) => ({ ...s, name: maskCpr(s.name) })) : op.chart.series;
      return title === op.chart.title && series === op.chart.series ? op : { ...op, chart: { ...op.chart, title, series } };
    }
    case 'highlight':
      return op.rules.some((r) => maskCpr(r.text) !== r.text) ? { ...op, rules: op.rules.map((r) => ({ ...r, text: maskCpr(r.text) })) } : op;
    default:
      return op;
  }
}

/**
 * A cell's value as both adapters compare it ("does the cell still hold what was validated?"):
 * empty is '', numbers and dates as rounded serials (one adapter reads a date-formatted cell as a
 * Date, the other as its serial), texts exactly, errors by their text.
 */
export function cellKey(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return `n:${Math.round((value.getTime() / 86_400_000 + 25_569) * 1e6) / 1e6}`;
  if (typeof value === 'number') return `n:${Math.round(value * 1e6) / 1e6}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (typeof value === 'string') return `s:${value}`;
  const error = (value as { error?: unknown }).error;
  if (typeof error === 'string') return `s:${error}`;
  return `o:${JSON.stringify(value)}`;
}
