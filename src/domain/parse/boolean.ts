import { CellValue, ParseResult, fail, guard, ok } from './cell';
import { emptyOrErrorFailure } from './excelError';

/** Danish and English yes/no words, lower-case; 'x' and check marks are how sheets tick a box. */
const TRUE_WORDS: ReadonlySet<string> = new Set(['ja', 'j', 'yes', 'y', 'true', 'sand', '1', 'x', '✓', '✔']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['nej', 'n', 'no', 'false', 'falsk', '0']);

export function parseBoolean(value: CellValue): ParseResult<boolean> {
  return guard(value, () => {
    const pre = emptyOrErrorFailure(value);
    if (pre) return pre;
    if (typeof value === 'boolean') return ok(value);
    if (value === 1 || value === 0) return ok(value === 1);
    if (typeof value === 'string' && value.length <= 20) {
      const word = value.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return ok(true);
      if (FALSE_WORDS.has(word)) return ok(false);
    }
    return fail('not-a-boolean', value);
  });
}
