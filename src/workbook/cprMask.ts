/**
 * CPR numbers in the user's data, for the write commands (issue 10.5, 16.3): where they are
 * (domain/validate/cprScan.ts over the read the command did anyway) and the plan that masks each
 * in place, for `--mask-cpr`. The policy (README "CPR numbers in the user's data"): a write command on a file refuses
 * when the workbook holds any; with --mask-cpr it writes the copy with every one masked. The input
 * file is never changed.
 *
 * The plan: cells and headers by `setValues` with `expected` (the masked text, maskCprValue),
 * notes and comments, hyperlinks, defined names and document properties by `maskText`, table and sheet names by
 * renameTable and renameSheet (last, since the other ops name the sheet), in a form the name may
 * hold (maskCprInName: "050592-xxxx", "Deltagere_060593xxxx").
 */
import { maskCprInName, maskCprValue } from '../domain/parse/cpr';
import type { CellValue } from '../domain/parse/cell';
import { cprCount, scanCpr, type CprHit } from '../domain/validate/cprScan';
import type { Plan, PlanOp } from './plan';
import { tablesOf, textsOf, type WorkbookRead } from './read';

export type { CprHit };

/**
 * Every CPR number the workbook's user data holds, by place (masked numbers only in `numbers`), in
 * the order a person reads the workbook: by sheet, row and column; names and properties last.
 */
export function findCprInWorkbook(read: WorkbookRead): CprHit[] {
  const order = new Map(read.sheets.map((s, i) => [s.name.toLowerCase(), i]));
  const key = (h: CprHit) => {
    const m = /^([A-Z]+)(\d+)$/.exec(h.cell);
    const column = m ? m[1].split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
    return [order.get(h.sheet.toLowerCase()) ?? read.sheets.length, m ? Number(m[2]) : 0, column];
  };
  const hits = scanCpr(tablesOf(read), textsOf(read));
  const keys = new Map(hits.map((h) => [h, key(h)]));
  return hits.sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

export { cprCount };

/** The plan that masks every hit in place (see the module comment). */
export function planCprMask(hits: readonly CprHit[]): Plan {
  const cells = new Map<string, { sheet: string; cells: { address: string; value: CellValue; expected: CellValue }[] }>();
  const masks: PlanOp[] = [];
  const tables: PlanOp[] = [];
  const sheets: PlanOp[] = [];
  const renamedTables = new Set<string>();
  const renamedSheets = new Set<string>();
  const seen = new Set<string>();
  for (const hit of hits) {
    switch (hit.place) {
      case 'cell':
      case 'header': {
        const key = hit.sheet.toLowerCase();
        const entry = cells.get(key) ?? { sheet: hit.sheet, cells: [] };
        if (!entry.cells.some((c) => c.address === hit.cell)) entry.cells.push({ address: hit.cell, value: maskCprValue(hit.value), expected: hit.value });
        cells.set(key, entry);
        break;
      }
      case 'comment':
      case 'hyperlink': {
        const key = `${hit.place}|${hit.sheet.toLowerCase()}|${hit.cell}`;
        if (seen.has(key)) break;
        seen.add(key);
        masks.push({ kind: 'maskText', target: { place: hit.place, sheet: hit.sheet, address: hit.cell } });
        break;
      }
      case 'definedName':
        masks.push({ kind: 'maskText', target: { place: 'definedName', name: hit.key ?? '' } });
        break;
      case 'drawing':
        masks.push({ kind: 'maskText', target: { place: 'drawing', part: hit.key ?? '' } });
        break;
      case 'property':
        masks.push({ kind: 'maskText', target: { place: 'property', key: hit.key ?? '' } });
        break;
      case 'tableName': {
        const name = String(hit.value);
        if (renamedTables.has(name.toLowerCase())) break;
        renamedTables.add(name.toLowerCase());
        tables.push({ kind: 'renameTable', table: name, to: maskCprInName(name, 'name') });
        break;
      }
      case 'sheetName':
        if (renamedSheets.has(hit.sheet.toLowerCase())) break;
        renamedSheets.add(hit.sheet.toLowerCase());
        sheets.push({ kind: 'renameSheet', sheet: hit.sheet, to: maskCprInName(hit.sheet, 'sheet') });
        break;
    }
  }
  const values: PlanOp[] = [...cells.values()].map((e) => ({ kind: 'setValues', sheet: e.sheet, cells: e.cells }));
  return { ops: [...values, ...masks, ...tables, ...sheets] };
}
