/**
 * Taxonomies as sheet tables (columns `Kode`, `Navn`, `Synonymer`, `Aktiv`, `Gyldig fra`,
 * `Gyldig til` and the extra columns a taxonomy needs) and back. Reading reports a malformed table
 * as findings instead of failing: validation then goes on with the entries that could be read.
 */
import { TAXONOMY_COLUMNS as C } from '../model/schema';
import type { TableData } from '../model/table';
import { parseBoolean, parseCodeList, parseDate, parseInteger, safeText, isBlank } from '../parse';
import type { CalendarDate } from '../parse/calendarDate';
import { taxonomyTableName } from './defaults';
import { matchKey } from './normalize';
import type { OutcomeClass, Taxonomy, TaxonomyEntry, TaxonomyKey } from './types';
import type { CellValue } from '../parse/cell';

const OUTCOME_NAMES: Record<OutcomeClass, string> = { active: 'Aktiv', job: 'Job', education: 'Uddannelse', ended: 'Afsluttet' };

/** The header of a taxonomy's table: the common columns plus the ones its entries use. */
export function taxonomyHeader(key: TaxonomyKey): string[] {
  const header: string[] = [C.code, C.name, C.synonyms, C.active, C.validFrom, C.validTo];
  if (key === 'statuses') header.push(C.outcomeClass, C.steps);
  if (key === 'targetGroups') header.push(C.minAge, C.maxAge, C.lawRef, C.mapsTo);
  if (key === 'offers') header.push(C.maxWeeks);
  return header;
}

/** Rows for a taxonomy table; dates as ISO calendar dates (the writer turns them into Excel dates). */
export function taxonomyToRows(taxonomy: Taxonomy): { header: string[]; rows: (string | number | null)[][] } {
  const header = taxonomyHeader(taxonomy.key);
  const rows = taxonomy.entries.map((e) =>
    header.map((column): string | number | null => {
      switch (column) {
        case C.code: return e.code;
        case C.name: return e.name;
        case C.synonyms: return e.synonyms.join('; ');
        case C.active: return e.active ? 'Ja' : 'Nej';
        case C.validFrom: return e.validFrom ?? null;
        case C.validTo: return e.validTo ?? null;
        case C.outcomeClass: return e.outcomeClass ? OUTCOME_NAMES[e.outcomeClass] : null;
        case C.steps: return e.steps?.length ? e.steps.join('; ') : null;
        case C.minAge: return e.minAge ?? null;
        case C.maxAge: return e.maxAge ?? null;
        case C.lawRef: return e.lawRef ?? null;
        case C.mapsTo: return e.mapsTo ?? null;
        case C.maxWeeks: return e.maxWeeks ? Object.entries(e.maxWeeks).map(([g, w]) => `${g}=${w}`).join('; ') : null;
        default: return null;
      }
    }),
  );
  return { header, rows };
}

/** A problem in a taxonomy table, located by data-row index and column header. */
export interface TaxonomyProblem {
  rowIndex: number;
  column: string;
  kind: 'missing-column' | 'required-empty' | 'wrong-type' | 'duplicate-code' | 'ambiguous-synonym'
    /** Two rows of one code with Gyldig fra/til that share a day (versions must follow each other). */
    | 'overlapping-versions'
    /** Gyldig til before Gyldig fra. */
    | 'dates-reversed'
    /** Erstattes af names a code that no row of the taxonomy has (or the row's own code). */
    | 'unknown-successor';
  value: string;
  reason?: string;
  otherRows?: number[];
  first?: string;
  second?: string;
}

export function readTaxonomyTable(key: TaxonomyKey, table: TableData): { taxonomy: Taxonomy; problems: TaxonomyProblem[] } {
  const problems: TaxonomyProblem[] = [];
  const index = new Map(table.header.map((h, i) => [matchKey(String(h ?? '')), i]));
  const col = (name: string) => index.get(matchKey(name));
  for (const required of [C.code, C.name]) {
    if (col(required) === undefined) problems.push({ rowIndex: -1, column: required, kind: 'missing-column', value: '' });
  }
  const entries: TaxonomyEntry[] = [];
  const rowsByCode = new Map<string, number[]>();
  const rowOf = new Map<TaxonomyEntry, number>();
  table.rows.forEach((row, rowIndex) => {
    const cell = (name: string): CellValue => {
      const i = col(name);
      return i === undefined ? undefined : row[i];
    };
    if (row.every((v) => isBlank(v))) return; // empty rows in the middle of a table are ignored
    const code = safeText(cell(C.code));
    const name = safeText(cell(C.name));
    if (!code) problems.push({ rowIndex, column: C.code, kind: 'required-empty', value: '' });
    if (!name) problems.push({ rowIndex, column: C.name, kind: 'required-empty', value: '' });
    if (!code || !name) return;
    rowsByCode.set(code, [...(rowsByCode.get(code) ?? []), rowIndex]);
    const entry: TaxonomyEntry = { code, name, synonyms: splitSynonyms(safeText(cell(C.synonyms))), active: true };
    const wrong = (column: string, reason: string) => problems.push({ rowIndex, column, kind: 'wrong-type', value: safeText(cell(column)), reason });
    const active = cell(C.active);
    if (!isBlank(active)) {
      const parsed = parseBoolean(active);
      if (parsed.ok) entry.active = parsed.value;
      else wrong(C.active, parsed.code);
    }
    const readDate = (column: string): CalendarDate | undefined => {
      const v = cell(column);
      if (isBlank(v)) return undefined;
      const parsed = parseDate(v);
      if (parsed.ok) return parsed.value;
      wrong(column, parsed.code);
      return undefined;
    };
    const validFrom = readDate(C.validFrom);
    const validTo = readDate(C.validTo);
    if (validFrom) entry.validFrom = validFrom;
    if (validTo) entry.validTo = validTo;
    const readInt = (column: string): number | undefined => {
      const v = cell(column);
      if (isBlank(v)) return undefined;
      const parsed = parseInteger(v);
      if (parsed.ok) return parsed.value;
      wrong(column, parsed.code);
      return undefined;
    };
    if (key === 'statuses') {
      const outcome = safeText(cell(C.outcomeClass));
      const found = (Object.entries(OUTCOME_NAMES) as [OutcomeClass, string][]).find(
        ([k, n]) => matchKey(n) === matchKey(outcome) || k === outcome.toLowerCase(),
      );
      if (found) entry.outcomeClass = found[0];
      else if (outcome) wrong(C.outcomeClass, 'unsupported-value');
      const steps = parseCodeList(cell(C.steps)).map(Number);
      if (steps.some((s) => !Number.isInteger(s))) wrong(C.steps, 'not-an-integer');
      else if (steps.length) entry.steps = steps;
    }
    if (key === 'targetGroups') {
      const minAge = readInt(C.minAge);
      const maxAge = readInt(C.maxAge);
      if (minAge !== undefined) entry.minAge = minAge;
      if (maxAge !== undefined) entry.maxAge = maxAge;
      const lawRef = safeText(cell(C.lawRef));
      if (lawRef) entry.lawRef = lawRef;
      const mapsTo = safeText(cell(C.mapsTo));
      if (mapsTo) entry.mapsTo = mapsTo;
    }
    if (key === 'offers') {
      const text = safeText(cell(C.maxWeeks));
      if (text) {
        const pairs = parseCodeList(text).map((p) => /^(.+?)\s*=\s*(\d+)$/.exec(p));
        if (pairs.every(Boolean)) entry.maxWeeks = Object.fromEntries(pairs.map((m) => [m![1], Number(m![2])]));
        else wrong(C.maxWeeks, 'unsupported-value');
      }
    }
    entries.push(entry);
    rowOf.set(entry, rowIndex);
  });
  const kept = new Set<TaxonomyEntry>();
  for (const [code, rows] of rowsByCode) {
    const versions = entries.filter((e) => e.code === code);
    for (const e of versions) {
      if (e.validFrom && e.validTo && e.validTo < e.validFrom) {
        problems.push({ rowIndex: rowOf.get(e) ?? -1, column: C.validTo, kind: 'dates-reversed', value: code, first: e.validFrom, second: e.validTo });
      }
    }
    // Rows of one code are versions when their periods follow each other; the first of clashing rows wins.
    const accepted: TaxonomyEntry[] = [];
    for (const e of versions) {
      const clash = accepted.find((a) => periodsOverlap(a, e));
      if (!clash) {
        accepted.push(e);
        continue;
      }
      const undated = !clash.validFrom && !clash.validTo && !e.validFrom && !e.validTo;
      if (undated) continue; // reported below as a plain duplicate
      problems.push({ rowIndex: rowOf.get(e) ?? -1, column: C.validFrom, kind: 'overlapping-versions', value: code, otherRows: [rowOf.get(clash) ?? -1] });
    }
    accepted.forEach((e) => kept.add(e));
    const undatedRows = versions.filter((e) => !e.validFrom && !e.validTo).map((e) => rowOf.get(e) ?? -1);
    if (rows.length > 1 && undatedRows.length > 1) {
      for (const rowIndex of undatedRows) problems.push({ rowIndex, column: C.code, kind: 'duplicate-code', value: code, otherRows: undatedRows });
    }
  }
  const codes = new Set(entries.map((e) => e.code));
  for (const e of entries) {
    if (e.mapsTo !== undefined && (e.mapsTo === e.code || !codes.has(e.mapsTo))) {
      problems.push({ rowIndex: rowOf.get(e) ?? -1, column: C.mapsTo, kind: 'unknown-successor', value: e.mapsTo, first: e.code });
    }
  }
  problems.push(...ambiguousSynonyms(entries, rowOf));
  return { taxonomy: { key, tableName: taxonomyTableName(key), entries: entries.filter((e) => kept.has(e)) }, problems };
}

/** Two inclusive periods with open ends share at least one day (a reversed period is empty). */
export function periodsOverlap(a: Pick<TaxonomyEntry, 'validFrom' | 'validTo'>, b: Pick<TaxonomyEntry, 'validFrom' | 'validTo'>): boolean {
  const empty = (e: typeof a) => e.validFrom !== undefined && e.validTo !== undefined && e.validTo < e.validFrom;
  if (empty(a) || empty(b)) return false;
  return (a.validFrom === undefined || b.validTo === undefined || a.validFrom <= b.validTo)
    && (b.validFrom === undefined || a.validTo === undefined || b.validFrom <= a.validTo);
}

/** Synonyms are separated by ';' (not ',': names such as "Børn og Forebyggelse" hold commas and "og"). */
function splitSynonyms(text: string): string[] {
  return text.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
}

function ambiguousSynonyms(entries: TaxonomyEntry[], rowOf: Map<TaxonomyEntry, number>): TaxonomyProblem[] {
  const owner = new Map<string, TaxonomyEntry>();
  for (const e of entries) {
    for (const text of [e.code, e.name]) if (!owner.has(matchKey(text))) owner.set(matchKey(text), e);
  }
  const problems: TaxonomyProblem[] = [];
  for (const e of entries) {
    for (const synonym of e.synonyms) {
      const key = matchKey(synonym);
      const first = owner.get(key);
      if (!first) owner.set(key, e);
      else if (first.code !== e.code) {
        problems.push({ rowIndex: rowOf.get(e) ?? -1, column: C.synonyms, kind: 'ambiguous-synonym', value: synonym, first: first.name, second: e.name });
      }
    }
  }
  return problems;
}
