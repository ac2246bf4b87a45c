/**
 * An .xlsx file as a LiveWorkbook, for the CLI. The file is read once; the operations read it
 * through the streaming reader (./reader: fast, bounded, no ExcelJS). A plan is applied by the
 * package writer (./package) into the file's own package: only the parts the plan changes are
 * written, everything else is copied byte for byte (charts, images, pivot tables, VBA, …); the
 * state after it is read again by the streaming reader from the new bytes. `save` writes the result
 * atomically (temp file, then rename) to another path. The input file is never written to.
 *
 * New workbooks (`newXlsxWorkbook`: init, demo) are built with ExcelJS. `INDSATS_WRITER=exceljs`
 * applies plans to files with ExcelJS too, as before the package writer (it loses what ExcelJS
 * cannot hold; kept for comparison in tests and as a fallback).
 */
import { promises as fs } from 'fs';
import type { Workbook } from 'exceljs';
import type { ApplyResult, LiveWorkbook } from '../workbook/adapterContract';
import type { Plan } from '../workbook/plan';
import type { WorkbookRead } from '../workbook/read';
import { encryptedError, isEncryptedWorkbook, XlsxReadError } from './errors';
import { DEFAULT_READ_LIMITS, readWorkbookBuffer, type ReadLimits } from './reader';
import type { WriteOptions } from './atomicWrite';
import { writeBytesAtomically } from './atomicWrite';
import { activeSheetOf, applyPlanToPackage, printCopyOfPackage } from './package';
import { looksLikeZip, zipEntries } from './zip';
import { usePackageWriter } from './writerChoice';

export interface FileWorkbook extends LiveWorkbook {
  /** Writes the workbook as it is now to `path`, atomically (the output path rules: src/xlsx/outputPath.ts). */
  save(path: string, options?: WriteOptions): Promise<void>;
  /**
   * The workbook as .xlsx bytes to print from: only `sheets` visible (the others hidden in this
   * copy, so a renderer such as LibreOffice prints just them), the first of them active. The
   * workbook itself is left as it was.
   */
  printBytes(sheets: string[]): Promise<Buffer>;
  /** The file holds macros (a VBA project). */
  readonly hasMacros: boolean;
  /** Saving keeps the macros (the package writer copies vbaProject.bin and the content types as they are). */
  readonly keepsMacros: boolean;
}

export { WRITER_ENV } from './writerChoice';

/** Opens an .xlsx file (a path or its bytes); every failure to read it is an XlsxReadError. */
export async function openXlsxWorkbook(input: string | Buffer, limits?: Partial<ReadLimits>): Promise<FileWorkbook> {
  const path = typeof input === 'string' ? input : '(buffer)';
  const bytes = typeof input === 'string' ? await readFile(input, limits) : input;
  if (isEncryptedWorkbook(bytes)) throw encryptedError(path);
  const loaded = readWorkbookBuffer(bytes, limits, path);
  if (usePackageWriter()) return packageWorkbook(bytes, loaded, limits, path, hasVbaProject(bytes));
  return fileWorkbook(loaded, async () => (await import('./read')).loadXlsx(bytes, path), limits, path, hasVbaProject(bytes));
}

/** A macro-enabled package: a vbaProject part (xl/vbaProject.bin in .xlsm, .xltm and .xlam). */
function hasVbaProject(bytes: Buffer): boolean {
  if (!looksLikeZip(bytes)) return false;
  try {
    return zipEntries(bytes).some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name));
  } catch {
    return false; // the reader has read it already; a zip it could read is not refused here
  }
}

/** A new, empty workbook (no sheets: plans start with ensureSheet). */
export function newXlsxWorkbook(): FileWorkbook {
  return fileWorkbook({ sheets: [] }, async () => (await import('./workbook')).newWorkbook(), undefined, undefined, false);
}

/** The file's bytes, refused before they are read when the file is larger than the reader's limit. */
async function readFile(path: string, limits?: Partial<ReadLimits>): Promise<Buffer> {
  const max = limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new XlsxReadError('folder', path, 'a folder, not a file');
    if (!stat.isFile()) throw new XlsxReadError('not-a-file', path, 'not a regular file (a device, fifo or socket)');
    if (stat.size > max) throw new XlsxReadError('too-large', path, `${Math.round(stat.size / 1e6)} MB is more than ${Math.round(max / 1e6)} MB`);
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('not-found', path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`, e);
  }
}

function fileWorkbook(loaded: WorkbookRead, load: () => Promise<Workbook>, limits: Partial<ReadLimits> | undefined, path: string | undefined, hasMacros: boolean): FileWorkbook {
  // The read of the file is kept until a plan changes the workbook; then it is read again from memory.
  let current: WorkbookRead | undefined = loaded;
  let model: Workbook | undefined;
  let active: string | undefined;
  const ensureModel = async () => (model ??= await load());
  return {
    async read(options?: { sheets?: string[] }): Promise<WorkbookRead> {
      current ??= (await import('./read')).readWorkbook(await ensureModel(), limits, path);
      if (!options?.sheets) return current;
      const wanted = new Set(options.sheets.map((s) => s.toLowerCase()));
      return { sheets: current.sheets.filter((s) => wanted.has(s.name.toLowerCase())) };
    },
    async apply(plan: Plan): Promise<ApplyResult> {
      if (!plan.ops.length) return {};
      const workbook = await ensureModel();
      active ??= activeOf(workbook);
      current = undefined;
      (await import('./apply')).applyPlan(workbook, plan);
      for (const op of plan.ops) if (op.kind === 'select') active = op.sheet;
      return {};
    },
    async activeSheet(): Promise<string> {
      return active ?? activeOf(await ensureModel());
    },
    save: async (path, options) => (await import('./write')).writeXlsx(await ensureModel(), path, options),
    async printBytes(sheets: string[]): Promise<Buffer> {
      const workbook = await ensureModel();
      const wanted = new Set(sheets.map((s) => s.toLowerCase()));
      const states = workbook.worksheets.map((w) => [w, w.state, w.pageSetup] as const);
      const views = workbook.views;
      const first = workbook.worksheets.findIndex((w) => wanted.has(w.name.toLowerCase()));
      try {
        for (const [w] of states) {
          if (wanted.has(w.name.toLowerCase())) continue;
          w.state = 'hidden';
          // LibreOffice prints a hidden sheet's print area all the same: none in this copy.
          const { printArea: _area, ...rest } = w.pageSetup ?? {};
          w.pageSetup = rest as typeof w.pageSetup;
        }
        workbook.views = [{ ...(views?.[0] ?? {}), activeTab: Math.max(first, 0), firstSheet: Math.max(first, 0) } as (typeof workbook.views)[number]];
        return await (await import('./write')).xlsxBuffer(workbook);
      } finally {
        for (const [w, state, setup] of states) {
          w.state = state;
          w.pageSetup = setup;
        }
        workbook.views = views;
      }
    },
    hasMacros,
    keepsMacros: false,
  };
}

/** A file's workbook changed by the package writer: the bytes are the state; reads come from them. */
function packageWorkbook(bytes: Buffer, loaded: WorkbookRead, limits: Partial<ReadLimits> | undefined, path: string, hasMacros: boolean): FileWorkbook {
  let data = bytes;
  let current: WorkbookRead | undefined = loaded;
  let active: string | undefined;
  return {
    async read(options?: { sheets?: string[] }): Promise<WorkbookRead> {
      current ??= readWorkbookBuffer(data, limits, path);
      if (!options?.sheets) return current;
      const wanted = new Set(options.sheets.map((s) => s.toLowerCase()));
      return { sheets: current.sheets.filter((s) => wanted.has(s.name.toLowerCase())) };
    },
    async apply(plan: Plan): Promise<ApplyResult> {
      if (!plan.ops.length) return {};
      active ??= activeSheetOf(data);
      data = applyPlanToPackage(data, plan, { path, ...(limits ? { limits } : {}) });
      current = undefined;
      for (const op of plan.ops) if (op.kind === 'select') active = op.sheet;
      return {};
    },
    async activeSheet(): Promise<string> {
      return active ?? activeSheetOf(data);
    },
    save: (target, options) => writeBytesAtomically(data, target, options),
    printBytes: async (sheets: string[]) => printCopyOfPackage(data, sheets),
    hasMacros,
    keepsMacros: true,
  };
}

const activeOf = (workbook: Workbook) => workbook.worksheets[workbook.views?.[0]?.activeTab ?? 0]?.name ?? workbook.worksheets[0]?.name ?? '';
