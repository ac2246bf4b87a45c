/**
 * What the writing commands do not own stays byte for byte (issue 11 item 4): a workbook carrying a
 * user chart, an image, a pivot table with its cache, a sparkline (extLst), notes, a custom XML
 * part and a VBA project (.xlsm content type), run through every writing command with the package
 * writer. Every zip entry of the input that belongs neither to the workbook-level parts a plan must
 * change nor to a sheet the command writes is in the output with the same stored bytes; generated
 * charts are rebuilt next to the user's.
 */
import { readFileSync } from 'fs';
import { posix } from 'path';
import { demoRows } from '../../src/demo/demoData';
import { reconcileWorkbook } from '../../src/operations/reconcile';
import { importRefunds } from '../../src/operations/refundImport';
import { setUpWorkbook } from '../../src/operations/operations';
import { freezeSnapshot, refreshOverview } from '../../src/operations/summarize';
import type { LiveWorkbook } from '../../src/workbook/adapterContract';
import { newXlsxWorkbook, openXlsxWorkbook } from '../../src/xlsx';
import { readWorkbookBuffer } from '../../src/xlsx/reader';
import { zipEntries, zipEntryData, zipEntryRaw } from '../../src/xlsx/zip';
import { rewriteParts } from '../hostile/zip';
import { tempDir } from './fixtures';

const tmp = tempDir('indsats-packagekeep-');
afterAll(() => tmp.cleanup());
const SLOW_MS = 120_000;
const AS_OF = '2016-08-29' as never;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

/** Sheet name → worksheet part, from the workbook part and its relationships. */
function sheetParts(xlsx: Buffer): Map<string, string> {
  const text = (name: string) => zipEntryData(xlsx, zipEntries(xlsx).find((e) => e.name === name)!).toString('utf8');
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*Id="([^"]*)"[^>]*Target="([^"]*)"/g)].map((m) => [m[1], posix.join('xl', m[2])]));
  return new Map([...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].map((m) => [m[1], rels.get(m[2])!]));
}

/** Every part reachable from `part` through relationships (its rels part included). */
function owned(xlsx: Buffer, part: string, out = new Set<string>()): Set<string> {
  out.add(part);
  const relsPart = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  const entry = zipEntries(xlsx).find((e) => e.name === relsPart);
  if (!entry) return out;
  out.add(relsPart);
  for (const m of zipEntryData(xlsx, entry).toString('utf8').matchAll(/Target="([^"]*)"/g)) {
    const target = posix.normalize(posix.join(posix.dirname(part), m[1]));
    if (!out.has(target)) owned(xlsx, target, out);
  }
  return out;
}

/** The demo with the user's own parts on ITMV and in the workbook, as an .xlsm. */
function withUserParts(xlsx: Buffer): Buffer {
  const itmv = sheetParts(xlsx).get('ITMV')!;
  const itmvRels = posix.join(posix.dirname(itmv), '_rels', `${posix.basename(itmv)}.rels`);
  const sparkline =
    '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>' +
    '<x14:sparklines><x14:sparkline><xm:f>ITMV!A5:E5</xm:f><xm:sqref>Z5</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';
  return rewriteParts(
    xlsx,
    (name, text) => {
      if (name === '[Content_Types].xml')
        return text()
          .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
          .replace('<Default ', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/><Default ')
          .replace(
            '</Types>',
            '<Override PartName="/xl/drawings/drawingUser.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
              '<Override PartName="/xl/charts/chartUser.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
              '<Override PartName="/xl/pivotTables/pivotTableUser.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
              '<Override PartName="/xl/pivotCache/pivotCacheDefinitionUser.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
              '<Override PartName="/xl/pivotCache/pivotCacheRecordsUser.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>' +
              '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
          );
      if (name === 'xl/_rels/workbook.xml.rels')
        return text().replace(
          '</Relationships>',
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>' +
            `<Relationship Id="rIdPivotCache" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinitionUser.xml"/>` +
            `<Relationship Id="rIdCustom" Type="${REL}/customXml" Target="../customXml/item1.xml"/></Relationships>`,
        );
      if (name === 'xl/workbook.xml') return text().replace(/(<\/sheets>(?:<definedNames>[\s\S]*?<\/definedNames>)?(?:<calcPr[^>]*\/>)?)/, '$1<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache"/></pivotCaches>');
      if (name === itmv) return text().replace('<legacyDrawing ', '<drawing r:id="rIdUserDrawing"/><legacyDrawing ').replace('</worksheet>', `${sparkline}</worksheet>`);
      if (name === itmvRels)
        return text().replace('</Relationships>', `<Relationship Id="rIdUserDrawing" Type="${REL}/drawing" Target="../drawings/drawingUser.xml"/><Relationship Id="rIdUserPivot" Type="${REL}/pivotTable" Target="../pivotTables/pivotTableUser.xml"/></Relationships>`);
      return undefined;
    },
    [
      { name: 'xl/vbaProject.bin', data: Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(1528, 0x41)]) },
      { name: 'xl/media/imageUser.png', data: PNG, store: true },
      {
        name: 'xl/drawings/drawingUser.xml',
        data: Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
            `<xdr:oneCellAnchor><xdr:from><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Brugerens billede"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>` +
            `<xdr:twoCellAnchor><xdr:from><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>26</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>25</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Brugerens diagram"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
        ),
      },
      { name: 'xl/drawings/_rels/drawingUser.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg" Type="${REL}/image" Target="../media/imageUser.png"/><Relationship Id="rIdChart" Type="${REL}/chart" Target="../charts/chartUser.xml"/></Relationships>`) },
      {
        name: 'xl/charts/chartUser.xml',
        data: Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/>' +
            '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>ITMV!$F$5:$F$9</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>' +
            '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
        ),
      },
      { name: 'xl/pivotTables/pivotTableUser.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Pivot1" cacheId="7" dataCaption="Værdier"><location ref="AA1:AB3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>') },
      { name: 'xl/pivotTables/_rels/pivotTableUser.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinitionUser.xml"/></Relationships>`) },
      { name: 'xl/pivotCache/pivotCacheDefinitionUser.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" r:id="rId1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A4:B9" sheet="ITMV"/></cacheSource><cacheFields count="1"><cacheField name="Deltager-ID" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`) },
      { name: 'xl/pivotCache/_rels/pivotCacheDefinitionUser.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecordsUser.xml"/></Relationships>`) },
      { name: 'xl/pivotCache/pivotCacheRecordsUser.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>') },
      { name: 'customXml/item1.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><kommune xmlns="urn:example:kommune"><sag>42</sag></kommune>') },
      { name: 'customXml/itemProps1.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6B1E0A57-7C2B-4E0A-9C7E-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>') },
      { name: 'customXml/_rels/item1.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`) },
    ],
  );
}

const USER_PARTS = [
  'xl/vbaProject.bin', 'xl/media/imageUser.png', 'xl/drawings/drawingUser.xml', 'xl/drawings/_rels/drawingUser.xml.rels', 'xl/charts/chartUser.xml',
  'xl/pivotTables/pivotTableUser.xml', 'xl/pivotTables/_rels/pivotTableUser.xml.rels', 'xl/pivotCache/pivotCacheDefinitionUser.xml',
  'xl/pivotCache/_rels/pivotCacheDefinitionUser.xml.rels', 'xl/pivotCache/pivotCacheRecordsUser.xml', 'customXml/item1.xml', 'customXml/itemProps1.xml', 'customXml/_rels/item1.xml.rels',
];
/** The parts every plan may change: the workbook's sheet list and relationships, the content types, the styles. */
const WORKBOOK_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

let input: Buffer;

beforeAll(async () => {
  const created = newXlsxWorkbook();
  await setUpWorkbook(created, 'da', undefined, { rows: demoRows() });
  await created.save(tmp.path('demo.xlsx'));
  const wb = await openXlsxWorkbook(readFileSync(tmp.path('demo.xlsx')));
  await refreshOverview(wb, AS_OF, 'da');
  await wb.save(tmp.path('demo-overblik.xlsx'));
  input = withUserParts(readFileSync(tmp.path('demo-overblik.xlsx')));
}, SLOW_MS);

const CSV = ['Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb', '2021-07;0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00'].join('\r\n');

const COMMANDS: { name: string; writes: string[]; run: (wb: LiveWorkbook) => Promise<unknown> }[] = [
  { name: 'repair', writes: [], run: (wb) => setUpWorkbook(wb, 'da') },
  { name: 'summarize', writes: ['Statusrapport', 'Overblik'], run: (wb) => refreshOverview(wb, AS_OF, 'da') },
  { name: 'snapshot', writes: ['Overblik', 'Statusfotos'], run: (wb) => freezeSnapshot(wb, AS_OF, 'da') },
  { name: 'reconcile -o', writes: ['Afstemning'], run: (wb) => reconcileWorkbook(wb, AS_OF, 'da') },
  { name: 'import-refunds', writes: ['Økonomi', 'Refusion', 'Afstemning'], run: (wb) => importRefunds(wb, CSV, 'refusion.csv', AS_OF, 'da') },
];

describe('every writing command keeps the parts it does not own, byte for byte', () => {
  it('the input carries them and reads', () => {
    const names = zipEntries(input).map((e) => e.name);
    for (const p of USER_PARTS) expect(names).toContain(p);
    expect(readWorkbookBuffer(input).sheets.map((s) => s.name)).toContain('ITMV');
  });

  for (const command of COMMANDS) {
    it(command.name, async () => {
      const wb = await openXlsxWorkbook(input);
      expect(wb.keepsMacros).toBe(true);
      await command.run(wb);
      const file = tmp.path(`${command.name.replace(/\W+/g, '-')}.xlsm`);
      await wb.save(file);
      const output = readFileSync(file);
      const before = new Map(zipEntries(input).map((e) => [e.name, e]));
      const after = new Map(zipEntries(output).map((e) => [e.name, e]));
      const sheets = sheetParts(input);
      const writable = new Set(WORKBOOK_PARTS);
      for (const sheet of command.writes) if (sheets.has(sheet)) for (const p of owned(input, sheets.get(sheet)!)) writable.add(p);
      const lost: string[] = [];
      const changed: string[] = [];
      for (const [name, e] of before) {
        if (writable.has(name) || name.endsWith('/')) continue;
        const out = after.get(name);
        if (!out) lost.push(name);
        else if (out.crc32 !== e.crc32 || !zipEntryRaw(output, out).equals(zipEntryRaw(input, e))) changed.push(name);
      }
      expect({ lost, changed }).toEqual({ lost: [], changed: [] });
      for (const p of USER_PARTS) expect(after.has(p)).toBe(true);
      // Still an .xlsm: the workbook's content type is kept.
      const types = zipEntryData(output, after.get('[Content_Types].xml')!).toString('utf8');
      expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
      // Generated charts rebuilt, the user's chart kept: 4 on Overblik + 3 on Statusrapport + 1 (+ Afstemning's own).
      const charts = [...after.keys()].filter((n) => /^xl\/charts\/chart\w*\.xml$/.test(n)).length;
      if (command.name === 'summarize') expect(charts).toBe(8);
      else expect(charts).toBeGreaterThanOrEqual(5);
      // And the output reads.
      expect(readWorkbookBuffer(output).sheets.map((s) => s.name)).toContain('ITMV');
    }, SLOW_MS);
  }
});
