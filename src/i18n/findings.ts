/**
 * Findings rendered at the edge: the domain reports a code and language-neutral params (see
 * FindingParams), and the task pane, the CLI and the sheet Fejl call these for the user's language.
 */
import type { Finding, FindingParams } from '../domain/validate/finding';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { formatDanishDate } from '../domain/parse/calendarDate';
import { formatOre } from '../domain/parse/amount';
import { maskCpr, maskCprValue } from '../domain/parse/cpr';
import { messages, type Lang } from './index';

/** A finding with its message, as the CLI's --json output and the task pane show it. */
export type RenderedFinding = Finding & { message: string };

/** The message of a finding in the given language, every CPR number in it masked (maskCpr). */
export function findingMessage(finding: Pick<Finding, 'code' | 'params'>, lang: Lang): string {
  return maskCpr(messages[lang].findings[finding.code](displayParams(finding.params, lang)));
}

/**
 * The finding as it may be shown: every text field (sheet, column, suggestion, value, params)
 * with its CPR numbers masked. The one place a finding's fields leave for an edge (--json, the
 * pane, the Fejl sheet); the domain already makes no suggestion that holds one.
 */
export function maskFinding(f: Finding): Finding {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.params)) params[k] = maskCprValue(v);
  const out: Finding = { ...f, sheet: maskCpr(f.sheet), column: maskCpr(f.column), params };
  if (f.suggestion !== undefined) out.suggestion = maskCpr(f.suggestion);
  if (f.value !== undefined) out.value = maskCprValue(f.value);
  return out;
}

/** The findings with their messages, in the same order, masked (maskFinding). */
export function renderFindings(findings: readonly Finding[], lang: Lang): RenderedFinding[] {
  return findings.map((f) => ({ ...maskFinding(f), message: findingMessage(f, lang) }));
}

const has = <T extends object>(o: T, key: PropertyKey): key is keyof T => Object.prototype.hasOwnProperty.call(o, key);

/**
 * The params as the message texts take them: dates in dd-mm-åååå (the workbook's form, in
 * English too), amounts in kroner, rates in %, keys and codes as text in the language.
 */
function displayParams(p: FindingParams, lang: Lang): FindingParams {
  const t = messages[lang];
  const out: Record<string, string | number> = { ...p };
  for (const key of ['date', 'otherDate', 'asOf', 'validFrom', 'validTo']) {
    if (typeof p[key] === 'string') out[key] = formatDanishDate(p[key] as CalendarDate);
  }
  const { taxonomy, reason, amountOre, rateBp, minAge, maxAge } = p;
  if (taxonomy !== undefined && has(t.texts.taxonomyNames, taxonomy)) out.taxonomy = t.texts.taxonomyNames[taxonomy];
  if (reason !== undefined && has(t.parseReasons, reason)) out.reason = t.parseReasons[reason];
  if (typeof amountOre === 'number') out.amount = formatOre(amountOre);
  if (typeof rateBp === 'number') out.rate = `${rateBp / 100} %`;
  if (minAge !== undefined || maxAge !== undefined) {
    out.bounds = [minAge !== undefined ? t.texts.ageAtLeast(Number(minAge)) : '', maxAge !== undefined ? t.texts.ageAtMost(Number(maxAge)) : '']
      .filter(Boolean).join(', ');
  }
  return out;
}
