/**
 * A plan: what to write into a workbook, as plain data. The core decides what the workbook should
 * contain; the Office.js and ExcelJS adapters only know how to write it. Plans are diffable and
 * testable without Excel. Every operation is idempotent: applying a plan twice gives the same
 * workbook as applying it once.
 */
import type { CellValue } from '../domain/parse/cell';

/** How one table column is presented and checked. */
export interface ColumnLayout {
  header: string;
  /** Excel number format code (locale-independent): "dd-mm-yyyy", "#,##0.00 \"kr.\"", "0.0%". */
  numberFormat?: string;
  /** Column width in characters. */
  width?: number;
  /** Help text shown as a note on the header cell. */
  note?: string;
  /** In-cell drop-down whose source is a column of another table (e.g. Målgrupper[Navn]). */
  list?: { table: string; column: string };
  /** In-cell drop-down with fixed values (e.g. Ja/Nej). */
  listValues?: string[];
  /**
   * The warning the drop-down shows for a value not in its list, in the workbook's language; the
   * planner sets it, the adapters write it (Danish when absent).
   */
  listAlert?: DropDownAlert;
}

/** Title and message of a drop-down's warning. */
export interface DropDownAlert {
  errorTitle: string;
  error: string;
}

export type PlanOp =
  /** Create the sheet at the end when it is missing; never touches an existing sheet. */
  | { kind: 'ensureSheet'; sheet: string }
  /**
   * Create a table with this header and rows at `topLeft` (1-based row/column). Only planned where
   * neither the table nor data in its range exists.
   */
  | { kind: 'createTable'; sheet: string; table: string; topLeft: { row: number; column: number }; header: string[]; rows: CellValue[][] }
  /** Turn a plain range with a header row (typed before the model existed) into a table; values stay. */
  | { kind: 'tableFromRange'; sheet: string; table: string; ref: string }
  /** Append missing columns at the right of an existing table; existing cells are not touched. */
  | { kind: 'addColumns'; sheet: string; table: string; headers: string[] }
  /** Number formats, widths, header notes and drop-downs of a table's columns (by header name). */
  | { kind: 'layoutColumns'; sheet: string; table: string; columns: ColumnLayout[] }
  /** Freeze the rows above and the columns left of the given cell. */
  | { kind: 'freeze'; sheet: string; rows: number; columns: number }
  /** A title or label written into a single cell, only when the cell is empty. */
  | { kind: 'label'; sheet: string; row: number; column: number; text: string; style?: 'title' | 'subtitle' | 'heading' }
  /**
   * Write values into given cells (A1 addresses): only planned on an explicit user action, e.g.
   * "apply suggestion". A cell with `expected` is written only if it still holds that value
   * (compared by adapterRules.cellKey, checked before anything is written): else the plan is
   * refused with a CellChangedError, e.g. after the sheet was sorted since it was validated.
   */
  | { kind: 'setValues'; sheet: string; cells: { address: string; value: CellValue; expected?: CellValue }[] }
  /** Add rows at the bottom of a table (e.g. a new initiative in the register). */
  | { kind: 'appendRows'; sheet: string; table: string; rows: CellValue[][] }
  /**
   * A sheet the add-in owns (e.g. `Fejl`): written again from scratch with a title and one table,
   * so rebuilding it twice gives the same sheet. The new sheet is filled under a temporary name
   * and swapped in (old one deleted, new one renamed) after every other write of the plan, so a
   * failure leaves the old sheet as it was. An existing sheet of that name is replaced only when
   * it carries the add-in's marker (its control table, adapterRules.controlTableName); otherwise
   * the plan is refused with a NotGeneratedError (planners rename such a sheet aside first).
   */
  | { kind: 'generatedSheet'; sheet: string; title: string; table: string; header: string[]; rows: CellValue[][]; columns: ColumnLayout[] }
  /** Colour a table column's cells by their text (one conditional-format rule per text, over the whole column). */
  | { kind: 'highlight'; sheet: string; table: string; column: string; rules: { text: string; tone: 'good' | 'warning' | 'bad' }[] }
  /** A native chart over ranges of a sheet (A1 references on that sheet), placed over a cell area. */
  | { kind: 'chart'; sheet: string; chart: ChartSpec }
  /** Rename a table (table names are workbook-wide: a kept generated sheet's tables make room). */
  | { kind: 'renameTable'; table: string; to: string }
  /** Rename a sheet (a generated sheet someone edited by hand is kept under a new name, not lost). */
  | { kind: 'renameSheet'; sheet: string; to: string }
  /**
   * Mask the CPR numbers in a text outside the cells, in place (maskCpr; a defined name's name by
   * maskCprInName): the note and the threaded comment (with its replies) on a cell; the address
   * and tooltip of the hyperlink on a cell (an address inside the workbook, "#'Ark'!A1", by
   * maskCprInName(…, 'sheet'), as the sheet is renamed); every text (`<a:t>`, `<c:v>`) of a drawing
   * or chart part, by its part name (the ExcelJS adapter drops drawings and charts it did not make,
   * so there it is nothing to do); a defined name,
   * its name and its formula; a document property by key, "core:creator", "core:title",
   * "core:lastModifiedBy", "core:description", "core:subject", "core:keywords", "core:category",
   * "app:Company", "app:Manager", "custom:<name>". Planned only on an explicit user action
   * (`--mask-cpr`, src/workbook/cprMask.ts). Idempotent; a target that is not there is no error.
   * Cells are masked with `setValues` (with `expected`), sheet and table names with renameSheet
   * and renameTable.
   */
  | { kind: 'maskText'; target: MaskTarget }
  /** Make a sheet the active one and select a cell or range on it. */
  | { kind: 'select'; sheet: string; address: string }
  /**
   * How the sheet prints (see PageSetup). Only for sheets the add-in owns (generated sheets): the
   * user's own sheets keep the print set-up the user gave them.
   */
  | { kind: 'pageSetup'; sheet: string; setup: PageSetup }
  /**
   * Move the sheet to `position` (0-based) in the workbook's sheet order, e.g. the report first so
   * it is what a "print the whole workbook" starts with. The other sheets keep their order.
   */
  | { kind: 'moveSheet'; sheet: string; position: number };

/**
 * A sheet's print set-up: A4 always, all columns of the print area on one page width (the height
 * runs over as many pages as it needs: never everything shrunk onto one page), the rows that
 * repeat on every page, manual page breaks, and a footer.
 *
 * Which sheets print by default: the ones with a pageSetup op, in sheet order (the report is moved
 * first, `moveSheet`); `indsats report` renders exactly those (the others are hidden in its render
 * copy). Excel's own default, "print active sheets", prints the report when it is the active one.
 * Taxonomy and tracking sheets get no pageSetup and so are not in the default print.
 */
export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  /** A1 range that prints, e.g. "A1:K120" (the sheet's report area; the marker below it does not print). */
  printArea: string;
  /** Rows repeated at the top of every page, 1-based inclusive, e.g. { first: 1, last: 1 }. */
  titleRows?: { first: number; last: number };
  /** Manual page breaks: a new page starts at each of these rows (1-based, ascending, > 1). */
  breaksBefore: number[];
  /**
   * Footer texts in Excel's header/footer code (the same in the file and in Office.js): `&P` the
   * page number, `&N` the number of pages, a literal ampersand written `&&` (footerText escapes).
   */
  footer: { left?: string; center?: string; right?: string };
}

/** What a maskText op masks. */
export type MaskTarget =
  | { place: 'comment'; sheet: string; address: string }
  | { place: 'hyperlink'; sheet: string; address: string }
  | { place: 'drawing'; part: string }
  | { place: 'definedName'; name: string }
  | { place: 'property'; key: string };

export interface ChartSpec {
  /** Unique per sheet; replacing a chart with the same name keeps one. */
  name: string;
  type: 'barStacked' | 'bar' | 'column' | 'columnStacked' | 'line';
  title: string;
  /** Top-left and bottom-right cells (1-based) the chart covers. */
  from: { row: number; column: number };
  to: { row: number; column: number };
  /** Category labels, e.g. "A5:A17" (on the chart's sheet). */
  categories: string;
  /** One series per range, e.g. { name: 'I job', values: 'E5:E17' }. */
  series: { name: string; values: string }[];
  /** Number format of the value axis (and the data labels), e.g. "0%" for shares held as fractions. */
  valueFormat?: string;
  /** The categories are dates (serials in the cells): labelled in this format, e.g. "dd-mm-yyyy", one label per point. */
  categoryFormat?: string;
  /** Each point's value written at it, so a 0 reads as a visible "0 %" and not as a missing bar. */
  dataLabels?: boolean;
}

export interface Plan {
  ops: PlanOp[];
}

export const emptyPlan = (): Plan => ({ ops: [] });

/** Text for a PageSetup footer: an ampersand doubled, so Excel prints it instead of reading a code. */
export const footerText = (text: string): string => text.replace(/&/g, '&&');
