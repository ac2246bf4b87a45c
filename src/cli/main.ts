/**
 * The `indsats` command: the add-in's operations (src/operations) on .xlsx files, for batch work
 * and for testing without Excel. Exit codes follow the contract: validate 0 = no errors, 1 = errors
 * found, 2 = unreadable input (also used for usage errors). The input file is never written to.
 *
 * Each command is an entry in COMMANDS: its options and a small `run` that opens the file as a
 * LiveWorkbook, calls the operation the task pane calls, and saves the result. The .xlsx adapter
 * (and ExcelJS with it) is loaded only by the commands that need it, so `--help` starts fast.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { messages, type Lang } from '../i18n';
import { parseDate } from '../domain/parse/date';
import { maskCpr } from '../domain/parse/cpr';
import { calendarDate, formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import { tablesOf } from '../workbook/read';
import type { FileWorkbook } from '../xlsx/fileWorkbook';
import { OutputPathError } from '../xlsx/errors';
import { checkOutputPath, onInterrupt, removeStaleTempFiles, sameFile } from '../xlsx/outputPath';
import { RenameError, setUpWorkbook, updateTaxonomies, validate } from '../operations/operations';
import { freezeSnapshot, previewSnapshot, refreshOverview, SnapshotExistsError, SnapshotNotFoundError, withdrawSnapshot } from '../operations/summarize';
import { usePackageWriter } from '../xlsx/writerChoice';
import { REPORT_SHEET } from '../workbook/reportSheet';
import { decodeRefundFile, importRefunds } from '../operations/refundImport';
import { reconcileExitCode, reconcileOnly, writeReconciliationSheet } from '../operations/reconcile';
import { MissingInputError } from '../operations/requirements';
import { ArgsError, GLOBAL_OPTIONS, parseCommandLine, type OptionName, type Values } from './args';
import { findingLine, printFindings } from './findings';
import { parseMap, previewJson, previewLines, problemText } from './adopt';
import { consolidate, makePartnerWorkbook, mergePartnerWorkbook, UnknownAcceptError } from '../operations/portfolio';
import { PartnerError } from '../workbook/partner';
import { isRefusal } from '../workbook/portfolio';
import { CellChangedError } from '../workbook/adapterContract';
import { diffLines, partnerProblemText, printProblems } from './portfolio';
import { reconciliationJson, reconciliationText } from './reconcile';

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
class WriteError extends Error {}

/** Files at least this big get progress lines on stderr: reading and validating them takes seconds. */
const PROGRESS_BYTES = 1_000_000;

/** What a command's `run` gets: the parsed command line and helpers bound to its language. */
interface Context {
  values: Values;
  positionals: string[];
  lang: Lang;
  t: (typeof messages)[Lang]['cli'];
  io: Io;
  started: number;
  /** CPR numbers masked in the copy (--mask-cpr), reported once it is saved. */
  masked?: number;
}

interface Command {
  /** Options beyond --lang, --quiet and --help. */
  options: readonly OptionName[];
  run: (c: Context) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  demo: { options: ['output', 'force'], run: (c) => create(c, 'demo') },
  init: { options: ['output', 'force'], run: (c) => create(c, 'init') },
  repair: {
    options: ['output', 'force', 'rename', 'mask-cpr'],
    async run(c) {
      const input = inputOf(c);
      const r = messages[c.lang].adopt.rename;
      const rename = c.values.rename !== undefined ? parseMap(c.values.rename)?.map((m) => ({ from: m.header, to: m.column })) : [];
      if (!rename) throw new UsageError(r.badRename(c.values.rename!));
      const output = outputPath(c, input);
      const workbook = await openToChange(c, input);
      let result;
      try {
        result = await setUpWorkbook(workbook, c.lang, undefined, { rename });
      } catch (error) {
        if (!(error instanceof RenameError)) throw error;
        for (const p of error.problems) c.io.err(p.kind === 'no-column' ? r['no-column'](p.from) : r['not-missing'](p.from, p.to, p.table));
        return 2;
      }
      // repair is the explicit action that also brings the taxonomies up to the built-in law data.
      const taxonomies = await updateTaxonomies(workbook, c.lang);
      await save(c, workbook, output);
      for (const x of result.renamed) c.io.out(r.renamed(x.from, x.to, `${x.sheet}!${x.cell}`));
      for (const x of result.suggested) c.io.out(r.suggested(x.from, x.to, `${x.sheet}!${x.cell}`));
      c.io.out(c.t.repaired(output, result.added + result.renamed.length));
      if (taxonomies.added || taxonomies.endDated) c.io.out(c.t.taxonomiesUpdated(taxonomies.added, taxonomies.endDated));
      return 0;
    },
  },
  validate: {
    options: ['json', 'as-of'],
    async run(c) {
      const input = inputOf(c);
      const asOf = asOfOf(c);
      const say = progress(c, input);
      const workbook = await open(input);
      const tables = tablesOf(await workbook.read());
      say(c.t.progress.validating(tables.length, tables.reduce((n, tb) => n + tb.rows.length, 0)));
      const { findings } = await validate(workbook, 'workbook', asOf);
      printFindings(findings, c.values.json ?? false, c.io, c.lang);
      say(c.t.progress.done(((Date.now() - c.started) / 1000).toFixed(1)));
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    },
  },
  summarize: {
    options: ['output', 'force', 'as-of', 'mask-cpr'],
    run: (c) =>
      update(c, async (workbook, asOf) => {
        // The file opens on Statusrapport: Ctrl+P prints the report.
        const run = await refreshOverview(workbook, asOf, c.lang);
        for (const kept of [run.kept, run.keptReport]) if (kept) c.io.out(c.t.kept[kept.reason](kept.sheet, kept.as));
      }),
  },
  snapshot: {
    options: ['output', 'force', 'as-of', 'yes', 'withdraw', 'mask-cpr'],
    async run(c) {
      const s = messages[c.lang].summary;
      const withdraw = c.values.withdraw;
      if (withdraw !== undefined) {
        // --withdraw DATE: the rows of that date are marked withdrawn today; nothing is deleted.
        const parsed = parseDate(withdraw);
        if (!parsed.ok) throw new UsageError(c.t.badDate(withdraw));
        let rows = 0;
        const code = await update(c, async (workbook) => {
          rows = (await withdrawSnapshot(workbook, parsed.value, c.io.today(), c.lang)).rows;
        });
        c.io.out(s.snapshotWithdrawnDone(formatDanishDate(parsed.value), rows));
        return code;
      }
      // Freezing is for good: the figures and the open errors are shown first, and with open
      // errors the command freezes only when told so (--yes); otherwise it writes nothing (exit 2).
      let refused = false;
      const code = await update(c, async (workbook, asOf) => {
        const preview = await previewSnapshot(workbook, asOf);
        if (preview.exists) throw new SnapshotExistsError(asOf);
        c.io.out(s.snapshotPreview(formatDanishDate(asOf)));
        for (const f of preview.figures) c.io.out(s.snapshotFigureLine(f));
        if (preview.errors.length) {
          c.io.err(s.snapshotOpenErrors(preview.errors.length));
          if (!c.values.yes) {
            c.io.err(s.snapshotNeedsYes);
            refused = true;
            return false;
          }
        }
        const { kept } = await freezeSnapshot(workbook, asOf, c.lang);
        if (kept) c.io.out(c.t.kept[kept.reason](kept.sheet, kept.as));
        return true;
      });
      return refused ? 2 : code;
    },
  },
  report: {
    options: ['output', 'force', 'as-of'],
    async run(c) {
      const input = inputOf(c);
      const asOf = asOfOf(c);
      const output = outputPath(c, input);
      if (extname(output).toLowerCase() !== '.pdf') throw new UsageError(c.t.report.notPdf(output));
      const { findSoffice, renderPdf, RenderError } = await import('./pdf');
      const soffice = findSoffice();
      if (!soffice) throw new UsageError(c.t.report.noLibreOffice);
      const say = progress(c, input);
      // The report is computed as summarize does, in memory; the input file is not written.
      const workbook = await open(input);
      const run = await refreshOverview(workbook, asOf, c.lang, { show: false });
      say(c.t.progress.writing(output));
      try {
        await renderPdf(soffice, await workbook.printBytes([REPORT_SHEET]), output, !!c.values.force);
      } catch (error) {
        if (error instanceof RenderError) throw new WriteError(c.t.report.failed(output, error.message));
        throw error;
      }
      c.io.out(c.t.report.wrote(output, formatDanishDate(run.reportDate)));
      return 0;
    },
  },
  'import-refunds': {
    options: ['output', 'force', 'mask-cpr'],
    async run(c) {
      const [input, refundFile] = c.positionals;
      if (!input || !refundFile) throw new UsageError(c.t.missingInput);
      const output = outputPath(c, input);
      const workbook = await openToChange(c, input);
      const bytes = refundBytes(c, refundFile);
      const f = messages[c.lang].finance.refundImport;
      const result = await importRefunds(workbook, decodeRefundFile(bytes), basename(refundFile), c.io.today(), c.lang);
      if (result.kind === 'problems') {
        for (const p of result.problems) c.io.err(p);
        c.io.err(f.rejected(result.problems.length));
        return 1;
      }
      if (result.kind === 'duplicate') {
        c.io.err(f.duplicate(result.file));
        return 1;
      }
      if (result.kind === 'empty') {
        c.io.err(f.empty(result.file));
        return 1;
      }
      await save(c, workbook, output);
      c.io.out(f.imported(result.groups, result.lines, result.file));
      // Readable lines that break the refund rules: imported, but reported (exit 1: findings).
      if (!result.checks.length) return 0;
      for (const check of result.checks) c.io.err(check);
      c.io.err(messages[c.lang].finance.checked(result.checks.length));
      return 1;
    },
  },
  adopt: {
    options: ['sheet', 'initiative', 'name', 'map', 'dry-run', 'header-row', 'output', 'force', 'json', 'as-of'],
    run: (c) => adopt(c),
  },
  reconcile: {
    options: ['json', 'as-of', 'output', 'force', 'mask-cpr'],
    async run(c) {
      const input = inputOf(c);
      const asOf = asOfOf(c);
      const output = c.values.output !== undefined ? outputPath(c, input) : undefined;
      const workbook = output ? await openToChange(c, input) : await open(input);
      const run = await reconcileOnly(workbook, asOf);
      if (c.values.json) c.io.out(JSON.stringify(reconciliationJson(run, asOf, c.lang), null, 2));
      else for (const line of reconciliationText(run, c.lang)) c.io.out(line);
      if (output) {
        const { kept } = await writeReconciliationSheet(workbook, run, asOf, c.lang);
        await save(c, workbook, output);
        if (kept) (c.values.json ? c.io.err : c.io.out)(c.t.kept[kept.reason](kept.sheet, kept.as));
        if (!c.values.json) c.io.out(messages[c.lang].reconcile.text.wrote(output));
      }
      return reconcileExitCode(run);
    },
  },
  consolidate: {
    options: ['output', 'force', 'as-of'],
    async run(c) {
      const p = messages[c.lang].portfolio;
      const inputs = inputFiles(c);
      const asOf = asOfOf(c);
      const output = outputPathFor(c, inputs);
      const { newXlsxWorkbook } = await import('../xlsx/fileWorkbook');
      const target = newXlsxWorkbook();
      const sources = inputs.map((file) => ({ name: file, open: () => open(file) }));
      const run = await consolidate(target, sources, asOf, c.lang, {
        onSource: (i, n, file) => {
          if (!c.values.quiet) c.io.err(p.consolidate.reading(i, n, file));
        },
      });
      printProblems(run.problems, c.io, c.lang);
      if (run.refused) {
        c.io.err(p.consolidate.refused(run.problems.filter(isRefusal).length));
        return 2;
      }
      if (!c.values.quiet) c.io.err(c.t.progress.writing(output));
      await save(c, target, output);
      c.io.out(p.consolidate.wrote(output, inputs.length, run.initiatives, run.participants));
      if (run.reconciliation) c.io.out(p.consolidate.reconciled(run.reconciliation.lines, run.reconciliation.gaps));
      for (const kept of run.kept) c.io.out(c.t.kept[kept.reason](kept.sheet, kept.as));
      return run.problems.some((x) => x.code === 'taxonomy-conflict' || x.code === 'extra-columns') ? 1 : 0;
    },
  },
  partner: {
    options: ['output', 'force', 'initiative'],
    async run(c) {
      const input = inputOf(c);
      const id = c.values.initiative?.trim();
      if (!id) throw new UsageError(messages[c.lang].portfolio.partner.missingInitiative);
      const output = outputPath(c, input);
      const { newXlsxWorkbook } = await import('../xlsx/fileWorkbook');
      const target = newXlsxWorkbook();
      try {
        const made = await makePartnerWorkbook(await open(input), target, id, c.lang);
        await save(c, target, output);
        c.io.out(messages[c.lang].portfolio.partner.wrote(output, made.id, made.rows));
        return 0;
      } catch (e) {
        if (e instanceof PartnerError) throw new UsageError(partnerProblemText(e.problem, c.lang, input));
        throw e;
      }
    },
  },
  merge: {
    options: ['output', 'force', 'as-of', 'accept', 'dry-run'],
    async run(c) {
      const m = messages[c.lang].portfolio.merge;
      const [input, partnerFile] = c.positionals;
      if (!input || !partnerFile) throw new UsageError(c.t.missingInput);
      const dryRun = !!c.values['dry-run'];
      if (dryRun === (c.values.output !== undefined)) throw new UsageError(dryRun ? c.t.optionNotFor('-o', 'merge --dry-run', c.t.commandUsage.merge) : m.needsOutput);
      const asOf = asOfOf(c);
      const output = dryRun ? undefined : outputPathFor(c, [input, partnerFile]);
      const text = c.values.accept?.trim();
      const accept = text === undefined ? [] : text.toLowerCase() === 'all' ? 'all' : text.split(',').map((a) => a.trim()).filter(Boolean);
      const main = dryRun ? await open(input) : await openToChange(c, input);
      const partner = await open(partnerFile);
      try {
        const run = await mergePartnerWorkbook(main, partner, asOf, { accept, dryRun });
        if (run.findings.length) {
          printFindings(run.findings, false, c.io, c.lang);
          c.io.err(m.invalid(partnerFile, run.findings.length));
          return 2;
        }
        for (const line of diffLines(run, c.lang)) c.io.out(line);
        const attention = run.pending.length > 0 || run.diff!.deleted.length > 0 || run.diff!.ignored.length > 0 || run.diff!.registerChanges.length > 0;
        if (dryRun) {
          c.io.out(m.dryRun);
          return attention ? 1 : 0;
        }
        await save(c, main, output!);
        c.io.out(m.wrote(output!, run.diff!.added.length, new Set(run.accepted).size));
        if (run.pending.length) c.io.err(m.pending(new Set(run.pending.map((p) => p.participantId)).size));
        return attention ? 1 : 0;
      } catch (e) {
        if (e instanceof PartnerError) throw new UsageError(partnerProblemText(e.problem, c.lang, input, partnerFile));
        if (e instanceof UnknownAcceptError) throw new UsageError(m.unknownAccept(e.ids));
        if (e instanceof CellChangedError) throw new UsageError(m.changedSince(`${e.sheet}!${e.cell}`));
        throw e;
      }
    },
  },
};

export async function main(argv: string[], given: Io = defaultIo): Promise<number> {
  const io: Io = { ...given, out: (t) => given.out(maskCpr(t)), err: (t) => given.err(maskCpr(t)) }; // the one writer: no CPR number printed
  let lang: Lang = 'da';
  // As the real command (not in-process in a test): Ctrl-C or a kill while the output's temporary
  // file exists removes it, says so and exits 130 (SIGINT) or 143 (SIGTERM).
  if (given === defaultIo) {
    onInterrupt((signal) => {
      process.stderr.write(`${messages[lang].cli.interrupted}\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  try {
    const { values, positionals, given } = parseCommandLine(argv);
    if (values.lang === 'en' || values.lang === 'da') lang = values.lang;
    else if (values.lang !== undefined) throw new UsageError(messages.da.cli.badOption(`--lang ${values.lang}`));
    const t = messages[lang].cli;
    const [name, ...rest] = positionals;
    if (values.help || !name || name === 'help') {
      io.out(t.usage);
      return name || values.help ? 0 : 2;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`${t.unknownCommand(name)}\n\n${t.usage}`);
    const stray = given.find((o) => !GLOBAL_OPTIONS.includes(o.name) && !command.options.includes(o.name));
    if (stray) throw new UsageError(t.optionNotFor(stray.raw, name, t.commandUsage[name]));
    return await command.run({ values, positionals: rest, lang, t, io, started: Date.now() });
  } catch (error) {
    io.err(await errorMessage(error, lang));
    return 2;
  }
}

async function errorMessage(error: unknown, lang: Lang): Promise<string> {
  const t = messages[lang].cli;
  if (error instanceof ArgsError) {
    const l = error.lang === 'en' || error.lang === 'da' ? error.lang : lang;
    const a = messages[l].cli;
    return error.problem === 'unknown' ? a.unknownOption(error.option) : error.problem === 'missing-value' ? a.missingValue(error.option) : a.noValue(error.option);
  }
  if (error instanceof UsageError || error instanceof WriteError) return error.message;
  if (error instanceof OutputPathError) return outputPathMessage(error, lang);
  if (error instanceof SnapshotExistsError) return messages[lang].summary.snapshotExists(formatDanishDate(error.date));
  if (error instanceof SnapshotNotFoundError) return messages[lang].summary.snapshotNotFound(formatDanishDate(error.date));
  if (error instanceof MissingInputError) return messages[lang].summary.missingInput(error.command, error.missing);
  // Read and plan errors come from the .xlsx adapter, loaded already by the command that threw them.
  const { XlsxReadError, PlanConflictError } = await import('../xlsx/errors');
  const { NotGeneratedError } = await import('../workbook/adapterContract');
  if (error instanceof NotGeneratedError) return t.notGenerated(error.kind, error.target, error.sheet);
  if (error instanceof XlsxReadError) return t.readError[error.code](error.path, error.part);
  if (error instanceof PlanConflictError) return t.conflict(`${error.sheet}!${error.cell}`);
  return t.unexpected(error instanceof Error ? error.message : String(error));
}

/**
 * adopt: a hand-kept sheet becomes an initiative's tracking sheet. Every argument is checked before
 * the file is read; a sheet that cannot be adopted is exit 2 with nothing written; --dry-run shows
 * the proposal and writes nothing. Exit 1 when validation finds something on the new sheet.
 */
async function adopt(c: Context): Promise<number> {
  const a = messages[c.lang].adopt.cli;
  const input = inputOf(c);
  const sheet = c.values.sheet?.trim();
  if (!sheet) throw new UsageError(a.missingSheet);
  const initiativeId = c.values.initiative?.trim();
  if (!initiativeId) throw new UsageError(a.missingInitiative);
  const choices = c.values.map !== undefined ? parseMap(c.values.map) : [];
  if (!choices) throw new UsageError(a.badMap(c.values.map!));
  const headerRowText = c.values['header-row'];
  const headerRow = headerRowText === undefined ? undefined : /^\s*\d{1,7}\s*$/.test(headerRowText) && Number(headerRowText) >= 1 ? Number(headerRowText) : NaN;
  if (Number.isNaN(headerRow)) throw new UsageError(a.badHeaderRow(headerRowText!));
  const dryRun = !!c.values['dry-run'];
  const output = dryRun ? undefined : outputPath(c, input);
  const asOf = asOfOf(c);
  const workbook = dryRun ? await open(input) : await openToChange(c, input);
  const { adoptSheet } = await import('../operations/adopt');
  const request = { sheet, initiativeId, ...(c.values.name ? { name: c.values.name } : {}), choices, ...(headerRow !== undefined ? { headerRow } : {}) };
  const result = await adoptSheet(workbook, request, asOf, c.lang, { dryRun });
  if (!result.ok) {
    for (const p of result.problems) c.io.err(problemText(p, c.lang));
    return 2;
  }
  const { preview, findings } = result;
  if (output) await save(c, workbook, output);
  if (c.values.json) {
    c.io.out(JSON.stringify(previewJson(preview, c.lang, !!output, findings), null, 2));
  } else {
    for (const line of previewLines(preview, c.lang)) c.io.out(line);
    if (!output) c.io.out(a.dryRun);
    else {
      if (preview.setsUp) c.io.out(a.setUp);
      if (preview.addsInitiative) c.io.out(a.addedInitiative(initiativeId));
      c.io.out(a.adopted(output, preview.trackingSheet, preview.adoption.rows.length, initiativeId));
      for (const f of findings) c.io.out(findingLine(f, c.lang));
      if (findings.length) c.io.out(c.t.summary(findings.filter((f) => f.severity === 'error').length, findings.filter((f) => f.severity === 'warning').length));
    }
  }
  return output && findings.length ? 1 : 0;
}

/** demo and init: a new workbook set up with the model (and, for demo, the source documents' content). */
async function create(c: Context, kind: 'demo' | 'init'): Promise<number> {
  const output = outputPath(c, undefined);
  const [{ newXlsxWorkbook }, rows] = await Promise.all([import('../xlsx/fileWorkbook'), kind === 'demo' ? import('../demo/demoData').then((d) => d.demoRows()) : undefined]);
  const workbook = newXlsxWorkbook();
  await setUpWorkbook(workbook, c.lang, undefined, rows ? { rows } : {});
  await save(c, workbook, output);
  c.io.out(c.t.wrote(output));
  return 0;
}

/**
 * summarize and snapshot: read, let the operation write into the workbook, save it to -o. An
 * operation that returns false wrote nothing and wants nothing saved.
 */
async function update(c: Context, operation: (workbook: FileWorkbook, asOf: CalendarDate) => Promise<void | boolean>): Promise<number> {
  const input = inputOf(c);
  const asOf = asOfOf(c);
  const output = outputPath(c, input);
  const say = progress(c, input);
  const workbook = await openToChange(c, input);
  if ((await operation(workbook, asOf)) === false) return 2;
  say(c.t.progress.writing(output));
  await save(c, workbook, output);
  c.io.out(c.t.wrote(output));
  return 0;
}

async function open(path: string): Promise<FileWorkbook> {
  const { openXlsxWorkbook } = await import('../xlsx/fileWorkbook');
  return openXlsxWorkbook(path);
}

/**
 * A workbook a command will write a changed copy of: one with macros only when the writer keeps
 * them (to a macro extension). One whose user data holds CPR numbers is refused (exit 2, the count and the first
 * places, nothing written), unless --mask-cpr: then each is masked in the copy, before the
 * command's own changes, and save() says how many (README "CPR numbers in the user's data").
 */
async function openToChange(c: Context, path: string): Promise<FileWorkbook> {
  const workbook = await open(path);
  if (workbook.hasMacros && !(workbook.keepsMacros && isMacroPath(path))) throw new UsageError(c.t.macros(path));
  const { cprCount, findCprInWorkbook, planCprMask } = await import('../workbook/cprMask');
  const hits = findCprInWorkbook(await workbook.read());
  if (!hits.length) return workbook;
  const count = cprCount(hits);
  if (!c.values['mask-cpr']) {
    const places = [...new Set(hits.map((h) => c.t.cpr.place(h.place, maskCpr(h.sheet), h.cell, h.key === undefined ? undefined : maskCpr(h.key))))];
    throw new UsageError(c.t.cpr.refused(count, places.slice(0, CPR_PLACES_SHOWN), places.length > CPR_PLACES_SHOWN));
  }
  await workbook.apply(planCprMask(hits));
  c.masked = count;
  return workbook;
}

/** How many places of CPR numbers a refusal names. */
const CPR_PLACES_SHOWN = 3;

/** Saves to `path` by the output path rules (checked again just before the file is put in place). */
async function save(c: Context, workbook: FileWorkbook, path: string): Promise<void> {
  try {
    await workbook.save(path, { overwrite: !!c.values.force });
  } catch (error) {
    if (error instanceof OutputPathError) throw error;
    throw new WriteError(c.t.writeError(path, error instanceof Error ? error.message : String(error)));
  }
  if (c.masked) (c.values.json ? c.io.err : c.io.out)(c.t.cpr.masked(c.masked));
}

function outputPathMessage(error: OutputPathError, lang: Lang): string {
  const t = messages[lang].cli;
  return error.problem === 'exists' ? t.outputExists(error.path) : t.outputPath[error.problem](error.path);
}

/** The refund file's bytes; a folder, a missing or an unreadable file is a usage error (exit 2). */
function refundBytes(c: Context, path: string): Buffer {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(c.t.readError['not-found'](path));
  }
  if (stat.isDirectory()) throw new UsageError(c.t.refundFolder(path));
  try {
    if (!stat.isFile()) throw new Error('not a regular file');
    return readFileSync(path);
  } catch {
    throw new UsageError(c.t.refundUnreadable(path));
  }
}

/**
 * Extensions of macro-enabled packages. ExcelJS drops the macros and Excel refuses what is left;
 * the package writer keeps them, and the workbook part's content type with them, so a macro
 * workbook is written only to a file of the same extension (.xlsm in, .xlsm out).
 */
const MACRO_EXTENSIONS = new Set(['.xlsm', '.xltm', '.xlam']);
const isMacroPath = (path: string) => MACRO_EXTENSIONS.has(extname(path).toLowerCase());


function inputOf(c: Context): string {
  const input = c.positionals[0];
  if (!input) throw new UsageError(c.t.missingInput);
  return input;
}

/** consolidate's inputs: the files given, a folder standing for the .xlsx files in it (not Excel's ~$ lock files). */
function inputFiles(c: Context): string[] {
  const p = messages[c.lang].portfolio.consolidate;
  if (!c.positionals.length) throw new UsageError(p.noInputs);
  const files: string[] = [];
  for (const given of c.positionals) {
    let stat;
    try {
      stat = statSync(given);
    } catch {
      throw new UsageError(c.t.readError['not-found'](given));
    }
    if (!stat.isDirectory()) {
      files.push(given);
      continue;
    }
    const inFolder = readdirSync(given).filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('~$') && !f.startsWith('.')).sort();
    if (!inFolder.length) throw new UsageError(p.emptyFolder(given));
    files.push(...inFolder.map((f) => join(given, f)));
  }
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(resolve(f))) throw new UsageError(p.twice(f));
    seen.add(resolve(f));
  }
  return files;
}

/** The -o path of a command with several inputs: none of them may be it. */
function outputPathFor(c: Context, inputs: string[]): string {
  const output = c.values.output;
  if (!output) throw new UsageError(c.t.missingOutput);
  for (const input of inputs) if (resolve(input) === resolve(output) || sameFile(input, output)) throw new UsageError(c.t.sameFile);
  return outputPath(c, undefined);
}

function asOfOf(c: Context): CalendarDate {
  const text = c.values['as-of'];
  if (text === undefined) return c.io.today();
  const parsed = parseDate(text);
  if (!parsed.ok) throw new UsageError(c.t.badDate(text));
  return parsed.value;
}

/**
 * The -o path, checked before anything is read: not the input (also not through a link), not a
 * macro-enabled name, and by the output path rules (src/xlsx/outputPath.ts): an existing file of
 * any size only with --force; a folder, device, fifo, socket or symbolic link never.
 */
function outputPath(c: Context, input: string | undefined): string {
  const output = c.values.output;
  if (!output) throw new UsageError(c.t.missingOutput);
  if (input && (resolve(input) === resolve(output) || sameFile(input, output))) throw new UsageError(c.t.sameFile);
  if (input && isMacroPath(input)) {
    if (!usePackageWriter()) throw new UsageError(c.t.macros(input));
    if (extname(input).toLowerCase() !== extname(output).toLowerCase()) throw new UsageError(c.t.macroExtension(input, extname(input).toLowerCase()));
  } else if (isMacroPath(output)) throw new UsageError(c.t.macros(output));
  checkOutputPath(output, !!c.values.force);
  removeStaleTempFiles(dirname(output)); // a killed run's temporary files (the write does it too)
  return output;
}

/** Progress lines on stderr for big files (not with --quiet); the first one says the file is being read. */
function progress(c: Context, input: string): (text: string) => void {
  const size = fileSize(input);
  const say = (text: string) => {
    if (size >= PROGRESS_BYTES && !c.values.quiet) c.io.err(text);
  };
  say(c.t.progress.reading(input, (size / 1e6).toFixed(1).replace('.', c.lang === 'da' ? ',' : '.')));
  return say;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // opening the workbook reports a missing file properly
  }
}
