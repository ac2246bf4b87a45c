/**
 * `indsats repair --rename` keeps the user's formulas working: a workbook written by openpyxl (the
 * contract table's Status column named "Forløbsstatus", a sheet of the user's own whose formulas
 * refer to that column by structured reference, to the tracking sheet by name, and through a
 * defined name) is repaired with `--rename "Forløbsstatus=Status"`. LibreOffice recalculates the
 * file before and after (the independent oracle): every formula gives the same value, none an
 * error, and the formula text in the parts names the new column. A string literal holding the old
 * name stays as it was.
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { applyPlanToPackage } from '../../src/xlsx/package';
import { demoWorkbook, indsats } from './helpers';
import { partNames, partText, tempDir } from '../xlsx/fixtures';
import { describeWithLibreOffice, libreOfficeHookTimeout, recalculateSheets, removeLibreOfficeProfile } from '../helpers/libreoffice';

const tmp = tempDir('indsats-rename-refs-');
afterAll(() => {
  tmp.cleanup();
  removeLibreOfficeProfile();
});

/** The user's sheet: label, formula. */
const FORMULAS: [string, string][] = [
  ['I alt', '=COUNTA(Deltagere_ITMV[Forløbsstatus])'],
  ['I praktik', '=COUNTIF(Deltagere_ITMV[Forløbsstatus],"I virksomhedspraktik")'],
  ['Første', '=ITMV!E5'],
  ['Navngivet', '=COUNTA(Statusser)'],
  ['Tekst', '="Deltagere_ITMV[Forløbsstatus]"'],
  ['Kolonner', '=COLUMNS(Deltagere_ITMV[[#Data],[Forløbsstatus]:[Slutdato]])'],
  ['Ark', "=COUNTIF('ITMV'!E5:E23,\"Ansat med løntilskud\")"],
  ['Række', '=SUMPRODUCT(--(deltagere_itmv[FORLØBSSTATUS]="I virksomhedspraktik"))'],
];

const SCRIPT = `
import sys, openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
import json
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['ITMV']
ws['E4'] = 'Forløbsstatus'
ws.tables['Deltagere_ITMV'].tableColumns[4].name = 'Forløbsstatus'
u = wb.create_sheet('Opgørelse')
for i, (label, formula) in enumerate(json.loads(sys.argv[3])):
    u.cell(i + 1, 1).value = label
    u.cell(i + 1, 2).value = formula
d = DefinedName(name='Statusser', attr_text='Deltagere_ITMV[Forløbsstatus]')
try:
    wb.defined_names.append(d)
except AttributeError:
    wb.defined_names[d.name] = d
dv = DataValidation(type='list', formula1='=ITMV!$E$5:$E$23')
u.add_data_validation(dv)
dv.add('C1:C5')
u.conditional_formatting.add('B1:B8', FormulaRule(formula=['ITMV!$E$5="x"'], fill=PatternFill(bgColor='FFC7CE')))
from openpyxl.worksheet.table import Table
u['D10'] = 'Tal'
u['E10'] = 'Dobbelt'
for r in range(11, 14):
    u.cell(r, 4).value = r - 10
    u.cell(r, 5).value = '=Mine[[#This Row],[Tal]]*2'
u['D14'] = '=SUM(Mine[Tal])'
u.add_table(Table(displayName='Mine', ref='D10:E13'))
from openpyxl.chart import BarChart, Reference
chart = BarChart()
chart.add_data(Reference(ws, min_col=9, min_row=4, max_row=23), titles_from_data=True)
u.add_chart(chart, 'E2')
wb.save(sys.argv[2])
`;

/** A sheet's part text, character references decoded (openpyxl writes ø as &#248;). */
function sheetXml(bytes: Buffer, name: string): string {
  const workbook = partText(bytes, 'xl/workbook.xml');
  const rels = partText(bytes, 'xl/_rels/workbook.xml.rels');
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${name}"`))!;
  const rId = /r:id="([^"]+)"/.exec(tag)![1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rId}"`))!;
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return partText(bytes, target.replace(/^\/?(xl\/)?/, 'xl/')).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

describeWithLibreOffice('repair --rename carries the rename into the user\'s formulas', () => {
  const demo = tmp.path('demo.xlsx');
  const before = tmp.path('before.xlsx');
  const after = tmp.path('after.xlsx');
  const moved = tmp.path('moved.xlsx');
  let run: { code: number; out: string; err: string };
  let sheet: (file: string, name: string) => string[][];

  beforeAll(async () => {
    await demoWorkbook(demo);
    execFileSync('/usr/bin/python3', ['-c', SCRIPT, demo, before, JSON.stringify(FORMULAS)]);
    run = await indsats('repair', before, '-o', after, '--rename', 'Forløbsstatus=Status');
    // The package writer renames the table and the tracking sheet of the repaired file.
    writeFileSync(moved, applyPlanToPackage(readFileSync(after), { ops: [
      { kind: 'renameTable', table: 'Deltagere_ITMV', to: 'Mine_deltagere' },
      { kind: 'renameSheet', sheet: 'ITMV', to: 'ITMV gammel' },
      { kind: 'setValues', sheet: 'Opgørelse', cells: [{ address: 'D10', value: 'Antal', expected: 'Tal' }] },
    ] }));
    sheet = await recalculateSheets([before, after, moved], tmp.path('csv'));
  }, libreOfficeHookTimeout(1, 3));

  it('renames the column', () => {
    expect(run.err).toBe('');
    expect(run.out).toContain('Omdøbte kolonnen ”Forløbsstatus” til ”Status” (ITMV!E4).');
  });

  it('every formula gives the value it gave before, none an error', () => {
    const formulas = (file: string) => sheet(file, 'Opgørelse').slice(0, FORMULAS.length).map((r) => r.slice(0, 2));
    const was = formulas(before);
    const now = formulas(after);
    expect(was.map((r) => r[0])).toEqual(FORMULAS.map(([label]) => label));
    // The oracle is sound: before the rename, LibreOffice computed real values.
    expect(Number(was[0][1])).toBeGreaterThan(5);
    expect(Number(was[1][1])).toBeGreaterThan(0);
    expect(was[5][1]).toBe('3');
    expect(was[3][1]).toBe(was[0][1]);
    expect(was[7][1]).toBe(was[1][1]);
    for (const [, value] of was) expect(value).not.toMatch(/^(#|Err:)/);
    expect(now).toEqual(was);
    expect(formulas(moved)).toEqual(was);
    // The user's own table: its column renamed by its header cell, the row formulas and the sum follow.
    const table = (file: string) => sheet(file, 'Opgørelse').slice(9, 14).map((r) => r.slice(3, 5));
    expect(table(before)).toEqual([['Tal', 'Dobbelt'], ['1', '2'], ['2', '4'], ['3', '6'], ['6', '']]);
    expect(table(moved)).toEqual([['Antal', 'Dobbelt'], ['1', '2'], ['2', '4'], ['3', '6'], ['6', '']]);
  });

  it('the formula text names the new column; a string literal with the old name stays', () => {
    const bytes = readFileSync(after);
    const workbook = partText(bytes, 'xl/workbook.xml');
    expect(workbook).toMatch(/<definedName name="Statusser"[^>]*>Deltagere_ITMV\[Status\]<\/definedName>/);
    const xml = sheetXml(bytes, 'Opgørelse');
    expect(xml).toContain('<f>COUNTA(Deltagere_ITMV[Status])</f>');
    expect(xml).toContain('<f>COUNTIF(Deltagere_ITMV[Status],&quot;I virksomhedspraktik&quot;)</f>');
    expect(xml).toContain('COLUMNS(Deltagere_ITMV[[#Data],[Status]:[Slutdato]])');
    expect(xml).toContain('deltagere_itmv[Status]');
    expect(xml).toMatch(/<f>(&quot;|")Deltagere_ITMV\[Forløbsstatus\](&quot;|")<\/f>/);
    expect(xml.match(/\[Forløbsstatus\]/gi)).toHaveLength(1);
  });

  it('a renamed table and sheet: the formulas, the defined name and the chart follow', () => {
    const bytes = readFileSync(moved);
    expect(partText(bytes, 'xl/workbook.xml')).toMatch(/<definedName name="Statusser"[^>]*>Mine_deltagere\[Status\]<\/definedName>/);
    const xml = sheetXml(bytes, 'Opgørelse');
    expect(xml).toContain('<f>COUNTA(Mine_deltagere[Status])</f>');
    expect(xml).toContain("<f>'ITMV gammel'!E5</f>");
    expect(xml).toContain("COUNTIF('ITMV gammel'!E5:E23,");
    expect(xml).toContain('<f>Mine[[#This Row],[Antal]]*2</f>');
    expect(xml).toContain('<f>SUM(Mine[Antal])</f>');
    expect(xml).toContain("<formula1>='ITMV gammel'!$E$5:$E$23</formula1>");
    expect(xml).toContain("<formula>'ITMV gammel'!$E$5=&quot;x&quot;</formula>");
    const charts = partNames(bytes).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => partText(bytes, n));
    // openpyxl writes the chart namespace as the default one: <f>, not <c:f>.
    expect(charts.join('')).toMatch(/<(c:)?f>'ITMV gammel'!\$I\$5:\$I\$23<\/(c:)?f>/);
    expect(charts.join('')).not.toMatch(/<(c:)?f>'?ITMV'?!/);
  });
});
