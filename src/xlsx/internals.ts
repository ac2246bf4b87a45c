/**
 * Typed views of ExcelJS 4.4 internals the public typings get wrong or leave out. Every cast to
 * ExcelJS internals lives here, so an ExcelJS upgrade has one place to check.
 *
 * - `worksheet.getTables()` is typed `[Table, void][]` but returns Table objects, whose `.table`
 *   holds the model. A table *loaded* from a file has `tableRef` (full range) but no `ref`/`rows`;
 *   a table made with `addTable` has `ref` = top-left cell only, plus `rows` and `tableRef`.
 *   Only `tableRef`, `autoFilterRef`, `columns`, `headerRow`, `totalsRow` and `style` are written.
 * - `worksheet.dataValidations` (untyped): `.model` maps an address or a range ("C5:C1004") to a
 *   validation. Loading expands every range into one entry per cell.
 * - `worksheet._merges` (untyped): master address → Range with `.range` "A1:C1".
 * - `worksheet._rows` / `row._cells` (untyped): sparse arrays of the rows and cells that exist.
 *   `eachRow` skips rows that hold only styled cells and `eachRow({ includeEmpty })` creates every
 *   row up to the last, so walking a sheet by what it holds needs the arrays themselves.
 */
import type { Cell, DataValidation, Row, Workbook, Worksheet } from 'exceljs';
import { parseRange, type Rect } from './address';

export interface TableColumnModel {
  name: string;
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  totalsRowFormula?: string;
}

export interface TableModel {
  name: string;
  displayName?: string;
  /** addTable: the top-left cell only. */
  ref?: string;
  /** Header + data (+ totals) range; present on loaded and on added tables. */
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: TableColumnModel[];
  /** addTable only: ExcelJS's copy of the data, kept the same width as `columns`. */
  rows?: unknown[][];
}

interface TableObject {
  table: TableModel;
}

export function tableModels(worksheet: Worksheet): TableModel[] {
  return (worksheet.getTables() as unknown as TableObject[]).map((t) => t.table).filter((t): t is TableModel => !!t);
}

/** Where a table sits, whether created in this session or loaded. */
export function tableRect(model: TableModel): Rect {
  if (model.tableRef) return parseRange(model.tableRef);
  // Not expected (ExcelJS computes tableRef in addTable), but derive it rather than fail.
  const tl = parseRange(model.ref ?? 'A1');
  const height = (model.rows?.length ?? 0) + (model.headerRow === false ? 0 : 1) + (model.totalsRow ? 1 : 0);
  return { top: tl.top, left: tl.left, bottom: tl.top + Math.max(height, 1) - 1, right: tl.left + model.columns.length - 1 };
}

export function allTables(workbook: Workbook): { worksheet: Worksheet; model: TableModel }[] {
  return workbook.worksheets.flatMap((worksheet) => tableModels(worksheet).map((model) => ({ worksheet, model })));
}

export type ValidationModel = Record<string, DataValidation | undefined>;

export function validationContainer(worksheet: Worksheet): { model: ValidationModel } {
  return (worksheet as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
}

export function mergedRanges(worksheet: Worksheet): string[] {
  const merges = (worksheet as unknown as { _merges?: Record<string, { range: string } | undefined> })._merges ?? {};
  return Object.values(merges)
    .filter((m): m is { range: string } => !!m && typeof m.range === 'string')
    .map((m) => (m.range.includes('!') ? m.range.slice(m.range.lastIndexOf('!') + 1) : m.range));
}

/** The rows of a sheet that exist, ascending; nothing per empty row (a cell in row 1 048 576 costs one row). */
export function existingRows(worksheet: Worksheet): Row[] {
  const rows = (worksheet as unknown as { _rows?: (Row | undefined)[] })._rows ?? [];
  return rows.filter((r): r is Row => !!r); // filter skips the holes of a sparse array
}

/** The cells of a row that exist (values, formulas, merges, or only a style), ascending by column. */
export function existingCells(row: Row): Cell[] {
  const cells = (row as unknown as { _cells?: (Cell | undefined)[] })._cells ?? [];
  return cells.filter((c): c is Cell => !!c);
}
