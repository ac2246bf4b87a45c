/**
 * The `indsats` command: the domain core on .xlsx files, for batch work and for testing without
 * Excel. Exit codes follow the contract: validate 0 = no errors, 1 = errors found, 2 = unreadable
 * input (also used for usage errors). The input file is never written to.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { messages, type Lang } from '../i18n';
import { parseDate } from '../domain/parse/date';
import { calendarDate, formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import { validateWorkbook } from '../domain/validate';
import type { Finding } from '../domain/validate';
import { demoRows } from '../demo/demoData';
import { planStructure } from '../workbook/structure';
import { tablesOf, type WorkbookRead } from '../workbook/read';
import { planReconciliationSheet } from '../workbook/reconciliationSheet';
import { reconciliationJson, reconciliationText } from './reconcile';
import { freezeSnapshot, planSummary, SnapshotExistsError } from '../operations/summarize';
import { decodeRefundFile, importRefunds } from '../operations/refundImport';
import { memoryLive } from './memoryLive';
import { reconcileExitCode, runReconciliation } from '../operations/reconcile';
import { applyPlan, newWorkbook, PlanConflictError, readXlsx, writeXlsx, XlsxReadError } from '../xlsx';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Today's date (injectable for tests). */
  today: () => CalendarDate;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  today: () => {
    const now = new Date();
    return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  },
};

class UsageError extends Error {}

/** Files at least this big get progress lines on stderr: reading and validating them takes seconds. */
const PROGRESS_BYTES = 1_000_000;

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let lang: Lang = 'da';
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        force: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.lang === 'en' || values.lang === 'da') lang = values.lang;
    else if (values.lang !== undefined) throw new UsageError(messages.da.cli.badOption(`--lang ${values.lang}`));
    const t = messages[lang].cli;
    const [command, input] = positionals;
    if (values.help || !command || command === 'help') {
      io.out(t.usage);
      return command || values.help ? 0 : 2;
    }
    const started = Date.now();
    const progress = (big: boolean) => (text: string) => {
      if (big && !values.quiet) io.err(text);
    };
    switch (command) {
      case 'demo':
      case 'init': {
        const output = outputPath(values.output, values.force ?? false, undefined, lang);
        const plan = planStructure(emptyRead(), { lang, ...(command === 'demo' ? { rows: demoRows() } : {}) });
        const workbook = newWorkbook();
        applyPlan(workbook, plan);
        await write(workbook, output, lang);
        io.out(t.wrote(values.output!));
        return 0;
      }
      case 'repair': {
        if (!input) throw new UsageError(t.missingInput);
        const output = outputPath(values.output, values.force ?? false, input, lang);
        const { workbook, read } = await readXlsx(input);
        const plan = planStructure(read, { lang });
        applyPlan(workbook, plan);
        await write(workbook, output, lang);
        io.out(t.repaired(values.output!, plan.ops.filter((op) => op.kind !== 'layoutColumns').length));
        return 0;
      }
      case 'validate': {
        if (!input) throw new UsageError(t.missingInput);
        const asOf = values['as-of'] !== undefined ? asOfDate(values['as-of'], lang) : io.today();
        const size = fileSize(input);
        const say = progress(size >= PROGRESS_BYTES);
        say(t.progress.reading(input, (size / 1e6).toFixed(1).replace('.', lang === 'da' ? ',' : '.')));
        const { read } = await readXlsx(input);
        const tables = tablesOf(read);
        say(t.progress.validating(tables.length, tables.reduce((n, tb) => n + tb.rows.length, 0)));
        const { findings } = validateWorkbook(tables, { asOf, lang });
        printFindings(findings, values.json ?? false, io, lang);
        say(t.progress.done(((Date.now() - started) / 1000).toFixed(1)));
        return findings.some((f) => f.severity === 'error') ? 1 : 0;
      }
      case 'summarize':
      case 'snapshot': {
        if (!input) throw new UsageError(t.missingInput);
        const asOf = values['as-of'] !== undefined ? asOfDate(values['as-of'], lang) : io.today();
        const output = outputPath(values.output, values.force ?? false, input, lang);
        const size = fileSize(input);
        const say = progress(size >= PROGRESS_BYTES);
        say(t.progress.reading(input, (size / 1e6).toFixed(1).replace('.', lang === 'da' ? ',' : '.')));
        const { workbook, read } = await readXlsx(input);
        if (command === 'snapshot') {
          await freezeSnapshot(memoryLive(workbook, read), asOf, lang);
        } else {
          const run = planSummary(read, asOf, lang);
          applyPlan(workbook, { ops: run.ops });
          if (run.kept) io.out(t.kept(run.kept));
        }
        say(t.progress.writing(output));
        await write(workbook, output, lang);
        io.out(t.wrote(output));
        return 0;
      }
      case 'import-refunds': {
        const refundFile = positionals[2];
        if (!input || !refundFile) throw new UsageError(t.missingInput);
        const output = outputPath(values.output, values.force ?? false, input, lang);
        const { workbook, read } = await readXlsx(input);
        let bytes: Buffer;
        try {
          bytes = readFileSync(refundFile);
        } catch {
          throw new UsageError(t.readError['not-found'](refundFile));
        }
        const f = messages[lang].finance.refundImport;
        const result = await importRefunds(memoryLive(workbook, read), decodeRefundFile(bytes), basename(refundFile), io.today(), lang);
        if (result.kind === 'problems') {
          for (const p of result.problems) io.err(p);
          io.err(f.rejected(result.problems.length));
          return 1;
        }
        if (result.kind === 'duplicate') {
          io.err(f.duplicate(result.file));
          return 1;
        }
        await write(workbook, output, lang);
        io.out(f.imported(result.groups, result.lines, basename(refundFile)));
        return 0;
      }
      case 'reconcile': {
        if (!input) throw new UsageError(t.missingInput);
        const asOf = values['as-of'] !== undefined ? asOfDate(values['as-of'], lang) : io.today();
        const output = values.output !== undefined ? outputPath(values.output, values.force ?? false, input, lang) : undefined;
        const { workbook, read } = await readXlsx(input);
        const run = runReconciliation(tablesOf(read), asOf, lang);
        if (values.json) io.out(JSON.stringify(reconciliationJson(run, asOf), null, 2));
        else for (const line of reconciliationText(run, lang)) io.out(line);
        if (output) {
          applyPlan(workbook, { ops: planReconciliationSheet(run.reconciliation, { asOf, lang, taxonomies: run.taxonomies, initiativeNames: run.initiativeNames }) });
          await write(workbook, output, lang);
          if (!values.json) io.out(messages[lang].reconcile.text.wrote(output));
        }
        return reconcileExitCode(run);
      }
      default:
        throw new UsageError(`${t.unknownCommand(command)}\n\n${t.usage}`);
    }
  } catch (error) {
    const t = messages[lang].cli;
    if (error instanceof UsageError) io.err(error.message);
    else if (error instanceof XlsxReadError) io.err(t.readError[error.code](error.path));
    else if (error instanceof WriteError) io.err(error.message);
    else if (error instanceof PlanConflictError) io.err(t.conflict(`${error.sheet}!${error.cell}`));
    else if (error instanceof SnapshotExistsError) io.err(messages[lang].summary.snapshotExists(formatDanishDate(error.date)));
    else io.err(t.unexpected(error instanceof Error ? error.message : String(error)));
    return 2;
  }
}

class WriteError extends Error {}

function emptyRead(): WorkbookRead {
  return { sheets: [] };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // readXlsx reports a missing file properly
  }
}

function asOfDate(text: string, lang: Lang): CalendarDate {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new UsageError(messages[lang].cli.badDate(text));
  return parsed.value;
}

function outputPath(output: string | undefined, force: boolean, input: string | undefined, lang: Lang): string {
  const t = messages[lang].cli;
  if (!output) throw new UsageError(t.missingOutput);
  if (input && resolve(input) === resolve(output)) throw new UsageError(t.sameFile);
  if (!force && fileSize(output) > 0) throw new UsageError(t.outputExists(output));
  return output;
}

async function write(workbook: Parameters<typeof writeXlsx>[0], path: string, lang: Lang): Promise<void> {
  try {
    await writeXlsx(workbook, path);
  } catch (error) {
    throw new WriteError(messages[lang].cli.writeError(path, error instanceof Error ? error.message : String(error)));
  }
}

function printFindings(findings: Finding[], json: boolean, io: Io, lang: Lang): void {
  if (json) {
    io.out(JSON.stringify(findings.map(({ sheet, cell, row, column, severity, code, message, suggestion }) =>
      ({ sheet, cell, row, column, severity, code, message, ...(suggestion !== undefined ? { suggestion } : {}) })), null, 2));
    return;
  }
  const t = messages[lang].cli;
  for (const f of findings) {
    const fix = f.suggestion !== undefined ? ` (${t.suggestion}: ${f.suggestion})` : '';
    io.out(`${f.sheet}!${f.cell}\t${t.severity[f.severity]}\t${f.code}\t${f.message}${fix}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  io.out(t.summary(errors, findings.length - errors));
}
