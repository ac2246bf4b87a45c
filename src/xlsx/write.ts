/** Write a workbook: to bytes, or atomically to a file. */
import { promises as fs } from 'fs';
import { dirname } from 'path';
import type { Workbook } from 'exceljs';
import { addCharts } from './charts';
import { fixElementOrder } from './elementOrder';
import { OutputPathError } from './errors';
import { checkOutputPath, releaseTempPath, removeStaleTempFiles, tempPathFor } from './outputPath';
import { withWritableValidations } from './validations';

export async function xlsxBuffer(workbook: Workbook): Promise<Buffer> {
  absolutePrintAreas(workbook);
  const data = await withWritableValidations(workbook, () => workbook.xlsx.writeBuffer());
  // ExcelJS writes no charts; the ones applyPlan recorded are added to its output. Then the notes'
  // drawing is put where Excel expects it, so Excel opens the file without a repair prompt.
  return fixElementOrder(await addCharts(workbook, Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer)));
}

/**
 * ExcelJS writes a print area "A1:K200" as "'Sheet'!$A1:$K200", relative rows LibreOffice does not
 * take as a print area (it prints the whole sheet): written as "A$1:K$200" it becomes $A$1:$K$200.
 * Print areas ExcelJS read from a file come back as "A1:K200", so every save makes them absolute.
 */
function absolutePrintAreas(workbook: Workbook): void {
  for (const worksheet of workbook.worksheets) {
    const area = worksheet.pageSetup?.printArea;
    if (!area) continue;
    const fixed = area.split('&&').map((part) => part.replace(/\$/g, '').replace(/^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/, '$1$$$2:$3$$$4')).join('&&');
    if (fixed !== area) worksheet.pageSetup = { ...worksheet.pageSetup, printArea: fixed };
  }
}

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
export async function writeXlsx(workbook: Workbook, path: string, options: WriteOptions = {}): Promise<void> {
  const overwrite = options.overwrite ?? true;
  const data = await xlsxBuffer(workbook);
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
async function linkIntoPlace(tmp: string, path: string): Promise<void> {
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
