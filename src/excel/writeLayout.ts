/** How a table's columns look and what they accept: number formats, widths, header notes, drop-downs, highlights. */
import type { ColumnLayout, PlanOp } from '../workbook/plan';
import { columnIndex, dropDownAlert, dropDownRange, HIGHLIGHT_TONES, highlightRule, listSource, type TableGeometry } from '../workbook/adapterRules';
import { cellAddress, formatRect } from './address';
import { jsonSize } from './values';
import { createdBy, type VirtualWorkbook, type VSheet, type VTable } from './virtualWorkbook';
import { geometry } from './writeTables';

/** Excel column width in points for a width in characters of the default font (7 px + 5 px padding). */
export const charsToPoints = (chars: number): number => Math.round(chars * 7 + 5) * 0.75;

export function layoutColumns(wb: VirtualWorkbook, vt: VTable, columns: ColumnLayout[]): void {
  const g = geometry(vt);
  for (const layout of columns) {
    const index = columnIndex(vt.columns, layout.header);
    // A column the user removed or renamed: its layout is skipped, the plan goes on.
    if (index < 0) continue;
    layoutColumn(wb, vt, g, vt.rect.left + index, layout);
  }
}

function layoutColumn(wb: VirtualWorkbook, vt: VTable, g: TableGeometry, column: number, layout: ColumnLayout): void {
  const vs = vt.sheet;
  if (layout.numberFormat !== undefined && g.lastDataRow >= g.firstDataRow) {
    const format = layout.numberFormat;
    const address = formatRect({ top: g.firstDataRow, bottom: g.lastDataRow, left: column, right: column });
    // One value for the whole column, whatever its length: Excel applies a single (non-array)
    // input to every cell of the range, as Ctrl+Enter does. The typings only declare any[][].
    wb.write(1, 1, jsonSize(format) + jsonSize(address), () => {
      vs.sheet().getRange(address).numberFormat = format as unknown as string[][];
    });
  }
  if (layout.width !== undefined) {
    const points = charsToPoints(layout.width);
    const address = cellAddress(vt.rect.top, column);
    wb.write(1, 2, jsonSize(points) + jsonSize(address), () => {
      vs.sheet().getRange(address).format.columnWidth = points;
    });
  }
  if (layout.note !== undefined && g.hasHeader) note(wb, vs, cellAddress(g.headerRow, column), layout.note);
  const source = listSource(vt.name, layout);
  if (source === undefined || !wb.has('validation', 'dataValidation')) return;
  // Office.js takes a formula with "=", a literal list as the bare comma-separated text.
  const rule = source.formula !== undefined ? `=${source.formula}` : source.list;
  const alert = dropDownAlert(layout);
  const address = formatRect(dropDownRange(g, column));
  const listRule: Excel.DataValidationRule = { list: { inCellDropDown: true, source: rule } };
  const errorAlert: Excel.DataValidationErrorAlert = { showAlert: true, style: 'Warning', title: alert.errorTitle, message: alert.error };
  // getRange, .dataValidation; clear, rule, errorAlert, ignoreBlanks.
  wb.write(4, 2, jsonSize(listRule) + jsonSize(errorAlert) + 4 + jsonSize(address), () => {
    const validation = vs.sheet().getRange(address).dataValidation;
    validation.clear();
    validation.rule = listRule;
    validation.errorAlert = errorAlert;
    validation.ignoreBlanks = true;
  });
}

/**
 * A note (the old-style yellow comment, not a threaded comment) on a header cell. Notes need
 * ExcelApi 1.18; without it they are skipped (threaded comments would show as a conversation
 * with the user as author, which is not what a help text is).
 */
function note(wb: VirtualWorkbook, vs: VSheet, address: string, text: string): void {
  if (!wb.has('notes', 'notes')) return;
  const notes = wb.notesOf(vs.name);
  const existing = notes.get(address);
  if (existing?.content === text) return;
  if (existing) {
    existing.content = text;
    wb.write(1, 0, jsonSize(text), () => {
      existing.note().content = text;
    });
    return;
  }
  const created = createdBy(() => wb.context.workbook.notes.add(vs.sheet().getRange(address), text));
  notes.set(address, { content: text, note: created });
  // notes, getRange, add(range, text): the range goes as {"_ObjectPathId":…}.
  wb.write(0, 3, jsonSize(text) + jsonSize(address) + 30, () => void created());
}

/** Conditional formats by cell text over a table column; applying again replaces them. */
export function highlight(wb: VirtualWorkbook, op: Extract<PlanOp, { kind: 'highlight' }>): void {
  const vt = wb.tableOf(op.sheet, op.table);
  const index = columnIndex(vt.columns, op.column);
  if (index < 0 || !wb.has('conditionalFormats', 'conditionalFormats')) return;
  const rule = highlightRule(geometry(vt), vt.rect.left + index);
  const address = formatRect(rule.range);
  const vs = vt.sheet;
  const rules = op.rules.map(({ text, tone }) => ({ formula: `=${rule.formula(text)}`, fill: `#${HIGHLIGHT_TONES[tone].fill}`, font: `#${HIGHLIGHT_TONES[tone].font}` }));
  // getRange, .conditionalFormats; clearAll; per rule add("Custom"), .custom, .rule, .format,
  // .fill, .font and three properties.
  const data = jsonSize(address) + rules.reduce((n, r) => n + jsonSize('Custom') + jsonSize(r.formula) + jsonSize(r.fill) + jsonSize(r.font), 0);
  wb.write(1 + 3 * rules.length, 2 + 6 * rules.length, data, () => {
    const formats = vs.sheet().getRange(address).conditionalFormats;
    formats.clearAll();
    for (const r of rules) {
      const custom = formats.add('Custom').custom;
      custom.rule.formula = r.formula;
      custom.format.fill.color = r.fill;
      custom.format.font.color = r.font;
    }
  });
}
