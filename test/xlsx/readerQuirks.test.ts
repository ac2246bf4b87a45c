/**
 * The streaming reader on what other writers produce, one quirk per test, each in a tiny
 * hand-built package: inline strings, t="d"/"e"/"b", the 1904 date system, prefixed and Strict
 * namespaces, rows and cells without `r`, absolute targets, shared formulas, rich shared strings.
 */
import { readWorkbookFile, readWorkbookBuffer } from '../../src/xlsx/reader';
import { XlsxReadError } from '../../src/xlsx';
import { utc, zipOf } from './fixtures';

const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const S = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

interface Pkg {
  sheet: string;
  /** Extra parts, e.g. styles or tables. */
  parts?: Record<string, string>;
  sheetRels?: string;
  workbookPr?: string;
  rels?: string;
  strings?: string;
  styles?: string;
}

const NUMFMT_STYLES = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/></cellXfs>
<dxfs><dxf><numFmt numFmtId="165" formatCode="0.0"/></dxf></dxfs></styleSheet>`;

function pkg(p: Pkg): Buffer {
  const rel = p.rels ?? T;
  return zipOf({
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook xmlns:r="${T}">${p.workbookPr ?? ''}<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': p.styles ?? NUMFMT_STYLES,
    'xl/sharedStrings.xml': p.strings ?? '<sst count="0" uniqueCount="0"/>',
    'xl/worksheets/sheet1.xml': p.sheet,
    ...(p.sheetRels ? { 'xl/worksheets/_rels/sheet1.xml.rels': p.sheetRels } : {}),
    ...p.parts,
  });
}

const sheetXml = (rows: string, after = '') => `<worksheet xmlns:r="${T}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
const region = (b: Buffer) => readWorkbookBuffer(b).sheets[0].region;

describe('readWorkbookFile: writer quirks', () => {
  it('reads inline strings, plain and rich, with _xHHHH_ escapes', () => {
    const r = region(pkg({ sheet: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>fed </t></r><r><t>tekst_x000D_</t></r><rPh><t>x</t></rPh></is></c></row>') }));
    expect(r?.header).toEqual(['Navn', 'fed tekst\r']);
  });

  it('reads rich shared strings (runs joined, phonetic runs left out) and entities', () => {
    const strings = '<sst count="2" uniqueCount="2"><si><t xml:space="preserve"> A &amp; B </t></si><si><r><t>fed</t></r><r><t xml:space="preserve"> tekst</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si></sst>';
    const r = region(pkg({ strings, sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>') }));
    expect(r?.header).toEqual([' A & B ', 'fed tekst']);
  });

  it('reads t="d" (ISO 8601) as UTC dates, t="e" as errors, t="b" as booleans, t="str" as text', () => {
    const r = region(pkg({ sheet: sheetXml('<row r="1"><c r="A1" t="str"><v>h</v></c></row><row r="2"><c r="A2" t="d"><v>2024-01-05</v></c></row>'
      + '<row r="3"><c r="A3" t="d"><v>2024-12-31T12:30:00</v></c></row><row r="4"><c r="A4" t="e"><v>#N/A</v></c></row><row r="5"><c r="A5" t="b"><v>1</v></c></row><row r="6"><c r="A6" t="b"><v>0</v></c></row>') }));
    expect(r?.rows).toEqual([[utc(2024, 1, 5)], [new Date(Date.UTC(2024, 11, 31, 12, 30))], [{ error: '#N/A' }], [true], [false]]);
  });

  it('turns date-formatted serials into UTC dates, in the 1900 and in the 1904 system', () => {
    const rows = '<row r="1"><c r="A1" s="1"><v>45296</v></c><c r="B1" s="2"><v>45296.5</v></c><c r="C1"><v>45296</v></c></row>';
    expect(readWorkbookBuffer(pkg({ sheet: sheetXml(`${rows}<row r="2"><c r="A2" s="1"><v>61</v></c></row>`) })).sheets[0].region).toMatchObject({
      header: ['2024-01-05', '2024-01-05', '45296'],
      rows: [[utc(1900, 3, 1), null, null]], // serial 61 (ExcelJS, like Excel, counts 29-02-1900)
      numberFormats: [['dd-mm-yyyy', undefined, undefined]],
    });
    const r1904 = region(pkg({ workbookPr: '<workbookPr date1904="1"/>', sheet: sheetXml('<row r="1"><c r="A1"><v>0</v></c></row><row r="2"><c r="A2" s="1"><v>0</v></c></row>') }));
    expect(r1904?.rows).toEqual([[utc(1904, 1, 1)]]);
  });

  it('reads SpreadsheetML with a namespace prefix on every element (x:c, x:v …)', () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`;
    const read = readWorkbookBuffer(pkg({ sheet }));
    expect(read.sheets[0].region).toMatchObject({ header: ['a'], rows: [[2]] });
    expect(read.sheets[0].merged).toEqual(['C1:D1']);
  });

  it('reads Strict OOXML relationship types', () => {
    expect(region(pkg({ rels: S, sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }))?.header).toEqual(['1']);
  });

  it('places rows and cells without r by their order', () => {
    const r = region(pkg({ sheet: sheetXml('<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c><v>1</v></c><c r="C2"><v>3</v></c><c><v>4</v></c></row>') }));
    expect(r).toMatchObject({ ref: 'A1:D2', header: ['a', 'b', '', ''], rows: [[1, null, 3, 4]] });
  });

  it('follows absolute relationship targets (/xl/tables/table1.xml, as openpyxl writes them)', () => {
    const b = pkg({
      sheet: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Navn</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Alfa</t></is></c></row>', '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'),
      sheetRels: `<Relationships><Relationship Id="rId1" Type="${T}/table" Target="/xl/tables/table1.xml"/><Relationship Id="rId2" Type="${T}/comments" Target="/xl/comments/comment1.xml"/></Relationships>`,
      parts: { 'xl/tables/table1.xml': '<table name="T" displayName="T" ref="A1:A3"><tableColumns count="1"><tableColumn id="1" name="Navn"/></tableColumns></table>' },
    });
    expect(readWorkbookBuffer(b).sheets[0].tables).toEqual([{
      sheet: 'Ark1', table: 'T', header: ['Navn'], headerRow: 1, firstColumn: 1, ref: 'A1:A3', rows: [['Alfa']], numberFormats: [[undefined]],
    }]);
  });

  it('gives shared-formula followers the master formula moved by their offset (as ExcelJS does)', () => {
    const rows = '<row r="1"><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A1:A2)</f><v>2</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="C3"><f t="shared" si="0"/><v>6</v></c></row>';
    expect(readWorkbookBuffer(pkg({ sheet: sheetXml(rows) })).sheets[0].formulas).toEqual({ B1: '=A1*2+$A$1+SUM(A1:A2)', B2: '=A2*2+$A$1+SUM(A2:A3)', C3: '=B3*2+$A$1+SUM(B3:B4)' });
  });

  it('takes number formats from cellXfs only (not from dxfs), built-in ids included', () => {
    const r = region(pkg({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" s="2"><v>45296</v></c></row>') }));
    expect(r).toMatchObject({ rows: [[utc(2024, 1, 5)]], numberFormats: [['mm-dd-yy']] });
  });

  it('names the part it cannot read', async () => {
    const broken = pkg({ sheet: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>' });
    await expect(readWorkbookFile(broken)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('xl/worksheets/sheet1.xml: ') });
    const badString = pkg({ sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>') });
    await expect(readWorkbookFile(badString)).rejects.toThrow(/sheet1\.xml: cell A1 refers to shared string 7/);
    await expect(readWorkbookFile(Buffer.from('Navn;Start\n'))).rejects.toBeInstanceOf(XlsxReadError);
    await expect(readWorkbookFile(zipOf({ 'readme.txt': 'hej' }))).rejects.toMatchObject({ code: 'not-xlsx' });
  });
});
