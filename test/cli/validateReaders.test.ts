/**
 * `indsats validate --json` gives the same bytes whichever reader reads the file (issue 15): the
 * streaming reader the CLI uses, and ExcelJS (readWorkbook over loadXlsx, the read path before it)
 * feeding the same operation and the same printer; on the demo workbook and on a generated
 * 100 000-row workbook. The core's per-column caches change no finding either (`cache: false`
 * reads every cell afresh).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { printFindings } from '../../src/cli/findings';
import { maskCpr } from '../../src/domain/parse/cpr';
import type { CalendarDate } from '../../src/domain/parse';
import { validateWorkbook } from '../../src/domain/validate';
import { validate } from '../../src/operations/operations';
import { tablesOf, textsOf } from '../../src/workbook/read';
import { loadXlsx } from '../../src/xlsx/read';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { writeGeneratedWorkbook } from '../../bench/scale';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import { demoWorkbook, indsats } from './helpers';

jest.setTimeout(600_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'indsats-readers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** validate --json as the CLI prints it, but over ExcelJS's read of the file. */
async function viaExcelJs(file: string, asOf: CalendarDate): Promise<string> {
  const { findings } = await validate(memoryWorkbook(await loadXlsx(file)), 'workbook', asOf);
  const out: string[] = [];
  printFindings(findings, true, { out: (t) => out.push(maskCpr(t)) }, 'da'); // the CLI's writer masks every line
  return out.join('\n');
}

const codes = (json: string) => {
  const counts: Record<string, number> = {};
  for (const f of JSON.parse(json) as { code: string }[]) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return counts;
};

it('the demo workbook: the same --json bytes from both readers', async () => {
  const file = join(dir, 'demo.xlsx');
  await demoWorkbook(file);
  for (const asOf of ['2016-08-29', '2026-11-25'] as CalendarDate[]) {
    const streaming = await indsats('validate', file, '--json', '--as-of', asOf);
    expect(streaming.code).toBeLessThan(2);
    expect(await viaExcelJs(file, asOf)).toBe(streaming.out);
  }
  // On the demo's own status date it finds the one capacity warning the demo is built with.
  expect(codes((await indsats('validate', file, '--json', '--as-of', '2016-08-29')).out).CAPACITY_EXCEEDED).toBe(1);
});

it('a generated 100 000-row workbook: the same --json bytes from both readers, and with the caches off', async () => {
  const file = join(dir, 'rows-100000.xlsx');
  await writeGeneratedWorkbook(100_000, file);
  const asOf = '2017-12-31' as CalendarDate;
  const streaming = await indsats('validate', file, '--json', '--as-of', asOf);
  expect(streaming.code).toBe(1);
  // The generator's deliberate mistakes: misspelt target groups, synonyms, courses past their length.
  const counts = codes(streaming.out);
  expect(counts.UNKNOWN_CODE).toBeGreaterThan(100);
  expect(counts.NON_STANDARD_VALUE).toBeGreaterThan(30_000);
  expect(counts.COURSE_TOO_LONG).toBeGreaterThan(1_000);
  expect(await viaExcelJs(file, asOf)).toBe(streaming.out);

  const read = await readWorkbookFile(file);
  const options = { asOf, texts: textsOf(read) };
  const cached = validateWorkbook(tablesOf(read), options);
  const fresh = validateWorkbook(tablesOf(read), { ...options, cache: false });
  expect(cached.findings).toEqual(fresh.findings);
  expect(cached.model).toEqual(fresh.model);
});
