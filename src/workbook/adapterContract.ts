/**
 * What applying a Plan reports, the same for both adapters (src/excel on the open workbook,
 * src/xlsx on a file) and for every LiveWorkbook the operations talk to.
 */
import type { Plan } from './plan';
import type { WorkbookRead } from './read';

/** Features left out because the Excel at hand lacks the API; the UI explains them. */
export type SkippedFeature = 'dataValidation' | 'notes' | 'freezePanes' | 'conditionalFormats' | 'charts' | 'pageLayout';

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

/**
 * A sheet or table has a name the add-in writes (Fejl, Overblik, Afstemning, Statusfotos, …) but
 * not the add-in's marker (the generated sheet's control table): it is the user's, and the add-in
 * neither replaces it nor writes into it. Nothing was written.
 */
export class NotGeneratedError extends Error {
  constructor(
    readonly kind: 'sheet' | 'table',
    /** The sheet's or table's name. */
    readonly target: string,
    /** The sheet it is on (for a sheet: itself). */
    readonly sheet: string,
  ) {
    super(`${kind === 'sheet' ? 'Sheet' : 'Table'} "${target}"${kind === 'table' ? ` on sheet "${sheet}"` : ''} has a name Indsatsmonitor uses but was not made by it; it is left alone`);
    this.name = 'NotGeneratedError';
  }
}

/**
 * A value the plan writes only over a given value (`setValues` with `expected`, "Brug forslag")
 * found something else in the cell: the sheet changed since it was validated (sorted, a row
 * inserted, typed over). Nothing of the plan was written.
 */
export class CellChangedError extends Error {
  constructor(
    readonly sheet: string,
    /** A1 address of the first cell that changed. */
    readonly cell: string,
  ) {
    super(`${sheet}!${cell} has changed since it was validated`);
    this.name = 'CellChangedError';
  }
}

/**
 * Writing a plan failed after part of it was written (the Office.js adapter writes in several
 * syncs on Excel on the web, and a failing sync may have run its first commands). Says what was
 * written: `done` of `parts` syncs completed; the sheets whose writes all completed, and the ones
 * not (or not completely) written. Rebuilt generated sheets are swapped in last, so an old one is
 * intact unless it is listed as written.
 */
export class PartialWriteError extends Error {
  readonly cause: unknown;

  constructor(
    readonly done: number,
    readonly parts: number,
    readonly written: string[],
    readonly unwritten: string[],
    cause: unknown,
  ) {
    super(`${done} of ${parts} parts written (written: ${written.join(', ') || 'none'}; not written: ${unwritten.join(', ') || 'none'}): ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'PartialWriteError';
    this.cause = cause;
  }
}
