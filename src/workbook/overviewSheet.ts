/**
 * The generated sheet `Overblik`: "Status pr. <dato>", a status table per initiative whose figure
 * cells are live COUNTIFS formulas over the tracking tables (so every number can be audited and
 * follows new rows), KPI attainment, the portfolio by state, goal, target group and unit, the
 * definitions, and native charts. The core computes the same figures; a test recalculates the
 * formulas in LibreOffice and compares.
 */
import { formatOre } from '../domain/parse/amount';
import { messages, type Lang } from '../i18n';
import type { InitiativeSummary, PortfolioRow, PortfolioSummary, StatusLogSeries } from '../domain/summarize';
import { COLUMNS, participantTableName, TABLE_NAMES, type ColumnKey } from '../domain/model/schema';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { TaxonomyEntry, TaxonomySet } from '../domain/taxonomy/types';
import { columnRange } from '../domain/model/address';
import type { CellValue } from '../domain/parse/cell';
import { criteriaArray, exactCriterion, structuredRef } from './formula';
import { dateCell, NUMBER_FORMATS } from './layout';
import type { ColumnLayout, PlanOp } from './plan';

export const OVERVIEW_SHEET = 'Overblik';
const FIRST_TABLE_ROW = 3;
const CHART_COLUMN = 16; // charts sit right of the widest table (P)

export interface OverviewInput {
  asOf: CalendarDate;
  lang: Lang;
  taxonomies: TaxonomySet;
  initiatives: InitiativeSummary[];
  portfolio: PortfolioSummary;
  /** Initiative IDs that have a tracking table (formulas need one). */
  tracked: Set<string>;
  /** Register fields shown next to the figures. */
  register: Record<string, { state: string; places: number | null }>;
  /** Figures reported only as totals (the status log), per initiative and indicator, by date. */
  statusLog: StatusLogSeries[];
  /**
   * Rows the formulas do not count as the core does, each with a finding (uncounted.ts): shown as
   * "N rækker er ikke talt med — se Fejl" beside the figures they affect.
   */
  uncounted?: { byInitiative: Record<string, number>; states: number };
  /** Totals per frozen snapshot date, oldest first. */
  trend: { date: CalendarDate; participants: number; active: number; job: number; education: number; ended: number }[];
}

/** Status groups as the ITMV table reports them, from the statuses' outcome classes and steps. */
export function statusGroups(statuses: TaxonomyEntry[]) {
  const active = statuses.filter((s) => s.active !== false && s.outcomeClass === 'active');
  const placement = active.filter((s) => s.steps?.length && s.steps.every((n) => n === 3));
  return {
    job: statuses.filter((s) => s.outcomeClass === 'job'),
    education: statuses.filter((s) => s.outcomeClass === 'education'),
    placement,
    course: active.filter((s) => !placement.includes(s)),
    ended: statuses.filter((s) => s.outcomeClass === 'ended'),
    active,
  };
}

export function planOverviewSheet(input: OverviewInput): { ops: PlanOp[]; nextRow: number } {
  const t = messages[input.lang].summary;
  const groups = statusGroups(input.taxonomies.statuses.entries);
  const ops: PlanOp[] = [];
  let row = FIRST_TABLE_ROW;

  // 1. Status per initiative.
  const header = ['ID', t.columns.initiative, t.columns.status, t.columns.asOf, t.capacity.places,
    t.outcome.job, t.outcome.education, t.groups.placement, t.groups.course, t.outcome.ended, t.columns.total, t.columns.courses, t.capacity.utilisation];
  const statusRows = input.initiatives.map((s, i) => initiativeRow(s, row + 1 + i, input, groups));
  const statusColumns: ColumnLayout[] = header.map((h, i) => ({
    header: h,
    width: i === 1 ? 40 : i === 0 ? 10 : 13,
    ...(i === 3 ? { numberFormat: NUMBER_FORMATS.date } : {}),
    ...(i === 12 ? { numberFormat: NUMBER_FORMATS.percent } : {}),
    ...(t.notes[h] ? { note: t.notes[h] } : {}),
  }));
  ops.push({ kind: 'generatedSheet', sheet: OVERVIEW_SHEET, title: t.title(formatDanishDate(input.asOf)), table: 'Overblik_Indsatser', header, rows: statusRows, columns: statusColumns });
  ops.push({ kind: 'label', sheet: OVERVIEW_SHEET, row: 2, column: 1, text: t.sections.initiatives, style: 'subtitle' });
  const statusTop = row;
  input.initiatives.forEach((s, i) => {
    const n = input.uncounted?.byInitiative[s.initiativeId] ?? 0;
    if (n) ops.push({ kind: 'label', sheet: OVERVIEW_SHEET, row: statusTop + 1 + i, column: header.length + 1, text: t.notCounted(n), style: 'subtitle' });
  });
  row += Math.max(statusRows.length, 1) + 3;

  // 2. KPI attainment (core values: the rules need the latest course per citizen).
  // A count or an amount is written as text in the percent columns (eng/law): "min. 100 borgere" is not 10.000 %.
  const figure = (k: (typeof input.initiatives)[number]['kpis'][number], v: number | null) =>
    (k.kind === 'share' || v === null ? v : k.kind === 'count' ? t.kpi.count(v) : t.kpi.amount(formatOre(v)));
  const kpiRows = input.initiatives.flatMap((s) => s.kpis.map((k) => [s.initiativeId, `${k.text} (${t.kpi.measure(k.kind, k.base)})`, figure(k, k.target), figure(k, k.actual), t.kpi.values[k.attainment]]));
  row = table(ops, row, 'Overblik_KPI', t.sections.kpi, [t.columns.initiative, t.kpi.text, t.kpi.target, t.kpi.actual, t.kpi.attainment], kpiRows,
    [undefined, undefined, NUMBER_FORMATS.percent, NUMBER_FORMATS.percent, undefined]);

  // 3. Portfolio breakdowns.
  const stateTop = row;
  const stateRows = input.portfolio.byState.filter((r) => r.code).map((r) => portfolioRow(r, `COUNTIFS(${structuredRef(TABLE_NAMES.initiatives, COLUMNS.initiatives.state)},${exactCriterion(r.name)})`));
  row = table(ops, row, 'Overblik_Indsatsstatus', t.breakdowns.byState, portfolioHeader(t), stateRows);
  if (input.uncounted?.states) ops.push({ kind: 'label', sheet: OVERVIEW_SHEET, row: stateTop, column: portfolioHeader(t).length + 1, text: t.notCounted(input.uncounted.states), style: 'subtitle' });
  row = table(ops, row, 'Overblik_Maal', t.breakdowns.byGoal, portfolioHeader(t), input.portfolio.byGoal.filter((r) => r.code && r.initiatives).map((r) => portfolioRow(r)));
  const groupTop = row;
  const groupRows = input.portfolio.byTargetGroup.filter((r) => r.code && r.participants).map((r) => [r.code, r.name, r.participants, share(r.job, r.participants), share(r.education, r.participants), share(r.active, r.participants), share(r.ended, r.participants)]);
  row = table(ops, row, 'Overblik_Maalgrupper', t.breakdowns.byTargetGroup, [t.columns.code, t.columns.name, t.columns.participants, t.shares.job, t.shares.education, t.shares.active, t.shares.ended], groupRows,
    [undefined, undefined, undefined, NUMBER_FORMATS.percent, NUMBER_FORMATS.percent, NUMBER_FORMATS.percent, NUMBER_FORMATS.percent]);
  row = table(ops, row, 'Overblik_Enheder', t.breakdowns.byUnit, portfolioHeader(t), input.portfolio.byUnit.filter((r) => r.code && r.initiatives).map((r) => portfolioRow(r)));

  // 4. Development across frozen snapshots (a line per figure, one point per snapshot date).
  const trendTop = row;
  if (input.trend.length) {
    row = table(ops, row, 'Overblik_Udvikling', t.charts.trend, [t.columns.date, t.columns.participants, t.outcome.active, t.outcome.job, t.outcome.education, t.outcome.ended],
      input.trend.map((p) => [dateCell(p.date), p.participants, p.active, p.job, p.education, p.ended]), [NUMBER_FORMATS.date]);
  }

  // 5. The status log: series with more than one date are trends (e.g. the homeless counts).
  const logTop = row;
  const logRows = input.statusLog.flatMap((series) => series.points.map((p) => [series.initiativeId, series.indicator, dateCell(p.date), p.value]));
  const longest = [...input.statusLog].sort((a, b) => b.points.length - a.points.length)[0];
  if (logRows.length) {
    row = table(ops, row, 'Overblik_Statuslog', t.sections.statusLog, [t.columns.initiative, t.columns.indicator, t.columns.date, t.columns.value], logRows, [undefined, undefined, NUMBER_FORMATS.date, '#,##0.##']);
  }

  // 6. Definitions.
  ops.push({ kind: 'label', sheet: OVERVIEW_SHEET, row, column: 1, text: t.sections.definitions, style: 'subtitle' });
  const definitions = Object.values(t.definitions);
  definitions.forEach((text, i) => ops.push({ kind: 'label', sheet: OVERVIEW_SHEET, row: row + 1 + i, column: 1, text }));
  const nextRow = row + definitions.length + 3;

  // 7. Charts beside the tables.
  const n = Math.max(statusRows.length, 1);
  const ref = (column: number) => columnRange(column, statusTop + 1, statusTop + n);
  ops.push({
    kind: 'chart', sheet: OVERVIEW_SHEET,
    chart: {
      name: 'Status pr. indsats', type: 'barStacked', title: t.charts.status, from: { row: statusTop, column: CHART_COLUMN }, to: { row: statusTop + 20, column: CHART_COLUMN + 9 },
      categories: ref(1), series: [6, 7, 8, 9, 10].map((c) => ({ name: header[c - 1], values: ref(c) })),
    },
  });
  if (groupRows.length) {
    const groupRef = (column: number) => columnRange(column, groupTop + 1, groupTop + groupRows.length);
    ops.push({
      kind: 'chart', sheet: OVERVIEW_SHEET,
      chart: {
        name: 'Udfald pr. målgruppe', type: 'column', title: t.charts.targetGroups, from: { row: statusTop + 22, column: CHART_COLUMN }, to: { row: statusTop + 42, column: CHART_COLUMN + 9 },
        categories: groupRef(1), series: [4, 5].map((c) => ({ name: [t.shares.job, t.shares.education][c - 4], values: groupRef(c) })),
        valueFormat: '0%', dataLabels: true,
      },
    });
  }
  if (kpiRows.length) {
    const kpiTop = statusTop + Math.max(statusRows.length, 1) + 3;
    const kpiRef = (column: number) => columnRange(column, kpiTop + 1, kpiTop + kpiRows.length);
    ops.push({
      kind: 'chart', sheet: OVERVIEW_SHEET,
      chart: {
        name: 'KPI mål og opnået', type: 'column', title: t.charts.kpi, from: { row: statusTop + 44, column: CHART_COLUMN }, to: { row: statusTop + 62, column: CHART_COLUMN + 9 },
        categories: kpiRef(1), series: [{ name: t.kpi.target, values: kpiRef(3) }, { name: t.kpi.actual, values: kpiRef(4) }],
        valueFormat: '0%', dataLabels: true,
      },
    });
  }
  if (input.trend.length >= 2) {
    const trendRef = (column: number) => columnRange(column, trendTop + 1, trendTop + input.trend.length);
    ops.push({
      kind: 'chart', sheet: OVERVIEW_SHEET,
      chart: {
        name: 'Udvikling', type: 'line', title: t.charts.trend, from: { row: statusTop + 64, column: CHART_COLUMN }, to: { row: statusTop + 82, column: CHART_COLUMN + 9 },
        categories: trendRef(1), series: [2, 3, 4].map((c) => ({ name: [t.columns.participants, t.outcome.active, t.outcome.job][c - 2], values: trendRef(c) })),
        categoryFormat: NUMBER_FORMATS.date,
      },
    });
  }
  if (longest && longest.points.length >= 2) {
    const first = logTop + 1 + logRows.findIndex((r) => r[0] === longest.initiativeId && r[1] === longest.indicator);
    const last = first + longest.points.length - 1;
    ops.push({
      kind: 'chart', sheet: OVERVIEW_SHEET,
      chart: {
        name: 'Statuslog', type: 'line', title: `${longest.initiativeId}: ${longest.indicator}`, from: { row: statusTop + 84, column: CHART_COLUMN }, to: { row: statusTop + 102, column: CHART_COLUMN + 9 },
        categories: columnRange(3, first, last), series: [{ name: longest.indicator, values: columnRange(4, first, last) }],
        categoryFormat: NUMBER_FORMATS.date,
      },
    });
  }
  return { ops, nextRow };
}

const share = (part: number, whole: number) => (whole ? part / whole : null);

function portfolioHeader(t: (typeof messages)['da']['summary']): string[] {
  return [t.columns.code, t.columns.name, t.columns.initiatives, t.columns.participants, t.outcome.active, t.outcome.job, t.outcome.education, t.outcome.ended];
}

function portfolioRow(r: PortfolioRow, initiativesFormula?: string): CellValue[] {
  return [r.code, r.name, initiativesFormula ? { formula: initiativesFormula } : r.initiatives, r.participants, r.active, r.job, r.education, r.ended];
}

/** A titled table below the previous one; returns the next free row. */
function table(ops: PlanOp[], row: number, name: string, title: string, header: string[], rows: CellValue[][], formats: (string | undefined)[] = []): number {
  ops.push({ kind: 'label', sheet: OVERVIEW_SHEET, row: row - 1, column: 1, text: title, style: 'subtitle' });
  ops.push({ kind: 'createTable', sheet: OVERVIEW_SHEET, table: name, topLeft: { row, column: 1 }, header, rows });
  // Every column gets a format ('General' by default): a table above may have formatted these cells ahead.
  ops.push({ kind: 'layoutColumns', sheet: OVERVIEW_SHEET, table: name, columns: header.map((h, i) => ({ header: h, numberFormat: formats[i] ?? 'General' })) });
  return row + Math.max(rows.length, 1) + 3;
}

/**
 * One initiative's row. The date in column D is the one its figures are counted on; every figure
 * cell is a formula over the initiative's tracking table that uses it, following the core's rules:
 * a status set after the date counts as still in the course, an active status past its end date as
 * ended, and "I alt" counts distinct participant IDs.
 */
function initiativeRow(s: InitiativeSummary, row: number, input: OverviewInput, groups: ReturnType<typeof statusGroups>): CellValue[] {
  const register = input.register[s.initiativeId] ?? { state: '', places: null };
  const head = [s.initiativeId, s.name, register.state, dateCell(s.asOf), register.places];
  if (!input.tracked.has(s.initiativeId)) {
    return [...head, s.byOutcome.job, s.byOutcome.education, 0, 0, s.byOutcome.ended, s.total, s.courses, s.capacity.utilisation];
  }
  const table = participantTableName(s.initiativeId);
  const c = (key: ColumnKey<'participants'>) => structuredRef(table, COLUMNS.participants[key]);
  const [id, start, status, statusDate, end] = [c('participantId'), c('startDate'), c('status'), c('statusDate'), c('endDate')];
  const D = `$D${row}`;
  const base = `${id},"<>",${start},"<="&${D}`;
  const names = (entries: TaxonomyEntry[]) => criteriaArray(entries.map((e) => e.name));
  const known = (entries: TaxonomyEntry[], extra = '') => entries.length
    ? `SUM(COUNTIFS(${base},${status},${names(entries)},${statusDate},"<="&${D}${extra}))+SUM(COUNTIFS(${base},${status},${names(entries)},${statusDate},""${extra}))`
    : '0';
  const pastEnd = `,${end},"<="&${D}`;
  const later = `COUNTIFS(${base},${statusDate},">"&${D})`;
  const f = (formula: string) => ({ formula });
  const distinct = `SUMPRODUCT((${id}<>"")*(${start}<>"")*(${start}<=${D})/(COUNTIFS(${id},${id},${start},"<="&${D})+(${start}>${D})+(${start}="")))`;
  return [
    ...head,
    f(known(groups.job)),
    f(known(groups.education)),
    f(`${known(groups.placement)}-(${known(groups.placement, pastEnd)})`),
    f(`${known(groups.course)}-(${known(groups.course, pastEnd)})+${later}`),
    f(`${known(groups.ended)}+${known(groups.active, pastEnd)}`),
    f(distinct),
    f(`COUNTIFS(${base})`),
    s.capacity.utilisation,
  ];
}
