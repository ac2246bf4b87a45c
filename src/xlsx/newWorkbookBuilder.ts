/**
 * A new workbook built in memory from plans and handed out as .xlsx bytes: the one entry of the
 * .xlsx adapter that the operations (and so the task pane) may load (eslint.config.mjs). It runs in
 * the browser: ExcelJS resolves to its browser build there (its package.json `browser` field), and
 * nothing it imports uses Node (no fs, path or Buffer; tsconfig.src.json type-checks it with browser
 * types only). The pane loads it with a dynamic import(), so it is a chunk of its own, fetched on
 * first use. The same applyPlan and writer as `newXlsxWorkbook` (fileWorkbook.ts), without the file.
 */
import type { ApplyResult } from '../workbook/adapterContract';
import type { Plan } from '../workbook/plan';
import { applyPlan } from './apply';
import { newWorkbook } from './workbook';
import { xlsxBytes } from './xlsxBytes';

export interface NewWorkbookBuilder {
  /** Applies a plan to the new workbook (plans start with ensureSheet: it has no sheets). */
  apply(plan: Plan): Promise<ApplyResult>;
  /** The workbook as it is now, as an .xlsx package. */
  bytes(): Promise<Uint8Array>;
}

export function newWorkbookBuilder(): NewWorkbookBuilder {
  const workbook = newWorkbook();
  return {
    async apply(plan) {
      if (plan.ops.length) applyPlan(workbook, plan);
      return {};
    },
    bytes: () => xlsxBytes(workbook),
  };
}
