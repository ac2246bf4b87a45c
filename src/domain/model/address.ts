/**
 * A1 addresses and rectangles (1-based rows and columns): the one parser and formatter, shared by
 * the core, the planners and both adapters. It reads what Excel files and Office.js give:
 * "B2:D9", "$B$2", "D:D" (whole columns), "4:6" (whole rows), sheet-qualified "Ark1!A1" or
 * "'Ark 1'!A1", and RangeAreas lists "A1:C1,B9:C9". No ExcelJS or Office imports, so the task-pane
 * bundle stays small.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's grid: 1 048 576 rows × 16 384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

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

/** Split "Ark1!A1:B2" / "'Ark 1'!A1" into sheet name (unquoted) and the bare reference. */
export function splitAddress(address: string): { sheet?: string; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i++];
    }
    if (text[i + 1] !== '!') throw new Error(`Not an address: ${address}`);
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  return bang < 0 ? { ref: text } : { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

function parsePart(part: string, address: string): { row?: number; column?: number } {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(part.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`Not an A1 reference: ${address}`);
  return { column: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/**
 * "B2:D9", "B2", "D:D" (whole columns), "4:6" (whole rows), "$"-anchored or not, optionally with a
 * sheet prefix (ignored) → rectangle inside Excel's grid.
 */
export function parseRange(address: string): Rect {
  const { ref } = splitAddress(address);
  const [a = '', b = a] = ref.split(':'); // split always gives one part; '' is refused by parsePart
  const p = parsePart(a, address);
  const q = parsePart(b, address);
  const top = p.row ?? 1;
  const bottom = q.row ?? MAX_ROWS;
  const left = p.column ?? 1;
  const right = q.column ?? MAX_COLUMNS;
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLUMNS) throw new Error(`Outside the sheet: ${address}`);
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * The areas of a RangeAreas address: "Ark1!A1:C1,Ark1!B9:C9" (sheet names may be quoted and may
 * themselves hold commas or "!").
 */
export function parseAreas(address: string): Rect[] {
  const out: Rect[] = [];
  let i = 0;
  const text = address.trim();
  while (i < text.length) {
    const start = i;
    if (text[i] === "'") {
      // Skip a quoted sheet name ('' is an escaped quote).
      i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      i++;
    }
    while (i < text.length && text[i] !== ',') i++;
    const part = text.slice(start, i).trim();
    if (part) out.push(parseRange(part));
    i++;
  }
  return out;
}

/** Rectangle → "B2:D9", or "B2" for a single cell. */
export function formatRange(r: Rect): string {
  const tl = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellAddress(r.bottom, r.right)}`;
}

/** How Excel writes a sheet name in an address: quoted unless it is a plain name. */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** One column from row to row, e.g. columnRange(5, 4, 17) → "E4:E17". */
export const columnRange = (column: number, firstRow: number, lastRow: number): string =>
  formatRange({ top: firstRow, bottom: lastRow, left: column, right: column });

// ---------------------------------------------------------------------------------------------
// Rectangle math

export const cellCount = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

export const intersects = (a: Rect, b: Rect): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export const contains = (outer: Rect, inner: Rect): boolean =>
  outer.left <= inner.left && inner.right <= outer.right && outer.top <= inner.top && inner.bottom <= outer.bottom;

/** The cells `a` and `b` share; only meaningful when they intersect. */
export const intersection = (a: Rect, b: Rect): Rect => ({
  top: Math.max(a.top, b.top),
  left: Math.max(a.left, b.left),
  bottom: Math.min(a.bottom, b.bottom),
  right: Math.min(a.right, b.right),
});

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
