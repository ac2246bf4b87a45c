import type { CalendarDate } from '../parse/calendarDate';

/** KPI indicators the summaries can compute from tracking rows. */
export type KpiIndicator = 'job' | 'education' | 'jobOrEducation' | 'placement' | 'ordinaryHours' | 'ended';

export interface KpiTarget {
  indicator: KpiIndicator;
  comparator: '>=' | '<=';
  /** A fraction: 0.3 for 30 %. */
  target: number;
  /** Optional minimum number of weeks, e.g. "40 % i virksomhedspraktik i 13 uger". */
  weeks?: number;
  text: string;
}

export interface Initiative {
  id: string;
  name: string;
  unit?: string;
  goals: string[];
  targetGroups: string[];
  start?: CalendarDate;
  end?: CalendarDate;
  places?: number;
  state?: string;
  offer?: string;
  courseWeeks?: number;
  kpis: KpiTarget[];
  /** The date the tracking sheet reflects ("Status pr."). */
  statusDate?: CalendarDate;
  /** The theme above it in the strategy ("Færre på offentlig forsørgelse > Ungeindsats"). */
  theme?: string;
  /** What the manager reports as of `statusDate`. */
  statusText?: string;
}

/** One row of a tracking sheet: one participant's course in one initiative. */
export interface ParticipantCourse {
  initiativeId: string;
  participantId: string;
  start?: CalendarDate;
  targetGroup?: string;
  step?: string;
  status?: string;
  statusDate?: CalendarDate;
  end?: CalendarDate;
  ordinaryHoursPerWeek?: number;
  age?: number;
  remark?: string;
}

export interface StatusLogEntry {
  initiativeId: string;
  date: CalendarDate;
  indicator: string;
  value: number;
  comment?: string;
}

export interface BudgetLine {
  initiativeId: string;
  year: number;
  source: string;
  amountOre: number;
  /** Refund rate in basis points (5000 = 50 %). */
  refundRateBp?: number;
}

export interface Posting {
  initiativeId: string;
  date: CalendarDate;
  type: string;
  amountOre: number;
  voucher?: string;
  source?: string;
}
