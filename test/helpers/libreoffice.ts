/**
 * LibreOffice as an independent reader of the .xlsx files we write: if soffice opens a file and
 * converts it, the file is well-formed enough for a second implementation besides ExcelJS.
 */
import { execFile } from 'child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, delimiter, extname, join } from 'path';

/** The soffice/libreoffice binary on PATH, or null. */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice', 'soffice.exe']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/**
 * A profile per process, so parallel Jest workers (each its own process) and a running LibreOffice
 * don't clash. Within a process the conversions run one at a time (see `convertAllWithLibreOffice`).
 */
export const libreOfficeProfile = (): string => join(tmpdir(), `lo-profile-${process.pid}`);

export function removeLibreOfficeProfile(): void {
  rmSync(libreOfficeProfile(), { recursive: true, force: true });
}

/** One soffice run on a loaded 2-core machine: starting LibreOffice alone can take 10–20 s there. */
export const LIBREOFFICE_TIMEOUT_MS = 120_000;
/** Each further file in the same run (converting is quick next to starting LibreOffice). */
export const LIBREOFFICE_TIMEOUT_PER_FILE_MS = 30_000;

/** A `beforeAll` that makes `runs` soffice runs: their timeouts and a margin for the work around them. */
export const libreOfficeHookTimeout = (runs: number, files = runs): number =>
  runs * LIBREOFFICE_TIMEOUT_MS + (files - runs) * LIBREOFFICE_TIMEOUT_PER_FILE_MS + 60_000;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Convert `file` with `soffice --headless --convert-to <format>` into `outDir`. `format` is an
 * extension, optionally with a filter ("csv:Text - txt - csv (StarCalc):44,34,…"). Resolves to the
 * output path; for a CSV export of all sheets (filter token 12 = -1) LibreOffice writes one
 * "<name>-<sheet>.csv" per sheet instead, and the first of those is returned (list the folder for
 * the rest). Rejects with LibreOffice's stderr when it fails or produces nothing.
 */
export async function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  return (await convertAllWithLibreOffice([file], format, outDir))[0];
}

/**
 * Convert several files to the same format in one soffice run (starting LibreOffice is most of
 * the cost of a conversion), as `convertWithLibreOffice` does for one: resolves to the output path
 * of each file, in order. The files' names must differ. Runs in this process are queued: two at
 * once would share the profile.
 */
export function convertAllWithLibreOffice(files: string[], format: string, outDir: string): Promise<string[]> {
  const run = queue.then(() => convertNow(files, format, outDir));
  queue = run.catch(() => undefined);
  return run;
}

function convertNow(files: string[], format: string, outDir: string): Promise<string[]> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new Error('LibreOffice (soffice) is not on PATH'));
  const ext = format.split(':')[0];
  const stems = files.map((file) => basename(file, extname(file)));
  if (new Set(stems).size !== stems.length) return Promise.reject(new Error(`convertAllWithLibreOffice: file names must differ: ${files.join(', ')}`));
  const timeout = LIBREOFFICE_TIMEOUT_MS + (files.length - 1) * LIBREOFFICE_TIMEOUT_PER_FILE_MS;
  const args = [
    `-env:UserInstallation=file://${libreOfficeProfile()}`,
    '--headless',
    '--norestore',
    '--convert-to',
    format,
    '--outdir',
    outDir,
    ...files,
  ];
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const detail = `soffice ${args.join(' ')}\nstdout: ${stdout}\nstderr: ${stderr}`;
      if (error) {
        // A killed soffice can leave a lock in the profile that would stop the next run.
        if (error.killed) removeLibreOfficeProfile();
        const why = error.killed ? `timed out after ${timeout / 1000} s` : error.message;
        reject(new Error(`LibreOffice conversion failed (${why})\n${detail}`));
        return;
      }
      const outputs: string[] = [];
      const listing = readdirSync(outDir);
      for (const stem of stems) {
        const single = join(outDir, `${stem}.${ext}`);
        const perSheet = listing.filter((n) => n.startsWith(`${stem}-`) && n.endsWith(`.${ext}`)).sort();
        if (existsSync(single)) outputs.push(single);
        else if (perSheet.length) outputs.push(join(outDir, perSheet[0]));
        else {
          reject(new Error(`LibreOffice produced no .${ext} file for ${stem}\n${detail}`));
          return;
        }
      }
      resolve(outputs);
    });
  });
}

/** CSV export of every sheet, values as shown (number formats applied); one file per sheet. LibreOffice ≥ 7.2. */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** One line of LibreOffice's CSV export (CSV_ALL_SHEETS): its cells as text, quoted ones unquoted. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

/** An amount as LibreOffice shows it ("524,000.00 kr.", whatever the locale's separators), in kroner. */
export const shownKroner = (text: string): number => Number(text.replace(/[^\d-]/g, '')) / 100;

/**
 * The sheets of `files` as LibreOffice recalculates them, in one soffice run into `outDir` (made
 * when missing): `sheet(file, name)` gives a sheet's rows as CSV_ALL_SHEETS exports them, cells as
 * shown. E.g. the generated Afstemning, whose SUMIFS only a recalculation fills.
 */
export async function recalculateSheets(files: string[], outDir: string): Promise<(file: string, sheet: string) => string[][]> {
  mkdirSync(outDir, { recursive: true });
  await convertAllWithLibreOffice(files, CSV_ALL_SHEETS, outDir);
  return (file, sheet) => {
    const lines = readFileSync(join(outDir, `${basename(file, extname(file))}-${sheet}.csv`), 'utf8').split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.map(parseCsvLine);
  };
}

/** Registers a suite that needs LibreOffice: runs it, fails in CI when soffice is missing, skips locally. */
export function describeWithLibreOffice(name: string, suite: () => void): void {
  if (sofficePath()) describe(name, suite);
  else if (process.env.CI) {
    describe(name, () => {
      it('has LibreOffice (CI installs it)', () => {
        throw new Error('LibreOffice (soffice/libreoffice) is not on PATH, but CI is set: CI must install libreoffice-calc.');
      });
    });
  } else {
    console.warn(`LibreOffice (soffice) is not on PATH: skipping "${name}". Install libreoffice-calc to run it.`);
    describe.skip(name, suite);
  }
}
