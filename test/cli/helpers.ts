import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync } from 'fs';
import { basename, join } from 'path';
import { recalculateSheets } from '../helpers/libreoffice';
import { main } from '../../src/cli/main';
import type { CalendarDate } from '../../src/domain/parse';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process, as `indsats <args>`, with today fixed. */
export async function indsats(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), today: () => '2026-11-25' as CalendarDate });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The installed command, as `npx indsats` runs it. */
export const INDSATS_BIN = join(__dirname, '../../bin/indsats.js');

/** A run of the installed command in a child process may take this long on a loaded machine (its first run may also build the bundle). */
export const BIN_TIMEOUT_MS = 120_000;

/**
 * Runs `node bin/indsats.js <args>` in a child process (the one place tests start the command;
 * everything else runs it in-process with `indsats`). Output as text, the exit code as the code.
 */
export function indsatsBin(...args: string[]): Run {
  const run = spawnSync(process.execPath, [INDSATS_BIN, ...args], { encoding: 'utf8', timeout: BIN_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

/** Set by the integration project's global setup (test/cli/demoSetup.ts): one `indsats demo` for the whole run. */
export const SHARED_DEMO_ENV = 'INDSATS_TEST_DEMO_XLSX';

/**
 * Writes the demo workbook (`indsats demo -o <file>`) to `file`: a copy of the run's shared one
 * when the global setup made it, otherwise by running the command. Suites that test `indsats demo`
 * itself run the command.
 */
export async function demoWorkbook(file: string): Promise<void> {
  const shared = process.env[SHARED_DEMO_ENV];
  if (shared && existsSync(shared)) {
    copyFileSync(shared, file);
    return;
  }
  const run = await indsats('demo', '-o', file);
  if (run.code !== 0) throw new Error(`indsats demo failed (${run.code}): ${run.err}`);
}

/**
 * `indsats reconcile INPUT --as-of DATE -o …` into `outDir`, and the sheet Afstemning it wrote as
 * LibreOffice recalculates it (its SUMIFS filled): the rows as shown, cells as text.
 */
export async function recalculatedAfstemning(input: string, asOf: string, outDir: string): Promise<string[][]> {
  const out = join(outDir, `${basename(input, '.xlsx')}-afstemning.xlsx`);
  mkdirSync(outDir, { recursive: true });
  const run = await indsats('reconcile', input, '--as-of', asOf, '-o', out);
  if (!existsSync(out)) throw new Error(`indsats reconcile wrote no ${out} (${run.code}): ${run.err}`);
  return (await recalculateSheets([out], outDir))(out, 'Afstemning');
}
