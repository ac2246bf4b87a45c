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
    expect(first.active).toEqual({ exceljs: 'Overblik', package: 'Overblik' });
    const again = await both(demoWithOverview, (wb) => refreshOverview(wb, AS_OF, 'da'));
    expectSameRead(again.exceljs, again.package);
    // The charts are rebuilt: four in, four out (the ExcelJS path rebuilds them too).
    const charts = (b: Buffer) => zipEntries(b).filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name)).length;
    expect(charts(demoWithOverview)).toBe(4);
    expect(charts(again.package)).toBe(4);
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
        { kind: 'createTable', sheet: 'Noter', table: 'Noter', topLeft: { row: 4, column: 1 }, header: ['Dato', 'Beløb', 'Tekst'], rows: [[new Date(Date.UTC(2020, 0, 2)), 1.5, ' mellemrum '], [null, { formula: 'B5*2' }, 'a & b <c>']] },
        { kind: 'addColumns', sheet: 'Noter', table: 'Noter', headers: ['Ekstra'] },
        { kind: 'layoutColumns', sheet: 'Noter', table: 'Noter', columns: [{ header: 'Dato', numberFormat: 'dd-mm-yyyy', width: 12, note: 'En note' }, { header: 'Beløb', numberFormat: '#,##0.00 "kr."', listValues: ['1', '2'] }] },
        { kind: 'appendRows', sheet: 'Noter', table: 'Noter', rows: [[new Date(Date.UTC(2021, 1, 3)), 7, 'x', true]] },
        { kind: 'highlight', sheet: 'Noter', table: 'Noter', column: 'Tekst', rules: [{ text: 'x', tone: 'good' }] },
        { kind: 'freeze', sheet: 'Noter', rows: 4, columns: 1 },
        { kind: 'setValues', sheet: 'Noter', cells: [{ address: 'F1', value: 42 }] },
        { kind: 'chart', sheet: 'Noter', chart: { name: 'Diagram', type: 'column', title: 'T', from: { row: 10, column: 1 }, to: { row: 20, column: 6 }, categories: 'C5:C7', series: [{ name: 'Beløb', values: 'B5:B7' }] } },
        { kind: 'renameTable', table: 'Noter', to: 'Noter2' },
        { kind: 'renameSheet', sheet: 'Noter', to: 'Noter 2' },
        { kind: 'select', sheet: 'Noter 2', address: 'B5' },
        { kind: 'ensureSheet', sheet: 'Tom' },
        { kind: 'tableFromRange', sheet: 'Noter 2', table: 'Fra', ref: 'H1:I1' },
      ],
    }));
    expectSameRead(all.exceljs, all.package);
    expect(all.active).toEqual({ exceljs: 'Noter 2', package: 'Noter 2' });
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
    expect(charts.length).toBe(8);
    expect(charts.filter((c) => c.includes(`'${kept}'!`)).length).toBe(4);
    expect(charts.filter((c) => c.includes("'Overblik'!")).length).toBe(4);
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
