/**
 * Reading one table row through its column specs: the checks every cell gets (Excel error values,
 * CPR numbers) and the parse of each typed column. Problems become findings; values become the
 * typed fields the cross-field rules and the summaries use.
 */
import { lookAlikes } from '../adopt/lookAlike';
import type { ColumnSpec, ColumnType, TableSpec } from '../model/schema';
import type { TableData } from '../model/table';
import { parseKpiList } from '../model/kpi';
import type { KpiTarget } from '../model/types';
// Imported from the modules themselves, not the index: this is the hot path of a 100 000-row sheet.
import { parseAmountOre } from '../parse/amount';
import { safeText } from '../parse/cell';
import { findCprNumbers, maskCprValue } from '../parse/cpr';
import { parseDate, yearlessDayMonth } from '../parse/date';
import { resolveYear, type YearContext } from '../parse/yearless';
import { parseApprox, type ApproxNumber } from '../parse/approx';
import { excelErrorOf, isBlank } from '../parse/excelError';
import { parseInteger, parseNumber } from '../parse/number';
import { parsePercentBasisPoints } from '../parse/percent';
import { calendarDate, excelSerial, formatDanishDate, yearOf, type CalendarDate } from '../parse/calendarDate';
import type { CellValue, ParseResult } from '../parse/cell';
import { matchKey } from '../taxonomy/normalize';
import { entryUsableOn, type TaxonomyMatcher } from '../taxonomy/matcher';
import type { TaxonomyEntry, TaxonomyKey } from '../taxonomy/types';
import type { Reporter } from './reporter';
import type { FindingCode, FindingParams, Severity } from './finding';

/** What a cell of each column type is read as. */
export interface FieldTypes {
  text: string;
  id: string;
  date: CalendarDate;
  integer: number;
  number: number;
  approxNumber: number | ApproxNumber;
  /** øre */
  amount: number;
  /** basis points */
  percent: number;
  boolean: string;
  code: TaxonomyEntry;
  codeList: TaxonomyEntry[];
  kpiList: KpiTarget[];
}

export type FieldValue = FieldTypes[ColumnType];

/**
 * A row's values by column key, each typed by its column's type: for `Fields<typeof INITIATIVES>`,
 * `get('start')` is a CalendarDate and `get('Start')` (a header, or a misspelt key) a type error.
 * A column that was blank, missing or unreadable has no value.
 */
export interface Fields<S extends TableSpec = TableSpec> {
  get<K extends keyof S['column'] & string>(key: K): FieldTypes[S['column'][K]['type']] | undefined;
}

/** Column positions of a table, resolved by header name (case, spacing and accents ignored). */
export function locateColumns(spec: TableSpec, table: TableData, report: Reporter, tableName: string): Map<ColumnSpec, number> {
  const byKey = new Map<string, number>();
  table.header.forEach((h, i) => {
    const key = matchKey(safeText(h));
    if (key && !byKey.has(key)) byKey.set(key, i);
  });
  const located = new Map<ColumnSpec, number>();
  const alike = lookAlikes(spec, table.header, table.rows);
  for (const column of spec.columns) {
    const index = byKey.get(matchKey(column.header));
    if (index !== undefined) {
      located.set(column, index);
      continue;
    }
    // A renamed column: the finding sits on its header cell, names it, and suggests the contract's header.
    const like = alike.find((l) => l.column === column);
    if (like) report.add(table, -1, like.index, column.required ? 'error' : 'warning', 'MISSING_COLUMN', { column: column.header, table: tableName, like: like.header }, column.header);
    else report.add(table, -1, -1, column.required ? 'error' : 'warning', 'MISSING_COLUMN', { column: column.header, table: tableName });
  }
  return located;
}

/** Column order for reading a row: taxonomy columns last, since their validity depends on the row's date. */
export function readOrder(columns: Map<ColumnSpec, number>): [ColumnSpec, number][] {
  const all = [...columns];
  const isCode = (c: ColumnSpec) => c.type === 'code' || c.type === 'codeList';
  return [...all.filter(([c]) => !isCode(c)), ...all.filter(([c]) => isCode(c))];
}

/** A finding on the cell being read, without its place: the same for every cell of the column holding the same value. */
interface CellFinding {
  severity: Severity;
  code: FindingCode;
  params: FindingParams;
  /** The text to write, or for a date or number the value to write with the text to show (Reporter.add). */
  suggestion?: string | { text: string; value: number };
}

/** A taxonomy entry the cell names: whether it may be used depends on the row's date, so it is checked per row. */
interface UsableCheck {
  usable: TaxonomyEntry;
  text: string;
  /** The cell's text with another entry in its place (the suggestion when a successor is in force). */
  fix: (e: TaxonomyEntry) => string;
}

type Step = CellFinding | UsableCheck;

/** What reading one value in one column gives, in whatever row: the field's value and what is reported on the cell, in order. */
interface Outcome {
  value: FieldValue | undefined;
  steps: Step[] | null;
}

/** An entry that may be used on any date (entryUsableOn is true whatever the row's date): nothing to check per row. */
const alwaysUsable = (entry: TaxonomyEntry) => entry.active && !entry.validFrom && !entry.validTo;

/** Distinct values a column's cache holds at most; a column past it reads its other values afresh. */
const CACHE_MAX = 65_536;
/** After this many reads, a column whose values are mostly distinct (IDs, remarks) stops caching them. */
const CACHE_PROBE = 4_096;

/**
 * The outcomes of one column's values, so that the same text (or number, or date) in a column is
 * parsed, looked up and checked once: a sheet repeats a few hundred dates and codes a hundred
 * thousand times. Keyed by the value itself (Dates by their time); other objects are not cached.
 */
class ColumnCache {
  private values = new Map<string | number | boolean | null | undefined, Outcome>();
  private times = new Map<number, Outcome>();
  private reads = 0;
  private off: boolean;

  constructor(enabled: boolean) {
    this.off = !enabled;
  }

  /** Whether values are still cached (set is a no-op otherwise). */
  get on(): boolean {
    return !this.off;
  }

  get(value: CellValue): Outcome | undefined {
    if (this.off) return undefined;
    if (++this.reads === CACHE_PROBE && this.values.size + this.times.size > CACHE_PROBE / 2) {
      this.off = true;
      this.values = new Map();
      this.times = new Map();
      return undefined;
    }
    if (typeof value !== 'object' || value === null) return this.values.get(value);
    return value instanceof Date ? this.times.get(value.getTime()) : undefined;
  }

  set(value: CellValue, outcome: Outcome): void {
    if (this.off || this.values.size + this.times.size >= CACHE_MAX) return;
    if (value instanceof Date) this.times.set(value.getTime(), outcome);
    else if (typeof value !== 'object' || value === null) {
      if (value === 0 && 1 / value < 0) return; // -0: the same Map key as 0, but not always the same reading
      this.values.set(value, outcome);
    }
  }
}

/**
 * One located column of a table as a row is read: its spec, its cell index, its cache and the
 * array of its typed values (one per row, no object per row).
 */
export interface ReadColumn {
  column: ColumnSpec;
  index: number;
  cache: ColumnCache;
  values: (FieldValue | undefined)[];
  /** A list column: each row gets its own copy of the cached list. */
  list: boolean;
}

/**
 * The typed fields of a table's rows, one array per column: what readRow writes and the rows' Fields
 * read. Only the located columns have an array.
 */
export class TableFields {
  /** The columns in reading order (see readOrder). */
  readonly order: ReadColumn[];
  private readonly byKey = new Map<string, (FieldValue | undefined)[]>();
  /** Cell indexes within the header outside the located columns (they get the per-cell checks only). */
  readonly others: number[] = [];
  /** The header's width: cells beyond it get the per-cell checks only too. */
  readonly width: number;

  constructor(order: ReadColumn[], width: number) {
    this.order = order;
    this.width = width;
    for (const c of order) this.byKey.set(c.column.key, c.values);
    const located = new Set(order.map((c) => c.index));
    for (let i = 0; i < width; i++) if (!located.has(i)) this.others.push(i);
  }

  /** A row's value of a column (undefined: blank, missing or unreadable). */
  value(key: string, rowIndex: number): FieldValue | undefined {
    return this.byKey.get(key)?.[rowIndex];
  }
}

/** A row of a TableFields, as Fields (what the row rules and the builders of typed records read). */
export class RowFields<S extends TableSpec = TableSpec> implements Fields<S> {
  constructor(
    readonly store: TableFields,
    readonly rowIndex: number,
  ) {}

  get<K extends keyof S['column'] & string>(key: K): FieldTypes[S['column'][K]['type']] | undefined {
    // Each array holds values parsed by its column's type, which is what Fields<S> says.
    return this.store.value(key, this.rowIndex) as FieldTypes[S['column'][K]['type']] | undefined;
  }
}

/** Dates before this are implausible in the tracking of an initiative (IMPLAUSIBLE_DATE). */
const EARLIEST_PLAUSIBLE = '2000-01-01' as CalendarDate;
/** …and so are dates more than this many years after the date the figures are read on. */
const PLAUSIBLE_YEARS_AHEAD = 5;

/** The date `years` years after `date` (29 February becomes 28 February). */
function yearsAfter(date: CalendarDate, years: number): CalendarDate {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return calendarDate(yearOf(date) + years, month, month === 2 && day === 29 ? 28 : day);
}

export class RowReader {
  private readonly caches = new Map<ColumnSpec, ColumnCache>();
  private yearContext: YearContext;
  /** The steps of the value computed last (null: nothing to report): compute's second result. */
  private steps: Step[] | null = null;

  constructor(
    private readonly report: Reporter,
    private readonly matchers: Record<TaxonomyKey, TaxonomyMatcher>,
    asOf: CalendarDate,
    /** A fixed year for dates typed without one (instead of the year from the context). */
    private readonly referenceYear?: number,
    /** false: every cell is read afresh (tests compare the two). */
    private readonly cache = true,
  ) {
    this.yearContext = { reference: asOf };
  }

  /**
   * The context of the rows being read: the date their figures are read on (the initiative's
   * "Status pr." or the day of the check) and the initiative's period. It gives a day and month
   * typed without a year its year and bounds the plausible dates. Set per table, before its rows
   * are read: a date's reading depends on it, so the date columns' caches start afresh.
   */
  get context(): YearContext {
    return this.yearContext;
  }

  set context(context: YearContext) {
    this.yearContext = context;
    for (const column of [...this.caches.keys()]) if (column.type === 'date') this.caches.delete(column);
  }

  /**
   * The store for a table's rows, over its located columns in reading order. Columns of the same
   * spec share one cache across tables (every participant table has the same columns).
   */
  fieldsOf(table: TableData, order: [ColumnSpec, number][]): TableFields {
    const columns = order.map(([column, index]): ReadColumn => {
      let cache = this.caches.get(column);
      if (!cache) this.caches.set(column, (cache = new ColumnCache(this.cache && column.type !== 'kpiList')));
      return { column, index, cache, values: new Array<FieldValue | undefined>(table.rows.length), list: column.type === 'codeList' };
    });
    return new TableFields(columns, table.header.length);
  }

  /** The checks every cell gets whatever its column: an Excel error value or a CPR number, which fail the cell. */
  private scan(value: CellValue): CellFinding | null {
    if (value === null || value === undefined || typeof value === 'boolean' || value instanceof Date) return null;
    const error = excelErrorOf(value);
    if (error) return { severity: 'error', code: 'EXCEL_ERROR', params: { value: error } };
    const cprs = findCprNumbers(value);
    // The suggestion is the masked text ("Masker CPR-nummeret").
    return cprs.length ? { severity: 'error', code: 'CPR_NUMBER', params: { value: cprs.join(', ') }, suggestion: String(maskCprValue(value)) } : null;
  }

  private scanCell(table: TableData, rowIndex: number, row: CellValue[], i: number): void {
    if (i >= row.length) return;
    const found = this.scan(row[i]);
    if (found) this.report.add(table, rowIndex, i, found.severity, found.code, found.params, found.suggestion);
  }

  /**
   * Reads a row into `fields` (at `row.rowIndex`): the per-cell checks of every cell, then each
   * located column parsed by its type in reading order; fields of cells with problems are left out.
   * `rowDate` gives the date a taxonomy column is checked on (the entries in force that day): per
   * column, e.g. a course's target group on its start date and its status on its status date. The
   * field holds the version of the code in force on that date.
   */
  readRow<S extends TableSpec>(table: TableData, rowIndex: number, row: CellValue[], fields: TableFields, rowDate?: (fields: Fields<S>, column: ColumnSpec) => CalendarDate | undefined, view?: Fields<S>): void {
    const report = this.report;
    for (const i of fields.others) this.scanCell(table, rowIndex, row, i);
    for (let i = fields.width; i < row.length; i++) this.scanCell(table, rowIndex, row, i);
    for (const c of fields.order) {
      const value = row[c.index];
      const cached = c.cache.get(value);
      let v: FieldValue | undefined;
      let steps: Step[] | null;
      if (cached) {
        v = cached.value;
        steps = cached.steps;
      } else {
        v = this.compute(c.column, value);
        steps = this.steps;
        if (c.cache.on) c.cache.set(value, { value: v, steps });
      }
      if (steps !== null) {
        for (const step of steps) {
          if ('code' in step) {
            report.add(table, rowIndex, c.index, step.severity, step.code, step.params, step.suggestion);
            continue;
          }
          const date = rowDate?.(view ?? new RowFields<S>(fields, rowIndex), c.column);
          const entry = this.matchers[c.column.taxonomy!].versionOn(step.usable, date);
          this.checkUsable(c.column, entry, step.text, table, rowIndex, c.index, date, step.fix);
          if (entry !== step.usable) v = Array.isArray(v) ? (v as TaxonomyEntry[]).map((e) => (e === step.usable ? entry : e)) : entry;
        }
      }
      if (v !== undefined) c.values[rowIndex] = c.list && Array.isArray(v) ? v.slice() : v;
    }
  }

  /** Reads a value of a column, whatever its row: returns the field's value and leaves what to report in `steps`. */
  private compute(column: ColumnSpec, value: CellValue): FieldValue | undefined {
    this.steps = null;
    const failed = this.scan(value);
    if (failed) {
      this.steps = [failed];
      return undefined;
    }
    if (isBlank(value)) {
      if (column.required) this.steps = [{ severity: 'error', code: 'REQUIRED_EMPTY', params: { column: column.header } }];
      return undefined;
    }
    if (column.type === 'code') return this.readCode(column, value);
    if (column.type === 'codeList') return this.readCodeList(column, value);
    return this.parseTyped(column, value);
  }

  private note(step: Step): void {
    (this.steps ??= []).push(step);
  }

  private parseTyped(column: ColumnSpec, value: CellValue): FieldValue | undefined {
    let result: ParseResult<number | string>;
    switch (column.type) {
      case 'date': return this.readDate(column, value);
      case 'integer': result = parseInteger(value); break;
      case 'number': result = parseNumber(value); break;
      case 'approxNumber': {
        const approx = parseApprox(value);
        if (approx) {
          this.note({ severity: 'warning', code: 'APPROXIMATE_VALUE', params: { value: approx.text } });
          return approx;
        }
        result = parseNumber(value);
        break;
      }
      case 'amount': result = parseAmountOre(value); break;
      case 'percent': result = parsePercentBasisPoints(value); break;
      case 'kpiList': {
        const { targets, unreadable } = parseKpiList(safeText(value));
        for (const part of unreadable) this.note({ severity: 'warning', code: 'KPI_UNREADABLE', params: { value: part } });
        return targets;
      }
      default: return safeText(value);
    }
    if (!result.ok) {
      this.note({ severity: 'error', code: 'WRONG_TYPE', params: { value: result.input, column: column.header, reason: result.code } });
      return undefined;
    }
    const v = result.value;
    if (typeof v === 'number' && typeof value === 'string' && column.type !== 'percent') {
      // A number typed as text: the core reads it, Excel's SUMIFS and COUNTIFS do not.
      const number = column.type === 'amount' ? v / 100 : v;
      this.note({ severity: 'warning', code: 'TEXT_NUMBER', params: { value: value.trim(), column: column.header }, suggestion: { text: String(number).replace('.', ','), value: number } });
    }
    if (typeof v === 'number' && ((column.min !== undefined && v < column.min) || (column.max !== undefined && v > column.max))) {
      this.note({ severity: 'error', code: 'OUT_OF_RANGE', params: { value: safeText(value), column: column.header, min: column.min ?? '', max: column.max ?? '' } });
      return undefined;
    }
    return v;
  }

  /**
   * A date cell: an Excel date as it should be, or text the core reads as a date but Excel's
   * formulas (Overblik, Afstemning) do not count (TEXT_DATE, with the date as suggestion), a day
   * and month without a year (the year from the context; AMBIGUOUS_YEAR when the context does not
   * settle it), and dates outside the plausible range (IMPLAUSIBLE_DATE).
   */
  private readDate(column: ColumnSpec, value: CellValue): CalendarDate | undefined {
    const result = parseDate(value, this.referenceYear === undefined ? undefined : { referenceYear: this.referenceYear });
    const context = this.yearContext;
    let date: CalendarDate;
    let yearFromContext: { ambiguous: boolean } | undefined;
    if (result.ok) date = result.value;
    else {
      const dayMonth = result.code === 'not-a-date' ? yearlessDayMonth(value) : undefined;
      const resolved = dayMonth && resolveYear(dayMonth.day, dayMonth.month, context);
      if (!resolved) {
        this.note({ severity: 'error', code: 'WRONG_TYPE', params: { value: result.input, column: column.header, reason: result.code } });
        return undefined;
      }
      date = resolved.date;
      yearFromContext = { ambiguous: resolved.ambiguous };
    }
    if (typeof value === 'string') {
      const text = value.trim();
      const suggestion = { text: formatDanishDate(date), value: excelSerial(date) };
      if (yearFromContext?.ambiguous) {
        this.note({ severity: 'warning', code: 'AMBIGUOUS_YEAR', params: { value: text, column: column.header, date, asOf: context.reference }, suggestion });
      } else {
        this.note({ severity: 'warning', code: 'TEXT_DATE', params: { value: text, column: column.header, date, ...(yearFromContext ? { yearFromContext: 1 } : {}) }, suggestion });
      }
    }
    const latest = yearsAfter(context.reference, PLAUSIBLE_YEARS_AHEAD);
    if (date < EARLIEST_PLAUSIBLE || date > latest) {
      this.note({ severity: 'warning', code: 'IMPLAUSIBLE_DATE', params: {
        column: column.header, date, asOf: context.reference, bound: date < EARLIEST_PLAUSIBLE ? 'before' : 'after', years: PLAUSIBLE_YEARS_AHEAD,
      } });
    }
    return date;
  }

  private readCode(column: ColumnSpec, value: CellValue): TaxonomyEntry | undefined {
    const text = safeText(value);
    const fix = (e: TaxonomyEntry) => this.display(column, e);
    const entry = this.lookup(column, text, fix);
    if (!entry) return undefined;
    if (!alwaysUsable(entry)) this.note({ usable: entry, text, fix });
    // A synonym or code is understood, but the summary formulas count the list value itself.
    const shown = this.display(column, entry);
    const raw = typeof value === 'string' ? value : String(value);
    if (raw.toLowerCase() !== shown.toLowerCase()) {
      this.note({ severity: 'warning', code: 'NON_STANDARD_VALUE', params: { value: raw.trim(), suggestion: shown }, suggestion: shown });
    }
    return entry;
  }

  private readCodeList(column: ColumnSpec, value: CellValue): TaxonomyEntry[] {
    const matcher = this.matchers[column.taxonomy!];
    // Split on ; , and line breaks; " og " only where the whole part is not itself a known name.
    const parts = safeText(value).split(/[;,\n]/).map((p) => p.trim()).filter(Boolean)
      .flatMap((p) => (matcher.match(p).kind === 'match' ? [p] : p.split(/\s+og\s+/i)));
    const entries: TaxonomyEntry[] = [];
    parts.forEach((part, i) => {
      const fix = (e: TaxonomyEntry) => parts.map((p, j) => (j === i ? this.display(column, e) : p)).join('; ');
      const entry = this.lookup(column, part, fix);
      if (entry) {
        if (!alwaysUsable(entry)) this.note({ usable: entry, text: part, fix });
        if (!entries.includes(entry)) entries.push(entry);
      }
    });
    return entries;
  }

  private lookup(column: ColumnSpec, text: string, fix: (e: TaxonomyEntry) => string): TaxonomyEntry | undefined {
    const result = this.matchers[column.taxonomy!].match(text);
    if (result.kind === 'match') return result.entry;
    const best = result.suggestions[0]?.entry;
    this.note({
      severity: 'error',
      code: 'UNKNOWN_CODE',
      params: { value: text, taxonomy: column.taxonomy!, ...(best ? { suggestion: this.display(column, best) } : {}) },
      ...(best ? { suggestion: fix(best) } : {}),
    });
    return undefined;
  }

  /**
   * An entry not in force on the row's date is a finding; where the taxonomy says what replaces it
   * (`Erstattes af`) and that is in force then, the successor is suggested.
   */
  private checkUsable(column: ColumnSpec, entry: TaxonomyEntry, text: string, table: TableData, rowIndex: number, index: number, date: CalendarDate | undefined, fix: (e: TaxonomyEntry) => string): void {
    if (entryUsableOn(entry, date)) return;
    const successor = entry.active && date ? this.matchers[column.taxonomy!].successorOn(entry, date) : undefined;
    this.report.add(table, rowIndex, index, 'warning', 'INACTIVE_CODE', {
      value: text, taxonomy: column.taxonomy!, ...(entry.active && date ? { date } : {}),
      ...(entry.validTo && date && date > entry.validTo ? { validTo: entry.validTo } : {}),
      ...(entry.validFrom && date && date < entry.validFrom ? { validFrom: entry.validFrom } : {}),
      ...(successor ? { successor: this.display(column, successor), ...(entry.lawRef ? { lawRef: entry.lawRef } : {}), ...(successor.lawRef ? { successorLawRef: successor.lawRef } : {}) } : {}),
    }, successor ? fix(successor) : undefined);
  }

  /** What a cell of this column holds for an entry: the name for single values, the code for lists and steps. */
  display(column: ColumnSpec, entry: TaxonomyEntry): string {
    const store = column.store ?? (column.type === 'codeList' ? 'code' : 'name');
    return store === 'code' ? entry.code : entry.name;
  }
}
