/**
 * The structure operation: from what a workbook holds now to the plan that creates or repairs the
 * whole model (sheets, tables, formats, drop-downs, notes). Repair only adds: a missing sheet, table
 * or column. Typed data is never moved or deleted, and planning against a workbook that already has
 * everything gives only layout operations, which change nothing when applied again.
 */
import { messages, type Lang } from '../i18n';
import {
  BUDGET, COLUMNS, INITIATIVE_ID_PATTERN, INITIATIVES, PARTICIPANTS, participantTableName, POSTINGS, SHEETS, STATUS_LOG, TABLE_NAMES, type TableSpec,
} from '../domain/model/schema';
import { safeText, type CellValue } from '../domain/parse/cell';
import { defaultTaxonomies, TAXONOMY_KEYS } from '../domain/taxonomy/defaults';
import { matchKey } from '../domain/taxonomy/normalize';
import { taxonomyToRows } from '../domain/taxonomy/sheet';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { contractColumnIndex, schemaIndex } from './columns';
import { isoAsDateCell, tableLayout, taxonomyLayout, TABLE_TOP_ROW } from './layout';
import type { ColumnLayout, Plan, PlanOp } from './plan';
import { findSheet, findTableRead, type SheetRead, type TableRead, type WorkbookRead } from './read';
import { formatRange, parseRange } from '../domain/model/address';
import { lookAlikes } from '../domain/adopt/lookAlike';

export interface StructureOptions {
  lang?: Lang;
  /** Taxonomies to write into a new `Taksonomier` sheet; the built-in defaults otherwise. */
  taxonomies?: TaxonomySet;
  /**
   * Rows for tables the plan creates, by table name, in the schema's column order (the demo
   * workbook). Never used for a table that exists already.
   */
  rows?: Record<string, CellValue[][]>;
  /** Titles of tracking sheets by initiative ID (the register's `Navn`). */
  initiativeNames?: Record<string, string>;
  /** Extra columns after the contract's, by table name, for a table the plan creates (an adopted sheet's own columns). */
  extraColumns?: Record<string, string[]>;
  /** The sheet a new tracking table goes on, by initiative ID (upper case), when not the sheet named by the ID. */
  trackingSheets?: Record<string, string>;
}

interface Wanted {
  /** The contract table (undefined for a taxonomy table). */
  spec?: TableSpec;
  sheet: string;
  table: string;
  header: string[];
  layout: ColumnLayout[];
  rows: CellValue[][];
  title: string;
  help: string;
}

export function planStructure(workbook: WorkbookRead, options: StructureOptions = {}): Plan {
  const lang = options.lang ?? 'da';
  const t = messages[lang].workbook.titles;
  const rows = options.rows ?? {};
  const wanted: Wanted[] = [];
  const contract = (spec: TableSpec, sheet: string, table: string, title: string, help: string): Wanted => ({
    spec, sheet, table, header: spec.columns.map((c) => c.header), layout: tableLayout(spec, lang), rows: rows[table] ?? [], title, help,
  });

  const taxonomies = options.taxonomies ?? defaultTaxonomies();
  for (const key of TAXONOMY_KEYS) {
    const { header, rows: taxonomyRows } = taxonomyToRows(taxonomies[key]);
    wanted.push({ sheet: SHEETS.taxonomies, table: taxonomies[key].tableName, header, layout: taxonomyLayout(header, lang), rows: taxonomyRows, title: t.taxonomies, help: t.taxonomiesHelp });
  }
  wanted.push(contract(INITIATIVES, SHEETS.initiatives, TABLE_NAMES.initiatives, t.initiatives, t.initiativesHelp));
  for (const [id, name] of initiativesOf(workbook, options)) {
    const table = participantTableName(id);
    const w = contract(PARTICIPANTS, options.trackingSheets?.[id.toUpperCase()] ?? id, table, t.participants(name), t.participantsHelp);
    const extra = options.extraColumns?.[table] ?? [];
    wanted.push(extra.length ? { ...w, header: [...w.header, ...extra] } : w);
  }
  wanted.push(contract(STATUS_LOG, SHEETS.statusLog, TABLE_NAMES.statusLog, t.statusLog, t.statusLogHelp));
  wanted.push(contract(BUDGET, SHEETS.finance, TABLE_NAMES.budget, t.finance, t.financeHelp));
  wanted.push(contract(POSTINGS, SHEETS.finance, TABLE_NAMES.postings, t.finance, t.financeHelp));

  const ops: PlanOp[] = [];
  const nextColumn = new Map<string, number>(); // per sheet: first free column right of everything
  const labelled = new Set<string>();
  for (const given of wanted) {
    let w = given;
    let sheet = findSheet(workbook, w.sheet);
    const existing = findTableRead(workbook, w.table);
    if (existing) {
      const missing = withoutLookAlikes(w, existing, w.header.filter((h) => !existing.header.some((e) => matchKey(safeText(e)) === matchKey(h))));
      if (missing.length) ops.push({ kind: 'addColumns', sheet: existing.sheet, table: w.table, headers: missing });
      ops.push({ kind: 'layoutColumns', sheet: existing.sheet, table: w.table, columns: w.layout });
      continue;
    }
    let block = sheet && !sheet.tables.length && sheet.region ? firstBlock(sheet.region) : undefined;
    let region = block && looksLike(block.header, w.header) ? block : undefined;
    // A hand-kept sheet named by the ID that is not one block under its header (a title above,
    // blank rows, a totals row) is the user's: no table over part of it, no empty table beside it.
    // The tracking table goes on its own sheet `Deltagere_<ID>`; adopting fills it from the
    // hand-kept sheet whole (adopt.ts), and validation says that sheet was not checked.
    if (w.spec === PARTICIPANTS && sheet?.region && !sheet.tables.length && (!region || sheet.region.rows.slice(region.rows.length).some((r) => r.some((v) => safeText(v) !== '')))) {
      const aside = findSheet(workbook, w.table);
      if (aside && (aside.tables.length || aside.region)) continue;
      w = { ...w, sheet: w.table };
      sheet = aside;
      block = undefined;
      region = undefined;
    }
    if (region && !ops.some((op) => op.kind === 'tableFromRange' && op.sheet === sheet!.name)) {
      // Typed before the model existed: keep every value where it is, make it a table.
      ops.push({ kind: 'tableFromRange', sheet: sheet!.name, table: w.table, ref: region.ref });
      const missing = withoutLookAlikes(w, region, w.header.filter((h) => !region.header.some((e) => matchKey(safeText(e)) === matchKey(h))));
      if (missing.length) ops.push({ kind: 'addColumns', sheet: sheet!.name, table: w.table, headers: missing });
      ops.push({ kind: 'layoutColumns', sheet: sheet!.name, table: w.table, columns: w.layout });
      continue;
    }
    const sheetName = sheet?.name ?? w.sheet;
    if (!sheet && !ops.some((op) => op.kind === 'ensureSheet' && op.sheet === sheetName)) ops.push({ kind: 'ensureSheet', sheet: sheetName });
    const column = nextColumn.get(sheetName) ?? (sheet ? firstFreeColumn(sheet) : 1);
    nextColumn.set(sheetName, column + w.header.length + 1);
    if (!sheet && !labelled.has(sheetName)) {
      labelled.add(sheetName);
      ops.push({ kind: 'label', sheet: sheetName, row: 1, column: 1, text: w.title, style: 'title' });
      ops.push({ kind: 'label', sheet: sheetName, row: 2, column: 1, text: w.help, style: 'subtitle' });
      ops.push({ kind: 'freeze', sheet: sheetName, rows: TABLE_TOP_ROW, columns: 0 });
    }
    ops.push({ kind: 'createTable', sheet: sheetName, table: w.table, topLeft: { row: TABLE_TOP_ROW, column }, header: w.header, rows: w.rows.map((r) => r.map(isoAsDateCell)) });
    ops.push({ kind: 'layoutColumns', sheet: sheetName, table: w.table, columns: w.layout });
  }
  return { ops };
}

/**
 * A missing column that a column of the table looks like (renamed "Status" → "Forløbsstatus") is
 * not appended: an empty duplicate would only make every row wrong. Repair proposes the rename
 * instead (renames.ts), applied on the user's word.
 */
function withoutLookAlikes(w: Wanted, table: TableRead, missing: string[]): string[] {
  if (!w.spec || !missing.length) return missing;
  const alike = new Set(lookAlikes(w.spec, table.header, table.rows).map((l) => l.column.header));
  return missing.filter((h) => !alike.has(h));
}

/** Initiatives needing a tracking sheet: valid IDs in the register as it is, and in rows being created. */
function initiativesOf(workbook: WorkbookRead, options: StructureOptions): [string, string][] {
  const found = new Map<string, string>();
  const add = (id: unknown, name: unknown) => {
    const text = safeText(id);
    if (INITIATIVE_ID_PATTERN.test(text) && !found.has(text.toUpperCase())) found.set(text.toUpperCase(), `${text}\u0000${safeText(name) || text}`);
  };
  const register = findTableRead(workbook, TABLE_NAMES.initiatives) ?? findSheet(workbook, SHEETS.initiatives)?.region;
  if (register) {
    const idColumn = contractColumnIndex(register.header, COLUMNS.initiatives.id);
    const nameColumn = contractColumnIndex(register.header, COLUMNS.initiatives.name);
    if (idColumn >= 0) for (const row of register.rows) add(row[idColumn], row[nameColumn]);
  }
  const [id, name] = [schemaIndex(INITIATIVES, 'id'), schemaIndex(INITIATIVES, 'name')];
  for (const row of options.rows?.[TABLE_NAMES.initiatives] ?? []) add(row[id], row[name]);
  for (const [id, name] of Object.entries(options.initiativeNames ?? {})) add(id, name);
  return [...found.values()].map((v) => v.split('\u0000') as [string, string]);
}

/** A plain range is taken for a contract table when at least three of its columns are there by name. */
function looksLike(header: CellValue[], wanted: string[]): boolean {
  const keys = new Set(header.map((h) => matchKey(safeText(h))));
  return wanted.filter((h) => keys.has(matchKey(h))).length >= Math.min(3, wanted.length);
}

/**
 * The block of a plain range that a table can take: header cells up to the first empty one, rows up
 * to the first wholly empty one (as Excel's "current region"). Notes beside or below stay outside.
 */
function firstBlock(region: TableRead): TableRead {
  const blankHeader = region.header.findIndex((h) => safeText(h) === '');
  const width = blankHeader < 0 ? region.header.length : blankHeader;
  const blankRow = region.rows.findIndex((r) => r.slice(0, width).every((v) => safeText(v) === ''));
  const rows = (blankRow < 0 ? region.rows : region.rows.slice(0, blankRow)).map((r) => r.slice(0, width));
  const { top, left } = parseRange(region.ref);
  return {
    ...region,
    header: region.header.slice(0, width),
    rows,
    ref: formatRange({ top, left, right: left + width - 1, bottom: top + Math.max(rows.length, 1) }),
  };
}

function firstFreeColumn(sheet: SheetRead): number {
  let last = 0;
  for (const t of [...sheet.tables, ...(sheet.region ? [sheet.region] : [])]) last = Math.max(last, parseRange(t.ref).right);
  return last === 0 ? 1 : last + 2;
}

