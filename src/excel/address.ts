/**
 * A1 addresses as Office.js gives and takes them: "Ark1!B3:D9", "'Ark 1'!A1", "A1:C1,B9:C9"
 * (RangeAreas). Kept local (no ExcelJS imports) so the task-pane bundle stays small.
 */
import { cellAddress, columnLetters, columnNumber, contains, formatRange, intersects, subtract, type Rect } from '../domain/model/address';

export { cellAddress, columnLetters, columnNumber, contains, intersects, subtract, type Rect };
/** Rectangle → "B2:D9", or "B2" for a single cell. */
export const formatRect = formatRange;


/** Excel's grid: 1 048 576 rows × 16 384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;





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

/** "B2:D9", "B2", "D:D" (whole columns), "4:6" (whole rows), optionally with a sheet prefix. */
export function parseRect(address: string): Rect {
  const { ref } = splitAddress(address);
  const [a, b = a] = ref.split(':');
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
    if (part) out.push(parseRect(part));
    i++;
  }
  return out;
}

/** How Office.js writes a sheet name in an address: quoted unless it is a plain name. */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const qualified = (sheet: string, r: Rect): string => `${quoteSheet(sheet)}!${formatRect(r)}`;



export const cellCount = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

