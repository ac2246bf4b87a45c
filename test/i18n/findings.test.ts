/** Every finding code renders in Danish and English from language-neutral params. */
import type { FindingCode, FindingParams } from '../../src/domain/validate';
import { messages } from '../../src/i18n';
import { findingMessage, renderFindings } from '../../src/i18n/findings';

/** Representative params per code, as the domain reports them (a Record: a new code needs an entry here). */
const samples: Record<FindingCode, FindingParams> = {
  MISSING_TABLE: { table: 'Indsatser' },
  MISSING_COLUMN: { column: 'Status', table: 'Deltagere_ITMV' },
  REQUIRED_EMPTY: { column: 'Status' },
  WRONG_TYPE: { value: 'snart', column: 'Startdato', reason: 'not-a-date' },
  OUT_OF_RANGE: { value: '120', column: 'Alder', min: 0, max: 100 },
  EXCEL_ERROR: { value: '#REF!' },
  UNKNOWN_CODE: { value: 'praktikk', taxonomy: 'statuses', suggestion: 'I virksomhedspraktik' },
  INACTIVE_CODE: { value: 'MG03', taxonomy: 'targetGroups', date: '2027-01-04', validTo: '2026-12-31', successor: 'Ny gruppe', successorLawRef: 'LAB 2027 § 6' },
  INVALID_ID: { value: '1 ITMV' },
  UNKNOWN_INITIATIVE: { value: 'XYZ' },
  DATE_ORDER: { column: 'Slutdato', date: '2017-08-01', otherColumn: 'Startdato', otherDate: '2017-08-15' },
  STEP_STATUS_MISMATCH: { status: 'I job', steps: '3', step: '1' },
  TARGET_GROUP_NOT_IN_INITIATIVE: { value: 'Unge', allowed: 'Jobparate, Aktivitetsparate' },
  COURSE_TOO_LONG: { weeks: 17, maxWeeks: 13, rule: 'LAB § 61, stk. 1, nr. 2', extendableTo: 26 },
  CAPACITY_EXCEEDED: { active: 13, places: 12, date: '2017-08-29' },
  DUPLICATE_ID: { value: 'ITMV-001', rows: '2, 3' },
  DUPLICATE_CODE: { value: 'MG03', taxonomy: 'targetGroups', rows: '4, 9' },
  AMBIGUOUS_SYNONYM: { value: 'AP', taxonomy: 'targetGroups', first: 'MG03', second: 'MG04' },
  CPR_NUMBER: { value: '290885-****' },
  AGE_OUT_OF_BOUNDS: { age: 25, group: 'Over 30', minAge: 30, maxAge: 65 },
  KPI_UNREADABLE: { value: 'flere glade borgere' },
  MERGED_CELLS: { range: 'J2:J3' },
  EMPTY_ROW: { row: 3 },
  NON_STANDARD_VALUE: { value: 'KH-AP', suggestion: 'Aktivitetsparate kontanthjælpsmodtagere' },
  TAXONOMY_VERSION_OVERLAP: { value: 'MG08', taxonomy: 'targetGroups', rows: '12' },
  TAXONOMY_DATES_REVERSED: { value: 'MG08', taxonomy: 'targetGroups', date: '2026-01-31', otherDate: '2026-07-01' },
  TAXONOMY_UNKNOWN_SUCCESSOR: { value: 'NG9', taxonomy: 'targetGroups', code: 'MG08' },
  TAXONOMY_OUTDATED: { taxonomy: 'targetGroups', missing: 2, expired: 3, example: 'Personer i ressourceforløb' },
  APPROXIMATE_VALUE: { value: 'ca. 60' },
  TEXT_DATE: { value: '6/6-2016', column: 'Startdato', date: '2016-06-06' },
  TEXT_NUMBER: { value: '131.000 kr.', column: 'Beløb' },
  AMBIGUOUS_YEAR: { value: '28/2', column: 'Startdato', date: '2016-02-28', asOf: '2016-08-29' },
  IMPLAUSIBLE_DATE: { column: 'Slutdato', date: '2061-06-01', asOf: '2016-08-29', bound: 'after', years: 5 },
  NO_BUDGET: { initiativeId: 'ITMV', year: 2016 },
  DUPLICATE_VOUCHER: { initiativeId: 'ITMV', year: 2017, voucher: 'B-7', otherRows: '3' },
  NEGATIVE_AMOUNT: { initiativeId: 'ITMV', year: 2017, amountOre: -50_000, type: 'refusion modtaget' },
  RATE_OUT_OF_RANGE: { initiativeId: 'ITMV', year: 2017, rateBp: 15_000 },
  CONFLICTING_RATES: { initiativeId: 'ITMV', year: 2017, source: 'Kommune', otherRows: '2' },
  UNALLOCATED_EXPENSE: { initiativeId: 'ITMV', year: 2017, amountOre: 13_100_050 },
  GRANT_WITHOUT_SOURCE: { initiativeId: 'ITMV', year: 2017, amountOre: 100_000 },
  FUTURE_DATE: { initiativeId: 'ITMV', year: 2017, date: '2017-08-31', asOf: '2017-08-29' },
  SHEET_NOT_IN_MODEL: { sheet: 'Mine deltagere', rows: 19 },
};
const codes = Object.keys(samples) as FindingCode[];

it('has a sample for every code the texts know', () => {
  expect([...codes].sort()).toEqual(Object.keys(messages.da.findings).sort());
  expect([...codes].sort()).toEqual(Object.keys(messages.en.findings).sort());
});

describe.each(['da', 'en'] as const)('in %s', (lang) => {
  it.each(codes)('%s renders a sentence with every param filled in and none left raw', (code) => {
    const message = findingMessage({ code, params: samples[code] }, lang);
    expect(message).toMatch(/^\S.*[.?]$/s);
    expect(message).not.toMatch(/undefined|NaN|\[object|\$\{/);
    // Neutral values are rendered, not shown as they are: ISO dates, øre, basis points, keys and codes.
    expect(message).not.toMatch(/\d{4}-\d\d-\d\d|targetGroups|statuses|not-a-date|13100050|15000/);
  });
});

it('renders a year taken from the context and a date before 2000', () => {
  expect(findingMessage({ code: 'TEXT_DATE', params: { value: '29/8', column: 'Startdato', date: '2016-08-29', yearFromContext: 1 } }, 'da'))
    .toBe('”29/8” i ”Startdato” er skrevet som tekst og ikke som en dato (29-08-2016, året er taget fra indsatsens periode og statusdato). Overblikkets og afstemningens formler tæller ikke rækken: brug forslaget, så cellen får en rigtig dato.');
  expect(findingMessage({ code: 'IMPLAUSIBLE_DATE', params: { column: 'Startdato', date: '1916-06-06', asOf: '2016-08-29', bound: 'before', years: 5 } }, 'en'))
    .toBe("'Startdato' is 06-06-1916, before 2000. Is the year mistyped?");
});

it('renders Danish and English texts that differ', () => {
  for (const code of codes) {
    expect(findingMessage({ code, params: samples[code] }, 'en')).not.toBe(findingMessage({ code, params: samples[code] }, 'da'));
  }
});

it('formats dates, amounts, rates, taxonomy names, parse reasons and age bounds per language', () => {
  const m = (code: FindingCode, lang: 'da' | 'en') => findingMessage({ code, params: samples[code] }, lang);
  expect(m('WRONG_TYPE', 'da')).toBe("”snart” i ”Startdato” kan ikke læses: ikke en dato (brug fx 29-08-2017).");
  expect(m('WRONG_TYPE', 'en')).toBe("'snart' in 'Startdato' cannot be read: not a date (use e.g. 29-08-2017).");
  expect(m('INACTIVE_CODE', 'da')).toBe("”MG03” i Målgrupper er ikke gældende pr. 04-01-2027 (gyldig til 31-12-2026). Erstattes af ”Ny gruppe” (LAB 2027 § 6).");
  expect(m('INACTIVE_CODE', 'en')).toBe("'MG03' in Target groups (Målgrupper) is not in force on 04-01-2027 (valid until 31-12-2026). Replaced by 'Ny gruppe' (LAB 2027 § 6).");
  expect(m('COURSE_TOO_LONG', 'da')).toBe('Forløbet har varet 17 uger uden slutdato; det må højst vare 13 uger (LAB § 61, stk. 1, nr. 2; kan forlænges til 26 uger efter en konkret vurdering). Angiv slutdato eller ny status.');
  expect(m('DATE_ORDER', 'da')).toBe("”Slutdato” (01-08-2017) ligger før ”Startdato” (15-08-2017).");
  expect(m('CAPACITY_EXCEEDED', 'en')).toBe('13 active participants on 29-08-2017, but the initiative has only 12 places.');
  expect(m('AGE_OUT_OF_BOUNDS', 'da')).toBe("Alder 25 passer ikke til målgruppen ”Over 30” (mindst 30 år, højst 65 år).");
  expect(m('AGE_OUT_OF_BOUNDS', 'en')).toBe("Age 25 does not fit the target group 'Over 30' (at least 30 years, at most 65 years).");
  expect(findingMessage({ code: 'AGE_OUT_OF_BOUNDS', params: { age: 25, group: 'Over 30', minAge: 30 } }, 'da')).toBe("Alder 25 passer ikke til målgruppen ”Over 30” (mindst 30 år).");
  expect(m('NEGATIVE_AMOUNT', 'da')).toBe('Negativt beløb (-500,00 kr.) på en refusion modtaget. Er det en tilbagebetaling? Ellers ret fortegnet.');
  expect(m('UNALLOCATED_EXPENSE', 'en')).toContain('131.000,50 kr.');
  expect(m('RATE_OUT_OF_RANGE', 'da')).toBe('Refusionssatsen 150 % skal ligge mellem 0 % og 100 %.');
  expect(m('FUTURE_DATE', 'da')).toBe('Posteringen er dateret 31-08-2017, efter afstemningsdatoen 29-08-2017. Er årstallet rigtigt?');
});

it('leaves a reason or taxonomy it does not know as it is', () => {
  expect(findingMessage({ code: 'WRONG_TYPE', params: { value: 'x', column: 'Kode', reason: 'something-new' } }, 'en')).toBe("'x' in 'Kode' cannot be read: something-new.");
  expect(findingMessage({ code: 'UNKNOWN_CODE', params: { value: 'x', taxonomy: 'toString' } }, 'da')).toBe("”x” findes ikke i toString. Vælg en værdi fra listen.");
});

it('renderFindings adds the message and keeps the finding as it was', () => {
  const finding = { sheet: 'ITMV', cell: 'E2', row: 2, column: 'Status', severity: 'error' as const, code: 'REQUIRED_EMPTY' as const, params: { column: 'Status' }, suggestion: 'x' };
  expect(renderFindings([finding], 'da')).toEqual([{ ...finding, message: "”Status” skal udfyldes." }]);
  expect(finding).not.toHaveProperty('message');
});

it('says in Danish what a value is not, lists steps with "eller" and says what is wrong with an ID', () => {
  expect(findingMessage({ code: 'UNKNOWN_CODE', params: { value: 'Praktk', taxonomy: 'statuses' } }, 'da')).toBe('”Praktk” er ikke en status på listen. Vælg en værdi fra listen.');
  expect(findingMessage({ code: 'STEP_STATUS_MISMATCH', params: { status: 'I forløb', steps: '1, 2', step: '3' } }, 'da')).toBe('Status ”I forløb” hører til trin 1 eller 2, men deltageren står på trin 3.');
  expect(findingMessage({ code: 'STEP_STATUS_MISMATCH', params: { status: 'I forløb', steps: '1, 2', step: '3' } }, 'en')).toContain('step 1 or 2');
  expect(findingMessage({ code: 'INVALID_ID', params: { value: 'I Tråd' } }, 'da')).toBe('Indsats-ID ”I Tråd” kan ikke bruges: mellemrum og ”å” kan ikke bruges (kun a-z, tal og _).');
});

it('names the look-alike of a missing column and how to rename it (#10)', () => {
  const params = { column: 'Status', table: 'Deltagere_ITMV', like: 'Forløbsstatus' };
  expect(findingMessage({ code: 'MISSING_COLUMN', params }, 'da')).toContain('Kolonnen ”Forløbsstatus” ligner den: omdøb den til ”Status”');
  expect(findingMessage({ code: 'MISSING_COLUMN', params }, 'en')).toContain("The column 'Forløbsstatus' looks like it");
  expect(findingMessage({ code: 'SHEET_NOT_IN_MODEL', params: { sheet: 'Ark1', rows: 1 } }, 'da')).toBe(
    'Arket ”Ark1” er ikke tjekket: det er ikke en del af Indsatsmonitor (1 række med data). Tag det i brug under Opsætning → Tag et eksisterende ark i brug (indsats adopt).',
  );
});
