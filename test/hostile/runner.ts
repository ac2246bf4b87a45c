/**
 * The hostile suite's child process (bundled by the suite with esbuild; run with node):
 *
 *   node runner.js run JOB.json RESULTS.jsonl   runs JOB's command lines one after the other through the
 *       built CLI's `main(argv, io)` (dist-cli/indsats.js), appending one JSON line per command: exit
 *       code, stdout, stderr and the process's peak RSS so far. Before each command it appends
 *       {start: i} and prints a marker to the real stdout and stderr, so the parent can tell which
 *       command a crash or stray output belongs to, and restart after it.
 *   node runner.js check JOB.json RESULT.json   looks at files: type, sha256, every zip part (CPR digit
 *       strings, characters XML forbids, formulas), content types, and whether the streaming reader opens it.
 *
 * Commands run in-process (one node start per case); peak memory is the child's, per case.
 */
import { createHash } from 'crypto';
import { appendFileSync, lstatSync, readFileSync, readlinkSync, writeFileSync } from 'fs';
import { readWorkbookBuffer } from '../../src/xlsx/reader';
import { createInflateRaw } from 'zlib';
import { zipEntries, zipEntryData, zipEntryRaw } from '../../src/xlsx/zip';
import { cprStrings, decodeXml, formulasOf, ILLEGAL_XML, INJECTED, literalsOf, outsideLiterals, ruleFormulasOf } from './scan';

export interface RunJob {
  bundle: string;
  today: string;
  commands: string[][];
  startAt: number;
}

export interface CommandResult {
  i: number;
  code?: number;
  out?: string;
  err?: string;
  ms?: number;
  maxRssMiB?: number;
  /** main() rejected or something threw outside it: the error's stack. */
  crash?: string;
  /** The -o path before and after the command: type and sha256 (a fifo is never opened). */
  outBefore?: PathState;
  outAfter?: PathState;
}

export interface PathState {
  type: string;
  sha256?: string;
}

export function pathState(path: string): PathState {
  let l;
  try {
    l = lstatSync(path);
  } catch {
    return { type: 'missing' };
  }
  if (l.isSymbolicLink()) return { type: 'symlink', sha256: readlinkSync(path) };
  if (l.isFile()) return { type: 'file', sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
  return { type: l.isDirectory() ? 'dir' : l.isFIFO() ? 'fifo' : 'other' };
}

const outputArg = (argv: string[]): string | undefined => {
  const i = argv.indexOf('-o');
  return i >= 0 ? argv[i + 1] : undefined;
};

export interface CheckJob {
  /** `deep`: grep every part and open the file in the streaming reader (outputs); else type, sha256 and sheet names (inputs). */
  files: { path: string; deep: boolean }[];
  markers: string[];
}

export interface FileCheck {
  path: string;
  type: 'missing' | 'file' | 'dir' | 'fifo' | 'symlink' | 'other';
  size?: number;
  sha256?: string;
  /** Set when the file is a zip. */
  zip?: {
    parts: number;
    /** CPR digit strings per part, and the sheet cells showing them (a shared string's users, or the part's own cells). */
    cpr: CprPartHit[];
    illegalXml: string[];
    formulas: number;
    /** Formulas with injected code outside string literals. */
    injected: { part: string; formula: string }[];
    /** Formulas Excel refuses: longer than 8192 characters or with a string literal over 255. */
    overLimits: { part: string; formula: string }[];
    workbookContentType?: string;
    hasVbaProject: boolean;
    /** The sheet names xl/workbook.xml lists. */
    sheetNames: string[];
  };
  zipError?: string;
  reader?: { sheets: string[]; tables: string[]; markers: Record<string, string[]> } | { error: string; code?: string };
}

const BIG_PART = 64 * 1024 * 1024;
const slices = (data: Buffer): string[] => {
  const out: string[] = [];
  for (let p = 0; p < data.length; p += BIG_PART) out.push(data.toString('utf8', Math.max(0, p - 32), Math.min(data.length, p + BIG_PART)));
  return out;
};

const MARK = (i: number) => `\n@@HOSTILE-COMMAND ${i}@@\n`;

async function run(job: RunJob, results: string): Promise<void> {
  let current = job.startAt;
  const fail = (e: unknown) => {
    appendFileSync(results, JSON.stringify({ i: current, crash: e instanceof Error ? e.stack ?? String(e) : String(e) }) + '\n');
    process.exit(70);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CLI, loaded at run time
  const { main } = require(job.bundle) as { main: (argv: string[], io: unknown) => Promise<number> };
  for (let i = job.startAt; i < job.commands.length; i++) {
    current = i;
    const output = outputArg(job.commands[i]);
    const outBefore = output ? pathState(output) : undefined;
    appendFileSync(results, JSON.stringify({ start: i, outBefore }) + '\n');
    process.stdout.write(MARK(i));
    process.stderr.write(MARK(i));
    const out: string[] = [];
    const err: string[] = [];
    const started = Date.now();
    let code: number | undefined;
    let crash: string | undefined;
    try {
      code = await main(job.commands[i], { out: (t: string) => out.push(t), err: (t: string) => err.push(t), today: () => job.today });
    } catch (e) {
      crash = e instanceof Error ? e.stack ?? String(e) : String(e);
    }
    const result: CommandResult = {
      i,
      code,
      out: out.join('\n'),
      err: err.join('\n'),
      ms: Date.now() - started,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      ...(crash && { crash }),
      ...(output && { outBefore, outAfter: pathState(output) }),
    };
    appendFileSync(results, JSON.stringify(result) + '\n');
  }
}

function typeOf(path: string): FileCheck['type'] {
  try {
    const l = lstatSync(path);
    return l.isSymbolicLink() ? 'symlink' : l.isFile() ? 'file' : l.isDirectory() ? 'dir' : l.isFIFO() ? 'fifo' : 'other';
  } catch {
    return 'missing';
  }
}

async function check(path: string, markers: string[], deep: boolean): Promise<FileCheck> {
  const type = typeOf(path);
  const result: FileCheck = { path, type };
  if (type !== 'file') return result;
  const bytes = readFileSync(path);
  result.size = bytes.length;
  result.sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return result;
  try {
    const entries = zipEntries(bytes);
    const zip: NonNullable<FileCheck['zip']> = { parts: entries.length, cpr: [], illegalXml: [], formulas: 0, injected: [], overLimits: [], hasVbaProject: false, sheetNames: [] };
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      if (/vbaProject\.bin$/i.test(e.name)) zip.hasVbaProject = true;
      if (e.name === 'xl/workbook.xml' && e.size < 10_000_000) {
        const xml = zipEntryData(bytes, e).toString('utf8');
        zip.sheetNames = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
      }
      if (!deep) continue;
      // Every part is grepped as text, binary ones too (a CPR number in them is as readable); big ones in slices,
      // and a huge one (a zip bomb the package writer copies as it is) inflated as a stream, never held whole.
      if (e.method === 8 && e.size > BIG_PART) {
        const cpr = await streamedCpr(zipEntryRaw(bytes, e));
        if (cpr.length) zip.cpr.push({ part: e.name, strings: [...new Set(cpr)] });
        continue;
      }
      const data = zipEntryData(bytes, e);
      const text = data.length <= BIG_PART ? data.toString('utf8') : '';
      const cpr = data.length <= BIG_PART ? cprStrings(text) : slices(data).flatMap(cprStrings);
      if (cpr.length) zip.cpr.push({ part: e.name, strings: [...new Set(cpr)] });
      if (/\.(xml|rels|vml)$/i.test(e.name) && ILLEGAL_XML.test(text)) zip.illegalXml.push(e.name);
      if (e.name === '[Content_Types].xml') {
        const m = /<Override\b[^>]*PartName="\/xl\/workbook\.xml"[^>]*ContentType="([^"]+)"|<Override\b[^>]*ContentType="([^"]+)"[^>]*PartName="\/xl\/workbook\.xml"/.exec(text);
        zip.workbookContentType = m?.[1] ?? m?.[2];
      }
      if (/^xl\/(worksheets|chartsheets)\/.*\.xml$/.test(e.name) || e.name === 'xl/workbook.xml') {
        const formulas = [...formulasOf(text), ...ruleFormulasOf(text), ...[...text.matchAll(/<definedName\b[^>]*>([\s\S]*?)<\/definedName>/g)].map((m) => m[1])];
        zip.formulas += formulas.length;
        for (const f of formulas) {
          if (INJECTED.some((re) => re.test(outsideLiterals(f)))) zip.injected.push({ part: e.name, formula: f.slice(0, 300) });
          if (f.length > 8192 || literalsOf(f).some((l) => l.length > 255)) zip.overLimits.push({ part: e.name, formula: f.slice(0, 300) });
        }
      }
    }
    attributeCpr(bytes, entries, zip.cpr);
    result.zip = zip;
  } catch (e) {
    result.zipError = (e as Error).message;
  }
  if (!deep) return result;
  try {
    const wb = readWorkbookBuffer(bytes, undefined, path);
    const found: Record<string, string[]> = {};
    for (const s of wb.sheets) {
      const cells = [s.region, ...s.tables].flatMap((t) => (t ? [...t.header, ...t.rows.flat()] : []));
      for (const m of markers) if (cells.some((v) => typeof v === 'string' && v.includes(m))) (found[m] ??= []).push(s.name);
    }
    result.reader = { sheets: wb.sheets.map((s) => s.name), tables: wb.sheets.flatMap((s) => s.tables.map((t) => t.table ?? '')), markers: found };
  } catch (e) {
    result.reader = { error: (e as Error).message, code: (e as { code?: string }).code };
  }
  return result;
}

/** CPR strings in a deflated entry, inflated chunk by chunk (each chunk with the tail of the one before). */
async function streamedCpr(raw: Buffer): Promise<string[]> {
  const found: string[] = [];
  let tail = '';
  const inflate = createInflateRaw();
  const done = new Promise<void>((resolve, reject) => {
    inflate.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      found.push(...cprStrings(text));
      tail = text.slice(-32);
    });
    inflate.on('end', resolve);
    inflate.on('error', reject);
  });
  inflate.end(raw);
  await done;
  return found;
}

/**
 * Which cells show each CPR string found: for xl/sharedStrings.xml the cells that use the string,
 * for a sheet part its cells holding it; named "Sheet!A1" so a report tells the user's own cells
 * from generated sheets. Best effort (regular expressions over the XML).
 */
function attributeCpr(bytes: Buffer, entries: ReturnType<typeof zipEntries>, hits: CprPartHit[]): void {
  if (!hits.length) return;
  const text = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? zipEntryData(bytes, e).toString('utf8') : '';
  };
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])?.[1], /Target="([^"]+)"/.exec(m[0])?.[1]]));
  const sheetOf = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])?.[1]);
    if (target) sheetOf.set(target.startsWith('/') ? target.slice(1) : `xl/${target}`, name);
  }
  const cellsOf = (xml: string) => [...xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/c>/g)].map((m) => ({ ref: m[1], xml: m[0] }));
  const add = (hit: CprPartHit, cpr: string, cell: string) => ((hit.cells ??= {})[cpr] ??= []).push(cell);
  const shared = hits.find((h) => h.part === 'xl/sharedStrings.xml');
  const byIndex = new Map<string, string[]>();
  if (shared)
    [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].forEach((m, i) => {
      const found = cprStrings(decodeXml(m[1].replace(/<[^>]+>/g, '')));
      if (found.length) byIndex.set(String(i), found);
    });
  for (const [part, sheet] of sheetOf) {
    const own = hits.find((h) => h.part === part);
    if (!own && !byIndex.size) continue;
    for (const c of cellsOf(text(part))) {
      if (shared && /\bt="s"/.test(c.xml)) for (const cpr of byIndex.get(/<v>(\d+)<\/v>/.exec(c.xml)?.[1] ?? '') ?? []) add(shared, cpr, `${sheet}!${c.ref}`);
      if (own) for (const cpr of cprStrings(decodeXml(c.xml))) add(own, cpr, `${sheet}!${c.ref}`);
    }
  }
}

interface CprPartHit {
  part: string;
  strings: string[];
  /** CPR string → the cells showing it. */
  cells?: Record<string, string[]>;
}

async function cli(): Promise<void> {
  const [mode, jobFile, resultFile] = process.argv.slice(2);
  if (mode === 'run') await run(JSON.parse(readFileSync(jobFile, 'utf8')) as RunJob, resultFile);
  else if (mode === 'check') {
    const job = JSON.parse(readFileSync(jobFile, 'utf8')) as CheckJob;
    const results: FileCheck[] = [];
    for (const f of job.files) results.push(await check(f.path, job.markers, f.deep));
    writeFileSync(resultFile, JSON.stringify(results));
  } else throw new Error(`runner: unknown mode ${mode}`);
}

if (require.main === module) {
  cli().then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`runner: ${(e as Error).stack}\n`);
      process.exit(71);
    },
  );
}
