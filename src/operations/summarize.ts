/**
 * "Opdater overblik" and "Frys status pr. dato", shared by `indsats summarize`, the task pane's
 * Overblik tab and the ribbon button.
 */
import { messages, type Lang } from '../i18n';
import { participantTableName } from '../domain/model/schema';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import { parseDate } from '../domain/parse/date';
import { safeText } from '../domain/parse/cell';
import { statusLogSeries, summarizeInitiatives, summarizePortfolio, type InitiativeSummary, type PortfolioSummary } from '../domain/summarize';
import { validateWorkbook } from '../domain/validate';
import { keepHandEdited, withControl } from '../workbook/generated';
import { OVERVIEW_SHEET, planOverviewSheet, statusGroups } from '../workbook/overviewSheet';
import type { PlanOp } from '../workbook/plan';
import { findTableRead, tablesOf, type WorkbookRead } from '../workbook/read';
import type { LiveWorkbook } from './liveWorkbook';

export interface SummaryRun {
  ops: PlanOp[];
  initiatives: InitiativeSummary[];
  portfolio: PortfolioSummary;
  /** The name a hand-edited Overblik was kept under, if it was. */
  kept?: string;
}

export const SNAPSHOT_SHEET = 'Statusfotos';
const SNAPSHOT_TABLE = 'Statusfotos';

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
    trend: snapshotTrend(read),
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

/** Rebuilds Overblik in the open workbook and shows it. */
export async function refreshOverview(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang): Promise<SummaryRun> {
  const run = planSummary(await workbook.read(), asOf, lang);
  await workbook.apply({ ops: [...run.ops, { kind: 'select', sheet: OVERVIEW_SHEET, address: 'A1' }] });
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
export function planSnapshot(read: WorkbookRead, asOf: CalendarDate, lang: Lang): PlanOp[] {
  const t = messages[lang].summary;
  const existing = findTableRead(read, SNAPSHOT_TABLE);
  if (existing?.rows.some((r) => dateOf(r[0]) === asOf)) throw new SnapshotExistsError(asOf);
  const { model, taxonomies } = validateWorkbook(tablesOf(read), { asOf });
  const groups = statusGroups(taxonomies.statuses.entries);
  const count = (s: InitiativeSummary, entries: { code: string }[]) => s.byStatus.filter((b) => entries.some((e) => e.code === b.code)).reduce((n, b) => n + b.courses, 0);
  const rows = summarizeInitiatives(model, taxonomies, asOf).map((s) => [
    asOf, s.initiativeId, s.name, count(s, groups.job), count(s, groups.education), count(s, groups.placement), count(s, groups.course), count(s, groups.ended),
    s.total, s.courses, s.participants.active,
  ]);
  const header = [t.columns.date, 'Indsats-ID', t.columns.initiative, t.outcome.job, t.outcome.education, t.groups.placement, t.groups.course, t.outcome.ended, t.columns.total, t.columns.courses, t.outcome.active];
  if (existing) return [{ kind: 'appendRows', sheet: existing.sheet, table: SNAPSHOT_TABLE, rows }];
  return [
    { kind: 'ensureSheet', sheet: SNAPSHOT_SHEET },
    { kind: 'label', sheet: SNAPSHOT_SHEET, row: 1, column: 1, text: t.snapshotTitle, style: 'title' },
    { kind: 'label', sheet: SNAPSHOT_SHEET, row: 2, column: 1, text: t.snapshotHelp, style: 'subtitle' },
    { kind: 'createTable', sheet: SNAPSHOT_SHEET, table: SNAPSHOT_TABLE, topLeft: { row: 4, column: 1 }, header, rows },
    { kind: 'layoutColumns', sheet: SNAPSHOT_SHEET, table: SNAPSHOT_TABLE, columns: [{ header: header[0], numberFormat: 'dd-mm-yyyy', width: 12 }, { header: header[2], width: 40 }] },
  ];
}

export async function freezeSnapshot(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang): Promise<void> {
  await workbook.apply({ ops: planSnapshot(await workbook.read(), asOf, lang) });
}

function dateOf(value: unknown): CalendarDate | undefined {
  const parsed = parseDate(value as never);
  return parsed.ok ? parsed.value : undefined;
}

/** Totals per snapshot date from the table Statusfotos (columns by position, as planSnapshot writes them). */
function snapshotTrend(read: WorkbookRead) {
  const table = findTableRead(read, SNAPSHOT_TABLE);
  const byDate = new Map<CalendarDate, { participants: number; active: number; job: number; education: number; ended: number }>();
  for (const r of table?.rows ?? []) {
    const date = dateOf(r[0]);
    if (!date || !safeText(r[1])) continue;
    const n = (i: number) => (typeof r[i] === 'number' ? (r[i] as number) : 0);
    const point = byDate.get(date) ?? { participants: 0, active: 0, job: 0, education: 0, ended: 0 };
    point.participants += n(8);
    point.active += n(10);
    point.job += n(3);
    point.education += n(4);
    point.ended += n(7);
    byDate.set(date, point);
  }
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, p]) => ({ date, ...p }));
}
