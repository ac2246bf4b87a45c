/**
 * From a surveyed sheet and the user's mapping to the tracking table's rows: each mapped value
 * converted to what the column holds ("i praktik" → "I virksomhedspraktik", "29/8" → a date with
 * the year the sheet gives, "Trin 3" → 3), every value that cannot be converted kept as typed (it
 * becomes a validation finding), and the columns not mapped carried along as extra columns.
 */
import { PARTICIPANTS, type ColumnSpec } from '../model/schema';
import { excelSerial, yearOf, type CalendarDate } from '../parse/calendarDate';
import { safeText, type CellValue, type ParseFailureCode } from '../parse/cell';
import { parseDate } from '../parse/date';
import { isBlank } from '../parse/excelError';
import { parseNumber } from '../parse/number';
import { TaxonomyMatcher } from '../taxonomy/matcher';
import { matchKey } from '../taxonomy/normalize';
import type { TaxonomySet } from '../taxonomy/types';
import { headerScore, type ParticipantKey } from './headers';
import type { SheetGrid, Survey, SurveyColumn } from './survey';

/** What becomes of a column: a participant column, an extra column of the new table, or left out. */
export type ColumnChoice = ParticipantKey | 'extra' | 'skip';

/** By survey column index. */
export type Mapping = Record<number, ColumnChoice>;

export type MappingProblem =
  | { kind: 'unknown-header'; header: string }
  | { kind: 'unknown-column'; header: string; column: string }
  | { kind: 'mapped-twice'; column: ParticipantKey; headers: string[] };

/** The survey's proposals; columns without one travel along as extra columns. */
export function proposedMapping(survey: Survey): Mapping {
  return Object.fromEntries(survey.columns.map((c) => [c.index, c.proposal ?? 'extra']));
}

const SKIP_WORDS = new Set(['-', 'ikkemed', 'skip', 'none', 'ingen'].map(matchKey).concat(['-']));
const EXTRA_WORDS = new Set(['+', 'ekstra', 'extra', 'ekstrakolonne', 'behold'].map(matchKey).concat(['+']));

/** A choice as typed ("Startdato", "ikke med", "ekstra"); undefined when it names no column. */
export function choiceOf(text: string): ColumnChoice | undefined {
  const key = matchKey(text);
  if (SKIP_WORDS.has(text.trim()) || SKIP_WORDS.has(key)) return 'skip';
  if (EXTRA_WORDS.has(text.trim()) || EXTRA_WORDS.has(key)) return 'extra';
  const exact = PARTICIPANTS.columns.find((c) => matchKey(c.header) === key || c.key.toLowerCase() === text.trim().toLowerCase());
  if (exact) return exact.key;
  const close = PARTICIPANTS.columns.map((c) => ({ c, s: headerScore(text, c.key) })).filter((x) => x.s >= 0.85).sort((a, b) => b.s - a.s)[0];
  return close?.c.key;
}

/** The column a typed header (or column letter) names: the header as typed, else its letter. */
function columnNamed(survey: Survey, text: string): SurveyColumn | undefined {
  const key = matchKey(text);
  return survey.columns.find((c) => c.header && matchKey(c.header) === key) ?? survey.columns.find((c) => c.letter === text.trim().toUpperCase());
}

/** The proposal with the user's choices ("Header=Column") on top. */
export function withChoices(survey: Survey, base: Mapping, choices: readonly { header: string; column: string }[]): { mapping: Mapping; problems: MappingProblem[] } {
  const mapping = { ...base };
  const problems: MappingProblem[] = [];
  for (const { header, column } of choices) {
    const target = columnNamed(survey, header);
    if (!target) {
      problems.push({ kind: 'unknown-header', header });
      continue;
    }
    const choice = choiceOf(column);
    if (!choice) {
      problems.push({ kind: 'unknown-column', header, column });
      continue;
    }
    // The user's choice wins: a proposal of the same column elsewhere becomes an extra column.
    if (choice !== 'extra' && choice !== 'skip') {
      for (const c of survey.columns) if (c.index !== target.index && mapping[c.index] === choice && !choices.some((x) => columnNamed(survey, x.header)?.index === c.index)) mapping[c.index] = 'extra';
    }
    mapping[target.index] = choice;
  }
  return { mapping, problems: [...problems, ...checkMapping(survey, mapping)] };
}

/** A participant column chosen for two columns of the sheet. */
export function checkMapping(survey: Survey, mapping: Mapping): MappingProblem[] {
  const by = new Map<ParticipantKey, string[]>();
  for (const c of survey.columns) {
    const choice = mapping[c.index];
    if (choice === undefined || choice === 'extra' || choice === 'skip') continue;
    by.set(choice, [...(by.get(choice) ?? []), c.header || c.letter]);
  }
  return [...by].filter(([, headers]) => headers.length > 1).map(([column, headers]) => ({ kind: 'mapped-twice', column, headers }));
}

/** One kind of change made to values: every cell of a column typed `from` became `to`. */
export interface Conversion {
  column: ParticipantKey;
  from: string;
  /** The new value as text: a taxonomy name, an ISO date, a number. */
  to: string;
  /** Sheet rows of the source cells. */
  rows: number[];
}

/** A value kept as typed because it could not be converted; validation will report it. */
export interface KeptValue {
  column: ParticipantKey;
  value: string;
  row: number;
  reason: ParseFailureCode | 'unknown-value' | 'no-year';
}

export interface Adoption {
  /** The tracking table's header: the contract's columns, then the extra ones. */
  header: string[];
  /** One per data row, in the sheet's order, in the header's order. */
  rows: CellValue[][];
  /** Sheet rows the rows came from. */
  sourceRows: number[];
  extraColumns: { header: string; from: string }[];
  conversions: Conversion[];
  kept: KeptValue[];
  /** The year given to dates typed without one, when the sheet settles it. */
  year?: number;
}

const DATE_KEYS: readonly ParticipantKey[] = ['startDate', 'statusDate', 'endDate'];

/** The tracking table's content from the sheet's cells, by the mapping. */
export function adoptRows(grid: SheetGrid, survey: Survey, mapping: Mapping, taxonomies: TaxonomySet): Adoption {
  const cell = (row: number, c: SurveyColumn): CellValue => grid.rows[row - grid.top]?.[c.index] ?? null;
  const byKey = new Map<ParticipantKey, SurveyColumn>();
  for (const c of survey.columns) {
    const choice = mapping[c.index];
    if (choice && choice !== 'extra' && choice !== 'skip' && !byKey.has(choice)) byKey.set(choice, c);
  }
  const extras = survey.columns.filter((c) => (mapping[c.index] ?? 'extra') === 'extra');
  const used = new Set(PARTICIPANTS.columns.map((c) => matchKey(c.header)));
  const extraColumns = extras.map((c) => {
    let header = c.header || c.letter;
    if (!c.header) header = `Kolonne ${c.letter}`;
    if (used.has(matchKey(header))) header = `${header} (${c.letter})`;
    used.add(matchKey(header));
    return { header, from: c.header || c.letter };
  });

  const year = settledYear(survey, [...byKey].filter(([k]) => DATE_KEYS.includes(k)).map(([, c]) => c), cell);
  const matchers = { targetGroup: new TaxonomyMatcher(taxonomies.targetGroups), status: new TaxonomyMatcher(taxonomies.statuses), step: new TaxonomyMatcher(taxonomies.steps) };
  const conversions = new Map<string, Conversion>();
  const kept: KeptValue[] = [];
  const converted = (column: ParticipantKey, from: string, to: string, row: number) => {
    const id = JSON.stringify([column, from, to]);
    const c = conversions.get(id) ?? { column, from, to, rows: [] };
    c.rows.push(row);
    conversions.set(id, c);
  };

  const convert = (spec: ColumnSpec<ParticipantKey>, value: CellValue, row: number): CellValue => {
    if (isBlank(value) || (typeof value === 'string' && value.trim() === '')) return null;
    const text = safeText(value);
    const keep = (reason: KeptValue['reason']) => {
      kept.push({ column: spec.key, value: text, row, reason });
      return value;
    };
    switch (spec.type) {
      case 'date': {
        const parsed = parseDate(value, year !== undefined ? { referenceYear: year } : {});
        if (!parsed.ok) return keep(typeof value === 'string' && parseDate(value, { referenceYear: 2000 }).ok ? 'no-year' : parsed.code);
        if (typeof value === 'string') converted(spec.key, text, parsed.value, row);
        return excelSerial(parsed.value);
      }
      case 'code': {
        const matcher = matchers[spec.key as 'targetGroup' | 'status' | 'step'];
        if (spec.key === 'step' && typeof value === 'number') return value;
        if (typeof value !== 'string' || !matcher) return keep('unknown-value');
        const m = matcher.match(value);
        if (m.kind !== 'match') return keep('unknown-value');
        const to: CellValue = spec.store === 'code' ? (/^\d+$/.test(m.entry.code) ? Number(m.entry.code) : m.entry.code) : m.entry.name;
        if (String(to) !== value.trim()) converted(spec.key, text, String(to), row);
        return to;
      }
      case 'number':
      case 'integer': {
        if (typeof value === 'number') return value;
        const parsed = parseNumber(value);
        if (!parsed.ok) return keep(parsed.code);
        converted(spec.key, text, String(parsed.value), row);
        return parsed.value;
      }
      default:
        return typeof value === 'string' ? value.trim() : value;
    }
  };

  const rows = survey.dataRows.map((row) => [
    ...PARTICIPANTS.columns.map((spec) => {
      const c = byKey.get(spec.key);
      return c ? convert(spec, cell(row, c), row) : null;
    }),
    ...extras.map((c) => cell(row, c)),
  ]);
  return {
    header: [...PARTICIPANTS.columns.map((c) => c.header), ...extraColumns.map((e) => e.header)],
    rows,
    sourceRows: [...survey.dataRows],
    extraColumns,
    conversions: [...conversions.values()],
    kept,
    ...(year !== undefined ? { year } : {}),
  };
}

/**
 * The year of dates typed without one ("29/8"): the one year the sheet's full dates and titles
 * name. Several years (or none) leave it open, and such dates are kept as typed.
 */
function settledYear(survey: Survey, dateColumns: SurveyColumn[], cell: (row: number, c: SurveyColumn) => CellValue): number | undefined {
  const years = new Set(survey.titleYears);
  for (const c of dateColumns) {
    for (const row of survey.dataRows) {
      const v = cell(row, c);
      if (isBlank(v)) continue;
      const parsed = parseDate(v); // without a reference year: only dates that carry their year
      if (parsed.ok) years.add(yearOf(parsed.value as CalendarDate));
    }
  }
  return years.size === 1 ? [...years][0] : undefined;
}
