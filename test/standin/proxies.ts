/**
 * Office.js-like proxy objects over the stand-in's WorkbookModel. As in Office.js:
 * - calls and property writes are queued and run, in order, at `context.sync()`;
 * - an object is bound to what it refers to when the first queued command that needs it runs
 *   (so `worksheets.add(name)` followed by writes on the result works in one batch);
 * - properties are readable only after `load()` and a sync (else PropertyNotLoaded);
 * - `*OrNullObject` gives an object whose `isNullObject` tells after the sync.
 * Every proxy has an object path (how it was reached) and every command is an action on one
 * (wire.ts): what the stand-in measures as the payload. Each proxy class implements the Office.js
 * members it models (officeTypes.ts), so a misspelt member or a wrong signature is a type error.
 */
import { cellAddress, cellCount, formatRect, intersects, parseAreas, parseRect, splitAddress, type Rect } from '../../src/excel/address';
import { officeError, type Cell, type ChartModel, type CommentModel, type ConditionalFormatModel, type DocumentPropertyName, type NameModel, type NoteModel, type SheetModel, type TableModel, type WorkbookModel } from './model';
import type { Assert, Modelled, OnlyModelled } from './officeTypes';
import type { Action, ObjectPath, PathType } from './wire';

/** One queued command: what is sent, and what it does at sync (a load or a getCount also answers). */
export interface Command {
  action: Action;
  run(): { result: unknown; commit(): void } | void;
}

/**
 * The change event as the stand-in gives it: Excel.WorksheetChangedEventArgs' data members.
 * `details` is optional: Excel gives it for a single-cell change only (the typings say always);
 * its valueAsJson* members are not modelled.
 */
export type StandinChangedArgs = Pick<Excel.WorksheetChangedEventArgs, 'type' | 'changeType' | 'source' | 'triggerSource' | 'worksheetId' | 'address'> & {
  details?: Pick<Excel.ChangedEventDetail, 'valueAfter' | 'valueBefore' | 'valueTypeAfter' | 'valueTypeBefore'>;
};

export type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

export interface Host {
  model: WorkbookModel;
  sync(context: StandinContext): Promise<void>;
  /** Event registrations by sheet id ('*' = every sheet). */
  handlers: Map<string, Set<ChangedHandler>>;
}

const MAX_GET_CELLS = 5_000_000;

type ContextMembers = 'workbook' | 'sync' | 'trackedObjects';

export class StandinContext implements Modelled<Excel.RequestContext, ContextMembers> {
  pending: Command[] = [];
  /** Ids of object paths and actions, as Office.js numbers them (per context). */
  private lastId = 0;
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (_object: unknown) => undefined, remove: (_object: unknown) => undefined };

  constructor(readonly host: Host) {
    this.workbook = new WorkbookProxy(this, this.newPath('GlobalObject', ''));
  }

  /** Runs the queued commands; resolves with `passThroughValue`, as Office.js does. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    await this.host.sync(this);
    return passThroughValue as T;
  }

  queue(action: Action, run: Command['run']): void {
    this.pending.push({ action, run });
  }

  nextId(): number {
    return ++this.lastId;
  }

  newPath(type: PathType, name: string, parent?: ObjectPath, args?: unknown[]): ObjectPath {
    return { id: this.nextId(), type, name, parent, args };
  }

  get model(): WorkbookModel {
    return this.host.model;
  }
}

const notLoaded = (prop: string) =>
  officeError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/** What load() takes: "a,b", ["a", "b"], { select: "a,b" }, or load options { a: true }. */
export type LoadArgument = string | string[] | { select?: string; expand?: string } | object;

/** Property names of a load() argument; "items/" dropped. */
function loadList(props: LoadArgument | undefined, defaults: string[]): string[] {
  let list: string[];
  if (props === undefined || props === null || props === '') list = defaults;
  else if (typeof props === 'string') list = props.split(',');
  else if (Array.isArray(props)) list = props.flatMap((p) => String(p).split(','));
  else if (typeof (props as { select?: unknown }).select === 'string') list = (props as { select: string }).select.split(',');
  else {
    // Load options: { values: true, format: { columnWidth: true } }; nested objects are not modelled.
    list = Object.entries(props as Record<string, unknown>).filter(([p, v]) => v === true && !p.startsWith('$')).map(([p]) => p);
    if (!list.length) list = defaults;
  }
  return list.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p && p !== 'items');
}

/** Members every client object has in Office.js and the stand-in models. */
type ObjectMembers = 'context' | 'isNullObject' | 'load' | 'toJSON';

/**
 * What every proxy has: its context, its object path, binding to the model object when first
 * needed, queued property writes and method calls, children reached by properties and methods.
 */
abstract class ProxyBase<T> {
  private bound = false;
  private target: T | null = null;
  protected readonly loaded = new Map<string, unknown>();
  protected nullState?: boolean;

  constructor(
    readonly context: StandinContext,
    /** How this object was reached (wire.ts). */
    readonly path: ObjectPath,
    private readonly resolver: () => T | null,
    protected readonly nullable = false,
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

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  /** Queue a property write (also readable locally afterwards, as in Office.js). */
  protected set(prop: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.set(prop, value);
    this.context.queue({ type: 'SetProperty', path: this.path, name: prop, args: [value] }, () => {
      apply(this.resolve());
    });
  }

  /** Queue a method call that returns nothing. */
  protected call(name: string, args: unknown[], apply: (t: T) => void): void {
    this.context.queue({ type: 'Method', path: this.path, name, args }, () => {
      apply(this.resolve());
    });
  }

  /** Path of an object reached from this one by a property (`range.format`) or a method (`getRange(a)`). */
  protected property(name: string): ObjectPath {
    return this.context.newPath('Property', name, this.path);
  }

  protected method(name: string, args: unknown[] = []): ObjectPath {
    return this.context.newPath('Method', name, this.path, args);
  }

  /**
   * A child created by a call (`tables.add`, `worksheets.add`): its path is the call, queued as an
   * Instantiate action that runs `produce`; the child binds to what it produced.
   */
  protected create<C, Child extends ProxyBase<C>>(name: string, args: unknown[], produce: (t: T) => C, make: (path: ObjectPath, resolver: () => C | null) => Child): Child {
    let created: C | null = null;
    const child = make(this.method(name, args), () => created);
    this.context.queue({ type: 'Instantiate', path: child.path, name: '' }, () => {
      created = produce(this.resolve());
      child.tryResolve();
    });
    return child;
  }
}

/** A proxy whose properties can be loaded (all but FreezePanes, which has no load in Office.js). */
abstract class ClientObject<T> extends ProxyBase<T> {
  protected abstract readonly defaults: string[];
  protected abstract read(target: T, prop: string): unknown;

  load(props?: LoadArgument): this {
    const list = loadList(props, this.defaults);
    this.context.queue({ type: 'Query', path: this.path, name: '', select: list }, () => {
      const t = this.nullable ? this.tryResolve() : this.resolve();
      if (t === null) return { result: { _IsNull: true }, commit: () => (this.nullState = true) };
      const values = list.map((p) => [p, this.read(t, p)] as const);
      return {
        result: wireRecord(values),
        commit: () => {
          this.nullState = false;
          for (const [p, v] of values) this.loaded.set(p, v);
        },
      };
    });
    return this;
  }

  /** For a collection's load: this item's properties (its defaults for "*"), read now. */
  readForCollection(props: string[] | '*'): (readonly [string, unknown])[] {
    const t = this.resolve();
    return (props === '*' ? this.defaults : props).map((p) => [p, this.read(t, p)] as const);
  }

  /** Fill loaded properties directly (for collection items). */
  fillLoaded(values: readonly (readonly [string, unknown])[]): void {
    this.nullState = false;
    for (const [p, v] of values) this.loaded.set(p, v);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Loaded properties as Office.js returns them: PascalCase names. */
function wireRecord(values: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [p, v] of values) out[p ? p[0].toUpperCase() + p.slice(1) : p] = v;
  return out;
}

type CollectionMembers = ObjectMembers | 'items' | 'getCount';

abstract class Collection<T, P extends ClientObject<unknown>> extends ClientObject<T[]> {
  private loadedItems?: P[];
  protected readonly defaults = ['*'];

  protected abstract item(model: T, path: ObjectPath): P;

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  /** `count` for the collections that have it in Office.js (subclasses expose it). */
  protected loadedCount(): number {
    return this.get('count');
  }

  override load(props?: LoadArgument): this {
    const list = loadList(props, ['*']);
    this.context.queue({ type: 'Query', path: this.path, name: '', select: list }, () => {
      const models = this.resolve();
      const items = models.map((m, i) => this.item(m, this.context.newPath('Indexer', '', this.path, [i])));
      const itemProps = list.includes('*') ? '*' : list.filter((p) => p !== 'count');
      const values = items.map((item) => item.readForCollection(itemProps));
      const result: Record<string, unknown> = { _Items: values.map(wireRecord) };
      if (list.includes('count')) result.Count = models.length;
      return {
        result,
        commit: () => {
          this.loaded.set('count', models.length);
          this.loadedItems = items;
          items.forEach((item, i) => item.fillLoaded(values[i]));
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
    this.context.queue({ type: 'Method', path: this.path, name: 'getCount', args: [] }, () => {
      const n = this.resolve().length;
      return { result: n, commit: () => (result.value = n) };
    });
    return result;
  }
}

/** A range argument as the stand-in resolves it (a proxy binds, an address is parsed). */
const rectOf = (range: RangeProxy | string): Rect => (typeof range === 'string' ? parseRect(range) : range.resolve().rect);

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

type WorkbookMembers = ObjectMembers | 'worksheets' | 'tables' | 'notes' | 'comments' | 'names' | 'properties' | 'getSelectedRange';

export class WorkbookProxy extends ClientObject<WorkbookModel> implements Modelled<Excel.Workbook, WorkbookMembers> {
  protected readonly defaults: string[] = [];
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly notes: NoteCollectionProxy;
  readonly comments: CommentCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly properties: DocumentPropertiesProxy;

  constructor(context: StandinContext, path: ObjectPath) {
    super(context, path, () => context.model);
    this.worksheets = new WorksheetCollectionProxy(context, this.property('worksheets'));
    this.tables = new TableCollectionProxy(context, this.property('tables'), () => context.model.tables);
    this.notes = new NoteCollectionProxy(context, this.property('notes'), () => context.model.orderedNotes(), undefined);
    this.comments = new CommentCollectionProxy(context, this.property('comments'), () => context.model.sheets.flatMap((sh) => context.model.comments.filter((c) => c.sheet === sh)));
    this.names = new NamedItemCollectionProxy(context, this.property('names'), () => context.model.names);
    this.properties = new DocumentPropertiesProxy(context, this.property('properties'), () => context.model);
  }

  protected read(): unknown {
    throw officeError('InvalidArgument', 'The stand-in models no Workbook properties');
  }

  getSelectedRange(): RangeProxy {
    const { context } = this;
    return new RangeProxy(context, this.method('getSelectedRange'), () => {
      const sel = context.model.selection;
      const sheet = sel && context.model.findSheet(sel.sheetId);
      return sel && sheet ? { sheet, rect: sel.rect } : null;
    });
  }
}

type WorksheetCollectionMembers = CollectionMembers | 'onChanged' | 'getItem' | 'getItemOrNullObject' | 'getActiveWorksheet' | 'add';

export class WorksheetCollectionProxy extends Collection<SheetModel, WorksheetProxy> implements Modelled<Excel.WorksheetCollection, WorksheetCollectionMembers> {
  readonly onChanged: EventHandlersProxy<Excel.WorksheetChangedEventArgs>;

  constructor(context: StandinContext, path: ObjectPath) {
    super(context, path, () => context.model.sheets);
    this.onChanged = new EventHandlersProxy(context, this.property('onChanged'), () => '*');
  }

  protected item(model: SheetModel, path: ObjectPath): WorksheetProxy {
    return new WorksheetProxy(this.context, path, () => model);
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.method('getItem', [key]), () => this.context.model.findSheet(key) ?? null);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.method('getItemOrNullObject', [key]), () => this.context.model.findSheet(key) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    const { model } = this.context;
    return new WorksheetProxy(this.context, this.method('getActiveWorksheet'), () => model.findSheet(model.activeSheetId ?? '') ?? model.sheets[0] ?? null);
  }

  add(name?: string): WorksheetProxy {
    return this.create('add', name === undefined ? [] : [name], () => this.context.model.addSheet(name), (path, r) => new WorksheetProxy(this.context, path, r));
  }
}

type WorksheetMembers =
  | ObjectMembers | 'tables' | 'freezePanes' | 'notes' | 'onChanged' | 'charts' | 'name' | 'id' | 'position' | 'pageLayout' | 'horizontalPageBreaks'
  | 'getRange' | 'getRangeByIndexes' | 'getCell' | 'getUsedRange' | 'getUsedRangeOrNullObject' | 'activate' | 'delete';

export class WorksheetProxy extends ClientObject<SheetModel> implements Modelled<Excel.Worksheet, WorksheetMembers> {
  protected readonly defaults = ['name', 'id', 'position', 'visibility'];
  readonly tables: TableCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly notes: NoteCollectionProxy;
  readonly onChanged: EventHandlersProxy<Excel.WorksheetChangedEventArgs>;
  readonly charts: ChartCollectionProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly horizontalPageBreaks: PageBreakCollectionProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => SheetModel | null, nullable = false) {
    super(context, path, resolver, nullable);
    this.charts = new ChartCollectionProxy(context, this.property('charts'), () => this.resolve());
    this.pageLayout = new PageLayoutProxy(context, this.property('pageLayout'), () => this.resolve());
    this.horizontalPageBreaks = new PageBreakCollectionProxy(context, this.property('horizontalPageBreaks'), () => this.resolve());
    this.tables = new TableCollectionProxy(context, this.property('tables'), () => context.model.tables.filter((t) => t.sheet === this.resolve()), this);
    this.freezePanes = new FreezePanesProxy(context, this.property('freezePanes'), () => this.resolve());
    this.notes = new NoteCollectionProxy(context, this.property('notes'), () => context.model.orderedNotes().filter((n) => n.sheet === this.resolve()), this);
    this.onChanged = new EventHandlersProxy(context, this.property('onChanged'), () => this.resolve().id);
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

  set position(value: number) {
    this.set('position', value, (s) => this.context.model.moveSheet(s, value));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this.method('getRange', address === undefined ? [] : [address]), () => {
      const sheet = this.resolve();
      if (address === undefined) return { sheet, rect: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } };
      const { sheet: prefix } = splitAddress(address);
      if (prefix && prefix.toLowerCase() !== sheet.name.toLowerCase()) throw officeError('InvalidArgument', `The address ${address} is not on ${sheet.name}`);
      return { sheet, rect: parseRect(address) };
    });
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.context, this.method('getRangeByIndexes', [row, column, rows, columns]), () => ({ sheet: this.resolve(), rect: { top: row + 1, left: column + 1, bottom: row + rows, right: column + columns } }));
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, this.method('getCell', [row, column]), () => ({ sheet: this.resolve(), rect: { top: row + 1, left: column + 1, bottom: row + 1, right: column + 1 } }));
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, this.method('getUsedRange', [valuesOnly]), () => {
      const sheet = this.resolve();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this.method('getUsedRangeOrNullObject', [valuesOnly]),
      () => {
        const sheet = this.resolve();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this.call('activate', [], (s) => (this.context.model.activeSheetId = s.id));
  }

  delete(): void {
    this.call('delete', [], (s) => this.context.model.deleteSheet(s));
  }
}

type PageLayoutMembers = ObjectMembers | 'orientation' | 'paperSize' | 'zoom' | 'setPrintArea' | 'setPrintTitleRows' | 'headersFooters';

/** worksheet.pageLayout (ExcelApi 1.9): what the adapter writes, kept in SheetModel.print. */
export class PageLayoutProxy extends ClientObject<SheetModel> implements Modelled<Excel.PageLayout, PageLayoutMembers> {
  protected readonly defaults = ['orientation', 'paperSize'];
  readonly headersFooters: HeaderFooterGroupProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => SheetModel | null) {
    super(context, path, resolver);
    this.headersFooters = new HeaderFooterGroupProxy(context, this.property('headersFooters'), () => this.resolve());
  }

  protected read(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'orientation': return s.print.orientation ?? 'Portrait';
      case 'paperSize': return s.print.paperSize ?? 'Letter';
      case 'zoom': return s.print.zoom ?? { scale: 100 };
      default: throw officeError('InvalidArgument', `PageLayout has no property ${prop} in the stand-in`);
    }
  }

  get orientation(): Excel.PageOrientation { return this.get('orientation'); }
  set orientation(v: Excel.PageOrientation) { this.set('orientation', v, (s) => (s.print.orientation = v)); }
  get paperSize(): Excel.PaperType { return this.get('paperSize'); }
  set paperSize(v: Excel.PaperType) { this.set('paperSize', v, (s) => (s.print.paperSize = v)); }
  get zoom(): Excel.PageLayoutZoomOptions { return this.get('zoom'); }
  set zoom(v: Excel.PageLayoutZoomOptions) { this.set('zoom', v, (s) => (s.print.zoom = { ...v })); }

  setPrintArea(printArea: string | RangeProxy | RangeAreasProxy): void {
    this.call('setPrintArea', [printArea], (s) => {
      if (typeof printArea !== 'string') throw officeError('InvalidArgument', 'The stand-in takes a print area as an address');
      parseRect(printArea);
      s.print.printArea = printArea;
    });
  }

  setPrintTitleRows(rows: string | RangeProxy): void {
    this.call('setPrintTitleRows', [rows], (s) => {
      if (typeof rows !== 'string' || !/^\$?\d+:\$?\d+$/.test(rows)) throw officeError('InvalidArgument', `Not a row range: ${String(rows)}`);
      s.print.titleRows = rows;
    });
  }
}

export class HeaderFooterGroupProxy extends ClientObject<SheetModel> implements Modelled<Excel.HeaderFooterGroup, ObjectMembers | 'defaultForAllPages'> {
  protected readonly defaults: string[] = [];
  readonly defaultForAllPages: HeaderFooterProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => SheetModel | null) {
    super(context, path, resolver);
    this.defaultForAllPages = new HeaderFooterProxy(context, this.property('defaultForAllPages'), () => this.resolve());
  }

  protected read(_s: SheetModel, prop: string): unknown {
    throw officeError('InvalidArgument', `HeaderFooterGroup has no property ${prop} in the stand-in`);
  }
}

type HeaderFooterMembers = ObjectMembers | 'leftFooter' | 'centerFooter' | 'rightFooter';

export class HeaderFooterProxy extends ClientObject<SheetModel> implements Modelled<Excel.HeaderFooter, HeaderFooterMembers> {
  protected readonly defaults = ['leftFooter', 'centerFooter', 'rightFooter'];

  protected read(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'leftFooter': return s.print.footer.left ?? '';
      case 'centerFooter': return s.print.footer.center ?? '';
      case 'rightFooter': return s.print.footer.right ?? '';
      default: throw officeError('InvalidArgument', `HeaderFooter has no property ${prop} in the stand-in`);
    }
  }

  get leftFooter(): string { return this.get('leftFooter'); }
  set leftFooter(v: string) { this.set('leftFooter', v, (s) => (s.print.footer.left = v)); }
  get centerFooter(): string { return this.get('centerFooter'); }
  set centerFooter(v: string) { this.set('centerFooter', v, (s) => (s.print.footer.center = v)); }
  get rightFooter(): string { return this.get('rightFooter'); }
  set rightFooter(v: string) { this.set('rightFooter', v, (s) => (s.print.footer.right = v)); }
}

type PageBreakCollectionMembers = ObjectMembers | 'add' | 'removePageBreaks';

/** worksheet.horizontalPageBreaks: a break is added at a range, the page starting at its top row. */
export class PageBreakCollectionProxy extends ClientObject<SheetModel> implements Modelled<Excel.PageBreakCollection, PageBreakCollectionMembers> {
  protected readonly defaults: string[] = [];

  protected read(_s: SheetModel, prop: string): unknown {
    throw officeError('InvalidArgument', `PageBreakCollection has no property ${prop} in the stand-in`);
  }

  add(pageBreakRange: RangeProxy | string): Excel.PageBreak {
    this.call('add', [pageBreakRange], (s) => s.print.breaks.push(rectOf(pageBreakRange).top));
    return undefined as unknown as Excel.PageBreak; // the adapter does not use the returned break
  }

  removePageBreaks(): void {
    this.call('removePageBreaks', [], (s) => (s.print.breaks = []));
  }
}

type FreezePanesMembers = 'context' | 'isNullObject' | 'freezeRows' | 'freezeColumns' | 'freezeAt' | 'unfreeze' | 'getLocationOrNullObject';

/** Office.js's WorksheetFreezePanes has no load() and no properties. */
export class FreezePanesProxy extends ProxyBase<SheetModel> implements Modelled<Excel.WorksheetFreezePanes, FreezePanesMembers> {
  freezeRows(count = 1): void {
    this.call('freezeRows', [count], (s) => (s.frozen = { rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.call('freezeColumns', [count], (s) => (s.frozen = { rows: 0, columns: count }));
  }

  freezeAt(range: RangeProxy | string): void {
    this.call('freezeAt', [range], (s) => {
      const rect = rectOf(range);
      s.frozen = { rows: rect.bottom, columns: rect.right };
    });
  }

  unfreeze(): void {
    this.call('unfreeze', [], (s) => (s.frozen = { rows: 0, columns: 0 }));
  }

  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this.method('getLocationOrNullObject'),
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

type RangeMembers =
  | ObjectMembers | 'format' | 'dataValidation' | 'conditionalFormats' | 'worksheet'
  | 'address' | 'values' | 'numberFormat' | 'formulas' | 'rowCount' | 'columnCount' | 'rowIndex' | 'columnIndex' | 'cellCount'
  | 'getCell' | 'getRow' | 'getColumn' | 'getLastRow' | 'getLastColumn' | 'getResizedRange' | 'getOffsetRange' | 'getColumnsAfter' | 'getRowsBelow'
  | 'getUsedRangeOrNullObject' | 'getIntersectionOrNullObject' | 'getMergedAreasOrNullObject' | 'getSpecialCellsOrNullObject' | 'select' | 'clear';

export class RangeProxy extends ClientObject<RangeTarget> implements Modelled<Excel.Range, RangeMembers> {
  protected readonly defaults = ['address', 'values', 'numberFormat', 'formulas', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'];
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => RangeTarget | null, nullable = false) {
    super(context, path, resolver, nullable);
    this.format = new RangeFormatProxy(context, this.property('format'), () => this.resolve());
    this.dataValidation = new DataValidationProxy(context, this.property('dataValidation'), () => this.resolve());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this.property('conditionalFormats'), () => this.resolve());
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
    return new WorksheetProxy(this.context, this.property('worksheet'), () => this.resolve().sheet);
  }

  private derived(name: string, args: unknown[], make: (t: RangeTarget) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this.method(name, args),
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
    return this.derived('getCell', [row, column], ({ rect }) => ({ top: rect.top + row, left: rect.left + column, bottom: rect.top + row, right: rect.left + column }));
  }
  getRow(row: number): RangeProxy {
    return this.derived('getRow', [row], ({ rect }) => ({ ...rect, top: rect.top + row, bottom: rect.top + row }));
  }
  getColumn(column: number): RangeProxy {
    return this.derived('getColumn', [column], ({ rect }) => ({ ...rect, left: rect.left + column, right: rect.left + column }));
  }
  getLastRow(): RangeProxy {
    return this.derived('getLastRow', [], ({ rect }) => ({ ...rect, top: rect.bottom }));
  }
  getLastColumn(): RangeProxy {
    return this.derived('getLastColumn', [], ({ rect }) => ({ ...rect, left: rect.right }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], ({ rect }) => ({ ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], ({ rect }) => ({ top: rect.top + rowOffset, bottom: rect.bottom + rowOffset, left: rect.left + columnOffset, right: rect.right + columnOffset }));
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this.derived('getColumnsAfter', [count], ({ rect }) => ({ ...rect, left: rect.right + 1, right: rect.right + count }));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derived('getRowsBelow', [count], ({ rect }) => ({ ...rect, top: rect.bottom + 1, bottom: rect.bottom + count }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derived('getUsedRangeOrNullObject', [valuesOnly], ({ sheet, rect }) => sheet.usedRect(valuesOnly, rect), true);
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derived('getIntersectionOrNullObject', [other], ({ rect }) => {
      const o = rectOf(other);
      if (!intersects(rect, o)) return null;
      return { top: Math.max(rect.top, o.top), left: Math.max(rect.left, o.left), bottom: Math.min(rect.bottom, o.bottom), right: Math.min(rect.right, o.right) };
    }, true);
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.method('getMergedAreasOrNullObject'), () => {
      const { sheet, rect } = this.resolve();
      const areas = sheet.merged.filter((m) => intersects(m, rect));
      return areas.length ? { sheet, rects: areas } : null;
    });
  }

  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.method('getSpecialCellsOrNullObject', [cellType]), () => {
      const { sheet, rect } = this.resolve();
      if (cellType !== 'Formulas') throw officeError('NotImplemented', `getSpecialCells(${cellType}) is not in the stand-in`);
      const rects = sheet.formulaRects(rect);
      return rects.length ? { sheet, rects } : null;
    });
  }

  select(): void {
    this.call('select', [], ({ sheet, rect }) => {
      this.context.model.activeSheetId = sheet.id;
      this.context.model.selection = { sheetId: sheet.id, rect };
    });
  }

  /** Everything, whatever `applyTo` says (the adapter clears whole cells only). */
  clear(applyTo?: string): void {
    this.call('clear', applyTo === undefined ? [] : [applyTo], ({ sheet, rect }) => {
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (sheet.cell(r, c)) sheet.rows.get(r)![c] = undefined;
    });
  }
}

type AreasTarget = { sheet: SheetModel; rects: Rect[] };
type RangeAreasMembers = ObjectMembers | 'address' | 'areaCount' | 'cellCount';

export class RangeAreasProxy extends ClientObject<AreasTarget> implements Modelled<Excel.RangeAreas, RangeAreasMembers> {
  protected readonly defaults = ['address', 'areaCount', 'cellCount'];

  constructor(context: StandinContext, path: ObjectPath, resolver: () => AreasTarget | null) {
    super(context, path, resolver, true);
  }

  protected read(t: AreasTarget, prop: string): unknown {
    switch (prop) {
      case 'address': return t.rects.map((r) => t.sheet.address(r)).join(',');
      case 'areaCount': return t.rects.length;
      case 'cellCount': return t.rects.reduce((n, r) => n + cellCount(r), 0);
      default: throw officeError('InvalidArgument', `RangeAreas has no property ${prop} in the stand-in`);
    }
  }

  get address(): string { return this.get('address'); }
  get areaCount(): number { return this.get('areaCount'); }
  get cellCount(): number { return this.get('cellCount'); }
}

type FontMembers = ObjectMembers | 'bold' | 'italic' | 'size' | 'color';

export class FontProxy extends ClientObject<RangeTarget> implements Modelled<Excel.RangeFont, FontMembers> {
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

  private each<K extends 'bold' | 'italic' | 'size' | 'color'>(prop: K, value: NonNullable<Cell[K]>): void {
    this.set(prop, value, ({ sheet, rect }) => {
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) sheet.ensure(r, c)[prop] = value;
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

type RangeFormatMembers = ObjectMembers | 'font' | 'columnWidth';

export class RangeFormatProxy extends ClientObject<RangeTarget> implements Modelled<Excel.RangeFormat, RangeFormatMembers> {
  protected readonly defaults = ['columnWidth'];
  readonly font: FontProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => RangeTarget | null) {
    super(context, path, resolver);
    this.font = new FontProxy(context, this.property('font'), () => this.resolve());
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

type DataValidationMembers = ObjectMembers | 'rule' | 'errorAlert' | 'ignoreBlanks' | 'prompt' | 'valid' | 'clear';

/** Copies of what was set, so later changes to the caller's object do not reach the model. */
const copy = <V>(value: V): V => JSON.parse(JSON.stringify(value)) as V;

export class DataValidationProxy extends ClientObject<RangeTarget> implements Modelled<Excel.DataValidation, DataValidationMembers> {
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

  get rule(): Excel.DataValidationRule { return this.get('rule'); }
  set rule(rule: Excel.DataValidationRule) {
    this.set('rule', rule, ({ sheet, rect }) => {
      if (rule.list && typeof rule.list.source !== 'string') throw officeError('NotImplemented', 'The stand-in takes list sources as text');
      sheet.setValidation(rect, { rule: copy(rule) });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert { return this.get('errorAlert'); }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.set('errorAlert', alert, (t) => (this.own(t).errorAlert = copy(alert)));
  }
  get ignoreBlanks(): boolean { return this.get('ignoreBlanks'); }
  set ignoreBlanks(value: boolean) {
    this.set('ignoreBlanks', value, (t) => (this.own(t).ignoreBlanks = value));
  }
  get prompt(): Excel.DataValidationPrompt { return this.get('prompt'); }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.set('prompt', prompt, (t) => (this.own(t).prompt = copy(prompt)));
  }
  get valid(): boolean { return this.get('valid'); }

  clear(): void {
    this.call('clear', [], ({ sheet, rect }) => sheet.clearValidation(rect));
  }
}

// Conditional formats: range.conditionalFormats.add('Custom').custom.{rule.formula, format.fill.color, format.font.color}

type ConditionalFormatCollectionMembers = ObjectMembers | 'add' | 'clearAll';

export class ConditionalFormatCollectionProxy extends ClientObject<RangeTarget> implements Modelled<Excel.ConditionalFormatCollection, ConditionalFormatCollectionMembers> {
  protected readonly defaults: string[] = [];

  protected read(_target: RangeTarget, prop: string): unknown {
    throw officeError('InvalidArgument', `ConditionalFormatCollection has no property ${prop} in the stand-in`);
  }

  add(type: string): ConditionalFormatProxy {
    return this.create('add', [type], ({ sheet, rect }) => {
      const model: ConditionalFormatModel = { rect, type };
      sheet.conditionalFormats.push(model);
      return model;
    }, (path, r) => new ConditionalFormatProxy(this.context, path, r));
  }

  clearAll(): void {
    this.call('clearAll', [], ({ sheet, rect }) => (sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.rect, rect))));
  }
}

/** A part of a conditional format (its model is the whole format); no properties to load. */
abstract class FormatPart extends ClientObject<ConditionalFormatModel> {
  protected readonly defaults: string[] = [];

  protected read(_target: ConditionalFormatModel, prop: string): unknown {
    throw officeError('InvalidArgument', `${this.constructor.name} has no loadable property ${prop} in the stand-in`);
  }
}

export class ConditionalFormatProxy extends FormatPart implements Modelled<Excel.ConditionalFormat, ObjectMembers | 'custom'> {
  readonly custom = new CustomConditionalFormatProxy(this.context, this.property('custom'), () => this.resolve());
}

export class CustomConditionalFormatProxy extends FormatPart implements Modelled<Excel.CustomConditionalFormat, ObjectMembers | 'rule' | 'format'> {
  readonly rule = new ConditionalFormatRuleProxy(this.context, this.property('rule'), () => this.resolve());
  readonly format = new ConditionalRangeFormatProxy(this.context, this.property('format'), () => this.resolve());
}

export class ConditionalFormatRuleProxy extends FormatPart implements Modelled<Excel.ConditionalFormatRule, ObjectMembers | 'formula'> {
  get formula(): string { return this.get('formula'); }
  set formula(f: string) { this.set('formula', f, (m) => (m.formula = f)); }
}

export class ConditionalRangeFormatProxy extends FormatPart implements Modelled<Excel.ConditionalRangeFormat, ObjectMembers | 'fill' | 'font'> {
  readonly fill = new ConditionalRangeFillProxy(this.context, this.property('fill'), () => this.resolve());
  readonly font = new ConditionalRangeFontProxy(this.context, this.property('font'), () => this.resolve());
}

export class ConditionalRangeFillProxy extends FormatPart implements Modelled<Excel.ConditionalRangeFill, ObjectMembers | 'color'> {
  get color(): string { return this.get('color'); }
  set color(c: string) { this.set('color', c, (m) => (m.fill = c)); }
}

export class ConditionalRangeFontProxy extends FormatPart implements Modelled<Excel.ConditionalRangeFont, ObjectMembers | 'color'> {
  get color(): string { return this.get('color'); }
  set color(c: string) { this.set('color', c, (m) => (m.font = c)); }
}

// ---------------------------------------------------------------------------------------------
// Tables

type TableCollectionMembers = CollectionMembers | 'count' | 'getItem' | 'getItemOrNullObject' | 'add';

export class TableCollectionProxy extends Collection<TableModel, TableProxy> implements Modelled<Excel.TableCollection, TableCollectionMembers> {
  constructor(
    context: StandinContext,
    path: ObjectPath,
    resolver: () => TableModel[],
    private readonly sheet?: WorksheetProxy,
  ) {
    super(context, path, resolver);
  }

  protected item(model: TableModel, path: ObjectPath): TableProxy {
    return new TableProxy(this.context, path, () => model);
  }

  get count(): number {
    return this.loadedCount();
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, this.method('getItem', [key]), () => this.context.model.findTable(key) ?? null);
  }

  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, this.method('getItemOrNullObject', [key]), () => this.context.model.findTable(key) ?? null, true);
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    return this.create('add', [address, hasHeaders], () => {
      let target: RangeTarget;
      if (typeof address !== 'string') target = address.resolve();
      else {
        const { sheet: prefix } = splitAddress(address);
        const sheet = this.sheet ? this.sheet.resolve() : prefix ? this.context.model.findSheet(prefix) : undefined;
        if (!sheet) throw officeError('InvalidArgument', `No sheet for ${address}`);
        target = { sheet, rect: parseRect(address) };
      }
      return this.context.model.addTable(target.sheet, target.rect, hasHeaders);
    }, (path, r) => new TableProxy(this.context, path, r));
  }
}

type TableMembers =
  | ObjectMembers | 'columns' | 'rows' | 'worksheet' | 'name' | 'id' | 'showHeaders' | 'showTotals' | 'style' | 'showBandedRows' | 'showFilterButton'
  | 'getRange' | 'getHeaderRowRange' | 'getDataBodyRange' | 'resize' | 'delete';

export class TableProxy extends ClientObject<TableModel> implements Modelled<Excel.Table, TableMembers> {
  protected readonly defaults = ['name', 'id', 'showHeaders', 'showTotals', 'style', 'showBandedRows', 'showFilterButton'];
  readonly columns: TableColumnCollectionProxy;
  readonly rows: TableRowCollectionProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => TableModel | null, nullable = false) {
    super(context, path, resolver, nullable);
    this.columns = new TableColumnCollectionProxy(context, this.property('columns'), () => this.resolve());
    this.rows = new TableRowCollectionProxy(context, this.property('rows'), () => this.resolve());
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
  get id(): string { return this.get('id'); }
  get showHeaders(): boolean { return this.get('showHeaders'); }
  get showTotals(): boolean { return this.get('showTotals'); }
  get style(): string { return this.get('style'); }
  set style(v: string) { this.set('style', v, (t) => (t.style = v)); }
  get showBandedRows(): boolean { return this.get('showBandedRows'); }
  set showBandedRows(v: boolean) { this.set('showBandedRows', v, (t) => (t.showBandedRows = v)); }
  get showFilterButton(): boolean { return this.get('showFilterButton'); }
  set showFilterButton(v: boolean) { this.set('showFilterButton', v, (t) => (t.showFilterButton = v)); }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this.property('worksheet'), () => this.resolve().sheet);
  }

  private range(name: string, rect: (t: TableModel) => Rect): RangeProxy {
    return new RangeProxy(this.context, this.method(name), () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: rect(t) };
    });
  }

  getRange(): RangeProxy { return this.range('getRange', (t) => t.rect); }
  getHeaderRowRange(): RangeProxy { return this.range('getHeaderRowRange', (t) => t.headerRect()); }
  getDataBodyRange(): RangeProxy { return this.range('getDataBodyRange', (t) => t.bodyRect()); }

  resize(address: RangeProxy | string): void {
    this.call('resize', [address], (t) => {
      const rect = rectOf(address);
      if (rect.top !== t.rect.top) throw officeError('InvalidArgument', 'The header row must stay where it is');
      t.rect = rect;
    });
  }

  delete(): void {
    this.call('delete', [], (t) => (this.context.model.tables = this.context.model.tables.filter((x) => x !== t)));
  }
}

type ColumnTarget = { table: TableModel; index: number };
type TableColumnMembers = ObjectMembers | 'name' | 'index' | 'id';

export class TableColumnProxy extends ClientObject<ColumnTarget> implements Modelled<Excel.TableColumn, TableColumnMembers> {
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
  get id(): number { return this.get('id'); }
}

type TableColumnCollectionMembers = CollectionMembers | 'count' | 'add';

export class TableColumnCollectionProxy extends Collection<ColumnTarget, TableColumnProxy> implements Modelled<Excel.TableColumnCollection, TableColumnCollectionMembers> {
  constructor(
    context: StandinContext,
    path: ObjectPath,
    private readonly table: () => TableModel,
  ) {
    super(context, path, () => {
      const t = table();
      return t.columns().map((_, index) => ({ table: t, index }));
    });
  }

  protected item(model: ColumnTarget, path: ObjectPath): TableColumnProxy {
    return new TableColumnProxy(this.context, path, () => model);
  }

  get count(): number {
    return this.loadedCount();
  }

  /** At the end only, and empty (the adapter adds named, empty columns). */
  add(index?: number, values?: (boolean | string | number)[][] | boolean | string | number, name?: string): TableColumnProxy {
    const args = [index ?? null, values ?? null, ...(name === undefined ? [] : [name])];
    return this.create('add', args, () => {
      const t = this.table();
      if (index !== undefined && index !== null && index !== t.columns().length) throw officeError('NotImplemented', 'The stand-in adds columns at the end only');
      if (values !== undefined && values !== null) throw officeError('NotImplemented', 'The stand-in adds empty columns only');
      this.context.model.addTableColumn(t, name);
      return { table: t, index: t.columns().length - 1 };
    }, (path, r) => new TableColumnProxy(this.context, path, r));
  }
}

/** The row `rows.add` gives: the stand-in models none of its members. */
export class TableRowProxy extends ClientObject<TableModel> implements Modelled<Excel.TableRow, ObjectMembers> {
  protected readonly defaults: string[] = [];

  protected read(_target: TableModel, prop: string): unknown {
    throw officeError('InvalidArgument', `TableRow has no property ${prop} in the stand-in`);
  }
}

type TableRowCollectionMembers = ObjectMembers | 'count' | 'add';

export class TableRowCollectionProxy extends ClientObject<TableModel> implements Modelled<Excel.TableRowCollection, TableRowCollectionMembers> {
  protected readonly defaults = ['count'];

  protected read(t: TableModel, prop: string): unknown {
    if (prop === 'count') return t.bodyRect().bottom - t.bodyRect().top + 1;
    throw officeError('InvalidArgument', `TableRowCollection has no property ${prop} in the stand-in`);
  }

  get count(): number { return this.get('count'); }

  /** At the end only; `alwaysInsert` (default true) shifts the cells below down, false grows over them. */
  add(index?: number, values?: (boolean | string | number)[][] | boolean | string | number, alwaysInsert?: boolean): TableRowProxy {
    const args = [index ?? null, values ?? null, ...(alwaysInsert === undefined ? [] : [alwaysInsert])];
    return this.create('add', args, (t) => {
      if (index !== undefined && index !== null && index !== -1) throw officeError('NotImplemented', 'The stand-in adds rows at the end only');
      if (values !== undefined && values !== null && !Array.isArray(values)) throw officeError('NotImplemented', 'The stand-in adds rows from a 2-D array only');
      this.context.model.addTableRows(t, values ?? [new Array(t.rect.right - t.rect.left + 1).fill('')], alwaysInsert ?? true);
      return t;
    }, (path, r) => new TableRowProxy(this.context, path, r));
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

type ChartTarget = { sheet: SheetModel; chart: ChartModel };
type SeriesTarget = { chart: ChartModel; index: number };

export class ChartSeriesProxy extends ClientObject<SeriesTarget> implements Modelled<Excel.ChartSeries, ObjectMembers | 'name' | 'setValues' | 'setXAxisValues'> {
  protected readonly defaults = ['name'];

  protected read(t: SeriesTarget, prop: string): unknown {
    if (prop === 'name') return t.chart.series[t.index].name;
    throw officeError('InvalidArgument', `ChartSeries has no property ${prop} in the stand-in`);
  }

  get name(): string { return this.get('name'); }
  set name(v: string) { this.set('name', v, (t) => (t.chart.series[t.index].name = v)); }

  setValues(range: RangeProxy): void {
    this.call('setValues', [range], (t) => (t.chart.series[t.index].values = formatRect(range.resolve().rect)));
  }

  setXAxisValues(range: RangeProxy): void {
    this.call('setXAxisValues', [range], (t) => (t.chart.series[t.index].categories = formatRect(range.resolve().rect)));
  }
}

export class ChartSeriesCollectionProxy extends Collection<SeriesTarget, ChartSeriesProxy> implements Modelled<Excel.ChartSeriesCollection, CollectionMembers | 'count' | 'getItemAt' | 'add'> {
  constructor(
    context: StandinContext,
    path: ObjectPath,
    private readonly chart: () => ChartModel,
  ) {
    super(context, path, () => {
      const c = chart();
      return c.series.map((_, index) => ({ chart: c, index }));
    });
  }

  protected item(model: SeriesTarget, path: ObjectPath): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, path, () => model);
  }

  get count(): number {
    return this.loadedCount();
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, this.method('getItemAt', [index]), () => {
      const chart = this.chart();
      if (!chart.series[index]) throw officeError('ItemNotFound', `No series ${index}`);
      return { chart, index };
    });
  }

  /** At the end only. */
  add(name?: string, index?: number): ChartSeriesProxy {
    const args = [name ?? null, ...(index === undefined ? [] : [index])];
    return this.create('add', args, () => {
      const chart = this.chart();
      if (index !== undefined && index !== chart.series.length) throw officeError('NotImplemented', 'The stand-in adds series at the end only');
      chart.series.push({ name: name ?? `Series${chart.series.length + 1}`, values: '' });
      return { chart, index: chart.series.length - 1 };
    }, (path, r) => new ChartSeriesProxy(this.context, path, r));
  }
}

export class ChartTitleProxy extends ClientObject<ChartModel> implements Modelled<Excel.ChartTitle, ObjectMembers | 'text'> {
  protected readonly defaults = ['text'];

  protected read(chart: ChartModel, prop: string): unknown {
    if (prop === 'text') return chart.title ?? '';
    throw officeError('InvalidArgument', `ChartTitle has no property ${prop} in the stand-in`);
  }

  get text(): string { return this.get('text'); }
  set text(v: string) { this.set('text', v, (chart) => (chart.title = v)); }
}

type ChartMembers = ObjectMembers | 'title' | 'series' | 'name' | 'setPosition' | 'delete' | 'axes' | 'dataLabels';

export class ChartAxesProxy extends ClientObject<ChartModel> implements Modelled<Excel.ChartAxes, ObjectMembers | 'valueAxis' | 'categoryAxis'> {
  protected readonly defaults: string[] = [];
  readonly valueAxis: ChartAxisProxy;
  readonly categoryAxis: ChartAxisProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => ChartModel | null) {
    super(context, path, resolver);
    this.valueAxis = new ChartAxisProxy(context, this.property('valueAxis'), () => this.resolve(), 'value');
    this.categoryAxis = new ChartAxisProxy(context, this.property('categoryAxis'), () => this.resolve(), 'category');
  }

  protected read(_c: ChartModel, prop: string): unknown {
    throw officeError('InvalidArgument', `ChartAxes has no property ${prop} in the stand-in`);
  }
}

export class ChartAxisProxy extends ClientObject<ChartModel> implements Modelled<Excel.ChartAxis, ObjectMembers | 'numberFormat' | 'categoryType'> {
  protected readonly defaults = ['numberFormat'];

  constructor(context: StandinContext, path: ObjectPath, resolver: () => ChartModel | null, private readonly which: 'value' | 'category') {
    super(context, path, resolver);
  }

  protected read(c: ChartModel, prop: string): unknown {
    if (prop === 'numberFormat') return (this.which === 'value' ? c.valueFormat : c.categoryFormat) ?? 'General';
    if (prop === 'categoryType') return c.categoryType ?? 'Automatic';
    throw officeError('InvalidArgument', `ChartAxis has no property ${prop} in the stand-in`);
  }

  get numberFormat(): string { return this.get('numberFormat'); }
  set numberFormat(v: string) { this.set('numberFormat', v, (c) => (this.which === 'value' ? (c.valueFormat = v) : (c.categoryFormat = v))); }
  get categoryType(): Excel.ChartAxisCategoryType { return this.get('categoryType'); }
  set categoryType(v: Excel.ChartAxisCategoryType) { this.set('categoryType', v, (c) => (c.categoryType = v)); }
}

export class ChartDataLabelsProxy extends ClientObject<ChartModel> implements Modelled<Excel.ChartDataLabels, ObjectMembers | 'showValue' | 'numberFormat'> {
  protected readonly defaults = ['showValue', 'numberFormat'];

  protected read(c: ChartModel, prop: string): unknown {
    if (prop === 'showValue') return c.dataLabels?.showValue ?? false;
    if (prop === 'numberFormat') return c.dataLabels?.numberFormat ?? 'General';
    throw officeError('InvalidArgument', `ChartDataLabels has no property ${prop} in the stand-in`);
  }

  get showValue(): boolean { return this.get('showValue'); }
  set showValue(v: boolean) { this.set('showValue', v, (c) => (c.dataLabels = { ...c.dataLabels, showValue: v })); }
  get numberFormat(): string { return this.get('numberFormat'); }
  set numberFormat(v: string) { this.set('numberFormat', v, (c) => (c.dataLabels = { ...c.dataLabels, numberFormat: v })); }
}

export class ChartProxy extends ClientObject<ChartTarget> implements Modelled<Excel.Chart, ChartMembers> {
  protected readonly defaults = ['name', 'chartType'];
  readonly title: ChartTitleProxy;
  readonly series: ChartSeriesCollectionProxy;
  readonly axes: ChartAxesProxy;
  readonly dataLabels: ChartDataLabelsProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => ChartTarget | null, nullable = false) {
    super(context, path, resolver, nullable);
    this.axes = new ChartAxesProxy(context, this.property('axes'), () => this.resolve().chart);
    this.dataLabels = new ChartDataLabelsProxy(context, this.property('dataLabels'), () => this.resolve().chart);
    this.title = new ChartTitleProxy(context, this.property('title'), () => this.resolve().chart);
    this.series = new ChartSeriesCollectionProxy(context, this.property('series'), () => this.resolve().chart);
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

  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const address = (cell: RangeProxy | string) => (typeof cell === 'string' ? cell : formatRect(cell.resolve().rect));
    this.call('setPosition', endCell === undefined ? [startCell] : [startCell, endCell], (t) => (t.chart.position = endCell ? `${address(startCell)}:${address(endCell)}` : address(startCell)));
  }

  delete(): void {
    this.call('delete', [], ({ sheet, chart }) => (sheet.charts = sheet.charts.filter((c) => c !== chart)));
  }
}

type ChartCollectionMembers = CollectionMembers | 'count' | 'getItemOrNullObject' | 'add';

export class ChartCollectionProxy extends Collection<ChartTarget, ChartProxy> implements Modelled<Excel.ChartCollection, ChartCollectionMembers> {
  constructor(
    context: StandinContext,
    path: ObjectPath,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, path, () => {
      const s = sheet();
      return s.charts.map((chart) => ({ sheet: s, chart }));
    });
  }

  protected item(model: ChartTarget, path: ObjectPath): ChartProxy {
    return new ChartProxy(this.context, path, () => model);
  }

  get count(): number {
    return this.loadedCount();
  }

  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      this.method('getItemOrNullObject', [name]),
      () => {
        const s = this.sheet();
        const chart = s.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
        return chart ? { sheet: s, chart } : null;
      },
      true,
    );
  }

  add(type: string, source: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    return this.create('add', [type, source, seriesBy], () => {
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
      return { sheet: s, chart: model };
    }, (path, r) => new ChartProxy(this.context, path, r));
  }
}

// ---------------------------------------------------------------------------------------------
// Notes, events

type NoteMembers = ObjectMembers | 'content' | 'authorName' | 'getLocation' | 'delete';

export class NoteProxy extends ClientObject<NoteModel> implements Modelled<Excel.Note, NoteMembers> {
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
    return new RangeProxy(this.context, this.method('getLocation'), () => {
      const n = this.resolve();
      return { sheet: n.sheet, rect: parseRect(n.address) };
    });
  }

  delete(): void {
    this.call('delete', [], (n) => (this.context.model.notes = this.context.model.notes.filter((x) => x !== n)));
  }
}

type NoteCollectionMembers = CollectionMembers | 'add' | 'getItemOrNullObject';

export class NoteCollectionProxy extends Collection<NoteModel, NoteProxy> implements Modelled<Excel.NoteCollection, NoteCollectionMembers> {
  constructor(
    context: StandinContext,
    path: ObjectPath,
    resolver: () => NoteModel[],
    private readonly sheet: WorksheetProxy | undefined,
  ) {
    super(context, path, resolver);
  }

  protected item(model: NoteModel, path: ObjectPath): NoteProxy {
    return new NoteProxy(this.context, path, () => model);
  }

  private cellTarget(cellAddressOrRange: RangeProxy | string): RangeTarget {
    if (typeof cellAddressOrRange !== 'string') return cellAddressOrRange.resolve();
    const { sheet: prefix } = splitAddress(cellAddressOrRange);
    const sheet = this.sheet ? this.sheet.resolve() : prefix ? this.context.model.findSheet(prefix) : undefined;
    if (!sheet) throw officeError('InvalidArgument', `InvalidCellAddress: ${cellAddressOrRange}`);
    return { sheet, rect: parseRect(cellAddressOrRange) };
  }

  add(cellAddressOrRange: RangeProxy | string, content: string): NoteProxy {
    return this.create('add', [cellAddressOrRange, content], () => {
      const { sheet, rect } = this.cellTarget(cellAddressOrRange);
      return this.context.model.addNote(sheet, rect, content);
    }, (path, r) => new NoteProxy(this.context, path, r));
  }

  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(
      this.context,
      this.method('getItemOrNullObject', [key]),
      () => {
        const { sheet, rect } = this.cellTarget(key);
        return this.context.model.notes.find((n) => n.sheet === sheet && n.address === cellAddress(rect.top, rect.left)) ?? null;
      },
      true,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Threaded comments (ExcelApi 1.10), defined names, document properties (ExcelApi 1.7)

type CommentMembers = ObjectMembers | 'content' | 'replies' | 'getLocation';

export class CommentProxy extends ClientObject<CommentModel> implements Modelled<Excel.Comment, CommentMembers> {
  protected readonly defaults = ['content'];
  readonly replies: CommentReplyCollectionProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => CommentModel | null) {
    super(context, path, resolver);
    this.replies = new CommentReplyCollectionProxy(context, this.property('replies'), () => this.resolve().replies);
  }

  protected read(c: CommentModel, prop: string): unknown {
    if (prop === 'content') return c.content;
    throw officeError('InvalidArgument', `Comment has no property ${prop} in the stand-in`);
  }

  get content(): string { return this.get('content'); }
  set content(v: string) { this.set('content', v, (c) => (c.content = v)); }

  getLocation(): RangeProxy {
    return new RangeProxy(this.context, this.method('getLocation'), () => {
      const c = this.resolve();
      return { sheet: c.sheet, rect: parseRect(c.address) };
    });
  }
}

export class CommentCollectionProxy extends Collection<CommentModel, CommentProxy> implements Modelled<Excel.CommentCollection, CollectionMembers> {
  protected item(model: CommentModel, path: ObjectPath): CommentProxy {
    return new CommentProxy(this.context, path, () => model);
  }
}

export class CommentReplyProxy extends ClientObject<{ content: string }> implements Modelled<Excel.CommentReply, ObjectMembers | 'content'> {
  protected readonly defaults = ['content'];

  protected read(r: { content: string }, prop: string): unknown {
    if (prop === 'content') return r.content;
    throw officeError('InvalidArgument', `CommentReply has no property ${prop} in the stand-in`);
  }

  get content(): string { return this.get('content'); }
  set content(v: string) { this.set('content', v, (r) => (r.content = v)); }
}

export class CommentReplyCollectionProxy extends Collection<{ content: string }, CommentReplyProxy> implements Modelled<Excel.CommentReplyCollection, CollectionMembers> {
  protected item(model: { content: string }, path: ObjectPath): CommentReplyProxy {
    return new CommentReplyProxy(this.context, path, () => model);
  }
}

export class NamedItemProxy extends ClientObject<NameModel> implements Modelled<Excel.NamedItem, ObjectMembers | 'name' | 'formula'> {
  protected readonly defaults = ['name', 'formula'];

  protected read(n: NameModel, prop: string): unknown {
    if (prop === 'name') return n.name;
    if (prop === 'formula') return n.formula;
    throw officeError('InvalidArgument', `NamedItem has no property ${prop} in the stand-in`);
  }

  get name(): string { return this.get('name'); }
  get formula(): string { return this.get('formula'); }
  set formula(v: string) { this.set('formula', v, (n) => (n.formula = v)); }
}

export class NamedItemCollectionProxy extends Collection<NameModel, NamedItemProxy> implements Modelled<Excel.NamedItemCollection, CollectionMembers> {
  protected item(model: NameModel, path: ObjectPath): NamedItemProxy {
    return new NamedItemProxy(this.context, path, () => model);
  }
}

const DOCUMENT_PROPERTIES: DocumentPropertyName[] = ['author', 'lastAuthor', 'title', 'subject', 'keywords', 'comments', 'category', 'company', 'manager'];

export class DocumentPropertiesProxy extends ClientObject<WorkbookModel> implements Modelled<Excel.DocumentProperties, ObjectMembers | DocumentPropertyName | 'custom'> {
  protected readonly defaults = DOCUMENT_PROPERTIES;
  readonly custom: CustomPropertyCollectionProxy;

  constructor(context: StandinContext, path: ObjectPath, resolver: () => WorkbookModel) {
    super(context, path, resolver);
    this.custom = new CustomPropertyCollectionProxy(context, this.property('custom'), () => context.model.custom);
  }

  protected read(w: WorkbookModel, prop: string): unknown {
    if ((DOCUMENT_PROPERTIES as string[]).includes(prop)) return w.properties[prop as DocumentPropertyName] ?? '';
    throw officeError('InvalidArgument', `DocumentProperties has no property ${prop} in the stand-in`);
  }

  private prop(name: DocumentPropertyName): string { return this.get(name); }
  private put(name: DocumentPropertyName, v: string): void { this.set(name, v, (w) => (w.properties[name] = v)); }
  get author(): string { return this.prop('author'); }
  set author(v: string) { this.put('author', v); }
  get lastAuthor(): string { return this.prop('lastAuthor'); }
  get title(): string { return this.prop('title'); }
  set title(v: string) { this.put('title', v); }
  get subject(): string { return this.prop('subject'); }
  set subject(v: string) { this.put('subject', v); }
  get keywords(): string { return this.prop('keywords'); }
  set keywords(v: string) { this.put('keywords', v); }
  get comments(): string { return this.prop('comments'); }
  set comments(v: string) { this.put('comments', v); }
  get category(): string { return this.prop('category'); }
  set category(v: string) { this.put('category', v); }
  get company(): string { return this.prop('company'); }
  set company(v: string) { this.put('company', v); }
  get manager(): string { return this.prop('manager'); }
  set manager(v: string) { this.put('manager', v); }
}

export class CustomPropertyProxy extends ClientObject<{ key: string; value: string }> implements Modelled<Excel.CustomProperty, ObjectMembers | 'key' | 'value'> {
  protected readonly defaults = ['key', 'value'];

  protected read(p: { key: string; value: string }, prop: string): unknown {
    if (prop === 'key') return p.key;
    if (prop === 'value') return p.value;
    throw officeError('InvalidArgument', `CustomProperty has no property ${prop} in the stand-in`);
  }

  get key(): string { return this.get('key'); }
  get value(): string { return this.get('value'); }
  set value(v: string) { this.set('value', v, (p) => (p.value = v)); }
}

export class CustomPropertyCollectionProxy extends Collection<{ key: string; value: string }, CustomPropertyProxy> implements Modelled<Excel.CustomPropertyCollection, CollectionMembers> {
  protected item(model: { key: string; value: string }, path: ObjectPath): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, path, () => model);
  }
}

export class EventHandlerResultProxy<A> implements Modelled<OfficeExtension.EventHandlerResult<A>, 'context' | 'remove'> {
  constructor(
    readonly context: StandinContext,
    readonly remove: () => void,
  ) {}
}

/** `onChanged` of a worksheet or of all worksheets; only WorksheetChanged events are raised (userEdit). */
export class EventHandlersProxy<A> implements Modelled<OfficeExtension.EventHandlers<A>, 'add'> {
  constructor(
    private readonly context: StandinContext,
    readonly path: ObjectPath,
    private readonly sheetId: () => string,
  ) {}

  add(handler: (args: A) => Promise<unknown>): EventHandlerResultProxy<A> {
    const { context } = this;
    // The stand-in raises WorksheetChanged only, so only handlers of those arguments are stored.
    const stored = handler as unknown as ChangedHandler;
    let key: string | undefined;
    context.queue({ type: 'Method', path: this.path, name: '_RegisterEventHandler', args: [] }, () => {
      key = this.sheetId();
      const set = context.host.handlers.get(key) ?? new Set();
      set.add(stored);
      context.host.handlers.set(key, set);
    });
    return new EventHandlerResultProxy(context, () =>
      context.queue({ type: 'Method', path: this.path, name: '_UnregisterEventHandler', args: [] }, () => {
        if (key) context.host.handlers.get(key)?.delete(stored);
      }),
    );
  }
}

/** Each proxy has no public member beyond the Office.js members it names (and the plumbing). */
export type ProxiesModelOnlyOfficeMembers = [
  Assert<OnlyModelled<StandinContext, ContextMembers | 'pending' | 'host' | 'queue' | 'nextId' | 'newPath' | 'model'>>,
  Assert<OnlyModelled<WorkbookProxy, WorkbookMembers>>,
  Assert<OnlyModelled<WorksheetCollectionProxy, WorksheetCollectionMembers>>,
  Assert<OnlyModelled<WorksheetProxy, WorksheetMembers>>,
  Assert<OnlyModelled<FreezePanesProxy, FreezePanesMembers>>,
  Assert<OnlyModelled<PageLayoutProxy, PageLayoutMembers>>,
  Assert<OnlyModelled<HeaderFooterGroupProxy, ObjectMembers | 'defaultForAllPages'>>,
  Assert<OnlyModelled<HeaderFooterProxy, HeaderFooterMembers>>,
  Assert<OnlyModelled<PageBreakCollectionProxy, PageBreakCollectionMembers>>,
  Assert<OnlyModelled<RangeProxy, RangeMembers>>,
  Assert<OnlyModelled<RangeAreasProxy, RangeAreasMembers>>,
  Assert<OnlyModelled<FontProxy, FontMembers>>,
  Assert<OnlyModelled<RangeFormatProxy, RangeFormatMembers>>,
  Assert<OnlyModelled<DataValidationProxy, DataValidationMembers>>,
  Assert<OnlyModelled<ConditionalFormatCollectionProxy, ConditionalFormatCollectionMembers>>,
  Assert<OnlyModelled<ConditionalFormatProxy, ObjectMembers | 'custom'>>,
  Assert<OnlyModelled<CustomConditionalFormatProxy, ObjectMembers | 'rule' | 'format'>>,
  Assert<OnlyModelled<ConditionalFormatRuleProxy, ObjectMembers | 'formula'>>,
  Assert<OnlyModelled<ConditionalRangeFormatProxy, ObjectMembers | 'fill' | 'font'>>,
  Assert<OnlyModelled<ConditionalRangeFillProxy, ObjectMembers | 'color'>>,
  Assert<OnlyModelled<ConditionalRangeFontProxy, ObjectMembers | 'color'>>,
  Assert<OnlyModelled<TableCollectionProxy, TableCollectionMembers>>,
  Assert<OnlyModelled<TableProxy, TableMembers>>,
  Assert<OnlyModelled<TableColumnProxy, TableColumnMembers>>,
  Assert<OnlyModelled<TableColumnCollectionProxy, TableColumnCollectionMembers>>,
  Assert<OnlyModelled<TableRowProxy, ObjectMembers>>,
  Assert<OnlyModelled<TableRowCollectionProxy, TableRowCollectionMembers>>,
  Assert<OnlyModelled<ChartSeriesProxy, ObjectMembers | 'name' | 'setValues' | 'setXAxisValues'>>,
  Assert<OnlyModelled<ChartSeriesCollectionProxy, CollectionMembers | 'count' | 'getItemAt' | 'add'>>,
  Assert<OnlyModelled<ChartTitleProxy, ObjectMembers | 'text'>>,
  Assert<OnlyModelled<ChartProxy, ChartMembers>>,
  Assert<OnlyModelled<ChartAxesProxy, ObjectMembers | 'valueAxis' | 'categoryAxis'>>,
  Assert<OnlyModelled<ChartAxisProxy, ObjectMembers | 'numberFormat' | 'categoryType'>>,
  Assert<OnlyModelled<ChartDataLabelsProxy, ObjectMembers | 'showValue' | 'numberFormat'>>,
  Assert<OnlyModelled<ChartCollectionProxy, ChartCollectionMembers>>,
  Assert<OnlyModelled<NoteProxy, NoteMembers>>,
  Assert<OnlyModelled<NoteCollectionProxy, NoteCollectionMembers>>,
  Assert<OnlyModelled<CommentProxy, CommentMembers>>,
  Assert<OnlyModelled<CommentCollectionProxy, CollectionMembers>>,
  Assert<OnlyModelled<CommentReplyProxy, ObjectMembers | 'content'>>,
  Assert<OnlyModelled<CommentReplyCollectionProxy, CollectionMembers>>,
  Assert<OnlyModelled<NamedItemProxy, ObjectMembers | 'name' | 'formula'>>,
  Assert<OnlyModelled<NamedItemCollectionProxy, CollectionMembers>>,
  Assert<OnlyModelled<DocumentPropertiesProxy, ObjectMembers | DocumentPropertyName | 'custom'>>,
  Assert<OnlyModelled<CustomPropertyProxy, ObjectMembers | 'key' | 'value'>>,
  Assert<OnlyModelled<CustomPropertyCollectionProxy, CollectionMembers>>,
  Assert<OnlyModelled<EventHandlersProxy<unknown>, 'add'>>,
];

export { parseAreas };
