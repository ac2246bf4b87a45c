/**
 * One reader on one file, in a process of its own so that its peak memory is its own:
 * `node readerProbe.js <reader|exceljs|floor> <file>` prints {"ms", "maxRssMiB", "cells"} as JSON.
 * bench/run.ts bundles and runs it; it is not a test.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { readWorkbookFile } from '../src/xlsx/reader';
import { zipEntries, zipEntryRaw } from '../src/xlsx/zip';
import type { WorkbookRead } from '../src/workbook/read';

const countCells = (read: WorkbookRead) =>
  read.sheets.reduce((n, s) => n + [...s.tables, ...(s.region ? [s.region] : [])].reduce((m, t) => m + t.rows.length * t.header.length, 0), 0);

/** The floor: unzip every sheet and count its <c> tags, nothing else. */
function floor(file: string): number {
  const buf = readFileSync(file);
  let cells = 0;
  for (const e of zipEntries(buf)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const raw = zipEntryRaw(buf, e);
    const xml = (e.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    for (let p = xml.indexOf('<c '); p >= 0; p = xml.indexOf('<c ', p + 3)) cells++;
  }
  return cells;
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  let cells: number;
  if (mode === 'reader') cells = countCells(await readWorkbookFile(file));
  else if (mode === 'exceljs') {
    // Loaded only here, so the other modes do not pay for ExcelJS.
    const { readXlsx } = await import('../src/xlsx/read');
    cells = countCells((await readXlsx(file)).read);
  } else cells = floor(file);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, cells }));
}

void main();
