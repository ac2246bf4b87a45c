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
  MERGED_CELLS: (p) => `Cellerne ${p.range} er flettet. En tabel kan ikke holde flettede celler: ophæv fletningen og udfyld hver celle.`,
  EMPTY_ROW: (p) => `Række ${p.row} er tom midt i tabellen. Slet rækken, eller udfyld den.`,
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

// ---- texts written into workbooks (titles, header notes) ----
export const workbookDa = {
  titles: {
    taxonomies: 'Taksonomier',
    taxonomiesHelp: 'Kodelister som rullelister og validering bruger. Ret, tilføj eller markér som inaktiv (Aktiv = Nej); slet ikke koder, der er i brug.',
    initiatives: 'Indsatser',
    initiativesHelp: 'Én række pr. indsats. ID bliver navnet på indsatsens opfølgningsark.',
    participants: (name: string) => `Deltagere – ${name}`,
    participantsHelp: 'Én række pr. deltagerforløb. Brug et pseudonym som Deltager-ID – aldrig CPR-nummer.',
    statusLog: 'Statuslog',
    statusLogHelp: 'Tal der kun rapporteres som totaler, fx "64 borgere indskrevet pr. 31-12-2020".',
    finance: 'Økonomi',
    financeHelp: 'Budget pr. indsats, år og kilde, og posteringer (udgifter, refusionsanmodninger, modtaget refusion og tilskud).',
  },
  taxonomyNotes: {
    Navn: 'Navnet som det står i rullelister og celler.',
    Trin: 'De trin statussen hører til, adskilt af semikolon, fx "1; 2". Tom = alle.',
  } as Record<string, string>,
  columnNotes: {
    ID: 'Kort ID for indsatsen: bogstaver a-z, tal og _, højst 20 tegn, fx ITMV.',
    Navn: 'Indsatsens navn.',
    'Ansvarlig enhed': 'Enheden der er ansvarlig (fra taksonomien Enheder).',
    Mål: 'Koder fra taksonomien Mål, adskilt af semikolon, fx "L1; M4".',
    Målgrupper: 'Koder fra taksonomien Målgrupper, adskilt af semikolon, fx "MG03; LG01".',
    Start: 'Indsatsens startdato (dd-mm-åååå).',
    Slut: 'Indsatsens slutdato (dd-mm-åååå); tom hvis løbende.',
    Pladser: 'Antal pladser (kapacitet). Flere aktive deltagere end pladser giver en advarsel.',
    Status: 'Status fra listen.',
    Tilbud: 'Tilbudstype (fra taksonomien Tilbud); giver maksimal varighed pr. målgruppe.',
    Forløbsuger: 'Forløbets længde i uger, fx 13. Aktive forløb uden slutdato ud over dette giver en advarsel.',
    KPI: 'Mål for resultater, adskilt af semikolon, fx "andel i job ≥ 30 %; 40 % i virksomhedspraktik i 13 uger".',
    'Status pr.': 'Datoen opfølgningsarket afspejler. Regler om "nu" (forløbslængde, kapacitet) bruger denne dato.',
    'Deltager-ID': 'Pseudonym for deltageren, fx ITMV-001. Aldrig CPR-nummer.',
    Startdato: 'Forløbets startdato (dd-mm-åååå).',
    Målgruppe: 'Deltagerens målgruppe (fra listen).',
    Trin: 'Trin 1 start-afklaring, 2 på vej mod job, 3 virksomhedsforløb.',
    Statusdato: 'Datoen status blev sat.',
    Slutdato: 'Forløbets slutdato; tom mens forløbet er aktivt.',
    'Ordinære timer pr. uge': 'Ordinære løntimer pr. uge (0–80), fx 12,5.',
    Alder: 'Alder i hele år ved start. Tjekkes mod målgruppens aldersgrænser.',
    Bemærkning: 'Fri tekst. Skriv ikke CPR-numre eller helbredsoplysninger.',
    'Indsats-ID': 'ID fra tabellen Indsatser.',
    Dato: 'Dato (dd-mm-åååå).',
    Indikator: 'Hvad tallet måler, fx "Indskrevne borgere" eller "Andel i job (%)".',
    Værdi: 'Tallet.',
    Kommentar: 'Fri tekst.',
    År: 'Budgetår, fx 2017.',
    Kilde: 'Finansieringskilde (fra listen).',
    Beløb: 'Beløb i kroner, fx 262.000,00.',
    Refusionssats: 'Refusionssats i procent, fx 50 %.',
    Type: 'Udgift, refusionsanmodning, refusion modtaget eller tilskud modtaget.',
    Bilag: 'Bilagsnummer.',
    Kode: 'Kort, entydig kode.',
    Synonymer: 'Andre skrivemåder, adskilt af semikolon.',
    Aktiv: 'Ja eller Nej. Inaktive koder giver en advarsel, hvis de bruges.',
    'Gyldig fra': 'Første dag koden gælder (tom = altid).',
    'Gyldig til': 'Sidste dag koden gælder (tom = altid).',
    Udfaldsklasse: 'Aktiv, Job, Uddannelse eller Afsluttet: hvad status tæller som i overblikket.',
    'Min. alder': 'Laveste alder i målgruppen.',
    'Maks. alder': 'Højeste alder i målgruppen.',
    Lovhjemmel: 'Lovhenvisning, fx LAB § 2, nr. 3.',
    'Maks. uger': 'Maksimal varighed pr. målgruppekode, fx "MG01=4; MG03=13; *=13".',
  } as Record<string, string>,
};

// ---- the indsats command ----
export const cliDa = {
  usage: `Brug: indsats <kommando> [valg]

Kommandoer:
  demo -o FIL.xlsx                 skriv en demo-projektmappe med indsatserne fra kildedokumenterne
  init -o FIL.xlsx                 skriv en tom, struktureret projektmappe med standardtaksonomierne
  repair FIL.xlsx -o UD.xlsx       opret det der mangler (ark, tabeller, kolonner) – data flyttes eller slettes aldrig
  validate FIL.xlsx [--json]       vis fejl og advarsler; afslutningskode 0 uden fejl, 1 med fejl, 2 hvis filen ikke kan læses

Valg:
  -o, --output FIL   hvor resultatet skrives (en eksisterende fil overskrives kun med --force)
  --as-of DATO       dato for regler om "nu" (standard: i dag), fx 2017-08-29
  --json             findings som JSON på stdout
  --lang da|en       sprog for meddelelser (standard: da)
  --force            overskriv en eksisterende outputfil
  --quiet            ingen fremdriftslinjer på stderr
  -h, --help         denne hjælp`,
  unknownCommand: (c: string) => `Ukendt kommando '${c}'.`,
  missingOutput: 'Angiv hvor filen skal skrives med -o FIL.xlsx.',
  missingInput: 'Angiv den projektmappe, der skal læses.',
  outputExists: (f: string) => `${f} findes allerede. Vælg et andet navn, eller brug --force for at overskrive den.`,
  sameFile: 'Outputfilen må ikke være den samme som inputfilen: inputfilen ændres aldrig.',
  badDate: (v: string) => `'${v}' er ikke en dato. Brug fx 2017-08-29.`,
  badOption: (m: string) => `Ugyldigt valg: ${m}`,
  readError: {
    'not-found': (f: string) => `${f} findes ikke.`,
    'not-xlsx': (f: string) => `${f} er ikke en Excel-projektmappe (.xlsx). Gem den som .xlsx i Excel og prøv igen.`,
    corrupt: (f: string) => `${f} kan ikke åbnes: filen er beskadiget. Prøv at åbne og gemme den i Excel.`,
    'too-large': (f: string) => `${f} er for stor (over 200 MB).`,
  } as Record<string, (f: string) => string>,
  conflict: (where: string) => `Strukturen kan ikke tilføjes: ${where} er i vejen (ikke tom, flettet eller en anden tabel). Flyt indholdet og prøv igen. Der er ikke skrevet noget.`,
  writeError: (f: string, why: string) => `${f} kunne ikke skrives: ${why}`,
  unexpected: (why: string) => `Uventet fejl: ${why}. Intet er ændret i inputfilen.`,
  wrote: (f: string) => `Skrev ${f}.`,
  repaired: (f: string, n: number) => (n ? `Skrev ${f} med ${n} tilføjelser.` : `Skrev ${f}: intet manglede.`),
  summary: (errors: number, warnings: number) =>
    `${errors === 1 ? '1 fejl' : `${errors} fejl`}, ${warnings === 1 ? '1 advarsel' : `${warnings} advarsler`}.`,
  severity: { error: 'fejl', warning: 'advarsel' },
  suggestion: 'forslag',
  progress: {
    reading: (f: string, mb: string) => `Læser ${f} (${mb} MB) …`,
    validating: (tables: number, rows: number) => `Validerer ${tables} tabeller (${rows.toLocaleString('da-DK')} rækker) …`,
    writing: (f: string) => `Skriver ${f} …`,
    done: (s: string) => `Færdig på ${s} s.`,
  },
};
