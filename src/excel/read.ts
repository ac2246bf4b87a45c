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
import { looksLikeCpr } from '../domain/parse/cpr';
import type { WorkbookText } from '../domain/validate/cprScan';
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
      // 1. Structure (and the texts outside the cells, scanned for CPR numbers).
      const worksheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name,items/showHeaders,items/showTotals');
      const outsideTexts = loadTexts(context, supports, !only);
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
      const located = locateTexts(outsideTexts);
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
          // The cells outside the tables (a sheet with tables: its used range less their header and data rows), values only.
          outside: own.length && !g.used.isNullObject ? outsideOf(parseRect(g.used.address), own.map(({ t, rect }) => ({ ...rect, bottom: rect.bottom - (t.table.showTotals ? 1 : 0) }))).map((r) => add(g.worksheet, r, ['values'])) : [],
        };
      });
      const loaded = await loadBlocks(context, blocks, payloadLimit);

      const texts: WorkbookText[] = textsOf(located, sheets.map((w) => w.name));
      for (const p of plans) for (const part of p.outside) cprCells(part, loaded, texts);
      const read: WorkbookRead = {
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
      if (texts.length) read.texts = texts;
      return read;
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

// ---------------------------------------------------------------------------------------------
// What holds CPR numbers outside the tables and regions (domain/validate/cprScan.ts): read in the
// same three syncs, only where the Excel at hand has the API. Threaded comments (ExcelApi 1.10)
// with their replies, notes (1.18), workbook-scoped defined names and document properties (1.7),
// and the cells of a sheet's used range outside its tables (at most OUTSIDE_MAX_CELLS per sheet).

/** Cells outside the tables read per sheet for the CPR scan; a larger rest is left unscanned. */
export const OUTSIDE_MAX_CELLS = 1_000_000;

interface TextLoads {
  comments?: Excel.CommentCollection;
  notes?: Excel.NoteCollection;
  names?: Excel.NamedItemCollection;
  properties?: Excel.DocumentProperties;
  custom?: Excel.CustomPropertyCollection;
}

/** Step 1: the collections (names and properties only when the whole workbook is read). */
function loadTexts(context: Excel.RequestContext, supports: Supports, whole: boolean): TextLoads {
  const wb = context.workbook;
  const out: TextLoads = {};
  if (supports('ExcelApi', '1.10')) out.comments = wb.comments.load('items/content');
  if (supports('ExcelApi', '1.18')) out.notes = wb.notes.load('items/content');
  if (whole && supports('ExcelApi', '1.7')) {
    out.names = wb.names.load('items/name,items/formula');
    out.properties = wb.properties.load(PROPERTY_NAMES.join(','));
    out.custom = wb.properties.custom.load('items/key,items/value');
  }
  return out;
}

/** Document properties by the key the .xlsx reader gives them (maskText's property keys). */
const PROPERTY_KEYS = {
  author: 'core:creator',
  lastAuthor: 'core:lastModifiedBy',
  title: 'core:title',
  subject: 'core:subject',
  keywords: 'core:keywords',
  comments: 'core:description',
  category: 'core:category',
  company: 'app:Company',
  manager: 'app:Manager',
} as const;
const PROPERTY_NAMES = Object.keys(PROPERTY_KEYS) as (keyof typeof PROPERTY_KEYS)[];

interface Located {
  loads: TextLoads;
  comments: { comment: Excel.Comment; location: Excel.Range; replies: Excel.CommentReplyCollection }[];
  notes: { note: Excel.Note; location: Excel.Range }[];
}

/** Step 2: where each comment is and its replies; where each note holding a CPR number is. */
function locateTexts(loads: TextLoads): Located {
  return {
    loads,
    comments: (loads.comments?.items ?? []).map((comment) => ({ comment, location: comment.getLocation().load('address'), replies: comment.replies.load('items/content') })),
    notes: (loads.notes?.items ?? []).filter((n) => looksLikeCpr(n.content)).map((note) => ({ note, location: note.getLocation().load('address') })),
  };
}

/** The texts with a CPR number, as the .xlsx reader gives them. */
function textsOf(located: Located, sheets: string[]): WorkbookText[] {
  const texts: WorkbookText[] = [];
  const wanted = new Set(sheets.map((s) => s.toLowerCase()));
  const at = (range: Excel.Range) => {
    const { sheet, ref } = splitSheet(range.address);
    return { sheet, cell: ref.split(':')[0].replace(/\$/g, '') };
  };
  for (const { note, location } of located.notes) {
    const { sheet, cell } = at(location);
    if (wanted.has(sheet.toLowerCase())) texts.push({ place: 'comment', sheet, cell, text: note.content });
  }
  for (const { comment, location, replies } of located.comments) {
    const { sheet, cell } = at(location);
    if (!wanted.has(sheet.toLowerCase())) continue;
    const text = [comment.content, ...replies.items.map((r) => r.content)].join('\n');
    if (looksLikeCpr(text)) texts.push({ place: 'comment', sheet, cell, text });
  }
  for (const n of located.loads.names?.items ?? []) {
    if (looksLikeCpr(`${n.name} ${n.formula}`)) texts.push({ place: 'definedName', sheet: '', cell: '', text: n.formula, key: n.name });
  }
  const props = located.loads.properties;
  if (props) {
    for (const name of PROPERTY_NAMES) {
      const value = props[name];
      if (typeof value === 'string' && looksLikeCpr(value)) texts.push({ place: 'property', sheet: '', cell: '', text: value, key: PROPERTY_KEYS[name] });
    }
  }
  for (const p of located.loads.custom?.items ?? []) {
    const value = String(p.value ?? '');
    if (looksLikeCpr(value)) texts.push({ place: 'property', sheet: '', cell: '', text: value, key: `custom:${p.key}` });
  }
  return texts;
}

/** "'Ark 1'!B2" → sheet "Ark 1", ref "B2". */
function splitSheet(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', ref: address };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, ref: address.slice(bang + 1) };
}

/**
 * The parts of `used` outside every rect in `inside`, as disjoint rectangles (bands above and
 * below each inside rect, and beside it), at most OUTSIDE_MAX_CELLS cells in all.
 */
export function outsideOf(used: Rect, inside: Rect[]): Rect[] {
  let parts: Rect[] = [used];
  for (const t of inside) {
    const next: Rect[] = [];
    for (const r of parts) {
      if (t.bottom < r.top || t.top > r.bottom || t.right < r.left || t.left > r.right) {
        next.push(r);
        continue;
      }
      const top = Math.max(r.top, t.top);
      const bottom = Math.min(r.bottom, t.bottom);
      if (r.top < t.top) next.push({ ...r, bottom: t.top - 1 });
      if (r.bottom > t.bottom) next.push({ ...r, top: t.bottom + 1 });
      if (r.left < t.left) next.push({ top, bottom, left: r.left, right: t.left - 1 });
      if (r.right > t.right) next.push({ top, bottom, left: t.right + 1, right: r.right });
    }
    parts = next;
  }
  const out: Rect[] = [];
  let budget = OUTSIDE_MAX_CELLS;
  for (const r of parts) {
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (cells > budget) continue;
    budget -= cells;
    out.push(r);
  }
  return out;
}

/** The cells of a part holding a CPR number, as texts of place 'cell'. */
function cprCells(part: Part, loaded: Loaded[], texts: WorkbookText[]): void {
  rowsOf(part, loaded, 'values').forEach((row, r) =>
    row.forEach((v, c) => {
      if ((typeof v !== 'string' && typeof v !== 'number') || !looksLikeCpr(v)) return;
      const value = fromExcelValue(v);
      texts.push({ place: 'cell', sheet: part.sheet, cell: cellAddress(part.rect.top + r, part.rect.left + c), text: String(value), value });
    }),
  );
}
