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
import { findCprNumbers, maskCprValue } from '../parse/cpr';
import { parseDate } from '../parse/date';
import { excelErrorOf, isBlank } from '../parse/excelError';
import { parseInteger, parseNumber } from '../parse/number';
import { parsePercentBasisPoints } from '../parse/percent';
import type { CalendarDate } from '../parse/calendarDate';
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

export class RowReader {
  constructor(
    private readonly report: Reporter,
    private readonly matchers: Record<TaxonomyKey, TaxonomyMatcher>,
    private readonly referenceYear: number,
  ) {}

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
        this.report.add(table, rowIndex, i, 'error', 'CPR_NUMBER', { value: cprs.join(', ') }, String(maskCprValue(value)));
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
      case 'date': result = this.cached(this.dates, value, (v) => parseDate(v, { referenceYear: this.referenceYear })); break;
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
    if (typeof v === 'number' && ((column.min !== undefined && v < column.min) || (column.max !== undefined && v > column.max))) {
      this.report.add(table, rowIndex, index, 'error', 'OUT_OF_RANGE', { value: safeText(value), column: column.header, min: column.min ?? '', max: column.max ?? '' });
      return undefined;
    }
    return v;
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
