/**
 * Step 3's syncs: the queued writes in groups (one on Windows and Mac; more on Excel on the web,
 * whose batches are limited to 5 MB), the swaps of rebuilt generated sheets last.
 *
 * Office.js has no rollback, and a sync that fails may have run its first commands. So when one
 * fails, this says what was written: how many of the syncs completed, which sheets got all their
 * writes and which did not (PartialWriteError). Temporary sheets of rebuilt generated sheets that
 * were not swapped in are deleted again (best effort, one more sync): the old sheets are intact.
 * A failure Excel raises before running anything (cell edit mode, a batch over the payload limit)
 * in the first sync is passed on as it is: nothing was written.
 */
import { PartialWriteError } from '../workbook/adapterContract';
import { groupByBytes } from './blocks';
import { isPayloadLimitError, translateError } from './errors';
import type { VirtualWorkbook, Write } from './virtualWorkbook';

export async function writeAll(context: Excel.RequestContext, wb: VirtualWorkbook, payloadLimit: number): Promise<void> {
  const groups = groupByBytes(wb.allWrites(), (w) => w.bytes, payloadLimit);
  let done = 0;
  try {
    for (const group of groups) {
      for (const w of group) w.run();
      await context.sync();
      done++;
    }
  } catch (e) {
    const cause = translateError(e);
    await removeTemporarySheets(context, wb);
    const code = (e as { code?: unknown })?.code;
    if (done === 0 && (code === 'InvalidOperationInCellEditMode' || isPayloadLimitError(e))) throw cause;
    throw partialWrite(groups, done, wb, cause);
  }
}

function partialWrite(groups: Write[][], done: number, wb: VirtualWorkbook, cause: unknown): PartialWriteError {
  const complete = new Set<string>();
  const incomplete = new Set<string>();
  groups.forEach((group, i) => {
    for (const w of group) if (w.sheet !== undefined) (i < done ? complete : incomplete).add(w.sheet);
  });
  // The swaps are the last write and did not complete: a rebuilt sheet is not written (its old
  // sheet, if any, is intact; the temporary one has been removed).
  for (const r of wb.rebuilds) {
    complete.delete(r.name);
    incomplete.add(r.name);
  }
  const written = [...complete].filter((s) => !incomplete.has(s));
  return new PartialWriteError(done, groups.length, written, [...incomplete], cause);
}

async function removeTemporarySheets(context: Excel.RequestContext, wb: VirtualWorkbook): Promise<void> {
  const pending = wb.rebuilds;
  if (!pending.length) return;
  try {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const temps = new Set(pending.map((r) => r.temp.toLowerCase()));
    let any = false;
    for (const s of sheets.items) {
      if (!temps.has(s.name.toLowerCase())) continue;
      s.delete();
      any = true;
    }
    if (any) await context.sync();
  } catch {
    // Best effort: the report says the rebuilt sheets were not written either way.
  }
}
