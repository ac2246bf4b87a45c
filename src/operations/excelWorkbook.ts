/**
 * The open Excel workbook as a LiveWorkbook: the Office.js adapter (src/excel) for reading and
 * writing, plus the two small things only the task pane needs (the active sheet, change events).
 */
import { applyPlan, onSheetChanged, readWorkbook, type ExcelRun, type Supports } from '../excel/adapter';
import type { LiveWorkbook } from './liveWorkbook';

export function excelWorkbook(run: ExcelRun, supports: Supports): LiveWorkbook {
  return {
    read: (options) => readWorkbook(run, { ...options, supports }),
    apply: (plan) => applyPlan(run, plan, { supports }),
    activeSheet: () =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
        await context.sync();
        return sheet.name;
      }),
  };
}

/**
 * Calls back once typing has paused (300 ms) after cells change; multi-cell pastes without
 * `details` are handled by the adapter. Needs ExcelApi 1.9 (worksheet collection events).
 */
export function changeSubscription(run: ExcelRun, supports: Supports): ((onChange: () => void) => Promise<() => void>) | undefined {
  if (!supports('ExcelApi', '1.9')) return undefined;
  return async (onChange) => {
    const subscription = await onSheetChanged(run, () => onChange(), { debounceMs: 300 });
    return () => void subscription.remove().catch(() => undefined); // the pane may be closing
  };
}
