import { Workbook } from 'exceljs';
import { utc } from '../xlsx/fixtures';

/**
 * The readers' sample: two tables on one sheet (an empty row in the middle of one), a sheet
 * without tables, an empty sheet; every kind of cell value. Both readers' tests start from it.
 */
export function sampleWorkbook(): Workbook {
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
      [null, null, null],
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
  notes.getCell('B5').value = 'y';
  notes.getCell('D5').value = { formula: 'D3+1', result: 6 };
  notes.getCell('E7').value = { text: 'link', hyperlink: 'https://x.dk' };
  notes.getCell('B9').value = 'Sum';
  notes.mergeCells('B9:C9');
  notes.getCell('D9').value = { formula: 'SUM(D3:D5)', result: 11 };
  notes.getCell('D20').numFmt = '0.00'; // formatted but empty: not part of the used range
  wb.addWorksheet('Tom');
  return wb;
}
