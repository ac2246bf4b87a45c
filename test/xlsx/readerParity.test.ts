/**
 * The streaming reader (src/xlsx/reader) against the ExcelJS reader (readXlsx): the same
 * WorkbookRead, deep and strict, for every kind of workbook the tests produce: ours (sample,
 * demo, generated sheets, adapter plans, "written by Excel"), LibreOffice's and openpyxl's.
 * openpyxl's files are the one case ExcelJS 4.4 cannot read (absolute relationship targets):
 * there the new reader's values are checked directly.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { applyPlan, newWorkbook, readXlsx, xlsxBuffer } from '../../src/xlsx';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { readWorkbookBuffer as readInBrowser } from '../../src/xlsx/reader/browser';
import type { Plan } from '../../src/workbook/plan';
import type { WorkbookRead } from '../../src/workbook/read';
import { planStructure } from '../../src/workbook/structure';
import { demoRows } from '../../src/demo/demoData';
import { freezeSnapshot, refreshOverview } from '../../src/operations/summarize';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import type { CalendarDate } from '../../src/domain/parse';
import { sampleWorkbook } from '../helpers/sampleWorkbook';
import { basePlan, layoutPlan } from '../helpers/adapterPlans';
import { convertWithLibreOffice, describeWithLibreOffice, removeLibreOfficeProfile } from '../helpers/libreoffice';
import { bufferOf, partText, rewriteZip, tempDir, utc } from './fixtures';

const tmp = tempDir('indsats-parity-');
afterAll(() => tmp.cleanup());

const asOf = '2017-12-31' as CalendarDate;

async function planned(plan: Plan): Promise<Buffer> {
  const wb = newWorkbook();
  applyPlan(wb, plan);
  return xlsxBuffer(wb);
}

const demo = () => planned(planStructure({ sheets: [] }, { rows: demoRows() }));

/** The demo after "Opdater overblik" and a snapshot: generated sheets with formulas and control tables. */
async function demoWithSummary(): Promise<Buffer> {
  const { workbook } = await readXlsx(await demo());
  const live = memoryWorkbook(workbook);
  await refreshOverview(live, asOf, 'da', { show: false });
  await freezeSnapshot(live, asOf, 'da');
  return xlsxBuffer(workbook);
}

async function sample(): Promise<Buffer> {
  const wb = sampleWorkbook();
  wb.getWorksheet('Noter')!.getCell('F4').value = { sharedFormula: 'F3', result: 0 } as never;
  return bufferOf(wb);
}

/** As Excel writes tables: no headerRowCount="1", no <filterColumn> for visible buttons. */
async function excelLike(): Promise<Buffer> {
  return rewriteZip(await planned({ ops: [...basePlan.ops, ...layoutPlan.ops] }), (name, data) =>
    /^xl\/tables\//.test(name) ? Buffer.from(data.toString('utf8').replace(/ headerRowCount="1"/, '').replace(/<filterColumn [^>]*\/>/g, '')) : undefined);
}

const fixtures: [string, () => Promise<Buffer>][] = [
  ['the readers’ sample (tables, region, merges, rich text, hyperlinks, errors, shared formula)', sample],
  ['the demo workbook', demo],
  ['the demo after summarize and snapshot (generated sheets, charts, formulas)', demoWithSummary],
  ['the adapter plans (two tables on a sheet, layout, lists, notes, freeze)', () => planned({ ops: [...basePlan.ops, ...layoutPlan.ops] })],
  ['tables as Excel writes them', excelLike],
  ['an empty table with a label below it, then rows appended', () => planned({ ops: [
    { kind: 'ensureSheet', sheet: 'Indsatser' },
    { kind: 'createTable', sheet: 'Indsatser', table: 'Indsatser', topLeft: { row: 4, column: 1 }, header: ['ID', 'Navn', 'Start'], rows: [] },
    { kind: 'label', sheet: 'Indsatser', row: 10, column: 1, text: 'Note under tabellen' },
    { kind: 'createTable', sheet: 'Indsatser', table: 'Tom', topLeft: { row: 4, column: 6 }, header: ['A'], rows: [] },
    { kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['ITMV', 'I Tråd Med Verden', utc(2016, 1, 1)]] },
  ] })],
];

/** Also checks the task pane's reader (fflate, TextDecoder, a Uint8Array that is no Buffer) against the Node one. */
async function bothReaders(bytes: Buffer): Promise<{ old: WorkbookRead; fresh: WorkbookRead }> {
  const fresh = await readWorkbookFile(bytes);
  expect(readInBrowser(new Uint8Array(bytes))).toStrictEqual(fresh);
  return { old: (await readXlsx(bytes)).read, fresh };
}

describe('readWorkbookFile gives what readXlsx gives', () => {
  it.each(fixtures)('%s', async (_, make) => {
    const { old, fresh } = await bothReaders(await make());
    expect(fresh).toStrictEqual(old);
  });

  it('reads a path as well as bytes', async () => {
    const file = tmp.path('demo.xlsx');
    writeFileSync(file, await demo());
    expect(await readWorkbookFile(file)).toStrictEqual((await readXlsx(file)).read);
  });
});

describeWithLibreOffice('readWorkbookFile on files LibreOffice wrote', () => {
  afterAll(() => removeLibreOfficeProfile());

  it('gives what readXlsx gives for the demo and the sample, saved by LibreOffice', async () => {
    const src = tmp.path('lo-in');
    const out = tmp.path('lo-out');
    mkdirSync(src);
    mkdirSync(out);
    for (const [name, make] of [['demo', demoWithSummary], ['sample', sample]] as const) {
      writeFileSync(`${src}/${name}.xlsx`, await make());
      const converted = readFileSync(await convertWithLibreOffice(`${src}/${name}.xlsx`, 'xlsx', out));
      const { old, fresh } = await bothReaders(converted);
      expect(fresh).toStrictEqual(old);
      expect(fresh.sheets.length).toBeGreaterThan(1);
    }
  }, 240_000);
});

const PYTHON = '/usr/bin/python3';

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A workbook as pandas/openpyxl write it: a table, a note, dates, formulas (no cached values). */
const OPENPYXL_SCRIPT = `
import sys, datetime
from openpyxl import Workbook
from openpyxl.worksheet.table import Table
from openpyxl.comments import Comment
wb = Workbook()
wb.iso_dates = sys.argv[2] == 'iso'
ws = wb.active
ws.title = 'Indsatser'
ws.append(['Navn', 'Start', 'Beløb', 'Dobbelt', 'Aktiv'])
ws.append(['Alfa', datetime.date(2024, 1, 5), 1000.5, '=C2*2', True])
ws.append(['Beta & co', datetime.datetime(2024, 12, 31, 12, 0), 25, '=C3*2', False])
ws['B2'].number_format = 'dd-mm-yyyy'
ws['A2'].comment = Comment('En note', 'Test')
ws.add_table(Table(displayName='Indsatser', ref='A1:E3'))
notes = wb.create_sheet('Noter')
notes['B2'] = 'Overskrift'
notes['B3'] = 7
notes.merge_cells('B5:C5')
notes['B5'] = 'Flettet'
wb.save(sys.argv[1])
`;

/** Runs the suite where openpyxl is installed; in CI (which installs python3-openpyxl) its absence is a failure. */
function describeWithOpenpyxl(name: string, suite: () => void): void {
  if (hasOpenpyxl()) describe(name, suite);
  else if (process.env.CI) describe(name, () => it('has openpyxl (CI installs python3-openpyxl)', () => { throw new Error(`${PYTHON} cannot import openpyxl, but CI is set: .ci/run must install python3-openpyxl.`); }));
  else {
    console.warn(`openpyxl is not installed for ${PYTHON}: skipping "${name}". Install python3-openpyxl to run it.`);
    describe.skip(name, suite);
  }
}

describeWithOpenpyxl('readWorkbookFile on files openpyxl wrote (absolute relationship targets)', () => {
  it.each(['serial', 'iso'])('reads the table, its dates and formulas (dates as %s)', async (dates) => {
    const file = tmp.path(`openpyxl-${dates}.xlsx`);
    execFileSync(PYTHON, ['-c', OPENPYXL_SCRIPT, file, dates]);
    const bytes = readFileSync(file);
    // The quirk this is about: openpyxl's targets start at the package root.
    expect(partText(bytes, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="/xl/tables/table1.xml"');
    const fresh = await readWorkbookFile(file);
    expect(readInBrowser(new Uint8Array(bytes))).toStrictEqual(fresh);
    const old = await readXlsx(file).then((r) => r.read, () => undefined);
    if (old) expect(fresh).toStrictEqual(old); // should ExcelJS ever read them
    const [indsatser, noter] = fresh.sheets;
    expect(indsatser.tables).toHaveLength(1);
    expect(indsatser.tables[0]).toMatchObject({
      sheet: 'Indsatser',
      table: 'Indsatser',
      header: ['Navn', 'Start', 'Beløb', 'Dobbelt', 'Aktiv'],
      headerRow: 1,
      firstColumn: 1,
      ref: 'A1:E3',
      rows: [
        ['Alfa', utc(2024, 1, 5), 1000.5, null, true],
        ['Beta & co', new Date(Date.UTC(2024, 11, 31, 12)), 25, null, false],
      ],
    });
    expect(indsatser.tables[0].numberFormats![0][1]).toBe('dd-mm-yyyy');
    expect(indsatser.formulas).toEqual({ D2: '=C2*2', D3: '=C3*2' });
    expect(noter).toMatchObject({ name: 'Noter', tables: [], merged: ['B5:C5'] });
    expect(noter.region).toMatchObject({ header: ['Overskrift'], headerRow: 2, firstColumn: 2, ref: 'B2:B5', rows: [[7], [null], ['Flettet']] });
  });
});
