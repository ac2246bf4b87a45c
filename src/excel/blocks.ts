/**
 * Loading large ranges: split into row blocks that stay under Excel's per-range limits, queue as
 * many blocks per sync as the platform's payload limit allows (all of them on Windows/Mac), and
 * when Excel on the web still refuses a batch as too large, split it and try again.
 */
import { cellCount, formatRect, type Rect } from './address';
import { MAX_RANGE_CELLS, MAX_REQUEST_BYTES } from './env';
import { isPayloadLimitError } from './errors';

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
 */
export async function loadBlocks(context: Excel.RequestContext, blocks: Block[], syncLimit: number): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (const group of groupByBytes(blocks, estimateBytes, syncLimit)) out.push(...(await loadGroup(context, group)));
  return out;
}

async function loadGroup(context: Excel.RequestContext, group: Block[]): Promise<Loaded[]> {
  const ranges = group.map((b) => b.sheet.getRange(formatRect(b.rect)).load(b.props));
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    if (group.length > 1) {
      const half = Math.ceil(group.length / 2);
      return [...(await loadGroup(context, group.slice(0, half))), ...(await loadGroup(context, group.slice(half)))];
    }
    const [only] = group;
    if (only.rect.bottom === only.rect.top) throw e;
    const middle = Math.floor((only.rect.top + only.rect.bottom) / 2);
    const parts = await loadGroup(context, [
      { ...only, rect: { ...only.rect, bottom: middle } },
      { ...only, rect: { ...only.rect, top: middle + 1 } },
    ]);
    const joined: Loaded = {};
    for (const p of only.props) joined[p] = [...(parts[0][p] ?? []), ...(parts[1][p] ?? [])];
    return [joined];
  }
  return ranges.map((range, i) => {
    const loaded: Loaded = {};
    for (const p of group[i].props) loaded[p] = range[p] as unknown[][];
    return loaded;
  });
}
