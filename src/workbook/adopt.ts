/**
 * Adopting a hand-kept sheet: from what the workbook holds and the user's mapping to the plan that
 * creates the initiative's tracking table (`Deltagere_<ID>`) with every data row of the sheet, the
 * register row when the register lacks the initiative, and the whole model first when the workbook
 * has none (the structure planner does all three). The sheet itself is never written to.
 */
import { messages, type Lang } from '../i18n';
import { COLUMNS, INITIATIVE_ID_PATTERN, INITIATIVES, participantTableName, TABLE_NAMES } from '../domain/model/schema';
import { adoptRows, checkMapping, proposedMapping, withChoices, type Adoption, type Mapping, type MappingProblem } from '../domain/adopt/convert';
import { isModelSheet } from '../domain/adopt/model';
import { surveySheet, type SheetGrid, type Survey, type SurveyProblem } from '../domain/adopt/survey';
import { parseDate } from '../domain/parse/date';
import { safeText, type CellValue } from '../domain/parse/cell';
import { matchKey } from '../domain/taxonomy/normalize';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { cellAddress } from '../domain/model/address';
import { dateCell, TABLE_TOP_ROW } from './layout';
import type { Plan, PlanOp } from './plan';
import { findSheet, findTableRead, type SheetRead, type WorkbookRead } from './read';
import { planStructure } from './structure';

export interface AdoptRequest {
  sheet: string;
  initiativeId: string;
  /** The register's Navn for a new initiative (default: the sheet's name). */
  name?: string;
  /** The user's mapping by survey column index, replacing the proposal. */
  mapping?: Mapping;
  /** Choices on top of the proposal, as typed ("Forløbsstatus" = "Status"). */
  choices?: { header: string; column: string }[];
  /** The header's sheet row, when the user says which it is. */
  headerRow?: number;
}

export type AdoptProblem =
  | { kind: 'no-sheet'; sheet: string; sheets: string[] }
  | { kind: 'model-sheet'; sheet: string }
  | { kind: 'invalid-id'; id: string }
  | { kind: 'too-large'; sheet: string; ref: string }
  | { kind: 'has-rows'; table: string; sheet: string }
  | { kind: 'no-room'; id: string }
  | ({ sheet: string } & SurveyProblem)
  | MappingProblem;

/** What adopting would do (a dry run shows it; adopting applies `plan`). */
export interface AdoptPreview {
  survey: Survey;
  mapping: Mapping;
  adoption: Adoption;
  /** The sheet and table the rows go to. */
  trackingSheet: string;
  table: string;
  /** The register gets the initiative (it lacked it). */
  addsInitiative: boolean;
  /** The workbook had no model: the plan sets it up. */
  setsUp: boolean;
  plan: Plan;
}

export type AdoptPlanResult = { ok: true; preview: AdoptPreview } | { ok: false; problems: AdoptProblem[] };

/** The cells of a sheet that is not part of the model, as the survey reads them: its region, or its one own table. */
export function gridOf(sheet: SheetRead): SheetGrid | undefined {
  const source = sheet.region ?? (sheet.tables.length === 1 ? sheet.tables[0] : undefined);
  if (!source) return undefined;
  return {
    sheet: sheet.name,
    top: source.headerRow,
    left: source.firstColumn,
    rows: [source.header, ...source.rows],
    ...(source.numberFormats ? { numberFormats: [[], ...source.numberFormats] } : {}),
  };
}

/** Sheets with data that are not part of the model: the ones that can be adopted, in workbook order. */
export function adoptableSheets(read: WorkbookRead): string[] {
  return read.sheets.filter((s) => !isModelSheet(s.name, s.tables) && gridOf(s) !== undefined && gridHasData(gridOf(s)!)).map((s) => s.name);
}

const gridHasData = (grid: SheetGrid) => grid.rows.some((r) => r.some((v) => safeText(v) !== ''));

/** Surveys a sheet: the first step of adopting, also what the task pane shows before the user decides. */
export function surveyFor(read: WorkbookRead, sheetName: string, taxonomies: TaxonomySet, headerRow?: number): { ok: true; survey: Survey; grid: SheetGrid; sheet: SheetRead } | { ok: false; problems: AdoptProblem[] } {
  const sheet = findSheet(read, sheetName);
  if (!sheet) return { ok: false, problems: [{ kind: 'no-sheet', sheet: sheetName, sheets: adoptableSheets(read) }] };
  if (isModelSheet(sheet.name, sheet.tables)) return { ok: false, problems: [{ kind: 'model-sheet', sheet: sheet.name }] };
  if (sheet.outside) return { ok: false, problems: [{ kind: 'too-large', sheet: sheet.name, ref: sheet.outside.ref }] };
  const grid = gridOf(sheet);
  if (!grid) return { ok: false, problems: [{ sheet: sheet.name, kind: 'empty' }] };
  const result = surveySheet(grid, taxonomies, headerRow !== undefined ? { headerRow } : {});
  if (!result.ok) return { ok: false, problems: [{ sheet: sheet.name, ...result.problem }] };
  return { ok: true, survey: result.survey, grid, sheet };
}

/** The plan that adopts the sheet, or why it cannot be adopted (nothing is planned then). */
export function planAdopt(read: WorkbookRead, request: AdoptRequest, taxonomies: TaxonomySet, lang: Lang = 'da'): AdoptPlanResult {
  const id = request.initiativeId.trim();
  const problems: AdoptProblem[] = [];
  if (!INITIATIVE_ID_PATTERN.test(id)) problems.push({ kind: 'invalid-id', id });
  const surveyed = surveyFor(read, request.sheet, taxonomies, request.headerRow);
  if (!surveyed.ok) return { ok: false, problems: [...problems, ...surveyed.problems] };
  const { survey, grid, sheet } = surveyed;
  const base = request.mapping ?? proposedMapping(survey);
  const { mapping, problems: mappingProblems } = request.choices?.length ? withChoices(survey, base, request.choices) : { mapping: base, problems: checkMapping(survey, base) };
  problems.push(...mappingProblems);
  if (problems.length) return { ok: false, problems };

  const table = participantTableName(id);
  const adoption = adoptRows(grid, survey, mapping, taxonomies);
  const existing = findTableRead(read, table);
  const register = findTableRead(read, TABLE_NAMES.initiatives);
  const inRegister = !!register && registerHas(register.header, register.rows, id);
  const name = request.name?.trim() || sheet.name;

  if (existing) {
    if (existing.rows.some((r) => r.some((v) => safeText(v) !== ''))) return { ok: false, problems: [{ kind: 'has-rows', table, sheet: existing.sheet }] };
    // An empty tracking table (made by "Ny indsats"): the rows go into it, its missing columns added.
    const have = existing.header.map((h) => matchKey(safeText(h)));
    const missing = adoption.header.filter((h) => !have.includes(matchKey(h)));
    const header = [...existing.header.map((h) => safeText(h)), ...missing];
    const at = header.map((h) => adoption.header.findIndex((a) => matchKey(a) === matchKey(h)));
    const ops: PlanOp[] = [];
    if (!inRegister && register) ops.push({ kind: 'appendRows', sheet: register.sheet, table: register.table!, rows: [registerRow(register.header, id, name, adoption, lang)] });
    if (missing.length) ops.push({ kind: 'addColumns', sheet: existing.sheet, table, headers: missing });
    ops.push({ kind: 'appendRows', sheet: existing.sheet, table, rows: adoption.rows.map((r) => at.map((i) => (i >= 0 ? r[i] ?? null : null))) });
    ops.push({ kind: 'select', sheet: existing.sheet, address: cellAddress(existing.headerRow + 1, existing.firstColumn) });
    return { ok: true, preview: { survey, mapping, adoption, trackingSheet: existing.sheet, table, addsInitiative: !inRegister, setsUp: !register, plan: { ops } } };
  }

  const trackingSheet = trackingSheetName(read, id, sheet.name);
  if (!trackingSheet) return { ok: false, problems: [{ kind: 'no-room', id }] };
  const common = { lang, extraColumns: { [table]: adoption.extraColumns.map((e) => e.header) }, trackingSheets: { [id.toUpperCase()]: trackingSheet }, initiativeNames: { [id]: name } };
  let ops: PlanOp[];
  if (!register) {
    const row = registerRow(INITIATIVES.columns.map((c) => c.header), id, name, adoption, lang);
    ops = planStructure(read, { ...common, rows: { [TABLE_NAMES.initiatives]: [row], [table]: adoption.rows } }).ops;
  } else {
    const structure = planStructure(read, { ...common, rows: { [table]: adoption.rows } });
    ops = [
      ...(inRegister ? [] : [{ kind: 'appendRows', sheet: register.sheet, table: register.table!, rows: [registerRow(register.header, id, name, adoption, lang)] } as PlanOp]),
      // Only what adds: the user's other sheets are not turned into tables here (that is repair's, on request).
      ...structure.ops.filter((op) => (op.kind !== 'layoutColumns' && op.kind !== 'tableFromRange' && op.kind !== 'addColumns') || op.table === table),
    ];
  }
  ops.push({ kind: 'select', sheet: trackingSheet, address: cellAddress(TABLE_TOP_ROW + 1, 1) });
  return { ok: true, preview: { survey, mapping, adoption, trackingSheet, table, addsInitiative: !inRegister, setsUp: !register, plan: { ops } } };
}

function registerHas(header: CellValue[], rows: CellValue[][], id: string): boolean {
  const column = header.findIndex((h) => matchKey(safeText(h)) === matchKey(COLUMNS.initiatives.id));
  return column >= 0 && rows.some((r) => safeText(r[column]).toUpperCase() === id.toUpperCase());
}

/** The register row of an adopted initiative: ID, name, state, and the earliest start date of its rows. */
function registerRow(header: CellValue[], id: string, name: string, adoption: Adoption, lang: Lang): CellValue[] {
  const startIndex = adoption.header.indexOf(COLUMNS.participants.startDate);
  const starts = adoption.rows.map((r) => r[startIndex]).map((v) => parseDate(v ?? null)).flatMap((p) => (p.ok ? [p.value] : [])).sort();
  const values: Record<string, CellValue> = {
    [COLUMNS.initiatives.id]: id,
    [COLUMNS.initiatives.name]: name,
    [COLUMNS.initiatives.state]: messages[lang].ui.setup.defaultState,
    ...(starts.length ? { [COLUMNS.initiatives.start]: dateCell(starts[0]!) } : {}),
  };
  return header.map((h) => values[safeText(h)] ?? null);
}

/** The sheet named by the ID, else `Deltagere_<ID>`: one that does not exist or is empty, never the adopted sheet. */
function trackingSheetName(read: WorkbookRead, id: string, source: string): string | undefined {
  for (const name of [id, participantTableName(id)]) {
    const s = findSheet(read, name);
    if (!s) return name;
    if (s.name.toLowerCase() !== source.toLowerCase() && !s.tables.length && !s.region) return s.name;
  }
  return undefined;
}
