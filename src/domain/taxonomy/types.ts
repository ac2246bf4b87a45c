import type { CalendarDate } from '../parse/calendarDate';

/** Outcome class of a participant status: what the ITMV status table and the summaries count. */
export type OutcomeClass = 'active' | 'job' | 'education' | 'ended';

export const OUTCOME_CLASSES: readonly OutcomeClass[] = ['active', 'job', 'education', 'ended'];

/** Keys of the built-in taxonomies. Each is one Excel table on the sheet `Taksonomier`. */
export type TaxonomyKey =
  | 'goals'
  | 'targetGroups'
  | 'statuses'
  | 'steps'
  | 'offers'
  | 'units'
  | 'fundingSources'
  | 'initiativeStates'
  | 'postingTypes';

export interface TaxonomyEntry {
  code: string;
  name: string;
  synonyms: string[];
  active: boolean;
  validFrom?: CalendarDate;
  validTo?: CalendarDate;
  /** statuses: what the status counts as. */
  outcomeClass?: OutcomeClass;
  /** statuses: the steps (trin) a participant with this status can be on; empty = any. */
  steps?: number[];
  /** target groups: age bounds in whole years, inclusive. */
  minAge?: number;
  maxAge?: number;
  /** target groups: the law reference, e.g. "LAB § 6, nr. 3". */
  lawRef?: string;
  /**
   * The code of the entry that replaces this one once it is no longer in force (`Erstattes af`):
   * suggested for rows dated after its Gyldig til, and what the portfolio counts it under.
   */
  mapsTo?: string;
  /** offers: maximum length in weeks per target-group code ("*" = any other group). */
  maxWeeks?: Record<string, number>;
}

export interface Taxonomy {
  key: TaxonomyKey;
  /** Excel table name and the heading on the sheet, e.g. "Målgrupper". */
  tableName: string;
  entries: TaxonomyEntry[];
}

export type TaxonomySet = Record<TaxonomyKey, Taxonomy>;
