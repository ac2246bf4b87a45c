/** The generated sheet `Fejl`: the findings of a validation as a table, rebuilt from scratch each time. */
import { messages, type Lang } from '../i18n';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { Finding } from '../domain/validate';
import { findingMessage } from '../i18n/findings';
import type { PlanOp } from './plan';

export const FINDINGS_SHEET = 'Fejl';
const FINDINGS_TABLE = 'Fejl';
const WIDTHS = [16, 8, 20, 10, 26, 80, 34];

/** The table's op; the marker goes at `nextRow`. */
export function planFindingsSheet(findings: Finding[], asOf: CalendarDate, lang: Lang): { op: PlanOp; nextRow: number } {
  const t = messages[lang].ui.findingsSheet;
  const op: PlanOp = {
    kind: 'generatedSheet',
    sheet: FINDINGS_SHEET,
    title: t.title(formatDanishDate(asOf)),
    table: FINDINGS_TABLE,
    header: [...t.header],
    rows: findings.map((f) => [f.sheet, f.cell, f.column, messages[lang].ui.severity[f.severity], f.code, findingMessage(f, lang), f.suggestion ?? null]),
    columns: t.header.map((h, i) => ({ header: h, width: WIDTHS[i] })),
  };
  return { op, nextRow: 3 + Math.max(findings.length, 1) + 3 };
}
