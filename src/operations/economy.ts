/**
 * The task pane's Økonomi: the reconciliation (as `indsats reconcile -o`) and, from the same read,
 * what the imported refund calculation files add up to per year, so an import shows up in the
 * result the pane presents.
 */
import { messages, type Lang } from '../i18n';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { safeText, type CellValue } from '../domain/parse/cell';
import { columnIndex } from '../workbook/columns';
import { tablesOf, type WorkbookRead } from '../workbook/read';
import { refundTable } from '../workbook/refundSheet';
import type { KeptSheet, LiveWorkbook } from './liveWorkbook';
import { report, type OnProgress } from './progress';
import { runReconciliation, writeReconciliationSheet, type ReconcileRun } from './reconcile';

export interface RefundYear {
  year: number;
  /** Sums in øre of the imported rows whose week falls in the year. */
  paidOre: number;
  refundOre: number;
  coFinancingOre: number;
  lines: number;
  files: number;
}

const ore = (v: CellValue) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : 0);

/** Per year (of the column Uge, "2021-07"), what the imported refund files add up to. */
export function refundYears(read: WorkbookRead): RefundYear[] {
  const table = refundTable(read);
  if (!table) return [];
  const col = (i: number) => columnIndex(table.header, [messages.da.finance.refundImport.header[i], messages.en.finance.refundImport.header[i]]);
  const [week, lines, paid, refund, co, file] = [col(0), col(3), col(4), col(5), col(6), col(9)];
  const years = new Map<number, RefundYear & { fileNames: Set<string> }>();
  for (const r of table.rows) {
    const year = Number(/^(\d{4})/.exec(safeText(r[week]))?.[1]);
    if (!Number.isInteger(year)) continue;
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, paidOre: 0, refundOre: 0, coFinancingOre: 0, lines: 0, files: 0, fileNames: new Set() }));
    y.paidOre += ore(r[paid]);
    y.refundOre += ore(r[refund]);
    y.coFinancingOre += ore(r[co]);
    y.lines += typeof r[lines] === 'number' ? (r[lines] as number) : 0;
    y.fileNames.add(safeText(r[file]));
  }
  return [...years.values()].sort((a, b) => a.year - b.year).map(({ fileNames, ...y }) => ({ ...y, files: fileNames.size }));
}

export type EconomyRun = ReconcileRun & { refunds: RefundYear[]; kept?: KeptSheet };

/** Reconciles, writes Afstemning when there is anything to reconcile, and sums the imported refund files. */
export async function reconcileEconomy(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang, onProgress?: OnProgress): Promise<EconomyRun> {
  await report(onProgress, { step: 'reading' });
  const read = await workbook.read();
  const run = runReconciliation(tablesOf(read), asOf, { withoutFinance: true });
  await report(onProgress, { step: 'reconciling', lines: run.reconciliation.lines.length });
  let kept: KeptSheet | undefined;
  if (run.reconciliation.lines.length) {
    await report(onProgress, { step: 'writing', sheet: messages[lang].reconcile.sheet });
    ({ kept } = await writeReconciliationSheet(workbook, run, asOf, lang));
  }
  return { ...run, refunds: refundYears(read), ...(kept ? { kept } : {}) };
}
