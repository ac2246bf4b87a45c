/**
 * Plans for registering on a tracking sheet from the task pane: one participant's row appended,
 * or the named cells of one row set (a status change). Values are keyed by header; dates go in as
 * Excel serials because the columns are date-formatted and text would be read in Excel's locale.
 */
import { cellAddress } from '../domain/model/address';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { dateCell } from './layout';
import type { CellValue } from '../domain/parse/cell';
import { columnIndex } from './columns';
import type { PlanOp } from './plan';
import type { TableRead } from './read';

export type RowValues = Record<string, CellValue | { date: CalendarDate }>;

const cellValue = (v: RowValues[string]): CellValue =>
  v !== null && typeof v === 'object' && !(v instanceof Date) && 'date' in v ? dateCell((v as { date: CalendarDate }).date) : (v as CellValue);

/** A new row at the bottom of the table, the columns not named left empty. */
export function planAppendRow(table: TableRead, values: RowValues): PlanOp {
  const byHeader = new Map(Object.entries(values).map(([h, v]) => [h.trim().toLowerCase(), v]));
  const row = table.header.map((h) => {
    const key = String(h ?? '').trim().toLowerCase();
    return byHeader.has(key) ? cellValue(byHeader.get(key)!) : null;
  });
  return { kind: 'appendRows', sheet: table.sheet, table: table.table!, rows: [row] };
}

/** Sets the named columns of the table's data row `index` (0-based); the other cells are left alone. */
export function planSetRow(table: TableRead, index: number, values: RowValues): PlanOp {
  const cells = Object.entries(values).flatMap(([header, value]) => {
    const column = columnIndex(table.header, [header]);
    return column < 0 ? [] : [{ address: cellAddress(table.headerRow + 1 + index, table.firstColumn + column), value: cellValue(value) }];
  });
  return { kind: 'setValues', sheet: table.sheet, cells };
}
