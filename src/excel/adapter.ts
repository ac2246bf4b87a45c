/**
 * The Office.js adapter of the workbook port: what src/xlsx does for .xlsx files, done on the
 * workbook open in Excel. Pass `Excel.run` as `run` in the task pane; tests pass the in-memory
 * stand-in's run (test/standin/excelStandin.ts).
 *
 *   const read = await readWorkbook(Excel.run);                  // 3 syncs
 *   const { skipped } = await applyPlan(Excel.run, plan);         // 3 syncs, one Excel.run
 *   const sub = await onSheetChanged(Excel.run, (changes) => …); // debounced, 300 ms
 */
export { readWorkbook, type ReadOptions } from './read';
export { applyPlan, charsToPoints, TABLE_STYLE, VALIDATION_MIN_ROWS, VALIDATION_TEXTS, type ApplyOptions } from './apply';
export type { ApplyResult, SkippedFeature } from '../workbook/adapterContract';
export { onSheetChanged, type ChangedRange, type SheetChangedOptions, type SheetChangedSubscription } from './events';
export { CellEditModeError, ExcelApiError, PlanConflictError, isCellEditModeError } from './errors';
export {
  defaultSupports, defaultSyncPayloadLimit, MAX_RANGE_CELLS, MAX_REQUEST_BYTES, WEB_SYNC_PAYLOAD_LIMIT, type ExcelRun, type Supports,
} from './env';
export { excelCreateWorkbook, type CreateWorkbook } from './createWorkbook';
