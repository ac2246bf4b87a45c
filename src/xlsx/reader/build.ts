/**
 * A scanned sheet → SheetRead, as src/xlsx/read.ts builds it from ExcelJS: tables (header from
 * the header cells, else the column names; virtual header row above a header-less table), the
 * region of a sheet without tables, merges, formulas. Two differences, both about size:
 * - a table's rows stop after the last row that holds a cell (a value or a format of its own) in
 *   the table's columns, keeping at least one row: a table reaching row 1 048 576 costs what it holds;
 * - a region whose bounding box is larger than maxDenseCells is narrowed to the connected block
 *   around its first cell, and `outside` records the non-empty cells left out.
 */
import type { CellValue } from '../../domain/parse/cell';
import { headerText, isEmptyValue } from '../../workbook/adapterRules';
import { cellAddress, columnLetters, formatRange, parseRange } from '../../domain/model/address';
import { looksLikeCpr } from '../../domain/parse/cpr';
import type { WorkbookText } from '../../domain/validate/cprScan';
import type { SheetRead, TableRead } from '../../workbook/read';
import type { XlsxPackage } from './package';
import type { Rect, SheetScan } from './sheet';
import type { CellStyles } from './styles';

export interface TableDef {
  part: string;
  name: string;
  rect: Rect;
  hasHeader: boolean;
  totals: boolean;
  columns: string[];
}

export class SheetBuilder {
  constructor(
    /** Only its limits and its too-large error: src/xlsx/read.ts builds ExcelJS sheets with these rules too. */
    private readonly pkg: Pick<XlsxPackage, 'limits' | 'tooLarge'>,
    private readonly part: string,
    private readonly name: string,
    private readonly scan: SheetScan,
    private readonly styles: CellStyles,
  ) {}

  /**
   * `cprTexts`: where the non-empty cells outside every table and the region that hold a CPR
   * number go (place 'cell'): read in the same pass over the cells, for validation's CPR scan.
   */
  build(tables: TableDef[], cprTexts?: WorkbookText[]): SheetRead {
    const { cells, merges } = this.scan;
    const read = tables.map((t) => this.table(t)).sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
    const formulas: Record<string, string> = {};
    cells.formula.forEach((f, i) => {
      if (f) formulas[cellAddress(cells.row[i], cells.col[i])] = `=${f}`;
    });
    const sheet: SheetRead = {
      name: this.name,
      tables: read,
      merged: merges.map((m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`),
      formulas,
    };
    if (!read.length) this.region(sheet);
    if (cprTexts) this.cprOutside(tables, sheet, cprTexts);
    return sheet;
  }

  /** The cells outside the tables' header and data rows (totals rows included) and the region, holding a CPR number. */
  private cprOutside(tables: TableDef[], sheet: SheetRead, out: WorkbookText[]): void {
    // A sheet without tables whose region holds every non-empty cell: validation scans the region.
    if (!tables.length && !sheet.outside) return;
    const { cells } = this.scan;
    const inside: Rect[] = tables.map((t) => ({ ...t.rect, bottom: t.rect.bottom - (t.totals ? 1 : 0) }));
    if (sheet.region) inside.push(parseRange(sheet.region.ref));
    for (let i = 0; i < cells.size; i++) {
      const v = cells.value[i];
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      if (!looksLikeCpr(v)) continue;
      const r = cells.row[i];
      const c = cells.col[i];
      if (inside.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right)) continue;
      out.push({ place: 'cell', sheet: this.name, cell: cellAddress(r, c), text: String(v), value: v });
    }
  }

  private valueAt(row: number, col: number): CellValue {
    const i = this.scan.cells.find(row, col);
    return i < 0 ? null : this.scan.cells.value[i];
  }

  private table(t: TableDef): TableRead {
    const r = t.rect;
    const headerRow = t.hasHeader ? r.top : r.top - 1;
    const lastDataRow = r.bottom - (t.totals ? 1 : 0);
    const header = t.columns.map((name, i) => {
      const text = t.hasHeader ? headerText(this.valueAt(r.top, r.left + i)) : '';
      return text !== '' ? text : name;
    });
    const block = { top: headerRow + 1, bottom: lastDataRow, left: r.left, right: r.left + header.length - 1 };
    return {
      sheet: this.name,
      table: t.name,
      header,
      headerRow,
      firstColumn: r.left,
      ...this.block(block, true, `${t.part} (table ${t.name})`),
      ref: formatRange(r),
    };
  }

  /** Values and number formats of a block, every row the block's width; `trim`: drop trailing rows without cells. */
  private block(b: Rect, trim: boolean, what: string): { rows: CellValue[][]; numberFormats: (string | undefined)[][] } {
    const { cells, merges } = this.scan;
    const width = Math.max(0, b.right - b.left + 1);
    let bottom = b.bottom;
    if (trim && bottom >= b.top) bottom = Math.max(b.top, this.lastRowWithCell(b));
    const height = Math.max(0, bottom - b.top + 1);
    const limit = this.pkg.limits.maxDenseCells;
    if (height * width > limit) {
      throw this.pkg.tooLarge(this.part, `${what} spans ${height.toLocaleString('en')} rows × ${width} columns; at most ${limit.toLocaleString('en')} cells are read per table`);
    }
    const rows: CellValue[][] = [];
    const numberFormats: (string | undefined)[][] = [];
    for (let i = 0; i < height; i++) {
      rows.push(new Array<CellValue>(width).fill(null));
      numberFormats.push(new Array<string | undefined>(width).fill(undefined));
    }
    if (!height || !width) return { rows, numberFormats };
    const { format } = this.styles;
    for (let k = cells.rowFrom(b.top); k < cells.rowNums.length && cells.rowNums[k] <= bottom; k++) {
      const values = rows[cells.rowNums[k] - b.top];
      const formats = numberFormats[cells.rowNums[k] - b.top];
      const end = cells.rowStart[k + 1];
      for (let i = cells.colFrom(k, b.left); i < end && cells.col[i] <= b.right; i++) {
        values[cells.col[i] - b.left] = cells.value[i];
        const xf = cells.xf[i];
        if (xf) formats[cells.col[i] - b.left] = format[xf];
      }
    }
    // ExcelJS creates the cells of a merge that the file does not hold, styled like their row or column.
    for (const m of merges) {
      const top = Math.max(m.top, b.top);
      const last = Math.min(m.bottom, bottom);
      const left = Math.max(m.left, b.left);
      const right = Math.min(m.right, b.right);
      for (let row = top; row <= last; row++) {
        for (let col = left; col <= right; col++) {
          if (cells.find(row, col) >= 0) continue;
          const f = this.inheritedFormat(row, col);
          if (f !== undefined) numberFormats[row - b.top][col - b.left] = f;
        }
      }
    }
    return { rows, numberFormats };
  }

  private inheritedFormat(row: number, col: number): string | undefined {
    const { format } = this.styles;
    const rx = this.scan.rowXf.get(row);
    const fromRow = rx ? format[rx] : undefined;
    if (fromRow) return fromRow;
    const c = this.scan.colXf.find((cx) => cx.min <= col && col <= cx.max);
    return c ? format[c.xf] : undefined;
  }

  /** The last row in the block that holds a cell in its columns, or a merge (b.top - 1 when none). */
  private lastRowWithCell(b: Rect): number {
    const { cells, merges } = this.scan;
    let last = b.top - 1;
    for (let k = cells.rowFrom(b.bottom + 1) - 1; k >= 0 && cells.rowNums[k] >= b.top; k--) {
      const i = cells.colFrom(k, b.left);
      if (i < cells.rowStart[k + 1] && cells.col[i] <= b.right) {
        last = cells.rowNums[k];
        break;
      }
    }
    for (const m of merges) {
      if (m.left <= b.right && b.left <= m.right && m.top <= b.bottom && b.top <= m.bottom) last = Math.max(last, Math.min(m.bottom, b.bottom));
    }
    return last;
  }

  /** A sheet without tables: header = first row with a value, down to the last row with one. */
  private region(sheet: SheetRead): void {
    const { cells } = this.scan;
    let top = Infinity;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    let filled = 0;
    for (let i = 0; i < cells.size; i++) {
      if (isEmptyValue(cells.value[i])) continue;
      filled++;
      const r = cells.row[i];
      const c = cells.col[i];
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (!filled) return;
    const used = { top, left, bottom, right };
    let rect = used;
    const limit = this.pkg.limits.maxDenseCells;
    if ((bottom - top + 1) * (right - left + 1) > limit) {
      rect = this.connectedBlock(limit);
      let inside = 0;
      for (let i = 0; i < cells.size; i++) {
        if (isEmptyValue(cells.value[i])) continue;
        const r = cells.row[i];
        const c = cells.col[i];
        if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) inside++;
      }
      sheet.outside = { cells: filled - inside, ref: formatRange(used) };
    }
    const header: string[] = [];
    for (let column = rect.left; column <= rect.right; column++) header.push(headerText(this.valueAt(rect.top, column)));
    sheet.region = {
      sheet: this.name,
      header,
      headerRow: rect.top,
      firstColumn: rect.left,
      ...this.block({ top: rect.top + 1, bottom: rect.bottom, left: rect.left, right: rect.right }, false, 'the region'),
      ref: formatRange(rect),
    };
  }

  /**
   * The block of non-empty cells connected (also diagonally) to the first one, as Excel's "current
   * region" finds it; cut to `limit` cells (whole rows from the top) if it is still larger.
   */
  private connectedBlock(limit: number): Rect {
    const { cells } = this.scan;
    const idx: number[] = [];
    for (let i = 0; i < cells.size; i++) if (!isEmptyValue(cells.value[i])) idx.push(i);
    const parent = new Int32Array(idx.length);
    for (let j = 0; j < parent.length; j++) parent[j] = j;
    const find = (j: number): number => {
      while (parent[j] !== j) {
        parent[j] = parent[parent[j]];
        j = parent[j];
      }
      return j;
    };
    const union = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    const row = (j: number) => cells.row[idx[j]];
    const col = (j: number) => cells.col[idx[j]];
    // Row runs: [start, end) into idx per row.
    let prevStart = -1;
    let prevEnd = -1;
    for (let start = 0; start < idx.length; ) {
      let end = start + 1;
      while (end < idx.length && row(end) === row(start)) end++;
      for (let j = start + 1; j < end; j++) if (col(j) === col(j - 1) + 1) union(j, j - 1);
      if (prevStart >= 0 && row(prevStart) === row(start) - 1) {
        let p = prevStart;
        for (let j = start; j < end; j++) {
          while (p < prevEnd && col(p) < col(j) - 1) p++;
          for (let q = p; q < prevEnd && col(q) <= col(j) + 1; q++) union(j, q);
        }
      }
      prevStart = start;
      prevEnd = end;
      start = end;
    }
    const root = find(0);
    const r = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
    for (let j = 0; j < idx.length; j++) {
      if (find(j) !== root) continue;
      r.top = Math.min(r.top, row(j));
      r.bottom = Math.max(r.bottom, row(j));
      r.left = Math.min(r.left, col(j));
      r.right = Math.max(r.right, col(j));
    }
    const width = r.right - r.left + 1;
    if (width > limit) r.right = r.left + Math.max(1, limit) - 1;
    const rows = Math.max(1, Math.floor(limit / Math.min(width, Math.max(1, limit))));
    r.bottom = Math.min(r.bottom, r.top + rows - 1);
    return r;
  }
}
