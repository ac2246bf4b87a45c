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
import { readFileSync } from 'fs';
import { demoWorkbook, indsats } from './helpers';
import { partText, tempDir } from '../xlsx/fixtures';
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
wb.save(sys.argv[2])
`;

describeWithLibreOffice('repair --rename carries the rename into the user\'s formulas', () => {
  const demo = tmp.path('demo.xlsx');
  const before = tmp.path('before.xlsx');
  const after = tmp.path('after.xlsx');
  let run: { code: number; out: string; err: string };
  let sheet: (file: string, name: string) => string[][];

  beforeAll(async () => {
    await demoWorkbook(demo);
    execFileSync('/usr/bin/python3', ['-c', SCRIPT, demo, before, JSON.stringify(FORMULAS)]);
    run = await indsats('repair', before, '-o', after, '--rename', 'Forløbsstatus=Status');
    sheet = await recalculateSheets([before, after], tmp.path('csv'));
  }, libreOfficeHookTimeout(1, 2));

  it('renames the column', () => {
    expect(run.err).toBe('');
    expect(run.out).toContain('Omdøbte kolonnen ”Forløbsstatus” til ”Status” (ITMV!E4).');
  });

  it('every formula gives the value it gave before, none an error', () => {
    const was = sheet(before, 'Opgørelse').map((r) => r.slice(0, 2));
    const now = sheet(after, 'Opgørelse').map((r) => r.slice(0, 2));
    expect(was.map((r) => r[0])).toEqual(FORMULAS.map(([label]) => label));
    // The oracle is sound: before the rename, LibreOffice computed real values.
    expect(Number(was[0][1])).toBeGreaterThan(5);
    expect(Number(was[1][1])).toBeGreaterThan(0);
    expect(was[5][1]).toBe('3');
    expect(was[3][1]).toBe(was[0][1]);
    expect(was[7][1]).toBe(was[1][1]);
    for (const [, value] of was) expect(value).not.toMatch(/^(#|Err:)/);
    expect(now).toEqual(was);
  });

  it('the formula text names the new column; a string literal with the old name stays', () => {
    const bytes = readFileSync(after);
    const workbook = partText(bytes, 'xl/workbook.xml');
    expect(workbook).toMatch(/<definedName name="Statusser"[^>]*>Deltagere_ITMV\[Status\]<\/definedName>/);
    const rels = partText(bytes, 'xl/_rels/workbook.xml.rels');
    const rId = /<sheet [^>]*name="Opgørelse"[^>]*r:id="([^"]+)"|<sheet [^>]*r:id="([^"]+)"[^>]*name="Opgørelse"/.exec(workbook)!;
    const target = new RegExp(`Id="${rId[1] ?? rId[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rId[1] ?? rId[2]}"`).exec(rels)![1];
    // openpyxl writes ø as &#248;: the text compared with character references decoded.
    const xml = partText(bytes, target.replace(/^\/?(xl\/)?/, 'xl/')).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    expect(xml).toContain('<f>COUNTA(Deltagere_ITMV[Status])</f>');
    expect(xml).toContain('<f>COUNTIF(Deltagere_ITMV[Status],&quot;I virksomhedspraktik&quot;)</f>');
    expect(xml).toContain('COLUMNS(Deltagere_ITMV[[#Data],[Status]:[Slutdato]])');
    expect(xml).toContain('deltagere_itmv[Status]');
    expect(xml).toMatch(/<f>(&quot;|")Deltagere_ITMV\[Forløbsstatus\](&quot;|")<\/f>/);
    expect(xml.match(/\[Forløbsstatus\]/gi)).toHaveLength(1);
  });
});
