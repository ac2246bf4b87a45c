/**
 * A course "as of" a date. The tracking sheet keeps only each course's CURRENT status and the date
 * it was set (Statusdato); earlier statuses are overwritten. So a summary for an earlier date is an
 * approximation:
 *  - a course counts from its Startdato (courses starting later, or without one, do not count);
 *  - a status set on or before the date (or with no Statusdato) is taken as the status then;
 *  - a status set AFTER the date replaced something we no longer know. We assume the participant
 *    was still in the course: the taxonomy's first status of outcome class 'active' (FORLØB) on
 *    its first step. A participant who went from the course to placement to job shows as "in the
 *    course" before the job, never as "in placement";
 *  - a course whose Slutdato is on or before the date while its status (as above) is still active
 *    has ended without the status being updated: it counts as AFSLUTTET ("Afsluttet uden job eller
 *    uddannelse"), or the taxonomy's first status of class 'ended' if AFSLUTTET is gone.
 *    (The validator's capacity check treats Slutdato = the date as still active; this one does not.)
 */
import type { ParticipantCourse } from '../model/types';
import type { CalendarDate } from '../parse/calendarDate';
import type { OutcomeClass, TaxonomyEntry, TaxonomySet } from '../taxonomy/types';

/** Statuses that count as "virksomhedsforløb mv." (FKIB: virksomhedspraktik, løntilskud). */
export const PLACEMENT_STATUS_CODES: readonly string[] = ['PRAKTIK', 'LØNTILSKUD'];

/** The ordinary-hours line of the FKIB status: "> 18,5 timer" and "under 18,5 timer". */
export const ORDINARY_HOURS_LINE = 18.5;

/** The status an ended-but-not-updated course gets, if the taxonomy holds it. */
const ENDED_FALLBACK_CODE = 'AFSLUTTET';

/** Codes compare trimmed and case-insensitively, like participant IDs. */
export const codeKey = (code: string): string => code.trim().toUpperCase();

/** A participant's identity within a summary: the ID trimmed, case-insensitive. */
export const participantKey = (id: string): string => id.trim().toUpperCase();

/** What the as-of rules need from the taxonomies, looked up once per summary. */
export interface StatusRules {
  statuses: TaxonomyEntry[];
  steps: TaxonomyEntry[];
  statusByCode: Map<string, TaxonomyEntry>;
  stepByCode: Map<string, TaxonomyEntry>;
  /** Assumed status before a change made after the date. */
  before: TaxonomyEntry | undefined;
  /** Assumed step before such a change. */
  beforeStep: string | undefined;
  /** Status of a course that ended while still active. */
  endedFallback: TaxonomyEntry | undefined;
}

export function statusRules(taxonomies: TaxonomySet): StatusRules {
  const statuses = taxonomies.statuses.entries;
  const steps = taxonomies.steps.entries;
  const statusByCode = new Map(statuses.map((e) => [codeKey(e.code), e] as const));
  const stepByCode = new Map(steps.map((e) => [codeKey(e.code), e] as const));
  const before = statuses.find((e) => e.outcomeClass === 'active');
  // The first step the assumed status allows, when the step taxonomy holds it; else the first step.
  const allowed = before?.steps?.map(String).find((s) => stepByCode.has(codeKey(s)));
  const beforeStep = allowed !== undefined ? stepByCode.get(codeKey(allowed))!.code : steps[0]?.code;
  const fallback = statusByCode.get(codeKey(ENDED_FALLBACK_CODE));
  const endedFallback = fallback?.outcomeClass === 'ended' ? fallback : statuses.find((e) => e.outcomeClass === 'ended');
  return { statuses, steps, statusByCode, stepByCode, before, beforeStep, endedFallback };
}

export interface CourseAsOf {
  course: ParticipantCourse;
  /** Position in the input: the last tie-break for "latest course". */
  index: number;
  participant: string;
  start: CalendarDate;
  /** The status as of the date, when the taxonomy knows it. */
  status: TaxonomyEntry | undefined;
  outcome: OutcomeClass | undefined;
  /** Step code as of the date, when the taxonomy knows it. */
  step: string | undefined;
}

/** The course as of the date, or undefined when it had not started (or has no Startdato). */
export function courseAsOf(course: ParticipantCourse, index: number, rules: StatusRules, asOf: CalendarDate): CourseAsOf | undefined {
  const start = course.start;
  if (start === undefined || start > asOf) return undefined;
  let status = course.status === undefined ? undefined : rules.statusByCode.get(codeKey(course.status));
  let step = course.step === undefined ? undefined : rules.stepByCode.get(codeKey(course.step))?.code;
  if (course.statusDate !== undefined && course.statusDate > asOf) {
    status = rules.before;
    step = rules.beforeStep;
  }
  if (course.end !== undefined && course.end <= asOf && status?.outcomeClass === 'active') status = rules.endedFallback;
  return { course, index, participant: participantKey(course.participantId), start, status, outcome: status?.outcomeClass, step };
}

/** The courses counted as of the date, plus how many were left out and why. */
export function coursesAsOf(courses: readonly ParticipantCourse[], rules: StatusRules, asOf: CalendarDate) {
  const counted: CourseAsOf[] = [];
  let notYetStarted = 0;
  let withoutStartDate = 0;
  courses.forEach((course, index) => {
    const c = courseAsOf(course, index, rules, asOf);
    if (c) counted.push(c);
    else if (course.start === undefined) withoutStartDate++;
    else notYetStarted++;
  });
  return { counted, notYetStarted, withoutStartDate };
}

/** Later start wins; then the later Statusdato; then the row further down the sheet. */
function isLater(a: CourseAsOf, b: CourseAsOf): boolean {
  if (a.start !== b.start) return a.start > b.start;
  const sa = a.course.statusDate ?? '';
  const sb = b.course.statusDate ?? '';
  if (sa !== sb) return sa > sb;
  return a.index > b.index;
}

/**
 * Each participant's latest course. Outcome figures are per participant by this course, so a
 * citizen who ended after step 1 and came back counts once, by the new course (ITMV-017).
 */
export function latestCourses(courses: readonly CourseAsOf[]): CourseAsOf[] {
  const latest = new Map<string, CourseAsOf>();
  for (const c of courses) {
    const seen = latest.get(c.participant);
    if (!seen || isLater(c, seen)) latest.set(c.participant, c);
  }
  return [...latest.values()];
}

export const isPlacement = (c: CourseAsOf): boolean => c.status !== undefined && PLACEMENT_STATUS_CODES.includes(codeKey(c.status.code));

/**
 * The FKIB-style categories of a participant's latest course. They are exclusive, so the three
 * shares can be shown side by side:
 *  - placement: status PRAKTIK or LØNTILSKUD (løntilskud is subsidised, not ordinary, work);
 *  - jobOrEducation: otherwise, class education; or class job with ordinary hours > 18,5 or with
 *    no hours recorded (the hours column is optional; a job status without hours is taken as an
 *    ordinary job rather than silently counted as nothing);
 *  - ordinaryHours: otherwise, class active with 0 < ordinary hours < 18,5.
 */
export function fkibCategory(c: CourseAsOf): 'placement' | 'jobOrEducation' | 'ordinaryHours' | undefined {
  if (isPlacement(c)) return 'placement';
  const hours = c.course.ordinaryHoursPerWeek;
  if (c.outcome === 'education') return 'jobOrEducation';
  if (c.outcome === 'job' && (hours === undefined || hours > ORDINARY_HOURS_LINE)) return 'jobOrEducation';
  if (c.outcome === 'active' && hours !== undefined && hours > 0 && hours < ORDINARY_HOURS_LINE) return 'ordinaryHours';
  return undefined;
}
