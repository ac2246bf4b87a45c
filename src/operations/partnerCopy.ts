/**
 * *Lav partnerudgave* in the task pane: the partner workbook of `indsats partner` (the same
 * planner, planPartnerWorkbook: one initiative's register row and tracking sheet, the taxonomies,
 * the structure; no other initiative, no status log, no finance) built as .xlsx bytes where the
 * pane runs, by the .xlsx adapter's new-workbook builder (src/xlsx/newWorkbookBuilder.ts, the same
 * applyPlan and writer as the CLI's new workbooks). The builder and ExcelJS's browser build are
 * loaded on first use, a chunk of their own, so the pane does not load them at start.
 *
 * CPR numbers: as `indsats partner` does — nothing is refused (the pane refuses nothing: the data
 * is in Excel already), and every CPR number in the rows copied is masked by the adapter's one
 * masking path (maskPlan, applied by applyPlan before it writes); `masked` counts them so the pane
 * can say so.
 *
 * Opening: `Excel.createWorkbook(base64)` (ExcelApi 1.8, src/excel/createWorkbook.ts) where Excel
 * has it; otherwise the edge offers the bytes as a download.
 */
import type { Lang } from '../i18n';
import { INITIATIVES, SHEETS, TABLE_NAMES } from '../domain/model/schema';
import { safeText, type CellValue } from '../domain/parse/cell';
import { maskPlan } from '../workbook/adapterRules';
import { planPartnerWorkbook } from '../workbook/partner';
import type { Plan } from '../workbook/plan';
import { contractRows } from '../workbook/portfolio';
import { findTableRead } from '../workbook/read';
import { excelCreateWorkbook, type CreateWorkbook } from '../excel/adapter';
import type { LiveWorkbook } from './liveWorkbook';
import { CancelledError } from './operations';
import { report, type OnProgress } from './progress';

export type { CreateWorkbook };
export { PartnerError, type PartnerProblem } from '../workbook/partner';

/** An initiative a partner copy can be made of: a row of the register with an ID. */
export interface PartnerInitiative {
  id: string;
  name: string;
}

/**
 * The register's initiatives, in its order; undefined when the workbook has no register (table
 * Indsatser). Reads the register's sheet only (the whole workbook when the table is elsewhere): the
 * list is read whenever the pane opens it, on workbooks of any size.
 */
export async function partnerInitiatives(workbook: LiveWorkbook): Promise<PartnerInitiative[] | undefined> {
  const register = findTableRead(await workbook.read({ sheets: [SHEETS.initiatives] }), TABLE_NAMES.initiatives)
    ?? findTableRead(await workbook.read(), TABLE_NAMES.initiatives);
  if (!register) return undefined;
  const id = INITIATIVES.columns.indexOf(INITIATIVES.column.id);
  const name = INITIATIVES.columns.indexOf(INITIATIVES.column.name);
  const seen = new Set<string>();
  return contractRows(register, INITIATIVES).rows.flatMap((row) => {
    const key = safeText(row[id]).trim();
    if (!key || seen.has(key.toUpperCase())) return [];
    seen.add(key.toUpperCase());
    return [{ id: key, name: safeText(row[name]).trim() }];
  });
}

export interface PartnerCopy {
  /** The initiative's ID as the register writes it. */
  id: string;
  /** Tracking rows in the copy. */
  rows: number;
  /** Cells whose CPR numbers were masked in the copy. */
  masked: number;
  /** The partner workbook, an .xlsx package. */
  bytes: Uint8Array;
}

/**
 * Builds the partner copy of `initiativeId` from `source` (the open workbook). A PartnerError
 * (src/workbook/partner.ts) when the workbook has no register or not that initiative; nothing is
 * written to `source`.
 */
export async function buildPartnerCopy(source: LiveWorkbook, initiativeId: string, lang: Lang, options: { signal?: AbortSignal; onProgress?: OnProgress } = {}): Promise<PartnerCopy> {
  const check = () => {
    if (options.signal?.aborted) throw new CancelledError();
  };
  await report(options.onProgress, { step: 'reading' });
  const read = await source.read();
  check();
  const { plan, id, rows } = planPartnerWorkbook(read, initiativeId, lang);
  await report(options.onProgress, { step: 'writing', sheet: id });
  const { newWorkbookBuilder } = await import(/* webpackChunkName: "xlsx-writer" */ '../xlsx/newWorkbookBuilder');
  check();
  const target = newWorkbookBuilder();
  await target.apply(plan);
  const bytes = await target.bytes();
  check();
  return { id, rows, masked: maskedCells(plan), bytes };
}

/** Cells of the plan's rows that maskPlan changes: the CPR numbers the copy holds masked. */
export function maskedCells(plan: Plan): number {
  const masked = maskPlan(plan);
  let n = 0;
  const rowsOf = (op: Plan['ops'][number]): CellValue[][] => (op.kind === 'createTable' || op.kind === 'appendRows' ? op.rows : []);
  plan.ops.forEach((op, i) => {
    const before = rowsOf(op);
    const after = rowsOf(masked.ops[i]);
    before.forEach((row, r) => row.forEach((value, c) => {
      if (after[r]?.[c] !== value) n += 1;
    }));
  });
  return n;
}

/** The bytes as base64, as Excel.createWorkbook takes them (in chunks: a large file would overflow fromCharCode's arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * Opens the copy as a new workbook in Excel. 'unsupported' when this Excel cannot (no ExcelApi
 * 1.8): the edge offers the bytes as a download. A failure of Excel itself is thrown.
 * `create`: Excel.createWorkbook when omitted (src/excel/createWorkbook.ts), null for none.
 */
export async function openPartnerCopy(copy: PartnerCopy, create?: CreateWorkbook | null): Promise<'opened' | 'unsupported'> {
  const open = create === undefined ? excelCreateWorkbook() : create;
  if (!open) return 'unsupported';
  await open(toBase64(copy.bytes));
  return 'opened';
}

/** The MIME type of an .xlsx file, for the download. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
