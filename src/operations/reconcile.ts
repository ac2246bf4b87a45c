/** Reconciliation of the finance tables, shared by `indsats reconcile` and the task pane's Økonomi tab. */
import { messages, type Lang } from '../i18n';
import { reconcile, type Reconciliation } from '../domain/finance';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { validateWorkbook, type Finding } from '../domain/validate';
import type { TableData } from '../domain/model/table';
import { COLUMNS, SHEETS, TABLE_NAMES } from '../domain/model/schema';
import { findTableRead, tablesOf } from '../workbook/read';
import { contractColumnIndex } from '../workbook/columns';
import { planReconciliationSheet } from '../workbook/reconciliationSheet';
import { planGeneratedSheet, type KeptSheet } from '../workbook/generated';
import type { LiveWorkbook } from './liveWorkbook';

export interface ReconcileRun {
  reconciliation: Reconciliation;
  /** Validation findings on the finance sheet: what is wrong in Budget and Posteringer. */
  findings: Finding[];
  taxonomies: TaxonomySet;
  initiativeNames: Record<string, string>;
}

export function runReconciliation(tables: TableData[], asOf: CalendarDate): ReconcileRun {
  const { model, findings, taxonomies } = validateWorkbook(tables, { asOf });
  const reconciliation = reconcile(model.budget, model.postings, { asOf, knownInitiatives: model.initiatives.map((i) => i.id) });
  return {
    reconciliation,
    findings: findings.filter((f) => f.sheet === SHEETS.finance && f.code !== 'MISSING_TABLE'),
    taxonomies,
    initiativeNames: Object.fromEntries(model.initiatives.map((i) => [i.id, i.name])),
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
 * as `kept`.
 */
export async function writeReconciliationSheet(workbook: LiveWorkbook, run: ReconcileRun, asOf: CalendarDate, lang: Lang): Promise<{ kept?: KeptSheet }> {
  const read = await workbook.read();
  const postings = findTableRead(read, TABLE_NAMES.postings);
  const accountingYear = postings !== undefined && contractColumnIndex(postings.header, COLUMNS.postings.accountingYear) >= 0;
  const { ops, nextRow } = planReconciliationSheet(run.reconciliation, { asOf, lang, taxonomies: run.taxonomies, initiativeNames: run.initiativeNames, accountingYear });
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
