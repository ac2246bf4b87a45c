/** The file-backed LiveWorkbook the CLI works on: read once, plans applied in memory, written atomically. */
import { existsSync, readdirSync } from 'fs';
import { demoRows } from '../../src/demo/demoData';
import { setUpWorkbook, validate } from '../../src/operations/operations';
import { newXlsxWorkbook, openXlsxWorkbook, readXlsx, XlsxReadError } from '../../src/xlsx';
import { sha256, tempDir } from './fixtures';

const tmp = tempDir('indsats-fileworkbook-');
// Each test writes or reads the demo workbook (~2 s on a busy 2-core machine).
const SLOW_MS = 30_000;
afterAll(() => tmp.cleanup());

describe('the file-backed LiveWorkbook', () => {
  it('round-trips: set up in memory, saved, opened again gives the same read', async () => {
    const created = newXlsxWorkbook();
    expect(await created.read()).toEqual({ sheets: [] });
    const result = await setUpWorkbook(created, 'da', undefined, { rows: demoRows() });
    expect(result.added).toBeGreaterThan(0);
    const file = tmp.path('demo.xlsx');
    await created.save(file);

    const opened = await openXlsxWorkbook(file);
    const read = await opened.read();
    expect(read).toEqual(await created.read());
    expect(read).toEqual((await readXlsx(file)).read);
    expect(await opened.read()).toBe(read); // read once, not again per call
    expect((await opened.read({ sheets: ['itmv'] })).sheets.map((s) => s.name)).toEqual(['ITMV']);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, SLOW_MS);

  it('applies plans to the workbook in memory, and writes only when saved, never to its input', async () => {
    const input = tmp.path('demo.xlsx');
    const before = sha256(input);
    const live = await openXlsxWorkbook(input);
    const first = await live.read();
    await live.apply({ ops: [{ kind: 'setValues', sheet: 'ITMV', cells: [{ address: 'C5', value: 'Ukendt målgruppe' }] }, { kind: 'select', sheet: 'ITMV', address: 'C5' }] });
    const after = await live.read();
    expect(after).not.toBe(first);
    expect(after.sheets.find((s) => s.name === 'ITMV')!.tables[0].rows[0][2]).toBe('Ukendt målgruppe');
    expect(await live.activeSheet()).toBe('ITMV');
    expect((await validate(live, 'sheet', '2016-08-29' as never)).findings.map((f) => `${f.cell} ${f.code}`)).toContain('C5 UNKNOWN_CODE');
    expect(sha256(input)).toBe(before);

    const output = tmp.path('changed.xlsx');
    await live.save(output);
    expect(sha256(input)).toBe(before);
    expect((await readXlsx(output)).read).toEqual(after);
  }, SLOW_MS);

  it('reports an unreadable file as an XlsxReadError', async () => {
    await expect(openXlsxWorkbook(tmp.path('missing.xlsx'))).rejects.toBeInstanceOf(XlsxReadError);
    expect(existsSync(tmp.path('missing.xlsx'))).toBe(false);
  });
});
