/**
 * The workbook as a plan sees it while it is checked (step 3 of applyPlan): what Excel reported in
 * steps 1 and 2, plus what earlier operations of the plan will have written. Checks read and
 * update this state; writes are queued as closures and run only once every operation passed.
 *
 * Office proxies are reached through a Handle. A sheet, table, note or chart that exists in Excel
 * has its loaded proxy; one the plan creates gets a handle that makes the proxy on its first call,
 * which is the write that creates it, queued before every write that uses it. So the type always
 * yields a proxy, and none is made (nothing queued on the context) while the plan is checked.
 */
import type { CellValue } from '../domain/parse/cell';
import type { SkippedFeature } from '../workbook/adapterContract';
import type { Rect } from './address';
import type { Supports } from './env';
import { commandBytes, jsonSize } from './values';

/** An Office proxy as the queued writes reach it. Only write closures call it. */
export type Handle<T> = () => T;

/** A proxy Excel already has. */
export const loaded = <T>(proxy: T): Handle<T> => () => proxy;

/** A proxy this plan creates: `make` runs once, on the first call (the creating write). */
export function createdBy<T>(make: () => T): Handle<T> {
  let made: { proxy: T } | undefined;
  return () => (made ??= { proxy: make() }).proxy;
}

/**
 * Cells of an existing sheet that an operation will cover, as Excel reported them: the used part
 * of the range (values only), so the check costs one address whatever the size.
 */
export interface Area {
  rect: Rect;
  /** Bounding box of the non-empty cells in `rect`; null when all are empty. */
  usedRect: Rect | null;
  /** Values of the first row (tableFromRange loads them for the column names). */
  headerValues?: unknown[];
}

export interface VSheet {
  name: string;
  /** In Excel when the plan started and not rebuilt by it: unknown cells must have been loaded. */
  fromExcel: boolean;
  sheet: Handle<Excel.Worksheet>;
  /** Cells written by earlier operations of this plan (A1 key → value). */
  written: Map<string, CellValue>;
  areas: Area[];
  merges: Rect[];
  /** Charts by name (lower case), loaded for sheets a chart operation touches. */
  charts: Map<string, Handle<Excel.Chart>>;
  /** A generated sheet this plan builds under a temporary name and swaps in last. */
  rebuild?: Rebuild;
}

/**
 * A generated sheet being built: filled under `temp` in Excel while the old sheet (if any) stays
 * as it is, then swapped in after every other write (old deleted, new renamed, and its tables
 * whose names the old sheet's tables still held renamed to them).
 */
export interface Rebuild {
  name: string;
  temp: string;
  old?: VSheet;
  sheet: Handle<Excel.Worksheet>;
  /** Tables made under a temporary name: the name the old sheet held → the table. */
  tables: { name: string; table: Handle<Excel.Table> }[];
  /** Table names (lower case) the old sheet's tables hold in Excel until the swap. */
  held: Set<string>;
}

export interface VTable {
  name: string;
  sheet: VSheet;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
  table: Handle<Excel.Table>;
  /** The last data row is empty (a new table starts with one): appended rows fill it first. */
  lastRowEmpty?: boolean;
}

export interface VNote {
  content: string;
  note: Handle<Excel.Note>;
}

/** Requirement sets the writes depend on. */
export interface Features {
  validation: boolean;
  notes: boolean;
  merges: boolean;
  freeze: boolean;
  conditionalFormats: boolean;
  alwaysInsert: boolean;
  charts: boolean;
  pageLayout: boolean;
  /** Number formats of chart axes and data labels. */
  chartFormats: boolean;
}

export const features = (supports: Supports): Features => ({
  validation: supports('ExcelApi', '1.8'),
  notes: supports('ExcelApi', '1.18'),
  merges: supports('ExcelApi', '1.13'),
  freeze: supports('ExcelApi', '1.7'),
  conditionalFormats: supports('ExcelApi', '1.6'),
  alwaysInsert: supports('ExcelApi', '1.15'),
  charts: supports('ExcelApi', '1.7'),
  pageLayout: supports('ExcelApi', '1.9'),
  chartFormats: supports('ExcelApi', '1.8'),
});

export interface Write {
  bytes: number;
  run: () => void;
  /** The sheet the operation that queued it writes to (what a partial write reports). */
  sheet?: string;
}

export const key = (name: string): string => name.toLowerCase();
export const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

export class VirtualWorkbook {
  readonly sheets = new Map<string, VSheet>();
  readonly tables = new Map<string, VTable>();
  /** Notes by sheet key, then bare A1 address. */
  readonly notes = new Map<string, Map<string, VNote>>();
  readonly writes: Write[] = [];
  readonly skipped = new Set<SkippedFeature>();
  /** Temporary sheet and table names used while generated sheets are rebuilt. */
  tempSheets = 0;
  tempTables = 0;
  /** Generated sheets this plan rebuilds, in plan order. */
  readonly rebuilds: Rebuild[] = [];
  /** The sheet of the operation being checked; its writes are tagged with it. */
  current?: string;

  constructor(
    readonly context: Excel.RequestContext,
    readonly features: Features,
  ) {}

  /**
   * Queue a write; it runs in step 3 after every operation passed its checks. Its size in the
   * request is estimated from what `run` queues: `actions` property writes and method calls,
   * `paths` objects it reaches that the request has not named yet (`getRange(…)`, `.format`,
   * `tables.add(…)`; values.ts commandBytes), `data` bytes of arguments (values, addresses, names).
   */
  write(actions: number, paths: number, data: number, run: () => void): void {
    this.writes.push({ bytes: commandBytes(actions, paths, data), run, ...(this.current !== undefined ? { sheet: this.current } : {}) });
  }

  /**
   * Every write, with the swaps of rebuilt generated sheets last: until then each old sheet is
   * as it was, so a failure before the last sync leaves it intact.
   */
  allWrites(): Write[] {
    if (!this.rebuilds.length) return this.writes;
    // One write: every old sheet goes before any name it held is taken.
    const rebuilds = this.rebuilds;
    const swap: Write = {
      // Per rebuilt sheet: delete the old one, name the new one, name each table taken at the swap.
      bytes: rebuilds.reduce((n, r) => n + commandBytes(2 + r.tables.length, 1 + r.tables.length, jsonSize(r.name) + r.tables.reduce((m, x) => m + jsonSize(x.name), 0)), 0),
      sheet: rebuilds[rebuilds.length - 1].name,
      run: () => {
        for (const r of rebuilds) r.old?.sheet().delete();
        for (const r of rebuilds) r.sheet().name = r.name;
        for (const r of rebuilds) for (const t of r.tables) t.table().name = t.name;
      },
    };
    return [...this.writes, swap];
  }

  /**
   * The name a new table gets in Excel now: a name an old sheet holds until the swap gets a
   * temporary one (`rename` is then called with the table, renamed at the swap).
   */
  excelTableName(vs: VSheet, name: string): { now: string; atSwap?: (table: Handle<Excel.Table>) => void } {
    const rebuild = vs.rebuild;
    if (!rebuild || !this.rebuilds.some((r) => r.held.has(key(name)))) return { now: name };
    let temp: string;
    do temp = `Indsatsmonitor_tabel_${++this.tempTables}`;
    while (this.tables.has(key(temp)) || this.rebuilds.some((r) => r.held.has(key(temp))));
    return { now: temp, atSwap: (table) => rebuild.tables.push({ name, table }) };
  }

  /** False (and the feature reported as skipped) when this Excel lacks it. */
  has(feature: keyof Features, skipped: SkippedFeature): boolean {
    if (this.features[feature]) return true;
    this.skipped.add(skipped);
    return false;
  }

  findSheet(name: string): VSheet | undefined {
    return this.sheets.get(key(name));
  }

  sheetOf(name: string): VSheet {
    const vs = this.findSheet(name);
    if (!vs) throw new Error(`Sheet "${name}" does not exist`);
    return vs;
  }

  tableOf(sheet: string, table: string): VTable {
    const vt = this.tables.get(key(table));
    if (!vt) throw new Error(`Table "${table}" does not exist (sheet "${sheet}")`);
    return vt;
  }

  notesOf(sheet: string): Map<string, VNote> {
    let m = this.notes.get(key(sheet));
    if (!m) this.notes.set(key(sheet), (m = new Map()));
    return m;
  }
}
