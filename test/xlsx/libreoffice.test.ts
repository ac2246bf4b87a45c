/**
 * A second, independent reader: LibreOffice must open what applyPlan + writeXlsx produce, and show
 * the values with their number formats. CI installs LibreOffice, so there a missing soffice fails;
 * locally the test is skipped with a warning.
 */
import { readFileSync, readdirSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { Plan } from '../../src/workbook/plan';
import { applyPlan, newWorkbook, readXlsx, writeXlsx } from '../../src/xlsx';
import { convertWithLibreOffice, CSV_ALL_SHEETS, libreOfficeHookTimeout, removeLibreOfficeProfile, sofficePath } from '../helpers/libreoffice';
import { tempDir, utc } from './fixtures';

/** One CSV per sheet ("<file>-<sheet>.csv"), cell contents as shown (token 9), UTF-8 (76). */

const plan: Plan = {
  ops: [
    { kind: 'ensureSheet', sheet: 'Indsatser' },
    { kind: 'ensureSheet', sheet: 'Taksonomier' },
    { kind: 'label', sheet: 'Indsatser', row: 1, column: 1, text: 'Indsatser', style: 'title' },
    { kind: 'label', sheet: 'Indsatser', row: 2, column: 1, text: 'Én række pr. indsats', style: 'subtitle' },
    { kind: 'createTable', sheet: 'Taksonomier', table: 'Målgrupper', topLeft: { row: 1, column: 1 }, header: ['Kode', 'Navn'], rows: [['A', 'Unge'], ['B', 'Ledige']] },
    {
      kind: 'createTable', sheet: 'Indsatser', table: 'Indsatser', topLeft: { row: 4, column: 1 },
      header: ['Navn', 'Start', 'Beløb', 'Andel', 'Målgruppe'],
      rows: [
        ['Alfa', utc(2024, 1, 5), 1000.5, 0.25, 'Unge'],
        ['Beta', utc(2024, 12, 31), 25, 1, 'Ledige'],
      ],
    },
    { kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Slut'] },
    {
      kind: 'layoutColumns', sheet: 'Indsatser', table: 'Indsatser',
      columns: [
        { header: 'Start', numberFormat: 'dd-mm-yyyy', width: 12, note: 'Startdato' },
        { header: 'Beløb', numberFormat: '#,##0.00 "kr."', width: 16 },
        { header: 'Andel', numberFormat: '0.0%' },
        { header: 'Målgruppe', list: { table: 'Målgrupper', column: 'Navn' }, note: 'Vælg fra listen' },
        { header: 'Slut', numberFormat: 'dd-mm-yyyy' },
      ],
    },
    { kind: 'freeze', sheet: 'Indsatser', rows: 4, columns: 1 },
  ],
};

const soffice = sofficePath();

if (soffice) {
  suite();
} else if (process.env.CI) {
  describe('LibreOffice', () => {
    it('is installed (CI installs it)', () => {
      throw new Error('LibreOffice (soffice/libreoffice) is not on PATH, but CI is set: CI must install libreoffice-calc.');
    });
  });
} else {
  console.warn('LibreOffice (soffice) is not on PATH: skipping test/xlsx/libreoffice.test.ts. Install libreoffice-calc to run it.');
  it.skip('LibreOffice opens the workbooks we write (soffice missing)', () => undefined);
}

function suite(): void {
  describe('LibreOffice opens the workbooks we write', () => {
    const tmp = tempDir('indsats-lo-');
    let csv: Record<string, string>;
    let pdf: Buffer;
    let viaLibreOffice: string;

    beforeAll(async () => {
      const file = tmp.path('plan.xlsx');
      const workbook = newWorkbook();
      applyPlan(workbook, plan);
      await writeXlsx(workbook, file);

      const out = (name: string) => {
        const dir = join(tmp.dir, name);
        mkdirSync(dir);
        return dir;
      };
      const csvDir = out('csv');
      await convertWithLibreOffice(file, CSV_ALL_SHEETS, csvDir);
      csv = Object.fromEntries(readdirSync(csvDir).map((n) => [n, readFileSync(join(csvDir, n), 'utf8')]));
      pdf = readFileSync(await convertWithLibreOffice(file, 'pdf', out('pdf')));
      viaLibreOffice = await convertWithLibreOffice(file, 'xlsx', out('xlsx'));
    }, libreOfficeHookTimeout(3));

    afterAll(() => {
      tmp.cleanup();
      removeLibreOfficeProfile();
    });

    it('shows the values of every sheet, formatted as planned', () => {
      expect(Object.keys(csv).sort()).toEqual(['plan-Indsatser.csv', 'plan-Taksonomier.csv']);
      const lines = csv['plan-Indsatser.csv'].trim().split(/\r?\n/);
      expect(lines.slice(0, 4)).toEqual(['Indsatser,,,,,', 'Én række pr. indsats,,,,,', ',,,,,', 'Navn,Start,Beløb,Andel,Målgruppe,Slut']);
      // Amount: the thousands/decimal separators follow LibreOffice's locale.
      expect(lines[4]).toMatch(/^Alfa,05-01-2024,"?1[.,]000[.,]50 kr\."?,25[.,]0%,Unge,$/);
      expect(lines[5]).toMatch(/^Beta,31-12-2024,25[.,]00 kr\.,100[.,]0%,Ledige,$/);
      // The formatted but empty rows below the table are not data.
      expect(lines).toHaveLength(6);
      expect(csv['plan-Taksonomier.csv'].trim().split(/\r?\n/)).toEqual(['Kode,Navn', 'A,Unge', 'B,Ledige']);
    });

    it('renders a PDF', () => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5000);
    });

    it('keeps the tables, the drop-down and the notes when it saves the file again', async () => {
      const { read, workbook } = await readXlsx(viaLibreOffice);
      expect(read.sheets[0].tables[0]).toMatchObject({ table: 'Indsatser', ref: 'A4:F6', header: ['Navn', 'Start', 'Beløb', 'Andel', 'Målgruppe', 'Slut'] });
      expect(read.sheets[0].tables[0].rows[0]).toEqual(['Alfa', utc(2024, 1, 5), 1000.5, 0.25, 'Unge', null]);
      const ws = workbook.getWorksheet('Indsatser')!;
      // LibreOffice adds a formula2 of "0" to list rules.
      expect(ws.getCell('E5').dataValidation).toMatchObject({ type: 'list', errorStyle: 'warning', errorTitle: 'Ukendt værdi' });
      expect(ws.getCell('E5').dataValidation.formulae[0]).toBe('INDIRECT("Målgrupper[Navn]")');
      expect(ws.getCell('E1004').dataValidation).toBeDefined();
      expect(ws.getCell('E1005').dataValidation).toBeUndefined();
      expect(ws.getCell('B4').note).toBeDefined();
    });
  });
}
