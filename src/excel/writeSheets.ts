/** Sheets: add one, rename one, rebuild a generated one. */
import type { PlanOp } from '../workbook/plan';
import { assertColumnNames, assertSheetName, assertTableName } from '../workbook/names';
import { jsonSize } from './values';
import { createdBy, key, type VirtualWorkbook, type VSheet } from './virtualWorkbook';

/** A new, empty sheet at the end. */
export function newSheet(wb: VirtualWorkbook, name: string): VSheet {
  const sheet = createdBy(() => wb.context.workbook.worksheets.add(name));
  const vs: VSheet = { name, fromExcel: false, sheet, written: new Map(), areas: [], merges: [], charts: new Map() };
  wb.sheets.set(key(name), vs);
  // worksheets, add(name).
  wb.write(0, 2, jsonSize(name), () => void sheet());
  return vs;
}

export function ensureSheet(wb: VirtualWorkbook, name: string): void {
  if (wb.findSheet(name)) return;
  assertSheetName(name);
  newSheet(wb, name);
}

export function renameSheet(wb: VirtualWorkbook, from: string, to: string): void {
  const vs = wb.sheetOf(from);
  const other = wb.findSheet(to);
  if (other && other !== vs) throw new Error(`Sheet "${to}" exists already`);
  assertSheetName(to);
  const notes = wb.notes.get(key(vs.name));
  wb.sheets.delete(key(vs.name));
  wb.notes.delete(key(vs.name));
  vs.name = to;
  wb.sheets.set(key(to), vs);
  if (notes) wb.notes.set(key(to), notes);
  wb.write(1, 0, jsonSize(to), () => {
    vs.sheet().name = to;
  });
}

/**
 * A sheet the add-in owns is removed and built again: this makes the new, empty sheet in place
 * of the old one; its content (title, table, layout, freeze) are ordinary operations after it.
 */
export function replaceGeneratedSheet(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'generatedSheet' }>): void {
  assertSheetName(op.sheet);
  assertTableName(op.table);
  assertColumnNames(op.header, op.table);
  const old = wb.findSheet(op.sheet);
  const elsewhere = wb.tables.get(key(op.table));
  if (elsewhere && elsewhere.sheet !== old) throw new Error(`Table "${op.table}" already exists on sheet "${elsewhere.sheet.name}"`);
  if (!old) {
    newSheet(wb, op.sheet);
    return;
  }
  for (const [k, t] of wb.tables) if (t.sheet === old) wb.tables.delete(k);
  wb.notes.delete(key(old.name));
  // Add the new sheet before deleting the old one: a workbook must keep one sheet.
  let temp: string;
  do temp = `Indsatsmonitor_${++wb.tempSheets}`;
  while (wb.sheets.has(key(temp)));
  const sheet = createdBy(() => {
    const made = wb.context.workbook.worksheets.add(temp);
    old.sheet().delete();
    made.name = op.sheet;
    return made;
  });
  wb.sheets.set(key(op.sheet), { name: op.sheet, fromExcel: false, sheet, written: new Map(), areas: [], merges: [], charts: new Map() });
  // worksheets, add(temp), the old sheet (and its collection); delete, name.
  wb.write(2, 4, jsonSize(temp) + jsonSize(op.sheet) * 2, () => void sheet());
}
