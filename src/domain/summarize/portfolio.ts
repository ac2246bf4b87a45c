/**
 * The portfolio: all initiatives by goal, by target group, by responsible unit and by state, with
 * grand totals.
 *
 * Participants are distinct IDs (trimmed, case-insensitive) across the initiatives of a row. The
 * IDs are pseudonyms chosen per initiative, so the same citizen in two initiatives normally has two
 * IDs and is counted twice; only an identical ID in both is counted once. Totals are therefore an
 * upper bound on the number of citizens, not a head count.
 *
 * Each initiative is read as of its own "Status pr." when that is earlier than `asOf` (like
 * `summarizeInitiatives`), so a closed tracking sheet's courses do not look active for ever.
 * Courses of initiatives missing from the register are left out (validation reports them).
 *
 * Rows: every code of the taxonomy in its order (0 where none); then codes used but not in the
 * taxonomy (name = code), in order of appearance; then a row with code '' for initiatives (target
 * groups: courses) with no code, only when there are any.
 */
import type { Initiative, ParticipantCourse } from '../model/types';
import type { CalendarDate } from '../parse/calendarDate';
import type { TaxonomyEntry, TaxonomySet } from '../taxonomy/types';
import { canonicalCode } from '../taxonomy/matcher';
import { codeKey, coursesAsOf, latestCourses, statusRules, type CourseAsOf } from './asOf';
import { participantOutcomes } from './figures';
import { coursesByInitiative } from './initiative';
import type { PortfolioFigures, PortfolioRow, PortfolioSummary } from './types';

interface Bucket {
  code: string;
  name: string;
  fromTaxonomy: boolean;
  initiatives: Set<number>;
  courses: CourseAsOf[];
}

/** Rows of one breakdown, in the order described in the file comment. */
class Breakdown {
  private readonly buckets = new Map<string, Bucket>();

  constructor(entries: readonly TaxonomyEntry[]) {
    for (const e of entries) this.buckets.set(codeKey(e.code), { code: e.code, name: e.name, fromTaxonomy: true, initiatives: new Set(), courses: [] });
  }

  bucket(code: string | undefined): Bucket {
    const key = codeKey(code ?? '');
    let b = this.buckets.get(key);
    if (!b) {
      b = { code: key === '' ? '' : code!.trim(), name: key === '' ? '' : code!.trim(), fromTaxonomy: false, initiatives: new Set(), courses: [] };
      this.buckets.set(key, b);
    }
    return b;
  }

  rows(): PortfolioRow[] {
    const all = [...this.buckets.values()];
    const none = all.filter((b) => b.code === '' && (b.initiatives.size > 0 || b.courses.length > 0));
    return [...all.filter((b) => b.code !== ''), ...none].map((b) => ({ code: b.code, name: b.name, ...figures(b.initiatives.size, b.courses) }));
  }
}

function figures(initiatives: number, courses: readonly CourseAsOf[]): PortfolioFigures {
  const o = participantOutcomes(latestCourses(courses));
  return {
    initiatives,
    courses: courses.length,
    participants: o.active + o.job + o.education + o.ended + o.withoutStatus,
    active: o.active,
    job: o.job,
    education: o.education,
    ended: o.ended,
    withoutStatus: o.withoutStatus,
  };
}

const unique = (codes: readonly string[]): string[] => [...new Map(codes.map((c) => [codeKey(c), c] as const)).values()];

export function summarizePortfolio(
  model: { initiatives: readonly Initiative[]; participants: readonly ParticipantCourse[] },
  taxonomies: TaxonomySet,
  asOf: CalendarDate,
): PortfolioSummary {
  const rules = statusRules(taxonomies);
  const byId = coursesByInitiative(model.participants);
  const byGoal = new Breakdown(taxonomies.goals.entries);
  // A group the law replaced (Erstattes af) is counted under its successor, so the table reads across the change.
  const groupEntries = taxonomies.targetGroups.entries;
  const mapped = (code: string | undefined) => (code === undefined ? undefined : canonicalCode(groupEntries, code));
  const byTargetGroup = new Breakdown(groupEntries.filter((e) => mapped(e.code) === e.code));
  const byUnit = new Breakdown(taxonomies.units.entries);
  const byState = new Breakdown(taxonomies.initiativeStates.entries);
  const all: CourseAsOf[] = [];
  const seen = new Set<string>();

  model.initiatives.forEach((initiative, n) => {
    const key = codeKey(initiative.id);
    // A duplicated register ID (a validation error) must not count its courses twice.
    const own = seen.has(key) ? [] : (byId.get(key) ?? []);
    seen.add(key);
    const date = initiative.statusDate !== undefined && initiative.statusDate < asOf ? initiative.statusDate : asOf;
    const { counted } = coursesAsOf(own, rules, date);
    all.push(...counted);
    const add = (b: Bucket) => {
      b.initiatives.add(n);
      b.courses.push(...counted);
    };
    const goals = unique(initiative.goals);
    if (goals.length) goals.forEach((g) => add(byGoal.bucket(g)));
    else add(byGoal.bucket(undefined));
    // An initiative run by several units counts in each of them (so the unit rows may add up to more than the total).
    const units = unique(initiative.units ?? (initiative.unit !== undefined ? [initiative.unit] : []));
    if (units.length) units.forEach((u) => add(byUnit.bucket(u)));
    else add(byUnit.bucket(undefined));
    add(byState.bucket(initiative.state));
    // Target groups: initiatives by the groups the register aims at, participants by their own.
    const groups = unique(initiative.targetGroups);
    if (groups.length) new Set(groups.map(mapped)).forEach((g) => byTargetGroup.bucket(g).initiatives.add(n));
    else byTargetGroup.bucket(undefined).initiatives.add(n);
    for (const c of counted) byTargetGroup.bucket(mapped(c.course.targetGroup)).courses.push(c);
  });

  return {
    asOf,
    byGoal: byGoal.rows(),
    byTargetGroup: byTargetGroup.rows(),
    byUnit: byUnit.rows(),
    byState: byState.rows(),
    totals: figures(model.initiatives.length, all),
  };
}
