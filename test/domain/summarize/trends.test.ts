import { statusLogSeries, trends } from '../../../src/domain/summarize';
import type { StatusLogEntry } from '../../../src/domain/model/types';
import { d, demo } from './demoModel';

describe('trends', () => {
  it('re-reads each initiative at each date (sorted, without duplicates)', () => {
    const result = trends(demo().model, demo().taxonomies, [d('2016-08-29'), d('2016-06-30'), d('2016-06-30'), d('2016-01-01')]);
    expect(result.map((t) => t.initiativeId)).toEqual(demo().model.initiatives.map((i) => i.id));
    const itmv = result[0];
    expect(itmv).toMatchObject({ initiativeId: 'ITMV', name: 'I Tråd Med Verden' });
    expect(itmv.points.map((p) => [p.date, p.courses, p.participants, p.active, p.job, p.education, p.ended, p.withoutStatus])).toEqual([
      ['2016-01-01', 0, 0, 0, 0, 0, 0, 0],
      ['2016-06-30', 14, 14, 10, 1, 0, 3, 0],
      ['2016-08-29', 19, 18, 14, 2, 0, 3, 0],
    ]);
    expect(itmv.points[2].byStatus.find((s) => s.code === 'PRAKTIK')).toEqual({ code: 'PRAKTIK', name: 'I virksomhedspraktik', outcomeClass: 'active', courses: 6 });
  });

  it('gives empty point lists for no dates', () => {
    expect(trends(demo().model, demo().taxonomies, []).every((t) => t.points.length === 0)).toBe(true);
  });
});

describe('statusLogSeries', () => {
  it('the homeless counts: 61, 50, 54, 38 in date order', () => {
    const hjem = statusLogSeries(demo().model.statusLog).filter((s) => s.initiativeId === 'HJEM');
    expect(hjem).toHaveLength(1);
    expect(hjem[0].indicator).toBe('Hjemløse Ishøj-borgere (tælling)');
    expect(hjem[0].points).toEqual([
      { date: '2015-05-31', value: 61, comment: null },
      { date: '2015-12-31', value: 50, comment: null },
      { date: '2016-05-31', value: 54, comment: null },
      { date: '2016-12-31', value: 38, comment: null },
    ]);
  });

  it('sorts points by date whatever the log order, keeps same-date entries in log order, and groups spellings', () => {
    const e = (date: string, indicator: string, value: number, initiativeId = 'HJEM'): StatusLogEntry => ({ initiativeId, date: d(date), indicator, value });
    const series = statusLogSeries([
      e('2016-12-31', 'Hjemløse', 38), e('2015-05-31', 'hjemløse ', 61), e('2016-05-31', 'HJEMLØSE', 54), e('2016-05-31', 'Hjemløse', 55),
      e('2016-01-01', 'Boliger', 4), e('2015-01-01', 'Hjemløse', 70, 'hjem '),
    ]);
    expect(series.map((s) => [s.initiativeId, s.indicator, s.points.map((p) => p.value)])).toEqual([
      ['HJEM', 'Hjemløse', [70, 61, 54, 55, 38]],
      ['HJEM', 'Boliger', [4]],
    ]);
  });

  it('the demo ITMV status table is one series per indicator', () => {
    const itmv = statusLogSeries(demo().model.statusLog).filter((s) => s.initiativeId === 'ITMV');
    expect(itmv.map((s) => [s.indicator, s.points[0].value])).toEqual([
      ['Kommet i job', 2], ['I virksomhedspraktik (trin 3)', 6], ['I 13-ugers forløb (trin 1 og 2)', 8], ['Afsluttet efter trin 1 til anden indsats', 3], ['I alt', 18],
    ]);
  });
});
