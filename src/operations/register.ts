/**
 * Registering from the task pane, the caseworker's daily work: *Ny status* sets the status, its
 * date and the step on a participant's latest course; *Ny deltager* appends a course. Each writes
 * one row through one plan, then validates that row against the workbook.
 */
import { participantTableName } from '../domain/model/schema';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { parseDate } from '../domain/parse/date';
import { safeText, type CellValue } from '../domain/parse/cell';
import { isBlank } from '../domain/parse/excelError';
import { matchKey } from '../domain/taxonomy/normalize';
import { entryUsableOn, TaxonomyMatcher } from '../domain/taxonomy/matcher';
import type { TaxonomyEntry } from '../domain/taxonomy/types';
import { validateWorkbook, type Finding } from '../domain/validate';
import { columnIndexes } from '../workbook/columns';
import { findTableRead, tablesOf, type TableRead, type WorkbookRead } from '../workbook/read';
import { planAppendRow, planSetRow, type RowValues } from '../workbook/registration';
import type { LiveWorkbook } from './liveWorkbook';

export interface TrackingInitiative {
  id: string;
  name: string;
  sheet: string;
  /** Target-group codes of the initiative (empty = any). */
  targetGroups: string[];
}

export interface ParticipantCourseRow {
  id: string;
  /** 0-based data row in the table, and the sheet row. */
  index: number;
  row: number;
  status: string;
  step: string;
  start?: CalendarDate;
  open: boolean;
}

export interface RegistrationContext {
  initiatives: TrackingInitiative[];
  /** The initiative whose tracking sheet is active, if it is one. */
  active?: string;
  /** Per initiative: each participant's latest course, by ID. */
  participants: Record<string, ParticipantCourseRow[]>;
  statuses: TaxonomyEntry[];
  steps: TaxonomyEntry[];
  targetGroups: TaxonomyEntry[];
}

const COLUMNS = {
  id: ['Deltager-ID'], start: ['Startdato'], group: ['Målgruppe'], step: ['Trin'], status: ['Status'], statusDate: ['Statusdato'], end: ['Slutdato'],
} as const;

function latestCourses(table: TableRead): ParticipantCourseRow[] {
  const c = columnIndexes(table.header, COLUMNS);
  const latest = new Map<string, ParticipantCourseRow>();
  table.rows.forEach((r, index) => {
    const id = safeText(r[c.id]).trim();
    if (!id) return;
    const parsed = parseDate(r[c.start] ?? null);
    const start = parsed.ok ? parsed.value : undefined;
    const course: ParticipantCourseRow = {
      id, index, row: table.headerRow + 1 + index, status: safeText(r[c.status]).trim(), step: safeText(r[c.step]).trim(), start, open: c.end < 0 || isBlank(r[c.end] ?? null),
    };
    const before = latest.get(id.toUpperCase());
    if (!before || (start ?? '') >= (before.start ?? '')) latest.set(id.toUpperCase(), course);
  });
  return [...latest.values()].sort((a, b) => a.id.localeCompare(b.id, 'da'));
}

function contextOf(read: WorkbookRead, asOf: CalendarDate, activeSheet?: string): RegistrationContext {
  const { model, taxonomies } = validateWorkbook(tablesOf(read), { asOf });
  const initiatives: TrackingInitiative[] = [];
  const participants: Record<string, ParticipantCourseRow[]> = {};
  for (const i of model.initiatives) {
    const table = findTableRead(read, participantTableName(i.id));
    if (!table) continue;
    initiatives.push({ id: i.id, name: i.name, sheet: table.sheet, targetGroups: i.targetGroups });
    participants[i.id] = latestCourses(table);
  }
  const usable = (entries: TaxonomyEntry[]) => entries.filter((e) => entryUsableOn(e, asOf));
  const active = initiatives.find((i) => i.sheet.toLowerCase() === activeSheet?.toLowerCase())?.id;
  return {
    initiatives, participants, ...(active ? { active } : {}),
    statuses: usable(taxonomies.statuses.entries), steps: usable(taxonomies.steps.entries), targetGroups: usable(taxonomies.targetGroups.entries),
  };
}

/** What the registration forms offer: the tracking sheets, their participants, statuses, steps and target groups. */
export async function readRegistration(workbook: LiveWorkbook, asOf: CalendarDate): Promise<RegistrationContext> {
  const [read, active] = await Promise.all([workbook.read(), workbook.activeSheet().catch(() => undefined)]);
  return contextOf(read, asOf, active);
}

/**
 * The items a typed text stands for: the one it names exactly (after normalisation: case, accents,
 * spacing), else every item one of whose texts contains it ("003" → ITMV-003, "prak" → I
 * virksomhedspraktik via its synonym Praktik).
 */
export function matchTyped<T>(text: string, items: readonly T[], texts: (item: T) => string[]): T[] {
  const key = matchKey(text);
  if (!key) return [];
  const exact = items.filter((item) => texts(item).some((t) => matchKey(t) === key));
  if (exact.length) return exact;
  return items.filter((item) => texts(item).some((t) => matchKey(t).includes(key)));
}

export const entryTexts = (e: TaxonomyEntry) => [e.name, e.code, ...e.synonyms];

/** The step a status puts a participant on: its only step, else the current one if the status allows it, else its first. */
export function inferStep(status: TaxonomyEntry | undefined, current?: string): string {
  const steps = status?.steps ?? [];
  if (steps.length === 1) return String(steps[0]);
  if (current && (!steps.length || steps.includes(Number(current)))) return current;
  return steps.length ? String(steps[0]) : (current ?? '');
}

export type RegistrationProblem = 'no-table' | 'unknown-participant' | 'unknown-status' | 'unknown-target-group' | 'id-required' | 'open-course';

export type RegistrationResult =
  | { kind: 'problem'; problem: RegistrationProblem }
  | { kind: 'ok'; sheet: string; row: number; participantId: string; findings: Finding[]; context: RegistrationContext };

const stepValue = (step: string): CellValue => (step === '' ? null : /^\d+$/.test(step) ? Number(step) : step);

async function validateRow(workbook: LiveWorkbook, initiativeId: string, participantId: string, asOf: CalendarDate, index?: number) {
  const read = await workbook.read();
  const table = findTableRead(read, participantTableName(initiativeId))!;
  const rowIndex = index ?? table.rows.map((r) => safeText(r[columnIndexes(table.header, COLUMNS).id]).trim().toUpperCase()).lastIndexOf(participantId.toUpperCase());
  const row = table.headerRow + 1 + rowIndex;
  const { findings } = validateWorkbook(tablesOf(read), { asOf });
  return { sheet: table.sheet, row, findings: findings.filter((f) => f.sheet === table.sheet && f.row === row), context: contextOf(read, asOf, table.sheet) };
}

export interface StatusChange {
  initiativeId: string;
  participantId: string;
  /** The status's name as the list has it. */
  status: string;
  date: CalendarDate;
  step: string;
}

/**
 * Sets Status, Statusdato and Trin on the participant's latest course; a status that ends the
 * course (job, education, ended) also sets Slutdato when it is empty.
 */
export async function registerStatus(workbook: LiveWorkbook, change: StatusChange, asOf: CalendarDate): Promise<RegistrationResult> {
  const read = await workbook.read();
  const table = findTableRead(read, participantTableName(change.initiativeId));
  if (!table) return { kind: 'problem', problem: 'no-table' };
  const context = contextOf(read, asOf);
  const course = context.participants[change.initiativeId]?.find((p) => p.id.toUpperCase() === change.participantId.trim().toUpperCase());
  if (!course) return { kind: 'problem', problem: 'unknown-participant' };
  const status = new TaxonomyMatcher({ key: 'statuses', tableName: 'Statusser', entries: context.statuses }).match(change.status);
  if (status.kind !== 'match') return { kind: 'problem', problem: 'unknown-status' };
  const values: RowValues = { Status: status.entry.name, Statusdato: { date: change.date }, Trin: stepValue(change.step) };
  if (status.entry.outcomeClass && status.entry.outcomeClass !== 'active' && course.open) values.Slutdato = { date: change.date };
  await workbook.apply({ ops: [planSetRow(table, course.index, values)] });
  return { kind: 'ok', participantId: course.id, ...(await validateRow(workbook, change.initiativeId, course.id, asOf, course.index)) };
}

export interface NewParticipant {
  initiativeId: string;
  participantId: string;
  start: CalendarDate;
  /** Names as the lists have them. */
  targetGroup: string;
  status: string;
  step: string;
  age?: number;
}

/** Appends a course; refused while the participant has a course without an end date (use *Ny status*). */
export async function registerParticipant(workbook: LiveWorkbook, entry: NewParticipant, asOf: CalendarDate): Promise<RegistrationResult> {
  const id = entry.participantId.trim();
  if (!id) return { kind: 'problem', problem: 'id-required' };
  const read = await workbook.read();
  const table = findTableRead(read, participantTableName(entry.initiativeId));
  if (!table) return { kind: 'problem', problem: 'no-table' };
  const context = contextOf(read, asOf);
  if (context.participants[entry.initiativeId]?.some((p) => p.id.toUpperCase() === id.toUpperCase() && p.open)) return { kind: 'problem', problem: 'open-course' };
  const status = new TaxonomyMatcher({ key: 'statuses', tableName: 'Statusser', entries: context.statuses }).match(entry.status);
  if (status.kind !== 'match') return { kind: 'problem', problem: 'unknown-status' };
  const group = new TaxonomyMatcher({ key: 'targetGroups', tableName: 'Målgrupper', entries: context.targetGroups }).match(entry.targetGroup);
  if (group.kind !== 'match') return { kind: 'problem', problem: 'unknown-target-group' };
  const values: RowValues = {
    'Deltager-ID': id, Startdato: { date: entry.start }, Målgruppe: group.entry.name, Trin: stepValue(entry.step), Status: status.entry.name, Statusdato: { date: entry.start },
    ...(entry.age !== undefined ? { Alder: entry.age } : {}),
  };
  await workbook.apply({ ops: [planAppendRow(table, values)] });
  return { kind: 'ok', participantId: id, ...(await validateRow(workbook, entry.initiativeId, id, asOf)) };
}

/** The next free ID in the initiative's pattern: ITMV-019 → ITMV-020; the initiative's ID and -001 when none. */
export function nextParticipantId(initiativeId: string, participants: readonly ParticipantCourseRow[]): string {
  let best: { prefix: string; n: number; width: number } | undefined;
  for (const p of participants) {
    const m = /^(.*?)(\d+)$/.exec(p.id);
    if (m && (!best || Number(m[2]) > best.n)) best = { prefix: m[1], n: Number(m[2]), width: m[2].length };
  }
  return best ? `${best.prefix}${String(best.n + 1).padStart(best.width, '0')}` : `${initiativeId}-001`;
}
