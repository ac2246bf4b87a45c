/**
 * The plan of *Opdater taksonomier* / `indsats repair`: built-in taxonomy entries a workbook lacks
 * are appended to its tables, and entries the law has ended get the built-in `Gyldig til` (and
 * `Erstattes af`) in cells that are empty. Every write is a setValues with `expected: null`, so a
 * cell someone filled since the read is never overwritten; rows the municipality added or edited
 * are not touched. Only on explicit action (the button, the repair command).
 */
import { TAXONOMY_COLUMNS as C, SHEETS } from '../domain/model/schema';
import { cellAddress, parseRange } from '../domain/model/address';
import { safeText, type CellValue } from '../domain/parse/cell';
import { defaultTaxonomies, TAXONOMY_KEYS } from '../domain/taxonomy/defaults';
import { readTaxonomyTable, taxonomyToRows } from '../domain/taxonomy/sheet';
import { taxonomyUpdate } from '../domain/taxonomy/update';
import type { TaxonomyKey } from '../domain/taxonomy/types';
import { contractColumnIndex } from './columns';
import { dateCell, isoAsDateCell } from './layout';
import type { PlanOp } from './plan';
import { findTableRead, type WorkbookRead } from './read';

export interface TaxonomyUpdatePlan {
  ops: PlanOp[];
  /** Entries added and entries end-dated (or given a successor), over all taxonomies. */
  added: number;
  endDated: number;
}

export function planTaxonomyUpdate(read: WorkbookRead): TaxonomyUpdatePlan {
  const builtIn = defaultTaxonomies();
  const ops: PlanOp[] = [];
  let added = 0;
  let endDated = 0;
  for (const key of TAXONOMY_KEYS) {
    const table = findTableRead(read, builtIn[key].tableName);
    if (!table || table.sheet.toLowerCase() !== SHEETS.taxonomies.toLowerCase()) continue; // no table: repair creates it whole
    const { taxonomy } = readTaxonomyTable(key, table);
    const update = taxonomyUpdate(taxonomy, builtIn[key]);
    const codeColumn = contractColumnIndex(table.header, C.code);
    if (codeColumn < 0) continue;
    const { top, left } = parseRange(table.ref);
    const rowOf = (code: string) => table.rows.findIndex((r) => safeText(r[codeColumn]) === code);
    const cells: { address: string; value: CellValue; expected: CellValue }[] = [];
    const fill = (code: string, header: string, value: CellValue) => {
      const r = rowOf(code);
      const c = contractColumnIndex(table.header, header);
      if (r < 0 || c < 0 || safeText(table.rows[r]?.[c]) !== '') return false;
      cells.push({ address: cellAddress(top + 1 + r, left + c), value, expected: null });
      return true;
    };
    let changed = 0;
    for (const e of update.endDate) if (fill(e.code, C.validTo, dateCell(e.validTo))) changed++;
    for (const e of update.mapTo) if (fill(e.code, C.mapsTo, e.mapsTo) && !update.endDate.some((d) => d.code === e.code)) changed++;
    if (cells.length) ops.push({ kind: 'setValues', sheet: table.sheet, cells });
    if (update.add.length) ops.push({ kind: 'appendRows', sheet: table.sheet, table: table.table ?? builtIn[key].tableName, rows: rowsInOrder(key, update.add, table.header) });
    added += update.add.length;
    endDated += changed;
  }
  return { ops, added, endDated };
}

/** Built-in entries as rows in the existing table's column order (a column it lacks is left out). */
function rowsInOrder(key: TaxonomyKey, entries: ReturnType<typeof taxonomyUpdate>['add'], header: readonly CellValue[]): CellValue[][] {
  const { header: builtInHeader, rows } = taxonomyToRows({ key, tableName: '', entries });
  return rows.map((row) =>
    header.map((h) => {
      const i = builtInHeader.findIndex((b) => contractColumnIndex([h], b) === 0);
      const v = i < 0 ? null : row[i] ?? null;
      return isoAsDateCell(v);
    }),
  );
}

