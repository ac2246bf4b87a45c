/** All English texts: the same keys as da.ts. */
import type { FindingCode, FindingParams } from '../domain/validate/finding';
import type { ParseFailureCode } from '../domain/parse/cell';
import type { textsDa, UiStrings } from './da';

type P = FindingParams;

export const parseReasonsEn: Record<ParseFailureCode, string> = {
  empty: 'the field is empty',
  'excel-error': 'the cell holds an Excel error value',
  'not-a-number': 'not a number',
  'not-an-integer': 'not a whole number',
  'not-a-date': 'not a date (use e.g. 29-08-2017)',
  'invalid-date': 'the date does not exist in the calendar',
  'not-an-amount': 'not an amount (use e.g. 262.000,00 kr.)',
  'too-many-decimals': 'the amount has more than two decimals (øre)',
  'not-a-percentage': 'not a percentage between 0 and 100 % (use e.g. 30,8 %)',
  'not-a-boolean': 'must be Ja (yes) or Nej (no)',
  'unsupported-value': 'the value cannot be read',
};

export const findingMessagesEn: Record<FindingCode, (p: P) => string> = {
  MISSING_TABLE: (p) => `The table '${p.table}' is missing from the workbook.`,
  MISSING_COLUMN: (p) => `The column '${p.column}' is missing from the table '${p.table}'.`,
  REQUIRED_EMPTY: (p) => `'${p.column}' is required.`,
  WRONG_TYPE: (p) => `'${p.value}' in '${p.column}' cannot be read: ${p.reason}.`,
  OUT_OF_RANGE: (p) => `'${p.value}' in '${p.column}' must be between ${p.min} and ${p.max}.`,
  EXCEL_ERROR: (p) => `The cell holds the error value ${p.value}. Fix the formula or type the value.`,
  UNKNOWN_CODE: (p) =>
    p.suggestion
      ? `'${p.value}' is not in ${p.taxonomy}. Did you mean '${p.suggestion}'?`
      : `'${p.value}' is not in ${p.taxonomy}. Pick a value from the list.`,
  INACTIVE_CODE: (p) => `'${p.value}' in ${p.taxonomy} is not in force${p.date ? ` on ${p.date}` : ''}.`,
  INVALID_ID: (p) => `Initiative ID '${p.value}' must start with a letter and have at most 20 characters (letters a-z, digits and _).`,
  UNKNOWN_INITIATIVE: (p) => `The initiative '${p.value}' is not in the table Indsatser.`,
  DATE_ORDER: (p) => `'${p.column}' (${p.date}) is before '${p.otherColumn}' (${p.otherDate}).`,
  STEP_STATUS_MISMATCH: (p) => `Status '${p.status}' belongs to step ${p.steps}, but the participant is on step ${p.step}.`,
  TARGET_GROUP_NOT_IN_INITIATIVE: (p) => `The target group '${p.value}' is not among the initiative's target groups (${p.allowed}).`,
  COURSE_TOO_LONG: (p) =>
    `The course has run ${p.weeks} weeks without an end date; it may last at most ${p.maxWeeks} weeks. Enter an end date or a new status.`,
  CAPACITY_EXCEEDED: (p) => `${p.active} active participants on ${p.date}, but the initiative has only ${p.places} places.`,
  DUPLICATE_ID: (p) => `'${p.value}' appears more than once (rows ${p.rows}) with overlapping courses.`,
  DUPLICATE_CODE: (p) => `The code '${p.value}' appears more than once in ${p.taxonomy} (rows ${p.rows}).`,
  AMBIGUOUS_SYNONYM: (p) => `'${p.value}' in ${p.taxonomy} points to both '${p.first}' and '${p.second}'; '${p.first}' is used.`,
  CPR_NUMBER: (p) =>
    `The cell seems to hold a CPR number (${p.value}). CPR numbers must not be stored here: use a pseudonym as participant ID.`,
  AGE_OUT_OF_BOUNDS: (p) => `Age ${p.age} does not fit the target group '${p.group}' (${p.bounds}).`,
  KPI_UNREADABLE: (p) => `The KPI target '${p.value}' cannot be read. Write e.g. 'andel i job ≥ 30 %'.`,
  MERGED_CELLS: (p) => `The cells ${p.range} are merged. A table cannot hold merged cells: unmerge them and fill each cell.`,
  EMPTY_ROW: (p) => `Row ${p.row} is empty in the middle of the table. Delete the row or fill it in.`,
};

export const textsEn: typeof textsDa = {
  ageAtLeast: (n: number) => `at least ${n} years`,
  ageAtMost: (n: number) => `at most ${n} years`,
  taxonomyNames: {
    goals: 'Goals (Mål)',
    targetGroups: 'Target groups (Målgrupper)',
    statuses: 'Statuses (Statusser)',
    steps: 'Steps (Trin)',
    offers: 'Offers (Tilbud)',
    units: 'Units (Enheder)',
    fundingSources: 'Funding sources (Finansiering)',
    initiativeStates: 'Initiative states (Indsatsstatus)',
    postingTypes: 'Posting types (Posteringstyper)',
  },
};


// ---- task pane UI ----
export const uiEn: UiStrings = {
  appTitle: 'Indsatsmonitor',
  outsideOffice: 'Open Indsatsmonitor from Excel to work in a workbook.',
  tabListLabel: 'Features',
  tabs: {
    setup: {
      label: 'Setup',
      description:
        'Here you will be able to prepare a workbook for Indsatsmonitor: point out the table of initiatives and set up fixed fields such as initiative type and status. This feature is in development.',
    },
    validation: {
      label: 'Validation',
      description:
        'Here you will be able to check the active sheet for empty or invalid values, such as dates, amounts and CPR numbers, and see which cells need fixing. This feature is in development.',
    },
    overview: {
      label: 'Overview',
      description:
        'Here you will be able to see an overview of the initiatives in the workbook, such as how many are active, by type. This feature is in development.',
    },
    economy: {
      label: 'Finances',
      description:
        'Here you will be able to follow the spending on initiatives, such as the total amounts per initiative type. This feature is in development.',
    },
  },
  dataValidationUnsupported:
    'Your version of Excel does not support drop-down lists from add-ins (ExcelApi 1.8). Validation and overview still work.',
};

// ---- texts written into workbooks (titles, header notes) ----
export const workbookEn: typeof import('./da').workbookDa = {
  titles: {
    taxonomies: 'Taksonomier (taxonomies)',
    taxonomiesHelp: 'Code lists used by drop-downs and validation. Edit, add or mark inactive (Aktiv = Nej); do not delete codes in use.',
    initiatives: 'Indsatser (initiatives)',
    initiativesHelp: "One row per initiative. The ID becomes the name of the initiative's tracking sheet.",
    participants: (name: string) => `Deltagere (participants) – ${name}`,
    participantsHelp: 'One row per participant course. Use a pseudonym as Deltager-ID – never a CPR number.',
    statusLog: 'Statuslog (status log)',
    statusLogHelp: 'Figures reported only as totals, e.g. "64 citizens enrolled on 31-12-2020".',
    finance: 'Økonomi (finance)',
    financeHelp: 'Budget per initiative, year and source, and postings (expenses, refund claims, refunds and grants received).',
  },
  taxonomyNotes: {
    Navn: 'The name as shown in drop-downs and cells.',
    Trin: 'The steps the status belongs to, separated by semicolons, e.g. "1; 2". Empty = any.',
  },
  columnNotes: {
    ID: 'Short ID of the initiative: letters a-z, digits and _, at most 20 characters, e.g. ITMV.',
    Navn: 'Name.',
    'Ansvarlig enhed': 'Responsible unit (from the Enheder taxonomy).',
    Mål: 'Codes from the Mål taxonomy, separated by semicolons, e.g. "L1; M4".',
    Målgrupper: 'Codes from the Målgrupper taxonomy, separated by semicolons, e.g. "MG03; LG01".',
    Start: 'Start date (dd-mm-yyyy).',
    Slut: 'End date (dd-mm-yyyy); empty while running.',
    Pladser: 'Number of places (capacity). More active participants than places gives a warning.',
    Status: 'Status from the list.',
    Tilbud: 'Offer type (from the Tilbud taxonomy); gives the maximum length per target group.',
    Forløbsuger: 'Course length in weeks, e.g. 13. Active courses without an end date beyond it give a warning.',
    KPI: 'Result targets separated by semicolons, e.g. "andel i job ≥ 30 %; 40 % i virksomhedspraktik i 13 uger".',
    'Status pr.': 'The date the tracking sheet reflects. Rules about "now" (course length, capacity) use it.',
    'Deltager-ID': 'Pseudonym of the participant, e.g. ITMV-001. Never a CPR number.',
    Startdato: 'Start date of the course (dd-mm-yyyy).',
    Målgruppe: "The participant's target group (from the list).",
    Trin: 'Step 1 clarification, 2 on the way to a job, 3 company-based course.',
    Statusdato: 'Date the status was set.',
    Slutdato: 'End date of the course; empty while active.',
    'Ordinære timer pr. uge': 'Ordinary paid hours per week (0–80), e.g. 12,5.',
    Alder: 'Age in whole years at the start. Checked against the target group’s age bounds.',
    Bemærkning: 'Free text. Do not write CPR numbers or health information.',
    'Indsats-ID': 'ID from the Indsatser table.',
    Dato: 'Date (dd-mm-yyyy).',
    Indikator: 'What the figure measures, e.g. "Indskrevne borgere".',
    Værdi: 'The figure.',
    Kommentar: 'Free text.',
    År: 'Budget year, e.g. 2017.',
    Kilde: 'Funding source (from the list).',
    Beløb: 'Amount in kroner, e.g. 262.000,00.',
    Refusionssats: 'Refund rate in per cent, e.g. 50 %.',
    Type: 'Expense, refund claim, refund received or grant received.',
    Bilag: 'Voucher number.',
    Kode: 'Short unique code.',
    Synonymer: 'Other spellings, separated by semicolons.',
    Aktiv: 'Ja (yes) or Nej (no). Inactive codes give a warning when used.',
    'Gyldig fra': 'First day the code is valid (empty = always).',
    'Gyldig til': 'Last day the code is valid (empty = always).',
    Udfaldsklasse: 'Aktiv, Job, Uddannelse or Afsluttet: what the status counts as in summaries.',
    'Min. alder': 'Lowest age in the target group.',
    'Maks. alder': 'Highest age in the target group.',
    Lovhjemmel: 'Law reference, e.g. LAB § 2, nr. 3.',
    'Maks. uger': 'Maximum length per target-group code, e.g. "MG01=4; MG03=13; *=13".',
  },
};

// ---- the indsats command ----
export const cliEn: typeof import('./da').cliDa = {
  usage: `Usage: indsats <command> [options]

Commands:
  demo -o FILE.xlsx                write a demo workbook with the initiatives from the source documents
  init -o FILE.xlsx                write an empty, structured workbook with the default taxonomies
  repair FILE.xlsx -o OUT.xlsx     add what is missing (sheets, tables, columns) – data is never moved or deleted
  validate FILE.xlsx [--json]      print errors and warnings; exit 0 without errors, 1 with errors, 2 if unreadable

Options:
  -o, --output FILE  where to write (an existing file is only overwritten with --force)
  --as-of DATE       date for rules about "now" (default: today), e.g. 2017-08-29
  --json             findings as JSON on stdout
  --lang da|en       message language (default: da)
  --force            overwrite an existing output file
  --quiet            no progress lines on stderr
  -h, --help         this help`,
  unknownCommand: (c: string) => `Unknown command '${c}'.`,
  missingOutput: 'Say where to write the file with -o FILE.xlsx.',
  missingInput: 'Name the workbook to read.',
  outputExists: (f: string) => `${f} exists already. Choose another name, or use --force to overwrite it.`,
  sameFile: 'The output file must not be the input file: the input file is never changed.',
  badDate: (v: string) => `'${v}' is not a date. Use e.g. 2017-08-29.`,
  badOption: (m: string) => `Invalid option: ${m}`,
  readError: {
    'not-found': (f: string) => `${f} does not exist.`,
    'not-xlsx': (f: string) => `${f} is not an Excel workbook (.xlsx). Save it as .xlsx in Excel and try again.`,
    corrupt: (f: string) => `${f} cannot be opened: the file is damaged. Try opening and saving it in Excel.`,
    'too-large': (f: string) => `${f} is too large (over 200 MB).`,
  },
  conflict: (where: string) => `The structure cannot be added: ${where} is in the way (not empty, merged or another table). Move its content and try again. Nothing was written.`,
  writeError: (f: string, why: string) => `${f} could not be written: ${why}`,
  unexpected: (why: string) => `Unexpected error: ${why}. Nothing was changed in the input file.`,
  wrote: (f: string) => `Wrote ${f}.`,
  repaired: (f: string, n: number) => (n ? `Wrote ${f} with ${n} additions.` : `Wrote ${f}: nothing was missing.`),
  summary: (errors: number, warnings: number) =>
    `${errors === 1 ? '1 error' : `${errors} errors`}, ${warnings === 1 ? '1 warning' : `${warnings} warnings`}.`,
  severity: { error: 'error', warning: 'warning' },
  suggestion: 'suggestion',
  progress: {
    reading: (f: string, mb: string) => `Reading ${f} (${mb} MB) …`,
    validating: (tables: number, rows: number) => `Validating ${tables} tables (${rows.toLocaleString('en-GB')} rows) …`,
    writing: (f: string) => `Writing ${f} …`,
    done: (s: string) => `Done in ${s} s.`,
  },
};
