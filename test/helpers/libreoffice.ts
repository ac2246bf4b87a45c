/**
 * LibreOffice as an independent reader of the .xlsx files we write: if soffice opens a file and
 * converts it, the file is well-formed enough for a second implementation besides ExcelJS.
 */
import { execFile } from 'child_process';
import { accessSync, constants, existsSync, readdirSync, rmSync } from 'fs';
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

/** A profile per process, so parallel test workers (and a running LibreOffice) don't clash. */
export const libreOfficeProfile = (): string => join('/tmp', `lo-profile-${process.pid}`);

export function removeLibreOfficeProfile(): void {
  rmSync(libreOfficeProfile(), { recursive: true, force: true });
}

export const LIBREOFFICE_TIMEOUT_MS = 120_000;

/**
 * Convert `file` with `soffice --headless --convert-to <format>` into `outDir`. `format` is an
 * extension, optionally with a filter ("csv:Text - txt - csv (StarCalc):44,34,…"). Resolves to the
 * output path; for a CSV export of all sheets (filter token 12 = -1) LibreOffice writes one
 * "<name>-<sheet>.csv" per sheet instead, and the first of those is returned (list the folder for
 * the rest). Rejects with LibreOffice's stderr when it fails or produces nothing.
 */
export function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new Error('LibreOffice (soffice) is not on PATH'));
  const ext = format.split(':')[0];
  const stem = basename(file, extname(file));
  const args = [
    `-env:UserInstallation=file://${libreOfficeProfile()}`,
    '--headless',
    '--norestore',
    '--convert-to',
    format,
    '--outdir',
    outDir,
    file,
  ];
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: LIBREOFFICE_TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const detail = `soffice ${args.join(' ')}\nstdout: ${stdout}\nstderr: ${stderr}`;
      if (error) {
        const why = error.killed ? `timed out after ${LIBREOFFICE_TIMEOUT_MS / 1000} s` : error.message;
        reject(new Error(`LibreOffice conversion failed (${why})\n${detail}`));
        return;
      }
      const single = join(outDir, `${stem}.${ext}`);
      if (existsSync(single)) {
        resolve(single);
        return;
      }
      const perSheet = readdirSync(outDir)
        .filter((n) => n.startsWith(`${stem}-`) && n.endsWith(`.${ext}`))
        .sort();
      if (perSheet.length) resolve(join(outDir, perSheet[0]));
      else reject(new Error(`LibreOffice produced no .${ext} file\n${detail}`));
    });
  });
}

/** CSV export of every sheet, values as shown (number formats applied); one file per sheet. LibreOffice ≥ 7.2. */
export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

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
