/**
 * "Saml projektmapper" / `indsats consolidate`: many teams' workbooks into one portfolio. Each
 * source is opened, read and reduced to its contract content one at a time (only the rows are
 * kept, not the reads), the contents are merged (src/workbook/portfolio.ts), and, unless a clash
 * refuses it, one plan brings them into the target, after which Overblik and Statusrapport are
 * rebuilt over all of it by the summarize operation, and Afstemning by the reconcile operation
 * (it needs nothing but the finance tables the portfolio carries, so there is no reason to leave
 * it to a later `indsats reconcile`; a target lacking a finance column it needs keeps none). A
 * refusal writes nothing.
 */
import type { Lang } from '../i18n';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { validateWorkbook, type Finding } from '../domain/validate';
import { changedIds, diffPartner, planPartnerMerge, planPartnerWorkbook, type PartnerDiff, type RowChange } from '../workbook/partner';
import { isRefusal, mergeContents, planPortfolio, workbookContent, type PortfolioProblem, type WorkbookContent } from '../workbook/portfolio';
import { tablesOf, textsOf } from '../workbook/read';
import { formatDanishDate } from '../domain/parse/calendarDate';
import type { KeptSheet } from '../workbook/generated';
import { CancelledError } from './operations';
import { runReconciliation, writeReconciliationSheet } from './reconcile';
import { missingInputs } from './requirements';
import type { LiveWorkbook } from './liveWorkbook';
import { refreshOverview, type SummaryRun } from './summarize';

export interface PortfolioSource {
  /** How the source is named in problems and progress (the file name). */
  name: string;
  /** Opens it; called once, when its turn comes. */
  open: () => Promise<LiveWorkbook>;
}

export interface ConsolidateRun {
  problems: PortfolioProblem[];
  /** A problem refused the portfolio: nothing was written. */
  refused: boolean;
  initiatives: number;
  participants: number;
  summary?: SummaryRun;
  /** Afstemning rebuilt over the portfolio: its lines and those not reconciled (undefined: not built, nothing to reconcile or a finance column missing). */
  reconciliation?: { lines: number; gaps: number };
  /** Sheets the portfolio's generated sheets needed the names of, renamed aside (Statusfotos, Afstemning, Overblik, Statusrapport). */
  kept: KeptSheet[];
}

export interface ConsolidateOptions {
  /** The target's name in problems (it takes part in the merge as the first workbook when it has a register). */
  targetName?: string;
  /** Before each source is read: its place (1-based) and the count. */
  onSource?: (index: number, count: number, name: string) => void | Promise<void>;
  /** Build Overblik, Statusrapport and Afstemning after the rows are in (default true). */
  overview?: boolean;
  signal?: AbortSignal;
}

export async function consolidate(target: LiveWorkbook, sources: PortfolioSource[], asOf: CalendarDate, lang: Lang, options: ConsolidateOptions = {}): Promise<ConsolidateRun> {
  const targetRead = await target.read();
  const own = workbookContent(options.targetName ?? '', targetRead);
  const contents: WorkbookContent[] = own ? [own] : [];
  const problems: PortfolioProblem[] = [];
  for (const [i, source] of sources.entries()) {
    if (options.signal?.aborted) throw new CancelledError();
    await options.onSource?.(i + 1, sources.length, source.name);
    const read = await (await source.open()).read();
    const content = workbookContent(source.name, read);
    if (content) contents.push(content);
    else problems.push({ code: 'no-register', file: source.name });
  }
  const merged = mergeContents(contents);
  const all = [...problems, ...merged.problems];
  const base = { problems: all, initiatives: merged.initiatives, participants: merged.participants, kept: [] as KeptSheet[] };
  if (all.some(isRefusal)) return { ...base, refused: true };
  const { kept, ...plan } = planPortfolio(targetRead, merged, lang, own ? 0 : -1, formatDanishDate(asOf));
  await target.apply(plan);
  if (kept) base.kept.push(kept);
  if (options.overview === false) return { ...base, refused: false };
  const reconciliation = await rebuildReconciliation(target, asOf, lang, base.kept);
  // Last, as it makes Statusrapport the active sheet: the portfolio opens on the report.
  const summary = await refreshOverview(target, asOf, lang);
  for (const kept of [summary.kept, summary.keptReport]) if (kept) base.kept.push(kept);
  return { ...base, refused: false, summary, ...(reconciliation ? { reconciliation } : {}) };
}

/** Afstemning over the target's finance tables, as `indsats reconcile -o` writes it; nothing when there is nothing to reconcile. */
async function rebuildReconciliation(target: LiveWorkbook, asOf: CalendarDate, lang: Lang, kept: KeptSheet[]): Promise<ConsolidateRun['reconciliation']> {
  const read = await target.read();
  const tables = tablesOf(read);
  if (missingInputs(tables, 'reconcile').length) return undefined;
  const run = runReconciliation(tables, asOf);
  const lines = run.reconciliation.lines;
  if (!lines.length) return undefined;
  const written = await writeReconciliationSheet(target, run, asOf, lang, read);
  if (written.kept) kept.push(written.kept);
  return { lines: lines.length, gaps: lines.filter((l) => l.status !== 'afstemt').length };
}

/**
 * "Lav partnerudgave" / `indsats partner`: a workbook for a partner with one initiative's register
 * row and tracking sheet, the taxonomies and the structure. `target` is a new, empty workbook.
 */
export async function makePartnerWorkbook(source: LiveWorkbook, target: LiveWorkbook, initiativeId: string, lang: Lang): Promise<{ id: string; rows: number }> {
  const { plan, id, rows } = planPartnerWorkbook(await source.read(), initiativeId, lang);
  await target.apply(plan);
  return { id, rows };
}

export interface PartnerMergeRun {
  /** Errors in the partner's file: nothing was compared or written. */
  findings: Finding[];
  diff?: PartnerDiff;
  /** Deltager-IDs whose changes were written. */
  accepted: string[];
  /** Changes left for the user to accept. */
  pending: RowChange[];
  /** The plan was applied (false for a dry run, refused partner file, or nothing to do). */
  applied: boolean;
}

/** Deltager-IDs given to accept that have no change. */
export class UnknownAcceptError extends Error {
  constructor(readonly ids: string[]) {
    super(`no changes for ${ids.join(', ')}`);
    this.name = 'UnknownAcceptError';
  }
}

/**
 * "Indlæs partnerudgave" / `indsats merge`: the partner's file is validated first (errors: nothing
 * else happens); then new rows are added, the changes of the accepted participants written (each
 * over the value compared, so a cell changed since refuses the whole plan), and deleted rows
 * reported and kept. `dryRun`: compare only.
 */
export async function mergePartnerWorkbook(main: LiveWorkbook, partner: LiveWorkbook, asOf: CalendarDate, options: { accept?: 'all' | string[]; dryRun?: boolean } = {}): Promise<PartnerMergeRun> {
  const partnerRead = await partner.read();
  const findings = validateWorkbook(tablesOf(partnerRead), { asOf, texts: textsOf(partnerRead) }).findings.filter((f) => f.severity === 'error');
  if (findings.length) return { findings, accepted: [], pending: [], applied: false };
  const mainRead = await main.read();
  const diff = diffPartner(mainRead, partnerRead);
  const accept = options.accept ?? [];
  const ids = changedIds(diff);
  if (accept !== 'all') {
    const unknown = accept.filter((a) => !ids.some((id) => id.toUpperCase() === a.trim().toUpperCase()));
    if (unknown.length) throw new UnknownAcceptError(unknown);
  }
  const accepted = accept === 'all' ? ids : ids.filter((id) => accept.some((a) => a.trim().toUpperCase() === id.toUpperCase()));
  const pending = diff.changes.filter((c) => !accepted.includes(c.participantId));
  if (options.dryRun) return { findings: [], diff, accepted: [], pending: diff.changes, applied: false };
  const plan = planPartnerMerge(mainRead, diff, accepted);
  if (plan.ops.length) await main.apply(plan);
  return { findings: [], diff, accepted, pending, applied: plan.ops.length > 0 };
}
