/**
 * Renamed contract columns (#10): repair and *Opsætning* propose "omdøb Forløbsstatus til Status"
 * for a missing column that a column of the table looks like, and write it only when the user
 * says so: the header cell, through a setValues op that expects the header as it was read (a
 * header changed since is refused with CellChangedError, nothing written).
 */
import { BUDGET, INITIATIVES, PARTICIPANTS, POSTINGS, STATUS_LOG, TABLE_NAMES, type TableSpec } from '../domain/model/schema';
import { lookAlikes } from '../domain/adopt/lookAlike';
import { cellAddress } from '../domain/model/address';
import { safeText } from '../domain/parse/cell';
import { matchKey } from '../domain/taxonomy/normalize';
import type { PlanOp } from './plan';
import type { TableRead, WorkbookRead } from './read';

export interface ColumnRename {
  sheet: string;
  table: string;
  /** The header cell, e.g. "E4". */
  cell: string;
  from: string;
  to: string;
}

export type RenameProblem =
  | { kind: 'no-column'; from: string }
  | { kind: 'not-missing'; from: string; to: string; table: string };

/** The contract tables of a workbook with their specs. */
function contractTables(read: WorkbookRead): { spec: TableSpec; table: TableRead }[] {
  const byName: Record<string, TableSpec> = {
    [TABLE_NAMES.initiatives.toLowerCase()]: INITIATIVES, [TABLE_NAMES.statusLog.toLowerCase()]: STATUS_LOG,
    [TABLE_NAMES.budget.toLowerCase()]: BUDGET, [TABLE_NAMES.postings.toLowerCase()]: POSTINGS,
  };
  return read.sheets.flatMap((s) => s.tables.flatMap((table) => {
    const name = table.table?.toLowerCase() ?? '';
    const spec = byName[name] ?? (/^deltagere_/.test(name) ? PARTICIPANTS : undefined);
    return spec ? [{ spec, table }] : [];
  }));
}

const headerCell = (table: TableRead, index: number) => cellAddress(table.headerRow, table.firstColumn + index);

/** Every rename the workbook's tables suggest. */
export function renameSuggestions(read: WorkbookRead): ColumnRename[] {
  return contractTables(read).flatMap(({ spec, table }) =>
    lookAlikes(spec, table.header, table.rows).map((l) => ({ sheet: table.sheet, table: table.table!, cell: headerCell(table, l.index), from: l.header, to: l.column.header })));
}

/**
 * The ops that rename columns as asked ("Forløbsstatus=Status"): a header of a contract table the
 * contract does not know, to a column the table lacks. Each rename is applied to every table
 * that has such a column (usually one).
 */
export function planRenames(read: WorkbookRead, asked: readonly { from: string; to: string }[]): { ops: PlanOp[]; renames: ColumnRename[]; problems: RenameProblem[] } {
  const renames: ColumnRename[] = [];
  const problems: RenameProblem[] = [];
  const tables = contractTables(read);
  for (const { from, to } of asked) {
    const hits = tables.flatMap(({ spec, table }) => {
      const index = table.header.findIndex((h) => matchKey(safeText(h)) === matchKey(from));
      return index < 0 ? [] : [{ spec, table, index }];
    });
    if (!hits.length) {
      problems.push({ kind: 'no-column', from });
      continue;
    }
    for (const { spec, table, index } of hits) {
      const column = spec.columns.find((c) => matchKey(c.header) === matchKey(to));
      const has = table.header.some((h) => matchKey(safeText(h)) === matchKey(to));
      const known = spec.columns.some((c) => matchKey(c.header) === matchKey(safeText(table.header[index])));
      if (!column || has || known) {
        problems.push({ kind: 'not-missing', from, to, table: table.table! });
        continue;
      }
      renames.push({ sheet: table.sheet, table: table.table!, cell: headerCell(table, index), from: String(table.header[index] ?? ''), to: column.header });
    }
  }
  const bySheet = new Map<string, ColumnRename[]>();
  for (const r of renames) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  const ops: PlanOp[] = [...bySheet].map(([sheet, list]) => ({ kind: 'setValues', sheet, cells: list.map((r) => ({ address: r.cell, value: r.to, expected: r.from })) }));
  return { ops, renames, problems };
}

/** The read as it will be after the renames (so a plan made from it does not add the renamed columns again). */
export function withRenames(read: WorkbookRead, renames: readonly ColumnRename[]): WorkbookRead {
  if (!renames.length) return read;
  return {
    ...read,
    sheets: read.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => {
        const mine = renames.filter((r) => r.table === t.table);
        if (!mine.length) return t;
        return { ...t, header: t.header.map((h, i) => mine.find((r) => r.cell === headerCell(t, i))?.to ?? h) };
      }),
    })),
  };
}
