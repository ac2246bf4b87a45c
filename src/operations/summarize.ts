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
import { hasMarker, keepAside, planGeneratedSheet, refuseTakenTables, type KeptSheet } from '../workbook/generated';
import { OVERVIEW_SHEET, planOverviewSheet } from '../workbook/overviewSheet';
import { planReportSheet, REPORT_SHEET, reportDate, reportPageSetup } from '../workbook/reportSheet';
import { foreignSnapshotTable, planSnapshot, SNAPSHOT_SHEET, snapshotDates, snapshotTable, snapshotTrend } from '../workbook/snapshotSheet';
import type { PlanOp } from '../workbook/plan';
import { findSheet, findTableRead, tablesOf, type WorkbookRead } from '../workbook/read';
import type { LiveWorkbook } from './liveWorkbook';
import { report, type OnProgress } from './progress';

export interface SummaryRun {
  ops: PlanOp[];
  initiatives: InitiativeSummary[];
  portfolio: PortfolioSummary;
  /** A hand-edited Overblik (or a user's sheet of that name) renamed aside, if there was one. */
  kept?: KeptSheet;
  /** The same for Statusrapport. */
  keptReport?: KeptSheet;
  /** The date the report is computed for: the data's latest "Status pr." up to the date asked for. */
  reportDate: CalendarDate;
}

export function planSummary(read: WorkbookRead, asOf: CalendarDate, lang: Lang): SummaryRun {
  const { model, taxonomies } = validateWorkbook(tablesOf(read), { asOf });
  const initiatives = summarizeInitiatives(model, taxonomies, asOf);
  const portfolio = summarizePortfolio(model, taxonomies, asOf);
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
  });
  const tracked = new Set(model.initiatives.map((i) => i.id).filter((id) => findTableRead(read, participantTableName(id))));
  const report = planReportSheet({
    lang, asOf, taxonomies, initiatives: model.initiatives, summaries: initiatives, portfolio, tracked,
    statusLog: statusLogSeries(model.statusLog), trend: snapshotTrend(snapshotTable(read)),
  });
  // Overblik prints its tables (A–M; the charts right of them print with the report), the same footer.
  const overviewPrint: PlanOp = { kind: 'pageSetup', sheet: OVERVIEW_SHEET, setup: reportPageSetup(lang, report.date, `A1:M${Math.max(nextRow - 3, 1)}`, []) };
  const plan = planGeneratedSheet(read, OVERVIEW_SHEET, [...ops, overviewPrint], { row: nextRow, date: formatDanishDate(asOf), lang });
  const reportPlan = planGeneratedSheet(read, REPORT_SHEET, report.ops, { row: report.nextRow, date: formatDanishDate(asOf), lang });
  return {
    ops: [...plan.ops, ...reportPlan.ops], initiatives, portfolio, reportDate: report.date,
    ...(plan.kept ? { kept: plan.kept } : {}), ...(reportPlan.kept ? { keptReport: reportPlan.kept } : {}),
  };
}

/** Rebuilds Overblik in the open workbook and shows it (`show: false`: leaves the active sheet alone, as a file written by the CLI). */
export async function refreshOverview(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang, options: { show?: boolean; onProgress?: OnProgress } = {}): Promise<SummaryRun> {
  await report(options.onProgress, { step: 'reading' });
  const read = await workbook.read();
  await report(options.onProgress, { step: 'summarizing', sheets: read.sheets.length });
  const run = planSummary(read, asOf, lang);
  await report(options.onProgress, { step: 'writing', sheet: OVERVIEW_SHEET });
  const show: PlanOp[] = options.show === false ? [] : [{ kind: 'select', sheet: OVERVIEW_SHEET, address: 'A1' }];
  await workbook.apply({ ops: [...run.ops, ...show] });
  return run;
}

export class SnapshotExistsError extends Error {
  constructor(readonly date: CalendarDate) {
    super(`A snapshot for ${date} exists`);
    this.name = 'SnapshotExistsError';
  }
}

/**
 * "Frys status pr. dato": the figures per initiative as values in the table Statusfotos, one row per
 * initiative and date. Rows are only ever added; a date that is frozen already is refused. A table
 * Statusfotos the add-in did not make is refused (NotGeneratedError naming it); a sheet Statusfotos
 * without the add-in's table is renamed aside (`kept`) before the sheet is made.
 */
export async function freezeSnapshot(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang): Promise<{ kept?: KeptSheet }> {
  const read = await workbook.read();
  const foreign = foreignSnapshotTable(read);
  if (foreign) throw new NotGeneratedError('table', foreign.table!, foreign.sheet);
  const existing = snapshotTable(read);
  if (snapshotDates(existing).has(asOf)) throw new SnapshotExistsError(asOf);
  const { model, taxonomies } = validateWorkbook(tablesOf(read), { asOf });
  const initiatives = summarizeInitiatives(model, taxonomies, asOf);
  const ops = planSnapshot({ asOf, lang, existing, initiatives, statuses: taxonomies.statuses.entries });
  if (existing) {
    await workbook.apply({ ops });
    return {};
  }
  refuseTakenTables(read, SNAPSHOT_SHEET, ops);
  const found = findSheet(read, SNAPSHOT_SHEET);
  const kept = found ? keepAside(read, SNAPSHOT_SHEET, hasMarker(found, SNAPSHOT_SHEET) ? 'edited' : 'foreign', formatDanishDate(asOf), lang, ops) : { ops: [] };
  await workbook.apply({ ops: [...kept.ops, ...ops] });
  return kept.kept ? { kept: kept.kept } : {};
}
