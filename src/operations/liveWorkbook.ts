/** The port the operations talk to; declared with the adapters' contract in src/workbook. */
export type { ApplyResult, LiveWorkbook } from '../workbook/adapterContract';
