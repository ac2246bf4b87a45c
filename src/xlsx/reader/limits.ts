/**
 * What the streaming reader accepts before it refuses a workbook. Every limit is checked before
 * the memory it guards is committed, and every refusal is an XlsxReadError 'too-large-content'
 * (or 'too-large' for the file itself) naming the part and the limit.
 */
export interface ReadLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /**
   * Sum of the inflated sizes of the parts the reader inflates (workbook, styles, shared strings,
   * sheets, tables, their rels; never media). Checked against each entry's declared size before
   * inflating, and enforced on the real output while inflating (a zip bomb stops at the limit).
   */
  maxInflatedBytes: number;
  /** `<c>` elements in all sheets together. */
  maxCells: number;
  /** Cells materialised densely for one table or region (rows × columns). */
  maxDenseCells: number;
  /** Entries in the shared-string table (declared count and real count). */
  maxSharedStrings: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxCells: 5_000_000,
  maxDenseCells: 5_000_000,
  maxSharedStrings: 2_000_000,
});

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  const out = { ...DEFAULT_READ_LIMITS };
  for (const [k, v] of Object.entries(limits ?? {})) if (typeof v === 'number' && v >= 0) (out as Record<string, number>)[k] = v;
  return out;
}

/** "200 MB", "5.000.000": limits as people read them in messages (logs; user text lives in src/i18n). */
export const bytesText = (n: number): string => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${n} bytes`);
