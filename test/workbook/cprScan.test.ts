/**
 * Issue 10.5 / 16.3: a CPR number in any place of a workbook file is found by the streaming
 * reader's one read (every cell of every sheet, outside the tables too, headers, sheet and table
 * names, notes, threaded comments and their replies, defined names, core/app/custom document
 * properties), reported by validation with masked numbers only, and masked in place by the
 * --mask-cpr plan (every zip part of the written copy holds no CPR digit string).
 */
import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../src/domain/validate';
import { maskCprInName } from '../../src/domain/parse/cpr';
import { findingMessage, maskFinding } from '../../src/i18n/findings';
import { findCprInWorkbook, planCprMask } from '../../src/workbook/cprMask';
import { tablesOf, textsOf, type WorkbookRead } from '../../src/workbook/read';
import { applyPlan, loadXlsx, newWorkbook, readWorkbookBuffer, xlsxBuffer } from '../../src/xlsx';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';
import { cprStrings } from '../hostile/scan';
import { rewriteParts } from '../hostile/zip';

/** CPR number → where it is; each number is in one place only, so a leak names its source. */
const PLACES = {
  '220387-3047': 'cell: a title above the table (outside it)',
  '1208911234': 'cell: a data row of the table',
  '2008071668': 'cell: a number in the table (Alder)',
  '030481-1112': 'cell: a sheet without tables (region)',
  '050592-2223': 'cell: far outside, right of the table',
  '070694-3335': 'header',
  '0605932224': 'tableName',
  '090896-1557': 'sheetName',
  '080795-0446': 'comment: a note',
  '121199-3880': 'comment: a threaded comment',
  '140201-1002': 'comment: a reply in the thread',
  '1009971668': 'definedName: its name',
  '111098-2779': "definedName: its value",
  '1301000991': 'property: core creator',
  '150302-2113': 'property: core description',
  '160403-3224': 'property: app Company',
  '170504-0335': 'property: custom',
  '1806051446': 'cell: a hyperlink text',
  '2604133789': 'hyperlink: its address',
} as const;

async function workbookWithCprEverywhere(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Deltagere');
  ws.getCell('A1').value = 'Sag 220387-3047';
  ws.addTable({
    name: 'Deltagere_0605932224',
    ref: 'A4',
    columns: [{ name: 'Deltager-ID' }, { name: 'Alder' }, { name: 'Bemærkning 070694-3335' }],
    rows: [['D1', 30, 'ring 1208911234'], ['D2', 2008071668, null]],
  });
  ws.getCell('H2').value = 'husk 050592-2223';
  ws.getCell('B5').note = 'Borgeren (080795-0446) ringede';
  ws.getCell('H9').value = { text: 'Sag 1806051446', hyperlink: 'https://example.invalid/sag/2604133789' };
  const notes = wb.addWorksheet('Noter');
  notes.getCell('A1').value = 'Noter';
  notes.getCell('A2').value = 'Mor: 030481-1112';
  wb.addWorksheet('Ark 090896-1557').getCell('A1').value = 'tom';
  wb.definedNames.add("'Noter'!$A$2", 'Borger_1009971668');
  wb.creator = '1301000991';
  wb.description = 'CPR 150302-2113';
  wb.company = 'Firma 160403-3224';
  const plain = Buffer.from(await wb.xlsx.writeBuffer());
  // What ExcelJS cannot write: a threaded comment with a reply, a constant defined name, a custom property.
  const thread = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="C6" dT="2021-01-01T00:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-0000000000A1}"><text>Ring til 121199-3880</text></threadedComment><threadedComment ref="C6" dT="2021-01-02T00:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-0000000000A2}" parentId="{00000000-0000-0000-0000-0000000000A1}"><text>Gjort, 140201-1002</text></threadedComment></ThreadedComments>`;
  const custom = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Sagsnummer"><vt:lpwstr>170504-0335</vt:lpwstr></property></Properties>`;
  const out = rewriteParts(plain, (part, text) => {
    if (part === 'xl/workbook.xml') return text().replace('</definedNames>', '<definedName name="Mor">"111098-2779"</definedName></definedNames>');
    if (part === 'xl/worksheets/_rels/sheet1.xml.rels') return text().replace('</Relationships>', '<Relationship Id="rIdTc1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>');
    if (part === '_rels/.rels') return text().replace('</Relationships>', '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>');
    return undefined;
  }, [
    { name: 'xl/threadedComments/threadedComment1.xml', data: Buffer.from(thread) },
    { name: 'docProps/custom.xml', data: Buffer.from(custom) },
  ]);
  return out;
}

const digits = (s: string) => s.replace(/\D/g, '');
const found = (text: string) => new Set(cprStrings(text).map(digits));
const zipText = (xlsx: Buffer) => zipEntries(xlsx).map((e) => `${e.name}\n${zipEntryData(xlsx, e).toString('utf8')}`).join('\n');

let input: Buffer;
let read: WorkbookRead;
beforeAll(async () => {
  input = await workbookWithCprEverywhere();
  read = readWorkbookBuffer(input);
});

describe('the CPR scan of a file', () => {
  it('finds the number in every place, in the reader\'s one read', () => {
    // The input holds every planted number (the fixture is what it claims).
    expect(found(zipText(input))).toEqual(new Set(Object.keys(PLACES).map(digits)));
    const hits = findCprInWorkbook(read);
    const byNumber = new Map(hits.flatMap((h) => h.numbers.map((n) => [n.slice(0, 6), h] as const)));
    for (const [cpr, place] of Object.entries(PLACES)) {
      const hit = byNumber.get(digits(cpr).slice(0, 6));
      expect({ cpr, place: hit?.place }).toEqual({ cpr, place: place.split(':')[0] });
    }
    expect(byNumber.get('220387')).toMatchObject({ sheet: 'Deltagere', cell: 'A1' });
    expect(byNumber.get('050592')).toMatchObject({ sheet: 'Deltagere', cell: 'H2' });
    expect(byNumber.get('030481')).toMatchObject({ sheet: 'Noter', cell: 'A2', at: expect.anything() });
    expect(byNumber.get('080795')).toMatchObject({ sheet: 'Deltagere', cell: 'B5' });
    expect(byNumber.get('121199')).toMatchObject({ sheet: 'Deltagere', cell: 'C6' });
    expect(byNumber.get('160403')).toMatchObject({ key: 'app:Company' });
    expect(byNumber.get('170504')).toMatchObject({ key: 'custom:Sagsnummer' });
    expect(byNumber.get('260413')).toMatchObject({ sheet: 'Deltagere', cell: 'H9' });
    expect(byNumber.get('100997')).toMatchObject({ key: 'Borger_1009971668' });
    // The number typed as a number stays a number (so --mask-cpr's `expected` matches the cell).
    expect(byNumber.get('200807')?.value).toBe(2008071668);
  });

  it('validation reports each place as CPR_NUMBER with masked numbers only, in messages, --json fields and suggestions', () => {
    const { findings } = validateWorkbook(tablesOf(read), { asOf: '2021-12-31' as never, texts: textsOf(read) });
    const cpr = findings.filter((f) => f.code === 'CPR_NUMBER');
    const masked = new Set(cpr.flatMap((f) => String(f.params.value).split(', ')).map((v) => v.slice(0, 6)));
    expect(masked).toEqual(new Set(Object.keys(PLACES).map((c) => digits(c).slice(0, 6))));
    const shown = cpr.map((f) => JSON.stringify({ ...maskFinding(f), da: findingMessage(f, 'da'), en: findingMessage(f, 'en') })).join('\n');
    expect([...found(shown)]).toEqual([]);
    expect(shown).toContain('220387-****');
    // A cell outside the tables gets the masked text as its suggestion ("Masker CPR-nummeret").
    expect(cpr.find((f) => f.sheet === 'Deltagere' && f.cell === 'A1')).toMatchObject({ suggestion: 'Sag 220387-****', value: 'Sag 220387-3047' });
    expect(cpr.find((f) => f.cell === 'B6' && f.sheet === 'Deltagere')).toMatchObject({ suggestion: '200807-****', value: 2008071668 });
  });

  it('--mask-cpr: the plan masks every place in the copy; no zip part holds a CPR digit string', async () => {
    const plan = planCprMask(findCprInWorkbook(read));
    expect(plan.ops.map((op) => op.kind)).toEqual([...plan.ops.map((op) => op.kind)].sort((a, b) => order(a) - order(b)));
    expect(plan.ops).toContainEqual({ kind: 'renameSheet', sheet: 'Ark 090896-1557', to: 'Ark 090896-xxxx' });
    expect(plan.ops).toContainEqual({ kind: 'renameTable', table: 'Deltagere_0605932224', to: 'Deltagere_060593xxxx' });
    expect(plan.ops).toContainEqual({ kind: 'maskText', target: { place: 'property', key: 'core:creator' } });
    const wb = await loadXlsx(input);
    applyPlan(wb, plan);
    const out = Buffer.from(await xlsxBuffer(wb));
    expect([...found(zipText(out))]).toEqual([]);
    // What was masked is still there, masked; the rest of the user's data is as it was.
    const after = readWorkbookBuffer(out);
    expect(findCprInWorkbook(after)).toEqual([]);
    const sheet = after.sheets.find((s) => s.name === 'Deltagere')!;
    expect(sheet.tables[0]).toMatchObject({ table: 'Deltagere_060593xxxx', header: ['Deltager-ID', 'Alder', 'Bemærkning 070694-****'], rows: [['D1', 30, 'ring 120891-****'], ['D2', '200807-****', null]] });
    expect(after.sheets.map((s) => s.name)).toEqual(['Deltagere', 'Noter', 'Ark 090896-xxxx']);
    expect(after.sheets[1].region?.rows).toEqual([['Mor: 030481-****']]);
    const text = zipText(out);
    for (const masked of ['Borger_100997xxxx', 'Firma 160403-****', 'Borgeren (080795-****) ringede', 'https://example.invalid/sag/260413-****']) expect(text.includes(masked) || masked).toBe(true);
    // Applying it again changes nothing (idempotent): the masked copy has no CPR number to mask.
    expect(planCprMask(findCprInWorkbook(after)).ops).toEqual([]);
  });

  it('maskCprInName gives names Excel accepts', () => {
    expect(maskCprInName('Ark 090896-1557', 'sheet')).toBe('Ark 090896-xxxx');
    expect(maskCprInName('Deltagere_0605932224', 'name')).toBe('Deltagere_060593xxxx');
    expect(maskCprInName('Ingen', 'name')).toBe('Ingen');
  });
});

const order = (kind: string) => ['setValues', 'maskText', 'renameTable', 'renameSheet'].indexOf(kind);

describe('a chart or drawing holding a CPR number', () => {
  it('is found (place drawing, by its part), reported masked, and the masked copy holds none', async () => {
    const wb = newWorkbook();
    applyPlan(wb, {
      ops: [
        { kind: 'ensureSheet', sheet: 'Graf' },
        { kind: 'setValues', sheet: 'Graf', cells: [{ address: 'A1', value: 'a' }, { address: 'B1', value: 1 }] },
        { kind: 'chart', sheet: 'Graf', chart: { name: 'c', type: 'bar', title: 'Diagram XYZ', from: { row: 3, column: 1 }, to: { row: 12, column: 6 }, categories: 'A1:A1', series: [{ name: 'Serie', values: 'B1:B1' }] } },
      ],
    });
    const plain = Buffer.from(await xlsxBuffer(wb));
    const chartPart = zipEntries(plain).map((e) => e.name).find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))!;
    const bytes = rewriteParts(plain, (part, text) => (part === chartPart ? text().replace('Diagram XYZ', 'Diagram 2610141234') : undefined));
    const read = readWorkbookBuffer(bytes);
    const hits = findCprInWorkbook(read);
    expect(hits).toMatchObject([{ place: 'drawing', sheet: 'Graf', key: chartPart, numbers: ['261014-****'] }]);
    const { findings } = validateWorkbook(tablesOf(read), { asOf: '2021-12-31' as never, texts: textsOf(read) });
    const f = findings.find((x) => x.code === 'CPR_NUMBER')!;
    expect(findingMessage(f, 'da')).toMatch(/^En tegning eller et diagram ser ud til at indeholde et CPR-nummer \(261014-\*\*\*\*\)/);
    expect(planCprMask(hits).ops).toEqual([{ kind: 'maskText', target: { place: 'drawing', part: chartPart } }]);
    const loaded = await loadXlsx(bytes);
    applyPlan(loaded, planCprMask(hits));
    expect([...found(zipText(Buffer.from(await xlsxBuffer(loaded))))]).toEqual([]);
  });
});
