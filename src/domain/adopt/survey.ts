/**
 * What a hand-kept sheet holds, as a tracking sheet would take it: the header row (title rows and
 * merged titles above it skipped), the data rows (through blank rows; a totals row such as "I alt
 * 18" left out) and, for each column, the participant column it most likely is, from its header
 * (synonyms, inflection, spelling) or else from its values (dates, target-group names, steps).
 * Pure: the caller gives the sheet's cells as a grid and the workbook's taxonomies.
 */
import { PARTICIPANTS } from '../model/schema';
import { columnLetters } from '../model/address';
import { safeText, type CellValue } from '../parse/cell';
import { parseDate } from '../parse/date';
import { isBlank } from '../parse/excelError';
import { TaxonomyMatcher } from '../taxonomy/matcher';
import type { TaxonomySet } from '../taxonomy/types';
import { bestHeaderMatch, type ParticipantKey } from './headers';

/** A sheet's cells from its first non-empty row: `rows[0]` is sheet row `top`, `rows[i][0]` column `left`. */
export interface SheetGrid {
  sheet: string;
  top: number;
  left: number;
  rows: CellValue[][];
  /** Number formats, same shape as rows (undefined = General), where the adapter gives them. */
  numberFormats?: (string | undefined)[][];
}

/** Where a column's proposal came from. */
export type ProposalVia = 'header' | 'values';

export interface SurveyColumn {
  /** 0-based index in the grid's rows. */
  index: number;
  /** Sheet column letters, e.g. "C". */
  letter: string;
  /** The header as typed ('' when the header cell is empty). */
  header: string;
  /** Up to three distinct non-empty values as text, for showing beside the choice. */
  samples: string[];
  proposal?: ParticipantKey;
  via?: ProposalVia;
}

export interface Survey {
  sheet: string;
  /** Sheet row of the header. */
  headerRow: number;
  /** Sheet rows above the header that hold something (titles). */
  titleRows: number[];
  /** Sheet rows of the data, in order (blank rows and totals rows not among them). */
  dataRows: number[];
  /** Blank sheet rows between the header and the last data row. */
  blankRows: number[];
  /** Totals rows ("I alt 18"), left out. */
  totalsRows: number[];
  columns: SurveyColumn[];
  /** Years written in the titles ("… i 2016"), for dates typed without one. */
  titleYears: number[];
}

export type SurveyProblem =
  | { kind: 'empty' }
  /** No row names at least two participant columns. */
  | { kind: 'no-header' }
  /** Several rows could be the header: their sheet rows. */
  | { kind: 'ambiguous-header'; rows: number[] }
  /** The header row asked for holds nothing, or no data below it. */
  | { kind: 'no-data'; headerRow: number };

export type SurveyResult = { ok: true; survey: Survey } | { ok: false; problem: SurveyProblem };

/** Rows looked at for the header: titles are at the top. */
const HEADER_SEARCH_ROWS = 25;
/** A share of a column's values that makes a value-based proposal. */
const VALUE_SHARE = 0.6;

const TOTALS = /^\s*(i\s*alt|total[t]?|sum|samlet|totals?)\b\s*:?/i;

export function surveySheet(grid: SheetGrid, taxonomies: TaxonomySet, options: { headerRow?: number } = {}): SurveyResult {
  const rows = grid.rows;
  if (!rows.some((r) => !isBlankRow(r))) return { ok: false, problem: { kind: 'empty' } };
  let headerIndex: number;
  if (options.headerRow !== undefined) {
    headerIndex = options.headerRow - grid.top;
    if (headerIndex < 0 || headerIndex >= rows.length || isBlankRow(rows[headerIndex] ?? [])) return { ok: false, problem: { kind: 'no-data', headerRow: options.headerRow } };
  } else {
    const candidates: number[] = [];
    for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) if (headerMatches(rows[i] ?? []) >= 2) candidates.push(i);
    if (!candidates.length) return { ok: false, problem: { kind: 'no-header' } };
    if (candidates.length > 1) return { ok: false, problem: { kind: 'ambiguous-header', rows: candidates.map((i) => grid.top + i) } };
    headerIndex = candidates[0]!;
  }
  const header = rows[headerIndex] ?? [];
  const below = rows.slice(headerIndex + 1);
  const dataIndexes: number[] = [];
  const blankIndexes: number[] = [];
  const totalsIndexes: number[] = [];
  below.forEach((r, i) => {
    if (isBlankRow(r)) blankIndexes.push(i);
    else if (isTotalsRow(r)) totalsIndexes.push(i);
    else dataIndexes.push(i);
  });
  if (!dataIndexes.length) return { ok: false, problem: { kind: 'no-data', headerRow: grid.top + headerIndex } };
  const lastData = dataIndexes[dataIndexes.length - 1]!;
  const width = Math.max(lastNonBlank(header), ...dataIndexes.map((i) => lastNonBlank(below[i] ?? []))) + 1;

  const columns: SurveyColumn[] = [];
  for (let c = 0; c < width; c++) {
    const values = dataIndexes.map((i) => below[i]?.[c] ?? null).filter((v) => !isBlank(v));
    const headerText = safeText(header[c]).trim();
    if (!headerText && !values.length) continue;
    columns.push({ index: c, letter: columnLetters(grid.left + c), header: headerText, samples: samplesOf(values) });
  }
  propose(columns, dataIndexes.map((i) => below[i] ?? []), taxonomies, dataIndexes.map((i) => grid.numberFormats?.[headerIndex + 1 + i]));

  const titleRows = rows.slice(0, headerIndex).flatMap((r, i) => (isBlankRow(r) ? [] : [grid.top + i]));
  const titleYears = [...new Set(rows.slice(0, headerIndex).flatMap((r) => r.flatMap((v) => yearsIn(safeText(v)))).concat(yearsIn(grid.sheet)))];
  const sheetRow = (i: number) => grid.top + headerIndex + 1 + i;
  return {
    ok: true,
    survey: {
      sheet: grid.sheet,
      headerRow: grid.top + headerIndex,
      titleRows,
      dataRows: dataIndexes.map(sheetRow),
      blankRows: blankIndexes.filter((i) => i < lastData).map(sheetRow),
      totalsRows: totalsIndexes.map(sheetRow),
      columns,
      titleYears,
    },
  };
}

/** How many participant columns a row's texts name (each counted once). */
function headerMatches(row: CellValue[]): number {
  const keys = new Set<string>();
  for (const v of row) {
    if (typeof v !== 'string') continue;
    const m = bestHeaderMatch(v);
    if (m) keys.add(m.key);
  }
  return keys.size;
}

function isBlankRow(row: CellValue[]): boolean {
  return row.every((v) => isBlank(v ?? null) || safeText(v).trim() === '');
}

/** A row whose first text is "I alt", "Total", "Sum" …: the sheet's own count, not a participant. */
function isTotalsRow(row: CellValue[]): boolean {
  const first = row.find((v) => !isBlank(v ?? null) && safeText(v).trim() !== '');
  return typeof first === 'string' && TOTALS.test(first);
}

function lastNonBlank(row: CellValue[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i] ?? null) && safeText(row[i]).trim() !== '') return i;
  return -1;
}

function samplesOf(values: CellValue[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : safeText(v).trim();
    if (text && !out.includes(text)) out.push(text);
    if (out.length === 3) break;
  }
  return out;
}

const yearsIn = (text: string): number[] => [...text.matchAll(/(?<!\d)(19[89]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));

/** Serials of 1990-01-01 and 2100-12-31: a number in between in a date-formatted or date-headed column is a date. */
const SERIAL_FROM = 32_874;
const SERIAL_TO = 73_415;

/** Proposals: first by header (best score wins a contested column), then by values for the columns left. */
function propose(columns: SurveyColumn[], data: CellValue[][], taxonomies: TaxonomySet, formats: ((string | undefined)[] | undefined)[]): void {
  const taken = new Set<ParticipantKey>();
  const byHeader = columns
    .map((c) => ({ c, m: c.header ? bestHeaderMatch(c.header) : undefined }))
    .filter((x): x is { c: SurveyColumn; m: { key: ParticipantKey; score: number } } => x.m !== undefined)
    .sort((a, b) => b.m.score - a.m.score || a.c.index - b.c.index);
  for (const { c, m } of byHeader) {
    if (taken.has(m.key)) continue;
    taken.add(m.key);
    c.proposal = m.key;
    c.via = 'header';
  }
  const groups = new TaxonomyMatcher(taxonomies.targetGroups);
  const statuses = new TaxonomyMatcher(taxonomies.statuses);
  const steps = new TaxonomyMatcher(taxonomies.steps);
  for (const c of columns) {
    if (c.proposal) continue;
    const values = data.map((r) => r[c.index] ?? null);
    const filled = values.map((v, i) => ({ v, f: formats[i]?.[c.index] })).filter((x) => !isBlank(x.v) && safeText(x.v).trim() !== '');
    if (!filled.length) continue;
    const share = (test: (v: CellValue, format?: string) => boolean) => filled.filter((x) => test(x.v, x.f)).length / filled.length;
    const isDate = (v: CellValue, format?: string) =>
      v instanceof Date || (typeof v === 'number' && v >= SERIAL_FROM && v <= SERIAL_TO && (format === undefined || /[dmy]/i.test(format))) || (typeof v === 'string' && parseDate(v, { referenceYear: 2000 }).ok);
    const exact = (m: TaxonomyMatcher) => (v: CellValue) => typeof v === 'string' && m.match(v).kind === 'match';
    const isStep = (v: CellValue) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 9) || (typeof v === 'string' && steps.match(v).kind === 'match');
    const pick = (key: ParticipantKey) => {
      taken.add(key);
      c.proposal = key;
      c.via = 'values';
    };
    const free = (key: ParticipantKey) => !taken.has(key);
    if (share(isDate) >= VALUE_SHARE) {
      const key = (['startDate', 'statusDate', 'endDate'] as const).find(free);
      if (key) pick(key);
    } else if (free('targetGroup') && share(exact(groups)) >= VALUE_SHARE) pick('targetGroup');
    else if (free('status') && share(exact(statuses)) >= VALUE_SHARE) pick('status');
    else if (free('step') && share(isStep) >= VALUE_SHARE) pick('step');
  }
}

/** The participant columns in the contract's order, for choices. */
export const PARTICIPANT_KEYS: readonly ParticipantKey[] = PARTICIPANTS.columns.map((c) => c.key);
