/** Writing bytes to a file atomically, by the output path rules: shared by both .xlsx writers. */
import { promises as fs } from 'fs';
import { dirname } from 'path';
import { OutputPathError } from './errors';
import { checkOutputPath, releaseTempPath, removeStaleTempFiles, tempPathFor } from './outputPath';

export interface WriteOptions {
  /** Replace an existing regular file (the CLI's --force). Default true; never a folder, device or link. */
  overwrite?: boolean;
}

/**
 * Test hook: milliseconds to wait between writing the temporary file and putting it in place, so a
 * test can kill the process while the temporary file exists (test/cli/tempFiles.test.ts). Only the
 * tests set it.
 */
export const WRITE_DELAY_ENV = 'INDSATS_TEST_WRITE_DELAY_MS';

/**
 * Write to a temporary file next to the target, flush it to disk, then put it in place: readers
 * see the old file or the new one, never half a file, and a failed write leaves the target
 * untouched. The output path rules (outputPath.ts) are checked before the temporary file is made
 * and again just before it is put in place. Without `overwrite` it is hard-linked into place, which
 * fails if anything appeared at the path meanwhile; with it, renamed over the old file. (On
 * Windows the rename fails while Excel has the target open; the error is passed on.) The temporary
 * file is removed on every failure; temporary files of killed runs in the folder are removed first.
 */
export async function writeBytesAtomically(data: Buffer, path: string, options: WriteOptions = {}): Promise<void> {
  const overwrite = options.overwrite ?? true;
  removeStaleTempFiles(dirname(path) || '.');
  checkOutputPath(path, overwrite);
  const tmp = tempPathFor(path);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const delay = Number(process.env[WRITE_DELAY_ENV]);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    checkOutputPath(path, overwrite);
    if (overwrite) await fs.rename(tmp, path);
    else await linkIntoPlace(tmp, path);
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    releaseTempPath(tmp);
  }
}

/** Puts `tmp` at `path` only if nothing is there (a link fails on any existing name); then `tmp` goes. */
export async function linkIntoPlace(tmp: string, path: string): Promise<void> {
  try {
    await fs.link(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputPathError('exists', path);
    // File systems without hard links: the check above is the best there is.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') await fs.rename(tmp, path);
    else throw e;
  }
}
