import { Workbook } from 'exceljs';
import { xlsxBuffer } from '../../src/xlsx';
import { tableXmlFacts } from '../../src/xlsx/tableFixes';
import { validationRanges } from '../../src/xlsx/validations';
import { partText, validationsInXml } from './fixtures';

describe('data validations written through ExcelJS', () => {
  it('come out as one non-overlapping range per rule (ExcelJS alone writes C10:C12 and C2:C12)', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('S');
    const rule = { type: 'list' as const, allowBlank: true, formulae: ['"x,y"'] };
    for (let r = 2; r <= 12; r++) {
      ws.getCell(r, 3).dataValidation = rule;
      ws.getCell(r, 4).dataValidation = rule;
    }
    ws.getCell('F7').dataValidation = { type: 'whole', operator: 'greaterThan', formulae: [0] };
    expect(validationRanges(ws)).toEqual({ 'C2:D12': rule, F7: { type: 'whole', operator: 'greaterThan', formulae: [0] } });

    const xml = partText(await xlsxBuffer(wb), 'xl/worksheets/sheet1.xml');
    expect(validationsInXml(xml).map((v) => v.sqref).sort()).toEqual(['C2:D12', 'F7']);
    // The caller's per-cell model is back after writing.
    expect(ws.getCell('C5').dataValidation).toEqual(rule);
  });
});

describe('table XML facts', () => {
  it('reads name, headerRowCount and hidden filter buttons, with prefixes and entities', () => {
    const xml =
      '<?xml version="1.0"?><x:table xmlns:x="urn" id="3" name="R&amp;D" displayName="R&amp;D" ref="A1:C4" headerRowCount="0">' +
      '<x:autoFilter ref="A1:C4"><x:filterColumn colId="1" hiddenButton="1"/><x:filterColumn colId="2"><x:filters/></x:filterColumn></x:autoFilter></x:table>';
    expect(tableXmlFacts(xml)).toEqual({ name: 'R&D', headerRowCount: '0', hasAutoFilter: true, hiddenButtons: [1] });
    expect(tableXmlFacts('<table name="T" ref="A1:B2"><tableColumns/></table>')).toEqual({ name: 'T', headerRowCount: undefined, hasAutoFilter: false, hiddenButtons: [] });
    expect(tableXmlFacts('<worksheet/>')).toBeUndefined();
  });
});
