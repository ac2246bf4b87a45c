/**
 * Steps 1 and 2 of applyPlan: load the workbook's structure, then what the checks of this plan
 * need (one sync, or on Excel on the web as many as the payload limit asks for), and turn both
 * into the VirtualWorkbook the operations are checked against.
 */
import type { Plan } from '../workbook/plan';
import { formatRect, parseAreas, parseRect, splitAddress, type Rect } from './address';
import { groupByBytes } from './blocks';
import { commandBytes, jsonSize, loadBytes } from './values';
import { isEmpty, key, loaded, VirtualWorkbook, type Area, type Features, type VSheet, type VTable } from './virtualWorkbook';

/** Step 1: sheet names, table names (+ header/totals flags), notes (ExcelApi 1.18). */
export interface Structure {
  worksheets: Excel.WorksheetCollection;
  tables: Excel.TableCollection;
  notes?: Excel.NoteCollection;
}

export function loadStructure(context: Excel.RequestContext, features: Features): Structure {
  return {
    worksheets: context.workbook.worksheets.load('items/name'),
    tables: context.workbook.tables.load('items/name,items/showHeaders,items/showTotals'),
    notes: features.notes ? context.workbook.notes.load('items/content') : undefined,
  };
}

/** An area whose used part (and merges) step 2 loads; `rect` is known unless `range` came from a table. */
interface PendingArea {
  range: Excel.Range;
  rect?: Rect;
  used: Excel.Range;
  header?: Excel.Range;
  merged?: Excel.RangeAreas;
}

/** What the checks need of a table in Excel, gathered while the plan is walked. */
interface TableNeeds {
  item: Excel.Table;
  columns: boolean;
  lastRow: boolean;
  afterCount: number;
  belowCount: number;
}

/** …and, once queued, for every table its sheet and range. */
interface ExcelTableFacts {
  item: Excel.Table;
  sheet: Excel.Worksheet;
  range: Excel.Range;
  columns?: Excel.TableColumnCollection;
  lastRow?: Excel.Range;
  after?: PendingArea;
  below?: PendingArea;
}

/**
 * One load of step 2 (or a few that go together), not queued yet: `bytes` is its estimated share
 * of the request and response, so that a large step 2 is spread over syncs as the writes are.
 */
interface CheckLoad {
  bytes: number;
  queue(): void;
}

/**
 * Step 2, prepared: `loads` queue what the checks need (loadChecks syncs them); the maps fill as
 * they are queued and are complete once loadChecks has run.
 */
export interface PendingChecks {
  loads: CheckLoad[];
  areas: Map<string, PendingArea[]>;
  tables: Map<string, ExcelTableFacts>;
  charts: Map<string, Excel.ChartCollection>;
  notes: { note: Excel.Note; location: Excel.Range }[];
}

/** Estimated bytes of a loaded address, `{"Address":"'Sheet name'!A1:B2"}`. */
const addressResult = (sheet: string): number => jsonSize(sheet) + 30;
/** A table's sheet is not known before step 2: its name as long as Excel allows. */
const ANY_SHEET = 'x'.repeat(31);
/** Estimated bytes of a loaded cell value (as blocks.ts counts a read). */
const VALUE_BYTES = 20;
/** A name in a loaded collection's items, `{"Name":"…"}`, as far as it can be guessed. */
const NAME_RESULT = 50;

/**
 * Prepare the loads the checks need, walking the plan with what step 1 told: every table's sheet
 * and range, column names of the tables the plan touches, the cells a new table, label or column
 * would cover on an existing sheet, charts on sheets a chart goes to, where existing notes sit.
 */
export function prepareChecks(plan: Plan, structure: Structure, features: Features): PendingChecks {
  const excelSheets = new Map(structure.worksheets.items.map((w) => [key(w.name), w]));
  const excelTables = new Map(structure.tables.items.map((t): [string, TableNeeds] => [key(t.name), { item: t, columns: false, lastRow: false, afterCount: 0, belowCount: 0 }]));
  const pending: PendingChecks = { loads: [], areas: new Map(), tables: new Map(), charts: new Map(), notes: [] };
  const load = (bytes: number, queue: () => void) => pending.loads.push({ bytes, queue });
  /** Current name (lower case) → the sheet in Excel when the plan started (renameSheet). */
  const inExcel = new Map([...excelSheets].map(([k, w]) => [k, { original: k, worksheet: w }]));
  const planned = new Map<string, { sheet: string; rect: Rect }>();
  const pushArea = (sheet: string, check: PendingArea) => {
    const list = pending.areas.get(sheet) ?? [];
    list.push(check);
    pending.areas.set(sheet, list);
  };
  // getRange(address) and getUsedRangeOrNullObject(true) with its address (+ the first row's
  // values, + getMergedAreasOrNullObject with its address).
  const areaBytes = (sheet: string, address: number, header: number) =>
    commandBytes(0, 1, address) + loadBytes(1, 5, addressResult(sheet)) +
    (header ? loadBytes(1, address, header * (VALUE_BYTES + 1)) : 0) + (features.merges ? loadBytes(1, 0, addressResult(sheet)) : 0);
  const area = (sheet: string, rect: Rect, header = false) => {
    const found = inExcel.get(key(sheet));
    if (found === undefined) return;
    const address = formatRect(rect);
    load(areaBytes(found.worksheet.name, jsonSize(address), header ? rect.right - rect.left + 1 : 0), () => {
      const range = found.worksheet.getRange(address);
      const check: PendingArea = { range, rect, used: range.getUsedRangeOrNullObject(true).load('address') };
      if (header) check.header = found.worksheet.getRange(formatRect({ ...rect, bottom: rect.top })).load('values');
      if (features.merges) check.merged = range.getMergedAreasOrNullObject().load('address');
      pushArea(found.original, check);
    });
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
          const needs = excelTable(op.table);
          if (!needs) break;
          needs.columns = true;
          needs.lastRow = true;
          needs.belowCount += op.rows.length;
        }
        break;
      }
      case 'addColumns': {
        const p = planned.get(key(op.table));
        if (p) {
          area(p.sheet, { ...p.rect, left: p.rect.right + 1, right: p.rect.right + op.headers.length });
          p.rect = { ...p.rect, right: p.rect.right + op.headers.length };
        } else {
          const needs = excelTable(op.table);
          if (needs) {
            needs.columns = true;
            needs.afterCount += op.headers.length;
          }
        }
        break;
      }
      case 'layoutColumns':
      case 'highlight': {
        const needs = excelTable(op.table);
        if (needs) needs.columns = true;
        break;
      }
      case 'label':
        area(op.sheet, { top: op.row, left: op.column, bottom: op.row, right: op.column });
        break;
      case 'setValues': // a cell written only over the value it held when validated: its value
        for (const c of op.cells) if ('expected' in c) area(op.sheet, parseRect(c.address), true);
        break;
      case 'renameSheet': {
        const found = inExcel.get(key(op.sheet));
        if (found === undefined) break;
        inExcel.delete(key(op.sheet));
        inExcel.set(key(op.to), found);
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
  const chained = (range: Excel.Range): PendingArea => ({
    range: range.load('address'),
    used: range.getUsedRangeOrNullObject(true).load('address'),
    merged: features.merges ? range.getMergedAreasOrNullObject().load('address') : undefined,
  });
  for (const [k, needs] of excelTables) {
    const { item } = needs;
    // A table's sheet and range (worksheet, getRange), its column names, its last data row's
    // formulas (getDataBodyRange, getLastRow), the columns after it and the rows below it
    // (getRange, getColumnsAfter/getRowsBelow with address, used range and merges).
    const chainedBytes = loadBytes(2, 5, addressResult(ANY_SHEET)) + areaBytes(item.name, 5, 0);
    const bytes = loadBytes(1, 0, NAME_RESULT) + loadBytes(1, 0, addressResult(ANY_SHEET)) + (needs.columns ? loadBytes(1, 0, NAME_RESULT * 8) : 0) +
      (needs.lastRow ? loadBytes(2, 0, 200) : 0) + (needs.afterCount ? chainedBytes : 0) + (needs.belowCount ? chainedBytes : 0);
    load(bytes, () => {
      pending.tables.set(k, {
        item,
        sheet: item.worksheet.load('name'),
        range: item.getRange().load('address'),
        columns: needs.columns ? item.columns.load('items/name') : undefined,
        lastRow: needs.lastRow ? item.getDataBodyRange().getLastRow().load('formulas') : undefined,
        after: needs.afterCount ? chained(item.getRange().getColumnsAfter(needs.afterCount)) : undefined,
        below: needs.belowCount ? chained(item.getRange().getRowsBelow(needs.belowCount)) : undefined,
      });
    });
  }
  if (features.charts) {
    const chartSheets = new Set<string>();
    for (const op of plan.ops) {
      if (op.kind !== 'chart') continue;
      const sheet = excelSheets.get(key(op.sheet));
      if (!sheet || chartSheets.has(key(op.sheet))) continue;
      chartSheets.add(key(op.sheet));
      // charts and the names of a few.
      load(loadBytes(1, 0, NAME_RESULT * 4), () => void pending.charts.set(key(op.sheet), sheet.charts.load('items/name')));
    }
  }
  for (const note of structure.notes?.items ?? []) {
    // getLocation and its address.
    load(loadBytes(1, 0, 60), () => void pending.notes.push({ note, location: note.getLocation().load('address') }));
  }
  return pending;
}

/**
 * Step 2's syncs: the loads in as few syncs as the payload limit allows (one when it is Infinity,
 * none when the checks need nothing).
 */
export async function loadChecks(context: Excel.RequestContext, pending: PendingChecks, payloadLimit: number): Promise<void> {
  for (const group of groupByBytes(pending.loads, (l) => l.bytes, payloadLimit)) {
    for (const l of group) l.queue();
    await context.sync();
  }
}

/** After step 2's sync: the plan's starting view of the workbook. */
export function resolveChecks(context: Excel.RequestContext, features: Features, structure: Structure, pending: PendingChecks): VirtualWorkbook {
  const wb = new VirtualWorkbook(context, features);
  for (const w of structure.worksheets.items) {
    const vs: VSheet = {
      name: w.name, fromExcel: true, sheet: loaded(w), written: new Map(), areas: [], merges: [],
      charts: new Map((pending.charts.get(key(w.name))?.items ?? []).map((c) => [key(c.name), loaded(c)])),
    };
    for (const area of pending.areas.get(key(w.name)) ?? []) addArea(vs, area);
    wb.sheets.set(key(w.name), vs);
  }
  for (const facts of pending.tables.values()) {
    const vs = wb.findSheet(facts.sheet.name);
    if (!vs) throw new Error(`Internal: table "${facts.item.name}" is on sheet "${facts.sheet.name}", which Excel did not list`);
    const vt: VTable = {
      name: facts.item.name,
      sheet: vs,
      rect: parseRect(facts.range.address),
      showHeaders: facts.item.showHeaders,
      showTotals: facts.item.showTotals,
      columns: facts.columns?.items.map((c) => c.name) ?? [],
      table: loaded(facts.item),
    };
    if (facts.lastRow) vt.lastRowEmpty = facts.lastRow.formulas[0].every(isEmpty);
    if (facts.after) addArea(vs, facts.after);
    if (facts.below) addArea(vs, facts.below);
    wb.tables.set(key(vt.name), vt);
  }
  for (const { note, location } of pending.notes) {
    const { sheet, ref } = splitAddress(location.address);
    if (sheet) wb.notesOf(sheet).set(ref.replace(/\$/g, ''), { content: note.content, note: loaded(note) });
  }
  return wb;
}

function addArea(vs: VSheet, pending: PendingArea): void {
  const area: Area = {
    rect: pending.rect ?? parseRect(pending.range.address),
    usedRect: pending.used.isNullObject ? null : parseRect(pending.used.address),
  };
  if (pending.header) area.headerValues = pending.header.values[0];
  vs.areas.push(area);
  if (pending.merged && !pending.merged.isNullObject) vs.merges.push(...parseAreas(pending.merged.address));
}
