/**
 * The writing commands on workbooks whose sheets reach the last row and column (issue 16, item 2):
 * each command loads ExcelJS, applies its plan, writes, and the result is read again through
 * readWorkbook. None may crash or grow with the bounding box; each runs as `node bin/indsats.js`
 * in a child process whose peak memory (maxRSS) is measured.
 *
 * Measured with /usr/bin/time on a shared 2-core machine (load 5–6), wall time and peak RSS,
 * before → after:
 * - demo + a sheet with A1 and XFD1048576 (270 KB): every command 1.6–3.6 s, 185–195 MB before
 *   and 2.5–2.9 s, 189–199 MB after (the read goes through the streaming reader); readWorkbook of
 *   its ExcelJS model: heap out of memory after 24.7 s at 4.3 GB → 0.07 s (135 MB process total);
 * - demo with every table reaching row 1 048 576: repair > 120 s and 3.2 GB (killed) → 2.1 s,
 *   187 MB; summarize, snapshot, reconcile -o, import-refunds 1.7–2.1 s, 185–195 MB before and
 *   2.4–2.7 s, 184–194 MB after; readWorkbook of one such table: 1 048 572 rows, 0.7 s, 520 MB →
 *   519 rows, 0.04 s;
 * - repair's output of that workbook (drop-downs to row 1 048 576) repaired again: ExcelJS made a
 *   validation entry per cell, > 680 s and 1.2 GB (killed) → 1.5 s, 188 MB; every other command
 *   on it 1.3–1.4 s, 183–189 MB.
 * Times are not asserted (see jest.config.js); the memory bound is.
 */
import { spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { Workbook } from 'exceljs';
import { readXlsx } from '../../src/xlsx';
import { rewriteZip, sha256, tempDir } from '../xlsx/fixtures';
import { BIN_TIMEOUT_MS, demoWorkbook, INDSATS_BIN } from './helpers';

const tmp = tempDir('indsats-huge-');
const demo = tmp.path('demo.xlsx');
const corners = tmp.path('hjoerner.xlsx');
const tall = tmp.path('hoeje-tabeller.xlsx');
const refunds = tmp.path('refusion.csv');
const hook = tmp.path('maxrss.js');

beforeAll(async () => {
  await demoWorkbook(demo);
  const wb = new Workbook();
  await wb.xlsx.readFile(demo);
  const notes = wb.addWorksheet('Noter');
  notes.getCell('A1').value = 'Navn';
  notes.getCell('XFD1048576').value = 'x';
  await wb.xlsx.writeFile(corners);
  // Every table (and its autoFilter) reaches the last row; the cells stay where they are.
  writeFileSync(tall, rewriteZip(readFileSync(demo), (name, data) =>
    /^xl\/tables\/table\d+\.xml$/.test(name) ? Buffer.from(data.toString('utf8').replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, 'ref="$1:$21048576"')) : undefined));
  writeFileSync(refunds, '\uFEFFUge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb\r\n2021-07;0101901234;Kontanthjælp;10.000,00;80,00;8.000,00;20,00;2.000,00\r\n');
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(process.env.MAXRSS_OUT, String(process.resourceUsage().maxRSS / 1024)));`);
});
afterAll(() => tmp.cleanup());

/** `node bin/indsats.js <args>` with its peak memory in MiB. */
function run(...args: string[]): { code: number | null; err: string; maxRssMiB: number } {
  const out = tmp.path(`rss-${args[0]}-${Date.now()}.txt`);
  const child = spawnSync(process.execPath, ['--require', hook, INDSATS_BIN, ...args, '--quiet'], {
    encoding: 'utf8',
    timeout: BIN_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, MAXRSS_OUT: out },
  });
  return { code: child.status, err: child.stderr, maxRssMiB: Number(readFileSync(out, 'utf8')) };
}

const MiB = 1;
const LIMIT = 700 * MiB;

describe.each([
  ['A1 and XFD1048576 on a sheet of their own', () => corners],
  ['every table reaching row 1 048 576', () => tall],
])('%s', (_, input) => {
  it.each([
    ['repair', []],
    ['summarize', ['--as-of', '2026-11-25']],
    ['snapshot', ['--as-of', '2026-11-25']],
    ['reconcile', ['--as-of', '2026-11-25']],
    ['import-refunds', []],
  ])('%s writes its result without crashing, in bounded memory; the result reads back', async (command, extra) => {
    const file = input();
    const before = sha256(file);
    const out = tmp.path(`${command}-${file === tall ? 'tall' : 'corners'}.xlsx`);
    const args = command === 'import-refunds' ? [command, file, refunds, '-o', out] : [command, file, '-o', out, ...extra];
    const r = run(...args);
    expect(r.err).not.toMatch(/heap|Uventet|\bat .+:\d+:\d+/);
    expect(r.code).toBe(0);
    expect(r.maxRssMiB).toBeLessThan(LIMIT);
    expect(sha256(file)).toBe(before);
    // The result through ExcelJS and readWorkbook, as the next command's write path reads it.
    const { read } = await readXlsx(out);
    if (file === corners) {
      expect(read.sheets.find((s) => s.name === 'Noter')).toMatchObject({ region: { ref: 'A1' }, outside: { cells: 1, ref: 'A1:XFD1048576' } });
    } else {
      const itmv = read.sheets.find((s) => s.name === 'ITMV')!.tables[0];
      expect(itmv.ref).toBe('A4:K1048576');
      expect(itmv.rows.length).toBeLessThan(1000);
    }
  });
});

it('the repaired workbook with tables to row 1 048 576 (drop-downs to the last row) is repaired again in bounded memory', () => {
  const once = tmp.path('repaired-once.xlsx');
  expect(run('repair', tall, '-o', once).code).toBe(0);
  const twice = run('repair', once, '-o', tmp.path('repaired-twice.xlsx'));
  expect(twice.code).toBe(0);
  expect(twice.maxRssMiB).toBeLessThan(LIMIT);
});
