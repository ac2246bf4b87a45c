/**
 * Loading large ranges: split into row blocks that stay under Excel's per-range limits, queue as
 * many blocks per sync as the platform's payload limit allows (all of them on Windows/Mac), and
 * when Excel on the web still refuses a batch as too large, split it and try again.
 */
import { cellCount, formatRect, type Rect } from './address';
import { MAX_RANGE_CELLS, MAX_REQUEST_BYTES } from './env';
import { isPayloadLimitError } from './errors';
import { jsonSize } from './values';

export type RangeProperty = 'values' | 'numberFormat' | 'formulas';

/** Estimated JSON bytes per cell of each property (a date serial, "General", a short text). */
const BYTES_PER_CELL: Record<RangeProperty, number> = { values: 20, numberFormat: 12, formulas: 20 };

export interface Block {
  sheet: Excel.Worksheet;
  rect: Rect;
  props: RangeProperty[];
}

export type Loaded = Partial<Record<RangeProperty, unknown[][]>>;

export const bytesPerCell = (props: RangeProperty[]): number => props.reduce((n, p) => n + BYTES_PER_CELL[p], 0);

export const estimateBytes = (block: Block): number => cellCount(block.rect) * bytesPerCell(block.props);

/** Row blocks of `rect` so that no single range load is over 5 000 000 cells or ~4 MB. */
export function rowBlocks(sheet: Excel.Worksheet, rect: Rect, props: RangeProperty[]): Block[] {
  const width = rect.right - rect.left + 1;
  const perBlock = Math.max(1, Math.floor(Math.min(MAX_RANGE_CELLS, MAX_REQUEST_BYTES / bytesPerCell(props)) / width));
  const blocks: Block[] = [];
  for (let top = rect.top; top <= rect.bottom; top += perBlock) {
    blocks.push({ sheet, rect: { ...rect, top, bottom: Math.min(rect.bottom, top + perBlock - 1) }, props });
  }
  return blocks;
}

/** Group consecutive items so that each group's estimate stays under `limit` (at least one item per group). */
export function groupByBytes<T>(items: T[], bytes: (item: T) => number, limit: number): T[][] {
  if (!Number.isFinite(limit)) return items.length ? [items] : [];
  return chunkByBytes(items, bytes, limit).map((c) => c.items);
}

/** groupByBytes with each group's first index and estimated bytes. */
export function chunkByBytes<T>(items: T[], bytes: (item: T) => number, limit: number): { items: T[]; start: number; bytes: number }[] {
  const chunks: { items: T[]; start: number; bytes: number }[] = [];
  let current: T[] = [];
  let start = 0;
  let total = 0;
  items.forEach((item, i) => {
    const n = bytes(item);
    if (current.length && total + n > limit) {
      chunks.push({ items: current, start, bytes: total });
      current = [];
      start = i;
      total = 0;
    }
    current.push(item);
    total += n;
  });
  if (current.length) chunks.push({ items: current, start, bytes: total });
  return chunks;
}

/**
 * Load every block, in as few syncs as the payload limit allows (one when it is Infinity). The
 * result has one entry per block, in order.
 *
 * A read cannot know how long the texts are before it has them, so the estimate (20 bytes a value)
 * is corrected as it goes: after each sync the blocks still to come are grouped by what the data
 * so far actually weighed per estimated byte (never lighter than the estimate), and a sync Excel
 * refuses as too large is tried again in smaller parts, which also lowers what the remaining syncs
 * take. So a workbook of long texts costs a few refused syncs at its start, not one per sync.
 */
export async function loadBlocks(context: Excel.RequestContext, blocks: Block[], syncLimit: number): Promise<Loaded[]> {
  /** Estimated bytes (by estimateBytes) one sync may take; lowered by what the syncs show. */
  let budget = syncLimit;
  const parts: Loaded[][] = blocks.map(() => []);
  /** Row ranges of blocks still to load, in order; `index` is the block they belong to. */
  const queue = blocks.map((block, index) => ({ block, index }));
  let next = 0;
  while (next < queue.length) {
    // Blocks larger than the budget are cut into row blocks that fit (each at least one row).
    const group: typeof queue = [];
    let total = 0;
    while (next < queue.length) {
      const piece = queue[next];
      const bytes = estimateBytes(piece.block);
      if (bytes > budget && piece.block.rect.bottom > piece.block.rect.top) {
        const rows = piece.block.rect.bottom - piece.block.rect.top + 1;
        const fit = Math.max(1, Math.floor((rows * budget) / bytes));
        const pieces = [];
        for (let top = piece.block.rect.top; top <= piece.block.rect.bottom; top += fit) {
          pieces.push({ index: piece.index, block: { ...piece.block, rect: { ...piece.block.rect, top, bottom: Math.min(piece.block.rect.bottom, top + fit - 1) } } });
        }
        queue.splice(next, 1, ...pieces);
        continue;
      }
      if (group.length && total + bytes > budget) break;
      group.push(piece);
      total += bytes;
      next++;
    }
    const ranges = group.map(({ block }) => block.sheet.getRange(formatRect(block.rect)).load(block.props));
    try {
      await context.sync();
    } catch (e) {
      const single = group.length === 1 && group[0].block.rect.top === group[0].block.rect.bottom;
      if (!isPayloadLimitError(e) || single) throw e;
      // Too large by an unknown amount: half of it, and never more from now on.
      budget = Math.min(budget, total / 2);
      next -= group.length;
      continue;
    }
    let weighed = 0;
    group.forEach(({ block, index }, i) => {
      const loaded: Loaded = {};
      for (const p of block.props) {
        loaded[p] = ranges[i][p] as unknown[][];
        if (Number.isFinite(syncLimit)) weighed += jsonSize(loaded[p]);
      }
      parts[index].push(loaded);
    });
    if (Number.isFinite(syncLimit) && weighed > total) budget = Math.min(budget, (syncLimit * total) / weighed);
  }
  return parts.map((loaded, i) => {
    if (loaded.length === 1) return loaded[0];
    const joined: Loaded = {};
    for (const p of blocks[i].props) joined[p] = loaded.flatMap((l) => l[p] ?? []);
    return joined;
  });
}
