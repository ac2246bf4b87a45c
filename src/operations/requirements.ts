/**
 * Refuse rather than mislead (#11): the tables and columns a command's figures depend on. Without
 * one, Overblik's formulas would show Err:504 and a snapshot would freeze zeros for good, so the
 * command stops before it writes anything and names what is missing (the CLI exits 2).
 */
import { BUDGET, INITIATIVES, PARTICIPANTS, POSTINGS, SHEETS, TABLE_NAMES, participantTableName, type TableSpec } from '../domain/model/schema';
import type { TableData } from '../domain/model/table';
import { safeText } from '../domain/parse/cell';
import { matchKey } from '../domain/taxonomy/normalize';
import { contractColumnIndex } from '../workbook/columns';
import { FORMULA_COLUMNS } from '../workbook/uncounted';

export type RequiringCommand = 'summary' | 'snapshot' | 'reconcile';

/** A table that is not there, or a column missing from a table (`column` set). */
export interface MissingInput {
  table: string;
  sheet: string;
  column?: string;
}

export class MissingInputError extends Error {
  constructor(readonly command: RequiringCommand, readonly missing: readonly MissingInput[]) {
    super(`${command}: missing ${missing.map((m) => (m.column ? `${m.table}[${m.column}]` : m.table)).join(', ')}`);
    this.name = 'MissingInputError';
  }
}

const findTable = (tables: TableData[], name: string, sheet?: string) =>
  tables.find((t) => t.table !== undefined && matchKey(t.table) === matchKey(name))
  ?? (sheet ? tables.find((t) => t.table === undefined && t.sheet === sheet) : undefined);

/** The required columns of a spec and those the generated sheet's formulas read. */
const needed = (spec: TableSpec, formula: readonly string[] = []) => [...new Set([...spec.columns.filter((c) => c.required).map((c) => c.header), ...formula])];

function missingColumns(table: TableData, name: string, columns: readonly string[]): MissingInput[] {
  return columns.filter((c) => contractColumnIndex(table.header, c) < 0).map((column) => ({ table: name, sheet: table.sheet, column }));
}

/** What the command needs that the workbook lacks (empty: go ahead). */
export function missingInputs(tables: TableData[], command: RequiringCommand): MissingInput[] {
  const missing: MissingInput[] = [];
  if (command === 'reconcile') {
    for (const [name, spec, formula] of [[TABLE_NAMES.budget, BUDGET, FORMULA_COLUMNS.budget], [TABLE_NAMES.postings, POSTINGS, FORMULA_COLUMNS.postings]] as const) {
      const table = findTable(tables, name);
      if (!table) missing.push({ table: name, sheet: SHEETS.finance });
      else missing.push(...missingColumns(table, name, needed(spec, formula)));
    }
    return missing;
  }
  const register = findTable(tables, TABLE_NAMES.initiatives, SHEETS.initiatives);
  if (!register) return [{ table: TABLE_NAMES.initiatives, sheet: SHEETS.initiatives }];
  missing.push(...missingColumns(register, TABLE_NAMES.initiatives, needed(INITIATIVES)));
  const idColumn = contractColumnIndex(register.header, INITIATIVES.column.id.header);
  const ids = idColumn < 0 ? [] : register.rows.map((r) => safeText(r[idColumn]).trim()).filter(Boolean);
  for (const id of new Set(ids)) {
    const name = participantTableName(id);
    const table = findTable(tables, name);
    // An initiative without a tracking table is summarised from the register alone (no formulas).
    if (table) missing.push(...missingColumns(table, table.table ?? name, needed(PARTICIPANTS, FORMULA_COLUMNS.participants)));
  }
  return missing;
}

/** Throws MissingInputError when the command cannot compute its figures from the workbook. */
export function requireInputs(tables: TableData[], command: RequiringCommand): void {
  const missing = missingInputs(tables, command);
  if (missing.length) throw new MissingInputError(command, missing);
}
