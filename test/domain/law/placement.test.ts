import { defaultTaxonomies } from '../../../src/domain/taxonomy/defaults';
import { checkPlacement, PLACEMENT_GROUPS, placementLimit } from '../../../src/domain/law/placement';

const limit = (group: string, context = {}) => {
  const l = placementLimit(group, context);
  return l && { weeks: l.weeks, rule: l.rule, ...(l.extendable && { extendable: l.extendable }) };
};

describe('placementLimit (LAB § 61)', () => {
  it('gives dagpengemodtagere 4 weeks, 8 with a higher education and no job since', () => {
    expect(limit('MG01')).toEqual({ weeks: 4, rule: 'LAB § 61, stk. 1' });
    expect(limit('MG01', { higherEducation: true, employedSinceEducation: false })).toEqual({ weeks: 8, rule: 'LAB § 61, stk. 1' });
    expect(limit('MG01', { higherEducation: true, employedSinceEducation: true })?.weeks).toBe(4);
    expect(limit('MG01', { higherEducation: true })?.weeks).toBe(4); // not known to be without a job: the general rule
  });

  it('gives jobparate and uddannelsesparate 4 weeks, 13 when hard to place', () => {
    for (const group of ['MG02', 'MG04']) {
      expect(limit(group)).toEqual({ weeks: 4, rule: 'LAB § 61, stk. 1' });
      expect(limit(group, { hardToPlace: true })).toEqual({ weeks: 13, rule: 'LAB § 61, stk. 1, nr. 2', extendable: { toWeeks: 26, rule: 'LAB § 61, stk. 2, 1. pkt.' } });
    }
  });

  it('gives aktivitetsparate 13 weeks, extendable to 26 and then by 13 at a time', () => {
    for (const group of ['MG03', 'MG05']) {
      expect(limit(group)).toEqual({ weeks: 13, rule: 'LAB § 61, stk. 1, nr. 2', extendable: { toWeeks: 26, rule: 'LAB § 61, stk. 2, 1. pkt.' } });
      expect(limit(group, { extensions: 1 })).toEqual({ weeks: 26, rule: 'LAB § 61, stk. 2, 1. pkt.', extendable: { toWeeks: 39, rule: 'LAB § 61, stk. 2, 2. pkt.' } });
      expect(limit(group, { extensions: 3 })?.weeks).toBe(52);
      expect(limit(group, { extensions: 3 })?.rule).toBe('LAB § 61, stk. 2, 2. pkt.');
    }
  });

  it('has no limit where no stored source settles one, nor for nonsense extensions', () => {
    expect(PLACEMENT_GROUPS).toEqual(['MG01', 'MG02', 'MG04', 'MG03', 'MG05']);
    for (const group of ['MG06', 'MG08', 'MG12', 'LG01', 'XX']) expect(placementLimit(group)).toBeUndefined();
    expect(placementLimit('MG03', { extensions: -1 })).toBeUndefined();
    expect(placementLimit('MG03', { extensions: 1.5 })).toBeUndefined();
  });

  it('names a source for every limit', () => {
    for (const group of PLACEMENT_GROUPS) {
      for (const s of placementLimit(group)!.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it('agrees with the built-in Tilbud table where both have a value', () => {
    const praktik = defaultTaxonomies().offers.entries.find((e) => e.code === 'PRAKTIK')!;
    for (const group of PLACEMENT_GROUPS) expect(praktik.maxWeeks?.[group]).toBe(placementLimit(group)!.weeks);
  });
});

describe('checkPlacement', () => {
  it('reports a placement longer than the limit, with the rule', () => {
    expect(checkPlacement('MG01', 5)).toEqual([{ reason: 'placement-too-long', weeks: 5, maxWeeks: 4, rule: 'LAB § 61, stk. 1' }]);
    expect(checkPlacement('MG01', 8, { higherEducation: true, employedSinceEducation: false })).toEqual([]);
    expect(checkPlacement('MG03', 26, { extensions: 1 })).toEqual([]);
    expect(checkPlacement('MG06', 100)).toEqual([]);
  });
});
