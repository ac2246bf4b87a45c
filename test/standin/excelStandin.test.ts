/** The stand-in behaves like Office.js where the adapter's correctness depends on it. */
import { createStandin, installGlobals } from './excelStandin';

type Ctx = Excel.RequestContext;

describe('Excel stand-in', () => {
  it('makes properties readable only after load and sync (PropertyNotLoaded)', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1', cells: { A1: 1 } }] });
    await standin.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem('Ark1').getRange('A1:B1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      await context.sync();
      expect(range.values).toEqual([[1, '']]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(standin.stats.syncs).toBe(1);
  });

  it('queues writes until sync, binds new objects when their command runs, and reports null objects', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    await standin.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.add('Ny');
      sheet.getRange('A1:B2').values = [['Navn', 'Antal'], ['a', 1]];
      const table = sheet.tables.add('A1:B2', true);
      table.name = 'T';
      expect(standin.workbook.sheetNames()).toEqual(['Ark1']);
      const missing = context.workbook.worksheets.getItemOrNullObject('Findes ikke').load('name');
      const used = context.workbook.worksheets.getItem('Ark1').getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
    expect(standin.workbook.tables()).toEqual([expect.objectContaining({ name: 'T', sheet: 'Ny', address: 'A1:B2', columns: ['Navn', 'Antal'] })]);
  });

  it('types written strings in as Excel does, and applies a single number format to a whole range', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    await standin.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem('Ark1');
      sheet.getRange('A1:F1').values = [['0042', "'0042", '=1+1', 'true', '#N/A', '50%']];
      sheet.getRange('A2:A5').numberFormat = '0.00' as unknown as string[][];
      sheet.getRange('B2:B3').numberFormat = [['@']];
      await context.sync();
    });
    expect(standin.workbook.values('Ark1', 'A1:F1')).toEqual([[42, '0042', null, true, '#N/A', 0.5]]);
    expect(standin.workbook.formula('Ark1', 'C1')).toBe('=1+1');
    expect(standin.workbook.numberFormat('Ark1', 'A5')).toBe('0.00');
    expect(standin.workbook.numberFormat('Ark1', 'B3')).toBe('@');
    await expect(standin.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem('Ark1').getRange('A1:B2').values = [[1, 2, 3]];
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('counts syncs and payload, refuses batches over its payload limit, and simulates cell edit mode', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] }, { payloadLimit: 1000 });
    const big = [Array.from({ length: 100 }, () => 'tekst tekst')];
    await expect(standin.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem('Ark1').getRange('A1:CV1').values = big;
      await context.sync();
    })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(standin.workbook.value('Ark1', 'A1')).toBeNull();
    standin.setCellEditMode(true);
    await expect(standin.run(async (context: Ctx) => context.sync())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(standin.stats.syncs).toBe(2);
  });

  it('installs Excel and Office globals for code written against office.js', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    const restore = installGlobals(standin, { isSetSupported: (_set, version) => version !== '1.8' });
    try {
      expect(await Office.onReady()).toEqual({ host: 'Excel', platform: 'PC' });
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
      expect(Office.context.displayLanguage).toBe('da-DK');
      const name = await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
        await context.sync();
        return sheet.name;
      });
      expect(name).toBe('Ark1');
    } finally {
      restore();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });
});
