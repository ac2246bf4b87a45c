/**
 * An in-memory stand-in for the part of the Excel JavaScript API the add-in uses, for Jest (Node)
 * and for a browser bundle in place of office.js (no Node APIs here).
 *
 *   const standin = createStandin({ sheets: [{ name: 'Ark1', cells: { A1: 'Navn' } }] });
 *   await readWorkbook(standin.run);            // the adapter, against the stand-in
 *   standin.stats.syncs;                        // round trips the adapter made
 *   standin.workbook.value('Ark1', 'A1');       // what the workbook now holds
 *
 * What it models: request contexts with queued commands run at `sync()`, load/PropertyNotLoaded,
 * null objects, worksheets, ranges (values typed in as Excel does, one value for a whole range,
 * number formats, formulas, fonts, column widths, used range, merged areas, formula cells),
 * tables, data validation, conditional formats, notes, freeze panes, selection, change events.
 * It counts syncs, commands and the JSON payload it measures itself (wire.ts: every command
 * serialised as Office.js sends it, never the adapter's estimate), can refuse batches over a
 * payload limit (as Excel on the web does over 5 MB) and can pretend the user is editing a cell.
 */
import { cellAddress, columnNumber, formatRect, parseRect } from '../../src/excel/address';
import type { ExcelRun } from '../../src/excel/env';
import { officeError, StandinError, WorkbookModel, type Cell, type DocumentPropertyName, type Scalar, type PrintModel, type SheetModel } from './model';
import { StandinContext, type ChangedHandler, type Host, type StandinChangedArgs } from './proxies';
import { responseBytes, responseText, serialiseRequest, serialiseResult, utf8Bytes } from './wire';

export interface StandinCell {
  value?: Scalar | null;
  formula?: string;
  numberFormat?: string;
  /** The value is an Excel error such as "#N/A". */
  error?: boolean;
}

export interface StandinSheetSpec {
  name: string;
  /** A1 → value, or a cell with formula / number format. Values are stored as given (not typed in). */
  cells?: Record<string, Scalar | null | StandinCell>;
  /** Bulk data from a top-left cell, stored as given. */
  blocks?: { at: string; values: (Scalar | null | undefined)[][]; numberFormats?: (string | undefined)[][] }[];
  tables?: { name: string; ref: string; showHeaders?: boolean; showTotals?: boolean; style?: string; columns?: string[] }[];
  merged?: string[];
  /** A1 → note text. */
  notes?: Record<string, string>;
  /** A1 → a threaded comment (ExcelApi 1.10) and its replies. */
  comments?: Record<string, { content: string; replies?: string[] }>;
  frozen?: { rows?: number; columns?: number };
}

export interface StandinWorkbookSpec {
  sheets?: StandinSheetSpec[];
  /** Name of the active sheet (the first one when omitted). */
  active?: string;
  /** Workbook-scoped defined names (formula starts with "="). */
  names?: { name: string; formula: string }[];
  /** Document properties (ExcelApi 1.7) and custom properties. */
  properties?: Partial<Record<DocumentPropertyName, string>>;
  custom?: Record<string, string>;
}

export interface StandinOptions {
  /** Refuse a sync whose request or request+response is over this many bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /**
   * Called after every sync that sent commands with the request and response bodies as measured
   * (JSON text; building them costs a copy, so only when asked for).
   */
  onSync?: (sync: { request: string; response: string; requestBytes: number; responseBytes: number }) => void;
  /**
   * Make a sync fail, as Excel does for a command it rejects mid-batch: called with the number of
   * the sync (1 for the first since the last reset) and its commands; when it returns a failure,
   * the first `afterCommands` commands run (and stay done: Excel has no rollback) and the sync
   * rejects with `code`.
   */
  failSync?: (sync: number, commands: number) => { code: string; message?: string; afterCommands?: number } | undefined;
}

export interface StandinStats {
  /** context.sync() calls, including the final one Excel.run makes for commands still queued. */
  syncs: number;
  /** Commands run (loads, property writes, method calls). */
  requests: number;
  /** UTF-8 bytes of all request and response bodies, as the stand-in serialises them (wire.ts). */
  payloadBytes: number;
  /** Largest single command: its action in the request + its entry in the response. */
  largestRequestBytes: number;
  /** Largest single sync: request body + response body. */
  largestSyncBytes: number;
}

export interface TableInfo {
  name: string;
  sheet: string;
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  columns: string[];
}

export interface ValidationInfo {
  address: string;
  rule: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

/** Read-only view of the stand-in's workbook for tests, plus the user's side (edits, edit mode). */
export interface StandinWorkbook {
  sheetNames(): string[];
  activeSheet(): string | undefined;
  selection(): { sheet: string; address: string } | undefined;
  /** A cell's value as Office.js would read it, but null for an empty cell. */
  value(sheet: string, address: string): Scalar | null;
  values(sheet: string, address: string): (Scalar | null)[][];
  formula(sheet: string, address: string): string | undefined;
  /** "General" when the cell has none. */
  numberFormat(sheet: string, address: string): string;
  font(sheet: string, address: string): { bold?: boolean; italic?: boolean; size?: number; color?: string };
  /** Typed with a leading apostrophe (kept as text). */
  quotePrefix(sheet: string, address: string): boolean;
  /** Width in points of a column ("D" or 4), undefined when never set. */
  columnWidth(sheet: string, column: string | number): number | undefined;
  frozen(sheet: string): { rows: number; columns: number };
  tables(): TableInfo[];
  validations(sheet: string): ValidationInfo[];
  conditionalFormats(sheet: string): { address: string; type: string; formula?: string; fill?: string; font?: string }[];
  notes(sheet: string): Record<string, string>;
  charts(sheet: string): { name: string; type: string; title?: string; position?: string; series: { name: string; values: string; categories?: string }[] }[];
  merged(sheet: string): string[];
  /** How the sheet prints: what worksheet.pageLayout and horizontalPageBreaks were given. */
  print(sheet: string): PrintModel;
  /** Sheet names in the workbook's order. */
  sheetOrder(): string[];
  /** Everything above for every sheet, as plain data (compare two states with toEqual). */
  snapshot(): unknown;
  /** The user types or pastes `values` at `address` (values typed in); change events fire. */
  userEdit(sheet: string, address: string, values: Scalar[][]): void;
}

export interface Standin {
  run: ExcelRun;
  workbook: StandinWorkbook;
  stats: StandinStats;
  /** Zero the stats. */
  reset(): void;
  /** While on, every sync rejects with InvalidOperationInCellEditMode (the user is typing in a cell). */
  setCellEditMode(on: boolean): void;
  options: StandinOptions;
  /** The model itself, for tests that need to arrange unusual states. */
  model: WorkbookModel;
  /** Office beyond the open workbook (installGlobals): the workbooks Excel.createWorkbook opened, and the requirement sets to report as missing. */
  office: StandinOffice;
}

export interface StandinOffice {
  /** The base64 of each workbook Excel.createWorkbook was given, in order ('' for an empty one). */
  createdWorkbooks: string[];
  /**
   * Highest version of a requirement set the pretend Excel has, e.g. { ExcelApi: '1.7' }: a later one
   * is reported unsupported by isSetSupported, and its APIs (Excel.createWorkbook, 1.8) refuse. May be changed at any time.
   */
  maxVersions: Record<string, string>;
}

/** "1.10" > "1.8": requirement-set versions compare by their numbers. */
const versionAbove = (version: string, max: string) => {
  const [a, b] = [version.split('.').map(Number), max.split('.').map(Number)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
};

const emptyStats = (): StandinStats => ({ syncs: 0, requests: 0, payloadBytes: 0, largestRequestBytes: 0, largestSyncBytes: 0 });

export function createStandin(initial: StandinWorkbookSpec = {}, options: StandinOptions = {}): Standin {
  const model = buildModel(initial);
  let cellEditMode = false;
  const stats = emptyStats();

  const host: Host = {
    model,
    handlers: new Map(),
    async sync(context: StandinContext): Promise<void> {
      const commands = context.pending;
      context.pending = [];
      await Promise.resolve();
      stats.syncs++;
      if (cellEditMode) {
        throw officeError('InvalidOperationInCellEditMode', 'The operation is not allowed while Excel is in cell-editing mode. Press Enter or Tab, or select another cell, and try again.');
      }
      if (!commands.length) return;
      const failure = standin.options.failSync?.(stats.syncs, commands.length);
      if (failure) {
        for (const command of commands.slice(0, failure.afterCommands ?? 0)) command.run()?.commit();
        throw officeError(failure.code, failure.message ?? `The stand-in was told to fail sync ${stats.syncs}.`);
      }
      const firstId = context.nextId();
      for (let i = 1; i < commands.length; i++) context.nextId();
      const sent = serialiseRequest(commands.map((c) => c.action), firstId);
      const request = sent.bytes;
      const limit = standin.options.payloadLimit;
      if (limit !== undefined && request > limit) {
        stats.payloadBytes += request;
        throw officeError('RequestPayloadSizeLimitExceeded', `The request payload size (${request} bytes) has exceeded the limit.`);
      }
      const results: string[] = [];
      const commits: (() => void)[] = [];
      for (const [i, command] of commands.entries()) {
        stats.requests++;
        let outcome: { result: unknown; commit(): void } | void;
        try {
          outcome = command.run();
        } catch (e) {
          stats.payloadBytes += request + responseBytes(results);
          throw e instanceof StandinError ? e : officeError('GeneralException', (e as Error)?.message ?? String(e));
        }
        let size = sent.actionBytes[i];
        if (outcome) {
          const entry = serialiseResult(firstId + i, outcome.result);
          results.push(entry);
          commits.push(outcome.commit);
          size += utf8Bytes(entry);
        }
        stats.largestRequestBytes = Math.max(stats.largestRequestBytes, size);
      }
      const response = responseBytes(results);
      stats.payloadBytes += request + response;
      stats.largestSyncBytes = Math.max(stats.largestSyncBytes, request + response);
      standin.options.onSync?.({ request: sent.text(), response: responseText(results), requestBytes: request, responseBytes: response });
      if (limit !== undefined && request + response > limit) {
        throw officeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${request + response} bytes) has exceeded the limit.`);
      }
      for (const commit of commits) commit();
    },
  };

  /**
   * Excel.run for the stand-in: `run(batch)`, or `run(object, batch)` to go on with an object's
   * context as Office.js allows. The one cast between the stand-in and Office.js types is here:
   * the adapter is written against Excel.RequestContext and gets a StandinContext, which models
   * the members the adapter uses with their Office.js signatures (checked in proxies.ts).
   */
  const run = async <T>(first: ((context: Excel.RequestContext) => Promise<T>) | { context?: unknown }, second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const given = typeof first === 'function' ? undefined : first.context ?? first;
    const context = given instanceof StandinContext ? given : new StandinContext(host);
    const batch = typeof first === 'function' ? first : second!;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending.length) await context.sync();
      return result;
    } catch (e) {
      context.pending = [];
      throw e;
    }
  };

  const standin: Standin = {
    run,
    stats,
    model,
    options,
    workbook: inspector(model, host),
    reset: () => Object.assign(stats, emptyStats()),
    setCellEditMode: (on) => {
      cellEditMode = on;
    },
    office: { createdWorkbooks: [], maxVersions: {} },
  };
  return standin;
}

function buildModel(spec: StandinWorkbookSpec): WorkbookModel {
  const model = new WorkbookModel();
  for (const s of spec.sheets ?? []) {
    const sheet = model.addSheet(s.name);
    for (const [address, given] of Object.entries(s.cells ?? {})) {
      const { top, left } = parseRect(address);
      const c: StandinCell = given !== null && typeof given === 'object' ? given : { value: given };
      const cell = sheet.ensure(top, left);
      if (c.value !== null && c.value !== undefined) cell.v = c.value;
      if (c.formula) cell.f = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
      if (c.numberFormat) cell.nf = c.numberFormat;
      if (c.error) cell.error = true;
    }
    for (const block of s.blocks ?? []) {
      const { top, left } = parseRect(block.at);
      block.values.forEach((row, r) => {
        let cells = sheet.rows.get(top + r);
        if (!cells) sheet.rows.set(top + r, (cells = []));
        row.forEach((v, i) => {
          const nf = block.numberFormats?.[r]?.[i];
          if ((v === null || v === undefined || v === '') && !nf) return;
          const cell: Cell = {};
          if (v !== null && v !== undefined && v !== '') cell.v = v;
          if (nf) cell.nf = nf;
          cells![left + i] = cell;
        });
      });
    }
    sheet.merged = (s.merged ?? []).map(parseRect);
    for (const [address, content] of Object.entries(s.notes ?? {})) model.addNote(sheet, parseRect(address), content);
    for (const [address, c] of Object.entries(s.comments ?? {})) model.comments.push({ sheet, address, content: c.content, replies: (c.replies ?? []).map((content) => ({ content })) });
    sheet.frozen = { rows: s.frozen?.rows ?? 0, columns: s.frozen?.columns ?? 0 };
  }
  // Tables after all cells, so header names come from the cells.
  for (const s of spec.sheets ?? []) {
    const sheet = model.findSheet(s.name)!;
    for (const t of s.tables ?? []) {
      const rect = parseRect(t.ref);
      if (t.showHeaders === false) {
        const table = model.addTable(sheet, { ...rect, top: rect.top - 1 }, true);
        table.rect = rect;
        table.showHeaders = false;
        table.names = t.columns ?? table.columns();
        for (let c = rect.left; c <= rect.right; c++) sheet.rows.get(rect.top - 1)![c] = undefined;
        model.renameTable(table, t.name);
      } else {
        const table = model.addTable(sheet, rect, true);
        model.renameTable(table, t.name);
        table.showTotals = t.showTotals ?? false;
        if (t.style) table.style = t.style;
      }
    }
  }
  model.names = (spec.names ?? []).map((n) => ({ ...n }));
  model.properties = { ...spec.properties };
  model.custom = Object.entries(spec.custom ?? {}).map(([key, value]) => ({ key, value }));
  if (spec.active) model.activeSheetId = model.findSheet(spec.active)?.id;
  return model;
}

function inspector(model: WorkbookModel, host: Host): StandinWorkbook {
  const sheetOf = (name: string): SheetModel => {
    const s = model.findSheet(name);
    if (!s) throw new Error(`Stand-in: no sheet "${name}"`);
    return s;
  };
  const cellOf = (sheet: string, address: string) => {
    const { top, left } = parseRect(address);
    return sheetOf(sheet).cell(top, left);
  };
  const valueOf = (c: Cell | undefined): Scalar | null => (c?.v === undefined || c.v === '' ? null : c.v);
  const view: StandinWorkbook = {
    sheetNames: () => model.sheets.map((s) => s.name),
    activeSheet: () => model.sheets.find((s) => s.id === model.activeSheetId)?.name,
    selection: () => {
      const sel = model.selection;
      const sheet = sel && model.findSheet(sel.sheetId);
      return sel && sheet ? { sheet: sheet.name, address: formatRect(sel.rect) } : undefined;
    },
    value: (sheet, address) => valueOf(cellOf(sheet, address)),
    values: (sheet, address) => {
      const r = parseRect(address);
      const s = sheetOf(sheet);
      const out: (Scalar | null)[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: (Scalar | null)[] = [];
        for (let c = r.left; c <= r.right; c++) line.push(valueOf(s.cell(row, c)));
        out.push(line);
      }
      return out;
    },
    formula: (sheet, address) => cellOf(sheet, address)?.f,
    numberFormat: (sheet, address) => cellOf(sheet, address)?.nf ?? 'General',
    font: (sheet, address) => {
      const c = cellOf(sheet, address);
      const font: { bold?: boolean; italic?: boolean; size?: number; color?: string } = {};
      if (c?.bold) font.bold = true;
      if (c?.italic) font.italic = true;
      if (c?.size) font.size = c.size;
      if (c?.color) font.color = c.color;
      return font;
    },
    quotePrefix: (sheet, address) => !!cellOf(sheet, address)?.qp,
    columnWidth: (sheet, column) => sheetOf(sheet).widths.get(typeof column === 'number' ? column : columnNumber(column)),
    frozen: (sheet) => ({ ...sheetOf(sheet).frozen }),
    tables: () =>
      model.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: formatRect(t.rect),
        showHeaders: t.showHeaders,
        showTotals: t.showTotals,
        style: t.style,
        columns: t.columns(),
      })),
    validations: (sheet) =>
      sheetOf(sheet)
        .validations.map((v) => {
          const info: ValidationInfo = { address: formatRect(v.rect), rule: v.rule };
          if (v.errorAlert !== undefined) info.errorAlert = v.errorAlert;
          if (v.ignoreBlanks !== undefined) info.ignoreBlanks = v.ignoreBlanks;
          return info;
        })
        .sort((a, b) => a.address.localeCompare(b.address)),
    conditionalFormats: (sheet) =>
      sheetOf(sheet).conditionalFormats.map((f) => ({ address: formatRect(f.rect), type: f.type, formula: f.formula, fill: f.fill, font: f.font })),
    notes: (sheet) => Object.fromEntries(model.orderedNotes().filter((n) => n.sheet === sheetOf(sheet)).map((n) => [n.address, n.content])),
    merged: (sheet) => sheetOf(sheet).merged.map(formatRect),
    charts: (sheet) => JSON.parse(JSON.stringify(sheetOf(sheet).charts)),
    print: (sheet) => JSON.parse(JSON.stringify(sheetOf(sheet).print)) as PrintModel,
    sheetOrder: () => model.sheets.map((s) => s.name),
    snapshot: () => ({
      sheets: model.sheets.map((s) => ({
        name: s.name,
        cells: Object.fromEntries(
          [...s.rows.entries()]
            .sort((a, b) => a[0] - b[0])
            .flatMap(([row, cells]) => cells.map((c, column) => [cellAddress(row, column), c] as const).filter(([, c]) => c && Object.keys(c).length)),
        ),
        widths: Object.fromEntries([...s.widths.entries()].sort((a, b) => a[0] - b[0])),
        validations: view.validations(s.name),
        conditionalFormats: view.conditionalFormats(s.name),
        notes: view.notes(s.name),
        charts: view.charts(s.name),
        frozen: { ...s.frozen },
        merged: s.merged.map(formatRect),
      })),
      tables: view.tables(),
      active: view.activeSheet(),
      selection: view.selection(),
    }),
    userEdit: (sheet, address, values) => {
      const s = sheetOf(sheet);
      const r = parseRect(address);
      const single = r.top === r.bottom && r.left === r.right;
      const before = single ? s.valueOf(r.top, r.left) : undefined;
      values.forEach((row, i) => row.forEach((v, j) => s.writeValue(r.top + i, r.left + j, v)));
      const after = single ? s.valueOf(r.top, r.left) : undefined;
      const args: StandinChangedArgs = {
        type: 'WorksheetChanged',
        changeType: 'RangeEdited',
        source: 'Local',
        triggerSource: 'Unknown',
        worksheetId: s.id,
        address: formatRect(r),
        // Excel gives details only for a single-cell change.
        details: single ? { valueAfter: after, valueBefore: before, valueTypeAfter: typeof after === 'number' ? 'Double' : 'String', valueTypeBefore: 'String' } : undefined,
      };
      for (const key of [s.id, '*']) {
        for (const handler of host.handlers.get(key) ?? []) setTimeout(() => void deliver(handler, args), 0);
      }
    },
  };
  return view;
}

/**
 * The stand-in's change event has Excel.WorksheetChangedEventArgs' data members, not getRange()
 * or getRangeOrNullObject() (the adapter reads the address and the details only).
 */
const deliver = (handler: ChangedHandler, args: StandinChangedArgs) => handler(args as Excel.WorksheetChangedEventArgs);

export interface GlobalsOptions {
  /** Office.context.platform: "PC" (default), "Mac" or "OfficeOnline" (Excel on the web). */
  platform?: string;
  displayLanguage?: string;
  /** Requirement sets the pretend Excel supports; all by default. */
  isSetSupported?: (set: string, version?: string) => boolean;
}

/**
 * Make `globalThis.Excel` and `globalThis.Office` the stand-in, so code written for Office.js (the
 * built task pane) runs against it. Returns a function that restores what was there before.
 */
export function installGlobals(standin: Standin, options: GlobalsOptions = {}): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  const platform = options.platform ?? 'PC';
  const info = { host: 'Excel', platform };
  const isSetSupported = (set: string, version?: string) => {
    const max = standin.office.maxVersions[set];
    if (max !== undefined && version !== undefined && versionAbove(version, max)) return false;
    return options.isSetSupported ? options.isSetSupported(set, version) : true;
  };
  g.Excel = {
    run: standin.run,
    // ExcelApi 1.8: records the file; refuses, as Excel does, where the set is missing.
    createWorkbook: async (base64?: string) => {
      if (!isSetSupported('ExcelApi', '1.8')) throw officeError('ApiNotAvailable', 'The requested API is not available.');
      standin.office.createdWorkbooks.push(base64 ?? '');
    },
    RequestContext: StandinContext,
    ErrorCodes: { invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode', itemNotFound: 'ItemNotFound', invalidArgument: 'InvalidArgument' },
    SpecialCellType: { formulas: 'Formulas' },
    ConditionalFormatType: { custom: 'Custom' },
    DataValidationAlertStyle: { warning: 'Warning', stop: 'Stop', information: 'Information' },
  };
  g.Office = {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      platform,
      displayLanguage: options.displayLanguage ?? 'da-DK',
      officeTheme: undefined,
      requirements: { isSetSupported },
    },
    actions: { associate: () => undefined },
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  };
  return () => {
    g.Excel = before.Excel;
    g.Office = before.Office;
  };
}
