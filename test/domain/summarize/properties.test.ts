import fc from 'fast-check';
import { summarizeInitiative, summarizePortfolio } from '../../../src/domain/summarize';
import type { Initiative, ParticipantCourse } from '../../../src/domain/model/types';
import { addDays, type CalendarDate } from '../../../src/domain/parse';
import { defaultTaxonomies } from '../../../src/domain/taxonomy/defaults';

const taxonomies = defaultTaxonomies();
const base = '2020-01-01' as CalendarDate;
const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays(base, n));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const course: fc.Arbitrary<ParticipantCourse> = fc.record({
  initiativeId: fc.constantFrom('P', 'p', ' P '),
  participantId: fc.constantFrom('A', 'a', ' A', 'B', 'C', 'D', 'E', 'F'),
  start: maybe(day),
  step: maybe(fc.constantFrom('1', '2', '3', '9')),
  status: maybe(fc.constantFrom(...taxonomies.statuses.entries.map((e) => e.code), 'praktik', 'UKENDT')),
  statusDate: maybe(day),
  end: maybe(day),
  ordinaryHoursPerWeek: maybe(fc.constantFrom(0, 10, 18.5, 25)),
  targetGroup: maybe(fc.constantFrom('MG03', 'LG06')),
});

const initiative: Initiative = { id: 'P', name: 'P', goals: ['L1'], targetGroups: [], places: 5, kpis: [{ indicator: 'placement', comparator: '>=', target: 0.2, weeks: 4, text: '20 % i praktik i 4 uger' }] };
const sum = (xs: { courses: number }[]) => xs.reduce((n, x) => n + x.courses, 0);

it('counts per status (and step) sum to the courses counted; total ≤ courses; participants add up to total', () => {
  fc.assert(
    fc.property(fc.array(course, { maxLength: 30 }), day, (courses, asOf) => {
      const s = summarizeInitiative(initiative, courses, taxonomies, asOf);
      expect(sum(s.byStatus) + s.withoutStatus).toBe(s.courses);
      expect(s.byOutcome.active + s.byOutcome.job + s.byOutcome.education + s.byOutcome.ended + s.withoutStatus).toBe(s.courses);
      expect(sum(s.byStep) + s.withoutStep).toBe(s.courses);
      expect(s.courses + s.notYetStarted + s.withoutStartDate).toBe(courses.length);
      expect(s.total).toBeLessThanOrEqual(s.courses);
      const p = s.participants;
      expect(p.active + p.job + p.education + p.ended + p.withoutStatus).toBe(s.total);
      expect(s.capacity.active).toBeLessThanOrEqual(s.total);
      for (const v of Object.values(s.shares)) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
      // The FKIB categories are exclusive.
      if (s.total > 0) expect(s.shares.jobOrEducation! + s.shares.placement! + s.shares.ordinaryHours!).toBeLessThanOrEqual(1 + 1e-9);
      expect(s.kpis[0].attainment === 'noData').toBe(s.total === 0);
    }),
    { numRuns: 300 },
  );
});

it('the portfolio of one initiative agrees with its summary', () => {
  fc.assert(
    fc.property(fc.array(course, { maxLength: 30 }), day, (courses, asOf) => {
      const s = summarizeInitiative(initiative, courses, taxonomies, asOf);
      const p = summarizePortfolio({ initiatives: [initiative], participants: courses }, taxonomies, asOf);
      expect(p.totals).toEqual({ initiatives: 1, courses: s.courses, participants: s.total, ...s.participants });
    }),
    { numRuns: 200 },
  );
});

it('does not depend on the order of the courses, except through ties broken by row order', () => {
  fc.assert(
    fc.property(fc.array(course, { maxLength: 20 }), day, fc.integer(), (courses, asOf, seed) => {
      const shuffled = [...courses].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
      const a = summarizeInitiative(initiative, courses, taxonomies, asOf);
      const b = summarizeInitiative(initiative, shuffled, taxonomies, asOf);
      expect(b.byStatus).toEqual(a.byStatus);
      expect(b.byStep).toEqual(a.byStep);
      expect([b.courses, b.total, b.capacity.active]).toEqual([a.courses, a.total, a.capacity.active]);
    }),
    { numRuns: 200 },
  );
});
