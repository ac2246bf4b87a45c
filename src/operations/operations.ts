/**
 * The add-in's commands, shared by the task pane and the ribbon buttons: each reads the workbook
 * once, lets the domain core decide, and writes one plan. Long ones take a signal so the user can
 * cancel between steps; nothing is written after a cancel.
 */
import { messages, type Lang } from '../i18n';
import { COLUMNS, INITIATIVE_ID_PATTERN, INITIATIVES, participantTableName, SHEETS, TABLE_NAMES, type ColumnKey } from '../domain/model/schema';
import type { Initiative } from '../domain/model/types';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { formatDanishDate } from '../domain/parse/calendarDate';
import { isoAsDateCell } from '../workbook/layout';
import { safeText } from '../domain/parse/cell';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { validateWorkbook, type Finding } from '../domain/validate';
import { FINDINGS_SHEET, planFindingsSheet } from '../workbook/findingsSheet';
import { planGeneratedSheet, type KeptSheet } from '../workbook/generated';
import type { PlanOp } from '../workbook/plan';
import { findTableRead, tablesOf, textsOf, type WorkbookRead } from '../workbook/read';
import { planStructure, type StructureOptions } from '../workbook/structure';
import { planTaxonomyUpdate } from '../workbook/taxonomyUpdate';
import { columnIndex } from '../workbook/columns';
import { planRenames, renameSuggestions, withRenames, type ColumnRename, type RenameProblem } from '../workbook/renames';

export type { ColumnRename } from '../workbook/renames';
import type { ApplyResult, LiveWorkbook } from './liveWorkbook';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

const check = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new CancelledError();
};

export interface SetUpResult extends ApplyResult {
  /** Sheets, tables and columns that were added (0 = nothing was missing). */
  added: number;
  /** Columns renamed as asked. */
  renamed: ColumnRename[];
  /** Renames still proposed: a missing column that a column of the table looks like (not appended). */
  suggested: ColumnRename[];
}

/** A rename asked for that cannot be made; nothing was written. */
export class RenameError extends Error {
  constructor(readonly problems: RenameProblem[]) {
    super(problems.map((p) => `${p.kind}: ${p.from}`).join('; '));
    this.name = 'RenameError';
  }
}

/**
 * Creates or repairs the model in the open workbook. `rows` fills the tables the plan creates (the
 * demo workbook's content); tables that exist already are never filled. `rename` renames columns
 * as the user asked ("Forløbsstatus" → "Status"), in the same plan, before anything is added.
 */
export async function setUpWorkbook(
  workbook: LiveWorkbook, lang: Lang, signal?: AbortSignal, content: Pick<StructureOptions, 'rows'> & { rename?: { from: string; to: string }[] } = {},
): Promise<SetUpResult> {
  const read = await workbook.read();
  check(signal);
  const renaming = planRenames(read, content.rename ?? []);
  if (renaming.problems.length) throw new RenameError(renaming.problems);
  const after = withRenames(read, renaming.renames);
  const plan = planStructure(after, { lang, ...(content.rows ? { rows: content.rows } : {}) });
  const result = await workbook.apply({ ops: [...renaming.ops, ...plan.ops] });
  return { ...result, added: plan.ops.filter((op) => op.kind !== 'layoutColumns').length, renamed: renaming.renames, suggested: renameSuggestions(after) };
}

export interface TaxonomyUpdateResult {
  /** Built-in entries appended to the workbook's taxonomy tables. */
  added: number;
  /** Entries given the built-in Gyldig til / Erstattes af (empty cells only). */
  endDated: number;
}

/**
 * *Opdater taksonomier*: the taxonomy columns a table lacks are added, then the built-in entries
 * the workbook lacks are appended and those the law has ended are end-dated, in empty cells only
 * (src/workbook/taxonomyUpdate.ts). The municipality's own rows and edits stay as they are.
 */
export async function updateTaxonomies(workbook: LiveWorkbook, lang: Lang, signal?: AbortSignal): Promise<TaxonomyUpdateResult> {
  const before = await workbook.read();
  check(signal);
  const columns = planStructure(before, { lang }).ops.filter((op) => op.kind === 'addColumns' && op.sheet.toLowerCase() === SHEETS.taxonomies.toLowerCase());
  if (columns.length) await workbook.apply({ ops: columns });
  check(signal);
  const plan = planTaxonomyUpdate(columns.length ? await workbook.read() : before);
  if (plan.ops.length) await workbook.apply({ ops: plan.ops });
  return { added: plan.added, endDated: plan.endDated };
}

export interface ValidationRun {
  findings: Finding[];
  taxonomies: TaxonomySet;
  /** The sheet validated, or undefined for the whole workbook. */
  sheet?: string;
}

/** Validates the active sheet (against the workbook's taxonomies and register) or the whole workbook. */
export async function validate(workbook: LiveWorkbook, scope: 'sheet' | 'workbook', asOf: CalendarDate, signal?: AbortSignal): Promise<ValidationRun> {
  const [read, active] = await Promise.all([workbook.read(), scope === 'sheet' ? workbook.activeSheet() : Promise.resolve(undefined)]);
  check(signal);
  const { findings, taxonomies } = validateWorkbook(tablesOf(read), { asOf, texts: textsOf(read) });
  check(signal);
  if (active === undefined) return { findings, taxonomies };
  return { findings: findings.filter((f) => f.sheet.toLowerCase() === active.toLowerCase()), taxonomies, sheet: active };
}

/** The taxonomies the workbook holds (the built-in defaults for those it lacks), e.g. for the task pane's form. */
export async function readTaxonomies(workbook: LiveWorkbook, asOf: CalendarDate): Promise<TaxonomySet> {
  return validateWorkbook(tablesOf(await workbook.read()), { asOf }).taxonomies;
}

/**
 * Writes the chosen suggestions into their cells: only ever after the user confirmed, and only
 * where the cell still holds the value that was validated (`finding.value`). When one of them
 * changed since (the sheet was sorted, a row inserted, the cell typed over), the adapter refuses
 * the whole plan with a CellChangedError before writing anything: validate again.
 */
export async function applySuggestions(workbook: LiveWorkbook, findings: Finding[]): Promise<number> {
  const bySheet = new Map<string, { address: string; value: string | number; expected: Finding['value'] }[]>();
  for (const f of findings) {
    if (f.suggestion === undefined) continue;
    const cells = bySheet.get(f.sheet) ?? [];
    // A date or number is written as one (an Excel serial, a number): the text shown is not the value.
    if (!cells.some((c) => c.address === f.cell)) cells.push({ address: f.cell, value: f.suggestionValue ?? f.suggestion, expected: f.value ?? null });
    bySheet.set(f.sheet, cells);
  }
  const ops: PlanOp[] = [...bySheet].map(([sheet, cells]) => ({ kind: 'setValues', sheet, cells }));
  if (ops.length) await workbook.apply({ ops });
  return ops.reduce((n, op) => n + (op.kind === 'setValues' ? op.cells.length : 0), 0);
}

export async function selectCell(workbook: LiveWorkbook, sheet: string, cell: string): Promise<void> {
  await workbook.apply({ ops: [{ kind: 'select', sheet, address: cell }] });
}

/**
 * Writes the findings to the generated sheet `Fejl` and shows it. A sheet Fejl the add-in did not
 * write (or one edited by hand) is renamed aside and reported as `kept`.
 */
export async function writeFindingsSheet(workbook: LiveWorkbook, findings: Finding[], asOf: CalendarDate, lang: Lang): Promise<{ kept?: KeptSheet }> {
  const { op, nextRow } = planFindingsSheet(findings, asOf, lang);
  const plan = planGeneratedSheet(await workbook.read(), FINDINGS_SHEET, [op], { row: nextRow, date: formatDanishDate(asOf), lang });
  await workbook.apply({ ops: [...plan.ops, { kind: 'select', sheet: FINDINGS_SHEET, address: 'A1' }] });
  return plan.kept ? { kept: plan.kept } : {};
}

/** What the task pane's form asks for: the register's fields, KPI targets as typed. */
export type NewInitiative = Omit<Initiative, 'kpis' | 'state' | 'offer' | 'statusDate'> & { kpi?: string };

export type InitiativeProblem = 'invalid-id' | 'duplicate-id' | 'name-required' | 'date-order' | 'no-register';

/** Checks a new initiative against the register before anything is written. */
export function checkInitiative(read: WorkbookRead, initiative: NewInitiative): InitiativeProblem[] {
  const problems: InitiativeProblem[] = [];
  if (!INITIATIVE_ID_PATTERN.test(initiative.id)) problems.push('invalid-id');
  const register = findTableRead(read, TABLE_NAMES.initiatives);
  if (!register) problems.push('no-register');
  else {
    const id = columnIndex(register.header, [COLUMNS.initiatives.id]);
    if (register.rows.some((r) => id >= 0 && safeText(r[id]).toUpperCase() === initiative.id.toUpperCase())) problems.push('duplicate-id');
  }
  if (!initiative.name.trim()) problems.push('name-required');
  if (initiative.start && initiative.end && initiative.end < initiative.start) problems.push('date-order');
  return problems;
}

/** Adds an initiative to the register and creates its tracking sheet; returns the sheet's name. */
export async function addInitiative(workbook: LiveWorkbook, initiative: NewInitiative, lang: Lang): Promise<{ problems: InitiativeProblem[]; sheet?: string }> {
  const read = await workbook.read();
  const problems = checkInitiative(read, initiative);
  if (problems.length) return { problems };
  const register = findTableRead(read, TABLE_NAMES.initiatives)!;
  const value: Partial<Record<ColumnKey<'initiatives'>, string | number | null>> = {
    id: initiative.id,
    name: initiative.name.trim(),
    unit: initiative.unit ?? null,
    goals: initiative.goals.join('; ') || null,
    targetGroups: initiative.targetGroups.join('; ') || null,
    start: initiative.start ?? null,
    end: initiative.end ?? null,
    places: initiative.places ?? null,
    state: messages[lang].ui.setup.defaultState,
    courseWeeks: initiative.courseWeeks ?? null,
    kpis: initiative.kpi?.trim() || null,
  };
  // Dates go in as date cells (dateCell), not text, which Excel would read by its locale.
  const row = register.header.map((h) => {
    const column = INITIATIVES.columns.find((c) => c.header === safeText(h));
    const v = column && value[column.key];
    return isoAsDateCell(v ?? null);
  });
  const appended: WorkbookRead = {
    sheets: read.sheets.map((s) => (s.name === register.sheet ? { ...s, tables: s.tables.map((t) => (t === register ? { ...t, rows: [...t.rows, row] } : t)) } : s)),
  };
  const structure = planStructure(appended, { lang });
  // The sheet named by the ID, or Deltagere_<ID> when a hand-kept sheet has that name (structure.ts).
  const created = structure.ops.find((op) => op.kind === 'createTable' && op.table === participantTableName(initiative.id));
  const sheet = created?.kind === 'createTable' ? created.sheet : initiative.id;
  await workbook.apply({
    ops: [
      { kind: 'appendRows', sheet: register.sheet, table: register.table!, rows: [row] },
      ...structure.ops.filter((op) => op.kind !== 'layoutColumns' || op.table === participantTableName(initiative.id)),
      { kind: 'select', sheet, address: 'A5' },
    ],
  });
  return { problems: [], sheet };
}
