/**
 * Where each legal fact in src/domain/law comes from. Every rule, rate and date in this folder names
 * one of these. `verification` says how strong the source is: the law text itself (or the bill as
 * passed), official guidance (STAR, the ministry, a consolidated law site quoting the act), or a
 * secondary source (a municipality, an interest group, a consultancy). Facts that no stored source
 * settles are not encoded as values; they are listed in UNVERIFIED below.
 */
export type Verification = 'law-text' | 'official' | 'secondary';

export interface LawSource {
  url: string;
  title: string;
  /** The paragraph, stk. or section the fact is read from. */
  ref?: string;
  verification: Verification;
  note?: string;
}

const s = (url: string, title: string, verification: Verification, ref?: string, note?: string): LawSource => ({
  url, title, verification, ...(ref && { ref }), ...(note && { note }),
});

export const SOURCES = {
  /** Lov om kommunernes finansiering af visse offentlige ydelser (refusionsreformen), § 5: the rates. */
  refusionRates: s(
    'https://elov.dk/lov-om-kommunernes-finansiering-af-visse-offentlige-ydelser-udbetalt-af-kommunerne-udbetaling-danmark-og-arbejdsloshedskasserne/5/',
    'Lov om kommunernes finansiering af visse offentlige ydelser, jf. LBK nr. 221 af 12/02/2021',
    'law-text', '§ 5, stk. 2 (refusion) og stk. 3 (medfinansiering)'),
  /** Same act, § 29: in force 4 January 2016. */
  refusionInForce: s(
    'https://elov.dk/lov-om-kommunernes-finansiering-af-visse-offentlige-ydelser-udbetalt-af-kommunerne-udbetaling-danmark-og-arbejdsloshedskasserne/29/',
    'Lov om kommunernes finansiering af visse offentlige ydelser', 'law-text', '§ 29, stk. 1'),
  /** Same act, § 6: the count starts again after 52 weeks of self-support within 3 years. */
  refusionReset: s(
    'https://elov.dk/lov-om-kommunernes-finansiering-af-visse-offentlige-ydelser-udbetalt-af-kommunerne-udbetaling-danmark-og-arbejdsloshedskasserne/6/',
    'Lov om kommunernes finansiering af visse offentlige ydelser', 'law-text', '§ 6, stk. 1 og 2'),
  /** Same act, § 30: weeks from 1 July 2014 count when the act starts. */
  refusionTransition: s(
    'https://www.elov.dk/lov-om-kommunernes-finansiering-af-visse-offentlige-ydelser-udbetalt-af-kommunerne-udbetaling-danmark-og-arbejdsloshedskasserne/paragraf/30/',
    'Lov om kommunernes finansiering af visse offentlige ydelser', 'law-text', '§ 30, stk. 1'),
  /** STAR's summary of the same steps (cross-check of § 5). */
  refusionStar: s(
    'https://star.dk/viden-og-tal/noegletal-om-reformer-paa-beskaeftigelsesomraadet/noegletal-for-refusionsreformen/kommunaloekonomiske-konsekvenser/',
    'STAR: Kommunaløkonomiske konsekvenser ved refusionsreformen', 'official', 'Refusionstrappen; Medfinansieringstrappen'),

  /** LAB (lov nr. 548 af 7. maj 2019, jf. LBK nr. 280 af 1. marts 2024) § 61: company placement lengths. */
  lab61: s(
    'https://www.elov.dk/lov-om-en-aktiv-beskaeftigelsesindsats/paragraf/61/',
    'Lov om en aktiv beskæftigelsesindsats, jf. LBK nr. 280 af 01/03/2024', 'law-text', '§ 61, stk. 1 og 2',
    'The stored copy shows the text of stk. 2 (extension of stk. 1, nr. 2 to 26 weeks, then 13 weeks at a time) but not the items of stk. 1.'),
  /** Københavns Kommune on placement lengths per group (the items of § 61, stk. 1 in plain words). */
  placementKk: s('https://www.kk.dk/indhold/om-virksomhedspraktik', 'Københavns Kommune: Om virksomhedspraktik', 'secondary', 'Hvor længe varer din praktik?'),
  placementAarhus: s(
    'https://www.aarhus.dk/borger/job-og-ledighed/loentilskud-og-praktik/virksomhedspraktik/hvor-laenge-kan-jeg-vaere-i-praktik/',
    'Aarhus Kommune: Hvor længe kan jeg være i praktik?', 'secondary'),
  placementCabi: s('https://www.cabiweb.dk/lovstof/virksomhedspraktik/', 'Cabi: Virksomhedspraktik', 'secondary', 'Målgruppe og varighed'),

  /** The target groups of the 2019 act are numbered in LAB § 6 (not § 2: § 2 is about the municipal council). */
  lab6: s(
    'https://admin.elov.dk/prep_docs/49067',
    'L 66 (2025/1) som fremsat: amends "§ 6, nr. 8" (kapitel 19, ressourceforløb), "§ 6, nr. 9" (fleksjobvisiterede), "§ 6, nr. 10" (kapitel 21, revalidering) and rewrites § 2',
    'law-text', '§ 1, nr. 3-6'),
  lab6Order: s(
    'https://elov.dk/bekendtgorelse-om-en-aktiv-beskaeftigelsesindsats/paragraf/1',
    'Bekendtgørelse om en aktiv beskæftigelsesindsats § 1 (the target groups in the act\'s order, nr. 1-11 shown)', 'official', '§ 1, nr. 1-11'),

  /** Lov nr. 1750 af 29. december 2025, in force 1 February and 1 July 2026. */
  law1750: s(
    'https://star.dk/implementering/beskaeftigelsesreform/svar-paa-spoergsmaal-fra-webinar-den-21-januar-2026',
    'STAR: Spørgsmål fra webinar d. 21. januar 2026 om første fase af beskæftigelsesreformen (lov nr. 1750 af 29. december 2025)',
    'official', 'Indledning', 'Ikrafttræden 1. februar 2026 og 1. juli 2026; fleksible kontaktforløb og tilbud fra 1. juli 2026.'),
  law1750Text: s(
    'https://www.lovguiden.dk/loven/lov-om-ændring-af-lov-om-en-aktiv-beskæftigelsesindsats-lov-om-organisering-og-understøttelse-af-beskæftigelsesindsatsen-mv-og-forskellige-andre-love-reform-af-beskæftigelsesindsatsen-mere-fleksible-kontaktforløb-og-tilbud-afskaffelse-af-kravet-om-jobcentre-frihed-i-organisering-af-beskæftigelsesindsatsen-afskaffelse-af-ressourceforløb-og-revalidering-mv/4',
    'LOV nr. 1750 af 29/12/2025 § 4 (lov om aktiv socialpolitik): ressourceforløbsydelse and revalideringsydelse become "det tidligere gældende kapitel 6 a og 6 c"',
    'law-text', '§ 4, nr. 6'),
  bill66Summary: s(
    'https://www.lovguiden.dk/afgorelse/06-11-2025-forslag-til-lov-om-aendring-af-lov-om-en-aktiv-beskaeftigelsesindsats-lov-om-organisering-og-understoettelse-af-beskaeftigelsesindsatsen-m-v-og-forskellige-andre-love-reform-af-beskaeftigelsesindsatsen-mere-fleksible-kontaktforloeb-og-tilbud-afskaffelse-af-kravet-om-jobcentre-frihed-i-organisering-af-beskaeftigelsesindsatsen-afskaffelse-af-ressourceforloeb-og-revalidering-m-v',
    'Lovguiden: L 66 (2025/1) — "Ressourceforløb og revalidering, samt tilhørende ydelser, afskaffes for nye borgere fra lovens ikrafttrædelse"',
    'secondary', 'Resumé'),
  ressourceforloebFeb2026: s(
    'https://ligevaerd.dk/jobcentrene-nedlaegges-unge-med-saerlige-behov-risikerer-at-betale-prisen',
    'Ligeværd: "Fra 1. februar 2026 ophæves ressourceforløbsordningen"', 'secondary', undefined,
    'The only stored source that names which of the two commencement dates applies to ressourceforløb; the commencement section of lov nr. 1750 itself was not in the stored copies.'),
  /** Cabi's timeline of the reform: the dates are when no new courses are granted; started courses may be completed. */
  reformTimeline: s(
    'https://www.cabiweb.dk/temaer/den-aktive-beskaeftigelsesindsats/beskaeftigelsesreformen-2026-2027',
    'Cabi: Overblik: Beskæftigelsesreformen 2026-2027 — "tidslinjen viser, hvornår der ikke længere bevilliges nye forløb. Igangsatte forløb kan gennemføres"',
    'secondary', 'Tidslinje: Hvad ændres, og hvornår?',
    'Supports checking a course on its start date (a course started before the end keeps its group). The stored excerpt is cut before the dates themselves.'),
  reformProcess: s(
    'https://star.dk/da/implementering/beskaeftigelsesreform/proces',
    'STAR: Lovgivningsproces og ikrafttrædelse', 'official', undefined,
    'Phase 2: a new main act (LAB) expected in force 1 January 2027, not yet passed when stored.'),
  agreement2025: s(
    'https://admin.elov.dk/prep_docs/49447',
    'L 66 fremsættelsestale: "Aftale om reform af beskæftigelsesindsatsen – Mere værdighed, større frihed og færre regler", 9. april 2025',
    'official'),
  agreementText: s(
    'https://www.bt.dk/samfund/bt-erfarer-ny-reform-paa-plads--3000-faerre-medarbejdere',
    'The agreement text as reproduced by B.T.: 13 target groups become five; all kontanthjælpsmodtagere are registered as jobparate',
    'secondary', 'Forenkling af målgrupper, pkt. 1'),
} as const satisfies Record<string, LawSource>;

export type SourceKey = keyof typeof SOURCES;

/** What the stored sources did not settle; values for these are deliberately not encoded. */
export const UNVERIFIED: readonly string[] = [
  'The names (and codes) of the five target groups of the new main act expected from 1 January 2027: the agreement says 13 become five but no stored text names them (the 2024 expert group proposed five "indsatsgrupper"; that is a recommendation, not the law).',
  'The commencement section of lov nr. 1750: which provisions take effect 1 February and which 1 July 2026. The date used for ressourceforløb/revalidering (1 February 2026) rests on a secondary source.',
  'The item numbers of LAB § 61, stk. 1 for the 4-week and 8-week cases (only nr. 2, the extendable 13-week case, follows from stk. 2).',
  'Placement length for sygedagpengemodtagere (Københavns Kommune: 13 weeks, extendable; Aarhus Kommune: unlimited) and for § 6, nr. 6-13 in general.',
  'Whether the refusionstrappe or § 61 change on 1 July 2026 or 1 January 2027: no stored source says they do; the new main act will renumber LAB.',
  'LAB § 6, nr. 12 and 13 (selvforsørgende ledige, unge under 18): the stored bekendtgørelse excerpt lists nr. 1-11; 12 and 13 follow by order.',
  'Searched again (December 2026, corpora pages/docs: "målgrupper 2027 beskæftigelsesreform fem målgrupper", "ressourceforløb afskaffes 1. juli 2026", "lov nr. 1750 ikrafttræden", the Cabi timeline, STAR "Lovgivningsproces og ikrafttrædelse"): the 2027 main act is still only "forventes at træde i kraft 1. januar 2027" (not passed), no stored text names the five groups, so the built-in taxonomies have no 2027 version and no Erstattes af mapping; the mechanism (dated versions, Erstattes af, successor suggestion, portfolio mapping) is tested with a test taxonomy.',
];
