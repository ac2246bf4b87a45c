import type { CalendarDate } from '../parse/calendarDate';

/**
 * KPI indicators the summaries can compute from tracking rows. `jobSubsidyOrPlacement`: in job,
 * løntilskud or company placement (ITMV: "er enten kommet i job, løntilskud eller praktik");
 * `participants`: the citizens themselves ("min. 100 borgere"); `budget`: the initiative's budget
 * in all years ("39,1 mio.").
 */
export type KpiIndicator = 'job' | 'education' | 'jobOrEducation' | 'placement' | 'ordinaryHours' | 'ended' | 'jobSubsidyOrPlacement' | 'participants' | 'budget';

/**
 * What a KPI's target is a number of: a share (the default), a count of citizens, an amount.
 * `base` is the share's denominator: all participants (default) or those who completed the
 * course ("af dem, der har gennemført").
 */
export type KpiKind = 'share' | 'count' | 'amount';
export type KpiBase = 'all' | 'completers';

export interface KpiTarget {
  indicator: KpiIndicator;
  comparator: '>=' | '<=';
  /** share: a fraction (0.3 for 30 %); count: citizens; amount: øre. */
  target: number;
  /** Optional minimum number of weeks, e.g. "40 % i virksomhedspraktik i 13 uger". */
  weeks?: number;
  /** Absent: a share. */
  kind?: Exclude<KpiKind, 'share'>;
  /** Absent: all participants. */
  base?: Exclude<KpiBase, 'all'>;
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
  /** Every responsible unit (`Ansvarlig enhed` "A; B"); `unit` is the first. */
  units?: string[];
  /** The theme above the initiative in the strategy, as typed ("Færre på offentlig forsørgelse > Ungeindsats"). */
  theme?: string;
  /** What the manager reports as of `Status pr.` ("Projektet er på standby"). */
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
  /** A visitation group or trial arm ("Gruppe 1", "Indsatsgruppe", "Kontrolgruppe"). */
  group?: string;
}

export interface StatusLogEntry {
  initiativeId: string;
  date: CalendarDate;
  indicator: string;
  /** The exact number; undefined when the value is approximate or a range (then `approx`). */
  value?: number;
  /** "ca. 60", "10–15": kept and shown as typed, never summed. */
  approx?: { text: string; low: number; high: number; approximate: boolean };
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
  /** Regnskabsår: the accounting year the posting belongs to; undefined = the calendar year of its date. */
  accountingYear?: number;
}
