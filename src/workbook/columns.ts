/**
 * Columns of a table read by header name instead of position: a sheet someone rearranged, or one
 * written in the other language, is still read right. Headers are compared trimmed and
 * case-insensitively; each column may be known under several names (e.g. its Danish and English
 * header).
 */
import type { TableSpec } from '../domain/model/schema';
import { safeText } from '../domain/parse/cell';
import type { CellValue } from '../domain/parse/cell';
import { matchKey } from '../domain/taxonomy/normalize';

/** The index of the first header cell matching one of the names, or -1. */
export function columnIndex(header: readonly CellValue[], names: readonly string[]): number {
  const wanted = new Set(names.map((n) => n.trim().toLowerCase()));
  return header.findIndex((h) => wanted.has(safeText(h).trim().toLowerCase()));
}

/** Finds every column once: `{ date: ['Dato', 'Date'] }` → `{ date: 0 }` (-1 for a missing one). */
export function columnIndexes<K extends string>(header: readonly CellValue[], spec: Record<K, readonly string[]>): Record<K, number> {
  return Object.fromEntries(Object.entries<readonly string[]>(spec).map(([key, names]) => [key, columnIndex(header, names)])) as Record<K, number>;
}

/** The cell of a row in a column found by columnIndexes (undefined for a missing column). */
export const cellAt = (row: readonly CellValue[], index: number): CellValue | undefined => (index >= 0 ? row[index] : undefined);

/**
 * The index of a contract column in a header as validation finds it (case, spacing and accents
 * ignored, see locateColumns), or -1.
 */
export function contractColumnIndex(header: readonly CellValue[], name: string): number {
  const key = matchKey(name);
  return header.findIndex((h) => matchKey(safeText(h)) === key);
}

/** Where a column sits in rows laid out in the schema's column order (what createTable writes, the demo's rows). */
export const schemaIndex = <S extends TableSpec>(spec: S, key: keyof S['column'] & string): number => spec.columns.indexOf(spec.column[key]);
