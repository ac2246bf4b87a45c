/**
 * Text in formulas: any string put through the one helper stays a string literal. Checked two ways:
 * a property over the literal's syntax, and LibreOffice recalculating formulas built from hostile
 * and generated names (EXACT against the raw text, COUNTIF with the exact criterion).
 */
import fc from 'fast-check';
import { Workbook } from 'exceljs';
import { criteriaArray, exactCriterion, stringLiteral } from '../../src/workbook/formula';
import { convertWithLibreOffice, describeWithLibreOffice, removeLibreOfficeProfile } from '../helpers/libreoffice';
import { tempDir } from '../xlsx/fixtures';

/** The texts a formula-literal token sequence `"…"&"…"` stands for, or null when it is anything else. */
function literalValue(formula: string): string | null {
  if (!/^"(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*$/.test(formula)) return null;
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')).join('');
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const withoutControl = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

const HOSTILE = [
  'Kommune")+1000000+N("',
  'x",_xlfn.WEBSERVICE("http://example.invalid/"),"',
  'Kommunens "egne" midler',
  '"',
  '""',
  '=1+1',
  '>5',
  '<>',
  'Kom*',
  'Kommun?',
  '~*',
  'a~b',
  "Sheet1'!A1",
  '{1,2}',
  'Æblegrød & ørred – «Ålborg»',
  'x'.repeat(300),
];

describe('formula text', () => {
  it('a string literal is one string token whatever the text, and says the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (s) => {
        expect(literalValue(stringLiteral(s))).toBe(withoutControl(s));
      }),
      { numRuns: 500 },
    );
    for (const s of HOSTILE) expect(literalValue(stringLiteral(s))).toBe(s);
  });

  it('an exact criterion is a literal that starts with "=" and escapes the wildcards', () => {
    expect(exactCriterion('Kom*')).toBe('"=Kom~*"');
    expect(exactCriterion('Kommunens "egne" midler')).toBe('"=Kommunens ""egne"" midler"');
    expect(exactCriterion('')).toBe('""');
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const value = literalValue(exactCriterion(s));
        expect(value).not.toBeNull();
        if (withoutControl(s) !== '') expect(value!.startsWith('=')).toBe(true);
      }),
    );
    expect(criteriaArray(['a', 'b"c'])).toBe('{"=a","=b""c"}');
  });
});

describeWithLibreOffice('formula text recalculated by LibreOffice', () => {
  const tmp = tempDir('indsats-formula-');
  afterAll(() => {
    tmp.cleanup();
    removeLibreOfficeProfile();
  });

  it('every name is compared as text: EXACT is true, COUNTIF counts the one equal row, no injected code runs', async () => {
    // Generated names beside the hostile ones: distinct ignoring case (COUNTIF ignores case), not numbers
    // (a criterion "=5" also matches the number 5, which no taxonomy name is).
    const generated = fc.sample(fc.string({ minLength: 1, maxLength: 40 }), { numRuns: 60, seed: 20261201 });
    const seen = new Set<string>();
    const names = [...HOSTILE, ...generated].map(withoutControl).filter((s) => {
      const key = s.toLowerCase();
      if (!s.trim() || seen.has(key) || !Number.isNaN(Number(s)) || s.length > 245) return false;
      seen.add(key);
      return true;
    });
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Navne');
    const last = names.length;
    names.forEach((name, i) => {
      const r = i + 1;
      sheet.getCell(r, 1).value = name;
      sheet.getCell(r, 2).value = { formula: `EXACT(A${r},${stringLiteral(name)})` };
      sheet.getCell(r, 3).value = { formula: `COUNTIF($A$1:$A$${last},${exactCriterion(name)})` };
      sheet.getCell(r, 4).value = { formula: `SUM(COUNTIFS($A$1:$A$${last},${criteriaArray([name, `${name} (ikke)`])}))` };
    });
    const file = tmp.path('names.xlsx');
    await workbook.xlsx.writeFile(file);
    const outDir = tmp.path('out');
    const converted = await convertWithLibreOffice(file, 'xlsx', outDir);
    const back = new Workbook();
    await back.xlsx.readFile(converted);
    const result = (r: number, c: number) => {
      const v = back.getWorksheet('Navne')!.getCell(r, c).value as { result?: unknown } | null;
      return v && typeof v === 'object' && 'result' in v ? v.result : v;
    };
    const wrong = names.flatMap((name, i) => {
      const got = [result(i + 1, 2), result(i + 1, 3), result(i + 1, 4)];
      return got[0] === true && got[1] === 1 && got[2] === 1 ? [] : [{ name, got }];
    });
    expect(wrong).toEqual([]);
    expect(names.length).toBeGreaterThan(50);
  }, 180_000);
});
