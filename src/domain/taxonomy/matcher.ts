import type { CalendarDate } from '../parse/calendarDate';
import { editDistance, matchKey, normalizeWords, stemKey } from './normalize';
import type { Taxonomy, TaxonomyEntry } from './types';

export type MatchVia = 'code' | 'name' | 'synonym';

export interface Suggestion {
  entry: TaxonomyEntry;
  /** 0..1, higher is closer. */
  score: number;
}

export type MatchResult =
  | { kind: 'match'; entry: TaxonomyEntry; via: MatchVia }
  | { kind: 'none'; suggestions: Suggestion[] };

interface Candidate {
  entry: TaxonomyEntry;
  stem: string;
  words: string[];
}

const MAX_SUGGESTIONS = 3;

/**
 * Matches typed values to one taxonomy's entries: exactly on code, name or synonym after
 * normalisation (case, accents, æ/ø/å spelling, spacing, punctuation), otherwise returns the
 * closest entries as suggestions (inflection, small typos, a partial name). Results are cached per
 * input text because a sheet repeats the same few values many thousand times.
 */
export class TaxonomyMatcher {
  private readonly exact = new Map<string, { entry: TaxonomyEntry; via: MatchVia }>();
  private readonly candidates: Candidate[] = [];
  private readonly cache = new Map<string, MatchResult>();

  constructor(readonly taxonomy: Taxonomy) {
    // Codes win over names, names over synonyms, earlier entries over later ones.
    for (const via of ['code', 'name', 'synonym'] as const) {
      for (const entry of taxonomy.entries) {
        const texts = via === 'code' ? [entry.code] : via === 'name' ? [entry.name] : entry.synonyms;
        for (const text of texts) {
          const key = matchKey(text);
          if (key && !this.exact.has(key)) this.exact.set(key, { entry, via });
        }
      }
    }
    for (const entry of taxonomy.entries) {
      for (const text of [entry.code, entry.name, ...entry.synonyms]) {
        const stem = stemKey(text);
        if (stem) this.candidates.push({ entry, stem, words: normalizeWords(text).split(' ') });
      }
    }
  }

  match(text: string): MatchResult {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const key = matchKey(text);
    const hit = key ? this.exact.get(key) : undefined;
    const result: MatchResult = hit ? { kind: 'match', ...hit } : { kind: 'none', suggestions: this.suggest(text) };
    if (this.cache.size < 50_000) this.cache.set(text, result);
    return result;
  }

  /** The entry for a code exactly as stored (no normalisation); for cross-references. */
  byCode(code: string): TaxonomyEntry | undefined {
    return this.taxonomy.entries.find((e) => e.code === code);
  }

  /**
   * The version of an entry's code that may be used on a date (rows of one code with successive
   * Gyldig fra/til periods); the entry itself when no version is usable then.
   */
  versionOn(entry: TaxonomyEntry, date: CalendarDate | undefined): TaxonomyEntry {
    if (entryUsableOn(entry, date)) return entry;
    return this.taxonomy.entries.find((e) => e.code === entry.code && e !== entry && entryUsableOn(e, date)) ?? entry;
  }

  /**
   * What replaces an entry that may not be used on a date: its `Erstattes af` code, followed
   * through successors that have ended themselves, to a version usable on the date. Undefined
   * without a successor, or when the chain leads nowhere or loops.
   */
  successorOn(entry: TaxonomyEntry, date: CalendarDate): TaxonomyEntry | undefined {
    const seen = new Set<string>([entry.code]);
    let next = entry.mapsTo;
    while (next !== undefined && !seen.has(next)) {
      seen.add(next);
      const versions = this.taxonomy.entries.filter((e) => e.code === next);
      const hit = versions.find((v) => entryUsableOn(v, date));
      if (hit) return hit;
      next = versions.find((v) => v.mapsTo !== undefined)?.mapsTo;
    }
    return undefined;
  }

  /** The code an entry is counted under across a change of law: the end of its `Erstattes af` chain. */
  canonicalCode(code: string): string {
    return canonicalCode(this.taxonomy.entries, code);
  }

  private suggest(text: string): Suggestion[] {
    const stem = stemKey(text);
    if (!stem) return [];
    const words = normalizeWords(text).split(' ');
    const best = new Map<TaxonomyEntry, number>();
    for (const c of this.candidates) {
      const score = similarity(stem, words, c);
      if (score > (best.get(c.entry) ?? 0)) best.set(c.entry, score);
    }
    return [...best.entries()]
      .filter(([, score]) => score >= 0.5)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_SUGGESTIONS)
      .map(([entry, score]) => ({ entry, score: Math.round(score * 100) / 100 }));
  }
}

function similarity(stem: string, words: string[], c: Candidate): number {
  if (stem === c.stem) return 0.95; // same words, other inflection
  const longest = Math.max(stem.length, c.stem.length);
  const allowed = Math.max(1, Math.floor(longest / 6));
  const distance = editDistance(stem, c.stem, allowed);
  if (distance <= allowed) return 0.9 - (0.3 * distance) / longest;
  // A typed part of a longer name ("kontanthjælpsmodtagere" for both kinds of them) or the reverse.
  if (stem.length >= 4 && c.stem.length >= 4 && (c.stem.includes(stem) || stem.includes(c.stem))) {
    return 0.5 + (0.3 * Math.min(stem.length, c.stem.length)) / longest;
  }
  const shared = words.filter((w) => w.length > 2 && c.words.includes(w)).length;
  return shared > 0 ? (0.6 * shared) / Math.max(words.length, c.words.length) : 0;
}

/**
 * The code a value is counted under across a change of law: its `Erstattes af` followed to the end
 * (a chain that loops or leads to a code no entry has stops before the break). Codes compared as stored.
 */
export function canonicalCode(entries: readonly TaxonomyEntry[], code: string): string {
  const seen = new Set<string>([code]);
  let current = code;
  for (;;) {
    const next = entries.find((e) => e.code === current && e.mapsTo !== undefined)?.mapsTo;
    if (next === undefined || seen.has(next) || !entries.some((e) => e.code === next)) return current;
    seen.add(next);
    current = next;
  }
}

/** Whether an entry may be used on a date: active and within its validity period. */
export function entryUsableOn(entry: TaxonomyEntry, date: CalendarDate | undefined): boolean {
  if (!entry.active) return false;
  if (!date) return true;
  if (entry.validFrom && date < entry.validFrom) return false;
  if (entry.validTo && date > entry.validTo) return false;
  return true;
}
