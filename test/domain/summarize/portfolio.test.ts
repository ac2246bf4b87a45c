import { summarizePortfolio, type PortfolioRow } from '../../../src/domain/summarize';
import type { Initiative, ParticipantCourse } from '../../../src/domain/model/types';
import { defaultTaxonomies } from '../../../src/domain/taxonomy/defaults';
import { d, demo } from './demoModel';

const today = d('2026-11-25');
const byCode = (rows: PortfolioRow[]) => Object.fromEntries(rows.map((r) => [r.code, r]));

describe('summarizePortfolio: the demo', () => {
  const portfolio = () => summarizePortfolio(demo().model, demo().taxonomies, today);

  it('by state: 6 i gang, 2 standby, 5 afsluttet, 1 planlagt (the pool), each read as of its "Status pr."', () => {
    const rows = portfolio().byState;
    expect(rows.map((r) => [r.code, r.initiatives, r.participants, r.courses])).toEqual([
      ['PLANLAGT', 1, 0, 0],
      ['I GANG', 6, 18 + 65, 19 + 65],
      ['STANDBY', 2, 0, 0],
      ['AFSLUTTET', 5, 20 + 15 + 10 + 12, 20 + 15 + 10 + 12],
    ]);
  });

  it('by goal: every goal of the taxonomy listed, L1 in 11 initiatives', () => {
    const rows = portfolio().byGoal;
    expect(rows.map((r) => r.code)).toEqual(defaultTaxonomies().goals.entries.map((e) => e.code));
    const goals = byCode(rows);
    expect(goals.L1).toMatchObject({ initiatives: 11, participants: 140, courses: 141 });
    expect(goals.M7).toMatchObject({ name: 'Færre skal være hjemløse', initiatives: 1, participants: 0 });
    expect(goals.M1).toEqual({ code: 'M1', name: goals.M1.name, initiatives: 0, courses: 0, participants: 0, active: 0, job: 0, education: 0, ended: 0, withoutStatus: 0 });
  });

  it('totals: 14 initiatives, 141 courses of 140 IDs; outcomes by latest course add up', () => {
    const { totals } = portfolio();
    expect(totals).toMatchObject({ initiatives: 14, courses: 141, participants: 140 });
    expect(totals.active + totals.job + totals.education + totals.ended + totals.withoutStatus).toBe(totals.participants);
    expect(Object.keys(totals)).toEqual(['initiatives', 'courses', 'participants', 'active', 'job', 'education', 'ended', 'withoutStatus']);
  });

  it('by target group: participants by their own group, initiatives by the register', () => {
    const groups = byCode(portfolio().byTargetGroup);
    // FKIB: every fifth woman is selvforsørgende (MG12), except FKIB-030 who is in placement as AP.
    expect(groups.MG12).toMatchObject({ initiatives: 1, participants: 12 });
    expect(groups.MG03.initiatives).toBe(2); // ITMV and FKIB aim at MG03
    // ITMV-017's two courses carry different groups (LG06, then MG03): one citizen, counted under each.
    expect(portfolio().byTargetGroup.reduce((n, r) => n + r.participants, 0)).toBe(141);
  });

  it('by unit: every unit listed; HPV holds ITMV; the pool counts under both its units', () => {
    const units = byCode(portfolio().byUnit);
    expect(units.HPV).toMatchObject({ initiatives: 1, participants: 18 });
    expect(units.JCV.initiatives).toBe(10);
    expect(units.CSS.initiatives).toBe(2); // HJEM and the pool (run with Jobcenter Vallensbæk)
    expect(Object.keys(units)).not.toContain('');
  });
});

describe('summarizePortfolio: participants de-duplicated only by ID', () => {
  const taxonomies = defaultTaxonomies();
  const initiative = (id: string, extra: Partial<Initiative> = {}): Initiative => ({ id, name: id, goals: ['L1'], targetGroups: ['MG03'], state: 'I GANG', kpis: [], ...extra });
  const c = (initiativeId: string, participantId: string, status: string, start = '2020-02-01'): ParticipantCourse =>
    ({ initiativeId, participantId, start: d(start), status, statusDate: d(start), targetGroup: 'MG03' });

  it('the same ID in two initiatives is one participant in a shared row and the totals; different IDs are two', () => {
    const model = {
      initiatives: [initiative('A'), initiative('B', { goals: ['L1', 'L4'], state: 'STANDBY' })],
      // "Per" in A and " per " in B are the same ID; A-2 and B-2 may be the same citizen, but nothing says so.
      participants: [c('A', 'Per', 'FORLØB', '2020-01-01'), c('A', 'A-2', 'FORLØB'), c('B', ' per ', 'JOB', '2020-03-01'), c('B', 'B-2', 'UDDANNELSE')],
    };
    const p = summarizePortfolio(model, taxonomies, d('2020-12-31'));
    expect(p.totals).toEqual({ initiatives: 2, courses: 4, participants: 3, active: 1, job: 1, education: 1, ended: 0, withoutStatus: 0 });
    expect(byCode(p.byGoal).L1).toMatchObject({ initiatives: 2, courses: 4, participants: 3, job: 1 }); // Per by the later course: job
    expect(byCode(p.byGoal).L4).toMatchObject({ initiatives: 1, courses: 2, participants: 2 });
    expect(byCode(p.byState)['I GANG']).toMatchObject({ initiatives: 1, participants: 2, active: 2 });
    expect(byCode(p.byState).STANDBY).toMatchObject({ initiatives: 1, participants: 2, job: 1, education: 1 });
  });

  it('lists codes outside the taxonomy after it and a "none" row last, only when used; ignores unregistered initiatives', () => {
    const model = {
      initiatives: [initiative('A', { goals: [], unit: 'XYZ', state: undefined }), initiative('B', { goals: ['L1', 'l1'] })],
      participants: [c('A', '1', 'FORLØB'), { ...c('A', '2', 'FORLØB'), targetGroup: undefined }, c('B', '1', 'FORLØB'), c('GONE', '9', 'JOB')],
    };
    const p = summarizePortfolio(model, taxonomies, d('2020-12-31'));
    expect(p.byGoal.at(-1)).toMatchObject({ code: '', name: '', initiatives: 1, courses: 2 });
    expect(byCode(p.byGoal).L1).toMatchObject({ initiatives: 1, courses: 1 });
    expect(p.byUnit.slice(-2).map((r) => [r.code, r.name, r.initiatives])).toEqual([['XYZ', 'XYZ', 1], ['', '', 1]]);
    expect(p.byState.at(-1)).toMatchObject({ code: '', initiatives: 1, participants: 2 });
    expect(p.byTargetGroup.at(-1)).toMatchObject({ code: '', initiatives: 0, courses: 1, participants: 1 });
    expect(p.totals).toMatchObject({ initiatives: 2, courses: 3, participants: 2 });
  });
});
