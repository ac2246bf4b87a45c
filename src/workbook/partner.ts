/**
 * The partner round trip: "Lav partnerudgave" writes a workbook with one initiative's register row
 * and tracking sheet, the taxonomies and the add-in's structure (no other initiative, no status
 * log, no finance); "Indlæs partnerudgave" compares the partner's tracking rows with the main
 * workbook's by Deltager-ID. New rows are appended; changed cells are listed and written only when
 * the user accepts them, each over the value it was compared with (setValues with `expected`, so a
 * cell changed in the main workbook since refuses the plan); rows the partner deleted are reported
 * and kept.
 */
import { cellAddress } from '../domain/model/address';
import { INITIATIVES, PARTICIPANTS, participantTableName, SHEETS, STATUS_LOG, BUDGET, POSTINGS, TABLE_NAMES } from '../domain/model/schema';
import { safeText, type CellValue } from '../domain/parse/cell';
import { defaultTaxonomies, TAXONOMY_KEYS } from '../domain/taxonomy/defaults';
import { matchKey } from '../domain/taxonomy/normalize';
import { readTaxonomyTable } from '../domain/taxonomy/sheet';
import type { TaxonomySet } from '../domain/taxonomy/types';
import type { Lang } from '../i18n';
import { cellKey } from './adapterRules';
import { contractColumnIndex } from './columns';
import type { Plan, PlanOp } from './plan';
import { contractRows } from './portfolio';
import { findSheet, findTableRead, type TableRead, type WorkbookRead } from './read';
import { planStructure } from './structure';

export type PartnerProblem =
  /** The main workbook has no register (table Indsatser). */
  | { code: 'no-register' }
  /** No initiative with this ID in the register; `known` lists the IDs there are. */
  | { code: 'not-found'; id: string; known: string[] }
  /** The partner file is not a partner workbook: its register must hold exactly one initiative with a tracking table. */
  | { code: 'not-partner'; initiatives: number }
  /** The partner file's initiative is not in the main workbook (a partner file for another workbook). */
  | { code: 'other-initiative'; id: string; known: string[] }
  /** The main workbook has no tracking table for the initiative. */
  | { code: 'no-table'; id: string };

export class PartnerError extends Error {
  constructor(readonly problem: PartnerProblem) {
    super(`partner: ${problem.code}`);
    this.name = 'PartnerError';
  }
}

const idIndex = INITIATIVES.columns.indexOf(INITIATIVES.column.id);
const registerIds = (register: TableRead) => {
  const column = contractColumnIndex(register.header, INITIATIVES.column.id.header);
  return column < 0 ? [] : register.rows.map((r) => safeText(r[column]).trim()).filter(Boolean);
};

/** The workbook's taxonomies: its own tables, the built-in defaults for those it lacks. */
function taxonomiesOf(read: WorkbookRead): TaxonomySet {
  const taxonomies = defaultTaxonomies();
  const sheet = findSheet(read, SHEETS.taxonomies);
  for (const key of TAXONOMY_KEYS) {
    const table = sheet?.tables.find((t) => t.table?.toLowerCase() === taxonomies[key].tableName.toLowerCase());
    if (table) taxonomies[key] = readTaxonomyTable(key, table).taxonomy;
  }
  return taxonomies;
}

/** The partner workbook's plan (for a new, empty workbook) and what it holds. */
export function planPartnerWorkbook(read: WorkbookRead, initiativeId: string, lang: Lang): { plan: Plan; id: string; rows: number } {
  const register = findTableRead(read, TABLE_NAMES.initiatives);
  if (!register) throw new PartnerError({ code: 'no-register' });
  const rows = contractRows(register, INITIATIVES).rows;
  const row = rows.find((r) => safeText(r[idIndex]).trim().toUpperCase() === initiativeId.trim().toUpperCase());
  if (!row) throw new PartnerError({ code: 'not-found', id: initiativeId, known: registerIds(register) });
  const id = safeText(row[idIndex]).trim();
  const tracking = findTableRead(read, participantTableName(id));
  const participants = tracking ? contractRows(tracking, PARTICIPANTS).rows : [];
  const plan = planStructure({ sheets: [] }, { lang, taxonomies: taxonomiesOf(read), rows: { [TABLE_NAMES.initiatives]: [row], [participantTableName(id)]: participants } });
  return { plan, id, rows: participants.length };
}

/** One changed cell of a tracking row. */
export interface RowChange {
  participantId: string;
  /** The column's header (the contract's). */
  column: string;
  /** The cell in the main workbook's tracking sheet. */
  address: string;
  /** The main workbook's value (what the cell must still hold when the change is written). */
  from: CellValue;
  /** The partner's value. */
  to: CellValue;
}

export interface PartnerDiff {
  initiativeId: string;
  sheet: string;
  table: string;
  /** Rows the partner added (schema column order) with their Deltager-ID. */
  added: { participantId: string; row: CellValue[] }[];
  changes: RowChange[];
  /** Rows of the main workbook the partner's file no longer has: reported, kept. */
  deleted: { participantId: string; address: string }[];
  /** Rows of the partner's status log, budget or postings: not taken back (the partner file carries none). */
  ignored: { table: string; rows: number }[];
  /** Cells of the initiative's register row the partner changed: reported, not taken back (the register is the main workbook's). */
  registerChanges: { column: string; from: CellValue; to: CellValue }[];
}

const participantKey = (v: CellValue) => safeText(v).trim().toUpperCase();

/** Compares the partner's tracking rows with the main workbook's (see the file comment). */
export function diffPartner(main: WorkbookRead, partner: WorkbookRead): PartnerDiff {
  const partnerRegister = findTableRead(partner, TABLE_NAMES.initiatives);
  const partnerIds = partnerRegister ? registerIds(partnerRegister) : [];
  if (partnerIds.length !== 1) throw new PartnerError({ code: 'not-partner', initiatives: partnerIds.length });
  const [given] = partnerIds;
  const partnerTable = findTableRead(partner, participantTableName(given));
  if (!partnerTable) throw new PartnerError({ code: 'not-partner', initiatives: 1 });
  const register = findTableRead(main, TABLE_NAMES.initiatives);
  if (!register) throw new PartnerError({ code: 'no-register' });
  const known = registerIds(register);
  const id = known.find((k) => k.toUpperCase() === given.toUpperCase());
  if (!id) throw new PartnerError({ code: 'other-initiative', id: given, known });
  const table = findTableRead(main, participantTableName(id));
  if (!table) throw new PartnerError({ code: 'no-table', id });

  // Main rows by Deltager-ID, with their place on the sheet; the partner's in the schema's order.
  const columns = PARTICIPANTS.columns.map((c) => ({ header: c.header, main: contractColumnIndex(table.header, c.header), partner: contractColumnIndex(partnerTable.header, c.header) }));
  const idColumn = columns[PARTICIPANTS.columns.indexOf(PARTICIPANTS.column.participantId)];
  const startColumn = columns[PARTICIPANTS.columns.indexOf(PARTICIPANTS.column.startDate)];
  const mainRows = table.rows.map((row, index) => ({ row, index })).filter(({ row }) => idColumn.main >= 0 && participantKey(row[idColumn.main]) !== '');
  const partnerRows = contractRows(partnerTable, PARTICIPANTS).rows;
  const at = (row: CellValue[], i: number) => (i >= 0 ? (row[i] ?? null) : null);

  const byKey = new Map<string, { row: CellValue[]; index: number }[]>();
  for (const r of mainRows) {
    const key = participantKey(r.row[idColumn.main]);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const diff: PartnerDiff = { initiativeId: id, sheet: table.sheet, table: table.table!, added: [], changes: [], deleted: [], ignored: [], registerChanges: registerChanges(register, partnerRegister!, id) };
  const matched = new Set<{ row: CellValue[]; index: number }>();
  const pairs: [CellValue[], { row: CellValue[]; index: number }][] = [];
  const pending: CellValue[][] = [];
  // First the rows whose Deltager-ID and Startdato both match (a citizen with two courses), then by order.
  for (const row of partnerRows) {
    const candidates = (byKey.get(participantKey(row[0])) ?? []).filter((c) => !matched.has(c));
    const same = candidates.find((c) => cellKey(at(c.row, startColumn.main)) === cellKey(row[PARTICIPANTS.columns.indexOf(PARTICIPANTS.column.startDate)]));
    if (same) {
      matched.add(same);
      pairs.push([row, same]);
    } else pending.push(row);
  }
  for (const row of pending) {
    const next = (byKey.get(participantKey(row[0])) ?? []).find((c) => !matched.has(c));
    if (next) {
      matched.add(next);
      pairs.push([row, next]);
    } else diff.added.push({ participantId: safeText(row[0]).trim(), row });
  }
  const sheetRow = (index: number) => table.headerRow + 1 + index;
  for (const [row, main] of pairs.sort((a, b) => a[1].index - b[1].index)) {
    columns.forEach((c, i) => {
      if (c.main < 0 || c.partner < 0) return; // a column one of them lacks is not compared
      const from = at(main.row, c.main);
      if (cellKey(from) === cellKey(row[i])) return;
      diff.changes.push({ participantId: safeText(row[0]).trim(), column: c.header, address: cellAddress(sheetRow(main.index), table.firstColumn + c.main), from, to: row[i] ?? null });
    });
  }
  for (const r of mainRows) {
    if (!matched.has(r)) diff.deleted.push({ participantId: safeText(r.row[idColumn.main]).trim(), address: cellAddress(sheetRow(r.index), table.firstColumn + idColumn.main) });
  }
  for (const [name, spec] of [[TABLE_NAMES.statusLog, STATUS_LOG], [TABLE_NAMES.budget, BUDGET], [TABLE_NAMES.postings, POSTINGS]] as const) {
    const t = findTableRead(partner, name);
    const rows = t ? contractRows(t, spec).rows.length : 0;
    if (rows) diff.ignored.push({ table: name, rows });
  }
  return diff;
}

/** The register row's cells that differ between the main workbook and the partner's copy (columns both have). */
function registerChanges(main: TableRead, partner: TableRead, id: string): PartnerDiff['registerChanges'] {
  const rowOf = (t: TableRead) => contractRows(t, INITIATIVES).rows.find((r) => safeText(r[idIndex]).trim().toUpperCase() === id.toUpperCase());
  const [mine, theirs] = [rowOf(main), rowOf(partner)];
  if (!mine || !theirs) return [];
  return INITIATIVES.columns.flatMap((c, i) => {
    if (contractColumnIndex(main.header, c.header) < 0 || contractColumnIndex(partner.header, c.header) < 0) return [];
    return cellKey(mine[i]) === cellKey(theirs[i]) ? [] : [{ column: c.header, from: mine[i] ?? null, to: theirs[i] ?? null }];
  });
}

/** Participant IDs with changes, in order. */
export const changedIds = (diff: PartnerDiff): string[] => [...new Set(diff.changes.map((c) => c.participantId))];

/**
 * The plan that takes the partner's rows back: every added row, and the changes of the accepted
 * participants ('all' or a list of Deltager-IDs), each written only over the value compared.
 */
export function planPartnerMerge(main: WorkbookRead, diff: PartnerDiff, accept: 'all' | string[]): Plan {
  const table = findTableRead(main, diff.table)!;
  const ops: PlanOp[] = [];
  const wanted = accept === 'all' ? undefined : new Set(accept.map((a) => a.trim().toUpperCase()));
  const cells = diff.changes
    .filter((c) => !wanted || wanted.has(c.participantId.toUpperCase()))
    .map((c) => ({ address: c.address, value: c.to ?? null, expected: c.from ?? null }));
  // The changed cells first: a cell changed in the main workbook refuses the plan before anything grows.
  if (cells.length) ops.push({ kind: 'setValues', sheet: diff.sheet, cells });
  if (diff.added.length) {
    const positions = table.header.map((h) => PARTICIPANTS.columns.findIndex((c) => matchKey(c.header) === matchKey(safeText(h))));
    ops.push({ kind: 'appendRows', sheet: diff.sheet, table: diff.table, rows: diff.added.map(({ row }) => positions.map((p) => (p >= 0 ? row[p] ?? null : null))) });
  }
  return { ops };
}
