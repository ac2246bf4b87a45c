/** All English texts: the same keys as da.ts (typed against it). One file per language, hence its length. */
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
  MISSING_COLUMN: (p) => `The column '${p.column}' is missing from the table '${p.table}'.${p.like !== undefined ? ` The column '${p.like}' looks like it: rename it to '${p.column}' (Use suggestion, or indsats repair --rename "${p.like}=${p.column}").` : ''}`,
  REQUIRED_EMPTY: (p) => `'${p.column}' is required.`,
  WRONG_TYPE: (p) => `'${p.value}' in '${p.column}' cannot be read: ${p.reason}.`,
  OUT_OF_RANGE: (p) => `'${p.value}' in '${p.column}' must be between ${p.min} and ${p.max}.`,
  EXCEL_ERROR: (p) => `The cell holds the error value ${p.value}. Fix the formula or type the value.`,
  UNKNOWN_CODE: (p) =>
    p.suggestion
      ? `'${p.value}' is not in ${p.taxonomy}. Did you mean '${p.suggestion}'?`
      : `'${p.value}' is not in ${p.taxonomy}. Pick a value from the list.`,
  INACTIVE_CODE: (p) =>
    `'${p.value}' in ${p.taxonomy} is not in force${p.date ? ` on ${p.date}` : ''}${p.validTo ? ` (valid until ${p.validTo})` : p.validFrom ? ` (valid from ${p.validFrom})` : ''}.`
    + (p.successor ? ` Replaced by '${p.successor}'${p.successorLawRef ? ` (${p.successorLawRef})` : ''}.` : ''),
  INVALID_ID: (p) => `Initiative ID '${p.value}' must start with a letter and have at most 20 characters (letters a-z, digits and _).`,
  UNKNOWN_INITIATIVE: (p) => `The initiative '${p.value}' is not in the table Indsatser.`,
  DATE_ORDER: (p) => `'${p.column}' (${p.date}) is before '${p.otherColumn}' (${p.otherDate}).`,
  STEP_STATUS_MISMATCH: (p) => `Status '${p.status}' belongs to step ${p.steps.toString().replace(/, ([^,]*)$/, ' or $1')}, but the participant is on step ${p.step}.`,
  TARGET_GROUP_NOT_IN_INITIATIVE: (p) => `The target group '${p.value}' is not among the initiative's target groups (${p.allowed}).`,
  COURSE_TOO_LONG: (p) =>
    `The course has run ${p.weeks} weeks without an end date; it may last at most ${p.maxWeeks} weeks${p.rule ? ` (${[p.rule, p.extendableTo ? `extendable to ${p.extendableTo} weeks after a concrete assessment` : '', p.exceptionWeeks ? `${p.exceptionWeeks} weeks with at least a short higher education and no job since` : ''].filter(Boolean).join('; ')})` : ''}. Enter an end date or a new status.`,
  CAPACITY_EXCEEDED: (p) => `${p.active} active participants on ${p.date}, but the initiative has only ${p.places} places.`,
  DUPLICATE_ID: (p) => `'${p.value}' appears more than once (rows ${p.rows}) with overlapping courses.`,
  DUPLICATE_CODE: (p) => `The code '${p.value}' appears more than once in ${p.taxonomy} (rows ${p.rows}).`,
  AMBIGUOUS_SYNONYM: (p) => `'${p.value}' in ${p.taxonomy} points to both '${p.first}' and '${p.second}'; '${p.first}' is used.`,
  CPR_NUMBER: (p) =>
    `${({ sheetName: 'The sheet name', tableName: 'The table name', comment: 'The comment', definedName: 'A defined name', property: 'A document property', hyperlink: 'The hyperlink', drawing: 'A drawing or chart' } as Record<string, string>)[String(p.place)] ?? 'The cell'} seems to hold a CPR number (${p.value}). CPR numbers must not be stored here: use a pseudonym as participant ID.`,
  AGE_OUT_OF_BOUNDS: (p) => `Age ${p.age} does not fit the target group '${p.group}' (${p.bounds}).`,
  KPI_UNREADABLE: (p) => `The KPI target '${p.value}' cannot be read. Write e.g. 'andel i job ≥ 30 %'.`,
  MERGED_CELLS: (p) => `The cells ${p.range} are merged. A table cannot hold merged cells: unmerge them and fill each cell.`,
  EMPTY_ROW: (p) => `Row ${p.row} is empty in the middle of the table. Delete the row or fill it in.`,
  NON_STANDARD_VALUE: (p) => `'${p.value}' is understood as '${p.suggestion}'. Write the value as in the list, so the overview's formulas count the row.`,
  // ---- eng/law: dated taxonomies, approximate counts ----
  TAXONOMY_VERSION_OVERLAP: (p) =>
    `The code '${p.value}' in ${p.taxonomy} has another version (row ${p.rows}) in the same period. Versions of a code must follow each other: fix 'Gyldig fra'/'Gyldig til'.`,
  TAXONOMY_DATES_REVERSED: (p) => `'Gyldig til' (${p.date}) is before 'Gyldig fra' (${p.otherDate}) for the code '${p.value}' in ${p.taxonomy}.`,
  TAXONOMY_UNKNOWN_SUCCESSOR: (p) =>
    `'Erstattes af' for '${p.code}' in ${p.taxonomy} is '${p.value}', but no row of ${p.taxonomy} has that code (or it is the code itself). Enter the code on a row of the table.`,
  TAXONOMY_OUTDATED: (p) =>
    `${p.taxonomy} is older than the built-in taxonomies: ${p.missing} missing and ${p.expired} not end-dated (e.g. '${p.example}'). Choose Update taxonomies under Set-up (or run indsats repair).`,
  APPROXIMATE_VALUE: (p) => `'${p.value}' is an approximate number or a range. It is kept as typed but not included in sums.`,
  // ---- end eng/law ----
  // ---- one truth (#11): text dates and numbers, years from context, implausible dates ----
  TEXT_DATE: (p) => `'${p.value}' in '${p.column}' is text, not a date (${p.date}${p.yearFromContext ? ', the year taken from the initiative\'s period and status date' : ''}). The formulas of the overview and the reconciliation do not count the row: use the suggestion so the cell holds a real date.`,
  TEXT_NUMBER: (p) => `'${p.value}' in '${p.column}' is text, not a number. The formulas of the overview and the reconciliation do not count the row: use the suggestion so the cell holds a real number.`,
  AMBIGUOUS_YEAR: (p) => `'${p.value}' in '${p.column}' has no year. It is read as ${p.date} (nearest the status date ${p.asOf}), but another year is as likely: write the date with its year.`,
  IMPLAUSIBLE_DATE: (p) => (p.bound === 'before'
    ? `'${p.column}' is ${p.date}, before 2000. Is the year mistyped?`
    : `'${p.column}' is ${p.date}, more than ${p.years} years after the status date ${p.asOf}. Is the year mistyped?`),
  // ---- end one truth ----
  NO_BUDGET: (p) => financeEn.issues['no-budget'](p),
  DUPLICATE_VOUCHER: (p) => financeEn.issues['duplicate-voucher'](p),
  NEGATIVE_AMOUNT: (p) => financeEn.issues['negative-amount'](p),
  RATE_OUT_OF_RANGE: (p) => financeEn.issues['rate-out-of-range'](p),
  CONFLICTING_RATES: (p) => financeEn.issues['conflicting-rates'](p),
  UNALLOCATED_EXPENSE: (p) => financeEn.issues['unallocated-expense'](p),
  GRANT_WITHOUT_SOURCE: (p) => financeEn.issues['grant-without-source'](p),
  FUTURE_DATE: (p) => financeEn.issues['future-date'](p),
  SHEET_NOT_IN_MODEL: (p) => `The sheet '${p.sheet}' was not checked: it is not part of Indsatsmonitor (${p.rows === 1 ? '1 row' : `${p.rows} rows`} of data). Take it into use under Setup → Take an existing sheet into use (indsats adopt).`,
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
const nEn = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string) => `${nEn(n)} ${n === 1 ? one : many}`;

export const uiEn: UiStrings = {
  appTitle: 'Indsatsmonitor',
  outsideOffice: 'Open Indsatsmonitor from Excel to work in a workbook.',
  tabListLabel: 'Functions',
  tabs: { register: 'Register', validation: 'Validation', overview: 'Overview', economy: 'Finance', setup: 'Set-up' },
  dataValidationUnsupported:
    'Your Excel version does not support drop-down lists from add-ins (ExcelApi 1.8). Validation and overview still work.',
  cancel: 'Cancel',
  cancelled: 'The action was cancelled. Nothing was written and nothing was checked.',
  working: 'Working …',
  progress: {
    reading: 'Reading the workbook …',
    checking: (rows: number, sheets: number) => `Checking ${plural(rows, 'row', 'rows')} on ${plural(sheets, 'sheet', 'sheets')} …`,
    reconciling: (lines: number) => `Reconciling ${plural(lines, 'line', 'lines')} …`,
    summarizing: (sheets: number) => `Counting on ${plural(sheets, 'sheet', 'sheets')} …`,
    writing: (sheet: string) => `Writing the sheet ${sheet} …`,
  },
  retry: 'Try again',
  close: 'Close',
  at: (date: Date) => `at ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`,
  count: nEn,
  dateHint: 'dd-mm-yyyy, e.g. 29-08-2017',
  datePlaceholder: 'dd-mm-yyyy',
  badDate: 'Write the date as dd-mm-yyyy, e.g. 29-08-2017.',
  errors: {
    // one truth (#11): a command that cannot compute its figures
    missingInput: (...a: Parameters<typeof import('./da').summaryDa.missingInput>) => summaryEn.missingInput(...a),
    cellEditMode: 'Excel is editing a cell. Finish editing (press Enter or Esc) and try again.',
    conflict: (where: string) => `${where} is in the way (not empty, merged or another table). Move its content and try again. Nothing was written.`,
    unexpected: (why: string) => `Something went wrong: ${why}. Nothing was written if the action did not finish.`,
    notGenerated: {
      sheet: (name: string) => `The sheet '${name}' has a name Indsatsmonitor uses but was not made by Indsatsmonitor. Rename it and try again. Nothing was written.`,
      table: (name: string, sheet: string) => `The table '${name}' on the sheet '${sheet}' has a name Indsatsmonitor uses but was not made by Indsatsmonitor. Rename the table and try again. Nothing was written.`,
    },
    cellChanged: (where: string) => `The sheet has changed since it was validated – validate again. (${where} no longer holds the value that was validated.) Nothing was written.`,
    partialWrite: (done: number, parts: number, written: string[], unwritten: string[], why: string) =>
      `Error: ${done} of ${parts} parts written: ${written.length ? `${listEn(written)} ${written.length === 1 ? 'is' : 'are'} written` : 'no sheet is written completely'}; ${unwritten.length ? `${listEn(unwritten)} ${unwritten.length === 1 ? 'is' : 'are'} not or only partly written` : 'the rest is not written'}. Cause: ${why}. Rebuilt sheets are swapped in last: an old sheet not named as written is untouched.`,
  },
  kept: {
    edited: (sheet: string, as: string) => `The sheet ${sheet} had been edited by hand and was kept as '${as}'.`,
    foreign: (sheet: string, as: string) => `There was a sheet ${sheet} already that Indsatsmonitor did not make. It was kept as '${as}'.`,
  },
  register: {
    intro: 'Write a new status or a new participant straight into the tracking sheet. Enter saves the row and checks it.',
    modes: { status: 'New status', participant: 'New participant' },
    modesLabel: 'What do you want to register?',
    initiative: 'Initiative',
    participant: 'Participant',
    participantHint: 'Type part of the ID, e.g. 003.',
    newId: 'Participant ID',
    newIdHint: 'A pseudonym – never a CPR number.',
    status: 'Status',
    statusHint: 'Type part of the name, e.g. prak.',
    date: 'Date',
    start: 'Start date',
    step: 'Step',
    stepInferred: (step: string) => `Step ${step} follows from the status.`,
    targetGroup: 'Target group',
    age: 'Age',
    save: 'Save (Enter)',
    saved: (id: string, status: string, row: number, sheet: string) => `${id} is registered as “${status}” in row ${row} of the sheet ${sheet}.`,
    rowOk: 'The row is checked: no errors or warnings.',
    rowFindings: (n: number) => (n === 1 ? 'The row is checked: 1 thing needs a look.' : `The row is checked: ${n} things need a look.`),
    noSheets: 'The workbook has no tracking sheets yet. Create the structure and an initiative under Set-up.',
    toSetup: 'Go to Set-up',
    reload: 'Read the sheet again',
    none: (what: string) => `No ${what} match what you typed.`,
    ambiguous: (n: number) => `${n} match. Type a little more, or pick from the list.`,
    problems: {
      'no-table': 'The initiative has no tracking sheet with the table Deltagere. Create the structure under Set-up.',
      'unknown-participant': 'The participant is not on the sheet. Use New participant.',
      'unknown-status': 'Pick a status from the list.',
      'unknown-target-group': 'Pick a target group from the list.',
      'id-required': "Enter the participant's ID.",
      'open-course': 'The participant already has a course without an end date. Use New status.',
    },
    current: (status: string, step: string) => (step ? `Now: ${status}, step ${step}` : `Now: ${status || 'no status'}`),
    showList: (label: string) => `Show the list ${label.toLowerCase()}`,
    findingsLabel: 'What needs a look in the row',
    words: { participant: 'participants', status: 'statuses', targetGroup: 'target groups' },
  },
  setup: {
    intro: 'Create the sheets Taksonomier, Indsatser, Statuslog and Økonomi with tables, drop-downs and help for every column. Where something exists, only what is missing is added – data is never moved or deleted.',
    run: 'Create or repair the structure',
    done: (n: number) => (n ? `The structure is in place: ${n} additions.` : 'The structure was already in place. Nothing was changed.'),
    // ---- eng/law ----
    updateTaxonomiesIntro: 'The law changes: add the built-in values the workbook lacks and end-date those the law has abolished (e.g. ressourceforløb). Your own rows and edits are not changed.',
    updateTaxonomies: 'Update taxonomies',
    taxonomiesUpdated: (added: number, endDated: number) =>
      added || endDated ? `The taxonomies are updated: ${added} added, ${endDated} end-dated.` : 'The taxonomies were already up to date. Nothing was changed.',
    // ---- end eng/law ----
    noDropDowns: 'The drop-down lists were not created because your Excel does not support them (ExcelApi 1.8).',
    newInitiative: 'New initiative',
    newInitiativeIntro: 'The initiative is added to the table Indsatser and gets its own tracking sheet. Fields marked * are required.',
    fields: {
      id: 'ID', idHint: 'Letters a-z, digits and _, e.g. ITMV. Becomes the sheet name.',
      name: 'Name', unit: 'Responsible unit', goals: 'Goals', targetGroups: 'Target groups', start: 'Start', end: 'End',
      places: 'Places', courseWeeks: 'Course weeks', kpi: 'KPI targets', kpiHint: 'E.g. “andel i job ≥ 30 %; 40 % i virksomhedspraktik i 13 uger”.',
      choose: 'Choose …',
      wholeNumber: 'Enter a whole number, e.g. 12.',
    },
    add: 'Add initiative',
    added: (id: string) => `The initiative ${id} was added and the sheet ${id} created.`,
    idProblem: (id: string) => {
      const bad = [...new Set([...id].filter((c) => !/[A-Za-z0-9_]/.test(c)))].map((c) => (c === ' ' ? 'spaces' : `“${c}”`));
      const faults = [
        ...(bad.length ? [`${bad.join(' and ')} cannot be used (only a-z, digits and _)`] : []),
        ...(id && !/^[A-Za-z]/.test(id) ? ['it must start with a letter'] : []),
        ...(id.length > 20 ? [`it has ${id.length} characters, at most 20 are allowed`] : []),
        ...(!id ? ['enter an ID'] : []),
      ];
      return `“${id}” cannot be used as an ID: ${faults.join('; ') || 'invalid'}.`;
    },
    problems: {
      'invalid-id': 'The ID must start with a letter and have at most 20 characters (a-z, digits and _).',
      'duplicate-id': 'An initiative with this ID exists already.',
      'name-required': "Enter the initiative's name.",
      'date-order': 'The end is before the start.',
      'no-register': 'The workbook has no table Indsatser yet. Create the structure first.',
    },
    defaultState: 'I gang',
  },
  validation: {
    intro: 'Checks the entries against column types, lists and the course rules. CPR numbers are always errors.',
    sheet: 'Validate active sheet',
    workbook: 'Validate whole workbook',
    live: 'Validate as I type',
    liveHint: 'Checks again when you change cells on the tracking sheets.',
    writeSheet: 'Write to the sheet Fejl',
    wroteSheet: 'The findings are written to the sheet Fejl. Validate active sheet still checks the sheet above.',
    none: (scope: string) => `No errors or warnings ${scope}.`,
    scopeSheet: (sheet: string) => `on the sheet ${sheet}`,
    scopeWorkbook: 'in the workbook',
    covered: (rows: string, scope: string, at: string) => `${rows} ${scope}, checked ${at}.`,
    rows: (n: number) => plural(n, 'row', 'rows'),
    sheets: (n: number) => `on ${plural(n, 'sheet', 'sheets')}`,
    nothingChecked: (sheet: string) => `The sheet ${sheet} has no table Indsatsmonitor checks. Go to a tracking sheet, or validate the whole workbook.`,
    insteadOf: (generated: string, sheet: string) => `The sheet ${generated} is written by Indsatsmonitor, so the sheet ${sheet} was checked again.`,
    rechecking: 'Checking again – the result below is the previous one.',
    counts: (errors: number, warnings: number) => `${plural(errors, 'error', 'errors')} and ${plural(warnings, 'warning', 'warnings')}`,
    sheetCounts: (errors: number, warnings: number) => [errors ? plural(errors, 'error', 'errors') : '', warnings ? plural(warnings, 'warning', 'warnings') : ''].filter(Boolean).join(', '),
    goTo: (cell: string) => `Go to ${cell}`,
    suggestion: 'Suggestion',
    apply: 'Use suggestion',
    applyAll: (n: number, kind?: string) => (kind ? `Use all ${n} suggestions: ${kind}` : `Use all ${n} suggestions of this kind`),
    fixKinds: {
      UNKNOWN_CODE: 'values not on the list',
      NON_STANDARD_VALUE: 'spellings',
      TEXT_DATE: 'dates typed as text',
      TEXT_NUMBER: 'numbers typed as text',
      AMBIGUOUS_YEAR: 'dates without a year',
      STEP_STATUS_MISMATCH: 'steps',
      INVALID_ID: 'initiative IDs',
      UNKNOWN_INITIATIVE: 'initiative IDs',
      CPR_NUMBER: 'mask CPR numbers',
    },
    // eng/cpr: the CPR finding's suggestion writes the masked number over the cell (explicit user action).
    maskCpr: 'Mask the CPR number',
    confirmTitle: 'Write the suggestions into the cells?',
    confirmText: (n: number) => (n === 1 ? 'The suggestion is written into 1 cell, replacing what is there now.' : `The suggestions are written into ${n} cells, replacing what is there now.`),
    confirm: 'Write',
    applied: (n: number) => (n === 1 ? 'The suggestion was written into the cell.' : `${n} suggestions were written into the cells.`),
    findingsLabel: 'Findings',
  },
  overview: {
    intro: 'Build the sheets Statusrapport (the report for the committee, ready to print: it prints first) and Overblik: status per initiative as formulas over the tracking sheets, KPI targets, the portfolio and charts. A sheet edited by hand is kept under a new name.',
    refresh: 'Refresh overview',
    freeze: "Save today's figures",
    freezeHint: "Saves today's figures as fixed values on the sheet Statusfotos, so the development can be followed. You see the figures and any errors before they are saved. Saved figures never change, but a snapshot can be withdrawn.",
    refreshed: (date: string) => `The overview is refreshed as of ${date}.`,
    frozen: (date: string) => `The figures as of ${date} are saved on the sheet Statusfotos.`,
    // ---- one truth (#11): the same definitions as the sheet Overblik; freezing asks; withdrawal ----
    columns: { initiative: 'Initiative', job: 'In job', education: 'In education', placement: 'In company placement', course: 'In course', ended: 'Ended', courses: 'Courses in all', total: 'Citizens in all' },
    definitions: 'As on the sheet Overblik: In job, In education, In company placement, In course and Ended count courses (a citizen with two courses counts in both); Courses in all is their sum, Citizens in all counts distinct participant IDs.',
    notCounted: (n: number) => `${n === 1 ? '1 row is' : `${n} rows are`} not counted on the sheet Overblik — see Fejl under Validation.`,
    leftOut: (n: number) => `${n === 1 ? '1 course' : `${n} courses`} without a valid start date or status ${n === 1 ? 'is' : 'are'} not counted — fix ${n === 1 ? 'it' : 'them'} under Validation.`,
    confirmFreezeTitle: (date: string) => `Freeze the figures as of ${date}?`,
    confirmFreezeText: (date: string) => `These figures are saved as of ${date} and never changed later (they can only be withdrawn):`,
    openErrors: (n: number) => `The workbook has ${n === 1 ? '1 error' : `${n} errors`} that may make the figures wrong. Consider fixing ${n === 1 ? 'it' : 'them'} first under Validation.`,
    noErrors: 'The workbook has no errors.',
    confirmFreeze: 'Freeze the figures',
    snapshotsLabel: 'Frozen snapshots',
    snapshotRows: (n: number) => (n === 1 ? '1 initiative' : `${n} initiatives`),
    inForce: 'in force',
    withdrawnOn: (date: string) => `withdrawn ${date}`,
    withdraw: 'Withdraw',
    withdrawLabel: (date: string) => `Withdraw the snapshot as of ${date}`,
    confirmWithdrawTitle: (date: string) => `Withdraw the snapshot as of ${date}?`,
    confirmWithdrawText: "The rows are marked with today's date in the column Withdrawn; nothing is deleted. The development on Overblik no longer uses them, and the date can be frozen again.",
    confirmWithdraw: 'Withdraw',
    withdrawn: (date: string, rows: number) => `The snapshot as of ${date} is withdrawn (${rows === 1 ? '1 row' : `${rows} rows`} marked; nothing deleted).`,
    // ---- end one truth ----
    listLabel: 'Status per initiative',
  },
  economy: {
    intro: 'Reconcile budget, refunds and co-financing per initiative and year from the tables Budget and Posteringer. The result is also written to the sheet Afstemning with formulas that can be audited.',
    run: 'Reconcile and write the sheet Afstemning',
    none: 'There are no budget or posting lines to reconcile.',
    allReconciled: (n: number) => (n === 1 ? 'The line is reconciled.' : `All ${n} lines are reconciled.`),
    gaps: (n: number) => (n === 1 ? '1 line has gaps.' : `${n} lines have gaps.`),
    asOf: (date: string, at: string) => `Reconciled as of ${date}, ${at}.`,
    columns: { initiative: 'Initiative', year: 'Year', status: 'Status', budget: 'Budget', spent: 'Expenses', expected: 'Expected refund', received: 'Refund received', outstanding: 'Outstanding', overRefunded: 'Over-refunded', unclaimed: 'Claim missing', net: 'Net municipal cost' },
    linesLabel: 'Reconciliation per initiative and year',
    refunds: 'Imported refund files',
    refundYear: (year: number) => `Refund files ${year}`,
    refundColumns: { paid: 'Paid out', refund: 'Refund', coFinancing: 'Co-financing', lines: 'Lines', files: 'Files' },
    refundNote: 'The refund files are summed per benefit, not per initiative, so they are not part of the reconciliation per initiative.',
    issues: 'Problems in the tables Budget and Posteringer',
    importLabel: 'Import refund file …',
    importHint: 'Semicolon-separated file from the refund calculation. Summed per week and benefit on the sheet Refusion; CPR numbers are not kept.',
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  findingsSheet: {
    title: (date: string) => `Errors and warnings on ${date}`,
    header: ['Ark', 'Celle', 'Kolonne', 'Alvor', 'Kode', 'Besked', 'Forslag'],
  },
  commands: {
    validated: (errors: number, warnings: number) => `Indsatsmonitor: ${errors} errors and ${warnings} warnings – see the sheet Fejl.`,
  },
  // ---- portfolio card (Opsætning) ----
  portfolioCard: {
    title: 'Bring workbooks together, partner copies',
    consolidate: 'Bring workbooks together',
    merge: 'Take a partner copy back',
  },
  // ---- end portfolio card ----
  // ---- #13 other workbooks in the pane: Saml projektmapper, Indlæs partnerudgave (eng/reader, begin) ----
  otherWorkbooks: {
    intro: 'Several teams’ workbooks can be brought together in this workbook, and an external partner can get a copy with only their initiative and send it back. The files you choose are only read; they are never changed.',
    thisWorkbook: 'this workbook',
    consolidateIntro: 'Choose the other teams’ workbooks (.xlsx). Their initiatives, tracking sheets, status log and finance are added to this workbook, and Overblik is built over all of it. The same initiative ID with different content in two files is refused, naming both files; then nothing is written.',
    choose: 'Choose workbooks …',
    fileInput: 'Workbooks to bring together',
    chosenLabel: 'Chosen files',
    consolidate: (n) => `Bring ${n === 1 ? '1 workbook' : `${n} workbooks`} into this one`,
    readingFile: (i, n, f) => `Reading file ${i} of ${n}: ${f} …`,
    consolidated: (files, initiatives, rows) =>
      `Done: ${plural(files, 'workbook', 'workbooks')} brought in. The workbook now has ${plural(initiatives, 'initiative', 'initiatives')} and ${plural(rows, 'tracking row', 'tracking rows')}, and Overblik is refreshed.`,
    refused: (n) => `Nothing was written: ${n === 1 ? '1 problem' : `${nEn(n)} problems`} must be fixed in the files first.`,
    problemsLabel: 'Notes on bringing the workbooks together',
    readError: {
      'not-found': (f: string) => `${f} could not be read (the file was moved, is locked or not available). Nothing was written.`,
      folder: (f: string) => `${f} is a folder, not a workbook. Nothing was written.`,
      'not-a-file': (f: string) => `${f} is not a regular file. Nothing was written.`,
      encrypted: (f: string) => `${f} is password-protected. Remove the password in Excel and choose the file again. Nothing was written.`,
      'not-xlsx': (f: string) => `${f} is not an Excel workbook (.xlsx) – e.g. a CSV file, an old .xls or a password-protected workbook. Save it as .xlsx in Excel and choose it again. Nothing was written.`,
      corrupt: (f: string, part?: string) => `${f} cannot be read: the file is damaged${part ? ` (${part})` : ''}. Open and save it in Excel, and choose it again. Nothing was written.`,
      'too-large': (f: string) => `${f} is too large (over 200 MB). Nothing was written.`,
      'too-large-content': (f: string, part?: string) =>
        `${f} cannot be read: ${part ?? 'its content'} is larger than the limit (200 MB unpacked, 5 million cells, 2 million texts). Delete empty rows and columns far out on the sheet, or split the workbook. Nothing was written.`,
      'cannot-write': (f: string) => `${f} cannot be read. Nothing was written.`,
    } as Record<string, (f: string, part?: string) => string>,
    readOnly: (f) => `${f} is opened for reading only; nothing was written into it.`,
    mergeIntro: 'Choose the partner copy (.xlsx) the partner sent back. It is validated first; then you see new, changed and deleted rows. New rows are added; a change is written only for the participants you tick. Rows the partner deleted are kept.',
    choosePartner: 'Choose partner copy …',
    partnerInput: 'Partner copy to take back',
    findingsLabel: 'Errors in the partner copy',
    addedLabel: 'New rows (added)',
    changesLabel: 'Changed rows – tick the participants whose changes are to be written',
    change: (column, from, to) => `${column}: ${from} → ${to}`,
    deletedLabel: 'Deleted by the partner (kept here)',
    deleted: (id, address) => `${id} (${address})`,
    notTakenLabel: 'Not taken',
    apply: 'Take in the chosen changes',
    applyNothing: 'There is nothing to take in: no new rows and no changes chosen.',
    same: 'The partner copy is as the workbook: nothing to take in.',
    applied: (added, accepted, pending) =>
      `Done: ${plural(added, 'new row', 'new rows')} added, changes for ${plural(accepted, 'participant', 'participants')} written${pending ? `; ${plural(pending, 'participant’s changes were', 'participants’ changes were')} not written` : ''}.`,
    changedSince: (where) => `${where} has changed in the workbook since the partner copy was compared. Nothing was written; choose the partner copy again.`,
    cliHint: 'On the command line:',
  },
  // ---- #13 other workbooks in the pane (eng/reader, end) ----
  // ---- partner copy card: Lav partnerudgave in the pane (eng/partner, #13.4) ----
  partnerCopy: {
    title: 'Make a partner copy',
    intro: 'A new workbook for an external partner with only the chosen initiative: its row in Indsatser, its tracking sheet, the taxonomies and the structure – no other initiative, no finance, no status log. CPR numbers in the rows are masked. The open workbook is not changed.',
    initiative: 'Initiative',
    choose: 'Choose an initiative',
    option: (id: string, name: string) => `${id} – ${name}`,
    noRegister: 'The workbook has no table Indsatser. Set up the structure first (at the top of this tab).',
    noInitiatives: 'There are no initiatives in the table Indsatser yet.',
    chooseFirst: 'Choose the initiative the partner is to get.',
    run: 'Make partner copy',
    building: (id: string) => `Building the partner copy for ${id} …`,
    opened: (id: string, rows: number) => `The partner copy for ${id} is open as a new workbook in Excel with ${rows === 1 ? '1 participant row' : `${rows.toLocaleString('en-GB')} participant rows`}. Save it and send it to the partner.`,
    masked: (n: number) => `${n === 1 ? '1 CPR number is' : `${n.toLocaleString('en-GB')} CPR numbers are`} masked in the partner copy: only the date of birth is left (ddmmyy-****).`,
    unsupported: 'This Excel cannot open a new workbook from an add-in (that needs ExcelApi 1.8). Download the partner copy as a file and open it in Excel.',
    openFailed: (why: string) => `Excel could not open the partner copy as a new workbook (${why}). Download it as a file and open it in Excel.`,
    download: (file: string) => `Download ${file}`,
    downloadHint: 'Or download it as a file:',
    fileName: (id: string) => `${id}-partner-copy.xlsx`,
    notFound: (id: string, known: string[]) => `The initiative ${id} is no longer in the table Indsatser (the initiatives are: ${known.join(', ') || 'none'}). Choose again.`,
  },
  // ---- end partner copy card ----
};

// ---- texts written into workbooks (titles, header notes) ----
const listEn = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0] ?? '');

export const workbookEn: typeof import('./da').workbookDa = {
  keptSheet: {
    edited: (sheet: string, date: string) => `${sheet} edited ${date}`,
    foreign: (sheet: string, date: string) => `${sheet} kept ${date}`,
  },
  control: 'Control (detects hand edits)',
  dropDownAlert: {
    errorTitle: 'Unknown value (Ukendt værdi)',
    error: 'Choose a value from the list or correct the taxonomy on the sheet Taksonomier.',
  },
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
    'Ansvarlig enhed': 'Responsible unit (from the Enheder taxonomy). Several units are separated by semicolons: "Jobcenter Vallensbæk; Center for Socialservice".',
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
    Tema: 'The theme above the initiative in the strategy, e.g. "Færre på offentlig forsørgelse > Ungeindsats".',
    Statustekst: 'The status in words as of the date in Status pr., e.g. "The project is on standby". Shown in the status report.',
    'Deltager-ID': 'Pseudonym of the participant, e.g. ITMV-001. Never a CPR number.',
    Startdato: 'Start date of the course (dd-mm-yyyy).',
    Målgruppe: "The participant's target group (from the list).",
    Trin: 'Step 1 clarification, 2 on the way to a job, 3 company-based course.',
    Statusdato: 'Date the status was set.',
    Slutdato: 'End date of the course; empty while active.',
    'Ordinære timer pr. uge': 'Ordinary paid hours per week (0–80), e.g. 12,5.',
    Alder: 'Age in whole years at the start. Checked against the target group’s age bounds.',
    Bemærkning: 'Free text. Do not write CPR numbers or health information.',
    Gruppe: 'Visitation group or trial arm, e.g. "Gruppe 1" or "Kontrolgruppe". Figures can be given per group.',
    'Indsats-ID': 'ID from the Indsatser table.',
    Dato: 'Date (dd-mm-yyyy).',
    Indikator: 'What the figure measures, e.g. "Indskrevne borgere".',
    Værdi: 'The figure. An approximate number or a range ("ca. 60", "10–15") is kept as typed but not included in sums.',
    Kommentar: 'Free text.',
    År: 'Budget year, e.g. 2017.',
    Kilde: 'Funding source (from the list).',
    Beløb: 'Amount in kroner, e.g. 262.000,00.',
    Refusionssats: 'Refund rate in per cent, e.g. 50 %.',
    Type: 'Expense, refund claim, refund received or grant received.',
    Bilag: 'Voucher number.',
    Regnskabsår: 'The accounting year the posting belongs to, e.g. 2026; empty = the year of its date (use it for refunds in the supplementary period).',
    Kode: 'Short unique code.',
    Synonymer: 'Other spellings, separated by semicolons.',
    Aktiv: 'Ja (yes) or Nej (no). Inactive codes give a warning when used.',
    'Gyldig fra': 'First day the code is valid (empty = always).',
    'Gyldig til': 'Last day the code is valid (empty = always).',
    Udfaldsklasse: 'Aktiv, Job, Uddannelse or Afsluttet: what the status counts as in summaries.',
    'Min. alder': 'Lowest age in the target group.',
    'Maks. alder': 'Highest age in the target group.',
    Lovhjemmel: 'Law reference, e.g. LAB § 6, nr. 3.',
    'Erstattes af': 'The code that replaces this one when the law changes (e.g. a new target group from 2027). Suggested for rows dated after Gyldig til.',
    'Maks. uger': 'Maximum length per target-group code, e.g. "MG01=4; MG03=13; *=13".',
  },
};

/** Document properties by the key the reader gives them (eng/cpr), as Excel names them. */
const PROPERTY_EN: Record<string, string> = {
  'core:creator': 'Author',
  'core:lastModifiedBy': 'Last saved by',
  'core:title': 'Title',
  'core:subject': 'Subject',
  'core:keywords': 'Tags',
  'core:description': 'Comments',
  'core:category': 'Categories',
  'app:Company': 'Company',
  'app:Manager': 'Manager',
};

// ---- the indsats command ----
export const cliEn: typeof import('./da').cliDa = {
  usage: `Usage: indsats <command> [options]

Commands:
  demo -o FILE.xlsx                write a demo workbook with the initiatives from the source documents
  init -o FILE.xlsx                write an empty, structured workbook with the default taxonomies
  repair FILE.xlsx -o OUT.xlsx     add what is missing (sheets, tables, columns) – data is never moved or deleted; --rename "Forløbsstatus=Status" renames a column
  validate FILE.xlsx [--json]      print errors and warnings; exit 0 without errors, 1 with errors, 2 if unreadable
  summarize FILE.xlsx -o OUT.xlsx   write the sheets Statusrapport and Overblik with status, KPIs, portfolio and charts (--as-of DATE)
  snapshot FILE.xlsx -o OUT.xlsx    freeze the figures on a date in the table Statusfotos (never changed later); shows the
                                   figures first, and with errors in the workbook freezes only with --yes (else exit code 2)
  snapshot FILE.xlsx --withdraw DATE -o OUT.xlsx  withdraw a snapshot (marked, not deleted; the date can be frozen again)
  report FILE.xlsx -o OUT.pdf       print Statusrapport as a PDF through LibreOffice (--as-of DATE); the workbook is not changed
  import-refunds FILE.xlsx REFUNDS.csv -o OUT.xlsx  import a refund file (semicolons, decimal commas) per week and benefit; CPR numbers are not kept
  adopt FILE.xlsx --sheet SHEET --initiative ID -o OUT.xlsx  take a hand-kept sheet into use as the initiative's tracking sheet (--dry-run shows the proposal; --map "Header=Column;…"); the sheet itself is not changed
  reconcile FILE.xlsx [--json] [-o OUT.xlsx]  reconcile budget, refunds and co-financing; 0 reconciled, 1 gaps, 2 unreadable; -o writes the sheet Afstemning
  consolidate A.xlsx B.xlsx … -o PORTFOLIO.xlsx  bring workbooks (or a folder of .xlsx) together in one with Overblik; an ID clash is refused (2)
  partner FILE.xlsx --initiative ID -o PARTNER.xlsx  partner copy: only that initiative's tracking sheet, the taxonomies and the structure
  merge FILE.xlsx PARTNER.xlsx -o OUT.xlsx [--dry-run] [--accept all|ID,ID]  take the partner's rows back; changes are written only with --accept

Options:
  -o, --output FILE  where to write (an existing file is only overwritten with --force)
  --as-of DATE       date for rules about "now" (default: today), e.g. 2017-08-29
  --json             findings as JSON on stdout
  --lang da|en       message language (default: da)
  --force            overwrite an existing output file
  --mask-cpr         write the new file with the CPR numbers in cells, notes, names and document properties masked
                     (otherwise the writing commands refuse a workbook holding CPR numbers)
  --quiet            no progress lines on stderr
  --initiative ID    the initiative a partner copy is made for
  --accept all|ID,ID  merge: write the changes for all or for these participant IDs
  --dry-run          merge: show the differences, write nothing
  --yes              snapshot: freeze even though the workbook has errors
  --withdraw DATE    snapshot: withdraw the snapshot of DATE
  -h, --help         this help`,
  unknownCommand: (c: string) => `Unknown command '${c}'.`,
  // ---- indsats report (issue 13) ----
  report: {
    notPdf: (f: string) => `${f}: the report is written as a PDF. Give a file name ending in .pdf.`,
    noLibreOffice: 'indsats report writes the PDF through LibreOffice, which is not installed here (there is no soffice command). Install LibreOffice, or write the report with indsats summarize and print the sheet Statusrapport from Excel.',
    failed: (f: string, why: string) => `${f} could not be written: LibreOffice could not print the report (${why}).`,
    wrote: (f: string, date: string) => `Wrote ${f} (status report on ${date}).`,
  },
  missingOutput: 'Say where to write the file with -o FILE.xlsx.',
  missingInput: 'Name the workbook to read.',
  outputExists: (f: string) => `${f} exists already. Choose another name, or use --force to overwrite it.`,
  sameFile: 'The output file must not be the input file: the input file is never changed.',
  outputPath: {
    symlink: (f: string) => `${f} is a symbolic link. Nothing is written through links: give the path of the real file, or a new name.`,
    directory: (f: string) => `${f} is a folder. Give a file name, e.g. ${f.replace(/[\\/]+$/, '')}/out.xlsx.`,
    device: (f: string) => `${f} is a device, not a file. It is never replaced; give a file name.`,
    fifo: (f: string) => `${f} is a named pipe, not a file. It is never replaced; give a file name.`,
    socket: (f: string) => `${f} is a socket, not a file. It is never replaced; give a file name.`,
    other: (f: string) => `${f} is not a regular file. It is never replaced; give a file name.`,
  } as Record<string, (f: string) => string>,
  // --- package writer (eng/writer) ---
  macroExtension: (f: string, ext: string) =>
    `${f} is a macro-enabled workbook. Its macros are kept when the result is written to a file of the same type: give an output file ending in ${ext}.`,
  // --- end package writer ---
  macros: (f: string) =>
    `${f} is a macro-enabled workbook (.xlsm, .xltm or .xlam). Indsatsmonitor does not keep macros, so such a file cannot be changed or written here. Save a copy as .xlsx in Excel (File → Save As) and use that.`,
  refundFolder: (f: string) => `${f} is a folder, not a refund file. Give the file itself (.csv).`,
  refundUnreadable: (f: string) => `${f} cannot be read (no access, or not a regular file).`,
  interrupted: 'Interrupted. The output file was not written, and the temporary file was removed.',
  badDate: (v: string) => `'${v}' is not a date. Use e.g. 2017-08-29.`,
  badOption: (m: string) => `Invalid option: ${m}`,
  unknownOption: (o: string) => `Unknown option '${o}'. See indsats --help.`,
  missingValue: (o: string) => `Option '${o}' needs a value.`,
  noValue: (o: string) => `Option '${o}' takes no value.`,
  optionNotFor: (o: string, command: string, usage: string) => `Option '${o}' does not apply to ${command}. Usage: indsats ${usage}`,
  commandUsage: {
    demo: 'demo -o FILE.xlsx [--force]',
    init: 'init -o FILE.xlsx [--force]',
    repair: 'repair FILE.xlsx -o OUT.xlsx [--rename "Header=Column;…"] [--force] [--mask-cpr]',
    validate: 'validate FILE.xlsx [--json] [--as-of DATE]',
    summarize: 'summarize FILE.xlsx -o OUT.xlsx [--as-of DATE] [--force] [--mask-cpr]',
    snapshot: 'snapshot FILE.xlsx -o OUT.xlsx [--as-of DATE] [--yes] [--withdraw DATE] [--force] [--mask-cpr]',
    report: 'report FILE.xlsx -o OUT.pdf [--as-of DATE] [--force]',
    'import-refunds': 'import-refunds FILE.xlsx REFUNDS.csv -o OUT.xlsx [--force] [--mask-cpr]',
    adopt: 'adopt FILE.xlsx --sheet "SHEET" --initiative ID [--name "NAME"] -o OUT.xlsx [--map "Header=Column;…"] [--header-row N] [--dry-run] [--json] [--force]',
    reconcile: 'reconcile FILE.xlsx [--json] [--as-of DATE] [-o OUT.xlsx [--force] [--mask-cpr]]',
    consolidate: 'consolidate A.xlsx B.xlsx … (or FOLDER) -o PORTFOLIO.xlsx [--as-of DATE] [--force]',
    partner: 'partner FILE.xlsx --initiative ID -o PARTNER.xlsx [--force]',
    merge: 'merge FILE.xlsx PARTNER.xlsx (-o OUT.xlsx [--accept all|ID,ID] [--force] | --dry-run) [--as-of DATE]',
  },
  readError: {
    'not-found': (f: string) => `${f} does not exist.`,
    folder: (f: string) => `${f} is a folder, not a workbook. Give the file itself (.xlsx).`,
    'not-a-file': (f: string) => `${f} is not a regular file (but e.g. a device or a pipe). Give an .xlsx file.`,
    encrypted: (f: string) => `${f}: the workbook is password-protected. Remove the password in Excel (File → Info → Protect workbook) and try again.`,
    'not-xlsx': (f: string) => `${f} is not an Excel workbook (.xlsx). Save it as .xlsx in Excel and try again.`,
    corrupt: (f: string) => `${f} cannot be opened: the file is damaged. Try opening and saving it in Excel.`,
    'too-large': (f: string) => `${f} is too large (over 200 MB).`,
    // --- package writer (eng/writer) ---
    'cannot-write': (f: string, part?: string) =>
      `${f} cannot be changed safely: Indsatsmonitor cannot write into ${part ?? 'a part of the file'} without losing something. Nothing was written. Open and save the file in Excel, and try again.`,
    // --- end package writer ---
    'too-large-content': (f: string, part?: string) =>
      `${f} cannot be read: ${part ?? 'its content'} is larger than the limit (200 MB unpacked, 5 million cells, 2 million texts). Delete empty rows and columns far out on the sheet, or split the workbook.`,
  },
  conflict: (where: string) => `The structure cannot be added: ${where} is in the way (not empty, merged or another table). Move its content and try again. Nothing was written.`,
  writeError: (f: string, why: string) => `${f} could not be written: ${why}`,
  unexpected: (why: string) => `Unexpected error: ${why}. Nothing was changed in the input file.`,
  wrote: (f: string) => `Wrote ${f}.`,
  kept: {
    edited: (sheet: string, as: string) => `The sheet ${sheet} had been edited by hand and was kept as '${as}'.`,
    foreign: (sheet: string, as: string) => `There was a sheet ${sheet} already that Indsatsmonitor did not make. It was kept as '${as}'.`,
  },
  notGenerated: (kind: 'sheet' | 'table', name: string, sheet: string) =>
    kind === 'sheet'
      ? `The sheet '${name}' has a name indsats uses but was not made by Indsatsmonitor. Rename it and try again. Nothing was written.`
      : `The table '${name}' on the sheet '${sheet}' has a name indsats uses but was not made by Indsatsmonitor. Rename the table and try again. Nothing was written.`,
  // ---- eng/law ----
  taxonomiesUpdated: (added: number, endDated: number) => `The taxonomies are updated: ${added} built-in values added, ${endDated} end-dated by the law. Your own rows and edits are unchanged.`,
  // ---- end eng/law ----
  repaired: (f: string, n: number) => (n ? `Wrote ${f} with ${n} additions.` : `Wrote ${f}: nothing was missing.`),
  summary: (errors: number, warnings: number) =>
    `${errors === 1 ? '1 error' : `${errors} errors`}, ${warnings === 1 ? '1 warning' : `${warnings} warnings`}.`,
  // ---- CPR numbers in the user's data on write (eng/cpr) ----
  cpr: {
    refused: (count: number, places: string[], more: boolean) =>
      `The workbook holds ${count === 1 ? '1 CPR number' : `${count} CPR numbers`} (${places.join(', ')}${more ? ' …' : ''}). Remove ${count === 1 ? 'it' : 'them'}, or run again with --mask-cpr to mask ${count === 1 ? 'it' : 'them'} in the new file. Nothing was written.`,
    masked: (count: number) =>
      `Masked ${count === 1 ? '1 CPR number' : `${count} CPR numbers`} in the new file: the last four digits are replaced by ****. The input file is unchanged.`,
    place: (place: string, sheet: string, cell: string, key?: string) =>
      ({
        cell: `${sheet}!${cell}`,
        header: `the column header ${sheet}!${cell}`,
        sheetName: `the sheet name ${sheet}`,
        tableName: `the table name ${key ?? ''}`,
        hyperlink: `the hyperlink on ${sheet}!${cell}`,
        drawing: `a drawing or chart on the sheet ${sheet}`,
        comment: `a note on ${sheet}!${cell}`,
        definedName: `the defined name ${key ?? ''}`,
        property: `the document property ${PROPERTY_EN[key ?? ''] ?? (key ?? '').replace(/^.*:/, '')}`,
      })[place] ?? `${sheet}!${cell}`,
  },
  // ---- end CPR (eng/cpr) ----
  severity: { error: 'error', warning: 'warning', info: 'info' },
  suggestion: 'suggestion',
  progress: {
    reading: (f: string, mb: string) => `Reading ${f} (${mb} MB) …`,
    validating: (tables: number, rows: number) => `Validating ${tables} tables (${rows.toLocaleString('en-GB')} rows) …`,
    writing: (f: string) => `Writing ${f} …`,
    done: (s: string) => `Done in ${s} s.`,
  },
};

/** Finance (src/domain/finance): the same keys and params as financeDa. */
export const financeEn: typeof import('./da').financeDa = {
  refundImport: {
    title: 'Refusionsberegning (refund calculations)',
    help: 'Imported from refund files, summed per week and benefit. CPR numbers are not kept.',
    header: ['Uge', 'Ydelse', 'Personer', 'Linjer', 'Udbetalt', 'Refusion', 'Medfinansiering', 'Refusionssats', 'Importeret', 'Fil'],
    imported: (groups: number, lines: number, file: string) => `Imported ${lines} lines from ${file} as ${groups} rows (per week and benefit). CPR numbers were not kept.`,
    duplicate: (file: string) => `${file} has been imported already. Nothing was written.`,
    empty: (file: string) => `${file} was not imported: the file has no lines, only a header (or nothing). Nothing was written.`,
    rejected: (n: number) => `The file was not imported: ${n === 1 ? '1 line' : `${n} lines`} cannot be read. Fix them and try again.`,
  },
  status: {
    overrefunderet: 'Over-refunded',
    'mangler anmodning': 'Refund not claimed',
    udestående: 'Refund outstanding',
    afstemt: 'Reconciled',
  },
  statusDetail: {
    overrefunderet: (p: P) => `${p.amount} more refund was received than claimed or than the refund rate allows.`,
    'mangler anmodning': (p: P) => `A refund of ${p.amount} for expenses already paid has not been claimed.`,
    udestående: (p: P) => `${p.amount} of claimed refund has not been received. The oldest claim is ${p.days} days old.`,
    afstemt: () => 'Expenses, claims and refunds received agree.',
  },
  issues: {
    'unknown-initiative': (p: P) =>
      `The initiative '${p.initiativeId}' is not in the table Indsatser.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''}`,
    'no-budget': (p: P) => `The initiative '${p.initiativeId}' has postings in ${p.year} but no budget for ${p.year}.`,
    'duplicate-voucher': (p: P) => `Voucher '${p.voucher}' is also posted in row ${p.otherRows}. Check that the amount is not posted twice.`,
    'negative-amount': (p: P) => `Negative amount (${p.amount}) on a ${p.type}. Is it a repayment? If not, fix the sign.`,
    'rate-out-of-range': (p: P) => `The refund rate ${p.rate} must be between 0 % and 100 %.`,
    'conflicting-rates': (p: P) =>
      `The source ${p.source} has different refund rates in ${p.year} (see also row ${p.otherRows}). Use one rate per source and year.`,
    'unallocated-expense': (p: P) =>
      `The expense of ${p.amount} has no source, and several sources have a refund rate. Give the source so the refund can be computed.`,
    'grant-without-source': (p: P) => `The grant of ${p.amount} has no source and does not count towards co-financing.`,
    'unknown-posting-type': (p: P) => `'${p.type}' is not a posting type (Udgift, Refusionsanmodning, Refusion modtaget, Tilskud modtaget).`,
    'invalid-amount': () => 'The amount cannot be read as kroner and øre.',
    'invalid-date': () => 'The date or year cannot be read.',
    'future-date': (p: P) => `The posting is dated ${p.date}, after the reconciliation date ${p.asOf}. Is the year right?`,
  },
  refundProblems: {
    'no-header': () => 'The file is empty: the header line is missing.',
    'missing-column': (p: P) => `Line ${p.line}: the column '${p.column}' is missing.`,
    'duplicate-column': (p: P) => `Line ${p.line}: the column '${p.column}' appears twice.`,
    'wrong-field-count': (p: P) => `Line ${p.line}: the number of fields does not match the header line.`,
    'unterminated-quote': (p: P) => `Line ${p.line}: a quotation mark (") is never closed.`,
    empty: (p: P) => `Line ${p.line}: ${p.column} is missing.`,
    'not-an-amount': (p: P) => `Line ${p.line}: ${p.column} is not an amount (use e.g. 1.234,56).`,
    'not-a-percentage': (p: P) => `Line ${p.line}: ${p.column} is not a rate between 0 and 100 (use e.g. 80,00).`,
    'not-a-cpr-number': (p: P) => `Line ${p.line}: ${p.column} is not a 10-digit CPR number.`,
    'cpr-in-amount': (p: P) => `Line ${p.line}: ${p.column} looks like a CPR number, not an amount. The line is not imported.`,
    'total-too-large': (p: P) => `Line ${p.line}: the total becomes too large to compute.`,
    'not-a-week-number': (p: P) => `Line ${p.line}: ${p.column} is not a whole week number (1 = the first week with benefits).`,
  },
  // ---- eng/law: the refund rules per line ----
  refundChecks: {
    'wrong-rate': (p: P) => `Line ${p.line} (week ${p.week}${p.benefitWeek ? `, benefit week ${p.benefitWeek}` : ''}): the refund rate is ${p.actualRate}, but ${p.expectedRate} under ${p.rule}.`,
    'refund-not-rate-times-amount': (p: P) => `Line ${p.line} (week ${p.week}): the refund is ${p.actual}, but rate × amount gives ${p.expected}`,
    'co-financing-not-amount-minus-refund': (p: P) => `Line ${p.line} (week ${p.week}): the co-financing is ${p.actual}, but amount − refund gives ${p.expected}`,
  },
  checked: (n: number) => `The file is imported, but ${n === 1 ? '1 line breaks' : `${n} lines break`} the refund rules (lov om kommunernes finansiering af visse offentlige ydelser § 5). Check them with whoever made the file.`,
  // ---- end eng/law ----
};

// ---- the generated sheet Afstemning and `indsats reconcile` ----
export const reconcileEn: typeof import('./da').reconcileDa = {
  chart: (y: number) => `Expected and received refunds ${y}`,
  sheet: 'Afstemning',
  title: (date: string) => `Reconciliation of budget, refunds and co-financing on ${date}`,
  year: (y: number) => `Year ${y}`,
  header: ['Indsats-ID', 'Navn', 'Budget', 'Udgifter', 'Forventet refusion', 'Anmodet', 'Modtaget', 'Udestående', 'Overrefunderet', 'Mangler anmodning', 'Tilskud modtaget', 'Nettoudgift kommune', 'Status'],
  notes: {
    Budget: 'Sum of the table Budget for the initiative and year (formula).',
    Udgifter: 'Postings of type Udgift (expense) in the year (formula).',
    'Forventet refusion': 'Refund-eligible expenses × refund rate per source, rounded to whole øre (computed by Indsatsmonitor).',
    Anmodet: 'Postings of type Refusionsanmodning (refund claim) in the year (formula).',
    Modtaget: 'Postings of type Refusion modtaget (refund received) in the year (formula).',
    Udestående: 'Claimed but not received (formula).',
    Overrefunderet: 'Received beyond what was claimed or what the rate allows (formula).',
    'Mangler anmodning': 'Expected refund not claimed (formula).',
    'Tilskud modtaget': 'Postings of type Tilskud modtaget (grant received) in the year (formula).',
    'Nettoudgift kommune': 'Municipal expenses (source Kommune or empty) minus refunds received (formula).',
    Status: 'Reconciled, outstanding, over-refunded or claim missing.',
  },
  text: {
    line: (id: string, year: number, status: string) => `${id} ${year}: ${status}`,
    figures: 'budget {budget} · expenses {spent} · expected refund {expected} · claimed {claimed} · received {received} · grants {grants} · net cost {net}',
    outstanding: (amount: string, days: number) => `  outstanding ${amount} (oldest claim ${days} days)`,
    overRefunded: (amount: string) => `  over-refunded ${amount}`,
    unclaimed: (amount: string) => `  claim missing ${amount}`,
    coFinancing: (source: string, actual: string, agreed: string) => `  ${source}: ${actual} of the financing (agreed ${agreed})`,
    none: 'No budget or posting lines to reconcile.',
    summary: (lines: number, gaps: number) => `${lines === 1 ? '1 line' : `${lines} lines`}, ${gaps ? `${gaps} with gaps` : 'all reconciled'}.`,
    wrote: (f: string) => `Wrote ${f} with the sheet Afstemning.`,
  },
};

/** Labels and definitions of the summaries (Overblik): src/domain/summarize. */
export const summaryEn: typeof import('./da').summaryDa = {
  // ---- one truth (#11) ----
  /** A command that cannot compute its figures: what is missing; nothing is written. */
  missingInput: (command: 'summary' | 'snapshot' | 'reconcile', missing: readonly { table: string; sheet: string; column?: string }[]) => {
    const what = { summary: 'The overview cannot be updated', snapshot: 'The status cannot be frozen', reconcile: 'The finances cannot be reconciled' }[command];
    const list = missing.map((m) => (m.column ? `the column '${m.column}' is missing from the table '${m.table}' (sheet ${m.sheet})` : `the table '${m.table}' is missing (sheet ${m.sheet})`));
    return `${what}: ${list.join('; ')}. The figures cannot be computed without it, so nothing was written. Fix the header, or run Setup (indsats repair), and try again.`;
  },
  /** Beside the figures a formula does not count every row of: the rows have findings. */
  notCounted: (n: number) => `${n === 1 ? '1 row is' : `${n} rows are`} not counted — see Fejl`,
  snapshotWithdrawn: 'Withdrawn',
  snapshotNotFound: (date: string) => `There is no snapshot in force for ${date} to withdraw.`,
  snapshotWithdrawnDone: (date: string, rows: number) => `The snapshot for ${date} is withdrawn (${rows} ${rows === 1 ? 'row' : 'rows'} marked in the column Withdrawn; nothing deleted). The date can be frozen again.`,
  snapshotPreview: (date: string) => `These figures are frozen for ${date} and never changed later (they can only be withdrawn):`,
  snapshotOpenErrors: (n: number) => (n === 1 ? 'The workbook has 1 error that may make the figures wrong.' : `The workbook has ${n} errors that may make the figures wrong.`),
  snapshotNeedsYes: 'Fix the errors first, or freeze anyway with --yes. Nothing was written.',
  snapshotFigureLine: (f: { initiativeId: string; job: number; education: number; placement: number; course: number; ended: number; total: number }) =>
    `  ${f.initiativeId}: in work ${f.job}, in education ${f.education}, in company placement ${f.placement}, in the course ${f.course}, ended ${f.ended}; ${f.total} citizens in all`,
  // ---- end one truth ----
  snapshotTitle: 'Statusfotos (snapshots)',
  snapshotHelp: 'Figures frozen as values per date. The rows are never changed; Overblik shows the development.',
  snapshotExists: (date: string) => `A snapshot for ${date} exists already. A snapshot is never changed.`,
  title: (date: string) => `Status on ${date}`,
  sections: { initiatives: 'Status per initiative', kpi: 'KPI targets', statusLog: 'Status log: figures reported as totals', definitions: 'Definitions' },
  groups: { placement: 'In company placement', course: 'In course' },
  charts: { status: 'Status per initiative', targetGroups: 'Outcomes per target group', kpi: 'KPI: target and actual', trend: 'Development across snapshots' },
  notes: {
    'In job': 'Courses in a job status (ordinary work and subsidised). Formula over the tracking sheet.',
    'Total': 'Distinct participant IDs started on or before the date in column D. Formula.',
    'Status on': 'The date the row is counted on. Change it and the formulas recalculate.',
  },
  outcome: { active: 'Active', job: 'In a job', education: 'In education', ended: 'Ended' },
  columns: {
    initiative: 'Initiative',
    initiatives: 'Initiatives',
    asOf: 'Status as of',
    courses: 'Courses',
    total: 'In all',
    participants: 'Citizens',
    notYetStarted: 'Not started yet',
    withoutStartDate: 'No start date',
    withoutStatus: 'No status',
    withoutStep: 'No step',
    status: 'Status',
    step: 'Step',
    code: 'Code',
    name: 'Name',
    date: 'Date',
    indicator: 'Indicator',
    value: 'Value',
    comment: 'Comment',
  },
  shares: {
    job: 'Share in a job',
    education: 'Share in education',
    jobOrEducation: 'Share in work > 18.5 hours or education',
    placement: 'Share in company placement etc.',
    ordinaryHours: 'Share with ordinary hours under 18.5',
    active: 'Share active',
    ended: 'Share ended without job or education',
  },
  capacity: { places: 'Places', active: 'Active citizens', utilisation: 'Occupancy' },
  medianWeeks: { ended: 'Median weeks in course (ended)', active: 'Median weeks in course (active)' },
  kpi: {
    text: 'KPI',
    target: 'Target',
    weeks: 'Weeks',
    actual: 'Achieved',
    attainment: 'Met?',
    // ---- eng/law: what a KPI is measured on ----
    count: (n: number) => `${n.toLocaleString('en-GB')} citizens`,
    amount: (kr: string) => kr,
    measure: (kind: string, base: string): string =>
      kind === 'count' ? 'number of citizens' : kind === 'amount' ? 'amount against budget' : base === 'completers' ? 'share of those who completed' : 'share of all participants',
    // ---- end eng/law ----
    values: { met: 'Met', notMet: 'Not met', noData: 'No data' },
  },
  breakdowns: {
    byGoal: 'By goal',
    byTargetGroup: 'By target group',
    byUnit: 'By responsible unit',
    byState: 'By initiative status',
    totals: 'In all',
    none: '(none)',
  },
  definitions: {
    courses: 'Courses: rows of the initiative\'s participant sheet with a start date on or before the status date. Counts per status and step count courses, so a citizen with two courses counts in both.',
    total: 'In all: distinct participant IDs (ignoring case and surrounding spaces).',
    latest: 'Shares, active citizens and KPIs are per citizen, by the citizen\'s latest course.',
    asOf: 'The sheet keeps only the current status. If the status date is after the date of the summary, the citizen counts as in the course on the first step. If the end date has passed while the status is still active, the course counts as ended.',
    jobOrEducation: 'Work > 18.5 hours or education: a job status with more than 18.5 ordinary hours a week (or no hours given), or an education status. Wage subsidy counts as company placement.',
    placement: 'Company placement etc.: status in company placement (virksomhedspraktik) or employed with wage subsidy (løntilskud).',
    ordinaryHours: 'Ordinary hours under 18.5: active citizens not in company placement with more than 0 and fewer than 18.5 ordinary hours a week.',
    placementWeeks: 'KPIs with weeks in placement: from the status date to the end date (or the date of the summary). Placements followed by a job cannot be seen.',
    kpiDenominator: 'KPIs are relative to the citizens on the participant sheet, not the whole target group.',
    portfolio: 'Participant IDs are pseudonyms per initiative. A citizen in two initiatives is counted once only if the ID is the same in both; totals are therefore an upper estimate of the number of citizens.',
    medianWeeks: 'Median weeks: ended courses from start date to end date (or status date); active courses from start date to the date of the summary.',
  },
  // ---- Statusrapport (issue 13: the report that prints) ----
  report: {
    title: (date: string) => `Status report on ${date}`,
    basis: (count: number, from: string, to: string) =>
      from === to
        ? `${count} ${count === 1 ? 'initiative' : 'initiatives'} counted on ${to} (Status pr. in the register). The formulas behind the figures are on the sheet Overblik.`
        : `${count} initiatives, each counted on its own date (Status pr. in the register), from ${from} to ${to}. The formulas behind the figures are on the sheet Overblik.`,
    noTheme: 'No theme',
    theme: (theme: string) => `Theme: ${theme}`,
    heading: (id: string, name: string) => `${id} · ${name}`,
    targetGroups: (names: string) => `Target group: ${names || 'not given'}`,
    goals: (names: string) => `Goal: ${names || 'not given'}`,
    status: (date: string, state: string, text: string) => `Status on ${date}${state ? ` (${state})` : ''}: ${text || 'no status text in the register.'}`,
    kpi: (text: string, target: string, actual: string, attainment: string) => `KPI: ${text}. Target ${target}, achieved ${actual}: ${attainment}.`,
    notCounted: (parts: string[]) => (parts.length ? `Not counted: ${parts.join('; ')}.` : 'Every row of the initiative\'s sheet is counted.'),
    notYetStarted: (n: number, date: string) => `${n} ${n === 1 ? 'course' : 'courses'} starting after ${date}`,
    withoutStartDate: (n: number) => `${n} without a start date`,
    withoutStatus: (n: number) => `${n} without a known status (counted in the total, not in a status)`,
    noSheet: 'The initiative has no tracking sheet; the figures below are from the status log.',
    noFigures: 'The initiative has no tracking sheet and no figures in the status log.',
    logLine: (indicator: string, value: string, date: string, comment: string) => `· ${indicator}: ${value} on ${date}${comment ? ` (${comment})` : ''}`,
    logHeading: 'Reported in the status log:',
    emptySheet: 'The initiative\'s tracking sheet has no rows yet.',
    portfolio: (date: string) => `The portfolio on ${date}`,
    charts: 'Charts',
    shares: (title: string) => `${title}: share of the citizens in a job and in education`,
    columns: {
      id: 'ID', initiative: 'Initiative', asOf: 'Status on', job: 'Job', education: 'Education', placement: 'Placement', course: 'In course', ended: 'Ended', total: 'Total',
      places: 'Places', utilisation: 'Occupancy', code: 'Code', name: 'Name', initiatives: 'Initiatives', participants: 'Citizens', active: 'Active',
      target: 'Target', actual: 'Achieved', attainment: 'Met?', kpi: 'KPI', jobShare: 'Share in job', educationShare: 'Share in education', date: 'Date',
    },
    footerPage: 'Page &P of &N',
  },
};

// ---- portfolio: consolidate, partner and merge (src/workbook/portfolio.ts, partner.ts) ----
const plainValueEn = (v: unknown): string =>
  v === null || v === undefined || v === '' ? '(empty)' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

export const portfolioEn: typeof import('./da').portfolioDa = {
  value: plainValueEn,
  problems: {
    'id-clash': (p) =>
      `Initiative ID ${p.id} is in both ${p.file} and ${p.other} with different content (${({ register: 'the row in Indsatser', participants: 'the tracking sheet', statusLog: 'the status log', finance: 'budget and postings', snapshots: 'the snapshots' } as const)[p.what]}). Give one of them another ID, or make them the same. Nothing was written.`,
    'id-twice': (p) => `Initiative ID ${p.id} is in the table Indsatser twice in ${p.file}. Correct it in the file. Nothing was written.`,
    'id-identical': (p) => `Initiative ${p.id} is the same in ${p.file} and ${p.other}; it is taken once.`,
    'taxonomy-conflict': (p) => `Taxonomy ${p.taxonomy}: code ${p.taxonomyCode} is '${p.name}' in ${p.file} but '${p.otherName}' in ${p.other}. The name from ${p.file} is used.`,
    'no-register': (p) => `${p.file} has no table Indsatser and is not an Indsatsmonitor workbook. Run indsats repair on it first. Nothing was written.`,
    'extra-columns': (p) => `${p.file}, table ${p.table}: the columns ${p.columns.join(', ')} are not part of the model and were not carried.`,
    // ---- carry: Statusfotos and Refusionsberegning in the portfolio (issue 13) ----
    'refund-clash': (p) =>
      `The refund file ${p.refundFile} is imported in both ${p.file} and ${p.other}, but with different rows in Refusionsberegning. Delete the wrong import in one of the workbooks, or give the files different names. Nothing was written.`,
    'refund-identical': (p) => `The refund file ${p.refundFile} is imported the same in ${p.file} and ${p.other}; it is taken once.`,
    // ---- end carry ----
  },
  consolidate: {
    reading: (i, n, f) => `Reading ${i}/${n}: ${f} …`,
    noInputs: 'Name the workbooks to bring together (files or a folder of .xlsx files).',
    emptyFolder: (f) => `The folder ${f} holds no .xlsx files.`,
    twice: (f) => `${f} is given twice.`,
    refused: (n) => `The portfolio was not written: ${n === 1 ? '1 problem' : `${n} problems`} must be fixed first.`,
    wrote: (f, files, initiatives, rows) => `Wrote ${f}: ${files} workbooks, ${initiatives} initiatives, ${rows.toLocaleString('en-GB')} tracking rows, Overblik over all of it.`,
    // ---- carry (issue 13) ----
    reconciled: (lines, gaps) =>
      `Afstemning is built over all of it: ${lines === 1 ? '1 line' : `${lines} lines`}, ${gaps === 0 ? 'all reconciled' : gaps === 1 ? '1 with a gap' : `${gaps} with gaps`}. See the details with indsats reconcile on the portfolio.`,
    // ---- end carry ----
  },
  partner: {
    missingInitiative: 'Name the initiative with --initiative ID.',
    notFound: (id, f, known) => `There is no initiative ${id} in ${f}. The initiatives are: ${known.join(', ') || '(none)'}.`,
    noRegister: (f) => `${f} has no table Indsatser.`,
    wrote: (f, id, rows) => `Wrote ${f}: partner copy for ${id} with ${rows === 1 ? '1 tracking row' : `${rows} tracking rows`} (no other initiative, no finance, no status log).`,
  },
  merge: {
    invalid: (f, n) => `${f} has ${n === 1 ? '1 error' : `${n} errors`} and was not taken in. Fix them in the partner copy and try again. Nothing was written.`,
    notPartner: (f, n) => `${f} is not a partner copy: it must hold exactly one initiative in Indsatser and its tracking sheet (it has ${n}). Make it with indsats partner.`,
    otherInitiative: (f, id, main, known) => `${f} is the partner copy for ${id}, which is not in ${main} (the initiatives are: ${known.join(', ') || '(none)'}). Nothing was written.`,
    noTable: (main, id) => `${main} has no tracking sheet for ${id} (the table Deltagere_${id}). Run indsats repair first.`,
    heading: (id, added, changed, deleted) => `Partner copy for ${id}: ${added} new ${added === 1 ? 'row' : 'rows'}, ${changed} changed ${changed === 1 ? 'row' : 'rows'}, ${deleted} deleted ${deleted === 1 ? 'row' : 'rows'}.`,
    added: (id) => `  new row: ${id}`,
    change: (id, column, address, from, to) => `  changed: ${id}, ${column} (${address}): ${from} → ${to}`,
    deleted: (id, address) => `  deleted by the partner (kept): ${id} (${address})`,
    ignored: (table, rows) => `  not taken: ${rows === 1 ? '1 row' : `${rows} rows`} in ${table} (a partner copy brings back only the tracking sheet)`,
    registerChange: (column, from, to) => `  not taken: Indsatser, ${column}: ${from} → ${to} (the row in Indsatser is yours; change it yourself if the partner is right)`,
    pending: (n) => `${n === 1 ? '1 changed row was' : `${n} changed rows were`} not written. Write them with --accept all or --accept ID,ID.`,
    dryRun: 'Dry run (--dry-run): nothing was written.',
    unknownAccept: (ids) => `No changes for ${ids.join(', ')}. --accept takes the participant IDs from the list of changes.`,
    needsOutput: 'Give -o OUT.xlsx, or --dry-run to only see the differences.',
    changedSince: (where) => `${where} changed in the workbook since it was compared. Nothing was written; run merge again.`,
    wrote: (f, added, accepted) => `Wrote ${f}: ${added} new ${added === 1 ? 'row' : 'rows'} added, changes for ${accepted} ${accepted === 1 ? 'row' : 'rows'} written.`,
  },
};
// ---- end portfolio ----
// ---- #10 adopting a hand-kept sheet: indsats adopt, Setup → Take an existing sheet into use (begin) ----
const headerListEn = 'Deltager-ID, Startdato, Målgruppe, Trin, Status, Statusdato, Slutdato, Bemærkning';
const pluralEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
export const adoptEn: typeof import('./da').adoptDa = {
  choice: { extra: 'extra column', skip: 'left out' },
  via: { header: 'by its header', values: 'by its values' },
  reasons: {
    'unknown-value': 'not in the list',
    'no-year': 'the date has no year and the sheet does not say which',
  },
  problems: {
    'no-sheet': (sheet, sheets) => `There is no sheet '${sheet}'.${sheets.length ? ` Sheets that can be taken into use: ${sheets.map((s) => `'${s}'`).join(', ')}.` : ' The workbook has no sheet that can be taken into use.'}`,
    'model-sheet': (sheet) => `The sheet '${sheet}' is part of Indsatsmonitor already and is checked by validation. Choose one of your own sheets.`,
    'invalid-id': (id) => `'${id}' cannot be used as an initiative ID: it must start with a letter and have at most 20 characters (letters a-z, digits and _).`,
    'too-large': (sheet, ref) => `The sheet '${sheet}' is too large to be read whole (${ref}), so rows could be lost. Split the sheet, or delete empty rows and columns far out on it.`,
    'has-rows': (table, sheet) => `The initiative already has rows in the table ${table} on the sheet '${sheet}'. Choose another initiative ID.`,
    'no-room': (id) => `The sheets '${id}' and 'Deltagere_${id}' both exist and are not empty, so there is no room for the tracking sheet. Rename one of them.`,
    empty: (sheet) => `The sheet '${sheet}' is empty: there is nothing to take into use.`,
    'no-header': (sheet) => `The sheet '${sheet}' has no header row that can be recognised: no row names at least two of the columns ${headerListEn}. Type headers above the data.`,
    'ambiguous-header': (sheet, rows) => `The sheet '${sheet}' has several rows that could be the header (rows ${rows.join(' and ')}). Say which.`,
    'no-data': (sheet, row) => `The sheet '${sheet}' has no data below the header in row ${row}.`,
    'unknown-header': (header) => `The sheet has no column '${header}'.`,
    'unknown-column': (header, column) => `'${header}=${column}': '${column}' is not a column of the tracking sheet. Use one of ${headerListEn}, or 'skip' or 'extra'.`,
    'mapped-twice': (column, headers) => `'${column}' is chosen for several columns (${headers.map((h) => `'${h}'`).join(' and ')}). Choose one.`,
  },
  cli: {
    missingSheet: 'Give the sheet to take into use with --sheet "NAME".',
    missingInitiative: 'Give the initiative\'s ID with --initiative ID, e.g. --initiative ITMV.',
    badMap: (text) => `--map '${text}' cannot be read. Write e.g. --map "Forløbsstatus=Status;Telefon=skip".`,
    badHeaderRow: (text) => `--header-row '${text}' is not a row number. Write e.g. --header-row 3.`,
    headerHint: 'Give the header row with --header-row N.',
    found: (sheet, headerRow, rows) => `Sheet '${sheet}': header in row ${headerRow}, ${pluralEn(rows, 'row', 'rows')} of data.`,
    titles: (rows) => `Title rows above the header: ${rows.join(', ')}.`,
    blanks: (rows) => `Blank rows skipped (no data lost): ${rows.join(', ')}.`,
    totals: (rows) => `Totals row left out: ${rows.join(', ')}.`,
    columns: 'Columns:',
    column: (letter, header, to, via, samples) => `  ${letter}  ${header || '(no header)'} → ${to}${via ? ` (${via})` : ''}${samples ? `   e.g. ${samples}` : ''}`,
    conversions: 'Conversions:',
    conversion: (column, from, to, rows) => `  ${column}: '${from}' → '${to}' (${pluralEn(rows, 'row', 'rows')})`,
    year: (year) => `Dates without a year get the year ${year} from the sheet.`,
    kept: 'Kept as typed (validation reports them):',
    keptValue: (column, row, value, reason) => `  ${column} in row ${row}: '${value}' (${reason})`,
    missingRequired: (columns) => `No column on the sheet for ${columns.join(', ')}: they must be filled in on the tracking sheet.`,
    dryRun: 'Dry run: nothing was written.',
    adopted: (file, sheet, rows, id) => `Wrote ${file}: the sheet '${sheet}' with ${pluralEn(rows, 'row', 'rows')} for the initiative ${id}. The original sheet is unchanged.`,
    addedInitiative: (id) => `The initiative ${id} was added to the table Indsatser.`,
    setUp: 'The workbook had no structure: Taksonomier, Indsatser, Statuslog and Økonomi were created.',
  },
  ui: {
    title: 'Take an existing sheet into use',
    intro: 'Have you kept participants in a sheet of your own? Choose it, and Indsatsmonitor proposes which column is what. The rows are copied to a new tracking sheet; your sheet is not changed.',
    sheet: 'Sheet',
    chooseSheet: 'Choose a sheet …',
    noSheets: 'There is no sheet with data that is not part of Indsatsmonitor already.',
    look: 'Look for sheets again',
    initiative: 'Initiative ID',
    initiativeHint: 'If the ID is not in Indsatser, the initiative is added.',
    name: 'Name of the initiative',
    column: (letter, header) => `${letter}: ${header || '(no header)'}`,
    samples: (samples) => (samples.length ? `e.g. ${samples.join(', ')}` : 'empty'),
    found: (headerRow, rows, blanks, totals) =>
      `Header in row ${headerRow}, ${pluralEn(rows, 'row', 'rows')} of data${blanks ? `, ${pluralEn(blanks, 'blank row', 'blank rows')} skipped` : ''}${totals ? `, ${pluralEn(totals, 'totals row', 'totals rows')} left out` : ''}.`,
    conversions: 'What is converted',
    kept: (n) => `${pluralEn(n, 'value is', 'values are')} kept as typed and shown as errors by validation.`,
    adopt: 'Take into use',
    adopted: (sheet, rows, findings) => `The sheet '${sheet}' was created with ${pluralEn(rows, 'row', 'rows')}.${findings ? ` Validation found ${pluralEn(findings, 'thing', 'things')} to fix.` : ' Validation found nothing to fix.'}`,
    takeInUse: 'Take into use',
    headerRow: 'Header row',
    chooseHeaderRow: 'Choose the row with the headers …',
    row: (n) => `Row ${n}`,
  },
  rename: {
    suggested: (from, to, where) => `The column '${from}' (${where}) looks like '${to}', which is missing: it was not added again. Rename it with --rename "${from}=${to}".`,
    renamed: (from, to, where) => `Renamed the column '${from}' to '${to}' (${where}).`,
    badRename: (text) => `--rename '${text}' cannot be read. Write e.g. --rename "Forløbsstatus=Status".`,
    'no-column': (from) => `--rename: no table in the workbook has the column '${from}'. Nothing was written.`,
    'not-missing': (from, to, table) => `--rename "${from}=${to}": the table ${table} does not lack '${to}', or '${from}' is one of its columns itself. Nothing was written.`,
    ui: {
      title: 'Renamed columns',
      text: (from, to, where) => `The column '${from}' (${where}) looks like '${to}', which is missing.`,
      apply: (to) => `Rename to ${to}`,
      done: (from, to) => `'${from}' was renamed to '${to}'.`,
    },
  },
};
// ---- #10 adopting (end) ----
