import type { TableData } from '../../src/domain/model/table';
import type { Plan } from '../../src/workbook/plan';

/** The tables a plan creates, as the domain reads them: what an adapter would read back. */
export function tablesCreatedBy(plan: Plan): TableData[] {
  return plan.ops.flatMap((op) =>
    op.kind === 'createTable'
      ? [{ sheet: op.sheet, table: op.table, header: op.header, headerRow: op.topLeft.row, firstColumn: op.topLeft.column, rows: op.rows }]
      : []);
}
