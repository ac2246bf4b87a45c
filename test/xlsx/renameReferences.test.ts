/**
 * The package writer carries a rename into every formula part, as Excel does in its interface: a
 * table column renamed by writing its header cell, a renamed table, a renamed sheet. Cells (shared
 * masters included, `[@Col]` in the table's own cells), calculatedColumnFormula and
 * totalsRowFormula, defined names, data validations, conditional formats, chart series, pivot
 * cache sources; formulas written by the plan before the rename. Parts no rename touches are copied
 * as stored; a part the writer cannot patch safely is refused, nothing written.
 */
import { applyPlanToPackage } from '../../src/xlsx/package';
import { readWorkbookBuffer } from '../../src/xlsx/reader';
import { XlsxReadError } from '../../src/xlsx/errors';
import { zipEntries, zipEntryRaw } from '../../src/xlsx/zip';
import type { Plan } from '../../src/workbook/plan';
import { partText, zipOf } from './fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;

interface Options {
  dataCells?: string;
  /** The Dobbelt column's calculatedColumnFormula. */
  calculated?: string;
  otherCells?: string;
}

/** Data (table Tabel1 A1:D5 with a totals row and a calculated column), "Andet ark" with formulas, a chart and validations, a pivot cache. */
function workbook(o: Options = {}): Buffer {
  const dataCells = o.dataCells ??
    `<row r="1">${str('A1', 'Navn')}${str('B1', 'Status')}${str('C1', 'Antal')}${str('D1', 'Dobbelt')}</row>` +
    `<row r="2">${str('A2', 'a')}${str('B2', 'x')}${num('C2', 1)}<c r="D2"><f t="shared" ref="D2:D4" si="0">[@Antal]*2</f><v>2</v></c><c r="E2"><f>[@Antal]</f><v>0</v></c></row>` +
    `<row r="3">${str('A3', 'b')}${str('B3', 'y')}${num('C3', 2)}<c r="D3"><f t="shared" si="0"/><v>4</v></c></row>` +
    `<row r="4">${str('A4', 'c')}${str('B4', 'x')}${num('C4', 3)}<c r="D4"><f>Tabel1[[#This Row],[Antal]]*2</f><v>6</v></c></row>` +
    `<row r="5">${str('A5', 'I alt')}<c r="C5"><f>SUBTOTAL(109,Tabel1[Antal])</f><v>6</v></c></row>`;
  const otherCells = o.otherCells ??
    `<row r="1"><c r="A1"><f>SUM(Tabel1[Antal])</f><v>6</v></c><c r="B1"><f>'Data'!B2&amp;Data!A1:A3</f><v>0</v></c></row>` +
    `<row r="2"><c r="A2" t="str"><f>"Tabel1[Antal]"&amp;"Data!A1"</f><v>Tabel1[Antal]Data!A1</v></c><c r="B2" t="str"><f>Tabel1[[#Headers],[Antal]]</f><v>Antal</v></c></row>`;
  const other =
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${otherCells}</sheetData>` +
    `<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>Data!$C$2&gt;1</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="list" sqref="C1"><formula1>Data!$B$2:$B$4</formula1></dataValidation></dataValidations>` +
    `<drawing r:id="rId1"/><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    `<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list"><x14:formula1><xm:f>Data!$A$2:$A$4</xm:f></x14:formula1><xm:sqref>D1</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;
  return zipOf({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Andet ark" sheetId="2" r:id="rId2"/></sheets>` +
      `<definedNames><definedName name="I_alt">SUM(Tabel1[Antal])</definedName><definedName name="Omr">Data!$A$1:$D$5</definedName><definedName name="Tekst">"Data!A1"</definedName></definedNames>` +
      `<pivotCaches><pivotCache cacheId="1" r:id="rId3"/></pivotCaches></workbook>`,
    'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'worksheet', 'worksheets/sheet2.xml'], ['rId3', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml']]),
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${dataCells}</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
    'xl/worksheets/_rels/sheet1.xml.rels': rels([['rId1', 'table', '../tables/table1.xml']]),
    'xl/tables/table1.xml':
      `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${MAIN}" id="1" name="Tabel1" displayName="Tabel1" ref="A1:D5" totalsRowCount="1"><autoFilter ref="A1:D4"/><tableColumns count="4">` +
      `<tableColumn id="1" name="Navn" totalsRowLabel="I alt"/><tableColumn id="2" name="Status"/><tableColumn id="3" name="Antal" totalsRowFunction="custom"><totalsRowFormula>SUBTOTAL(109,Tabel1[Antal])</totalsRowFormula></tableColumn>` +
      `<tableColumn id="4" name="Dobbelt"><calculatedColumnFormula>${o.calculated ?? 'Tabel1[[#This Row],[Antal]]*2'}</calculatedColumnFormula></tableColumn></tableColumns></table>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0" encoding="UTF-8"?>${other}`,
    'xl/worksheets/_rels/sheet2.xml.rels': rels([['rId1', 'drawing', '../drawings/drawing1.xml']]),
    'xl/drawings/drawing1.xml': `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
    'xl/drawings/_rels/drawing1.xml.rels': rels([['rId1', 'chart', '../charts/chart1.xml']]),
    'xl/charts/chart1.xml': `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:ser><c:tx><c:strRef><c:f>'Data'!$C$1</c:f></c:strRef></c:tx><c:val><c:numRef><c:f>Data!$C$2:$C$4</c:f></c:numRef></c:val></c:ser></c:chartSpace>`,
    'xl/pivotCache/pivotCacheDefinition1.xml': `<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="${MAIN}"><cacheSource type="worksheet"><worksheetSource ref="A1:D4" sheet="Data"/></cacheSource></pivotCacheDefinition>`,
  });
}

const RENAMES: Plan = {
  ops: [
    { kind: 'setValues', sheet: 'Data', cells: [{ address: 'C1', value: 'Stk', expected: 'Antal' }] },
    { kind: 'renameTable', table: 'Tabel1', to: 'Deltagere' },
    { kind: 'renameSheet', sheet: 'Data', to: 'Mine data' },
  ],
};

const rawOf = (bytes: Buffer, name: string) => zipEntryRaw(bytes, zipEntries(bytes).find((e) => e.name === name)!);

describe('the package writer carries renames into the formulas', () => {
  const input = workbook();
  const out = applyPlanToPackage(input, RENAMES);

  it('the table part: its column, calculated column and totals row formulas', () => {
    const table = partText(out, 'xl/tables/table1.xml');
    expect(table).toContain('name="Deltagere" displayName="Deltagere"');
    expect(table).toContain('<tableColumn id="3" name="Stk" totalsRowFunction="custom"><totalsRowFormula>SUBTOTAL(109,Deltagere[Stk])</totalsRowFormula>');
    expect(table).toContain('<calculatedColumnFormula>Deltagere[[#This Row],[Stk]]*2</calculatedColumnFormula>');
    expect(readWorkbookBuffer(out).sheets.find((s) => s.name === 'Mine data')!.tables[0].header).toEqual(['Navn', 'Status', 'Stk', 'Dobbelt']);
  });

  it('[@Col] in the calculated column refers to its own table', () => {
    const renamed = applyPlanToPackage(workbook({ calculated: '[@Antal]*2+[@[Status]]' }), { ops: [RENAMES.ops[0]] });
    expect(partText(renamed, 'xl/tables/table1.xml')).toContain('<calculatedColumnFormula>[@Stk]*2+[@[Status]]</calculatedColumnFormula>');
  });

  it('the table\'s own cells: [@Col] in a shared master, [[#This Row],[Col]]; [@Col] outside the table stays', () => {
    const data = partText(out, 'xl/worksheets/sheet1.xml');
    expect(data).toContain('<c r="D2"><f t="shared" ref="D2:D4" si="0">[@Stk]*2</f><v>2</v></c>');
    expect(data).toContain('<c r="D3"><f t="shared" si="0"/><v>4</v></c>');
    expect(data).toContain('<f>Deltagere[[#This Row],[Stk]]*2</f>');
    expect(data).toContain('<f>SUBTOTAL(109,Deltagere[Stk])</f>');
    expect(data).toContain('<c r="E2"><f>[@Antal]</f>');
  });

  it('another sheet: cells, validation, conditional format; string literals stay', () => {
    const other = partText(out, 'xl/worksheets/sheet2.xml');
    expect(other).toContain('<f>SUM(Deltagere[Stk])</f>');
    expect(other).toContain("<f>'Mine data'!B2&amp;'Mine data'!A1:A3</f>");
    expect(other).toContain('<f>"Tabel1[Antal]"&amp;"Data!A1"</f>');
    expect(other).toContain('<f>Deltagere[[#Headers],[Stk]]</f>');
    expect(other).toContain("<formula>'Mine data'!$C$2&gt;1</formula>");
    expect(other).toContain("<formula1>'Mine data'!$B$2:$B$4</formula1>");
    expect(other).toContain("<x14:formula1><xm:f>'Mine data'!$A$2:$A$4</xm:f></x14:formula1>");
  });

  it('defined names, chart series, the pivot cache\'s source', () => {
    const wb = partText(out, 'xl/workbook.xml');
    expect(wb).toContain('<definedName name="I_alt">SUM(Deltagere[Stk])</definedName>');
    expect(wb).toContain("<definedName name=\"Omr\">'Mine data'!$A$1:$D$5</definedName>");
    expect(wb).toContain('<definedName name="Tekst">"Data!A1"</definedName>');
    expect(partText(out, 'xl/charts/chart1.xml')).toContain("<c:f>'Mine data'!$C$1</c:f></c:strRef></c:tx><c:val><c:numRef><c:f>'Mine data'!$C$2:$C$4</c:f>");
    expect(partText(out, 'xl/pivotCache/pivotCacheDefinition1.xml')).toContain('<worksheetSource ref="A1:D4" sheet="Mine data"/>');
  });

  it('renaming back gives the original formulas', () => {
    const back = applyPlanToPackage(out, { ops: [
      { kind: 'renameSheet', sheet: 'Mine data', to: 'Data' },
      { kind: 'renameTable', table: 'Deltagere', to: 'Tabel1' },
      { kind: 'setValues', sheet: 'Data', cells: [{ address: 'C1', value: 'Antal', expected: 'Stk' }] },
    ] });
    const formulas = (b: Buffer, part: string) => [...partText(b, part).matchAll(/<(?:\w+:)?(?:f|formula1?|definedName|calculatedColumnFormula|totalsRowFormula)\b[^>]*>[^<]*</g)].map((m) => m[0].replace(/'Data'!|Data!/g, 'Data!'));
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/tables/table1.xml', 'xl/workbook.xml', 'xl/charts/chart1.xml']) {
      expect(formulas(back, part)).toEqual(formulas(input, part));
    }
  });

  it('a formula the plan wrote before the rename follows it', () => {
    const written = applyPlanToPackage(input, { ops: [
      { kind: 'setValues', sheet: 'Andet ark', cells: [{ address: 'D1', value: { formula: 'COUNTIF(Tabel1[Status],"x")' } }] },
      { kind: 'renameTable', table: 'Tabel1', to: 'Deltagere' },
    ] });
    expect(partText(written, 'xl/worksheets/sheet2.xml')).toContain('<f>COUNTIF(Deltagere[Status],&quot;x&quot;)</f>');
  });

  it('parts no formula of which names the renamed column are copied as stored', () => {
    const renamed = applyPlanToPackage(input, { ops: [{ kind: 'setValues', sheet: 'Data', cells: [{ address: 'A1', value: 'Deltager' }] }] });
    for (const part of ['xl/worksheets/sheet2.xml', 'xl/workbook.xml', 'xl/charts/chart1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml']) {
      expect(rawOf(renamed, part).equals(rawOf(input, part))).toBe(true);
    }
    expect(partText(renamed, 'xl/tables/table1.xml')).toContain('<tableColumn id="1" name="Deltager" totalsRowLabel="I alt"/>');
  });

  it('refuses a part it cannot patch safely, naming it (nothing written)', () => {
    const refusal = (bytes: Buffer, plan: Plan): XlsxReadError => {
      try {
        applyPlanToPackage(bytes, plan);
      } catch (e) {
        return e as XlsxReadError;
      }
      throw new Error('not refused');
    };
    const cdata = workbook({ otherCells: '<row r="1"><c r="A1"><f><![CDATA[SUM(Tabel1[Antal])]]></f></c></row>' });
    const e1 = refusal(cdata, { ops: [RENAMES.ops[1]] });
    expect(e1).toBeInstanceOf(XlsxReadError);
    expect(e1.code).toBe('cannot-write');
    expect(e1.part).toBe('xl/worksheets/sheet2.xml');
    const comment = workbook({ otherCells: '<row r="1"><c r="A1"><f>SUM(Tabel1[Antal])<!-- x --></f></c></row>' });
    expect(refusal(comment, { ops: [RENAMES.ops[1]] }).part).toBe('xl/worksheets/sheet2.xml');
    const noAddress = workbook({
      dataCells: `<row r="1">${str('A1', 'Navn')}${str('B1', 'Status')}${str('C1', 'Antal')}${str('D1', 'Dobbelt')}</row><row r="2"><c><v>1</v></c><c/><c/><c><f>[@Antal]*2</f></c></row>`,
    });
    const e2 = refusal(noAddress, { ops: [RENAMES.ops[0]] });
    expect(e2.code).toBe('cannot-write');
    expect(e2.part).toBe('xl/worksheets/sheet1.xml');
  });
});
