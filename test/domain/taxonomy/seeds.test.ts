/**
 * Every target group, status, goal (and the units, funding sources, offers and initiative states)
 * named in the source documents is recognised from the way the documents write it.
 */
import { defaultTaxonomies, TaxonomyMatcher, type TaxonomyKey } from '../../../src/domain/taxonomy';

const taxonomies = defaultTaxonomies();
const matchCode = (key: TaxonomyKey, text: string) => {
  const result = new TaxonomyMatcher(taxonomies[key]).match(text);
  return result.kind === 'match' ? result.entry.code : `no match (${result.suggestions.map((s) => s.entry.code).join(', ')})`;
};

const seeds: Record<TaxonomyKey, [string, string][]> = {
  targetGroups: [
    ['aktivitetsparate kontanthjælpsmodtagere over 30 år', 'LG01'], // pool note
    ['aktivitetsparate kontanthjælpsmodtagere over 30 år med mindst 1 års ledighed', 'LG01'],
    ['Aktivitetsparate borgere med mindst 5 år på offentlig/uddannelses- og kontanthjælp og integrationsydelse', 'LG02'], // Flere skal med
    ['aktivitetsparate kontanthjælpsmodtagere', 'MG03'], // JobFirst
    ['ressourceforløbsydelse', 'MG08'],
    ['ressourceforløbsmodtagere over 30 år', 'LG03'], // Empowerment
    ['kontanthjælpsmodtagere', 'LG07'],
    ['Jobparate kontanthjælpsmodtagere', 'MG02'], // Aktiveringsstrategi 2020
    ['åbenlyst uddannelsesparate', 'MG04'],
    ['dagpengemodtagere', 'MG01'],
    ['Unge under 25 år', 'LG04'],
    ['integrationsydelsesmodtagere', 'MG14'],
    ['selvforsørgede', 'MG12'],
    ['Langvarige ydelsesmodtagere', 'LG05'],
    ['Borgere på kanten af arbejdsmarkedet', 'LG05'],
    ['aktivitetsparate etniske minoritetskvinder', 'LG06'], // ITMV
    ['Kvinder med indvandrerbaggrund', 'LG06'],
    ['ressourceforløb', 'MG08'],
    ['fleksjob', 'no match (MG09)'], // only a suggestion: "visiteret til fleksjob" is the group
    ['førtidspension', 'MG11'],
    ['KH-AP', 'MG03'],
    // #10: as hand-kept sheets and the documents write them
    ['aktivitetsparate (etniske minoritets)kvinder', 'LG06'],
    ['aktivitetsparate kontanthjælpsmodtagere over 30 år med minimum et års ledighed', 'LG01'],
    ['aktivitetsparate kontanthjælpsmodtagere over 30 år med mere end 1 års ledighed', 'LG01'],
    ['Unge under 25 år som ikke er i beskæftigelse, og som ikke er i gang med eller har gennemført en ungdomsuddannelse', 'LG04'],
  ],
  statuses: [
    ['Er kommet i job', 'JOB'], // ITMV status table
    ['ordinær beskæftigelse', 'JOB'],
    ['i løntilskud', 'LØNTILSKUD'],
    ['Er i virksomhedspraktik', 'PRAKTIK'],
    ['Er i 13-ugers forløb', 'FORLØB'],
    ['Har afsluttet forløbet efter trin 1 med henblik på visitation til anden indsats', 'ANDEN'],
    ['i beskæftigelse', 'JOB'], // Aktiveringsstrategi 2020
    ['uddannelse', 'UDDANNELSE'],
    ['virksomhedsforløb', 'PRAKTIK'],
    // #10: as hand-kept sheets and the ITMV table write them
    ['job (ordinær)', 'JOB'],
    ['job (løntilskud)', 'LØNTILSKUD'],
    ['i praktik', 'PRAKTIK'],
    ['Er i virksomhedspraktik (trin 3)', 'PRAKTIK'],
    ['Er i 13-ugers forløb (Trin 1 og 2)', 'FORLØB'],
  ],
  goals: [
    ['Udsatte børn og unges faglige niveau i folkeskolen skal forbedres.', 'M1'],
    ['Udsatte børn og unges faglige niveau skal forbedres', 'M1'],
    ['Flere udsatte unge skal gennemføre en ungdomsuddannelse.', 'M2'],
    ['Flere unge skal gennemføre ungdomsuddannelse', 'M2'],
    ['Flere personer med handicap skal i uddannelse og beskæftigelse.', 'M3'],
    ['Flere personer med psykiske vanskeligheder eller sociale problemer skal i uddannelse og beskæftigelse.', 'M4'],
    ['Flere personer udsat for vold i nære relationer skal i uddannelse og beskæftigelse.', 'M5'],
    ['Færre udsatte unge skal begå kriminalitet.', 'M6'],
    ['Færre skal være hjemløse.', 'M7'],
    ['Større effekt af stofmisbrugsbehandlingen.', 'M8'],
    ['Større effekt af alkoholbehandlingen.', 'M9'],
    ['Flere uden for arbejdsfællesskabet skal deltage i den frivillige indsats.', 'M10'],
    ['Mål 7', 'M7'],
    ['Færre på offentlig forsørgelse', 'L1'],
    ['Ungeindsats', 'L2'],
    ['Integration på arbejdsmarkedet', 'L4'],
  ],
  steps: [
    ['Trin 1', '1'],
    ['Start-afklaring', '1'],
    ['På vej mod job', '2'],
    ['Virksomhedsforløb', '3'],
    ['trin 3', '3'],
  ],
  units: [
    ['Jobcenter Vallensbæk', 'JCV'],
    ['Vallensbæk Jobcenter', 'JCV'],
    ['Center for Socialservice', 'CSS'],
    ['Center for Dagtilbud og Skoler', 'CDS'],
    ['Center for Børn og Forebyggelse', 'CBF'],
    ['CBF', 'CBF'],
    ['Center for Ældre og Rehabilitering', 'CÆR'],
    ['Stabsenhed for tryghedsskabelse og kriminalitetsforebyggelse', 'STK'],
    ['Stabsenhed Borgerservice', 'SBS'],
    ['Ishøj Uddannelse og Job (IUJ)', 'IUJ'],
    ['Helhedsplanen i Vejleåparken', 'HPV'],
  ],
  fundingSources: [
    ['Landsbyggefonden', 'LBF'],
    ['Landsbygefonden', 'LBF'], // as misspelt in the second extraction of the ITMV reply
    ['staten', 'REF'],
    ['STAR pulje', 'STAR'],
    ['A.P. Møller Fonden', 'FOND'],
    ['satspuljefinansieret', 'SATS'],
    ['kommunal medfinansiering', 'KOM'],
  ],
  offers: [
    ['virksomhedspraktik', 'PRAKTIK'],
    ['løntilskud', 'LTS'],
    ['nytteindsats', 'NYTTE'],
    ['Straksaktivering', 'NYTTE'],
    ['Vejledning og opkvalificering', 'VOO'],
    ['mentorstøtte', 'MENTOR'],
    ['Snusepraktikker', 'PRAKTIK'],
  ],
  initiativeStates: [
    ['i gang', 'I GANG'],
    ['standby', 'STANDBY'],
    ['Projektet er på standby', 'STANDBY'], // Aktiveringsstrategi 2020, as written (#10)
    ['på standby', 'STANDBY'],
    ['afsluttet', 'AFSLUTTET'],
    ['Projektet er afsluttet', 'AFSLUTTET'],
  ],
  postingTypes: [
    ['udgift', 'UDGIFT'],
    ['refusionsanmodning', 'ANMODNING'],
    ['refusion modtaget', 'REFUSION'],
    ['tilskud modtaget', 'TILSKUD'],
  ],
};

describe.each(Object.entries(seeds) as [TaxonomyKey, [string, string][]][])('%s', (key, cases) => {
  it.each(cases)('recognises "%s" as %s', (text, code) => {
    expect(matchCode(key, text)).toBe(code);
  });
});

// The 2019 act numbers its target groups in § 6 (§ 2 is about the municipal council): src/domain/law/sources.ts.
it('covers all LAB § 6 target groups in the act order', () => {
  const lab = taxonomies.targetGroups.entries.filter((e) => e.lawRef?.startsWith('LAB § 6'));
  expect(lab.map((e) => e.lawRef)).toEqual(Array.from({ length: 13 }, (_, i) => `LAB § 6, nr. ${i + 1}`));
});

it('gives every status an outcome class and only steps 1–3', () => {
  for (const status of taxonomies.statuses.entries) {
    expect(['active', 'job', 'education', 'ended']).toContain(status.outcomeClass);
    for (const step of status.steps ?? []) expect([1, 2, 3]).toContain(step);
  }
  const classes = new Set(taxonomies.statuses.entries.map((e) => e.outcomeClass));
  expect([...classes].sort()).toEqual(['active', 'education', 'ended', 'job']);
});

it('holds the 10 national goals M1–M10', () => {
  expect(taxonomies.goals.entries.filter((e) => /^M\d+$/.test(e.code)).map((e) => e.code)).toEqual(
    ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10'],
  );
});

it('states company placement limits per LAB § 61: 4 weeks for job-ready groups, 13 for activity-ready', () => {
  const placement = taxonomies.offers.entries.find((e) => e.code === 'PRAKTIK')!;
  expect(placement.maxWeeks).toMatchObject({ MG01: 4, MG02: 4, MG04: 4, MG03: 13, MG05: 13 });
});
