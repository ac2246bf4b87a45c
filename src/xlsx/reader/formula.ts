/**
 * Shared formulas: Excel stores the formula once on the master cell (`<f t="shared" ref si>`) and
 * only `si` on the followers. ExcelJS 4.4 gives a follower the master's formula with its relative
 * references moved by the offset; this is its algorithm (lib/utils/shared-formula.js), so both
 * readers give the same text, quirks included (e.g. a sheet-qualified name is moved like a cell).
 */
import { columnLetters, columnNumber } from '../../domain/model/address';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

export function slideFormula(formula: string, dRow: number, dColumn: number): string {
  return formula.replace(CANDIDATE, (match: string, sheet: string | undefined, _name: string | undefined, part: string, paren: string | undefined) => {
    if (paren) return match;
    const m = CELL.exec(part);
    if (!m) return match;
    const [, colDollar, colText, rowDollar, rowText] = m;
    const letters = colText.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return match;
    let column = columnNumber(letters);
    let row = parseInt(rowText, 10);
    if (!colDollar) column += dColumn;
    if (!rowDollar) row += dRow;
    return `${sheet ?? ''}${colDollar ?? ''}${columnLetters(column)}${rowDollar ?? ''}${row}`;
  });
}
