/**
 * ExcelJS 4.4 misreads two table attributes that Excel leaves at their defaults:
 * - `headerRowCount` is optional (default 1) and Excel omits it, but ExcelJS reads a missing value
 *   as "no header row" and then WRITES headerRowCount="0": after a round trip Excel treats the
 *   header as a data row (and reports a damaged file for the autoFilter).
 * - `<filterColumn hiddenButton>` defaults to "button shown" and Excel writes no filterColumn at
 *   all for plain tables, but ExcelJS reads "no element" as hidden and writes hiddenButton="1" for
 *   every column: the filter buttons disappear.
 * We read these attributes from the raw table XML ourselves and correct the loaded models.
 */
import type { Workbook } from 'exceljs';
import { formatRange } from './address';
import { attrValue } from './reader/xml';
import { allTables, tableRect } from './internals';

export interface TableXmlFacts {
  name: string;
  /** The attribute as written; undefined = absent = one header row. */
  headerRowCount?: string;
  hasAutoFilter: boolean;
  /** Column indexes (0-based, colId) whose filter button is hidden. */
  hiddenButtons: number[];
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? attrValue(m[1]) : undefined;
};


/** Facts from one xl/tables/tableN.xml part; undefined when it has no <table> element. */
export function tableXmlFacts(xml: string): TableXmlFacts | undefined {
  const open = /<(?:[\w.-]+:)?table\b([^>]*)>/.exec(xml);
  if (!open) return undefined;
  const name = attr(open[1], 'name');
  if (name === undefined) return undefined;
  const hiddenButtons: number[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?filterColumn\b([^>]*)>/g)) {
    const hidden = attr(m[1], 'hiddenButton');
    if (hidden === '1' || hidden === 'true') hiddenButtons.push(Number(attr(m[1], 'colId')));
  }
  return {
    name,
    headerRowCount: attr(open[1], 'headerRowCount'),
    hasAutoFilter: /<(?:[\w.-]+:)?autoFilter\b/.test(xml),
    hiddenButtons,
  };
}

/** Correct the loaded table models so that reading and writing them back is faithful. */
export function fixLoadedTables(workbook: Workbook, facts: TableXmlFacts[]): void {
  const byName = new Map(facts.map((f) => [f.name.toLowerCase(), f]));
  for (const { model } of allTables(workbook)) {
    const f = byName.get(model.name.toLowerCase());
    if (!f) continue;
    model.headerRow = f.headerRowCount === undefined ? true : f.headerRowCount !== '0';
    const hidden = new Set(f.hiddenButtons);
    model.columns.forEach((c, i) => {
      c.filterButton = f.hasAutoFilter && !hidden.has(i);
    });
    if (!f.hasAutoFilter && model.headerRow) {
      // ExcelJS always writes an <autoFilter>; give it a valid ref (header + data) with hidden
      // buttons, which Excel shows exactly like a table without filter buttons.
      const r = tableRect(model);
      model.autoFilterRef = formatRange({ ...r, bottom: r.bottom - (model.totalsRow ? 1 : 0) });
    }
  }
}
