/** ExcelJS cell values → the domain's CellValue (what Office.js `values` would give). */
import { ValueType, type Cell, type Worksheet } from 'exceljs';
import type { CellValue } from '../domain/parse/cell';

/**
 * The value a cell shows, unwrapped:
 * - formula / shared formula → its cached result (recursively unwrapped; no result → null);
 * - rich text → the concatenated text; hyperlink → its text; `{error}` → `{ error }`;
 * - Date (ExcelJS gives UTC midnight for date-formatted serials) → the same Date;
 * - numbers, strings, booleans as they are; empty → null.
 */
export function unwrapValue(value: unknown, depth = 0): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object' || depth > 4) return null;
  const v = value as Record<string, unknown>;
  if ('error' in v) return { error: String(v.error) };
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[]).map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
  }
  if ('formula' in v || 'sharedFormula' in v) return unwrapValue(v.result, depth + 1);
  // Hyperlink: { text, hyperlink }, where text may itself be rich text.
  if ('hyperlink' in v || 'text' in v) return unwrapValue(v.text, depth + 1);
  return value as CellValue;
}

/**
 * A cell's value. Cells covered by a merge (not its top-left) count as empty: ExcelJS would return
 * the top-left cell's value for every covered cell, which Excel does not show.
 */
export function cellValue(cell: Cell | undefined): CellValue {
  if (!cell || cell.type === ValueType.Merge) return null;
  // `cell.value` of a formula cell drops a falsy cached result (0, false, ""): ExcelJS copies the
  // model with `if (value)`. `cell.result` is the model's own field.
  if (cell.type === ValueType.Formula) return unwrapValue(cell.result);
  return unwrapValue(cell.value);
}

export const valueAt = (worksheet: Worksheet, row: number, column: number): CellValue =>
  cellValue(worksheet.findCell(row, column));

/** Empty as Excel's "used range" sees it: no value (styles alone do not count). */
export { isEmptyValue } from '../workbook/adapterRules';
import { isEmptyValue } from '../workbook/adapterRules';

/** True when the cell holds anything a write would destroy (a value, a formula, a merge). */
export function isOccupied(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.type === ValueType.Merge || cell.type === ValueType.Formula) return true;
  return !isEmptyValue(unwrapValue(cell.value));
}

/** Number format of a cell; undefined for General or no cell. */
export function numberFormatOf(cell: Cell | undefined): string | undefined {
  const f = cell?.numFmt;
  return f && f !== 'General' ? f : undefined;
}

/** Text of a header cell: the rule both adapters share. */
export { headerText } from '../workbook/adapterRules';
