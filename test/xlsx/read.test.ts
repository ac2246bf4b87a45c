import { writeFileSync } from 'fs';
import { Workbook } from 'exceljs';
import { loadXlsx, readWorkbook, readXlsx, xlsxBuffer, type XlsxReadResult } from '../../src/xlsx';
import { validationContainer } from '../../src/xlsx/internals';
import { MAX_MERGED_CELLS } from '../../src/xlsx/sheetGuards';
import type { WorkbookRead } from '../../src/workbook/read';
import { bufferOf, partText, rewriteZip, sha256, tempDir, utc, validationsInXml } from './fixtures';
import { sampleWorkbook } from '../helpers/sampleWorkbook';

/** The shared sample, plus a shared formula (ExcelJS's `sharedFormula`), which only this reader sees. */
async function sampleXlsx(): Promise<Buffer> {
  const wb = sampleWorkbook();
  wb.getWorksheet('Noter')!.getCell('F4').value = { sharedFormula: 'F3', result: 0 } as never;
  return bufferOf(wb);
}

const expected: WorkbookRead = {
  sheets: [
    {
      name: 'Indsatser',
      tables: [
        {
          sheet: 'Indsatser',
          table: 'Indsatser',
          header: ['Navn', 'Start', 'Beløb'],
          headerRow: 3,
          firstColumn: 2,
          rows: [
            ['Alfa', utc(2024, 1, 5), 1000.5],
            [null, null, null],
            ['Gamma', utc(2024, 3, 1), 2001],
          ],
          numberFormats: [
            [undefined, 'dd-mm-yyyy', '#,##0.00'],
            [undefined, undefined, undefined],
            [undefined, 'mm-dd-yy', undefined], // ExcelJS's default format for a Date written without one
          ],
          ref: 'B3:D6',
        },
        {
          sheet: 'Indsatser',
          table: 'Koder',
          header: ['Kode', 'Link', 'Tekst'],
          headerRow: 3,
          firstColumn: 6,
          rows: [
            ['K1', 'Jobnet', 'fed tekst'],
            ['K2', { error: '#N/A' }, { error: '#DIV/0!' }],
          ],
          numberFormats: [
            [undefined, undefined, undefined],
            [undefined, undefined, undefined],
          ],
          ref: 'F3:H5',
        },
      ],
      merged: ['B1:D1'],
      formulas: { D6: '=D4*2', H5: '=1/0' },
    },
    {
      name: 'Noter',
      tables: [],
      region: {
        sheet: 'Noter',
        header: ['Navn', 'Dato', 'Antal', '', ''],
        headerRow: 2,
        firstColumn: 2,
        rows: [
          ['x', utc(2023, 12, 24), 5, null, 50],
          [null, null, null, null, 0],
          ['y', null, 6, null, null],
          [null, null, null, null, null],
          [null, null, null, 'link', null],
          [null, null, null, null, null],
          ['Sum', null, 11, null, null], // C9 is covered by the merge B9:C9
        ],
        numberFormats: [
          [undefined, 'dd-mm-yyyy', undefined, undefined, undefined],
          ...Array.from({ length: 6 }, () => [undefined, undefined, undefined, undefined, undefined]),
        ],
        ref: 'B2:F9',
      },
      merged: ['B9:C9'],
      formulas: { F3: '=D3*10', F4: '=D4*10', D5: '=D3+1', D9: '=SUM(D3:D5)' },
    },
    { name: 'Tom', tables: [], merged: [], formulas: {} },
  ],
};

describe('readXlsx', () => {
  const tmp = tempDir();
  let file: string;
  let result: XlsxReadResult;

  beforeAll(async () => {
    file = tmp.path('sample.xlsx');
    writeFileSync(file, await sampleXlsx());
    result = await readXlsx(file);
  });
  afterAll(() => tmp.cleanup());

  it('reads tables, regions, merges and formulas with unwrapped values', () => {
    expect(result.read).toEqual(expected);
  });

  it('gives every row of a table or region the header width', () => {
    for (const s of result.read.sheets) {
      for (const t of [...s.tables, ...(s.region ? [s.region] : [])]) {
        for (const row of t.rows) expect(row).toHaveLength(t.header.length);
        expect(t.numberFormats?.map((r) => r.length)).toEqual(t.rows.map(() => t.header.length));
      }
    }
  });

  it('returns dates as UTC-midnight Date objects', () => {
    const start = result.read.sheets[0].tables[0].rows[0][1] as Date;
    expect(start).toBeInstanceOf(Date);
    expect(start.toISOString()).toBe('2024-01-05T00:00:00.000Z');
  });

  it('reads bytes as well as a path, with the same result', async () => {
    expect((await readXlsx(await sampleXlsx())).read).toEqual(expected);
  });

  it('never modifies the input file', async () => {
    const before = sha256(file);
    const { workbook } = await readXlsx(file);
    // Even changing the loaded workbook must not touch the file.
    workbook.getWorksheet('Indsatser')!.getCell('A1').value = 'changed';
    expect(sha256(file)).toBe(before);
  });
});

describe('readWorkbook on huge sheets costs what the sheets hold', () => {
  // Before: A1 + XFD1048576 ran out of heap (24.7 s, 4.3 GB); a table to row 1 048 576 gave
  // 1 048 572 rows (0.7 s, 520 MB for one table of ten columns).
  it('A1 and XFD1048576 filled: the region is narrowed to the block around A1, the rest counted', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.getCell('A1').value = 'Navn';
    ws.getCell('XFD1048576').value = 'x';
    const read = readWorkbook(wb);
    expect(read.sheets[0].region).toMatchObject({ ref: 'A1', header: ['Navn'], rows: [] });
    expect(read.sheets[0].outside).toEqual({ cells: 1, ref: 'A1:XFD1048576' });
    // The same after a round trip through a file, as the write commands read it.
    expect((await readXlsx(await bufferOf(wb))).read.sheets[0].outside).toEqual({ cells: 1, ref: 'A1:XFD1048576' });
  });

  it('a table reaching row 1 048 576 stops after its last row with a cell', () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addTable({ name: 'T', ref: 'A1', columns: [{ name: 'Navn' }, { name: 'Start' }], rows: [['a', 1], ['b', 2], ['c', 3]] });
    const model = (ws.getTables() as unknown as { table: { tableRef: string } }[])[0].table;
    model.tableRef = 'A1:B1048576';
    const table = readWorkbook(wb).sheets[0].tables[0];
    expect(table).toMatchObject({ ref: 'A1:B1048576', rows: [['a', 1], ['b', 2], ['c', 3]] });
  });

  it('a table larger than maxDenseCells after that is too-large-content, naming the sheet and table', () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addTable({ name: 'T', ref: 'A1', columns: [{ name: 'Navn' }], rows: [['a'], ['b'], ['c']] });
    expect(() => readWorkbook(wb, { maxDenseCells: 2 }, 'x.xlsx')).toThrow(
      expect.objectContaining({ code: 'too-large-content', path: 'x.xlsx', part: 'sheet "Ark1"', message: expect.stringContaining('(table T) spans 3 rows × 1 columns') }),
    );
  });
});

describe('loadXlsx guards against what ExcelJS expands cell by cell', () => {
  /** A one-sheet workbook written by ExcelJS, its sheet XML changed by `change`. */
  async function withSheetXml(change: (xml: string) => string): Promise<Buffer> {
    const wb = new Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.getCell('A1').value = 'Navn';
    ws.getCell('B2').dataValidation = { type: 'whole', operator: 'between', formulae: [1, 9] };
    return rewriteZip(await bufferOf(wb), (name, data) => (name === 'xl/worksheets/sheet1.xml' ? Buffer.from(change(data.toString('utf8'))) : undefined));
  }

  it('keeps a whole-column validation as range entries, not a million cells, and writes it back as it was', async () => {
    // Before: two whole-column rules took 59 s and 1.7 GB through repair; A1:XFD1048576 never finished.
    const bytes = await withSheetXml((xml) =>
      xml.replace('<dataValidations count="1">', '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="N1:N1048576 $O$1:$O$1048576"><formula1>"Ja,Nej"</formula1></dataValidation>'));
    const workbook = await loadXlsx(bytes);
    const model = validationContainer(workbook.getWorksheet('Ark1')!).model;
    expect(Object.keys(model).sort()).toEqual(['B2', 'N1:N1048576', 'O1:O1048576']);
    expect(model['N1:N1048576']).toMatchObject({ type: 'list', formulae: ['"Ja,Nej"'] });
    expect(model['O1:O1048576']).toBe(model['N1:N1048576']);
    const written = validationsInXml(partText(await xlsxBuffer(workbook), 'xl/worksheets/sheet1.xml'));
    expect(written.map((v) => v.sqref).sort()).toEqual(['B2', 'N1:N1048576', 'O1:O1048576']);
  });

  it('refuses merged ranges covering more than MAX_MERGED_CELLS cells, naming the part', async () => {
    const bytes = await withSheetXml((xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="N1:XFD1048576"/></mergeCells>'));
    await expect(loadXlsx(bytes, 'fletning.xlsx')).rejects.toMatchObject({
      code: 'too-large-content', path: 'fletning.xlsx', part: 'xl/worksheets/sheet1.xml', message: expect.stringContaining(`at most ${MAX_MERGED_CELLS.toLocaleString('en')} can be loaded`),
    });
  });
});
