/**
 * Reading one table row through its column specs: the checks every cell gets (Excel error values,
 * CPR numbers) and the parse of each typed column. Problems become findings; values become the
 * typed fields the cross-field rules and the summaries use.
 */
import type { ColumnSpec, ColumnType, TableSpec } from '../model/schema';
import type { TableData } from '../model/table';
import { parseKpiList } from '../model/kpi';
import type { KpiTarget } from '../model/types';
// Imported from the modules themselves, not the index: this is the hot path of a 100 000-row sheet.
import { parseAmountOre } from '../parse/amount';
import { safeText } from '../parse/cell';
import { findCprNumbers } from '../parse/cpr';
import { parseDate, yearlessDayMonth } from '../parse/date';
import { resolveYear, type YearContext } from '../parse/yearless';
import { excelErrorOf, isBlank } from '../parse/excelError';
import { parseInteger, parseNumber } from '../parse/number';
import { parsePercentBasisPoints } from '../parse/percent';
import { calendarDate, excelSerial, formatDanishDate, yearOf, type CalendarDate } from '../parse/calendarDate';
import type { CellValue, ParseResult } from '../parse/cell';
import { matchKey } from '../taxonomy/normalize';
import { entryUsableOn, type TaxonomyMatcher } from '../taxonomy/matcher';
import type { TaxonomyEntry, TaxonomyKey } from '../taxonomy/types';
import type { Reporter } from './reporter';

/** What a cell of each column type is read as. */
export interface FieldTypes {
  text: string;
  id: string;
  date: CalendarDate;
  integer: number;
  number: number;
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
  for (const column of spec.columns) {
    const index = byKey.get(matchKey(column.header));
    if (index !== undefined) located.set(column, index);
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
  /**
   * The context of the rows being read: the date their figures are read on (the initiative's
   * "Status pr." or the day of the check) and the initiative's period. It gives a day and month
   * typed without a year its year and bounds the plausible dates. Set per table.
   */
  context: YearContext;

  constructor(
    private readonly report: Reporter,
    private readonly matchers: Record<TaxonomyKey, TaxonomyMatcher>,
    asOf: CalendarDate,
    /** A fixed year for dates typed without one (instead of the year from the context). */
    private readonly referenceYear?: number,
  ) {
    this.context = { reference: asOf };
  }

  /** The checks every cell of a row gets, whatever its column. Returns the columns that failed, if any. */
  scanRow(table: TableData, rowIndex: number, row: CellValue[]): Set<number> | null {
    let failed: Set<number> | null = null;
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (value === null || value === undefined || typeof value === 'boolean') continue;
      const error = excelErrorOf(value);
      if (error) {
        this.report.add(table, rowIndex, i, 'error', 'EXCEL_ERROR', { value: error });
        (failed ??= new Set()).add(i);
        continue;
      }
      const cprs = findCprNumbers(value);
      if (cprs.length) {
        this.report.add(table, rowIndex, i, 'error', 'CPR_NUMBER', { value: cprs.join(', ') });
        (failed ??= new Set()).add(i);
      }
    }
    return failed;
  }

  /** Parses the row's typed columns (in readOrder); fields of columns with problems are left out. */
  readRow<S extends TableSpec>(table: TableData, rowIndex: number, row: CellValue[], order: [ColumnSpec, number][], rowDate?: (fields: Fields<S>) => CalendarDate | undefined): Fields<S> {
    const failed = this.scanRow(table, rowIndex, row);
    // Keyed by column key; each value was parsed by its column's type, which is what Fields<S> says.
    const values = new Map<string, FieldValue>();
    const fields = values as Fields<S>;
    let date: CalendarDate | undefined;
    let dateKnown = false;
    for (const [column, index] of order) {
      if (failed?.has(index)) continue;
      const value = row[index];
      if (isBlank(value)) {
        if (column.required) this.report.add(table, rowIndex, index, 'error', 'REQUIRED_EMPTY', { column: column.header });
        continue;
      }
      let parsed: FieldValue | undefined;
      if (column.type === 'code' || column.type === 'codeList') {
        if (!dateKnown) {
          date = rowDate?.(fields);
          dateKnown = true;
        }
        parsed = column.type === 'code'
          ? this.readCode(column, value, table, rowIndex, index, date)
          : this.readCodeList(column, value, table, rowIndex, index, date);
      } else {
        parsed = this.parseTyped(column, value, table, rowIndex, index);
      }
      if (parsed !== undefined) values.set(column.key, parsed);
    }
    return fields;
  }

  private parseTyped(column: ColumnSpec, value: CellValue, table: TableData, rowIndex: number, index: number): FieldValue | undefined {
    let result: ParseResult<number | string>;
    switch (column.type) {
      case 'date': return this.readDate(column, value, table, rowIndex, index);
      case 'integer': result = this.cached(this.integers, value, parseInteger); break;
      case 'number': result = this.cached(this.numbers, value, parseNumber); break;
      case 'amount': result = parseAmountOre(value); break;
      case 'percent': result = parsePercentBasisPoints(value); break;
      case 'kpiList': {
        const { targets, unreadable } = parseKpiList(safeText(value));
        for (const part of unreadable) this.report.add(table, rowIndex, index, 'warning', 'KPI_UNREADABLE', { value: part });
        return targets;
      }
      default: return safeText(value);
    }
    if (!result.ok) {
      this.report.add(table, rowIndex, index, 'error', 'WRONG_TYPE', { value: result.input, column: column.header, reason: result.code });
      return undefined;
    }
    const v = result.value;
    if (typeof v === 'number' && typeof value === 'string' && column.type !== 'percent') this.textNumber(column, value, v, table, rowIndex, index);
    if (typeof v === 'number' && ((column.min !== undefined && v < column.min) || (column.max !== undefined && v > column.max))) {
      this.report.add(table, rowIndex, index, 'error', 'OUT_OF_RANGE', { value: safeText(value), column: column.header, min: column.min ?? '', max: column.max ?? '' });
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
  private readDate(column: ColumnSpec, value: CellValue, table: TableData, rowIndex: number, index: number): CalendarDate | undefined {
    const result = this.cached(this.dates, value, (v) => parseDate(v, this.referenceYear === undefined ? undefined : { referenceYear: this.referenceYear }));
    let date: CalendarDate;
    let yearFromContext: { ambiguous: boolean } | undefined;
    if (result.ok) date = result.value as CalendarDate;
    else {
      const dayMonth = result.code === 'not-a-date' ? yearlessDayMonth(value) : undefined;
      const resolved = dayMonth && resolveYear(dayMonth.day, dayMonth.month, this.context);
      if (!resolved) {
        this.report.add(table, rowIndex, index, 'error', 'WRONG_TYPE', { value: result.input, column: column.header, reason: result.code });
        return undefined;
      }
      date = resolved.date;
      yearFromContext = { ambiguous: resolved.ambiguous };
    }
    if (typeof value === 'string') {
      const text = value.trim();
      const fix = { text: formatDanishDate(date), value: excelSerial(date) };
      if (yearFromContext?.ambiguous) {
        this.report.add(table, rowIndex, index, 'warning', 'AMBIGUOUS_YEAR', { value: text, column: column.header, date, asOf: this.context.reference }, fix);
      } else {
        this.report.add(table, rowIndex, index, 'warning', 'TEXT_DATE', { value: text, column: column.header, date, ...(yearFromContext ? { yearFromContext: 1 } : {}) }, fix);
      }
    }
    const latest = yearsAfter(this.context.reference, PLAUSIBLE_YEARS_AHEAD);
    if (date < EARLIEST_PLAUSIBLE || date > latest) {
      this.report.add(table, rowIndex, index, 'warning', 'IMPLAUSIBLE_DATE', {
        column: column.header, date, asOf: this.context.reference, bound: date < EARLIEST_PLAUSIBLE ? 'before' : 'after', years: PLAUSIBLE_YEARS_AHEAD,
      });
    }
    return date;
  }

  /** A number typed as text: the core reads it, Excel's SUMIFS and COUNTIFS do not (TEXT_NUMBER, the number as suggestion). */
  private textNumber(column: ColumnSpec, value: string, parsed: number, table: TableData, rowIndex: number, index: number): void {
    const number = column.type === 'amount' ? parsed / 100 : parsed;
    this.report.add(table, rowIndex, index, 'warning', 'TEXT_NUMBER', { value: value.trim(), column: column.header }, { text: String(number).replace('.', ','), value: number });
  }

  // Sheets repeat the same few thousand dates and numbers; parsing each distinct value once halves the time.
  private readonly dates = new Map<CellValue, ParseResult<string>>();
  private readonly integers = new Map<CellValue, ParseResult<number>>();
  private readonly numbers = new Map<CellValue, ParseResult<number>>();

  private cached<T>(cache: Map<CellValue, ParseResult<T>>, value: CellValue, parse: (v: CellValue) => ParseResult<T>): ParseResult<T> {
    if (typeof value !== 'string' && typeof value !== 'number') return parse(value);
    let result = cache.get(value);
    if (!result) {
      result = parse(value);
      if (cache.size < 20_000) cache.set(value, result);
    }
    return result;
  }

  private readCode(column: ColumnSpec, value: CellValue, table: TableData, rowIndex: number, index: number, date: CalendarDate | undefined): TaxonomyEntry | undefined {
    const entry = this.lookup(column, safeText(value), table, rowIndex, index, (e) => this.display(column, e));
    if (!entry) return undefined;
    this.checkUsable(column, entry, safeText(value), table, rowIndex, index, date);
    // A synonym or code is understood, but the summary formulas count the list value itself.
    const shown = this.display(column, entry);
    const raw = typeof value === 'string' ? value : String(value);
    if (raw.toLowerCase() !== shown.toLowerCase()) {
      this.report.add(table, rowIndex, index, 'warning', 'NON_STANDARD_VALUE', { value: raw.trim(), suggestion: shown }, shown);
    }
    return entry;
  }

  private readCodeList(column: ColumnSpec, value: CellValue, table: TableData, rowIndex: number, index: number, date: CalendarDate | undefined): TaxonomyEntry[] | undefined {
    const matcher = this.matchers[column.taxonomy!];
    // Split on ; , and line breaks; " og " only where the whole part is not itself a known name.
    const parts = safeText(value).split(/[;,\n]/).map((p) => p.trim()).filter(Boolean)
      .flatMap((p) => (matcher.match(p).kind === 'match' ? [p] : p.split(/\s+og\s+/i)));
    const entries: TaxonomyEntry[] = [];
    parts.forEach((part, i) => {
      const entry = this.lookup(column, part, table, rowIndex, index, (e) =>
        parts.map((p, j) => (j === i ? this.display(column, e) : p)).join('; '));
      if (entry) {
        this.checkUsable(column, entry, part, table, rowIndex, index, date);
        if (!entries.includes(entry)) entries.push(entry);
      }
    });
    return entries;
  }

  private lookup(column: ColumnSpec, text: string, table: TableData, rowIndex: number, index: number, fix: (e: TaxonomyEntry) => string): TaxonomyEntry | undefined {
    const result = this.matchers[column.taxonomy!].match(text);
    if (result.kind === 'match') return result.entry;
    const best = result.suggestions[0]?.entry;
    this.report.add(table, rowIndex, index, 'error', 'UNKNOWN_CODE',
      { value: text, taxonomy: column.taxonomy!, ...(best ? { suggestion: this.display(column, best) } : {}) },
      best ? fix(best) : undefined);
    return undefined;
  }

  private checkUsable(column: ColumnSpec, entry: TaxonomyEntry, text: string, table: TableData, rowIndex: number, index: number, date: CalendarDate | undefined): void {
    if (entryUsableOn(entry, date)) return;
    this.report.add(table, rowIndex, index, 'warning', 'INACTIVE_CODE', {
      value: text, taxonomy: column.taxonomy!, ...(entry.active && date ? { date } : {}),
    });
  }

  /** What a cell of this column holds for an entry: the name for single values, the code for lists and steps. */
  display(column: ColumnSpec, entry: TaxonomyEntry): string {
    const store = column.store ?? (column.type === 'codeList' ? 'code' : 'name');
    return store === 'code' ? entry.code : entry.name;
  }
}
