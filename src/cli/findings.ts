/** How the CLI shows findings: one tab-separated line each, or the contract's JSON fields. */
import { messages, type Lang } from '../i18n';
import type { Finding } from '../domain/validate';
import { findingMessage, maskFinding } from '../i18n/findings';

export interface Out {
  out: (text: string) => void;
}

/** `{sheet, cell, row, column, severity, code, message, suggestion}` (suggestion only when there is one). */
export const findingJson = (f: Finding, lang: Lang) => {
  const { sheet, cell, row, column, severity, code, suggestion } = maskFinding(f);
  return { sheet, cell, row, column, severity, code, message: findingMessage(f, lang), ...(suggestion !== undefined ? { suggestion } : {}) };
};

/** `ITMV!C5	fejl	UNKNOWN_CODE	<message> (forslag: …)` */
export function findingLine(f: Finding, lang: Lang): string {
  const t = messages[lang].cli;
  const fix = f.suggestion !== undefined ? ` (${t.suggestion}: ${f.suggestion})` : '';
  return `${maskFinding(f).sheet}!${f.cell}\t${t.severity[f.severity]}\t${f.code}\t${findingMessage(f, lang)}${fix}`;
}

/** `indsats validate`'s output: the findings and a count of errors and warnings (or the JSON array). */
export function printFindings(findings: Finding[], json: boolean, io: Out, lang: Lang): void {
  if (json) {
    io.out(JSON.stringify(findings.map((f) => findingJson(f, lang)), null, 2));
    return;
  }
  for (const f of findings) io.out(findingLine(f, lang));
  const errors = findings.filter((f) => f.severity === 'error').length;
  io.out(messages[lang].cli.summary(errors, findings.filter((f) => f.severity === 'warning').length));
}
