/**
 * *Lav partnerudgave* as the pane does it: the demo in the Office.js stand-in, the partner copy
 * built as .xlsx bytes by the new-workbook builder (src/xlsx/newWorkbookBuilder.ts), read back by
 * the streaming reader, holds what `indsats partner` writes for the demo file — the same tables,
 * headers and values — and nothing of another initiative, no status log, no finance. CPR numbers
 * are masked as in the CLI copy. Opening goes through Excel.createWorkbook (ExcelApi 1.8) or says
 * it cannot.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import { join } from 'path';
import { demoRows } from '../../src/demo/demoData';
import { applyPlan } from '../../src/excel/adapter';
import { excelWorkbook } from '../../src/operations/excelWorkbook';
import { setUpWorkbook } from '../../src/operations/operations';
import { makePartnerWorkbook } from '../../src/operations/portfolio';
import { buildPartnerCopy, openPartnerCopy, PartnerError, partnerInitiatives, toBase64, type PartnerCopy } from '../../src/operations/partnerCopy';
import { CancelledError } from '../../src/operations/operations';
import type { CellValue } from '../../src/domain/parse/cell';
import { planStructure } from '../../src/workbook/structure';
import { tablesOf, type WorkbookRead } from '../../src/workbook/read';
import { newXlsxWorkbook, openXlsxWorkbook } from '../../src/xlsx/fileWorkbook';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/xlsx/reader';
import { createStandin, installGlobals, type Standin } from '../standin/excelStandin';

const all = () => true;

async function demoStandin(): Promise<Standin> {
  const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
  await applyPlan(standin.run, planStructure({ sheets: [] }, { rows: demoRows() }), { supports: all });
  return standin;
}

/** Every table as the reader gives it, dates as day serials (one adapter reads a date as a Date, the other as its serial). */
const contentOf = (read: WorkbookRead) =>
  tablesOf(read).map((t) => ({
    sheet: t.sheet, table: t.table, header: t.header, headerRow: t.headerRow, firstColumn: t.firstColumn,
    rows: t.rows.map((r) => r.map((v: CellValue) => (v instanceof Date ? Math.round(v.getTime() / 86_400_000) + 25_569 : v))),
  }));

const allText = (read: WorkbookRead) => JSON.stringify(read.sheets.map((s) => [s.name, s.tables.map((t) => [t.table, t.header, t.rows]), s.region?.rows ?? []]));

describe('the partner copy built in memory (the pane\'s path)', () => {
  let dir: string;
  let copy: PartnerCopy;
  let read: WorkbookRead;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'indsats-partner-copy-'));
    copy = await buildPartnerCopy(excelWorkbook((await demoStandin()).run, all), 'itmv', 'da');
    read = readWorkbookBuffer(copy.bytes);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is an .xlsx package with ITMV\'s 19 rows, and nothing of another initiative, no status log, no finance', () => {
    expect([...copy.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    expect({ id: copy.id, rows: copy.rows, masked: copy.masked }).toEqual({ id: 'ITMV', rows: 19, masked: 0 });
    const tables = Object.fromEntries(tablesOf(read).filter((t) => t.table).map((t) => [t.table!, t]));
    expect(tables.Indsatser.rows.map((r) => r[0])).toEqual(['ITMV']);
    expect(tables.Deltagere_ITMV.rows).toHaveLength(19);
    expect(tables.Deltagere_ITMV.rows.map((r) => r[0])).toContain('ITMV-001');
    // An empty table keeps one blank row (Excel's tables have at least one).
    for (const empty of ['Statuslog', 'Budget', 'Posteringer']) expect({ empty, rows: (tables[empty]?.rows ?? []).filter((r) => r.some((v) => v !== null && v !== '')) }).toEqual({ empty, rows: [] });
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['Statuslog', 'Budget', 'Posteringer']));
    expect(Object.keys(tables).filter((t) => t.startsWith('Deltagere_'))).toEqual(['Deltagere_ITMV']);
    const text = allText(read);
    for (const other of ['FSM', 'JOBFIRST', 'FSM-001', 'JF-001', 'EMP-001']) expect({ other, found: text.includes(`"${other}"`) }).toEqual({ other, found: false });
  });

  it('holds what `indsats partner` writes for the demo file, table for table and part for part', async () => {
    // The CLI's path: the demo as a file, opened by the file workbook, the copy made into a new file.
    const demoPath = join(dir, 'demo.xlsx');
    const demo = newXlsxWorkbook();
    await setUpWorkbook(demo, 'da', undefined, { rows: demoRows() });
    await demo.save(demoPath);
    const target = newXlsxWorkbook();
    await makePartnerWorkbook(await openXlsxWorkbook(demoPath), target, 'ITMV', 'da');
    const cliPath = join(dir, 'ITMV-partner.xlsx');
    await target.save(cliPath);
    const cli = await readWorkbookFile(cliPath);
    expect(read.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
    expect(contentOf(read)).toEqual(contentOf(cli));
    // And the package itself: every part the same but the creation time (drop-downs, notes, styles, print set-up).
    const parts = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const files = Object.values(zip.files).filter((f) => !f.dir).sort((a, b) => a.name.localeCompare(b.name));
      return Object.fromEntries(await Promise.all(files.map(async (f) => [f.name, f.name === 'docProps/core.xml' ? '' : await f.async('string')])));
    };
    expect(await parts(copy.bytes)).toEqual(await parts(readFileSync(cliPath)));
  }, 120_000);

  it('masks a CPR number in the rows, as the CLI copy does, and counts it', async () => {
    const standin = await demoStandin();
    standin.workbook.userEdit('ITMV', 'J5', [['ring 0101901234']]);
    const masked = await buildPartnerCopy(excelWorkbook(standin.run, all), 'ITMV', 'da');
    expect(masked.masked).toBe(1);
    const row = tablesOf(readWorkbookBuffer(masked.bytes)).find((t) => t.table === 'Deltagere_ITMV')!.rows[0];
    expect(row[9]).toBe('ring 010190-****');
    expect(JSON.stringify(readWorkbookBuffer(masked.bytes).sheets)).not.toContain('0101901234');
  }, 120_000);

  it('refuses an initiative the register does not have, naming the ones it has, and a workbook without a register', async () => {
    const live = excelWorkbook((await demoStandin()).run, all);
    const problem = await buildPartnerCopy(live, 'NOPE', 'da').catch((e: unknown) => (e as PartnerError).problem);
    expect(problem).toMatchObject({ code: 'not-found', id: 'NOPE', known: expect.arrayContaining(['ITMV', 'FSM', 'JOBFIRST']) });
    const empty = excelWorkbook(createStandin({ sheets: [{ name: 'Ark1' }] }).run, all);
    await expect(buildPartnerCopy(empty, 'ITMV', 'da')).rejects.toBeInstanceOf(PartnerError);
    expect(await partnerInitiatives(empty)).toBeUndefined();
  }, 120_000);

  it('stops when cancelled, before it builds anything', async () => {
    const controller = new AbortController();
    const live = excelWorkbook((await demoStandin()).run, all);
    const steps: string[] = [];
    const run = buildPartnerCopy(live, 'ITMV', 'da', { signal: controller.signal, onProgress: (p) => { steps.push(p.step); controller.abort(); } });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(steps).toEqual(['reading']);
  }, 120_000);

  it('lists the register\'s initiatives with their names, in its order, reading only the register\'s sheet', async () => {
    const standin = await demoStandin();
    const live = excelWorkbook(standin.run, all);
    const reads: (string[] | undefined)[] = [];
    const spied = { ...live, read: (options?: { sheets?: string[] }) => (reads.push(options?.sheets), live.read(options)) };
    const list = await partnerInitiatives(spied);
    expect(list?.[0]).toEqual({ id: 'ITMV', name: 'I Tråd Med Verden' });
    expect(list?.map((i) => i.id)).toEqual(demoRows().Indsatser.map((r) => r[0]));
    expect(reads).toEqual([['Indsatser']]);
    // The register on a sheet the user renamed: found in the whole workbook.
    await standin.run(async (context) => {
      context.workbook.worksheets.getItem('Indsatser').name = 'Register';
      await context.sync();
    });
    reads.length = 0;
    expect((await partnerInitiatives(spied))?.map((i) => i.id)).toEqual(list?.map((i) => i.id));
    expect(reads).toEqual([['Indsatser'], undefined]);
  }, 120_000);

  it('opens the copy through Excel.createWorkbook with its base64, and says when this Excel cannot', async () => {
    const standin = createStandin();
    const restore = installGlobals(standin);
    try {
      expect(await openPartnerCopy(copy)).toBe('opened');
      expect(standin.office.createdWorkbooks).toHaveLength(1);
      expect(Buffer.from(standin.office.createdWorkbooks[0], 'base64').equals(Buffer.from(copy.bytes))).toBe(true);
      standin.office.maxVersions.ExcelApi = '1.7';
      expect(await openPartnerCopy(copy)).toBe('unsupported');
      expect(standin.office.createdWorkbooks).toHaveLength(1);
    } finally {
      restore();
    }
    expect(await openPartnerCopy(copy, null)).toBe('unsupported');
    await expect(openPartnerCopy(copy, async () => { throw new Error('extension hardening'); })).rejects.toThrow('extension hardening');
  });

  it('encodes base64 as Buffer does, past the chunk size', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });
});
