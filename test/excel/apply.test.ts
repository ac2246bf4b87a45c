import { applyPlan, CellEditModeError, charsToPoints, PlanConflictError, readWorkbook, TABLE_STYLE, VALIDATION_MIN_ROWS, VALIDATION_TEXTS } from '../../src/excel/adapter';
import type { Plan, PlanOp } from '../../src/workbook/plan';
import { planStructure } from '../../src/workbook/structure';
import { withControl } from '../../src/workbook/generated';
import * as xlsx from '../../src/xlsx';
import { tablesCreatedBy } from '../helpers/planTables';
import { createStandin, type Standin } from '../standin/excelStandin';
import { officeShaped } from './helpers';
import { basePlan, layoutPlan } from '../helpers/adapterPlans';
import { utc } from '../xlsx/fixtures';


async function applied(...plans: Plan[]): Promise<Standin> {
  const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
  for (const plan of plans) await applyPlan(standin.run, plan);
  return standin;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('applyPlan (Office.js): createTable, labels', () => {
  it('writes values, then makes tables over them; reads back as planned', async () => {
    const standin = await applied(basePlan);
    const read = await readWorkbook(standin.run);
    expect(read.sheets.map((s) => s.name)).toEqual(['Ark1', 'Indsatser', 'Taksonomier']);
    const [indsatser, noter] = read.sheets[1].tables;
    expect(indsatser).toMatchObject({
      table: 'Indsatser', header: ['Navn', 'Start', 'Beløb', 'Målgruppe'], headerRow: 4, firstColumn: 1, ref: 'A4:D7',
      rows: [['Alfa', 45296, 1000.5, 'Unge'], ['Beta', 45657, 25, 'Ledige'], ['Gamma', null, 0, null]],
    });
    // An empty table gets one empty data row (Excel needs one).
    expect(noter).toMatchObject({ table: 'Noter', header: ['Note'], ref: 'J4:J5', rows: [[null]] });
    expect(standin.workbook.tables().map((t) => t.style)).toEqual([TABLE_STYLE, TABLE_STYLE, TABLE_STYLE]);
    expect(standin.workbook.value('Indsatser', 'A1')).toBe('Indsatser');
    expect(standin.workbook.font('Indsatser', 'A1')).toEqual({ bold: true, size: 14 });
    expect(standin.workbook.font('Indsatser', 'A2')).toEqual({ italic: true, color: '#595959' });
  });

  it('writes labels only into empty cells', async () => {
    const standin = await applied(basePlan, { ops: [{ kind: 'label', sheet: 'Indsatser', row: 1, column: 1, text: 'Andet', style: 'subtitle' }] });
    expect(standin.workbook.value('Indsatser', 'A1')).toBe('Indsatser');
    expect(standin.workbook.font('Indsatser', 'A1')).toEqual({ bold: true, size: 14 });
  });

  it('keeps text that Excel would turn into numbers, dates, formulas or booleans as text', async () => {
    const texts = ['0042', '2024-01-05', '=HYPERLINK("x")', '+45 1234', 'TRUE', '#N/A', "'citat", '12,5', 'Unge'];
    const standin = await applied({ ops: [
      { kind: 'ensureSheet', sheet: 'S' },
      { kind: 'createTable', sheet: 'S', table: 'T', topLeft: { row: 1, column: 1 }, header: ['Tekst'], rows: texts.map((t) => [t]) },
    ] });
    const read = await readWorkbook(standin.run);
    expect(read.sheets[1].tables[0].rows.map((r) => r[0])).toEqual(texts);
    expect(standin.workbook.formula('S', 'A4')).toBeUndefined();
    expect(standin.workbook.quotePrefix('S', 'A2')).toBe(true);
    expect(standin.workbook.quotePrefix('S', 'A10')).toBe(false); // plain words get no prefix
  });

  it('writes formula cells of a plan as formulas', async () => {
    const standin = await applied({ ops: [
      { kind: 'ensureSheet', sheet: 'S' },
      { kind: 'createTable', sheet: 'S', table: 'T', topLeft: { row: 1, column: 1 }, header: ['a', 'b'], rows: [[2, { formula: 'A2*2' }]] },
    ] });
    expect(standin.workbook.formula('S', 'B2')).toBe('=A2*2');
  });

  it('does not create a table over data, and writes nothing at all then', async () => {
    const standin = await applied({ ops: [{ kind: 'ensureSheet', sheet: 'S' }] });
    standin.workbook.userEdit('S', 'B3', [['typed']]);
    const before = standin.workbook.snapshot();
    const plan: Plan = { ops: [
      { kind: 'ensureSheet', sheet: 'Ny' },
      { kind: 'createTable', sheet: 's', table: 'T', topLeft: { row: 2, column: 1 }, header: ['a', 'b'], rows: [[1, 2]] },
    ] };
    const error = await rejection(applyPlan(standin.run, plan));
    expect(error).toBeInstanceOf(PlanConflictError);
    expect(error).toMatchObject({ sheet: 'S', cell: 'B3' });
    expect((error as Error).message).toContain('S!B3');
    expect(standin.workbook.snapshot()).toEqual(before); // not even the new sheet
  });

  it('refuses merged cells and other tables in the way', async () => {
    const standin = createStandin({ sheets: [{ name: 'S', cells: { A1: 'Titel' }, merged: ['A1:C1'] }] });
    await expect(applyPlan(standin.run, { ops: [{ kind: 'createTable', sheet: 'S', table: 'T', topLeft: { row: 1, column: 2 }, header: ['a'], rows: [] }] }))
      .rejects.toThrow(/merged cells S!A1:C1/);
    const other = await applied(basePlan);
    await expect(applyPlan(other.run, { ops: [{ kind: 'createTable', sheet: 'Indsatser', table: 'T', topLeft: { row: 6, column: 4 }, header: ['a', 'b'], rows: [] }] }))
      .rejects.toThrow(/table "Indsatser"/);
  });

  it('refuses invalid table and sheet names before writing anything', async () => {
    const standin = await applied({ ops: [{ kind: 'ensureSheet', sheet: 'S' }] });
    for (const table of ['Min tabel', 'A1', 'R1C1', '1Tabel', 'Tabel-2']) {
      await expect(applyPlan(standin.run, { ops: [{ kind: 'createTable', sheet: 'S', table, topLeft: { row: 1, column: 1 }, header: ['a'], rows: [] }] })).rejects.toThrow(/not a valid Excel table name/);
    }
    await expect(applyPlan(standin.run, { ops: [{ kind: 'ensureSheet', sheet: 'x'.repeat(32) }] })).rejects.toThrow(/31/);
    await expect(applyPlan(standin.run, { ops: [{ kind: 'ensureSheet', sheet: 'a/b' }] })).rejects.toThrow();
    expect(standin.workbook.sheetNames()).toEqual(['Ark1', 'S']);
  });
});

describe('applyPlan (Office.js): addColumns, tableFromRange', () => {
  it('appends columns at the right and keeps every value and the other tables; idempotent', async () => {
    const standin = await applied(basePlan, layoutPlan);
    const before = await readWorkbook(standin.run);
    const op: Plan = { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Slut', 'Status', 'navn'] }] };
    await applyPlan(standin.run, op);
    const after = await readWorkbook(standin.run);
    const t0 = before.sheets[1].tables[0];
    const t1 = after.sheets[1].tables[0];
    expect(t1.header).toEqual([...t0.header, 'Slut', 'Status']);
    expect(t1.ref).toBe('A4:F7');
    expect(t1.rows).toEqual(t0.rows.map((r) => [...r, null, null]));
    expect(after.sheets[1].tables[1]).toEqual(before.sheets[1].tables[1]);
    const snapshot = standin.workbook.snapshot();
    await applyPlan(standin.run, op);
    expect(standin.workbook.snapshot()).toEqual(snapshot);
  });

  it('refuses to overwrite a value right of the table and names the cell', async () => {
    const standin = await applied(basePlan);
    standin.workbook.userEdit('Indsatser', 'E6', [['brugerens tekst']]);
    const error = await rejection(applyPlan(standin.run, { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Slut'] }] }));
    expect(error).toBeInstanceOf(PlanConflictError);
    expect(error).toMatchObject({ sheet: 'Indsatser', cell: 'E6' });
    expect((error as Error).message).toContain('Indsatser!E6');
    expect(standin.workbook.tables().find((t) => t.name === 'Indsatser')!.address).toBe('A4:D7');
  });

  it('refuses to grow into another table', async () => {
    const standin = await applied(basePlan);
    await expect(applyPlan(standin.run, { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['a', 'b', 'c', 'd', 'e', 'f'] }] }))
      .rejects.toThrow(/table "Noter"/);
  });

  it('makes a table of a typed range without touching its values; names blank and repeated headers', async () => {
    const standin = createStandin({ sheets: [{ name: 'Indsatser', cells: { A1: 'ID', B1: 'Navn', C1: 'navn', E1: 'x', A2: 'ITMV', B2: 'Flere i job', C2: 5 } }] });
    await applyPlan(standin.run, { ops: [{ kind: 'tableFromRange', sheet: 'Indsatser', table: 'Indsatser', ref: 'A1:D2' }] });
    expect(standin.workbook.tables()).toEqual([expect.objectContaining({ name: 'Indsatser', address: 'A1:D2', columns: ['ID', 'Navn', 'navn2', 'Kolonne4'] })]);
    expect(standin.workbook.values('Indsatser', 'A2:C2')).toEqual([['ITMV', 'Flere i job', 5]]);
  });
});

describe('applyPlan (Office.js): layoutColumns', () => {
  it('writes number formats on the data cells, widths, header notes and INDIRECT drop-downs', async () => {
    const standin = await applied(basePlan, layoutPlan);
    const read = await readWorkbook(standin.run);
    const t = read.sheets[1].tables[0];
    expect(t.numberFormats).toEqual([
      [undefined, 'dd-mm-yyyy', '#,##0.00 "kr."', undefined],
      [undefined, 'dd-mm-yyyy', '#,##0.00 "kr."', undefined],
      [undefined, 'dd-mm-yyyy', '#,##0.00 "kr."', undefined],
    ]);
    expect(standin.workbook.numberFormat('Indsatser', 'B4')).toBe('General'); // not the header
    expect(standin.workbook.columnWidth('Indsatser', 'B')).toBe(charsToPoints(12));
    expect(standin.workbook.columnWidth('Indsatser', 'C')).toBe(charsToPoints(16));
    expect(standin.workbook.notes('Indsatser')).toEqual({ B4: 'Datoen indsatsen startede.', D4: 'Vælg fra listen.' });
    // Data rows 5..7; the drop-down reaches header row + 1000.
    expect(standin.workbook.validations('Indsatser')).toEqual([{
      address: `D5:D${4 + VALIDATION_MIN_ROWS}`,
      rule: { list: { inCellDropDown: true, source: '=INDIRECT("Målgrupper[Navn]")' } },
      errorAlert: { showAlert: true, style: 'Warning', title: VALIDATION_TEXTS.errorTitle, message: VALIDATION_TEXTS.error },
      ignoreBlanks: true,
    }]);
    expect(standin.workbook.validations('Taksonomier')).toEqual([expect.objectContaining({ address: 'A2:A1001', rule: { list: { inCellDropDown: true, source: 'A,B' } } })]);
    expect(standin.workbook.frozen('Indsatser')).toEqual({ rows: 4, columns: 1 });
  });

  it('uses the same texts, style and reach as the .xlsx adapter', () => {
    expect(VALIDATION_TEXTS).toEqual(xlsx.VALIDATION_TEXTS);
    expect(TABLE_STYLE).toBe(xlsx.TABLE_STYLE);
    expect(VALIDATION_MIN_ROWS).toBe(xlsx.VALIDATION_MIN_ROWS);
  });

  it('updates a header note whose text changed', async () => {
    const standin = await applied(basePlan, layoutPlan);
    await applyPlan(standin.run, { ops: [{ kind: 'layoutColumns', sheet: 'Indsatser', table: 'Indsatser', columns: [{ header: 'Start', note: 'Ny tekst.' }] }] });
    expect(standin.workbook.notes('Indsatser').B4).toBe('Ny tekst.');
  });
});

describe('applyPlan (Office.js): the structure plan', () => {
  const plan = planStructure({ sheets: [] });

  it('creates the planned tables with header and rows, drop-downs and formats; as the .xlsx adapter reads them', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    const result = await applyPlan(standin.run, plan);
    expect(result.skipped).toEqual([]);
    expect(standin.stats.syncs).toBeLessThanOrEqual(3);
    const read = await readWorkbook(standin.run);

    for (const t of tablesCreatedBy(plan)) {
      const found = read.sheets.flatMap((s) => s.tables).find((x) => x.table === t.table)!;
      expect(found).toMatchObject({ sheet: t.sheet, header: t.header, headerRow: t.headerRow, firstColumn: t.firstColumn });
      expect(found.rows.length).toBe(Math.max(t.rows.length, 1));
    }
    const sources = read.sheets.flatMap((s) => standin.workbook.validations(s.name).map((v) => (v.rule as { list: { source: string } }).list.source));
    expect(sources).toContain('=INDIRECT("Indsatsstatus[Navn]")');
    expect(sources).toContain('Ja,Nej');
    expect(sources.filter((s) => s.startsWith('=')).every((s) => /^=INDIRECT\("[\p{L}_]+\[[^\]]+\]"\)$/u.test(s))).toBe(true);

    // The same plan through the .xlsx adapter reads the same (Office.js-shaped: dates as serials).
    const workbook = xlsx.newWorkbook();
    xlsx.applyPlan(workbook, plan);
    const fromFile = await xlsx.readXlsx(await xlsx.xlsxBuffer(workbook));
    const sheets = read.sheets.filter((s) => s.name !== 'Ark1');
    expect({ sheets }).toEqual(officeShaped(fromFile.read));
  });

  it('is idempotent: applying it again changes nothing, and planning again gives layout only', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    await applyPlan(standin.run, plan);
    const once = standin.workbook.snapshot();
    const again = planStructure(await readWorkbook(standin.run));
    expect(again.ops.every((op) => op.kind === 'layoutColumns')).toBe(true);
    standin.reset();
    await applyPlan(standin.run, again);
    expect(standin.stats.syncs).toBeLessThanOrEqual(3);
    expect(standin.workbook.snapshot()).toEqual(once);
    await applyPlan(standin.run, plan); // the full plan: every create is a no-op now
    expect(standin.workbook.snapshot()).toEqual(once);
  });

  it('without ExcelApi 1.8 writes no drop-downs and says so', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    const result = await applyPlan(standin.run, plan, { supports: (set, version) => !(set === 'ExcelApi' && version === '1.8') && version !== '1.18' });
    expect(result.skipped).toEqual(expect.arrayContaining(['dataValidation', 'notes']));
    expect(standin.workbook.sheetNames().flatMap((s) => standin.workbook.validations(s))).toEqual([]);
    expect(standin.workbook.sheetNames().flatMap((s) => Object.keys(standin.workbook.notes(s)))).toEqual([]);
    expect(standin.workbook.tables().length).toBe(tablesCreatedBy(plan).length);
  });
});

describe('applyPlan (Office.js): setValues, appendRows, generatedSheet, select, highlight', () => {
  it('setValues writes the given cells whatever they hold', async () => {
    const standin = await applied(basePlan);
    await applyPlan(standin.run, { ops: [{ kind: 'setValues', sheet: 'Indsatser', cells: [
      { address: 'A5', value: 'Alfa 2' }, { address: 'B6', value: utc(2025, 2, 1) }, { address: 'C7', value: null }, { address: 'D7', value: 'Unge' },
    ] }] });
    expect(standin.workbook.values('Indsatser', 'A5:D7')).toEqual([
      ['Alfa 2', 45296, 1000.5, 'Unge'],
      ['Beta', 45689, 25, 'Ledige'],
      ['Gamma', null, null, 'Unge'],
    ]);
  });

  it('appendRows fills a new table\'s empty row first, then adds the rest in one rows.add', async () => {
    const standin = await applied(basePlan, { ops: [{ kind: 'layoutColumns', sheet: 'Indsatser', table: 'Noter', columns: [{ header: 'Note', numberFormat: '@' }] }] });
    standin.reset();
    await applyPlan(standin.run, { ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Noter', rows: [['én'], ['to'], ['tre']] }] });
    expect(standin.stats.syncs).toBe(3);
    expect(standin.workbook.tables().find((t) => t.name === 'Noter')!.address).toBe('J4:J7');
    expect(standin.workbook.values('Indsatser', 'J5:J7')).toEqual([['én'], ['to'], ['tre']]);
    expect(standin.workbook.numberFormat('Indsatser', 'J7')).toBe('@');
    await applyPlan(standin.run, { ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['Delta', utc(2025, 1, 1), 5, 'Unge']] }] });
    expect(standin.workbook.values('Indsatser', 'A8:D8')).toEqual([['Delta', 45658, 5, 'Unge']]);
  });

  it('appendRows refuses to write over a value below the table', async () => {
    const standin = await applied(basePlan);
    standin.workbook.userEdit('Indsatser', 'B9', [['under']]);
    await expect(applyPlan(standin.run, { ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['x'], ['y']] }] })).rejects.toMatchObject({ cell: 'B9' });
  });

  it('generatedSheet rebuilds its sheet from scratch: title, table at A3, layout, frozen header', async () => {
    const op: PlanOp = {
      kind: 'generatedSheet', sheet: 'Fejl', title: 'Fejl i arbejdsbogen', table: 'Fejl', header: ['Ark', 'Celle', 'Besked'],
      rows: [['IND01', 'B5', 'Ugyldig dato'], ['IND02', 'C9', 'Ukendt målgruppe']], columns: [{ header: 'Besked', width: 60, note: 'Hvad er galt.' }],
    };
    const standin = await applied(basePlan, { ops: withControl([op], 'Fejl', 'Kontrol', 10) });
    standin.workbook.userEdit('Fejl', 'A20', [['brugeren skrev her']]);
    const smaller: PlanOp = { ...op, rows: [['IND03', 'A1', 'Ny fejl']] };
    await applyPlan(standin.run, { ops: withControl([smaller], 'Fejl', 'Kontrol', 10) });
    expect(standin.workbook.sheetNames()).toEqual(['Ark1', 'Indsatser', 'Taksonomier', 'Fejl']);
    expect(standin.workbook.value('Fejl', 'A1')).toBe('Fejl i arbejdsbogen');
    expect(standin.workbook.value('Fejl', 'A20')).toBeNull();
    expect(standin.workbook.tables().find((t) => t.name === 'Fejl')).toMatchObject({ sheet: 'Fejl', address: 'A3:C4' });
    expect(standin.workbook.values('Fejl', 'A4:C4')).toEqual([['IND03', 'A1', 'Ny fejl']]);
    expect(standin.workbook.notes('Fejl')).toEqual({ C3: 'Hvad er galt.' });
    expect(standin.workbook.frozen('Fejl')).toEqual({ rows: 3, columns: 0 });
    const once = standin.workbook.snapshot();
    await applyPlan(standin.run, { ops: withControl([smaller], 'Fejl', 'Kontrol', 10) });
    expect(standin.workbook.snapshot()).toEqual(once);
  });

  it('generatedSheet works when its sheet is the only one', async () => {
    const standin = createStandin({ sheets: [{ name: 'Fejl', cells: { A1: 'gammel', A5: 'Kontrol', A6: 'x' }, tables: [{ name: 'Fejl_Kontrol', ref: 'A5:A6' }] }] });
    await applyPlan(standin.run, { ops: [{ kind: 'generatedSheet', sheet: 'Fejl', title: 'Ny', table: 'Fejl', header: ['a'], rows: [], columns: [] }] });
    expect(standin.workbook.sheetNames()).toEqual(['Fejl']);
    expect(standin.workbook.value('Fejl', 'A1')).toBe('Ny');
  });

  it('select activates the sheet and selects the range', async () => {
    const standin = await applied(basePlan);
    await applyPlan(standin.run, { ops: [{ kind: 'select', sheet: 'taksonomier', address: 'B2:B3' }] });
    expect(standin.workbook.activeSheet()).toBe('Taksonomier');
    expect(standin.workbook.selection()).toEqual({ sheet: 'Taksonomier', address: 'B2:B3' });
  });

  it('highlight puts one conditional format per text on the column, replacing the old ones', async () => {
    const standin = await applied(basePlan);
    const op: Plan = { ops: [{ kind: 'highlight', sheet: 'Indsatser', table: 'Indsatser', column: 'Målgruppe', rules: [{ text: 'Unge', tone: 'good' }, { text: 'Ledige "x"', tone: 'bad' }] }] };
    await applyPlan(standin.run, op);
    await applyPlan(standin.run, op);
    expect(standin.workbook.conditionalFormats('Indsatser')).toEqual([
      { address: 'D5:D7', type: 'Custom', formula: '=D5="Unge"', fill: '#C6EFCE', font: '#006100' },
      { address: 'D5:D7', type: 'Custom', formula: '=D5="Ledige ""x"""', fill: '#FFC7CE', font: '#9C0006' },
    ]);
  });
});

describe('applyPlan / readWorkbook (Office.js): cell edit mode', () => {
  it('turns InvalidOperationInCellEditMode into CellEditModeError; nothing is written', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    standin.setCellEditMode(true);
    const error = await rejection(applyPlan(standin.run, basePlan));
    expect(error).toBeInstanceOf(CellEditModeError);
    expect(error).toMatchObject({ cellEditMode: true, retryable: true, code: 'InvalidOperationInCellEditMode', name: 'CellEditModeError' });
    await expect(readWorkbook(standin.run)).rejects.toBeInstanceOf(CellEditModeError);
    expect(standin.workbook.sheetNames()).toEqual(['Ark1']);
    standin.setCellEditMode(false);
    await applyPlan(standin.run, basePlan);
    expect(standin.workbook.sheetNames()).toEqual(['Ark1', 'Indsatser', 'Taksonomier']);
  });
});

describe('applyPlan (Office.js): appendRows and what is below the table', () => {
  const plan = (rows: number): Plan => ({ ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: Array.from({ length: rows }, (_, i) => [`R${i}`]) }] });

  it('grows over the checked rows below (ExcelApi 1.15): a note further down stays where it is', async () => {
    const standin = await applied(basePlan);
    standin.workbook.userEdit('Indsatser', 'A12', [['note']]);
    await applyPlan(standin.run, plan(2));
    expect(standin.workbook.value('Indsatser', 'A12')).toBe('note');
    expect(standin.workbook.values('Indsatser', 'A8:A9')).toEqual([['R0'], ['R1']]);
  });

  it('before ExcelApi 1.15 Excel inserts the rows, so cells further down move (Excel\'s own behaviour)', async () => {
    const standin = await applied(basePlan);
    standin.workbook.userEdit('Indsatser', 'A12', [['note']]);
    await applyPlan(standin.run, plan(2), { supports: (_set, version) => version !== '1.15' });
    expect(standin.workbook.value('Indsatser', 'A14')).toBe('note');
  });
});

describe('applyPlan (Office.js): charts, renameSheet', () => {
  const chart: PlanOp = {
    kind: 'chart', sheet: 'Indsatser',
    chart: { name: 'Status', type: 'barStacked', title: 'Status pr. indsats', from: { row: 4, column: 6 }, to: { row: 20, column: 12 }, categories: 'A5:A7', series: [{ name: 'Beløb', values: 'C5:C7' }, { name: 'Start', values: 'B5:B7' }] },
  };

  it('adds a native chart with named series over the ranges; applying again keeps one', async () => {
    const standin = await applied(basePlan, { ops: [chart] });
    await applyPlan(standin.run, { ops: [chart] });
    expect(standin.workbook.charts('Indsatser')).toEqual([{
      name: 'Status', type: 'BarStacked', title: 'Status pr. indsats', position: 'F4:L20',
      series: [{ name: 'Beløb', values: 'C5:C7', categories: 'A5:A7' }, { name: 'Start', values: 'B5:B7', categories: 'A5:A7' }],
    }]);
  });

  it('skips charts on Excel without ExcelApi 1.7', async () => {
    const standin = await applied(basePlan);
    const result = await applyPlan(standin.run, { ops: [chart] }, { supports: (_set, version) => version !== '1.7' });
    expect(result.skipped).toEqual(['charts']);
    expect(standin.workbook.charts('Indsatser')).toEqual([]);
  });

  it('renames a sheet (a hand-edited generated sheet is kept) and refuses a name in use', async () => {
    const fejl: PlanOp = { kind: 'generatedSheet', sheet: 'Fejl', title: 'Fejl', table: 'Fejl', header: ['a'], rows: [['x']], columns: [] };
    const standin = await applied(basePlan, { ops: [fejl] });
    await applyPlan(standin.run, { ops: [{ kind: 'renameSheet', sheet: 'Fejl', to: 'Fejl (gammel)' }, { ...fejl, table: 'Fejl2' }, { kind: 'label', sheet: 'Fejl (gammel)', row: 1, column: 3, text: 'kopi' }] });
    expect(standin.workbook.sheetNames()).toEqual(['Ark1', 'Indsatser', 'Taksonomier', 'Fejl (gammel)', 'Fejl']);
    expect(standin.workbook.value('Fejl (gammel)', 'C1')).toBe('kopi');
    await expect(applyPlan(standin.run, { ops: [{ kind: 'renameSheet', sheet: 'Fejl', to: 'indsatser' }] })).rejects.toThrow(/exists already/);
  });
});
