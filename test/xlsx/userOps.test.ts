/** The plan operations that follow a user's action: set values, append rows, generated sheets, select. */
import { applyPlan, newWorkbook, readXlsx, writeXlsx } from '../../src/xlsx';
import type { Plan } from '../../src/workbook/plan';
import { withControl } from '../../src/workbook/generated';
import { tempDir, utc } from './fixtures';

const tmp = tempDir('indsats-userops-');
afterAll(() => tmp.cleanup());

const base: Plan = {
  ops: [
    { kind: 'ensureSheet', sheet: 'Indsatser' },
    { kind: 'createTable', sheet: 'Indsatser', table: 'Indsatser', topLeft: { row: 4, column: 1 }, header: ['ID', 'Navn', 'Start'], rows: [] },
    { kind: 'label', sheet: 'Indsatser', row: 10, column: 1, text: 'Note under tabellen' },
  ],
};

async function roundTrip(plan: Plan, name: string) {
  const wb = newWorkbook();
  applyPlan(wb, plan);
  await writeXlsx(wb, tmp.path(name));
  return readXlsx(tmp.path(name));
}

it('appends rows: the empty first row of a new table is used, then the table grows', async () => {
  const { read } = await roundTrip({ ops: [...base.ops,
    { kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['ITMV', 'I Tråd Med Verden', utc(2016, 1, 1)]] },
    { kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['FSM', 'Flere skal med', null], ['JF', 'JobFirst', null]] },
  ] }, 'append.xlsx');
  const table = read.sheets[0].tables[0];
  expect(table.ref).toBe('A4:C7');
  expect(table.rows).toEqual([['ITMV', 'I Tråd Med Verden', utc(2016, 1, 1)], ['FSM', 'Flere skal med', null], ['JF', 'JobFirst', null]]);
});

it('refuses to grow a table over a cell that is not empty', async () => {
  const wb = newWorkbook();
  applyPlan(wb, base);
  const rows = Array.from({ length: 6 }, (_, i) => [`ID${i}`, 'x', null]);
  expect(() => applyPlan(wb, { ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows }] })).toThrow(/Indsatser!A10 is not empty/);
});

it('sets values in given cells only', async () => {
  const { read } = await roundTrip({ ops: [...base.ops,
    { kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['ITMV', 'I Trad', null]] },
    { kind: 'setValues', sheet: 'Indsatser', cells: [{ address: 'B5', value: 'I Tråd Med Verden' }] },
  ] }, 'set.xlsx');
  expect(read.sheets[0].tables[0].rows).toEqual([['ITMV', 'I Tråd Med Verden', null]]);
});

it('rebuilds a generated sheet from scratch: twice gives the same sheet', async () => {
  // With the add-in's marker (the control table) below the table, as planGeneratedSheet writes it.
  const fejl = (rows: string[][]): Plan => ({ ops: withControl([{ kind: 'generatedSheet', sheet: 'Fejl', title: 'Fejl pr. 25-11-2026', table: 'Fejl', header: ['Ark', 'Celle'], rows, columns: [{ header: 'Ark', width: 20 }] }], 'Fejl', 'Kontrol', 10) });
  const wb = newWorkbook();
  applyPlan(wb, { ops: [...base.ops, ...fejl([['ITMV', 'C5'], ['FSM', 'B2']]).ops] });
  applyPlan(wb, fejl([['ITMV', 'C5']]));
  applyPlan(wb, fejl([['ITMV', 'C5']]));
  await writeXlsx(wb, tmp.path('fejl.xlsx'));
  const { read } = await readXlsx(tmp.path('fejl.xlsx'));
  expect(read.sheets.map((s) => s.name)).toEqual(['Indsatser', 'Fejl']);
  expect(read.sheets[1].tables).toEqual([expect.objectContaining({ table: 'Fejl', ref: 'A3:B4', rows: [['ITMV', 'C5']] }), expect.objectContaining({ table: 'Fejl_Kontrol' })]);
  expect(read.sheets[1].region).toBeUndefined();
});

it('selects a cell on a sheet, making it the active sheet', async () => {
  const { workbook } = await roundTrip({ ops: [...base.ops, { kind: 'ensureSheet', sheet: 'ITMV' }, { kind: 'select', sheet: 'Indsatser', address: 'B5' }] }, 'select.xlsx');
  expect(workbook.views[0].activeTab).toBe(0);
  expect(workbook.getWorksheet('Indsatser')!.views[0].activeCell).toBe('B5');
});
