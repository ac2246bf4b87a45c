/** The port the operations talk to; declared with the adapters' contract in src/workbook. */
export type { ApplyResult, LiveWorkbook } from '../workbook/adapterContract';
/** What a write can fail with, for the task pane's messages. */
export { CellChangedError, NotGeneratedError, PartialWriteError } from '../workbook/adapterContract';
export type { KeptSheet } from '../workbook/generated';
