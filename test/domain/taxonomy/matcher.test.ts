import fc from 'fast-check';
import { defaultTaxonomies, editDistance, entryUsableOn, matchKey, TaxonomyMatcher, type Taxonomy } from '../../../src/domain/taxonomy';
import type { CalendarDate } from '../../../src/domain/parse';

const taxonomies = defaultTaxonomies();
const groups = new TaxonomyMatcher(taxonomies.targetGroups);
const statuses = new TaxonomyMatcher(taxonomies.statuses);

describe('exact matching', () => {
  it.each([
    ['MG03', 'MG03', 'code'],
    ['mg03', 'MG03', 'code'],
    ['Aktivitetsparate kontanthjælpsmodtagere', 'MG03', 'name'],
    ['  AKTIVITETSPARATE   KONTANTHJÆLPSMODTAGERE ', 'MG03', 'name'],
    ['Aktivitetsparate kontanthjaelpsmodtagere', 'MG03', 'name'], // æ typed as ae
    ['kh-ap', 'MG03', 'synonym'],
    ['KH AP', 'MG03', 'synonym'],
    ['khap', 'MG03', 'synonym'],
    ['Aktivitetsparat kontanthjælpsmodtager', 'MG03', 'synonym'],
  ])('"%s" → %s via %s', (text, code, via) => {
    expect(groups.match(text)).toEqual({ kind: 'match', entry: expect.objectContaining({ code }), via });
  });

  it('prefers a code over a name or synonym of another entry', () => {
    const taxonomy: Taxonomy = {
      key: 'units',
      tableName: 'Enheder',
      entries: [
        { code: 'A', name: 'Alfa', synonyms: ['B'], active: true },
        { code: 'B', name: 'Beta', synonyms: [], active: true },
      ],
    };
    expect(new TaxonomyMatcher(taxonomy).match('b')).toMatchObject({ kind: 'match', entry: { code: 'B' }, via: 'code' });
  });
});

describe('suggestions', () => {
  const suggested = (matcher: TaxonomyMatcher, text: string) => {
    const result = matcher.match(text);
    if (result.kind === 'match') throw new Error(`"${text}" matched ${result.entry.code}`);
    return result.suggestions.map((s) => s.entry.code);
  };

  it('suggests the plural form for a singular that is not a synonym', () => {
    expect(suggested(groups, 'Sygedagpengemodtagerne')[0]).toBe('MG06');
    expect(suggested(statuses, 'I virksomhedspraktikker')[0]).toBe('PRAKTIK');
  });

  it('suggests through small typos', () => {
    expect(suggested(groups, 'Aktivitetsparate kontanthjælpsmodtagre')[0]).toBe('MG03');
    expect(suggested(groups, 'Dagpengemodtgaere')[0]).toBe('MG01');
    expect(suggested(statuses, 'praktikk')[0]).toBe('PRAKTIK');
  });

  it('suggests when ø/æ/å lost their marks', () => {
    expect(suggested(groups, 'Selvforsorgende ledige')[0]).toBe('MG12'); // ø typed as o
  });

  it('suggests nothing for unrelated text', () => {
    expect(suggested(groups, 'xyz qqq')).toEqual([]);
  });

  it('returns at most three suggestions, best first', () => {
    const result = groups.match('kontanthjælpsmodtagerne');
    expect(result.kind).toBe('none');
    if (result.kind === 'none') {
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
      const scores = result.suggestions.map((s) => s.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(result.suggestions[0].entry.code).toBe('LG07');
    }
  });
});

describe('validity', () => {
  const entry = { code: 'X', name: 'X', synonyms: [], active: true, validFrom: '2019-07-01' as CalendarDate, validTo: '2026-12-31' as CalendarDate };
  it.each([
    ['2019-06-30', false],
    ['2019-07-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('on %s usable = %s', (date, usable) => {
    expect(entryUsableOn(entry, date as CalendarDate)).toBe(usable);
  });
  it('an inactive entry is never usable', () => {
    expect(entryUsableOn({ ...entry, active: false }, '2020-01-01' as CalendarDate)).toBe(false);
  });
});

describe('edit distance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['praktik', 'praktikk', 1],
    ['ab', 'ba', 1],
    ['abc', 'abc', 0],
  ])('%s / %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });
  it('stops early beyond the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });
});

describe('properties', () => {
  const allTexts = Object.values(taxonomies).flatMap((t) => t.entries.flatMap((e) => [e.code, e.name, ...e.synonyms].map((text) => ({ key: t.key, text }))));
  const recase = (text: string, flips: boolean[]) =>
    [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');

  it('matching ignores case and surrounding spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allTexts),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.stringMatching(/^[ \t\u00a0]{0,3}$/),
        fc.stringMatching(/^[ \t\u00a0]{0,3}$/),
        ({ key, text }, flips, before, after) => {
          const matcher = new TaxonomyMatcher(taxonomies[key]);
          expect(matcher.match(before + recase(text, flips) + after)).toEqual(matcher.match(text));
        },
      ),
    );
  });

  it('match keys are stable under normalisation', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(matchKey(matchKey(s))).toBe(matchKey(s))));
  });
});
