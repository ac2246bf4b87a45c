/**
 * The sheet Refusion with the table Refusionsberegning: imported refund calculation files,
 * aggregated per week and benefit (no CPR numbers: the parser dropped them before anything is kept).
 */
import { messages, type Lang } from '../i18n';
import type { RefundAggregate } from '../domain/finance';
import { excelSerial, type CalendarDate } from '../domain/parse/calendarDate';
import { safeText } from '../domain/parse/cell';
import { columnIndex } from './columns';
import { NUMBER_FORMATS } from './layout';
import type { PlanOp } from './plan';
import { findTableRead, type TableRead, type WorkbookRead } from './read';

export const REFUND_SHEET = 'Refusion';
export const REFUND_TABLE = 'Refusionsberegning';

export function refundTable(read: WorkbookRead): TableRead | undefined {
  return findTableRead(read, REFUND_TABLE);
}

/** The files imported already (the column Fil, under its Danish or English header). */
export function importedRefundFiles(table: TableRead | undefined): Set<string> {
  const files = new Set<string>();
  if (!table) return files;
  const column = columnIndex(table.header, [messages.da.finance.refundImport.header[9], messages.en.finance.refundImport.header[9]]);
  if (column >= 0) for (const r of table.rows) files.add(safeText(r[column]));
  return files;
}

/** Rows for one imported file; creates the sheet and table the first time. */
export function planRefundSheet(existing: TableRead | undefined, rows: RefundAggregate[], fileName: string, today: CalendarDate, lang: Lang): PlanOp[] {
  const t = messages[lang].finance.refundImport;
  const kr = (ore: number | undefined) => (ore === undefined ? null : ore / 100);
  const values = rows.map((r) => [r.week, r.benefit, r.persons, r.lines, kr(r.paidOre), kr(r.refundOre), kr(r.coFinancingOre), r.refundRateBp === undefined ? null : r.refundRateBp / 10_000, excelSerial(today), fileName]);
  const header = [...t.header];
  const formats = [undefined, undefined, '0', '0', NUMBER_FORMATS.amount, NUMBER_FORMATS.amount, NUMBER_FORMATS.amount, NUMBER_FORMATS.percent, NUMBER_FORMATS.date, undefined];
  const ops: PlanOp[] = existing
    ? [{ kind: 'appendRows', sheet: existing.sheet, table: REFUND_TABLE, rows: values }]
    : [
        { kind: 'ensureSheet', sheet: REFUND_SHEET },
        { kind: 'label', sheet: REFUND_SHEET, row: 1, column: 1, text: t.title, style: 'title' },
        { kind: 'label', sheet: REFUND_SHEET, row: 2, column: 1, text: t.help, style: 'subtitle' },
        { kind: 'createTable', sheet: REFUND_SHEET, table: REFUND_TABLE, topLeft: { row: 4, column: 1 }, header, rows: values },
      ];
  ops.push({ kind: 'layoutColumns', sheet: existing?.sheet ?? REFUND_SHEET, table: REFUND_TABLE, columns: header.map((h, i) => ({ header: h, width: i === 9 ? 30 : 14, ...(formats[i] ? { numberFormat: formats[i] } : {}) })) });
  return ops;
}
