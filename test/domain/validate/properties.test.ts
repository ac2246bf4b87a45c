import fc from 'fast-check';
import { validateWorkbook, type Finding } from '../../../src/domain/validate';
import { findingMessage } from '../../../src/i18n/findings';
import type { CalendarDate } from '../../../src/domain/parse';
import { register, tracking } from '../../helpers/tables';

const asOf = '2017-08-29' as CalendarDate;
const itmv = { ID: 'ITMV', Navn: 'I Tråd Med Verden', Målgrupper: 'MG03; LG01', Pladser: 3, Forløbsuger: 13 };

// Values mixing valid entries, near misses, wrong types, error values and CPR numbers.
const row = fc.record({
  'Deltager-ID': fc.constantFrom('A', 'B', 'C', 'D', '010190-1234', ''),
  Startdato: fc.constantFrom('01-05-2017', '15-08-2017', 42962, '29/8', 'i går', null),
  Målgruppe: fc.constantFrom('MG03', 'KH-AP', 'Aktivitetsparate kontanthjælpsmodtagere over 30 år', 'Dagpengemodtagre', 'Dagpengemodtagere', null),
  Trin: fc.constantFrom(1, 2, 3, '4', null),
  Status: fc.constantFrom('I forløb', 'I virksomhedspraktik', 'Job', 'praktikk', '#N/A', null),
  Statusdato: fc.constantFrom('01-04-2017', '20-08-2017', null),
  Slutdato: fc.constantFrom('01-06-2017', '31-12-2017', null),
  'Ordinære timer pr. uge': fc.constantFrom(0, 12.5, '18,5', -1, null),
  Alder: fc.constantFrom(22, 35, 'tre', null),
  Bemærkning: fc.constantFrom('ok', 'cpr 0101901234', 'samtale afholdt'), // never a wholly empty row: their position is the point of EMPTY_ROW
});

/** A finding with its row given as the data row's original index, so runs on shuffled rows compare. */
function key(f: Finding, originalIndex: (sheetRow: number) => number): string {
  const { rows: _rows, ...params } = f.params;
  const where = f.sheet === 'ITMV' && f.row > 1 ? originalIndex(f.row) : `${f.sheet}!${f.cell}`;
  return [where, f.column, f.code, f.severity, f.suggestion ?? '', JSON.stringify(params)].join('|');
}

it('validation of rows is independent of row order, except for row numbers', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 25 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length }))),
      ([rows, order]) => {
        const original = validateWorkbook([register([itmv]), tracking('ITMV', rows)], { asOf }).findings;
        const shuffled = validateWorkbook([register([itmv]), tracking('ITMV', order.map((i) => rows[i]))], { asOf }).findings;
        const a = original.map((f) => key(f, (r) => r - 2)).sort();
        const b = shuffled.map((f) => key(f, (r) => order[r - 2])).sort();
        expect(b).toEqual(a);
      }),
    { numRuns: 200 },
  );
});

it('validation never throws, whatever the cells hold', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.oneof(fc.anything(), fc.string(), fc.double(), fc.date()), { maxLength: 12 }), { maxLength: 10 }), (rows) => {
      const t = tracking('ITMV', []);
      t.rows = rows as never;
      const { findings } = validateWorkbook([register([itmv]), t], { asOf });
      for (const f of findings) for (const lang of ['da', 'en'] as const) expect(findingMessage(f, lang).length).toBeGreaterThan(0);
    }),
    { numRuns: 200 },
  );
});

it('the per-column caches change nothing: the same findings and model as reading every cell afresh', () => {
  // Values that repeat within a column (what the caches serve) mixed with -0, Dates of the same
  // time and error objects (what they must tell apart or leave alone); two tables share the column specs.
  const cell = fc.oneof(
    fc.constantFrom(0, -0, 42962, '42962', '29/8', new Date(Date.UTC(2017, 7, 29)), { error: '#N/A' }, '#REF!', 'MG03', ' mg03 ', 'KH-AP', 'I forløb', null, '', ' '),
    fc.anything(),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 11 }), { maxLength: 30 }), fc.array(row, { maxLength: 10 }), (raw, typed) => {
      const a = tracking('ITMV', typed);
      const b = tracking('ITMV', []);
      b.sheet = 'OTHER';
      b.table = 'Deltagere_OTHER';
      // Dates made afresh for each run: equal times, different objects.
      b.rows = raw.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v))) as never;
      const tables = [register([itmv]), a, b];
      const cached = validateWorkbook(tables, { asOf });
      const fresh = validateWorkbook(tables, { asOf, cache: false });
      expect(cached.findings).toEqual(fresh.findings);
      expect(cached.model).toEqual(fresh.model);
    }),
    { numRuns: 300 },
  );
});
