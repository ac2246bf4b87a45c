/**
 * Live validation: hear about cell edits, wait until typing pauses (300 ms), then hand over the
 * changed ranges with their current values.
 *
 * `WorksheetChangedEventArgs.details` (the value before/after) is only there for a single-cell
 * edit; a multi-cell paste, fill or clear arrives without it. Those ranges are read again from the
 * event's `address` when the pause is over: one Excel.run and one sync for all of them (more only
 * for a paste larger than one request, see blocks.ts). Row/column insertions and deletions carry
 * no values: the handler gets their address and change type and should re-read the sheet.
 */
import type { CellValue } from '../domain/parse/cell';
import { cellCount, parseAreas, splitAddress } from './address';
import { loadBlocks, rowBlocks, type Block } from './blocks';
import { defaultSyncPayloadLimit, type ExcelRun } from './env';
import { fromExcelValue } from './values';

export interface ChangedRange {
  sheet: string;
  /** Bare A1 address on `sheet`, e.g. "C5" or "A2:J40". */
  address: string;
  changeType: string;
  /** Current values; undefined for inserted/deleted rows or columns and for huge ranges. */
  values?: CellValue[][];
}

export interface SheetChangedOptions {
  /** Only this sheet (`worksheet.onChanged`, ExcelApi 1.7); every sheet when omitted (`worksheets.onChanged`, ExcelApi 1.9). */
  sheet?: string;
  /** Quiet time before the handler runs; 300 ms. */
  debounceMs?: number;
  /** Called when reading the changed ranges fails (e.g. the user is editing a cell again). */
  onError?: (error: unknown) => void;
}

export interface SheetChangedSubscription {
  /** Stop listening (the registration is removed in its own request context, as Office requires). */
  remove(): Promise<void>;
  /** Run the pending handler call now (tests; closing the pane). */
  flush(): Promise<void>;
}

/** Ranges above this are not read back; the handler re-reads the sheet instead. */
const MAX_REREAD_CELLS = 1_000_000;

interface Pending {
  worksheetId: string;
  address: string;
  changeType: string;
  /** From `details` (single-cell edit); otherwise read again. */
  value?: CellValue;
  hasValue: boolean;
}

export async function onSheetChanged(
  run: ExcelRun,
  handler: (changes: ChangedRange[]) => void | Promise<void>,
  options: SheetChangedOptions = {},
): Promise<SheetChangedSubscription> {
  const debounceMs = options.debounceMs ?? 300;
  let pending: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    try {
      const changes = await readChanges(run, batch);
      await handler(changes);
    } catch (e) {
      options.onError?.(e);
    }
  };

  const listener = async (args: Excel.WorksheetChangedEventArgs) => {
    const address = splitAddress(args.address ?? '').ref;
    const details = args.details as Excel.ChangedEventDetail | undefined;
    const item: Pending = { worksheetId: args.worksheetId, address, changeType: String(args.changeType ?? 'Unknown'), hasValue: false };
    if (details && details.valueAfter !== undefined && !address.includes(':')) {
      item.value = fromExcelValue(details.valueAfter);
      item.hasValue = true;
    }
    // A later event for the same range replaces the earlier one.
    pending = pending.filter((p) => !(p.worksheetId === item.worksheetId && p.address === item.address));
    pending.push(item);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  const registration = await run(async (context) => {
    const events = options.sheet ? context.workbook.worksheets.getItem(options.sheet).onChanged : context.workbook.worksheets.onChanged;
    const result = events.add(listener);
    await context.sync();
    return result;
  });

  return {
    flush,
    remove: async () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = [];
      registration.remove();
      await registration.context.sync();
    },
  };
}

async function readChanges(run: ExcelRun, batch: Pending[]): Promise<ChangedRange[]> {
  return run(async (context) => {
    const limit = defaultSyncPayloadLimit();
    const blocks: Block[] = [];
    const items = batch.map((p) => {
      const worksheet = context.workbook.worksheets.getItem(p.worksheetId).load('name');
      let first = -1;
      let count = 0;
      const edited = p.changeType === 'RangeEdited' || p.changeType === 'Unknown';
      if (!p.hasValue && edited && p.address) {
        const areas = parseAreas(p.address);
        if (areas.length === 1 && cellCount(areas[0]) <= MAX_REREAD_CELLS) {
          const parts = rowBlocks(worksheet, areas[0], ['values']);
          first = blocks.length;
          count = parts.length;
          blocks.push(...parts);
        }
      }
      return { p, worksheet, first, count };
    });
    let loaded: Awaited<ReturnType<typeof loadBlocks>> = [];
    if (blocks.length) loaded = await loadBlocks(context, blocks, limit);
    else await context.sync();
    return items.map(({ p, worksheet, first, count }): ChangedRange => {
      const change: ChangedRange = { sheet: worksheet.name, address: p.address, changeType: p.changeType };
      if (p.hasValue) change.values = [[p.value ?? null]];
      else if (first >= 0) {
        change.values = [];
        for (let i = first; i < first + count; i++) for (const row of loaded[i].values ?? []) change.values.push(row.map(fromExcelValue));
      }
      return change;
    });
  });
}
