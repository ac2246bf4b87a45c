/**
 * A renamed contract column (#10): when a table lacks a column and one of its columns that the
 * contract does not know looks like it, by name ("Forløbsstatus" for Status, "Bemærkninger" for
 * Bemærkning) or, for a required date column, by its values, that column is the one the user
 * meant. Validation names it in the missing-column finding (with the rename as suggestion), and
 * repair proposes the rename instead of appending an empty duplicate column.
 */
import { PARTICIPANTS, type ColumnSpec, type TableSpec } from '../model/schema';
import { safeText, type CellValue } from '../parse/cell';
import { parseDate } from '../parse/date';
import { isBlank } from '../parse/excelError';
import { editDistance, matchKey, stemKey } from '../taxonomy/normalize';
import { headerScore, HEADER_THRESHOLD, type ParticipantKey } from './headers';

export interface LookAlike {
  /** The missing contract column. */
  column: ColumnSpec;
  /** 0-based index of the column that looks like it, and its header as typed. */
  index: number;
  header: string;
}

/** How close a typed header is to a contract column's header (participants: also their synonyms). */
function nameScore(spec: TableSpec, column: ColumnSpec, typed: string): number {
  if (spec.kind === PARTICIPANTS.kind) return headerScore(typed, column.key as ParticipantKey);
  const k = matchKey(typed);
  const t = matchKey(column.header);
  if (!k || !t) return 0;
  if (k === t) return 1;
  if (t.length < 4) return 0;
  if (stemKey(typed) === stemKey(column.header)) return 0.95;
  const allowed = Math.floor(Math.max(t.length, k.length) / 6);
  if (allowed > 0 && editDistance(t, k, allowed) <= allowed) return 0.85;
  if (k.length > t.length && (k.endsWith(t) || k.startsWith(t))) return 0.7;
  return 0;
}

const dateShare = (rows: readonly CellValue[][], index: number): number => {
  const values = rows.slice(0, 500).map((r) => r[index] ?? null).filter((v) => !isBlank(v) && safeText(v) !== '');
  if (values.length < 1) return 0;
  return values.filter((v) => v instanceof Date || (typeof v === 'number' && v > 32_000 && v < 74_000) || (typeof v === 'string' && parseDate(v, { referenceYear: 2000 }).ok)).length / values.length;
};

/** The look-alikes of a table's missing columns: each unknown column stands for one missing column at most. */
export function lookAlikes(spec: TableSpec, header: readonly CellValue[], rows: readonly CellValue[][] = []): LookAlike[] {
  const keys = header.map((h) => matchKey(safeText(h)));
  const known = new Set(spec.columns.map((c) => matchKey(c.header)));
  const missing = spec.columns.filter((c) => !keys.includes(matchKey(c.header)));
  const unknown = keys.flatMap((k, i) => (k && !known.has(k) ? [i] : []));
  if (!missing.length || !unknown.length) return [];
  const pairs: { column: ColumnSpec; index: number; score: number }[] = [];
  for (const column of missing) {
    for (const index of unknown) {
      let score = nameScore(spec, column, safeText(header[index]));
      if (score < HEADER_THRESHOLD && column.required && column.type === 'date' && dateShare(rows, index) >= 0.6) score = 0.6;
      if (score >= 0.6) pairs.push({ column, index, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.index - b.index);
  const out: LookAlike[] = [];
  const usedColumns = new Set<ColumnSpec>();
  const usedIndexes = new Set<number>();
  for (const p of pairs) {
    if (usedColumns.has(p.column) || usedIndexes.has(p.index)) continue;
    // A header that is as close to a column the table has is not a look-alike ("Status dato" beside Statusdato).
    usedColumns.add(p.column);
    usedIndexes.add(p.index);
    out.push({ column: p.column, index: p.index, header: safeText(header[p.index]) });
  }
  return out;
}
