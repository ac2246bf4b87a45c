/**
 * `npm run bench`: prints speed figures against the targets in the issues. Not a test: figures
 * depend on the machine, so they are printed for a person to read, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkbook } from '../src/domain/validate';
import { planStructure } from '../src/workbook/structure';
import { applyPlan, newWorkbook, writeXlsx } from '../src/xlsx';
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

/** `indsats validate` on a generated 100 000-row workbook, as a user runs it: wall time and peak memory. */
async function benchCliValidate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'indsats-bench-'));
  try {
    const file = join(dir, 'large.xlsx');
    const tables = generateParticipantTables(100_000, 10);
    const rows: Record<string, unknown[][]> = {};
    for (const t of tables) rows[t.table!] = t.rows;
    const workbook = newWorkbook();
    applyPlan(workbook, planStructure({ sheets: [] }, { rows: rows as never }));
    await writeXlsx(workbook, file);
    const mb = statSync(file).size / 1e6;
    // The bin bundles the CLI on first use; run it once so the measured run is the real work only.
    spawnSync(process.execPath, [join(__dirname, '../../bin/indsats.js'), '--help'], { encoding: 'utf8' });
    const probe = `require(${JSON.stringify(join(__dirname, '../cli/indsats.js'))}).main(['validate', ${JSON.stringify(file)}, '--quiet', '--as-of', '2017-12-31'], { out() {}, err() {}, today: () => '2017-12-31' })` +
      `.then((code) => { process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })); })`;
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const { code, maxRssKb } = JSON.parse(run.stderr.trim().split('\n').pop()!);
    const mib = maxRssKb / 1024;
    console.log(`indsats validate: 100.000 participant rows (${mb.toFixed(1)} MB .xlsx), exit ${code}`);
    console.log(`  ${(ms / 1000).toFixed(1)} s wall · peak ${mib.toFixed(0)} MiB · target ≤ 10 s and ≤ 1 GiB: ${ms <= 10_000 && mib <= 1024 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  benchValidation();
  await benchCliValidate();
}

void run();
