/**
 * Files picked in the task pane as workbooks (src/operations/otherWorkbooks.ts): read with the
 * browser reader, refused before their bytes are read when too big, named in every error, never
 * written; consolidated through pickedSources as the pane does it.
 */
import { demoRows } from '../../src/demo/demoData';
import { participantTableName, TABLE_NAMES } from '../../src/domain/model/schema';
import type { CalendarDate } from '../../src/domain/parse';
import type { CellValue } from '../../src/domain/parse/cell';
import { openPickedFile, pickedSources, ReadOnlyWorkbookError, XlsxReadError, type PickedFile } from '../../src/operations/otherWorkbooks';
import { consolidate } from '../../src/operations/portfolio';
import { problemText } from '../../src/operations/portfolioText';
import { planStructure } from '../../src/workbook/structure';
import { applyPlan, newWorkbook, xlsxBuffer } from '../../src/xlsx';
import { memoryWorkbook } from '../helpers/memoryWorkbook';

const AS_OF = '2026-11-25' as CalendarDate;

async function teamBytes(ids: string[], rename?: string): Promise<Buffer> {
  const all = demoRows();
  const mine = (rows: CellValue[][]) => rows.filter((r) => ids.includes(String(r[0])));
  const rows: Record<string, CellValue[][]> = {
    [TABLE_NAMES.initiatives]: mine(all[TABLE_NAMES.initiatives]).map((r) => (rename ? [r[0], rename, ...r.slice(2)] : r)),
    [TABLE_NAMES.statusLog]: mine(all[TABLE_NAMES.statusLog]),
  };
  for (const id of ids) rows[participantTableName(id)] = all[participantTableName(id)];
  const wb = newWorkbook();
  applyPlan(wb, planStructure({ sheets: [] }, { lang: 'da', rows }));
  return xlsxBuffer(wb);
}

/** A picked file as the DOM gives it; counts how often its bytes were asked for. */
function picked(name: string, bytes: Uint8Array, size = bytes.length): PickedFile & { reads: number } {
  const file = {
    name,
    size,
    reads: 0,
    arrayBuffer: async () => {
      file.reads += 1;
      return bytes.slice().buffer as ArrayBuffer;
    },
  };
  return file;
}

const registerIds = async (wb: ReturnType<typeof memoryWorkbook>) =>
  (await wb.read()).sheets.flatMap((s) => s.tables).find((t) => t.table === TABLE_NAMES.initiatives)!.rows.map((r) => r[0]);

describe('a picked file', () => {
  it('reads as a workbook that refuses every plan', async () => {
    const wb = await openPickedFile(picked('Team A.xlsx', new Uint8Array(await teamBytes(['ITMV']))));
    expect((await wb.read()).sheets.map((s) => s.name)).toContain('ITMV');
    await expect(wb.apply({ ops: [{ kind: 'ensureSheet', sheet: 'X' }] })).rejects.toEqual(expect.any(ReadOnlyWorkbookError));
  });

  it('over the size limit is refused before its bytes are read', async () => {
    const file = picked('Stor.xlsx', new Uint8Array(10), 300 * 1024 * 1024);
    await expect(openPickedFile(file)).rejects.toMatchObject({ code: 'too-large', path: 'Stor.xlsx' });
    expect(file.reads).toBe(0);
  });

  it('that cannot be read, or is no workbook, is an XlsxReadError naming it', async () => {
    const gone: PickedFile = { name: 'Væk.xlsx', size: 10, arrayBuffer: () => Promise.reject(new Error('NotReadableError')) };
    await expect(openPickedFile(gone)).rejects.toMatchObject({ code: 'not-found', path: 'Væk.xlsx' });
    const csv = picked('Liste.xlsx', new TextEncoder().encode('Navn;Start\n'));
    await expect(openPickedFile(csv)).rejects.toEqual(expect.any(XlsxReadError));
    await expect(openPickedFile(csv)).rejects.toMatchObject({ code: 'not-xlsx', message: expect.stringMatching(/^Liste\.xlsx: /) });
  });
});

describe('consolidating picked files (the pane\'s path)', () => {
  it('brings two teams into the open workbook', async () => {
    const target = memoryWorkbook();
    const files = [picked('Team A.xlsx', new Uint8Array(await teamBytes(['ITMV', 'FSM']))), picked('Team B.xlsx', new Uint8Array(await teamBytes(['EMP'])))];
    const seen: string[] = [];
    const run = await consolidate(target, pickedSources(files), AS_OF, 'da', { targetName: 'denne projektmappe', overview: false, onSource: (i, n, f) => void seen.push(`${i}/${n} ${f}`) });
    expect(run).toMatchObject({ refused: false, initiatives: 3 });
    expect(seen).toEqual(['1/2 Team A.xlsx', '2/2 Team B.xlsx']);
    expect(await registerIds(target)).toEqual(['ITMV', 'FSM', 'EMP']);
    expect(files.map((f) => f.reads)).toEqual([1, 1]);
  });

  it('refuses a clash naming both files, and an unreadable file, writing nothing', async () => {
    const target = memoryWorkbook();
    const clash = await consolidate(target, pickedSources([picked('Team A.xlsx', new Uint8Array(await teamBytes(['ITMV']))), picked('Team A ny.xlsx', new Uint8Array(await teamBytes(['ITMV'], 'Andet navn')))]), AS_OF, 'da', { overview: false });
    expect(clash.refused).toBe(true);
    expect(clash.problems.map((p) => problemText(p, 'da'))).toEqual([expect.stringMatching(/^Indsats-ID ITMV findes i både Team A\.xlsx og Team A ny\.xlsx med forskelligt indhold/)]);
    const broken = pickedSources([picked('Team A.xlsx', new Uint8Array(await teamBytes(['ITMV']))), picked('Skadet.xlsx', new Uint8Array((await teamBytes(['EMP'])).subarray(0, 2000)))]);
    await expect(consolidate(target, broken, AS_OF, 'da', { overview: false })).rejects.toMatchObject({ code: 'corrupt', path: 'Skadet.xlsx' });
    expect(target.applied).toEqual([]);
  });
});
