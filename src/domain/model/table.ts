import type { CellValue } from '../parse/cell';

/**
 * One table region as read from a workbook (Office.js or .xlsx): its header and raw cell values.
 * This is all the domain core needs to know about a workbook; adapters produce it.
 */
export interface TableData {
  sheet: string;
  /** Excel table name, when the region is a real table. */
  table?: string;
  header: string[];
  /** Sheet row number (1-based) of the header; data rows follow directly below. */
  headerRow: number;
  /** Sheet column number (1-based) of the first column. */
  firstColumn: number;
  rows: CellValue[][];
  /** Merged ranges (A1) that overlap the table: only their first cell holds a value. */
  merged?: string[];
}
