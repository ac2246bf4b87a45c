/**
 * Which sheets are part of the model: the ones validation checks (the contract's sheets, the
 * tracking sheets, the taxonomies) and the add-in's generated sheets (recognised by their control
 * table). Every other sheet with data is the user's own, not checked: SHEET_NOT_IN_MODEL, and a
 * sheet that can be adopted.
 */
import type { TableData } from '../model/table';
import { SHEETS, TABLE_NAMES } from '../model/schema';
import { TAXONOMY_TABLE_NAMES } from '../taxonomy/defaults';
import { matchKey } from '../taxonomy/normalize';

const MODEL_TABLES = new Set([...Object.values(TABLE_NAMES), ...Object.values(TAXONOMY_TABLE_NAMES)].map((n) => n.toLowerCase()));
const MODEL_SHEETS = new Set(Object.values(SHEETS).map(matchKey));

/** A table the model reads or the add-in writes: a contract or taxonomy table, a tracking table, a generated sheet's control table. */
export function isModelTable(name: string): boolean {
  const lower = name.toLowerCase();
  return MODEL_TABLES.has(lower) || /^deltagere_/.test(lower) || /_kontrol$/.test(lower);
}

/** Whether a sheet (with these tables or region) is part of the model. */
export function isModelSheet(sheet: string, tables: readonly Pick<TableData, 'table'>[]): boolean {
  return MODEL_SHEETS.has(matchKey(sheet)) || tables.some((t) => t.table !== undefined && isModelTable(t.table));
}
