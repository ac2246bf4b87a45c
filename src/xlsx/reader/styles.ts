/**
 * The number format of every cell style (styles.xml: numFmts + cellXfs), and whether it is a date
 * format, with ExcelJS 4.4's rules so both readers agree:
 * - a custom numFmt overrides the built-in format of the same id; ids without either → General;
 * - backslash escapes are removed from custom format codes (`#,##0\ "kr."` → `#,##0 "kr."`);
 * - a date format is one with y/m/d/h/s/b outside quotes and brackets.
 */
import type { XlsxPackage } from './package';

/** ExcelJS's table of built-in formats (lib/xlsx/defaultnumformats.js, locale-free entries). */
export const BUILT_IN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy',
  18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export interface CellStyles {
  /** Per cellXfs index: the number format (undefined = General or none). */
  format: (string | undefined)[];
  /** Per cellXfs index: numbers in this style are dates. */
  isDate: boolean[];
}

export function readStyles(pkg: XlsxPackage, part: string | undefined): CellStyles {
  const styles: CellStyles = { format: [], isDate: [] };
  const text = part ? pkg.text(part) : undefined;
  if (!part || text === undefined) return styles;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  let xfDepth = 0;
  pkg.scan(part, text, (x) => {
    switch (x.name) {
      case 'numFmts':
        inNumFmts = x.kind === 1;
        return;
      case 'cellXfs':
        inCellXfs = x.kind === 1;
        xfDepth = x.depth;
        return;
      case 'numFmt':
        if (inNumFmts && x.kind !== 2) {
          const id = parseInt(x.attr('numFmtId') ?? '', 10);
          const code = x.attr('formatCode');
          if (!isNaN(id) && code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
        }
        return;
      case 'xf':
        if (inCellXfs && x.kind !== 2 && x.depth - (x.kind === 1 ? 1 : 0) === xfDepth) ids.push(parseInt(x.attr('numFmtId') ?? '0', 10));
        return;
    }
  });
  ids.forEach((id, i) => {
    // ExcelJS: numFmtId 0 (or missing) → no format at all.
    const f = id ? (custom.get(id) ?? BUILT_IN[id]) : undefined;
    styles.format[i] = f && f !== 'General' ? f : undefined;
    styles.isDate[i] = isDateFormat(f);
  });
  return styles;
}
