// Interim: the CLI's loaded workbook as a LiveWorkbook until the CLI moves onto the operations layer.
import type { Workbook } from 'exceljs';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import type { WorkbookRead } from '../workbook/read';
import { applyPlan } from '../xlsx';

export const memoryLive = (workbook: Workbook, read: WorkbookRead): LiveWorkbook => ({
  read: async () => read,
  apply: async (plan) => (applyPlan(workbook, plan), {}),
  activeSheet: async () => '',
});
