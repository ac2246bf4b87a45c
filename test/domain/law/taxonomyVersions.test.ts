import type { CalendarDate } from '../../../src/domain/parse/calendarDate';
import { defaultTaxonomies } from '../../../src/domain/taxonomy/defaults';
import { entryUsableOn } from '../../../src/domain/taxonomy/matcher';
import {
  checkTaxonomyData, entryInForce, groupsInForce, LAST_NEW_COURSE_DATE, NEW_COURSES_REFUSED_FROM, suggestSuccessor,
  TAXONOMY_VERSIONS, withLawSources, type VersionedEntry,
} from '../../../src/domain/law/taxonomyVersions';

const d = (iso: string) => iso as CalendarDate;
const groups = defaultTaxonomies().targetGroups;
const byCode = (code: string) => groups.entries.find((e) => e.code === code)!;
const entry = (code: string, extra: Partial<VersionedEntry> = {}): VersionedEntry => ({ code, name: code, synonyms: [], active: true, ...extra });

describe('ressourceforløb and revalidering end for new courses (lov nr. 1750)', () => {
  it('refuses a course started on or after 1 February 2026 and keeps one started before', () => {
    expect(NEW_COURSES_REFUSED_FROM).toBe('2026-02-01');
    for (const code of ['MG08', 'MG10', 'LG03']) {
      const g = byCode(code);
      expect(g.validTo).toBe(LAST_NEW_COURSE_DATE);
      expect(entryInForce(g, d('2026-01-31'))).toBe(true);
      expect(entryInForce(g, d('2026-02-01'))).toBe(false);
      // Both sides of the second commencement date: still refused after 1 July 2026, as before it.
      expect(entryInForce(g, d('2026-06-30'))).toBe(false);
      expect(entryInForce(g, d('2026-07-01'))).toBe(false);
      // The validation rule in use today agrees (it compares the participant's Startdato).
      expect(entryUsableOn(g, d('2025-11-03'))).toBe(true);
      expect(entryUsableOn(g, d('2026-07-01'))).toBe(false);
    }
  });

  it('leaves the other 2019 groups open across 2026-07-01 and 2027-01-01', () => {
    const codes = (date: string) => groupsInForce(groups, d(date)).map((e) => e.code);
    for (const date of ['2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01']) {
      expect(codes(date)).toEqual(expect.arrayContaining(['MG01', 'MG02', 'MG03', 'MG06', 'MG07', 'MG09']));
      expect(codes(date)).not.toContain('MG08');
      expect(codes(date)).not.toContain('MG10');
    }
    expect(codes('2026-01-31')).toEqual(expect.arrayContaining(['MG08', 'MG10']));
  });

  it('attaches the source of each end date', () => {
    const withSources = withLawSources(groups.entries);
    expect(withSources.find((e) => e.code === 'MG08')?.source?.url).toMatch(/^https:\/\//);
    expect(withSources.find((e) => e.code === 'MG01')?.source).toBeUndefined();
    expect(groups.entries.find((e) => e.code === 'MG08')).not.toHaveProperty('source'); // input unchanged
  });

  it('keeps the 2027 act unenacted and without invented group names', () => {
    const v2027 = TAXONOMY_VERSIONS.find((v) => v.id === 'LAB-2027')!;
    expect(v2027.validFrom).toBe('2027-01-01');
    expect(v2027.enacted).toBe(false);
    expect(v2027.codes).toEqual([]);
  });
});

describe('suggestSuccessor', () => {
  // A municipality's own 2027 table (the law's names are not verified, so the test brings its own).
  const table: VersionedEntry[] = [
    entry('MG02', { validTo: d('2026-12-31'), mapsTo: 'N1' }),
    entry('MG03', { validTo: d('2026-12-31'), mapsTo: 'N1' }), // all kontanthjælpsmodtagere start as jobparate
    entry('MG08', { validTo: d('2026-01-31'), mapsTo: 'MG03' }),
    entry('N1', { validFrom: d('2027-01-01') }),
    entry('LOOP1', { validTo: d('2020-01-01'), mapsTo: 'LOOP2' }),
    entry('LOOP2', { validTo: d('2020-01-01'), mapsTo: 'LOOP1' }),
  ];
  const at = (code: string) => table.find((e) => e.code === code)!;

  it('suggests the new group for a 2027 course in a 2019-only group', () => {
    expect(suggestSuccessor(at('MG02'), d('2027-01-01'), table)?.code).toBe('N1');
    expect(suggestSuccessor(at('MG02'), d('2026-12-31'), table)).toBeUndefined(); // still in force
  });

  it('follows the chain to the group in force on the date', () => {
    expect(suggestSuccessor(at('MG08'), d('2026-07-01'), table)?.code).toBe('MG03');
    expect(suggestSuccessor(at('MG08'), d('2027-03-01'), table)?.code).toBe('N1');
  });

  it('gives up on a loop or a successor that is not in force', () => {
    expect(suggestSuccessor(at('LOOP1'), d('2021-01-01'), table)).toBeUndefined();
    expect(suggestSuccessor(at('MG02'), d('2027-01-01'), table.filter((e) => e.code !== 'N1'))).toBeUndefined();
    expect(suggestSuccessor(entry('X', { validTo: d('2020-01-01') }), d('2021-01-01'), table)).toBeUndefined();
  });

  it('skips an inactive successor', () => {
    const inactive = table.map((e) => (e.code === 'N1' ? { ...e, active: false } : e));
    expect(suggestSuccessor(at('MG02'), d('2027-01-01'), inactive)).toBeUndefined();
  });
});

describe('checkTaxonomyData', () => {
  it('accepts the built-in target groups', () => {
    expect(checkTaxonomyData(withLawSources(groups.entries))).toEqual([]);
  });

  it('reports Gyldig til before Gyldig fra', () => {
    expect(checkTaxonomyData([entry('A', { validFrom: d('2026-02-01'), validTo: d('2026-01-31') })])).toEqual([
      { reason: 'ends-before-start', code: 'A', index: 0, validFrom: '2026-02-01', validTo: '2026-01-31' },
    ]);
    expect(checkTaxonomyData([entry('A', { validFrom: d('2026-02-01'), validTo: d('2026-02-01') })])).toEqual([]); // one day
  });

  it('reports overlapping versions of one code, open ends included', () => {
    const overlap = checkTaxonomyData([
      entry('A', { validTo: d('2026-12-31') }),
      entry('A', { validFrom: d('2026-12-31') }),
    ]);
    expect(overlap).toEqual([{ reason: 'overlapping-versions', code: 'A', index: 1, otherIndex: 0 }]);
    expect(checkTaxonomyData([entry('A', { validTo: d('2026-12-31') }), entry('A', { validFrom: d('2027-01-01') })])).toEqual([]);
    expect(checkTaxonomyData([entry('A'), entry('A')])).toHaveLength(1);
    expect(checkTaxonomyData([entry('A'), entry('B')])).toEqual([]);
  });

  it('reports a mapping to a code that does not exist, unless it is known elsewhere', () => {
    expect(checkTaxonomyData([entry('A', { mapsTo: 'Z' })])).toEqual([{ reason: 'maps-to-unknown-code', code: 'A', index: 0, mapsTo: 'Z' }]);
    expect(checkTaxonomyData([entry('A', { mapsTo: 'Z' })], ['Z'])).toEqual([]);
    expect(checkTaxonomyData([entry('A', { mapsTo: 'A' })])).toEqual([{ reason: 'maps-to-itself', code: 'A', index: 0, mapsTo: 'A' }]);
  });
});
