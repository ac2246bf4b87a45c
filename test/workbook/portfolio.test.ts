/**
 * The portfolio and partner operations on in-memory workbooks (the path the task pane takes):
 * consolidating into a workbook that has tables already appends to them and creates the missing
 * tracking sheets; frozen snapshots and imported refund files come along (once when they are the
 * same, refused naming both files when not); a merge over a cell changed since it was compared
 * writes nothing.
 */
import { demoRows } from '../../src/demo/demoData';
import { importRefunds } from '../../src/operations/refundImport';
import { freezeSnapshot, withdrawSnapshot } from '../../src/operations/summarize';
import { hasMarker } from '../../src/workbook/generated';
import { NotGeneratedError } from '../../src/workbook/adapterContract';
import { planRefundRows, refundRows } from '../../src/workbook/refundSheet';
import { problemText } from '../../src/cli/portfolio';
import { DEMO_SPLIT, demoPartPlan } from '../helpers/demoSplit';
import { participantTableName, TABLE_NAMES } from '../../src/domain/model/schema';
import type { CalendarDate } from '../../src/domain/parse';
import type { CellValue } from '../../src/domain/parse/cell';
import { CellChangedError } from '../../src/workbook/adapterContract';
import { consolidate, makePartnerWorkbook, mergePartnerWorkbook } from '../../src/operations/portfolio';
import { planSummary } from '../../src/operations/summarize';
import { diffPartner, PartnerError } from '../../src/workbook/partner';
import { contractRows, mergeContents, workbookContent } from '../../src/workbook/portfolio';
import { planStructure } from '../../src/workbook/structure';
import type { WorkbookRead } from '../../src/workbook/read';
import { PARTICIPANTS } from '../../src/domain/model/schema';
import { memoryWorkbook } from '../helpers/memoryWorkbook';

const AS_OF = '2026-11-25' as CalendarDate;

async function part(ids: string[]) {
  const workbook = memoryWorkbook();
  await workbook.apply(demoPartPlan(ids));
  return workbook;
}

const table = (read: WorkbookRead, name: string) => read.sheets.flatMap((s) => s.tables).find((t) => t.table === name)!;

describe('consolidate into a workbook with tables', () => {
  it('appends the other workbooks’ rows, creates their tracking sheets, and counts as the whole demo', async () => {
    const target = await part(['ITMV', 'FSM', 'JOBFIRST', 'EMP']);
    const others = [await part(['SPEC', 'STRAKS', 'CVJOB', 'TRANS']), await part(['FKIB', 'UNGE', 'SMC', 'INV', 'HJEM', 'POOL'])];
    const seen: string[] = [];
    const run = await consolidate(target, others.map((w, i) => ({ name: `team-${i}.xlsx`, open: async () => w })), AS_OF, 'da', {
      targetName: 'open.xlsx',
      onSource: (i, n, name) => void seen.push(`${i}/${n} ${name}`),
    });
    expect(run.refused).toBe(false);
    expect(seen).toEqual(['1/2 team-0.xlsx', '2/2 team-1.xlsx']);
    expect(run.problems).toEqual([]);
    const read = await target.read();
    expect(read.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['FKIB', 'HJEM', 'Overblik']));
    const [a, b] = [planSummary(read, AS_OF, 'da'), planSummary(await (await whole()).read(), AS_OF, 'da')];
    expect(a.initiatives).toEqual(b.initiatives);
    expect(a.portfolio).toEqual(b.portfolio);
    expect(contractRows(table(read, participantTableName('FKIB')), PARTICIPANTS).rows).toHaveLength(65);
  });

  it('refuses a clash with the open workbook and writes nothing', async () => {
    const target = await part(['ITMV']);
    const other = await part(['ITMV']);
    const register = table(await other.read(), TABLE_NAMES.initiatives);
    await other.apply({ ops: [{ kind: 'setValues', sheet: register.sheet, cells: [{ address: 'B5', value: 'Andet navn' }] }] });
    const before = target.applied.length;
    const run = await consolidate(target, [{ name: 'b.xlsx', open: async () => other }], AS_OF, 'da', { targetName: 'open.xlsx' });
    expect(run.refused).toBe(true);
    expect(run.problems).toEqual([{ code: 'id-clash', id: 'ITMV', file: 'open.xlsx', other: 'b.xlsx', what: 'register' }]);
    expect(target.applied.length).toBe(before);
  });
});

/** Two KOMBIT-style refund files (no CPR number kept: the import aggregates per week and benefit). */
const REFUND_HEADER = 'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb';
const REFUNDS: Record<string, string> = {
  'refusion-uge7.csv': [REFUND_HEADER, '2021-07;0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00', '2021-07;1502851237;Uddannelseshjælp;3.000,00;40,00;1.200,00;60,00;1.800,00'].join('\r\n'),
  'refusion-uge8.csv': [REFUND_HEADER, '2021-08;0101901234;Kontanthjælp;5.000,00;80,00;4.000,00;20,00;1.000,00'].join('\r\n'),
};
const TODAY = '2026-11-30' as CalendarDate;

/** The workbook (the demo's initiatives `ids`) frozen on AS_OF, one more date withdrawn (the audit trail), with the refund files given imported. */
async function frozen(ids: string[] | 'demo', refunds: string[]) {
  const w = ids === 'demo' ? await whole() : await part(ids);
  await freezeSnapshot(w, '2026-06-30' as CalendarDate, 'da');
  await withdrawSnapshot(w, '2026-06-30' as CalendarDate, TODAY, 'da');
  await freezeSnapshot(w, AS_OF, 'da');
  for (const name of refunds) expect((await importRefunds(w, REFUNDS[name], name, TODAY, 'da')).kind).toBe('ok');
  return w;
}

async function whole() {
  const w = memoryWorkbook();
  await w.apply(planStructure({ sheets: [] }, { lang: 'da', rows: demoRows() }));
  return w;
}

const rowsOf = async (w: ReturnType<typeof memoryWorkbook>, name: string) => table(await w.read(), name).rows;

describe('consolidate carries Statusfotos and Refusionsberegning', () => {
  it('gives the demo’s Statusfotos (withdrawn rows too, with the marker) and Refusion rows; an identical import is taken once', async () => {
    const teams = Object.values(DEMO_SPLIT);
    const demo = await frozen('demo', ['refusion-uge7.csv', 'refusion-uge8.csv']);
    const sources = [await frozen(teams[0], ['refusion-uge7.csv']), await frozen(teams[1], ['refusion-uge8.csv']), await frozen(teams[2], ['refusion-uge7.csv'])];
    const target = memoryWorkbook();
    const run = await consolidate(target, sources.map((w, i) => ({ name: `team-${i}.xlsx`, open: async () => w })), AS_OF, 'da');
    expect(run.refused).toBe(false);
    expect(run.problems).toEqual([{ code: 'refund-identical', refundFile: 'refusion-uge7.csv', file: 'team-0.xlsx', other: 'team-2.xlsx' }]);
    expect(problemText(run.problems[0], 'da')).toBe('Refusionsfilen refusion-uge7.csv er importeret ens i team-0.xlsx og team-2.xlsx; den er taget med én gang.');
    const [snapshots, expected] = [await rowsOf(target, 'Statusfotos'), await rowsOf(demo, 'Statusfotos')];
    expect(snapshots).toHaveLength(28);
    // Per date, the initiatives in the register's order (the teams' files are in that order).
    const byDate = (rows: CellValue[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byDate(snapshots)).toEqual(byDate(expected));
    expect(snapshots.filter((r) => r[11] !== null)).toHaveLength(14); // the withdrawn date stays withdrawn
    expect(await rowsOf(target, 'Refusionsberegning')).toEqual(await rowsOf(demo, 'Refusionsberegning'));
    const read = await target.read();
    expect(hasMarker(read.sheets.find((s) => s.name === 'Statusfotos')!, 'Statusfotos')).toBe(true);
    // Overblik's trend reads the carried snapshots: freezing AS_OF again is refused as in the demo.
    await expect(freezeSnapshot(target, AS_OF, 'da')).rejects.toThrow('A snapshot for 2026-11-25 exists');
    expect(run.reconciliation).toEqual({ lines: 1, gaps: 0 });
    expect(read.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Overblik', 'Statusrapport', 'Afstemning', 'Refusion']));
  });

  it('refuses the same initiative with other snapshots, naming both files, and writes nothing', async () => {
    const a = await frozen(['ITMV'], []);
    const b = await part(['ITMV']); // never frozen
    const target = memoryWorkbook();
    const run = await consolidate(target, [{ name: 'a.xlsx', open: async () => a }, { name: 'b.xlsx', open: async () => b }], AS_OF, 'da');
    expect(run.refused).toBe(true);
    expect(run.problems).toEqual([{ code: 'id-clash', id: 'ITMV', file: 'a.xlsx', other: 'b.xlsx', what: 'snapshots' }]);
    expect(problemText(run.problems[0], 'en')).toContain('Initiative ID ITMV is in both a.xlsx and b.xlsx with different content (the snapshots).');
    expect(target.applied).toEqual([]);
  });

  it('refuses the same refund file with other rows, naming both workbooks and the file', async () => {
    const a = await frozen(['ITMV'], ['refusion-uge7.csv']);
    const b = await part(['FSM']);
    expect((await importRefunds(b, REFUNDS['refusion-uge8.csv'], 'refusion-uge7.csv', TODAY, 'da')).kind).toBe('ok');
    const target = memoryWorkbook();
    const run = await consolidate(target, [{ name: 'a.xlsx', open: async () => a }, { name: 'b.xlsx', open: async () => b }], AS_OF, 'da');
    expect(run.refused).toBe(true);
    expect(run.problems).toEqual([{ code: 'refund-clash', refundFile: 'refusion-uge7.csv', file: 'a.xlsx', other: 'b.xlsx' }]);
    expect(problemText(run.problems[0], 'da')).toBe('Refusionsfilen refusion-uge7.csv er importeret i både a.xlsx og b.xlsx, men med forskellige rækker i Refusionsberegning. Slet den forkerte import i den ene projektmappe, eller giv filerne forskellige navne. Intet er skrevet.');
    expect(target.applied).toEqual([]);
  });

  it('appends to the open workbook’s own Statusfotos and refuses a user’s table of that name before writing', async () => {
    const target = await frozen(['ITMV'], ['refusion-uge7.csv']);
    const other = await frozen(['FSM'], ['refusion-uge8.csv']);
    const run = await consolidate(target, [{ name: 'b.xlsx', open: async () => other }], AS_OF, 'da', { targetName: 'open.xlsx' });
    expect(run.problems).toEqual([]);
    expect((await rowsOf(target, 'Statusfotos')).map((r) => [r[0], r[1]])).toEqual([
      [new Date('2026-06-30T00:00:00.000Z'), 'ITMV'], [new Date('2026-11-25T00:00:00.000Z'), 'ITMV'], [new Date('2026-06-30T00:00:00.000Z'), 'FSM'], [new Date('2026-11-25T00:00:00.000Z'), 'FSM'],
    ]);
    expect((await rowsOf(target, 'Refusionsberegning')).map((r) => r[9])).toEqual(['refusion-uge7.csv', 'refusion-uge7.csv', 'refusion-uge8.csv']);

    const mine = await part(['ITMV']);
    await mine.apply({ ops: [{ kind: 'ensureSheet', sheet: 'Noter' }, { kind: 'createTable', sheet: 'Noter', table: 'Statusfotos', topLeft: { row: 1, column: 1 }, header: ['Hvad', 'Hvornår'], rows: [['foto af holdet', '2026-05-01']] }] });
    const before = mine.applied.length;
    await expect(consolidate(mine, [{ name: 'b.xlsx', open: async () => other }], AS_OF, 'da', { targetName: 'open.xlsx' })).rejects.toBeInstanceOf(NotGeneratedError);
    expect(mine.applied.length).toBe(before);
  });
});

describe('refund rows into an existing Refusionsberegning', () => {
  const header = ['Uge', 'Ydelse', 'Personer', 'Linjer', 'Udbetalt', 'Refusion', 'Medfinansiering', 'Refusionssats', 'Importeret', 'Fil'];
  const row: CellValue[] = ['2021-07', 'Kontanthjælp', 2, 2, 15000.5, 12000.4, 3000.1, 0.8, 46000, 'uge7.csv'];
  const existing = (h: string[]) => ({ sheet: 'Refusion', table: 'Refusionsberegning', ref: 'A4:J5', headerRow: 4, firstColumn: 1, header: h, rows: [] as CellValue[][] });

  it('goes by header into a rearranged table, and by position (as the import always did) into one lacking a column', () => {
    const reversed = planRefundRows(existing([...header].reverse()), [row], 'da')[0];
    expect(reversed).toMatchObject({ kind: 'appendRows', rows: [[...row].reverse()] });
    expect(refundRows({ ...existing([...header].reverse()), rows: [[...row].reverse()] })).toEqual([row]);
    const short = planRefundRows(existing(['Uge', 'Ydelse', 'Noter']), [row], 'da')[0];
    expect(short).toMatchObject({ kind: 'appendRows', rows: [row] });
  });
});

describe('contractRows', () => {
  it('reads a rearranged table by its headers, leaves out empty rows and names the columns it does not carry', () => {
    const table = {
      sheet: 'ITMV', table: 'Deltagere_ITMV', ref: 'A4:D6', headerRow: 4, firstColumn: 1,
      header: ['Status', 'Noter', 'deltager-id', 'Startdato'],
      rows: [['I forløb', 'ring fredag', 'ITMV-001', 42370], [null, '', null, null], ['I job', null, 'ITMV-002', 42371]] as CellValue[][],
    };
    const { rows, extra } = contractRows(table, PARTICIPANTS);
    expect(extra).toEqual(['Noter']);
    expect(rows.map((r) => r.slice(0, 5))).toEqual([['ITMV-001', 42370, null, null, 'I forløb'], ['ITMV-002', 42371, null, null, 'I job']]);
  });
});

describe('mergeContents', () => {
  it('takes an initiative that is the same in two files once, but not when its status log differs', async () => {
    const content = workbookContent('a.xlsx', await (await part(['ITMV'])).read())!;
    const same = mergeContents([content, { ...content, file: 'b.xlsx' }]);
    expect(same.problems).toEqual([{ code: 'id-identical', id: 'ITMV', file: 'a.xlsx', other: 'b.xlsx' }]);
    expect(same.rows[TABLE_NAMES.statusLog]).toHaveLength(content.statusLog.length);
    const more = { ...content, file: 'b.xlsx', statusLog: [...content.statusLog, ['ITMV', new Date(Date.UTC(2016, 11, 31)), 'I alt', 20, null]] };
    expect(mergeContents([content, more]).problems).toEqual([{ code: 'id-clash', id: 'ITMV', file: 'a.xlsx', other: 'b.xlsx', what: 'statusLog' }]);
  });

  it('compares snapshots by their dates, however they are held: text in one file, a date in the other', async () => {
    const content = workbookContent('a.xlsx', await (await part(['ITMV'])).read())!;
    const frozen: CellValue[] = ['2026-11-25', 'ITMV', 'I Tråd Med Verden', 2, 0, 6, 8, 3, 18, 19, 14, null];
    const a = { ...content, snapshots: [frozen] };
    const b = { ...content, file: 'b.xlsx', snapshots: [[new Date(Date.UTC(2026, 10, 25)), ...frozen.slice(1)]] };
    expect(mergeContents([a, b]).problems).toEqual([{ code: 'id-identical', id: 'ITMV', file: 'a.xlsx', other: 'b.xlsx' }]);
    expect(mergeContents([a, b]).snapshots.rows).toEqual([frozen]);
    const withdrawn = { ...b, snapshots: [[...frozen.slice(0, 11), new Date(Date.UTC(2026, 10, 30))]] };
    expect(mergeContents([a, withdrawn]).problems).toEqual([{ code: 'id-clash', id: 'ITMV', file: 'a.xlsx', other: 'b.xlsx', what: 'snapshots' }]);
  });

  it('reports the same ID twice in one register', async () => {
    const w = await part(['ITMV']);
    const content = workbookContent('a.xlsx', await w.read())!;
    const twice = { ...content, initiatives: [...content.initiatives, content.initiatives[0]] };
    expect(mergeContents([twice]).problems).toEqual([{ code: 'id-twice', id: 'ITMV', file: 'a.xlsx' }]);
  });
});

describe('the partner round trip in memory', () => {
  it('refuses a merge over a cell changed in the main workbook since it was compared', async () => {
    const main = await part(['ITMV', 'FSM']);
    const partner = memoryWorkbook();
    await makePartnerWorkbook(main, partner, 'ITMV', 'da');
    const sheet = table(await partner.read(), participantTableName('ITMV'));
    await partner.apply({ ops: [{ kind: 'setValues', sheet: sheet.sheet, cells: [{ address: 'E9', value: 'I ordinær beskæftigelse' }] }] });
    // Someone changes the same cell in the main workbook between the comparison and the write.
    const racing = {
      ...main,
      read: main.read,
      activeSheet: main.activeSheet,
      apply: async (plan: Parameters<typeof main.apply>[0]) => {
        main.workbook.getWorksheet('ITMV')!.getCell('E9').value = 'Afsluttet til anden indsats';
        return main.apply(plan);
      },
    };
    await expect(mergePartnerWorkbook(racing, partner, AS_OF, { accept: 'all' })).rejects.toBeInstanceOf(CellChangedError);
    expect(main.workbook.getWorksheet('ITMV')!.getCell('E9').value).toBe('Afsluttet til anden indsats');
  });

  it('reports a change to the register row as not taken, and takes nothing of it', async () => {
    const main = await part(['ITMV', 'FSM']);
    const partner = memoryWorkbook();
    await makePartnerWorkbook(main, partner, 'ITMV', 'da');
    const register = table(await partner.read(), TABLE_NAMES.initiatives);
    const statusDate = register.header.indexOf('Status pr.');
    await partner.apply({ ops: [{ kind: 'setValues', sheet: register.sheet, cells: [{ address: `${String.fromCharCode(65 + statusDate)}5`, value: new Date(Date.UTC(2016, 8, 30)) }] }] });
    const diff = diffPartner(await main.read(), await partner.read());
    expect(diff.registerChanges).toEqual([{ column: 'Status pr.', from: new Date(Date.UTC(2016, 7, 29)), to: new Date(Date.UTC(2016, 8, 30)) }]);
    expect([diff.added, diff.changes, diff.deleted]).toEqual([[], [], []]);
  });

  it('a partner copy of another initiative is refused by name', async () => {
    const main = await part(['FSM']);
    const partner = memoryWorkbook();
    await makePartnerWorkbook(await part(['ITMV']), partner, 'ITMV', 'da');
    let problem: unknown;
    try {
      diffPartner(await main.read(), await partner.read());
    } catch (e) {
      problem = (e as PartnerError).problem;
    }
    expect(problem).toEqual({ code: 'other-initiative', id: 'ITMV', known: ['FSM'] });
  });
});
