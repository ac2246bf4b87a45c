/**
 * Import of a refund calculation file (KOMBIT Ydelsesrefusion style) into the workbook: aggregated
 * per week and benefit into the table Refusionsberegning. CPR numbers are dropped by the parser
 * before anything is kept; a file with malformed lines is not imported at all (the lines are
 * reported with their numbers), and the same file is not imported twice.
 */
import { messages, type Lang } from '../i18n';
import { parseRefundFile, type RefundProblem } from '../domain/finance';
import { excelSerial, type CalendarDate } from '../domain/parse/calendarDate';
import { safeText } from '../domain/parse/cell';
import { NUMBER_FORMATS } from '../workbook/layout';
import type { PlanOp } from '../workbook/plan';
import { findTableRead, type WorkbookRead } from '../workbook/read';

export const REFUND_SHEET = 'Refusion';
export const REFUND_TABLE = 'Refusionsberegning';

export type RefundImport =
  | { kind: 'problems'; problems: string[] }
  | { kind: 'duplicate'; file: string }
  | { kind: 'ok'; ops: PlanOp[]; groups: number; lines: number };

/** Text of a file: UTF-8 when it decodes cleanly, else Windows-1252/Latin-1 (what older exports use). */
export function decodeRefundFile(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.includes('\uFFFD') ? new TextDecoder('latin1').decode(bytes) : utf8;
}

export function planRefundImport(read: WorkbookRead, text: string, fileName: string, today: CalendarDate, lang: Lang): RefundImport {
  const t = messages[lang].finance;
  const { rows, problems } = parseRefundFile(text);
  if (problems.length) return { kind: 'problems', problems: problems.map((p: RefundProblem) => t.refundProblems[p.reason]({ line: p.line, column: p.column ?? '' })) };
  const existing = findTableRead(read, REFUND_TABLE);
  const fileColumn = existing?.header.findIndex((h) => safeText(h) === t.refundImport.header[9]) ?? -1;
  if (existing && fileColumn >= 0 && existing.rows.some((r) => safeText(r[fileColumn]) === fileName)) return { kind: 'duplicate', file: fileName };
  const kr = (ore: number | undefined) => (ore === undefined ? null : ore / 100);
  const values = rows.map((r) => [r.week, r.benefit, r.persons, r.lines, kr(r.paidOre), kr(r.refundOre), kr(r.coFinancingOre), r.refundRateBp === undefined ? null : r.refundRateBp / 10_000, excelSerial(today), fileName]);
  const header = [...t.refundImport.header];
  const formats = [undefined, undefined, '0', '0', NUMBER_FORMATS.amount, NUMBER_FORMATS.amount, NUMBER_FORMATS.amount, NUMBER_FORMATS.percent, NUMBER_FORMATS.date, undefined];
  const ops: PlanOp[] = existing
    ? [{ kind: 'appendRows', sheet: existing.sheet, table: REFUND_TABLE, rows: values }]
    : [
        { kind: 'ensureSheet', sheet: REFUND_SHEET },
        { kind: 'label', sheet: REFUND_SHEET, row: 1, column: 1, text: t.refundImport.title, style: 'title' },
        { kind: 'label', sheet: REFUND_SHEET, row: 2, column: 1, text: t.refundImport.help, style: 'subtitle' },
        { kind: 'createTable', sheet: REFUND_SHEET, table: REFUND_TABLE, topLeft: { row: 4, column: 1 }, header, rows: values },
      ];
  ops.push({ kind: 'layoutColumns', sheet: existing?.sheet ?? REFUND_SHEET, table: REFUND_TABLE, columns: header.map((h, i) => ({ header: h, width: i === 9 ? 30 : 14, ...(formats[i] ? { numberFormat: formats[i] } : {}) })) });
  return { kind: 'ok', ops, groups: rows.length, lines: rows.reduce((n, r) => n + r.lines, 0) };
}
