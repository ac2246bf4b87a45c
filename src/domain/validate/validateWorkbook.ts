/**
 * Validates a whole workbook's tables against the taxonomies it holds (or the built-in ones) and
 * reads the typed model on the way. One pass over the rows; cross-row rules (duplicates, capacity)
 * are computed from what the pass collected, so findings do not depend on row order.
 */
import {
  BUDGET, INITIATIVE_ID_PATTERN, INITIATIVES, PARTICIPANTS, POSTINGS, SHEETS, STATUS_LOG, TABLE_NAMES, type ColumnSpec, type TableSpec,
} from '../model/schema';
import type { TableData } from '../model/table';
import type { BudgetLine, Initiative, ParticipantCourse, Posting, StatusLogEntry } from '../model/types';
import { isBlank } from '../parse/excelError';
import { daysBetween, type CalendarDate } from '../parse/calendarDate';
import type { CellValue } from '../parse/cell';
import { defaultTaxonomies, TAXONOMY_KEYS } from '../taxonomy/defaults';
import { TaxonomyMatcher } from '../taxonomy/matcher';
import { matchKey } from '../taxonomy/normalize';
import { readTaxonomyTable } from '../taxonomy/sheet';
import { taxonomyUpdate } from '../taxonomy/update';
import type { TaxonomyEntry, TaxonomyKey, TaxonomySet } from '../taxonomy/types';
import { locateColumns, readOrder, RowReader, type Fields, type FieldTypes, type TableFields } from './cells';
import type { Finding, FindingCode, FindingParams } from './finding';
import { reconcile } from '../finance/reconcile';
import type { FinanceIssueKind } from '../finance/issues';
import { Reporter } from './reporter';
import { placementLimit } from '../law/placement';

/** The built-in offer code of virksomhedspraktik, whose length LAB § 61 sets. */
const PLACEMENT_OFFER = 'PRAKTIK';
import { isModelSheet } from '../adopt/model';
import { maskCprValue } from '../parse/cpr';
import { scanCpr, type WorkbookText } from './cprScan';

export interface ValidateOptions {
  /** The date "today" for rules that look at the present (course length, capacity). */
  asOf: CalendarDate;
  /**
   * A fixed year for dates typed without one ("29/8"). Without it, the year comes from the row's
   * context: the initiative's "Status pr." (or asOf) and its period; AMBIGUOUS_YEAR when unsure.
   */
  referenceYear?: number;
  /**
   * Texts of the workbook outside its tables, scanned for CPR numbers: sheet names (every sheet,
   * also one without data), notes and comments, defined names, document properties.
   */
  texts?: readonly WorkbookText[];
  /**
   * false: every cell is parsed and looked up afresh instead of once per distinct value of its
   * column. The findings are the same either way; tests compare the two.
   */
  cache?: boolean;
}

export type { WorkbookText } from './cprScan';

export interface WorkbookModel {
  initiatives: Initiative[];
  participants: ParticipantCourse[];
  statusLog: StatusLogEntry[];
  budget: BudgetLine[];
  postings: Posting[];
}

export interface ValidationResult {
  findings: Finding[];
  model: WorkbookModel;
  taxonomies: TaxonomySet;
}

/** A row that was read, with where it came from, for rules that look at several rows. */
interface Located<T, S extends TableSpec = TableSpec> {
  item: T;
  spec: S;
  table: TableData;
  rowIndex: number;
  columns: Map<ColumnSpec, number>;
  fields: Fields<S>;
}

/** What the rows of one table share: kept once per table, not per row. */
interface TableRead<S extends TableSpec> {
  spec: S;
  table: TableData;
  columns: Map<ColumnSpec, number>;
  store: TableFields;
}

/**
 * A read row as Located: one small object per row (its record, its index and its table's shared
 * part); its fields are itself, read from the table's column arrays.
 */
class LocatedRow<T, S extends TableSpec> implements Located<T, S>, Fields<S> {
  item!: T;

  constructor(
    private readonly at: TableRead<S>,
    readonly rowIndex: number,
  ) {}

  get spec(): S {
    return this.at.spec;
  }

  get table(): TableData {
    return this.at.table;
  }

  get columns(): Map<ColumnSpec, number> {
    return this.at.columns;
  }

  get fields(): Fields<S> {
    return this;
  }

  get<K extends keyof S['column'] & string>(key: K): FieldTypes[S['column'][K]['type']] | undefined {
    // Each column array holds values parsed by its column's type, which is what Fields<S> says.
    return this.at.store.value(key, this.rowIndex) as FieldTypes[S['column'][K]['type']] | undefined;
  }
}

/** A table's column keys: `Key<typeof PARTICIPANTS>` is `'participantId' | 'startDate' | …`. */
type Key<S extends TableSpec> = keyof S['column'] & string;
/** The keys of a table's date columns. */
type DateKey<S extends TableSpec> = { [K in Key<S>]: S['column'][K]['type'] extends 'date' ? K : never }[Key<S>];

const PARTICIPANT_TABLE = /^Deltagere_(.+)$/i;

export function validateWorkbook(tables: TableData[], options: ValidateOptions): ValidationResult {
  const report = new Reporter();
  // Tables whose data rows the row reader reads (and scans for CPR numbers cell by cell).
  const readRows = new Set<TableData>();
  const taxonomies = readTaxonomies(tables, report);
  const matchers = Object.fromEntries(TAXONOMY_KEYS.map((k) => [k, new TaxonomyMatcher(taxonomies[k])])) as Record<TaxonomyKey, TaxonomyMatcher>;
  const reader = new RowReader(report, matchers, options.asOf, options.referenceYear, options.cache ?? true);
  const model: WorkbookModel = { initiatives: [], participants: [], statusLog: [], budget: [], postings: [] };

  const readTable = <S extends TableSpec, T>(spec: S, table: TableData, name: string, build: (f: Fields<S>) => T | undefined, rowDate?: (f: Fields<S>, column: ColumnSpec) => CalendarDate | undefined): Located<T, S>[] => {
    const columns = locateColumns(spec, table, report, name);
    const at: TableRead<S> = { spec, table, columns, store: reader.fieldsOf(table, readOrder(columns)) };
    const out: Located<T, S>[] = [];
    checkMerges(table, report);
    readRows.add(table);
    const rows = table.rows;
    const last = lastFilledRow(rows);
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
      const row = rows[rowIndex]!; // within 0..length - 1
      if (isBlankRow(row)) {
        // Empty rows between data rows: harmless to us, confusing to people and to Excel's tables.
        if (rowIndex < last) report.add(table, rowIndex, 0, 'warning', 'EMPTY_ROW', { row: table.headerRow + 1 + rowIndex });
        continue;
      }
      const located = new LocatedRow<T, S>(at, rowIndex);
      reader.readRow(table, rowIndex, row, at.store, rowDate, located);
      const item = build(located);
      if (item === undefined) continue;
      located.item = item;
      out.push(located);
    }
    return out;
  };

  // Register first: the tracking sheets are checked against it.
  const registerTable = findTable(tables, TABLE_NAMES.initiatives, SHEETS.initiatives);
  const initiatives = registerTable
    ? readTable(INITIATIVES, registerTable, TABLE_NAMES.initiatives, buildInitiative, (f) => f.get('start'))
    : [];
  if (!registerTable) report.addMissingTable(SHEETS.initiatives, TABLE_NAMES.initiatives, 'error');
  checkInitiatives(initiatives, report);
  model.initiatives = initiatives.map((l) => l.item);
  const byId = new Map(initiatives.map((l) => [l.item.id.toUpperCase(), l]));

  for (const table of tables) {
    const name = table.table;
    const id = name === undefined ? undefined : PARTICIPANT_TABLE.exec(name)?.[1];
    if (name === undefined || id === undefined) continue;
    const initiative = byId.get(id.toUpperCase());
    if (!initiative) report.add(table, -1, 0, 'warning', 'UNKNOWN_INITIATIVE', { value: id });
    const initiativeId = initiative?.item.id ?? id;
    const { statusDate, start, end } = initiative?.item ?? {};
    reader.context = { reference: statusDate ?? options.asOf, period: { start, end } };
    // A course keeps the target group (and step) it started in; its status is checked on the status date.
    const rows = readTable(PARTICIPANTS, table, name, (f) => buildParticipant(initiativeId, f),
      (f, column) => (column.key === PARTICIPANTS.column.status.key ? f.get('statusDate') ?? f.get('startDate') : f.get('startDate')));
    checkParticipants(rows, initiative, matchers, report, options.asOf);
    model.participants.push(...rows.map((l) => l.item));
  }

  reader.context = { reference: options.asOf };
  const unknownInitiative = (rows: Located<{ initiativeId: string }, typeof STATUS_LOG | typeof BUDGET | typeof POSTINGS>[]) => {
    for (const l of rows) {
      if (!byId.has(l.item.initiativeId.toUpperCase())) report.add(l.table, l.rowIndex, col(l, 'initiativeId'), 'error', 'UNKNOWN_INITIATIVE', { value: l.item.initiativeId });
    }
  };
  const logTable = findTable(tables, TABLE_NAMES.statusLog, SHEETS.statusLog);
  if (!logTable) report.addMissingTable(SHEETS.statusLog, TABLE_NAMES.statusLog, 'warning');
  if (logTable) {
    const rows = readTable(STATUS_LOG, logTable, TABLE_NAMES.statusLog, buildStatusEntry);
    unknownInitiative(rows);
    model.statusLog = rows.map((l) => l.item);
  }
  const budgetTable = findTable(tables, TABLE_NAMES.budget);
  if (!budgetTable) report.addMissingTable(SHEETS.finance, TABLE_NAMES.budget, 'warning');
  const budgetRows = budgetTable ? readTable(BUDGET, budgetTable, TABLE_NAMES.budget, buildBudgetLine) : [];
  unknownInitiative(budgetRows);
  model.budget = budgetRows.map((l) => l.item);
  const postingTable = findTable(tables, TABLE_NAMES.postings);
  if (!postingTable) report.addMissingTable(SHEETS.finance, TABLE_NAMES.postings, 'warning');
  const postingRows = postingTable ? readTable(POSTINGS, postingTable, TABLE_NAMES.postings, buildPosting, (f) => f.get('date')) : [];
  unknownInitiative(postingRows);
  model.postings = postingRows.map((l) => l.item);
  checkFinance(budgetRows, postingRows, [...byId.keys()], report, options.asOf, matchers);
  reportSheetsNotInModel(tables, report);
  reportCpr(tables, options.texts ?? [], readRows, report);

  return { findings: sortFindings(report.findings, tables), model, taxonomies };
}

/**
 * CPR numbers everywhere but the data rows the row reader read (it reports those): every cell of
 * the other tables (taxonomies, the user's own) and regions, every header, sheet and table names,
 * the cells outside all tables and the workbook's other texts (cprScan.ts). Always errors; the
 * number is reported masked, and a cell or header gets its masked text as the suggestion
 * ("Masker CPR-nummeret").
 */
function reportCpr(tables: TableData[], texts: readonly WorkbookText[], readRows: ReadonlySet<TableData>, report: Reporter): void {
  for (const hit of scanCpr(tables, texts, readRows)) {
    const params = { value: hit.numbers.join(', ') };
    const suggestion = maskedText(hit.value);
    if (hit.at) report.add(hit.at.table, hit.at.row, hit.at.column, 'error', 'CPR_NUMBER', params, suggestion);
    else if (hit.place === 'cell') report.addAt(hit.sheet, hit.cell, 'error', 'CPR_NUMBER', params, { suggestion, value: hit.value });
    else report.addAt(hit.sheet, hit.cell, 'error', 'CPR_NUMBER', { ...params, place: hit.place });
  }
}

/** Every sheet with data that validation does not check: the user's own (info, "Tag i brug"). */
function reportSheetsNotInModel(tables: TableData[], report: Reporter): void {
  const bySheet = new Map<string, TableData[]>();
  for (const t of tables) bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), t]);
  for (const [sheet, list] of bySheet) {
    if (isModelSheet(sheet, list)) continue;
    const rows = list.reduce((n, t) => n + (isBlankRow(t.header) ? 0 : 1) + t.rows.filter((r) => !isBlankRow(r)).length, 0);
    if (rows) report.add(list[0]!, -1, -1, 'info', 'SHEET_NOT_IN_MODEL', { sheet, rows });
  }
}

/** A cell's value with its CPR numbers masked, as text ("Masker CPR-nummeret" writes it). */
const maskedText = (value: CellValue): string => String(maskCprValue(value));

/** Merged cells: harmless to us, confusing to people and to Excel's tables. */
function checkMerges(table: TableData, report: Reporter): void {
  for (const range of table.merged ?? []) {
    const [first = ''] = range.split(':'); // split gives one part at least
    const row = Number(/\d+$/.exec(first)?.[0] ?? table.headerRow);
    const column = first.replace(/\d+$/, '').split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    report.add(table, row - table.headerRow - 1, column - table.firstColumn, 'warning', 'MERGED_CELLS', { range });
  }
}

/** Index of the last row that is not blank (-1 when all are). */
function lastFilledRow(rows: CellValue[][]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (!isBlankRow(rows[i]!)) return i; // within 0..length - 1
  return -1;
}

function isBlankRow(row: CellValue[]): boolean {
  for (const v of row) if (!isBlank(v)) return false;
  return true;
}

function findTable(tables: TableData[], tableName: string, sheetName?: string): TableData | undefined {
  const key = matchKey(tableName);
  return tables.find((t) => t.table !== undefined && matchKey(t.table) === key)
    ?? (sheetName ? tables.find((t) => t.table === undefined && t.sheet === sheetName) : undefined);
}

function readTaxonomies(tables: TableData[], report: Reporter): TaxonomySet {
  const set = defaultTaxonomies();
  const builtIn = defaultTaxonomies();
  for (const key of TAXONOMY_KEYS) {
    const table = findTable(tables.filter((t) => t.sheet === SHEETS.taxonomies), set[key].tableName);
    if (!table) continue;
    const { taxonomy, problems } = readTaxonomyTable(key, table);
    const col = (header: string) => table.header.findIndex((h) => matchKey(String(h ?? '')) === matchKey(header));
    for (const p of problems) {
      const column = col(p.column);
      if (p.kind === 'missing-column') report.add(table, -1, -1, 'error', 'MISSING_COLUMN', { column: p.column, table: set[key].tableName });
      else if (p.kind === 'required-empty') report.add(table, p.rowIndex, column, 'error', 'REQUIRED_EMPTY', { column: p.column });
      else if (p.kind === 'wrong-type') report.add(table, p.rowIndex, column, 'error', 'WRONG_TYPE', { value: p.value, column: p.column, reason: p.reason! });
      else if (p.kind === 'duplicate-code') report.add(table, p.rowIndex, column, 'error', 'DUPLICATE_CODE', { value: p.value, taxonomy: key, rows: rowList(table, p.otherRows!) });
      else if (p.kind === 'overlapping-versions') report.add(table, p.rowIndex, column, 'error', 'TAXONOMY_VERSION_OVERLAP', { value: p.value, taxonomy: key, rows: rowList(table, p.otherRows!) });
      else if (p.kind === 'dates-reversed') report.add(table, p.rowIndex, column, 'error', 'TAXONOMY_DATES_REVERSED', { value: p.value, taxonomy: key, date: p.second!, otherDate: p.first! });
      else if (p.kind === 'unknown-successor') report.add(table, p.rowIndex, column, 'error', 'TAXONOMY_UNKNOWN_SUCCESSOR', { value: p.value, taxonomy: key, code: p.first! });
      else report.add(table, p.rowIndex, column, 'warning', 'AMBIGUOUS_SYNONYM', { value: p.value, taxonomy: key, first: p.first!, second: p.second! });
    }
    if (taxonomy.entries.length) set[key] = taxonomy;
    // The law has ended entries the workbook still has open: say so once, at the table.
    const update = taxonomyUpdate(taxonomy, builtIn[key]);
    if (taxonomy.entries.length && (update.endDate.length || update.mapTo.length)) {
      const example = update.endDate[0]?.code ?? update.mapTo[0]?.code ?? '';
      report.add(table, -1, 0, 'warning', 'TAXONOMY_OUTDATED', {
        taxonomy: key, missing: update.add.length, expired: update.endDate.length, example: taxonomy.entries.find((e) => e.code === example)?.name ?? example,
      });
    }
  }
  return set;
}

const rowList = (table: TableData, rowIndexes: number[]) => rowIndexes.map((i) => table.headerRow + 1 + i).join(', ');

// ---- building typed records from fields -------------------------------------------------------

const codes = (entries: TaxonomyEntry[] | undefined) => (entries ?? []).map((e) => e.code);

function buildInitiative(f: Fields<typeof INITIATIVES>): Initiative | undefined {
  const id = f.get('id');
  if (!id) return undefined;
  const units = codes(f.get('unit'));
  const theme = f.get('theme');
  const statusText = f.get('statusText');
  return {
    id,
    name: f.get('name') ?? '',
    unit: units[0],
    ...(units.length > 1 && { units }),
    ...(theme && { theme }),
    ...(statusText && { statusText }),
    goals: codes(f.get('goals')),
    targetGroups: codes(f.get('targetGroups')),
    start: f.get('start'),
    end: f.get('end'),
    places: f.get('places'),
    state: f.get('state')?.code,
    offer: f.get('offer')?.code,
    courseWeeks: f.get('courseWeeks'),
    kpis: f.get('kpis') ?? [],
    statusDate: f.get('statusDate'),
    theme: f.get('theme'),
    statusText: f.get('statusText'),
  };
}

function buildParticipant(initiativeId: string, f: Fields<typeof PARTICIPANTS>): ParticipantCourse | undefined {
  const participantId = f.get('participantId');
  if (!participantId) return undefined;
  return {
    initiativeId,
    participantId,
    start: f.get('startDate'),
    targetGroup: f.get('targetGroup')?.code,
    step: f.get('step')?.code,
    status: f.get('status')?.code,
    statusDate: f.get('statusDate'),
    end: f.get('endDate'),
    ordinaryHoursPerWeek: f.get('ordinaryHours'),
    age: f.get('age'),
    remark: f.get('remark'),
    ...(f.get('group') && { group: f.get('group')!.trim() }),
  };
}

function buildStatusEntry(f: Fields<typeof STATUS_LOG>): StatusLogEntry | undefined {
  const initiativeId = f.get('initiativeId');
  const d = f.get('date');
  const indicator = f.get('indicator');
  const value = f.get('value');
  if (!initiativeId || !d || !indicator || value === undefined) return undefined;
  if (typeof value !== 'number') return { initiativeId, date: d, indicator, approx: value, comment: f.get('comment') };
  return { initiativeId, date: d, indicator, value, comment: f.get('comment') };
}

function buildBudgetLine(f: Fields<typeof BUDGET>): BudgetLine | undefined {
  const initiativeId = f.get('initiativeId');
  const year = f.get('year');
  const source = f.get('source')?.code;
  const amountOre = f.get('amount');
  if (!initiativeId || year === undefined || !source || amountOre === undefined) return undefined;
  return { initiativeId, year, source, amountOre, refundRateBp: f.get('refundRate') };
}

function buildPosting(f: Fields<typeof POSTINGS>): Posting | undefined {
  const initiativeId = f.get('initiativeId');
  const d = f.get('date');
  const type = f.get('type')?.code;
  const amountOre = f.get('amount');
  if (!initiativeId || !d || !type || amountOre === undefined) return undefined;
  const accountingYear = f.get('accountingYear');
  return { initiativeId, date: d, type, amountOre, voucher: f.get('voucher'), source: f.get('source')?.code, ...(accountingYear !== undefined && { accountingYear }) };
}

// ---- cross-field and cross-row rules ----------------------------------------------------------

/** The row's cell index of a column (0 if the table lacks it). */
function col<S extends TableSpec>(l: Located<unknown, S>, key: Key<S>): number {
  for (const [spec, index] of l.columns) if (spec.key === key) return index;
  return 0;
}

/** The same, for a column named by its header (the finance core reports headers). */
function colOfHeader(columns: Map<ColumnSpec, number>, header: string): number {
  for (const [spec, index] of columns) if (spec.header === header) return index;
  return 0;
}

/** A date that must not be before another in the same row (both date columns of the row's table). */
function checkDateOrder<S extends TableSpec>(l: Located<unknown, S>, report: Reporter, later: ColumnSpec<DateKey<S>>, earlier: ColumnSpec<DateKey<S>>): void {
  // DateKey admits only date columns, whose fields are calendar dates (the generic type cannot say so).
  const a = l.fields.get(later.key) as CalendarDate | undefined;
  const b = l.fields.get(earlier.key) as CalendarDate | undefined;
  if (a && b && a < b) {
    report.add(l.table, l.rowIndex, col(l, later.key), 'error', 'DATE_ORDER', { column: later.header, date: a, otherColumn: earlier.header, otherDate: b });
  }
}

function checkInitiatives(rows: Located<Initiative, typeof INITIATIVES>[], report: Reporter): void {
  const byId = new Map<string, Located<Initiative, typeof INITIATIVES>[]>();
  for (const l of rows) {
    const id = l.item.id;
    if (!INITIATIVE_ID_PATTERN.test(id)) {
      const fixed = id.normalize('NFD').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^[^A-Za-z]+/, '').slice(0, 20);
      report.add(l.table, l.rowIndex, col(l, 'id'), 'error', 'INVALID_ID', { value: id }, fixed || undefined);
    }
    byId.set(id.toUpperCase(), [...(byId.get(id.toUpperCase()) ?? []), l]);
    checkDateOrder(l, report, INITIATIVES.column.end, INITIATIVES.column.start);
  }
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    const rowsText = group.map((l) => l.table.headerRow + 1 + l.rowIndex).join(', ');
    for (const l of group) report.add(l.table, l.rowIndex, col(l, 'id'), 'error', 'DUPLICATE_ID', { value: l.item.id, rows: rowsText });
  }
}

function checkParticipants(
  rows: Located<ParticipantCourse, typeof PARTICIPANTS>[],
  initiative: Located<Initiative, typeof INITIATIVES> | undefined,
  matchers: Record<TaxonomyKey, TaxonomyMatcher>,
  report: Reporter,
  today: CalendarDate,
): void {
  const asOf = initiative?.item.statusDate ?? today;
  const allowedGroups = initiative?.item.targetGroups ?? [];
  let active = 0;
  for (const l of rows) {
    const p = l.item;
    checkDateOrder(l, report, PARTICIPANTS.column.statusDate, PARTICIPANTS.column.startDate);
    checkDateOrder(l, report, PARTICIPANTS.column.endDate, PARTICIPANTS.column.startDate);
    const status = l.fields.get('status');
    const group = l.fields.get('targetGroup');
    const step = l.fields.get('step');

    if (status?.steps?.length && step && !status.steps.includes(Number(step.code))) {
      report.add(l.table, l.rowIndex, col(l, 'step'), 'error', 'STEP_STATUS_MISMATCH',
        { status: status.name, steps: status.steps.join(', '), step: step.code }, status.steps.length === 1 ? String(status.steps[0]) : undefined);
    }
    if (group && allowedGroups.length && !allowedGroups.includes(group.code)) {
      const names = allowedGroups.map((c) => matchers.targetGroups.byCode(c)?.name ?? c).join(', ');
      report.add(l.table, l.rowIndex, col(l, 'targetGroup'), 'warning', 'TARGET_GROUP_NOT_IN_INITIATIVE', { value: group.name, allowed: names });
    }
    if (group && p.age !== undefined && ((group.minAge !== undefined && p.age < group.minAge) || (group.maxAge !== undefined && p.age > group.maxAge))) {
      report.add(l.table, l.rowIndex, col(l, 'age'), 'error', 'AGE_OUT_OF_BOUNDS', {
        age: p.age, group: group.name, ...(group.minAge !== undefined && { minAge: group.minAge }), ...(group.maxAge !== undefined && { maxAge: group.maxAge }),
      });
    }
    const isActive = status?.outcomeClass === 'active' && p.start !== undefined && p.start <= asOf && (!p.end || p.end >= asOf);
    if (isActive) active++;
    if (isActive && !p.end) {
      const limit = courseLimit(initiative?.item, status!, group, p, matchers);
      const days = limit && daysBetween(limit.since, asOf);
      if (limit && days! > limit.weeks * 7) {
        report.add(l.table, l.rowIndex, col(l, 'endDate'), 'warning', 'COURSE_TOO_LONG', {
          weeks: Math.floor(days! / 7), maxWeeks: limit.weeks,
          ...(limit.rule && { rule: limit.rule }),
          ...(limit.extendableTo !== undefined && { extendableTo: limit.extendableTo }),
          ...(limit.exceptionWeeks !== undefined && { exceptionWeeks: limit.exceptionWeeks }),
        });
      }
    }
  }
  const places = initiative?.item.places;
  if (initiative && places !== undefined && active > places) {
    report.add(initiative.table, initiative.rowIndex, col(initiative, 'places'), 'warning', 'CAPACITY_EXCEEDED', { active, places, date: asOf });
  }
  checkDuplicateParticipants(rows, report);
}

/**
 * How long an active participant may stay without an end date, counted from when. A status that is
 * itself an offer with a maximum length (e.g. "I virksomhedspraktik": LAB § 61, by target group) is
 * limited from its status date; otherwise the initiative's course length (or its offer's) applies
 * from the start date.
 */
function courseLimit(
  initiative: Initiative | undefined,
  status: TaxonomyEntry,
  group: TaxonomyEntry | undefined,
  p: ParticipantCourse,
  matchers: Record<TaxonomyKey, TaxonomyMatcher>,
): CourseLimit | undefined {
  const weeksFor = (offer: TaxonomyEntry | undefined) => offer?.maxWeeks && ((group && offer.maxWeeks[group.code]) ?? offer.maxWeeks['*']);
  const statusOffer = offerOfStatus(status, matchers.offers);
  const statusWeeks = weeksFor(statusOffer);
  if (statusOffer && statusWeeks !== undefined) {
    return { weeks: statusWeeks, since: p.statusDate ?? p.start!, ...placementRule(statusOffer, group, statusWeeks) };
  }
  const offer = initiative?.offer ? matchers.offers.byCode(initiative.offer) : undefined;
  const offerWeeks = weeksFor(offer);
  const weeks = initiative?.courseWeeks ?? offerWeeks;
  if (weeks === undefined) return undefined;
  return { weeks, since: p.start!, ...(initiative?.courseWeeks === undefined && offer ? placementRule(offer, group, weeks) : {}) };
}

interface CourseLimit {
  weeks: number;
  since: CalendarDate;
  /** The rule of law the limit comes from (LAB § 61 for a company placement), when it is the law's. */
  rule?: string;
  extendableTo?: number;
  /** A longer limit an exception of the rule allows (8 weeks for dagpengemodtagere with a higher education and no job since). */
  exceptionWeeks?: number;
}

/**
 * LAB § 61 for a company placement (the offer PRAKTIK) in a group the law data has a limit for:
 * the rule is named only when the taxonomy's weeks are the law's, so a municipality's own limit is
 * not credited to the act.
 */
function placementRule(offer: TaxonomyEntry, group: TaxonomyEntry | undefined, weeks: number): Pick<CourseLimit, 'rule' | 'extendableTo' | 'exceptionWeeks'> {
  if (offer.code !== PLACEMENT_OFFER || !group) return {};
  const limit = placementLimit(group.code);
  if (!limit || limit.weeks !== weeks) return {};
  const exception = placementLimit(group.code, { higherEducation: true, employedSinceEducation: false });
  return {
    rule: limit.rule,
    ...(limit.extendable && { extendableTo: limit.extendable.toWeeks }),
    ...(exception && exception.weeks !== limit.weeks && { exceptionWeeks: exception.weeks }),
  };
}

/** The offer a status is itself (by its name or a synonym), per offers matcher: asked once per status, not per row. */
const statusOffers = new WeakMap<TaxonomyMatcher, Map<TaxonomyEntry, TaxonomyEntry | undefined>>();

function offerOfStatus(status: TaxonomyEntry, offers: TaxonomyMatcher): TaxonomyEntry | undefined {
  let known = statusOffers.get(offers);
  if (!known) statusOffers.set(offers, (known = new Map()));
  if (known.has(status)) return known.get(status);
  const match = [status.name, ...status.synonyms].map((t) => offers.match(t)).find((m) => m.kind === 'match');
  const offer = match?.kind === 'match' ? match.entry : undefined;
  known.set(status, offer);
  return offer;
}

/** An ID as duplicates are found by: trimmed, upper case (the text itself when it is so already, as IDs mostly are: no copy). */
function idKey(id: string): string {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    // Spaces and control characters (trimmed), lower case and anything beyond ASCII (upper-cased).
    if (c <= 32 || (c >= 97 && c <= 122) || c >= 127) return id.trim().toUpperCase();
  }
  return id;
}

/** The same participant twice in one initiative is fine for consecutive courses, not for overlapping ones. */
function checkDuplicateParticipants(rows: Located<ParticipantCourse, typeof PARTICIPANTS>[], report: Reporter): void {
  // A row alone under its ID (nearly all of them) is kept without an array of its own.
  const byId = new Map<string, Located<ParticipantCourse, typeof PARTICIPANTS> | Located<ParticipantCourse, typeof PARTICIPANTS>[]>();
  for (const l of rows) {
    const key = idKey(l.item.participantId);
    const group = byId.get(key);
    if (group === undefined) byId.set(key, l);
    else if (Array.isArray(group)) group.push(l);
    else byId.set(key, [group, l]);
  }
  const overlaps = (a: ParticipantCourse, b: ParticipantCourse) =>
    !a.start || !b.start || ((!a.end || b.start <= a.end) && (!b.end || a.start <= b.end));
  for (const group of byId.values()) {
    if (!Array.isArray(group)) continue;
    const clashing = group.filter((a) => group.some((b) => b !== a && overlaps(a.item, b.item)));
    if (clashing.length < 2) continue;
    const rowsText = clashing.map((l) => l.table.headerRow + 1 + l.rowIndex).sort((a, b) => a - b).join(', ');
    for (const l of clashing) report.add(l.table, l.rowIndex, col(l, 'participantId'), 'error', 'DUPLICATE_ID', { value: l.item.participantId, rows: rowsText });
  }
}

/** Issues the reconciliation finds in the finance tables (the ones parsing has not reported already). */
const FINANCE_CODES: Partial<Record<FinanceIssueKind, FindingCode>> = {
  'no-budget': 'NO_BUDGET',
  'duplicate-voucher': 'DUPLICATE_VOUCHER',
  'negative-amount': 'NEGATIVE_AMOUNT',
  'rate-out-of-range': 'RATE_OUT_OF_RANGE',
  'conflicting-rates': 'CONFLICTING_RATES',
  'unallocated-expense': 'UNALLOCATED_EXPENSE',
  'grant-without-source': 'GRANT_WITHOUT_SOURCE',
  'future-date': 'FUTURE_DATE',
};

function checkFinance(
  budget: Located<BudgetLine, typeof BUDGET>[],
  postings: Located<Posting, typeof POSTINGS>[],
  initiativeIds: string[],
  report: Reporter,
  asOf: CalendarDate,
  matchers: Record<TaxonomyKey, TaxonomyMatcher>,
): void {
  if (!budget.length && !postings.length) return;
  // Row indexes here are positions in these arrays; they lead back to each row's table and cell.
  const { issues } = reconcile(
    budget.map((l, rowIndex) => ({ ...l.item, initiativeId: l.item.initiativeId.toUpperCase(), rowIndex })),
    postings.map((l, rowIndex) => ({ ...l.item, initiativeId: l.item.initiativeId.toUpperCase(), rowIndex })),
    { asOf, knownInitiatives: initiativeIds },
  );
  const sheetRow = (l: { table: TableData; rowIndex: number }) => l.table.headerRow + 1 + l.rowIndex;
  for (const issue of issues) {
    const code = FINANCE_CODES[issue.kind];
    if (!code) continue;
    const rows = issue.table === TABLE_NAMES.budget ? budget : postings;
    const at = rows[issue.rowIndex ?? 0];
    if (!at) continue;
    const params: FindingParams = {
      initiativeId: issue.initiativeId,
      ...(issue.year !== undefined && { year: issue.year }),
      ...(issue.voucher !== undefined && { voucher: issue.voucher }),
      // Positions in the same array as rowIndex (see reconcile's input above).
      ...(issue.otherRowIndexes && { otherRows: issue.otherRowIndexes.flatMap((i) => rows[i] ?? []).map(sheetRow).join(', ') }),
      ...(issue.amountOre !== undefined && { amountOre: issue.amountOre }),
      ...(issue.type !== undefined && { type: matchers.postingTypes.byCode(issue.type)?.name.toLowerCase() ?? issue.type }),
      ...(issue.rateBp !== undefined && { rateBp: issue.rateBp }),
      ...(issue.source !== undefined && { source: matchers.fundingSources.byCode(issue.source)?.name ?? issue.source }),
      ...(issue.date !== undefined && { date: issue.date, asOf }),
    };
    report.add(at.table, at.rowIndex, issue.column ? colOfHeader(at.columns, issue.column) : 0, issue.severity, code, params, issue.suggestion);
  }
}

/** Workbook order of tables, then row, then column, then code: stable output for people and tests. */
function sortFindings(findings: Finding[], tables: TableData[]): Finding[] {
  const sheetOrder = new Map<string, number>();
  tables.forEach((t) => sheetOrder.has(t.sheet) || sheetOrder.set(t.sheet, sheetOrder.size));
  const colNum = (cell: string) => cell.replace(/\d+$/, '').split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return findings.sort((a, b) =>
    (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row || colNum(a.cell) - colNum(b.cell) || a.code.localeCompare(b.code));
}
