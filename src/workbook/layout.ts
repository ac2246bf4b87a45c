/**
 * How the contract's tables look in a workbook: where they sit, their number formats, widths,
 * header notes and drop-downs. Pure data derived from the schema; the structure operation uses it.
 */
import { messages, type Lang } from '../i18n';
import type { ColumnSpec, TableSpec } from '../domain/model/schema';
import { COLUMNS, TAXONOMY_COLUMNS } from '../domain/model/schema';
import { taxonomyTableName } from '../domain/taxonomy/defaults';
import type { ColumnLayout } from './plan';
import type { CalendarDate } from '../domain/parse/calendarDate';

/**
 * A calendar date as a plan writes it into a cell: a Date at UTC midnight, never a serial. Each
 * writer turns it into the workbook's own date (the package writer knows the 1904 date system,
 * Office.js gets ISO text that Excel reads in its own system, ExcelJS makes new 1900 workbooks),
 * so no planner puts a 1900 serial into a 1904 workbook, four years off.
 */
export function dateCell(date: CalendarDate | string): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** An ISO calendar date given as text (as seed and taxonomy rows carry them) as a date cell; any other value as it is. */
export const isoAsDateCell = <T>(value: T): T | Date => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateCell(value) : value);

/** Excel number format codes are locale-independent; Danish Excel shows 262.000,00 kr. and 29-08-2017. */
export const NUMBER_FORMATS = {
  date: 'dd-mm-yyyy',
  amount: '#,##0.00 "kr."',
  percent: '0.0%',
  integer: '0',
  number: '#,##0.##',
  text: '@',
} as const;

/** Data tables start below a title and a help line. */
export const TABLE_TOP_ROW = 4;

const WIDTHS: Record<ColumnSpec['type'], number> = {
  text: 24, id: 12, date: 12, integer: 10, number: 12, approxNumber: 12, amount: 16, percent: 12, boolean: 8, code: 34, codeList: 18, kpiList: 40,
};

export function columnLayout(column: ColumnSpec, lang: Lang): ColumnLayout {
  const layout: ColumnLayout = { header: column.header, width: Math.max(WIDTHS[column.type], column.header.length + 4) };
  const format = formatOf(column);
  if (format) layout.numberFormat = format;
  const note = messages[lang].workbook.columnNotes[column.header];
  if (note) layout.note = note;
  // A list by name (Ansvarlig enhed, "A; B") keeps the drop-down for the common single value; the
  // drop-down's alert is a warning, so a second unit typed after ';' is still accepted.
  if (column.taxonomy && (column.type === 'code' || (column.type === 'codeList' && column.store === 'name'))) {
    layout.list = { table: taxonomyTableName(column.taxonomy), column: column.store === 'code' ? TAXONOMY_COLUMNS.code : TAXONOMY_COLUMNS.name };
    layout.listAlert = messages[lang].workbook.dropDownAlert;
  }
  return layout;
}

function formatOf(column: ColumnSpec): string | undefined {
  switch (column.type) {
    case 'date': return NUMBER_FORMATS.date;
    case 'amount': return NUMBER_FORMATS.amount;
    case 'percent': return NUMBER_FORMATS.percent;
    case 'integer': return NUMBER_FORMATS.integer;
    case 'number': return NUMBER_FORMATS.number;
    case 'approxNumber': return NUMBER_FORMATS.number;
    case 'id': return NUMBER_FORMATS.text;
    default: return column.header === COLUMNS.participants.participantId ? NUMBER_FORMATS.text : undefined; // keep "0042" as typed
  }
}

export function tableLayout(spec: TableSpec, lang: Lang): ColumnLayout[] {
  return spec.columns.map((c) => columnLayout(c, lang));
}

/** Layout of a taxonomy table's columns (all but dates and ages are text). */
export function taxonomyLayout(header: string[], lang: Lang): ColumnLayout[] {
  const { columnNotes, taxonomyNotes } = messages[lang].workbook;
  return header.map((h) => {
    const layout: ColumnLayout = { header: h, width: h === TAXONOMY_COLUMNS.name || h === TAXONOMY_COLUMNS.synonyms ? 40 : Math.max(10, h.length + 4) };
    if (h === TAXONOMY_COLUMNS.validFrom || h === TAXONOMY_COLUMNS.validTo) layout.numberFormat = NUMBER_FORMATS.date;
    else if (h === TAXONOMY_COLUMNS.minAge || h === TAXONOMY_COLUMNS.maxAge) layout.numberFormat = NUMBER_FORMATS.integer;
    else if (h === TAXONOMY_COLUMNS.code) layout.numberFormat = NUMBER_FORMATS.text;
    if (h === TAXONOMY_COLUMNS.active) layout.listValues = ['Ja', 'Nej'];
    if (h === TAXONOMY_COLUMNS.outcomeClass) layout.listValues = ['Aktiv', 'Job', 'Uddannelse', 'Afsluttet'];
    // The drop-down's warning in the workbook's language (the adapters write what the plan says).
    if (layout.listValues) layout.listAlert = messages[lang].workbook.dropDownAlert;
    const note = taxonomyNotes[h] ?? columnNotes[h];
    if (note) layout.note = note;
    return layout;
  });
}
