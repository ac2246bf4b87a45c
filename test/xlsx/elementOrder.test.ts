import { orderLegacyDrawing } from '../../src/xlsx/elementOrder';
import { applyPlan, newWorkbook, xlsxBuffer } from '../../src/xlsx';
import { partNames, partText } from './fixtures';

describe('sheet element order', () => {
  it('moves <legacyDrawing> before <tableParts>', () => {
    const xml = '<worksheet><sheetData/><pageMargins/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><legacyDrawing r:id="rId1"/></worksheet>';
    expect(orderLegacyDrawing(xml)).toBe('<worksheet><sheetData/><pageMargins/><legacyDrawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>');
  });
  it('leaves an ordered sheet alone', () => {
    const xml = '<worksheet><sheetData/><drawing r:id="rId3"/><legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>';
    expect(orderLegacyDrawing(xml)).toBe(xml);
  });
  it('writes table sheets with header notes in schema order', async () => {
    const wb = newWorkbook();
    applyPlan(wb, { ops: [
      { kind: 'ensureSheet', sheet: 'Indsatser' },
      { kind: 'createTable', sheet: 'Indsatser', table: 'Indsatser', topLeft: { row: 4, column: 1 }, header: ['ID', 'Navn'], rows: [['ITMV', 'I Tråd Med Verden']] },
      { kind: 'layoutColumns', sheet: 'Indsatser', table: 'Indsatser', columns: [{ header: 'ID', note: 'Kort ID' }] },
    ] });
    const xlsx = await xlsxBuffer(wb);
    const sheet = partText(xlsx, partNames(xlsx).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!);
    expect(sheet.indexOf('<legacyDrawing')).toBeGreaterThan(0);
    expect(sheet.indexOf('<legacyDrawing')).toBeLessThan(sheet.indexOf('<tableParts'));
  });
});
