/** Reconciliation of the finance tables, shared by `indsats reconcile` and the task pane's Økonomi tab. */
import { messages, type Lang } from '../i18n';
import { reconcile, type Reconciliation } from '../domain/finance';
import { formatDanishDate, yearOf, type CalendarDate } from '../domain/parse/calendarDate';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { validateWorkbook, type Finding } from '../domain/validate';
import type { TableData } from '../domain/model/table';
import { COLUMNS, SHEETS, TABLE_NAMES } from '../domain/model/schema';
import { findTableRead, tablesOf, type WorkbookRead } from '../workbook/read';
import { contractColumnIndex } from '../workbook/columns';
import { planReconciliationSheet } from '../workbook/reconciliationSheet';
import { planGeneratedSheet, type KeptSheet } from '../workbook/generated';
import type { LiveWorkbook } from './liveWorkbook';
import { MissingInputError, missingInputs } from './requirements';
import { safeText } from '../domain/parse/cell';
import { parseDate } from '../domain/parse/date';
import { parseInteger } from '../domain/parse/number';
import { matchKey } from '../domain/taxonomy/normalize';
import { FORMULA_COLUMNS, uncountedRows } from '../workbook/uncounted';

export interface ReconcileRun {
  reconciliation: Reconciliation;
  /** Validation findings on the finance sheet: what is wrong in Budget and Posteringer. */
  findings: Finding[];
  taxonomies: TaxonomySet;
  initiativeNames: Record<string, string>;
  /**
   * Rows of Budget and Posteringer the sheet's SUMIFS do not count as the core does (each has a
   * finding), by line (`ITMV|2017`, the ID in capitals); `other` where the line is not known.
   */
  uncounted: { byLine: Record<string, number>; other: number };
}

/** The rows of Budget and Posteringer that the Afstemning formulas do not count as the core does, by line. */
function uncountedFinance(tables: TableData[], findings: readonly Finding[]): ReconcileRun['uncounted'] {
  const byLine: Record<string, number> = {};
  let other = 0;
  const find = (name: string) => tables.find((t) => t.table !== undefined && matchKey(t.table) === matchKey(name));
  const count = (table: TableData | undefined, columns: readonly string[], yearOfRow: (row: TableData['rows'][number]) => number | undefined, idHeader: string) => {
    if (!table) return;
    const id = contractColumnIndex(table.header, idHeader);
    for (const index of uncountedRows(findings, table, columns)) {
      const row = table.rows[index] ?? [];
      const initiative = id >= 0 ? safeText(row[id]).trim().toUpperCase() : '';
      const year = yearOfRow(row);
      if (initiative && year !== undefined) byLine[`${initiative}|${year}`] = (byLine[`${initiative}|${year}`] ?? 0) + 1;
      else other++;
    }
  };
  const budget = find(TABLE_NAMES.budget);
  const postings = find(TABLE_NAMES.postings);
  count(budget, FORMULA_COLUMNS.budget, (row) => {
    const r = budget ? parseInteger(row[contractColumnIndex(budget.header, COLUMNS.budget.year)]) : undefined;
    return r?.ok ? r.value : undefined;
  }, COLUMNS.budget.initiativeId);
  count(postings, FORMULA_COLUMNS.postings, (row) => {
    const r = postings ? parseDate(row[contractColumnIndex(postings.header, COLUMNS.postings.date)]) : undefined;
    return r?.ok ? yearOf(r.value) : undefined;
  }, COLUMNS.postings.initiativeId);
  return { byLine, other };
}

/**
 * Reconciles Budget and Posteringer; refuses (MissingInputError) when a table or column the figures
 * need is missing. `withoutFinance`: a workbook with neither table is not refused but has nothing to
 * reconcile (the pane's Økonomi tab, which also sums imported refund files).
 */
export function runReconciliation(tables: TableData[], asOf: CalendarDate, options: { withoutFinance?: boolean } = {}): ReconcileRun {
  const missing = missingInputs(tables, 'reconcile');
  const noFinance = missing.length === 2 && missing.every((m) => m.column === undefined);
  if (missing.length && !(noFinance && options.withoutFinance)) throw new MissingInputError('reconcile', missing);
  const { model, findings, taxonomies } = validateWorkbook(tables, { asOf });
  const reconciliation = reconcile(model.budget, model.postings, { asOf, knownInitiatives: model.initiatives.map((i) => i.id) });
  return {
    reconciliation,
    findings: findings.filter((f) => f.sheet === SHEETS.finance && f.code !== 'MISSING_TABLE'),
    taxonomies,
    initiativeNames: Object.fromEntries(model.initiatives.map((i) => [i.id, i.name])),
    uncounted: uncountedFinance(tables, findings),
  };
}

/** Exit status per the contract: 0 all reconciled, 1 gaps (or errors in the finance tables). */
export const reconcileExitCode = (run: ReconcileRun) =>
  run.reconciliation.allReconciled && !run.findings.some((f) => f.severity === 'error') ? 0 : 1;

/** Reconciles the open workbook without writing anything (`indsats reconcile` without -o). */
export async function reconcileOnly(workbook: LiveWorkbook, asOf: CalendarDate): Promise<ReconcileRun> {
  return runReconciliation(tablesOf(await workbook.read()), asOf);
}

/**
 * Writes the generated sheet Afstemning for a reconciliation (nothing when there are no lines). A
 * sheet Afstemning the add-in did not write (or one edited by hand) is renamed aside and reported
 * as `kept`. `current`: the workbook's read, when the caller has just read it.
 */
export async function writeReconciliationSheet(workbook: LiveWorkbook, run: ReconcileRun, asOf: CalendarDate, lang: Lang, current?: WorkbookRead): Promise<{ kept?: KeptSheet }> {
  const read = current ?? (await workbook.read());
  const postings = findTableRead(read, TABLE_NAMES.postings);
  const accountingYear = postings !== undefined && contractColumnIndex(postings.header, COLUMNS.postings.accountingYear) >= 0;
  const { ops, nextRow } = planReconciliationSheet(run.reconciliation, { asOf, lang, taxonomies: run.taxonomies, initiativeNames: run.initiativeNames, accountingYear, uncounted: run.uncounted });
  if (!ops.length) return {};
  const plan = planGeneratedSheet(read, messages[lang].reconcile.sheet, ops, { row: nextRow, date: formatDanishDate(asOf), lang });
  await workbook.apply({ ops: plan.ops });
  return plan.kept ? { kept: plan.kept } : {};
}

/** Reconciles the open workbook and writes the generated sheet Afstemning (when there is anything to reconcile). */
export async function reconcileWorkbook(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang): Promise<ReconcileRun & { kept?: KeptSheet }> {
  const run = await reconcileOnly(workbook, asOf);
  if (!run.reconciliation.lines.length) return run;
  const { kept } = await writeReconciliationSheet(workbook, run, asOf, lang);
  return kept ? { ...run, kept } : run;
}
