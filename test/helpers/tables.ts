import type { CellValue } from '../../src/domain/parse/cell';
import { INITIATIVES, PARTICIPANTS, type TableSpec } from '../../src/domain/model/schema';
import type { TableData } from '../../src/domain/model/table';

/** A table as the adapters deliver it: header on row 1 from column A unless told otherwise. */
export function table(sheet: string, tableName: string | undefined, header: string[], rows: CellValue[][], headerRow = 1, firstColumn = 1): TableData {
  return { sheet, table: tableName, header, rows, headerRow, firstColumn };
}

/** Rows given as objects keyed by header; missing keys are empty cells. */
export function rowsOf(spec: TableSpec, objects: Record<string, CellValue>[]): CellValue[][] {
  return objects.map((o) => spec.columns.map((c) => o[c.header] ?? null));
}

export const headerOf = (spec: TableSpec) => spec.columns.map((c) => c.header);

export function register(objects: Record<string, CellValue>[]): TableData {
  return table('Indsatser', 'Indsatser', headerOf(INITIATIVES), rowsOf(INITIATIVES, objects));
}

export function tracking(id: string, objects: Record<string, CellValue>[]): TableData {
  return table(id, `Deltagere_${id}`, headerOf(PARTICIPANTS), rowsOf(PARTICIPANTS, objects));
}
