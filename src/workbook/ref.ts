/** A1 range references: "B4:K22" → numbers, and back. */
export interface RangeRef {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

export function parseRef(ref: string): RangeRef {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const cell = (s: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`Not an A1 reference: ${ref}`);
    return { column: columnNumber(m[1]), row: Number(m[2]) };
  };
  const first = cell(a);
  const last = cell(b);
  return { firstRow: first.row, firstColumn: first.column, lastRow: last.row, lastColumn: last.column };
}
