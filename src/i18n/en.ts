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
