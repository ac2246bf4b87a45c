/**
 * *Tag et eksisterende ark i brug* / `indsats adopt`: a hand-kept sheet becomes an initiative's
 * tracking sheet. The user sees the proposed mapping and the conversions first (a draft, nothing
 * written); adopting reads the workbook again, plans from what it holds now, writes one plan and
 * validates the new sheet. The adopted sheet is never written to.
 */
import { messages, type Lang } from '../i18n';
import { COLUMNS } from '../domain/model/schema';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { TaxonomySet } from '../domain/taxonomy/types';
import { validateWorkbook, type Finding } from '../domain/validate';
import { adoptableSheets, planAdopt, surveyFor, type AdoptPlanResult, type AdoptPreview, type AdoptProblem, type AdoptRequest } from '../workbook/adopt';
import { tablesOf, textsOf, type WorkbookRead } from '../workbook/read';
import type { LiveWorkbook } from './liveWorkbook';

export type { AdoptPreview, AdoptProblem, AdoptRequest } from '../workbook/adopt';
export type { Survey, SurveyColumn } from '../domain/adopt/survey';
export type { ColumnChoice, Mapping, Conversion, KeptValue } from '../domain/adopt/convert';
export { PARTICIPANT_KEYS } from '../domain/adopt/survey';
export { proposedMapping } from '../domain/adopt/convert';

/** The workbook as read once, for looking at sheets and mappings before anything is written. */
export interface AdoptionDraft {
  /** Sheets with data that are not part of the model. */
  sheets: string[];
  /** The survey of one sheet (its columns, rows, proposals), or why it has nothing to adopt. */
  survey(sheet: string, headerRow?: number): ReturnType<typeof surveyFor>;
  /** What adopting would write, for a request. */
  plan(request: AdoptRequest): AdoptPlanResult;
}

const taxonomiesOf = (read: WorkbookRead, asOf: CalendarDate): TaxonomySet => validateWorkbook(tablesOf(read), { asOf }).taxonomies;

export async function draftAdoption(workbook: LiveWorkbook, asOf: CalendarDate, lang: Lang): Promise<AdoptionDraft> {
  const read = await workbook.read();
  const taxonomies = taxonomiesOf(read, asOf);
  return {
    sheets: adoptableSheets(read),
    survey: (sheet, headerRow) => surveyFor(read, sheet, taxonomies, headerRow),
    plan: (request) => planAdopt(read, request, taxonomies, lang),
  };
}

export type AdoptResult =
  | { ok: false; problems: AdoptProblem[] }
  /** Adopted; `findings`: validation's findings on the new tracking sheet. */
  | { ok: true; preview: AdoptPreview; findings: Finding[] };

/** Adopts the sheet (or, with `dryRun`, only says what adopting would do). */
export async function adoptSheet(workbook: LiveWorkbook, request: AdoptRequest, asOf: CalendarDate, lang: Lang, options: { dryRun?: boolean } = {}): Promise<AdoptResult> {
  const read = await workbook.read();
  const result = planAdopt(read, request, taxonomiesOf(read, asOf), lang);
  if (!result.ok) return result;
  if (options.dryRun) return { ok: true, preview: result.preview, findings: [] };
  await workbook.apply(result.preview.plan);
  const after = await workbook.read();
  const { findings } = validateWorkbook(tablesOf(after), { asOf, texts: textsOf(after) });
  const sheet = result.preview.trackingSheet.toLowerCase();
  return { ok: true, preview: result.preview, findings: findings.filter((f) => f.sheet.toLowerCase() === sheet) };
}

/** Why a sheet cannot be adopted, in the user's language. */
export function adoptProblemText(p: AdoptProblem, lang: Lang): string {
  const t = messages[lang].adopt.problems;
  switch (p.kind) {
    case 'no-sheet': return t['no-sheet'](p.sheet, p.sheets);
    case 'model-sheet': return t['model-sheet'](p.sheet);
    case 'invalid-id': return t['invalid-id'](p.id);
    case 'too-large': return t['too-large'](p.sheet, p.ref);
    case 'has-rows': return t['has-rows'](p.table, p.sheet);
    case 'no-room': return t['no-room'](p.id);
    case 'empty': return t.empty(p.sheet);
    case 'no-header': return t['no-header'](p.sheet);
    case 'ambiguous-header': return t['ambiguous-header'](p.sheet, p.rows);
    case 'no-data': return t['no-data'](p.sheet, p.headerRow);
    case 'unknown-header': return t['unknown-header'](p.header);
    case 'unknown-column': return t['unknown-column'](p.header, p.column);
    case 'mapped-twice': return t['mapped-twice'](COLUMNS.participants[p.column], p.headers);
  }
}

