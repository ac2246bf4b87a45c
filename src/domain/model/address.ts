/** A1 addresses and rectangles (1-based rows and columns), shared by the core, the planners and both adapters. */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

export const cellAddress = (row: number, column: number): string => `${columnLetters(column)}${row}`;

function parseCell(text: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`Not an A1 reference: ${text}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** "B2:D9" or "B2" (a sheet prefix like "Ark1!" is ignored) → rectangle. */
export function parseRange(ref: string): Rect {
  const bare = ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref;
  const [a, b = a] = bare.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

/** Rectangle → "B2:D9", or "B2" for a single cell. */
export function formatRange(r: Rect): string {
  const tl = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellAddress(r.bottom, r.right)}`;
}

export const intersects = (a: Rect, b: Rect): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export const contains = (outer: Rect, inner: Rect): boolean =>
  outer.left <= inner.left && inner.right <= outer.right && outer.top <= inner.top && inner.bottom <= outer.bottom;

/** The parts of `a` outside `b` (at most four rectangles). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (b.bottom < a.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (b.right < a.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** One column from row to row, e.g. columnRange(5, 4, 17) → "E4:E17". */
export const columnRange = (column: number, firstRow: number, lastRow: number): string =>
  formatRange({ top: firstRow, bottom: lastRow, left: column, right: column });
