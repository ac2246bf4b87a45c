/**
 * The package writer (src/xlsx/package) against the ExcelJS path: the same operation on the same
 * input, once with each writer, gives the same read shape when both outputs are read back with the
 * streaming reader; and the package writer's output keeps every part it did not change.
 */
import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { demoRows } from '../../src/demo/demoData';
import { reconcileWorkbook } from '../../src/operations/reconcile';
import { importRefunds } from '../../src/operations/refundImport';
import { applySuggestions, setUpWorkbook, validate, writeFindingsSheet } from '../../src/operations/operations';
import { freezeSnapshot, refreshOverview } from '../../src/operations/summarize';
import type { LiveWorkbook } from '../../src/workbook/adapterContract';
import { newXlsxWorkbook, openXlsxWorkbook } from '../../src/xlsx';
import { WRITER_ENV } from '../../src/xlsx/fileWorkbook';
import { applyPlanToPackage, HANDLERS } from '../../src/xlsx/package';
import { readWorkbookBuffer } from '../../src/xlsx/reader';
import { resolveLimits } from '../../src/xlsx/reader/limits';
import { XlsxPackage } from '../../src/xlsx/reader/package';
import { nodePlatform } from '../../src/xlsx/reader/platform.node';
import { findCprInWorkbook, planCprMask } from '../../src/workbook/cprMask';
import { XlsxReadError } from '../../src/xlsx/errors';
import { zipEntries, zipEntryData, zipEntryRaw } from '../../src/xlsx/zip';
import { tempDir } from './fixtures';

const tmp = tempDir('indsats-packagewriter-');
afterAll(() => tmp.cleanup());
const SLOW_MS = 120_000;
const AS_OF = '2016-08-29' as never;

let n = 0;
/** The operation on `input`, once per writer: the saved outputs. */
async function both(input: Buffer, run: (wb: LiveWorkbook) => Promise<unknown>): Promise<{ exceljs: Buffer; package: Buffer; active: Record<string, string> }> {
  const out: Record<string, Buffer> = {};
  const active: Record<string, string> = {};
  const saved = process.env[WRITER_ENV];
  try {
    for (const writer of ['exceljs', 'package']) {
      process.env[WRITER_ENV] = writer;
      const wb = await openXlsxWorkbook(input);
      await run(wb);
      active[writer] = await wb.activeSheet();
      const file = tmp.path(`${writer}-${++n}.xlsx`);
      await wb.save(file);
      out[writer] = readFileSync(file);
    }
  } finally {
    if (saved === undefined) delete process.env[WRITER_ENV];
    else process.env[WRITER_ENV] = saved;
  }
  return { exceljs: out.exceljs, package: out.package, active };
}

const readShape = (bytes: Buffer) => readWorkbookBuffer(bytes);

/** Sheets by name (the order a rebuilt generated sheet lands in is compared separately). */
function expectSameRead(a: Buffer, b: Buffer): void {
  const ra = readShape(a);
  const rb = readShape(b);
  expect(rb.sheets.map((s) => s.name)).toEqual(ra.sheets.map((s) => s.name));
  for (const s of ra.sheets) expect({ sheet: s.name, read: rb.sheets.find((x) => x.name === s.name) }).toEqual({ sheet: s.name, read: s });
  expect(rb.texts).toEqual(ra.texts);
}

/** The print areas and title rows in workbook.xml, as `localSheetId name formula` (quotes unescaped), sorted. */
function printNames(bytes: Buffer): string[] {
  const entry = zipEntries(bytes).find((e) => e.name === 'xl/workbook.xml')!;
  const xml = zipEntryData(bytes, entry).toString('utf8').replace(/&apos;/g, "'");
  return [...xml.matchAll(/<definedName name="(_xlnm\.Print_(?:Area|Titles))" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => `${m[2]} ${m[1]} ${m[3]}`).sort();
}

/** A worksheet part's print set-up elements, in the order they are in the part. */
function printElements(bytes: Buffer, sheet: string): string[] {
  const pkg = new XlsxPackage(bytes, 'x', resolveLimits(), nodePlatform);
  const wb = pkg.text('xl/workbook.xml')!;
  const id = /<sheet\b[^>]*>/g;
  let rid = '';
  for (const m of wb.matchAll(id)) if (m[0].includes(`name="${sheet}"`)) rid = /r:id="([^"]*)"/.exec(m[0])![1];
  const rels = pkg.text('xl/_rels/workbook.xml.rels')!;
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${rid}"`).exec(rels)!;
  const part = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, 'xl/');
  const xml = pkg.text(part)!;
  return [...xml.matchAll(/<(pageSetUpPr|pageSetup|rowBreaks|brk|oddFooter)\b[^>]*>(?:([^<]*)<\/oddFooter>)?/g)].map((m) => {
    const attrs = ['fitToPage', 'paperSize', 'orientation', 'fitToWidth', 'fitToHeight', 'id', 'man'].map((a) => new RegExp(`\\b${a}="([^"]*)"`).exec(m[0])?.[1]).filter((v) => v !== undefined);
    return [m[1], ...attrs, m[2]].filter((v) => v !== undefined).join(' ');
  });
}

const entries = (bytes: Buffer) => new Map(zipEntries(bytes).filter((e) => !e.name.endsWith('/')).map((e) => [e.name, e]));

let demo: Buffer;
let demoWithOverview: Buffer;

beforeAll(async () => {
  const created = newXlsxWorkbook();
  await setUpWorkbook(created, 'da', undefined, { rows: demoRows() });
  await created.save(tmp.path('demo.xlsx'));
  demo = readFileSync(tmp.path('demo.xlsx'));
  const wb = await openXlsxWorkbook(demo);
  await refreshOverview(wb, AS_OF, 'da');
  await wb.save(tmp.path('demo-overblik.xlsx'));
  demoWithOverview = readFileSync(tmp.path('demo-overblik.xlsx'));
}, SLOW_MS);

describe('the package writer gives the read shape the ExcelJS path gives', () => {
  it('repair on a complete workbook changes nothing; on a plain range it makes the tables', async () => {
    const same = await both(demo, (wb) => setUpWorkbook(wb, 'da'));
    expectSameRead(same.exceljs, same.package);

    const plain = new ExcelJS.Workbook();
    const ws = plain.addWorksheet('Indsatser');
    ws.addRow(['Indsats-ID', 'Navn', 'Startdato']);
    ws.addRow(['ITMV', 'IT-medarbejder', new Date(Date.UTC(2016, 5, 6))]);
    const bytes = Buffer.from(await plain.xlsx.writeBuffer());
    const out = await both(bytes, (wb) => setUpWorkbook(wb, 'da'));
    expectSameRead(out.exceljs, out.package);
    expect(readShape(out.package).sheets.flatMap((s) => s.tables.map((t) => t.table))).toContain('Indsatser');
  }, SLOW_MS);

  it('Overblik (a generated sheet with charts), built and rebuilt', async () => {
    const first = await both(demo, (wb) => refreshOverview(wb, AS_OF, 'da'));
    expectSameRead(first.exceljs, first.package);
    expect(first.active).toEqual({ exceljs: 'Statusrapport', package: 'Statusrapport' });
    const again = await both(demoWithOverview, (wb) => refreshOverview(wb, AS_OF, 'da'));
    expectSameRead(again.exceljs, again.package);
    // The charts are rebuilt: four on Overblik and three on Statusrapport in, as many out (the ExcelJS path rebuilds them too).
    const charts = (b: Buffer) => zipEntries(b).filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name)).length;
    expect(charts(demoWithOverview)).toBe(7);
    expect(charts(again.package)).toBe(7);
    // The report is moved first and prints: its print area in absolute rows, scoped to its new position.
    expect(readShape(again.package).sheets.map((s) => s.name).slice(0, 2)).toEqual(readShape(again.exceljs).sheets.map((s) => s.name).slice(0, 2));
    expect(printNames(again.package)).toEqual(printNames(again.exceljs));
    // The old Overblik's parts are gone, not left behind unreferenced.
    expect(zipEntries(again.package).filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).length).toBe(zipEntries(demoWithOverview).filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).length);
  }, SLOW_MS);

  it('Afstemning, Fejl, Statusfotos (twice) and a refund import', async () => {
    const rec = await both(demoWithOverview, (wb) => reconcileWorkbook(wb, AS_OF, 'da'));
    expectSameRead(rec.exceljs, rec.package);
    const fejl = await both(demoWithOverview, async (wb) => writeFindingsSheet(wb, (await validate(wb, 'workbook', AS_OF)).findings, AS_OF, 'da'));
    expectSameRead(fejl.exceljs, fejl.package);
    const snap = await both(demoWithOverview, async (wb) => {
      await freezeSnapshot(wb, AS_OF, 'da');
      await freezeSnapshot(wb, '2016-09-01' as never, 'da');
    });
    expectSameRead(snap.exceljs, snap.package);
    const csv = ['Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb', '2021-07;0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00'].join('\r\n');
    const refunds = await both(demoWithOverview, (wb) => importRefunds(wb, csv, 'refusion.csv', AS_OF, 'da'));
    expectSameRead(refunds.exceljs, refunds.package);
  }, SLOW_MS);

  it('suggestions written into the user\'s cells, and a plan with every op kind', async () => {
    const sugg = await both(demoWithOverview, async (wb) => {
      const run = await validate(wb, 'workbook', AS_OF);
      await applySuggestions(wb, run.findings.filter((f) => f.suggestion !== undefined));
    });
    expectSameRead(sugg.exceljs, sugg.package);
    const all = await both(demo, (wb) => wb.apply({
      ops: [
        { kind: 'ensureSheet', sheet: 'Noter' },
        { kind: 'label', sheet: 'Noter', row: 1, column: 1, text: 'Titel', style: 'title' },
        { kind: 'label', sheet: 'Noter', row: 2, column: 1, text: 'Under', style: 'subtitle' },
        { kind: 'label', sheet: 'Noter', row: 3, column: 1, text: 'Afsnit', style: 'heading' },
        { kind: 'createTable', sheet: 'Noter', table: 'Noter', topLeft: { row: 4, column: 1 }, header: ['Dato', 'Beløb', 'Tekst'], rows: [[new Date(Date.UTC(2020, 0, 2)), 1.5, ' mellemrum '], [null, { formula: 'B5*2' }, 'a & b <c>']] },
        { kind: 'addColumns', sheet: 'Noter', table: 'Noter', headers: ['Ekstra'] },
        { kind: 'layoutColumns', sheet: 'Noter', table: 'Noter', columns: [{ header: 'Dato', numberFormat: 'dd-mm-yyyy', width: 12, note: 'En note' }, { header: 'Beløb', numberFormat: '#,##0.00 "kr."', listValues: ['1', '2'] }] },
        { kind: 'appendRows', sheet: 'Noter', table: 'Noter', rows: [[new Date(Date.UTC(2021, 1, 3)), 7, 'x', true]] },
        { kind: 'highlight', sheet: 'Noter', table: 'Noter', column: 'Tekst', rules: [{ text: 'x', tone: 'good' }] },
        { kind: 'freeze', sheet: 'Noter', rows: 4, columns: 1 },
        // A header cell written renames the table's column.
        { kind: 'setValues', sheet: 'Noter', cells: [{ address: 'C4', value: 'Beskrivelse' }] },
        { kind: 'setValues', sheet: 'Noter', cells: [{ address: 'F1', value: 42 }] },
        { kind: 'chart', sheet: 'Noter', chart: { name: 'Diagram', type: 'column', title: 'T', from: { row: 10, column: 1 }, to: { row: 20, column: 6 }, categories: 'C5:C7', series: [{ name: 'Beløb', values: 'B5:B7' }] } },
        { kind: 'renameTable', table: 'Noter', to: 'Noter2' },
        { kind: 'renameSheet', sheet: 'Noter', to: 'Noter 2' },
        { kind: 'select', sheet: 'Noter 2', address: 'B5' },
        { kind: 'ensureSheet', sheet: 'Tom' },
        { kind: 'tableFromRange', sheet: 'Noter 2', table: 'Fra', ref: 'H1:I1' },
        { kind: 'pageSetup', sheet: 'Noter 2', setup: { orientation: 'portrait', printArea: 'A1:I40', titleRows: { first: 4, last: 4 }, breaksBefore: [20, 30], footer: { left: 'Noter && mere', right: 'Side &P af &N' } } },
        { kind: 'moveSheet', sheet: 'Noter 2', position: 0 },
        { kind: 'moveSheet', sheet: 'Tom', position: 1 },
      ],
    }));
    expectSameRead(all.exceljs, all.package);
    expect(all.active).toEqual({ exceljs: 'Noter 2', package: 'Noter 2' });
    expect(readShape(all.package).sheets.map((s) => s.name).slice(0, 2)).toEqual(['Noter 2', 'Tom']);
    expect(readShape(all.package).sheets[0].tables.find((t) => t.table === 'Noter2')!.header).toContain('Beskrivelse');
    expect(printNames(all.package)).toEqual(["0 _xlnm.Print_Area 'Noter 2'!$A$1:$I$40", "0 _xlnm.Print_Titles 'Noter 2'!$4:$4"]);
    expect(printNames(all.package)).toEqual(printNames(all.exceljs));
    expect(printElements(all.package, 'Noter 2')).toEqual(printElements(all.exceljs, 'Noter 2'));
    expect(printElements(all.package, 'Noter 2')).toEqual(['pageSetUpPr 1', 'pageSetup 9 portrait 1 0', 'oddFooter &amp;LNoter &amp;&amp; mere&amp;RSide &amp;P af &amp;N', 'rowBreaks', 'brk 19 1', 'brk 29 1']);
  }, SLOW_MS);

  it('maskText masks a note, a hyperlink, a defined name and the document properties as the ExcelJS path does', async () => {
    const cpr = '010190-1234';
    const book = new ExcelJS.Workbook();
    book.creator = `Sagsbehandler ${cpr}`;
    const ws = book.addWorksheet('Ark');
    ws.getCell('A1').value = 'Borger';
    ws.getCell('A1').note = `Ring til ${cpr}`;
    ws.getCell('B1').value = { text: 'Journal', hyperlink: `https://journal.example/${cpr}`, tooltip: `Sag ${cpr}` };
    book.definedNames.add("'Ark'!$A$1", 'Borger_0101901234');
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const hits = findCprInWorkbook(readShape(bytes));
    expect(hits.map((h) => h.place).sort()).toEqual(['comment', 'definedName', 'hyperlink', 'property']);
    const out = await both(bytes, async (wb) => wb.apply(planCprMask(findCprInWorkbook(await wb.read()))));
    for (const writer of [out.exceljs, out.package]) expect(findCprInWorkbook(readShape(writer))).toEqual([]);
    expectSameRead(out.exceljs, out.package);
    const text = (b: Buffer) => zipEntries(b).filter((e) => /\.(xml|rels)$/.test(e.name)).map((e) => zipEntryData(b, e).toString('utf8')).join('\n');
    expect(text(out.package)).not.toMatch(/010190-?1234/);
    expect(text(out.package)).toContain('Ring til 010190-****');
    expect(text(out.package)).toContain('Borger_010190xxxx');
  }, SLOW_MS);
});

describe('the package writer keeps what it does not change', () => {
  it('copies every untouched entry raw: same compressed bytes, same CRC', async () => {
    const out = applyPlanToPackage(demoWithOverview, { ops: [{ kind: 'setValues', sheet: 'ITMV', cells: [{ address: 'C5', value: 'x' }] }] });
    const before = entries(demoWithOverview);
    const after = entries(out);
    const changed = [...before.keys()].filter((name) => !after.has(name) || !zipEntryRaw(out, after.get(name)!).equals(zipEntryRaw(demoWithOverview, before.get(name)!)));
    expect(changed.sort()).toEqual(['xl/worksheets/sheet3.xml']);
    expect(readShape(out).sheets.find((s) => s.name === 'ITMV')!.tables[0].rows[0][2]).toBe('x');
  });

  it('a hand-edited Overblik kept aside keeps its charts, pointing at its own cells', async () => {
    const read = readShape(demoWithOverview);
    const table = read.sheets.find((x) => x.name === 'Overblik')!.tables[0];
    const edited = applyPlanToPackage(demoWithOverview, { ops: [{ kind: 'setValues', sheet: 'Overblik', cells: [{ address: `B${table.headerRow + 1}`, value: 'Rettet i hånden' }] }] });
    const wb = await openXlsxWorkbook(edited);
    await refreshOverview(wb, AS_OF, 'da');
    await wb.save(tmp.path('kept.xlsx'));
    const out = readFileSync(tmp.path('kept.xlsx'));
    const names = readShape(out).sheets.map((x) => x.name);
    const kept = names.find((x) => x.startsWith('Overblik rettet'))!;
    expect(kept).toBeDefined();
    const charts = zipEntries(out).filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name)).map((e) => zipEntryData(out, e).toString('utf8').replace(/&apos;/g, "'"));
    expect(charts.length).toBe(11);
    expect(charts.filter((c) => c.includes(`'${kept}'!`)).length).toBe(4);
    expect(charts.filter((c) => c.includes("'Overblik'!")).length).toBe(4);
    expect(charts.filter((c) => c.includes("'Statusrapport'!")).length).toBe(3);
  }, SLOW_MS);

  it('refuses an unknown op kind clearly, before writing', () => {
    expect(HANDLERS.label).toBeDefined();
    let error: unknown;
    try {
      applyPlanToPackage(demo, { ops: [{ kind: 'pageSetupX', sheet: 'ITMV' } as never] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as XlsxReadError).code).toBe('cannot-write');
    expect((error as Error).message).toContain('pageSetupX');
  });

  it('writes XML every part of which parses (no broken markup)', () => {
    const out = applyPlanToPackage(demoWithOverview, { ops: [{ kind: 'freeze', sheet: 'ITMV', rows: 2, columns: 1 }] });
    expect(() => readWorkbookBuffer(out)).not.toThrow();
    for (const e of zipEntries(out)) {
      if (!/\.(xml|rels)$/.test(e.name)) continue;
      const text = zipEntryData(out, e).toString('utf8');
      expect(text.split('<').length).toBe(text.split('>').length);
    }
  });
});
