/** The indsats command end to end on real files in a temp folder. */
import { copyFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { readXlsx, validationRanges } from '../../src/xlsx';
import { tablesOf } from '../../src/workbook/read';
import { sha256, tempDir } from '../xlsx/fixtures';
import { BIN_TIMEOUT_MS, indsats, indsatsBin } from './helpers';

const tmp = tempDir('indsats-cli-');
afterAll(() => tmp.cleanup());

const demoFile = tmp.path('demo.xlsx');
beforeAll(async () => {
  expect((await indsats('demo', '-o', demoFile)).code).toBe(0);
});

describe('indsats demo', () => {
  it('writes a workbook that validates with no errors (exit 0)', async () => {
    const run = await indsats('validate', demoFile);
    expect(run.code).toBe(0);
    expect(run.out).toContain('0 fejl, 1 advarsel.');
    expect(run.out).toContain('Indsatser!H5\tadvarsel\tCAPACITY_EXCEEDED');
  });

  it('prints findings as JSON with the contract fields', async () => {
    const run = await indsats('validate', demoFile, '--json');
    const findings = JSON.parse(run.out);
    expect(findings).toEqual([{
      sheet: 'Indsatser', cell: 'H5', row: 5, column: 'Pladser', severity: 'warning', code: 'CAPACITY_EXCEEDED',
      message: '14 aktive deltagere pr. 29-08-2016, men indsatsen har kun 12 pladser.',
    }]);
  });

  it('holds the ITMV tracking sheet with 19 courses of 18 citizens and the seed finance lines', async () => {
    const { read } = await readXlsx(demoFile);
    const tables = tablesOf(read);
    const itmv = tables.find((t) => t.table === 'Deltagere_ITMV')!;
    expect(itmv.sheet).toBe('ITMV');
    expect(itmv.rows).toHaveLength(19);
    expect(new Set(itmv.rows.map((r) => r[0])).size).toBe(18);
    const budget = tables.find((t) => t.table === 'Budget')!;
    expect(budget.rows).toEqual([['ITMV', 2017, 'Kommune', 262000, 0.5], ['ITMV', 2017, 'Landsbyggefonden', 262000, null]]);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const before = sha256(demoFile);
    const run = await indsats('demo', '-o', demoFile);
    expect(run.code).toBe(2);
    expect(run.err).toContain('findes allerede');
    expect(sha256(demoFile)).toBe(before);
  });
});

describe('indsats init', () => {
  it('writes all tables with drop-downs bound to the taxonomy tables', async () => {
    const file = tmp.path('empty.xlsx');
    expect((await indsats('init', '-o', file)).code).toBe(0);
    const { workbook, read } = await readXlsx(file);
    expect(tablesOf(read).map((t) => t.table)).toEqual([
      'Mål', 'Målgrupper', 'Statusser', 'Trin', 'Tilbud', 'Enheder', 'Finansiering', 'Indsatsstatus', 'Posteringstyper',
      'Indsatser', 'Statuslog', 'Budget', 'Posteringer',
    ]);
    const formulas = (sheet: string) => Object.values(validationRanges(workbook.getWorksheet(sheet)!)).map((v) => v.formulae?.[0]);
    expect(formulas('Indsatser')).toEqual(expect.arrayContaining(['INDIRECT("Enheder[Navn]")', 'INDIRECT("Indsatsstatus[Navn]")', 'INDIRECT("Tilbud[Navn]")']));
    expect(formulas('Økonomi')).toEqual(expect.arrayContaining(['INDIRECT("Finansiering[Navn]")', 'INDIRECT("Posteringstyper[Navn]")']));
    const run = await indsats('validate', file);
    expect(run.code).toBe(0);
  });
});

describe('indsats repair', () => {
  async function halfFilled(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Indsatser');
    ws.addRow(['ID', 'Navn', 'Start', 'Pladser', 'Status']);
    ws.addRow(['ITMV', 'I Tråd Med Verden', new Date(Date.UTC(2016, 0, 1)), 12, 'I gang']);
    ws.addRow(['FSM', 'Flere skal med', '01-01-2017', null, 'Afsluttet']);
    ws.getCell('A6').value = 'Noter: må ikke slettes'; // below a blank row: not part of the table
    await wb.xlsx.writeFile(file);
  }

  it('adds what is missing, keeps typed data, and changes nothing the second time', async () => {
    const input = tmp.path('half.xlsx');
    await halfFilled(input);
    const before = sha256(input);
    const once = tmp.path('once.xlsx');
    const twice = tmp.path('twice.xlsx');
    const first = await indsats('repair', input, '-o', once);
    expect(first.code).toBe(0);
    expect(sha256(input)).toBe(before); // the input is never written
    const second = await indsats('repair', once, '-o', twice);
    expect(second.out).toContain('intet manglede');
    const a = (await readXlsx(once)).read;
    const b = (await readXlsx(twice)).read;
    expect(b).toEqual(a);

    const register = a.sheets.find((s) => s.name === 'Indsatser')!;
    expect(register.tables[0].table).toBe('Indsatser');
    expect(register.tables[0].rows.map((r) => r.slice(0, 5))).toEqual([
      ['ITMV', 'I Tråd Med Verden', new Date(Date.UTC(2016, 0, 1)), 12, 'I gang'],
      ['FSM', 'Flere skal med', '01-01-2017', null, 'Afsluttet'],
    ]);
    expect(register.tables[0].header.slice(5)).toEqual(['Ansvarlig enhed', 'Mål', 'Målgrupper', 'Slut', 'Tilbud', 'Forløbsuger', 'KPI', 'Status pr.', 'Tema', 'Statustekst']);
    expect(register.tables[0].ref).toBe('A1:O3');
    expect(register.region).toBeUndefined();
    expect(a.sheets.map((s) => s.name)).toEqual(['Indsatser', 'Taksonomier', 'ITMV', 'FSM', 'Statuslog', 'Økonomi']);
  });

  it('stops with a clear message when something is in the way, writing nothing', async () => {
    const input = tmp.path('blocked.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Indsatser');
    ws.addRow(['ID', 'Navn', 'Start', 'Pladser', 'Status', null, 'Noter']);
    ws.addRow(['ITMV', 'I Tråd Med Verden', null, 12, 'I gang']);
    await wb.xlsx.writeFile(input);
    const output = tmp.path('blocked-out.xlsx');
    const run = await indsats('repair', input, '-o', output);
    expect(run).toMatchObject({ code: 2, err: expect.stringContaining('Indsatser!G1 er i vejen') });
    const { existsSync } = await import('fs');
    expect(existsSync(output)).toBe(false);
  });

  it('refuses to write over its input', async () => {
    const run = await indsats('repair', demoFile, '-o', demoFile, '--force');
    expect(run.code).toBe(2);
    expect(run.err).toContain('inputfilen ændres aldrig');
  });
});

describe('bad input', () => {
  const expectUnreadable = async (file: string, message: string) => {
    const before = sha256(file);
    const run = await indsats('validate', file);
    expect(run).toEqual({ code: 2, out: '', err: expect.stringContaining(message) });
    expect(run.err).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    expect(sha256(file)).toBe(before);
  };

  it('a missing file', async () => {
    const run = await indsats('validate', tmp.path('nope.xlsx'));
    expect(run.code).toBe(2);
    expect(run.err).toBe(`${tmp.path('nope.xlsx')} findes ikke.`);
  });
  it('a CSV named .xlsx', async () => {
    const file = tmp.path('data.xlsx');
    writeFileSync(file, 'ID;Navn\nITMV;I Tråd Med Verden\n');
    await expectUnreadable(file, 'er ikke en Excel-projektmappe');
  });
  it('a truncated workbook', async () => {
    const file = tmp.path('truncated.xlsx');
    const { readFileSync } = await import('fs');
    writeFileSync(file, readFileSync(demoFile).subarray(0, 20_000));
    await expectUnreadable(file, 'er beskadiget');
  });

  async function injected(change: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(demoFile);
    change(wb);
    const file = join(tmp.dir, `injected-${Math.random().toString(36).slice(2)}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }
  const jsonOf = async (file: string) => {
    const run = await indsats('validate', file, '--json');
    return { code: run.code, findings: JSON.parse(run.out) as { sheet: string; cell: string; code: string; severity: string }[] };
  };
  const where = (f: { sheet: string; cell: string; code: string }) => `${f.sheet}!${f.cell} ${f.code}`;

  it('mistakes typed into the demo give the expected findings with cells and codes (exit 1)', async () => {
    const file = await injected((wb) => {
      const ws = wb.getWorksheet('ITMV')!;
      ws.getCell('C5').value = 'Aktivitetsparate kontanthjælpsmodtagre'; // typo in Målgruppe
      ws.getCell('B6').value = 'i går'; // not a date
      ws.getCell('J7').value = 'ring på 0101901234'; // CPR number in a remark
      ws.getCell('E8').value = { formula: 'VLOOKUP(1,A1:A2,2,FALSE)', result: { error: '#N/A' } } as ExcelJS.CellValue; // error value
      ws.getCell('G9').value = new Date(Date.UTC(2015, 0, 1)); // end before start
    });
    const { code, findings } = await jsonOf(file);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.code !== 'CAPACITY_EXCEEDED').map(where)).toEqual([
      'ITMV!C5 UNKNOWN_CODE', 'ITMV!B6 WRONG_TYPE', 'ITMV!J7 CPR_NUMBER', 'ITMV!E8 EXCEL_ERROR', 'ITMV!G9 DATE_ORDER',
    ]);
  });

  it('a renamed column, a merged range, an empty row and a duplicate taxonomy code', async () => {
    const file = await injected((wb) => {
      const itmv = wb.getWorksheet('ITMV')!;
      itmv.getCell('E4').value = 'Tilstand'; // the Status header renamed
      const fsm = wb.getWorksheet('FSM')!;
      fsm.mergeCells('J5:J6');
      fsm.getRow(7).values = [];
      const tax = wb.getWorksheet('Taksonomier')!;
      tax.getCell('A6').value = 'M1'; // Mål: M2 → M1
    });
    const { code, findings } = await jsonOf(file);
    expect(code).toBe(1);
    expect(findings.map(where)).toEqual(expect.arrayContaining([
      'Taksonomier!A5 DUPLICATE_CODE', 'Taksonomier!A6 DUPLICATE_CODE', 'ITMV!A4 MISSING_COLUMN', 'FSM!J5 MERGED_CELLS', 'FSM!A7 EMPTY_ROW',
    ]));
  });

  it('a workbook without the model reports the missing register, and the sheet it did not check (exit 1)', async () => {
    const file = tmp.path('other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ark1').addRow(['Hej']);
    await wb.xlsx.writeFile(file);
    const { code, findings } = await jsonOf(file);
    expect(code).toBe(1);
    expect(findings.map(where)).toEqual(['Indsatser!A1 MISSING_TABLE', 'Statuslog!A1 MISSING_TABLE', 'Økonomi!A1 MISSING_TABLE', 'Økonomi!A1 MISSING_TABLE', 'Ark1!A1 SHEET_NOT_IN_MODEL']);
  });
});

describe('usage', () => {
  it('prints help with exit 0, and an unknown command with exit 2', async () => {
    expect((await indsats('--help')).out).toContain('Brug: indsats <kommando>');
    const run = await indsats('frobnicate');
    expect(run.code).toBe(2);
    expect(run.err).toContain("Ukendt kommando 'frobnicate'");
  });
  it('speaks English with --lang en', async () => {
    const run = await indsats('validate', demoFile, '--lang', 'en');
    expect(run.out).toContain('14 active participants on 29-08-2016, but the initiative has only 12 places.');
    expect(run.out).toContain('0 errors, 1 warning.');
  });
  it('rejects a bad --as-of date', async () => {
    const run = await indsats('validate', demoFile, '--as-of', 'snart');
    expect(run).toMatchObject({ code: 2, err: "'snart' er ikke en dato. Brug fx 2017-08-29." });
  });
});

describe('the installed binary', () => {
  it('runs as `npx indsats` and exits with the contract code', () => {
    const copy = tmp.path('bin-demo.xlsx');
    copyFileSync(demoFile, copy);
    const run = indsatsBin('validate', copy);
    expect(run.code).toBe(0);
    expect(run.out).toContain('0 fejl, 1 advarsel.');
    expect(indsatsBin('validate', tmp.path('missing.xlsx')).code).toBe(2);
  }, 2 * BIN_TIMEOUT_MS);
});
