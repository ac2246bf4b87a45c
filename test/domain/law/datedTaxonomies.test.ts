/**
 * Dated taxonomies in validation: each row is checked against the entries in force on its own date
 * (a course's start date for its target group, the status date for its status), a course started
 * before a change keeps its group, a successor is suggested, and bad taxonomy data is reported.
 */
import { validateWorkbook } from '../../../src/domain/validate';
import { renderFindings } from '../../../src/i18n/findings';
import type { TableData } from '../../../src/domain/model';
import type { CalendarDate } from '../../../src/domain/parse';
import { defaultTaxonomies, taxonomyToRows, taxonomyUpdate } from '../../../src/domain/taxonomy';
import { summarizePortfolio } from '../../../src/domain/summarize';
import { register, table, tracking } from '../../helpers/tables';

const asOf = '2027-03-01' as CalendarDate;
const initiative = { ID: 'RF', Navn: 'Ressourceforløb', Målgrupper: null, Start: null, Slut: null, Status: 'I gang' };
const course = (id: string, start: string, group: string, extra: Record<string, unknown> = {}) => ({
  'Deltager-ID': id, Startdato: start, Målgruppe: group, Status: 'I forløb', Statusdato: start, ...extra,
});
const run = (tables: TableData[], date = asOf) =>
  renderFindings(validateWorkbook(tables, { asOf: date }).findings, 'da')
    // Dates are typed as Danish text for readability; TEXT_DATE has its own tests (rules.test.ts).
    .filter((f) => f.code !== 'MISSING_TABLE' && f.code !== 'MISSING_COLUMN' && f.code !== 'TEXT_DATE');

const HEADER = ['Kode', 'Navn', 'Synonymer', 'Aktiv', 'Gyldig fra', 'Gyldig til', 'Min. alder', 'Maks. alder', 'Lovhjemmel', 'Erstattes af'];
/** A test taxonomy with a 2019 group that ends on 31 December 2026 and its 2027 successor (the mechanism; no verified 2027 names). */
const groups2027 = (rows: (string | null)[][] = []) => table('Taksonomier', 'Målgrupper', HEADER, [
  ['MG02', 'Jobparate kontanthjælpsmodtagere', null, 'Ja', null, '31-12-2026', null, null, 'LAB § 6, nr. 2', 'T1'],
  ['MG03', 'Aktivitetsparate kontanthjælpsmodtagere', null, 'Ja', null, '31-12-2026', null, null, 'LAB § 6, nr. 3', 'T1'],
  ['T1', 'Testgruppe 2027 (kontanthjælp)', null, 'Ja', '01-01-2027', null, null, null, 'Testlov 2027 § 1', null],
  ['MG08', 'Personer i ressourceforløb', null, 'Ja', null, '31-01-2026', null, null, 'LAB § 6, nr. 8', null],
  ...rows,
]);

describe('ressourceforløb after lov nr. 1750 (built-in taxonomies: new courses refused from 1 February 2026)', () => {
  it('a course started on the last day is accepted; one started the day after is a finding naming the end date', () => {
    expect(run([register([initiative]), tracking('RF', [course('A', '31-01-2026', 'Personer i ressourceforløb')])], '2026-03-01' as CalendarDate)).toEqual([]);
    const findings = run([register([initiative]), tracking('RF', [course('B', '01-02-2026', 'Personer i ressourceforløb')])], '2026-03-01' as CalendarDate);
    expect(findings.map((f) => `${f.cell} ${f.code}`)).toEqual(['C2 INACTIVE_CODE']);
    expect(findings[0].message).toBe('”Personer i ressourceforløb” i Målgrupper er ikke gældende pr. 01-02-2026 (gyldig til 31-01-2026).');
  });
  it('on both sides of 1 July 2026 and 1 January 2027 a course started before the end keeps its group to its end', () => {
    for (const date of ['2026-06-30', '2026-07-01', '2026-12-31', '2027-01-01', '2027-01-04'] as CalendarDate[]) {
      const rows = [course('A', '15-01-2026', 'Personer i ressourceforløb', { Statusdato: '01-06-2026' })];
      expect(run([register([initiative]), tracking('RF', rows)], date)).toEqual([]);
      const late = course('B', `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`, 'Personer i ressourceforløb');
      expect(run([register([initiative]), tracking('RF', [late])], date).map((f) => f.code)).toEqual(['INACTIVE_CODE']);
    }
  });
  it('checks the status on the status date, the target group on the start date', () => {
    const statuses = table('Taksonomier', 'Statusser', ['Kode', 'Navn', 'Synonymer', 'Aktiv', 'Gyldig fra', 'Gyldig til', 'Udfaldsklasse', 'Trin'], [
      ['FORLØB', 'I forløb', null, 'Ja', null, '30-06-2026', 'Aktiv', null],
      ['NY', 'I fleksibelt forløb', null, 'Ja', '01-07-2026', null, 'Aktiv', null],
    ]);
    const before = course('A', '15-06-2026', 'Jobparate kontanthjælpsmodtagere', { Statusdato: '30-06-2026' });
    const after = course('B', '15-06-2026', 'Jobparate kontanthjælpsmodtagere', { Statusdato: '01-07-2026' });
    expect(run([statuses, register([initiative]), tracking('RF', [before])], '2026-08-01' as CalendarDate)).toEqual([]);
    const findings = run([statuses, register([initiative]), tracking('RF', [after])], '2026-08-01' as CalendarDate);
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.params.date}`)).toEqual(['E2 INACTIVE_CODE 2026-07-01']);
  });
});

describe('a 2027 course in a 2019-only group (test taxonomy: no verified 2027 group names exist)', () => {
  it('is a finding with the successor suggested, its law reference in the message; a 2026 course is not', () => {
    const findings = run([groups2027(), register([initiative]), tracking('RF', [
      course('A', '30-12-2026', 'Aktivitetsparate kontanthjælpsmodtagere'),
      course('B', '04-01-2027', 'Aktivitetsparate kontanthjælpsmodtagere'),
    ])]);
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.suggestion}`)).toEqual(['C3 INACTIVE_CODE Testgruppe 2027 (kontanthjælp)']);
    expect(findings[0].message).toBe('”Aktivitetsparate kontanthjælpsmodtagere” i Målgrupper er ikke gældende pr. 04-01-2027 (gyldig til 31-12-2026). Erstattes af ”Testgruppe 2027 (kontanthjælp)” (Testlov 2027 § 1).');
    expect(findings[0].value).toBe('Aktivitetsparate kontanthjælpsmodtagere');
  });
  it('without a mapping the finding has no suggestion', () => {
    const findings = run([groups2027(), register([initiative]), tracking('RF', [course('B', '04-02-2026', 'Personer i ressourceforløb')])]);
    expect(findings.map((f) => `${f.code} ${f.suggestion}`)).toEqual(['INACTIVE_CODE undefined']);
  });
  it('a code with two successive versions uses the one in force on the row date', () => {
    const versions = groups2027([
      ['MG13', 'Unge under 18 år', null, 'Ja', null, '31-12-2026', null, '17', 'LAB § 6, nr. 13', null],
      ['MG13', 'Unge under 18 år', null, 'Ja', '01-01-2027', null, null, '17', 'Testlov 2027 § 2', null],
    ]);
    expect(run([versions, register([initiative]), tracking('RF', [course('A', '04-01-2027', 'Unge under 18 år'), course('B', '04-01-2026', 'MG13')])])
      .filter((f) => f.code !== 'NON_STANDARD_VALUE')).toEqual([]);
  });
  it('the portfolio counts the same citizens before and after the mapping, the old group under its successor', () => {
    const tables = [groups2027(), register([initiative]), tracking('RF', [
      course('A', '01-06-2026', 'Aktivitetsparate kontanthjælpsmodtagere'),
      course('B', '01-06-2026', 'Jobparate kontanthjælpsmodtagere'),
      course('C', '04-01-2027', 'Testgruppe 2027 (kontanthjælp)'),
    ])];
    const { model, taxonomies } = validateWorkbook(tables, { asOf });
    const portfolio = summarizePortfolio(model, taxonomies, asOf);
    const before = summarizePortfolio(model, taxonomies, '2026-12-31' as CalendarDate);
    expect(before.totals.participants).toBe(2);
    expect(portfolio.totals.participants).toBe(3);
    const row = (p: typeof portfolio, code: string) => p.byTargetGroup.find((r) => r.code === code);
    expect(row(before, 'T1')?.participants).toBe(2);
    expect(row(portfolio, 'T1')?.participants).toBe(3);
    expect(row(portfolio, 'MG03')).toBeUndefined();
  });
});

describe('bad taxonomy data', () => {
  it('overlapping versions of one code, Gyldig til before Gyldig fra and a mapping to a code that does not exist are errors at their cells', () => {
    const findings = run([groups2027([
      ['MG08', 'Personer i ressourceforløb', null, 'Ja', '01-01-2026', null, null, null, null, null],
      ['MG12', 'Selvforsørgende ledige', null, 'Ja', '01-07-2026', '31-01-2026', null, null, null, null],
      ['MG11', 'Førtidspensionister', null, 'Ja', null, null, null, null, null, 'NG9'],
    ]), register([initiative])]);
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.severity}`)).toEqual([
      'E6 TAXONOMY_VERSION_OVERLAP error', 'F7 TAXONOMY_DATES_REVERSED error', 'J8 TAXONOMY_UNKNOWN_SUCCESSOR error',
    ]);
    expect(findings[0].message).toBe('Koden ”MG08” i Målgrupper har en anden version (række 5) i samme periode. Versioner af en kode skal følge efter hinanden: ret ”Gyldig fra”/”Gyldig til”.');
    expect(findings[1].message).toBe('”Gyldig til” (31-01-2026) ligger før ”Gyldig fra” (01-07-2026) for koden ”MG12” i Målgrupper.');
    expect(findings[2].message).toContain('”Erstattes af” for ”MG11” i Målgrupper er ”NG9”, men den kode findes ikke');
  });
  it('the same undated code twice stays a DUPLICATE_CODE', () => {
    const findings = run([groups2027([['MG11', 'Førtidspensionister', null, 'Ja', null, null, null, null, null, null], ['MG11', 'Førtidspension', null, 'Ja', null, null, null, null, null, null]]), register([initiative])]);
    expect(findings.map((f) => f.code)).toEqual(['DUPLICATE_CODE', 'DUPLICATE_CODE']);
  });
});

describe('a workbook whose taxonomies are older than the built-in ones', () => {
  const builtIn = defaultTaxonomies().targetGroups;
  const old = { ...builtIn, entries: builtIn.entries.filter((e) => e.code !== 'MG15').map((e) => ({ ...e, validTo: undefined })) };
  const { header, rows } = taxonomyToRows(old);
  it('gets a notice at the table, and the update adds the missing entry and end-dates the expired ones', () => {
    const findings = run([table('Taksonomier', 'Målgrupper', header, rows), register([initiative])]);
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`)).toEqual(['Taksonomier!A1 TAXONOMY_OUTDATED warning']);
    expect(findings[0].message).toBe('Målgrupper er ældre end de indbyggede taksonomier: 1 mangler og 3 er ikke slutdateret (fx ”Personer i ressourceforløb”). Vælg Opdater taksonomier under Opsætning (eller kør indsats repair).');
    const update = taxonomyUpdate(old, builtIn);
    expect(update.add.map((e) => e.code)).toEqual(['MG15']);
    expect(update.endDate).toEqual([{ code: 'MG08', validTo: '2026-01-31' }, { code: 'MG10', validTo: '2026-01-31' }, { code: 'LG03', validTo: '2026-01-31' }]);
  });
  it('a municipality that set its own end date keeps it and gets no notice', () => {
    const own = { ...builtIn, entries: builtIn.entries.map((e) => (e.code === 'MG08' ? { ...e, validTo: '2026-06-30' as CalendarDate } : e)) };
    expect(taxonomyUpdate(own, builtIn)).toEqual({ add: [], endDate: [], mapTo: [] });
    const { header: h, rows: r } = taxonomyToRows(own);
    expect(run([table('Taksonomier', 'Målgrupper', h, r), register([initiative])])).toEqual([]);
  });
});
