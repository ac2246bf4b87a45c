/**
 * Office.js-like proxy objects over the stand-in's WorkbookModel. As in Office.js:
 * - calls and property writes are queued and run, in order, at `context.sync()`;
 * - an object is bound to what it refers to when the first queued command that needs it runs
 *   (so `worksheets.add(name)` followed by writes on the result works in one batch);
 * - properties are readable only after `load()` and a sync (else PropertyNotLoaded);
 * - `*OrNullObject` gives an object whose `isNullObject` tells after the sync.
 * Each command adds its estimated JSON size to the request, each load its result to the response.
 */
import { cellAddress, cellCount, formatRect, intersects, parseAreas, parseRect, splitAddress, type Rect } from '../../src/excel/address';
import { jsonSize } from '../../src/excel/values';
import { officeError, type ChartModel, type ConditionalFormatModel, type NoteModel, type SheetModel, type TableModel, type WorkbookModel } from './model';

/** What one queued command costs, and what it does at sync. */
export interface Command {
  request: number;
  run(): { response: number; commit(): void } | void;
}

export interface Host {
  model: WorkbookModel;
  sync(context: StandinContext): Promise<void>;
  /** Event registrations by sheet id ('*' = every sheet). */
  handlers: Map<string, Set<(args: unknown) => Promise<unknown> | void>>;
}

/** Fixed cost of one command in the request (the action envelope). */
export const COMMAND_OVERHEAD = 60;
const MAX_GET_CELLS = 5_000_000;

export class StandinContext {
  pending: Command[] = [];
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly host: Host) {
    this.workbook = new WorkbookProxy(this);
  }

  sync(): Promise<void> {
    return this.host.sync(this);
  }

  queue(request: number, run: Command['run']): void {
    this.pending.push({ request: request + COMMAND_OVERHEAD, run });
  }

  get model(): WorkbookModel {
    return this.host.model;
  }
}

const notLoaded = (prop: string) =>
  officeError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/** Property names of a load() argument: "a,b", ["a", "b"], { select: "a,b" }; "items/" dropped. */
function loadList(props: unknown, defaults: string[]): string[] {
  let list: string[];
  if (props === undefined || props === null || props === '') list = defaults;
  else if (typeof props === 'string') list = props.split(',');
  else if (Array.isArray(props)) list = props.flatMap((p) => String(p).split(','));
  else if (typeof props === 'object' && typeof (props as { select?: unknown }).select === 'string') list = ((props as { select: string }).select).split(',');
  else list = defaults;
  return list.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p && p !== 'items');
}

abstract class ClientObject<T> {
  private bound = false;
  private target: T | null = null;
  protected readonly loaded = new Map<string, unknown>();
  private nullState?: boolean;

  constructor(
    readonly context: StandinContext,
    private readonly resolver: () => T | null,
    private readonly nullable = false,
  ) {}

  /** The model object; binds on first use. */
  resolve(): T {
    const t = this.tryResolve();
    if (t === null) throw officeError('ItemNotFound', `The requested resource doesn't exist (${this.constructor.name})`);
    return t;
  }

  tryResolve(): T | null {
    if (!this.bound) {
      this.target = this.resolver();
      this.bound = true;
    }
    return this.target;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  protected abstract readonly defaults: string[];
  protected abstract read(target: T, prop: string): unknown;

  load(props?: unknown): this {
    const list = loadList(props, this.defaults);
    this.context.queue(jsonSize(list), () => {
      const t = this.nullable ? this.tryResolve() : this.resolve();
      if (t === null) return { response: 4, commit: () => (this.nullState = true) };
      const values = list.map((p) => [p, this.read(t, p)] as const);
      return {
        response: values.reduce((n, [p, v]) => n + p.length + 3 + jsonSize(v), 2),
        commit: () => {
          this.nullState = false;
          for (const [p, v] of values) this.loaded.set(p, v);
        },
      };
    });
    return this;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  /** Queue a property write (also readable locally afterwards, as in Office.js). */
  protected set(prop: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.set(prop, value);
    this.context.queue(jsonSize(value) + prop.length, () => {
      apply(this.resolve());
    });
  }

  protected call(bytes: number, apply: (t: T) => void): void {
    this.context.queue(bytes, () => {
      apply(this.resolve());
    });
  }

  /** Bind a child created by a call when that call runs (e.g. `tables.add`). */
  protected bindLater<C>(make: (resolver: () => C | null) => ClientObject<C>, produce: (t: T) => C): ClientObject<C> {
    let created: C | null = null;
    const child = make(() => created);
    this.context.queue(0, () => {
      created = produce(this.resolve());
      child.tryResolve();
    });
    return child;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

abstract class Collection<T, P extends ClientObject<unknown>> extends ClientObject<T[]> {
  private loadedItems?: P[];
  protected readonly defaults = ['*'];

  protected abstract item(model: T): P;

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  get count(): number {
    return this.get('count');
  }

  override load(props?: unknown): this {
    const list = loadList(props, ['*']);
    this.context.queue(jsonSize(list), () => {
      const models = this.resolve();
      const items = models.map((m) => this.item(m));
      let response = 2;
      for (const item of items) {
        const itemProps = list.includes('*') ? (item as unknown as { defaults: string[] }).defaults : list.filter((p) => p !== 'count');
        for (const p of itemProps) response += p.length + 3 + jsonSize((item as unknown as { read(t: unknown, p: string): unknown }).read(item.resolve(), p));
      }
      return {
        response,
        commit: () => {
          this.loaded.set('count', models.length);
          this.loadedItems = items;
          for (const item of items) {
            const itemProps = list.includes('*') ? (item as unknown as { defaults: string[] }).defaults : list.filter((p) => p !== 'count');
            (item as unknown as { fill(props: string[]): void }).fill(itemProps);
          }
        },
      };
    });
    return this;
  }

  protected read(target: T[], prop: string): unknown {
    if (prop === 'count') return target.length;
    throw officeError('InvalidArgument', `Unknown property ${prop}`);
  }

  getCount(): { value: number } {
    const result = { value: NaN };
    this.context.queue(0, () => {
      const n = this.resolve().length;
      return { response: 4, commit: () => (result.value = n) };
    });
    return result;
  }
}

/** Fill loaded properties directly (for collection items). */
function fillMixin(proto: { prototype: object }): void {
  Object.defineProperty(proto.prototype, 'fill', {
    value(this: { loaded: Map<string, unknown>; read(t: unknown, p: string): unknown; resolve(): unknown }, props: string[]) {
      const t = this.resolve();
      for (const p of props) this.loaded.set(p, this.read(t, p));
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly notes: NoteCollectionProxy;

  constructor(readonly context: StandinContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, () => context.model.tables);
    this.notes = new NoteCollectionProxy(context, () => context.model.orderedNotes(), undefined);
  }

  getSelectedRange(): RangeProxy {
    const { context } = this;
    return new RangeProxy(context, () => {
      const sel = context.model.selection;
      const sheet = sel && context.model.findSheet(sel.sheetId);
      return sel && sheet ? { sheet, rect: sel.rect } : null;
    });
  }

  getActiveWorksheet(): WorksheetProxy {
    return this.worksheets.getActiveWorksheet();
  }
}

export class WorksheetCollectionProxy extends Collection<SheetModel, WorksheetProxy> {
  readonly onChanged: EventHandlersProxy;

  constructor(context: StandinContext) {
    super(context, () => context.model.sheets);
    this.onChanged = new EventHandlersProxy(context, () => '*');
  }

  protected item(model: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, () => model);
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.findSheet(key) ?? null);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.findSheet(key) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.model.findSheet(this.context.model.activeSheetId ?? '') ?? this.context.model.sheets[0] ?? null);
  }

  add(name?: string): WorksheetProxy {
    return this.bindLater((r) => new WorksheetProxy(this.context, r), () => this.context.model.addSheet(name)) as WorksheetProxy;
  }
}

export class WorksheetProxy extends ClientObject<SheetModel> {
  protected readonly defaults = ['name', 'id', 'position', 'visibility'];
  readonly tables: TableCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly notes: NoteCollectionProxy;
  readonly onChanged: EventHandlersProxy;
  readonly charts: ChartCollectionProxy;

  constructor(context: StandinContext, resolver: () => SheetModel | null, nullable = false) {
    super(context, resolver, nullable);
    this.charts = new ChartCollectionProxy(context, () => this.resolve());
    this.tables = new TableCollectionProxy(context, () => context.model.tables.filter((t) => t.sheet === this.resolve()), this);
    this.freezePanes = new FreezePanesProxy(context, () => this.resolve());
    this.notes = new NoteCollectionProxy(context, () => context.model.orderedNotes().filter((n) => n.sheet === this.resolve()), this);
    this.onChanged = new EventHandlersProxy(context, () => this.resolve().id);
  }

  protected read(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'name': return s.name;
      case 'id': return s.id;
      case 'position': return this.context.model.sheets.indexOf(s);
      case 'visibility': return 'Visible';
      default: throw officeError('InvalidArgument', `Worksheet has no property ${prop} in the stand-in`);
    }
  }

  get name(): string {
    return this.get('name');
  }

  set name(value: string) {
    this.set('name', value, (s) => this.context.model.renameSheet(s, value));
  }

  get id(): string {
    return this.get('id');
  }

  get position(): number {
    return this.get('position');
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolve();
      if (address === undefined) return { sheet, rect: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } };
      const { sheet: prefix } = splitAddress(address);
      if (prefix && prefix.toLowerCase() !== sheet.name.toLowerCase()) throw officeError('InvalidArgument', `The address ${address} is not on ${sheet.name}`);
      return { sheet, rect: parseRect(address) };
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.resolve(), rect: { top: row + 1, left: column + 1, bottom: row + rows, right: column + columns } }));
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolve();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.resolve();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this.call(10, (s) => (this.context.model.activeSheetId = s.id));
  }

  delete(): void {
    this.call(10, (s) => this.context.model.deleteSheet(s));
  }
}
fillMixin(WorksheetProxy);

export class FreezePanesProxy extends ClientObject<SheetModel> {
  protected readonly defaults: string[] = [];

  protected read(): unknown {
    throw officeError('InvalidArgument', 'FreezePanes has no properties');
  }

  freezeRows(count = 1): void {
    this.call(8, (s) => (s.frozen = { rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.call(8, (s) => (s.frozen = { rows: 0, columns: count }));
  }

  freezeAt(range: RangeProxy | string): void {
    this.call(20, (s) => {
      const rect = typeof range === 'string' ? parseRect(range) : range.resolve().rect;
      s.frozen = { rows: rect.bottom, columns: rect.right };
    });
  }

  unfreeze(): void {
    this.call(4, (s) => (s.frozen = { rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this.resolve();
        const { rows, columns } = s.frozen;
        if (!rows && !columns) return null;
        return { sheet: s, rect: { top: 1, left: 1, bottom: rows || 1_048_576, right: columns || 16_384 } };
      },
      true,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function grid<V>(rect: Rect, at: (row: number, column: number) => V): V[][] {
  if (cellCount(rect) > MAX_GET_CELLS) throw officeError('ResponsePayloadSizeLimitExceeded', `The range ${formatRect(rect)} has more than 5 000 000 cells`);
  const out: V[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: V[] = new Array(rect.right - rect.left + 1);
    for (let column = rect.left; column <= rect.right; column++) line[column - rect.left] = at(row, column);
    out.push(line);
  }
  return out;
}

/**
 * Apply an input to every cell: a 2-D array of the range's size, or one value for the whole range
 * (a scalar, or a 1×1 array: Excel's "single input copy", like Ctrl+Enter); null skips a cell.
 */
function eachInput(rect: Rect, input: unknown, apply: (row: number, column: number, value: unknown) => void): void {
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  const array = Array.isArray(input) ? (input as unknown[][]) : [[input]];
  const single = array.length === 1 && Array.isArray(array[0]) && array[0].length === 1;
  if (!single && (array.length !== rows || array.some((r) => !Array.isArray(r) || r.length !== columns))) {
    throw officeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${formatRect(rect)})`);
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) apply(rect.top + r, rect.left + c, single ? array[0][0] : array[r][c]);
}

export class RangeProxy extends ClientObject<RangeTarget> {
  protected readonly defaults = ['address', 'values', 'numberFormat', 'formulas', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'];
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(context: StandinContext, resolver: () => RangeTarget | null, nullable = false) {
    super(context, resolver, nullable);
    this.format = new RangeFormatProxy(context, () => this.resolve());
    this.dataValidation = new DataValidationProxy(context, () => this.resolve());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, () => this.resolve());
  }

  protected read({ sheet, rect }: RangeTarget, prop: string): unknown {
    switch (prop) {
      case 'address': return sheet.address(rect);
      case 'addressLocal': return sheet.address(rect);
      case 'values': return grid(rect, (r, c) => sheet.valueOf(r, c));
      case 'numberFormat': return grid(rect, (r, c) => sheet.formatOf(r, c));
      case 'formulas': return grid(rect, (r, c) => sheet.formulaOf(r, c));
      case 'text': return grid(rect, (r, c) => String(sheet.valueOf(r, c)));
      case 'rowCount': return rect.bottom - rect.top + 1;
      case 'columnCount': return rect.right - rect.left + 1;
      case 'cellCount': return cellCount(rect);
      case 'rowIndex': return rect.top - 1;
      case 'columnIndex': return rect.left - 1;
      default: throw officeError('InvalidArgument', `Range has no property ${prop} in the stand-in`);
    }
  }

  get address(): string { return this.get('address'); }
  get values(): unknown[][] { return this.get('values'); }
  set values(input: unknown[][]) {
    this.set('values', input, ({ sheet, rect }) => eachInput(rect, input, (r, c, v) => sheet.writeValue(r, c, v)));
  }
  get numberFormat(): unknown[][] { return this.get('numberFormat'); }
  set numberFormat(input: unknown[][]) {
    this.set('numberFormat', input, ({ sheet, rect }) =>
      eachInput(rect, input, (r, c, v) => {
        if (v === null || v === undefined) return;
        const cell = sheet.ensure(r, c);
        if (v === '' || v === 'General') delete cell.nf;
        else cell.nf = String(v);
      }),
    );
  }
  get formulas(): unknown[][] { return this.get('formulas'); }
  set formulas(input: unknown[][]) {
    this.set('formulas', input, ({ sheet, rect }) => eachInput(rect, input, (r, c, v) => sheet.writeValue(r, c, v)));
  }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get cellCount(): number { return this.get('cellCount'); }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.resolve().sheet);
  }

  private derived(make: (t: RangeTarget) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this.resolve();
        const rect = make(t);
        if (rect && (rect.top < 1 || rect.left < 1 || rect.bottom > 1_048_576 || rect.right > 16_384)) throw officeError('InvalidArgument', 'The range is outside the sheet');
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }));
  }
  getRow(row: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, top: rect.top + row, bottom: rect.top + row }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, left: rect.left + column, right: rect.left + column }));
  }
  getLastRow(): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, top: rect.bottom }));
  }
  getLastColumn(): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, left: rect.right }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived(({ rect }) => ({ top: rect.top + rowOffset, bottom: rect.bottom + rowOffset, left: rect.left + columnOffset, right: rect.right + columnOffset }));
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, left: rect.right + 1, right: rect.right + count }));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derived(({ rect }) => ({ ...rect, top: rect.bottom + 1, bottom: rect.bottom + count }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derived(({ sheet, rect }) => sheet.usedRect(valuesOnly, rect), true);
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derived(({ rect }) => {
      const o = typeof other === 'string' ? parseRect(other) : other.resolve().rect;
      if (!intersects(rect, o)) return null;
      return { top: Math.max(rect.top, o.top), left: Math.max(rect.left, o.left), bottom: Math.min(rect.bottom, o.bottom), right: Math.min(rect.right, o.right) };
    }, true);
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const { sheet, rect } = this.resolve();
      const areas = sheet.merged.filter((m) => intersects(m, rect));
      return areas.length ? { sheet, rects: areas } : null;
    });
  }

  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      const { sheet, rect } = this.resolve();
      if (cellType !== 'Formulas') throw officeError('NotImplemented', `getSpecialCells(${cellType}) is not in the stand-in`);
      const rects = sheet.formulaRects(rect);
      return rects.length ? { sheet, rects } : null;
    });
  }

  select(): void {
    this.call(10, ({ sheet, rect }) => {
      this.context.model.activeSheetId = sheet.id;
      this.context.model.selection = { sheetId: sheet.id, rect };
    });
  }

  clear(): void {
    this.call(10, ({ sheet, rect }) => {
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (sheet.cell(r, c)) sheet.rows.get(r)![c] = undefined;
    });
  }
}
fillMixin(RangeProxy);

export class RangeAreasProxy extends ClientObject<{ sheet: SheetModel; rects: Rect[] }> {
  protected readonly defaults = ['address', 'areaCount', 'cellCount'];

  constructor(context: StandinContext, resolver: () => { sheet: SheetModel; rects: Rect[] } | null) {
    super(context, resolver, true);
  }

  protected read(t: { sheet: SheetModel; rects: Rect[] }, prop: string): unknown {
    switch (prop) {
      case 'address': return t.rects.map((r) => t.sheet.address(r)).join(',');
      case 'areaCount': return t.rects.length;
      case 'cellCount': return t.rects.reduce((n, r) => n + cellCount(r), 0);
      default: throw officeError('InvalidArgument', `RangeAreas has no property ${prop} in the stand-in`);
    }
  }

  get address(): string { return this.get('address'); }
  get areaCount(): number { return this.get('areaCount'); }
}

class FontProxy extends ClientObject<RangeTarget> {
  protected readonly defaults = ['bold', 'italic', 'size', 'color'];

  protected read({ sheet, rect }: RangeTarget, prop: string): unknown {
    const c = sheet.cell(rect.top, rect.left);
    switch (prop) {
      case 'bold': return c?.bold ?? false;
      case 'italic': return c?.italic ?? false;
      case 'size': return c?.size ?? 11;
      case 'color': return c?.color ?? '#000000';
      default: throw officeError('InvalidArgument', `Font has no property ${prop} in the stand-in`);
    }
  }

  private each(prop: 'bold' | 'italic' | 'size' | 'color', value: unknown): void {
    this.set(prop, value, ({ sheet, rect }) => {
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) (sheet.ensure(r, c) as Record<string, unknown>)[prop] = value;
    });
  }

  get bold(): boolean { return this.get('bold'); }
  set bold(v: boolean) { this.each('bold', v); }
  get italic(): boolean { return this.get('italic'); }
  set italic(v: boolean) { this.each('italic', v); }
  get size(): number { return this.get('size'); }
  set size(v: number) { this.each('size', v); }
  get color(): string { return this.get('color'); }
  set color(v: string) { this.each('color', v); }
}

class RangeFormatProxy extends ClientObject<RangeTarget> {
  protected readonly defaults = ['columnWidth'];
  readonly font: FontProxy;

  constructor(context: StandinContext, resolver: () => RangeTarget | null) {
    super(context, resolver);
    this.font = new FontProxy(context, () => this.resolve());
  }

  protected read({ sheet, rect }: RangeTarget, prop: string): unknown {
    if (prop === 'columnWidth') return sheet.widths.get(rect.left) ?? 48;
    throw officeError('InvalidArgument', `RangeFormat has no property ${prop} in the stand-in`);
  }

  get columnWidth(): number { return this.get('columnWidth'); }
  set columnWidth(points: number) {
    this.set('columnWidth', points, ({ sheet, rect }) => {
      for (let c = rect.left; c <= rect.right; c++) sheet.widths.set(c, points);
    });
  }
}

class DataValidationProxy extends ClientObject<RangeTarget> {
  protected readonly defaults = ['rule', 'errorAlert', 'ignoreBlanks', 'valid'];

  protected read({ sheet, rect }: RangeTarget, prop: string): unknown {
    const v = sheet.validations.find((x) => intersects(x.rect, rect));
    switch (prop) {
      case 'rule': return v?.rule ?? {};
      case 'errorAlert': return v?.errorAlert ?? null;
      case 'ignoreBlanks': return v?.ignoreBlanks ?? true;
      case 'valid': return true;
      default: throw officeError('InvalidArgument', `DataValidation has no property ${prop} in the stand-in`);
    }
  }

  /** The rule that covers exactly this range (set by `rule`), for errorAlert/ignoreBlanks. */
  private own({ sheet, rect }: RangeTarget) {
    const v = sheet.validations.find((x) => x.rect.top === rect.top && x.rect.left === rect.left && x.rect.bottom === rect.bottom && x.rect.right === rect.right);
    if (!v) throw officeError('InvalidOperation', 'Set the data validation rule before its other properties');
    return v;
  }

  get rule(): unknown { return this.get('rule'); }
  set rule(rule: unknown) {
    this.set('rule', rule, ({ sheet, rect }) => {
      const list = (rule as { list?: { source?: unknown } }).list;
      if (list && typeof list.source !== 'string') throw officeError('NotImplemented', 'The stand-in takes list sources as text');
      sheet.setValidation(rect, { rule: JSON.parse(JSON.stringify(rule)) });
    });
  }
  get errorAlert(): unknown { return this.get('errorAlert'); }
  set errorAlert(alert: unknown) {
    this.set('errorAlert', alert, (t) => (this.own(t).errorAlert = JSON.parse(JSON.stringify(alert))));
  }
  get ignoreBlanks(): boolean { return this.get('ignoreBlanks'); }
  set ignoreBlanks(value: boolean) {
    this.set('ignoreBlanks', value, (t) => (this.own(t).ignoreBlanks = value));
  }
  set prompt(prompt: unknown) {
    this.set('prompt', prompt, (t) => (this.own(t).prompt = JSON.parse(JSON.stringify(prompt))));
  }

  clear(): void {
    this.call(10, ({ sheet, rect }) => sheet.clearValidation(rect));
  }
}

class ConditionalFormatCollectionProxy extends ClientObject<RangeTarget> {
  protected readonly defaults = ['count'];

  protected read({ sheet, rect }: RangeTarget, prop: string): unknown {
    if (prop === 'count') return sheet.conditionalFormats.filter((f) => intersects(f.rect, rect)).length;
    throw officeError('InvalidArgument', `ConditionalFormatCollection has no property ${prop} in the stand-in`);
  }

  add(type: string): { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } } {
    let model: ConditionalFormatModel | undefined;
    this.call(jsonSize(type), ({ sheet, rect }) => {
      model = { rect, type };
      sheet.conditionalFormats.push(model);
    });
    const later = (apply: (m: ConditionalFormatModel) => void, bytes: number) =>
      this.context.queue(bytes, () => {
        if (!model) throw officeError('ItemNotFound', 'The conditional format does not exist');
        apply(model);
      });
    return {
      custom: {
        rule: { set formula(f: string) { later((m) => (m.formula = f), jsonSize(f)); }, get formula(): string { throw notLoaded('formula'); } },
        format: {
          fill: { set color(c: string) { later((m) => (m.fill = c), jsonSize(c)); }, get color(): string { throw notLoaded('color'); } },
          font: { set color(c: string) { later((m) => (m.font = c), jsonSize(c)); }, get color(): string { throw notLoaded('color'); } },
        },
      },
    };
  }

  clearAll(): void {
    this.call(10, ({ sheet, rect }) => (sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.rect, rect))));
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export class TableCollectionProxy extends Collection<TableModel, TableProxy> {
  constructor(
    context: StandinContext,
    resolver: () => TableModel[],
    private readonly sheet?: WorksheetProxy,
  ) {
    super(context, resolver);
  }

  protected item(model: TableModel): TableProxy {
    return new TableProxy(this.context, () => model);
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => this.context.model.findTable(key) ?? null);
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, () => this.context.model.findTable(key) ?? null, true);
  }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableModel | null = null;
    const table = new TableProxy(this.context, () => created);
    this.context.queue(jsonSize(typeof address === 'string' ? address : '') + 8, () => {
      let target: RangeTarget;
      if (typeof address !== 'string') target = address.resolve();
      else {
        const { sheet: prefix } = splitAddress(address);
        const sheet = this.sheet ? this.sheet.resolve() : prefix ? this.context.model.findSheet(prefix) : undefined;
        if (!sheet) throw officeError('InvalidArgument', `No sheet for ${address}`);
        target = { sheet, rect: parseRect(address) };
      }
      created = this.context.model.addTable(target.sheet, target.rect, hasHeaders);
      table.tryResolve();
    });
    return table;
  }
}

export class TableProxy extends ClientObject<TableModel> {
  protected readonly defaults = ['name', 'id', 'showHeaders', 'showTotals', 'style', 'showBandedRows', 'showFilterButton'];
  readonly columns: TableColumnCollectionProxy;
  readonly rows: TableRowCollectionProxy;

  constructor(context: StandinContext, resolver: () => TableModel | null, nullable = false) {
    super(context, resolver, nullable);
    this.columns = new TableColumnCollectionProxy(context, () => this.resolve());
    this.rows = new TableRowCollectionProxy(context, () => this.resolve());
  }

  protected read(t: TableModel, prop: string): unknown {
    switch (prop) {
      case 'name': return t.name;
      case 'id': return t.id;
      case 'showHeaders': return t.showHeaders;
      case 'showTotals': return t.showTotals;
      case 'style': return t.style;
      case 'showBandedRows': return t.showBandedRows;
      case 'showFilterButton': return t.showFilterButton;
      default: throw officeError('InvalidArgument', `Table has no property ${prop} in the stand-in`);
    }
  }

  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, (t) => this.context.model.renameTable(t, v)); }
  get showHeaders(): boolean { return this.get('showHeaders'); }
  get showTotals(): boolean { return this.get('showTotals'); }
  get style(): string { return this.get('style'); }
  set style(v: string) { this.set('style', v, (t) => (t.style = v)); }
  get showBandedRows(): boolean { return this.get('showBandedRows'); }
  set showBandedRows(v: boolean) { this.set('showBandedRows', v, (t) => (t.showBandedRows = v)); }
  get showFilterButton(): boolean { return this.get('showFilterButton'); }
  set showFilterButton(v: boolean) { this.set('showFilterButton', v, (t) => (t.showFilterButton = v)); }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.resolve().sheet);
  }

  private range(rect: (t: TableModel) => Rect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: rect(t) };
    });
  }

  getRange(): RangeProxy { return this.range((t) => t.rect); }
  getHeaderRowRange(): RangeProxy { return this.range((t) => t.headerRect()); }
  getDataBodyRange(): RangeProxy { return this.range((t) => t.bodyRect()); }

  resize(address: string | RangeProxy): void {
    this.call(20, (t) => {
      const rect = typeof address === 'string' ? parseRect(address) : address.resolve().rect;
      if (rect.top !== t.rect.top) throw officeError('InvalidArgument', 'The header row must stay where it is');
      t.rect = rect;
    });
  }

  delete(): void {
    this.call(10, (t) => (this.context.model.tables = this.context.model.tables.filter((x) => x !== t)));
  }
}
fillMixin(TableProxy);

type ColumnTarget = { table: TableModel; index: number };

class TableColumnProxy extends ClientObject<ColumnTarget> {
  protected readonly defaults = ['name', 'index', 'id'];

  protected read({ table, index }: ColumnTarget, prop: string): unknown {
    switch (prop) {
      case 'name': return table.columns()[index];
      case 'index': return index;
      case 'id': return index + 1;
      default: throw officeError('InvalidArgument', `TableColumn has no property ${prop} in the stand-in`);
    }
  }

  get name(): string { return this.get('name'); }
  get index(): number { return this.get('index'); }
}
fillMixin(TableColumnProxy);

class TableColumnCollectionProxy extends Collection<ColumnTarget, TableColumnProxy> {
  constructor(
    context: StandinContext,
    private readonly table: () => TableModel,
  ) {
    super(context, () => {
      const t = table();
      return t.columns().map((_, index) => ({ table: t, index }));
    });
  }

  protected item(model: ColumnTarget): TableColumnProxy {
    return new TableColumnProxy(this.context, () => model);
  }

  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    let created: ColumnTarget | null = null;
    const column = new TableColumnProxy(this.context, () => created);
    this.context.queue(jsonSize(values ?? null) + jsonSize(name ?? null), () => {
      const t = this.table();
      if (index !== undefined && index !== null && index !== t.columns().length) throw officeError('NotImplemented', 'The stand-in adds columns at the end only');
      if (values !== undefined && values !== null) throw officeError('NotImplemented', 'The stand-in adds empty columns only');
      this.context.model.addTableColumn(t, name);
      created = { table: t, index: t.columns().length - 1 };
      column.tryResolve();
    });
    return column;
  }
}

class TableRowCollectionProxy extends ClientObject<TableModel> {
  protected readonly defaults = ['count'];

  protected read(t: TableModel, prop: string): unknown {
    if (prop === 'count') return t.bodyRect().bottom - t.bodyRect().top + 1;
    throw officeError('InvalidArgument', `TableRowCollection has no property ${prop} in the stand-in`);
  }

  get count(): number { return this.get('count'); }

  /** At the end only; `alwaysInsert` (default true) shifts the cells below down, false grows over them. */
  add(index?: number | null, values?: unknown[][], alwaysInsert?: boolean): void {
    this.call(jsonSize(values ?? null), (t) => {
      if (index !== undefined && index !== null && index !== -1) throw officeError('NotImplemented', 'The stand-in adds rows at the end only');
      this.context.model.addTableRows(t, values ?? [new Array(t.rect.right - t.rect.left + 1).fill('')], alwaysInsert ?? true);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

type ChartTarget = { sheet: SheetModel; chart: ChartModel };

class ChartSeriesProxy extends ClientObject<{ chart: ChartModel; index: number }> {
  protected readonly defaults = ['name'];

  protected read(t: { chart: ChartModel; index: number }, prop: string): unknown {
    if (prop === 'name') return t.chart.series[t.index].name;
    throw officeError('InvalidArgument', `ChartSeries has no property ${prop} in the stand-in`);
  }

  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, (t) => (t.chart.series[t.index].name = v)); }

  setValues(range: RangeProxy): void {
    this.call(20, (t) => {
      const r = range.resolve();
      t.chart.series[t.index].values = formatRect(r.rect);
    });
  }

  setXAxisValues(range: RangeProxy): void {
    this.call(20, (t) => {
      const r = range.resolve();
      t.chart.series[t.index].categories = formatRect(r.rect);
    });
  }
}

class ChartProxy extends ClientObject<ChartTarget> {
  protected readonly defaults = ['name', 'chartType'];
  readonly title: { text: string };
  readonly series: { getItemAt(i: number): ChartSeriesProxy; add(name?: string): ChartSeriesProxy };

  constructor(context: StandinContext, resolver: () => ChartTarget | null, nullable = false) {
    super(context, resolver, nullable);
    const setTitle = (v: string) => this.call(jsonSize(v), (t) => (t.chart.title = v));
    this.title = {
      set text(v: string) {
        setTitle(v);
      },
      get text(): string {
        throw notLoaded('text');
      },
    };
    this.series = {
      getItemAt: (index: number) =>
        new ChartSeriesProxy(context, () => {
          const { chart } = this.resolve();
          if (!chart.series[index]) throw officeError('ItemNotFound', `No series ${index}`);
          return { chart, index };
        }),
      add: (name?: string) => {
        let created: { chart: ChartModel; index: number } | null = null;
        const series = new ChartSeriesProxy(context, () => created);
        this.call(jsonSize(name ?? null), ({ chart }) => {
          chart.series.push({ name: name ?? `Series${chart.series.length + 1}`, values: '' });
          created = { chart, index: chart.series.length - 1 };
          series.tryResolve();
        });
        return series;
      },
    };
  }

  protected read({ chart }: ChartTarget, prop: string): unknown {
    switch (prop) {
      case 'name': return chart.name;
      case 'chartType': return chart.type;
      default: throw officeError('InvalidArgument', `Chart has no property ${prop} in the stand-in`);
    }
  }

  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, (t) => (t.chart.name = v)); }

  setPosition(startCell: string, endCell?: string): void {
    this.call(20, (t) => (t.chart.position = endCell ? `${startCell}:${endCell}` : startCell));
  }

  delete(): void {
    this.call(10, ({ sheet, chart }) => (sheet.charts = sheet.charts.filter((c) => c !== chart)));
  }
}
fillMixin(ChartProxy);

class ChartCollectionProxy extends Collection<ChartTarget, ChartProxy> {
  constructor(
    context: StandinContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => {
      const s = sheet();
      return s.charts.map((chart) => ({ sheet: s, chart }));
    });
  }

  protected item(model: ChartTarget): ChartProxy {
    return new ChartProxy(this.context, () => model);
  }

  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      () => {
        const s = this.sheet();
        const chart = s.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
        return chart ? { sheet: s, chart } : null;
      },
      true,
    );
  }

  add(type: string, source: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let created: ChartTarget | null = null;
    const chart = new ChartProxy(this.context, () => created);
    this.context.queue(jsonSize(type) + 40, () => {
      const s = this.sheet();
      const { rect } = source.resolve();
      const byRows = seriesBy === 'Rows';
      const series: ChartModel['series'] = [];
      const count = byRows ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
      for (let i = 0; i < count; i++) {
        const r = byRows ? { ...rect, top: rect.top + i, bottom: rect.top + i } : { ...rect, left: rect.left + i, right: rect.left + i };
        series.push({ name: `Series${i + 1}`, values: formatRect(r) });
      }
      let n = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const model: ChartModel = { name: `Chart ${n}`, type, series };
      s.charts.push(model);
      created = { sheet: s, chart: model };
      chart.tryResolve();
    });
    return chart;
  }
}

// ---------------------------------------------------------------------------------------------
// Notes, events

export class NoteProxy extends ClientObject<NoteModel> {
  protected readonly defaults = ['content', 'authorName'];

  protected read(n: NoteModel, prop: string): unknown {
    switch (prop) {
      case 'content': return n.content;
      case 'authorName': return n.author;
      default: throw officeError('InvalidArgument', `Note has no property ${prop} in the stand-in`);
    }
  }

  get content(): string { return this.get('content'); }
  set content(v: string) { this.set('content', v, (n) => (n.content = v)); }
  get authorName(): string { return this.get('authorName'); }

  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const n = this.resolve();
      return { sheet: n.sheet, rect: parseRect(n.address) };
    });
  }

  delete(): void {
    this.call(10, (n) => (this.context.model.notes = this.context.model.notes.filter((x) => x !== n)));
  }
}
fillMixin(NoteProxy);

export class NoteCollectionProxy extends Collection<NoteModel, NoteProxy> {
  constructor(
    context: StandinContext,
    resolver: () => NoteModel[],
    private readonly sheet: WorksheetProxy | undefined,
  ) {
    super(context, resolver);
  }

  protected item(model: NoteModel): NoteProxy {
    return new NoteProxy(this.context, () => model);
  }

  private cellTarget(cellAddressOrRange: string | RangeProxy): RangeTarget {
    if (typeof cellAddressOrRange !== 'string') return cellAddressOrRange.resolve();
    const { sheet: prefix } = splitAddress(cellAddressOrRange);
    const sheet = this.sheet ? this.sheet.resolve() : prefix ? this.context.model.findSheet(prefix) : undefined;
    if (!sheet) throw officeError('InvalidArgument', `InvalidCellAddress: ${cellAddressOrRange}`);
    return { sheet, rect: parseRect(cellAddressOrRange) };
  }

  add(cellAddressOrRange: string | RangeProxy, content: string): NoteProxy {
    let created: NoteModel | null = null;
    const note = new NoteProxy(this.context, () => created);
    this.context.queue(jsonSize(content) + 20, () => {
      const { sheet, rect } = this.cellTarget(cellAddressOrRange);
      created = this.context.model.addNote(sheet, rect, content);
      note.tryResolve();
    });
    return note;
  }

  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(
      this.context,
      () => {
        const { sheet, rect } = this.cellTarget(key);
        return this.context.model.notes.find((n) => n.sheet === sheet && n.address === cellAddress(rect.top, rect.left)) ?? null;
      },
      true,
    );
  }
}

export class EventHandlersProxy {
  constructor(
    private readonly context: StandinContext,
    private readonly sheetId: () => string,
  ) {}

  add(handler: (args: unknown) => Promise<unknown> | void): { context: StandinContext; remove(): void } {
    const { context } = this;
    let key: string | undefined;
    context.queue(20, () => {
      key = this.sheetId();
      const set = context.host.handlers.get(key) ?? new Set();
      set.add(handler);
      context.host.handlers.set(key, set);
    });
    return {
      context,
      remove: () =>
        context.queue(20, () => {
          if (key) context.host.handlers.get(key)?.delete(handler);
        }),
    };
  }
}

export { parseAreas };
