/**
 * Data validations, working around ExcelJS 4.4:
 * - On load, each `sqref` range is expanded into one model entry per cell (a whole-column rule
 *   becomes a million entries); `cell.dataValidation` only sees such per-cell entries, never a
 *   range entry like "C5:C1004".
 * - On write, ExcelJS squeezes per-cell entries back into ranges, but it walks the addresses in
 *   string order ("C10" < "C2"), so C2:C1004 comes out as overlapping rules C10:C1004 and C2:C1004
 *   (exceljs issue #2820); Excel and LibreOffice then honour only one of them.
 * So: we put rules in as range entries, replace rather than add, and write through
 * `withWritableValidations`, which hands ExcelJS one non-overlapping range entry per rule.
 */
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { formatRange, intersects, parseRange, subtract, type Rect } from './address';
import { validationContainer, type ValidationModel } from './internals';

/** Put `validation` on `range`, removing whatever rule covered any of its cells before. */
export function setValidation(worksheet: Worksheet, range: Rect, validation: DataValidation): void {
  const container = validationContainer(worksheet);
  const model: ValidationModel = {};
  for (const [key, dv] of Object.entries(container.model)) {
    if (!dv) continue;
    const r = parseRange(key);
    if (!intersects(r, range)) model[key] = dv;
    else for (const rest of subtract(r, range)) model[formatRange(rest)] = dv;
  }
  model[formatRange(range)] = validation;
  container.model = model;
}

/** The rules on a sheet as non-overlapping ranges: A1 range → rule. */
export function validationRanges(worksheet: Worksheet): Record<string, DataValidation> {
  return normalise(validationContainer(worksheet).model);
}

/**
 * Run `write` with every sheet's validations replaced by ranges ExcelJS writes faithfully, then
 * restore the per-cell model (so `cell.dataValidation` keeps working for the caller).
 */
export async function withWritableValidations<T>(workbook: Workbook, write: () => Promise<T>): Promise<T> {
  const saved = workbook.worksheets.map((ws) => {
    const container = validationContainer(ws);
    const before = container.model;
    container.model = normalise(before);
    return { container, before };
  });
  try {
    return await write();
  } finally {
    for (const { container, before } of saved) container.model = before;
  }
}

/**
 * Group equal rules; keep range entries; join per-cell entries into vertical runs per column and
 * runs of equal height side by side into rectangles. Per-cell entries already inside a range
 * entry of the same rule are dropped.
 */
function normalise(model: ValidationModel): Record<string, DataValidation> {
  const groups = new Map<string, { dv: DataValidation; ranges: Rect[]; cells: Map<number, number[]> }>();
  for (const [key, dv] of Object.entries(model)) {
    if (!dv) continue;
    const id = JSON.stringify(dv);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { dv, ranges: [], cells: new Map() }));
    const r = parseRange(key);
    if (key.includes(':')) g.ranges.push(r);
    else {
      const rows = g.cells.get(r.left) ?? [];
      rows.push(r.top);
      g.cells.set(r.left, rows);
    }
  }
  const out: Record<string, DataValidation> = {};
  for (const g of groups.values()) {
    const runs: Rect[] = [];
    for (const [column, rows] of [...g.cells.entries()].sort((a, b) => a[0] - b[0])) {
      rows.sort((a, b) => a - b);
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] <= rows[j] + 1) j++;
        runs.push({ top: rows[i], bottom: rows[j], left: column, right: column });
        i = j + 1;
      }
    }
    const merged: Rect[] = [];
    for (const run of runs) {
      const prev = merged.find((m) => m.top === run.top && m.bottom === run.bottom && m.right === run.left - 1);
      if (prev) prev.right = run.right;
      else merged.push({ ...run });
    }
    const inRange = (r: Rect) => g.ranges.some((x) => x.left <= r.left && r.right <= x.right && x.top <= r.top && r.bottom <= x.bottom);
    for (const r of [...g.ranges, ...merged.filter((m) => !inRange(m))]) out[formatRange(r)] = g.dv;
  }
  return out;
}
