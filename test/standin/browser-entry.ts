/**
 * Loaded in Chromium in place of office.js (see the report for the build step): an empty
 * workbook in the stand-in, `Excel` and `Office` as globals, and `window.__standin` so the
 * browser test can look at what the task pane did (selection, cell values, stats).
 */
import { createStandin, installGlobals } from './excelStandin';

const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
installGlobals(standin);
(globalThis as unknown as { __standin: typeof standin }).__standin = standin;
