/** What the documents report, in the model: themes, status texts, several units, groups and arms, KPI kinds and measures. */
import { parseKpi } from '../../../src/domain/model';
import { summarizeInitiatives } from '../../../src/domain/summarize';
import type { Initiative } from '../../../src/domain/model/types';
import { d, demo } from '../summarize/demoModel';

const summaries = () => summarizeInitiatives(demo().model, demo().taxonomies, d('2026-11-25'));
const summary = (id: string) => summaries().find((s) => s.initiativeId === id)!;
const initiative = (id: string) => demo().model.initiatives.find((i) => i.id === id)!;

describe('the register: themes, status texts, several units', () => {
  it('keeps the activation strategy\'s themes and the status texts as typed, and in the summaries', () => {
    expect(initiative('UNGE').theme).toBe('Færre på offentlig forsørgelse > Ungeindsats');
    expect(initiative('STRAKS').theme).toBe('Færre på offentlig forsørgelse > Jobparate kontanthjælpsmodtagere, dagpengemodtagere og åbenlyst uddannelsesparate');
    expect(summary('SMC')).toMatchObject({ theme: 'Færre på offentlig forsørgelse > Borgere på kanten af arbejdsmarkedet', statusText: 'Projektet er på standby.' });
    expect(summary('FKIB').statusText).toBe('Der er tilknyttet 65 borgere til projektet.');
    expect(initiative('ITMV').theme).toBeUndefined(); // the ITMV reply names no theme
  });
  it('reads "Jobcenter Vallensbæk; Center for Socialservice" as two units, the first as the unit', () => {
    expect(initiative('POOL')).toMatchObject({ unit: 'JCV', units: ['JCV', 'CSS'] });
    expect(initiative('ITMV').units).toBeUndefined();
  });
});

describe('the tracking sheets: groups and arms', () => {
  it("gives Flere skal med's visitation groups and JobFirst's indsatsgruppe their own figures", () => {
    expect(summary('FSM').byGroup?.map((g) => [g.group, g.participants.active + g.participants.job + g.participants.education + g.participants.ended])).toEqual([
      ['Gruppe 1', 17], ['Gruppe 2', 2], ['Gruppe 3', 1],
    ]);
    expect(summary('JOBFIRST').byGroup?.map((g) => [g.group, g.courses, g.participants.job])).toEqual([['Indsatsgruppe', 15, 3]]);
    expect(summary('ITMV').byGroup).toBeUndefined();
  });
});

describe('KPI targets: shares, counts, amounts, and what they are measured on', () => {
  it.each([
    ['100 % af dem, der har gennemført, er i job, løntilskud eller praktik', { indicator: 'jobSubsidyOrPlacement', comparator: '>=', target: 1, base: 'completers' }],
    ['min. 100 borgere', { indicator: 'participants', comparator: '>=', target: 100, kind: 'count' }],
    ['mindst 20 i job', { indicator: 'job', comparator: '>=', target: 20, kind: 'count' }],
    ['højst 15 deltagere', { indicator: 'participants', comparator: '<=', target: 15, kind: 'count' }],
    ['39,1 mio.', { indicator: 'budget', comparator: '>=', target: 3_910_000_000, kind: 'amount' }],
    ['262.000 kr.', { indicator: 'budget', comparator: '>=', target: 26_200_000, kind: 'amount' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseKpi(text)).toEqual({ ...expected, text });
  });
  it('still reads 40 % i virksomhedspraktik as the placement share of all', () => {
    expect(parseKpi('40 % af målgruppen i virksomhedspraktik i 13 uger')).toEqual({ indicator: 'placement', comparator: '>=', target: 0.4, weeks: 13, text: '40 % af målgruppen i virksomhedspraktik i 13 uger' });
  });
  it('measures a count target on the citizens and an amount target on the budget', () => {
    expect(summary('POOL').kpis).toEqual([expect.objectContaining({ kind: 'count', indicator: 'participants', target: 100, actual: 0, attainment: 'notMet' })]);
    const itmv: Initiative = { ...initiative('ITMV'), kpis: [parseKpi('500.000 kr.')!, parseKpi('højst 20 borgere')!] };
    const [s] = summarizeInitiatives({ ...demo().model, initiatives: [itmv] }, demo().taxonomies, d('2026-11-25'));
    expect(s!.kpis.map((k) => [k.kind, k.actual, k.attainment])).toEqual([['amount', 52_400_000, 'met'], ['count', 18, 'met']]);
    const noBudget = summarizeInitiatives({ initiatives: [itmv], participants: demo().model.participants }, demo().taxonomies, d('2026-11-25'));
    expect(noBudget[0]!.kpis[0]).toMatchObject({ actual: null, attainment: 'noData' });
  });
});
