/**
 * `npm run bench`: prints speed figures against the targets in the issues. Not a test: figures
 * depend on the machine, so they are printed for a person to read, not asserted.
 */
import { validateWorkbook } from '../src/domain/validate';
import type { CalendarDate } from '../src/domain/parse';
import { generateParticipantTables } from './generate';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, repeats: number): number {
  run(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function benchValidation(): void {
  const rows = 100_000;
  const tables = generateParticipantTables(rows, 10);
  let findings = 0;
  const ms = time(() => {
    findings = validateWorkbook(tables, { asOf: '2017-12-31' as CalendarDate }).findings.length;
  }, 5);
  const cells = rows * 10;
  console.log(`validate: ${rows.toLocaleString('da-DK')} rows × 10 columns (${cells.toLocaleString('da-DK')} cells), ${findings} findings`);
  console.log(`  ${ms.toFixed(0)} ms median of 5 · ${Math.round((rows / ms) * 1000).toLocaleString('da-DK')} rows/s · target ≤ 500 ms: ${ms <= 500 ? 'met' : 'NOT met'}`);
}

benchValidation();
