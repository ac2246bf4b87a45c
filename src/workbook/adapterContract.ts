/**
 * What applying a Plan reports, the same for both adapters (src/excel on the open workbook,
 * src/xlsx on a file) and for every LiveWorkbook the operations talk to.
 */
import type { Plan } from './plan';
import type { WorkbookRead } from './read';

/** Features left out because the Excel at hand lacks the API; the UI explains them. */
export type SkippedFeature = 'dataValidation' | 'notes' | 'freezePanes' | 'conditionalFormats' | 'charts';

export interface ApplyResult {
  /**
   * What could not be written on this Excel, e.g. 'dataValidation': drop-downs need ExcelApi 1.8
   * ("rullelister kræver Excel med ExcelApi 1.8"). Absent or empty: nothing was left out.
   */
  skipped?: SkippedFeature[];
}

/**
 * A plan operation that would overwrite something the user typed (e.g. data right of a table that
 * should grow). Nothing is written for that operation; the caller reports sheet and cell.
 */
export class PlanConflictError extends Error {
  readonly sheet: string;
  /** A1 address of the blocking cell or range. */
  readonly cell: string;

  constructor(sheet: string, cell: string, message: string) {
    super(message);
    this.name = 'PlanConflictError';
    this.sheet = sheet;
    this.cell = cell;
  }
}

/**
 * A workbook the operations work on live: the open workbook through the Office.js adapter, an
 * .xlsx file through the file adapter (src/xlsx/fileWorkbook), an in-memory stand-in in tests. The
 * operations only talk to this, never to Office.js or files directly.
 */
export interface LiveWorkbook {
  read(options?: { sheets?: string[] }): Promise<WorkbookRead>;
  apply(plan: Plan): Promise<ApplyResult>;
  activeSheet(): Promise<string>;
}
