import { summarizeInitiative, summarizeInitiatives, type InitiativeSummary } from '../../../src/domain/summarize';
import type { Initiative, ParticipantCourse } from '../../../src/domain/model/types';
import { defaultTaxonomies } from '../../../src/domain/taxonomy/defaults';
import { d, demo, demoInitiative } from './demoModel';

const statusCounts = (s: InitiativeSummary) => Object.fromEntries(s.byStatus.map((r) => [r.code, r.courses]));
const stepCounts = (s: InitiativeSummary) => Object.fromEntries(s.byStep.map((r) => [r.code, r.courses]));
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

describe('summarizeInitiative: ITMV (the status table of 29/8/2016)', () => {
  const summary = () => summarizeInitiative(demoInitiative('ITMV'), demo().model.participants, demo().taxonomies, d('2016-08-29'));

  it('counts courses per status: job 1 + løntilskud 1, praktik 6, i forløb 8, afsluttet til anden indsats 3', () => {
    const s = summary();
    expect(statusCounts(s)).toEqual({ FORLØB: 8, PRAKTIK: 6, PAUSE: 0, JOB: 1, LØNTILSKUD: 1, UDDANNELSE: 0, ANDEN: 3, AFSLUTTET: 0 });
    expect(s.byStatus.map((r) => r.code)).toEqual(defaultTaxonomies().statuses.entries.map((e) => e.code));
    expect(s.byOutcome).toEqual({ active: 14, job: 2, education: 0, ended: 3 });
    expect(s.withoutStatus).toBe(0);
  });

  it('has 19 courses of 18 distinct citizens ("I alt" 18)', () => {
    const s = summary();
    expect(s.courses).toBe(19);
    expect(s.total).toBe(18);
    expect(s.notYetStarted).toBe(0);
    expect(s.withoutStartDate).toBe(0);
  });

  it('counts participants by their latest course: ITMV-017 counts once, in the course', () => {
    const s = summary();
    expect(s.participants).toEqual({ active: 14, job: 2, education: 0, ended: 2, withoutStatus: 0 });
    expect(round3(s.shares.job)).toBe(0.111);
    // Placement = PRAKTIK or LØNTILSKUD; job > 18,5 h only ITMV-001 (løntilskud is placement, not ordinary work).
    expect(s.shares.placement).toBeCloseTo(7 / 18);
    expect(s.shares.jobOrEducation).toBeCloseTo(1 / 18);
  });

  it('counts steps, capacity and median course lengths', () => {
    const s = summary();
    expect(stepCounts(s)).toEqual({ 1: 7, 2: 4, 3: 8 });
    expect(s.withoutStep).toBe(0);
    expect(s.capacity).toEqual({ places: 12, active: 14, utilisation: 14 / 12 });
    // Ended: 42, 42, 42, 142, 172 days → 6 weeks; active: 14 courses, middle two 77 and 84 days → 11.5 weeks.
    expect(s.medianWeeks).toEqual({ ended: 6, active: 11.5 });
  });

  it('measures "100 % af dem, der har gennemført, er i job, løntilskud eller praktik" on the 8 who completed the 13 weeks: 100 %, met', () => {
    // Not on all 18 (the praktik-and-løntilskud share would be 7 of 18, 38,9 %): the 8 in the course and the
    // 3 ended after the 6-week clarification have not completed it.
    expect(summary().kpis).toEqual([{
      kind: 'share', base: 'completers', indicator: 'jobSubsidyOrPlacement', text: '100 % af dem, der har gennemført, er i job, løntilskud eller praktik',
      comparator: '>=', target: 1, weeks: null, weeksApplied: false, participants: 8, total: 8, actual: 1, attainment: 'met',
    }]);
  });

  it('as of an earlier date (30/6/2016): fewer started, statuses set after it count as still in the course', () => {
    const s = summarizeInitiative(demoInitiative('ITMV'), demo().model.participants, demo().taxonomies, d('2016-06-30'));
    // Started by then: 2 job courses, 6 placements, 3 course starts of June, 3 ended after step 1.
    expect(s.courses).toBe(14);
    expect(s.notYetStarted).toBe(5);
    expect(s.total).toBe(14); // ITMV-017's second course starts 4/7
    // ITMV-002 got løntilskud on 1/7 and 4 placements began after 30/6: they count as in the course.
    expect(statusCounts(s)).toEqual({ FORLØB: 8, PRAKTIK: 2, PAUSE: 0, JOB: 1, LØNTILSKUD: 0, UDDANNELSE: 0, ANDEN: 3, AFSLUTTET: 0 });
    // ...on the first step: 1 + 4 reverted + 3 ended after step 1.
    expect(stepCounts(s)).toEqual({ 1: 8, 2: 3, 3: 3 });
    expect(s.participants).toEqual({ active: 10, job: 1, education: 0, ended: 3, withoutStatus: 0 });
  });
});

describe('summarizeInitiative: a status changed after the as-of date', () => {
  const initiative: Initiative = { id: 'X', name: 'X', goals: [], targetGroups: [], kpis: [] };
  const course: ParticipantCourse = { initiativeId: 'X', participantId: 'X-1', start: d('2020-01-06'), step: '3', status: 'JOB', statusDate: d('2020-05-01'), end: d('2020-05-01'), ordinaryHoursPerWeek: 37 };
  const at = (date: string) => summarizeInitiative(initiative, [course], defaultTaxonomies(), d(date));

  it('before the change: in the course on the first step', () => {
    const s = at('2020-04-30');
    expect(s.byStatus.find((r) => r.courses > 0)).toMatchObject({ code: 'FORLØB', courses: 1 });
    expect(stepCounts(s)).toEqual({ 1: 1, 2: 0, 3: 0 });
    expect(s.shares.job).toBe(0);
    expect(s.medianWeeks).toEqual({ ended: null, active: 16.4 }); // 115 days
  });

  it('on and after the change: in job', () => {
    for (const date of ['2020-05-01', '2021-01-01']) {
      const s = at(date);
      expect(s.byStatus.find((r) => r.courses > 0)).toMatchObject({ code: 'JOB', courses: 1 });
      expect(s.shares.job).toBe(1);
      expect(s.medianWeeks.ended).toBe(16.6); // 116 days
    }
  });

  it('before the start: not counted', () => {
    expect(at('2020-01-05')).toMatchObject({ courses: 0, total: 0, notYetStarted: 1 });
  });

  it('an active status past its Slutdato counts as ended (AFSLUTTET)', () => {
    const placement: ParticipantCourse = { ...course, status: 'PRAKTIK', statusDate: d('2020-03-01') };
    const s = summarizeInitiative(initiative, [placement], defaultTaxonomies(), d('2020-06-01'));
    expect(s.byStatus.find((r) => r.courses > 0)).toMatchObject({ code: 'AFSLUTTET', courses: 1 });
    expect(s.participants.ended).toBe(1);
    expect(summarizeInitiative(initiative, [placement], defaultTaxonomies(), d('2020-04-30')).byStatus.find((r) => r.courses > 0)?.code).toBe('PRAKTIK');
  });

  it('uses only the initiative\'s own courses, matching the ID case-insensitively, and IDs trimmed', () => {
    const other: ParticipantCourse = { ...course, initiativeId: 'Y' };
    const again: ParticipantCourse = { ...course, initiativeId: ' x ', participantId: ' x-1', start: d('2020-06-01'), status: 'FORLØB', statusDate: d('2020-06-01'), end: undefined };
    const s = summarizeInitiative(initiative, [course, other, again], defaultTaxonomies(), d('2020-07-01'));
    expect(s).toMatchObject({ courses: 2, total: 1 });
    expect(s.participants).toMatchObject({ active: 1, job: 0 });
  });
});

describe('summarizeInitiative: FKIB (status 18/2/2021)', () => {
  it('has 65 participants; 30,8 % job > 18,5 h or education, 10,8 % ordinary hours < 18,5, 6,2 % placement', () => {
    const s = summarizeInitiative(demoInitiative('FKIB'), demo().model.participants, demo().taxonomies, d('2021-02-18'));
    expect(s.total).toBe(65);
    expect(s.courses).toBe(65);
    expect(round3(s.shares.jobOrEducation)).toBe(0.308);
    expect(round3(s.shares.ordinaryHours)).toBe(0.108);
    expect(round3(s.shares.placement)).toBe(0.062);
    expect(s.capacity).toEqual({ places: 100, active: 45, utilisation: 0.45 });
  });
});

describe('summarizeInitiative: KPIs', () => {
  it('evaluates FSM\'s "40 % af målgruppen i virksomhedspraktik i 13 uger": 4 in placement, none for 13 weeks yet', () => {
    const fsm = demoInitiative('FSM');
    expect(fsm.kpis).toEqual([{ indicator: 'placement', comparator: '>=', target: 0.4, weeks: 13, text: '40 % af målgruppen i virksomhedspraktik i 13 uger' }]);
    const s = summarizeInitiative(fsm, demo().model.participants, demo().taxonomies, d('2018-06-30'));
    expect(s.total).toBe(20);
    expect(s.shares.placement).toBe(0.2);
    expect(s.kpis).toEqual([{
      kind: 'share', base: 'all', indicator: 'placement', text: '40 % af målgruppen i virksomhedspraktik i 13 uger', comparator: '>=', target: 0.4, weeks: 13, weeksApplied: true,
      participants: 0, total: 20, actual: 0, attainment: 'notMet',
    }]);
    // Four months later all four placements (set 20–41 days before 30/6) have lasted 13 weeks.
    const later = summarizeInitiative(fsm, demo().model.participants, demo().taxonomies, d('2018-10-31'));
    expect(later.kpis[0]).toMatchObject({ participants: 4, total: 20, actual: 0.2, attainment: 'notMet' });
  });

  it('meets a target at the boundary and for "at most" targets', () => {
    const fsm = demoInitiative('FSM');
    const kpis: Initiative['kpis'] = [
      { indicator: 'placement', comparator: '>=', target: 0.2, weeks: 2, text: '20 % i praktik i 2 uger' },
      { indicator: 'placement', comparator: '>=', target: 0.2, weeks: 4, text: '20 % i praktik i 4 uger' },
      { indicator: 'job', comparator: '>=', target: 0.15, weeks: 26, text: '15 % i job i 26 uger' },
      { indicator: 'ended', comparator: '<=', target: 0.1, text: 'højst 10 % afsluttet' },
    ];
    const s = summarizeInitiative({ ...fsm, kpis }, demo().model.participants, demo().taxonomies, d('2018-06-30'));
    expect(s.kpis.map((k) => [k.participants, k.weeksApplied, k.attainment])).toEqual([
      [4, true, 'met'],
      [2, true, 'notMet'],
      [3, false, 'met'],
      [3, false, 'notMet'],
    ]);
  });

  it('an initiative without courses: zeros everywhere, shares null and KPI "no data"', () => {
    const smc: Initiative = { ...demoInitiative('SMC'), places: 10, kpis: [{ indicator: 'job', comparator: '>=', target: 0.3, text: '30 % i job' }] };
    const s = summarizeInitiative(smc, demo().model.participants, demo().taxonomies, d('2020-12-31'));
    expect(s).toMatchObject({ courses: 0, total: 0, notYetStarted: 0, withoutStartDate: 0, withoutStatus: 0, withoutStep: 0 });
    expect(s.byStatus.every((r) => r.courses === 0)).toBe(true);
    expect(s.byStatus).toHaveLength(8);
    expect(s.byOutcome).toEqual({ active: 0, job: 0, education: 0, ended: 0 });
    expect(s.participants).toEqual({ active: 0, job: 0, education: 0, ended: 0, withoutStatus: 0 });
    expect(Object.values(s.shares).every((v) => v === null)).toBe(true);
    expect(s.capacity).toEqual({ places: 10, active: 0, utilisation: 0 });
    expect(s.medianWeeks).toEqual({ ended: null, active: null });
    expect(s.kpis).toEqual([{ kind: 'share', base: 'all', indicator: 'job', text: '30 % i job', comparator: '>=', target: 0.3, weeks: null, weeksApplied: false, participants: 0, total: 0, actual: null, attainment: 'noData' }]);
  });
});

describe('summarizeInitiatives', () => {
  it('reads each initiative as of its own "Status pr." when earlier than the date', () => {
    const all = summarizeInitiatives(demo().model, demo().taxonomies, d('2026-11-25'));
    expect(all.map((s) => [s.initiativeId, s.asOf, s.total])).toEqual([
      ['ITMV', '2016-08-29', 18], ['FSM', '2018-06-30', 20], ['JOBFIRST', '2017-06-30', 15], ['EMP', '2016-12-31', 10],
      ['SPEC', '2017-09-30', 12], ['STRAKS', '2020-12-31', 0], ['CVJOB', '2020-12-31', 0], ['TRANS', '2020-12-31', 0],
      ['FKIB', '2021-02-18', 65], ['UNGE', '2020-12-31', 0], ['SMC', '2020-12-31', 0], ['INV', '2020-12-31', 0], ['HJEM', '2016-12-31', 0],
      ['POOL', '2017-09-01', 0],
    ]);
    expect(summarizeInitiatives(demo().model, demo().taxonomies, d('2016-06-30'))[0]).toMatchObject({ asOf: '2016-06-30', courses: 14 });
  });

  it('gives plain data with a stable key order', () => {
    const [itmv] = summarizeInitiatives(demo().model, demo().taxonomies, d('2026-11-25'));
    expect(Object.keys(itmv)).toEqual([
      'initiativeId', 'name', 'asOf', 'courses', 'total', 'notYetStarted', 'withoutStartDate', 'byStatus', 'byOutcome', 'withoutStatus',
      'byStep', 'withoutStep', 'participants', 'shares', 'capacity', 'medianWeeks', 'kpis', 'statusText',
    ]);
    expect(JSON.parse(JSON.stringify(itmv))).toEqual(itmv);
  });
});
