// Ribbon function commands (see <FunctionName> in manifest.xml): the same operations as the task
// pane, without opening it. Excel shows no message for a function command, so the result is what
// the user sees in the workbook: the sheet Fejl or Overblik, activated.
import { langFrom } from '../i18n';
import { todayLocal as today } from '../domain/parse/calendarDate';
import { excelWorkbook } from '../operations/excelWorkbook';
import { validate, writeFindingsSheet } from '../operations/operations';
import { refreshOverview } from '../operations/summarize';
import { MissingInputError } from '../operations/requirements';

function workbook() {
  const supports = (set: string, version: string) => Office.context.requirements.isSetSupported(set, version);
  return excelWorkbook(Excel.run.bind(Excel) as Parameters<typeof excelWorkbook>[0], supports);
}

/** Validates the whole workbook and writes the findings to the sheet Fejl (shown). */
async function validateActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langFrom(Office.context.displayLanguage);
  try {
    const live = workbook();
    const run = await validate(live, 'workbook', today());
    await writeFindingsSheet(live, run.findings, today(), lang);
  } finally {
    event.completed();
  }
}

/**
 * Rebuilds the sheet Overblik (shown); a hand-edited one is kept under a new name. A workbook whose
 * figures cannot be computed (a table or column missing) gets no Overblik: the sheet Fejl is
 * written and shown instead, naming what is missing.
 */
async function refreshOverviewCommand(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langFrom(Office.context.displayLanguage);
  try {
    const live = workbook();
    try {
      await refreshOverview(live, today(), lang);
    } catch (error) {
      if (!(error instanceof MissingInputError)) throw error;
      const run = await validate(live, 'workbook', today());
      await writeFindingsSheet(live, run.findings, today(), lang);
    }
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Office treats the add-in as initialised once onReady is used.
});

Office.actions.associate('validateActiveSheet', validateActiveSheet);
Office.actions.associate('refreshOverview', refreshOverviewCommand);
