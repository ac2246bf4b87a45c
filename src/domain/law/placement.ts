/**
 * LAB (2019) § 61 as data: how long a company placement (virksomhedspraktik) may last for a target
 * group, and which rule says so. Group codes are those of the built-in target groups (LAB § 6, nr. 1-5
 * = MG01-MG05). Groups whose length no stored source settles (§ 6, nr. 6-13, and sygedagpenge, where
 * two municipal sources disagree) have no limit here: placementLimit returns undefined for them and
 * the taxonomy's own `maxWeeks` stays the only check.
 *
 * The 2019 act is expected to be replaced on 1 January 2027 (src/domain/law/taxonomyVersions.ts);
 * these rules then need checking against the new act's text and numbering.
 */
import { SOURCES, type LawSource } from './sources';

export interface PlacementContext {
  /** Dagpenge: the person has completed at least a short higher education (kort videregående uddannelse). */
  higherEducation?: boolean;
  /** Dagpenge: the person has had ordinary employment since completing that education. */
  employedSinceEducation?: boolean;
  /**
   * Jobparate/uddannelsesparate: no work experience, long unemployment, or otherwise hard to place
   * in subsidised employment.
   */
  hardToPlace?: boolean;
  /** Extensions granted after a concrete assessment (§ 61, stk. 2): 1 = to 26 weeks, each further one +13. */
  extensions?: number;
}

export interface PlacementLimit {
  weeks: number;
  rule: string;
  sources: readonly LawSource[];
  /** When the limit can be extended after a concrete assessment, to how many weeks and by which rule. */
  extendable?: { toWeeks: number; rule: string };
}

const STK1 = 'LAB § 61, stk. 1';
const STK1_NR2 = 'LAB § 61, stk. 1, nr. 2';
const STK2_FIRST = 'LAB § 61, stk. 2, 1. pkt.';
const STK2_FURTHER = 'LAB § 61, stk. 2, 2. pkt.';
const BASE_SOURCES = [SOURCES.lab61, SOURCES.placementKk, SOURCES.placementAarhus, SOURCES.placementCabi] as const;

type Kind = 'insured' | 'readyForJob' | 'activity';
const GROUP_KIND: Readonly<Record<string, Kind>> = {
  MG01: 'insured', // dagpengemodtagere
  MG02: 'readyForJob', // jobparate kontanthjælpsmodtagere
  MG04: 'readyForJob', // uddannelsesparate uddannelseshjælpsmodtagere
  MG03: 'activity', // aktivitetsparate kontanthjælpsmodtagere
  MG05: 'activity', // aktivitetsparate uddannelseshjælpsmodtagere
};

/** The groups this module has a verified limit for. */
export const PLACEMENT_GROUPS: readonly string[] = Object.keys(GROUP_KIND);

/**
 * The maximum length of a company placement for a group in a context, with the rule. Undefined for a
 * group without a verified limit, or for a negative/non-integer number of extensions.
 */
export function placementLimit(group: string, context: PlacementContext = {}): PlacementLimit | undefined {
  const kind = GROUP_KIND[group];
  const extensions = context.extensions ?? 0;
  if (!kind || !Number.isSafeInteger(extensions) || extensions < 0) return undefined;
  if (kind === 'insured') {
    if (context.higherEducation && context.employedSinceEducation === false) return { weeks: 8, rule: STK1, sources: BASE_SOURCES };
    return { weeks: 4, rule: STK1, sources: BASE_SOURCES };
  }
  if (kind === 'readyForJob' && !context.hardToPlace) return { weeks: 4, rule: STK1, sources: BASE_SOURCES };
  // Aktivitetsparate, and jobparate/uddannelsesparate who are hard to place: 13 weeks, extendable.
  if (extensions === 0) return { weeks: 13, rule: STK1_NR2, sources: BASE_SOURCES, extendable: { toWeeks: 26, rule: STK2_FIRST } };
  if (extensions === 1) return { weeks: 26, rule: STK2_FIRST, sources: [SOURCES.lab61], extendable: { toWeeks: 39, rule: STK2_FURTHER } };
  const weeks = 26 + 13 * (extensions - 1);
  return { weeks, rule: STK2_FURTHER, sources: [SOURCES.lab61], extendable: { toWeeks: weeks + 13, rule: STK2_FURTHER } };
}

export type PlacementProblemReason = 'placement-too-long';

export interface PlacementProblem {
  reason: PlacementProblemReason;
  weeks: number;
  maxWeeks: number;
  rule: string;
}

/** A placement of `weeks` weeks checked against placementLimit; no problem when the group has no verified limit. */
export function checkPlacement(group: string, weeks: number, context: PlacementContext = {}): PlacementProblem[] {
  const limit = placementLimit(group, context);
  if (!limit || weeks <= limit.weeks) return [];
  return [{ reason: 'placement-too-long', weeks, maxWeeks: limit.weeks, rule: limit.rule }];
}
