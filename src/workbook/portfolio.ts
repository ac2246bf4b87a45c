/**
 * One portfolio from many workbooks (`indsats consolidate`): each workbook's contract content is
 * taken out of its read (rows in the schema's column order, so a rearranged sheet is read right),
 * the contents are merged, and the merged content becomes the rows of a new workbook built by the
 * structure planner. Merging never guesses: the same initiative ID with different content in two
 * files is an `id-clash` naming both files (the caller refuses), the same code with different names
 * in a taxonomy is a `taxonomy-conflict` (the first file's entry is kept, the conflict reported).
 * Frozen snapshots (Statusfotos) go with their initiative, like its status log; imported refund
 * files (Refusionsberegning) go by their Fil: the same file imported in two workbooks with the same
 * rows is taken once, with other rows it is a `refund-clash` naming both workbooks.
 * Problems carry neutral params; src/i18n renders them.
 */
import { BUDGET, INITIATIVES, PARTICIPANTS, participantTableName, POSTINGS, SHEETS, STATUS_LOG, TABLE_NAMES, type TableSpec } from '../domain/model/schema';
import { safeText, type CellValue } from '../domain/parse/cell';
import { defaultTaxonomies, TAXONOMY_KEYS } from '../domain/taxonomy/defaults';
import { matchKey } from '../domain/taxonomy/normalize';
import { readTaxonomyTable, taxonomyToRows } from '../domain/taxonomy/sheet';
import type { TaxonomyKey, TaxonomySet } from '../domain/taxonomy/types';
import { cellKey, isEmptyValue } from './adapterRules';
import { contractColumnIndex } from './columns';
import { isoAsDateCell } from './layout';
import type { Plan } from './plan';
import { findSheet, findTableRead, type TableRead, type WorkbookRead } from './read';
import { planStructure } from './structure';
import type { Lang } from '../i18n';
import { comparableSnapshotRow, planSnapshotInto, SNAPSHOT_ID_INDEX, snapshotRows, snapshotTable } from './snapshotSheet';
import type { KeptSheet } from './generated';
import { planRefundRows, REFUND_FILE_INDEX, REFUND_IMPORTED_INDEX, refundRows, refundTable } from './refundSheet';

/** One initiative of a workbook: its register row and its tracking rows (schema column order). */
export interface InitiativeContent {
  id: string;
  register: CellValue[];
  /** Undefined: the workbook has no tracking table for it. */
  participants?: CellValue[][];
}

/** What a workbook holds of the contract, in the schema's column order. */
export interface WorkbookContent {
  file: string;
  initiatives: InitiativeContent[];
  statusLog: CellValue[][];
  budget: CellValue[][];
  postings: CellValue[][];
  /** The rows of the add-in's Statusfotos (snapshotSheet.ts column order); a user's table of that name is not read. */
  snapshots: CellValue[][];
  /** The rows of Refusionsberegning (refundSheet.ts column order). */
  refunds: CellValue[][];
  /** Only the taxonomies the workbook has a table for. */
  taxonomies: Partial<TaxonomySet>;
  /** Columns of contract tables that are not in the contract: not carried. */
  extraColumns: { table: string; columns: string[] }[];
}

/** What of an initiative differs between two files. */
export type ClashPart = 'register' | 'participants' | 'statusLog' | 'finance' | 'snapshots';

export type PortfolioProblem =
  /** The same initiative ID with different content (register row or tracking rows) in two files. */
  | { code: 'id-clash'; id: string; file: string; other: string; what: ClashPart }
  /** The same refund file (Fil) imported in two workbooks with different rows. */
  | { code: 'refund-clash'; refundFile: string; file: string; other: string }
  /** The same refund file imported in two workbooks with the same rows: taken once. */
  | { code: 'refund-identical'; refundFile: string; file: string; other: string }
  /** The same initiative ID twice in one file's register. */
  | { code: 'id-twice'; id: string; file: string }
  /** The same initiative with identical content in two files: taken once. */
  | { code: 'id-identical'; id: string; file: string; other: string }
  /** Same taxonomy code, different name: the first file's entry is kept. */
  | { code: 'taxonomy-conflict'; taxonomy: string; taxonomyCode: string; name: string; file: string; otherName: string; other: string }
  /** A workbook without the register (the table Indsatser): not an Indsatsmonitor workbook. */
  | { code: 'no-register'; file: string }
  /** Columns the contract does not know: not carried into the portfolio. */
  | { code: 'extra-columns'; file: string; table: string; columns: string[] };

/** Problems that refuse the portfolio (nothing is written). */
export const isRefusal = (p: PortfolioProblem): boolean => p.code === 'id-clash' || p.code === 'id-twice' || p.code === 'no-register' || p.code === 'refund-clash';

const isBlankRow = (row: readonly CellValue[]) => row.every((v) => isEmptyValue(v) || (typeof v === 'string' && v.trim() === ''));

/** A table's rows in the spec's column order (missing columns empty), wholly empty rows left out; and the columns left over. */
export function contractRows(table: TableRead, spec: TableSpec): { rows: CellValue[][]; extra: string[] } {
  const indexes = spec.columns.map((c) => contractColumnIndex(table.header, c.header));
  const used = new Set(indexes);
  const extra = table.header.map((h, i) => (used.has(i) ? '' : safeText(h))).filter((h) => h !== '');
  const rows = table.rows.map((row) => indexes.map((i) => (i >= 0 ? (row[i] ?? null) : null))).filter((r) => !isBlankRow(r));
  return { rows, extra };
}

/** The contract content of one workbook. */
export function workbookContent(file: string, read: WorkbookRead): WorkbookContent | undefined {
  const register = findTableRead(read, TABLE_NAMES.initiatives);
  if (!register) return undefined;
  const extraColumns: WorkbookContent['extraColumns'] = [];
  const take = (table: TableRead | undefined, spec: TableSpec): CellValue[][] | undefined => {
    if (!table) return undefined;
    const { rows, extra } = contractRows(table, spec);
    if (extra.length) extraColumns.push({ table: table.table ?? table.sheet, columns: extra });
    return rows;
  };
  const idIndex = INITIATIVES.columns.indexOf(INITIATIVES.column.id);
  const initiatives = take(register, INITIATIVES)!.map((row): InitiativeContent => {
    const id = safeText(row[idIndex]).trim();
    const participants = id ? take(findTableRead(read, participantTableName(id)), PARTICIPANTS) : undefined;
    return participants ? { id, register: row, participants } : { id, register: row };
  });
  const taxonomies: Partial<TaxonomySet> = {};
  const defaults = defaultTaxonomies();
  const taxonomySheet = findSheet(read, SHEETS.taxonomies);
  for (const key of TAXONOMY_KEYS) {
    const table = taxonomySheet?.tables.find((t) => t.table?.toLowerCase() === defaults[key].tableName.toLowerCase());
    if (table) taxonomies[key] = readTaxonomyTable(key, table).taxonomy;
  }
  return {
    file,
    initiatives,
    statusLog: take(findTableRead(read, TABLE_NAMES.statusLog), STATUS_LOG) ?? [],
    budget: take(findTableRead(read, TABLE_NAMES.budget), BUDGET) ?? [],
    postings: take(findTableRead(read, TABLE_NAMES.postings), POSTINGS) ?? [],
    snapshots: snapshotRows(snapshotTable(read)),
    refunds: refundRows(refundTable(read)),
    taxonomies,
    extraColumns,
  };
}

export interface MergedPortfolio {
  /** Rows by table name, as planStructure takes them. */
  rows: Record<string, CellValue[][]>;
  /** For each row of `rows`, the index of the content it came from. */
  origin: Record<string, number[]>;
  taxonomies: TaxonomySet;
  /** Statusfotos and Refusionsberegning rows (their tables' own column order), each with the index of the content it came from. */
  snapshots: { rows: CellValue[][]; origin: number[] };
  refunds: { rows: CellValue[][]; origin: number[] };
  problems: PortfolioProblem[];
  /** Initiatives and tracking rows in the portfolio. */
  initiatives: number;
  participants: number;
}

const rowsKey = (rows: readonly (readonly CellValue[])[] | undefined) => (rows ? rows.map((r) => r.map(cellKey).join('\u0001')).join('\u0002') : '');

/** The rows of a table that belong to an initiative (its ID is the first column of the status log, budget and postings). */
const rowsOf = (rows: CellValue[][], key: string, column = 0) => rows.filter((r) => safeText(r[column]).trim().toUpperCase() === key);

/** Where two workbooks' copies of an initiative differ, or undefined when they are the same (status log and finance included). */
function clashOf(a: InitiativeContent, aIn: WorkbookContent, b: InitiativeContent, bIn: WorkbookContent): ClashPart | undefined {
  const key = a.id.toUpperCase();
  if (rowsKey([a.register]) !== rowsKey([b.register])) return 'register';
  if (rowsKey(a.participants) !== rowsKey(b.participants)) return 'participants';
  if (rowsKey(rowsOf(aIn.statusLog, key)) !== rowsKey(rowsOf(bIn.statusLog, key))) return 'statusLog';
  if (rowsKey([...rowsOf(aIn.budget, key), ...rowsOf(aIn.postings, key)]) !== rowsKey([...rowsOf(bIn.budget, key), ...rowsOf(bIn.postings, key)])) return 'finance';
  const frozen = (c: WorkbookContent) => rowsKey(rowsOf(c.snapshots, key, SNAPSHOT_ID_INDEX).map(comparableSnapshotRow));
  if (frozen(aIn) !== frozen(bIn)) return 'snapshots';
  return undefined;
}

/** Merges the workbooks' contents in the order given (the first file's entry wins a taxonomy conflict). */
export function mergeContents(contents: WorkbookContent[]): MergedPortfolio {
  const problems: PortfolioProblem[] = [];
  const owners = new Map<string, { file: string; content: InitiativeContent; workbook: WorkbookContent }>();
  const rows: Record<string, CellValue[][]> = {
    [TABLE_NAMES.initiatives]: [], [TABLE_NAMES.statusLog]: [], [TABLE_NAMES.budget]: [], [TABLE_NAMES.postings]: [],
  };
  const origin: Record<string, number[]> = Object.fromEntries(Object.keys(rows).map((k) => [k, []]));
  let participants = 0;
  const snapshots: MergedPortfolio['snapshots'] = { rows: [], origin: [] };
  const push = (table: string, list: CellValue[][], from: number) => {
    (rows[table] ??= []).push(...list);
    (origin[table] ??= []).push(...list.map(() => from));
  };
  for (const [index, content] of contents.entries()) {
    for (const e of content.extraColumns) problems.push({ code: 'extra-columns', file: content.file, table: e.table, columns: e.columns });
    // Initiatives this file repeats identically: their status log and finance rows came with the first file.
    const repeated = new Set<string>();
    const seenHere = new Set<string>();
    for (const initiative of content.initiatives) {
      const key = initiative.id.toUpperCase();
      if (key && seenHere.has(key)) {
        problems.push({ code: 'id-twice', id: initiative.id, file: content.file });
        continue;
      }
      seenHere.add(key);
      const owner = key ? owners.get(key) : undefined;
      if (owner) {
        const what = clashOf(owner.content, owner.workbook, initiative, content);
        if (what) problems.push({ code: 'id-clash', id: initiative.id, file: owner.file, other: content.file, what });
        else {
          problems.push({ code: 'id-identical', id: initiative.id, file: owner.file, other: content.file });
          repeated.add(key);
        }
        continue;
      }
      if (key) owners.set(key, { file: content.file, content: initiative, workbook: content });
      push(TABLE_NAMES.initiatives, [initiative.register], index);
      if (initiative.id && initiative.participants) {
        push(participantTableName(initiative.id), initiative.participants, index);
        participants += initiative.participants.length;
      }
    }
    const carried = (list: CellValue[][], column = 0) => list.filter((r) => !repeated.has(safeText(r[column]).trim().toUpperCase()));
    push(TABLE_NAMES.statusLog, carried(content.statusLog), index);
    push(TABLE_NAMES.budget, carried(content.budget), index);
    push(TABLE_NAMES.postings, carried(content.postings), index);
    const frozen = carried(content.snapshots, SNAPSHOT_ID_INDEX);
    snapshots.rows.push(...frozen);
    snapshots.origin.push(...frozen.map(() => index));
  }
  const { taxonomies, problems: taxonomyProblems } = mergeTaxonomies(contents);
  const refunds = mergeRefunds(contents);
  return {
    rows, origin, taxonomies, snapshots, refunds: { rows: refunds.rows, origin: refunds.origin },
    problems: [...problems, ...refunds.problems, ...taxonomyProblems], initiatives: owners.size, participants,
  };
}

/** A refund row without the day it was imported: the same file imported on another day is the same file. */
const refundKey = (rows: CellValue[][]) => rowsKey(rows.map((r) => r.filter((_, i) => i !== REFUND_IMPORTED_INDEX)));

/**
 * Refusionsberegning rows by imported file (Fil), in the order the files first come: a file
 * another workbook imported already is taken once when its rows are the same (`refund-identical`)
 * and is a `refund-clash` when they differ.
 */
function mergeRefunds(contents: WorkbookContent[]): { rows: CellValue[][]; origin: number[]; problems: PortfolioProblem[] } {
  const rows: CellValue[][] = [];
  const origin: number[] = [];
  const problems: PortfolioProblem[] = [];
  const seen = new Map<string, { file: string; key: string }>();
  for (const [index, content] of contents.entries()) {
    const byFile = new Map<string, CellValue[][]>();
    for (const r of content.refunds) {
      const name = safeText(r[REFUND_FILE_INDEX]).trim();
      const list = byFile.get(name);
      if (list) list.push(r);
      else byFile.set(name, [r]);
    }
    for (const [name, list] of byFile) {
      const first = seen.get(name);
      const key = refundKey(list);
      if (first) {
        problems.push(first.key === key
          ? { code: 'refund-identical', refundFile: name, file: first.file, other: content.file }
          : { code: 'refund-clash', refundFile: name, file: first.file, other: content.file });
        continue;
      }
      seen.set(name, { file: content.file, key });
      rows.push(...list);
      origin.push(...list.map(() => index));
    }
  }
  return { rows, origin, problems };
}

/** Entries by code; a code with another name than the first file gave it is a conflict (the first kept). */
function mergeTaxonomies(contents: WorkbookContent[]): { taxonomies: TaxonomySet; problems: PortfolioProblem[] } {
  const taxonomies = defaultTaxonomies();
  const problems: PortfolioProblem[] = [];
  for (const key of TAXONOMY_KEYS) {
    const from = contents.filter((c) => c.taxonomies[key]);
    if (!from.length) continue;
    const entries = new Map<string, { file: string; entry: TaxonomySet[TaxonomyKey]['entries'][number] }>();
    for (const content of from) {
      for (const entry of content.taxonomies[key]!.entries) {
        const code = matchKey(entry.code);
        const first = entries.get(code);
        if (!first) entries.set(code, { file: content.file, entry });
        else if (matchKey(first.entry.name) !== matchKey(entry.name)) {
          problems.push({ code: 'taxonomy-conflict', taxonomy: taxonomies[key].tableName, taxonomyCode: first.entry.code, name: first.entry.name, file: first.file, otherName: entry.name, other: content.file });
        }
      }
    }
    taxonomies[key] = { ...taxonomies[key], entries: [...entries.values()].map((e) => e.entry) };
  }
  return { taxonomies, problems };
}

/** The contract table a merged table name stands for. */
function specOf(table: string): TableSpec | undefined {
  if (table === TABLE_NAMES.initiatives) return INITIATIVES;
  if (table === TABLE_NAMES.statusLog) return STATUS_LOG;
  if (table === TABLE_NAMES.budget) return BUDGET;
  if (table === TABLE_NAMES.postings) return POSTINGS;
  return table.startsWith(participantTableName('')) ? PARTICIPANTS : undefined;
}

/**
 * The plan that brings the merged content into `target`: tables it has get the other contents'
 * rows appended (in its own column order); tables it lacks are created with them by the structure
 * planner, with the merged taxonomies; Statusfotos and Refusionsberegning by the planners the
 * snapshot and refund import use (Statusfotos with the add-in's marker; a user's table of that
 * name refuses the plan, NotGeneratedError). `targetIndex` is the target's place among the merged
 * contents (its rows are there already), -1 when it held none. `date`: the formatted date a sheet
 * Statusfotos kept aside is named with. Overblik and Afstemning are rebuilt after this plan.
 */
export function planPortfolio(target: WorkbookRead, merged: MergedPortfolio, lang: Lang, targetIndex = -1, date = ''): Plan & { kept?: KeptSheet } {
  const created: Record<string, CellValue[][]> = {};
  const appends: Plan['ops'] = [];
  const newIds: Record<string, string> = {};
  const [idIndex, nameIndex] = [INITIATIVES.columns.indexOf(INITIATIVES.column.id), INITIATIVES.columns.indexOf(INITIATIVES.column.name)];
  for (const [table, rows] of Object.entries(merged.rows)) {
    const added = rows.filter((_, i) => merged.origin[table]?.[i] !== targetIndex);
    if (!added.length) continue;
    const spec = specOf(table);
    const existing = findTableRead(target, table);
    if (table === TABLE_NAMES.initiatives) for (const r of added) newIds[safeText(r[idIndex]).trim()] = safeText(r[nameIndex]);
    if (!existing || !spec) {
      created[table] = added;
      continue;
    }
    const positions = existing.header.map((h) => spec.columns.findIndex((c) => matchKey(c.header) === matchKey(safeText(h))));
    appends.push({ kind: 'appendRows', sheet: existing.sheet, table: existing.table!, rows: added.map((r) => positions.map((p) => (p >= 0 ? r[p] ?? null : null))) });
  }
  appends.push(...taxonomyAppends(target, merged.taxonomies));
  const structure = planStructure(target, { lang, taxonomies: merged.taxonomies, rows: created, initiativeNames: newIds });
  const added = (part: { rows: CellValue[][]; origin: number[] }) => part.rows.filter((_, i) => part.origin[i] !== targetIndex);
  const refunds = added(merged.refunds);
  const snapshots = added(merged.snapshots);
  const frozen = snapshots.length ? planSnapshotInto(target, snapshots, lang, date) : { ops: [] };
  // Rows first (a table that grows is checked for room), then what the structure adds.
  return {
    ops: [...appends, ...structure.ops, ...(refunds.length ? planRefundRows(refundTable(target), refunds, lang) : []), ...frozen.ops],
    ...(frozen.kept ? { kept: frozen.kept } : {}),
  };
}

/** Entries of the merged taxonomies that a taxonomy table of the target lacks, appended to it. */
function taxonomyAppends(target: WorkbookRead, taxonomies: TaxonomySet): Plan['ops'] {
  const ops: Plan['ops'] = [];
  for (const key of TAXONOMY_KEYS) {
    const table = findTableRead(target, taxonomies[key].tableName);
    if (!table) continue;
    const have = new Set(readTaxonomyTable(key, table).taxonomy.entries.map((e) => matchKey(e.code)));
    const missing = taxonomies[key].entries.filter((e) => !have.has(matchKey(e.code)));
    if (!missing.length) continue;
    const { header, rows } = taxonomyToRows({ ...taxonomies[key], entries: missing });
    const positions = table.header.map((h) => header.findIndex((c) => matchKey(c) === matchKey(safeText(h))));
    ops.push({ kind: 'appendRows', sheet: table.sheet, table: table.table!, rows: rows.map((r) => positions.map((p) => (p >= 0 ? isoAsDateCell(r[p]) : null))) });
  }
  return ops;
}

