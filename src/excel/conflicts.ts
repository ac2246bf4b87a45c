/**
 * The checks of step 3: would an operation write over something? Answered from the plan's view of
 * the workbook (what Excel reported in step 2, plus this plan's own writes), never by a sync.
 */
import { conflict } from '../workbook/adapterRules';
import { cellAddress, cellCount, contains, formatRect, intersection, intersects, parseRect, subtract, type Rect } from './address';
import { isEmpty, type Area, type VirtualWorkbook, type VSheet, type VTable } from './virtualWorkbook';

/** Stands for "Excel reported a value here" in the plan's view of a cell. */
const OCCUPIED = Symbol('occupied');

/** The cell's value as far as the plan knows: written by this plan, or empty where Excel said so. */
export function valueAt(vs: VSheet, row: number, column: number): unknown {
  const address = cellAddress(row, column);
  if (vs.written.has(address)) return vs.written.get(address);
  // A one-cell area loaded for this very cell (a label's) is the smallest there can be.
  const own = cellAreas(vs).get(address);
  if (own) return own.usedRect ? OCCUPIED : null;
  const cell = { top: row, left: column, bottom: row, right: column };
  assertChecked(vs, cell);
  // The smallest loaded area around the cell knows best (a label's own one-cell area is exact;
  // a larger area only knows the box around its used cells).
  let best: Area | undefined;
  for (const a of vs.areas) if (contains(a.rect, cell) && (!best || cellCount(a.rect) < cellCount(best.rect))) best = a;
  return best?.usedRect && contains(best.usedRect, cell) ? OCCUPIED : null;
}

/**
 * The one-cell areas of a sheet by address (the first one of each), so that a plan with many
 * labels does not look through every area for each (built again when areas were added).
 */
const oneCellAreas = new WeakMap<Area[], { count: number; byAddress: Map<string, Area> }>();

function cellAreas(vs: VSheet): Map<string, Area> {
  let index = oneCellAreas.get(vs.areas);
  if (!index || index.count !== vs.areas.length) {
    index = { count: vs.areas.length, byAddress: new Map() };
    for (const a of vs.areas) {
      const { top, left, bottom, right } = a.rect;
      if (top === bottom && left === right && !index.byAddress.has(cellAddress(top, left))) index.byAddress.set(cellAddress(top, left), a);
    }
    oneCellAreas.set(vs.areas, index);
  }
  return index.byAddress;
}

/** Guard against a check the loads of step 2 did not prepare for (a bug, not a user error). */
function assertChecked(vs: VSheet, range: Rect): void {
  if (!vs.fromExcel) return;
  let rest = [range];
  for (const area of vs.areas) rest = rest.flatMap((r) => subtract(r, area.rect));
  if (rest.length) throw new Error(`Internal: ${vs.name}!${formatRect(rest[0])} was not loaded before the check`);
}

/** Merged cells or (part of) another table in `range`; `where` names the table's range in the message. */
export function assertNoMergeOrTable(wb: VirtualWorkbook, vs: VSheet, range: Rect, what: string, where: boolean, ignore?: VTable): void {
  for (const m of vs.merges) if (intersects(m, range)) throw conflict.merged(vs.name, formatRect(m), what);
  for (const t of wb.tables.values()) {
    if (t !== ignore && t.sheet === vs && intersects(t.rect, range)) throw conflict.table(vs.name, t.name, formatRect(t.rect), what, where);
  }
}

/** Refuse to write into `range` when it holds values, merges or (part of) another table. */
export function assertFree(wb: VirtualWorkbook, vs: VSheet, range: Rect, what: string, ignore?: VTable): void {
  assertNoMergeOrTable(wb, vs, range, what, true, ignore);
  // Cells this plan wrote (labels, values) come first: they are newer than what Excel reported.
  for (const [address, value] of vs.written) {
    if (!isEmpty(value) && contains(range, parseRect(address))) throw conflict.cells(vs.name, address, what);
  }
  assertChecked(vs, range);
  for (const area of vs.areas) {
    if (!area.usedRect || !intersects(area.usedRect, range)) continue;
    const hit = formatRect(intersection(area.usedRect, range));
    if (vs.written.has(hit)) continue; // a single cell this plan has emptied
    throw conflict.cells(vs.name, hit, what);
  }
}
