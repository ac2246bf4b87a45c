import { CellValue } from './cell';
import { excelErrorOf } from './excelError';

/**
 * Splits on ',', ';', line breaks and the standalone word "og". Not on '/', which occurs inside names
 * ("Løntilskud/virksomhedspraktik"). A name that itself contains a comma is split too: accepted, rare.
 */
const SEPARATOR = /[,;\r\n]|\s+og\s+/i;

/** The codes or names listed in one cell ("M3, M4; M5" → ['M3', 'M4', 'M5']), trimmed, unique, in order. */
export function parseCodeList(value: CellValue): string[] {
  try {
    if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : [];
    if (typeof value !== 'string' || excelErrorOf(value) !== null) return [];
    const seen = new Set<string>();
    for (const part of value.split(SEPARATOR)) {
      const code = part.trim();
      if (code !== '') seen.add(code);
    }
    return [...seen]; // a Set keeps insertion order
  } catch {
    return [];
  }
}
