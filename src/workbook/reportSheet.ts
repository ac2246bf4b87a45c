/**
 * The generated sheet `Statusrapport`: what a manager hands the byråd/udvalg, laid out to print.
 *
 * It opens with the date it is computed for: the data's own status date, i.e. the latest
 * "Status pr." of the register's initiatives that is not after the requested date (each initiative
 * is counted as of its own "Status pr.", as in the core), never simply today. Then a status table
 * of every initiative (the ITMV reply's table: job / praktik / i forløb / afsluttet / i alt, with
 * places and occupancy); then per theme (`Tema` in the register, "Uden tema" when blank) and per
 * initiative its target group, goal, status text (`Statustekst`), its row of the status table,
 * its KPIs (target against actual) and the rows that were not counted; then the portfolio's
 * tables and the charts.
 *
 * Values, not formulas: the report holds the figures the core computes (src/domain/summarize), so
 * the printed page says exactly what the core decided as of that date, reads the same in every
 * viewer (no recalculation needed, e.g. in a PDF render) and fits a page; Overblik beside it keeps
 * the live COUNTIFS formulas for auditing each figure back to its rows (and a LibreOffice test
 * shows both agree). The status-table columns are grouped by `statusGroups`, as Overblik's.
 *
 * Print: A4 landscape, one page wide and as many pages tall as needed (never shrunk to one page),
 * the title row repeated, a page break before every section (each theme, the portfolio, the
 * charts) and before any block (an initiative, a table, a row of charts) that would not fit on the
 * rest of a page, the footer with the report date and "Side &P af &N". ROWS_PER_PAGE is a lower
 * bound of the rows an A4 landscape page holds at 100 % (15 pt rows in Excel, fewer points in
 * LibreOffice), so the planned breaks come before the automatic ones and no chart is cut.
 */
import { messages, type Lang } from '../i18n';
import type { InitiativeSummary, PortfolioRow, PortfolioSummary, StatusLogSeries } from '../domain/summarize';
import type { Initiative } from '../domain/model/types';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { TaxonomyEntry, TaxonomySet } from '../domain/taxonomy/types';
import { columnRange, formatRange } from '../domain/model/address';
import type { CellValue } from '../domain/parse/cell';
import { dateCell, NUMBER_FORMATS } from './layout';
import { statusGroups } from './overviewSheet';
import { footerText, type ChartSpec, type ColumnLayout, type PageSetup, type PlanOp } from './plan';

export const REPORT_SHEET = 'Statusrapport';

/**
 * Rows an A4 landscape page holds below the repeated title row, with margin: 487 pt between the
 * default margins, less the title row (18,75 pt), is 31 rows of 15 pt in Excel (LibreOffice's rows
 * are lower, so it fits more).
 */
export const ROWS_PER_PAGE = 29;
/** Rows a chart covers: well within a page, so one that starts a page ends on it. */
export const CHART_ROWS = 20;
/** The report's columns A–K and their widths (characters); landscape A4 at 100 % holds about 130. */
const WIDTHS = [9, 32, 11, 8, 11, 9, 11, 10, 8, 9, 11];
const LAST_COLUMN = WIDTHS.length;
/**
 * The printed width of columns A–K in column-width units (the default font's digit), less a
 * margin: a label's text line is at most this wide (textWidth), so it ends inside the print area.
 */
export const LINE_WIDTH = Math.floor(WIDTHS.reduce((a, b) => a + b, 0) * 0.93);

/** A label's style, as the adapters write it (LABEL_FONTS: title 14 pt bold, heading 12 pt bold, text 11 pt). */
export type TextStyle = 'text' | 'title' | 'subtitle' | 'heading';
const STYLE_SCALE: Record<TextStyle, number> = { text: 1, subtitle: 1, heading: (12 / 11) * 1.1, title: (14 / 11) * 1.1 };

/**
 * Advance widths in em of the widest font a viewer may print the report with (DejaVu Sans, what
 * LibreOffice substitutes for Calibri when it lacks Carlito); Excel's Calibri is narrower. Checked
 * against the rendered report: within 3 % of the widths pdftotext measures.
 */
function charEm(ch: string): number {
  if (" iljI.,:;!|'´`·".includes(ch)) return 0.3;
  if ('ftr()/-[]{}"'.includes(ch)) return 0.4;
  if ('mwæ%WMÆŒœ@&'.includes(ch)) return 0.98;
  if (/\d/.test(ch)) return 0.636;
  if (ch !== ch.toLowerCase()) return 0.72;
  return 0.6;
}

/** The estimated printed width of a text in column-width units (the width of a digit at 11 pt), by style. */
export function textWidth(text: string, style: TextStyle = 'text'): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return (em / 0.636) * STYLE_SCALE[style];
}

export interface ReportInput {
  lang: Lang;
  /** The date asked for (`--as-of`, or today); the report's date is the data's, at most this. */
  asOf: CalendarDate;
  taxonomies: TaxonomySet;
  /** The register, in its order; `summaries` has one entry per initiative, in the same order. */
  initiatives: readonly Initiative[];
  summaries: readonly InitiativeSummary[];
  portfolio: PortfolioSummary;
  /** Initiative IDs that have a tracking table. */
  tracked: Set<string>;
  statusLog: StatusLogSeries[];
  /** Totals per frozen snapshot date, oldest first (a trend chart from two dates on). */
  trend: { date: CalendarDate; participants: number; active: number; job: number; education: number; ended: number }[];
}

export interface ReportPlan {
  ops: PlanOp[];
  /** The first free row below the report (the marker goes there, outside the print area). */
  nextRow: number;
  /** The date the report is computed for. */
  date: CalendarDate;
  /** Rows where a new page starts (also in the pageSetup op). */
  breaks: number[];
  /** The charts as planned (also in the ops). */
  charts: ChartSpec[];
}

/** The date the report is for: the latest date an initiative is counted on (each is at most `asOf`). */
export function reportDate(summaries: readonly InitiativeSummary[], asOf: CalendarDate): CalendarDate {
  return summaries.reduce<CalendarDate | undefined>((latest, s) => (latest === undefined || s.asOf > latest ? s.asOf : latest), undefined) ?? asOf;
}

/** A fraction as Danish (or English) percent text: 0.4 → "40 %", 0.125 → "12,5 %". */
export function percentText(value: number | null, lang: Lang): string {
  if (value === null) return '–';
  const text = (Math.round(value * 1000) / 10).toFixed(1).replace(/\.0$/, '');
  return lang === 'da' ? `${text.replace('.', ',')} %` : `${text} %`;
}

/**
 * Text cut into lines at spaces, each at most `width` wide when printed in `style` (textWidth); a
 * word wider than a line is cut where the line is full. Linear in the text's length (a cell may
 * hold 32 767 characters).
 */
export function wrapText(text: string, width = LINE_WIDTH, style: TextStyle = 'text'): string[] {
  const scale = STYLE_SCALE[style] / 0.636;
  const space = charEm(' ') * scale;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = textWidth(word, style);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // A word wider than a line: as much of it as fits on each line.
      line = '';
      lineWidth = 0;
      for (const ch of word) {
        const w = charEm(ch) * scale;
        if (line && lineWidth + w > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += ch;
        lineWidth += w;
      }
    }
    if (line) lines.push(line);
  }
  return lines.length ? lines : [''];
}

/** A text cut to `width` with "…" when it is wider (a table cell that would run past the print area). */
export function fitText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const room = width - textWidth('…');
  let used = 0;
  let cut = 0;
  for (const ch of text) {
    const w = charEm(ch) / 0.636;
    if (used + w > room) break;
    used += w;
    cut += ch.length;
  }
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** The print set-up every report sheet shares: A4, fit to width, the footer with the date and page numbers. */
export function reportPageSetup(lang: Lang, date: CalendarDate, printArea: string, breaksBefore: number[], orientation: PageSetup['orientation'] = 'landscape'): PageSetup {
  const r = messages[lang].summary.report;
  return {
    orientation,
    printArea,
    titleRows: { first: 1, last: 1 },
    breaksBefore,
    footer: { left: footerText(r.title(formatDanishDate(date))), right: r.footerPage },
  };
}

/**
 * The rows of a page, planned: blocks are placed one below the other; a block that would run over
 * the page's end starts a new page (a manual break), and so does every section.
 */
class Pages {
  readonly breaks: number[] = [];
  private pageTop: number;

  /** `firstRow`: the first row of page 1 below the repeated title row; `row`: the next free row. */
  constructor(firstRow: number, private row: number) {
    this.pageTop = firstRow;
  }

  get next(): number {
    return this.row;
  }

  /** A new page from the next row on (nothing when the page is still empty). */
  newPage(): void {
    if (this.row === this.pageTop) return;
    this.breaks.push(this.row);
    this.pageTop = this.row;
  }

  /** Rows for a block of `height` rows (and its gap below), kept on one page when they fit on one; returns its first row. */
  block(height: number, gap = 1): number {
    if (this.row - this.pageTop + height + gap > ROWS_PER_PAGE) this.newPage();
    const top = this.row;
    // A block (with its gap) taller than a page is broken every page's worth of rows.
    for (let at = top + ROWS_PER_PAGE; at < top + height + gap; at += ROWS_PER_PAGE) {
      this.breaks.push(at);
      this.pageTop = at;
    }
    this.row += height + gap;
    return top;
  }
}

export function planReportSheet(input: ReportInput): ReportPlan {
  const { lang } = input;
  const r = messages[lang].summary.report;
  const c = r.columns;
  const kpiWords = messages[lang].summary.kpi.values;
  const date = reportDate(input.summaries, input.asOf);
  const dates = input.summaries.map((s) => s.asOf).sort();
  const groups = statusGroups(input.taxonomies.statuses.entries);
  const count = (s: InitiativeSummary, entries: TaxonomyEntry[]) => s.byStatus.filter((b) => entries.some((e) => e.code === b.code)).reduce((n, b) => n + b.courses, 0);
  const names = (entries: readonly TaxonomyEntry[], codes: readonly string[]) =>
    codes.map((code) => entries.find((e) => e.code.trim().toUpperCase() === code.trim().toUpperCase())?.name ?? code).join(', ');
  const stateName = (code?: string) => input.taxonomies.initiativeStates.entries.find((e) => e.code === code)?.name ?? code ?? '';
  const ops: PlanOp[] = [];
  const charts: ChartSpec[] = [];
  const sheet = REPORT_SHEET;
  const label = (row: number, text: string, style?: 'title' | 'subtitle' | 'heading', column = 1) => ops.push({ kind: 'label', sheet, row, column, text, ...(style ? { style } : {}) });
  const addTable = (table: string, top: number, column: number, header: string[], rows: CellValue[][], formats: (string | undefined)[]) => {
    ops.push({ kind: 'createTable', sheet, table, topLeft: { row: top, column }, header, rows });
    // Every column gets a format ('General' by default): the cells may have been formatted by a table above.
    ops.push({ kind: 'layoutColumns', sheet, table, columns: header.map((h, i) => ({ header: h, numberFormat: formats[i] ?? 'General' })) });
  };

  // 1. The title, the basis, and the status table of every initiative (the ITMV reply's table).
  const statusHeader = [c.asOf, c.job, c.education, c.placement, c.course, c.ended, c.total, c.places, c.utilisation];
  const statusFormats = [NUMBER_FORMATS.date, ...Array(7).fill(NUMBER_FORMATS.integer), NUMBER_FORMATS.percent];
  const statusCells = (s: InitiativeSummary): CellValue[] => {
    if (!input.tracked.has(s.initiativeId)) return [dateCell(s.asOf), null, null, null, null, null, null, s.capacity.places, null];
    return [dateCell(s.asOf), count(s, groups.job), count(s, groups.education), count(s, groups.placement), count(s, groups.course), count(s, groups.ended), s.total, s.capacity.places, s.capacity.utilisation];
  };
  const themes = themeOrder(input.initiatives, r.noTheme);
  const ordered = themes.flatMap((t) => t.indices);
  const header = [c.id, c.initiative, ...statusHeader];
  const overviewRows = ordered.map((i) => [input.summaries[i].initiativeId, input.summaries[i].name, ...statusCells(input.summaries[i])]);
  const columns: ColumnLayout[] = header.map((h, i) => ({ header: h, width: WIDTHS[i], numberFormat: [undefined, undefined, ...statusFormats][i] ?? 'General' }));
  ops.push({ kind: 'generatedSheet', sheet, title: r.title(formatDanishDate(date)), table: 'Statusrapport_Indsatser', header, rows: overviewRows, columns });
  // The basis on one line (row 2; the status table starts in row 3), cut to the print area's width.
  label(2, fitText(r.basis(input.summaries.length, formatDanishDate(dates[0] ?? date), formatDanishDate(dates[dates.length - 1] ?? date)), LINE_WIDTH), 'subtitle');
  const overviewTop = 3;
  const pages = new Pages(2, overviewTop + Math.max(overviewRows.length, 1) + 2);

  // 2. Per theme and initiative.
  let n = 0;
  for (const theme of themes) {
    pages.newPage();
    // A long theme name on as many lines as it needs, each within the print area.
    const themeLines = wrapText(r.theme(theme.name), LINE_WIDTH, 'title');
    let themeRow = pages.block(themeLines.length, 1);
    for (const line of themeLines) label(themeRow++, line, 'title');
    for (const i of theme.indices) {
      const s = input.summaries[i];
      const initiative = input.initiatives[i];
      const tracked = input.tracked.has(s.initiativeId);
      const lines: { text: string; style?: 'heading' }[] = wrapText(r.heading(s.initiativeId, s.name), LINE_WIDTH, 'heading').map((text) => ({ text, style: 'heading' }));
      const text = (t: string) => wrapText(t).forEach((l) => lines.push({ text: l }));
      text(r.targetGroups(names(input.taxonomies.targetGroups.entries, initiative.targetGroups)));
      text(r.goals(names(input.taxonomies.goals.entries, initiative.goals)));
      text(r.status(formatDanishDate(s.asOf), stateName(initiative.state), initiative.statusText?.trim() ?? ''));
      const after: string[] = [];
      for (const k of s.kpis) after.push(...wrapText(r.kpi(k.text, percentText(k.target, lang), percentText(k.actual, lang), kpiWords[k.attainment])));
      // Figures reported as totals (the Statuslog) up to the initiative's date: each indicator's latest.
      const log = input.statusLog
        .filter((l) => l.initiativeId.trim().toUpperCase() === s.initiativeId.trim().toUpperCase())
        .map((l) => ({ ...l, points: l.points.filter((p) => p.date <= s.asOf) }))
        .filter((l) => l.points.length);
      if (tracked) {
        const parts = [
          ...(s.notYetStarted ? [r.notYetStarted(s.notYetStarted, formatDanishDate(s.asOf))] : []),
          ...(s.withoutStartDate ? [r.withoutStartDate(s.withoutStartDate)] : []),
          ...(s.withoutStatus ? [r.withoutStatus(s.withoutStatus)] : []),
        ];
        const rows = s.courses + s.notYetStarted + s.withoutStartDate;
        after.push(...wrapText(rows ? r.notCounted(parts) : r.emptySheet));
        if (log.length) after.push(r.logHeading);
      } else after.push(log.length ? r.noSheet : r.noFigures);
      for (const l of log) {
        const last = l.points[l.points.length - 1];
        const value = String(last.value).replace('.', lang === 'da' ? ',' : '.');
        after.push(...wrapText(r.logLine(l.indicator, value, formatDanishDate(last.date), last.comment ?? '')));
      }
      const tableRows = tracked ? 2 : 0;
      let row = pages.block(lines.length + tableRows + after.length);
      for (const l of lines) label(row++, l.text, l.style);
      if (tracked) {
        addTable(`Statusrapport_${++n}`, row, 3, statusHeader, [statusCells(s)], statusFormats);
        row += 2;
      }
      for (const l of after) label(row++, l);
    }
  }

  // 3. The portfolio.
  pages.newPage();
  label(pages.block(1, 1), fitText(r.portfolio(formatDanishDate(date)), LINE_WIDTH / STYLE_SCALE.title), 'title');
  const portfolioHeader = [c.code, c.name, c.initiatives, c.participants, c.active, c.job, c.education, c.ended];
  const breakdowns: { name: string; title: string; rows: PortfolioRow[] }[] = [
    { name: 'Statusrapport_Indsatsstatus', title: messages[lang].summary.breakdowns.byState, rows: input.portfolio.byState.filter((x) => x.code) },
    { name: 'Statusrapport_Maal', title: messages[lang].summary.breakdowns.byGoal, rows: input.portfolio.byGoal.filter((x) => x.code && x.initiatives) },
    { name: 'Statusrapport_Enheder', title: messages[lang].summary.breakdowns.byUnit, rows: input.portfolio.byUnit.filter((x) => x.code && x.initiatives) },
  ];
  const tableBlock = (name: string, title: string, head: string[], rows: CellValue[][], formats: (string | undefined)[]) => {
    const top = pages.block(Math.max(rows.length, 1) + 2);
    label(top, title, 'subtitle');
    addTable(name, top + 1, 1, head, rows, formats);
    return top + 1;
  };
  for (const b of breakdowns) {
    tableBlock(b.name, b.title, portfolioHeader, b.rows.map((x) => [x.code, x.name, x.initiatives, x.participants, x.active, x.job, x.education, x.ended]), []);
  }
  // Shares of the citizens (the title says so; short headers fit the columns).
  const groupRows = input.portfolio.byTargetGroup.filter((x) => x.code && x.participants).map((x) => [x.code, x.name, x.participants, share(x.job, x.participants), share(x.education, x.participants)]);
  const groupTop = groupRows.length
    ? tableBlock('Statusrapport_Maalgrupper', r.shares(messages[lang].summary.breakdowns.byTargetGroup), [c.code, c.name, c.participants, c.job, c.education], groupRows, [undefined, undefined, undefined, NUMBER_FORMATS.percent, NUMBER_FORMATS.percent])
    : 0;
  // The KPI text last: it runs on over the empty cells to its right, up to the print area's edge
  // (cut with "…" there: each initiative's section has it whole).
  const kpiTextWidth = WIDTHS.slice(5).reduce((a, b) => a + b, 0) - 2;
  const kpiRows = input.summaries.flatMap((s) => s.kpis.map((k) => [s.initiativeId, s.name, k.target, k.actual, kpiWords[k.attainment], fitText(k.text, kpiTextWidth)]));
  const kpiTop = kpiRows.length
    ? tableBlock('Statusrapport_KPI', messages[lang].summary.sections.kpi, [c.id, c.initiative, c.target, c.actual, c.attainment, c.kpi], kpiRows, [undefined, undefined, NUMBER_FORMATS.percent, NUMBER_FORMATS.percent])
    : 0;
  const trendTop = input.trend.length >= 2
    ? tableBlock('Statusrapport_Udvikling', messages[lang].summary.charts.trend, [c.date, c.participants, c.active, c.job, c.education, c.ended], input.trend.map((p) => [dateCell(p.date), p.participants, p.active, p.job, p.education, p.ended]), [NUMBER_FORMATS.date])
    : 0;

  // 4. The charts, two side by side per row, each row of charts on one page.
  const t = messages[lang].summary;
  const statusRows = Math.max(overviewRows.length, 1);
  const ref = (column: number, top: number, count: number) => columnRange(column, top + 1, top + count);
  const specs: Omit<ChartSpec, 'from' | 'to'>[] = [
    {
      name: 'Status pr. indsats', type: 'barStacked', title: t.charts.status, categories: ref(1, overviewTop, statusRows),
      series: [4, 5, 6, 7, 8].map((col) => ({ name: header[col - 1], values: ref(col, overviewTop, statusRows) })),
    },
  ];
  if (kpiTop) {
    specs.push({
      name: 'KPI mål og opnået', type: 'column', title: t.charts.kpi, categories: ref(1, kpiTop, kpiRows.length), valueFormat: '0%', dataLabels: true,
      series: [{ name: c.target, values: ref(3, kpiTop, kpiRows.length) }, { name: c.actual, values: ref(4, kpiTop, kpiRows.length) }],
    });
  }
  if (groupTop) {
    specs.push({
      name: 'Udfald pr. målgruppe', type: 'column', title: t.charts.targetGroups, categories: ref(1, groupTop, groupRows.length), valueFormat: '0%', dataLabels: true,
      series: [{ name: c.jobShare, values: ref(4, groupTop, groupRows.length) }, { name: c.educationShare, values: ref(5, groupTop, groupRows.length) }],
    });
  }
  if (trendTop) {
    specs.push({
      name: 'Udvikling', type: 'line', title: t.charts.trend, categories: ref(1, trendTop, input.trend.length), categoryFormat: NUMBER_FORMATS.date,
      series: [2, 3, 4].map((col) => ({ name: [c.participants, c.active, c.job][col - 2], values: ref(col, trendTop, input.trend.length) })),
    });
  }
  pages.newPage();
  label(pages.block(1, 0), r.charts, 'title');
  for (let i = 0; i < specs.length; i += 2) {
    // An empty row above and below: a chart whose edge lies on a page's edge is printed, clipped,
    // on both pages by LibreOffice; inside the block its edges are inside the page.
    const top = pages.block(CHART_ROWS + 2, 0) + 1;
    // Left chart over A–D (60 characters), right chart over F–K (58).
    [specs[i], specs[i + 1]].forEach((spec, k) => {
      if (!spec) return;
      const chart: ChartSpec = { ...spec, from: { row: top, column: k ? 6 : 1 }, to: { row: top + CHART_ROWS - 1, column: k ? LAST_COLUMN : 4 } };
      charts.push(chart);
      ops.push({ kind: 'chart', sheet, chart });
    });
  }

  const lastRow = pages.next - 1;
  ops.push({ kind: 'pageSetup', sheet, setup: reportPageSetup(lang, date, formatRange({ top: 1, left: 1, bottom: lastRow, right: LAST_COLUMN }), pages.breaks) });
  ops.push({ kind: 'moveSheet', sheet, position: 0 });
  return { ops, nextRow: pages.next + 2, date, breaks: pages.breaks, charts };
}

const share = (part: number, whole: number) => (whole ? part / whole : null);

/** Themes in the order they first appear in the register; initiatives without one last, under `none`. */
export function themeOrder(initiatives: readonly Initiative[], none: string): { name: string; indices: number[] }[] {
  const themes = new Map<string, { name: string; indices: number[] }>();
  const without: number[] = [];
  initiatives.forEach((initiative, i) => {
    const name = initiative.theme?.trim();
    if (!name) return without.push(i);
    const key = name.toLowerCase();
    const found = themes.get(key);
    if (found) found.indices.push(i);
    else themes.set(key, { name, indices: [i] });
  });
  return [...themes.values(), ...(without.length ? [{ name: none, indices: without }] : [])];
}
