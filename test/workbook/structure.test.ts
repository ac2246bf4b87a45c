import { headerOf } from '../helpers/tables';
import { INITIATIVES, PARTICIPANTS } from '../../src/domain/model/schema';
import { planStructure } from '../../src/workbook/structure';
import type { Plan, PlanOp } from '../../src/workbook/plan';
import type { SheetRead, WorkbookRead } from '../../src/workbook/read';
import { tablesCreatedBy } from '../helpers/planTables';

const kinds = (plan: Plan) => plan.ops.map((op) => `${op.kind} ${'table' in op ? op.table : 'sheet' in op ? op.sheet : ''}`);

/** What an adapter would read after applying a plan to an empty workbook. */
function readAfter(plan: Plan): WorkbookRead {
  const sheets = new Map<string, SheetRead>();
  for (const op of plan.ops) if (op.kind === 'ensureSheet') sheets.set(op.sheet, { name: op.sheet, tables: [], merged: [] });
  for (const t of tablesCreatedBy(plan)) {
    const lastColumn = t.firstColumn + t.header.length - 1;
    sheets.get(t.sheet)!.tables.push({ ...t, ref: `${String.fromCharCode(64 + t.firstColumn)}${t.headerRow}:${String.fromCharCode(64 + Math.min(lastColumn, 26))}${t.headerRow + Math.max(t.rows.length, 1)}` });
  }
  return { sheets: [...sheets.values()] };
}

describe('structure of a new workbook', () => {
  const plan = planStructure({ sheets: [] });

  it('creates the contract sheets and tables', () => {
    expect(plan.ops.filter((op) => op.kind === 'ensureSheet').map((op) => op.sheet)).toEqual(['Taksonomier', 'Indsatser', 'Statuslog', 'Økonomi']);
    expect(plan.ops.filter((op): op is Extract<PlanOp, { kind: 'createTable' }> => op.kind === 'createTable').map((op) => `${op.sheet}/${op.table}@${op.topLeft.row},${op.topLeft.column}`)).toEqual([
      'Taksonomier/Mål@4,1', 'Taksonomier/Målgrupper@4,8', 'Taksonomier/Statusser@4,19', 'Taksonomier/Trin@4,28', 'Taksonomier/Tilbud@4,35',
      'Taksonomier/Enheder@4,43', 'Taksonomier/Finansiering@4,50', 'Taksonomier/Indsatsstatus@4,57', 'Taksonomier/Posteringstyper@4,64',
      'Indsatser/Indsatser@4,1', 'Statuslog/Statuslog@4,1', 'Økonomi/Budget@4,1', 'Økonomi/Posteringer@4,7',
    ]);
  });

  it('binds drop-downs to taxonomy table columns and formats dates and amounts', () => {
    const layout = (table: string) => plan.ops.find((op): op is Extract<PlanOp, { kind: 'layoutColumns' }> => op.kind === 'layoutColumns' && op.table === table)!.columns;
    expect(layout('Indsatser').find((c) => c.header === 'Status')!.list).toEqual({ table: 'Indsatsstatus', column: 'Navn' });
    expect(layout('Indsatser').find((c) => c.header === 'Start')!.numberFormat).toBe('dd-mm-yyyy');
    expect(layout('Budget').find((c) => c.header === 'Beløb')!.numberFormat).toBe('#,##0.00 "kr."');
    expect(layout('Budget').find((c) => c.header === 'Kilde')!.list).toEqual({ table: 'Finansiering', column: 'Navn' });
    expect(layout('Målgrupper').find((c) => c.header === 'Aktiv')!.listValues).toEqual(['Ja', 'Nej']);
    expect(layout('Indsatser').every((c) => c.note && c.note.length > 5)).toBe(true);
  });

  it('writes the default taxonomies and freezes the header rows', () => {
    const goals = plan.ops.find((op) => op.kind === 'createTable' && op.table === 'Mål');
    expect(goals && goals.kind === 'createTable' && goals.rows.length).toBe(15);
    expect(plan.ops).toContainEqual({ kind: 'freeze', sheet: 'Indsatser', rows: 4, columns: 0 });
  });

  it('plans nothing but layout the second time', () => {
    const again = planStructure(readAfter(plan));
    expect(again.ops.every((op) => op.kind === 'layoutColumns')).toBe(true);
    expect(again.ops.map((op) => 'table' in op && op.table)).toEqual(plan.ops.filter((op) => op.kind === 'layoutColumns').map((op) => 'table' in op && op.table));
  });
});

describe('repairing a half-filled workbook', () => {
  it('adds missing columns to an existing table and a tracking sheet per initiative, touching nothing else', () => {
    const header = headerOf(INITIATIVES).filter((h) => h !== 'KPI' && h !== 'Pladser');
    const read: WorkbookRead = {
      sheets: [{
        name: 'Indsatser', merged: [],
        tables: [{ sheet: 'Indsatser', table: 'Indsatser', header, headerRow: 1, firstColumn: 1, ref: 'A1:K3', rows: [['ITMV', 'I Tråd Med Verden'], ['bad id!', 'x']] }],
      }],
    };
    const plan = planStructure(read);
    expect(plan.ops).toContainEqual({ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Pladser', 'KPI'] });
    expect(kinds(plan)).toContain('createTable Deltagere_ITMV');
    expect(kinds(plan).filter((k) => k.startsWith('createTable Deltagere'))).toEqual(['createTable Deltagere_ITMV']);
    expect(plan.ops.some((op) => op.kind === 'createTable' && op.table === 'Indsatser')).toBe(false);
    expect(plan.ops.some((op) => op.kind === 'label' && op.sheet === 'Indsatser')).toBe(false);
  });

  it('turns a plain range typed before the model into a table, keeping it where it is and leaving notes beside and below out', () => {
    const read: WorkbookRead = {
      sheets: [{
        name: 'Indsatser', merged: [], tables: [],
        region: {
          sheet: 'Indsatser', header: ['ID', 'Navn', 'Start', 'Slut', 'Pladser', 'Status', '', 'Noter'], headerRow: 2, firstColumn: 2, ref: 'B2:I8',
          rows: [['A', 'a', null, null, 1, 'I gang', null, null], ['B', 'b', null, null, 2, 'I gang', null, null], ['C', 'c', null, null, 3, 'I gang', null, null],
            [null, null, null, null, null, null, null, null], ['Husk', null, null, null, null, null, null, null], [null, null, null, null, null, null, null, 'x']],
        },
      }],
    };
    const plan = planStructure(read);
    expect(plan.ops.slice(0, 3)).toEqual([
      { kind: 'ensureSheet', sheet: 'Taksonomier' },
      expect.objectContaining({ kind: 'label' }),
      expect.objectContaining({ kind: 'label' }),
    ]);
    expect(plan.ops).toContainEqual({ kind: 'tableFromRange', sheet: 'Indsatser', table: 'Indsatser', ref: 'B2:G5' });
    expect(plan.ops).toContainEqual({ kind: 'addColumns', sheet: 'Indsatser', table: 'Indsatser', headers: ['Ansvarlig enhed', 'Mål', 'Målgrupper', 'Tilbud', 'Forløbsuger', 'KPI', 'Status pr.', 'Tema', 'Statustekst'] });
  });

  it('places a missing table to the right of what a sheet holds', () => {
    const read: WorkbookRead = {
      sheets: [{ name: 'Økonomi', merged: [], tables: [], region: { sheet: 'Økonomi', header: ['Noter'], headerRow: 1, firstColumn: 1, ref: 'A1:C9', rows: [] } }],
    };
    const creates = planStructure(read).ops.filter((op) => op.kind === 'createTable' && op.sheet === 'Økonomi');
    expect(creates.map((op) => op.kind === 'createTable' && `${op.table}@${op.topLeft.column}`)).toEqual(['Budget@5', 'Posteringer@11']);
  });

  it('names tracking tables after the register and writes the tracking header', () => {
    const plan = planStructure({ sheets: [] }, { rows: { Indsatser: [['FKIB', 'Flere kvinder']] } });
    const create = plan.ops.find((op) => op.kind === 'createTable' && op.table === 'Deltagere_FKIB');
    expect(create).toMatchObject({ sheet: 'FKIB', header: headerOf(PARTICIPANTS) });
    expect(plan.ops).toContainEqual(expect.objectContaining({ kind: 'label', sheet: 'FKIB', text: 'Deltagere – Flere kvinder' }));
  });
});
