/**
 * Import of a refund calculation file (KOMBIT Ydelsesrefusion style) into the workbook: aggregated
 * per week and benefit into the table Refusionsberegning. CPR numbers are dropped by the parser
 * before anything is kept; a file with malformed lines is not imported at all (the lines are
 * reported with their numbers), a file without lines (only the header, or nothing) is refused, and
 * the same file is not imported twice.
 */
import { messages, type Lang } from '../i18n';
import { parseRefundFile, type RefundLineCheck, type RefundProblem } from '../domain/finance';
import { formatOre } from '../domain/parse/amount';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { maskCpr } from '../domain/parse/cpr';
import { importedRefundFiles, planRefundSheet, refundTable } from '../workbook/refundSheet';
import type { LiveWorkbook } from './liveWorkbook';

export type RefundImport =
  | { kind: 'problems'; problems: string[] }
  | { kind: 'duplicate'; file: string }
  /** The file holds no refund lines (only a header, or nothing): nothing to import. */
  | { kind: 'empty'; file: string }
  /** Imported; `checks` are the lines that break the refund rules (rendered, with their line numbers). */
  | { kind: 'ok'; groups: number; lines: number; file: string; checks: string[] };

/** Text of a file: UTF-8 when it decodes cleanly, else Windows-1252/Latin-1 (what older exports use). */
export function decodeRefundFile(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.includes('\uFFFD') ? new TextDecoder('latin1').decode(bytes) : utf8;
}

/** Reads the workbook, checks the file and, when it is clean and new, appends it to Refusionsberegning. */
export async function importRefunds(workbook: LiveWorkbook, text: string, givenName: string, today: CalendarDate, lang: Lang): Promise<RefundImport> {
  // File names often carry the person's CPR number: it is stored, compared and reported masked.
  const fileName = maskCpr(givenName);
  const read = await workbook.read();
  const t = messages[lang].finance;
  const { rows, problems, checks } = parseRefundFile(text);
  if (problems.length) return { kind: 'problems', problems: problems.map((p: RefundProblem) => t.refundProblems[p.reason]({ line: p.line, column: p.column ?? '' })) };
  if (!rows.length) return { kind: 'empty', file: fileName };
  const existing = refundTable(read);
  if (importedRefundFiles(existing).has(fileName)) return { kind: 'duplicate', file: fileName };
  await workbook.apply({ ops: planRefundSheet(existing, rows, fileName, today, lang) });
  return { kind: 'ok', groups: rows.length, lines: rows.reduce((n, r) => n + r.lines, 0), file: fileName, checks: checks.map((c) => renderCheck(c, lang)) };
}

/** A rule breach of a line in the user's language: amounts in kroner, rates in %, the rule as the law names it. */
export function renderCheck(c: RefundLineCheck, lang: Lang): string {
  const rate = (bp: number | undefined) => (bp === undefined ? '' : `${(bp / 100).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB')} %`);
  const kr = (ore: number | undefined) => (ore === undefined ? '' : formatOre(ore));
  return maskCpr(messages[lang].finance.refundChecks[c.reason]({
    line: c.line, week: c.week, benefitWeek: c.benefitWeek ?? '', rule: c.rule ?? '',
    actualRate: rate(c.actualRateBp), expectedRate: rate(c.expectedRateBp), actual: kr(c.actualOre), expected: kr(c.expectedOre),
  }));
}
