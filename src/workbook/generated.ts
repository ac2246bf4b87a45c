/**
 * Generated sheets (Overblik, Afstemning, Fejl) are rebuilt from scratch, but one someone edited by
 * hand must not be lost. Each carries a control table with a fingerprint of the tables it was
 * written with; when the tables read back differ, the sheet is renamed and kept before rebuilding.
 */
import { safeText, type CellValue } from '../domain/parse/cell';
import type { PlanOp } from './plan';
import { findSheet, type WorkbookRead } from './read';
import { cellAddress, parseRange } from '../domain/model/address';

const CONTROL_SUFFIX = '_Kontrol';

/** FNV-1a over a stable text form of the tables: cells as written (formulas as their text). */
export function fingerprint(tables: { header: CellValue[]; rows: CellValue[][] }[]): string {
  const text = JSON.stringify(tables.map((t) => [t.header.map(cellText), t.rows.map((r) => r.map(cellText))]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function cellText(value: CellValue): string {
  if (value && typeof value === 'object' && !(value instanceof Date) && typeof (value as { formula?: unknown }).formula === 'string') {
    return `=${String((value as { formula: string }).formula).replace(/^=/, '')}`;
  }
  // A date may be written as a serial and read back as a Date (or the reverse): compare as serials.
  if (value instanceof Date) return String(Math.round(value.getTime() / 86_400_000 + 25_569));
  if (typeof value === 'number') return String(Math.round(value * 1e9) / 1e9);
  return safeText(value);
}

/** The tables a plan writes on a generated sheet, in order. */
function plannedTables(ops: PlanOp[], sheet: string) {
  return ops.flatMap((op) =>
    (op.kind === 'generatedSheet' && op.sheet === sheet) || (op.kind === 'createTable' && op.sheet === sheet) ? [{ header: op.header, rows: op.rows }] : []);
}

/** Adds the control table at the bottom of a generated sheet's plan. */
export function withControl(ops: PlanOp[], sheet: string, label: string, row: number): PlanOp[] {
  const table = `${sheet}${CONTROL_SUFFIX}`;
  return [...ops, { kind: 'createTable', sheet, table, topLeft: { row, column: 1 }, header: [label, 'Fingeraftryk'], rows: [[label, fingerprint(plannedTables(ops, sheet))]] }];
}

/**
 * When the generated sheet in the workbook was edited by hand since it was written, the op that
 * renames it out of the way ("Overblik rettet 25-11-2026"); otherwise nothing.
 */
export function keepHandEdited(read: WorkbookRead, sheet: string, keptName: string): PlanOp[] {
  const found = findSheet(read, sheet);
  if (!found) return [];
  const control = found.tables.find((t) => t.table?.toLowerCase() === `${sheet}${CONTROL_SUFFIX}`.toLowerCase());
  const tables = found.tables.filter((t) => t !== control).map((t) => ({
    header: t.header,
    rows: t.rows.map((r, i) => r.map((v, c) => {
      const formula = found.formulas?.[cellAddress(t.headerRow + 1 + i, parseRange(t.ref).left + c)];
      return formula ? { formula } : v;
    })),
  }));
  const stored = control ? safeText(control.rows[0]?.[1]) : '';
  if (stored && stored === fingerprint(tables)) return [];
  let name = keptName.slice(0, 31);
  let n = 1;
  for (; findSheet(read, name); n++) name = `${keptName.slice(0, 27)} (${n + 1})`;
  // Table names are workbook-wide: the kept sheet's tables step aside for the rebuilt ones.
  const taken = new Set(read.sheets.flatMap((s) => s.tables.map((t) => t.table?.toLowerCase())));
  const renames: PlanOp[] = found.tables.map((t) => {
    let to = `${t.table}_rettet`;
    for (let i = 2; taken.has(to.toLowerCase()); i++) to = `${t.table}_rettet${i}`;
    taken.add(to.toLowerCase());
    return { kind: 'renameTable', table: t.table!, to };
  });
  return [...renames, { kind: 'renameSheet', sheet: found.name, to: name }];
}
