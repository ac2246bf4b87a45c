/**
 * Approximate and ranged counts as the documents write them: "ca. 60", "ca. 60 borgere",
 * "10–15", "40-50", "ca. 40-50". They are kept as typed (text) with their bounds, and never
 * summed: only exact numbers are.
 */
export interface ApproxNumber {
  /** As typed, trimmed. */
  text: string;
  low: number;
  high: number;
  /** "ca." (or cirka, omkring) was written. */
  approximate: boolean;
}

const NUMBER = '(\\d{1,3}(?:\\.\\d{3})+|\\d+(?:,\\d+)?)';
const APPROX = new RegExp(`^(?:(ca\\.?|cirka|omkring|ca)\\s*)?${NUMBER}(?:\\s*(?:-|–|—|til)\\s*${NUMBER})?(?:\\s+[\\p{L} .]*)?$`, 'iu');
const toNumber = (s: string) => Number(s.replace(/\.(?=\d{3})/g, '').replace(',', '.'));

/** The approximate or ranged count in a text; undefined for an exact number or anything else. */
export function parseApprox(value: unknown): ApproxNumber | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = APPROX.exec(text);
  if (!m) return undefined;
  const approximate = m[1] !== undefined;
  const low = toNumber(m[2]!);
  const high = m[3] === undefined ? low : toNumber(m[3]);
  if (!approximate && m[3] === undefined) return undefined; // a plain number (with a unit) is not approximate
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) return undefined;
  return { text, low, high, approximate };
}
