/**
 * The open Excel workbook as a LiveWorkbook: the Office.js adapter (src/excel) for reading and
 * writing, plus the two small things only the task pane needs (the active sheet, change events).
 */
import { applyPlan } from '../excel/apply';
import type { ExcelRun, Supports } from '../excel/env';
import { readWorkbook } from '../excel/read';
import type { LiveWorkbook } from '../operations/liveWorkbook';

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
 * Calls back once typing has paused (300 ms) after cells change anywhere in the workbook.
 * A multi-cell paste may come without `details`; we only need to know that something changed,
 * so the whole active sheet is validated again. Needs ExcelApi 1.9 (worksheet collection events).
 */
export function changeSubscription(run: ExcelRun, supports: Supports): ((onChange: () => void) => Promise<() => void>) | undefined {
  if (!supports('ExcelApi', '1.9')) return undefined;
  return async (onChange) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handler = async () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, 300);
    };
    const registration = await run(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
      return result;
    });
    return () => {
      if (timer) clearTimeout(timer);
      void run(async (context) => {
        registration.remove();
        await context.sync();
      }).catch(() => undefined); // the pane may be closing; nothing to clean up then
    };
  };
}
