/** `indsats adopt`: its options read, its preview and result shown as text or JSON. */
import { messages, type Lang } from '../i18n';
import { COLUMNS } from '../domain/model/schema';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import { adoptProblemText, type AdoptPreview, type AdoptProblem, type ColumnChoice, type KeptValue } from '../operations/adopt';
import type { Finding } from '../domain/validate';
import { findingJson } from './findings';

/** "Forløbsstatus=Status;Telefon=ikke med" → the choices; undefined when a part has no "=". */
export function parseMap(text: string): { header: string; column: string }[] | undefined {
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  const out: { header: string; column: string }[] = [];
  for (const part of parts) {
    const at = part.lastIndexOf('=');
    if (at <= 0 || at === part.length - 1) return undefined;
    out.push({ header: part.slice(0, at).trim(), column: part.slice(at + 1).trim() });
  }
  return out.length ? out : undefined;
}

const choiceText = (choice: ColumnChoice | undefined, lang: Lang): string =>
  choice === undefined || choice === 'extra' || choice === 'skip' ? messages[lang].adopt.choice[choice ?? 'extra'] : COLUMNS.participants[choice];

/** A problem as the CLI says it: the pane's words, and how to give the header row on the command line. */
export function problemText(p: AdoptProblem, lang: Lang): string {
  const text = adoptProblemText(p, lang);
  return p.kind === 'no-header' || p.kind === 'ambiguous-header' ? `${text} ${messages[lang].adopt.cli.headerHint}` : p.kind === 'unknown-header' || p.kind === 'unknown-column' ? `--map: ${text}` : text;
}

const keptReason = (k: KeptValue, lang: Lang) => messages[lang].adopt.reasons[k.reason] ?? messages[lang].parseReasons[k.reason as keyof (typeof messages)['da']['parseReasons']] ?? k.reason;
const shownTo = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? formatDanishDate(to as CalendarDate) : to);

/** The proposal as lines: what was found, each column's choice, the conversions and what is kept as typed. */
export function previewLines(p: AdoptPreview, lang: Lang): string[] {
  const t = messages[lang].adopt.cli;
  const { survey, adoption } = p;
  const lines = [t.found(survey.sheet, survey.headerRow, survey.dataRows.length)];
  if (survey.titleRows.length) lines.push(t.titles(survey.titleRows));
  if (survey.blankRows.length) lines.push(t.blanks(survey.blankRows));
  if (survey.totalsRows.length) lines.push(t.totals(survey.totalsRows));
  lines.push(t.columns);
  for (const c of survey.columns) {
    const choice = p.mapping[c.index];
    const via = choice !== undefined && choice === c.proposal && c.via ? messages[lang].adopt.via[c.via] : '';
    lines.push(t.column(c.letter, c.header, choiceText(choice, lang), via, c.samples.join(', ')));
  }
  const missing = (['participantId', 'startDate', 'targetGroup', 'status'] as const).filter((k) => !Object.values(p.mapping).includes(k)).map((k) => COLUMNS.participants[k]);
  if (missing.length) lines.push(t.missingRequired(missing));
  if (adoption.year !== undefined && adoption.conversions.some((c) => /^\d{4}-/.test(c.to) && !/\d{4}/.test(c.from))) lines.push(t.year(adoption.year));
  if (adoption.conversions.length) {
    lines.push(t.conversions);
    for (const c of adoption.conversions) lines.push(t.conversion(COLUMNS.participants[c.column], c.from, shownTo(c.to), c.rows.length));
  }
  if (adoption.kept.length) {
    lines.push(t.kept);
    for (const k of adoption.kept) lines.push(t.keptValue(COLUMNS.participants[k.column], k.row, k.value, keptReason(k, lang)));
  }
  return lines;
}

/** The --json form: the same facts, plus the findings of the adopted sheet. */
export function previewJson(p: AdoptPreview, lang: Lang, written: boolean, findings: Finding[]) {
  const { survey, adoption } = p;
  return {
    sheet: survey.sheet,
    headerRow: survey.headerRow,
    titleRows: survey.titleRows,
    dataRows: survey.dataRows,
    blankRows: survey.blankRows,
    totalsRows: survey.totalsRows,
    columns: survey.columns.map((c) => {
      const choice = p.mapping[c.index] ?? 'extra';
      return {
        letter: c.letter,
        header: c.header,
        column: choice === 'extra' || choice === 'skip' ? null : COLUMNS.participants[choice],
        choice: choice === 'extra' || choice === 'skip' ? choice : 'column',
        ...(c.proposal ? { proposed: COLUMNS.participants[c.proposal], via: c.via } : {}),
        samples: c.samples,
      };
    }),
    extraColumns: adoption.extraColumns,
    ...(adoption.year !== undefined ? { year: adoption.year } : {}),
    conversions: adoption.conversions.map((c) => ({ column: COLUMNS.participants[c.column], from: c.from, to: c.to, rows: c.rows })),
    kept: adoption.kept.map((k) => ({ column: COLUMNS.participants[k.column], row: k.row, value: k.value, reason: k.reason, message: keptReason(k, lang) })),
    trackingSheet: p.trackingSheet,
    table: p.table,
    addsInitiative: p.addsInitiative,
    setsUp: p.setsUp,
    written,
    findings: findings.map((f) => findingJson(f, lang)),
  };
}
