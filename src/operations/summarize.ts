/**
 * "Opdater overblik" and "Frys status pr. dato", shared by `indsats summarize`, the task pane's
 * Overblik tab and the ribbon button.
 */
import { messages, type Lang } from '../i18n';
import { participantTableName } from '../domain/model/schema';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import { statusLogSeries, summarizeInitiatives, summarizePortfolio, type InitiativeSummary, type PortfolioSummary } from '../domain/summarize';
import { validateWorkbook } from '../domain/validate';
import { keepHandEdited, withControl } from '../workbook/generated';
import { OVERVIEW_SHEET, planOverviewSheet } from '../workbook/overviewSheet';
import { planSnapshot, snapshotDates, snapshotTable, snapshotTrend } from '../workbook/snapshotSheet';
import type { PlanOp } from '../workbook/plan';
import { findTableRead, tablesOf, type WorkbookRead } from '../workbook/read';
import type { LiveWorkbook } from './liveWorkbook';
import { report, type OnProgress } from './progress';

export interface SummaryRun {
  ops: PlanOp[];
  initiatives: InitiativeSummary[];
  portfolio: PortfolioSummary;
  /** The name a hand-edited Overblik was kept under, if it was. */
  kept?: string;
}

export function planSummary(read: WorkbookRead, asOf: CalendarDate, lang: Lang): SummaryRun {
  const t = messages[lang].summary;
  const { model, taxonomies } = validateWorkbook(tablesOf(read), { asOf });
  const initiatives = summarizeInitiatives(model, taxonomies, asOf);
  const portfolio = summarizePortfolio(model, taxonomies, asOf);
  const stateName = (code?: string) => taxonomies.initiativeStates.entries.find((e) => e.code === code)?.name ?? '';
  const { ops, nextRow } = planOverviewSheet({
    asOf,
    lang,
    taxonomies,
    initiatives,
    portfolio,
    tracked: new Set(model.initiatives.map((i) => i.id).filter((id) => findTableRead(read, participantTableName(id)))),
    register: Object.fromEntries(model.initiatives.map((i) => [i.id, { state: stateName(i.state), places: i.places ?? null }])),
    trend: snapshotTrend(snapshotTable(read)),
    statusLog: statusLogSeries(model.statusLog),
  });
  const kept = keepHandEdited(read, OVERVIEW_SHEET, t.kept(formatDanishDate(asOf)));
  return {
    ops: [...kept, ...withControl(ops, OVERVIEW_SHEET, t.control, nextRow)],
    initiatives,
    portfolio,
    ...(kept.length ? { kept: kept.flatMap((op) => (op.kind === 'renameSheet' ? [op.to] : []))[0] } : {}),
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
 * initiative and date. Rows are only ever added; a date that is frozen already is refused.
 */
export async function freezeSnapshot(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang): Promise<void> {
  const read = await workbook.read();
  const existing = snapshotTable(read);
  if (snapshotDates(existing).has(asOf)) throw new SnapshotExistsError(asOf);
  const { model, taxonomies } = validateWorkbook(tablesOf(read), { asOf });
  const initiatives = summarizeInitiatives(model, taxonomies, asOf);
  await workbook.apply({ ops: planSnapshot({ asOf, lang, existing, initiatives, statuses: taxonomies.statuses.entries }) });
}
