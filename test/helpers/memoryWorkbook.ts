import type { Workbook } from 'exceljs';
import type { LiveWorkbook } from '../../src/operations/liveWorkbook';
import type { Plan } from '../../src/workbook/plan';
import { applyPlan, newWorkbook, readWorkbook } from '../../src/xlsx';

/** A LiveWorkbook over an in-memory ExcelJS workbook: the xlsx adapter standing in for Excel in UI tests. */
export function memoryWorkbook(workbook: Workbook = newWorkbook()): LiveWorkbook & { workbook: Workbook; active: string; applied: Plan[] } {
  const live = {
    workbook,
    active: workbook.worksheets[0]?.name ?? '',
    applied: [] as Plan[],
    async read() {
      return readWorkbook(workbook);
    },
    async apply(plan: Plan) {
      applyPlan(workbook, plan);
      live.applied.push(plan);
      for (const op of plan.ops) if (op.kind === 'select') live.active = op.sheet;
      return {};
    },
    async activeSheet() {
      return live.active;
    },
  };
  return live;
}
