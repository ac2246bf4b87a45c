/**
 * Hand-kept workbooks as a project coordinator keeps them before any tool (#10): a merged title
 * row, own headers, dates typed "29/8", "15/8 2016", "1. sep 2016", "29.08.2016", statuses such as
 * "i praktik" and "job (løntilskud)", blank rows, a totals row "I alt 18", a remarks column and a
 * column the model does not have. Built in code with ExcelJS, as Excel would save them.
 */
import ExcelJS from 'exceljs';

export const HAND_SHEET = 'Mine deltagere';

/** Header row 3, data rows 4–23 with blank rows 9 and 16, the totals row 24. */
export const HAND_HEADER = ['Navn/ID', 'Start', 'Målgruppe', 'Trin', 'Forløbsstatus', 'Bemærkninger', 'Telefon', 'Sidst set'];

/** 18 participants: 2 in job (1 ordinary, 1 wage subsidy), 6 in company placement, 7 in a course, 3 ended. */
export const HAND_ROWS: (string | number | Date | null)[][] = [
  ['ITMV-01', '15/8 2016', 'aktivitetsparate (etniske minoritets)kvinder', 3, 'i praktik', 'Praktik i Netto', '40 11 22 33', '29/8'],
  ['ITMV-02', '29/8', 'Aktivitetsparate etniske minoritetskvinder', 'Trin 1', 'I forløb', null, null, '29/8'],
  ['ITMV-03', '1. sep 2016', 'KH-AP', 2, 'Er i 13-ugers forløb', null, '40 22 33 44', '1. sep 2016'],
  ['ITMV-04', '29.08.2016', 'Aktivitetsparate kontanthjælpsmodtagere', null, 'job (ordinær)', 'Fuldtid', null, '29/8'],
  ['ITMV-05', new Date(Date.UTC(2016, 7, 1)), 'KH-AP', null, 'job (løntilskud)', null, null, '29/8'],
  // row 9 blank
  null as never,
  ['ITMV-06', '2/8 2016', 'KH-AP', 3, 'i praktik', null, null, '29/8'],
  ['ITMV-07', '3/8 2016', 'KH-AP', 3, 'i praktik', null, null, '29/8'],
  ['ITMV-08', '4/8 2016', 'KH-AP', 3, 'Er i virksomhedspraktik', null, null, '29/8'],
  ['ITMV-09', '5/8 2016', 'KH-AP', 3, 'Praktik', null, null, '29/8'],
  ['ITMV-10', '8/8 2016', 'KH-AP', 3, 'I virksomhedspraktik', null, null, '29/8'],
  ['ITMV-11', '9/8 2016', 'KH-AP', 1, 'I forløb', null, null, '29/8'],
  // row 16 blank
  null as never,
  ['ITMV-12', '10/8 2016', 'KH-AP', 1, 'I forløb', null, null, '29/8'],
  ['ITMV-13', '11/8 2016', 'KH-AP', 2, 'I forløb', null, null, '29/8'],
  ['ITMV-14', '12/8 2016', 'KH-AP', 2, 'I forløb', 'Startet sent', null, '29/8'],
  ['ITMV-15', 'snart', 'KH-AP', 1, 'I forløb', 'Startdato ikke aftalt', null, '29/8'],
  ['ITMV-16', '15/8 2016', 'KH-AP', 1, 'Afsluttet efter trin 1', 'Visiteret til anden indsats', null, '29/8'],
  ['ITMV-17', '16/8 2016', 'KH-AP', 1, 'Afsluttet efter trin 1', null, null, '29/8'],
  ['ITMV-18', '17/8 2016', 'KH-AP', 1, 'Afsluttet efter trin 1', null, null, '29/8'],
];

/** Sheet rows of the data (row 4 on, the blank rows left out). */
export const HAND_DATA_ROWS = HAND_ROWS.map((r, i) => (r ? 4 + i : 0)).filter(Boolean);
export const HAND_BLANK_ROWS = [9, 16];
export const HAND_TOTALS_ROW = 4 + HAND_ROWS.length;

/** The hand-kept sheet alone in a new workbook (the common case: no model at all). */
export function handKeptWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addHandKeptSheet(wb);
  return wb;
}

export function addHandKeptSheet(wb: ExcelJS.Workbook, name = HAND_SHEET): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = 'I Tråd Med Verden – deltagere 2016';
  ws.mergeCells('A1:H1');
  ws.getRow(3).values = HAND_HEADER;
  HAND_ROWS.forEach((r, i) => {
    if (r) ws.getRow(4 + i).values = r.map((v) => v ?? undefined) as ExcelJS.CellValue[];
  });
  ws.getCell(`A${HAND_TOTALS_ROW}`).value = 'I alt';
  ws.getCell(`B${HAND_TOTALS_ROW}`).value = 18;
  ws.getCell('B8').numFmt = 'dd-mm-yyyy';
  return ws;
}

/** The ITMV reply's status table, as the second extraction (001) has it: tab-separated, pasted into a sheet. */
export const ITMV_STATUS_TABLE = [
  'Status pr. 29/8 for de borgere, som har påbegyndt et forløb hos ITMV i 2016\t',
  'Er kommet i job (1 ordinær beskæftigelse, 1 i løntilskud)\t2',
  'Er i virksomhedspraktik (trin 3)\t6',
  'Er i 13-ugers forløb hos ITMV (Trin 1 og 2 – med henblik på praktik)\t8',
  'Har afsluttet forløbet efter trin 1 med henblik på visitation til anden indsats\t3',
  'I alt\t18',
].join('\n');

/** Tab-separated text pasted into a sheet from A1: one row per line, numbers as numbers. */
export function pasteInto(ws: ExcelJS.Worksheet, text: string, top = 1): void {
  text.split('\n').forEach((line, i) => {
    line.split('\t').forEach((cell, j) => {
      if (cell.trim() === '') return;
      ws.getCell(top + i, j + 1).value = /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : cell;
    });
  });
}

/** The same table as the first extraction (000) has it: the PDF's lines, one per row, counts on lines of their own. */
export const ITMV_STATUS_LINES = [
  'Status pr. 29/8 for de borgere, som har påbegyndt et forløb hos ITMV i 2016',
  'Er kommet i job (1 ordinær beskæftigelse, 1 i',
  'løntilskud)',
  '2',
  'Er i virksomhedspraktik',
  '(trin 3)',
  '6',
  'Er i 13-ugers forløb hos ITMV',
  '(Trin 1 og 2 – med henblik på praktik)',
  '8',
  'Har afsluttet forløbet efter trin 1 med henblik',
  'på visitation til anden indsats',
  '3',
  'I alt  18',
].join('\n');
