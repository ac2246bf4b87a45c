import type { Plan } from '../workbook/plan';
import type { WorkbookRead } from '../workbook/read';
import type { ApplyResult } from '../workbook/adapterContract';

export type { ApplyResult };

/**
 * A workbook the add-in works on live: the Office.js adapter in Excel, an in-memory stand-in in
 * tests. The operations below only talk to this, never to Office.js directly.
 */
export interface LiveWorkbook {
  read(options?: { sheets?: string[] }): Promise<WorkbookRead>;
  apply(plan: Plan): Promise<ApplyResult>;
  activeSheet(): Promise<string>;
}
