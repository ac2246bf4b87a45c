/** Single cells and how a sheet shows: labels and titles, explicit values, freeze panes, the selection. */
import type { PlanOp } from '../workbook/plan';
import { cellKey, LABEL_FONTS } from '../workbook/adapterRules';
import { CellChangedError } from '../workbook/adapterContract';
import { cellAddress, formatRect, parseRect } from './address';
import { valueAt } from './conflicts';
import { fromExcelValue, jsonSize, toExcelValue } from './values';
import { isEmpty, type VirtualWorkbook, type VSheet } from './virtualWorkbook';

export function freeze(wb: VirtualWorkbook, vs: VSheet, rows: number, columns: number): void {
  if (!wb.has('freeze', 'freezePanes')) return;
  // freezePanes, and getRange for freezeAt; one call.
  wb.write(1, 2, 30, () => {
    const sheet = vs.sheet();
    const panes = sheet.freezePanes;
    if (rows > 0 && columns > 0) panes.freezeAt(sheet.getRange(formatRect({ top: 1, left: 1, bottom: rows, right: columns })));
    else if (rows > 0) panes.freezeRows(rows);
    else if (columns > 0) panes.freezeColumns(columns);
    else panes.unfreeze();
  });
}

export function select(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'select' }>): void {
  const vs = wb.sheetOf(op.sheet);
  parseRect(op.address);
  wb.write(2, 1, jsonSize(op.address), () => {
    const sheet = vs.sheet();
    sheet.activate();
    sheet.getRange(op.address).select();
  });
}

/** A title or label, only into an empty cell. */
export function label(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'label' }>): void {
  const vs = wb.sheetOf(op.sheet);
  if (!isEmpty(valueAt(vs, op.row, op.column))) return;
  const address = cellAddress(op.row, op.column);
  vs.written.set(address, op.text);
  const value = toExcelValue(op.text);
  // values on getRange; a title or subtitle also two font properties on .format and .font.
  const styled = op.style === 'title' || op.style === 'subtitle' || op.style === 'heading';
  wb.write(styled ? 3 : 1, styled ? 3 : 1, jsonSize(value) + 4 + jsonSize(address) + (styled ? 20 : 0), () => {
    const range = vs.sheet().getRange(address);
    range.values = [[value]];
    if (op.style === 'title') {
      range.format.font.bold = LABEL_FONTS.title.bold;
      range.format.font.size = LABEL_FONTS.title.size;
    }
    if (op.style === 'heading') {
      range.format.font.bold = LABEL_FONTS.heading.bold;
      range.format.font.size = LABEL_FONTS.heading.size;
    }
    if (op.style === 'subtitle') {
      range.format.font.italic = LABEL_FONTS.subtitle.italic;
      range.format.font.color = `#${LABEL_FONTS.subtitle.color}`;
    }
  });
}

/**
 * Explicit user action ("apply suggestion"): the given cells are written whatever they hold, but a
 * cell with `expected` only while it holds that value (loaded in step 2, so checked in the same
 * Excel.run as the write): else nothing is written and CellChangedError names the cell.
 */
export function setValues(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'setValues' }>): void {
  const vs = wb.sheetOf(op.sheet);
  for (const cell of op.cells) {
    if (!('expected' in cell)) continue;
    const r = parseRect(cell.address);
    const bare = cellAddress(r.top, r.left);
    const loaded = vs.areas.find((a) => a.headerValues && a.rect.top === r.top && a.rect.left === r.left);
    const now = vs.written.has(bare) ? vs.written.get(bare) : vs.fromExcel ? fromExcelValue(loaded?.headerValues?.[0]) : null;
    if (cellKey(now) !== cellKey(cell.expected)) throw new CellChangedError(vs.name, bare);
  }
  for (const { address, value } of op.cells) {
    const r = parseRect(address);
    if (r.top !== r.bottom || r.left !== r.right) throw new Error(`setValues: ${address} is not a single cell`);
    const bare = cellAddress(r.top, r.left);
    const v = toExcelValue(value);
    vs.written.set(bare, value);
    wb.write(1, 1, jsonSize(v) + 4 + jsonSize(bare), () => {
      vs.sheet().getRange(bare).values = [[v]];
    });
  }
}
