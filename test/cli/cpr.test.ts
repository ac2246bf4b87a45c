/**
 * Issue 16 item 3: a CPR number anywhere in a workbook (taxonomy tables, headers, sheet and table
 * names, notes, document properties) or a refund file never reaches the output — stdout, --json or
 * any part of a written workbook — and each place gets a CPR_NUMBER finding, masked.
 */
import { readFileSync, writeFileSync, existsSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { findCprNumbers } from '../../src/domain/parse/cpr';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { tempDir } from '../xlsx/fixtures';
import { demoWorkbook, indsats } from './helpers';

const tmp = tempDir('indsats-cpr-');
const demoFile = tmp.path('demo.xlsx');
beforeAll(async () => {
  await demoWorkbook(demoFile);
});
afterAll(() => tmp.cleanup());

/** Every unmasked CPR number in a text, by the validity rule findCprNumbers uses. */
const cprsIn = (text: string): string[] =>
  [...text.matchAll(/(?<!\d)\d{6}[- \u00A0\u2013]?\d{4}(?!\d)/g)].map((m) => m[0]).filter((m) => findCprNumbers(m).length > 0);

/** All text of every zip part of a written workbook. */
const zipText = (file: string): string => {
  const xlsx = readFileSync(file);
  return zipEntries(xlsx).map((e) => zipEntryData(xlsx, e).toString('utf8')).join('\n');
};

async function injected(change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demoFile);
  change(wb);
  const file = join(tmp.dir, `cpr-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

interface JsonFinding { sheet: string; cell: string; column: string; code: string; severity: string; message: string; suggestion?: string }

/** The first cell of a sheet whose value is `value`. */
function cellHolding(ws: ExcelJS.Worksheet, value: unknown): ExcelJS.Cell | undefined {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((cell) => {
    if (!found && cell.value === value) found = cell;
  }));
  return found;
}

describe('CPR numbers in a workbook never reach the output', () => {
  let file: string;
  let targetGroup: string;
  beforeAll(async () => {
    file = await injected((wb) => {
      const itmv = wb.getWorksheet('ITMV')!;
      targetGroup = String(itmv.getCell('C5').value);
      const tax = wb.getWorksheet('Taksonomier')!;
      // A target group named with a CPR number (so a suggestion and Overblik would carry it) …
      cellHolding(tax, targetGroup)!.value = `${targetGroup} 220387-3047`;
      // … and a CPR number next to the status Aktiv.
      const aktiv = cellHolding(tax, 'Aktiv')!;
      tax.getCell(Number(aktiv.row), Number(aktiv.col) + 1).value = '220387-3047';
      // A status named with one: Overblik's formulas are built from the status names.
      cellHolding(tax, 'Pause')!.value = 'Pause 1203891234';
      // A header holding one (the --json `column` field of the findings under it).
      itmv.getCell('J4').value = 'Bemærkning 1502851237';
      // A participant table named with one (UNKNOWN_INITIATIVE's value).
      const extra = wb.addWorksheet('Ark 2903771113');
      extra.addTable({ name: 'Deltagere_0101901234', ref: 'A1', columns: [{ name: 'Deltager-ID' }, { name: 'Startdato' }], rows: [['D1', new Date(Date.UTC(2017, 0, 2))]] });
      // A note and a document property.
      itmv.getCell('A1').note = 'ring 1111851232';
      wb.title = 'Deltager 2412791235';
    });
  });

  it('validate: each place is a CPR_NUMBER error, masked, and nothing printed holds the number', async () => {
    const text = await indsats('validate', file);
    expect(text.code).toBe(1);
    expect(cprsIn(text.out + text.err)).toEqual([]);
    const json = await indsats('validate', file, '--json');
    expect(json.code).toBe(1);
    expect(cprsIn(json.out + json.err)).toEqual([]);
    const findings = JSON.parse(json.out) as JsonFinding[];
    const cpr = findings.filter((f) => f.code === 'CPR_NUMBER');
    for (const f of cpr) expect(f.severity).toBe('error');
    const messages = cpr.map((f) => `${f.sheet}!${f.cell} ${f.message}`).join('\n');
    for (const masked of ['220387-****', '150285-****', '290377-****', '010190-****', '111185-****', '241279-****']) expect(messages).toContain(masked);
    expect(cpr.some((f) => f.sheet === 'Taksonomier')).toBe(true);
    expect(cpr.some((f) => f.sheet === 'ITMV' && f.cell === 'J4')).toBe(true);
    expect(cpr.some((f) => f.sheet === 'ITMV' && f.cell === 'A1' && f.message.startsWith('Kommentaren'))).toBe(true);
    expect(cpr.some((f) => f.sheet === 'Ark 290377-****' && f.message.startsWith('Arknavnet'))).toBe(true);
    expect(cpr.some((f) => f.message.startsWith('Tabelnavnet'))).toBe(true);
    expect(cpr.some((f) => f.message.startsWith('En dokumentegenskab'))).toBe(true);
    // No suggestion holds a CPR number: "Brug forslag på alle" would write it into every row.
    // (The CPR finding's own suggestion is the masked text, "Masker CPR-nummeret".)
    expect(findings.filter((f) => f.suggestion !== undefined && cprsIn(f.suggestion).length)).toEqual([]);
    expect(findings.filter((f) => f.code !== 'CPR_NUMBER' && f.suggestion?.includes('220387'))).toEqual([]);
    expect(findings.some((f) => f.code === 'UNKNOWN_INITIATIVE' && f.message.includes('010190-****'))).toBe(true);
  });

  it('summarize refuses the workbook (exit 2, nothing written); with --mask-cpr no part of the copy holds a CPR number', async () => {
    const refused = tmp.path('summary-refused.xlsx');
    const no = await indsats('summarize', file, '-o', refused);
    expect(no.code).toBe(2);
    expect(no.err).toMatch(/^Projektmappen indeholder \d+ CPR-numre \(.+\)\. Fjern dem, eller kør igen med --mask-cpr/);
    expect(cprsIn(no.out + no.err)).toEqual([]);
    expect(existsSync(refused)).toBe(false);

    const out = tmp.path('summary.xlsx');
    const run = await indsats('summarize', file, '-o', out, '--mask-cpr');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Maskerede \d+ CPR-numre i den nye fil/);
    expect(cprsIn(run.out + run.err)).toEqual([]);
    expect(cprsIn(zipText(out))).toEqual([]);
    const read = await readWorkbookFile(out);
    const overview = read.sheets.find((s) => s.name === 'Overblik')!;
    expect(overview.tables.length).toBeGreaterThan(0);
    // Overblik is built from the masked names: its formulas count the masked status (`*` escaped in COUNTIFS).
    expect(JSON.stringify(overview.formulas).includes('Pause 120389-~*~*~*~*')).toBe(true);
    // Summarizing the masked copy again rebuilds Overblik in place and has nothing to mask.
    const again = tmp.path('summary-again.xlsx');
    const second = await indsats('summarize', out, '-o', again);
    expect(second.code).toBe(0);
    expect(second.out).toBe(`Skrev ${again}.`);
    expect((await readWorkbookFile(again)).sheets.map((s) => s.name)).toEqual(read.sheets.map((s) => s.name));
  });
});

describe('CPR numbers in a refund file never reach the output', () => {
  const header = 'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb';
  const refundFile = (name: string, rows: string[]) => {
    const path = tmp.path(name);
    writeFileSync(path, [header, ...rows, ''].join('\r\n'));
    return path;
  };

  it('masks Ydelse and Uge, and the CPR number in the file name, in the sheet and in the message', async () => {
    const out = tmp.path('refunds.xlsx');
    const csv = refundFile('refusion 0101901234.csv', [
      '2021-07 2903771113;1502851237;Kontanthjælp 220387-3047;10.000,00;80,00;8.000,00;20,00;2.000,00',
    ]);
    const run = await indsats('import-refunds', demoFile, csv, '-o', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain('refusion 010190-****.csv');
    expect(run.out).toContain('CPR-numre er ikke gemt');
    expect(cprsIn(run.out + run.err)).toEqual([]);
    const written = zipText(out);
    expect(cprsIn(written)).toEqual([]);
    expect(written).toContain('Kontanthjælp 220387-****');
    expect(written).toContain('refusion 010190-****.csv');
  });

  it('refuses a CPR-like number in an amount column as a malformed line, without echoing it', async () => {
    const out = tmp.path('refunds-bad.xlsx');
    const csv = refundFile('bad.csv', [
      '2021-07;1502851237;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00',
      '2021-07;1502851237;Kontanthjælp;2203873047;80,00;8.000,00;20,00;2.000,00',
    ]);
    const run = await indsats('import-refunds', demoFile, csv, '-o', out);
    expect(run.code).toBe(1);
    expect(run.err).toContain('Linje 3: Beregnet udbetalingsbeløb ligner et CPR-nummer');
    expect(cprsIn(run.out + run.err)).toEqual([]);
    expect(run.err).not.toContain('220387');
    expect(existsSync(out)).toBe(false);
  });
});
