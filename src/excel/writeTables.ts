/** Tables: create one (over new values or an existing range), grow it by columns or rows, rename it. */
import type { CellValue } from '../domain/parse/cell';
import type { PlanOp } from '../workbook/plan';
import {
  conflictWhat, headerColumnNames, missingHeaders, newTableRows, TABLE_STYLE, tableGeometry, type TableGeometry,
} from '../workbook/adapterRules';
import { assertColumnNames, assertTableName } from '../workbook/names';
import { NotGeneratedError } from '../workbook/adapterContract';
import { cellAddress, formatRect, parseRect, type Rect } from './address';
import { chunkByBytes } from './blocks';
import { assertFree, assertNoMergeOrTable } from './conflicts';
import { MAX_REQUEST_BYTES } from './env';
import { headerText, jsonSize, toExcelValue, type ExcelScalar } from './values';
import { createdBy, isEmpty, key, type VirtualWorkbook, type VSheet, type VTable } from './virtualWorkbook';

export const geometry = (vt: VTable): TableGeometry => tableGeometry(vt.rect, vt.showHeaders, vt.showTotals);

/** Excel makes the table over its values: `tables.add(address, true)`, never row by row. */
function addTable(wb: VirtualWorkbook, vs: VSheet, name: string, rect: Rect): VTable['table'] {
  // On a generated sheet being rebuilt, a name the old sheet still holds is taken at the swap.
  const excelName = wb.excelTableName(vs, name);
  const table = createdBy(() => {
    const t = vs.sheet().tables.add(formatRect(rect), true);
    t.name = excelName.now;
    t.style = TABLE_STYLE;
    return t;
  });
  excelName.atSwap?.(table);
  // tables, add(address, true); name, style.
  wb.write(2, 2, jsonSize(formatRect(rect)) + 5 + jsonSize(name) + jsonSize(TABLE_STYLE), () => void table());
  return table;
}

export function createTable(wb: VirtualWorkbook, vs: VSheet, table: string, topLeft: { row: number; column: number }, header: string[], given: CellValue[][]): VTable {
  assertTableName(table);
  assertColumnNames(header, table);
  const rows = newTableRows(header.length, given);
  const rect: Rect = { top: topLeft.row, left: topLeft.column, bottom: topLeft.row + rows.length, right: topLeft.column + header.length - 1 };
  assertFree(wb, vs, rect, conflictWhat.createTable(table));
  header.forEach((h, i) => vs.written.set(cellAddress(rect.top, rect.left + i), h));
  writeValues(wb, vs, rect.top, rect.left, [header.map(toExcelValue), ...rows.map((r) => r.map(toExcelValue))]);
  const vt: VTable = {
    name: table, sheet: vs, rect, showHeaders: true, showTotals: false, columns: [...header], lastRowEmpty: rows[rows.length - 1].every(isEmpty),
    table: addTable(wb, vs, table, { ...rect }),
  };
  wb.tables.set(key(table), vt);
  return vt;
}

/**
 * The createTable operation: nothing when the table exists (idempotent), except on a generated
 * sheet being rebuilt, whose tables must be its own: one of that name elsewhere is the user's.
 */
export function createTableOp(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'createTable' }>): void {
  const existing = wb.tables.get(key(op.table));
  if (existing) {
    const target = wb.findSheet(op.sheet);
    if (target?.rebuild && existing.sheet !== target) throw new NotGeneratedError('table', existing.name, existing.sheet.name);
    return;
  }
  createTable(wb, wb.sheetOf(op.sheet), op.table, op.topLeft, op.header, op.rows);
}

/** Values written in requests of at most ~4 MB each. */
export function writeValues(wb: VirtualWorkbook, vs: VSheet, top: number, left: number, values: ExcelScalar[][]): void {
  for (const chunk of chunkByBytes(values, jsonSize, MAX_REQUEST_BYTES)) {
    const rect: Rect = { top: top + chunk.start, left, bottom: top + chunk.start + chunk.items.length - 1, right: left + chunk.items[0].length - 1 };
    // The rows' JSON with the commas and brackets between them.
    wb.write(1, 1, chunk.bytes + chunk.items.length + 1 + jsonSize(formatRect(rect)), () => {
      vs.sheet().getRange(formatRect(rect)).values = chunk.items;
    });
  }
}

/** A table over a plain range whose first row is the header; the cells keep their values. */
export function tableFromRange(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'tableFromRange' }>): void {
  if (wb.tables.has(key(op.table))) return;
  const vs = wb.sheetOf(op.sheet);
  assertTableName(op.table);
  const rect = parseRect(op.ref);
  const what = conflictWhat.tableFromRange(op.table, op.sheet, op.ref);
  assertNoMergeOrTable(wb, vs, rect, what, false);
  const area = vs.areas.find((a) => a.headerValues && a.rect.top === rect.top && a.rect.left === rect.left);
  const current = (column: number) => {
    const written = vs.written.get(cellAddress(rect.top, column));
    return headerText(written ?? area?.headerValues?.[column - rect.left] ?? '');
  };
  // Header cells become the column names (Excel: text, unique, never empty).
  const names = headerColumnNames(Array.from({ length: rect.right - rect.left + 1 }, (_, i) => current(rect.left + i)));
  if (rect.bottom === rect.top) {
    // Only a header: the table needs one (empty) data row below it.
    assertFree(wb, vs, { ...rect, top: rect.top + 1, bottom: rect.top + 1 }, what);
    rect.bottom = rect.top + 1;
  }
  names.forEach((name, i) => {
    if (current(rect.left + i) === name) return;
    const address = cellAddress(rect.top, rect.left + i);
    vs.written.set(address, name);
    wb.write(1, 1, jsonSize(toExcelValue(name)) + 4 + jsonSize(address), () => {
      vs.sheet().getRange(address).values = [[toExcelValue(name)]];
    });
  });
  const vt: VTable = { name: op.table, sheet: vs, rect, showHeaders: true, showTotals: false, columns: names, table: addTable(wb, vs, op.table, { ...rect }) };
  wb.tables.set(key(op.table), vt);
}

/** Append columns at the right of an existing table; existing cells are not touched. */
export function addColumns(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'addColumns' }>): void {
  const vt = wb.tableOf(op.sheet, op.table);
  const headers = missingHeaders(vt.columns, op.headers);
  if (!headers.length) return;
  assertColumnNames(headers, vt.name);
  const extra: Rect = { top: vt.rect.top, bottom: vt.rect.bottom, left: vt.rect.right + 1, right: vt.rect.right + headers.length };
  assertFree(wb, vt.sheet, extra, conflictWhat.addColumns(vt.name), vt);
  vt.rect = { ...vt.rect, right: extra.right };
  vt.columns.push(...headers);
  for (const name of headers) {
    // columns, add(null, null, name).
    wb.write(0, 2, jsonSize(name) + 10, () => {
      vt.table().columns.add(undefined, undefined, name);
    });
  }
}

/** Rows at the bottom of a table: the empty last row (a new table starts with one) is used first. */
export function appendRows(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'appendRows' }>): void {
  if (!op.rows.length) return;
  const vt = wb.tableOf(op.sheet, op.table);
  const g = geometry(vt);
  const width = vt.rect.right - vt.rect.left + 1;
  const rows = op.rows.map((r) => Array.from({ length: width }, (_, i) => toExcelValue(r[i] ?? null)));
  const first = vt.lastRowEmpty ? g.lastDataRow : g.lastDataRow + 1;
  const bottom = first + rows.length - 1;
  if (bottom > g.lastDataRow) {
    assertFree(wb, vt.sheet, { top: g.lastDataRow + 1, bottom, left: vt.rect.left, right: vt.rect.right }, conflictWhat.appendRows(vt.name), vt);
  }
  const rest = vt.lastRowEmpty ? rows.slice(1) : rows;
  if (vt.lastRowEmpty) writeValues(wb, vt.sheet, g.lastDataRow, vt.rect.left, rows.slice(0, 1));
  // The rest in one `rows.add` (more only when over ~4 MB): Excel grows the table and carries
  // the column formats and drop-downs to the new rows. With ExcelApi 1.15 `alwaysInsert: false`
  // lets the table grow over the (checked, empty) rows below instead of pushing the cells under
  // it down, as the .xlsx adapter does; older Excel inserts.
  const alwaysInsert = wb.features.alwaysInsert ? false : undefined;
  for (const chunk of chunkByBytes(rest, jsonSize, MAX_REQUEST_BYTES)) {
    // rows, add(null, values, false).
    wb.write(0, 2, chunk.bytes + chunk.items.length + 1 + 12, () => {
      vt.table().rows.add(undefined, chunk.items, alwaysInsert);
    });
  }
  vt.rect = { ...vt.rect, bottom: vt.rect.bottom + rest.length };
  vt.lastRowEmpty = rows[rows.length - 1].every(isEmpty);
}

/** Table names are workbook-wide: a kept generated sheet's tables make room for new ones. */
export function renameTable(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'renameTable' }>): void {
  const vt = wb.tables.get(key(op.table));
  if (!vt) return;
  if (wb.tables.has(key(op.to))) throw new Error(`Table "${op.to}" exists already`);
  wb.tables.delete(key(op.table));
  vt.name = op.to;
  wb.tables.set(key(op.to), vt);
  wb.write(1, 0, jsonSize(op.to), () => {
    vt.table().name = op.to;
  });
}
