/**
 * `indsats report`'s renderer: LibreOffice (`soffice --headless --convert-to pdf`) prints the
 * workbook bytes it is given, with its own profile in a temporary folder (so it neither needs nor
 * touches the user's LibreOffice settings, and a running LibreOffice is no obstacle). The PDF is
 * put at the output path by the output path rules: written next to it first, then moved into place.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { writeBytesAtomically } from '../xlsx/atomicWrite';

/** LibreOffice's command on PATH (soffice, libreoffice), or undefined when it is not installed. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice', 'soffice.exe']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export class RenderError extends Error {}

/** A conversion may take this long on a loaded machine (starting LibreOffice is most of it). */
const RENDER_TIMEOUT_MS = 180_000;

export async function renderPdf(soffice: string, xlsx: Buffer, output: string, overwrite: boolean): Promise<void> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'indsats-report-'));
  try {
    const input = join(dir, 'rapport.xlsx');
    await fs.writeFile(input, xlsx);
    const args = [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: RENDER_TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
        if (error) reject(new RenderError(error.killed ? `timed out after ${RENDER_TIMEOUT_MS / 1000} s` : `${error.message} ${stderr}`.trim()));
        else resolve();
      });
    });
    let pdf: Buffer;
    try {
      pdf = await fs.readFile(join(dir, 'rapport.pdf'));
    } catch {
      throw new RenderError('LibreOffice wrote no PDF');
    }
    await writeBytesAtomically(pdf, output, { overwrite });
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
