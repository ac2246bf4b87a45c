/**
 * `npm run bench`: prints speed figures against the targets in the issues. Not a test: figures
 * depend on the machine, so they are printed for a person to read, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkbook } from '../src/domain/validate';
import { planStructure } from '../src/workbook/structure';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { summarizeInitiatives, summarizePortfolio } from '../src/domain/summarize';
import { excelWorkbook } from '../src/operations/excelWorkbook';
import { refreshOverview } from '../src/operations/summarize';
import { benchmarkApply, benchmarkSyncs } from '../test/excel/syncBench';
import { participantRows, participantSpec } from '../test/excel/helpers';
import { applyPlan as applyOfficePlan, readWorkbook } from '../src/excel/adapter';
import { createStandin } from '../test/standin/excelStandin';
import { CHROMIUM, CHROMIUM_ARGS, serve, standinBundle } from '../test/helpers/browser';
import type { CalendarDate } from '../src/domain/parse';
import { generateParticipantTables } from './generate';
import { writeGeneratedWorkbook } from './scale';
import { benchConsolidate } from './consolidate';
import ExcelJS from 'exceljs';
import { readWorkbookBuffer } from '../src/xlsx/reader';
import { findCprInWorkbook } from '../src/workbook/cprMask';
import { tablesOf, textsOf } from '../src/workbook/read';

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

/** Start-up of the CLI: `node bin/indsats.js --help` against bare `node -e 0`, interleaved, in the same run. */
function benchCliStartup(): void {
  const bin = join(__dirname, '../../bin/indsats.js');
  const wall = (args: string[]) => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 7; i++) {
    help.push(wall([bin, '--help']));
    bare.push(wall(['-e', '0']));
  }
  const h = median(help);
  const b = median(bare);
  console.log(`indsats --help: ${h.toFixed(0)} ms median of 7 · bare node ${b.toFixed(0)} ms · ${(h / b).toFixed(2)}× bare node · target ≤ 300 ms: ${h <= 300 ? 'met' : 'NOT met'}`);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** A child's wall time (measured here), CPU time and peak RSS. */
interface Usage {
  ms: number;
  cpuMs: number;
  maxRssMiB: number;
}

/** bench/readerProbe.ts, bundled next to run.js so that the external exceljs resolves. */
function probePath(): string {
  const probe = join(__dirname, 'readerProbe.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('esbuild').buildSync({ entryPoints: [join(__dirname, '../../bench/readerProbe.ts')], bundle: true, platform: 'node', external: ['exceljs'], outfile: probe, logLevel: 'warning' });
  return probe;
}

function runProbe(probe: string, mode: string, file: string): Usage & Record<string, number> {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [probe, mode, file], { encoding: 'utf8', cwd: join(__dirname, '../..'), maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`reader probe ${mode} failed: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout) as Usage & Record<string, number>), ms };
}

/**
 * `node bin/indsats.js validate FILE --json` as a user runs it (stdout to /dev/null), with a preload
 * that writes the process's CPU time and peak RSS when it exits.
 */
function runValidate(dir: string, file: string): Usage & { code: number } {
  const preload = join(dir, 'usage.js');
  const usage = join(dir, 'usage.json');
  writeFileSync(preload, `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(usage)}, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMiB: u.maxRSS / 1024 })); });`);
  const bin = join(__dirname, '../../bin/indsats.js');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', preload, bin, 'validate', file, '--json', '--quiet', '--as-of', '2017-12-31'], { stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ...(JSON.parse(readFileSync(usage, 'utf8')) as { cpuMs: number; maxRssMiB: number }), ms, code: r.status ?? -1 };
}

const medianOf = (runs: Usage[]): Usage => ({ ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), maxRssMiB: median(runs.map((r) => r.maxRssMiB)) });
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/**
 * Issue 15's targets, measured in one run on the same generated files: `indsats validate --json`
 * against the unzip+SAX floor and against ExcelJS's streaming reader alone (and our reader alone),
 * each in a process of its own, interleaved; peak RSS; memory growth per 1 000 rows; and the core
 * alone against a one-lookup-per-cell pass over the same rows.
 */
function benchValidate(dir: string, files: Map<number, string>): void {
  const probe = probePath();
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  console.log(`indsats validate --json against the floors, each in its own process, interleaved, median of ${rounds} (200.000 rows: 1): wall / CPU / peak RSS`);
  const at = new Map<number, Record<string, Usage>>();
  for (const [rows, file] of files) {
    const runs: Record<string, Usage[]> = { validate: [], sax: [], stream: [], reader: [] };
    let code = 0;
    for (let i = 0; i < (rows > 100_000 ? 1 : rounds); i++) {
      const v = runValidate(dir, file);
      code = v.code;
      runs.validate!.push(v);
      runs.sax!.push(runProbe(probe, 'sax', file));
      runs.stream!.push(runProbe(probe, 'exceljs-stream', file));
      runs.reader!.push(runProbe(probe, 'reader', file));
    }
    const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, medianOf(v)])) as Record<string, Usage>;
    at.set(rows, m);
    const f = (u: Usage) => `${(u.ms / 1000).toFixed(2)} s / ${(u.cpuMs / 1000).toFixed(2)} s / ${u.maxRssMiB.toFixed(0)} MiB`;
    console.log(`  ${rows.toLocaleString('da-DK').padStart(7)} rows (${mb(statSync(file).size)}, exit ${code}): validate --json ${f(m.validate!)} · SAX floor ${f(m.sax!)} · ExcelJS stream ${f(m.stream!)} · our reader ${f(m.reader!)}`);
    const ratio = (a: Usage, b: Usage) => `${(a.ms / b.ms).toFixed(2)}× (CPU ${(a.cpuMs / b.cpuMs).toFixed(2)}×)`;
    console.log(`    validate / SAX floor ${ratio(m.validate!, m.sax!)} · validate / ExcelJS stream ${ratio(m.validate!, m.stream!)}`);
  }
  const k100 = at.get(100_000);
  if (k100) {
    const v = k100.validate!;
    console.log(`  targets at 100.000 rows: ≤ 2× the SAX floor: ${met(v.ms <= 2 * k100.sax!.ms)} (CPU: ${met(v.cpuMs <= 2 * k100.sax!.cpuMs)}) · ≤ 300 MiB: ${met(v.maxRssMiB <= 300)} · faster than the ExcelJS stream: ${met(v.ms < k100.stream!.ms)}`);
  }
  const sizes = [...at.keys()].sort((a, b) => a - b);
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1]!, sizes[i]!];
    const growth = (at.get(b)!.validate!.maxRssMiB - at.get(a)!.validate!.maxRssMiB) / ((b - a) / 1000);
    console.log(`  memory growth of validate --json from ${a.toLocaleString('da-DK')} to ${b.toLocaleString('da-DK')} rows: ${growth.toFixed(2)} MiB per 1.000 rows · target ≤ 2 MiB: ${met(growth <= 2)}`);
  }
  const file = files.get(100_000);
  if (file) {
    const c = runProbe(probe, 'core', file);
    console.log(`core (validateWorkbook) on the rows of the 100.000-row file (${c.rows!.toLocaleString('da-DK')} rows, ${c.cells!.toLocaleString('da-DK')} cells, ${c.findings} findings): ${c.coreMs!.toFixed(0)} ms CPU median of 5 · one lookup per cell ${c.lookupMs!.toFixed(0)} ms · ${(c.coreMs! / c.lookupMs!).toFixed(1)}×`);
    console.log(`  targets: ≤ 250 ms CPU: ${met(c.coreMs! <= 250)} · ≤ 4× the one-lookup pass: ${met(c.coreMs! <= 4 * c.lookupMs!)}`);
  }
}

/**
 * The writing commands against validate on the same generated 100 000-row workbook, as a user runs
 * them (the package writer, src/xlsx/package); BENCH_EXCELJS=1 adds the ExcelJS path
 * (INDSATS_WRITER=exceljs) for comparison (about a minute and 2 GiB each).
 */
function benchWrites(file: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'indsats-bench-writes-'));
  try {
    const mb = statSync(file).size / 1e6;
    // The CLI bundle (npm run build:cli, part of npm run build) is what the bin loads.
    const cli = (args: string[], env: Record<string, string> = {}) => {
      const probe = `require(${JSON.stringify(join(__dirname, '../../dist-cli/indsats.js'))}).main(${JSON.stringify([...args, '--quiet'])}, { out() {}, err() {}, today: () => '2017-12-31' })` +
        `.then((code) => { process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })); })`;
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { ...process.env, ...env } });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const { code, maxRssKb } = JSON.parse(run.stderr.trim().split('\n').pop()!);
      return { code: code as number, ms, mib: maxRssKb / 1024 };
    };
    const validate = cli(['validate', file, '--as-of', '2017-12-31']);
    console.log(`indsats validate: 100.000 participant rows (${mb.toFixed(1)} MB .xlsx), exit ${validate.code}`);
    console.log(`  ${(validate.ms / 1000).toFixed(1)} s wall · peak ${validate.mib.toFixed(0)} MiB · target ≤ 10 s and ≤ 1 GiB: ${validate.ms <= 10_000 && validate.mib <= 1024 ? 'met' : 'NOT met'}`);
    // The writing commands with the package writer (src/xlsx/package); BENCH_EXCELJS=1 adds the
    // ExcelJS path (INDSATS_WRITER=exceljs) for comparison (about a minute and 2 GiB each).
    const writers: [string, Record<string, string>][] = [['package writer', {}], ...(process.env.BENCH_EXCELJS ? [['ExcelJS', { INDSATS_WRITER: 'exceljs' }] as [string, Record<string, string>]] : [])];
    for (const [writer, env] of writers) {
      for (const command of ['summarize', 'repair']) {
        const out = join(dir, `${command}-${env.INDSATS_WRITER ?? 'package'}.xlsx`);
        const r = cli([command, file, '-o', out, ...(command === 'summarize' ? ['--as-of', '2017-12-31'] : [])], env);
        const ratio = r.ms / validate.ms;
        console.log(`indsats ${command} (${writer}), exit ${r.code}: ${(r.ms / 1000).toFixed(1)} s wall (${ratio.toFixed(1)}× validate) · peak ${r.mib.toFixed(0)} MiB · target ≤ 3× validate and ≤ 1 GiB: ${ratio <= 3 && r.mib <= 1024 ? 'met' : 'NOT met'}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The streaming reader against ExcelJS's full load and against a floor (unzip + count the <c> tags) on the same files. */
function benchReaders(files: Map<number, string>): void {
  const probe = probePath();
  console.log('reading an .xlsx: readWorkbookFile (streaming) · readXlsx (ExcelJS) · floor (unzip + scan), each in its own process');
  for (const [rows, file] of files) {
    if (rows > 100_000) continue;
    const [reader, exceljs, floor] = [runProbe(probe, 'reader', file), runProbe(probe, 'exceljs', file), runProbe(probe, 'scan', file)];
    const f = (x: Usage) => `${(x.ms / 1000).toFixed(2)} s / ${x.maxRssMiB.toFixed(0)} MiB`;
    console.log(`  ${rows.toLocaleString('da-DK').padStart(7)} rows (${mb(statSync(file).size)}): reader ${f(reader)} · ExcelJS ${f(exceljs)} · floor ${f(floor)}`);
    console.log(`    reader vs ExcelJS: ${(exceljs.ms / reader.ms).toFixed(1)}× faster, ${(exceljs.maxRssMiB / reader.maxRssMiB).toFixed(1)}× less memory · reader vs floor: ${(reader.ms / floor.ms).toFixed(1)}× the time`);
  }
}

/** The generated workbook at each size, written once for the sections that read it. */
async function generatedFiles(dir: string, sizes: number[]): Promise<Map<number, string>> {
  const files = new Map<number, string>();
  const start = Date.now();
  for (const rows of sizes) {
    const file = join(dir, `rows-${rows}.xlsx`);
    await writeGeneratedWorkbook(rows, file);
    files.set(rows, file);
  }
  console.log(`(generated ${sizes.map((n) => n.toLocaleString('da-DK')).join(' / ')}-row workbooks in ${((Date.now() - start) / 1000).toFixed(0)} s: bench/scale.ts)`);
  return files;
}

/** Office.js round trips per command on the stand-in, against a naive reader that syncs per row. */
async function benchSyncs(): Promise<void> {
  console.log('Office.js adapter (in-memory stand-in): syncs and payload per command');
  for (const rows of [1_000, 10_000, 100_000]) {
    const read = await benchmarkSyncs(rows);
    const apply = await benchmarkApply(rows);
    const ratio = read.naiveSyncs / read.adapterSyncs;
    console.log(`  ${rows.toLocaleString('da-DK').padStart(7)} rows: read ${read.adapterSyncs} syncs (${mb(read.adapterPayloadBytes)}, largest request ${mb(read.adapterLargestRequestBytes)}) · naive ${read.naiveSyncs.toLocaleString('da-DK')} syncs · ${Math.round(ratio)}× fewer · apply ${apply.syncs} syncs (${mb(apply.payloadBytes)}); Excel on the web: apply ${apply.webSyncs} / read ${apply.webReadSyncs} syncs, largest sync ${mb(Math.max(apply.webLargestSyncBytes, apply.webReadLargestSyncBytes))}`);
    if (rows === 10_000) console.log(`    targets: ≤ 3 syncs per command: ${read.adapterSyncs <= 3 && apply.syncs <= 3 ? 'met' : 'NOT met'}; ≥ 100× fewer than per-row: ${ratio >= 100 ? 'met' : 'NOT met'}`);
  }
}

/**
 * Wall time of the Office.js adapter on the stand-in for a large workbook: the structure plan with
 * all rows, reading it back, the layout-only replan and appending 1 000 rows (the sequence
 * test/excel/budget.test.ts checks for syncs and payload; the time is printed here, not asserted).
 */
async function benchAdapterTime(): Promise<void> {
  console.log('Office.js adapter (in-memory stand-in): wall time of apply + read + replan + append 1.000 rows');
  for (const rows of [10_000, 100_000]) {
    const data = participantRows(rows);
    const plan = planStructure({ sheets: [] }, { rows: data });
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    const start = process.hrtime.bigint();
    await applyOfficePlan(standin.run, plan);
    const read = await readWorkbook(standin.run);
    await applyOfficePlan(standin.run, planStructure(read, { rows: data }));
    const participants = read.sheets.flatMap((s) => s.tables).find((t) => t.table?.startsWith('Deltagere_'))!;
    const table = participants.table!;
    await applyOfficePlan(standin.run, { ops: [{ kind: 'appendRows', sheet: participants.sheet, table, rows: data[table].slice(0, 1000) }] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`  ${rows.toLocaleString('da-DK').padStart(7)} rows: ${(ms / 1000).toFixed(1)} s · target ≤ 10 s: ${ms <= 10_000 ? 'met' : 'NOT met'}`);
  }
}

/** The built task pane: gzipped size and time to first render in headless Chromium with the stand-in. */
async function benchTaskPane(): Promise<void> {
  const dist = join(__dirname, '..');
  const bundle = join(dist, 'taskpane.js');
  if (!existsSync(bundle)) {
    console.log('task pane: dist/taskpane.js missing (npm run build first)');
    return;
  }
  const gz = gzipSync(readFileSync(bundle), { level: 9 }).length;
  console.log(`task pane bundle: ${(gz / 1024).toFixed(0)} KB gzipped · target ≤ 400 KB: ${gz <= 400 * 1024 ? 'met' : 'NOT met'}`);
  // Loaded when first needed, not at start: the streaming reader with fflate (the first picked file) and
  // the new-workbook builder with ExcelJS's browser build (the first *Lav partnerudgave*).
  for (const [chunk, use] of [['xlsx-reader.js', 'Saml projektmapper, Indlæs partnerudgave'], ['xlsx-writer.js', 'Lav partnerudgave']]) {
    const file = join(dist, chunk);
    if (existsSync(file)) console.log(`  + on demand, ${chunk} (${use}): ${(gzipSync(readFileSync(file), { level: 9 }).length / 1024).toFixed(0)} KB gzipped`);
  }
  if (!existsSync(CHROMIUM)) {
    console.log(`first render: ${CHROMIUM} missing`);
    return;
  }
  const officeJs = standinBundle();
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.route('**/*', (route) => (route.request().url().includes('appsforoffice') ? route.fulfill({ body: officeJs, contentType: 'application/javascript' }) : route.continue()));
      const start = Date.now();
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByRole('heading', { name: 'Indsatsmonitor' }).waitFor();
      times.push(Date.now() - start);
      await page.close();
    }
    const ms = median(times);
    console.log(`first render in headless Chromium: ${ms} ms median of 5 · target ≤ 1 s: ${ms <= 1000 ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Summaries of 100 000 rows across 50 initiatives: core time, and syncs per "Opdater overblik" on the stand-in. */
async function benchSummaries(): Promise<void> {
  const tables = generateParticipantTables(100_000, 50);
  const asOf = '2017-12-31' as CalendarDate;
  const { model, taxonomies } = validateWorkbook(tables, { asOf });
  const ms = time(() => {
    summarizeInitiatives(model, taxonomies, asOf);
    summarizePortfolio(model, taxonomies, asOf);
  }, 5);
  console.log(`summaries: 100.000 rows across 50 initiatives: ${ms.toFixed(0)} ms median of 5 (core) · target ≤ 300 ms: ${ms <= 300 ? 'met' : 'NOT met'}`);
  const standin = createStandin(participantSpec(100_000, 50));
  await refreshOverview(excelWorkbook(standin.run, () => true), asOf, 'da');
  console.log(`  "Opdater overblik" through the stand-in: ${standin.stats.syncs} syncs (one read of 3 + one write), ${mb(standin.stats.payloadBytes)}`);
}

/**
 * The CPR scan of issue 10.5 on a file: a sheet outside the model with 100 000 cells (no tables:
 * its region) and 100 000 cells beside a table on another sheet. The reader scans the cells
 * outside the tables in the pass it makes anyway; the figure is that read against the scan of
 * everything it gave (tables, regions, texts) done after it, in the same run.
 */
async function benchCprScan(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const own = wb.addWorksheet('Mine noter');
  const beside = wb.addWorksheet('Med tabel');
  beside.addTable({ name: 'Lille', ref: 'A1', columns: [{ name: 'Navn' }, { name: 'Antal' }], rows: [['a', 1], ['b', 2]] });
  for (let r = 1; r <= 10_000; r++) {
    own.getRow(r).values = Array.from({ length: 10 }, (_, c) => (c % 2 ? r * 10 + c : `Tekst ${r}-${c} 12345`));
    beside.getRow(r).values = [undefined, undefined, undefined, undefined, ...Array.from({ length: 10 }, (_, c) => (c % 2 ? r * 10 + c : `Note ${r}-${c}`))] as ExcelJS.CellValue[];
  }
  own.getCell('C500').value = 'Husk 220387-3047';
  beside.getCell('H900').value = 2008071668;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  let hits = 0;
  const read = readWorkbookBuffer(bytes);
  const readMs = time(() => readWorkbookBuffer(bytes), 5);
  const scanMs = time(() => {
    hits = findCprInWorkbook(read).length;
  }, 5);
  const validateMs = time(() => validateWorkbook(tablesOf(read), { asOf: '2017-12-31' as CalendarDate, texts: textsOf(read) }), 5);
  console.log(`CPR scan: 200.000 cells outside the model (a sheet without tables, and beside a table), ${hits} CPR numbers found`);
  console.log(`  reader (scans the cells outside the tables in its pass) ${readMs.toFixed(0)} ms · scan of all it gave ${scanMs.toFixed(0)} ms · validate ${validateMs.toFixed(0)} ms (medians of 5; no second read of the file)`);
}

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'indsats-bench-'));
  try {
    // BENCH_ONLY=validate (or readers) npm run bench: only that section (argv would wake test/excel/syncBench's own main in the bundle).
    const only = process.env.BENCH_ONLY;
    if (only === 'consolidate') return await benchConsolidate();
    if (only === 'cpr') return await benchCprScan();
    if (only === 'readers' || only === 'validate') {
      const files = await generatedFiles(dir, only === 'readers' ? [10_000, 100_000] : [10_000, 100_000, 200_000]);
      if (only === 'readers') benchReaders(files);
      else benchValidate(dir, files);
      return;
    }
    benchCliStartup();
    const files = await generatedFiles(dir, [10_000, 100_000, 200_000]);
    benchValidate(dir, files);
    benchReaders(files);
    const large = files.get(100_000);
    if (large) benchWrites(large);
    await benchCprScan();
    await benchSyncs();
    await benchAdapterTime();
    await benchSummaries();
    await benchConsolidate();
    await benchTaskPane();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void run();
