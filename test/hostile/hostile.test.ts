/**
 * Hostile input (issue 16): every case in cases.ts, generated in code, run through the built CLI
 * (dist-cli/indsats.js, as `node bin/indsats.js` runs it) and checked for what "done" means:
 * 0 crashes, 0 stack traces, 0 inputs changed, 0 CPR digit strings in any output (stdout, stderr,
 * --json, every zip part of every file written), 0 live injected formulas (also after LibreOffice
 * recalculated the outputs), no user sheet lost, peak memory under 1 GiB per case, every workbook
 * written opens in the streaming reader, and no temp file left behind.
 *
 * A case's commands run in one child process (test/hostile/runner.ts: `main(argv, io)` in-process,
 * one after the other), so its peak RSS is measured; a command that kills the child is recorded and
 * the rest run in a new one. Two cases run at a time. The signal cases run the bin itself.
 * A table of cases and outcomes is written to test/artifacts/hostile/report.md.
 */
import { spawn } from 'child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { loadavg } from 'os';
import { basename, dirname, join, relative } from 'path';
import { buildSync } from 'esbuild';
import { messages } from '../../src/i18n';
import { readWorkbookFile } from '../../src/xlsx/reader';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';
import { convertAllWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, removeLibreOfficeProfile, sofficePath } from '../helpers/libreoffice';
import { demoWorkbook } from '../cli/helpers';
import { tempDir } from '../xlsx/fixtures';
import { CASES, isSignal, outputOf, TODAY, type Built, type CaseRun, type Command, type CommandRun, type Env, type HostileCase, type SignalCommand } from './cases';
import { pathState, type CheckJob, type CommandResult, type FileCheck, type PathState, type RunJob } from './runner';
import { cprStrings, stackTraceLines } from './scan';

const ROOT = join(__dirname, '../..');
const BUNDLE = join(ROOT, 'dist-cli/indsats.js');
const BIN = join(ROOT, 'bin/indsats.js');
const tmp = tempDir('indsats-hostile-');

/** The bar: peak RSS per case. */
const LIMIT_MIB = 1024;
/** Above this the suite kills the child: the case has failed already, and the machine is shared. */
const GUARD_MIB = 1100;
/** One command in a child on a loaded 2-core machine; heavy cases (huge sheets, bombs) get more. */
const COMMAND_TIMEOUT_MS = 60_000;
const HEAVY_COMMAND_TIMEOUT_MS = 120_000;
/** Generating every case in-process (ExcelJS edits, zip bombs, 3 million cells) on a loaded machine. */
const BUILD_TIMEOUT_MS = 240_000;
/** Cases run two at a time (2 cores). */
const POOL = 2;
/** What an `it` may wait: its own case (and the one running beside it) in the worst case. */
const caseTimeout = (c: HostileCase) => (c.heavy ? 12 : 4) * 60_000 + (recalcs(c) ? LIBREOFFICE_TIMEOUT_MS + 60_000 : 0);

let tools: { runner: string; interrupt: string };
const jobs = join(tmp.dir, 'jobs');
const runs = new Map<string, Promise<CaseRun>>();
let recalculated: Promise<void>;
const clock = { start: Date.now(), built: 0, ran: 0 };
const rows: { c: HostileCase; run?: CaseRun; verdict?: Verdict; error?: string }[] = [];
const placementRows: { cpr: string; place: string; hits: string[]; where: string[] }[] = [];

// ---------------------------------------------------------------------------------------------
// Base workbooks, built once

const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

const env: Env = {
  mini: once(async () => {
    const { newXlsxWorkbook } = await import('../../src/xlsx/fileWorkbook');
    const { setUpWorkbook } = await import('../../src/operations/operations');
    const { demoRows } = await import('../../src/demo/demoData');
    const rowsByTable: ReturnType<typeof demoRows> = {};
    for (const [table, r] of Object.entries(demoRows())) {
      if (table.startsWith('Deltagere_') && table !== 'Deltagere_ITMV') continue;
      rowsByTable[table] = table === 'Indsatser' || table === 'Statuslog' ? r.filter((row) => row[0] === 'ITMV') : r;
    }
    const workbook = newXlsxWorkbook();
    await setUpWorkbook(workbook, 'da', undefined, { rows: rowsByTable });
    const file = join(tmp.dir, 'base', 'mini.xlsx');
    mkdirSync(dirname(file), { recursive: true });
    await workbook.save(file);
    return file;
  }),
  demo: once(async () => {
    const file = join(tmp.dir, 'base', 'demo.xlsx');
    mkdirSync(dirname(file), { recursive: true });
    await demoWorkbook(file);
    return file;
  }),
};

// ---------------------------------------------------------------------------------------------
// Child processes

interface ChildOutcome {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Peak RSS seen in /proc while it ran (MiB). */
  hwmMiB: number;
  killed?: string;
  /** When the runner's command markers arrived, by command index; and when the child ended. */
  marks: Map<number, number>;
  ended: number;
}

const CAP = 2 * 1024 * 1024;

/** A node child; killed when its RSS passes the guard or when a command (from one marker to the next) takes longer than `timeoutMs`. */
function child(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hwmMiB = 0;
    let killed: string | undefined;
    let deadline = Date.now() + options.timeoutMs;
    const marks = new Map<number, number>();
    p.stdout.on('data', (b: Buffer) => {
      const t = b.toString('utf8');
      if (stdout.length < CAP) stdout += t;
      for (const m of t.matchAll(/@@HOSTILE-COMMAND (\d+)@@/g)) {
        marks.set(Number(m[1]), Date.now());
        deadline = Date.now() + options.timeoutMs;
      }
    });
    p.stderr.on('data', (b: Buffer) => {
      if (stderr.length < CAP) stderr += b.toString('utf8');
    });
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
        if (m) hwmMiB = Math.max(hwmMiB, Number(m[1]) / 1024);
      } catch {
        // gone already, or no /proc
      }
      if (!killed && hwmMiB > GUARD_MIB) killed = `killed by the suite: RSS over ${GUARD_MIB} MiB`;
      else if (!killed && Date.now() > deadline) killed = `killed by the suite: no result after ${options.timeoutMs / 1000} s`;
      if (killed) p.kill('SIGKILL');
    }, 100);
    p.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, hwmMiB, marks, ended: Date.now(), ...(killed && { killed }) });
    });
  });
}

/** A child that reads every fifo over and over (each open waits for a writer), until killed. */
function drainFifos(fifos: string[]): ReturnType<typeof spawn> {
  const script = `const fs = require('fs');
    const drain = (f) => fs.createReadStream(f).on('data', () => {}).on('end', () => drain(f)).on('error', () => {});
    JSON.parse(process.argv[1]).forEach(drain);`;
  const p = spawn(process.execPath, ['-e', script, JSON.stringify(fifos)], { env: { ...process.env, UV_THREADPOOL_SIZE: String(fifos.length + 4) }, stdio: 'ignore' });
  p.on('error', () => undefined);
  return p;
}

let jobCounter = 0;
const jobFile = (name: string) => join(jobs, `${++jobCounter}-${name}`);

/** The stray output of a runner child, split by the command markers it prints. */
function splitByCommand(text: string, from: number): Map<number, string> {
  const parts = new Map<number, string>();
  let current = from;
  for (const piece of text.split(/\n@@HOSTILE-COMMAND (\d+)@@\n/).map((s, i) => ({ s, i }))) {
    if (piece.i % 2 === 1) current = Number(piece.s);
    else if (piece.s.trim()) parts.set(current, (parts.get(current) ?? '') + piece.s);
  }
  return parts;
}

/** CLI command lines through the runner; a command that ends the child is recorded, the rest run in a new one. */
async function runCommands(commands: string[][], timeoutMs: number): Promise<{ runs: CommandRun[]; peak: number }> {
  const out: CommandRun[] = [];
  let peak = 0;
  let start = 0;
  while (start < commands.length) {
    const job = jobFile('run.json');
    const results = jobFile('results.jsonl');
    writeFileSync(job, JSON.stringify({ bundle: BUNDLE, today: TODAY, commands, startAt: start } satisfies RunJob));
    writeFileSync(results, '');
    const o = await child([tools.runner, 'run', job, results], { timeoutMs });
    peak = Math.max(peak, o.hwmMiB);
    const lines = readFileSync(results, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CommandResult & { start?: number });
    const strayOut = splitByCommand(o.stdout, start);
    const strayErr = splitByCommand(o.stderr, start);
    const stray = (i: number) => [strayOut.get(i), strayErr.get(i)].filter(Boolean).join('\n');
    let lastStarted = -1;
    const startedWith = new Map<number, PathState | undefined>();
    for (const r of lines) {
      if (r.start !== undefined) {
        lastStarted = r.start;
        startedWith.set(r.start, r.outBefore);
        continue;
      }
      peak = Math.max(peak, r.maxRssMiB ?? 0);
      out[r.i] = {
        command: commands[r.i],
        code: r.code ?? null,
        out: r.out ?? '',
        err: r.err ?? '',
        stray: stray(r.i),
        ...(r.crash && { crash: r.crash }),
        ms: r.ms,
        rssMiB: r.maxRssMiB,
        outBefore: r.outBefore ?? startedWith.get(r.i),
        outAfter: r.outAfter,
      };
    }
    // The command the child was in when it ended without a result: it died there.
    const died = lastStarted < 0 ? start : out[lastStarted] === undefined ? lastStarted : undefined;
    if (died !== undefined)
      out[died] = {
        command: commands[died],
        code: null,
        signal: o.signal,
        out: '',
        err: '',
        stray: [stray(died), lastStarted < 0 ? o.stderr : ''].filter(Boolean).join('\n'),
        died: o.killed ?? `the child process ended (exit ${o.code}, signal ${o.signal})`,
        rssMiB: o.hwmMiB,
        ms: o.ended - (o.marks.get(died) ?? o.ended),
        outBefore: startedWith.get(died),
      };
    start = (died ?? lastStarted) + 1;
  }
  return { runs: out, peak };
}

/** `node -r interrupt.js bin/indsats.js …`: the signal the moment a file appears in the output folder. */
async function runInterrupted(c: SignalCommand): Promise<CommandRun & { interruptedAt?: string }> {
  const note = jobFile('interrupted.txt');
  const output = outputOf(c)!;
  const outBefore = pathState(output);
  const o = await child(['-r', tools.interrupt, BIN, ...c.bin], {
    env: { HOSTILE_WATCH_DIR: dirname(output), HOSTILE_SIGNAL: c.signal, HOSTILE_NOTE: note },
    timeoutMs: COMMAND_TIMEOUT_MS,
  });
  return {
    command: c,
    code: o.code,
    signal: o.signal,
    out: o.stdout,
    err: o.stderr,
    stray: '',
    rssMiB: o.hwmMiB,
    ...(o.killed && { died: o.killed }),
    ...(existsSync(note) && { interruptedAt: readFileSync(note, 'utf8') }),
    outBefore,
    outAfter: pathState(output),
  };
}

/** Heavy cases: the outputs are as big as the input now that the writers keep them (3 million cells, 1 GiB media). */
async function checkFiles(files: CheckJob['files'], markers: string[], heavy = false): Promise<FileCheck[]> {
  const job = jobFile('check.json');
  const result = jobFile('check-result.json');
  writeFileSync(job, JSON.stringify({ files, markers } satisfies CheckJob));
  const o = await child([tools.runner, 'check', job, result], { timeoutMs: HEAVY_COMMAND_TIMEOUT_MS * (heavy ? 3 : 1) });
  if (o.code !== 0) throw new Error(`the check child failed (${o.killed ?? `exit ${o.code}`}): ${o.stderr.slice(0, 2000)}`);
  return JSON.parse(readFileSync(result, 'utf8')) as FileCheck[];
}

// ---------------------------------------------------------------------------------------------
// One case

/** pathState, and for a folder its entries' states. */
function stateOf(path: string): PathState & { entries?: string } {
  const state = pathState(path);
  if (state.type !== 'dir') return state;
  return { ...state, entries: readdirSync(path).sort().map((n) => `${n}:${JSON.stringify(stateOf(join(path, n)))}`).join('|') };
}

/** Every path under `dir` (not into input folders). */
function listing(dir: string, skip: Set<string>): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    out.push(p);
    if (!skip.has(p) && lstatSync(p).isDirectory()) out.push(...listing(p, skip));
  }
  return out;
}

let sequence: Promise<unknown>;
let running = 0;
const waiting: (() => void)[] = [];
async function inPool<T>(f: () => Promise<T>): Promise<T> {
  if (running >= POOL) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await f();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Builds run in beforeAll (in-process, they load modules); runs only start children and read files. */
async function buildCase(c: HostileCase): Promise<{ dir: string; built: Built }> {
  const dir = join(tmp.dir, 'cases', c.id);
  mkdirSync(dir, { recursive: true });
  return { dir, built: await c.build(dir, env) };
}

async function runCase(c: HostileCase, { dir, built }: { dir: string; built: Built }): Promise<CaseRun> {
  const outputs = [...new Set(built.commands.map(outputOf).filter((o): o is string => !!o))];
  const before = Object.fromEntries([...built.inputs, ...outputs].map((p) => [p, stateOf(p)]));
  const skip = new Set(built.inputs);
  const present = new Set(listing(dir, skip));
  const timeout = c.heavy ? HEAVY_COMMAND_TIMEOUT_MS : COMMAND_TIMEOUT_MS;

  // Fifos named by -o get a reader, so a CLI that writes into them finishes instead of hanging.
  const fifos = Object.entries(before).filter(([, st]) => st.type === 'fifo').map(([p]) => p);
  const drain = fifos.length ? drainFifos(fifos) : undefined;
  const commands: CommandRun[] = [];
  let peak = 0;
  for (let i = 0; i < built.commands.length; ) {
    const c0 = built.commands[i];
    if (isSignal(c0)) {
      const r = await runInterrupted(c0);
      commands.push(r);
      peak = Math.max(peak, r.rssMiB ?? 0);
      i++;
      continue;
    }
    let j = i;
    while (j < built.commands.length && !isSignal(built.commands[j])) j++;
    const batch = await runCommands(built.commands.slice(i, j) as string[][], timeout);
    commands.push(...batch.runs);
    peak = Math.max(peak, batch.peak);
    i = j;
  }

  drain?.kill('SIGKILL');
  const checks = await checkFiles([...built.inputs.map((path) => ({ path, deep: false })), ...outputs.map((path) => ({ path, deep: true }))], built.markers ?? [], c.heavy);
  const after = Object.fromEntries(checks.map((f) => [f.path, f]));
  const known = new Set([...built.inputs, ...outputs]);
  const leftovers = listing(dir, skip).filter((p) => !present.has(p) && !known.has(p));
  return { id: c.id, dir, built, commands, peakMiB: peak, after, before, leftovers };
}

/** One soffice run for every output the recalculating cases name; results attached to their runs. */
async function recalculate(cases: HostileCase[]): Promise<void> {
  const settled = await Promise.all(cases.map((c) => runs.get(c.id)!.then((r) => r, () => undefined)));
  const files: { run: CaseRun; output: string; copy: string }[] = [];
  const inDir = join(tmp.dir, 'lo', 'in');
  const outDir = join(tmp.dir, 'lo', 'out');
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  for (const run of settled) {
    if (!run) continue;
    run.recalculated = {};
    for (const i of run.built.recalc ?? []) {
      const output = outputOf(run.built.commands[i])!;
      if (run.after[output]?.type !== 'file' || !run.after[output].zip) continue;
      const copy = join(inDir, `${run.id}--${basename(output)}`);
      copyFileSync(output, copy);
      files.push({ run, output, copy });
    }
  }
  if (!files.length) return;
  if (!sofficePath()) {
    const why = 'LibreOffice (soffice) is not on PATH: install libreoffice-calc';
    if (process.env.CI) for (const f of files) f.run.recalculated![f.output] = { errorCells: [], error: why };
    else {
      console.warn(`${why}; the hostile cases' LibreOffice recalculation is skipped locally.`);
      for (const f of files) delete f.run.recalculated;
    }
    return;
  }
  let converted: string[];
  try {
    converted = await convertAllWithLibreOffice(files.map((f) => f.copy), 'xlsx', outDir);
  } catch (e) {
    for (const f of files) f.run.recalculated![f.output] = { errorCells: [], error: (e as Error).message.slice(0, 1000) };
    return;
  }
  const checks = await checkFiles(converted.map((path) => ({ path, deep: true })), []);
  files.forEach((f, k) => {
    const bytes = readFileSync(converted[k]);
    const errorCells = zipEntries(bytes)
      .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))
      .flatMap((e) => [...zipEntryData(bytes, e).toString('utf8').matchAll(/<c r="([A-Z]+\d+)"[^>]*\bt="e"[^>]*>[\s\S]*?<v>([^<]*)<\/v>/g)].map((m) => `${e.name}!${m[1]} ${m[2]}`));
    f.run.recalculated![f.output] = { check: checks[k], errorCells };
  });
  await Promise.all(
    files.map(async (f) => {
      try {
        f.run.recalculated![f.output].read = await readWorkbookFile(converted[files.indexOf(f)]);
      } catch (e) {
        f.run.recalculated![f.output].error = `the recalculated file does not read: ${(e as Error).message}`;
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The verdict: every property, as a list of what breaks it

interface Verdict {
  crashes: string[];
  stackTraces: string[];
  inputsChanged: string[];
  cprInOutput: string[];
  liveInjectedFormulas: string[];
  userSheetsLost: string[];
  memoryOver1GiB: string[];
  outputs: string[];
  tempFilesLeft: string[];
  caseSpecific: string[];
}

const CLEAN: Verdict = { crashes: [], stackTraces: [], inputsChanged: [], cprInOutput: [], liveInjectedFormulas: [], userSheetsLost: [], memoryOver1GiB: [], outputs: [], tempFilesLeft: [], caseSpecific: [] };

/** The CLI's message for an error it did not expect: a crash caught at the last moment. */
const GENERIC_ERRORS = [messages.da.cli.unexpected('§'), messages.en.cli.unexpected('§')].map((m) => m.split('§')[0]);
const UNREADABLE = (['corrupt', 'not-xlsx'] as const).map((k) => messages.da.cli.readError[k]('§').split('§')[1].slice(0, 25));

const argvOf = (c: Command): string[] => (isSignal(c) ? c.bin : c);

/** A CPR digit string found, and where. */
interface CprHit {
  cpr: string;
  message: string;
  /** Short: the command and the part ("summarize → xl/sharedStrings.xml", "validate printed"). */
  where: string;
}
const digits = (s: string) => s.replace(/\D/g, '');
/** A name with each CPR number's last four digits as "xxxx" (written out here: the suite does not trust maskCprInName). */
const maskedName = (name: string) => cprStrings(name).reduce((n, c) => n.replace(c, `${c.slice(0, -4)}xxxx`), name);

/**
 * The verdict on a case; CPR numbers it planted in `placements` are left out of it and returned
 * as hits, each checked by its own test.
 */
async function evaluate(c: HostileCase, run: CaseRun): Promise<{ verdict: Verdict; cprHits: CprHit[] }> {
  const v: Verdict = { crashes: [], stackTraces: [], inputsChanged: [], cprInOutput: [], liveInjectedFormulas: [], userSheetsLost: [], memoryOver1GiB: [], outputs: [], tempFilesLeft: [], caseSpecific: [] };
  const cprHits: CprHit[] = [];
  const rel = (p: string) => relative(run.dir, p) || p;
  const name = (i: number) => `#${i} ${argvOf(run.commands[i].command).map((a) => (a.startsWith(run.dir) ? rel(a) : a)).join(' ')}`;
  const inputSheets = new Map<string, string[]>();
  for (const input of run.built.inputs) if (run.after[input]?.zip) inputSheets.set(input, run.after[input].zip!.sheetNames);

  run.commands.forEach((r, i) => {
    const signalled = isSignal(r.command);
    if (r.crash) v.crashes.push(`${name(i)}: threw ${r.crash.split('\n').slice(0, 3).join(' | ')}`);
    // A kill for memory is counted under memory; any other death (a timeout, V8 out of heap, a signal) is a crash.
    if (r.died && !r.died.includes('RSS over')) v.crashes.push(`${name(i)}: ${r.died}${r.stray ? `: ${r.stray.trim().split('\n').slice(0, 3).join(' | ')}` : ''}`);
    if (!signalled && !r.died && !r.crash && r.code !== 0 && r.code !== 1 && r.code !== 2) v.crashes.push(`${name(i)}: exit ${r.code}`);
    for (const g of GENERIC_ERRORS) if (r.err.includes(g)) v.crashes.push(`${name(i)}: an unexpected error: ${r.err.slice(0, 300)}`);
    const printed = [r.out, r.err, r.stray].join('\n');
    const stack = stackTraceLines(printed);
    if (stack.length) v.stackTraces.push(`${name(i)}: ${stack.slice(0, 3).join(' | ')}`);
    for (const hit of new Set(cprStrings(printed))) {
      const at = printed.indexOf(hit);
      cprHits.push({ cpr: hit, where: `${argvOf(r.command)[0]} printed`, message: `${name(i)} printed ${hit}: ${JSON.stringify(printed.slice(Math.max(0, at - 80), at + 40))}` });
    }
    if (signalled) {
      const s = r as CommandRun & { interruptedAt?: string };
      if (!s.interruptedAt) v.caseSpecific.push(`${name(i)}: no file appeared in the output folder, so nothing was interrupted (exit ${r.code}, ${r.err.slice(0, 200)})`);
    }

    const out = outputOf(r.command);
    if (!out) return;
    // This command's before and after (several commands may name one output), the final file checked deeply.
    const b = r.outBefore ?? run.before[out];
    const final = run.after[out];
    const mine = r.outAfter ?? { type: final?.type ?? 'missing', sha256: final?.sha256 };
    const changed = b.type !== mine.type || b.sha256 !== mine.sha256;
    const a = final && final.type === mine.type && final.sha256 === mine.sha256 ? final : undefined;
    const refused = r.code === 2 || (r.code === 1 && argvOf(r.command)[0] === 'import-refunds');
    if (r.code === 0 && !changed) v.outputs.push(`${name(i)}: exit 0 but ${rel(out)} was not written`);
    if (changed && refused) v.outputs.push(`${name(i)}: exit ${r.code} (nothing written) but ${rel(out)} changed: ${b.type} → ${mine.type}`);
    if (!changed || !a) return;
    if (a.type !== 'file') {
      if (a.type !== 'missing' || r.code === 0) v.outputs.push(`${name(i)}: ${rel(out)} is a ${a.type} afterwards (was ${b.type})`);
      return;
    }
    if (!a.zip) v.outputs.push(`${name(i)}: ${rel(out)} (${a.size} bytes) is not a zip${a.zipError ? `: ${a.zipError}` : ''}`);
    else {
      for (const h of a.zip.cpr)
        for (const hit of h.strings) {
          const cells = h.cells?.[hit] ?? [];
          const sheets = [...new Set(cells.map((c) => c.slice(0, c.lastIndexOf('!'))))];
          const shown = cells.length ? ` (${cells.slice(0, 6).join(', ')}${cells.length > 6 ? ` and ${cells.length - 6} more` : ''})` : '';
          cprHits.push({ cpr: hit, where: `${argvOf(r.command)[0]} → ${h.part}${sheets.length ? ` [${sheets.join(', ')}]` : ''}`, message: `${name(i)}: ${rel(out)} ${h.part}${shown}: ${hit}` });
        }
      for (const f of a.zip.injected) v.liveInjectedFormulas.push(`${name(i)}: ${rel(out)} ${f.part}: ${f.formula}`);
      if (a.zip.illegalXml.length) v.outputs.push(`${name(i)}: ${rel(out)} has characters XML forbids in ${a.zip.illegalXml.join(', ')}`);
      for (const f of a.zip.overLimits) v.outputs.push(`${name(i)}: ${rel(out)} ${f.part}: a formula Excel refuses (over 8192 characters or a text over 255): ${f.formula.slice(0, 120)}…`);
    }
    const reader = a.reader;
    if (!reader || 'error' in reader) {
      v.outputs.push(`${name(i)}: ${rel(out)} does not open in the streaming reader: ${reader && 'error' in reader ? reader.error : 'not read'}`);
      return;
    }
    const input = argvOf(r.command)[1];
    const names = new Set(reader.sheets.map((s) => s.toLowerCase()));
    // A sheet named with a CPR number is kept under its masked name (--mask-cpr): the last four digits "xxxx".
    const kept = (s: string) => names.has(s.toLowerCase()) || names.has(maskedName(s).toLowerCase());
    for (const s of inputSheets.get(input) ?? []) if (!kept(s)) v.userSheetsLost.push(`${name(i)}: sheet "${s}" is not in ${rel(out)} (its sheets: ${reader.sheets.join(', ')})`);
    for (const m of run.built.markers ?? []) if (!reader.markers[m]) v.userSheetsLost.push(`${name(i)}: the user's text "${m}" is in no sheet of ${rel(out)} (its sheets: ${reader.sheets.join(', ')})`);
  });

  // A file one command reads must not be called damaged by another.
  const readOk = run.commands.some((r) => argvOf(r.command)[0] === 'validate' && (r.code === 0 || r.code === 1));
  if (readOk)
    run.commands.forEach((r, i) => {
      if (UNREADABLE.some((u) => r.err.includes(u))) v.outputs.push(`${name(i)}: calls the input unreadable although validate read it: ${r.err.slice(0, 200)}`);
    });

  for (const input of run.built.inputs) {
    const b = run.before[input];
    const now = stateOf(input);
    if (JSON.stringify(b) !== JSON.stringify(now)) v.inputsChanged.push(`${rel(input)}: ${b.type} ${b.sha256?.slice(0, 12) ?? ''} → ${now.type} ${now.sha256?.slice(0, 12) ?? ''}`);
  }
  if (run.peakMiB >= LIMIT_MIB) v.memoryOver1GiB.push(`peak RSS ${Math.round(run.peakMiB)} MiB`);
  run.commands.forEach((r, i) => r.died?.includes('RSS over') && v.memoryOver1GiB.push(`${name(i)}: ${r.died} after ${((r.ms ?? 0) / 1000).toFixed(1)} s`));
  v.tempFilesLeft.push(...run.leftovers.map(rel));

  for (const [output, r] of Object.entries(run.recalculated ?? {})) {
    if (r.error) v.liveInjectedFormulas.push(`LibreOffice on ${rel(output)}: ${r.error}`);
    for (const f of r.check?.zip?.injected ?? []) v.liveInjectedFormulas.push(`after LibreOffice recalculated ${rel(output)}: ${f.part}: ${f.formula}`);
    if (r.errorCells.length) v.liveInjectedFormulas.push(`after LibreOffice recalculated ${rel(output)}: error values in ${r.errorCells.slice(0, 8).join(', ')}${r.errorCells.length > 8 ? ` and ${r.errorCells.length - 8} more` : ''}`);
  }
  v.caseSpecific.push(...(await (run.built.expect?.(run, (id) => runs.get(id)!) ?? [])));
  const planted = new Set(Object.keys(c.placements ?? {}).map(digits));
  v.cprInOutput.push(...cprHits.filter((h) => !planted.has(digits(h.cpr))).map((h) => h.message));
  return { verdict: v, cprHits: cprHits.filter((h) => planted.has(digits(h.cpr))) };
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const sources = listing(join(ROOT, 'src'), new Set()).filter((p) => /\.tsx?$/.test(p));
  const newest = Math.max(...sources.map((p) => statSync(p).mtimeMs));
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newest) throw new Error(`${relative(ROOT, BUNDLE)} is missing or older than src/: run npm run build:cli first (npm test does)`);
  mkdirSync(jobs, { recursive: true });
  const outdir = join(tmp.dir, 'tools');
  buildSync({ entryPoints: [join(__dirname, 'runner.ts'), join(__dirname, 'interrupt.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outdir, logLevel: 'warning' });
  tools = { runner: join(outdir, 'runner.js'), interrupt: join(outdir, 'interrupt.js') };
  // Cases that LibreOffice recalculates first, so soffice runs while the rest do. Each case starts
  // running (in the pool of children) as soon as it is built; the hook waits for the builds only.
  const order = [...CASES].sort((x, y) => Number(recalcs(y)) - Number(recalcs(x)));
  for (const c of order) {
    const built = buildCase(c);
    const p = built.then((b) => inPool(() => runCase(c, b)));
    p.catch(() => undefined);
    runs.set(c.id, p);
    await built.catch(() => undefined);
  }
  clock.built = Date.now();
  recalculated = recalculate(CASES.filter(recalcs));
  recalculated.catch(() => undefined);
  sequence = Promise.allSettled([...runs.values(), recalculated]).then(() => (clock.ran = Date.now()));
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await sequence;
  writeReport();
  removeLibreOfficeProfile();
  if (!process.env.HOSTILE_KEEP) tmp.cleanup();
  else console.warn(`hostile cases kept in ${tmp.dir}`);
}, HEAVY_COMMAND_TIMEOUT_MS * 3);

/** The cases LibreOffice recalculates (known before they are built: see their `recalc`). */
function recalcs(c: HostileCase): boolean {
  return c.id.startsWith('injection-') || c.id === 'sheet-names-with-quotes';
}

/**
 * Cases whose defect is still open (issue 16), by case id or `cpr:<number>`: they run and must
 * still FAIL (`it.failing`), so fixing one turns it red here until it is taken off the list.
 * The report in test/artifacts/hostile/ gives the observed output of each.
 */
const OPEN: Record<string, string> = {
  // (The six cases of files ExcelJS could not load or hold for writing are fixed by the package
  // writer, src/xlsx/package: the write commands no longer load ExcelJS for a file. The CPR numbers
  // in the user's own data are refused or, with --mask-cpr, masked by the write commands.)
};
const itFor = (id: string) => (OPEN[id] ? it.failing : it);

describe('hostile input: 0 crashes, 0 stack traces, 0 inputs changed, 0 CPR strings out, 0 live injected formulas, no user sheet lost, < 1 GiB', () => {
  for (const c of CASES) {
    const evaluated = once(async () => {
      const run = await runs.get(c.id)!;
      if (recalcs(c)) await recalculated;
      return { run, ...(await evaluate(c, run)) };
    });
    itFor(c.id)(`${c.id}: ${c.what}`, async () => {
      const row: (typeof rows)[number] = { c };
      rows.push(row);
      try {
        const e = await evaluated();
        row.run = e.run;
        row.verdict = e.verdict;
      } catch (e) {
        row.error = (e as Error).stack ?? String(e);
        throw e;
      }
      expect(row.verdict).toEqual(CLEAN);
    }, caseTimeout(c));
    for (const [cpr, place] of Object.entries(c.placements ?? {})) {
      itFor(`cpr:${cpr}`)(`cpr-in ${place}: ${cpr} is in no output (stdout, stderr, --json, any zip part) [${c.id}]`, async () => {
        const found = (await evaluated()).cprHits.filter((h) => digits(h.cpr) === digits(cpr));
        placementRows.push({ cpr, place, hits: found.map((h) => h.message), where: [...new Set(found.map((h) => h.where))] });
        expect(found.map((h) => h.message)).toEqual([]);
      }, caseTimeout(c));
    }
  }
});

function writeReport(): void {
  const dir = join(ROOT, 'test/artifacts/hostile');
  mkdirSync(dir, { recursive: true });
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Hostile input: cases and outcomes',
    '',
    `Run ${new Date().toISOString()}: cases built in ${((clock.built - clock.start) / 1000).toFixed(0)} s, all run (and recalculated) ${((clock.ran - clock.start) / 1000).toFixed(0)} s after the start; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end. Peak = the case's peak RSS. Exit codes in command order ("died": killed, see the details).`,
    '',
    '| case | exit codes | peak MiB | outcome |',
    '|---|---|---|---|',
  ];
  const details: string[] = [];
  for (const { c, run, verdict, error } of rows) {
    const codes = run?.commands.map((r) => (r.died ? 'died' : r.crash ? 'threw' : r.code === null ? `sig ${r.signal}` : String(r.code))).join(' ') ?? '';
    const failed = verdict ? (Object.keys(CLEAN) as (keyof Verdict)[]).filter((k) => verdict[k].length) : [];
    const outcome = error ? `ERROR ${error.split('\n')[0]}` : failed.length ? `FAIL: ${failed.map((k) => `${k} (${verdict![k].length})`).join(', ')}` : 'pass';
    lines.push(`| ${cell(c.id)} | ${codes} | ${run ? Math.round(run.peakMiB) : ''} | ${cell(outcome)} |`);
    details.push(`## ${c.id}`, '', c.what, '');
    run?.commands.forEach((r, i) => {
      const argv = argvOf(r.command).map((a) => (a.startsWith(run.dir) ? relative(run.dir, a) : a));
      details.push(`- #${i} \`${argv.join(' ')}\` → ${r.died ? `died: ${r.died}` : `exit ${r.code}${r.signal ? ` signal ${r.signal}` : ''}`}${r.ms !== undefined ? `, ${r.ms} ms` : ''}${r.rssMiB ? `, ${Math.round(r.rssMiB)} MiB` : ''}`);
      const said = [r.out, r.err].filter(Boolean).join(' ⏎ ').replace(/\s+/g, ' ').slice(0, 400);
      if (said) details.push(`  - said: ${said}`);
    });
    for (const [output, r] of Object.entries(run?.recalculated ?? {}))
      details.push(`- LibreOffice recalculated ${relative(run!.dir, output)}: ${r.error ? `failed: ${r.error.slice(0, 200)}` : `${r.check?.zip?.formulas ?? 0} formulas, ${r.check?.zip?.injected.length ?? 0} with injected code, ${r.errorCells.length} error values`}`);
    if (verdict) for (const k of failed) for (const p of verdict[k]) details.push(`- **${k}**: ${p.slice(0, 600)}`);
    if (error) details.push(`- **error**: ${error.slice(0, 1000)}`);
    details.push('');
  }
  if (placementRows.length) {
    lines.push('', '| CPR number | placed in | outcome |', '|---|---|---|');
    for (const p of placementRows) lines.push(`| ${p.cpr} | ${cell(p.place)} | ${p.hits.length ? `FAIL (${p.hits.length}): ${cell(p.where.join('; '))}` : 'pass'} |`);
  }
  writeFileSync(join(dir, 'report.md'), [...lines, '', ...details].join('\n'));
  writeFileSync(join(dir, 'report.json'), JSON.stringify({ cases: rows.map(({ c, run, verdict, error }) => ({ id: c.id, what: c.what, peakMiB: run?.peakMiB, commands: run?.commands.map((r) => ({ ...r, out: r.out.slice(0, 2000), err: r.err.slice(0, 2000), stray: r.stray.slice(0, 2000) })), verdict, error })), placements: placementRows }, null, 2));
}
