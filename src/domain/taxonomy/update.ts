/**
 * What *Opdater taksonomier* (and `indsats repair`) changes in a workbook's taxonomy: the built-in
 * entries it lacks are added, and entries the law has ended (a built-in `Gyldig til`) get that end
 * date where the workbook's row has none. Nothing else: a row the municipality changed (its own
 * end date, name, synonyms) or added keeps what it holds. Pure data; the planner in
 * src/workbook/taxonomyUpdate.ts turns it into cell writes.
 */
import type { CalendarDate } from '../parse/calendarDate';
import type { Taxonomy, TaxonomyEntry } from './types';

export interface TaxonomyUpdate {
  /** Built-in entries whose code the workbook's taxonomy has no row for. */
  add: TaxonomyEntry[];
  /** Workbook entries (by their code) to end-date: Gyldig til is empty, the built-in one has a date. */
  endDate: { code: string; validTo: CalendarDate }[];
  /** Built-in entries whose Erstattes af the workbook's row lacks (a mapping the law data adds). */
  mapTo: { code: string; mapsTo: string }[];
}

export function taxonomyUpdate(workbook: Taxonomy, builtIn: Taxonomy): TaxonomyUpdate {
  const byCode = new Map<string, TaxonomyEntry[]>();
  for (const e of workbook.entries) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  const update: TaxonomyUpdate = { add: [], endDate: [], mapTo: [] };
  for (const b of builtIn.entries) {
    const rows = byCode.get(b.code);
    if (!rows) {
      update.add.push(b);
      continue;
    }
    // Only a single undated-at-the-end row is end-dated: versions the municipality keeps are its own.
    const open = rows.filter((r) => r.validTo === undefined);
    if (b.validTo && rows.length === 1 && open.length === 1) update.endDate.push({ code: b.code, validTo: b.validTo });
    if (b.mapsTo && rows.length === 1 && rows[0]?.mapsTo === undefined) update.mapTo.push({ code: b.code, mapsTo: b.mapsTo });
  }
  return update;
}

/** Whether the update would change anything: the workbook's taxonomy is older than the built-in one. */
export function isOutdated(update: TaxonomyUpdate): boolean {
  return update.add.length > 0 || update.endDate.length > 0 || update.mapTo.length > 0;
}
