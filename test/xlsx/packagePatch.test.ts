/**
 * The package writer on hand-made packages: the shapes of SpreadsheetML other writers produce
 * (prefixed elements, rows and cells without r, no styles part), what it refuses (a shared
 * formula's master cell, Strict OOXML) and how it treats the user's drawing and tab selection.
 */
import { applyPlanToPackage } from '../../src/xlsx/package';
import { readWorkbookBuffer } from '../../src/xlsx/reader';
import { XlsxReadError } from '../../src/xlsx/errors';
import { zipEntries, zipEntryData, zipEntryRaw } from '../../src/xlsx/zip';
import { buildZip, type ZipPart } from '../hostile/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function pkg(sheets: { name: string; xml: string; rels?: string; selected?: boolean }[], extra: ZipPart[] = [], prefix = ''): Buffer {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
          '</Types>',
      ),
    },
    { name: '_rels/.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${R}"><${p}sheets>${sheets.map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</${p}sheets></${p}workbook>`),
    },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s.xml}`) })),
    ...sheets.flatMap((s, i) => (s.rels ? [{ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: Buffer.from(s.rels) }] : [])),
    ...extra,
  ];
  return buildZip(parts);
}

const sheet = (body: string, head = '') => `<worksheet xmlns="${MAIN}" xmlns:r="${R}">${head}<sheetData>${body}</sheetData></worksheet>`;
const part = (bytes: Buffer, name: string) => zipEntryData(bytes, zipEntries(bytes).find((e) => e.name === name)!).toString('utf8');
const cells = (bytes: Buffer, name: string) => readWorkbookBuffer(bytes).sheets.find((s) => s.name === name)!.region!;

describe('the package writer on other writers\' SpreadsheetML', () => {
  it('x:-prefixed elements, no styles part: values go in with the prefix, a styles part is added for a title', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Navn</x:t></x:is></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const input = pkg([{ name: 'Data', xml }], [], 'x');
    const out = applyPlanToPackage(input, { ops: [
      { kind: 'setValues', sheet: 'Data', cells: [{ address: 'B1', value: 'Alder' }, { address: 'A2', value: 3 }, { address: 'B3', value: true }] },
      { kind: 'label', sheet: 'Data', row: 5, column: 1, text: 'Titel', style: 'title' },
    ] });
    const region = cells(out, 'Data');
    expect(region.header).toEqual(['Navn', 'Alder']);
    expect(region.rows).toEqual([[3, null], [7, true], [null, null], ['Titel', null]]);
    expect(part(out, 'xl/worksheets/sheet1.xml')).toContain('<x:c r="B1" t="inlineStr"><x:is><x:t>Alder</x:t></x:is></x:c>');
    expect(zipEntries(out).map((e) => e.name)).toContain('xl/styles.xml');
  });

  it('rows and cells without r: a cell written in the middle keeps every other cell where it was', () => {
    const input = pkg([{ name: 'Data', xml: sheet('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row><c><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>') }]);
    const out = applyPlanToPackage(input, { ops: [{ kind: 'setValues', sheet: 'Data', cells: [{ address: 'C2', value: 'ny' }, { address: 'A4', value: 5 }] }] });
    expect(cells(out, 'Data').rows).toEqual([[2, 3, 'ny'], [4, null, null], [5, null, null]]);
    expect(cells(out, 'Data').header).toEqual(['a', '1', '']);
  });

  it('refuses to overwrite a shared formula\'s master cell, naming the part', () => {
    const input = pkg([{ name: 'Data', xml: sheet('<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>') }]);
    let error: unknown;
    try {
      applyPlanToPackage(input, { ops: [{ kind: 'setValues', sheet: 'Data', cells: [{ address: 'A1', value: 9 }] }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as XlsxReadError).code).toBe('cannot-write');
    expect((error as XlsxReadError).part).toBe('xl/worksheets/sheet1.xml');
    // A dependent cell of the formula can be written.
    expect(cells(applyPlanToPackage(input, { ops: [{ kind: 'setValues', sheet: 'Data', cells: [{ address: 'A2', value: 9 }] }] }), 'Data').rows[0][0]).toBe(9);
  });

  it('refuses rows out of order in a sheet it must write into (a row would be written twice)', () => {
    const input = pkg([{ name: 'Data', xml: sheet('<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>') }]);
    expect(() => applyPlanToPackage(input, { ops: [{ kind: 'setValues', sheet: 'Data', cells: [{ address: 'B1', value: 2 }] }] })).toThrow(/row 1 comes after row 3/);
  });

  it('refuses Strict OOXML', () => {
    const strict = pkg([{ name: 'Data', xml: sheet('') }]);
    const s = buildZip(zipEntries(strict).map((e) => ({ name: e.name, data: Buffer.from(zipEntryData(strict, e).toString('utf8').split(MAIN).join('http://purl.oclc.org/ooxml/spreadsheetml/main')) })));
    expect(() => applyPlanToPackage(s, { ops: [{ kind: 'ensureSheet', sheet: 'Ny' }] })).toThrow(XlsxReadError);
  });

  it('selecting a sheet clears the tab selection of the others (Excel would open them grouped)', () => {
    const input = pkg([
      { name: 'A', xml: sheet('', '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>') },
      { name: 'B', xml: sheet('') },
    ]);
    const out = applyPlanToPackage(input, { ops: [{ kind: 'select', sheet: 'B', address: 'C3' }] });
    expect(part(out, 'xl/worksheets/sheet1.xml')).not.toContain('tabSelected');
    expect(part(out, 'xl/worksheets/sheet2.xml')).toContain('<sheetView workbookViewId="0" tabSelected="1"><selection activeCell="C3" sqref="C3"/></sheetView>');
    expect(part(out, 'xl/workbook.xml')).toContain('<workbookView activeTab="1"/>');
  });

  it('a chart on a sheet with the user\'s own drawing: the user\'s anchors stay, the chart is added to that drawing', () => {
    const anchor = '<xdr:oneCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="1" cy="1"/><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="7" name="Brugerens figur"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>';
    const drawing = `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchor}</xdr:wsDr>`;
    const input = pkg(
      [{ name: 'Data', xml: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>y</t></is></c><c r="B2"><v>2</v></c></row>').replace('</worksheet>', '<drawing r:id="rIdD"/></worksheet>'), rels: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdD" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>` }],
      [{ name: 'xl/drawings/drawing1.xml', data: Buffer.from(drawing) }],
    );
    const out = applyPlanToPackage(input, { ops: [{ kind: 'chart', sheet: 'Data', chart: { name: 'Nyt', type: 'bar', title: 'T', from: { row: 4, column: 1 }, to: { row: 10, column: 4 }, categories: 'A1:A2', series: [{ name: 'S', values: 'B1:B2' }] } }] });
    const written = part(out, 'xl/drawings/drawing1.xml');
    expect(written).toContain(anchor);
    expect(written).toContain('name="Nyt"');
    expect(written.match(/<xdr:cNvPr id="(\d+)"/g)).toEqual(['<xdr:cNvPr id="7"', '<xdr:cNvPr id="8"']);
    expect(part(out, 'xl/charts/chart1.xml')).toContain('<c:v>2</c:v>');
    // The sheet part itself did not need to change: it references the same drawing.
    const raw = (b: Buffer) => zipEntryRaw(b, zipEntries(b).find((e) => e.name === 'xl/worksheets/sheet1.xml')!);
    expect(raw(out).equals(raw(input))).toBe(true);
  });
});
