/** `indsats adopt`: its options read, its preview and result shown as text or JSON. */
import { messages, type Lang } from '../i18n';
import { COLUMNS } from '../domain/model/schema';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { AdoptPreview, AdoptProblem, ColumnChoice, KeptValue } from '../operations/adopt';
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

export function problemText(p: AdoptProblem, lang: Lang): string {
  const t = messages[lang].adopt.problems;
  switch (p.kind) {
    case 'no-sheet': return t['no-sheet'](p.sheet, p.sheets);
    case 'model-sheet': return t['model-sheet'](p.sheet);
    case 'invalid-id': return t['invalid-id'](p.id);
    case 'too-large': return t['too-large'](p.sheet, p.ref);
    case 'has-rows': return t['has-rows'](p.table, p.sheet);
    case 'no-room': return t['no-room'](p.id);
    case 'empty': return t.empty(p.sheet);
    case 'no-header': return `${t['no-header'](p.sheet)} ${messages[lang].adopt.cli.headerHint}`;
    case 'ambiguous-header': return `${t['ambiguous-header'](p.sheet, p.rows)} ${messages[lang].adopt.cli.headerHint}`;
    case 'no-data': return t['no-data'](p.sheet, p.headerRow);
    case 'unknown-header': return `--map: ${t['unknown-header'](p.header)}`;
    case 'unknown-column': return `--map: ${t['unknown-column'](p.header, p.column)}`;
    case 'mapped-twice': return t['mapped-twice'](COLUMNS.participants[p.column], p.headers);
  }
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
