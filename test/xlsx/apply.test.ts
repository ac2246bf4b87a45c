import { readFileSync, writeFileSync } from 'fs';
import { Workbook } from 'exceljs';
import type { Plan } from '../../src/workbook/plan';
import { applyPlan, FORMAT_ROWS_BELOW, newWorkbook, PlanConflictError, readXlsx, VALIDATION_TEXTS, writeXlsx, xlsxBuffer } from '../../src/xlsx';
import { validationContainer } from '../../src/xlsx/internals';
import { partText, tempDir, utc, validationsInXml } from './fixtures';
import { basePlan, layoutPlan } from '../helpers/adapterPlans';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function roundTrip(workbook: Workbook, name: string) {
  const file = tmp.path(name);
  await writeXlsx(workbook, file);
  return { file, ...(await readXlsx(file)) };
}

describe('applyPlan: createTable', () => {
  it('creates sheets and tables that survive a write and a reopen', async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    const { read, file } = await roundTrip(workbook, 'create.xlsx');
    expect(read.sheets.map((s) => s.name)).toEqual(['Indsatser', 'Taksonomier']);
    const [indsatser, noter] = read.sheets[0].tables;
    expect(indsatser).toMatchObject({
      table: 'Indsatser', header: ['Navn', 'Start', 'Beløb', 'Målgruppe'], headerRow: 4, firstColumn: 1, ref: 'A4:D7',
      rows: [
        ['Alfa', utc(2024, 1, 5), 1000.5, 'Unge'],
        ['Beta', utc(2024, 12, 31), 25, 'Ledige'],
        ['Gamma', null, 0, null],
      ],
    });
    // An empty table gets one empty data row (Excel needs one).
    expect(noter).toMatchObject({ table: 'Noter', header: ['Note'], headerRow: 4, firstColumn: 10, ref: 'J4:J5', rows: [[null]] });
    expect(read.sheets[1].tables[0]).toMatchObject({ table: 'Målgrupper', ref: 'A1:B3', rows: [['A', 'Unge'], ['B', 'Ledige']] });

    const xml = partText(readFileSync(file), 'xl/tables/table1.xml');
    expect(xml).toContain('headerRowCount="1"');
    expect(xml).toContain('name="TableStyleMedium2"');
    expect(xml).toContain('showRowStripes="1"');
    expect(xml).not.toContain('hiddenButton="1"');
  });

  it('writes labels only into empty cells, titles bold 14 pt and subtitles italic grey', async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    applyPlan(workbook, { ops: [{ kind: 'label', sheet: 'Indsatser', row: 1, column: 1, text: 'Andet', style: 'subtitle' }] });
    const { workbook: reopened } = await roundTrip(workbook, 'labels.xlsx');
    const ws = reopened.getWorksheet('Indsatser')!;
    expect(ws.getCell('A1').value).toBe('Indsatser');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('A2').font).toMatchObject({ italic: true, color: { argb: 'FF595959' } });
  });

  it('does not create a table over data', () => {
    const workbook = newWorkbook();
    applyPlan(workbook, { ops: [{ kind: 'ensureSheet', sheet: 'S' }] });
    workbook.getWorksheet('S')!.getCell('B3').value = 'typed';
    const op: Plan = { ops: [{ kind: 'createTable', sheet: 's', table: 'T', topLeft: { row: 2, column: 1 }, header: ['a', 'b'], rows: [[1, 2]] }] };
    expect(() => applyPlan(workbook, op)).toThrow(PlanConflictError);
    expect(() => applyPlan(workbook, op)).toThrow(/S!B3/);
    expect(workbook.getWorksheet('S')!.getTables()).toHaveLength(0);
  });
});

describe('applyPlan: names Excel would repair', () => {
  it('refuses invalid table names and over-long sheet names instead of writing a damaged file', () => {
    const workbook = newWorkbook();
    applyPlan(workbook, { ops: [{ kind: 'ensureSheet', sheet: 'S' }] });
    for (const table of ['Min tabel', 'A1', 'R1C1', '1Tabel', 'Tabel-2']) {
      expect(() => applyPlan(workbook, { ops: [{ kind: 'createTable', sheet: 'S', table, topLeft: { row: 1, column: 1 }, header: ['a'], rows: [] }] })).toThrow(/not a valid Excel table name/);
    }
    expect(() => applyPlan(workbook, { ops: [{ kind: 'ensureSheet', sheet: 'x'.repeat(32) }] })).toThrow(/31/);
    expect(() => applyPlan(workbook, { ops: [{ kind: 'ensureSheet', sheet: 'a/b' }] })).toThrow();
    applyPlan(workbook, { ops: [{ kind: 'createTable', sheet: 'S', table: 'Deltagere_ITMV_01', topLeft: { row: 1, column: 1 }, header: ['a'], rows: [] }] });
    expect(workbook.getWorksheet('S')!.getTables()).toHaveLength(1);
  });
});

describe('applyPlan: addColumns on a reopened file', () => {
  async function reopenedBase() {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    applyPlan(workbook, layoutPlan);
    // User styling that must survive.
    const ws = workbook.getWorksheet('Indsatser')!;
    ws.getCell('A5').style = { ...ws.getCell('A5').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } };
    return roundTrip(workbook, 'base.xlsx');
  }

  it('appends columns at the right and keeps every value, style and the other tables', async () => {
    const before = await reopenedBase();
    applyPlan(before.workbook, { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Slut', 'Status'] }] });
    const after = await roundTrip(before.workbook, 'added.xlsx');

    const t0 = before.read.sheets[0].tables[0];
    const t1 = after.read.sheets[0].tables[0];
    expect(t1.header).toEqual([...t0.header, 'Slut', 'Status']);
    expect(t1.ref).toBe('A4:F7');
    expect(t1.rows).toEqual(t0.rows.map((r) => [...r, null, null]));
    expect(t1.numberFormats!.map((r) => r.slice(0, 4))).toEqual(t0.numberFormats);
    // The other tables are untouched.
    expect(after.read.sheets[0].tables[1]).toEqual(before.read.sheets[0].tables[1]);
    expect(after.read.sheets[1]).toEqual(before.read.sheets[1]);

    const ws = after.workbook.getWorksheet('Indsatser')!;
    expect(ws.getCell('A5').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell('B4').note).toBeDefined();
    const xml = partText(readFileSync(after.file), 'xl/tables/table1.xml');
    expect(xml).toContain('ref="A4:F7"');
    expect(xml).toContain('<tableColumn id="6" name="Status"');
  });

  it('is idempotent', async () => {
    const { workbook } = await reopenedBase();
    const op: Plan = { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Slut', 'Navn'] }] };
    applyPlan(workbook, op);
    const once = (await roundTrip(workbook, 'once.xlsx')).read;
    applyPlan(workbook, op);
    expect((await roundTrip(workbook, 'twice.xlsx')).read).toEqual(once);
    expect(once.sheets[0].tables[0].header).toEqual(['Navn', 'Start', 'Beløb', 'Målgruppe', 'Slut']);
  });

  it('refuses to overwrite a value right of the table and names the cell', async () => {
    const { workbook, file } = await reopenedBase();
    workbook.getWorksheet('Indsatser')!.getCell('E6').value = 'brugerens tekst';
    const op: Plan = { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Slut'] }] };
    let error: unknown;
    try {
      applyPlan(workbook, op);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanConflictError);
    expect(error).toMatchObject({ sheet: 'Indsatser', cell: 'E6' });
    expect((error as Error).message).toContain('Indsatser!E6');
    const model = workbook.getWorksheet('Indsatser')!.getTables()[0] as unknown as { table: { tableRef: string } };
    expect(model.table.tableRef).toBe('A4:D7');
    expect(workbook.getWorksheet('Indsatser')!.getCell('E4').value).toBeNull();
    void file;
  });

  it('refuses to grow into another table', async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    const { workbook: reopened } = await roundTrip(workbook, 'neighbour.xlsx');
    const op: Plan = { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['a', 'b', 'c', 'd', 'e', 'f'] }] };
    expect(() => applyPlan(reopened, op)).toThrow(/table "Noter"/);
  });
});

describe('applyPlan: layoutColumns', () => {
  it('writes number formats, notes, widths and drop-downs', async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    applyPlan(workbook, layoutPlan);

    const validations = validationContainer(workbook.getWorksheet('Indsatser')!).model;
    // Data rows 5..7; the drop-down reaches header row + 1000.
    expect(Object.keys(validations)).toEqual(['D5:D1004']);
    expect(validations['D5:D1004']).toEqual({
      type: 'list',
      allowBlank: true,
      formulae: ['INDIRECT("Målgrupper[Navn]")'],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: VALIDATION_TEXTS.errorTitle,
      error: VALIDATION_TEXTS.error,
    });

    const { workbook: reopened, file, read } = await roundTrip(workbook, 'layout.xlsx');
    const ws = reopened.getWorksheet('Indsatser')!;
    const xml = partText(readFileSync(file), 'xl/worksheets/sheet1.xml');
    expect(validationsInXml(xml)).toEqual([
      expect.objectContaining({ sqref: 'D5:D1004', formula: 'INDIRECT("Målgrupper[Navn]")' }),
    ]);
    expect(validationsInXml(xml)[0].attrs).toContain('errorStyle="warning"');
    expect(validationsInXml(partText(readFileSync(file), 'xl/worksheets/sheet2.xml'))).toEqual([
      expect.objectContaining({ sqref: 'A2:A1001', formula: '"A,B"' }),
    ]);

    expect(ws.getCell('B4').note).toBe('Datoen indsatsen startede.'); // ExcelJS loads a plain note as a string
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.getColumn(3).width).toBe(16);
    expect(read.sheets[0].tables[0].numberFormats).toEqual([
      [undefined, 'dd-mm-yyyy', '#,##0.00 "kr."', undefined],
      [undefined, 'dd-mm-yyyy', '#,##0.00 "kr."', undefined],
      [undefined, 'dd-mm-yyyy', '#,##0.00 "kr."', undefined],
    ]);
    // Empty rows below the table get the format too (last row 7 + 500), not further.
    expect(ws.getCell('B507').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('C507').numFmt).toBe('#,##0.00 "kr."');
    expect(ws.findCell(508, 2)?.numFmt).toBeUndefined();
    expect(ws.getCell('A5').numFmt).toBeUndefined();
    // Frozen panes.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
  });

  it('gives the same workbook when applied twice, with one validation per range', async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    applyPlan(workbook, layoutPlan);
    const once = await roundTrip(workbook, 'layout1.xlsx');
    applyPlan(workbook, layoutPlan);
    applyPlan(workbook, basePlan);
    const twice = await roundTrip(workbook, 'layout2.xlsx');
    expect(twice.read).toEqual(once.read);
    expect(Object.keys(validationContainer(workbook.getWorksheet('Indsatser')!).model)).toEqual(['D5:D1004']);

    // And on the reopened workbook, whose validations ExcelJS has expanded to one entry per cell.
    const reopened = once.workbook;
    expect(Object.keys(validationContainer(reopened.getWorksheet('Indsatser')!).model)).toHaveLength(1000);
    applyPlan(reopened, layoutPlan);
    expect(Object.keys(validationContainer(reopened.getWorksheet('Indsatser')!).model)).toEqual(['D5:D1004']);
    const thrice = await roundTrip(reopened, 'layout3.xlsx');
    expect(thrice.read).toEqual(once.read);
    const xml = partText(readFileSync(thrice.file), 'xl/worksheets/sheet1.xml');
    expect(validationsInXml(xml).map((v) => v.sqref)).toEqual(['D5:D1004']);
    expect(xml.match(/<legacyDrawing /g)).toHaveLength(1);
    expect(partText(readFileSync(thrice.file), 'xl/comments1.xml').match(/<comment /g)).toHaveLength(2);
  });

  it('replaces a validation on a range that has changed', () => {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    const ws = workbook.getWorksheet('Indsatser')!;
    ws.getCell('D2000').dataValidation = { type: 'whole', formulae: [1] }; // a user's own rule elsewhere
    validationContainer(ws).model['D3:D10'] = { type: 'list', formulae: ['"x,y"'] }; // overlaps the new range
    applyPlan(workbook, layoutPlan);
    expect(Object.keys(validationContainer(ws).model).sort()).toEqual(['D2000', 'D3:D4', 'D5:D1004']);
  });

  it('does not leak a number format to other cells that share a style after loading', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('S');
    ws.addTable({ name: 'T', ref: 'A1', columns: [{ name: 'a' }, { name: 'b' }], rows: [[1, 2], [3, 4]] });
    for (const a of ['A2', 'A3', 'B2', 'B3', 'D9']) ws.getCell(a).numFmt = '0.0';
    const file = tmp.path('shared-style.xlsx');
    await writeXlsx(wb, file);
    const { workbook } = await readXlsx(file);
    applyPlan(workbook, { ops: [{ kind: 'layoutColumns', sheet: 'S', table: 'T', columns: [{ header: 'a', numberFormat: '0%' }] }] });
    const s = workbook.getWorksheet('S')!;
    expect([s.getCell('A2').numFmt, s.getCell('A3').numFmt]).toEqual(['0%', '0%']);
    expect([s.getCell('B2').numFmt, s.getCell('B3').numFmt, s.getCell('D9').numFmt]).toEqual(['0.0', '0.0', '0.0']);
  });
  it('formats a table reaching row 1 048 576 up to its last row with a cell and FORMAT_ROWS_BELOW more, not a million rows', () => {
    // Before: every row of the table got a cell (repair on such a workbook: over 120 s and 3.2 GB).
    const wb = new Workbook();
    const ws = wb.addWorksheet('S');
    ws.addTable({ name: 'T', ref: 'A1', columns: [{ name: 'a' }, { name: 'b' }], rows: [[1, 2], [3, 4]] });
    (ws.getTables() as unknown as { table: { tableRef: string } }[])[0].table.tableRef = 'A1:B1048576';
    applyPlan(wb, { ops: [{ kind: 'layoutColumns', sheet: 'S', table: 'T', columns: [{ header: 'a', numberFormat: '0%' }] }] });
    expect([ws.getCell('A2').numFmt, ws.getCell('A3').numFmt, ws.findCell(3 + FORMAT_ROWS_BELOW, 1)?.numFmt]).toEqual(['0%', '0%', '0%']);
    expect(ws.findCell(4 + FORMAT_ROWS_BELOW, 1)).toBeUndefined();
    expect(ws.rowCount).toBe(3 + FORMAT_ROWS_BELOW);
    // Applied again: the same rows (the formatted empty cells are not data).
    applyPlan(wb, { ops: [{ kind: 'layoutColumns', sheet: 'S', table: 'T', columns: [{ header: 'a', numberFormat: '0%' }] }] });
    expect(ws.rowCount).toBe(3 + FORMAT_ROWS_BELOW);
  });
});

describe('Excel-written tables (attributes at their defaults)', () => {
  it('keep their header row and filter buttons through read, apply and write', async () => {
    const workbook = newWorkbook();
    applyPlan(workbook, basePlan);
    const bytes = await xlsxBuffer(workbook);
    // Excel omits headerRowCount="1" and writes no <filterColumn> for visible buttons.
    const { rewriteZip } = await import('./fixtures');
    const excelLike = rewriteZip(bytes, (name, data) =>
      /^xl\/tables\//.test(name) ? Buffer.from(data.toString('utf8').replace(/ headerRowCount="1"/, '').replace(/<filterColumn [^>]*\/>/g, '')) : undefined,
    );
    const file = tmp.path('excel-like.xlsx');
    writeFileSync(file, excelLike);
    const { read, workbook: loaded } = await readXlsx(file);
    expect(read.sheets[0].tables[0]).toMatchObject({ header: ['Navn', 'Start', 'Beløb', 'Målgruppe'], headerRow: 4, ref: 'A4:D7' });
    expect(read.sheets[0].tables[0].rows[0][0]).toBe('Alfa');

    applyPlan(loaded, { ops: [{ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Slut'] }] });
    const out = await xlsxBuffer(loaded);
    const xml = partText(out, 'xl/tables/table1.xml');
    expect(xml).toContain('headerRowCount="1"');
    expect(xml).not.toContain('hiddenButton="1"');
    expect((await readXlsx(out)).read.sheets[0].tables[0].header).toEqual(['Navn', 'Start', 'Beløb', 'Målgruppe', 'Slut']);
  });
});

describe('applyPlan: tableFromRange', () => {
  it('turns a typed range into a table without changing its cells', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('Indsatser');
    ws.getCell('B2').value = 'Navn';
    ws.getCell('C2').value = 'Start';
    ws.getCell('B3').value = 'Alfa';
    ws.getCell('C3').value = utc(2024, 2, 1);
    ws.getCell('C3').numFmt = 'dd-mm-yyyy';
    ws.getCell('B4').value = { formula: 'B3&"x"', result: 'Alfax' };
    ws.getCell('C4').value = { formula: '0*1', result: 0 };
    const file = tmp.path('range.xlsx');
    await writeXlsx(wb, file);
    const before = await readXlsx(file);
    expect(before.read.sheets[0].region?.ref).toBe('B2:C4');

    const plan: Plan = { ops: [{ kind: 'tableFromRange', sheet: 'Indsatser', table: 'Indsatser', ref: 'B2:C4' }] };
    applyPlan(before.workbook, plan);
    applyPlan(before.workbook, plan);
    const after = await roundTrip(before.workbook, 'range-table.xlsx');
    const { ref, rows, header, headerRow, firstColumn, numberFormats } = before.read.sheets[0].region!;
    expect(after.read.sheets[0].tables).toEqual([
      { sheet: 'Indsatser', table: 'Indsatser', ref, rows, header, headerRow, firstColumn, numberFormats },
    ]);
    expect(after.read.sheets[0].formulas).toEqual({ B4: '=B3&"x"', C4: '=0*1' });
  });
});
