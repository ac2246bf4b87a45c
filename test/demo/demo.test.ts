import { demoRows } from '../../src/demo/demoData';
import { validateWorkbook } from '../../src/domain/validate';
import type { CalendarDate } from '../../src/domain/parse';
import { planStructure } from '../../src/workbook/structure';
import { tablesCreatedBy } from '../helpers/planTables';

const today = '2026-11-25' as CalendarDate;
const demo = () => validateWorkbook(tablesCreatedBy(planStructure({ sheets: [] }, { rows: demoRows() })), { asOf: today });

describe('demo workbook content', () => {
  it('validates with 0 errors', () => {
    const { findings } = demo();
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("warns only that ITMV had 14 active participants on 12 places on 29-08-2016 (the seed's own figures)", () => {
    const { findings } = demo();
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${JSON.stringify(f.params)}`)).toEqual([
      'Indsatser!H5 CAPACITY_EXCEEDED {"active":14,"places":12,"date":"2016-08-29"}',
    ]);
  });

  it('reproduces the ITMV status table of 29/8: 2 job (1 ordinary, 1 løntilskud), 6 placement, 8 course, 3 ended; 18 citizens', () => {
    const { model, taxonomies } = demo();
    const itmv = model.participants.filter((p) => p.initiativeId === 'ITMV');
    const outcome = (code?: string) => taxonomies.statuses.entries.find((e) => e.code === code)!;
    const count = (pred: (status: string) => boolean) => itmv.filter((p) => pred(p.status!)).length;
    expect(count((s) => outcome(s).outcomeClass === 'job')).toBe(2);
    expect(count((s) => s === 'JOB')).toBe(1);
    expect(count((s) => s === 'LØNTILSKUD')).toBe(1);
    expect(count((s) => s === 'PRAKTIK')).toBe(6);
    expect(count((s) => s === 'FORLØB')).toBe(8);
    expect(count((s) => s === 'ANDEN')).toBe(3);
    expect(new Set(itmv.map((p) => p.participantId)).size).toBe(18);
    expect(model.initiatives.find((i) => i.id === 'ITMV')).toMatchObject({ places: 12, courseWeeks: 13, statusDate: '2016-08-29' });
  });

  it('reproduces the 2020 status of "Flere kvinder med indvandrerbaggrund": 65 citizens, 30,8 % / 10,8 % / 6,2 %', () => {
    const { model, taxonomies } = demo();
    const fkib = model.participants.filter((p) => p.initiativeId === 'FKIB');
    const cls = (p: (typeof fkib)[number]) => taxonomies.statuses.entries.find((e) => e.code === p.status)!.outcomeClass;
    const share = (n: number) => Math.round((n / fkib.length) * 1000) / 10;
    expect(fkib).toHaveLength(65);
    expect(share(fkib.filter((p) => (cls(p) === 'job' && (p.ordinaryHoursPerWeek ?? 0) > 18.5) || cls(p) === 'education').length)).toBe(30.8);
    expect(share(fkib.filter((p) => cls(p) === 'active' && (p.ordinaryHoursPerWeek ?? 0) > 0 && p.ordinaryHoursPerWeek! < 18.5).length)).toBe(10.8);
    expect(share(fkib.filter((p) => p.status === 'PRAKTIK').length)).toBe(6.2);
  });

  it('holds the initiatives of the source documents with states i gang, standby and afsluttet', () => {
    const { model } = demo();
    expect(model.initiatives.map((i) => i.id)).toEqual(['ITMV', 'FSM', 'JOBFIRST', 'EMP', 'SPEC', 'STRAKS', 'CVJOB', 'TRANS', 'FKIB', 'UNGE', 'SMC', 'INV', 'HJEM', 'POOL']);
    expect(new Set(model.initiatives.map((i) => i.state))).toEqual(new Set(['I GANG', 'STANDBY', 'AFSLUTTET', 'PLANLAGT']));
  });

  it('holds the ITMV financing: 262.000 kr. with 50 % state refund, and 262.000 kr. from Landsbyggefonden', () => {
    const { model } = demo();
    expect(model.budget).toEqual([
      { initiativeId: 'ITMV', year: 2017, source: 'KOM', amountOre: 26_200_000, refundRateBp: 5000 },
      { initiativeId: 'ITMV', year: 2017, source: 'LBF', amountOre: 26_200_000 },
    ]);
    const sum = (type: string) => model.postings.filter((p) => p.type === type).reduce((n, p) => n + p.amountOre, 0);
    expect(sum('UDGIFT') - sum('REFUSION')).toBe(13_100_000); // 131.000 kr. net
  });

  it('uses pseudonyms only: no CPR numbers anywhere', () => {
    const { findings } = demo();
    expect(findings.some((f) => f.code === 'CPR_NUMBER')).toBe(false);
  });
});
