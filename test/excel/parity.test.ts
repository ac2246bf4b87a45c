/**
 * The .xlsx adapter's user-action scenarios (test/xlsx/userOps.test.ts) through both adapters:
 * the same plans give the same WorkbookRead (Office.js-shaped) and the same refusals.
 */
import * as excel from '../../src/excel/adapter';
import type { Plan } from '../../src/workbook/plan';
import { withControl } from '../../src/workbook/generated';
import type { WorkbookRead } from '../../src/workbook/read';
import * as xlsx from '../../src/xlsx';
import { createStandin } from '../standin/excelStandin';
import { officeShaped } from './helpers';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const base: Plan = {
  ops: [
    { kind: 'ensureSheet', sheet: 'Indsatser' },
    { kind: 'createTable', sheet: 'Indsatser', table: 'Indsatser', topLeft: { row: 4, column: 1 }, header: ['ID', 'Navn', 'Start'], rows: [] },
    { kind: 'label', sheet: 'Indsatser', row: 10, column: 1, text: 'Note under tabellen' },
  ],
};

/** Apply the plans in turn with both adapters (each plan its own Excel.run) and read both back. */
async function both(...plans: Plan[]): Promise<{ office: WorkbookRead; file: WorkbookRead }> {
  const workbook = xlsx.newWorkbook();
  const standin = createStandin();
  for (const plan of plans) {
    xlsx.applyPlan(workbook, plan);
    await excel.applyPlan(standin.run, plan);
  }
  const file = officeShaped((await xlsx.readXlsx(await xlsx.xlsxBuffer(workbook))).read);
  // A date written into a cell without number format gets each writer's default date format:
  // ExcelJS "mm-dd-yy", Excel (typing an ISO date) "yyyy-mm-dd".
  for (const t of file.sheets.flatMap((s) => s.tables)) t.numberFormats = t.numberFormats?.map((r) => r.map((f) => (f === 'mm-dd-yy' ? 'yyyy-mm-dd' : f)));
  return { office: await excel.readWorkbook(standin.run), file };
}

it('appends rows: the empty first row of a new table is used, then the table grows', async () => {
  const { office, file } = await both(base,
    { ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['ITMV', 'I Tråd Med Verden', utc(2016, 1, 1)]] }] },
    { ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['FSM', 'Flere skal med', null], ['JF', 'JobFirst', null]] }] });
  // Excel gives rows added to a table the formats of the row above (here the date format of C5);
  // the .xlsx adapter writes bare cells. Everything else is the same.
  const withoutFormats = (read: WorkbookRead) => read.sheets.map((s) => s.tables.map(({ numberFormats: _formats, ...t }) => t));
  expect(withoutFormats(office)).toEqual(withoutFormats(file));
  expect(office.sheets[0].tables[0].numberFormats!.map((r) => r[2])).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm-dd']);
  expect(office.sheets[0].tables[0].ref).toBe('A4:C7');
});

it('refuses to grow a table over a cell that is not empty, with the same message', async () => {
  const rows = Array.from({ length: 6 }, (_, i) => [`ID${i}`, 'x', null]);
  const plan: Plan = { ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows }] };
  const workbook = xlsx.newWorkbook();
  xlsx.applyPlan(workbook, base);
  const standin = createStandin();
  await excel.applyPlan(standin.run, base);
  let fileError: unknown;
  try {
    xlsx.applyPlan(workbook, plan);
  } catch (e) {
    fileError = e;
  }
  await expect(excel.applyPlan(standin.run, plan)).rejects.toMatchObject({ name: 'PlanConflictError', message: (fileError as Error).message, cell: 'A10' });
});

it('sets values in given cells only', async () => {
  const { office, file } = await both(base, { ops: [
    { kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['ITMV', 'I Trad', null]] },
    { kind: 'setValues', sheet: 'Indsatser', cells: [{ address: 'B5', value: 'I Tråd Med Verden' }] },
  ] });
  expect(office).toEqual(file);
  expect(office.sheets[0].tables[0].rows).toEqual([['ITMV', 'I Tråd Med Verden', null]]);
});

it('rebuilds a generated sheet from scratch: twice gives the same sheet', async () => {
  // With the add-in's marker (the control table) below the table, as planGeneratedSheet writes it.
  const fejl = (rows: string[][]): Plan => ({ ops: withControl([{ kind: 'generatedSheet', sheet: 'Fejl', title: 'Fejl pr. 25-11-2026', table: 'Fejl', header: ['Ark', 'Celle'], rows, columns: [{ header: 'Ark', width: 20 }] }], 'Fejl', 'Kontrol', 10) });
  const { office, file } = await both({ ops: [...base.ops, ...fejl([['ITMV', 'C5'], ['FSM', 'B2']]).ops] }, fejl([['ITMV', 'C5']]), fejl([['ITMV', 'C5']]));
  expect(office).toEqual(file);
  expect(office.sheets.map((s) => s.name)).toEqual(['Indsatser', 'Fejl']);
  expect(office.sheets[1].tables).toEqual([expect.objectContaining({ table: 'Fejl', ref: 'A3:B4', rows: [['ITMV', 'C5']] }), expect.objectContaining({ table: 'Fejl_Kontrol' })]);
});

it('the structure plan, then a repair of the result, reads the same through both adapters', async () => {
  const { planStructure } = await import('../../src/workbook/structure');
  const plan = planStructure({ sheets: [] }, { rows: { Indsatser: [['ITMV', 'I Tråd Med Verden', null, null, null, '2016-01-01']] } });
  const { office, file } = await both(plan, planStructure({ sheets: [] }));
  expect(office).toEqual(file);
});
