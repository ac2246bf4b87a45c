/**
 * The cells of one sheet as the XML lists them: sparse, in parallel arrays (a few dozen bytes per
 * cell, nothing per empty position), sorted by row and column, with a row index for lookups.
 * Only cells that exist are kept: a value, a formula, or a style of their own.
 */
import type { CellValue } from '../../domain/parse/cell';

export class CellStore {
  row = new Int32Array(1024);
  col = new Int32Array(1024);
  value: CellValue[] = [];
  /** cellXfs index, 0 = none. */
  xf = new Int32Array(1024);
  private n = 0;
  /** Formula text per cell index, where there is one (sparse). */
  formula: (string | undefined)[] = [];
  /** Cells covered by a merge (not its top-left cell): no value, no formula, as ExcelJS reads them. */
  covered = new Set<number>();
  /** Row numbers that hold cells, ascending, and where each row's cells start (one extra entry at the end). */
  rowNums: number[] = [];
  rowStart: number[] = [];
  private sorted = true;
  private lastRow = 0;
  private lastCol = 0;

  get size(): number {
    return this.n;
  }

  push(row: number, col: number, value: CellValue, xf: number, formula: string | undefined): void {
    let i = this.n;
    if (i === this.row.length) this.grow(Math.max(16, i * 2));
    if (row === this.lastRow && col === this.lastCol && i > 0) {
      i--; // the same cell twice in a row: the later one wins (as in ExcelJS)
      this.formula[i] = undefined;
    } else if (row < this.lastRow || (row === this.lastRow && col < this.lastCol)) this.sorted = false;
    this.row[i] = row;
    this.col[i] = col;
    this.value[i] = value;
    this.xf[i] = xf;
    if (formula !== undefined) this.formula[i] = formula;
    this.lastRow = row;
    this.lastCol = col;
    if (i === this.n) this.n++;
  }

  private grow(capacity: number): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a.subarray(0, Math.min(a.length, capacity)));
      return b;
    };
    this.row = grown(this.row);
    this.col = grown(this.col);
    this.xf = grown(this.xf);
  }

  /** Call once after the last push. */
  finish(): void {
    if (!this.sorted) this.reorder();
    if (this.row.length > this.n * 1.25) this.grow(this.n); // give back the spare capacity
    const { row, n } = this;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (row[i] !== last) {
        this.rowNums.push(row[i]);
        this.rowStart.push(i);
        last = row[i];
      }
    }
    this.rowStart.push(n);
  }

  /** Index into rowNums of the first row ≥ `row` (rowNums.length when none). */
  rowFrom(row: number): number {
    const a = this.rowNums;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first cell of rowNums[k] with column ≥ `col`. */
  colFrom(k: number, col: number): number {
    const a = this.col;
    let lo = this.rowStart[k];
    let hi = this.rowStart[k + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < col) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the cell at (row, col), or -1. */
  find(row: number, col: number): number {
    const k = this.rowFrom(row);
    if (this.rowNums[k] !== row) return -1;
    const i = this.colFrom(k, col);
    return i < this.rowStart[k + 1] && this.col[i] === col ? i : -1;
  }

  /** Marks the cells inside `r` except its top-left as covered by a merge. */
  cover(r: { top: number; left: number; bottom: number; right: number }): void {
    for (let k = this.rowFrom(r.top); k < this.rowNums.length && this.rowNums[k] <= r.bottom; k++) {
      const end = this.rowStart[k + 1];
      for (let i = this.colFrom(k, r.left); i < end && this.col[i] <= r.right; i++) {
        if (this.row[i] === r.top && this.col[i] === r.left) continue;
        this.covered.add(i);
        this.value[i] = null;
        this.formula[i] = undefined;
      }
    }
  }

  /** Cells out of order (rare: hand-made files): sort by row and column, the later of duplicates wins. */
  private reorder(): void {
    const n = this.n;
    const order = Array.from({ length: n }, (_, i) => i);
    const key = (i: number) => this.row[i] * 16_384 + this.col[i];
    order.sort((a, b) => key(a) - key(b) || a - b);
    const keep: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j + 1 < n && key(order[j + 1]) === key(order[j])) continue;
      keep.push(order[j]);
    }
    const pick = (a: Int32Array) => Int32Array.from(keep, (i) => a[i]);
    const formula = this.formula;
    const value = this.value;
    this.row = pick(this.row);
    this.col = pick(this.col);
    this.xf = pick(this.xf);
    this.value = keep.map((i) => value[i]);
    this.n = keep.length;
    this.formula = [];
    keep.forEach((i, j) => {
      if (formula[i] !== undefined) this.formula[j] = formula[i];
    });
  }
}
