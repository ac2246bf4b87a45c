/**
 * The generated sheet `Afstemning`: one table per year with a line per initiative. Figures that
 * are sums of the finance tables are live formulas over `Budget` and `Posteringer` (structured
 * references), so finance staff can audit them and they follow new postings; the expected refund
 * (a rate per source) and the status are written by the core.
 */
import { messages, type Lang } from '../i18n';
import type { Reconciliation, ReconciliationLine } from '../domain/finance';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { cellAddress, columnRange } from '../domain/model/address';
import { COLUMNS, TABLE_NAMES, type ColumnKey } from '../domain/model/schema';
import { exactCriterion, structuredRef } from './formula';
import { NUMBER_FORMATS } from './layout';
import type { ColumnLayout, PlanOp } from './plan';

const TOP = 3; // the first table's header row (generatedSheet puts the title in A1)

/**
 * The sheet's ops (none when there is nothing to reconcile) and the first free row below them,
 * where planGeneratedSheet puts the marker.
 */
export function planReconciliationSheet(
  reconciliation: Reconciliation,
  options: {
    asOf: CalendarDate; lang: Lang; taxonomies: TaxonomySet; initiativeNames: Record<string, string>;
    /** Whether Posteringer has the column Regnskabsår (an older workbook may lack it until repaired). */
    accountingYear?: boolean;
    /** Rows the SUMIFS do not count as the core does, by line (`ITMV|2017`) and not placed (`other`); see uncounted.ts. */
    uncounted?: { byLine: Record<string, number>; other: number };
  },
): { ops: PlanOp[]; nextRow: number } {
  const t = messages[options.lang].reconcile;
  const statusText = messages[options.lang].finance.status;
  const type = (code: string) => options.taxonomies.postingTypes.entries.find((e) => e.code === code)?.name ?? code;
  const municipal = options.taxonomies.fundingSources.entries.find((e) => e.code === 'KOM')?.name ?? 'Kommune';
  const header = [...t.header];
  const columns: ColumnLayout[] = header.map((h, i) => ({
    header: h,
    width: i === 1 ? 36 : i === 0 ? 12 : 16,
    ...(i >= 2 && i <= 11 ? { numberFormat: NUMBER_FORMATS.amount } : {}),
    ...(t.notes[h] ? { note: t.notes[h] } : {}),
  }));
  const years = [...new Set(reconciliation.lines.map((l) => l.year))].sort((a, b) => a - b);
  const ops: PlanOp[] = [];
  let top = TOP;
  years.forEach((year, i) => {
    const lines = reconciliation.lines.filter((l) => l.year === year);
    const table = `Afstemning_${year}`;
    const rows = lines.map((line, r) => rowFor(line, top + 1 + r, year, { type, municipal, status: statusText[line.status], name: options.initiativeNames[line.initiativeId] ?? '' }, options.accountingYear ?? false));
    if (i === 0) {
      ops.push({ kind: 'generatedSheet', sheet: t.sheet, title: t.title(formatDanishDate(options.asOf)), table, header, rows, columns });
      ops.push({ kind: 'label', sheet: t.sheet, row: top - 1, column: 1, text: t.year(year), style: 'subtitle' });
    } else {
      ops.push({ kind: 'label', sheet: t.sheet, row: top - 1, column: 1, text: t.year(year), style: 'subtitle' });
      ops.push({ kind: 'createTable', sheet: t.sheet, table, topLeft: { row: top, column: 1 }, header, rows });
      ops.push({ kind: 'layoutColumns', sheet: t.sheet, table, columns });
    }
    // Beside a line whose SUMIFS miss rows the core counts: how many (they have findings).
    const notCounted = messages[options.lang].summary.notCounted;
    lines.forEach((line, r) => {
      const n = options.uncounted?.byLine[`${line.initiativeId.toUpperCase()}|${year}`] ?? 0;
      if (n) ops.push({ kind: 'label', sheet: t.sheet, row: top + 1 + r, column: header.length + 1, text: notCounted(n), style: 'subtitle' });
    });
    if (i === 0 && options.uncounted?.other) ops.push({ kind: 'label', sheet: t.sheet, row: top - 1, column: 3, text: notCounted(options.uncounted.other), style: 'subtitle' });
    ops.push({
      kind: 'highlight', sheet: t.sheet, table, column: 'Status',
      rules: [
        { text: statusText.afstemt, tone: 'good' },
        { text: statusText['udestående'], tone: 'warning' },
        { text: statusText['mangler anmodning'], tone: 'warning' },
        { text: statusText.overrefunderet, tone: 'bad' },
      ],
    });
    // Expected against received refund per initiative, beside the year's table.
    const ref = (column: number) => columnRange(column, top + 1, top + rows.length);
    ops.push({
      kind: 'chart', sheet: t.sheet,
      chart: {
        name: `Refusion ${year}`, type: 'column', title: t.chart(year), from: { row: top, column: header.length + 2 }, to: { row: top + 15, column: header.length + 9 },
        categories: ref(1), series: [{ name: header[4], values: ref(5) }, { name: header[6], values: ref(7) }],
      },
    });
    top += Math.max(rows.length + 4, 18); // the table (or its chart), a blank row, the next year's label
  });
  return { ops, nextRow: top };
}

/** One line: amounts in kroner (Excel holds decimals; the core's figures are exact øre). */
function rowFor(line: ReconciliationLine, row: number, year: number, names: { type: (code: string) => string; municipal: string; status: string; name: string }, accountingYear: boolean) {
  const col = (header: number) => cellAddress(row, header + 1); // 0-based header index → cell
  const P = (key: ColumnKey<'postings'>) => structuredRef(TABLE_NAMES.postings, COLUMNS.postings[key]);
  const B = (key: ColumnKey<'budget'>) => structuredRef(TABLE_NAMES.budget, COLUMNS.budget[key]);
  const inYear = `${P('date')},">="&DATE(${year},1,1),${P('date')},"<"&DATE(${year + 1},1,1)`;
  const sum = (typeCode: string, extra: string, period: string) =>
    `SUMIFS(${P('amount')},${P('initiativeId')},$A${row},${P('type')},${exactCriterion(names.type(typeCode))},${period}${extra})`;
  // A posting belongs to its Regnskabsår; one without belongs to the calendar year of its date.
  const postings = (typeCode: string, extra = '') => (accountingYear
    ? `(${sum(typeCode, extra, `${P('accountingYear')},${year}`)}+${sum(typeCode, extra, `${P('accountingYear')},"",${inYear}`)})`
    : sum(typeCode, extra, inYear));
  const f = (formula: string) => ({ formula });
  return [
    line.initiativeId,
    names.name,
    f(`SUMIFS(${B('amount')},${B('initiativeId')},$A${row},${B('year')},${year})`),
    f(postings('UDGIFT')),
    line.expectedRefund / 100,
    f(postings('ANMODNING')),
    f(postings('REFUSION')),
    f(`MAX(0,${col(5)}-${col(6)})`),
    f(`MAX(0,${col(6)}-MIN(${col(5)},${col(4)}))`),
    f(`MAX(0,${col(4)}-${col(5)})`),
    f(postings('TILSKUD')),
    f(`${postings('UDGIFT', `,${P('source')},${exactCriterion(names.municipal)}`)}+${postings('UDGIFT', `,${P('source')},""`)}-${col(6)}`),
    names.status,
  ];
}
