/**
 * The portfolio and partner operations on in-memory workbooks (the path the task pane takes):
 * consolidating into a workbook that has tables already appends to them and creates the missing
 * tracking sheets; a merge over a cell changed since it was compared writes nothing.
 */
import { demoRows } from '../../src/demo/demoData';
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
  const all = demoRows();
  const mine = (rows: CellValue[][]) => rows.filter((r) => ids.includes(String(r[0])));
  const rows: Record<string, CellValue[][]> = {
    [TABLE_NAMES.initiatives]: mine(all[TABLE_NAMES.initiatives]),
    [TABLE_NAMES.statusLog]: mine(all[TABLE_NAMES.statusLog]),
    [TABLE_NAMES.budget]: mine(all[TABLE_NAMES.budget]),
    [TABLE_NAMES.postings]: mine(all[TABLE_NAMES.postings]),
  };
  for (const id of ids) rows[participantTableName(id)] = all[participantTableName(id)];
  const workbook = memoryWorkbook();
  await workbook.apply(planStructure({ sheets: [] }, { lang: 'da', rows }));
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
    const whole = memoryWorkbook();
    await whole.apply(planStructure({ sheets: [] }, { lang: 'da', rows: demoRows() }));
    const [a, b] = [planSummary(read, AS_OF, 'da'), planSummary(await whole.read(), AS_OF, 'da')];
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
