/** Read an .xlsx file into ExcelJS plus the adapter-neutral WorkbookRead. */
import { promises as fs } from 'fs';
import { Workbook, ValueType, type Worksheet } from 'exceljs';
import type { CellValue } from '../domain/parse/cell';
import type { SheetRead, TableRead, WorkbookRead } from '../workbook/read';
import { formatRange, type Rect } from './address';
import { cellValue, headerText, isEmptyValue, numberFormatOf, valueAt } from './cells';
import { XlsxReadError } from './errors';
import { mergedRanges, tableModels, tableRect, type TableModel } from './internals';
import { fixLoadedTables, tableXmlFacts, type TableXmlFacts } from './tableFixes';
import { looksLikeZip, zipEntries, zipEntryData, ZipFormatError } from './zip';

/** Larger files are refused before reading: ExcelJS needs roughly 10-20× the file size in memory. */
export const MAX_XLSX_BYTES = 200 * 1024 * 1024;

const BUFFER_PATH = '(buffer)';

export interface XlsxReadResult {
  workbook: Workbook;
  read: WorkbookRead;
}

/**
 * Load a workbook from a path or bytes. The file is read into memory once and never written to.
 * Every failure is an XlsxReadError (never a raw fs/zip/ExcelJS error).
 */
export async function readXlsx(input: string | Buffer): Promise<XlsxReadResult> {
  const workbook = await loadXlsx(input);
  try {
    return { workbook, read: readWorkbook(workbook) };
  } catch (e) {
    // ExcelJS can accept a part it cannot make sense of (e.g. a table with a broken ref).
    throw new XlsxReadError('corrupt', pathOf(input), `the workbook structure cannot be read: ${(e as Error)?.message ?? e}`, e);
  }
}

const pathOf = (input: string | Buffer) => (typeof input === 'string' ? input : BUFFER_PATH);

/** The ExcelJS model of a workbook, for commands that change it (reading for the core goes through ./reader). */
export async function loadXlsx(input: string | Buffer, path = pathOf(input)): Promise<Workbook> {
  const buffer = typeof input === 'string' ? await readBytes(input) : Buffer.isBuffer(input) ? input : Buffer.from(input);
  if (buffer.length > MAX_XLSX_BYTES) throw tooLarge(path, buffer.length);

  const facts = inspectPackage(buffer, path);
  const workbook = new Workbook();
  try {
    // ExcelJS's typings declare their own `Buffer extends ArrayBuffer`; a Node Buffer is what it wants.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxReadError('corrupt', path, `ExcelJS cannot load the workbook: ${(e as Error)?.message ?? e}`, e);
  }
  try {
    fixLoadedTables(workbook, facts);
  } catch (e) {
    throw new XlsxReadError('corrupt', path, `the workbook structure cannot be read: ${(e as Error)?.message ?? e}`, e);
  }
  return workbook;
}

async function readBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new XlsxReadError('not-found', path, 'not a file');
    size = stat.size;
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('not-found', path, `cannot open the file (${(e as NodeJS.ErrnoException).code ?? e})`, e);
  }
  if (size > MAX_XLSX_BYTES) throw tooLarge(path, size);
  try {
    return await fs.readFile(path);
  } catch (e) {
    throw new XlsxReadError('not-found', path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`, e);
  }
}

const tooLarge = (path: string, size: number) =>
  new XlsxReadError('too-large', path, `${Math.round(size / 1024 / 1024)} MB is more than ${MAX_XLSX_BYTES / 1024 / 1024} MB`);

/** Classify the bytes before ExcelJS sees them, and collect the raw table facts (see tableFixes). */
function inspectPackage(buffer: Buffer, path: string): TableXmlFacts[] {
  if (!looksLikeZip(buffer)) {
    const ole = buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0;
    throw new XlsxReadError('not-xlsx', path, ole ? 'an old .xls file or a password-protected workbook' : 'not an .xlsx file (no zip signature)');
  }
  try {
    const entries = zipEntries(buffer);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw new XlsxReadError('not-xlsx', path, 'a zip file without xl/workbook.xml (not an .xlsx workbook)');
    }
    return entries
      .filter((e) => /^xl\/tables\/[^/]+\.xml$/.test(e.name))
      .map((e) => tableXmlFacts(zipEntryData(buffer, e).toString('utf8')))
      .filter((f): f is TableXmlFacts => !!f);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof ZipFormatError) throw new XlsxReadError('corrupt', path, `damaged zip: ${e.message}`, e);
    throw new XlsxReadError('corrupt', path, `damaged zip: ${(e as Error)?.message ?? e}`, e);
  }
}

/** What the domain needs from a loaded (or in-memory) ExcelJS workbook. Does not modify it. */
export function readWorkbook(workbook: Workbook): WorkbookRead {
  return { sheets: workbook.worksheets.map(readSheet) };
}

function readSheet(worksheet: Worksheet): SheetRead {
  const tables = tableModels(worksheet)
    .map((model) => readTable(worksheet, model))
    .sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
  const sheet: SheetRead = { name: worksheet.name, tables, merged: mergedRanges(worksheet), formulas: formulasOf(worksheet) };
  if (!tables.length) {
    const region = readRegion(worksheet);
    if (region) sheet.region = region;
  }
  return sheet;
}

function readTable(worksheet: Worksheet, model: TableModel): TableRead {
  const r = tableRect(model);
  const hasHeader = model.headerRow !== false;
  // A table without a header row: report a virtual header row just above, so rows still follow it.
  const headerRow = hasHeader ? r.top : r.top - 1;
  const lastDataRow = r.bottom - (model.totalsRow ? 1 : 0);
  const header = model.columns.map((c, i) => {
    const text = hasHeader ? headerText(valueAt(worksheet, r.top, r.left + i)) : '';
    return text !== '' ? text : c.name;
  });
  const table: TableRead = {
    sheet: worksheet.name,
    table: model.name,
    header,
    headerRow,
    firstColumn: r.left,
    ...readBlock(worksheet, { top: headerRow + 1, bottom: lastDataRow, left: r.left, right: r.left + header.length - 1 }),
    ref: formatRange(r),
  };
  return table;
}

/** Values and number formats of a block; every row has exactly the block's width. */
function readBlock(worksheet: Worksheet, b: Rect): { rows: CellValue[][]; numberFormats: (string | undefined)[][] } {
  const rows: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  for (let row = b.top; row <= b.bottom; row++) {
    const values: CellValue[] = [];
    const formats: (string | undefined)[] = [];
    const sheetRow = worksheet.findRow(row);
    for (let column = b.left; column <= b.right; column++) {
      const cell = sheetRow?.findCell(column);
      values.push(cellValue(cell));
      formats.push(numberFormatOf(cell));
    }
    rows.push(values);
    numberFormats.push(formats);
  }
  return { rows, numberFormats };
}

/** A sheet without tables: header = first row with a value, down to the last row with one. */
function readRegion(worksheet: Worksheet): TableRead | undefined {
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  worksheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      if (isEmptyValue(cellValue(cell))) return;
      top = Math.min(top, rowNumber);
      bottom = Math.max(bottom, rowNumber);
      left = Math.min(left, column);
      right = Math.max(right, column);
    });
  });
  if (!bottom) return undefined;
  const header: string[] = [];
  for (let column = left; column <= right; column++) header.push(headerText(valueAt(worksheet, top, column)));
  return {
    sheet: worksheet.name,
    header,
    headerRow: top,
    firstColumn: left,
    ...readBlock(worksheet, { top: top + 1, bottom, left, right }),
    ref: formatRange({ top, left, bottom, right }),
  };
}

/** A1 → formula text with a leading "=" (as Office.js `range.formulas` gives it). */
function formulasOf(worksheet: Worksheet): Record<string, string> {
  const formulas: Record<string, string> = {};
  worksheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type !== ValueType.Formula) return;
      const text = cell.formula; // shared-formula followers: ExcelJS translates the master's formula
      if (text) formulas[cell.address] = `=${text}`;
    });
  });
  return formulas;
}
