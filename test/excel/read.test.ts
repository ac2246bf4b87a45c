import { readWorkbook } from '../../src/excel/adapter';
import { readXlsx } from '../../src/xlsx';
import { createStandin } from '../standin/excelStandin';
import { officeShaped, specFromExcelJs } from './helpers';
import { sampleWorkbook } from '../helpers/sampleWorkbook';

describe('readWorkbook (Office.js) against the xlsx reader', () => {
  it('gives the xlsx reader\'s WorkbookRead, with dates as serials and errors as text, in 3 syncs', async () => {
    const wb = sampleWorkbook();
    const xlsx = await readXlsx(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const standin = createStandin(specFromExcelJs(xlsx.workbook));
    const read = await readWorkbook(standin.run);
    expect(read).toEqual(officeShaped(xlsx.read));
    expect(standin.stats.syncs).toBe(3);
    // Spot checks of what Office.js-shaped means.
    expect(read.sheets[0].tables[0].rows[0]).toEqual(['Alfa', 45296, 1000.5]);
    expect(read.sheets[0].tables[1].rows[1]).toEqual(['K2', '#N/A', '#DIV/0!']);
    expect(read.sheets[1].region?.ref).toBe('B2:F9');
    expect(read.sheets[0].merged).toEqual(['B1:D1']);
    expect(read.sheets[1].formulas).toEqual({ F3: '=D3*10', D5: '=D3+1', D9: '=SUM(D3:D5)' });
  });

  it('reads only the sheets asked for', async () => {
    const xlsx = await readXlsx(Buffer.from((await sampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer));
    const standin = createStandin(specFromExcelJs(xlsx.workbook));
    const read = await readWorkbook(standin.run, { sheets: ['noter', 'Findes ikke'] });
    expect(read.sheets.map((s) => s.name)).toEqual(['Noter']);
    expect(read.sheets[0].region?.header).toEqual(['Navn', 'Dato', 'Antal', '', '']);
  });

  it('leaves merged areas and formulas out on Excel without ExcelApi 1.13 / 1.9', async () => {
    const xlsx = await readXlsx(Buffer.from((await sampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer));
    const standin = createStandin(specFromExcelJs(xlsx.workbook));
    const read = await readWorkbook(standin.run, { supports: (set, version) => set === 'ExcelApi' && Number(version.split('.')[1]) < 9 });
    expect(read.sheets[0].merged).toEqual([]);
    expect(read.sheets[0].formulas).toBeUndefined();
    expect(read.sheets[0].tables.map((t) => t.table)).toEqual(['Indsatser', 'Koder']);
  });

  it('reads a table with a totals row and one without header row as the xlsx reader reports them', async () => {
    const standin = createStandin({
      sheets: [{
        name: 'Ark1',
        cells: { B2: 'Navn', C2: 'Antal', B3: 'a', C3: 1, B4: 'b', C4: 2, B5: 'I alt', C5: { value: 3, formula: '=SUBTOTAL(109,C3:C4)' }, F3: 'x', G3: 7 },
        tables: [
          { name: 'Med', ref: 'B2:C5', showTotals: true },
          { name: 'Uden', ref: 'F3:G3', showHeaders: false, columns: ['Kolonne1', 'Kolonne2'] },
        ],
      }],
    });
    const [sheet] = (await readWorkbook(standin.run)).sheets;
    expect(sheet.tables[0]).toMatchObject({ table: 'Med', header: ['Navn', 'Antal'], headerRow: 2, rows: [['a', 1], ['b', 2]], ref: 'B2:C5' });
    expect(sheet.tables[1]).toMatchObject({ table: 'Uden', header: ['Kolonne1', 'Kolonne2'], headerRow: 2, firstColumn: 6, rows: [['x', 7]], ref: 'F3:G3' });
  });

  it('gives an empty workbook in two syncs and no data load', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    expect(await readWorkbook(standin.run)).toEqual({ sheets: [{ name: 'Ark1', tables: [], merged: [], formulas: {} }] });
    expect(standin.stats.syncs).toBe(2);
  });
});
