/**
 * Helpers for running the .xlsx scenarios through the Office.js adapter: an ExcelJS workbook as
 * the stand-in's starting state, the xlsx reader's output in Office.js terms, generated
 * participant rows.
 */
import { ValueType, type Workbook } from 'exceljs';
import { generateParticipantTables } from '../../bench/generate';
import type { CellValue } from '../../src/domain/parse/cell';
import { dateToSerial } from '../../src/excel/values';
import type { WorkbookRead } from '../../src/workbook/read';
import { cellValue } from '../../src/xlsx/cells';
import { mergedRanges, tableModels, tableRect } from '../../src/xlsx/internals';
import { formatRange } from '../../src/xlsx/address';
import type { StandinCell, StandinSheetSpec, StandinWorkbookSpec } from '../standin/excelStandin';

/** The same workbook for the stand-in: values as Office.js holds them, tables, merges, formulas. */
export function specFromExcelJs(workbook: Workbook): StandinWorkbookSpec {
  return {
    sheets: workbook.worksheets.map((ws): StandinSheetSpec => {
      const cells: Record<string, StandinCell> = {};
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const v = cellValue(cell);
          const c: StandinCell = {};
          if (v instanceof Date) c.value = dateToSerial(v);
          else if (v && typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') {
            c.value = (v as { error: string }).error;
            c.error = true;
          } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') c.value = v;
          if (cell.type === ValueType.Formula && cell.formula) c.formula = `=${cell.formula}`;
          if (cell.numFmt && cell.numFmt !== 'General') c.numberFormat = cell.numFmt;
          if (Object.keys(c).length) cells[cell.address] = c;
        });
      });
      return {
        name: ws.name,
        cells,
        tables: tableModels(ws).map((t) => ({ name: t.name, ref: formatRange(tableRect(t)), showTotals: !!t.totalsRow })),
        merged: mergedRanges(ws),
      };
    }),
  };
}

/** A cell value as Office.js reports it: dates as serials, errors as their text. */
export function asOffice(v: CellValue): CellValue {
  if (v instanceof Date) return dateToSerial(v);
  if (v && typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') return (v as { error: string }).error;
  if (v === '') return null;
  return v;
}

/** The xlsx reader's WorkbookRead in Office.js terms (what the Office.js adapter should give). */
export function officeShaped(read: WorkbookRead): WorkbookRead {
  const table = <T extends { rows: CellValue[][] }>(t: T): T => ({ ...t, rows: t.rows.map((r) => r.map(asOffice)) });
  return {
    sheets: read.sheets.map((s) => {
      const out = { ...s, tables: s.tables.map(table) };
      if (s.region) out.region = table(s.region);
      return out;
    }),
  };
}

/**
 * Rows for planStructure's `rows` option: `count` participant rows over `initiatives` tracking
 * sheets (bench/generate.ts, the data the validation benchmark uses).
 */
export function participantRows(count: number, initiatives = 10): Record<string, CellValue[][]> {
  const rows: Record<string, CellValue[][]> = {};
  for (const t of generateParticipantTables(count, initiatives)) rows[t.table!] = t.rows;
  return rows;
}

/** The same as a stand-in workbook: one sheet per tracking table, table at A1 (no structure around). */
export function participantSpec(count: number, initiatives = 10): StandinWorkbookSpec {
  return {
    sheets: generateParticipantTables(count, initiatives).map((t) => ({
      name: t.sheet,
      blocks: [{ at: 'A1', values: [t.header, ...t.rows] as (string | number | null)[][] }],
      tables: [{ name: t.table!, ref: `A1:${String.fromCharCode(64 + t.header.length)}${t.rows.length + 1}` }],
    })),
  };
}

export const MB = 1024 * 1024;
