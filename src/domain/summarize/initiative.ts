/**
 * One initiative's tracking sheet summarised as of a date: the ITMV status table (courses per
 * status, citizens in all), the FKIB shares, capacity, course lengths and KPI attainment.
 * The as-of rules (and their approximation) are in `asOf.ts`.
 *
 * Two kinds of figure, deliberately: status, outcome and step counts are per COURSE (the ITMV table
 * counts a citizen with two courses twice in its parts); `total`, `participants`, `shares`,
 * `capacity` and KPIs are per distinct PARTICIPANT ID, by each participant's latest course.
 */
import type { BudgetLine, Initiative, ParticipantCourse } from '../model/types';
import type { CalendarDate } from '../parse/calendarDate';
import type { TaxonomySet } from '../taxonomy/types';
import { codeKey, coursesAsOf, latestCourses, statusRules, type CourseAsOf, type StatusRules } from './asOf';
import { countByOutcome, countByStatus, countByStep, fraction, medianWeeks, participantOutcomes, shares } from './figures';
import { evaluateKpis } from './kpi';
import type { GroupFigures, InitiativeSummary } from './types';

/**
 * Summarises the initiative's courses as of `asOf`. `courses` may hold other initiatives' courses
 * too (e.g. the whole model's participants): only those whose initiativeId matches (trimmed,
 * case-insensitive) are used.
 */
export function summarizeInitiative(
  initiative: Initiative,
  courses: readonly ParticipantCourse[],
  taxonomies: TaxonomySet,
  asOf: CalendarDate,
): InitiativeSummary {
  const id = codeKey(initiative.id);
  return summarizeOwn(initiative, courses.filter((c) => codeKey(c.initiativeId) === id), statusRules(taxonomies), asOf);
}

/** Courses per initiative ID (trimmed, case-insensitive), so repeated summaries filter once. */
export function coursesByInitiative(courses: readonly ParticipantCourse[]): Map<string, ParticipantCourse[]> {
  const byId = new Map<string, ParticipantCourse[]>();
  for (const c of courses) {
    const key = codeKey(c.initiativeId);
    const list = byId.get(key);
    if (list) list.push(c);
    else byId.set(key, [c]);
  }
  return byId;
}

/** The summary of courses already known to be the initiative's, with the taxonomy lookups made once. */
export function summarizeOwn(initiative: Initiative, own: readonly ParticipantCourse[], rules: StatusRules, asOf: CalendarDate, budgetOre?: number): InitiativeSummary {
  const { counted, notYetStarted, withoutStartDate } = coursesAsOf(own, rules, asOf);
  const latest = latestCourses(counted);
  const { byStatus, withoutStatus } = countByStatus(counted, rules);
  const { byStep, withoutStep } = countByStep(counted, rules);
  const active = new Set(counted.filter((c) => c.outcome === 'active').map((c) => c.participant)).size;
  const places = initiative.places ?? null;
  const byGroup = groupFigures(counted);
  return {
    initiativeId: initiative.id,
    name: initiative.name,
    asOf,
    courses: counted.length,
    total: latest.length,
    notYetStarted,
    withoutStartDate,
    byStatus,
    byOutcome: countByOutcome(counted),
    withoutStatus,
    byStep,
    withoutStep,
    participants: participantOutcomes(latest),
    shares: shares(latest),
    capacity: { places, active, utilisation: places ? fraction(active, places) : null },
    medianWeeks: medianWeeks(counted, asOf),
    kpis: evaluateKpis(initiative.kpis, counted, latest, asOf, {
      ...(initiative.courseWeeks !== undefined && { courseWeeks: initiative.courseWeeks }),
      ...(budgetOre !== undefined && { budgetOre }),
    }),
    // After the figures, and only when given (eng/law): the register's theme and status text, the groups' figures.
    ...(initiative.theme !== undefined && { theme: initiative.theme }),
    ...(initiative.statusText !== undefined && { statusText: initiative.statusText }),
    ...(byGroup && { byGroup }),
  };
}

/** Figures per group or arm (matched trimmed, case-insensitively); undefined when no course has a group. */
function groupFigures(counted: readonly CourseAsOf[]): GroupFigures[] | undefined {
  if (!counted.some((c) => c.course.group)) return undefined;
  const groups = new Map<string, { group: string; courses: CourseAsOf[] }>();
  for (const c of counted) {
    const name = c.course.group?.trim() ?? '';
    const key = codeKey(name);
    const g = groups.get(key) ?? { group: name, courses: [] };
    g.courses.push(c);
    groups.set(key, g);
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.group !== ''), ...all.filter((g) => g.group === '')]
    .map((g) => ({ group: g.group, courses: g.courses.length, participants: participantOutcomes(latestCourses(g.courses)) }));
}

/**
 * Every initiative of the register, each as of its own "Status pr." when that is earlier than
 * `asOf` (the sheet says nothing after it: its active courses would otherwise look like they run
 * on), else as of `asOf`.
 */
export function summarizeInitiatives(
  model: { initiatives: readonly Initiative[]; participants: readonly ParticipantCourse[]; budget?: readonly BudgetLine[] },
  taxonomies: TaxonomySet,
  asOf: CalendarDate,
): InitiativeSummary[] {
  const rules = statusRules(taxonomies);
  const byId = coursesByInitiative(model.participants);
  // Budget in all years per initiative, for KPI targets that are amounts ("39,1 mio.").
  const budget = new Map<string, number>();
  for (const b of model.budget ?? []) if (Number.isSafeInteger(b.amountOre)) budget.set(codeKey(b.initiativeId), (budget.get(codeKey(b.initiativeId)) ?? 0) + b.amountOre);
  return model.initiatives.map((i) =>
    summarizeOwn(i, byId.get(codeKey(i.id)) ?? [], rules, i.statusDate !== undefined && i.statusDate < asOf ? i.statusDate : asOf, budget.get(codeKey(i.id))));
}
