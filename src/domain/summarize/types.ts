/**
 * Result types of the summaries. They are written to sheets as tables, so they are plain data:
 * no Maps, no class instances, no undefined (a missing figure is `null`), and arrays of
 * `{ code, name, ... }` rows rather than records keyed by code (a record keyed by '1', '2', '3'
 * would be re-ordered by the engine; an array keeps the taxonomy's order). The builders create
 * every object literal in the field order declared here, so the key order is stable.
 */
import type { KpiBase, KpiIndicator, KpiKind } from '../model/types';
import type { CalendarDate } from '../parse/calendarDate';
import type { OutcomeClass } from '../taxonomy/types';

/** Courses (or participants) per outcome class. */
export interface OutcomeCounts {
  active: number;
  job: number;
  education: number;
  ended: number;
}

/** One status of the taxonomy and the number of courses with it as of the date. */
export interface StatusCount {
  code: string;
  name: string;
  /** What the status counts as; null when the taxonomy gives it no outcome class. */
  outcomeClass: OutcomeClass | null;
  courses: number;
}

/** One taxonomy entry (step, goal, ...) and a count. */
export interface CodeCount {
  code: string;
  name: string;
  courses: number;
}

/** Participants (distinct IDs) by the outcome of their latest course as of the date. */
export interface ParticipantOutcomes extends OutcomeCounts {
  /** Latest course has no status the taxonomy knows. */
  withoutStatus: number;
}

/** Fractions (0.308 for 30,8 %) of the distinct participants; null when there are none. */
export interface Shares {
  /** Latest course in a status of outcome class job (ordinary job and løntilskud alike). */
  job: number | null;
  /** Latest course in a status of outcome class education. */
  education: number | null;
  /** FKIB's "beskæftigelse > 18,5 timer eller uddannelse": see `classifyParticipant`. */
  jobOrEducation: number | null;
  /** FKIB's "virksomhedsforløb mv.": latest course in status PRAKTIK or LØNTILSKUD. */
  placement: number | null;
  /** FKIB's "ordinære timer under 18,5 timer": active, not in placement, 0 < hours < 18,5. */
  ordinaryHours: number | null;
  /** Latest course still active. */
  active: number | null;
  /** Latest course ended without job or education. */
  ended: number | null;
}

export type ShareKey = keyof Shares;

/** Active participants against the initiative's places. */
export interface Capacity {
  places: number | null;
  /** Distinct participants with an active course as of the date. */
  active: number;
  /** active / places; null without places (or with 0 places). */
  utilisation: number | null;
}

/** Median course length in weeks, one decimal; null when no course qualifies. */
export interface MedianWeeks {
  /** Courses that are over: from Startdato to Slutdato (or to Statusdato when Slutdato is blank). */
  ended: number | null;
  /** Courses still running: from Startdato to the as-of date. */
  active: number | null;
}

export type KpiAttainment = 'met' | 'notMet' | 'noData';

export interface KpiResult {
  /** What the target is a number of: a share, a count of citizens, an amount (øre). */
  kind: KpiKind;
  /** A share's denominator: all participants, or those who completed the course. */
  base: KpiBase;
  indicator: KpiIndicator;
  /** The target as written in the register. */
  text: string;
  comparator: '>=' | '<=';
  /** share: a fraction; count: citizens; amount: øre. */
  target: number;
  weeks: number | null;
  /** Whether `weeks` was taken into account (only for 'placement'; see `kpi.ts`). */
  weeksApplied: boolean;
  /** Participants counting towards the indicator. */
  participants: number;
  /** The denominator: distinct participants (of the base). */
  total: number;
  /** share: participants / total (null when total is 0); count: participants; amount: the budget in øre (null without one). */
  actual: number | null;
  attainment: KpiAttainment;
}

/** One visitation group or trial arm of a tracking sheet (the column Gruppe). */
export interface GroupFigures {
  /** The group as typed (first spelling seen); '' for courses without a group. */
  group: string;
  courses: number;
  /** Distinct participants of the group, by their latest course in it. */
  participants: ParticipantOutcomes;
}

/** One initiative's tracking sheet as of a date. */
export interface InitiativeSummary {
  initiativeId: string;
  name: string;
  asOf: CalendarDate;
  /** Register: the theme and the manager's status text, when given. */
  theme?: string;
  statusText?: string;
  /** Per group or arm (Gruppe), when any course has one; in order of first appearance, no-group last. */
  byGroup?: GroupFigures[];
  /** Courses that had started on or before the as-of date: what every count below is about. */
  courses: number;
  /** Distinct participant IDs among those courses (trimmed, case-insensitive): ITMV's "I alt". */
  total: number;
  /** Courses on the sheet starting after the as-of date (not counted). */
  notYetStarted: number;
  /** Courses without a Startdato (not counted: they cannot be placed in time). */
  withoutStartDate: number;
  /** Courses per status, every status of the taxonomy in its order, 0 when none. */
  byStatus: StatusCount[];
  /** Courses per outcome class. */
  byOutcome: OutcomeCounts;
  /** Courses without a status the taxonomy knows. byStatus + withoutStatus = courses. */
  withoutStatus: number;
  /** Courses per step, every step of the taxonomy in its order. */
  byStep: CodeCount[];
  /** Courses without a known step. byStep + withoutStep = courses. */
  withoutStep: number;
  /** Participants by the outcome of their latest course. Sums to total. */
  participants: ParticipantOutcomes;
  shares: Shares;
  capacity: Capacity;
  medianWeeks: MedianWeeks;
  kpis: KpiResult[];
}

/** Figures of one portfolio row; participants are distinct IDs, outcomes are by latest course. */
export interface PortfolioFigures {
  initiatives: number;
  courses: number;
  participants: number;
  active: number;
  job: number;
  education: number;
  ended: number;
  withoutStatus: number;
}

export interface PortfolioRow extends PortfolioFigures {
  /** The taxonomy code; '' for initiatives (or courses) with none. */
  code: string;
  /** The taxonomy name; the code itself for a code the taxonomy does not hold; '' for none. */
  name: string;
}

export interface PortfolioSummary {
  asOf: CalendarDate;
  byGoal: PortfolioRow[];
  byTargetGroup: PortfolioRow[];
  byUnit: PortfolioRow[];
  byState: PortfolioRow[];
  totals: PortfolioFigures;
}

/** One initiative's counts at one date (courses per outcome class, as in the ITMV table). */
export interface TrendPoint extends Omit<PortfolioFigures, 'initiatives'> {
  date: CalendarDate;
  byStatus: StatusCount[];
}

export interface InitiativeTrend {
  initiativeId: string;
  name: string;
  points: TrendPoint[];
}

export interface StatusLogPoint {
  date: CalendarDate;
  /** The exact number, or the text of an approximate/ranged count as typed ("ca. 60"). */
  value: number | string;
  comment: string | null;
}

/** One indicator of the Statuslog for one initiative, by date. */
export interface StatusLogSeries {
  initiativeId: string;
  indicator: string;
  points: StatusLogPoint[];
}
