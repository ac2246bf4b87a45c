/**
 * The demo workbook's content, built from the initiatives in the source documents (Ishøj Kommune /
 * Jobcenter Vallensbæk 2014–2021). Participant IDs are pseudonyms; participants' dates, ages and
 * hours are made up within what the documents state, the counts and totals are the documents'.
 *
 * ITMV reproduces the status table "pr. 29/8" (2016): in job 2 (1 ordinary, 1 løntilskud), in
 * company placement 6, in the 13-week course 8, ended after step 1 to another effort 3, in all 18.
 * The parts add up to 19: the table counts courses per status but citizens in the total, so one
 * citizen has two courses here — ended after step 1 early in 2016, then back in a new course.
 */
import {
  BUDGET, INITIATIVES, PARTICIPANTS, participantTableName, POSTINGS, STATUS_LOG, TABLE_NAMES, type ColumnKey, type TableKind, type TableSpec,
} from '../domain/model/schema';
import { addDays, type CalendarDate } from '../domain/parse/calendarDate';
import type { CellValue } from '../domain/parse/cell';

/** A row by column key (COLUMNS maps the keys to the headers); a column left out is an empty cell. */
type Row<T extends TableKind> = Partial<Record<ColumnKey<T>, CellValue>>;
const d = (iso: string) => iso as CalendarDate;
const pad = (n: number) => String(n).padStart(3, '0');
const rowsOf = <S extends TableSpec>(spec: S, rows: Partial<Record<keyof S['column'], CellValue>>[]): CellValue[][] =>
  rows.map((r) => spec.columns.map((c) => r[c.key] ?? null));

/**
 * Themes as "Status på Aktiveringsstrategi 2020" nests them (theme > sub-theme above the
 * initiatives), and each initiative's status text as of its Status pr., from the documents.
 */
const ACTIVATION = 'Færre på offentlig forsørgelse';
const YOUTH = `${ACTIVATION} > Ungeindsats`;
const READY = `${ACTIVATION} > Jobparate kontanthjælpsmodtagere, dagpengemodtagere og åbenlyst uddannelsesparate`;
const EDGE = `${ACTIVATION} > Borgere på kanten af arbejdsmarkedet`;
const STANDBY = 'Projektet er på standby.';

const register: Row<'initiatives'>[] = [
  { id: 'ITMV', name: 'I Tråd Med Verden', unit: 'Helhedsplanen i Vejleåparken', goals: 'L1; L4', targetGroups: 'MG03; LG06', start: '2016-01-01', end: '2017-12-31', places: 12, state: 'I gang', offer: 'Vejledning og opkvalificering', courseWeeks: 13,
    // The reply's own target: measured on those who completed the 13-week course, not on all 18.
    kpis: '100 % af dem, der har gennemført, er i job, løntilskud eller praktik', statusDate: '2016-08-29',
    statusText: '100 % af de borgere, som har gennemført og afsluttet et 13-ugers forløb, er kommet i job, løntilskud eller praktik. 3 borgere er efter aftale afsluttet efter 6 uger.' },
  { id: 'FSM', name: 'Flere skal med', unit: 'Jobcenter Vallensbæk', goals: 'L1; M4', targetGroups: 'LG02', start: '2017-01-01', end: '2019-12-31', state: 'Afsluttet', kpis: '40 % af målgruppen i virksomhedspraktik i 13 uger', statusDate: '2018-06-30' },
  { id: 'JOBFIRST', name: 'JobFirst', unit: 'Jobcenter Vallensbæk', goals: 'L1; M4', targetGroups: 'MG08; LG01', start: '2016-01-01', end: '2017-12-31', places: 100, state: 'Afsluttet', statusDate: '2017-06-30',
    statusText: 'Kontrolleret forsøg: 100 borgere i indsatsgruppen og 100 i kontrolgruppen.' },
  { id: 'EMP', name: 'Empowerment', unit: 'Jobcenter Vallensbæk', goals: 'L1; M4', targetGroups: 'LG07; LG03', start: '2014-01-01', end: '2016-12-31', places: 200, state: 'Afsluttet', statusDate: '2016-12-31' },
  { id: 'SPEC', name: 'Speciel indsats for 10-15 udsatte borgere med få ressourcer', unit: 'Jobcenter Vallensbæk', goals: 'L1; M4', targetGroups: 'MG08; LG01', start: '2017-01-01', end: '2017-12-31', places: 15, state: 'Afsluttet', offer: 'Virksomhedspraktik', courseWeeks: 13, statusDate: '2017-09-30' },
  { id: 'STRAKS', name: 'Straksaktivering / nytteindsats', unit: 'Ishøj Uddannelse og Job', goals: 'L1', targetGroups: 'MG02; MG04; MG01', start: '2020-01-01', state: 'I gang', offer: 'Nytteindsats', statusDate: '2020-12-31', theme: READY,
    statusText: '64 borgere har været indskrevet i 2020. Projektet er påvirket af coronarestriktionerne på beskæftigelsesområdet.' },
  { id: 'CVJOB', name: 'CV og Job Værkstedet', unit: 'Jobcenter Vallensbæk', goals: 'L1', targetGroups: 'MG01; MG02', start: '2020-01-01', state: 'I gang', offer: 'Vejledning og opkvalificering', courseWeeks: 8, statusDate: '2020-12-31', theme: READY,
    statusText: 'Ca. 60 borgere har deltaget i 8-ugers forløb i 2020.' },
  { id: 'TRANS', name: 'Opkvalificering på transportområdet', unit: 'Jobcenter Vallensbæk', goals: 'L1; L3', targetGroups: 'LG07; MG14', start: '2019-03-01', end: '2020-12-31', state: 'Afsluttet', offer: 'Vejledning og opkvalificering', statusDate: '2020-12-31', theme: EDGE,
    statusText: '96 borgere har været tilmeldt projektet. Ca. 70 af dem er sandsynligvis Ishøj-borgere.' },
  { id: 'FKIB', name: 'Flere kvinder med indvandrerbaggrund i beskæftigelse', unit: 'Jobcenter Vallensbæk', goals: 'L1; L4', targetGroups: 'MG03; MG12; LG06', start: '2020-01-01', end: '2022-12-31', places: 100, state: 'I gang', offer: 'Vejledning og opkvalificering', statusDate: '2021-02-18', theme: EDGE,
    statusText: 'Der er tilknyttet 65 borgere til projektet.' },
  { id: 'UNGE', name: 'Ungeindsats – Ishøj Uddannelse og Job', unit: 'Ishøj Uddannelse og Job', goals: 'L2; M2', targetGroups: 'LG04', start: '2019-08-01', state: 'I gang', statusDate: '2020-12-31', theme: YOUTH,
    statusText: 'IUJ målgruppevurderer til FGU. Fra januar til december 2020 er 46 unge startet på FGU.' },
  { id: 'SMC', name: 'Samarbejdsprojekt med Socialmedicinsk Center', unit: 'Jobcenter Vallensbæk', goals: 'L3', targetGroups: 'LG05', state: 'Standby', statusDate: '2020-12-31', theme: EDGE, statusText: STANDBY },
  { id: 'INV', name: 'Investeringsprojekter inspireret af Aabenraa', unit: 'Jobcenter Vallensbæk', goals: 'L1', targetGroups: 'LG05', state: 'Standby', statusDate: '2020-12-31', theme: EDGE, statusText: STANDBY },
  { id: 'HJEM', name: 'Hjemløseindsats: boliger og halvårlige tællinger', unit: 'Center for Socialservice', goals: 'M7', start: '2015-01-01', state: 'I gang', statusDate: '2016-12-31' },
  // The pool note: an integrated effort of the employment and the social administration (two units),
  // 2017–2020, at least 100 citizens per municipality; 39,1 mio. in the pool, 50 % municipal co-financing.
  { id: 'POOL', name: 'Social støtte i overgangen til og fastholdelse af job', unit: 'Jobcenter Vallensbæk; Center for Socialservice', goals: 'L1; M4', targetGroups: 'LG01', start: '2017-01-01', end: '2020-12-31', state: 'Planlagt',
    kpis: 'min. 100 borgere', statusDate: '2017-09-01', statusText: 'Ansøgningsfrist for puljen 1. september 2017.' },
];

interface Course {
  id: string;
  start: string;
  group: string;
  step?: number;
  status: string;
  statusDate?: string;
  end?: string;
  hours?: number;
  age: number;
  remark?: string;
  /** The visitation group or trial arm (column Gruppe). */
  arm?: string;
}

const course = (c: Course): Row<'participants'> => ({
  participantId: c.id, startDate: c.start, targetGroup: c.group, step: c.step ?? null, status: c.status,
  statusDate: c.statusDate ?? c.start, endDate: c.end ?? null, ordinaryHours: c.hours ?? null, age: c.age, remark: c.remark ?? null, group: c.arm ?? null,
});

const AP = 'Aktivitetsparate kontanthjælpsmodtagere';
const AP_WOMEN = 'Aktivitetsparate kvinder med indvandrerbaggrund';

/** ITMV pr. 29-08-2016: 19 courses of 18 citizens (see the file comment). */
function itmv(): Row<'participants'>[] {
  const rows: Row<'participants'>[] = [
    course({ id: 'ITMV-001', start: '2016-01-11', group: AP, step: 3, status: 'I ordinær beskæftigelse', statusDate: '2016-06-01', end: '2016-06-01', hours: 30, age: 34 }),
    course({ id: 'ITMV-002', start: '2016-01-11', group: AP_WOMEN, step: 3, status: 'Ansat med løntilskud', statusDate: '2016-07-01', end: '2016-07-01', age: 41 }),
  ];
  // 6 in company placement (trin 3), each after a full 13-week course.
  ['2016-03-07', '2016-03-21', '2016-04-04', '2016-04-18', '2016-05-02', '2016-05-16'].forEach((start, i) =>
    rows.push(course({ id: `ITMV-${pad(3 + i)}`, start, group: i % 2 ? AP : AP_WOMEN, step: 3, status: 'I virksomhedspraktik', statusDate: addDays(d(start), 91), age: 31 + i * 3 })));
  // 8 in the 13-week course (trin 1 or 2), started within the last 13 weeks; ITMV-017 is back for a second course.
  ['2016-06-06', '2016-06-13', '2016-06-27', '2016-07-04', '2016-07-18', '2016-08-01', '2016-08-15', '2016-08-22'].forEach((start, i) =>
    rows.push(course({ id: i === 3 ? 'ITMV-017' : `ITMV-${pad(9 + (i > 3 ? i - 1 : i))}`, start, group: i % 3 ? AP_WOMEN : AP, step: start < '2016-07-10' ? 2 : 1, status: 'I forløb', age: 28 + i * 4, ...(i === 3 ? { remark: 'Nyt forløb efter afklaring i foråret' } : {}) })));
  // 3 ended after step 1, after the 6-week clarification period, to another effort.
  ['2016-01-25', '2016-02-08', '2016-02-22'].forEach((start, i) =>
    rows.push(course({ id: ['ITMV-017', 'ITMV-016', 'ITMV-018'][i], start, group: AP_WOMEN, step: 1, status: 'Afsluttet til anden indsats', statusDate: addDays(d(start), 42), end: addDays(d(start), 42), age: 45 + i })));
  return rows;
}

/** FKIB pr. 18-02-2021: 65 women; 30,8 % (20) in work > 18,5 h or education, 10,8 % (7) with ordinary hours < 18,5 h, 6,2 % (4) in company placements. */
function fkib(): Row<'participants'>[] {
  const rows: Row<'participants'>[] = [];
  const group = (i: number) => (i % 5 === 4 ? 'Selvforsørgende ledige' : AP);
  for (let i = 0; i < 65; i++) {
    const id = `FKIB-${pad(i + 1)}`;
    const start = addDays(d('2020-01-06'), (i * 7) % 350);
    const age = 25 + ((i * 7) % 36);
    if (i < 16) rows.push(course({ id, start, group: group(i), status: 'I ordinær beskæftigelse', statusDate: addDays(start, 120), end: addDays(start, 120), hours: 20 + (i % 18), age }));
    else if (i < 20) rows.push(course({ id, start, group: group(i), status: 'I uddannelse', statusDate: addDays(start, 150), end: addDays(start, 150), age }));
    else if (i < 27) rows.push(course({ id, start, group: group(i), status: 'I forløb', hours: 6 + (i % 10), age }));
    else if (i < 31) rows.push(course({ id, start, group: AP, status: 'I virksomhedspraktik', statusDate: addDays(d('2021-01-04'), (i - 27) * 7), age }));
    else rows.push(course({ id, start, group: group(i), status: 'I forløb', age }));
  }
  return rows;
}

/** A small, varied tracking sheet for the pool initiatives (steps 1–3), each course in the arm `arm` gives its status. */
function poolCourses(prefix: string, statusDate: string, group: string, plan: [status: string, step: number | undefined, count: number][], arm?: (status: string) => string): Row<'participants'>[] {
  const rows: Row<'participants'>[] = [];
  const asOf = d(statusDate);
  let n = 0;
  for (const [status, step, count] of plan) {
    for (let i = 0; i < count; i++, n++) {
      const id = `${prefix}-${pad(n + 1)}`;
      const age = 31 + ((n * 5) % 30);
      const a = arm ? { arm: arm(status) } : {};
      if (status === 'I forløb') rows.push(course({ id, start: addDays(asOf, -14 - 7 * i), group, step, status, age, ...a }));
      else if (status === 'I virksomhedspraktik') rows.push(course({ id, start: addDays(asOf, -150 - 7 * i), group, step, status, statusDate: addDays(asOf, -20 - 7 * i), age, ...a }));
      else {
        const start = addDays(asOf, -300 - 14 * n);
        const end = addDays(start, status === 'I ordinær beskæftigelse' ? 200 : 60);
        rows.push(course({ id, start, group, step, status, statusDate: end, end, hours: status === 'I ordinær beskæftigelse' ? 10 + (n % 20) : undefined, age, ...a }));
      }
    }
  }
  return rows;
}

const statusLog: Row<'statusLog'>[] = [
  ...([['Kommet i job', 2, '1 ordinær beskæftigelse, 1 i løntilskud'], ['I virksomhedspraktik (trin 3)', 6, null], ['I 13-ugers forløb (trin 1 og 2)', 8, null], ['Afsluttet efter trin 1 til anden indsats', 3, null], ['I alt', 18, 'Borgere der har påbegyndt et forløb i 2016']] as const)
    .map(([indicator, value, comment]) => ({ initiativeId: 'ITMV', date: '2016-08-29', indicator: indicator, value: value, comment: comment })),
  { initiativeId: 'FSM', date: '2016-12-31', indicator: 'Personmarkerede borgere i bruttomålgruppen', value: 160, comment: 'Ca. 160 borgere, opgjort december 2016' },
  { initiativeId: 'JOBFIRST', date: '2016-01-01', indicator: 'Borgere i indsatsgruppen', value: 100, comment: 'Kontrolleret forsøg: 100 i indsatsgruppen, 100 i kontrolgruppen' },
  { initiativeId: 'JOBFIRST', date: '2016-01-01', indicator: 'Borgere i kontrolgruppen', value: 100, comment: 'Får den almindelige indsats' },
  { initiativeId: 'EMP', date: '2014-01-01', indicator: 'Borgere i målgruppen', value: 200, comment: 'Ledige i mindst to år, over 30 år' },
  { initiativeId: 'STRAKS', date: '2020-12-31', indicator: 'Indskrevne borgere i 2020', value: 64, comment: 'Påvirket af coronarestriktionerne' },
  { initiativeId: 'CVJOB', date: '2020-12-31', indicator: 'Deltagere i 8-ugers forløb i 2020', value: 60, comment: 'Ca. 60 borgere' },
  { initiativeId: 'TRANS', date: '2020-12-31', indicator: 'Tilmeldte borgere', value: 96, comment: 'Ca. 70 af dem er sandsynligvis Ishøj-borgere' },
  { initiativeId: 'UNGE', date: '2020-12-31', indicator: 'Unge startet på FGU i 2020', value: 46, comment: null },
  { initiativeId: 'FKIB', date: '2021-02-18', indicator: 'Tilknyttede borgere', value: 65, comment: null },
  { initiativeId: 'FKIB', date: '2021-02-18', indicator: 'Andel i beskæftigelse > 18,5 timer eller uddannelse (%)', value: 30.8, comment: null },
  { initiativeId: 'FKIB', date: '2021-02-18', indicator: 'Andel med ordinære timer under 18,5 timer (%)', value: 10.8, comment: null },
  { initiativeId: 'FKIB', date: '2021-02-18', indicator: 'Andel i virksomhedsforløb mv. (%)', value: 6.2, comment: 'Virksomhedspraktik, løntilskud' },
  ...([['2015-05-31', 61], ['2015-12-31', 50], ['2016-05-31', 54], ['2016-12-31', 38]] as const)
    .map(([date, value]) => ({ initiativeId: 'HJEM', date: date, indicator: 'Hjemløse Ishøj-borgere (tælling)', value: value, comment: null })),
  // In register order (POOL is last). The pool note's facts: the pool, the co-financing, the citizens. "Ca." stays in the comment, so the demo
  // validates without warnings beyond the seed's capacity; a Værdi typed as "ca. 750" would be kept as typed.
  { initiativeId: 'POOL', date: '2017-09-01', indicator: 'Samlet pulje (kr.)', value: 39_100_000, comment: 'Medfinansiering fra kommunen på 50 pct.' },
  { initiativeId: 'POOL', date: '2017-09-01', indicator: 'Borgere i alt, 7 kommuner', value: 750, comment: 'Ca. 750 borgere; minimum 100 borgere pr. kommune' },
  { initiativeId: 'POOL', date: '2017-09-01', indicator: 'Borgere i målgruppen i Vallensbæk/Ishøj', value: 244, comment: 'Ca. 244 borgere' },
];

/** ITMV 2017: 262.000 kr. committed with half refunded by the state; residents a further 262.000 kr. via Landsbyggefonden. */
const budget: Row<'budget'>[] = [
  { initiativeId: 'ITMV', year: 2017, source: 'Kommune', amount: 262000, refundRate: 0.5 },
  { initiativeId: 'ITMV', year: 2017, source: 'Landsbyggefonden', amount: 262000, refundRate: null },
];

const postings: Row<'postings'>[] = [
  { initiativeId: 'ITMV', date: '2017-02-01', type: 'Tilskud modtaget', amount: 262000, voucher: 'ITMV-2017-01', source: 'Landsbyggefonden' },
  { initiativeId: 'ITMV', date: '2017-03-31', type: 'Udgift', amount: 131000, voucher: 'ITMV-2017-02', source: 'Kommune' },
  { initiativeId: 'ITMV', date: '2017-08-31', type: 'Udgift', amount: 131000, voucher: 'ITMV-2017-03', source: 'Kommune' },
  { initiativeId: 'ITMV', date: '2017-09-15', type: 'Refusionsanmodning', amount: 131000, voucher: 'ITMV-2017-04', source: 'Statsrefusion' },
  { initiativeId: 'ITMV', date: '2017-11-30', type: 'Refusion modtaget', amount: 131000, voucher: 'ITMV-2017-05', source: 'Statsrefusion' },
];

/** Rows per table name, in the schema's column order, for the structure operation. */
export function demoRows(): Record<string, CellValue[][]> {
  const participants: Record<string, Row<'participants'>[]> = {
    ITMV: itmv(),
    // Flere skal med's visitation: Gruppe 1 visiteres til projektet, Gruppe 2 indkaldes til rehabiliteringsteamet
    // (here: those ended to another effort), Gruppe 3: socialforvaltningen underrettes (ended without job).
    FSM: poolCourses('FSM', '2018-06-30', 'Aktivitetsparate med mindst 5 år på offentlig forsørgelse',
      [['I forløb', 1, 5], ['I forløb', 2, 5], ['I virksomhedspraktik', 3, 4], ['I ordinær beskæftigelse', 3, 3], ['Afsluttet til anden indsats', 1, 2], ['Afsluttet uden job eller uddannelse', undefined, 1]],
      (status) => (status === 'Afsluttet til anden indsats' ? 'Gruppe 2' : status === 'Afsluttet uden job eller uddannelse' ? 'Gruppe 3' : 'Gruppe 1')),
    // JobFirst is a controlled trial: the sheet tracks the indsatsgruppe; the kontrolgruppe (100) is in the Statuslog.
    JOBFIRST: poolCourses('JF', '2017-06-30', 'Personer i ressourceforløb',
      [['I forløb', 1, 3], ['I forløb', 2, 2], ['I virksomhedspraktik', 3, 4], ['I ordinær beskæftigelse', 3, 3], ['Afsluttet til anden indsats', 1, 3]], () => 'Indsatsgruppe'),
    EMP: poolCourses('EMP', '2016-12-31', 'Ressourceforløbsmodtagere over 30 år',
      [['I ordinær beskæftigelse', undefined, 3], ['Afsluttet til anden indsats', undefined, 4], ['Afsluttet uden job eller uddannelse', undefined, 3]]),
    SPEC: poolCourses('SPEC', '2017-09-30', 'Aktivitetsparate kontanthjælpsmodtagere over 30 år',
      [['I virksomhedspraktik', 3, 8], ['Afsluttet til anden indsats', 1, 2], ['Afsluttet uden job eller uddannelse', undefined, 2]]),
    FKIB: fkib(),
    POOL: [],
  };
  const rows: Record<string, CellValue[][]> = {
    [TABLE_NAMES.initiatives]: rowsOf(INITIATIVES, register),
    [TABLE_NAMES.statusLog]: rowsOf(STATUS_LOG, statusLog),
    [TABLE_NAMES.budget]: rowsOf(BUDGET, budget),
    [TABLE_NAMES.postings]: rowsOf(POSTINGS, postings),
  };
  for (const r of register) rows[participantTableName(String(r.id))] = rowsOf(PARTICIPANTS, participants[String(r.id)] ?? []);
  return rows;
}
