/**
 * One reader on one file, in a process of its own so that its peak memory is its own:
 * `node readerProbe.js <mode> <file>` prints {"ms", "cpuMs", "maxRssMiB", "cells"} as JSON. Modes:
 * - `reader`: our streaming reader (readWorkbookFile) into the read shape;
 * - `exceljs`: ExcelJS loading the whole workbook (readXlsx);
 * - `exceljs-stream`: ExcelJS's streaming reader (stream.xlsx.WorkbookReader) alone, every row of every sheet;
 * - `sax`: the floor: unzip each worksheet and the shared strings (native inflate) and run a SAX parse
 *   of their XML (saxes, the parser ExcelJS uses), counting the cells;
 * - `scan`: a lower floor: unzip each worksheet and count its `<c ` tags;
 * - `core`: the validation core alone on the rows our reader gives, against a pass of one cache
 *   lookup per cell over the same rows (CPU ms, median of 5 each, interleaved).
 * bench/run.ts bundles and runs it; it is not a test.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { readWorkbookFile } from '../src/xlsx/reader';
import { zipEntries, zipEntryRaw } from '../src/xlsx/zip';
import { tablesOf, textsOf, type WorkbookRead } from '../src/workbook/read';
import { validateWorkbook } from '../src/domain/validate';
import type { CalendarDate } from '../src/domain/parse/calendarDate';

const countCells = (read: WorkbookRead) =>
  read.sheets.reduce((n, s) => n + [...s.tables, ...(s.region ? [s.region] : [])].reduce((m, t) => m + t.rows.length * t.header.length, 0), 0);

/** Each worksheet part's XML (and the shared strings' with `strings`), inflated. */
function* sheetXml(file: string, strings: boolean): Generator<string> {
  const buf = readFileSync(file);
  for (const e of zipEntries(buf)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && !(strings && e.name === 'xl/sharedStrings.xml')) continue;
    const raw = zipEntryRaw(buf, e);
    yield (e.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
  }
}

function scan(file: string): number {
  let cells = 0;
  for (const xml of sheetXml(file, false)) for (let p = xml.indexOf('<c '); p >= 0; p = xml.indexOf('<c ', p + 3)) cells++;
  return cells;
}

function sax(file: string): { cells: number; textChars: number } {
  let cells = 0;
  let textChars = 0;
  for (const xml of sheetXml(file, true)) {
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      if (tag.name === 'c') cells++;
    });
    parser.on('text', (t) => {
      textChars += t.length;
    });
    parser.write(xml).close();
  }
  return { cells, textChars };
}

async function exceljsStream(file: string): Promise<number> {
  // Loaded only here, so the other modes do not pay for ExcelJS.
  // A bundled CommonJS module: its exports arrive as the namespace's default.
  const module = (await import('exceljs')) as unknown as typeof import('exceljs') & { default?: typeof import('exceljs') };
  const ExcelJS = module.default ?? module;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) cells += row.cellCount;
  }
  return cells;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The core alone and the one-lookup pass, CPU ms, median of 5 interleaved runs after a warm-up of each. */
async function core(file: string): Promise<{ coreMs: number; lookupMs: number; rows: number; cells: number; hits: number; findings: number }> {
  const read = await readWorkbookFile(file);
  const tables = tablesOf(read);
  const texts = textsOf(read);
  const asOf = '2017-12-31' as CalendarDate;
  let findings = 0;
  let hits = 0;
  const runCore = () => {
    findings = validateWorkbook(tables, { asOf, texts }).findings.length;
  };
  // One cache lookup per cell (a Date by its time), the least any per-cell reading of these rows does.
  const runLookup = () => {
    const cache = new Map<unknown, number>();
    for (const t of tables) {
      for (const row of t.rows) {
        for (const v of row) {
          const key = v instanceof Date ? v.getTime() : v;
          if (cache.get(key) === undefined) cache.set(key, 1);
          else hits++;
        }
      }
    }
  };
  const timed = (run: () => void) => {
    const start = cpuMs();
    run();
    return cpuMs() - start;
  };
  runCore();
  runLookup();
  const coreMs: number[] = [];
  const lookupMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    coreMs.push(timed(runCore));
    lookupMs.push(timed(runLookup));
  }
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  return { coreMs: median(coreMs), lookupMs: median(lookupMs), rows, cells: countCells(read), hits, findings };
}

async function measure(mode: string, file: string): Promise<Record<string, number>> {
  if (mode === 'core') return core(file);
  if (mode === 'sax') return sax(file);
  if (mode === 'reader') return { cells: countCells(await readWorkbookFile(file)) };
  if (mode === 'exceljs') {
    // Loaded only here, so the other modes do not pay for ExcelJS.
    const { readXlsx } = await import('../src/xlsx/read');
    return { cells: countCells((await readXlsx(file)).read) };
  }
  if (mode === 'exceljs-stream') return { cells: await exceljsStream(file) };
  return { cells: scan(file) };
}

async function main(): Promise<void> {
  const [mode = 'scan', file] = process.argv.slice(2);
  if (!file) throw new Error('usage: readerProbe <mode> <file>');
  const start = process.hrtime.bigint();
  const cpu = cpuMs();
  const result = await measure(mode, file);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ...result, ms, cpuMs: cpuMs() - cpu, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

void main();
