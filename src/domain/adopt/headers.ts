/**
 * How hand-kept sheets name the tracking sheet's columns: the headers people type before any tool
 * (the "Navn/ID", "Start", "Bemærkninger", "Forløbsstatus"; the ITMV reply's wording), and
 * how close a typed header is to one of them. Used to propose a mapping when a sheet is adopted and
 * to recognise a renamed contract column when a workbook is repaired.
 */
import { COLUMNS, PARTICIPANTS, type ColumnKey } from '../model/schema';
import { editDistance, matchKey, stemKey } from '../taxonomy/normalize';

export type ParticipantKey = ColumnKey<'participants'>;

/** Other headers for each participant column (the contract's own header is always one). */
export const HEADER_SYNONYMS: Record<ParticipantKey, readonly string[]> = {
  participantId: ['Deltager', 'Deltager ID', 'Deltagernr', 'Deltagernummer', 'ID', 'Navn/ID', 'Navn / ID', 'ID/Navn', 'Navn', 'Borger', 'Borger-ID', 'Borgernavn', 'Deltagernavn', 'Initialer', 'Løbenr', 'Løbenummer', 'Pseudonym', 'Participant', 'Participant ID'],
  startDate: ['Start', 'Start dato', 'Startet', 'Opstart', 'Opstartsdato', 'Påbegyndt', 'Dato for start', 'Indskrevet', 'Indskrivningsdato', 'Start date'],
  targetGroup: ['Målgrupper', 'Ydelsesgruppe', 'Ydelse', 'Forsørgelse', 'Forsørgelsesgrundlag', 'Target group'],
  step: ['Fase', 'Step', 'Trin nr', 'Trinnummer'],
  status: ['Forløbsstatus', 'Aktuel status', 'Status nu', 'Udfald', 'Resultat', 'Situation', 'Stilling'],
  statusDate: ['Status dato', 'Dato for status', 'Status pr.', 'Status pr', 'Opdateret', 'Sidst opdateret', 'Status date'],
  endDate: ['Slut', 'Slut dato', 'Afslutningsdato', 'Afsluttet dato', 'Dato afsluttet', 'Ophør', 'Ophørsdato', 'Udskrevet', 'Udskrivningsdato', 'End date'],
  ordinaryHours: ['Ordinære timer', 'Timer pr. uge', 'Timer', 'Løntimer', 'Ugentlige timer', 'Ordinære løntimer', 'Hours'],
  age: ['Age', 'Alder (år)'],
  group: ['Arm', 'Forsøgsarm', 'Visitationsgruppe', 'Group'],
  remark: ['Bemærkninger', 'Kommentar', 'Kommentarer', 'Note', 'Noter', 'Notat', 'Notater', 'Anm.', 'Anmærkning', 'Remark', 'Comment'],
};

/** How close a typed header is to a column: 1 exact, 0.95 other inflection, 0.85 a typo, 0.7 a compound ending in it. */
export function headerScore(typed: string, key: ParticipantKey): number {
  const k = matchKey(typed);
  if (!k) return 0;
  const texts = [COLUMNS.participants[key], ...HEADER_SYNONYMS[key]];
  let best = 0;
  for (const text of texts) {
    const t = matchKey(text);
    if (!t) continue;
    if (t === k) return 1;
    if (t.length < 4) continue; // "ID", "Nr": only as typed
    if (stemKey(text) === stemKey(typed)) best = Math.max(best, 0.95);
    const allowed = Math.floor(Math.max(t.length, k.length) / 6);
    if (allowed > 0 && editDistance(t, k, allowed) <= allowed) best = Math.max(best, 0.85);
    // Danish compounds put the head last: "Forløbsstatus" is a status, "Startdato for forløb" a start date.
    if (k.length > t.length && (k.endsWith(t) || k.startsWith(t))) best = Math.max(best, 0.7);
  }
  return best;
}

/** A header is taken for a column from this score on. */
export const HEADER_THRESHOLD = 0.7;

/** The participant column a typed header names best (ties: the contract's order), if any. */
export function bestHeaderMatch(typed: string): { key: ParticipantKey; score: number } | undefined {
  let best: { key: ParticipantKey; score: number } | undefined;
  for (const column of PARTICIPANTS.columns) {
    const score = headerScore(typed, column.key);
    if (score >= HEADER_THRESHOLD && (!best || score > best.score)) best = { key: column.key, score };
  }
  return best;
}
