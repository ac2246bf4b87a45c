/**
 * An .xlsx file as a LiveWorkbook, for the CLI. The file is read once; the operations read it
 * through the streaming reader (./reader: fast, bounded, no ExcelJS), and only when a plan is
 * applied is the ExcelJS model loaded from the same bytes and the plan applied to it in memory.
 * `save` writes the result atomically (temp file, then rename) to another path. The input file is
 * never written to. Commands that only read (validate, reconcile) never load ExcelJS.
 */
import { promises as fs } from 'fs';
import type { Workbook } from 'exceljs';
import type { ApplyResult, LiveWorkbook } from '../workbook/adapterContract';
import type { Plan } from '../workbook/plan';
import type { WorkbookRead } from '../workbook/read';
import { XlsxReadError } from './errors';
import { DEFAULT_READ_LIMITS, readWorkbookBuffer, type ReadLimits } from './reader';

export interface FileWorkbook extends LiveWorkbook {
  /** Writes the workbook as it is now to `path`, atomically. */
  save(path: string): Promise<void>;
}

/** Opens an .xlsx file (a path or its bytes); every failure to read it is an XlsxReadError. */
export async function openXlsxWorkbook(input: string | Buffer, limits?: Partial<ReadLimits>): Promise<FileWorkbook> {
  const path = typeof input === 'string' ? input : '(buffer)';
  const bytes = typeof input === 'string' ? await readFile(input, limits) : input;
  const loaded = readWorkbookBuffer(bytes, limits, path);
  return fileWorkbook(loaded, async () => (await import('./read')).loadXlsx(bytes, path), limits, path);
}

/** A new, empty workbook (no sheets: plans start with ensureSheet). */
export function newXlsxWorkbook(): FileWorkbook {
  return fileWorkbook({ sheets: [] }, async () => (await import('./workbook')).newWorkbook());
}

/** The file's bytes, refused before they are read when the file is larger than the reader's limit. */
async function readFile(path: string, limits?: Partial<ReadLimits>): Promise<Buffer> {
  const max = limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new XlsxReadError('not-found', path, 'not a file');
    if (stat.size > max) throw new XlsxReadError('too-large', path, `${Math.round(stat.size / 1e6)} MB is more than ${Math.round(max / 1e6)} MB`);
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('not-found', path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`, e);
  }
}

function fileWorkbook(loaded: WorkbookRead, load: () => Promise<Workbook>, limits?: Partial<ReadLimits>, path?: string): FileWorkbook {
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
    save: async (path) => (await import('./write')).writeXlsx(await ensureModel(), path),
  };
}

const activeOf = (workbook: Workbook) => workbook.worksheets[workbook.views?.[0]?.activeTab ?? 0]?.name ?? workbook.worksheets[0]?.name ?? '';
