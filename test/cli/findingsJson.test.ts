/**
 * `indsats validate --json` is written a piece at a time (src/cli/findings.ts), but its bytes are
 * those of JSON.stringify(array, null, 2) over findingJson, whatever the findings hold.
 */
import fc from 'fast-check';
import { findingJson, printFindings } from '../../src/cli/findings';
import type { Finding } from '../../src/domain/validate';

const finding = fc.record({
  sheet: fc.oneof(fc.constantFrom('IND01', 'Indsatser', 'Ark "1"\n', 'Deltagere_0101901234'), fc.string()),
  cell: fc.constantFrom('A1', 'C5', 'XFD1048576'),
  row: fc.integer({ min: 1, max: 1_048_576 }),
  column: fc.oneof(fc.constantFrom('', 'Målgruppe', 'Bemærkning\t"x"'), fc.string()),
  severity: fc.constantFrom('error' as const, 'warning' as const),
  code: fc.constantFrom('UNKNOWN_CODE' as const, 'NON_STANDARD_VALUE' as const, 'CPR_NUMBER' as const, 'MISSING_TABLE' as const),
  params: fc.record({ value: fc.oneof(fc.string(), fc.constant('010190-1234')), taxonomy: fc.constant('targetGroups'), suggestion: fc.string(), table: fc.string() }),
  suggestion: fc.option(fc.oneof(fc.string(), fc.constant('cpr 0101901234')), { nil: undefined }),
}).map((f) => {
  const { suggestion, ...rest } = f;
  return (suggestion === undefined ? rest : { ...rest, suggestion }) as Finding;
});

it('the streamed --json is JSON.stringify(array, null, 2), in pieces that end at line ends', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 40 }), fc.constantFrom('da' as const, 'en' as const), (findings, lang) => {
      const out: string[] = [];
      printFindings(findings, true, { out: (t) => out.push(t) }, lang);
      expect(out.join('\n')).toBe(JSON.stringify(findings.map((f) => findingJson(f, lang)), null, 2));
    }),
    { numRuns: 200 },
  );
});

it('a long output comes in several pieces, each handed over whole', () => {
  const f: Finding = { sheet: 'IND01', cell: 'C5', row: 5, column: 'Målgruppe', severity: 'warning', code: 'NON_STANDARD_VALUE', params: { value: 'KH-AP', suggestion: 'Aktivitetsparate kontanthjælpsmodtagere' }, suggestion: 'Aktivitetsparate kontanthjælpsmodtagere' };
  const findings = Array.from({ length: 2_000 }, (_, i) => ({ ...f, row: 5 + i, cell: `C${5 + i}` }));
  const out: string[] = [];
  printFindings(findings, true, { out: (t) => out.push(t) }, 'da');
  expect(out.length).toBeGreaterThan(3);
  expect(JSON.parse(out.join('\n'))).toHaveLength(2_000);
  for (const piece of out.slice(0, -1)) expect(piece.endsWith(',')).toBe(true);
});
