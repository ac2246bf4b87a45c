/**
 * Read the open workbook into the port's WorkbookRead, as the .xlsx reader does for a file, in
 * three syncs whatever the row count:
 *
 * 1. structure: sheet names; table names and whether they show a header/totals row;
 * 2. geometry: each table's sheet and range address (and column names for a table without header
 *    row); each sheet's used range (values only); merged areas (ExcelApi 1.13) and formula cells
 *    (ExcelApi 1.9) as RangeAreas addresses;
 * 3. data: values + numberFormat of every table and of the used range of every sheet without
 *    tables, and the formulas of the formula areas, in row blocks of at most 5 000 000 cells and
 *    ~4 MB each, all queued before the one sync.
 *
 * Excel on the web limits a whole batch to 5 MB: with `payloadLimit` (default: 4 MB there,
 * unlimited on Windows/Mac) step 3 is spread over as many syncs as needed, and a batch Excel
 * still refuses as too large is split and tried again.
 *
 * Values are what Office.js gives: numbers (date cells as serials), strings (error cells as
 * "#N/A"), booleans; empty cells become null as in the .xlsx reader.
 */
import type { CellValue } from '../domain/parse/cell';
import type { SheetRead, TableRead, WorkbookRead } from '../workbook/read';
import { cellAddress, formatRect, parseAreas, parseRect, type Rect } from './address';
import { loadBlocks, rowBlocks, type Block, type Loaded } from './blocks';
import { defaultSupports, defaultSyncPayloadLimit, type ExcelRun, type Supports } from './env';
import { translateError } from './errors';
import { fromExcelValue, fromNumberFormat, headerText } from './values';

export interface ReadOptions {
  /** Only these sheets (case-insensitive); all sheets when omitted. */
  sheets?: string[];
  /** Requirement-set check; `Office.context.requirements.isSetSupported` when omitted. */
  supports?: Supports;
  /** Estimated bytes one sync may carry; see defaultSyncPayloadLimit(). */
  payloadLimit?: number;
  /** Read number formats too (default true); false halves the payload, e.g. for live validation. */
  numberFormats?: boolean;
}

interface TableGeometry {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  columns?: Excel.TableColumnCollection;
}

interface SheetGeometry {
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  merged?: Excel.RangeAreas;
  formulas?: Excel.RangeAreas;
}

interface Part {
  sheet: string;
  rect: Rect;
  /** Index of the first block of this part in the data load, and how many. */
  first: number;
  count: number;
}

export async function readWorkbook(run: ExcelRun, options: ReadOptions = {}): Promise<WorkbookRead> {
  const supports = options.supports ?? defaultSupports();
  const withMerges = supports('ExcelApi', '1.13');
  const withFormulas = supports('ExcelApi', '1.9');
  const payloadLimit = options.payloadLimit ?? defaultSyncPayloadLimit();
  const only = options.sheets ? new Set(options.sheets.map((s) => s.toLowerCase())) : undefined;
  const dataProps: Block['props'] = options.numberFormats === false ? ['values'] : ['values', 'numberFormat'];
  try {
    return await run(async (context) => {
      // 1. Structure.
      const worksheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name,items/showHeaders,items/showTotals');
      await context.sync();
      const sheets = worksheets.items.filter((w) => !only || only.has(w.name.toLowerCase()));
      if (!sheets.length) return { sheets: [] };

      // 2. Geometry.
      const tableGeometry: TableGeometry[] = tables.items.map((table) => ({
        table,
        sheet: table.worksheet.load('name'),
        range: table.getRange().load('address'),
        columns: table.showHeaders ? undefined : table.columns.load('items/name'),
      }));
      const sheetGeometry: SheetGeometry[] = sheets.map((worksheet) => ({
        worksheet,
        used: worksheet.getUsedRangeOrNullObject(true).load('address'),
        merged: withMerges ? worksheet.getRange().getMergedAreasOrNullObject().load('address') : undefined,
        formulas: withFormulas ? worksheet.getRange().getSpecialCellsOrNullObject('Formulas').load('address') : undefined,
      }));
      await context.sync();

      // 3. Data, in blocks.
      const blocks: Block[] = [];
      const add = (sheet: Excel.Worksheet, rect: Rect, props: Block['props']): Part => {
        const parts = rowBlocks(sheet, rect, props);
        const part: Part = { sheet: sheet.name, rect, first: blocks.length, count: parts.length };
        blocks.push(...parts);
        return part;
      };
      const plans = sheetGeometry.map((g) => {
        const name = g.worksheet.name;
        const own = tableGeometry
          .filter((t) => t.sheet.name === name)
          .map((t) => ({ t, rect: parseRect(t.range.address) }))
          .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
        return {
          g,
          tables: own.map(({ t, rect }) => ({ t, part: add(g.worksheet, rect, dataProps) })),
          region: !own.length && !g.used.isNullObject ? add(g.worksheet, parseRect(g.used.address), dataProps) : undefined,
          formulas: g.formulas && !g.formulas.isNullObject ? parseAreas(g.formulas.address).map((r) => add(g.worksheet, r, ['formulas'])) : undefined,
        };
      });
      const loaded = await loadBlocks(context, blocks, payloadLimit);

      return {
        sheets: plans.map((p): SheetRead => {
          const sheet: SheetRead = {
            name: p.g.worksheet.name,
            tables: p.tables.map(({ t, part }) => tableRead(t, part, loaded)),
            merged: p.g.merged && !p.g.merged.isNullObject ? parseAreas(p.g.merged.address).map(formatRect) : [],
          };
          if (p.region) sheet.region = regionRead(p.region, loaded);
          if (p.formulas) sheet.formulas = formulasOf(p.formulas, loaded);
          else if (withFormulas) sheet.formulas = {};
          return sheet;
        }),
      };
    });
  } catch (e) {
    throw translateError(e);
  }
}

/** The rows of a part, joined from its blocks. */
function rowsOf(part: Part, loaded: Loaded[], prop: 'values' | 'numberFormat' | 'formulas'): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = part.first; i < part.first + part.count; i++) for (const row of loaded[i][prop] ?? []) rows.push(row);
  return rows;
}

function tableRead(g: TableGeometry, part: Part, loaded: Loaded[]): TableRead {
  const { rect } = part;
  const values = rowsOf(part, loaded, 'values');
  const formats = rowsOf(part, loaded, 'numberFormat');
  const hasHeader = g.table.showHeaders;
  // A table without header row: a virtual header row just above it, as the .xlsx reader reports.
  const headerRow = hasHeader ? rect.top : rect.top - 1;
  const firstData = hasHeader ? 1 : 0;
  const lastData = values.length - (g.table.showTotals ? 1 : 0);
  const names = g.columns?.items.map((c) => c.name) ?? [];
  const header = hasHeader ? values[0].map((v, i) => headerText(v) || names[i] || '') : names;
  return {
    sheet: part.sheet,
    table: g.table.name,
    header,
    headerRow,
    firstColumn: rect.left,
    rows: values.slice(firstData, lastData).map((r) => r.map(fromExcelValue)),
    ...(formats.length ? { numberFormats: formats.slice(firstData, lastData).map((r) => r.map(fromNumberFormat)) } : {}),
    ref: formatRect(rect),
  };
}

function regionRead(part: Part, loaded: Loaded[]): TableRead {
  const values = rowsOf(part, loaded, 'values');
  const formats = rowsOf(part, loaded, 'numberFormat');
  return {
    sheet: part.sheet,
    header: values[0].map(headerText),
    headerRow: part.rect.top,
    firstColumn: part.rect.left,
    rows: values.slice(1).map((r) => r.map(fromExcelValue) as CellValue[]),
    ...(formats.length ? { numberFormats: formats.slice(1).map((r) => r.map(fromNumberFormat)) } : {}),
    ref: formatRect(part.rect),
  };
}

function formulasOf(parts: Part[], loaded: Loaded[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of parts) {
    rowsOf(part, loaded, 'formulas').forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f === 'string' && f.startsWith('=')) out[cellAddress(part.rect.top + r, part.rect.left + c)] = f;
      }),
    );
  }
  return out;
}
