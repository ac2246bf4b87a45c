/**
 * Built-in taxonomies. Sources: the municipal documents the product grew from (Ishøj Kommune /
 * Jobcenter Vallensbæk 2016–2021: the ITMV reply, the note on the pool "Social støtte i overgangen
 * til og fastholdelse af job", "Status på Aktiveringsstrategi 2020", "10 mål for social mobilitet")
 * and the employment act (lov om en aktiv beskæftigelsesindsats, LAB, 2019: § 6 target groups,
 * § 61 company placement lengths). Synonyms are the ways people and the documents actually write a
 * value; plural/singular variants beyond these are caught by the matcher's suggestions.
 * A municipality edits these in the sheet `Taksonomier`; validation uses what the workbook holds.
 */
import type { CalendarDate } from '../parse/calendarDate';
import type { Taxonomy, TaxonomyEntry, TaxonomyKey, TaxonomySet } from './types';

type Def = Omit<TaxonomyEntry, 'active' | 'synonyms'> & { synonyms?: string[]; active?: boolean };
const entries = (defs: Def[]): TaxonomyEntry[] => defs.map((d) => ({ ...d, synonyms: d.synonyms ?? [], active: d.active ?? true }));
const date = (iso: string) => iso as CalendarDate;

/** The 10 national goals for social mobility (May 2016) and local themes. */
const goals = entries([
  { code: 'M1', name: 'Udsatte børn og unges faglige niveau i folkeskolen skal forbedres', synonyms: ['Mål 1', 'Udsatte børn og unges faglige niveau skal forbedres', 'Udsatte børn og unges faglige niveau i læsning og matematik skal forbedres'] },
  { code: 'M2', name: 'Flere udsatte unge skal gennemføre en ungdomsuddannelse', synonyms: ['Mål 2', 'Flere unge skal gennemføre ungdomsuddannelse'] },
  { code: 'M3', name: 'Flere personer med handicap skal i uddannelse og beskæftigelse', synonyms: ['Mål 3'] },
  { code: 'M4', name: 'Flere personer med psykiske vanskeligheder eller sociale problemer skal i uddannelse og beskæftigelse', synonyms: ['Mål 4'] },
  { code: 'M5', name: 'Flere personer udsat for vold i nære relationer skal i uddannelse og beskæftigelse', synonyms: ['Mål 5'] },
  { code: 'M6', name: 'Færre udsatte unge skal begå kriminalitet', synonyms: ['Mål 6'] },
  { code: 'M7', name: 'Færre skal være hjemløse', synonyms: ['Mål 7'] },
  { code: 'M8', name: 'Større effekt af stofmisbrugsbehandlingen', synonyms: ['Mål 8'] },
  { code: 'M9', name: 'Større effekt af alkoholbehandlingen', synonyms: ['Mål 9'] },
  { code: 'M10', name: 'Flere uden for arbejdsfællesskabet skal deltage i den frivillige indsats', synonyms: ['Mål 10'] },
  { code: 'L1', name: 'Færre på offentlig forsørgelse', synonyms: ['Færre på offentlig forsørgelse (Aktiveringsstrategi)'] },
  { code: 'L2', name: 'Ungeindsats', synonyms: ['Den samlede ungeindsats', 'Unge'] },
  { code: 'L3', name: 'Borgere på kanten af arbejdsmarkedet', synonyms: ['Kanten af arbejdsmarkedet'] },
  { code: 'L4', name: 'Integration på arbejdsmarkedet', synonyms: ['Integration'] },
  { code: 'L5', name: 'Flere i ordinær beskæftigelse', synonyms: ['Flere i job', 'Flere skal i job'] },
]);

/**
 * Target groups: LAB (2019) § 6 in the act's order, integration groups, and local groups from the
 * documents. Dates are compared with a course's start date (Startdato): lov nr. 1750 af 29. december
 * 2025 abolishes ressourceforløb and revalidering for new citizens, so MG08, MG10 and the local LG03
 * accept courses started up to 31 January 2026 and refuse later ones (sources and what is not
 * verified: src/domain/law/sources.ts).
 */
const targetGroups = entries([
  { code: 'MG01', name: 'Dagpengemodtagere', lawRef: 'LAB § 6, nr. 1', synonyms: ['Dagpengemodtager', 'DP', 'Forsikrede ledige', 'A-dagpengemodtagere'] },
  { code: 'MG02', name: 'Jobparate kontanthjælpsmodtagere', lawRef: 'LAB § 6, nr. 2', synonyms: ['Jobparat kontanthjælpsmodtager', 'KH-JP', 'JP', 'Jobparate'] },
  { code: 'MG03', name: 'Aktivitetsparate kontanthjælpsmodtagere', lawRef: 'LAB § 6, nr. 3', synonyms: ['Aktivitetsparat kontanthjælpsmodtager', 'KH-AP', 'AP', 'Aktivitetsparate'] },
  { code: 'MG04', name: 'Uddannelsesparate uddannelseshjælpsmodtagere', lawRef: 'LAB § 6, nr. 4', synonyms: ['Uddannelsesparat uddannelseshjælpsmodtager', 'Uddannelsesparate', 'Åbenlyst uddannelsesparate', 'UH-UP', 'UP'] },
  { code: 'MG05', name: 'Aktivitetsparate uddannelseshjælpsmodtagere', lawRef: 'LAB § 6, nr. 5', synonyms: ['Aktivitetsparat uddannelseshjælpsmodtager', 'UH-AP'] },
  { code: 'MG06', name: 'Sygedagpengemodtagere', lawRef: 'LAB § 6, nr. 6', synonyms: ['Sygedagpengemodtager', 'SDP'] },
  { code: 'MG07', name: 'Personer i jobafklaringsforløb', lawRef: 'LAB § 6, nr. 7', synonyms: ['Jobafklaringsforløb', 'JAF'] },
  { code: 'MG08', name: 'Personer i ressourceforløb', lawRef: 'LAB § 6, nr. 8', validTo: date('2026-01-31'), synonyms: ['Ressourceforløb', 'Ressourceforløbsmodtagere', 'Ressourceforløbsydelse', 'Modtagere af ressourceforløbsydelse', 'RF'] },
  { code: 'MG09', name: 'Personer visiteret til fleksjob', lawRef: 'LAB § 6, nr. 9', synonyms: ['Visiteret til fleksjob', 'Ledighedsydelsesmodtagere', 'Ledighedsydelse', 'Fleksjobvisiterede'] },
  { code: 'MG10', name: 'Revalidender', lawRef: 'LAB § 6, nr. 10', validTo: date('2026-01-31'), synonyms: ['Revalidering', 'Revalidend'] },
  { code: 'MG11', name: 'Førtidspensionister', lawRef: 'LAB § 6, nr. 11', synonyms: ['Førtidspension', 'Førtidspensionist'] },
  { code: 'MG12', name: 'Selvforsørgende ledige', lawRef: 'LAB § 6, nr. 12', synonyms: ['Selvforsørgende', 'Selvforsørgede', 'Selvforsørgede ledige'] },
  { code: 'MG13', name: 'Unge under 18 år', lawRef: 'LAB § 6, nr. 13', maxAge: 17, synonyms: ['Under 18 år'] },
  { code: 'MG14', name: 'Integrationsydelsesmodtagere', lawRef: 'Integrationsloven', synonyms: ['Integrationsydelse', 'Modtagere af integrationsydelse'] },
  { code: 'MG15', name: 'Modtagere af selvforsørgelses- og hjemrejseydelse', lawRef: 'Integrationsloven', validFrom: date('2019-07-01'), synonyms: ['Selvforsørgelses- og hjemrejseydelse', 'Hjemrejseydelse', 'SHO'] },
  { code: 'LG01', name: 'Aktivitetsparate kontanthjælpsmodtagere over 30 år', minAge: 30, synonyms: ['KH-AP over 30 år', 'AP over 30', 'Aktivitetsparate kontanthjælpsmodtagere over 30 år med mindst 1 års ledighed', 'Aktivitetsparate kontanthjælpsmodtagere over 30 år med minimum et års ledighed', 'Aktivitetsparate kontanthjælpsmodtagere over 30 år med mere end 1 års ledighed'] },
  { code: 'LG02', name: 'Aktivitetsparate med mindst 5 år på offentlig forsørgelse', synonyms: ['Aktivitetsparate borgere med mindst 5 år på offentlig forsørgelse', 'Aktivitetsparate borgere med mindst 5 år på offentlig/uddannelses- og kontanthjælp og integrationsydelse', 'Langvarige modtagere af kontanthjælp'] },
  { code: 'LG03', name: 'Ressourceforløbsmodtagere over 30 år', minAge: 30, validTo: date('2026-01-31'), synonyms: ['Ressourceforløbsydelse over 30 år', 'Personer i ressourceforløb over 30 år'] },
  { code: 'LG04', name: 'Unge under 25 år uden uddannelse', maxAge: 24, synonyms: ['Unge under 25 år', 'Unge under 25 uden ungdomsuddannelse', 'Unge under 25 år som ikke er i beskæftigelse, og som ikke er i gang med eller har gennemført en ungdomsuddannelse', 'FGU-målgruppen'] },
  { code: 'LG05', name: 'Borgere på kanten af arbejdsmarkedet', synonyms: ['Langvarige ydelsesmodtagere'] },
  { code: 'LG06', name: 'Aktivitetsparate kvinder med indvandrerbaggrund', synonyms: ['Kvinder med indvandrerbaggrund', 'Aktivitetsparate etniske minoritetskvinder', 'Aktivitetsparate (etniske minoritets)kvinder', 'Etniske minoritetskvinder', 'Aktivitetsparate kvinder med anden etnisk baggrund'] },
  { code: 'LG07', name: 'Kontanthjælpsmodtagere (jobparate og aktivitetsparate)', synonyms: ['Kontanthjælpsmodtagere', 'Kontanthjælpsmodtager', 'KH'] },
]);

/** Participant statuses with outcome class and the steps (trin) they belong to (ITMV status table, pool note). */
const statuses = entries([
  { code: 'FORLØB', name: 'I forløb', outcomeClass: 'active', steps: [1, 2], synonyms: ['I 13-ugers forløb', 'Er i 13-ugers forløb', '13-ugers forløb', 'Forløb', 'I gang', 'Aktiv', 'Start-afklaring', 'På vej mod job', 'Er i 13-ugers forløb (trin 1 og 2)', 'I forløb (trin 1 og 2)', 'Trin 1 og 2', 'Afklaringsforløb', '6-ugers afklaringsperiode'] },
  { code: 'PRAKTIK', name: 'I virksomhedspraktik', outcomeClass: 'active', steps: [3], synonyms: ['Virksomhedspraktik', 'Er i virksomhedspraktik', 'Praktik', 'I praktik', 'Er i praktik', 'Er i virksomhedspraktik (trin 3)', 'Virksomhedspraktik (trin 3)', 'Praktik (trin 3)', 'Virksomhedsforløb', 'I virksomhedsforløb'] },
  { code: 'PAUSE', name: 'Pause', outcomeClass: 'active', synonyms: ['Sygdom', 'Midlertidig pause', 'Standby'] },
  { code: 'JOB', name: 'I ordinær beskæftigelse', outcomeClass: 'job', synonyms: ['Job', 'Ordinært job', 'Ordinær beskæftigelse', 'Kommet i job', 'Er kommet i job', 'I job', 'I beskæftigelse', 'Beskæftigelse', 'Job (ordinær)', 'Job (ordinært)', 'Ordinær', 'Ordinær beskæftigelse (job)', 'I ordinært job', 'Job på ordinære vilkår'] },
  { code: 'LØNTILSKUD', name: 'Ansat med løntilskud', outcomeClass: 'job', synonyms: ['Løntilskud', 'I løntilskud', 'Ansættelse med løntilskud', 'Job (løntilskud)', 'Job med løntilskud', 'Løntilskudsjob', 'Kommet i løntilskud'] },
  { code: 'UDDANNELSE', name: 'I uddannelse', outcomeClass: 'education', synonyms: ['Uddannelse', 'Påbegyndt uddannelse', 'Startet på uddannelse'] },
  { code: 'ANDEN', name: 'Afsluttet til anden indsats', outcomeClass: 'ended', steps: [1, 2, 3], synonyms: ['Afsluttet efter trin 1', 'Afsluttet forløbet efter trin 1', 'Har afsluttet forløbet efter trin 1 med henblik på visitation til anden indsats', 'Visiteret til anden indsats', 'Afsluttet med henblik på visitation til anden indsats', 'Anden indsats'] },
  { code: 'AFSLUTTET', name: 'Afsluttet uden job eller uddannelse', outcomeClass: 'ended', synonyms: ['Afsluttet', 'Ophørt', 'Frafald', 'Udeblevet'] },
]);

/** Steps (trin) of the pool initiatives' group-1 course. */
const steps = entries([
  { code: '1', name: 'Start-afklaring', synonyms: ['Trin 1', 'Afklaring', 'Startafklaring', 'Trin 1: Start-afklaring'] },
  { code: '2', name: 'På vej mod job', synonyms: ['Trin 2', 'Trin 2: På vej mod job'] },
  { code: '3', name: 'Virksomhedsforløb', synonyms: ['Trin 3', 'Virksomhedsrettet forløb', 'Trin 3: Virksomhedsforløb'] },
]);

/** Offers (tilbud). Company placement lengths per LAB § 61; subsidised employment per LAB §§ 67–68. */
const offers = entries([
  { code: 'VOO', name: 'Vejledning og opkvalificering', synonyms: ['Vejledning', 'Opkvalificering', 'CV-vejledning', 'Jobvejledning'] },
  { code: 'PRAKTIK', name: 'Virksomhedspraktik', maxWeeks: { MG01: 4, MG02: 4, MG04: 4, MG12: 4, MG03: 13, MG05: 13, LG01: 13, LG02: 13, '*': 13 }, synonyms: ['Praktik', 'Afklaringspraktik', 'Snusepraktik', 'Snusepraktikker'] },
  { code: 'LTS', name: 'Ansættelse med løntilskud', maxWeeks: { '*': 26 }, synonyms: ['Løntilskud', 'Løntilskudsjob'] },
  { code: 'LTS-OFF', name: 'Løntilskud hos offentlig arbejdsgiver', maxWeeks: { '*': 17 }, synonyms: ['Offentligt løntilskud', 'Løntilskud offentlig'] },
  { code: 'LTS-PRIV', name: 'Løntilskud hos privat arbejdsgiver', maxWeeks: { '*': 26 }, synonyms: ['Privat løntilskud', 'Løntilskud privat'] },
  { code: 'NYTTE', name: 'Nytteindsats', synonyms: ['Nyttejob', 'Straksaktivering'] },
  { code: 'MENTOR', name: 'Mentorstøtte', synonyms: ['Mentor', 'Mentorordning'] },
]);

/** Units: the centres and staff units in the documents, and the partners that run initiatives. */
const units = entries([
  { code: 'JCV', name: 'Jobcenter Vallensbæk', synonyms: ['Vallensbæk Jobcenter', 'Jobcentret'] },
  { code: 'CSS', name: 'Center for Socialservice', synonyms: ['Socialservice', 'Socialforvaltningen'] },
  { code: 'CDS', name: 'Center for Dagtilbud og Skoler', synonyms: ['Dagtilbud og Skoler'] },
  { code: 'CBF', name: 'Center for Børn og Forebyggelse', synonyms: ['Børn og Forebyggelse'] },
  { code: 'CÆR', name: 'Center for Ældre og Rehabilitering', synonyms: ['Ældre og Rehabilitering'] },
  { code: 'IUJ', name: 'Ishøj Uddannelse og Job', synonyms: ['Ishøj Uddannelse & Job', 'Ishøj Uddannelse og Job (IUJ)'] },
  { code: 'STK', name: 'Stabsenhed for tryghedsskabelse og kriminalitetsforebyggelse', synonyms: ['Tryghed og Kriminalitetsforebyggelse'] },
  { code: 'SBS', name: 'Stabsenhed Borgerservice', synonyms: ['Borgerservice'] },
  { code: 'HPV', name: 'Helhedsplanen i Vejleåparken', synonyms: ['Boligsocial helhedsplan Vejleåparken', 'Vejleåparken'] },
]);

/** Funding sources. */
const fundingSources = entries([
  { code: 'KOM', name: 'Kommune', synonyms: ['Kommunal', 'Kommunal medfinansiering', 'Ishøj Kommune', 'Kommunalt budget'] },
  { code: 'REF', name: 'Statsrefusion', synonyms: ['Refusion', 'Staten', 'Statslig refusion'] },
  { code: 'STAR', name: 'STAR-pulje', synonyms: ['STAR', 'Puljemidler', 'Styrelsen for Arbejdsmarked og Rekruttering', 'STAR pulje'] },
  { code: 'SATS', name: 'Satspulje', synonyms: ['Satspuljemidler', 'Satspuljefinansieret'] },
  { code: 'LBF', name: 'Landsbyggefonden', synonyms: ['LBF', 'Landsbygefonden', 'Helhedsplan via Landsbyggefonden'] },
  { code: 'FOND', name: 'Fond', synonyms: ['Privat fond', 'A.P. Møller Fonden', 'Fondsmidler'] },
]);

const initiativeStates = entries([
  { code: 'PLANLAGT', name: 'Planlagt', synonyms: ['Ikke startet', 'Under planlægning'] },
  { code: 'I GANG', name: 'I gang', synonyms: ['Igang', 'Aktiv', 'Kører', 'Igangværende', 'Igangsat', 'Projektet er i gang'] },
  { code: 'STANDBY', name: 'Standby', synonyms: ['På standby', 'Sat i bero', 'Pause', 'Projektet er på standby'] },
  { code: 'AFSLUTTET', name: 'Afsluttet', synonyms: ['Slut', 'Lukket', 'Ophørt', 'Projektet er afsluttet'] },
]);

const postingTypes = entries([
  { code: 'UDGIFT', name: 'Udgift', synonyms: ['Udgifter', 'Omkostning'] },
  { code: 'ANMODNING', name: 'Refusionsanmodning', synonyms: ['Anmodning om refusion', 'Refusionskrav', 'Hjemtaget refusion'] },
  { code: 'REFUSION', name: 'Refusion modtaget', synonyms: ['Modtaget refusion', 'Refusion'] },
  { code: 'TILSKUD', name: 'Tilskud modtaget', synonyms: ['Modtaget tilskud', 'Tilskud', 'Bevilling modtaget'] },
]);

/** Table names on the sheet Taksonomier; they are also the taxonomies' Danish names in messages. */
export const TAXONOMY_TABLE_NAMES: Record<TaxonomyKey, string> = {
  goals: 'Mål',
  targetGroups: 'Målgrupper',
  statuses: 'Statusser',
  steps: 'Trin',
  offers: 'Tilbud',
  units: 'Enheder',
  fundingSources: 'Finansiering',
  initiativeStates: 'Indsatsstatus',
  postingTypes: 'Posteringstyper',
};

export const TAXONOMY_KEYS = Object.keys(TAXONOMY_TABLE_NAMES) as TaxonomyKey[];

export function taxonomyTableName(key: TaxonomyKey): string {
  return TAXONOMY_TABLE_NAMES[key];
}

const DEFAULT_ENTRIES: Record<TaxonomyKey, TaxonomyEntry[]> = {
  goals,
  targetGroups,
  statuses,
  steps,
  offers,
  units,
  fundingSources,
  initiativeStates,
  postingTypes,
};

/** A deep copy without structuredClone, which older Office webviews (and jsdom) lack. */
function cloneEntry(entry: TaxonomyEntry): TaxonomyEntry {
  const copy: TaxonomyEntry = { ...entry, synonyms: [...entry.synonyms] };
  if (entry.steps) copy.steps = [...entry.steps];
  if (entry.maxWeeks) copy.maxWeeks = { ...entry.maxWeeks };
  return copy;
}

/** A fresh copy of the built-in taxonomies (callers may mutate it). */
export function defaultTaxonomies(): TaxonomySet {
  const set = {} as TaxonomySet;
  for (const key of TAXONOMY_KEYS) {
    const taxonomy: Taxonomy = { key, tableName: TAXONOMY_TABLE_NAMES[key], entries: DEFAULT_ENTRIES[key].map(cloneEntry) };
    set[key] = taxonomy;
  }
  return set;
}
