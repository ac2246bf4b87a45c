/**
 * An .xlsx file as a LiveWorkbook, for the CLI: the file is read once into an in-memory ExcelJS
 * workbook, the operations read it and apply their plans to it, and `save` writes the result
 * atomically (temp file, then rename) to another path. The input file is never written to.
 */
import type { Workbook } from 'exceljs';
import type { ApplyResult, LiveWorkbook } from '../operations/liveWorkbook';
import type { Plan } from '../workbook/plan';
import type { WorkbookRead } from '../workbook/read';
import { applyPlan } from './apply';
import { readWorkbook, readXlsx } from './read';
import { newWorkbook } from './workbook';
import { writeXlsx } from './write';

export interface FileWorkbook extends LiveWorkbook {
  /** The ExcelJS workbook the plans are applied to. */
  readonly workbook: Workbook;
  /** Writes the workbook as it is now to `path`, atomically. */
  save(path: string): Promise<void>;
}

/** Opens an .xlsx file (a path or its bytes); every failure to read it is an XlsxReadError. */
export async function openXlsxWorkbook(input: string | Buffer): Promise<FileWorkbook> {
  const { workbook, read } = await readXlsx(input);
  return fileWorkbook(workbook, read);
}

/** A new, empty workbook (no sheets: plans start with ensureSheet). */
export function newXlsxWorkbook(): FileWorkbook {
  return fileWorkbook(newWorkbook(), { sheets: [] });
}

function fileWorkbook(workbook: Workbook, loaded: WorkbookRead): FileWorkbook {
  // The read of the file is kept until a plan changes the workbook; then it is read again from memory.
  let current: WorkbookRead | undefined = loaded;
  let active = workbook.worksheets[workbook.views?.[0]?.activeTab ?? 0]?.name ?? workbook.worksheets[0]?.name ?? '';
  return {
    workbook,
    async read(options?: { sheets?: string[] }): Promise<WorkbookRead> {
      current ??= readWorkbook(workbook);
      if (!options?.sheets) return current;
      const wanted = new Set(options.sheets.map((s) => s.toLowerCase()));
      return { sheets: current.sheets.filter((s) => wanted.has(s.name.toLowerCase())) };
    },
    async apply(plan: Plan): Promise<ApplyResult> {
      if (!plan.ops.length) return {};
      current = undefined;
      applyPlan(workbook, plan);
      for (const op of plan.ops) if (op.kind === 'select') active = op.sheet;
      return {};
    },
    async activeSheet(): Promise<string> {
      return active;
    },
    save: (path) => writeXlsx(workbook, path),
  };
}
