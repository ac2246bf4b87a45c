/**
 * What an adapter (Office.js or .xlsx) reads from a workbook: every sheet, the Excel tables on it
 * and, for a sheet without tables, its used range as one region. Values are raw cell values as the
 * domain parses them (formulas give their cached result; rich text its plain text).
 */
import type { TableData } from '../domain/model/table';
import type { CellValue } from '../domain/parse/cell';
import { intersects, parseRange } from '../domain/model/address';
import type { WorkbookText } from '../domain/validate/cprScan';

export interface TableRead extends TableData {
  /** The table's (or region's) range including the header, e.g. "A1:J19". */
  ref: string;
  /** Number format per data cell (same shape as rows); undefined = General. */
  numberFormats?: (string | undefined)[][];
}

export interface SheetRead {
  name: string;
  tables: TableRead[];
  /** A sheet's used range when it holds no table: header = first non-empty row. */
  region?: TableRead;
  /** Merged ranges, e.g. "A1:C1": tables cannot hold them. */
  merged: string[];
  /** Cells that hold a formula, by A1 address, for rules that must not overwrite them. */
  formulas?: Record<string, string>;
  /**
   * Non-empty cells the region leaves out: set only when a sheet without tables was too large to
   * read whole (see the .xlsx reader's maxDenseCells). `ref` is the range of all its non-empty cells.
   */
  outside?: { cells: number; ref: string };
}

export interface WorkbookRead {
  sheets: SheetRead[];
  /**
   * What holds a CPR number outside the tables and regions, found in the read the adapter does
   * anyway: cells outside every table and region, notes and comments, defined names, document
   * properties (both adapters; only texts with a CPR number are kept). Scanned for CPR numbers only
   * (domain/validate/cprScan.ts).
   */
  texts?: WorkbookText[];
}

/** Every sheet's name and the workbook's other texts, as validation scans them for CPR numbers. */
export function textsOf(workbook: WorkbookRead): WorkbookText[] {
  return [...workbook.sheets.map((s): WorkbookText => ({ place: 'sheetName', sheet: s.name, cell: 'A1', text: s.name })), ...(workbook.texts ?? [])];
}

/** All table regions of a workbook, in sheet order, as the domain core wants them (with the merged ranges they overlap). */
export function tablesOf(workbook: WorkbookRead): TableData[] {
  return workbook.sheets.flatMap((s) => {
    const tables: TableData[] = s.tables.length ? s.tables : s.region ? [s.region] : [];
    return tables.map((t) => {
      const merged = s.merged.filter((m) => intersects(parseRange(m), parseRange((t as TableRead).ref)));
      return merged.length ? { ...t, merged } : t;
    });
  });
}

export function findSheet(workbook: WorkbookRead, name: string): SheetRead | undefined {
  const lower = name.toLowerCase();
  return workbook.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function findTableRead(workbook: WorkbookRead, tableName: string): TableRead | undefined {
  const lower = tableName.toLowerCase();
  for (const s of workbook.sheets) for (const t of s.tables) if (t.table?.toLowerCase() === lower) return t;
  return undefined;
}

export type { CellValue };
