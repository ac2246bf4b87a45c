/**
 * The formula-reference rewriter (src/workbook/formulaRefs.ts): a rename of a sheet, a table or a
 * table column reaches every reference Excel would update, and nothing else — string literals,
 * quoted names that merely contain the name, other tables' columns, other workbooks' sheets.
 * Properties (fast-check): renaming back gives the original; formulas that do not mention the name
 * are the same string; string literals holding the name are untouched.
 */
import fc from 'fast-check';
import { renameInFormula, sheetPrefix, type Rename } from '../../src/workbook/formulaRefs';

const column = (from: string, to: string, table = 'Deltagere_ITMV'): Rename => ({ kind: 'column', table, from, to });
const col = (f: string, from: string, to: string, host?: string) => renameInFormula(f, column(from, to), host ? { host: () => host } : {});

describe('renameInFormula: table columns', () => {
  it.each([
    ['SUM(Deltagere_ITMV[Forløbsstatus])', 'SUM(Deltagere_ITMV[Status])'],
    ['COUNTIF(deltagere_itmv[FORLØBSSTATUS];"x")', 'COUNTIF(deltagere_itmv[Status];"x")'],
    ['Deltagere_ITMV[[#This Row],[Forløbsstatus]]', 'Deltagere_ITMV[[#This Row],[Status]]'],
    ['Deltagere_ITMV[[#Headers],[Startdato]:[Forløbsstatus]]', 'Deltagere_ITMV[[#Headers],[Startdato]:[Status]]'],
    ['ROWS(Deltagere_ITMV[[Forløbsstatus]:[Slutdato]])', 'ROWS(Deltagere_ITMV[[Status]:[Slutdato]])'],
    ['Deltagere_ITMV[ [#This Row] , [Forløbsstatus] ]', 'Deltagere_ITMV[ [#This Row] , [Status] ]'],
    ['Deltagere_ITMV[@Forløbsstatus]&Deltagere_ITMV[@[Forløbsstatus]]', 'Deltagere_ITMV[@Status]&Deltagere_ITMV[@[Status]]'],
    ['Deltagere_ITMV[#All]', 'Deltagere_ITMV[#All]'],
    ['Andet[Forløbsstatus]', 'Andet[Forløbsstatus]'],
    ['"Deltagere_ITMV[Forløbsstatus]"&Deltagere_ITMV[Forløbsstatus]', '"Deltagere_ITMV[Forløbsstatus]"&Deltagere_ITMV[Status]'],
    ['INDIRECT("Deltagere_ITMV[Forløbsstatus]")', 'INDIRECT("Deltagere_ITMV[Forløbsstatus]")'],
    ["'Deltagere_ITMV[Forløbsstatus]'!A1", "'Deltagere_ITMV[Forløbsstatus]'!A1"],
    ['[1]Ark!A1+Deltagere_ITMV[Forløbsstatus]', '[1]Ark!A1+Deltagere_ITMV[Status]'],
    ["'[Bog.xlsx]Ark'!Deltagere_ITMV[Forløbsstatus]", "'[Bog.xlsx]Ark'!Deltagere_ITMV[Forløbsstatus]"],
  ])('%s → %s', (before, after) => {
    expect(col(before, 'Forløbsstatus', 'Status')).toBe(after);
  });

  it('renames [@Col] and [Col] only in the table the formula sits in', () => {
    expect(col('[@Forløbsstatus]="Afsluttet"', 'Forløbsstatus', 'Status', 'Deltagere_ITMV')).toBe('[@Status]="Afsluttet"');
    expect(col('[@[Forløbsstatus]]&[Forløbsstatus]', 'Forløbsstatus', 'Status', 'DELTAGERE_ITMV')).toBe('[@[Status]]&[Status]');
    expect(col('[@Forløbsstatus]', 'Forløbsstatus', 'Status', 'Andet')).toBe('[@Forløbsstatus]');
    expect(col('[@Forløbsstatus]', 'Forløbsstatus', 'Status')).toBe('[@Forløbsstatus]');
  });

  it('escapes special characters of the new name and reads escaped old names', () => {
    expect(renameInFormula('T[Beløb]', column('Beløb', 'Beløb [kr.] #1', 'T'))).toBe("T[[Beløb '[kr.'] '#1]]");
    expect(renameInFormula("Deltagere_ITMV[[Uge '#]]", column('Uge #', 'Ugenr'))).toBe('Deltagere_ITMV[[Ugenr]]');
    expect(renameInFormula("Deltagere_ITMV[It''s]", column("It's", 'Det'))).toBe('Deltagere_ITMV[Det]');
    expect(renameInFormula('Deltagere_ITMV[@Status]', column('Status', 'Ny status'))).toBe('Deltagere_ITMV[@[Ny status]]');
    expect(renameInFormula('Deltagere_ITMV[Status]', column('Status', 'Indsats-ID'))).toBe('Deltagere_ITMV[[Indsats-ID]]');
  });
});

describe('renameInFormula: tables and sheets', () => {
  const table: Rename = { kind: 'table', from: 'Tabel1', to: 'Deltagere' };
  it.each([
    ['COUNTIF(Tabel1[Status];"x")', 'COUNTIF(Deltagere[Status];"x")'],
    ['ROWS(tabel1)+SUM(Tabel1[#Totals])', 'ROWS(Deltagere)+SUM(Deltagere[#Totals])'],
    ['Tabel1!A1+Tabel10[X]+"Tabel1"+Tabel1(2)', 'Tabel1!A1+Tabel10[X]+"Tabel1"+Tabel1(2)'],
    ['[1]!Tabel1[X]', '[1]!Tabel1[X]'],
    ['SUM(A:Tabel1)+$Tabel1$2', 'SUM(A:Tabel1)+$Tabel1$2'],
  ])('table %s → %s', (before, after) => {
    expect(renameInFormula(before, table)).toBe(after);
  });

  const sheet = (from: string, to: string): Rename => ({ kind: 'sheet', from, to });
  it.each([
    ["'Old sheet'!A1+'old SHEET'!B2", 'Old sheet', 'Ny', 'Ny!A1+Ny!B2'],
    ['Old!A1:B2', 'Old', 'Nyt ark', "'Nyt ark'!A1:B2"],
    ['SUM(Jan:Old!A1)', 'Old', 'Mar', 'SUM(Jan:Mar!A1)'],
    ['SUM(Jan:Old!A1)', 'Old', 'Mar 2', "SUM('Jan:Mar 2'!A1)"],
    ['SUM(B1:Old!C3)+SUM($B$1:Old!C3)', 'Old', 'Nyt ark', "SUM(B1:'Nyt ark'!C3)+SUM($B$1:'Nyt ark'!C3)"],
    ["SUM('Jan:Old'!A1)", 'Old', "Bob's", "SUM('Jan:Bob''s'!A1)"],
    ['"Old!A1"&Old2!A1&[1]Old!A1', 'Old', 'Ny', '"Old!A1"&Old2!A1&[1]Old!A1'],
    ["'Kim''s'!A1", "Kim's", 'Kims', 'Kims!A1'],
    ['IFERROR(REF!A1,#REF!)+#DIV/0!', 'REF', 'Ny', 'IFERROR(Ny!A1,#REF!)+#DIV/0!'],
    ["'C:\\mappe\\[Bog.xlsx]C'!A1+C!A1", 'C', 'Ny', "'C:\\mappe\\[Bog.xlsx]C'!A1+Ny!A1"],
    ['Økonomi!$A$1', 'Økonomi', 'A1', "'A1'!$A$1"],
    ['Old!A1', 'Old', 'Økonomi 2026', "'Økonomi 2026'!A1"],
  ])('sheet %s (%s → %s) → %s', (before, from, to, after) => {
    expect(renameInFormula(before, sheet(from, to))).toBe(after);
  });

  it('quotes a sheet name as Excel does', () => {
    expect(sheetPrefix('Oversigt')).toBe('Oversigt');
    expect(sheetPrefix('Ark1')).toBe("'Ark1'"); // ARK1 is a cell
    expect(sheetPrefix('AB12')).toBe("'AB12'");
    expect(sheetPrefix('R1C1')).toBe("'R1C1'");
    expect(sheetPrefix('Jan', 'Mar')).toBe('Jan:Mar');
    expect(sheetPrefix('Jan', 'Mar 2')).toBe("'Jan:Mar 2'");
  });
});

describe('renameInFormula: properties', () => {
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZæøåÆØÅ');
  const plainName = fc.tuple(letter, fc.array(fc.constantFrom(...'abcxyzæøå0123456789_'), { maxLength: 8 })).map(([a, b]) => `${a}${b.join('')}`);
  const text = fc.string({ unit: fc.constantFrom(...'ab "\'[]!#@,;:()+&=æø'), maxLength: 12 });
  const literal = text.map((t) => `"${t.replace(/"/g, '""')}"`);
  /** A formula of the pieces Excel writes, the name used in several of them. */
  const formula = (table: string, name: string, sheet: string) =>
    fc.array(fc.oneof(
      fc.constant(`${table}[${name}]`), fc.constant(`${table}[[#This Row],[${name}]]`), fc.constant(`${table}[[${name}]:[Slut]]`),
      fc.constant(`${table}[@${name}]`), fc.constant(`[@${name}]`), fc.constant(`${sheetPrefix(sheet)}!A1`), fc.constant(`${sheetPrefix(sheet)}!$B$2:$C$9`),
      fc.constant(`SUM(${table})`), literal, fc.constant('1.5'), fc.constant('A1'), fc.constant('Andet[Status]'), fc.constant("'Et ark'!A1"),
    ), { minLength: 1, maxLength: 8 }).chain((parts) => fc.array(fc.constantFrom('+', '&', ';', ','), { minLength: parts.length - 1, maxLength: parts.length - 1 })
      .map((ops) => parts.map((p, i) => (i ? ops[i - 1] : '') + p).join('')));

    const taken = ['status', 'slut', 'andet', 'a1', 'sum', 'et', 'tbl', 'kol', 'ark'];
  const names = fc.tuple(plainName, plainName).filter(([a, b]) => a.toLowerCase() !== b.toLowerCase() && !taken.includes(a.toLowerCase()) && !taken.includes(b.toLowerCase()));

  it('renaming back gives the original formula (columns, tables, sheets)', () => {
    fc.assert(fc.property(names, fc.constantFrom('column', 'table', 'sheet'), (pair, kind) => {
      const [from, to] = pair;
      const table = kind === 'table' ? from : 'Tbl';
      const f0 = formula(table, kind === 'column' ? from : 'Kol', kind === 'sheet' ? from : 'Ark');
      fc.assert(fc.property(f0, (f) => {
        const there: Rename = kind === 'column' ? { kind, table: 'Tbl', from, to } : { kind, from, to };
        const back: Rename = kind === 'column' ? { kind, table: 'Tbl', from: to, to: from } : { kind, from: to, to: from };
        const host = { host: () => 'Tbl' };
        const renamed = renameInFormula(f, there, host);
        expect(renameInFormula(renamed, back, host)).toBe(f);
      }), { numRuns: 20 });
    }), { numRuns: 60 });
  });

  it('a formula that does not mention the name comes back as the same string', () => {
    fc.assert(fc.property(names, formula('Tbl', 'Kol', 'Ark'), ([from, to], f) => {
      for (const r of [{ kind: 'column', table: 'Tbl', from, to }, { kind: 'table', from, to }, { kind: 'sheet', from, to }] as Rename[]) {
        expect(renameInFormula(f, r, { host: () => 'Tbl' })).toBe(f);
      }
    }), { numRuns: 300 });
  });

  it('a formula naming the name only where it is no reference to the renamed thing comes back as the same string', () => {
    const decoys = (name: string) => fc.array(fc.oneof(
      literal.map((l) => `"${name}"&${l}`), fc.constant(`${name}x[Kol]`), fc.constant(`x${name}!A1`), fc.constant(`${name}2!A1`),
      fc.constant(`${name}(1)`), fc.constant(`[1]${name}!A1`), fc.constant(`'[B.xlsx]${name}'!A1`), fc.constant(`'${name} x'!A1`),
      fc.constant(`Andet[${name}]`), fc.constant(`Andet[[#This Row],[${name}]]`), fc.constant('#REF!'), fc.constant(`Tbl[#Data]`),
    ), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('+'));
    fc.assert(fc.property(names.chain(([from, to]) => fc.tuple(fc.constant(from), fc.constant(to), decoys(from))), ([from, to, f]) => {
      expect(renameInFormula(f, { kind: 'column', table: 'Tbl', from, to }, { host: () => 'Tbl' })).toBe(f);
      expect(renameInFormula(f, { kind: 'sheet', from, to })).toBe(f);
      expect(renameInFormula(f, { kind: 'table', from, to })).toBe(f);
    }), { numRuns: 300 });
  });

  it('string literals holding the name are untouched', () => {
    fc.assert(fc.property(names, text, ([from, to], t) => {
      const lit = `"${`${t}Tbl[${from}] ${from}!A1 ${from}[Kol]${t}`.replace(/"/g, '""')}"`;
      const f = `${lit}&Tbl[${from}]&${lit}`;
      const out = renameInFormula(f, { kind: 'column', table: 'Tbl', from, to });
      expect(out).toBe(`${lit}&Tbl[${to}]&${lit}`);
      expect(renameInFormula(`${lit}&${from}!A1`, { kind: 'sheet', from, to })).toBe(`${lit}&${sheetPrefix(to)}!A1`);
      expect(renameInFormula(`LEN(${lit})`, { kind: 'table', from, to })).toBe(`LEN(${lit})`);
    }), { numRuns: 300 });
  });
});
