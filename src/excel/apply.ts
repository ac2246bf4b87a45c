/**
 * Apply a Plan to the open workbook through Office.js, with the .xlsx adapter's semantics: every
 * operation is idempotent and never overwrites a non-empty cell (a PlanConflictError names the
 * sheet and cell). Unlike the .xlsx adapter, the whole plan is checked before anything is written:
 * a conflict anywhere leaves the workbook untouched.
 *
 * One Excel.run, three syncs whatever the row count:
 * 1. structure: sheet names, table names (+ header/totals flags), notes (ExcelApi 1.18);
 * 2. what the checks need: every table's sheet and range, column names of the tables the plan
 *    touches, the cells a new table, label or column would cover on an existing sheet (the used
 *    part of each such range, and merged areas with ExcelApi 1.13), where existing notes sit;
 *    skipped when nothing is needed;
 * 3. all writes, queued in order: values first, then `tables.add(address, true)` over them
 *    (never row by row), number formats as one single value per column, drop-downs, notes,
 *    freeze panes, selection. Value writes are cut into requests of at most ~4 MB.
 * On Excel on the web (5 MB per batch) the loads of step 2 and the writes of step 3 are spread
 * over more syncs when they are larger than `payloadLimit`, each estimated per command with the
 * object paths it names (values.ts commandBytes, loadBytes).
 *
 * This module runs the three steps; applyLoads.ts queues and reads the loads of steps 1 and 2,
 * virtualWorkbook.ts is the plan's view of the workbook they give, conflicts.ts the checks, and
 * the write*.ts modules check one kind of operation each and queue its writes.
 */
import type { ApplyResult } from '../workbook/adapterContract';
import { fitPlan, generatedSheetContent, maskPlan } from '../workbook/adapterRules';
import type { Plan, PlanOp } from '../workbook/plan';
import { loadChecks, loadStructure, prepareChecks, resolveChecks } from './applyLoads';
import { defaultSupports, defaultSyncPayloadLimit, type ExcelRun, type Supports } from './env';
import { translateError } from './errors';
import { features, type Features, type VirtualWorkbook } from './virtualWorkbook';
import { chart } from './writeCharts';
import { highlight, layoutColumns } from './writeLayout';
import { ensureSheet, renameSheet, replaceGeneratedSheet } from './writeSheets';
import { addColumns, appendRows, createTableOp, renameTable, tableFromRange } from './writeTables';
import { freeze, label, select, setValues } from './writeView';
import { writeAll } from './writeAll';
import { moveSheet, pageSetup } from './writePrint';

export { TABLE_STYLE, VALIDATION_MIN_ROWS, VALIDATION_TEXTS } from '../workbook/adapterRules';
export { charsToPoints } from './writeLayout';

export interface ApplyOptions {
  /** Requirement-set check; `Office.context.requirements.isSetSupported` when omitted. */
  supports?: Supports;
  /** Estimated bytes one sync may carry; see defaultSyncPayloadLimit(). */
  payloadLimit?: number;
}

export async function applyPlan(run: ExcelRun, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const available = features(options.supports ?? defaultSupports());
  const payloadLimit = options.payloadLimit ?? defaultSyncPayloadLimit();
  try {
    return await run((context) => apply(context, available, payloadLimit, fitPlan(maskPlan(plan))));
  } catch (e) {
    throw translateError(e);
  }
}

async function apply(context: Excel.RequestContext, available: Features, payloadLimit: number, plan: Plan): Promise<ApplyResult> {
  // 1. Structure.
  const structure = loadStructure(context, available);
  await context.sync();

  // 2. What the checks need.
  const pending = prepareChecks(plan, structure, available);
  await loadChecks(context, pending, payloadLimit);
  const wb = resolveChecks(context, available, structure, pending);

  // 3. Check everything, then write (writeAll.ts: rebuilt sheets swapped in last, a failure reported).
  for (const op of plan.ops) {
    wb.current = 'sheet' in op ? op.sheet : undefined;
    applyOp(wb, op);
  }
  await writeAll(context, wb, payloadLimit);
  return { skipped: [...wb.skipped] };
}

/** Check one operation against the plan's view of the workbook and queue its writes. */
function applyOp(wb: VirtualWorkbook, op: PlanOp): void {
  switch (op.kind) {
    case 'ensureSheet':
      return ensureSheet(wb, op.sheet);
    case 'createTable':
      return createTableOp(wb, op);
    case 'tableFromRange':
      return tableFromRange(wb, op);
    case 'addColumns':
      return addColumns(wb, op);
    case 'layoutColumns':
      return layoutColumns(wb, wb.tableOf(op.sheet, op.table), op.columns);
    case 'freeze':
      return freeze(wb, wb.sheetOf(op.sheet), op.rows, op.columns);
    case 'label':
      return label(wb, op);
    case 'setValues':
      return setValues(wb, op);
    case 'appendRows':
      return appendRows(wb, op);
    case 'generatedSheet':
      replaceGeneratedSheet(wb, op);
      for (const content of generatedSheetContent(op)) applyOp(wb, content);
      return;
    case 'highlight':
      return highlight(wb, op);
    case 'chart':
      return chart(wb, wb.sheetOf(op.sheet), op.chart);
    case 'renameSheet':
      return renameSheet(wb, op.sheet, op.to);
    case 'renameTable':
      return renameTable(wb, op);
    case 'select':
      return select(wb, op);
    case 'pageSetup':
      return pageSetup(wb, wb.sheetOf(op.sheet), op.setup);
    case 'moveSheet':
      return moveSheet(wb, wb.sheetOf(op.sheet), op.position);
    case 'maskText':
      // Planned only for files (--mask-cpr): in Excel the pane masks cells through the CPR
      // finding's suggestion, and the user edits notes, names and properties in Excel itself.
      throw new Error('maskText is not available in Excel: mask the CPR number where Excel shows it');
    default: {
      const unknown: never = op;
      throw new Error(`Unknown plan operation ${JSON.stringify(unknown)}`);
    }
  }
}
