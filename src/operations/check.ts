/**
 * Validation as the task pane runs it: tied to what was checked. The result names the sheet (or
 * the workbook), how many rows of contract tables it covered, and whether the active sheet was a
 * generated one (Fejl, Overblik, …), in which case the sheet validated before is checked again
 * instead: writing the sheet Fejl must not turn the next "Valider aktivt ark" into a green "no
 * errors on Fejl".
 */
import { TABLE_NAMES, SHEETS } from '../domain/model/schema';
import { TAXONOMY_TABLE_NAMES } from '../domain/taxonomy/defaults';
import { isBlank } from '../domain/parse/excelError';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { TableData } from '../domain/model/table';
import { validateWorkbook, type Finding } from '../domain/validate';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { FINDINGS_SHEET } from '../workbook/findingsSheet';
import { OVERVIEW_SHEET } from '../workbook/overviewSheet';
import { SNAPSHOT_SHEET } from '../workbook/snapshotSheet';
import { REFUND_SHEET } from '../workbook/refundSheet';
import { reconcileDa } from '../i18n/da';
import { tablesOf, textsOf } from '../workbook/read';
import type { LiveWorkbook } from './liveWorkbook';
import { CancelledError } from './operations';
import { report, type OnProgress } from './progress';

/** Sheets Indsatsmonitor writes itself: never a target for "Valider aktivt ark". */
export const GENERATED_SHEETS: readonly string[] = [FINDINGS_SHEET, OVERVIEW_SHEET, reconcileDa.sheet, SNAPSHOT_SHEET, REFUND_SHEET];

export const isGeneratedSheet = (name: string) => GENERATED_SHEETS.some((s) => s.toLowerCase() === name.toLowerCase());

export type CheckTarget =
  | { scope: 'workbook' }
  /** `sheet`: that sheet, whatever is active; else the active sheet, or `previous` (validated before) when the active one is generated. */
  | { scope: 'sheet'; sheet?: string; previous?: string };

export interface CheckRun {
  scope: 'sheet' | 'workbook';
  findings: Finding[];
  taxonomies: TaxonomySet;
  /** The sheet validated (scope 'sheet'). */
  sheet?: string;
  /** The active sheet was this generated sheet, so `sheet` (validated before) was checked instead. */
  insteadOf?: string;
  /** Data rows of the contract tables in scope, and the sheets they are on. */
  rows: number;
  sheets: number;
}

const CHECKED_TABLES = new Set<string>([...Object.values(TABLE_NAMES), ...Object.values(TAXONOMY_TABLE_NAMES)].map((n) => n.toLowerCase()));
const CONTRACT_SHEETS = new Set<string>(Object.values(SHEETS).map((n) => n.toLowerCase()));

/** Whether validation reads this table (a contract table, or a plain range on a contract sheet). */
function checked(t: TableData): boolean {
  if (t.table) return CHECKED_TABLES.has(t.table.toLowerCase()) || t.table.toLowerCase().startsWith('deltagere_');
  return CONTRACT_SHEETS.has(t.sheet.toLowerCase()) || t.header.includes('Deltager-ID');
}

const check = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new CancelledError();
};

export async function checkWorkbook(
  workbook: LiveWorkbook,
  target: CheckTarget,
  asOf: CalendarDate,
  options: { signal?: AbortSignal; onProgress?: OnProgress } = {},
): Promise<CheckRun> {
  const { signal, onProgress } = options;
  await report(onProgress, { step: 'reading' });
  const explicit = target.scope === 'sheet' ? target.sheet : undefined;
  const [read, active] = await Promise.all([workbook.read(), target.scope === 'sheet' && !explicit ? workbook.activeSheet() : Promise.resolve(explicit)]);
  check(signal);
  let sheet = active;
  let insteadOf: string | undefined;
  if (target.scope === 'sheet' && !explicit && active !== undefined && isGeneratedSheet(active) && target.previous && !isGeneratedSheet(target.previous)) {
    insteadOf = active;
    sheet = target.previous;
  }
  const tables = tablesOf(read);
  const inScope = tables.filter((t) => checked(t) && (sheet === undefined || t.sheet.toLowerCase() === sheet.toLowerCase()));
  const rows = inScope.reduce((n, t) => n + t.rows.filter((r) => r.some((v) => !isBlank(v))).length, 0);
  const sheets = new Set(inScope.map((t) => t.sheet)).size;
  await report(onProgress, { step: 'checking', sheets, rows });
  check(signal);
  // With the texts outside the tables (cells beside them, comments, names, properties): CPR numbers anywhere.
  const { findings, taxonomies } = validateWorkbook(tables, { asOf, texts: textsOf(read) });
  check(signal);
  const base = { findings, taxonomies, rows, sheets };
  if (target.scope === 'workbook' || sheet === undefined) return { ...base, scope: 'workbook' };
  const lower = sheet.toLowerCase();
  return { ...base, scope: 'sheet', sheet, findings: findings.filter((f) => f.sheet.toLowerCase() === lower), ...(insteadOf ? { insteadOf } : {}) };
}
