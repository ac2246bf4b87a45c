/**
 * Generated sheets (Overblik, Afstemning, Fejl, Statusfotos) are the add-in's own, recognised by
 * its marker, never by name alone: a control table `<sheet>_Kontrol` (adapterRules.
 * controlTableName) with a fingerprint of the tables the sheet was written with.
 *
 * Before a generated sheet is rebuilt, the sheet of that name in the workbook is looked at:
 * - it carries the marker and its tables read back as written: it is rebuilt in place;
 * - it carries the marker but was edited by hand since, or it has no marker (the user's own sheet
 *   that happens to be called Fejl): it is renamed aside and kept ("Overblik rettet 25-11-2026",
 *   "Fejl gemt 25-11-2026"), its tables with it, and the caller tells the user;
 * - a table the rebuilt sheet needs is named so elsewhere in the workbook, or on the user's own
 *   sheet of that name (the user's table Afstemning_2025): the plan is refused with a
 *   NotGeneratedError naming it; the add-in renames only its own tables.
 * One mechanism for every generated sheet; both adapters also refuse to replace a sheet without
 * the marker (a safety net for plans that skipped this).
 */
import { maskCpr, maskCprValue } from '../domain/parse/cpr';
import { messages, type Lang } from '../i18n';
import { safeText, type CellValue } from '../domain/parse/cell';
import { cellAddress, parseRange } from '../domain/model/address';
import { NotGeneratedError } from './adapterContract';
import { controlTableName, fitCellText } from './adapterRules';
import type { PlanOp } from './plan';
import { findSheet, findTableRead, type SheetRead, type WorkbookRead } from './read';

/** A sheet with a generated name that was renamed aside instead of being replaced. */
export interface KeptSheet {
  /** The generated sheet's name (e.g. "Afstemning"). */
  sheet: string;
  /** The name it is kept under (e.g. "Afstemning gemt 25-11-2026"). */
  as: string;
  /** `edited`: the add-in wrote it and someone edited it since; `foreign`: the add-in never wrote it. */
  reason: 'edited' | 'foreign';
}

/** A generated sheet's plan and what was kept aside for it. */
export interface GeneratedPlan {
  ops: PlanOp[];
  kept?: KeptSheet;
}

/** FNV-1a over a stable text form of the tables: cells as written (formulas as their text, texts cut as Excel holds them). */
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
    return `=${maskCpr(String((value as { formula: string }).formula)).replace(/^=/, '')}`;
  }
  // A date may be written as a serial and read back as a Date (or the reverse): compare as serials.
  if (value instanceof Date) return String(Math.round(value.getTime() / 86_400_000 + 25_569));
  // Texts and numbers as the adapters write them: CPR numbers masked (adapterRules.maskPlan), texts cut.
  const masked = maskCprValue(value);
  if (typeof masked === 'number') return String(Math.round(masked * 1e9) / 1e9);
  return safeText(typeof masked === 'string' ? fitCellText(masked) : masked);
}

/** The tables a plan writes on a generated sheet, in order. */
function plannedTables(ops: PlanOp[], sheet: string) {
  return ops.flatMap((op) =>
    (op.kind === 'generatedSheet' && op.sheet === sheet) || (op.kind === 'createTable' && op.sheet === sheet) ? [{ header: op.header, rows: op.rows }] : []);
}

/** Adds the control table (the marker) at the bottom of a generated sheet's plan. */
export function withControl(ops: PlanOp[], sheet: string, label: string, row: number, column = 1): PlanOp[] {
  return [...ops, { kind: 'createTable', sheet, table: controlTableName(sheet), topLeft: { row, column }, header: [label, 'Fingeraftryk'], rows: [[label, fingerprint(plannedTables(ops, sheet))]] }];
}

/** The sheet's control table, when it carries the marker. */
export const controlOf = (found: SheetRead, sheet: string) =>
  found.tables.find((t) => t.table?.toLowerCase() === controlTableName(sheet).toLowerCase());

/** The sheet carries the add-in's marker. */
export const hasMarker = (found: SheetRead, sheet: string): boolean => controlOf(found, sheet) !== undefined;

/**
 * Whether the generated sheet in the workbook can be rebuilt in place: `ours` when it carries the
 * marker and its tables read back as written; `edited` when it carries the marker but differs;
 * `foreign` without the marker; undefined when there is no such sheet.
 */
export function generatedState(read: WorkbookRead, sheet: string): 'ours' | 'edited' | 'foreign' | undefined {
  const found = findSheet(read, sheet);
  if (!found) return undefined;
  const control = controlOf(found, sheet);
  if (!control) return 'foreign';
  const tables = found.tables.filter((t) => t !== control).map((t) => ({
    header: t.header,
    rows: t.rows.map((r, i) => r.map((v, c) => {
      const formula = found.formulas?.[cellAddress(t.headerRow + 1 + i, parseRange(t.ref).left + c)];
      return formula ? { formula } : v;
    })),
  }));
  const stored = safeText(control.rows[0]?.[1]);
  return stored && stored === fingerprint(tables) ? 'ours' : 'edited';
}

/** Names (lower case) of the tables a plan makes on `sheet`. */
const tableNamesOn = (ops: PlanOp[], sheet: string) =>
  new Set(ops.flatMap((op) => ((op.kind === 'generatedSheet' || op.kind === 'createTable') && op.sheet.toLowerCase() === sheet.toLowerCase() ? [op.table.toLowerCase()] : [])));

/**
 * The ops that rename the sheet `sheet` out of the way, and what was kept; none when there is no
 * such sheet. Its tables that are named like one the new sheet's ops `planned` make are renamed
 * too (table names are workbook-wide); its other tables keep their names.
 */
export function keepAside(read: WorkbookRead, sheet: string, reason: KeptSheet['reason'], date: string, lang: Lang, planned: PlanOp[]): GeneratedPlan {
  const found = findSheet(read, sheet);
  if (!found) return { ops: [] };
  const needed = tableNamesOn(planned, sheet);
  const keptName = messages[lang].workbook.keptSheet[reason](found.name, date);
  let name = keptName.slice(0, 31);
  for (let n = 1; findSheet(read, name); n++) name = `${keptName.slice(0, 27)} (${n + 1})`;
  const taken = new Set(read.sheets.flatMap((s) => s.tables.map((t) => t.table?.toLowerCase())));
  const renames: PlanOp[] = found.tables.filter((t) => t.table && needed.has(t.table.toLowerCase())).map((t) => {
    let to = `${t.table}_rettet`;
    for (let i = 2; taken.has(to.toLowerCase()); i++) to = `${t.table}_rettet${i}`;
    taken.add(to.toLowerCase());
    return { kind: 'renameTable', table: t.table!, to };
  });
  return { ops: [...renames, { kind: 'renameSheet', sheet: found.name, to: name }], kept: { sheet: found.name, as: name, reason } };
}

/**
 * Refuses a plan whose tables on the generated sheet `sheet` are named like a table elsewhere in
 * the workbook (the sheet's own tables are replaced with it or renamed aside).
 */
export function refuseTakenTables(read: WorkbookRead, sheet: string, ops: PlanOp[]): void {
  for (const op of ops) {
    if ((op.kind !== 'generatedSheet' && op.kind !== 'createTable') || op.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const found = findTableRead(read, op.table);
    if (found && found.sheet.toLowerCase() !== sheet.toLowerCase()) throw new NotGeneratedError('table', found.table!, found.sheet);
  }
}

/**
 * A generated sheet rebuilt from scratch (Overblik, Afstemning, Fejl): its ops with the marker
 * below them at `row`, after the ops that keep an edited or foreign sheet of that name aside.
 * `date` is the (formatted) date a kept sheet's name carries.
 */
export function planGeneratedSheet(read: WorkbookRead, sheet: string, ops: PlanOp[], options: { row: number; date: string; lang: Lang }): GeneratedPlan {
  const planned = withControl(ops, sheet, messages[options.lang].workbook.control, options.row);
  refuseTakenTables(read, sheet, planned);
  const state = generatedState(read, sheet);
  if (state === 'foreign') {
    // The user's own sheet keeps its tables' names: one the rebuilt sheet needs is refused.
    const needed = tableNamesOn(planned, sheet);
    const found = findSheet(read, sheet)!;
    const clash = found.tables.find((t) => t.table && needed.has(t.table.toLowerCase()));
    if (clash) throw new NotGeneratedError('table', clash.table!, found.name);
  }
  const kept = state === 'edited' || state === 'foreign' ? keepAside(read, sheet, state, options.date, options.lang, planned) : { ops: [] };
  return { ops: [...kept.ops, ...planned], ...(kept.kept ? { kept: kept.kept } : {}) };
}
