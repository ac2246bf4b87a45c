/**
 * Target groups as versioned law data: which group exists on which date, what replaces it, and the
 * checks a taxonomy must pass for that to work.
 *
 * Dates are course dates. `validFrom`/`validTo` (inclusive, as in taxonomy/matcher.ts) are compared
 * with the date a course (a participant's Startdato) starts, so an end date models "abolished for new
 * citizens": a course that starts after validTo is refused, one that started on or before it keeps its
 * group to the end. That is how lov nr. 1750 abolishes ressourceforløb and revalidering
 * (src/domain/taxonomy/defaults.ts, MG08 and MG10).
 */
import type { CalendarDate } from '../parse/calendarDate';
import type { TaxonomyEntry } from '../taxonomy/types';
import { SOURCES, type LawSource } from './sources';

/** A taxonomy entry with the law data this module adds: its successor and where the dates come from. */
export interface VersionedEntry extends TaxonomyEntry {
  /** The code of the entry that replaces this one once it is no longer in force. */
  mapsTo?: string;
  source?: LawSource;
}

/** A body of law that defines a set of target groups. */
export interface TaxonomyVersion {
  id: string;
  act: string;
  /** When the act's target groups apply; undefined = not known from a stored source. */
  validFrom?: CalendarDate;
  /** false while the act is only agreed or proposed. */
  enacted: boolean;
  source: LawSource;
  /** Codes of the act's groups in this taxonomy; empty when no stored source names them. */
  codes: readonly string[];
}

const date = (iso: string) => iso as CalendarDate;

/** The first course start date on which a new ressourceforløb or revalidering is refused (lov nr. 1750). */
export const NEW_COURSES_REFUSED_FROM = date('2026-02-01');
/** The last course start date on which they are still accepted: the validTo of MG08/MG10 in defaults.ts. */
export const LAST_NEW_COURSE_DATE = date('2026-01-31');
/** The new main act is expected in force on this date (STAR); not enacted when the sources were stored. */
export const NEW_MAIN_ACT_EXPECTED = date('2027-01-01');

export const TAXONOMY_VERSIONS: readonly TaxonomyVersion[] = [
  {
    id: 'LAB-2019',
    act: 'Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7. maj 2019), § 6, nr. 1-13',
    enacted: true,
    source: SOURCES.lab6,
    codes: ['MG01', 'MG02', 'MG03', 'MG04', 'MG05', 'MG06', 'MG07', 'MG08', 'MG09', 'MG10', 'MG11', 'MG12', 'MG13'],
  },
  {
    id: 'LAB-2027',
    act: 'Ny hovedlov om en aktiv beskæftigelsesindsats m.v. (expected in force 1 January 2027; five target groups)',
    validFrom: NEW_MAIN_ACT_EXPECTED,
    enacted: false,
    source: SOURCES.reformProcess,
    // The names of the five groups are not in any stored source (see UNVERIFIED): no codes, no mapping.
    codes: [],
  },
];

/** Law sources per built-in target group, for the end dates set in defaults.ts. */
export const TARGET_GROUP_SOURCES: Readonly<Record<string, LawSource>> = {
  MG08: SOURCES.ressourceforloebFeb2026,
  MG10: SOURCES.ressourceforloebFeb2026,
  LG03: SOURCES.ressourceforloebFeb2026,
};

/** The built-in target groups with their law sources attached (a copy; the input is not changed). */
export function withLawSources(entries: readonly TaxonomyEntry[]): VersionedEntry[] {
  return entries.map((e) => {
    const source = TARGET_GROUP_SOURCES[e.code];
    return source ? { ...e, source } : { ...e };
  });
}

/** Whether the law puts an entry in force on a date: validFrom ≤ date ≤ validTo (either may be open). */
export function entryInForce(entry: Pick<TaxonomyEntry, 'validFrom' | 'validTo'>, date: CalendarDate): boolean {
  if (entry.validFrom && date < entry.validFrom) return false;
  if (entry.validTo && date > entry.validTo) return false;
  return true;
}

/** The active entries of a taxonomy that are in force on a date, in the taxonomy's order. */
export function groupsInForce<E extends TaxonomyEntry>(taxonomy: { readonly entries: readonly E[] }, date: CalendarDate): E[] {
  return taxonomy.entries.filter((e) => e.active && entryInForce(e, date));
}

/**
 * The entry to suggest for a course starting on `date` in a group that is not in force then: follow
 * `mapsTo` (several steps if a successor has itself ended) to the first active entry in force on the
 * date. Undefined when the entry is in force, has no successor, the chain leads nowhere or loops.
 */
export function suggestSuccessor<E extends VersionedEntry>(entry: E, date: CalendarDate, entries: readonly E[]): E | undefined {
  if (entryInForce(entry, date)) return undefined;
  const byCode = new Map<string, E[]>();
  for (const e of entries) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  const seen = new Set<string>([entry.code]);
  let next = entry.mapsTo;
  while (next !== undefined && !seen.has(next)) {
    seen.add(next);
    const versions = byCode.get(next) ?? [];
    const hit = versions.find((v) => v.active && entryInForce(v, date));
    if (hit) return hit;
    next = versions.find((v) => v.mapsTo !== undefined)?.mapsTo;
  }
  return undefined;
}

export type TaxonomyDataProblemReason = 'ends-before-start' | 'overlapping-versions' | 'maps-to-unknown-code' | 'maps-to-itself';

/** A problem in taxonomy data; language-neutral params only (codes, ISO dates, indexes). */
export interface TaxonomyDataProblem {
  reason: TaxonomyDataProblemReason;
  code: string;
  /** Index of the entry in the list checked (the later one for an overlap). */
  index: number;
  /** overlapping-versions: the index of the earlier entry it overlaps. */
  otherIndex?: number;
  validFrom?: CalendarDate;
  validTo?: CalendarDate;
  mapsTo?: string;
}

/**
 * Checks taxonomy data for what would make dates and successors meaningless: an entry whose Gyldig
 * til is before its Gyldig fra, two versions of one code in force on a common day, and a mapping to
 * a code that no entry has (or to the entry's own code). `knownCodes` adds codes from other lists a
 * mapping may point to (e.g. the 2027 groups kept in a separate table).
 */
export function checkTaxonomyData(entries: readonly VersionedEntry[], knownCodes: Iterable<string> = []): TaxonomyDataProblem[] {
  const problems: TaxonomyDataProblem[] = [];
  const codes = new Set<string>([...entries.map((e) => e.code), ...knownCodes]);
  const reversed = (e: VersionedEntry) => e.validFrom !== undefined && e.validTo !== undefined && e.validTo < e.validFrom;
  entries.forEach((e, index) => {
    if (reversed(e)) problems.push({ reason: 'ends-before-start', code: e.code, index, validFrom: e.validFrom, validTo: e.validTo });
  });
  entries.forEach((e, index) => {
    if (reversed(e)) return; // already reported; its period is empty
    for (let j = 0; j < index; j++) {
      const other = entries[j];
      if (!other || other.code !== e.code || reversed(other)) continue;
      if (overlaps(other, e)) problems.push({ reason: 'overlapping-versions', code: e.code, index, otherIndex: j });
    }
  });
  entries.forEach((e, index) => {
    if (e.mapsTo === undefined) return;
    if (e.mapsTo === e.code) problems.push({ reason: 'maps-to-itself', code: e.code, index, mapsTo: e.mapsTo });
    else if (!codes.has(e.mapsTo)) problems.push({ reason: 'maps-to-unknown-code', code: e.code, index, mapsTo: e.mapsTo });
  });
  return problems;
}

/** Two inclusive periods with open ends share at least one day. */
function overlaps(a: VersionedEntry, b: VersionedEntry): boolean {
  const startsBeforeBEnds = a.validFrom === undefined || b.validTo === undefined || a.validFrom <= b.validTo;
  const bStartsBeforeAEnds = b.validFrom === undefined || a.validTo === undefined || b.validFrom <= a.validTo;
  return startsBeforeBEnds && bStartsBeforeAEnds;
}
