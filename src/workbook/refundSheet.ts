/**
 * The sheet Refusion with the table Refusionsberegning: imported refund calculation files,
 * aggregated per week and benefit (no CPR numbers: the parser dropped them before anything is kept).
 */
import { messages, type Lang } from '../i18n';
import type { RefundAggregate } from '../domain/finance';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { safeText, type CellValue } from '../domain/parse/cell';
import { isBlank } from '../domain/parse/excelError';
import { columnIndex } from './columns';
import { dateCell, NUMBER_FORMATS } from './layout';
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

/** Where each column of Refusionsberegning is in `table` (by its Danish or English header), -1 when it lacks it. */
function refundColumns(table: TableRead): number[] {
  return messages.da.finance.refundImport.header.map((h, i) => columnIndex(table.header, [h, messages.en.finance.refundImport.header[i]]));
}

/** The place of the columns Importeret and Fil in the rows refundRows gives. */
export const REFUND_IMPORTED_INDEX = 8;
export const REFUND_FILE_INDEX = 9;

/**
 * The rows of Refusionsberegning in the order the import writes them (Uge … Importeret, Fil), read
 * by header; wholly empty rows left out. What `indsats consolidate` carries.
 */
export function refundRows(table: TableRead | undefined): CellValue[][] {
  if (!table) return [];
  const at = refundColumns(table);
  return table.rows.map((r) => at.map((i) => (i >= 0 ? (r[i] ?? null) : null))).filter((r) => r.some((v) => !isBlank(v)));
}

/** Rows for one imported file; creates the sheet and table the first time. */
export function planRefundSheet(existing: TableRead | undefined, rows: RefundAggregate[], fileName: string, today: CalendarDate, lang: Lang): PlanOp[] {
  const kr = (ore: number | undefined) => (ore === undefined ? null : ore / 100);
  const values = rows.map((r) => [r.week, r.benefit, r.persons, r.lines, kr(r.paidOre), kr(r.refundOre), kr(r.coFinancingOre), r.refundRateBp === undefined ? null : r.refundRateBp / 10_000, dateCell(today), fileName]);
  return planRefundRows(existing, values, lang);
}

/**
 * Rows in the import's column order (as planRefundSheet and refundRows give them) into the table:
 * appended in an existing table's own column order (found by header; a table lacking one of the
 * columns gets them by position), or the sheet and table created the first time.
 */
export function planRefundRows(existing: TableRead | undefined, values: CellValue[][], lang: Lang): PlanOp[] {
  const t = messages[lang].finance.refundImport;
  const header = [...t.header];
  const formats = [undefined, undefined, '0', '0', NUMBER_FORMATS.amount, NUMBER_FORMATS.amount, NUMBER_FORMATS.amount, NUMBER_FORMATS.percent, NUMBER_FORMATS.date, undefined];
  let ops: PlanOp[];
  if (existing) {
    // By header when the table has every column (e.g. rearranged); else in the import's order, as always.
    const at = refundColumns(existing);
    const rows = !at.every((i) => i >= 0) ? values : values.map((v) => {
      const row: CellValue[] = existing.header.map(() => null);
      at.forEach((i, c) => {
        row[i] = v[c] ?? null;
      });
      return row;
    });
    ops = [{ kind: 'appendRows', sheet: existing.sheet, table: REFUND_TABLE, rows }];
  } else {
    ops = [
      { kind: 'ensureSheet', sheet: REFUND_SHEET },
      { kind: 'label', sheet: REFUND_SHEET, row: 1, column: 1, text: t.title, style: 'title' },
      { kind: 'label', sheet: REFUND_SHEET, row: 2, column: 1, text: t.help, style: 'subtitle' },
      { kind: 'createTable', sheet: REFUND_SHEET, table: REFUND_TABLE, topLeft: { row: 4, column: 1 }, header, rows: values },
    ];
  }
  ops.push({ kind: 'layoutColumns', sheet: existing?.sheet ?? REFUND_SHEET, table: REFUND_TABLE, columns: header.map((h, i) => ({ header: h, width: i === 9 ? 30 : 14, ...(formats[i] ? { numberFormat: formats[i] } : {}) })) });
  return ops;
}
