/**
 * Apply a Plan to the open workbook through Office.js, with the .xlsx adapter's semantics: every
 * operation is idempotent and never overwrites a non-empty cell (a PlanConflictError names the
 * sheet and cell). Unlike the .xlsx adapter, the whole plan is checked before anything is written:
 * a conflict anywhere leaves the workbook untouched.
 *
 * One Excel.run, three syncs whatever the row count:
 * 1. structure: sheet names, table names (+ header/totals flags), notes (ExcelApi 1.18);
 * 2. what the checks need: every table's sheet and range, column names of the tables the plan
 *    touches, the cells a new table, label or column would cover on an existing sheet (the used
 *    part of each such range, and merged areas with ExcelApi 1.13), where existing notes sit;
 *    skipped when nothing is needed;
 * 3. all writes, queued in order: values first, then `tables.add(address, true)` over them
 *    (never row by row), number formats as one single value per column, drop-downs, notes,
 *    freeze panes, selection. Value writes are cut into requests of at most ~4 MB.
 * On Excel on the web (5 MB per batch) the writes are spread over more syncs when they are larger
 * than `payloadLimit`.
 */
import type { CellValue } from '../domain/parse/cell';
import type { ChartSpec, ColumnLayout, Plan, PlanOp } from '../workbook/plan';
import { workbookDa } from '../i18n/da';
import type { ApplyResult, SkippedFeature } from '../workbook/adapterContract';
import { assertColumnNames, assertSheetName, assertTableName } from '../workbook/names';
import { cellAddress, cellCount, contains, formatRect, intersection, intersects, parseAreas, parseRect, splitAddress, subtract, type Rect } from './address';
import { groupByBytes } from './blocks';
import { defaultSupports, defaultSyncPayloadLimit, MAX_REQUEST_BYTES, type ExcelRun, type Supports } from './env';
import { PlanConflictError, translateError } from './errors';
import { headerText, jsonSize, toExcelValue, type ExcelScalar } from './values';

/** Texts of the drop-down warning, written into the (Danish) workbook. */
export const VALIDATION_TEXTS = workbookDa.dropDownAlert;

export const TABLE_STYLE = 'TableStyleMedium2';
/** Drop-downs reach at least this many rows below the header (as in the .xlsx adapter). */
export const VALIDATION_MIN_ROWS = 1000;


export interface ApplyOptions {
  /** Requirement-set check; `Office.context.requirements.isSetSupported` when omitted. */
  supports?: Supports;
  /** Estimated bytes one sync may carry; see defaultSyncPayloadLimit(). */
  payloadLimit?: number;
}

/** Excel column width in points for a width in characters of the default font (7 px + 5 px padding). */
export const charsToPoints = (chars: number): number => Math.round(chars * 7 + 5) * 0.75;

// ---------------------------------------------------------------------------------------------
// The workbook as the plan sees it while it is checked

/**
 * Cells of an existing sheet that an operation will cover: Excel reports the used part of the range
 * (values only), so the check costs one address whatever the size.
 */
interface CheckArea {
  range: Excel.Range;
  rect?: Rect;
  used: Excel.Range;
  /** Bounding box of the non-empty cells in `rect`; null when all are empty. */
  usedRect?: Rect | null;
  header?: Excel.Range;
  headerValues?: unknown[];
  merged?: Excel.RangeAreas;
}

interface VSheet {
  name: string;
  /** In Excel when the plan started and not rebuilt by it: unknown cells must have been loaded. */
  fromExcel: boolean;
  proxy?: Excel.Worksheet;
  /** Cells written by earlier operations of this plan (A1 key → value). */
  written: Map<string, CellValue>;
  areas: CheckArea[];
  merges: Rect[];
  /** Charts by name (lower case), loaded for sheets a chart operation touches. */
  charts: Map<string, { proxy?: Excel.Chart }>;
}

interface VTable {
  name: string;
  sheet: VSheet;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
  proxy?: Excel.Table;
  /** The last data row is empty (a new table starts with one): appended rows fill it first. */
  lastRowEmpty?: boolean;
}

interface Geometry {
  headerRow: number;
  hasHeader: boolean;
  firstDataRow: number;
  lastDataRow: number;
}

interface Write {
  bytes: number;
  run: () => void;
}

interface ExcelTableFacts {
  item: Excel.Table;
  sheet?: Excel.Worksheet;
  range?: Excel.Range;
  columns?: Excel.TableColumnCollection;
  after?: CheckArea;
  afterCount: number;
  below?: CheckArea;
  belowCount: number;
  lastRow?: Excel.Range;
}

const key = (name: string) => name.toLowerCase();
const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
const WRITE_OVERHEAD = 100;

export async function applyPlan(run: ExcelRun, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const supports = options.supports ?? defaultSupports();
  const payloadLimit = options.payloadLimit ?? defaultSyncPayloadLimit();
  try {
    return await run((context) => new Applier(context, supports, payloadLimit).apply(plan));
  } catch (e) {
    throw translateError(e);
  }
}

class Applier {
  private readonly withValidation: boolean;
  private readonly withNotes: boolean;
  private readonly withMerges: boolean;
  private readonly withFreeze: boolean;
  private readonly withConditionalFormats: boolean;
  private readonly withAlwaysInsert: boolean;
  private readonly withCharts: boolean;
  private readonly skipped = new Set<SkippedFeature>();
  private readonly sheets = new Map<string, VSheet>();
  private readonly tables = new Map<string, VTable>();
  /** Notes by sheet key, then bare A1 address. */
  private readonly notes = new Map<string, Map<string, { content: string; proxy?: Excel.Note }>>();
  private readonly writes: Write[] = [];
  private tempSheets = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    supports: Supports,
    private readonly payloadLimit: number,
  ) {
    this.withValidation = supports('ExcelApi', '1.8');
    this.withNotes = supports('ExcelApi', '1.18');
    this.withMerges = supports('ExcelApi', '1.13');
    this.withFreeze = supports('ExcelApi', '1.7');
    this.withConditionalFormats = supports('ExcelApi', '1.6');
    this.withAlwaysInsert = supports('ExcelApi', '1.15');
    this.withCharts = supports('ExcelApi', '1.7');
  }

  async apply(plan: Plan): Promise<ApplyResult> {
    const { context } = this;
    // 1. Structure.
    const worksheets = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name,items/showHeaders,items/showTotals');
    const notes = this.withNotes ? context.workbook.notes.load('items/content') : undefined;
    await context.sync();

    // 2. What the checks need.
    const excelSheets = new Map(worksheets.items.map((w) => [key(w.name), w]));
    const excelTables = new Map<string, ExcelTableFacts>(tables.items.map((t) => [key(t.name), { item: t, afterCount: 0, belowCount: 0 }]));
    const areas = this.queueChecks(plan, excelSheets, excelTables);
    const charts = new Map<string, Excel.ChartCollection>();
    if (this.withCharts) {
      for (const op of plan.ops) {
        if (op.kind !== 'chart') continue;
        const sheet = excelSheets.get(key(op.sheet));
        if (sheet && !charts.has(key(op.sheet))) charts.set(key(op.sheet), sheet.charts.load('items/name'));
      }
    }
    for (const facts of excelTables.values()) {
      facts.sheet = facts.item.worksheet.load('name');
      facts.range = facts.item.getRange().load('address');
    }
    const locations = notes?.items.map((n) => ({ note: n, location: n.getLocation().load('address') })) ?? [];
    if (excelTables.size || locations.length || areas.size || charts.size) await context.sync();

    for (const w of worksheets.items) {
      const loaded = charts.get(key(w.name))?.items ?? [];
      this.sheets.set(key(w.name), {
        name: w.name, fromExcel: true, proxy: w, written: new Map(), areas: areas.get(key(w.name)) ?? [], merges: [],
        charts: new Map(loaded.map((c) => [key(c.name), { proxy: c }])),
      });
    }
    for (const facts of excelTables.values()) this.addExcelTable(facts);
    for (const vs of this.sheets.values()) for (const area of vs.areas) this.finishArea(vs, area);
    for (const { note, location } of locations) {
      const { sheet, ref } = splitAddress(location.address);
      if (sheet) this.notesOf(sheet).set(ref.replace(/\$/g, ''), { content: note.content, proxy: note });
    }

    // 3. Check everything, then write.
    for (const op of plan.ops) this.op(op);
    for (const group of groupByBytes(this.writes, (w) => w.bytes, this.payloadLimit)) {
      for (const w of group) w.run();
      await context.sync();
    }
    return { skipped: [...this.skipped] };
  }

  // -------------------------------------------------------------------------------------------
  // Step 2: queue the loads the checks need, walking the plan with what step 1 told.

  private queueChecks(plan: Plan, excelSheets: Map<string, Excel.Worksheet>, excelTables: Map<string, ExcelTableFacts>): Map<string, CheckArea[]> {
    const areas = new Map<string, CheckArea[]>();
    /** Current name (lower case) → the sheet's name in Excel when the plan started (renameSheet). */
    const inExcel = new Map([...excelSheets.keys()].map((k) => [k, k]));
    const planned = new Map<string, { sheet: string; rect: Rect }>();
    const area = (sheet: string, rect: Rect, header = false) => {
      const original = inExcel.get(key(sheet));
      if (original === undefined) return;
      const worksheet = excelSheets.get(original)!;
      const range = worksheet.getRange(formatRect(rect));
      const check: CheckArea = { range, rect, used: range.getUsedRangeOrNullObject(true).load('address') };
      if (header) check.header = worksheet.getRange(formatRect({ ...rect, bottom: rect.top })).load('values');
      if (this.withMerges) check.merged = range.getMergedAreasOrNullObject().load('address');
      const list = areas.get(original) ?? [];
      list.push(check);
      areas.set(original, list);
    };
    const excelTable = (table: string) => (planned.has(key(table)) ? undefined : excelTables.get(key(table)));
    for (const op of plan.ops) {
      switch (op.kind) {
        case 'createTable': {
          if (excelTables.has(key(op.table)) || planned.has(key(op.table))) break;
          const rect = { top: op.topLeft.row, left: op.topLeft.column, bottom: op.topLeft.row + Math.max(op.rows.length, 1), right: op.topLeft.column + op.header.length - 1 };
          planned.set(key(op.table), { sheet: op.sheet, rect });
          area(op.sheet, rect);
          break;
        }
        case 'tableFromRange': {
          if (excelTables.has(key(op.table)) || planned.has(key(op.table))) break;
          const rect = parseRect(op.ref);
          planned.set(key(op.table), { sheet: op.sheet, rect: { ...rect, bottom: Math.max(rect.bottom, rect.top + 1) } });
          area(op.sheet, { ...rect, bottom: rect.bottom + 1 }, true);
          break;
        }
        case 'appendRows': {
          const p = planned.get(key(op.table));
          if (p) {
            area(p.sheet, { ...p.rect, top: p.rect.bottom + 1, bottom: p.rect.bottom + op.rows.length });
            p.rect = { ...p.rect, bottom: p.rect.bottom + op.rows.length };
          } else {
            const facts = excelTable(op.table);
            if (!facts) break;
            facts.columns ??= facts.item.columns.load('items/name');
            facts.lastRow ??= facts.item.getDataBodyRange().getLastRow().load('formulas');
            facts.belowCount += op.rows.length;
          }
          break;
        }
        case 'addColumns': {
          const p = planned.get(key(op.table));
          if (p) {
            area(p.sheet, { ...p.rect, left: p.rect.right + 1, right: p.rect.right + op.headers.length });
            p.rect = { ...p.rect, right: p.rect.right + op.headers.length };
          } else {
            const facts = excelTable(op.table);
            if (facts) {
              facts.columns ??= facts.item.columns.load('items/name');
              facts.afterCount += op.headers.length;
            }
          }
          break;
        }
        case 'layoutColumns':
        case 'highlight': {
          const facts = excelTable(op.table);
          if (facts) facts.columns ??= facts.item.columns.load('items/name');
          break;
        }
        case 'label':
          area(op.sheet, { top: op.row, left: op.column, bottom: op.row, right: op.column });
          break;
        case 'renameSheet': {
          const original = inExcel.get(key(op.sheet));
          if (original === undefined) break;
          inExcel.delete(key(op.sheet));
          inExcel.set(key(op.to), original);
          for (const p of planned.values()) if (key(p.sheet) === key(op.sheet)) p.sheet = op.to;
          break;
        }
        case 'generatedSheet':
          inExcel.delete(key(op.sheet));
          planned.set(key(op.table), { sheet: op.sheet, rect: { top: 3, left: 1, bottom: 3 + Math.max(op.rows.length, 1), right: op.header.length } });
          break;
        default:
          break;
      }
    }
    const chained = (range: Excel.Range): CheckArea => ({
      range: range.load('address'),
      used: range.getUsedRangeOrNullObject(true).load('address'),
      merged: this.withMerges ? range.getMergedAreasOrNullObject().load('address') : undefined,
    });
    for (const facts of excelTables.values()) {
      if (facts.afterCount) facts.after = chained(facts.item.getRange().getColumnsAfter(facts.afterCount));
      if (facts.belowCount) facts.below = chained(facts.item.getRange().getRowsBelow(facts.belowCount));
    }
    return areas;
  }

  private addExcelTable(facts: ExcelTableFacts): void {
    const vs = this.sheets.get(key(facts.sheet!.name))!;
    const vt: VTable = {
      name: facts.item.name,
      sheet: vs,
      rect: parseRect(facts.range!.address),
      showHeaders: facts.item.showHeaders,
      showTotals: facts.item.showTotals,
      columns: facts.columns?.items.map((c) => c.name) ?? [],
      proxy: facts.item,
    };
    if (facts.lastRow) vt.lastRowEmpty = facts.lastRow.formulas[0].every(isEmpty);
    if (facts.after) vs.areas.push(facts.after);
    if (facts.below) vs.areas.push(facts.below);
    this.tables.set(key(vt.name), vt);
  }

  private finishArea(vs: VSheet, area: CheckArea): void {
    area.rect ??= parseRect(area.range.address);
    area.usedRect = area.used.isNullObject ? null : parseRect(area.used.address);
    if (area.header) area.headerValues = area.header.values[0];
    if (area.merged && !area.merged.isNullObject) vs.merges.push(...parseAreas(area.merged.address));
  }

  private notesOf(sheet: string): Map<string, { content: string; proxy?: Excel.Note }> {
    let m = this.notes.get(key(sheet));
    if (!m) this.notes.set(key(sheet), (m = new Map()));
    return m;
  }

  // -------------------------------------------------------------------------------------------
  // Step 3: check each operation against the plan's view of the workbook; queue its writes.

  private write(bytes: number, run: () => void): void {
    this.writes.push({ bytes: bytes + WRITE_OVERHEAD, run });
  }

  private op(op: PlanOp): void {
    switch (op.kind) {
      case 'ensureSheet':
        if (this.findSheet(op.sheet)) return;
        assertSheetName(op.sheet);
        this.newSheet(op.sheet);
        return;
      case 'createTable':
        if (this.tables.has(key(op.table))) return;
        this.createTable(this.sheetOf(op.sheet), op.table, op.topLeft, op.header, op.rows);
        return;
      case 'tableFromRange':
        return this.tableFromRange(op);
      case 'addColumns':
        return this.addColumns(op);
      case 'layoutColumns':
        return this.layoutColumns(this.tableOf(op.sheet, op.table), op.columns);
      case 'freeze':
        return this.freeze(this.sheetOf(op.sheet), op.rows, op.columns);
      case 'label':
        return this.label(op);
      case 'setValues':
        return this.setValues(op);
      case 'appendRows':
        return this.appendRows(op);
      case 'generatedSheet':
        return this.generatedSheet(op);
      case 'highlight':
        return this.highlight(op);
      case 'chart':
        return this.chart(this.sheetOf(op.sheet), op.chart);
      case 'renameSheet':
        return this.renameSheet(op.sheet, op.to);
      case 'renameTable': {
        const vt = this.tables.get(key(op.table));
        if (!vt) return;
        if (this.tables.has(key(op.to))) throw new Error(`Table "${op.to}" exists already`);
        this.tables.delete(key(op.table));
        vt.name = op.to;
        this.tables.set(key(op.to), vt);
        this.write(jsonSize(op.to), () => {
          (vt.proxy ?? this.context.workbook.tables.getItem(op.table)).name = op.to;
        });
        return;
      }
      case 'select': {
        const vs = this.sheetOf(op.sheet);
        parseRect(op.address);
        this.write(0, () => {
          vs.proxy!.activate();
          vs.proxy!.getRange(op.address).select();
        });
        return;
      }
      default: {
        const unknown: never = op;
        throw new Error(`Unknown plan operation ${JSON.stringify(unknown)}`);
      }
    }
  }

  private findSheet(name: string): VSheet | undefined {
    return this.sheets.get(key(name));
  }

  private sheetOf(name: string): VSheet {
    const vs = this.findSheet(name);
    if (!vs) throw new Error(`Sheet "${name}" does not exist`);
    return vs;
  }

  private tableOf(sheet: string, table: string): VTable {
    const vt = this.tables.get(key(table));
    if (!vt) throw new Error(`Table "${table}" does not exist (sheet "${sheet}")`);
    return vt;
  }

  private renameSheet(from: string, to: string): void {
    const vs = this.sheetOf(from);
    const other = this.findSheet(to);
    if (other && other !== vs) throw new Error(`Sheet "${to}" exists already`);
    assertSheetName(to);
    const notes = this.notes.get(key(vs.name));
    this.sheets.delete(key(vs.name));
    this.notes.delete(key(vs.name));
    vs.name = to;
    this.sheets.set(key(to), vs);
    if (notes) this.notes.set(key(to), notes);
    this.write(jsonSize(to), () => {
      vs.proxy!.name = to;
    });
  }

  private newSheet(name: string): VSheet {
    const vs: VSheet = { name, fromExcel: false, written: new Map(), areas: [], merges: [], charts: new Map() };
    this.sheets.set(key(name), vs);
    this.write(jsonSize(name), () => {
      vs.proxy = this.context.workbook.worksheets.add(name);
    });
    return vs;
  }

  /** The cell's value as far as the plan knows: written by this plan, or empty where Excel said so. */
  private valueAt(vs: VSheet, row: number, column: number): unknown {
    const address = cellAddress(row, column);
    if (vs.written.has(address)) return vs.written.get(address);
    const cell = { top: row, left: column, bottom: row, right: column };
    this.assertChecked(vs, cell);
    // The smallest loaded area around the cell knows best (a label's own one-cell area is exact;
    // a larger area only knows the box around its used cells).
    let best: CheckArea | undefined;
    for (const a of vs.areas) if (contains(a.rect!, cell) && (!best || cellCount(a.rect!) < cellCount(best.rect!))) best = a;
    return best?.usedRect && contains(best.usedRect, cell) ? OCCUPIED : null;
  }

  /** Guard against a check the loads of step 2 did not prepare for (a bug, not a user error). */
  private assertChecked(vs: VSheet, range: Rect): void {
    if (!vs.fromExcel) return;
    let rest = [range];
    for (const area of vs.areas) rest = rest.flatMap((r) => subtract(r, area.rect!));
    if (rest.length) throw new Error(`Internal: ${vs.name}!${formatRect(rest[0])} was not loaded before the check`);
  }

  /** Refuse to write into `range` when it holds values, merges or (part of) another table. */
  private assertFree(vs: VSheet, range: Rect, what: string, ignore?: VTable): void {
    for (const m of vs.merges) {
      if (intersects(m, range)) throw new PlanConflictError(vs.name, formatRect(m), `${what}: merged cells ${vs.name}!${formatRect(m)} are in the way`);
    }
    for (const t of this.tables.values()) {
      if (t === ignore || t.sheet !== vs || !intersects(t.rect, range)) continue;
      const ref = formatRect(t.rect);
      throw new PlanConflictError(vs.name, ref, `${what}: table "${t.name}" (${vs.name}!${ref}) is in the way`);
    }
    // Cells this plan wrote (labels, values) come first: they are newer than what Excel reported.
    for (const [address, value] of vs.written) {
      const r = parseRect(address);
      if (!isEmpty(value) && contains(range, r)) throw new PlanConflictError(vs.name, address, `${what}: cell ${vs.name}!${address} is not empty`);
    }
    this.assertChecked(vs, range);
    for (const area of vs.areas) {
      if (!area.usedRect || !intersects(area.usedRect, range)) continue;
      const hit = formatRect(intersection(area.usedRect, range));
      if (vs.written.has(hit)) continue; // a single cell this plan has emptied
      const label = hit.includes(':') ? `cells ${vs.name}!${hit} are` : `cell ${vs.name}!${hit} is`;
      throw new PlanConflictError(vs.name, hit, `${what}: ${label} not empty`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Tables

  private createTable(vs: VSheet, table: string, topLeft: { row: number; column: number }, header: string[], given: CellValue[][]): VTable {
    assertTableName(table);
    assertColumnNames(header, table);
    const width = header.length;
    // An Excel table needs at least one data row.
    const rows = (given.length ? given : [[]]).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
    const rect: Rect = { top: topLeft.row, left: topLeft.column, bottom: topLeft.row + rows.length, right: topLeft.column + width - 1 };
    this.assertFree(vs, rect, `Create table "${table}"`);
    const vt: VTable = { name: table, sheet: vs, rect, showHeaders: true, showTotals: false, columns: [...header], lastRowEmpty: rows[rows.length - 1].every(isEmpty) };
    this.tables.set(key(table), vt);
    header.forEach((h, i) => vs.written.set(cellAddress(rect.top, rect.left + i), h));
    this.writeValues(vs, rect.top, rect.left, [header.map(toExcelValue), ...rows.map((r) => r.map(toExcelValue))]);
    this.write(jsonSize(table) + 40, () => {
      vt.proxy = vs.proxy!.tables.add(formatRect(rect), true);
      vt.proxy.name = table;
      vt.proxy.style = TABLE_STYLE;
    });
    return vt;
  }

  /** Values written in requests of at most ~4 MB each. */
  private writeValues(vs: VSheet, top: number, left: number, values: ExcelScalar[][]): void {
    let start = 0;
    while (start < values.length) {
      let bytes = 0;
      let end = start;
      while (end < values.length && (end === start || bytes + jsonSize(values[end]) <= MAX_REQUEST_BYTES)) bytes += jsonSize(values[end++]);
      const chunk = values.slice(start, end);
      const rect: Rect = { top: top + start, left, bottom: top + end - 1, right: left + chunk[0].length - 1 };
      this.write(bytes, () => {
        vs.proxy!.getRange(formatRect(rect)).values = chunk;
      });
      start = end;
    }
  }

  private tableFromRange(op: Extract<PlanOp, { kind: 'tableFromRange' }>): void {
    if (this.tables.has(key(op.table))) return;
    const vs = this.sheetOf(op.sheet);
    assertTableName(op.table);
    const rect = parseRect(op.ref);
    const what = `Make table "${op.table}" from ${op.sheet}!${op.ref}`;
    for (const m of vs.merges) {
      if (intersects(m, rect)) throw new PlanConflictError(vs.name, formatRect(m), `${what}: merged cells ${vs.name}!${formatRect(m)} are in the way`);
    }
    for (const t of this.tables.values()) {
      if (t.sheet === vs && intersects(t.rect, rect)) throw new PlanConflictError(vs.name, formatRect(t.rect), `${what}: table "${t.name}" is in the way`);
    }
    const area = vs.areas.find((a) => a.headerValues && a.rect!.top === rect.top && a.rect!.left === rect.left);
    const current = (column: number) => {
      const written = vs.written.get(cellAddress(rect.top, column));
      return headerText(written ?? area?.headerValues?.[column - rect.left] ?? '');
    };
    // Header cells become the column names (Excel: text, unique, never empty).
    const names: string[] = [];
    for (let column = rect.left; column <= rect.right; column++) {
      const base = current(column).trim() || `Kolonne${column - rect.left + 1}`;
      let name = base;
      for (let n = 2; names.some((x) => x.toLowerCase() === name.toLowerCase()); n++) name = `${base}${n}`;
      names.push(name);
    }
    if (rect.bottom === rect.top) {
      // Only a header: the table needs one (empty) data row below it.
      this.assertFree(vs, { ...rect, top: rect.top + 1, bottom: rect.top + 1 }, what);
      rect.bottom = rect.top + 1;
    }
    const vt: VTable = { name: op.table, sheet: vs, rect, showHeaders: true, showTotals: false, columns: names };
    this.tables.set(key(op.table), vt);
    names.forEach((name, i) => {
      if (current(rect.left + i) === name) return;
      const address = cellAddress(rect.top, rect.left + i);
      vs.written.set(address, name);
      this.write(jsonSize(name), () => {
        vs.proxy!.getRange(address).values = [[toExcelValue(name)]];
      });
    });
    this.write(jsonSize(op.table) + 40, () => {
      vt.proxy = vs.proxy!.tables.add(formatRect(rect), true);
      vt.proxy.name = op.table;
      vt.proxy.style = TABLE_STYLE;
    });
  }

  /** Append columns at the right of an existing table; existing cells are not touched. */
  private addColumns(op: Extract<PlanOp, { kind: 'addColumns' }>): void {
    const vt = this.tableOf(op.sheet, op.table);
    const existing = new Set(vt.columns.map((c) => c.trim().toLowerCase()));
    const headers = op.headers.filter(
      (h, i) => !existing.has(h.trim().toLowerCase()) && op.headers.findIndex((x) => x.trim().toLowerCase() === h.trim().toLowerCase()) === i,
    );
    if (!headers.length) return;
    assertColumnNames(headers, vt.name);
    const extra: Rect = { top: vt.rect.top, bottom: vt.rect.bottom, left: vt.rect.right + 1, right: vt.rect.right + headers.length };
    this.assertFree(vt.sheet, extra, `Add columns to table "${vt.name}"`, vt);
    vt.rect = { ...vt.rect, right: extra.right };
    vt.columns.push(...headers);
    for (const name of headers) {
      this.write(jsonSize(name), () => {
        vt.proxy!.columns.add(undefined, undefined, name);
      });
    }
  }

  private geometry(vt: VTable): Geometry {
    const headerRow = vt.showHeaders ? vt.rect.top : vt.rect.top - 1;
    return { headerRow, hasHeader: vt.showHeaders, firstDataRow: headerRow + 1, lastDataRow: vt.rect.bottom - (vt.showTotals ? 1 : 0) };
  }

  /** Rows at the bottom of a table: the empty last row (a new table starts with one) is used first. */
  private appendRows(op: Extract<PlanOp, { kind: 'appendRows' }>): void {
    if (!op.rows.length) return;
    const vt = this.tableOf(op.sheet, op.table);
    const g = this.geometry(vt);
    const width = vt.rect.right - vt.rect.left + 1;
    const rows = op.rows.map((r) => Array.from({ length: width }, (_, i) => toExcelValue(r[i] ?? null)));
    const first = vt.lastRowEmpty ? g.lastDataRow : g.lastDataRow + 1;
    const bottom = first + rows.length - 1;
    if (bottom > g.lastDataRow) {
      this.assertFree(vt.sheet, { top: g.lastDataRow + 1, bottom, left: vt.rect.left, right: vt.rect.right }, `Add rows to table "${vt.name}"`, vt);
    }
    const rest = vt.lastRowEmpty ? rows.slice(1) : rows;
    if (vt.lastRowEmpty) this.writeValues(vt.sheet, g.lastDataRow, vt.rect.left, rows.slice(0, 1));
    // The rest in one `rows.add` (more only when over ~4 MB): Excel grows the table and carries
    // the column formats and drop-downs to the new rows. With ExcelApi 1.15 `alwaysInsert: false`
    // lets the table grow over the (checked, empty) rows below instead of pushing the cells under
    // it down, as the .xlsx adapter does; older Excel inserts.
    const alwaysInsert = this.withAlwaysInsert ? false : undefined;
    let start = 0;
    while (start < rest.length) {
      let bytes = 0;
      let end = start;
      while (end < rest.length && (end === start || bytes + jsonSize(rest[end]) <= MAX_REQUEST_BYTES)) bytes += jsonSize(rest[end++]);
      const chunk = rest.slice(start, end);
      this.write(bytes, () => {
        vt.proxy!.rows.add(undefined, chunk, alwaysInsert);
      });
      start = end;
    }
    vt.rect = { ...vt.rect, bottom: vt.rect.bottom + rest.length };
    vt.lastRowEmpty = rows[rows.length - 1].every(isEmpty);
  }

  /** Conditional formats by cell text over a table column; applying again replaces them. */
  private highlight(op: Extract<PlanOp, { kind: 'highlight' }>): void {
    const vt = this.tableOf(op.sheet, op.table);
    const index = vt.columns.findIndex((c) => c.trim().toLowerCase() === op.column.trim().toLowerCase());
    if (index < 0) return;
    if (!this.withConditionalFormats) {
      this.skipped.add('conditionalFormats');
      return;
    }
    const g = this.geometry(vt);
    const column = vt.rect.left + index;
    const address = formatRect({ top: g.firstDataRow, bottom: Math.max(g.lastDataRow, g.firstDataRow), left: column, right: column });
    const first = cellAddress(g.firstDataRow, column);
    const vs = vt.sheet;
    this.write(jsonSize(op.rules) * 2, () => {
      const formats = vs.proxy!.getRange(address).conditionalFormats;
      formats.clearAll();
      for (const rule of op.rules) {
        const custom = formats.add('Custom').custom;
        custom.rule.formula = `=${first}="${rule.text.replace(/"/g, '""')}"`;
        custom.format.fill.color = TONES[rule.tone].fill;
        custom.format.font.color = TONES[rule.tone].font;
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Column layout

  private layoutColumns(vt: VTable, columns: ColumnLayout[]): void {
    const g = this.geometry(vt);
    for (const layout of columns) {
      const index = vt.columns.findIndex((c) => c.trim().toLowerCase() === layout.header.trim().toLowerCase());
      // A column the user removed or renamed: its layout is skipped, the plan goes on.
      if (index < 0) continue;
      this.layoutColumn(vt, g, vt.rect.left + index, layout);
    }
  }

  private layoutColumn(vt: VTable, g: Geometry, column: number, layout: ColumnLayout): void {
    const vs = vt.sheet;
    if (layout.numberFormat !== undefined && g.lastDataRow >= g.firstDataRow) {
      const format = layout.numberFormat;
      const address = formatRect({ top: g.firstDataRow, bottom: g.lastDataRow, left: column, right: column });
      // One value for the whole column, whatever its length: Excel applies a single (non-array)
      // input to every cell of the range, as Ctrl+Enter does. The typings only declare any[][].
      this.write(jsonSize(format), () => {
        vs.proxy!.getRange(address).numberFormat = format as unknown as string[][];
      });
    }
    if (layout.width !== undefined) {
      const points = charsToPoints(layout.width);
      const address = cellAddress(vt.rect.top, column);
      this.write(8, () => {
        vs.proxy!.getRange(address).format.columnWidth = points;
      });
    }
    if (layout.note !== undefined && g.hasHeader) this.note(vs, cellAddress(g.headerRow, column), layout.note);
    const source = listSource(vt, layout);
    if (source !== undefined) {
      if (!this.withValidation) {
        this.skipped.add('dataValidation');
        return;
      }
      const address = formatRect({ top: g.firstDataRow, bottom: Math.max(g.lastDataRow, g.headerRow + VALIDATION_MIN_ROWS), left: column, right: column });
      this.write(jsonSize(source) + jsonSize(VALIDATION_TEXTS.error) + 60, () => {
        const validation = vs.proxy!.getRange(address).dataValidation;
        validation.clear();
        validation.rule = { list: { inCellDropDown: true, source } };
        validation.errorAlert = { showAlert: true, style: 'Warning', title: VALIDATION_TEXTS.errorTitle, message: VALIDATION_TEXTS.error };
        validation.ignoreBlanks = true;
      });
    }
  }

  /**
   * A note (the old-style yellow comment, not a threaded comment) on a header cell. Notes need
   * ExcelApi 1.18; without it they are skipped (threaded comments would show as a conversation
   * with the user as author, which is not what a help text is).
   */
  private note(vs: VSheet, address: string, text: string): void {
    if (!this.withNotes) {
      this.skipped.add('notes');
      return;
    }
    const notes = this.notesOf(vs.name);
    const existing = notes.get(address);
    if (existing?.content === text) return;
    if (existing?.proxy) {
      const proxy = existing.proxy;
      this.write(jsonSize(text), () => {
        proxy.content = text;
      });
      existing.content = text;
      return;
    }
    const entry: { content: string; proxy?: Excel.Note } = { content: text };
    notes.set(address, entry);
    this.write(jsonSize(text) + 20, () => {
      entry.proxy = this.context.workbook.notes.add(vs.proxy!.getRange(address), text);
    });
  }

  /** A native chart; one of the same name on the sheet is replaced. Needs ExcelApi 1.7 (series). */
  private chart(vs: VSheet, spec: ChartSpec): void {
    if (!this.withCharts) {
      this.skipped.add('charts');
      return;
    }
    for (const ref of [spec.categories, ...spec.series.map((x) => x.values)]) parseRect(ref);
    if (!spec.series.length) throw new Error(`Chart "${spec.name}" has no series`);
    const old = vs.charts.get(key(spec.name));
    const entry: { proxy?: Excel.Chart } = {};
    vs.charts.set(key(spec.name), entry);
    const from = cellAddress(spec.from.row, spec.from.column);
    const to = cellAddress(spec.to.row, spec.to.column);
    this.write(jsonSize(spec) + 200, () => {
      const sheet = vs.proxy!;
      old?.proxy?.delete();
      const categories = sheet.getRange(spec.categories);
      const chart = sheet.charts.add(CHART_TYPES[spec.type], sheet.getRange(spec.series[0].values), 'Columns');
      chart.name = spec.name;
      chart.title.text = spec.title;
      chart.setPosition(from, to);
      spec.series.forEach((x, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(x.name);
        if (i === 0) series.name = x.name;
        else series.setValues(sheet.getRange(x.values));
        series.setXAxisValues(categories);
      });
      entry.proxy = chart;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Sheet view, labels, values

  private freeze(vs: VSheet, rows: number, columns: number): void {
    if (!this.withFreeze) {
      this.skipped.add('freezePanes');
      return;
    }
    this.write(20, () => {
      const panes = vs.proxy!.freezePanes;
      if (rows > 0 && columns > 0) panes.freezeAt(vs.proxy!.getRange(formatRect({ top: 1, left: 1, bottom: rows, right: columns })));
      else if (rows > 0) panes.freezeRows(rows);
      else if (columns > 0) panes.freezeColumns(columns);
      else panes.unfreeze();
    });
  }

  private label(op: Extract<PlanOp, { kind: 'label' }>): void {
    const vs = this.sheetOf(op.sheet);
    if (!isEmpty(this.valueAt(vs, op.row, op.column))) return;
    this.text(vs, cellAddress(op.row, op.column), op.text, op.style);
  }

  private text(vs: VSheet, address: string, text: string, style?: 'title' | 'subtitle'): void {
    vs.written.set(address, text);
    this.write(jsonSize(text) + 40, () => {
      const range = vs.proxy!.getRange(address);
      range.values = [[toExcelValue(text)]];
      if (style === 'title') {
        range.format.font.bold = true;
        range.format.font.size = 14;
      }
      if (style === 'subtitle') {
        range.format.font.italic = true;
        range.format.font.color = '#595959';
      }
    });
  }

  /** Explicit user action ("apply suggestion"): the given cells are written whatever they hold. */
  private setValues(op: Extract<PlanOp, { kind: 'setValues' }>): void {
    const vs = this.sheetOf(op.sheet);
    for (const { address, value } of op.cells) {
      const r = parseRect(address);
      if (r.top !== r.bottom || r.left !== r.right) throw new Error(`setValues: ${address} is not a single cell`);
      const bare = cellAddress(r.top, r.left);
      const v = toExcelValue(value);
      vs.written.set(bare, value);
      this.write(jsonSize(v), () => {
        vs.proxy!.getRange(bare).values = [[v]];
      });
    }
  }

  /** A sheet the add-in owns: removed and built again with a title in A1 and one table at A3. */
  private generatedSheet(op: Extract<PlanOp, { kind: 'generatedSheet' }>): void {
    assertSheetName(op.sheet);
    assertTableName(op.table);
    assertColumnNames(op.header, op.table);
    const old = this.findSheet(op.sheet);
    const elsewhere = this.tables.get(key(op.table));
    if (elsewhere && elsewhere.sheet !== old) throw new Error(`Table "${op.table}" already exists on sheet "${elsewhere.sheet.name}"`);
    let vs: VSheet;
    if (old) {
      for (const [k, t] of this.tables) if (t.sheet === old) this.tables.delete(k);
      this.notes.delete(key(old.name));
      // Add the new sheet before deleting the old one: a workbook must keep one sheet.
      let temp: string;
      do temp = `Indsatsmonitor_${++this.tempSheets}`;
      while (this.sheets.has(key(temp)));
      vs = { name: op.sheet, fromExcel: false, written: new Map(), areas: [], merges: [], charts: new Map() };
      this.sheets.set(key(op.sheet), vs);
      const created = vs;
      this.write(jsonSize(op.sheet) * 2 + 40, () => {
        const sheet = this.context.workbook.worksheets.add(temp);
        old.proxy!.delete();
        sheet.name = op.sheet;
        created.proxy = sheet;
      });
    } else {
      vs = this.newSheet(op.sheet);
    }
    this.text(vs, 'A1', op.title, 'title');
    const vt = this.createTable(vs, op.table, { row: 3, column: 1 }, op.header, op.rows);
    this.layoutColumns(vt, op.columns);
    this.freeze(vs, 3, 0);
  }
}

/** Fill and font colours of the highlight tones (Excel's "good / neutral / bad" cell styles). */
const TONES = {
  good: { fill: '#C6EFCE', font: '#006100' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  bad: { fill: '#FFC7CE', font: '#9C0006' },
} as const;

const CHART_TYPES: Record<ChartSpec['type'], Excel.ChartType> = {
  barStacked: 'BarStacked' as Excel.ChartType,
  bar: 'BarClustered' as Excel.ChartType,
  column: 'ColumnClustered' as Excel.ChartType,
  columnStacked: 'ColumnStacked' as Excel.ChartType,
  line: 'Line' as Excel.ChartType,
};

/** Stands for "Excel reported a value here" in the plan's view of a cell. */
const OCCUPIED = Symbol('occupied');

/**
 * The list source: `=INDIRECT("Table[Column]")` so the drop-down follows the source table as it
 * grows (a structured reference is not allowed in a validation formula), or a literal list.
 */
function listSource(vt: VTable, layout: ColumnLayout): string | undefined {
  if (layout.list) {
    const ref = `${layout.list.table}[${layout.list.column.replace(/['[\]#]/g, "'$&")}]`;
    return `=INDIRECT("${ref.replace(/"/g, '""')}")`;
  }
  if (layout.listValues?.length) {
    const bad = layout.listValues.find((v) => v.includes(','));
    if (bad !== undefined) throw new Error(`Table "${vt.name}", column "${layout.header}": a list value cannot contain a comma ("${bad}")`);
    const literal = layout.listValues.join(',');
    // Excel limits a literal list to 255 characters.
    if (literal.length > 255) throw new Error(`Table "${vt.name}", column "${layout.header}": the list is longer than Excel allows`);
    return literal;
  }
  return undefined;
}


