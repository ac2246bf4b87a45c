/** All Danish texts: findings, parse reasons, the task pane. Danish is the product's first language. */
import type { FindingCode, FindingParams } from '../domain/validate/finding';
import type { ParseFailureCode } from '../domain/parse/cell';

type P = FindingParams;

export const parseReasonsDa: Record<ParseFailureCode, string> = {
  empty: 'feltet er tomt',
  'excel-error': 'cellen indeholder en Excel-fejlværdi',
  'not-a-number': 'ikke et tal',
  'not-an-integer': 'ikke et helt tal',
  'not-a-date': 'ikke en dato (brug fx 29-08-2017)',
  'invalid-date': 'datoen findes ikke i kalenderen',
  'not-an-amount': 'ikke et beløb (brug fx 262.000,00 kr.)',
  'too-many-decimals': 'beløbet har mere end to decimaler (øre)',
  'not-a-percentage': 'ikke en procentsats mellem 0 og 100 % (brug fx 30,8 %)',
  'not-a-boolean': 'skal være Ja eller Nej',
  'unsupported-value': 'værdien kan ikke læses',
};

export const findingMessagesDa: Record<FindingCode, (p: P) => string> = {
  MISSING_TABLE: (p) => `Tabellen '${p.table}' mangler i projektmappen.`,
  MISSING_COLUMN: (p) => `Kolonnen '${p.column}' mangler i tabellen '${p.table}'.`,
  REQUIRED_EMPTY: (p) => `'${p.column}' skal udfyldes.`,
  WRONG_TYPE: (p) => `'${p.value}' i '${p.column}' kan ikke læses: ${p.reason}.`,
  OUT_OF_RANGE: (p) => `'${p.value}' i '${p.column}' skal ligge mellem ${p.min} og ${p.max}.`,
  EXCEL_ERROR: (p) => `Cellen indeholder fejlværdien ${p.value}. Ret formlen eller indtast værdien.`,
  UNKNOWN_CODE: (p) =>
    p.suggestion
      ? `'${p.value}' findes ikke i ${p.taxonomy}. Mente du '${p.suggestion}'?`
      : `'${p.value}' findes ikke i ${p.taxonomy}. Vælg en værdi fra listen.`,
  INACTIVE_CODE: (p) => `'${p.value}' i ${p.taxonomy} er ikke gældende${p.date ? ` pr. ${p.date}` : ''}.`,
  INVALID_ID: (p) => `Indsats-ID '${p.value}' skal starte med et bogstav og højst have 20 tegn (bogstaver a-z, tal og _).`,
  UNKNOWN_INITIATIVE: (p) => `Indsatsen '${p.value}' findes ikke i tabellen Indsatser.`,
  DATE_ORDER: (p) => `'${p.column}' (${p.date}) ligger før '${p.otherColumn}' (${p.otherDate}).`,
  STEP_STATUS_MISMATCH: (p) => `Status '${p.status}' hører til trin ${p.steps}, men deltageren står på trin ${p.step}.`,
  TARGET_GROUP_NOT_IN_INITIATIVE: (p) => `Målgruppen '${p.value}' er ikke blandt indsatsens målgrupper (${p.allowed}).`,
  COURSE_TOO_LONG: (p) =>
    `Forløbet har varet ${p.weeks} uger uden slutdato; det må højst vare ${p.maxWeeks} uger. Angiv slutdato eller ny status.`,
  CAPACITY_EXCEEDED: (p) => `${p.active} aktive deltagere pr. ${p.date}, men indsatsen har kun ${p.places} pladser.`,
  DUPLICATE_ID: (p) => `'${p.value}' står flere gange (rækkerne ${p.rows}) med overlappende forløb.`,
  DUPLICATE_CODE: (p) => `Koden '${p.value}' står flere gange i ${p.taxonomy} (rækkerne ${p.rows}).`,
  AMBIGUOUS_SYNONYM: (p) => `'${p.value}' i ${p.taxonomy} peger både på '${p.first}' og '${p.second}'; '${p.first}' bruges.`,
  CPR_NUMBER: (p) =>
    `Cellen ser ud til at indeholde et CPR-nummer (${p.value}). CPR-numre må ikke gemmes her: brug et pseudonym som deltager-ID.`,
  AGE_OUT_OF_BOUNDS: (p) => `Alder ${p.age} passer ikke til målgruppen '${p.group}' (${p.bounds}).`,
  KPI_UNREADABLE: (p) => `KPI-målet '${p.value}' kan ikke læses. Skriv fx 'andel i job ≥ 30 %'.`,
};

export const textsDa = {
  ageAtLeast: (n: number) => `mindst ${n} år`,
  ageAtMost: (n: number) => `højst ${n} år`,
  taxonomyNames: {
    goals: 'Mål',
    targetGroups: 'Målgrupper',
    statuses: 'Statusser',
    steps: 'Trin',
    offers: 'Tilbud',
    units: 'Enheder',
    fundingSources: 'Finansiering',
    initiativeStates: 'Indsatsstatus',
    postingTypes: 'Posteringstyper',
  },
};

// ---- task pane UI ----
export const uiDa = {
  appTitle: 'Indsatsmonitor',
  outsideOffice: 'Åbn Indsatsmonitor fra Excel for at arbejde i en projektmappe.',
  tabListLabel: 'Funktioner',
  tabs: {
    setup: {
      label: 'Opsætning',
      description:
        'Her skal du kunne gøre en projektmappe klar til Indsatsmonitor: udpege tabellen med indsatser og få faste felter som indsatstype og status sat op. Funktionen er under udvikling.',
    },
    validation: {
      label: 'Validering',
      description:
        'Her skal du kunne kontrollere det aktive ark for tomme eller ugyldige værdier, fx datoer, beløb og CPR-numre, og se, hvilke celler der skal rettes. Funktionen er under udvikling.',
    },
    overview: {
      label: 'Overblik',
      description:
        'Her skal du kunne se et samlet overblik over indsatserne i projektmappen, fx hvor mange der er aktive, fordelt på type. Funktionen er under udvikling.',
    },
    economy: {
      label: 'Økonomi',
      description:
        'Her skal du kunne følge udgifterne til indsatserne, fx de samlede beløb pr. indsatstype. Funktionen er under udvikling.',
    },
  },
  dataValidationUnsupported:
    'Din Excel-version understøtter ikke rullelister fra tilføjelsesprogrammer (ExcelApi 1.8). Validering og overblik virker stadig.',
} as const;

/** The shape every UI language must provide: same keys as Danish, any wording. */
export type UiStrings = Widen<typeof uiDa>;
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
