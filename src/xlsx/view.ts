/** Single cells and how a sheet shows in the file: labels and titles, explicit values, freeze panes, the active sheet and cell. */
import type { Cell, Style, Workbook, Worksheet } from 'exceljs';
import type { PlanOp } from '../workbook/plan';
import { cellKey, LABEL_FONTS } from '../workbook/adapterRules';
import { CellChangedError } from '../workbook/adapterContract';
import { cellValue, isOccupied } from './cells';
import { cellAddress, parseRange } from './address';
import { tableModels, tableRect } from './internals';

export type ExcelJSValue = Cell['value'];

export function freeze(worksheet: Worksheet, rows: number, columns: number): void {
  const current = (worksheet.views?.[0] ?? {}) as Record<string, unknown>;
  // Keep how the sheet looks (zoom, grid lines, right-to-left); replace the pane settings.
  const keep: Record<string, unknown> = {};
  for (const k of ['zoomScale', 'zoomScaleNormal', 'showGridLines', 'showRowColHeaders', 'rightToLeft', 'showRuler']) {
    if (current[k] !== undefined) keep[k] = current[k];
  }
  worksheet.views = [{ ...keep, state: 'frozen', xSplit: columns, ySplit: rows }];
}

/** A title or label, only into an empty cell. */
export function label(worksheet: Worksheet, op: Extract<PlanOp, { kind: 'label' }>): void {
  const cell = worksheet.getCell(op.row, op.column);
  if (isOccupied(cell)) return;
  cell.value = op.text;
  const style: Partial<Style> = { ...cell.style };
  if (op.style === 'title') style.font = { ...cell.style?.font, ...LABEL_FONTS.title };
  if (op.style === 'heading') style.font = { ...cell.style?.font, ...LABEL_FONTS.heading };
  if (op.style === 'subtitle') style.font = { ...cell.style?.font, italic: LABEL_FONTS.subtitle.italic, color: { argb: `FF${LABEL_FONTS.subtitle.color}` } };
  cell.style = style;
}

/**
 * Values into given cells; the cells keep their style (number format, font). A cell with
 * `expected` only while it holds that value: else nothing is written (CellChangedError).
 */
export function setValues(worksheet: Worksheet, op: Extract<PlanOp, { kind: 'setValues' }>): void {
  for (const cell of op.cells) {
    if (!('expected' in cell)) continue;
    const r = parseRange(cell.address);
    if (cellKey(cellValue(worksheet.findCell(r.top, r.left))) !== cellKey(cell.expected)) throw new CellChangedError(worksheet.name, cellAddress(r.top, r.left));
  }
  for (const { address, value } of op.cells) {
    const cell = worksheet.getCell(address);
    // A text written over a hyperlink cell keeps the link, as Excel does (range.values).
    const link = cell.value !== null && typeof cell.value === 'object' && 'hyperlink' in cell.value ? (cell.value as { hyperlink: string; tooltip?: string }) : undefined;
    cell.value = (link && typeof value === 'string' ? { text: value, hyperlink: link.hyperlink, ...(link.tooltip !== undefined && { tooltip: link.tooltip }) } : (value ?? null)) as ExcelJSValue;
    renameHeader(worksheet, address, value);
  }
}

/**
 * A value written into a table's header cell renames the table's column, as Excel does (repair's
 * "omdøb Forløbsstatus til Status", #10): the table part must name its columns as the cells do.
 */
function renameHeader(worksheet: Worksheet, address: string, value: unknown): void {
  const r = parseRange(address);
  for (const model of tableModels(worksheet)) {
    const rect = tableRect(model);
    if (model.headerRow === false || r.top !== rect.top || r.left < rect.left || r.left > rect.right) continue;
    const column = model.columns[r.left - rect.left];
    if (column && typeof value === 'string' && value.trim()) column.name = value;
  }
}

/** The sheet opens as the active one with the cell selected. */
export function select(workbook: Workbook, worksheet: Worksheet, address: string): void {
  const index = workbook.worksheets.indexOf(worksheet);
  workbook.views = [{ ...(workbook.views?.[0] ?? {}), activeTab: index, firstSheet: 0 } as (typeof workbook.views)[number]];
  const view = (worksheet.views?.[0] ?? {}) as Record<string, unknown>;
  worksheet.views = [{ state: 'normal', ...view, activeCell: address.split(':')[0] } as (typeof worksheet.views)[number]];
}
