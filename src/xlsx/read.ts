/** Read an .xlsx file into ExcelJS plus the adapter-neutral WorkbookRead. */
import type { WorkbookText } from '../domain/validate/cprScan';
import { promises as fs } from 'fs';
import { Workbook, ValueType, type Worksheet } from 'exceljs';
import type { SheetRead, WorkbookRead } from '../workbook/read';
import { parseRange } from './address';
import { cellValue, numberFormatOf } from './cells';
import { encryptedError, isEncryptedWorkbook, XlsxReadError } from './errors';
import { existingCells, existingRows, mergedRanges, tableModels, tableRect } from './internals';
import { SheetBuilder, type TableDef } from './reader/build';
import { CellStore } from './reader/cells';
import { resolveLimits, type ReadLimits } from './reader/limits';
import type { SheetScan } from './reader/sheet';
import { guardSheet, restoreValidations, rewriteParts, type SheetGuards } from './sheetGuards';
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
    return { workbook, read: readWorkbook(workbook, undefined, pathOf(input)) };
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    // ExcelJS can accept a part it cannot make sense of (e.g. a table with a broken ref).
    throw new XlsxReadError('corrupt', pathOf(input), `the workbook structure cannot be read: ${(e as Error)?.message ?? e}`, e);
  }
}

const pathOf = (input: string | Buffer) => (typeof input === 'string' ? input : BUFFER_PATH);

/** The ExcelJS model of a workbook, for commands that change it (reading for the core goes through ./reader). */
export async function loadXlsx(input: string | Buffer, path = pathOf(input)): Promise<Workbook> {
  const buffer = typeof input === 'string' ? await readBytes(input) : Buffer.isBuffer(input) ? input : Buffer.from(input);
  if (buffer.length > MAX_XLSX_BYTES) throw tooLarge(path, buffer.length);

  const { facts, guards } = inspectPackage(buffer, path);
  const workbook = new Workbook();
  try {
    // Big validations under placeholders (sheetGuards.ts): ExcelJS would make an entry per cell.
    const bytes = guards.parts.size ? await rewriteParts(buffer, guards.parts) : buffer;
    // ExcelJS's typings declare their own `Buffer extends ArrayBuffer`; a Node Buffer is what it wants.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxReadError('corrupt', path, `ExcelJS cannot load the workbook: ${(e as Error)?.message ?? e}`, e);
  }
  try {
    restoreValidations(workbook, guards.validations);
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
    if (stat.isDirectory()) throw new XlsxReadError('folder', path, 'a folder, not a file');
    if (!stat.isFile()) throw new XlsxReadError('not-a-file', path, 'not a regular file (a device, fifo or socket)');
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

/**
 * Classify the bytes before ExcelJS sees them, collect the raw table facts (see tableFixes), and
 * guard the sheets against what ExcelJS would expand cell by cell (see sheetGuards).
 */
function inspectPackage(buffer: Buffer, path: string): { facts: TableXmlFacts[]; guards: SheetGuards } {
  if (isEncryptedWorkbook(buffer)) throw encryptedError(path);
  if (!looksLikeZip(buffer)) {
    const ole = buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0;
    throw new XlsxReadError('not-xlsx', path, ole ? 'an old .xls file or a password-protected workbook' : 'not an .xlsx file (no zip signature)');
  }
  try {
    const entries = zipEntries(buffer);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw new XlsxReadError('not-xlsx', path, 'a zip file without xl/workbook.xml (not an .xlsx workbook)');
    }
    const facts = entries
      .filter((e) => /^xl\/tables\/[^/]+\.xml$/.test(e.name))
      .map((e) => tableXmlFacts(zipEntryData(buffer, e).toString('utf8')))
      .filter((f): f is TableXmlFacts => !!f);
    const guards: SheetGuards = { parts: new Map(), validations: new Map() };
    for (const e of entries) if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) guardSheet(e.name, zipEntryData(buffer, e).toString('utf8'), path, guards);
    return { facts, guards };
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof ZipFormatError) throw new XlsxReadError('corrupt', path, `damaged zip: ${e.message}`, e);
    throw new XlsxReadError('corrupt', path, `damaged zip: ${(e as Error)?.message ?? e}`, e);
  }
}

/**
 * What the domain needs from a loaded (or in-memory) ExcelJS workbook. Does not modify it.
 *
 * Built with the streaming reader's rules (reader/build.ts SheetBuilder) over the cells that
 * exist, so it costs what the sheets hold, never their bounding box: a table reaching row
 * 1 048 576 stops after its last row with a cell, a region larger than `maxDenseCells` is narrowed
 * (the rest counted in `outside`), and a table still larger than that is an XlsxReadError
 * 'too-large-content'. `path` names the file in that error.
 */
export function readWorkbook(workbook: Workbook, limits?: Partial<ReadLimits>, path = BUFFER_PATH): WorkbookRead {
  const l = resolveLimits(limits);
  const sink = {
    limits: l,
    tooLarge: (part: string, detail: string) => new XlsxReadError('too-large-content', path, `${part}: ${detail}`, undefined, part),
  };
  // The cells outside the tables that hold a CPR number, as the streaming reader gives them (its
  // other texts, notes, names and properties, are read from files only).
  const texts: WorkbookText[] = [];
  const sheets = workbook.worksheets.map((worksheet) => readSheet(worksheet, sink, texts));
  return texts.length ? { sheets, texts } : { sheets };
}

function readSheet(worksheet: Worksheet, sink: ConstructorParameters<typeof SheetBuilder>[0], texts: WorkbookText[]): SheetRead {
  // Number formats get an index each, as cellXfs would give them: the builder looks formats up by index.
  const formats: (string | undefined)[] = [undefined];
  const formatIndex = new Map<string, number>();
  const cells = new CellStore();
  for (const row of existingRows(worksheet)) {
    for (const cell of existingCells(row)) {
      const format = numberFormatOf(cell);
      let xf = 0;
      if (format !== undefined) {
        xf = formatIndex.get(format) ?? formats.push(format) - 1;
        formatIndex.set(format, xf);
      }
      // Shared-formula followers: ExcelJS translates the master's formula.
      const formula = cell.type === ValueType.Formula && cell.formula ? cell.formula : undefined;
      cells.push(row.number, Number(cell.col), cellValue(cell), xf, formula);
    }
  }
  cells.finish();
  const scan: SheetScan = { cells, merges: mergedRanges(worksheet).map(parseRange), tableParts: [], rowXf: new Map(), colXf: [], hyperlinks: [] };
  const part = `sheet "${worksheet.name}"`;
  const tables: TableDef[] = tableModels(worksheet).map((model) => ({
    part,
    name: model.name,
    rect: tableRect(model),
    hasHeader: model.headerRow !== false,
    totals: !!model.totalsRow,
    columns: model.columns.map((c) => c.name),
  }));
  return new SheetBuilder(sink, part, worksheet.name, scan, { format: formats, isDate: [] }).build(tables, texts);
}
