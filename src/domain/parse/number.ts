import { CellValue, ParseResult, fail, guard, ok } from './cell';
import { decimalToNumber, parseDecimalText } from './decimalText';
import { emptyOrErrorFailure } from './excelError';

/** A number from a cell: a finite JS number or number text (Danish "1.234,5" or English "1,234.5"). */
export function parseNumber(value: CellValue): ParseResult<number> {
  return guard(value, () => {
    const pre = emptyOrErrorFailure(value);
    if (pre) return pre;
    if (typeof value === 'number') {
      return Number.isFinite(value) ? ok(value === 0 ? 0 : value) : fail('not-a-number', value); // -0 → 0
    }
    if (typeof value !== 'string') return fail('not-a-number', value);
    const decimal = parseDecimalText(value);
    return decimal ? ok(decimalToNumber(decimal)) : fail('not-a-number', value);
  });
}

/**
 * A whole number. "12,0" is accepted. Integers beyond Number.MAX_SAFE_INTEGER are rejected too, because
 * their digits can no longer be trusted.
 */
export function parseInteger(value: CellValue): ParseResult<number> {
  const result = parseNumber(value);
  if (!result.ok || Number.isSafeInteger(result.value)) return result;
  return fail('not-an-integer', value);
}
