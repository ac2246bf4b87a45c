/** The plans both adapter test suites apply (Office.js stand-in and .xlsx), so they check the same behaviour. */
import type { Plan } from '../../src/workbook/plan';
import { utc } from '../xlsx/fixtures';

export const basePlan: Plan = {
  ops: [
    { kind: 'ensureSheet', sheet: 'Indsatser' },
    { kind: 'ensureSheet', sheet: 'Taksonomier' },
    { kind: 'label', sheet: 'Indsatser', row: 1, column: 1, text: 'Indsatser', style: 'title' },
    { kind: 'label', sheet: 'Indsatser', row: 2, column: 1, text: 'Én række pr. indsats', style: 'subtitle' },
    {
      kind: 'createTable', sheet: 'Taksonomier', table: 'Målgrupper', topLeft: { row: 1, column: 1 },
      header: ['Kode', 'Navn'], rows: [['A', 'Unge'], ['B', 'Ledige']],
    },
    {
      kind: 'createTable', sheet: 'Indsatser', table: 'Indsatser', topLeft: { row: 4, column: 1 },
      header: ['Navn', 'Start', 'Beløb', 'Målgruppe'],
      rows: [
        ['Alfa', utc(2024, 1, 5), 1000.5, 'Unge'],
        ['Beta', utc(2024, 12, 31), 25, 'Ledige'],
        ['Gamma', null, 0, null],
      ],
    },
    // A second table on the same sheet, further right.
    { kind: 'createTable', sheet: 'Indsatser', table: 'Noter', topLeft: { row: 4, column: 10 }, header: ['Note'], rows: [] },
  ],
};

export const layoutPlan: Plan = {
  ops: [
    {
      kind: 'layoutColumns', sheet: 'Indsatser', table: 'Indsatser',
      columns: [
        { header: 'start', numberFormat: 'dd-mm-yyyy', width: 12, note: 'Datoen indsatsen startede.' },
        { header: 'Beløb', numberFormat: '#,##0.00 "kr."', width: 16 },
        { header: 'Målgruppe', list: { table: 'Målgrupper', column: 'Navn' }, note: 'Vælg fra listen.' },
        { header: 'Findes ikke', width: 3 },
      ],
    },
    { kind: 'layoutColumns', sheet: 'Taksonomier', table: 'Målgrupper', columns: [{ header: 'Kode', listValues: ['A', 'B'] }] },
    { kind: 'freeze', sheet: 'Indsatser', rows: 4, columns: 1 },
  ],
};
