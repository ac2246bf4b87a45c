import { writeFileSync } from 'fs';
import { Workbook } from 'exceljs';
import { readXlsx, type XlsxReadResult } from '../../src/xlsx';
import type { WorkbookRead } from '../../src/workbook/read';
import { bufferOf, sha256, tempDir, utc } from './fixtures';

/** Two tables on one sheet, a sheet without tables, an empty sheet; every kind of cell value. */
async function sampleWorkbook(): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Indsatser');
  ws.getCell('B1').value = 'Oversigt';
  ws.mergeCells('B1:D1');
  ws.addTable({
    name: 'Indsatser',
    ref: 'B3',
    columns: [{ name: 'Navn' }, { name: 'Start' }, { name: 'Beløb' }],
    rows: [
      ['Alfa', utc(2024, 1, 5), 1000.5],
      [null, null, null], // an empty row in the middle of a table
      ['Gamma', utc(2024, 3, 1), { formula: 'D4*2', result: 2001 }],
    ],
  });
  ws.getCell('C4').numFmt = 'dd-mm-yyyy';
  ws.getCell('D4').numFmt = '#,##0.00';
  ws.addTable({
    name: 'Koder',
    ref: 'F3',
    columns: [{ name: 'Kode' }, { name: 'Link' }, { name: 'Tekst' }],
    rows: [
      ['K1', { text: 'Jobnet', hyperlink: 'https://jobnet.dk' }, { richText: [{ text: 'fed ', font: { bold: true } }, { text: 'tekst' }] }],
      ['K2', { error: '#N/A' }, { formula: '1/0', result: { error: '#DIV/0!' } }],
    ],
  });

  const notes = wb.addWorksheet('Noter');
  notes.getCell('B2').value = 'Navn';
  notes.getCell('C2').value = 'Dato';
  notes.getCell('D2').value = 'Antal';
  notes.getCell('B3').value = 'x';
  notes.getCell('C3').value = utc(2023, 12, 24);
  notes.getCell('C3').numFmt = 'dd-mm-yyyy';
  notes.getCell('D3').value = 5;
  notes.getCell('F3').value = { formula: 'D3*10', result: 50 };
  notes.getCell('F4').value = { sharedFormula: 'F3', result: 0 } as never;
  notes.getCell('B5').value = 'y';
  notes.getCell('D5').value = { formula: 'D3+1', result: 6 };
  notes.getCell('E7').value = { text: 'link', hyperlink: 'https://x.dk' };
  notes.getCell('B9').value = 'Sum';
  notes.mergeCells('B9:C9');
  notes.getCell('D9').value = { formula: 'SUM(D3:D5)', result: 11 };
  notes.getCell('D20').numFmt = '0.00'; // formatted but empty: not part of the used range

  wb.addWorksheet('Tom');
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
    writeFileSync(file, await sampleWorkbook());
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
    expect((await readXlsx(await sampleWorkbook())).read).toEqual(expected);
  });

  it('never modifies the input file', async () => {
    const before = sha256(file);
    const { workbook } = await readXlsx(file);
    // Even changing the loaded workbook must not touch the file.
    workbook.getWorksheet('Indsatser')!.getCell('A1').value = 'changed';
    expect(sha256(file)).toBe(before);
  });
});
