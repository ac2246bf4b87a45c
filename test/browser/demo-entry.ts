/**
 * In place of office.js for the browser test's tour of every tab: the stand-in holding the demo
 * workbook (set up through the Office.js adapter, as the pane would), with the active sheet ITMV.
 * Office.onReady waits until the workbook is written, so the pane never sees it half-built.
 */
import { createStandin, installGlobals } from '../standin/excelStandin';
import { applyPlan } from '../../src/excel/adapter';
import { planStructure } from '../../src/workbook/structure';
import { demoRows } from '../../src/demo/demoData';

const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
installGlobals(standin);
(globalThis as unknown as { __standin: typeof standin }).__standin = standin;
const written = applyPlan(standin.run, planStructure({ sheets: [] }, { rows: demoRows() }), { supports: () => true }).then(() =>
  standin.run(async (context) => {
    context.workbook.worksheets.getItem('ITMV').activate();
    await context.sync();
  }));
const office = (globalThis as unknown as { Office: { onReady: (cb?: (info: unknown) => void) => Promise<unknown> } }).Office;
const ready = office.onReady.bind(office);
office.onReady = (callback) => written.then(() => ready(callback));
