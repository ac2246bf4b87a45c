import { parseKpi, parseKpiList } from '../../../src/domain/model';

describe('KPI targets', () => {
  it.each([
    ['andel i job ≥ 30 %', { indicator: 'job', comparator: '>=', target: 0.3 }],
    ['At 40 % af målgruppen deltager i virksomhedspraktik i 13 uger', { indicator: 'placement', comparator: '>=', target: 0.4, weeks: 13 }],
    ['Andel borgere i beskæftigelse i mere end 18,5 timer eller uddannelse: 30,8%', { indicator: 'jobOrEducation', comparator: '>=', target: 0.308 }],
    ['Andel borgere med ordinære timer under 18,5 timer: 10,8%', { indicator: 'ordinaryHours', comparator: '>=', target: 0.108 }],
    ['højst 20 pct. afsluttet uden resultat', { indicator: 'ended', comparator: '<=', target: 0.2 }],
    ['mindst 25 procent i uddannelse', { indicator: 'education', comparator: '>=', target: 0.25 }],
  ])('reads "%s"', (text, expected) => {
    expect(parseKpi(text)).toEqual({ ...expected, text });
  });

  it.each(['flere glade borgere', 'andel i job', '130 % i job'])('rejects "%s"', (text) => {
    expect(parseKpi(text)).toBeNull();
  });

  it('splits a list and keeps the unreadable parts', () => {
    const { targets, unreadable } = parseKpiList('andel i job ≥ 30 %;\n40 % i virksomhedspraktik; noget andet');
    expect(targets.map((t) => t.indicator)).toEqual(['job', 'placement']);
    expect(unreadable).toEqual(['noget andet']);
  });
});
