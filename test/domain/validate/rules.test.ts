/** Every validation rule with a failing and a passing case, on tables shaped as the adapters deliver them. */
import { validateWorkbook, type Finding } from '../../../src/domain/validate';
import { renderFindings, type RenderedFinding } from '../../../src/i18n/findings';
import { BUDGET, POSTINGS, STATUS_LOG, type TableData } from '../../../src/domain/model';
import type { CalendarDate } from '../../../src/domain/parse';
import { headerOf, register, rowsOf, table, tracking } from '../../helpers/tables';

const asOf = '2017-08-29' as CalendarDate;
const itmv = {
  ID: 'ITMV', Navn: 'I Tråd Med Verden', 'Ansvarlig enhed': 'Helhedsplanen i Vejleåparken', Mål: 'L1; M4', Målgrupper: 'MG03; LG01; LG06',
  Start: '01-01-2016', Slut: '31-12-2017', Pladser: 12, Status: 'I gang', Forløbsuger: 13, KPI: 'andel i job ≥ 30 %',
};
const good = {
  'Deltager-ID': 'ITMV-001', Startdato: '15-08-2017', Målgruppe: 'Aktivitetsparate kontanthjælpsmodtagere', Trin: 1,
  Status: 'I forløb', Statusdato: '20-08-2017', Alder: 34, 'Ordinære timer pr. uge': 0,
};

/**
 * Findings with their messages, leaving out the missing status-log and finance tables that most
 * cases here don't need, and the warnings about dates and numbers typed as text (the cases write
 * dates as Danish text for readability; TEXT_DATE and TEXT_NUMBER have their own cases below).
 */
function run(tables: TableData[], lang: 'da' | 'en' = 'da'): RenderedFinding[] {
  return runAll(tables, lang).filter((f) => f.code !== 'TEXT_DATE' && f.code !== 'TEXT_NUMBER');
}
function runAll(tables: TableData[], lang: 'da' | 'en' = 'da', options: { asOf?: CalendarDate } = {}): RenderedFinding[] {
  return renderFindings(validateWorkbook(tables, { asOf: options.asOf ?? asOf }).findings, lang).filter((f) => f.code !== 'MISSING_TABLE');
}
const participants = (...rows: Record<string, unknown>[]) => run([register([itmv]), tracking('ITMV', rows as never)]);
/** Leaves out the warnings about text dates and numbers (see run). */
const typed = <F extends Finding>(findings: F[]) => findings.filter((f) => f.code !== 'TEXT_DATE' && f.code !== 'TEXT_NUMBER');
const codes = (findings: Finding[]) => typed(findings).map((f) => `${f.cell} ${f.code}`);

it('a clean register and tracking sheet give no findings', () => {
  expect(participants(good)).toEqual([]);
});

describe('REQUIRED_EMPTY', () => {
  it('flags an empty required cell', () => {
    const findings = participants({ ...good, Status: '  ' });
    expect(findings).toEqual([expect.objectContaining({ sheet: 'ITMV', cell: 'E2', row: 2, column: 'Status', severity: 'error', code: 'REQUIRED_EMPTY', message: "”Status” skal udfyldes." })]);
  });
  it('ignores an empty optional cell and a trailing empty row', () => {
    expect(participants({ ...good, Alder: null }, {})).toEqual([]);
  });
});

describe('WRONG_TYPE and OUT_OF_RANGE', () => {
  it('flags text in a date or number column with the reason', () => {
    const findings = participants({ ...good, Startdato: 'snart', Alder: 'tre' });
    expect(codes(findings)).toEqual(['B2 WRONG_TYPE', 'I2 WRONG_TYPE']);
    expect(findings[0].message).toBe("”snart” i ”Startdato” kan ikke læses: ikke en dato (brug fx 29-08-2017).");
  });
  it('accepts Danish dates, Excel serials and decimal commas', () => {
    expect(participants({ ...good, Startdato: 42962, Statusdato: '20.8.2017', 'Ordinære timer pr. uge': '12,5' })).toEqual([]);
  });
  it('flags a value outside the column range', () => {
    expect(codes(participants({ ...good, 'Ordinære timer pr. uge': 90 }))).toEqual(['H2 OUT_OF_RANGE']);
    expect(participants({ ...good, 'Ordinære timer pr. uge': 37 })).toEqual([]);
  });
});

describe('EXCEL_ERROR', () => {
  it('flags error values in any cell, as text or as an object', () => {
    const findings = participants({ ...good, Alder: '#N/A', Bemærkning: { error: '#REF!' } });
    expect(codes(findings)).toEqual(['I2 EXCEL_ERROR', 'J2 EXCEL_ERROR']);
    expect(findings[1].params.value).toBe('#REF!');
  });
});

describe('UNKNOWN_CODE', () => {
  it('flags an unknown value with the closest entry as suggestion', () => {
    const [finding] = participants({ ...good, Målgruppe: 'Aktivitetsparate kontanthjælpsmodtagre' });
    expect(finding).toMatchObject({ cell: 'C2', code: 'UNKNOWN_CODE', severity: 'error', suggestion: 'Aktivitetsparate kontanthjælpsmodtagere' });
    expect(finding.message).toBe("”Aktivitetsparate kontanthjælpsmodtagre” er ikke en målgruppe på listen. Mente du ”Aktivitetsparate kontanthjælpsmodtagere”?");
  });
  it('gives the message in English when asked', () => {
    const [finding] = run([register([itmv]), tracking('ITMV', [{ ...good, Status: 'praktikk' }])], 'en');
    expect(finding.message).toBe("'praktikk' is not in Statuses (Statusser). Did you mean 'I virksomhedspraktik'?");
  });
  it('suggests a whole corrected list for a code list cell', () => {
    const findings = run([register([{ ...itmv, Mål: 'L1; M44' }])]);
    expect(findings).toEqual([expect.objectContaining({ cell: 'D2', code: 'UNKNOWN_CODE', suggestion: 'L1; M4' })]);
  });
  it('accepts codes, names and synonyms, suggesting the list value where the cell holds another spelling', () => {
    const findings = participants({ ...good, Målgruppe: 'KH-AP', Status: 'i 13-ugers forløb', Trin: 'Trin 1' });
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.severity} ${f.suggestion}`)).toEqual([
      'C2 NON_STANDARD_VALUE warning Aktivitetsparate kontanthjælpsmodtagere', 'D2 NON_STANDARD_VALUE warning 1', 'E2 NON_STANDARD_VALUE warning I forløb',
    ]);
    expect(findings[0].message).toBe("”KH-AP” er forstået som ”Aktivitetsparate kontanthjælpsmodtagere”. Skriv værdien som i listen, så overblikkets formler tæller rækken.");
    expect(participants({ ...good, Målgruppe: 'aktivitetsparate KONTANTHJÆLPSMODTAGERE' })).toEqual([]); // case alone is fine: COUNTIFS ignores it
    expect(run([register([{ ...itmv, Mål: 'Færre på offentlig forsørgelse og M4', 'Ansvarlig enhed': 'Helhedsplanen i Vejleåparken' }])])).toEqual([]);
  });
});

describe('INACTIVE_CODE', () => {
  const taxonomy = (aktiv: string, from: string | null) =>
    table('Taksonomier', 'Målgrupper', ['Kode', 'Navn', 'Synonymer', 'Aktiv', 'Gyldig fra', 'Gyldig til'], [
      ['MG03', 'Aktivitetsparate kontanthjælpsmodtagere', null, aktiv, from, null],
      ['LG01', 'Aktivitetsparate kontanthjælpsmodtagere over 30 år', null, 'Ja', null, null],
      ['LG06', 'Aktivitetsparate kvinder med indvandrerbaggrund', null, 'Ja', null, null],
    ]);
  const undated = { ...itmv, Start: null, Slut: null };
  it('warns about an entry marked inactive, wherever it is used', () => {
    const findings = run([taxonomy('Nej', null), register([undated]), tracking('ITMV', [good])]);
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`)).toEqual(['Indsatser!E2 INACTIVE_CODE warning', 'ITMV!C2 INACTIVE_CODE warning']);
  });
  it('warns about an entry not yet in force on the row date, naming the date', () => {
    const [finding] = run([taxonomy('Ja', '01-01-2018'), register([undated]), tracking('ITMV', [good])]);
    expect(finding.message).toBe("”Aktivitetsparate kontanthjælpsmodtagere” i Målgrupper er ikke gældende pr. 15-08-2017 (gyldig fra 01-01-2018).");
  });
  it('accepts an entry in force on the row date', () => {
    expect(run([taxonomy('Ja', '01-01-2017'), register([undated]), tracking('ITMV', [good])])).toEqual([]);
  });
});

describe('DATE_ORDER', () => {
  it('flags a status date or end date before the start', () => {
    const findings = participants({ ...good, Statusdato: '14-08-2017', Slutdato: '01-08-2017', Status: 'Afsluttet uden job eller uddannelse', Trin: null });
    expect(codes(findings)).toEqual(['F2 DATE_ORDER', 'G2 DATE_ORDER']);
    expect(findings[1].message).toBe("”Slutdato” (01-08-2017) ligger før ”Startdato” (15-08-2017).");
  });
  it('flags an initiative ending before it starts', () => {
    expect(codes(run([register([{ ...itmv, Slut: '31-12-2015' }])]))).toEqual(['G2 DATE_ORDER']);
  });
  it('accepts the same day', () => {
    expect(participants({ ...good, Statusdato: '15-08-2017', Slutdato: '15-08-2017', Status: 'I ordinær beskæftigelse', Trin: null })).toEqual([]);
  });
});

describe('STEP_STATUS_MISMATCH', () => {
  it('flags a step that the status does not belong to, suggesting the right one', () => {
    const findings = participants({ ...good, Status: 'I virksomhedspraktik', Trin: 1 });
    expect(findings).toEqual([expect.objectContaining({ cell: 'D2', code: 'STEP_STATUS_MISMATCH', suggestion: '3' })]);
  });
  it('accepts a matching step, and statuses without steps', () => {
    expect(participants({ ...good, Status: 'I virksomhedspraktik', Trin: 3 }, { ...good, 'Deltager-ID': 'ITMV-002', Status: 'I ordinær beskæftigelse', Trin: 2 })).toEqual([]);
  });
});

describe('TARGET_GROUP_NOT_IN_INITIATIVE', () => {
  it("warns when the participant's group is not one of the initiative's", () => {
    const [finding] = participants({ ...good, Målgruppe: 'Dagpengemodtagere' });
    expect(finding).toMatchObject({ cell: 'C2', code: 'TARGET_GROUP_NOT_IN_INITIATIVE', severity: 'warning' });
    expect(finding.message).toContain('Aktivitetsparate kontanthjælpsmodtagere over 30 år');
  });
  it('accepts any group when the initiative names none', () => {
    expect(run([register([{ ...itmv, Målgrupper: null }]), tracking('ITMV', [{ ...good, Målgruppe: 'Dagpengemodtagere' }])])).toEqual([]);
  });
});

describe('AGE_OUT_OF_BOUNDS', () => {
  it('flags an age below the bound the taxonomy states ("over 30 år")', () => {
    const [finding] = participants({ ...good, Målgruppe: 'Aktivitetsparate kontanthjælpsmodtagere over 30 år', Alder: 25 });
    expect(finding).toMatchObject({ cell: 'I2', code: 'AGE_OUT_OF_BOUNDS', severity: 'error' });
    expect(finding.message).toBe("Alder 25 passer ikke til målgruppen ”Aktivitetsparate kontanthjælpsmodtagere over 30 år” (mindst 30 år).");
  });
  it('flags an age above a maximum and accepts ages within', () => {
    const groups = { ...itmv, Målgrupper: 'LG04' };
    const young = { ...good, Målgruppe: 'Unge under 25 år uden uddannelse' };
    expect(codes(run([register([groups]), tracking('ITMV', [{ ...young, Alder: 25 }])]))).toEqual(['I2 AGE_OUT_OF_BOUNDS']);
    expect(run([register([groups]), tracking('ITMV', [{ ...young, Alder: 24 }])])).toEqual([]);
  });
});

describe('COURSE_TOO_LONG', () => {
  it('warns when an active course has run past its length without an end', () => {
    const [finding] = participants({ ...good, Startdato: '01-05-2017', Statusdato: null });
    expect(finding).toMatchObject({ cell: 'G2', code: 'COURSE_TOO_LONG', severity: 'warning', params: { weeks: 17, maxWeeks: 13 } });
  });
  it('accepts exactly 13 weeks, a course with an end date, and an ended course', () => {
    const start = '30-05-2017'; // 91 days before 29-08-2017
    expect(participants(
      { ...good, Startdato: start, Statusdato: null },
      { ...good, 'Deltager-ID': 'B', Startdato: '01-05-2017', Statusdato: null, Slutdato: '31-07-2017' },
      { ...good, 'Deltager-ID': 'C', Startdato: '01-01-2017', Statusdato: null, Status: 'I ordinær beskæftigelse', Trin: null },
    )).toEqual([]);
  });
  it("uses the offer's maximum for the target group when the initiative has no course length", () => {
    const praktik = { ...itmv, Forløbsuger: null, Tilbud: 'Virksomhedspraktik', Målgrupper: null };
    const jobparat = { ...good, Målgruppe: 'Jobparate kontanthjælpsmodtagere', Startdato: '15-07-2017', Statusdato: null };
    expect(codes(run([register([praktik]), tracking('ITMV', [jobparat])]))).toEqual(['G2 COURSE_TOO_LONG']); // 6 weeks > 4
    expect(run([register([praktik]), tracking('ITMV', [{ ...jobparat, Målgruppe: 'Aktivitetsparate kontanthjælpsmodtagere' }])])).toEqual([]);
  });
});

describe('COURSE_TOO_LONG for company placements and status dates', () => {
  const inPlacement = { ...good, Startdato: '01-01-2017', Trin: 3, Status: 'I virksomhedspraktik' };
  it('limits a placement by LAB § 61 from its status date: 13 weeks for aktivitetsparate', () => {
    expect(participants({ ...inPlacement, Statusdato: '01-06-2017' })).toEqual([]); // 12 weeks
    expect(codes(participants({ ...inPlacement, Statusdato: '15-05-2017' }))).toEqual(['G2 COURSE_TOO_LONG']); // 15 weeks
  });
  it('names the rule of LAB § 61 in the finding, with its extension and exception (eng/law)', () => {
    const [ap] = participants({ ...inPlacement, Statusdato: '15-05-2017' });
    expect(ap.params).toEqual({ weeks: 15, maxWeeks: 13, rule: 'LAB § 61, stk. 1, nr. 2', extendableTo: 26 });
    expect(ap.message).toBe('Forløbet har varet 15 uger uden slutdato; det må højst vare 13 uger (LAB § 61, stk. 1, nr. 2; kan forlænges til 26 uger efter en konkret vurdering). Angiv slutdato eller ny status.');
    const dp = { ...itmv, Målgrupper: null };
    const [insured] = run([register([dp]), tracking('ITMV', [{ ...inPlacement, Målgruppe: 'Dagpengemodtagere', Statusdato: '15-07-2017' }])]);
    expect(insured.params).toEqual({ weeks: 6, maxWeeks: 4, rule: 'LAB § 61, stk. 1', exceptionWeeks: 8 });
    expect(insured.message).toContain('(LAB § 61, stk. 1; 8 uger ved mindst en kort videregående uddannelse uden job siden)');
  });
  it("does not credit the act with a municipality's own limit", () => {
    const own = table('Taksonomier', 'Tilbud', ['Kode', 'Navn', 'Synonymer', 'Aktiv', 'Gyldig fra', 'Gyldig til', 'Maks. uger'], [
      ['PRAKTIK', 'Virksomhedspraktik', 'Praktik', 'Ja', null, null, 'MG03=10'],
    ]);
    const [finding] = run([own, register([itmv]), tracking('ITMV', [{ ...inPlacement, Statusdato: '01-06-2017' }])]);
    expect(finding.params).toEqual({ weeks: 12, maxWeeks: 10 });
  });
  it("judges a sheet on its 'Status pr.' date instead of today", () => {
    const dated = { ...itmv, 'Status pr.': '01-06-2017' };
    const row = { ...good, Startdato: '01-04-2017', Statusdato: null };
    expect(run([register([dated]), tracking('ITMV', [row])])).toEqual([]); // 8 weeks on 01-06-2017
    expect(codes(run([register([itmv]), tracking('ITMV', [row])]))).toEqual(['G2 COURSE_TOO_LONG']); // 21 weeks on 29-08-2017
  });
});

describe('CAPACITY_EXCEEDED', () => {
  const people = (n: number, extra: Record<string, unknown> = {}) =>
    Array.from({ length: n }, (_, i) => ({ ...good, 'Deltager-ID': `P${i}`, ...extra }));
  it('warns at the Pladser cell when more are active than there are places', () => {
    const findings = run([register([itmv]), tracking('ITMV', people(13) as never)]);
    expect(findings).toEqual([expect.objectContaining({ sheet: 'Indsatser', cell: 'H2', code: 'CAPACITY_EXCEEDED', severity: 'warning', params: { active: 13, places: 12, date: '2017-08-29' } })]);
  });
  it('counts only active participants on the date', () => {
    const rows = [...people(12), ...people(3, { 'Deltager-ID': 'X', Status: 'I ordinær beskæftigelse', Trin: null }).map((p, i) => ({ ...p, 'Deltager-ID': `J${i}` })),
      { ...good, 'Deltager-ID': 'LATE', Startdato: '01-09-2017', Statusdato: null }];
    expect(run([register([itmv]), tracking('ITMV', rows as never)])).toEqual([]);
  });
});

describe('DUPLICATE_ID', () => {
  it('flags every row of a participant with overlapping courses', () => {
    const findings = participants(good, { ...good, Startdato: '20-08-2017' });
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.params.rows}`)).toEqual(['A2 DUPLICATE_ID 2, 3', 'A3 DUPLICATE_ID 2, 3']);
  });
  it('accepts consecutive courses of the same participant', () => {
    expect(participants({ ...good, Startdato: '01-01-2017', Statusdato: null, Slutdato: '31-03-2017', Status: 'Afsluttet uden job eller uddannelse', Trin: null }, good)).toEqual([]);
  });
  it('flags duplicate initiative IDs in the register', () => {
    expect(codes(run([register([itmv, { ...itmv, Navn: 'Kopi' }])]))).toEqual(['A2 DUPLICATE_ID', 'A3 DUPLICATE_ID']);
  });
});

describe('CPR_NUMBER', () => {
  it('flags a CPR number in any cell, masked, as an error', () => {
    const findings = participants({ ...good, 'Deltager-ID': '290885-1234', Bemærkning: 'ring til 0101901234' });
    expect(codes(findings)).toEqual(['A2 CPR_NUMBER', 'J2 CPR_NUMBER']);
    expect(findings[0].params.value).toBe('290885-****');
    expect(JSON.stringify(findings)).not.toContain('1234');
  });
  it('does not flag pseudonyms, phone numbers or impossible dates', () => {
    expect(participants({ ...good, 'Deltager-ID': 'ITMV-0042', Bemærkning: 'tlf. 43 57 71 00; sag 3213991234' })).toEqual([]);
  });
});

describe('register, status log and finance tables', () => {
  it('flags an invalid initiative ID with a usable suggestion', () => {
    expect(run([register([{ ...itmv, ID: 'Flere skal med' }])])).toEqual([expect.objectContaining({ code: 'INVALID_ID', suggestion: 'Flere_skal_med' })]);
  });
  it('flags unknown KPI text as a warning and reads known KPIs', () => {
    const result = validateWorkbook([register([{ ...itmv, KPI: 'andel i job ≥ 30 %; flere glade borgere' }])], { asOf });
    expect(codes(result.findings.filter((f) => f.code !== 'MISSING_TABLE'))).toEqual(['L2 KPI_UNREADABLE']);
    expect(result.model.initiatives[0].kpis).toEqual([{ indicator: 'job', comparator: '>=', target: 0.3, text: 'andel i job ≥ 30 %' }]);
  });
  it('flags rows that refer to an initiative not in the register', () => {
    const log = table('Statuslog', 'Statuslog', headerOf(STATUS_LOG), rowsOf(STATUS_LOG, [
      { 'Indsats-ID': 'ITMV', Dato: '29-08-2017', Indikator: 'I job', Værdi: 2 },
      { 'Indsats-ID': 'NOPE', Dato: '29-08-2017', Indikator: 'I job', Værdi: 2 },
    ]));
    expect(codes(run([register([itmv]), log]))).toEqual(['A3 UNKNOWN_INITIATIVE']);
  });
  it('warns about a tracking table for an initiative not in the register', () => {
    expect(codes(run([register([itmv]), tracking('ANDET', [good])]))).toEqual(['A1 UNKNOWN_INITIATIVE']);
  });
  it('reads budget and postings with amounts in øre and rates in basis points', () => {
    const budget = table('Økonomi', 'Budget', headerOf(BUDGET), rowsOf(BUDGET, [{ 'Indsats-ID': 'ITMV', År: 2017, Kilde: 'Kommune', Beløb: '262.000 kr.', Refusionssats: '50 %' }]));
    const postings = table('Økonomi', 'Posteringer', headerOf(POSTINGS), rowsOf(POSTINGS, [
      { 'Indsats-ID': 'ITMV', Dato: '31.7.2017', Type: 'udgift', Beløb: '262.000,00', Bilag: 'B-1', Kilde: 'Kommune' },
      { 'Indsats-ID': 'ITMV', Dato: '31.7.2017', Type: 'udgift', Beløb: '1,234', Bilag: 'B-2' },
    ]), 1, 8);
    const result = validateWorkbook([register([itmv]), budget, postings, table('Statuslog', 'Statuslog', headerOf(STATUS_LOG), [])], { asOf });
    expect(result.model.budget).toEqual([{ initiativeId: 'ITMV', year: 2017, source: 'KOM', amountOre: 26_200_000, refundRateBp: 5000 }]);
    expect(result.model.postings).toEqual([{ initiativeId: 'ITMV', date: '2017-07-31', type: 'UDGIFT', amountOre: 26_200_000, voucher: 'B-1', source: 'KOM' }]);
    expect(codes(result.findings)).toEqual(['K3 WRONG_TYPE']); // table starts in column H
  });
});

describe('MISSING_TABLE', () => {
  it('is an error without the register and a warning without the status log or finance tables', () => {
    const findings = renderFindings(validateWorkbook([], { asOf }).findings, 'da');
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.params.table}`)).toEqual([
      'Indsatser!A1 error Indsatser', 'Statuslog!A1 warning Statuslog', 'Økonomi!A1 warning Budget', 'Økonomi!A1 warning Posteringer',
    ]);
    expect(findings[0].message).toBe("Tabellen ”Indsatser” mangler i projektmappen.");
  });
  it('accepts a register typed as a plain range on the sheet Indsatser', () => {
    const plain = { ...register([itmv]), table: undefined };
    expect(validateWorkbook([plain], { asOf }).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('MERGED_CELLS and EMPTY_ROW', () => {
  it('warns about merged cells in a table at their first cell', () => {
    const t = { ...tracking('ITMV', [good, { ...good, 'Deltager-ID': 'B' }]), merged: ['J2:J3'] };
    expect(run([register([itmv]), t])).toEqual([expect.objectContaining({ cell: 'J2', code: 'MERGED_CELLS', severity: 'warning', params: { range: 'J2:J3' } })]);
  });
  it('warns about an empty row between data rows but not about trailing empty rows', () => {
    const findings = participants(good, {}, { ...good, 'Deltager-ID': 'B' }, {}, {});
    expect(findings).toEqual([expect.objectContaining({ cell: 'A3', code: 'EMPTY_ROW', severity: 'warning', message: 'Række 3 er tom midt i tabellen. Slet rækken, eller udfyld den.' })]);
  });
});

describe('MISSING_COLUMN shapes', () => {
  it('flags a renamed required column once, at the header', () => {
    const t = tracking('ITMV', [good]);
    t.header = t.header.map((h) => (h === 'Status' ? 'Tilstand' : h));
    const findings = run([register([itmv]), t]);
    expect(findings).toEqual([expect.objectContaining({ cell: 'A1', row: 1, code: 'MISSING_COLUMN', severity: 'error', params: { column: 'Status', table: 'Deltagere_ITMV' } })]);
  });
  it('finds columns whatever their case and spacing', () => {
    const t = tracking('ITMV', [good]);
    t.header = t.header.map((h) => ` ${h.toUpperCase()} `);
    expect(run([register([itmv]), t])).toEqual([]);
  });
});

describe('finance findings from the reconciliation', () => {
  const log = table('Statuslog', 'Statuslog', headerOf(STATUS_LOG), []);
  const budgetOf = (rows: Record<string, unknown>[]) => table('Økonomi', 'Budget', headerOf(BUDGET), rowsOf(BUDGET, rows as never));
  const postingsOf = (rows: Record<string, unknown>[]) => table('Økonomi', 'Posteringer', headerOf(POSTINGS), rowsOf(POSTINGS, rows as never), 1, 8);
  const line = { 'Indsats-ID': 'ITMV', År: 2017, Kilde: 'Kommune', Beløb: 262000, Refusionssats: '50 %' };
  const expense = { 'Indsats-ID': 'ITMV', Dato: '31-03-2017', Type: 'Udgift', Beløb: '131.000,00', Kilde: 'Kommune' };
  const finance = (budget: Record<string, unknown>[], postings: Record<string, unknown>[]) =>
    typed(renderFindings(validateWorkbook([register([itmv]), log, budgetOf(budget), postingsOf(postings)], { asOf }).findings, 'da'));

  it('reads refund rates written as 50, "50 %" and 0,5 alike', () => {
    for (const rate of [50, '50 %', '0,5', 0.5]) {
      const result = validateWorkbook([register([itmv]), log, budgetOf([{ ...line, Refusionssats: rate }]), postingsOf([])], { asOf });
      expect(result.model.budget[0].refundRateBp).toBe(5000);
    }
  });

  it('flags duplicate vouchers on every posting, naming the other rows', () => {
    const findings = finance([line], [{ ...expense, Bilag: 'B-7' }, { ...expense, Bilag: 'b-7 ', Dato: '30-04-2017' }]);
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.severity} ${f.params.otherRows}`)).toEqual(['L2 DUPLICATE_VOUCHER warning 3', 'L3 DUPLICATE_VOUCHER warning 2']); // Bilag is column L
    expect(findings[0].message).toBe("Bilag ”B-7” er også bogført i række 3. Tjek, at beløbet ikke er bogført to gange.");
  });

  it('flags a year with postings but no budget', () => {
    const findings = finance([line], [{ ...expense, Dato: '31-03-2016' }]);
    expect(findings).toEqual([expect.objectContaining({ sheet: 'Økonomi', code: 'NO_BUDGET', severity: 'warning', message: "Indsatsen ”ITMV” har posteringer i 2016, men intet budget for 2016." })]);
  });

  it('flags a negative refund received and a rate above 100 %', () => {
    const findings = finance([{ ...line, Refusionssats: '150 %' }], [{ ...expense, Type: 'Refusion modtaget', Beløb: '-500' }]);
    expect(findings.map((f) => `${f.cell} ${f.code}`)).toEqual(['E2 WRONG_TYPE', 'K2 NEGATIVE_AMOUNT']);
  });

  it('flags a posting for an initiative not in the register', () => {
    expect(finance([line], [{ ...expense, 'Indsats-ID': 'NOPE' }]).map((f) => `${f.cell} ${f.code}`)).toEqual(['H2 UNKNOWN_INITIATIVE']);
  });

  it('gives no findings for the seed case', () => {
    const postings = [
      { ...expense, Bilag: 'B-1' }, { ...expense, Dato: '31-07-2017', Bilag: 'B-2' },
      { ...expense, Dato: '15-08-2017', Type: 'Refusionsanmodning', Kilde: 'Statsrefusion', Bilag: 'B-3' },
    ];
    expect(finance([line], postings)).toEqual([]);
  });
});

describe('TEXT_DATE and TEXT_NUMBER: what the sheet formulas would not count', () => {
  const serial = { ...good, Startdato: 42962, Statusdato: 42967 };
  const all = (...rows: Record<string, unknown>[]) => runAll([register([{ ...itmv, Start: 42370, Slut: 43100 }]), tracking('ITMV', rows as never)]);
  it('gives nothing for real dates and numbers', () => {
    expect(all(serial)).toEqual([]);
  });
  it('warns about a date typed as text, suggesting the Excel date to write', () => {
    const findings = all({ ...serial, Startdato: '15/8-2017' }, { ...serial, 'Deltager-ID': 'B', Statusdato: '20. aug. 2017', Slutdato: '27.08.2017' });
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.suggestion} ${f.suggestionValue}`)).toEqual([
      'B2 TEXT_DATE 15-08-2017 42962', 'F3 TEXT_DATE 20-08-2017 42967', 'G3 TEXT_DATE 27-08-2017 42974',
    ]);
    expect(findings[0]).toMatchObject({ severity: 'warning', value: '15/8-2017', params: { value: '15/8-2017', column: 'Startdato', date: '2017-08-15' } });
  });
  it('warns about a number typed as text, suggesting the number', () => {
    const findings = all({ ...serial, Alder: '34', 'Ordinære timer pr. uge': '12,5' });
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.suggestion} ${f.suggestionValue}`)).toEqual(['H2 TEXT_NUMBER 12,5 12.5', 'I2 TEXT_NUMBER 34 34']);
  });
  it('warns about an amount typed as text with the amount in kroner', () => {
    const budget = table('Økonomi', 'Budget', headerOf(BUDGET), rowsOf(BUDGET, [{ 'Indsats-ID': 'ITMV', År: 2017, Kilde: 'Kommune', Beløb: '131.000 kr.' }] as never));
    const [finding] = runAll([register([{ ...itmv, Start: 42370, Slut: 43100 }]), budget]).filter((f) => f.code === 'TEXT_NUMBER');
    expect(finding).toMatchObject({ cell: 'D2', suggestion: '131000', suggestionValue: 131000, value: '131.000 kr.' });
  });
});

describe('a day and month without a year, and implausible dates', () => {
  // ITMV runs 2016–2017 and its figures are read on 29-08-2016.
  const register2016 = register([{ ...itmv, Start: 42370, Slut: 43100, 'Status pr.': 42611 }]);
  const at = (row: Record<string, unknown>) => runAll([register2016, tracking('ITMV', [{ ...good, Startdato: 42527, Statusdato: 42527, ...row }] as never)]);
  it('takes the year from the initiative\'s status date and period, saying so', () => {
    const [finding] = at({ Statusdato: '1/8' });
    expect(finding).toMatchObject({ cell: 'F2', code: 'TEXT_DATE', suggestion: '01-08-2016', params: { date: '2016-08-01', yearFromContext: 1 } });
  });
  it('warns when the context leaves the year open, still suggesting the nearest', () => {
    // 28 February is half a year from 29-08-2016 both ways, and both years lie in the period.
    const [finding] = at({ Slutdato: '28/2' });
    expect(finding).toMatchObject({ cell: 'G2', code: 'AMBIGUOUS_YEAR', severity: 'warning', suggestion: '28-02-2016', params: { asOf: '2016-08-29' } });
    expect(finding.message).toContain('har intet år');
  });
  it('flags a date more than 5 years after the status date, and one before 2000', () => {
    const findings = at({ Slutdato: excelSerialOf('2061-06-01'), Statusdato: excelSerialOf('1916-06-06') });
    expect(findings.filter((f) => f.code === 'IMPLAUSIBLE_DATE').map((f) => `${f.cell} ${f.params.bound}`)).toEqual(['F2 before', 'G2 after']);
    expect(at({ Slutdato: excelSerialOf('2021-08-29') }).filter((f) => f.code === 'IMPLAUSIBLE_DATE')).toEqual([]);
  });
});

function excelSerialOf(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000) + 25_569;
}
