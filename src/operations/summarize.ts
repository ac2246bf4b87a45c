/**
 * "Opdater overblik" and "Frys status pr. dato", shared by `indsats summarize`, the task pane's
 * Overblik tab and the ribbon button.
 */
import type { Lang } from '../i18n';
import { participantTableName } from '../domain/model/schema';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import { statusLogSeries, summarizeInitiatives, summarizePortfolio, type InitiativeSummary, type PortfolioSummary } from '../domain/summarize';
import { validateWorkbook } from '../domain/validate';
import { NotGeneratedError } from '../workbook/adapterContract';
import { planGeneratedSheet, type KeptSheet } from '../workbook/generated';
import { OVERVIEW_SHEET, planOverviewSheet } from '../workbook/overviewSheet';
import { planReportSheet, REPORT_SHEET, reportDate, reportPageSetup } from '../workbook/reportSheet';
import {
  foreignSnapshotTable, planSnapshotInto, planWithdrawal, snapshotDates, snapshotFigures, snapshotListing, snapshotTable, snapshotTrend, snapshotValues,
  type SnapshotFigures, type SnapshotListing,
} from '../workbook/snapshotSheet';
import type { PlanOp } from '../workbook/plan';
import { FORMULA_COLUMNS, uncountedRows } from '../workbook/uncounted';
import { TABLE_NAMES } from '../domain/model/schema';
import type { Finding } from '../domain/validate';
import { findTableRead, tablesOf, type WorkbookRead } from '../workbook/read';
import type { LiveWorkbook } from './liveWorkbook';
import { requireInputs } from './requirements';
import { report, type OnProgress } from './progress';

export type { SnapshotFigures, SnapshotListing };

export interface SummaryRun {
  ops: PlanOp[];
  initiatives: InitiativeSummary[];
  portfolio: PortfolioSummary;
  /** A hand-edited Overblik (or a user's sheet of that name) renamed aside, if there was one. */
  kept?: KeptSheet;
  /** Rows the sheet's formulas do not count as the core does (each has a finding; see uncounted.ts). */
  uncounted: Uncounted;
  /** The status table's figures per initiative, by the sheet's definitions (what a snapshot freezes). */
  figures: SnapshotFigures[];
  /** The frozen snapshots, withdrawn ones included. */
  snapshots: SnapshotListing[];
  /** The same for Statusrapport. */
  keptReport?: KeptSheet;
  /** The date the report is computed for: the data's latest "Status pr." up to the date asked for. */
  reportDate: CalendarDate;
}

export interface Uncounted {
  /** Rows of each initiative's tracking table, by initiative ID. */
  byInitiative: Record<string, number>;
  /** Rows of the register whose state the count per state misses. */
  states: number;
}

/** The rows of the tracking tables and the register that the Overblik formulas do not count as the core does. */
export function uncountedOnOverview(read: WorkbookRead, findings: readonly Finding[], initiativeIds: readonly string[]): Uncounted {
  const byInitiative: Record<string, number> = {};
  for (const id of initiativeIds) {
    const table = findTableRead(read, participantTableName(id));
    const n = table ? uncountedRows(findings, table, FORMULA_COLUMNS.participants).size : 0;
    if (n) byInitiative[id] = n;
  }
  const register = findTableRead(read, TABLE_NAMES.initiatives);
  return { byInitiative, states: register ? uncountedRows(findings, register, FORMULA_COLUMNS.initiatives).size : 0 };
}

/** The Overblik plan; refuses (MissingInputError) a workbook whose figures it cannot compute. */
export function planSummary(read: WorkbookRead, asOf: CalendarDate, lang: Lang): SummaryRun {
  const tables = tablesOf(read);
  requireInputs(tables, 'summary');
  const { model, taxonomies, findings } = validateWorkbook(tables, { asOf });
  const initiatives = summarizeInitiatives(model, taxonomies, asOf);
  const portfolio = summarizePortfolio(model, taxonomies, asOf);
  const uncounted = uncountedOnOverview(read, findings, model.initiatives.map((i) => i.id));
  const stateName = (code?: string) => taxonomies.initiativeStates.entries.find((e) => e.code === code)?.name ?? '';
  const { ops, nextRow } = planOverviewSheet({
    // The heading says the data's date (the latest "Status pr." used), not today's.
    asOf: reportDate(initiatives, asOf),
    lang,
    taxonomies,
    initiatives,
    portfolio,
    tracked: new Set(model.initiatives.map((i) => i.id).filter((id) => findTableRead(read, participantTableName(id)))),
    register: Object.fromEntries(model.initiatives.map((i) => [i.id, { state: stateName(i.state), places: i.places ?? null }])),
    trend: snapshotTrend(snapshotTable(read)),
    statusLog: statusLogSeries(model.statusLog),
    uncounted,
  });
  const tracked = new Set(model.initiatives.map((i) => i.id).filter((id) => findTableRead(read, participantTableName(id))));
  const report = planReportSheet({
    lang, asOf, taxonomies, initiatives: model.initiatives, summaries: initiatives, portfolio, tracked,
    statusLog: statusLogSeries(model.statusLog), trend: snapshotTrend(snapshotTable(read)),
  });
  // Overblik prints its tables (A–M; the charts right of them print with the report), the same footer.
  const overviewPrint: PlanOp = { kind: 'pageSetup', sheet: OVERVIEW_SHEET, setup: reportPageSetup(lang, report.date, `A1:M${Math.max(nextRow - 3, 1)}`, []) };
  const figures = snapshotFigures(initiatives, taxonomies.statuses.entries);
  const plan = planGeneratedSheet(read, OVERVIEW_SHEET, [...ops, overviewPrint], { row: nextRow, date: formatDanishDate(asOf), lang });
  const reportPlan = planGeneratedSheet(read, REPORT_SHEET, report.ops, { row: report.nextRow, date: formatDanishDate(asOf), lang });
  return {
    ops: [...plan.ops, ...reportPlan.ops], initiatives, portfolio, uncounted, figures, snapshots: snapshotListing(snapshotTable(read)), reportDate: report.date,
    ...(plan.kept ? { kept: plan.kept } : {}), ...(reportPlan.kept ? { keptReport: reportPlan.kept } : {}),
  };
}

/**
 * Rebuilds Overblik and Statusrapport in the open workbook and shows Statusrapport, the sheet a
 * manager prints: it is the active sheet afterwards, so Ctrl+P (Excel prints the active sheet)
 * prints the report first, and a file written by the CLI opens on it. `show: false` leaves the
 * active sheet alone (a render that writes no workbook).
 */
export async function refreshOverview(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang, options: { show?: boolean; onProgress?: OnProgress } = {}): Promise<SummaryRun> {
  await report(options.onProgress, { step: 'reading' });
  const read = await workbook.read();
  await report(options.onProgress, { step: 'summarizing', sheets: read.sheets.length });
  const run = planSummary(read, asOf, lang);
  await report(options.onProgress, { step: 'writing', sheet: OVERVIEW_SHEET });
  const show: PlanOp[] = options.show === false ? [] : [{ kind: 'select', sheet: REPORT_SHEET, address: 'A1' }];
  await workbook.apply({ ops: [...run.ops, ...show] });
  return run;
}

export class SnapshotExistsError extends Error {
  constructor(readonly date: CalendarDate) {
    super(`A snapshot for ${date} exists`);
    this.name = 'SnapshotExistsError';
  }
}

export class SnapshotNotFoundError extends Error {
  constructor(readonly date: CalendarDate) {
    super(`No snapshot in force for ${date}`);
    this.name = 'SnapshotNotFoundError';
  }
}

/** What freezing would write, for the user to confirm first: the figures, the open errors, the dates frozen already. */
export interface SnapshotPreview {
  asOf: CalendarDate;
  figures: SnapshotFigures[];
  /** Errors the validation finds in the workbook now (they may make the figures wrong). */
  errors: Finding[];
  /** The date is frozen already (and not withdrawn): freezing it is refused. */
  exists: boolean;
  /** Every frozen date, withdrawn ones included. */
  snapshots: SnapshotListing[];
}

/**
 * The figures *Frys status* would freeze on `asOf` and the workbook's open errors, without writing
 * anything. Refuses as freezing does (MissingInputError, NotGeneratedError).
 */
export async function previewSnapshot(workbook: LiveWorkbook, asOf: CalendarDate): Promise<SnapshotPreview> {
  const read = await workbook.read();
  const foreign = foreignSnapshotTable(read);
  if (foreign) throw new NotGeneratedError('table', foreign.table!, foreign.sheet);
  const existing = snapshotTable(read);
  const tables = tablesOf(read);
  requireInputs(tables, 'snapshot');
  const { model, taxonomies, findings } = validateWorkbook(tables, { asOf });
  return {
    asOf,
    figures: snapshotFigures(summarizeInitiatives(model, taxonomies, asOf), taxonomies.statuses.entries),
    errors: findings.filter((f) => f.severity === 'error'),
    exists: snapshotDates(existing).has(asOf),
    snapshots: snapshotListing(existing),
  };
}

/** The frozen dates, withdrawn ones included (for the pane's list). */
export async function listSnapshots(workbook: LiveWorkbook): Promise<SnapshotListing[]> {
  return snapshotListing(snapshotTable(await workbook.read()));
}

/**
 * Withdraws the snapshot of `date`: its rows are marked with `today` in "Trukket tilbage", nothing
 * is deleted, trends leave them out and the date may be frozen again. Returns the rows marked;
 * SnapshotNotFoundError when no rows of that date are in force.
 */
export async function withdrawSnapshot(workbook: LiveWorkbook, date: CalendarDate, today: CalendarDate, lang: Lang): Promise<{ rows: number }> {
  const read = await workbook.read();
  const table = snapshotTable(read);
  const ops = table ? planWithdrawal(table, date, today, lang) : [];
  const set = ops.find((op) => op.kind === 'setValues');
  if (!set || set.kind !== 'setValues') throw new SnapshotNotFoundError(date);
  await workbook.apply({ ops });
  return { rows: set.cells.length };
}

/**
 * "Frys status pr. dato": the figures per initiative as values in the table Statusfotos, one row per
 * initiative and date. Rows are only ever added; a date that is frozen already is refused (unless
 * it was withdrawn). The edges show previewSnapshot and ask before they call this. A table
 * Statusfotos the add-in did not make is refused (NotGeneratedError naming it); a sheet Statusfotos
 * without the add-in's table is renamed aside (`kept`) before the sheet is made.
 */
export async function freezeSnapshot(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang): Promise<{ kept?: KeptSheet }> {
  const read = await workbook.read();
  const foreign = foreignSnapshotTable(read);
  if (foreign) throw new NotGeneratedError('table', foreign.table!, foreign.sheet);
  const existing = snapshotTable(read);
  if (snapshotDates(existing).has(asOf)) throw new SnapshotExistsError(asOf);
  const tables = tablesOf(read);
  requireInputs(tables, 'snapshot');
  const { model, taxonomies } = validateWorkbook(tables, { asOf });
  const initiatives = summarizeInitiatives(model, taxonomies, asOf);
  const { ops, kept } = planSnapshotInto(read, snapshotValues(asOf, initiatives, taxonomies.statuses.entries), lang, formatDanishDate(asOf));
  await workbook.apply({ ops });
  return kept ? { kept } : {};
}
