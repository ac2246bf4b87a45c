/**
 * Generated sheets are recognised by the add-in's marker (the control table), never by name
 * alone, through both adapters: the user's own sheets called Afstemning, Fejl, Overblik or
 * Statusfotos survive renamed aside with a notice; a user's table with a generated name is
 * refused; rebuilding the add-in's own sheet twice gives the same workbook. A rebuilt sheet is
 * filled under a temporary name and swapped in last (the old one intact when a sync fails), a
 * failure after some syncs says what was written, suggestions are written only over the value
 * that was validated, and cell texts are cut to Excel's 32 767 characters.
 */
import { applyPlan as applyExcel, PlanConflictError } from '../../src/excel/adapter';
import { demoRows } from '../../src/demo/demoData';
import type { CalendarDate } from '../../src/domain/parse/calendarDate';
import type { Finding } from '../../src/domain/validate';
import { excelWorkbook } from '../../src/operations/excelWorkbook';
import type { LiveWorkbook } from '../../src/operations/liveWorkbook';
import { applySuggestions, setUpWorkbook, writeFindingsSheet } from '../../src/operations/operations';
import { reconcileOnly, writeReconciliationSheet } from '../../src/operations/reconcile';
import { freezeSnapshot, refreshOverview } from '../../src/operations/summarize';
import { CellChangedError, NotGeneratedError, PartialWriteError } from '../../src/workbook/adapterContract';
import { fitCellText, fitPlan, MAX_CELL_CHARS } from '../../src/workbook/adapterRules';
import { withControl } from '../../src/workbook/generated';
import type { Plan, PlanOp } from '../../src/workbook/plan';
import type { WorkbookRead } from '../../src/workbook/read';
import { newXlsxWorkbook } from '../../src/xlsx/fileWorkbook';
import { createStandin, type Standin } from '../standin/excelStandin';

const asOf = '2026-11-25' as CalendarDate;
const all = () => true;

interface Side {
  live: LiveWorkbook;
  /** The Office.js stand-in (undefined for the file). */
  standin?: Standin;
}

const sides: [string, () => Side][] = [
  ['Office.js', () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    return { live: excelWorkbook(standin.run, all), standin };
  }],
  ['xlsx', () => ({ live: newXlsxWorkbook() })],
];

/** The demo workbook plus the user's own sheet `sheet` with a table of their figures. */
async function withUserSheet(side: Side, sheet: string, table = 'MineTal'): Promise<void> {
  await setUpWorkbook(side.live, 'da', undefined, { rows: demoRows() });
  await side.live.apply({ ops: [
    { kind: 'ensureSheet', sheet },
    { kind: 'label', sheet, row: 1, column: 1, text: 'Mine egne tal' },
    { kind: 'createTable', sheet, table, topLeft: { row: 3, column: 1 }, header: ['Hvad', 'Tal'], rows: [['Borgere i alt', 42]] },
  ] });
}

const sheetNamed = (read: WorkbookRead, name: string) => read.sheets.find((s) => s.name === name);

describe.each(sides)('%s: a sheet with a generated name the add-in did not write', (_name, make) => {
  it('reconcile: the user\'s Afstemning is renamed aside with a notice, then our own is rebuilt in place', async () => {
    const side = make();
    await withUserSheet(side, 'Afstemning');
    const run = await reconcileOnly(side.live, asOf);
    expect(run.reconciliation.lines.length).toBeGreaterThan(0);
    const { kept } = await writeReconciliationSheet(side.live, run, asOf, 'da');
    expect(kept).toEqual({ sheet: 'Afstemning', as: 'Afstemning gemt 25-11-2026', reason: 'foreign' });
    const read = await side.live.read();
    const mine = sheetNamed(read, 'Afstemning gemt 25-11-2026')!;
    expect(mine.tables).toEqual([expect.objectContaining({ table: 'MineTal', rows: [['Borgere i alt', 42]] })]);
    expect(sheetNamed(read, 'Afstemning')!.tables.map((t) => t.table)).toContain('Afstemning_Kontrol');

    // Ours now: rebuilt in place, nothing kept, and twice gives the same workbook.
    expect(await writeReconciliationSheet(side.live, run, asOf, 'da')).toEqual({});
    const once = side.standin ? side.standin.workbook.snapshot() : await side.live.read();
    expect(await writeReconciliationSheet(side.live, run, asOf, 'da')).toEqual({});
    expect(side.standin ? side.standin.workbook.snapshot() : await side.live.read()).toEqual(once);
    expect((await side.live.read()).sheets.filter((s) => s.name.startsWith('Afstemning')).map((s) => s.name)).toEqual(['Afstemning gemt 25-11-2026', 'Afstemning']);
  }, 60_000);

  it('validate → Fejl: the user\'s Fejl survives renamed aside; a hand-edited Fejl of ours is kept as "rettet"', async () => {
    const side = make();
    await withUserSheet(side, 'Fejl');
    const findings: Finding[] = [{ sheet: 'ITMV', cell: 'C5', row: 5, column: 'Status', severity: 'error', code: 'REQUIRED_EMPTY', params: {} }];
    expect(await writeFindingsSheet(side.live, findings, asOf, 'da')).toEqual({ kept: { sheet: 'Fejl', as: 'Fejl gemt 25-11-2026', reason: 'foreign' } });
    expect(sheetNamed(await side.live.read(), 'Fejl gemt 25-11-2026')!.tables[0].rows).toEqual([['Borgere i alt', 42]]);
    expect(await writeFindingsSheet(side.live, findings, asOf, 'da')).toEqual({});

    await side.live.apply({ ops: [{ kind: 'setValues', sheet: 'Fejl', cells: [{ address: 'F4', value: 'rettet af mig' }] }] });
    expect(await writeFindingsSheet(side.live, findings, '2026-11-26' as CalendarDate, 'da')).toEqual({ kept: { sheet: 'Fejl', as: 'Fejl rettet 26-11-2026', reason: 'edited' } });
    const read = await side.live.read();
    expect(sheetNamed(read, 'Fejl rettet 26-11-2026')!.tables.map((t) => t.table)).toEqual(['Fejl_rettet', 'Fejl_Kontrol_rettet']);
    expect(sheetNamed(read, 'Fejl')!.tables[0].rows[0][5]).not.toBe('rettet af mig');
  }, 60_000);

  it('summarize: the user\'s Overblik survives renamed aside with a notice', async () => {
    const side = make();
    await withUserSheet(side, 'Overblik');
    const run = await refreshOverview(side.live, asOf, 'da', { show: false });
    expect(run.kept).toEqual({ sheet: 'Overblik', as: 'Overblik gemt 25-11-2026', reason: 'foreign' });
    const read = await side.live.read();
    expect(sheetNamed(read, 'Overblik gemt 25-11-2026')!.tables[0]).toMatchObject({ table: 'MineTal', rows: [['Borgere i alt', 42]] });
    expect((await refreshOverview(side.live, asOf, 'da', { show: false })).kept).toBeUndefined();
  }, 60_000);

  it('snapshot: a user\'s table Statusfotos is refused, naming it, and nothing is written', async () => {
    const side = make();
    await withUserSheet(side, 'Opfølgning', 'Statusfotos');
    const before = await side.live.read();
    await expect(freezeSnapshot(side.live, asOf, 'da')).rejects.toThrow(NotGeneratedError);
    await expect(freezeSnapshot(side.live, asOf, 'da')).rejects.toMatchObject({ kind: 'table', target: 'Statusfotos', sheet: 'Opfølgning' });
    expect(await side.live.read()).toEqual(before);
  }, 60_000);

  it('snapshot: a user\'s sheet Statusfotos (without the table) is renamed aside; ours is appended to', async () => {
    const side = make();
    await withUserSheet(side, 'Statusfotos');
    expect(await freezeSnapshot(side.live, asOf, 'da')).toEqual({ kept: { sheet: 'Statusfotos', as: 'Statusfotos gemt 25-11-2026', reason: 'foreign' } });
    expect(await freezeSnapshot(side.live, '2026-11-26' as CalendarDate, 'da')).toEqual({});
    const read = await side.live.read();
    const ours = sheetNamed(read, 'Statusfotos')!;
    expect(ours.tables.map((t) => t.table)).toEqual(['Statusfotos', 'Statusfotos_Kontrol']);
    expect(new Set(ours.tables[0].rows.map((r) => String(r[0]))).size).toBe(2); // two dates
  }, 60_000);

  it('a user\'s table named like one of a generated sheet\'s (Fejl) is refused, naming it', async () => {
    const side = make();
    await withUserSheet(side, 'Noter', 'Fejl');
    await expect(writeFindingsSheet(side.live, [], asOf, 'da')).rejects.toMatchObject({ name: 'NotGeneratedError', kind: 'table', target: 'Fejl', sheet: 'Noter' });
  }, 60_000);
});

describe.each(sides)('%s adapter: the marker, suggestions and long texts', (_name, make) => {
  const fejl = (rows: string[][]): PlanOp[] => withControl([{ kind: 'generatedSheet', sheet: 'Fejl', title: 'Fejl', table: 'Fejl', header: ['Ark', 'Besked'], rows, columns: [] }], 'Fejl', 'Kontrol', 10);
  const base: Plan = { ops: [{ kind: 'ensureSheet', sheet: 'Data' }, { kind: 'createTable', sheet: 'Data', table: 'Data', topLeft: { row: 1, column: 1 }, header: ['Navn', 'Målgruppe'], rows: [['A', 'Unge'], ['B', 'Ledige']] }] };

  it('refuses to replace a sheet without the marker (a plan that did not keep it aside)', async () => {
    const side = make();
    await side.live.apply({ ops: [...base.ops, { kind: 'ensureSheet', sheet: 'Fejl' }, { kind: 'label', sheet: 'Fejl', row: 1, column: 1, text: 'mit' }] });
    await expect(side.live.apply({ ops: fejl([['x', 'y']]) })).rejects.toMatchObject({ name: 'NotGeneratedError', kind: 'sheet', sheet: 'Fejl' });
    expect((await side.live.read()).sheets.find((s) => s.name === 'Fejl')!.region?.header).toEqual(['mit']);
  });

  it('writes a suggestion only while the cell holds the validated value', async () => {
    const side = make();
    await side.live.apply(base);
    const finding: Finding = { sheet: 'Data', cell: 'B3', row: 3, column: 'Målgruppe', severity: 'warning', code: 'NON_STANDARD_VALUE', params: {}, suggestion: 'Ledige (jobparate)', value: 'Ledige' };
    // The user sorts the table after validating: B3 now holds another row's value.
    await side.live.apply({ ops: [{ kind: 'setValues', sheet: 'Data', cells: [{ address: 'A2', value: 'B' }, { address: 'B2', value: 'Ledige' }, { address: 'A3', value: 'A' }, { address: 'B3', value: 'Unge' }] }] });
    const error = await applySuggestions(side.live, [finding]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellChangedError);
    expect(error).toMatchObject({ sheet: 'Data', cell: 'B3' });
    expect((await side.live.read()).sheets[side.standin ? 1 : 0].tables[0].rows).toEqual([['B', 'Ledige'], ['A', 'Unge']]);
    // At its new place the validated value is still there: written.
    expect(await applySuggestions(side.live, [{ ...finding, cell: 'B2' }])).toBe(1);
    expect((await side.live.read()).sheets[side.standin ? 1 : 0].tables[0].rows[0]).toEqual(['B', 'Ledige (jobparate)']);
  });

  it('cuts a 40 000-character text to 32 767 characters, ending in "…"', async () => {
    const side = make();
    const long = 'å'.repeat(40_000);
    await side.live.apply({ ops: [...base.ops, ...fejl([['Data', long]])] });
    const read = await side.live.read();
    const cell = read.sheets.find((s) => s.name === 'Fejl')!.tables[0].rows[0][1] as string;
    expect(cell.length).toBe(MAX_CELL_CHARS);
    expect(cell.endsWith('…')).toBe(true);
    // The marker's fingerprint is of the cut text: the sheet reads back as ours, rebuilt in place.
    expect(await writeFindingsSheet(side.live, [{ sheet: 'Data', cell: 'A1', row: 1, column: '', severity: 'error', code: 'MISSING_COLUMN', params: { column: long } }], asOf, 'da')).toEqual({});
    expect(await writeFindingsSheet(side.live, [{ sheet: 'Data', cell: 'A1', row: 1, column: '', severity: 'error', code: 'MISSING_COLUMN', params: { column: long } }], asOf, 'da')).toEqual({});
    expect(((await side.live.read()).sheets.find((s) => s.name === 'Fejl')!.tables[0].rows[0][5] as string).length).toBe(MAX_CELL_CHARS);
  });
});

describe('cell texts: one rule for every writer', () => {
  it('fitCellText never splits a surrogate pair; fitPlan copies only what it cuts', () => {
    const emoji = `${'x'.repeat(MAX_CELL_CHARS - 2)}😀😀`;
    const cut = fitCellText(emoji);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cut.endsWith('x…')).toBe(true);
    const plan: Plan = { ops: [{ kind: 'label', sheet: 'S', row: 1, column: 1, text: 'kort' }] };
    expect(fitPlan(plan)).toBe(plan);
  });
});

describe('Office.js: a rebuilt sheet is filled under a temporary name and swapped in last', () => {
  const rows = (n: number, text: string) => Array.from({ length: n }, (_, i) => [`R${i}`, `${text} ${'x'.repeat(200)}`]);
  const fejl = (text: string): Plan => ({ ops: withControl([{ kind: 'generatedSheet', sheet: 'Fejl', title: 'Fejl', table: 'Fejl', header: ['Ark', 'Besked'], rows: rows(400, text), columns: [] }], 'Fejl', 'Kontrol', 410) });
  const ready = async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    await applyExcel(standin.run, fejl('gammel'));
    standin.reset();
    return standin;
  };

  it('desktop: ≤ 3 syncs; the old sheet holds its content until the last write', async () => {
    const standin = await ready();
    const seen: string[] = [];
    standin.options.onSync = ({ request }) => {
      seen.push(request);
    };
    await applyExcel(standin.run, fejl('ny'));
    expect(standin.stats.syncs).toBeLessThanOrEqual(3);
    expect(standin.workbook.sheetNames()).toEqual(['Ark1', 'Fejl']);
    expect(standin.workbook.value('Fejl', 'B4')).toMatch(/^ny /);
    // In the write sync, the old sheet's delete comes after every value written.
    const last = seen[seen.length - 1];
    expect(last.indexOf('"Delete"')).toBeGreaterThan(0);
    expect(last.lastIndexOf('"Values"')).toBeLessThan(last.indexOf('"Delete"'));
  });

  it('web: a failing sync leaves the old sheet intact, removes the temporary one and says what was written', async () => {
    const standin = await ready();
    const before = standin.workbook.snapshot();
    const intact: boolean[] = [];
    standin.options.failSync = (sync) => {
      intact.push(standin.workbook.value('Fejl', 'B4')?.toString().startsWith('gammel') ?? false);
      return sync === 4 ? { code: 'GeneralException', message: 'Excel gav op', afterCommands: 1 } : undefined;
    };
    const error = await applyExcel(standin.run, fejl('ny'), { payloadLimit: 40_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError;
    expect(partial.done).toBe(1);
    expect(partial.parts).toBeGreaterThan(2);
    expect(partial.unwritten).toEqual(['Fejl']);
    expect(partial.message).toContain('Excel gav op');
    expect(intact.every(Boolean)).toBe(true);
    expect(standin.workbook.snapshot()).toEqual(before);

    // Without the failure the same plan goes through in several syncs, swapped in at the end.
    standin.options.failSync = undefined;
    await applyExcel(standin.run, fejl('ny'), { payloadLimit: 40_000 });
    expect(standin.workbook.sheetNames()).toEqual(['Ark1', 'Fejl']);
    expect(standin.workbook.value('Fejl', 'B4')).toMatch(/^ny /);
    expect(standin.workbook.tables().map((t) => t.name)).toEqual(['Fejl', 'Fejl_Kontrol']);
  });

  it('a conflict is still found before anything is written', async () => {
    const standin = await ready();
    await expect(applyExcel(standin.run, { ops: [...fejl('ny').ops, { kind: 'createTable', sheet: 'Ark1', table: 'T', topLeft: { row: 1, column: 1 }, header: ['a'], rows: [] }, { kind: 'createTable', sheet: 'Ark1', table: 'U', topLeft: { row: 1, column: 1 }, header: ['b'], rows: [] }] })).rejects.toBeInstanceOf(PlanConflictError);
    expect(standin.workbook.value('Fejl', 'B4')).toMatch(/^gammel /);
  });
});
