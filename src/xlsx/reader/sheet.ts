/**
 * One pass over a worksheet part: the cells into a CellStore, plus merges, table parts and the
 * row/column styles a merge needs. Values follow ExcelJS 4.4's reading (see the notes on each
 * case) so that both readers give the same WorkbookRead, except where ExcelJS is wrong:
 * - `t="d"` (ISO 8601 date) gives a UTC Date; ExcelJS gives parseFloat of the text (the year);
 * - a formula's text result in a date-formatted cell stays text; ExcelJS makes it an Invalid Date;
 * - `_xHHHH_` escapes are decoded in inline strings too (ExcelJS: in shared strings and rich runs only).
 */
import type { CellValue } from '../../domain/parse/cell';
import { cellAddress } from '../../domain/model/address';
import { XlsxReadError } from './errors';
import { CellStore } from './cells';
import { slideFormula } from './formula';
import type { XlsxPackage } from './package';
import type { CellStyles } from './styles';
import { CLOSE, OPEN, XmlScanner, XmlSyntaxError, unescapeOoxml } from './xml';

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetScan {
  cells: CellStore;
  merges: Rect[];
  /** r:id of each `<tablePart>`, in order. */
  tableParts: string[];
  /** Row number → cellXfs index of `<row s>` (non-zero only). */
  rowXf: Map<number, number>;
  /** `<col min max style>` with a non-zero style. */
  colXf: { min: number; max: number; xf: number }[];
  /** `<hyperlink>`s: the cell, the relationship of an external address, the in-workbook location, the tooltip. */
  hyperlinks: { ref: string; id?: string; location?: string; tooltip?: string }[];
}

export interface ScanContext {
  strings: string[];
  styles: CellStyles;
  date1904: boolean;
  /** `<c>` elements still allowed in this workbook (counts down). */
  budget: { cells: number };
}

/** ExcelJS's conversion of a date-formatted serial (utils.excelToDate). */
export const excelToDate = (v: number, date1904: boolean): Date => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A `t="d"` cell: an ISO 8601 date-time, read as wall-clock time in UTC (Excel has no time zones). */
export function isoDate(text: string): CellValue {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return text;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms));
  return isNaN(d.getTime()) ? text : d;
}

/** Parses "AB12" / "$AB$12" into (row, col); false when it is not a cell reference. */
function parseRef(ref: string, out: { row: number; col: number }): boolean {
  let i = 0;
  let col = 0;
  let row = 0;
  const n = ref.length;
  if (ref.charCodeAt(0) === 36) i++;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const digits = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + c - 48;
  }
  if (i === digits || col === 0) return false;
  out.row = row;
  out.col = col;
  return true;
}

export function parseRect(ref: string): Rect | undefined {
  const bare = ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref;
  const [a, b = a] = bare.trim().split(':');
  const p = { row: 0, col: 0 };
  const q = { row: 0, col: 0 };
  if (!parseRef(a, p) || !parseRef(b, q)) return undefined;
  const r = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  return r.bottom <= MAX_ROW && r.right <= MAX_COLUMN && r.top >= 1 ? r : undefined;
}

export function scanSheet(pkg: XlsxPackage, part: string, text: string, ctx: ScanContext): SheetScan {
  const x = new XmlScanner(text);
  const cells = new CellStore();
  const scan: SheetScan = { cells, merges: [], tableParts: [], rowXf: new Map(), colXf: [], hyperlinks: [] };
  const { strings, styles, date1904, budget } = ctx;
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const pos = { row: 0, col: 0 };
  let inSheetData = false;
  let rowNum = 0;
  let prevCol = 0;
  const fail = (detail: string): never => {
    throw pkg.corrupt(part, detail);
  };

  const readCell = (): void => {
    if (--budget.cells < 0) throw pkg.tooLarge(part, `more than ${pkg.limits.maxCells.toLocaleString('en')} cells in the workbook`);
    x.cellAttrs();
    const t = x.t;
    // Plain digits in <v> are read without making a string, for the types that take them as a number.
    const numeric = t === undefined || t === 'n' || t === 's' || t === 'b';
    let row: number;
    let col: number;
    if (x.cellRow > 0) {
      row = x.cellRow;
      col = x.cellCol;
    } else if (x.r !== undefined) {
      if (!parseRef(x.r, pos)) fail(`"${x.r}" is not a cell reference`);
      row = pos.row;
      col = pos.col;
    } else {
      row = rowNum || 1;
      col = prevCol + 1;
    }
    if (row > MAX_ROW || col > MAX_COLUMN) fail(`cell R${row}C${col} lies outside the sheet`);
    prevCol = col;
    if (rowNum === 0) rowNum = row;
    const xf = x.cellStyle;

    let v: string | undefined;
    let vNum = -1;
    let inline: string | undefined;
    let fText: string | undefined;
    let fType: string | undefined;
    let fSi: string | undefined;
    let fRef: string | undefined;
    let hasF = false;
    if (x.kind === OPEN) {
      const depth = x.depth - 1;
      let inIs = false;
      while (x.next()) {
        const k = x.kind as number; // (next() moves it: no narrowing from the test above)
        if (x.depth === depth && k === CLOSE) break; // </c>
        const len = x.nameLength;
        const c0 = x.nameCode;
        if (len === 1 && c0 === 118 /* v */) {
          if (k !== OPEN) continue;
          if (numeric && v === undefined && vNum < 0) vNum = x.digitsText();
          if (vNum < 0) v = (v ?? '') + x.text();
          continue;
        }
        if (len > 3) continue;
        switch (x.name) {
          case 'f':
            if (k === CLOSE) break;
            hasF = true;
            fType = x.attr('t');
            fSi = x.attr('si');
            fRef = x.attr('ref');
            if (k === OPEN) fText = x.text();
            break;
          case 'is':
            inIs = k === OPEN;
            break;
          case 'rPh':
            x.skipElement();
            break;
          case 't':
            if (inIs && k === OPEN) inline = (inline ?? '') + x.text();
            break;
        }
      }
    }
    const isDate = xf > 0 && styles.isDate[xf] === true;
    if (vNum >= 0) {
      // The fast path: the same values as below for digits-only text.
      if ((fText !== undefined && fText !== '') || (hasF && fType !== undefined)) {
        // a formula with a numeric result: handled below with its text
        v = String(vNum);
      } else {
        let value: CellValue;
        if (t === 's') {
          value = strings[vNum];
          if (value === undefined) fail(`cell ${cellAddress(row, col)} refers to shared string ${vNum}, but there are ${strings.length}`);
        } else if (t === 'b') value = vNum !== 0;
        else value = isDate ? excelToDate(vNum, date1904) : vNum;
        cells.push(row, col, value, xf, undefined);
        return;
      }
    }
    let raw = v !== undefined ? v : inline !== undefined ? unescapeOoxml(inline) : undefined;
    if (raw === '') raw = undefined; // ExcelJS: no text, no value

    let value: CellValue = null;
    let formula: string | undefined;
    if ((fText !== undefined && fText !== '') || (hasF && fType !== undefined)) {
      // A formula: its cached result (none → null) and its text.
      if (raw !== undefined) {
        if (t === 'str') value = raw;
        else if (t === 'b') value = bool(raw);
        else if (t === 'e') value = { error: raw };
        else {
          const n = parseFloat(raw);
          value = isDate ? excelToDate(n, date1904) : n;
        }
      }
      if (fText) {
        formula = fText;
        if (fType === 'shared' && fRef !== undefined && fSi !== undefined) masters.set(fSi, { formula: fText, row, col });
      } else if (fType === 'shared' && fSi !== undefined) {
        const m = masters.get(fSi);
        if (m) formula = slideFormula(m.formula, row - m.row, col - m.col);
      }
    } else if (raw !== undefined) {
      switch (t) {
        case 's': {
          const index = parseInt(raw, 10);
          const str = strings[index];
          if (str === undefined) fail(`cell ${cellAddress(row, col)} refers to shared string ${raw}, but there are ${strings.length}`);
          value = str;
          break;
        }
        case 'str':
        case 'inlineStr':
          value = raw;
          break;
        case 'b':
          value = bool(raw);
          break;
        case 'e':
          value = { error: raw };
          break;
        case 'd':
          value = isoDate(raw);
          break;
        default: {
          const n = parseFloat(raw);
          value = isDate ? excelToDate(n, date1904) : n;
        }
      }
    } else if (!xf) return; // no value, no style: ExcelJS keeps no cell
    cells.push(row, col, value, xf, formula);
  };

  try {
    while (x.next()) {
      if (inSheetData) {
        if (x.nameLength === 1 && x.nameCode === 99 /* c */) {
          if (x.kind !== CLOSE) readCell();
        } else if (x.is('row')) {
          if (x.kind === CLOSE) continue;
          const r = x.attr('r');
          rowNum = r !== undefined ? parseInt(r, 10) : rowNum + 1;
          if (!(rowNum >= 1 && rowNum <= MAX_ROW)) fail(`row "${r}" lies outside the sheet`);
          prevCol = 0;
          const s = parseInt(x.attr('s') ?? '', 10);
          if (s > 0) scan.rowXf.set(rowNum, s);
        } else if (x.is('sheetData') && x.kind === CLOSE) inSheetData = false;
        continue;
      }
      switch (x.name) {
        case 'sheetData':
          inSheetData = x.kind === OPEN;
          break;
        case 'col': {
          if (x.kind === CLOSE) break;
          const xf = parseInt(x.attr('style') ?? '', 10);
          if (xf > 0) scan.colXf.push({ min: parseInt(x.attr('min') ?? '0', 10), max: parseInt(x.attr('max') ?? '0', 10), xf });
          break;
        }
        case 'mergeCell': {
          if (x.kind === CLOSE) break;
          const ref = x.attr('ref') ?? '';
          const r = parseRect(ref);
          if (!r) fail(`merged range "${ref}" is not a range`);
          scan.merges.push(r!);
          break;
        }
        case 'hyperlink': {
          if (x.kind === CLOSE) break;
          const ref = x.attr('ref');
          if (ref !== undefined) scan.hyperlinks.push({ ref, id: x.attr('id'), location: x.attr('location'), tooltip: x.attr('tooltip') });
          break;
        }
        case 'tablePart': {
          if (x.kind === CLOSE) break;
          const id = x.attr('id');
          if (id !== undefined) scan.tableParts.push(id);
          break;
        }
      }
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw pkg.corrupt(part, e.message, e);
    if (e instanceof XlsxReadError) throw e;
    throw pkg.corrupt(part, (e as Error)?.message ?? String(e), e);
  }
  cells.finish();
  for (const m of scan.merges) cells.cover(m);
  return scan;
}

/** ExcelJS reads a boolean as parseInt(v) !== 0; "true"/"false" (not valid, but seen) as they say. */
function bool(raw: string): boolean {
  const n = parseInt(raw, 10);
  return isNaN(n) ? /^\s*true\s*$/i.test(raw) : n !== 0;
}
