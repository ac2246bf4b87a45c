/** Sheets: add one, rename one, rebuild a generated one. */
import type { PlanOp } from '../workbook/plan';
import { assertColumnNames, assertSheetName, assertTableName } from '../workbook/names';
import { jsonSize } from './values';
import { NotGeneratedError } from '../workbook/adapterContract';
import { controlTableName } from '../workbook/adapterRules';
import { createdBy, key, type Rebuild, type VirtualWorkbook, type VSheet } from './virtualWorkbook';

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
 * A sheet the add-in owns is built again: this makes the new, empty sheet, under a temporary name
 * in Excel; its content (title, table, layout, freeze) are ordinary operations after it, and the
 * swap (old sheet deleted, new one renamed) is the plan's last write (VirtualWorkbook.allWrites).
 * An existing sheet of that name is replaced only when it carries the add-in's marker.
 */
export function replaceGeneratedSheet(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'generatedSheet' }>): void {
  assertSheetName(op.sheet);
  assertTableName(op.table);
  assertColumnNames(op.header, op.table);
  const old = wb.findSheet(op.sheet);
  if (old?.rebuild) throw new Error(`Sheet "${op.sheet}" is rebuilt twice by one plan`);
  if (old && !hasMarker(wb, old)) throw new NotGeneratedError('sheet', old.name, old.name);
  const elsewhere = wb.tables.get(key(op.table));
  if (elsewhere && elsewhere.sheet !== old) throw new NotGeneratedError('table', elsewhere.name, elsewhere.sheet.name);
  const held = new Set<string>();
  if (old) {
    for (const [k, t] of wb.tables) {
      if (t.sheet !== old) continue;
      wb.tables.delete(k);
      held.add(k);
    }
    wb.notes.delete(key(old.name));
    wb.sheets.delete(key(old.name));
  }
  let temp: string;
  do temp = `Indsatsmonitor_${++wb.tempSheets}`;
  while (wb.sheets.has(key(temp)) || wb.rebuilds.some((r) => key(r.temp) === key(temp)));
  const sheet = createdBy(() => wb.context.workbook.worksheets.add(temp));
  const rebuild: Rebuild = { name: op.sheet, temp, old, sheet, tables: [], held };
  wb.rebuilds.push(rebuild);
  wb.sheets.set(key(op.sheet), { name: op.sheet, fromExcel: false, sheet, written: new Map(), areas: [], merges: [], charts: new Map(), rebuild });
  // worksheets, add(temp).
  wb.write(1, 2, jsonSize(temp), () => void sheet());
}

/** The sheet holds the add-in's marker, its control table (as Excel reported it: not one this plan made). */
function hasMarker(wb: VirtualWorkbook, vs: VSheet): boolean {
  const control = wb.tables.get(key(controlTableName(vs.name)));
  return control !== undefined && control.sheet === vs;
}
