/**
 * All Danish texts: findings, parse reasons, the task pane, the CLI, the generated sheets. Danish is
 * the product's first language. Over 400 lines on purpose: every string of a language lives in one
 * file, so a translator (and en.ts, typed against it) sees them all in one place.
 */
import type { FindingCode, FindingParams } from '../domain/validate/finding';
import { TAXONOMY_TABLE_NAMES } from '../domain/taxonomy/defaults';
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


/** "1, 2, 3" → "1, 2 eller 3". */
export function orList(list: string, word: string): string {
  const parts = list.split(/\s*[,;]\s*/).filter(Boolean);
  return parts.length < 2 ? list : `${parts.slice(0, -1).join(', ')} ${word} ${parts[parts.length - 1]}`;
}

/** What a taxonomy's entry is called, by the taxonomy's table name: "er ikke en status på listen". */
const ENTRY_NOUN_DA: Record<string, string> = {
  Mål: 'et mål', Målgrupper: 'en målgruppe', Statusser: 'en status', Trin: 'et trin', Tilbud: 'et tilbud', Enheder: 'en enhed',
  Finansiering: 'en finansieringskilde', Indsatsstatus: 'en indsatsstatus', Posteringstyper: 'en posteringstype',
};
const notOnList = (value: string, taxonomy: string) =>
  Object.prototype.hasOwnProperty.call(ENTRY_NOUN_DA, taxonomy) ? `”${value}” er ikke ${ENTRY_NOUN_DA[taxonomy]} på listen.` : `”${value}” findes ikke i ${taxonomy}.`;

/** What is wrong with an initiative ID, in words: "mellemrum og ”å” kan ikke bruges". */
export function idFaultsDa(id: string): string {
  const faults: string[] = [];
  const bad = [...new Set([...id].filter((c) => !/[A-Za-z0-9_]/.test(c)))];
  if (bad.length) faults.push(`${orList(bad.map((c) => (c === ' ' ? 'mellemrum' : `”${c}”`)).join(', '), 'og')} kan ikke bruges (kun a-z, tal og _)`);
  if (id && !/^[A-Za-z]/.test(id)) faults.push('det skal starte med et bogstav');
  if (id.length > 20) faults.push(`det har ${id.length} tegn, men højst 20 er tilladt`);
  if (!id) faults.push('skriv et ID');
  return faults.join('; ') || 'ugyldigt';
}

export const findingMessagesDa: Record<FindingCode, (p: P) => string> = {
  MISSING_TABLE: (p) => `Tabellen ”${p.table}” mangler i projektmappen.`,
  MISSING_COLUMN: (p) => `Kolonnen ”${p.column}” mangler i tabellen ”${p.table}”.${p.like !== undefined ? ` Kolonnen ”${p.like}” ligner den: omdøb den til ”${p.column}” (Brug forslag, eller indsats repair --rename "${p.like}=${p.column}").` : ''}`,
  REQUIRED_EMPTY: (p) => `”${p.column}” skal udfyldes.`,
  WRONG_TYPE: (p) => `”${p.value}” i ”${p.column}” kan ikke læses: ${p.reason}.`,
  OUT_OF_RANGE: (p) => `”${p.value}” i ”${p.column}” skal ligge mellem ${p.min} og ${p.max}.`,
  EXCEL_ERROR: (p) => `Cellen indeholder fejlværdien ${p.value}. Ret formlen eller indtast værdien.`,
  UNKNOWN_CODE: (p) => `${notOnList(String(p.value), String(p.taxonomy))} ${p.suggestion ? `Mente du ”${p.suggestion}”?` : 'Vælg en værdi fra listen.'}`,
  INACTIVE_CODE: (p) =>
    `”${p.value}” i ${p.taxonomy} er ikke gældende${p.date ? ` pr. ${p.date}` : ''}${p.validTo ? ` (gyldig til ${p.validTo})` : p.validFrom ? ` (gyldig fra ${p.validFrom})` : ''}.`
    + (p.successor ? ` Erstattes af ”${p.successor}”${p.successorLawRef ? ` (${p.successorLawRef})` : ''}.` : ''),
  INVALID_ID: (p) => `Indsats-ID ”${p.value}” kan ikke bruges: ${idFaultsDa(String(p.value))}.`,
  UNKNOWN_INITIATIVE: (p) => `Indsatsen ”${p.value}” findes ikke i tabellen Indsatser.`,
  DATE_ORDER: (p) => `”${p.column}” (${p.date}) ligger før ”${p.otherColumn}” (${p.otherDate}).`,
  STEP_STATUS_MISMATCH: (p) => `Status ”${p.status}” hører til trin ${orList(String(p.steps), 'eller')}, men deltageren står på trin ${p.step}.`,
  TARGET_GROUP_NOT_IN_INITIATIVE: (p) => `Målgruppen ”${p.value}” er ikke blandt indsatsens målgrupper (${p.allowed}).`,
  COURSE_TOO_LONG: (p) =>
    `Forløbet har varet ${p.weeks} uger uden slutdato; det må højst vare ${p.maxWeeks} uger${p.rule ? ` (${[p.rule, p.extendableTo ? `kan forlænges til ${p.extendableTo} uger efter en konkret vurdering` : '', p.exceptionWeeks ? `${p.exceptionWeeks} uger ved mindst en kort videregående uddannelse uden job siden` : ''].filter(Boolean).join('; ')})` : ''}. Angiv slutdato eller ny status.`,
  CAPACITY_EXCEEDED: (p) => `${p.active} aktive deltagere pr. ${p.date}, men indsatsen har kun ${p.places} pladser.`,
  DUPLICATE_ID: (p) => `”${p.value}” står flere gange (rækkerne ${p.rows}) med overlappende forløb.`,
  DUPLICATE_CODE: (p) => `Koden ”${p.value}” står flere gange i ${p.taxonomy} (rækkerne ${p.rows}).`,
  AMBIGUOUS_SYNONYM: (p) => `”${p.value}” i ${p.taxonomy} peger både på ”${p.first}” og ”${p.second}”; ”${p.first}” bruges.`,
  CPR_NUMBER: (p) =>
    `${({ sheetName: 'Arknavnet', tableName: 'Tabelnavnet', comment: 'Kommentaren', definedName: 'Et defineret navn', property: 'En dokumentegenskab', hyperlink: 'Linket', drawing: 'En tegning eller et diagram' } as Record<string, string>)[String(p.place)] ?? 'Cellen'} ser ud til at indeholde et CPR-nummer (${p.value}). CPR-numre må ikke gemmes her: brug et pseudonym som deltager-ID.`,
  AGE_OUT_OF_BOUNDS: (p) => `Alder ${p.age} passer ikke til målgruppen ”${p.group}” (${p.bounds}).`,
  KPI_UNREADABLE: (p) => `KPI-målet ”${p.value}” kan ikke læses. Skriv fx ”andel i job ≥ 30 %”.`,
  MERGED_CELLS: (p) => `Cellerne ${p.range} er flettet. En tabel kan ikke holde flettede celler: ophæv fletningen og udfyld hver celle.`,
  EMPTY_ROW: (p) => `Række ${p.row} er tom midt i tabellen. Slet rækken, eller udfyld den.`,
  NON_STANDARD_VALUE: (p) => `”${p.value}” er forstået som ”${p.suggestion}”. Skriv værdien som i listen, så overblikkets formler tæller rækken.`,
  // ---- eng/law: dated taxonomies, approximate counts ----
  TAXONOMY_VERSION_OVERLAP: (p) =>
    `Koden ”${p.value}” i ${p.taxonomy} har en anden version (række ${p.rows}) i samme periode. Versioner af en kode skal følge efter hinanden: ret ”Gyldig fra”/”Gyldig til”.`,
  TAXONOMY_DATES_REVERSED: (p) => `”Gyldig til” (${p.date}) ligger før ”Gyldig fra” (${p.otherDate}) for koden ”${p.value}” i ${p.taxonomy}.`,
  TAXONOMY_UNKNOWN_SUCCESSOR: (p) =>
    `”Erstattes af” for ”${p.code}” i ${p.taxonomy} er ”${p.value}”, men den kode findes ikke i ${p.taxonomy} (eller er koden selv). Skriv koden på en række i tabellen.`,
  TAXONOMY_OUTDATED: (p) =>
    `${p.taxonomy} er ældre end de indbyggede taksonomier: ${p.missing} mangler og ${p.expired} er ikke slutdateret (fx ”${p.example}”). Vælg Opdater taksonomier under Opsætning (eller kør indsats repair).`,
  APPROXIMATE_VALUE: (p) => `”${p.value}” er et omtrentligt tal eller et interval. Det gemmes som skrevet, men tælles ikke med i summer.`,
  // ---- end eng/law ----
  // ---- one truth (#11): text dates and numbers, years from context, implausible dates ----
  TEXT_DATE: (p) => `”${p.value}” i ”${p.column}” er skrevet som tekst og ikke som en dato (${p.date}${p.yearFromContext ? ', året er taget fra indsatsens periode og statusdato' : ''}). Overblikkets og afstemningens formler tæller ikke rækken: brug forslaget, så cellen får en rigtig dato.`,
  TEXT_NUMBER: (p) => `”${p.value}” i ”${p.column}” er skrevet som tekst og ikke som et tal. Overblikkets og afstemningens formler tæller ikke rækken: brug forslaget, så cellen får et rigtigt tal.`,
  AMBIGUOUS_YEAR: (p) => `”${p.value}” i ”${p.column}” har intet år. Det er læst som ${p.date} (nærmest statusdatoen ${p.asOf}), men et andet år er lige så sandsynligt: skriv datoen med år.`,
  IMPLAUSIBLE_DATE: (p) => (p.bound === 'before'
    ? `”${p.column}” er ${p.date}, før år 2000. Er årstallet skrevet forkert?`
    : `”${p.column}” er ${p.date}, mere end ${p.years} år efter statusdatoen ${p.asOf}. Er årstallet skrevet forkert?`),
  // ---- end one truth ----
  NO_BUDGET: (p) => financeDa.issues['no-budget'](p),
  DUPLICATE_VOUCHER: (p) => financeDa.issues['duplicate-voucher'](p),
  NEGATIVE_AMOUNT: (p) => financeDa.issues['negative-amount'](p),
  RATE_OUT_OF_RANGE: (p) => financeDa.issues['rate-out-of-range'](p),
  CONFLICTING_RATES: (p) => financeDa.issues['conflicting-rates'](p),
  UNALLOCATED_EXPENSE: (p) => financeDa.issues['unallocated-expense'](p),
  GRANT_WITHOUT_SOURCE: (p) => financeDa.issues['grant-without-source'](p),
  FUTURE_DATE: (p) => financeDa.issues['future-date'](p),
  SHEET_NOT_IN_MODEL: (p) => `Arket ”${p.sheet}” er ikke tjekket: det er ikke en del af Indsatsmonitor (${p.rows === 1 ? '1 række' : `${p.rows} rækker`} med data). Tag det i brug under Opsætning → Tag et eksisterende ark i brug (indsats adopt).`,
};

export const textsDa = {
  ageAtLeast: (n: number) => `mindst ${n} år`,
  ageAtMost: (n: number) => `højst ${n} år`,
  /** A taxonomy is called by its table's name. */
  taxonomyNames: TAXONOMY_TABLE_NAMES,
};

// ---- task pane UI ----
const nDa = (n: number) => n.toLocaleString('da-DK').replace(/\./g, '\u00a0');
const plural = (n: number, one: string, many: string) => `${nDa(n)} ${n === 1 ? one : many}`;

export const uiDa = {
  appTitle: 'Indsatsmonitor',
  outsideOffice: 'Åbn Indsatsmonitor fra Excel for at arbejde i en projektmappe.',
  tabListLabel: 'Funktioner',
  tabs: { register: 'Registrer', validation: 'Validering', overview: 'Overblik', economy: 'Økonomi', setup: 'Opsætning' },
  dataValidationUnsupported:
    'Din Excel-version understøtter ikke rullelister fra tilføjelsesprogrammer (ExcelApi 1.8). Validering og overblik virker stadig.',
  cancel: 'Annuller',
  cancelled: 'Handlingen blev annulleret. Intet er skrevet, og intet er tjekket.',
  working: 'Arbejder …',
  progress: {
    reading: 'Læser projektmappen …',
    checking: (rows: number, sheets: number) => `Tjekker ${plural(rows, 'række', 'rækker')} på ${plural(sheets, 'ark', 'ark')} …`,
    reconciling: (lines: number) => `Afstemmer ${plural(lines, 'linje', 'linjer')} …`,
    summarizing: (sheets: number) => `Tæller op på ${plural(sheets, 'ark', 'ark')} …`,
    writing: (sheet: string) => `Skriver arket ${sheet} …`,
  },
  retry: 'Prøv igen',
  close: 'Luk',
  /** "kl. 10.42" */
  at: (date: Date) => `kl. ${String(date.getHours()).padStart(2, '0')}.${String(date.getMinutes()).padStart(2, '0')}`,
  count: nDa,
  dateHint: 'dd-mm-åååå, fx 29-08-2017',
  datePlaceholder: 'dd-mm-åååå',
  badDate: 'Skriv datoen som dd-mm-åååå, fx 29-08-2017.',
  errors: {
    // one truth (#11): a command that cannot compute its figures
    missingInput: (...a: Parameters<typeof summaryDa.missingInput>) => summaryDa.missingInput(...a),
    cellEditMode: 'Excel er ved at redigere en celle. Afslut redigeringen (tryk Enter eller Esc) og prøv igen.',
    conflict: (where: string) => `${where} er i vejen (ikke tom, flettet eller en anden tabel). Flyt indholdet og prøv igen. Intet er skrevet.`,
    unexpected: (why: string) => `Noget gik galt: ${why}. Intet er skrevet, hvis handlingen ikke blev færdig.`,
    notGenerated: {
      sheet: (name: string) => `Arket '${name}' har et navn, Indsatsmonitor bruger, men er ikke lavet af Indsatsmonitor. Omdøb det og prøv igen. Intet er skrevet.`,
      table: (name: string, sheet: string) => `Tabellen '${name}' på arket '${sheet}' har et navn, Indsatsmonitor bruger, men er ikke lavet af Indsatsmonitor. Omdøb tabellen og prøv igen. Intet er skrevet.`,
    },
    cellChanged: (where: string) => `Arket er ændret siden valideringen – valider igen. (${where} indeholder ikke længere den værdi, der blev valideret.) Intet er skrevet.`,
    partialWrite: (done: number, parts: number, written: string[], unwritten: string[], why: string) =>
      `Fejl: ${done} af ${parts} dele skrevet: ${written.length ? `${listDa(written)} er skrevet` : 'intet ark er skrevet helt'}; ${unwritten.length ? `${listDa(unwritten)} er ikke eller kun delvist skrevet` : 'resten er ikke skrevet'}. Årsag: ${why}. Ark, der bygges om, skiftes først ud til sidst: et gammelt ark, der ikke er nævnt som skrevet, er urørt.`,
  },
  /** A sheet with a generated name was renamed aside instead of replaced. */
  kept: {
    edited: (sheet: string, as: string) => `Arket ${sheet} var rettet i hånden og er gemt som '${as}'.`,
    foreign: (sheet: string, as: string) => `Der var allerede et ark ${sheet}, som Indsatsmonitor ikke har lavet. Det er gemt som '${as}'.`,
  },
  register: {
    intro: 'Skriv en ny status eller en ny deltager direkte i opfølgningsarket. Enter gemmer rækken og tjekker den.',
    modes: { status: 'Ny status', participant: 'Ny deltager' },
    modesLabel: 'Hvad vil du registrere?',
    initiative: 'Indsats',
    participant: 'Deltager',
    participantHint: 'Skriv en del af ID’et, fx 003.',
    newId: 'Deltager-ID',
    newIdHint: 'Et pseudonym – aldrig et CPR-nummer.',
    status: 'Status',
    statusHint: 'Skriv en del af navnet, fx prak.',
    date: 'Dato',
    start: 'Startdato',
    step: 'Trin',
    stepInferred: (step: string) => `Trin ${step} følger af statussen.`,
    targetGroup: 'Målgruppe',
    age: 'Alder',
    save: 'Gem (Enter)',
    saved: (id: string, status: string, row: number, sheet: string) => `${id} er registreret som ”${status}” i række ${row} på arket ${sheet}.`,
    rowOk: 'Rækken er tjekket: ingen fejl eller advarsler.',
    rowFindings: (n: number) => (n === 1 ? 'Rækken er tjekket: 1 ting skal ses på.' : `Rækken er tjekket: ${n} ting skal ses på.`),
    noSheets: 'Projektmappen har ingen opfølgningsark endnu. Opret strukturen og en indsats under Opsætning.',
    toSetup: 'Gå til Opsætning',
    reload: 'Læs arket igen',
    none: (what: string) => `Ingen ${what} passer til det skrevne.`,
    ambiguous: (n: number) => `${n} passer. Skriv lidt mere, eller vælg på listen.`,
    problems: {
      'no-table': 'Indsatsen har ikke noget opfølgningsark med tabellen Deltagere. Opret strukturen under Opsætning.',
      'unknown-participant': 'Deltageren findes ikke på arket. Brug Ny deltager.',
      'unknown-status': 'Vælg en status fra listen.',
      'unknown-target-group': 'Vælg en målgruppe fra listen.',
      'id-required': 'Skriv deltagerens ID.',
      'open-course': 'Deltageren har allerede et forløb uden slutdato. Brug Ny status.',
    } as Record<string, string>,
    current: (status: string, step: string) => (step ? `Nu: ${status}, trin ${step}` : `Nu: ${status || 'ingen status'}`),
    showList: (label: string) => `Vis listen ${label.toLowerCase()}`,
    findingsLabel: 'Det, der skal ses på i rækken',
    words: { participant: 'deltagere', status: 'statusser', targetGroup: 'målgrupper' },
  },
  setup: {
    intro: 'Opret arkene Taksonomier, Indsatser, Statuslog og Økonomi med tabeller, rullelister og hjælp til hver kolonne. Findes noget allerede, tilføjes kun det, der mangler – data flyttes eller slettes aldrig.',
    run: 'Opret eller reparer strukturen',
    done: (n: number) => (n ? `Strukturen er på plads: ${n} tilføjelser.` : 'Strukturen var allerede på plads. Intet er ændret.'),
    // ---- eng/law ----
    updateTaxonomiesIntro: 'Lovene ændrer sig: tilføj de indbyggede værdier, projektmappen mangler, og slutdatér dem, loven har afskaffet (fx ressourceforløb). Egne rækker og rettelser ændres ikke.',
    updateTaxonomies: 'Opdater taksonomier',
    taxonomiesUpdated: (added: number, endDated: number) =>
      added || endDated ? `Taksonomierne er opdateret: ${added} tilføjet, ${endDated} slutdateret.` : 'Taksonomierne var allerede opdaterede. Intet er ændret.',
    // ---- end eng/law ----
    noDropDowns: 'Rullelisterne blev ikke oprettet, fordi din Excel ikke understøtter dem (ExcelApi 1.8).',
    newInitiative: 'Ny indsats',
    newInitiativeIntro: 'Indsatsen føjes til tabellen Indsatser og får sit eget opfølgningsark. Felter med * skal udfyldes.',
    fields: {
      id: 'ID', idHint: 'Bogstaver a-z, tal og _, fx ITMV. Bliver navnet på arket.',
      name: 'Navn', unit: 'Ansvarlig enhed', goals: 'Mål', targetGroups: 'Målgrupper', start: 'Start', end: 'Slut',
      places: 'Pladser', courseWeeks: 'Forløbsuger', kpi: 'KPI-mål', kpiHint: 'Fx ”andel i job ≥ 30 %; 40 % i virksomhedspraktik i 13 uger”.',
      choose: 'Vælg …',
      wholeNumber: 'Skriv et helt tal, fx 12.',
    },
    add: 'Tilføj indsats',
    added: (id: string) => `Indsatsen ${id} er tilføjet, og arket ${id} er oprettet.`,
    idProblem: (id: string) => `”${id}” kan ikke bruges som ID: ${idFaultsDa(id)}.`,
    problems: {
      'invalid-id': 'ID skal starte med et bogstav og højst have 20 tegn (a-z, tal og _).',
      'duplicate-id': 'Der findes allerede en indsats med dette ID.',
      'name-required': 'Skriv indsatsens navn.',
      'date-order': 'Slut ligger før start.',
      'no-register': 'Projektmappen har ingen tabel Indsatser endnu. Opret strukturen først.',
    } as Record<string, string>,
    defaultState: 'I gang',
  },
  validation: {
    intro: 'Tjekker indtastningerne mod kolonnetyper, lister og reglerne for forløb. CPR-numre er altid en fejl.',
    sheet: 'Valider aktivt ark',
    workbook: 'Valider hele projektmappen',
    live: 'Valider mens jeg skriver',
    liveHint: 'Tjekker igen, når du ændrer celler på opfølgningsarkene.',
    writeSheet: 'Skriv til arket Fejl',
    wroteSheet: 'Fundene er skrevet på arket Fejl. Valider aktivt ark tjekker stadig arket herover.',
    none: (scope: string) => `Ingen fejl eller advarsler ${scope}.`,
    scopeSheet: (sheet: string) => `på arket ${sheet}`,
    scopeWorkbook: 'i projektmappen',
    covered: (rows: string, scope: string, at: string) => `${rows} ${scope}, tjekket ${at}.`,
    rows: (n: number) => plural(n, 'række', 'rækker'),
    sheets: (n: number) => `på ${plural(n, 'ark', 'ark')}`,
    nothingChecked: (sheet: string) => `Arket ${sheet} har ingen tabel, som Indsatsmonitor tjekker. Gå til et opfølgningsark, eller valider hele projektmappen.`,
    insteadOf: (generated: string, sheet: string) => `Arket ${generated} er skrevet af Indsatsmonitor, så arket ${sheet} er tjekket igen.`,
    rechecking: 'Tjekker igen – resultatet herunder er det forrige.',
    counts: (errors: number, warnings: number) => `${plural(errors, 'fejl', 'fejl')} og ${plural(warnings, 'advarsel', 'advarsler')}`,
    sheetCounts: (errors: number, warnings: number) => [errors ? plural(errors, 'fejl', 'fejl') : '', warnings ? plural(warnings, 'advarsel', 'advarsler') : ''].filter(Boolean).join(', '),
    goTo: (cell: string) => `Gå til ${cell}`,
    suggestion: 'Forslag',
    apply: 'Brug forslag',
    applyAll: (n: number, kind?: string) => (kind ? `Brug alle ${n} forslag: ${kind}` : `Brug alle ${n} forslag af denne type`),
    fixKinds: {
      UNKNOWN_CODE: 'værdier, der ikke er på listen',
      NON_STANDARD_VALUE: 'skrivemåder',
      TEXT_DATE: 'datoer skrevet som tekst',
      TEXT_NUMBER: 'tal skrevet som tekst',
      AMBIGUOUS_YEAR: 'datoer uden år',
      STEP_STATUS_MISMATCH: 'trin',
      INVALID_ID: 'indsats-ID’er',
      UNKNOWN_INITIATIVE: 'indsats-ID’er',
      CPR_NUMBER: 'masker CPR-numre',
    } as Record<string, string>,
    // eng/cpr: the CPR finding's suggestion writes the masked number over the cell (explicit user action).
    maskCpr: 'Masker CPR-nummeret',
    confirmTitle: 'Skriv forslag i cellerne?',
    confirmText: (n: number) => (n === 1 ? 'Forslaget skrives i 1 celle. Det, der står der nu, erstattes.' : `Forslagene skrives i ${n} celler. Det, der står der nu, erstattes.`),
    confirm: 'Skriv',
    applied: (n: number) => (n === 1 ? 'Forslaget er skrevet i cellen.' : `${n} forslag er skrevet i cellerne.`),
    findingsLabel: 'Fund',
  },
  overview: {
    intro: 'Byg arkene Statusrapport (rapporten til udvalget, klar til udskrift: den udskrives først) og Overblik: status pr. indsats som formler over opfølgningsarkene, KPI-mål, porteføljen og diagrammer. Et ark, der er rettet i hånden, gemmes under et nyt navn.',
    refresh: 'Opdater overblik',
    freeze: 'Gem dagens tal',
    freezeHint: 'Gemmer tallene pr. i dag som faste værdier på arket Statusfotos, så udviklingen kan følges. Du ser tallene og eventuelle fejl, før de gemmes. Gemte tal ændres aldrig, men et statusfoto kan trækkes tilbage.',
    refreshed: (date: string) => `Overblikket er opdateret pr. ${date}.`,
    frozen: (date: string) => `Tallene pr. ${date} er gemt på arket Statusfotos.`,
    // ---- one truth (#11): the same definitions as the sheet Overblik; freezing asks; withdrawal ----
    columns: { initiative: 'Indsats', job: 'I job', education: 'I uddannelse', placement: 'I virksomhedspraktik', course: 'I forløb', ended: 'Afsluttet', courses: 'Forløb i alt', total: 'Borgere i alt' },
    definitions: 'Som på arket Overblik: I job, I uddannelse, I virksomhedspraktik, I forløb og Afsluttet tæller forløb (en borger med to forløb tæller i begge); Forløb i alt er dem tilsammen, Borgere i alt tæller forskellige deltager-ID\'er.',
    notCounted: (n: number) => `${n === 1 ? '1 række er' : `${n} rækker er`} ikke talt med på arket Overblik — se Fejl under Validering.`,
    leftOut: (n: number) => `${n === 1 ? '1 forløb' : `${n} forløb`} uden gyldig startdato eller status er ikke talt med — ret ${n === 1 ? 'det' : 'dem'} under Validering.`,
    confirmFreezeTitle: (date: string) => `Frys tallene pr. ${date}?`,
    confirmFreezeText: (date: string) => `Disse tal gemmes pr. ${date} og ændres aldrig siden (de kan kun trækkes tilbage):`,
    openErrors: (n: number) => `${n === 1 ? 'Der er 1 fejl' : `Der er ${n} fejl`} i projektmappen, som kan gøre tallene forkerte. Ret dem gerne først under Validering.`,
    noErrors: 'Der er ingen fejl i projektmappen.',
    confirmFreeze: 'Frys tallene',
    snapshotsLabel: 'Frosne statusfotos',
    snapshotRows: (n: number) => (n === 1 ? '1 indsats' : `${n} indsatser`),
    inForce: 'gældende',
    withdrawnOn: (date: string) => `trukket tilbage ${date}`,
    withdraw: 'Træk tilbage',
    withdrawLabel: (date: string) => `Træk statusfotoet pr. ${date} tilbage`,
    confirmWithdrawTitle: (date: string) => `Træk statusfotoet pr. ${date} tilbage?`,
    confirmWithdrawText: 'Rækkerne markeres med dagens dato i kolonnen Trukket tilbage; intet slettes. Udviklingen på Overblik bruger dem ikke længere, og datoen kan fryses igen.',
    confirmWithdraw: 'Træk tilbage',
    withdrawn: (date: string, rows: number) => `Statusfotoet pr. ${date} er trukket tilbage (${rows === 1 ? '1 række' : `${rows} rækker`} markeret; intet er slettet).`,
    // ---- end one truth ----
    listLabel: 'Status pr. indsats',
  },
  economy: {
    intro: 'Afstem budget, refusion og medfinansiering pr. indsats og år ud fra tabellerne Budget og Posteringer. Resultatet skrives også på arket Afstemning med formler, der kan efterprøves.',
    run: 'Afstem og skriv arket Afstemning',
    none: 'Der er ingen budget- eller posteringslinjer at afstemme.',
    allReconciled: (n: number) => (n === 1 ? 'Linjen er afstemt.' : `Alle ${n} linjer er afstemt.`),
    gaps: (n: number) => (n === 1 ? '1 linje har afvigelser.' : `${n} linjer har afvigelser.`),
    asOf: (date: string, at: string) => `Afstemt pr. ${date}, ${at}.`,
    columns: { initiative: 'Indsats', year: 'År', status: 'Status', budget: 'Budget', spent: 'Udgifter', expected: 'Forventet refusion', received: 'Modtaget refusion', outstanding: 'Udestående', overRefunded: 'Overrefunderet', unclaimed: 'Mangler anmodning', net: 'Nettoudgift kommune' },
    linesLabel: 'Afstemning pr. indsats og år',
    refunds: 'Importerede refusionsfiler',
    refundYear: (year: number) => `Refusionsfiler ${year}`,
    refundColumns: { paid: 'Udbetalt', refund: 'Refusion', coFinancing: 'Medfinansiering', lines: 'Linjer', files: 'Filer' },
    refundNote: 'Refusionsfilerne er opgjort pr. ydelse, ikke pr. indsats, og indgår derfor ikke i afstemningen pr. indsats.',
    issues: 'Problemer i tabellerne Budget og Posteringer',
    importLabel: 'Importér refusionsfil …',
    importHint: 'Semikolonsepareret fil fra refusionsberegningen. Samles pr. uge og ydelse på arket Refusion; CPR-numre gemmes ikke.',
  },
  severity: { error: 'Fejl', warning: 'Advarsel', info: 'Info' },
  findingsSheet: {
    title: (date: string) => `Fejl og advarsler pr. ${date}`,
    header: ['Ark', 'Celle', 'Kolonne', 'Alvor', 'Kode', 'Besked', 'Forslag'],
  },
  commands: {
    validated: (errors: number, warnings: number) => `Indsatsmonitor: ${errors} fejl og ${warnings} advarsler – se arket Fejl.`,
  },
  // ---- portfolio card (Opsætning) ----
  portfolioCard: {
    title: 'Saml projektmapper og partnerudgaver',
    consolidate: 'Saml projektmapper',
    merge: 'Indlæs partnerudgave',
  },
  // ---- end portfolio card ----
  // ---- #13 other workbooks in the pane: Saml projektmapper, Indlæs partnerudgave (eng/reader, begin) ----
  otherWorkbooks: {
    intro: 'Flere teams’ projektmapper kan samles i denne projektmappe, og en ekstern partner kan få en udgave med kun sin indsats og sende den tilbage. De filer, du vælger, læses kun; de ændres aldrig.',
    thisWorkbook: 'denne projektmappe',
    consolidateIntro: 'Vælg de andre teams’ projektmapper (.xlsx). Deres indsatser, deltagerark, statuslog og økonomi føjes til denne projektmappe, og Overblik laves over det hele. Samme indsats-ID med forskelligt indhold i to filer afvises med begge filnavne; så skrives intet.',
    choose: 'Vælg projektmapper …',
    fileInput: 'Projektmapper, der skal samles',
    chosenLabel: 'Valgte filer',
    consolidate: (n: number) => `Saml ${n === 1 ? '1 projektmappe' : `${n} projektmapper`} i denne`,
    readingFile: (i: number, n: number, f: string) => `Læser fil ${i} af ${n}: ${f} …`,
    consolidated: (files: number, initiatives: number, rows: number) =>
      `Samlet: ${plural(files, 'projektmappe', 'projektmapper')} er lagt ind. Projektmappen har nu ${plural(initiatives, 'indsats', 'indsatser')} og ${plural(rows, 'deltagerrække', 'deltagerrækker')}, og Overblik er opdateret.`,
    refused: (n: number) => `Intet er skrevet: ${n === 1 ? '1 problem' : `${nDa(n)} problemer`} skal rettes i filerne først.`,
    problemsLabel: 'Bemærkninger til sammenlægningen',
    readError: {
      'not-found': (f: string) => `${f} kunne ikke læses (filen er flyttet, låst eller ikke tilgængelig). Intet er skrevet.`,
      folder: (f: string) => `${f} er en mappe, ikke en projektmappe. Intet er skrevet.`,
      'not-a-file': (f: string) => `${f} er ikke en almindelig fil. Intet er skrevet.`,
      encrypted: (f: string) => `${f} er beskyttet med adgangskode. Fjern adgangskoden i Excel og vælg filen igen. Intet er skrevet.`,
      'not-xlsx': (f: string) => `${f} er ikke en Excel-projektmappe (.xlsx) – fx en CSV-fil, en gammel .xls eller en projektmappe med adgangskode. Gem den som .xlsx i Excel og vælg den igen. Intet er skrevet.`,
      corrupt: (f: string, part?: string) => `${f} kan ikke læses: filen er beskadiget${part ? ` (${part})` : ''}. Åbn og gem den i Excel, og vælg den igen. Intet er skrevet.`,
      'too-large': (f: string) => `${f} er for stor (over 200 MB). Intet er skrevet.`,
      'too-large-content': (f: string, part?: string) =>
        `${f} kan ikke læses: ${part ?? 'indholdet'} er større end grænsen (200 MB udpakket, 5 mio. celler, 2 mio. tekster). Slet tomme rækker og kolonner langt ude på arket, eller del projektmappen op. Intet er skrevet.`,
      'cannot-write': (f: string) => `${f} kan ikke læses. Intet er skrevet.`,
    } as Record<string, (f: string, part?: string) => string>,
    readOnly: (f: string) => `${f} er kun åbnet til læsning; intet er skrevet i den.`,
    mergeIntro: 'Vælg den partnerudgave (.xlsx), partneren har sendt tilbage. Den valideres først; så ser du nye, ændrede og slettede rækker. Nye rækker tilføjes; en ændring skrives kun for de deltagere, du sætter hak ved. Rækker, partneren har slettet, beholdes.',
    choosePartner: 'Vælg partnerudgave …',
    partnerInput: 'Partnerudgave, der skal indlæses',
    findingsLabel: 'Fejl i partnerudgaven',
    addedLabel: 'Nye rækker (tilføjes)',
    changesLabel: 'Ændrede rækker – sæt hak ved de deltagere, hvis ændringer skal skrives',
    change: (column: string, from: string, to: string) => `${column}: ${from} → ${to}`,
    deletedLabel: 'Slettet hos partneren (beholdes her)',
    deleted: (id: string, address: string) => `${id} (${address})`,
    notTakenLabel: 'Ikke taget med',
    apply: 'Indlæs valgte ændringer',
    applyNothing: 'Der er intet at indlæse: ingen nye rækker og ingen ændringer valgt.',
    same: 'Partnerudgaven er som projektmappen: intet at indlæse.',
    applied: (added: number, accepted: number, pending: number) =>
      `Indlæst: ${plural(added, 'ny række', 'nye rækker')} tilføjet, ændringer for ${plural(accepted, 'deltager', 'deltagere')} skrevet${pending ? `; ${plural(pending, 'deltagers ændringer er', 'deltageres ændringer er')} ikke skrevet` : ''}.`,
    changedSince: (where: string) => `${where} er ændret i projektmappen, siden partnerudgaven blev sammenlignet. Intet er skrevet; vælg partnerudgaven igen.`,
    cliHint: 'På kommandolinjen:',
  },
  // ---- #13 other workbooks in the pane (eng/reader, end) ----
  // ---- partner copy card: Lav partnerudgave in the pane (eng/partner, #13.4) ----
  partnerCopy: {
    title: 'Lav partnerudgave',
    intro: 'En ny projektmappe til en ekstern partner med kun den valgte indsats: dens række i Indsatser, dens deltagerark, taksonomierne og strukturen – ingen andre indsatser, ingen økonomi, ingen statuslog. CPR-numre i rækkerne maskeres. Den åbne projektmappe ændres ikke.',
    initiative: 'Indsats',
    choose: 'Vælg indsats',
    option: (id: string, name: string) => `${id} – ${name}`,
    noRegister: 'Projektmappen har ingen tabel Indsatser. Opret strukturen først (øverst på denne fane).',
    noInitiatives: 'Der er ingen indsatser i tabellen Indsatser endnu.',
    chooseFirst: 'Vælg den indsats, partneren skal have.',
    run: 'Lav partnerudgave',
    building: (id: string) => `Bygger partnerudgaven for ${id} …`,
    opened: (id: string, rows: number) => `Partnerudgaven for ${id} er åbnet som en ny projektmappe i Excel med ${plural(rows, 'deltagerrække', 'deltagerrækker')}. Gem den, og send den til partneren.`,
    masked: (n: number) => `${n === 1 ? '1 CPR-nummer er maskeret' : `${nDa(n)} CPR-numre er maskeret`} i partnerudgaven: kun fødselsdatoen står tilbage (ddmmåå-****).`,
    unsupported: 'Denne Excel kan ikke åbne en ny projektmappe fra et tilføjelsesprogram (det kræver ExcelApi 1.8). Hent partnerudgaven som fil, og åbn den i Excel.',
    openFailed: (why: string) => `Excel kunne ikke åbne partnerudgaven som ny projektmappe (${why}). Hent den som fil, og åbn den i Excel.`,
    download: (file: string) => `Hent ${file}`,
    downloadHint: 'Eller hent den som fil:',
    fileName: (id: string) => `${id}-partnerudgave.xlsx`,
    notFound: (id: string, known: string[]) => `Indsatsen ${id} findes ikke længere i tabellen Indsatser (indsatserne er: ${known.join(', ') || 'ingen'}). Vælg igen.`,
  },
  // ---- end partner copy card ----
};

/** The shape every UI language must provide: same keys as Danish, any wording. */
export type UiStrings = typeof uiDa;

// ---- texts written into workbooks (titles, header notes) ----
/** "A, B og C". */
const listDa = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}` : items[0] ?? '');

export const workbookDa = {
  /** The name a sheet with a generated name is kept under when it is not rebuilt in place (at most 31 characters with the date). */
  keptSheet: {
    edited: (sheet: string, date: string) => `${sheet} rettet ${date}`,
    foreign: (sheet: string, date: string) => `${sheet} gemt ${date}`,
  },
  /** Label of a generated sheet's control table (the add-in's marker). */
  control: 'Kontrol (opdager håndrettelser)',
  /** The warning Excel shows when a typed value is not in a drop-down's list (the workbook is Danish). */
  dropDownAlert: {
    errorTitle: 'Ukendt værdi',
    error: 'Vælg en værdi fra listen eller ret taksonomien på arket Taksonomier.',
  },
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
    'Ansvarlig enhed': 'Enheden der er ansvarlig (fra taksonomien Enheder). Flere enheder adskilles med semikolon: "Jobcenter Vallensbæk; Center for Socialservice".',
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
    Tema: 'Temaet over indsatsen i strategien, fx "Færre på offentlig forsørgelse > Ungeindsats".',
    Statustekst: 'Status med ord pr. datoen i Status pr., fx "Projektet er på standby". Vises i statusrapporten.',
    'Deltager-ID': 'Pseudonym for deltageren, fx ITMV-001. Aldrig CPR-nummer.',
    Startdato: 'Forløbets startdato (dd-mm-åååå).',
    Målgruppe: 'Deltagerens målgruppe (fra listen).',
    Trin: 'Trin 1 start-afklaring, 2 på vej mod job, 3 virksomhedsforløb.',
    Statusdato: 'Datoen status blev sat.',
    Slutdato: 'Forløbets slutdato; tom mens forløbet er aktivt.',
    'Ordinære timer pr. uge': 'Ordinære løntimer pr. uge (0–80), fx 12,5.',
    Alder: 'Alder i hele år ved start. Tjekkes mod målgruppens aldersgrænser.',
    Bemærkning: 'Fri tekst. Skriv ikke CPR-numre eller helbredsoplysninger.',
    Gruppe: 'Visitationsgruppe eller forsøgsarm, fx "Gruppe 1" eller "Kontrolgruppe". Tallene kan opgøres pr. gruppe.',
    'Indsats-ID': 'ID fra tabellen Indsatser.',
    Dato: 'Dato (dd-mm-åååå).',
    Indikator: 'Hvad tallet måler, fx "Indskrevne borgere" eller "Andel i job (%)".',
    Værdi: 'Tallet. Et omtrentligt tal eller et interval ("ca. 60", "10–15") gemmes som skrevet, men tælles ikke med i summer.',
    Kommentar: 'Fri tekst.',
    År: 'Budgetår, fx 2017.',
    Kilde: 'Finansieringskilde (fra listen).',
    Beløb: 'Beløb i kroner, fx 262.000,00.',
    Refusionssats: 'Refusionssats i procent, fx 50 %.',
    Type: 'Udgift, refusionsanmodning, refusion modtaget eller tilskud modtaget.',
    Bilag: 'Bilagsnummer.',
    Regnskabsår: 'Regnskabsåret posteringen hører til, fx 2026; tom = året for datoen (brug det for refusion i supplementsperioden).',
    Kode: 'Kort, entydig kode.',
    Synonymer: 'Andre skrivemåder, adskilt af semikolon.',
    Aktiv: 'Ja eller Nej. Inaktive koder giver en advarsel, hvis de bruges.',
    'Gyldig fra': 'Første dag koden gælder (tom = altid).',
    'Gyldig til': 'Sidste dag koden gælder (tom = altid).',
    Udfaldsklasse: 'Aktiv, Job, Uddannelse eller Afsluttet: hvad status tæller som i overblikket.',
    'Min. alder': 'Laveste alder i målgruppen.',
    'Maks. alder': 'Højeste alder i målgruppen.',
    Lovhjemmel: 'Lovhenvisning, fx LAB § 6, nr. 3.',
    'Erstattes af': 'Koden der afløser denne, når loven ændres (fx en ny målgruppe fra 2027). Foreslås for rækker dateret efter Gyldig til.',
    'Maks. uger': 'Maksimal varighed pr. målgruppekode, fx "MG01=4; MG03=13; *=13".',
  } as Record<string, string>,
};

/** Document properties by the key the reader gives them (eng/cpr), as Excel names them. */
const PROPERTY_DA: Record<string, string> = {
  'core:creator': 'Forfatter',
  'core:lastModifiedBy': 'Senest gemt af',
  'core:title': 'Titel',
  'core:subject': 'Emne',
  'core:keywords': 'Nøgleord',
  'core:description': 'Kommentarer',
  'core:category': 'Kategori',
  'app:Company': 'Firma',
  'app:Manager': 'Leder',
};

// ---- the indsats command ----
export const cliDa = {
  usage: `Brug: indsats <kommando> [valg]

Kommandoer:
  demo -o FIL.xlsx                 skriv en demo-projektmappe med indsatserne fra kildedokumenterne
  init -o FIL.xlsx                 skriv en tom, struktureret projektmappe med standardtaksonomierne
  repair FIL.xlsx -o UD.xlsx       opret det der mangler (ark, tabeller, kolonner) – data flyttes eller slettes aldrig; --rename "Forløbsstatus=Status" omdøber en kolonne
  validate FIL.xlsx [--json]       vis fejl og advarsler; afslutningskode 0 uden fejl, 1 med fejl, 2 hvis filen ikke kan læses
  summarize FIL.xlsx -o UD.xlsx     skriv arkene Statusrapport og Overblik med status, KPI'er, portefølje og diagrammer (--as-of DATO)
  snapshot FIL.xlsx -o UD.xlsx      frys tallene pr. dato i tabellen Statusfotos (ændres aldrig siden); viser tallene først,
                                   og med fejl i projektmappen fryses der kun med --yes (ellers afslutningskode 2)
  snapshot FIL.xlsx --withdraw DATO -o UD.xlsx  træk et statusfoto tilbage (markeres, slettes ikke; datoen kan fryses igen)
  report FIL.xlsx -o UD.pdf         udskriv Statusrapport som PDF gennem LibreOffice (--as-of DATO); projektmappen ændres ikke
  import-refunds FIL.xlsx REFUSION.csv -o UD.xlsx  importér en refusionsfil (semikolon, decimalkomma) pr. uge og ydelse; CPR-numre gemmes ikke
  adopt FIL.xlsx --sheet ARK --initiative ID -o UD.xlsx  tag et håndført ark i brug som indsatsens opfølgningsark (--dry-run viser forslaget; --map "Overskrift=Kolonne;…"); arket selv ændres ikke
  reconcile FIL.xlsx [--json] [-o UD.xlsx]  afstem budget, refusion og medfinansiering; 0 afstemt, 1 afvigelser, 2 ulæselig; -o skriver arket Afstemning
  consolidate A.xlsx B.xlsx … -o PORTEFØLJE.xlsx  saml projektmapper (eller en mappe med .xlsx) i én med Overblik; ID-sammenstød afvises (2)
  partner FIL.xlsx --initiative ID -o PARTNER.xlsx  partnerudgave: kun den indsats' deltagerark, taksonomierne og strukturen
  merge FIL.xlsx PARTNER.xlsx -o UD.xlsx [--dry-run] [--accept all|ID,ID]  tag partnerens rækker tilbage; ændringer skrives kun med --accept

Valg:
  -o, --output FIL   hvor resultatet skrives (en eksisterende fil overskrives kun med --force)
  --as-of DATO       dato for regler om "nu" (standard: i dag), fx 2017-08-29
  --json             findings som JSON på stdout
  --lang da|en       sprog for meddelelser (standard: da)
  --force            overskriv en eksisterende outputfil
  --mask-cpr         skriv den nye fil med CPR-numre i cellerne, noter, navne og dokumentegenskaber maskeret
                     (ellers afviser skrivende kommandoer en projektmappe med CPR-numre)
  --quiet            ingen fremdriftslinjer på stderr
  --initiative ID    indsatsen, partnerudgaven laves for
  --accept all|ID,ID  merge: skriv ændringerne for alle eller for disse deltager-ID'er
  --dry-run          merge: vis forskellene, skriv intet
  --yes              snapshot: frys, selv om projektmappen har fejl
  --withdraw DATO    snapshot: træk statusfotoet pr. DATO tilbage
  -h, --help         denne hjælp`,
  unknownCommand: (c: string) => `Ukendt kommando '${c}'.`,
  // ---- indsats report (issue 13) ----
  report: {
    notPdf: (f: string) => `${f}: rapporten skrives som PDF. Angiv et filnavn, der ender på .pdf.`,
    noLibreOffice: 'indsats report skriver PDF gennem LibreOffice, som ikke er installeret her (kommandoen soffice findes ikke). Installér LibreOffice, eller skriv rapporten med indsats summarize og udskriv arket Statusrapport fra Excel.',
    failed: (f: string, why: string) => `${f} kunne ikke skrives: LibreOffice kunne ikke udskrive rapporten (${why}).`,
    wrote: (f: string, date: string) => `Skrev ${f} (Statusrapport pr. ${date}).`,
  },
  missingOutput: 'Angiv hvor filen skal skrives med -o FIL.xlsx.',
  missingInput: 'Angiv den projektmappe, der skal læses.',
  outputExists: (f: string) => `${f} findes allerede. Vælg et andet navn, eller brug --force for at overskrive den.`,
  sameFile: 'Outputfilen må ikke være den samme som inputfilen: inputfilen ændres aldrig.',
  /** Why an output path is refused (src/xlsx/outputPath.ts); 'exists' is outputExists. */
  outputPath: {
    symlink: (f: string) => `${f} er en symbolsk genvej (symlink). Der skrives ikke gennem genveje: angiv stien til den rigtige fil, eller et nyt navn.`,
    directory: (f: string) => `${f} er en mappe. Angiv et filnavn, fx ${f.replace(/[\\/]+$/, '')}/ud.xlsx.`,
    device: (f: string) => `${f} er en enhed, ikke en fil. Den erstattes aldrig; angiv et filnavn.`,
    fifo: (f: string) => `${f} er en navngivet pipe, ikke en fil. Den erstattes aldrig; angiv et filnavn.`,
    socket: (f: string) => `${f} er en socket, ikke en fil. Den erstattes aldrig; angiv et filnavn.`,
    other: (f: string) => `${f} er ikke en almindelig fil. Den erstattes aldrig; angiv et filnavn.`,
  } as Record<string, (f: string) => string>,
  // --- package writer (eng/writer) ---
  macroExtension: (f: string, ext: string) =>
    `${f} er en projektmappe med makroer. Makroerne bevares, når resultatet skrives til en fil med samme filtype: angiv en outputfil, der ender på ${ext}.`,
  // --- end package writer ---
  macros: (f: string) =>
    `${f} er en projektmappe med makroer (.xlsm, .xltm eller .xlam). Indsatsmonitor bevarer ikke makroer, så sådan en fil kan ikke ændres eller skrives her. Gem en kopi som .xlsx i Excel (Filer → Gem som), og brug den.`,
  refundFolder: (f: string) => `${f} er en mappe, ikke en refusionsfil. Angiv selve filen (.csv).`,
  refundUnreadable: (f: string) => `${f} kan ikke læses (ingen adgang, eller ikke en almindelig fil).`,
  interrupted: 'Afbrudt. Outputfilen er ikke skrevet, og den midlertidige fil er slettet.',
  badDate: (v: string) => `'${v}' er ikke en dato. Brug fx 2017-08-29.`,
  badOption: (m: string) => `Ugyldigt valg: ${m}`,
  unknownOption: (o: string) => `Ukendt valg '${o}'. Se indsats --help.`,
  missingValue: (o: string) => `Valget '${o}' mangler en værdi.`,
  noValue: (o: string) => `Valget '${o}' tager ingen værdi.`,
  optionNotFor: (o: string, command: string, usage: string) => `Valget '${o}' bruges ikke med ${command}. Brug: indsats ${usage}`,
  commandUsage: {
    demo: 'demo -o FIL.xlsx [--force]',
    init: 'init -o FIL.xlsx [--force]',
    repair: 'repair FIL.xlsx -o UD.xlsx [--rename "Overskrift=Kolonne;…"] [--force] [--mask-cpr]',
    validate: 'validate FIL.xlsx [--json] [--as-of DATO]',
    summarize: 'summarize FIL.xlsx -o UD.xlsx [--as-of DATO] [--force] [--mask-cpr]',
    snapshot: 'snapshot FIL.xlsx -o UD.xlsx [--as-of DATO] [--yes] [--withdraw DATO] [--force] [--mask-cpr]',
    report: 'report FIL.xlsx -o UD.pdf [--as-of DATO] [--force]',
    'import-refunds': 'import-refunds FIL.xlsx REFUSION.csv -o UD.xlsx [--force] [--mask-cpr]',
    adopt: 'adopt FIL.xlsx --sheet "ARK" --initiative ID [--name "NAVN"] -o UD.xlsx [--map "Overskrift=Kolonne;…"] [--header-row N] [--dry-run] [--json] [--force]',
    reconcile: 'reconcile FIL.xlsx [--json] [--as-of DATO] [-o UD.xlsx [--force] [--mask-cpr]]',
    consolidate: 'consolidate A.xlsx B.xlsx … (eller MAPPE) -o PORTEFØLJE.xlsx [--as-of DATO] [--force]',
    partner: 'partner FIL.xlsx --initiative ID -o PARTNER.xlsx [--force]',
    merge: 'merge FIL.xlsx PARTNER.xlsx (-o UD.xlsx [--accept all|ID,ID] [--force] | --dry-run) [--as-of DATO]',
  } as Record<string, string>,
  readError: {
    'not-found': (f: string) => `${f} findes ikke.`,
    folder: (f: string) => `${f} er en mappe, ikke en projektmappe. Angiv selve filen (.xlsx).`,
    'not-a-file': (f: string) => `${f} er ikke en almindelig fil (men fx en enhed eller en pipe). Angiv en .xlsx-fil.`,
    encrypted: (f: string) => `${f}: projektmappen er beskyttet med adgangskode. Fjern adgangskoden i Excel (Filer → Oplysninger → Beskyt projektmappe) og prøv igen.`,
    'not-xlsx': (f: string) => `${f} er ikke en Excel-projektmappe (.xlsx). Gem den som .xlsx i Excel og prøv igen.`,
    corrupt: (f: string) => `${f} kan ikke åbnes: filen er beskadiget. Prøv at åbne og gemme den i Excel.`,
    'too-large': (f: string) => `${f} er for stor (over 200 MB).`,
    // --- package writer (eng/writer) ---
    'cannot-write': (f: string, part?: string) =>
      `${f} kan ikke ændres sikkert: ${part ?? 'en del af filen'} kan Indsatsmonitor ikke skrive i uden at miste noget. Intet er skrevet. Åbn og gem filen i Excel, og prøv igen.`,
    // --- end package writer ---
    'too-large-content': (f: string, part?: string) =>
      `${f} kan ikke læses: ${part ?? 'indholdet'} er større end grænsen (200 MB udpakket, 5 mio. celler, 2 mio. tekster). Slet tomme rækker og kolonner langt ude på arket, eller del projektmappen op.`,
  } as Record<string, (f: string, part?: string) => string>,
  conflict: (where: string) => `Strukturen kan ikke tilføjes: ${where} er i vejen (ikke tom, flettet eller en anden tabel). Flyt indholdet og prøv igen. Der er ikke skrevet noget.`,
  writeError: (f: string, why: string) => `${f} kunne ikke skrives: ${why}`,
  unexpected: (why: string) => `Uventet fejl: ${why}. Intet er ændret i inputfilen.`,
  wrote: (f: string) => `Skrev ${f}.`,
  kept: {
    edited: (sheet: string, as: string) => `Arket ${sheet} var rettet i hånden og er gemt som '${as}'.`,
    foreign: (sheet: string, as: string) => `Der var allerede et ark ${sheet}, som Indsatsmonitor ikke har lavet. Det er gemt som '${as}'.`,
  },
  notGenerated: (kind: 'sheet' | 'table', name: string, sheet: string) =>
    kind === 'sheet'
      ? `Arket '${name}' har et navn, indsats bruger, men er ikke lavet af Indsatsmonitor. Omdøb det og prøv igen. Intet er skrevet.`
      : `Tabellen '${name}' på arket '${sheet}' har et navn, indsats bruger, men er ikke lavet af Indsatsmonitor. Omdøb tabellen og prøv igen. Intet er skrevet.`,
  // ---- eng/law ----
  taxonomiesUpdated: (added: number, endDated: number) => `Taksonomierne er opdateret: ${added} indbyggede værdier tilføjet, ${endDated} slutdateret efter loven. Egne rækker og rettelser er ikke ændret.`,
  // ---- end eng/law ----
  repaired: (f: string, n: number) => (n ? `Skrev ${f} med ${n} tilføjelser.` : `Skrev ${f}: intet manglede.`),
  summary: (errors: number, warnings: number) =>
    `${errors === 1 ? '1 fejl' : `${errors} fejl`}, ${warnings === 1 ? '1 advarsel' : `${warnings} advarsler`}.`,
  // ---- CPR numbers in the user's data on write (eng/cpr) ----
  cpr: {
    /** A write command refused: the workbook holds CPR numbers (count, the first places). */
    refused: (count: number, places: string[], more: boolean) =>
      `Projektmappen indeholder ${count === 1 ? '1 CPR-nummer' : `${count} CPR-numre`} (${places.join(', ')}${more ? ' …' : ''}). Fjern ${count === 1 ? 'det' : 'dem'}, eller kør igen med --mask-cpr for at maskere ${count === 1 ? 'det' : 'dem'} i den nye fil. Intet er skrevet.`,
    masked: (count: number) =>
      `Maskerede ${count === 1 ? '1 CPR-nummer' : `${count} CPR-numre`} i den nye fil: de sidste fire cifre er erstattet af ****. Inputfilen er uændret.`,
    /** Where a CPR number is, as the refusal lists it (the sheet and names masked by the caller). */
    place: (place: string, sheet: string, cell: string, key?: string) =>
      ({
        cell: `${sheet}!${cell}`,
        header: `kolonneoverskriften ${sheet}!${cell}`,
        sheetName: `arknavnet ${sheet}`,
        tableName: `tabelnavnet ${key ?? ''}`,
        hyperlink: `linket i ${sheet}!${cell}`,
        drawing: `en tegning eller et diagram på arket ${sheet}`,
        comment: `note i ${sheet}!${cell}`,
        definedName: `det definerede navn ${key ?? ''}`,
        property: `dokumentegenskaben ${PROPERTY_DA[key ?? ''] ?? (key ?? '').replace(/^.*:/, '')}`,
      })[place] ?? `${sheet}!${cell}`,
  },
  // ---- end CPR (eng/cpr) ----
  severity: { error: 'fejl', warning: 'advarsel', info: 'info' },
  suggestion: 'forslag',
  progress: {
    reading: (f: string, mb: string) => `Læser ${f} (${mb} MB) …`,
    validating: (tables: number, rows: number) => `Validerer ${tables} tabeller (${rows.toLocaleString('da-DK')} rækker) …`,
    writing: (f: string) => `Skriver ${f} …`,
    done: (s: string) => `Færdig på ${s} s.`,
  },
};

/**
 * Finance (src/domain/finance). Issue texts take the params the caller builds from a FinanceIssue:
 * initiativeId, year, voucher, otherRows (e.g. "4, 7"), source, type, amount and rate (formatted),
 * date and asOf (formatted), suggestion. As findings, they are rendered by findings.ts, which
 * formats amount, rate and dates from the neutral amountOre, rateBp and CalendarDates. Refund file
 * problems take line and column.
 */
export const financeDa = {
  refundImport: {
    title: 'Refusionsberegning',
    help: 'Importeret fra refusionsfiler, samlet pr. uge og ydelse. CPR-numre gemmes ikke.',
    header: ['Uge', 'Ydelse', 'Personer', 'Linjer', 'Udbetalt', 'Refusion', 'Medfinansiering', 'Refusionssats', 'Importeret', 'Fil'],
    imported: (groups: number, lines: number, file: string) => `Importerede ${lines} linjer fra ${file} som ${groups} rækker (pr. uge og ydelse). CPR-numre er ikke gemt.`,
    duplicate: (file: string) => `${file} er allerede importeret. Intet er skrevet.`,
    empty: (file: string) => `${file} er ikke importeret: filen har ingen linjer, kun en overskrift (eller intet). Intet er skrevet.`,
    rejected: (n: number) => `Filen er ikke importeret: ${n === 1 ? '1 linje' : `${n} linjer`} kan ikke læses. Ret dem og prøv igen.`,
  },
  status: {
    overrefunderet: 'Overrefunderet',
    'mangler anmodning': 'Mangler refusionsanmodning',
    udestående: 'Udestående refusion',
    afstemt: 'Afstemt',
  } satisfies Record<import('../domain/finance').ReconciliationStatus, string>,
  statusDetail: {
    overrefunderet: (p: P) => `Der er modtaget ${p.amount} mere i refusion end anmodet eller end refusionssatsen giver.`,
    'mangler anmodning': (p: P) => `Der mangler anmodning om ${p.amount} i refusion af afholdte udgifter.`,
    udestående: (p: P) => `${p.amount} i anmodet refusion er ikke modtaget. Den ældste anmodning er ${p.days} dage gammel.`,
    afstemt: () => 'Udgifter, anmodninger og modtaget refusion stemmer.',
  } satisfies Record<import('../domain/finance').ReconciliationStatus, (p: P) => string>,
  issues: {
    'unknown-initiative': (p: P) =>
      `Indsatsen ”${p.initiativeId}” findes ikke i tabellen Indsatser.${p.suggestion ? ` Mente du ”${p.suggestion}”?` : ''}`,
    'no-budget': (p: P) => `Indsatsen ”${p.initiativeId}” har posteringer i ${p.year}, men intet budget for ${p.year}.`,
    'duplicate-voucher': (p: P) => `Bilag ”${p.voucher}” er også bogført i række ${p.otherRows}. Tjek, at beløbet ikke er bogført to gange.`,
    'negative-amount': (p: P) => `Negativt beløb (${p.amount}) på en ${p.type}. Er det en tilbagebetaling? Ellers ret fortegnet.`,
    'rate-out-of-range': (p: P) => `Refusionssatsen ${p.rate} skal ligge mellem 0 % og 100 %.`,
    'conflicting-rates': (p: P) =>
      `Kilden ${p.source} har forskellige refusionssatser i ${p.year} (se også række ${p.otherRows}). Brug én sats pr. kilde og år.`,
    'unallocated-expense': (p: P) =>
      `Udgiften på ${p.amount} har ingen kilde, og flere kilder har en refusionssats. Angiv kilden, så refusionen kan beregnes.`,
    'grant-without-source': (p: P) => `Tilskuddet på ${p.amount} har ingen kilde og tæller ikke med i medfinansieringen.`,
    'unknown-posting-type': (p: P) => `”${p.type}” er ikke en posteringstype (Udgift, Refusionsanmodning, Refusion modtaget, Tilskud modtaget).`,
    'invalid-amount': () => 'Beløbet kan ikke læses som kroner og øre.',
    'invalid-date': () => 'Datoen eller året kan ikke læses.',
    'future-date': (p: P) => `Posteringen er dateret ${p.date}, efter afstemningsdatoen ${p.asOf}. Er årstallet rigtigt?`,
  } satisfies Record<import('../domain/finance').FinanceIssueKind, (p: P) => string>,
  refundProblems: {
    'no-header': () => 'Filen er tom: der mangler en overskriftslinje.',
    'missing-column': (p: P) => `Linje ${p.line}: kolonnen '${p.column}' mangler.`,
    'duplicate-column': (p: P) => `Linje ${p.line}: kolonnen '${p.column}' findes to gange.`,
    'wrong-field-count': (p: P) => `Linje ${p.line}: forkert antal felter i forhold til overskriftslinjen.`,
    'unterminated-quote': (p: P) => `Linje ${p.line}: et anførselstegn (") bliver ikke afsluttet.`,
    empty: (p: P) => `Linje ${p.line}: ${p.column} mangler.`,
    'not-an-amount': (p: P) => `Linje ${p.line}: ${p.column} er ikke et beløb (brug fx 1.234,56).`,
    'not-a-percentage': (p: P) => `Linje ${p.line}: ${p.column} er ikke en sats mellem 0 og 100 (brug fx 80,00).`,
    'not-a-cpr-number': (p: P) => `Linje ${p.line}: ${p.column} er ikke et CPR-nummer med 10 cifre.`,
    'cpr-in-amount': (p: P) => `Linje ${p.line}: ${p.column} ligner et CPR-nummer, ikke et beløb. Linjen er ikke importeret.`,
    'total-too-large': (p: P) => `Linje ${p.line}: summen bliver for stor til at regne med.`,
    'not-a-week-number': (p: P) => `Linje ${p.line}: ${p.column} er ikke et helt ugenummer (1 = første uge med ydelse).`,
  } satisfies Record<import('../domain/finance').RefundProblemReason, (p: P) => string>,
  // ---- eng/law: the refund rules per line ----
  refundChecks: {
    'wrong-rate': (p: P) => `Linje ${p.line} (uge ${p.week}${p.benefitWeek ? `, ydelsesuge ${p.benefitWeek}` : ''}): refusionssatsen er ${p.actualRate}, men ${p.expectedRate} efter ${p.rule}.`,
    'refund-not-rate-times-amount': (p: P) => `Linje ${p.line} (uge ${p.week}): refusionen er ${p.actual}, men sats × beløb giver ${p.expected}`,
    'co-financing-not-amount-minus-refund': (p: P) => `Linje ${p.line} (uge ${p.week}): medfinansieringen er ${p.actual}, men beløb − refusion giver ${p.expected}`,
  } satisfies Record<import('../domain/law').RefundLineProblemReason, (p: P) => string>,
  checked: (n: number) => `Filen er importeret, men ${n === 1 ? '1 linje bryder' : `${n} linjer bryder`} refusionsreglerne (lov om kommunernes finansiering af visse offentlige ydelser § 5). Tjek dem med den, der har lavet filen.`,
  // ---- end eng/law ----
};

// ---- the generated sheet Afstemning and `indsats reconcile` ----
export const reconcileDa = {
  chart: (y: number) => `Forventet og modtaget refusion ${y}`,
  sheet: 'Afstemning',
  title: (date: string) => `Afstemning af budget, refusion og medfinansiering pr. ${date}`,
  year: (y: number) => `År ${y}`,
  header: ['Indsats-ID', 'Navn', 'Budget', 'Udgifter', 'Forventet refusion', 'Anmodet', 'Modtaget', 'Udestående', 'Overrefunderet', 'Mangler anmodning', 'Tilskud modtaget', 'Nettoudgift kommune', 'Status'],
  notes: {
    Budget: 'Summen af tabellen Budget for indsatsen og året (formel).',
    Udgifter: 'Posteringer af typen Udgift i året (formel).',
    'Forventet refusion': 'Refusionsberettigede udgifter × refusionssats pr. kilde, afrundet til hele øre (beregnet af Indsatsmonitor).',
    Anmodet: 'Posteringer af typen Refusionsanmodning i året (formel).',
    Modtaget: 'Posteringer af typen Refusion modtaget i året (formel).',
    Udestående: 'Anmodet, men ikke modtaget (formel).',
    Overrefunderet: 'Modtaget ud over det anmodede eller det satsen giver (formel).',
    'Mangler anmodning': 'Forventet refusion, der ikke er anmodet om (formel).',
    'Tilskud modtaget': 'Posteringer af typen Tilskud modtaget i året (formel).',
    'Nettoudgift kommune': 'Kommunens udgifter (kilde Kommune eller tom) minus modtaget refusion (formel).',
    Status: 'Afstemt, udestående, overrefunderet eller mangler anmodning.',
  } as Record<string, string>,
  text: {
    line: (id: string, year: number, status: string) => `${id} ${year}: ${status}`,
    figures: 'budget {budget} · udgifter {spent} · forventet refusion {expected} · anmodet {claimed} · modtaget {received} · tilskud {grants} · nettoudgift {net}',
    outstanding: (amount: string, days: number) => `  udestående ${amount} (ældste anmodning ${days} dage)`,
    overRefunded: (amount: string) => `  overrefunderet ${amount}`,
    unclaimed: (amount: string) => `  mangler anmodning ${amount}`,
    coFinancing: (source: string, actual: string, agreed: string) => `  ${source}: ${actual} af finansieringen (aftalt ${agreed})`,
    none: 'Ingen budget- eller posteringslinjer at afstemme.',
    summary: (lines: number, gaps: number) => `${lines === 1 ? '1 linje' : `${lines} linjer`}, ${gaps ? `${gaps} med afvigelser` : 'alle afstemt'}.`,
    wrote: (f: string) => `Skrev ${f} med arket Afstemning.`,
  },
};

/** Labels and definitions of the summaries (Overblik): src/domain/summarize. */
export const summaryDa = {
  // ---- one truth (#11) ----
  /** A command that cannot compute its figures: what is missing; nothing is written. */
  missingInput: (command: 'summary' | 'snapshot' | 'reconcile', missing: readonly { table: string; sheet: string; column?: string }[]) => {
    const what = { summary: 'Overblikket kan ikke opdateres', snapshot: 'Status kan ikke fryses', reconcile: 'Økonomien kan ikke afstemmes' }[command];
    const list = missing.map((m) => (m.column ? `kolonnen ”${m.column}” mangler i tabellen ”${m.table}” (arket ${m.sheet})` : `tabellen ”${m.table}” mangler (arket ${m.sheet})`));
    return `${what}: ${list.join('; ')}. Tallene kan ikke regnes uden, så intet er skrevet. Ret overskriften, eller kør Opsætning (indsats repair), og prøv igen.`;
  },
  /** Beside the figures a formula does not count every row of: the rows have findings. */
  notCounted: (n: number) => `${n === 1 ? '1 række er' : `${n} rækker er`} ikke talt med — se Fejl`,
  snapshotWithdrawn: 'Trukket tilbage',
  snapshotNotFound: (date: string) => `Der er ingen gældende statusfoto pr. ${date} at trække tilbage.`,
  snapshotWithdrawnDone: (date: string, rows: number) => `Statusfotoet pr. ${date} er trukket tilbage (${rows} ${rows === 1 ? 'række' : 'rækker'} markeret i kolonnen Trukket tilbage; intet er slettet). Datoen kan fryses igen.`,
  /** What freezing will write, before the user confirms (the CLI's snapshot, the pane's dialog). */
  snapshotPreview: (date: string) => `Disse tal fryses pr. ${date} og ændres aldrig siden (de kan kun trækkes tilbage):`,
  snapshotOpenErrors: (n: number) => (n === 1 ? 'Der er 1 fejl i projektmappen, som kan gøre tallene forkerte.' : `Der er ${n} fejl i projektmappen, som kan gøre tallene forkerte.`),
  snapshotNeedsYes: 'Ret fejlene først, eller frys alligevel med --yes. Intet er skrevet.',
  snapshotFigureLine: (f: { initiativeId: string; job: number; education: number; placement: number; course: number; ended: number; total: number }) =>
    `  ${f.initiativeId}: i job ${f.job}, i uddannelse ${f.education}, i virksomhedspraktik ${f.placement}, i forløb ${f.course}, afsluttet ${f.ended}; i alt ${f.total} borgere`,
  // ---- end one truth ----
  snapshotTitle: 'Statusfotos',
  snapshotHelp: 'Tal frosset som værdier pr. dato. Rækkerne ændres aldrig; Overblik viser udviklingen.',
  snapshotExists: (date: string) => `Tallene pr. ${date} er allerede gemt. Gemte tal ændres aldrig.`,
  title: (date: string) => `Status pr. ${date}`,
  sections: { initiatives: 'Status pr. indsats', kpi: 'KPI-mål', statusLog: 'Statuslog: tal rapporteret som totaler', definitions: 'Definitioner' },
  groups: { placement: 'I virksomhedspraktik', course: 'I forløb' },
  charts: { status: 'Status pr. indsats', targetGroups: 'Udfald pr. målgruppe', kpi: 'KPI: mål og opnået', trend: 'Udvikling over de gemte tal' },
  notes: {
    'I job': 'Forløb med en status i job (ordinær beskæftigelse og løntilskud). Formel over indsatsens deltagerark.',
    'I alt': 'Forskellige deltager-ID\'er med start senest på datoen i kolonne D. Formel.',
    'Status pr.': 'Datoen tallene i rækken opgøres pr. Ret den, og formlerne regner om.',
  } as Record<string, string>,
  outcome: { active: 'Aktive', job: 'I job', education: 'I uddannelse', ended: 'Afsluttet' } satisfies Record<import('../domain/taxonomy/types').OutcomeClass, string>,
  columns: {
    initiative: 'Indsats',
    initiatives: 'Indsatser',
    asOf: 'Status pr.',
    courses: 'Forløb',
    total: 'I alt',
    participants: 'Borgere',
    notYetStarted: 'Ikke startet endnu',
    withoutStartDate: 'Uden startdato',
    withoutStatus: 'Uden status',
    withoutStep: 'Uden trin',
    status: 'Status',
    step: 'Trin',
    code: 'Kode',
    name: 'Navn',
    date: 'Dato',
    indicator: 'Indikator',
    value: 'Værdi',
    comment: 'Kommentar',
  },
  shares: {
    job: 'Andel i job',
    education: 'Andel i uddannelse',
    jobOrEducation: 'Andel i beskæftigelse > 18,5 timer eller uddannelse',
    placement: 'Andel i virksomhedsforløb mv.',
    ordinaryHours: 'Andel med ordinære timer under 18,5 timer',
    active: 'Andel aktive',
    ended: 'Andel afsluttet uden job eller uddannelse',
  } satisfies Record<import('../domain/summarize').ShareKey, string>,
  capacity: { places: 'Pladser', active: 'Aktive borgere', utilisation: 'Belægning' },
  medianWeeks: { ended: 'Median uger i forløb (afsluttede)', active: 'Median uger i forløb (aktive)' },
  kpi: {
    text: 'KPI',
    target: 'Mål',
    weeks: 'Uger',
    actual: 'Opnået',
    attainment: 'Opfyldt?',
    // ---- eng/law: what a KPI is measured on ----
    count: (n: number) => `${n.toLocaleString('da-DK')} borgere`,
    amount: (kr: string) => kr,
    measure: (kind: string, base: string): string =>
      kind === 'count' ? 'antal borgere' : kind === 'amount' ? 'beløb mod budget' : base === 'completers' ? 'andel af dem, der har gennemført' : 'andel af alle deltagere',
    // ---- end eng/law ----
    values: { met: 'Opfyldt', notMet: 'Ikke opfyldt', noData: 'Ingen data' } satisfies Record<import('../domain/summarize').KpiAttainment, string>,
  },
  breakdowns: {
    byGoal: 'Efter mål',
    byTargetGroup: 'Efter målgruppe',
    byUnit: 'Efter ansvarlig enhed',
    byState: 'Efter indsatsstatus',
    totals: 'I alt',
    none: '(ingen)',
  },
  definitions: {
    courses: 'Forløb: rækker i indsatsens deltagerark med startdato på eller før statusdatoen. Tallene pr. status og trin tæller forløb, så en borger med to forløb tæller med i begge.',
    total: 'I alt: forskellige deltager-ID\'er (store og små bogstaver og mellemrum i enderne ses der bort fra).',
    latest: 'Andele, aktive borgere og KPI\'er opgøres pr. borger ud fra borgerens seneste forløb.',
    asOf: 'Arket gemmer kun den nuværende status. Er statusdatoen efter opgørelsesdatoen, regnes borgeren som i forløb på første trin. Er slutdatoen passeret, mens status stadig er aktiv, regnes forløbet som afsluttet.',
    jobOrEducation: 'Beskæftigelse > 18,5 timer eller uddannelse: status i job med flere end 18,5 ordinære timer om ugen (eller uden oplyste timer), eller status i uddannelse. Løntilskud tæller som virksomhedsforløb.',
    placement: 'Virksomhedsforløb mv.: status I virksomhedspraktik eller Ansat med løntilskud.',
    ordinaryHours: 'Ordinære timer under 18,5 timer: aktive borgere, der ikke er i virksomhedsforløb, med flere end 0 og færre end 18,5 ordinære timer om ugen.',
    placementWeeks: 'KPI med uger i virksomhedsforløb: fra statusdatoen til slutdatoen (eller opgørelsesdatoen). Forløb, hvor borgeren siden er kommet i job, kan ikke ses.',
    kpiDenominator: 'KPI\'er regnes i forhold til borgerne i deltagerarket, ikke hele målgruppen.',
    portfolio: 'Deltager-ID\'er er pseudonymer pr. indsats. En borger i to indsatser tælles kun én gang, hvis ID\'et er det samme i begge; totalerne er derfor et øvre skøn over antallet af borgere.',
    medianWeeks: 'Median uger: afsluttede forløb fra startdato til slutdato (eller statusdato); aktive forløb fra startdato til opgørelsesdatoen.',
  },
  // ---- Statusrapport (issue 13: the report that prints) ----
  report: {
    title: (date: string) => `Statusrapport pr. ${date}`,
    basis: (count: number, from: string, to: string) =>
      from === to
        ? `${count} ${count === 1 ? 'indsats' : 'indsatser'} opgjort pr. ${to} (Status pr. i registret). Formlerne bag tallene står på arket Overblik.`
        : `${count} indsatser, hver opgjort pr. sin egen dato (Status pr. i registret), fra ${from} til ${to}. Formlerne bag tallene står på arket Overblik.`,
    noTheme: 'Uden tema',
    theme: (theme: string) => `Tema: ${theme}`,
    heading: (id: string, name: string) => `${id} · ${name}`,
    targetGroups: (names: string) => `Målgruppe: ${names || 'ikke angivet'}`,
    goals: (names: string) => `Mål: ${names || 'ikke angivet'}`,
    status: (date: string, state: string, text: string) => `Status pr. ${date}${state ? ` (${state})` : ''}: ${text || 'ingen statustekst i registret.'}`,
    kpi: (text: string, target: string, actual: string, attainment: string) => `KPI: ${text}. Mål ${target}, opnået ${actual}: ${attainment}.`,
    notCounted: (parts: string[]) => (parts.length ? `Ikke talt med: ${parts.join('; ')}.` : 'Alle rækker på indsatsens ark er talt med.'),
    notYetStarted: (n: number, date: string) => `${n} ${n === 1 ? 'forløb' : 'forløb'} med start efter ${date}`,
    withoutStartDate: (n: number) => `${n} uden startdato`,
    withoutStatus: (n: number) => `${n} uden kendt status (talt i I alt, ikke i en status)`,
    noSheet: 'Indsatsen har intet deltagerark; tallene nedenfor er fra Statuslog.',
    noFigures: 'Indsatsen har intet deltagerark og ingen tal i Statuslog.',
    logLine: (indicator: string, value: string, date: string, comment: string) => `· ${indicator}: ${value} pr. ${date}${comment ? ` (${comment})` : ''}`,
    logHeading: 'Rapporteret i Statuslog:',
    emptySheet: 'Indsatsens deltagerark har ingen rækker endnu.',
    portfolio: (date: string) => `Porteføljen pr. ${date}`,
    charts: 'Diagrammer',
    shares: (title: string) => `${title}: andel af borgerne i job og i uddannelse`,
    columns: {
      id: 'ID', initiative: 'Indsats', asOf: 'Status pr.', job: 'Job', education: 'Uddannelse', placement: 'Praktik', course: 'I forløb', ended: 'Afsluttet', total: 'I alt',
      places: 'Pladser', utilisation: 'Belægning', code: 'Kode', name: 'Navn', initiatives: 'Indsatser', participants: 'Borgere', active: 'Aktive',
      target: 'Mål', actual: 'Opnået', attainment: 'Opfyldt?', kpi: 'KPI', jobShare: 'Andel i job', educationShare: 'Andel i uddannelse', date: 'Dato',
    },
    footerPage: 'Side &P af &N',
  },
};

// ---- portfolio: consolidate, partner and merge (src/workbook/portfolio.ts, partner.ts) ----
const plainValueDa = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '(tom)' : v instanceof Date ? `${String(v.getUTCDate()).padStart(2, '0')}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${v.getUTCFullYear()}` : String(v);

export const portfolioDa = {
  value: plainValueDa,
  problems: {
    'id-clash': (p: { id: string; file: string; other: string; what: 'register' | 'participants' | 'statusLog' | 'finance' | 'snapshots' }) =>
      `Indsats-ID ${p.id} findes i både ${p.file} og ${p.other} med forskelligt indhold (${({ register: 'rækken i Indsatser', participants: 'deltagerarket', statusLog: 'statusloggen', finance: 'budget og posteringer', snapshots: 'statusfotoene' } as const)[p.what]}). Giv den ene et andet ID, eller ret dem, så de er ens. Intet er skrevet.`,
    'id-twice': (p: { id: string; file: string }) => `Indsats-ID ${p.id} står to gange i tabellen Indsatser i ${p.file}. Ret det i filen. Intet er skrevet.`,
    'id-identical': (p: { id: string; file: string; other: string }) => `Indsats ${p.id} er ens i ${p.file} og ${p.other}; den er taget med én gang.`,
    'taxonomy-conflict': (p: { taxonomy: string; taxonomyCode: string; name: string; file: string; otherName: string; other: string }) =>
      `Taksonomien ${p.taxonomy}: koden ${p.taxonomyCode} hedder '${p.name}' i ${p.file} men '${p.otherName}' i ${p.other}. Navnet fra ${p.file} er brugt.`,
    'no-register': (p: { file: string }) => `${p.file} har ingen tabel Indsatser og er ikke en Indsatsmonitor-projektmappe. Kør indsats repair på den først. Intet er skrevet.`,
    'extra-columns': (p: { file: string; table: string; columns: string[] }) => `${p.file}, tabellen ${p.table}: kolonnerne ${p.columns.join(', ')} er ikke en del af modellen og er ikke taget med.`,
    // ---- carry: Statusfotos and Refusionsberegning in the portfolio (issue 13) ----
    'refund-clash': (p: { refundFile: string; file: string; other: string }) =>
      `Refusionsfilen ${p.refundFile} er importeret i både ${p.file} og ${p.other}, men med forskellige rækker i Refusionsberegning. Slet den forkerte import i den ene projektmappe, eller giv filerne forskellige navne. Intet er skrevet.`,
    'refund-identical': (p: { refundFile: string; file: string; other: string }) => `Refusionsfilen ${p.refundFile} er importeret ens i ${p.file} og ${p.other}; den er taget med én gang.`,
    // ---- end carry ----
  },
  consolidate: {
    reading: (i: number, n: number, f: string) => `Læser ${i}/${n}: ${f} …`,
    noInputs: 'Angiv de projektmapper, der skal samles (filer eller en mappe med .xlsx-filer).',
    emptyFolder: (f: string) => `Mappen ${f} indeholder ingen .xlsx-filer.`,
    twice: (f: string) => `${f} er angivet to gange.`,
    refused: (n: number) => `Porteføljen er ikke skrevet: ${n === 1 ? '1 problem' : `${n} problemer`} skal rettes først.`,
    wrote: (f: string, files: number, initiatives: number, rows: number) => `Skrev ${f}: ${files} projektmapper, ${initiatives} indsatser, ${rows.toLocaleString('da-DK')} deltagerrækker, Overblik over det hele.`,
    // ---- carry (issue 13) ----
    reconciled: (lines: number, gaps: number) =>
      `Afstemning er bygget over det hele: ${lines === 1 ? '1 linje' : `${lines} linjer`}, ${gaps === 0 ? 'alle afstemt' : gaps === 1 ? '1 med afvigelse' : `${gaps} med afvigelser`}. Se detaljerne med indsats reconcile på porteføljen.`,
    // ---- end carry ----
  },
  partner: {
    missingInitiative: 'Angiv indsatsen med --initiative ID.',
    notFound: (id: string, f: string, known: string[]) => `Indsatsen ${id} findes ikke i ${f}. Indsatserne er: ${known.join(', ') || '(ingen)'}.`,
    noRegister: (f: string) => `${f} har ingen tabel Indsatser.`,
    wrote: (f: string, id: string, rows: number) => `Skrev ${f}: partnerudgave for ${id} med ${rows === 1 ? '1 deltagerrække' : `${rows} deltagerrækker`} (ingen andre indsatser, ingen økonomi, ingen statuslog).`,
  },
  merge: {
    invalid: (f: string, n: number) => `${f} har ${n === 1 ? '1 fejl' : `${n} fejl`} og er ikke taget ind. Ret fejlene i partnerudgaven og prøv igen. Intet er skrevet.`,
    notPartner: (f: string, n: number) => `${f} er ikke en partnerudgave: den skal have præcis én indsats i Indsatser og dens deltagerark (den har ${n}). Lav den med indsats partner.`,
    otherInitiative: (f: string, id: string, main: string, known: string[]) => `${f} er partnerudgaven for ${id}, som ikke findes i ${main} (indsatserne er: ${known.join(', ') || '(ingen)'}). Intet er skrevet.`,
    noTable: (main: string, id: string) => `${main} har intet deltagerark for ${id} (tabellen Deltagere_${id}). Kør indsats repair først.`,
    heading: (id: string, added: number, changed: number, deleted: number) =>
      `Partnerudgave for ${id}: ${added === 1 ? '1 ny række' : `${added} nye rækker`}, ${changed === 1 ? '1 ændret række' : `${changed} ændrede rækker`}, ${deleted === 1 ? '1 slettet række' : `${deleted} slettede rækker`}.`,
    added: (id: string) => `  ny række: ${id}`,
    change: (id: string, column: string, address: string, from: string, to: string) => `  ændret: ${id}, ${column} (${address}): ${from} → ${to}`,
    deleted: (id: string, address: string) => `  slettet hos partneren (beholdt): ${id} (${address})`,
    ignored: (table: string, rows: number) => `  ikke taget med: ${rows === 1 ? '1 række' : `${rows} rækker`} i ${table} (partnerudgaven fører kun deltagerarket tilbage)`,
    registerChange: (column: string, from: string, to: string) => `  ikke taget med: Indsatser, ${column}: ${from} → ${to} (rækken i Indsatser er jeres; ret den selv, hvis partneren har ret)`,
    pending: (n: number) => `${n === 1 ? '1 ændret række er' : `${n} ændrede rækker er`} ikke skrevet. Skriv dem med --accept all eller --accept ID,ID.`,
    dryRun: 'Prøvekørsel (--dry-run): intet er skrevet.',
    unknownAccept: (ids: string[]) => `Ingen ændringer for ${ids.join(', ')}. --accept tager deltager-ID'erne fra listen over ændringer.`,
    needsOutput: 'Angiv -o UD.xlsx, eller --dry-run for kun at se forskellene.',
    changedSince: (where: string) => `${where} er ændret i projektmappen, siden den blev sammenlignet. Intet er skrevet; kør merge igen.`,
    wrote: (f: string, added: number, accepted: number) => `Skrev ${f}: ${added === 1 ? '1 ny række' : `${added} nye rækker`} tilføjet, ændringer for ${accepted} ${accepted === 1 ? 'række' : 'rækker'} skrevet.`,
  },
};
// ---- end portfolio ----
// ---- #10 adopting a hand-kept sheet: indsats adopt, Opsætning → Tag et eksisterende ark i brug (begin) ----
const headerListDa = 'Deltager-ID, Startdato, Målgruppe, Trin, Status, Statusdato, Slutdato, Bemærkning';
export const adoptDa = {
  choice: { extra: 'ekstra kolonne', skip: 'ikke med' } as Record<'extra' | 'skip', string>,
  via: { header: 'efter overskriften', values: 'efter værdierne' } as Record<'header' | 'values', string>,
  reasons: {
    'unknown-value': 'ikke på listen',
    'no-year': 'datoen har intet år, og arket siger ikke hvilket',
  } as Record<string, string>,
  problems: {
    'no-sheet': (sheet: string, sheets: string[]) => `Arket ”${sheet}” findes ikke.${sheets.length ? ` Ark, der kan tages i brug: ${sheets.map((s) => `”${s}”`).join(', ')}.` : ' Projektmappen har ingen ark, der kan tages i brug.'}`,
    'model-sheet': (sheet: string) => `Arket ”${sheet}” er allerede en del af Indsatsmonitor og tjekkes ved validering. Vælg et af dine egne ark.`,
    'invalid-id': (id: string) => `”${id}” kan ikke bruges som indsats-ID: ${idFaultsDa(id)}.`,
    'too-large': (sheet: string, ref: string) => `Arket ”${sheet}” er for stort til at blive læst helt (${ref}), så rækker kunne gå tabt. Del arket op, eller slet tomme rækker og kolonner langt ude på arket.`,
    'has-rows': (table: string, sheet: string) => `Indsatsen har allerede rækker i tabellen ${table} på arket ”${sheet}”. Vælg et andet indsats-ID.`,
    'no-room': (id: string) => `Arkene ”${id}” og ”Deltagere_${id}” findes begge og er ikke tomme, så opfølgningsarket har ingen plads. Omdøb et af dem.`,
    empty: (sheet: string) => `Arket ”${sheet}” er tomt: der er intet at tage i brug.`,
    'no-header': (sheet: string) => `Arket ”${sheet}” har ingen overskriftsrække, der kan genkendes: ingen række nævner mindst to af kolonnerne ${headerListDa}. Skriv overskrifter over dataene.`,
    'ambiguous-header': (sheet: string, rows: number[]) => `Arket ”${sheet}” har flere rækker, der kan være overskriften (række ${rows.join(' og ')}). Sig hvilken.`,
    'no-data': (sheet: string, row: number) => `Arket ”${sheet}” har ingen data under overskriften i række ${row}.`,
    'unknown-header': (header: string) => `Arket har ingen kolonne ”${header}”.`,
    'unknown-column': (header: string, column: string) => `”${header}=${column}”: ”${column}” er ikke en kolonne i opfølgningsarket. Brug en af ${headerListDa}, eller ”ikke med” eller ”ekstra”.`,
    'mapped-twice': (column: string, headers: string[]) => `”${column}” er valgt for flere kolonner (${headers.map((h) => `”${h}”`).join(' og ')}). Vælg den ene.`,
  },
  cli: {
    missingSheet: 'Angiv arket, der skal tages i brug, med --sheet "NAVN".',
    missingInitiative: 'Angiv indsatsens ID med --initiative ID, fx --initiative ITMV.',
    badMap: (text: string) => `--map ”${text}” kan ikke læses. Skriv fx --map "Forløbsstatus=Status;Telefon=ikke med".`,
    badHeaderRow: (text: string) => `--header-row ”${text}” er ikke et rækkenummer. Skriv fx --header-row 3.`,
    headerHint: 'Angiv overskriftsrækken med --header-row N.',
    found: (sheet: string, headerRow: number, rows: number) => `Arket ”${sheet}”: overskrift i række ${headerRow}, ${rows === 1 ? '1 række' : `${rows} rækker`} med data.`,
    titles: (rows: number[]) => `Titelrækker over overskriften: ${rows.join(', ')}.`,
    blanks: (rows: number[]) => `Tomme rækker sprunget over (ingen data tabt): ${rows.join(', ')}.`,
    totals: (rows: number[]) => `Sumrække udeladt: ${rows.join(', ')}.`,
    columns: 'Kolonner:',
    column: (letter: string, header: string, to: string, via: string, samples: string) => `  ${letter}  ${header || '(ingen overskrift)'} → ${to}${via ? ` (${via})` : ''}${samples ? `   fx ${samples}` : ''}`,
    conversions: 'Omregninger:',
    conversion: (column: string, from: string, to: string, rows: number) => `  ${column}: ”${from}” → ”${to}” (${rows === 1 ? '1 række' : `${rows} rækker`})`,
    year: (year: number) => `Datoer uden år får året ${year} fra arket.`,
    kept: 'Beholdt som skrevet (findes ved valideringen):',
    keptValue: (column: string, row: number, value: string, reason: string) => `  ${column} i række ${row}: ”${value}” (${reason})`,
    missingRequired: (columns: string[]) => `Ingen kolonne på arket for ${columns.join(', ')}: de skal udfyldes i opfølgningsarket.`,
    dryRun: 'Prøvekørsel: intet er skrevet.',
    adopted: (file: string, sheet: string, rows: number, id: string) => `Skrev ${file}: arket ”${sheet}” med ${rows === 1 ? '1 række' : `${rows} rækker`} for indsatsen ${id}. Det oprindelige ark er uændret.`,
    addedInitiative: (id: string) => `Indsatsen ${id} er føjet til tabellen Indsatser.`,
    setUp: 'Projektmappen havde ingen struktur: Taksonomier, Indsatser, Statuslog og Økonomi er oprettet.',
  },
  ui: {
    title: 'Tag et eksisterende ark i brug',
    intro: 'Har du ført deltagere i dit eget ark? Vælg arket, så foreslår Indsatsmonitor, hvilke kolonner der er hvad. Rækkerne kopieres til et nyt opfølgningsark; dit ark ændres ikke.',
    sheet: 'Ark',
    chooseSheet: 'Vælg et ark …',
    noSheets: 'Der er ingen ark med data, som ikke allerede er en del af Indsatsmonitor.',
    look: 'Se efter ark igen',
    initiative: 'Indsats-ID',
    initiativeHint: 'Findes ID’et ikke i Indsatser, tilføjes indsatsen.',
    name: 'Navn på indsatsen',
    column: (letter: string, header: string) => `${letter}: ${header || '(ingen overskrift)'}`,
    samples: (samples: string[]) => (samples.length ? `fx ${samples.join(', ')}` : 'tom'),
    found: (headerRow: number, rows: number, blanks: number, totals: number) =>
      `Overskrift i række ${headerRow}, ${plural(rows, 'række', 'rækker')} med data${blanks ? `, ${plural(blanks, 'tom række', 'tomme rækker')} sprunget over` : ''}${totals ? `, ${plural(totals, 'sumrække', 'sumrækker')} udeladt` : ''}.`,
    conversions: 'Det omregnes',
    kept: (n: number) => `${plural(n, 'værdi', 'værdier')} beholdes som skrevet og vises som fejl ved valideringen.`,
    adopt: 'Tag i brug',
    adopted: (sheet: string, rows: number, findings: number) => `Arket ”${sheet}” er oprettet med ${plural(rows, 'række', 'rækker')}.${findings ? ` Valideringen fandt ${plural(findings, 'ting', 'ting')} at rette.` : ' Valideringen fandt intet at rette.'}`,
    takeInUse: 'Tag i brug',
    headerRow: 'Overskriftsrække',
    chooseHeaderRow: 'Vælg rækken med overskrifterne …',
    row: (n: number) => `Række ${n}`,
  },
  rename: {
    suggested: (from: string, to: string, where: string) => `Kolonnen ”${from}” (${where}) ligner ”${to}”, som mangler: den er ikke tilføjet igen. Omdøb med --rename "${from}=${to}".`,
    renamed: (from: string, to: string, where: string) => `Omdøbte kolonnen ”${from}” til ”${to}” (${where}).`,
    badRename: (text: string) => `--rename ”${text}” kan ikke læses. Skriv fx --rename "Forløbsstatus=Status".`,
    'no-column': (from: string) => `--rename: ingen tabel i projektmappen har kolonnen ”${from}”. Intet er skrevet.`,
    'not-missing': (from: string, to: string, table: string) => `--rename "${from}=${to}": tabellen ${table} mangler ikke ”${to}”, eller ”${from}” er selv en af dens kolonner. Intet er skrevet.`,
    ui: {
      title: 'Omdøbte kolonner',
      text: (from: string, to: string, where: string) => `Kolonnen ”${from}” (${where}) ligner ”${to}”, som mangler.`,
      apply: (to: string) => `Omdøb til ${to}`,
      done: (from: string, to: string) => `”${from}” er omdøbt til ”${to}”.`,
    },
  },
};
// ---- #10 adopting (end) ----
