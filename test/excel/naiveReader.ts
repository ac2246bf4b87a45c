/**
 * How a first Office.js add-in tends to read tables: each row with its own load and sync. Used only
 * by the benchmark (syncBench.ts) to show what the adapter's three syncs save. Do not use.
 */
import type { CellValue } from '../../src/domain/parse/cell';
import type { ExcelRun } from '../../src/excel/env';

export interface NaiveTable {
  sheet: string;
  table: string;
  header: CellValue[];
  rows: CellValue[][];
}

export async function naiveReadTables(run: ExcelRun): Promise<NaiveTable[]> {
  return run(async (context) => {
    const out: NaiveTable[] = [];
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    for (const sheet of sheets.items) {
      const tables = sheet.tables.load('items/name');
      await context.sync();
      for (const table of tables.items) {
        const header = table.getHeaderRowRange().load('values');
        const body = table.getDataBodyRange().load('rowCount');
        await context.sync();
        const rows: CellValue[][] = [];
        for (let i = 0; i < body.rowCount; i++) {
          const row = body.getRow(i).load('values');
          await context.sync();
          rows.push(row.values[0] as CellValue[]);
        }
        out.push({ sheet: sheet.name, table: table.name, header: header.values[0] as CellValue[], rows });
      }
    }
    return out;
  });
}
