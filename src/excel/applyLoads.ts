/**
 * Steps 1 and 2 of applyPlan: load the workbook's structure, then what the checks of this plan
 * need, and turn both into the VirtualWorkbook the operations are checked against.
 */
import type { Plan } from '../workbook/plan';
import { formatRect, parseAreas, parseRect, splitAddress, type Rect } from './address';
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
interface TableLoads {
  item: Excel.Table;
  columns?: Excel.TableColumnCollection;
  after?: PendingArea;
  afterCount: number;
  below?: PendingArea;
  belowCount: number;
  lastRow?: Excel.Range;
}

/** …and, for every table, its sheet and range. */
interface ExcelTableFacts extends TableLoads {
  sheet: Excel.Worksheet;
  range: Excel.Range;
}

/** Step 2, queued: resolve with resolveChecks after the sync (when `needsSync`). */
export interface PendingChecks {
  areas: Map<string, PendingArea[]>;
  tables: Map<string, ExcelTableFacts>;
  charts: Map<string, Excel.ChartCollection>;
  notes: { note: Excel.Note; location: Excel.Range }[];
  needsSync: boolean;
}

/**
 * Queue the loads the checks need, walking the plan with what step 1 told: every table's sheet and
 * range, column names of the tables the plan touches, the cells a new table, label or column would
 * cover on an existing sheet, charts on sheets a chart goes to, where existing notes sit.
 */
export function queueChecks(plan: Plan, structure: Structure, features: Features): PendingChecks {
  const excelSheets = new Map(structure.worksheets.items.map((w) => [key(w.name), w]));
  const excelTables = new Map(structure.tables.items.map((t): [string, TableLoads] => [key(t.name), { item: t, afterCount: 0, belowCount: 0 }]));
  const areas = new Map<string, PendingArea[]>();
  /** Current name (lower case) → the sheet in Excel when the plan started (renameSheet). */
  const inExcel = new Map([...excelSheets].map(([k, w]) => [k, { original: k, worksheet: w }]));
  const planned = new Map<string, { sheet: string; rect: Rect }>();
  const area = (sheet: string, rect: Rect, header = false) => {
    const found = inExcel.get(key(sheet));
    if (found === undefined) return;
    const range = found.worksheet.getRange(formatRect(rect));
    const check: PendingArea = { range, rect, used: range.getUsedRangeOrNullObject(true).load('address') };
    if (header) check.header = found.worksheet.getRange(formatRect({ ...rect, bottom: rect.top })).load('values');
    if (features.merges) check.merged = range.getMergedAreasOrNullObject().load('address');
    const list = areas.get(found.original) ?? [];
    list.push(check);
    areas.set(found.original, list);
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
  for (const facts of excelTables.values()) {
    if (facts.afterCount) facts.after = chained(facts.item.getRange().getColumnsAfter(facts.afterCount));
    if (facts.belowCount) facts.below = chained(facts.item.getRange().getRowsBelow(facts.belowCount));
  }
  const charts = new Map<string, Excel.ChartCollection>();
  if (features.charts) {
    for (const op of plan.ops) {
      if (op.kind !== 'chart') continue;
      const sheet = excelSheets.get(key(op.sheet));
      if (sheet && !charts.has(key(op.sheet))) charts.set(key(op.sheet), sheet.charts.load('items/name'));
    }
  }
  const tables = new Map([...excelTables].map(([k, facts]): [string, ExcelTableFacts] => [k, {
    ...facts, sheet: facts.item.worksheet.load('name'), range: facts.item.getRange().load('address'),
  }]));
  const notes = structure.notes?.items.map((n) => ({ note: n, location: n.getLocation().load('address') })) ?? [];
  return { areas, tables, charts, notes, needsSync: !!(tables.size || notes.length || areas.size || charts.size) };
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
