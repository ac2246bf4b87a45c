/**
 * The table Statusfotos: the figures per initiative frozen as values on a date, one row per
 * initiative and date, and the development across those dates read back for Overblik. Columns are
 * found by header (Danish or English, whichever language froze them), not by position.
 *
 * The sheet carries the add-in's marker (generated.ts) beside the table. Rows are only ever
 * appended, so its fingerprint is not checked: the marker says whose the table is. A table named
 * Statusfotos without it is the user's and is never written into (or read as snapshots); one
 * frozen before the marker existed is recognised by its header, which is exactly the snapshot's.
 *
 * A snapshot frozen by mistake is withdrawn, never deleted: its rows get the day of the withdrawal
 * in the column "Trukket tilbage" (added to an older table when needed). Withdrawn rows stay for
 * the audit trail, count for no trend, and their date may be frozen again.
 */
import { messages, type Lang } from '../i18n';
import { INITIATIVE_ID_HEADER } from '../domain/model/schema';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { dateCell } from './layout';
import { cellAddress } from '../domain/model/address';
import { isBlank } from '../domain/parse/excelError';
import { safeText, type CellValue } from '../domain/parse/cell';
import { parseDate } from '../domain/parse/date';
import type { InitiativeSummary } from '../domain/summarize';
import type { TaxonomyEntry } from '../domain/taxonomy/types';
import { cellAt, columnIndexes } from './columns';
import { statusGroups } from './overviewSheet';
import type { PlanOp } from './plan';
import { findSheet, findTableRead, type TableRead, type WorkbookRead } from './read';
import { hasMarker, keepAside, refuseTakenTables, withControl, type KeptSheet } from './generated';
import { NotGeneratedError } from './adapterContract';

export const SNAPSHOT_SHEET = 'Statusfotos';
export const SNAPSHOT_TABLE = 'Statusfotos';

/** The columns in the order they are written. */
const COLUMNS = ['date', 'initiativeId', 'initiative', 'job', 'education', 'placement', 'course', 'ended', 'total', 'courses', 'active', 'withdrawn'] as const;
type Column = (typeof COLUMNS)[number];

function headerOf(lang: Lang): Record<Column, string> {
  const t = messages[lang].summary;
  return {
    date: t.columns.date, initiativeId: INITIATIVE_ID_HEADER, initiative: t.columns.initiative, job: t.outcome.job, education: t.outcome.education,
    placement: t.groups.placement, course: t.groups.course, ended: t.outcome.ended, total: t.columns.total, courses: t.columns.courses, active: t.outcome.active,
    withdrawn: t.snapshotWithdrawn,
  };
}

/** Every column under each language's header. */
const HEADER_NAMES = Object.fromEntries(COLUMNS.map((c) => [c, [headerOf('da')[c], headerOf('en')[c]]])) as Record<Column, string[]>;

/** The table Statusfotos when the add-in made it; a user's table of that name is left out. */
export function snapshotTable(read: WorkbookRead): TableRead | undefined {
  const table = findTableRead(read, SNAPSHOT_TABLE);
  return table && isOwnSnapshot(read, table) ? table : undefined;
}

/** A table named Statusfotos that the add-in did not make (freezing refuses to write into it). */
export function foreignSnapshotTable(read: WorkbookRead): TableRead | undefined {
  const table = findTableRead(read, SNAPSHOT_TABLE);
  return table && !isOwnSnapshot(read, table) ? table : undefined;
}

const KNOWN_HEADERS = new Set(Object.values(HEADER_NAMES).flat().map((h) => h.toLowerCase()));

function isOwnSnapshot(read: WorkbookRead, table: TableRead): boolean {
  const sheet = findSheet(read, table.sheet);
  if (sheet && hasMarker(sheet, SNAPSHOT_SHEET)) return true;
  // Frozen before the marker: every column one of the snapshot's, the date and the ID among them.
  const at = columnIndexes(table.header, HEADER_NAMES);
  return at.date >= 0 && at.initiativeId >= 0 && table.header.every((h) => KNOWN_HEADERS.has(safeText(h).toLowerCase()));
}

function dateOf(value: CellValue | undefined): CalendarDate | undefined {
  if (value === undefined) return undefined;
  const parsed = parseDate(value);
  return parsed.ok ? parsed.value : undefined;
}

/** A row marked withdrawn (its "Trukket tilbage" cell holds anything). */
const isWithdrawn = (row: readonly CellValue[], at: Record<Column, number>) => at.withdrawn >= 0 && !isBlank(cellAt(row, at.withdrawn));

/** The dates frozen already and not withdrawn: these cannot be frozen again. */
export function snapshotDates(table: TableRead | undefined): Set<CalendarDate> {
  const dates = new Set<CalendarDate>();
  if (!table) return dates;
  const at = columnIndexes(table.header, HEADER_NAMES);
  for (const r of table.rows) {
    const date = dateOf(cellAt(r, at.date));
    if (date && !isWithdrawn(r, at)) dates.add(date);
  }
  return dates;
}

/** Every frozen date with its number of initiative rows, oldest first, and when it was withdrawn (if it was). */
export interface SnapshotListing {
  date: CalendarDate;
  rows: number;
  withdrawn?: CalendarDate;
}

export function snapshotListing(table: TableRead | undefined): SnapshotListing[] {
  if (!table) return [];
  const at = columnIndexes(table.header, HEADER_NAMES);
  const out = new Map<string, SnapshotListing>();
  for (const r of table.rows) {
    const date = dateOf(cellAt(r, at.date));
    if (!date) continue;
    const withdrawn = isWithdrawn(r, at) ? dateOf(cellAt(r, at.withdrawn)) ?? date : undefined;
    const key = `${date}|${withdrawn ?? ''}`;
    const entry = out.get(key) ?? { date, rows: 0, ...(withdrawn ? { withdrawn } : {}) };
    entry.rows++;
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => a.date.localeCompare(b.date) || (a.withdrawn ? 0 : 1) - (b.withdrawn ? 0 : 1));
}

/**
 * Marks the rows of a frozen date withdrawn on `today` (none when the date has no rows in force):
 * the column "Trukket tilbage" is added when the table lacks it; every other cell stays as it is.
 */
export function planWithdrawal(table: TableRead, date: CalendarDate, today: CalendarDate, lang: Lang): PlanOp[] {
  const at = columnIndexes(table.header, HEADER_NAMES);
  const rows = table.rows.flatMap((r, i) => (dateOf(cellAt(r, at.date)) === date && !isWithdrawn(r, at) ? [i] : []));
  if (!rows.length) return [];
  const ops: PlanOp[] = [];
  let column = at.withdrawn;
  const header = headerOf(lang).withdrawn;
  if (column < 0) {
    column = table.header.length;
    ops.push({ kind: 'addColumns', sheet: table.sheet, table: SNAPSHOT_TABLE, headers: [header] });
  }
  const name = column < table.header.length ? safeText(table.header[column]) : header;
  ops.push({ kind: 'layoutColumns', sheet: table.sheet, table: SNAPSHOT_TABLE, columns: [{ header: name, numberFormat: 'dd-mm-yyyy', width: 14 }] });
  ops.push({
    kind: 'setValues', sheet: table.sheet,
    cells: rows.map((i) => ({ address: cellAddress(table.headerRow + 1 + i, table.firstColumn + column), value: dateCell(today), expected: null })),
  });
  return ops;
}

/** The figures a snapshot freezes for one initiative: the same as Overblik's status table. */
export interface SnapshotFigures {
  initiativeId: string;
  initiative: string;
  job: number;
  education: number;
  placement: number;
  course: number;
  ended: number;
  total: number;
  courses: number;
  active: number;
}

export function snapshotFigures(initiatives: InitiativeSummary[], statuses: TaxonomyEntry[]): SnapshotFigures[] {
  const groups = statusGroups(statuses);
  const count = (s: InitiativeSummary, entries: { code: string }[]) => s.byStatus.filter((b) => entries.some((e) => e.code === b.code)).reduce((n, b) => n + b.courses, 0);
  return initiatives.map((s) => ({
    initiativeId: s.initiativeId, initiative: s.name, job: count(s, groups.job), education: count(s, groups.education), placement: count(s, groups.placement),
    course: count(s, groups.course), ended: count(s, groups.ended), total: s.total, courses: s.courses, active: s.participants.active,
  }));
}

/** The rows a snapshot on `asOf` freezes, one per initiative, in the order they are written (`COLUMNS`). */
export function snapshotValues(asOf: CalendarDate, initiatives: InitiativeSummary[], statuses: TaxonomyEntry[]): CellValue[][] {
  const figures = new Map(snapshotFigures(initiatives, statuses).map((f) => [f.initiativeId, f]));
  const values = (s: InitiativeSummary): Record<Column, CellValue> => ({ date: dateCell(asOf), ...figures.get(s.initiativeId)!, withdrawn: null });
  return initiatives.map((s) => COLUMNS.map((c) => values(s)[c]));
}

/** The columns of a snapshot row as `snapshotRows` gives them: the initiative ID's place. */
export const SNAPSHOT_ID_INDEX = COLUMNS.indexOf('initiativeId');

/**
 * A snapshot row (as snapshotRows gives it) with its dates as calendar dates, for comparing rows
 * of two workbooks: a date frozen as text in one and held as a date serial in the other is the same.
 */
export function comparableSnapshotRow(row: readonly CellValue[]): CellValue[] {
  return row.map((v, i) => (COLUMNS[i] === 'date' || COLUMNS[i] === 'withdrawn' ? dateOf(v ?? null) ?? v : v));
}

/**
 * The rows of a Statusfotos table in the order it is written (`COLUMNS`), read by header so a
 * table frozen in the other language, or an older one without "Trukket tilbage", reads the same;
 * wholly empty rows left out. What `indsats consolidate` carries.
 */
export function snapshotRows(table: TableRead | undefined): CellValue[][] {
  if (!table) return [];
  const at = columnIndexes(table.header, HEADER_NAMES);
  return table.rows.map((r) => COLUMNS.map((c) => cellAt(r, at[c]) ?? null)).filter((r) => r.some((v) => !isBlank(v)));
}

/**
 * Snapshot rows (in `COLUMNS` order, as planSnapshot and snapshotRows give them) into the table:
 * appended in an existing table's own column order (a column it lacks is left out, except
 * "Trukket tilbage", added when a row carries a withdrawal), or the sheet and table created with
 * the add-in's marker the first time.
 */
export function planSnapshotRows(existing: TableRead | undefined, rows: CellValue[][], lang: Lang): PlanOp[] {
  const t = messages[lang].summary;
  const names = headerOf(lang);
  if (existing) {
    const at = columnIndexes(existing.header, HEADER_NAMES);
    const ops: PlanOp[] = [];
    const withdrawn = COLUMNS.indexOf('withdrawn');
    const width = existing.header.length + (at.withdrawn < 0 && rows.some((r) => !isBlank(r[withdrawn])) ? 1 : 0);
    if (width > existing.header.length) {
      at.withdrawn = existing.header.length;
      ops.push({ kind: 'addColumns', sheet: existing.sheet, table: SNAPSHOT_TABLE, headers: [names.withdrawn] });
      ops.push({ kind: 'layoutColumns', sheet: existing.sheet, table: SNAPSHOT_TABLE, columns: [{ header: names.withdrawn, numberFormat: 'dd-mm-yyyy', width: 14 }] });
    }
    const ordered = rows.map((v) => {
      const row: CellValue[] = Array.from({ length: width }, () => null);
      COLUMNS.forEach((c, i) => {
        if (at[c] >= 0) row[at[c]] = v[i] ?? null;
      });
      return row;
    });
    return [...ops, { kind: 'appendRows', sheet: existing.sheet, table: SNAPSHOT_TABLE, rows: ordered }];
  }
  const header = COLUMNS.map((c) => names[c]);
  // The marker beside the table (the table grows downwards).
  return withControl([
    { kind: 'ensureSheet', sheet: SNAPSHOT_SHEET },
    { kind: 'label', sheet: SNAPSHOT_SHEET, row: 1, column: 1, text: t.snapshotTitle, style: 'title' },
    { kind: 'label', sheet: SNAPSHOT_SHEET, row: 2, column: 1, text: t.snapshotHelp, style: 'subtitle' },
    { kind: 'createTable', sheet: SNAPSHOT_SHEET, table: SNAPSHOT_TABLE, topLeft: { row: 4, column: 1 }, header, rows },
    { kind: 'layoutColumns', sheet: SNAPSHOT_SHEET, table: SNAPSHOT_TABLE, columns: [{ header: names.date, numberFormat: 'dd-mm-yyyy', width: 12 }, { header: names.initiative, width: 40 }, { header: names.withdrawn, numberFormat: 'dd-mm-yyyy', width: 14 }] },
  ], SNAPSHOT_SHEET, messages[lang].workbook.control, 4, COLUMNS.length + 2);
}

/**
 * Snapshot rows into the workbook `read`, as freezing and consolidating do: a table Statusfotos
 * the add-in did not make is refused (NotGeneratedError naming it); the add-in's table gets the
 * rows appended; otherwise the sheet and table are made, after a sheet Statusfotos without the
 * add-in's table is renamed aside (`kept`; `date` is the formatted date its new name carries).
 */
export function planSnapshotInto(read: WorkbookRead, rows: CellValue[][], lang: Lang, date: string): { ops: PlanOp[]; kept?: KeptSheet } {
  const foreign = foreignSnapshotTable(read);
  if (foreign) throw new NotGeneratedError('table', foreign.table!, foreign.sheet);
  const existing = snapshotTable(read);
  const ops = planSnapshotRows(existing, rows, lang);
  if (existing) return { ops };
  refuseTakenTables(read, SNAPSHOT_SHEET, ops);
  const found = findSheet(read, SNAPSHOT_SHEET);
  const kept = found ? keepAside(read, SNAPSHOT_SHEET, hasMarker(found, SNAPSHOT_SHEET) ? 'edited' : 'foreign', date, lang, ops) : { ops: [] };
  return { ops: [...kept.ops, ...ops], ...(kept.kept ? { kept: kept.kept } : {}) };
}

export interface SnapshotPoint {
  date: CalendarDate;
  participants: number;
  active: number;
  job: number;
  education: number;
  ended: number;
}

/** Totals per frozen date, oldest first. */
export function snapshotTrend(table: TableRead | undefined): SnapshotPoint[] {
  if (!table) return [];
  const at = columnIndexes(table.header, HEADER_NAMES);
  const byDate = new Map<CalendarDate, Omit<SnapshotPoint, 'date'>>();
  for (const r of table.rows) {
    const date = dateOf(cellAt(r, at.date));
    if (!date || !safeText(cellAt(r, at.initiativeId)) || isWithdrawn(r, at)) continue;
    const n = (c: Column) => {
      const v = cellAt(r, at[c]);
      return typeof v === 'number' ? v : 0;
    };
    const point = byDate.get(date) ?? { participants: 0, active: 0, job: 0, education: 0, ended: 0 };
    point.participants += n('total');
    point.active += n('active');
    point.job += n('job');
    point.education += n('education');
    point.ended += n('ended');
    byDate.set(date, point);
  }
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, p]) => ({ date, ...p }));
}
