/**
 * Where a workbook holds CPR numbers (findCprNumbers' rule): every cell of every table and region
 * (header and data rows), every non-empty cell outside them that the adapter gives as a text of
 * place 'cell', sheet and table names, notes and comments, defined names (name and formula) and
 * document properties. The one list of places both validation (CPR_NUMBER findings) and the write
 * commands' refusal and masking (src/workbook/cprMask.ts) work from. Only masked numbers leave it
 * in `numbers`; `value` is the place's raw content, for writing its masked form over it.
 */
import type { TableData } from '../model/table';
import type { CellValue } from '../parse/cell';
import { findCprNumbers } from '../parse/cpr';
import { cellAddress } from '../model/address';

/** A text of the workbook outside its tables, and where it is (cell 'A1' when it has none). */
export interface WorkbookText {
  /**
   * 'cell': a non-empty cell outside every table and region (its value in `value`); 'comment': a
   * note or a threaded comment on `cell`; 'definedName': `key` is the name, `text` its formula;
   * 'property': a document property, `key` its element name (creator, title, Company, …);
   * 'hyperlink': the address (and tooltip) of a hyperlink on `cell`; 'drawing': the texts of a
   * drawing (shapes, text boxes) or a chart (title, labels, cached series names) on `sheet`, `key`
   * the part's name in the package.
   */
  place: 'sheetName' | 'comment' | 'definedName' | 'property' | 'cell' | 'hyperlink' | 'drawing';
  sheet: string;
  cell: string;
  text: string;
  /** place 'cell': the value as read (a CPR number typed as a number stays a number). */
  value?: CellValue;
  /** place 'definedName': the name; 'property': the element name (creator, title, Company). */
  key?: string;
}

export type CprPlace = WorkbookText['place'] | 'header' | 'tableName';

export interface CprHit {
  place: CprPlace;
  sheet: string;
  /** A1 address ('' when the place has none: a workbook-wide defined name, a document property). */
  cell: string;
  /** What holds the numbers, as read: the cell's value, the header text, the name, the note's text, the formula. */
  value: CellValue;
  /** The CPR numbers found, masked ("220387-****"). */
  numbers: string[];
  /** A table cell or header: the table and the position (row -1 = the header). */
  at?: { table: TableData; row: number; column: number };
  /** definedName: the name; property: the element name; tableName: the table's name. */
  key?: string;
}

const found = (value: unknown): string[] => (typeof value === 'string' || typeof value === 'number' ? findCprNumbers(value) : []);

/**
 * Every CPR number in the workbook, by place, in reading order (sheet names, then per table: its
 * name, header and rows, then the other texts). `skipRows`: tables whose data rows are scanned
 * elsewhere (validation's row reader); their names and headers are still scanned here.
 */
export function scanCpr(tables: readonly TableData[], texts: readonly WorkbookText[], skipRows?: ReadonlySet<TableData>): CprHit[] {
  const hits: CprHit[] = [];
  const seenSheets = new Set<string>();
  for (const table of tables) {
    if (!seenSheets.has(table.sheet)) {
      seenSheets.add(table.sheet);
      const n = found(table.sheet);
      if (n.length) hits.push({ place: 'sheetName', sheet: table.sheet, cell: 'A1', value: table.sheet, numbers: n });
    }
    if (table.table !== undefined) {
      const n = found(table.table);
      if (n.length) hits.push({ place: 'tableName', sheet: table.sheet, cell: cellAddress(table.headerRow, table.firstColumn), value: table.table, numbers: n, key: table.table });
    }
    table.header.forEach((h, i) => {
      const n = found(h);
      if (n.length) hits.push({ place: 'header', sheet: table.sheet, cell: cellAddress(table.headerRow, table.firstColumn + i), value: h, numbers: n, at: { table, row: -1, column: i } });
    });
    if (skipRows?.has(table)) continue;
    table.rows.forEach((row, r) => row.forEach((v, i) => {
      const n = found(v);
      if (n.length) hits.push({ place: 'cell', sheet: table.sheet, cell: cellAddress(table.headerRow + 1 + r, table.firstColumn + i), value: v, numbers: n, at: { table, row: r, column: i } });
    }));
  }
  const seen = new Set<string>();
  for (const t of texts) {
    if (t.place === 'sheetName' && seenSheets.has(t.sheet)) continue;
    const scanned = t.place === 'definedName' ? `${t.key ?? ''} ${t.text}` : t.place === 'cell' ? t.value ?? t.text : t.text;
    const n = found(scanned);
    if (!n.length) continue;
    // A threaded comment comes with its legacy note: one place for both.
    const id = JSON.stringify([t.place, t.sheet, t.cell, t.key ?? '', n]);
    if (seen.has(id)) continue;
    seen.add(id);
    hits.push({ place: t.place, sheet: t.sheet, cell: t.cell, value: t.place === 'cell' ? t.value ?? t.text : t.text, numbers: n, ...(t.key !== undefined && { key: t.key }) });
  }
  return hits;
}

/** How many CPR numbers the hits hold (a cell may hold several). */
export const cprCount = (hits: readonly CprHit[]): number => hits.reduce((n, h) => n + h.numbers.length, 0);
