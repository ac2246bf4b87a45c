/** How the CLI shows findings: one tab-separated line each, or the contract's JSON fields. */
import { messages, type Lang } from '../i18n';
import type { Finding } from '../domain/validate';
import { findingMessage, maskFinding } from '../i18n/findings';
import { maskCpr } from '../domain/parse/cpr';

export interface Out {
  out: (text: string) => void;
}

/** `{sheet, cell, row, column, severity, code, message, suggestion}` (suggestion only when there is one). */
export const findingJson = (f: Finding, lang: Lang, message = findingMessage(f, lang)) => {
  // maskFinding's masking of the fields shown here (the rest of it, params and value, is not shown).
  const { sheet, cell, row, column, severity, code, suggestion } = f;
  return { sheet: maskCpr(sheet), cell, row, column: maskCpr(column), severity, code, message, ...(suggestion !== undefined ? { suggestion: maskCpr(suggestion) } : {}) };
};

/**
 * An object as an element of an array in `JSON.stringify(array, null, 2)`: the same text, written
 * directly for the flat objects findings are (strings and numbers), by JSON.stringify otherwise.
 */
function arrayElementJson(o: Record<string, unknown>): string {
  let text = '  {';
  let first = true;
  for (const key in o) {
    const v = o[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const value = typeof v === 'string' || typeof v === 'number' ? JSON.stringify(v) : JSON.stringify(v, null, 2).replace(/\n/g, '\n    ');
    text += `${first ? '' : ','}\n    ${JSON.stringify(key)}: ${value}`;
    first = false;
  }
  return first ? '  {}' : `${text}\n  }`;
}

const messages_ = (lang: Lang) => messages[lang].cli;

/** `ITMV!C5	fejl	UNKNOWN_CODE	<message> (forslag: …)` */
export function findingLine(f: Finding, lang: Lang, message = findingMessage(f, lang), t = messages_(lang)): string {
  const fix = f.suggestion !== undefined ? ` (${t.suggestion}: ${f.suggestion})` : '';
  return `${maskFinding(f).sheet}!${f.cell}\t${t.severity[f.severity]}\t${f.code}\t${message}${fix}`;
}

/** Output is handed to `out` in pieces of about this many characters, each ending at a line end. */
const CHUNK = 64 * 1024;

/**
 * `indsats validate`'s output: the findings and a count of errors and warnings (or the JSON array).
 * Written as it is produced, a piece at a time, not built as one string: the JSON is byte for byte
 * `JSON.stringify(array, null, 2)`.
 */
export function printFindings(findings: Finding[], json: boolean, io: Out, lang: Lang): void {
  let lines: string[] = [];
  let size = 0;
  const line = (text: string) => {
    lines.push(text);
    size += text.length + 1;
    if (size < CHUNK) return;
    io.out(lines.join('\n'));
    lines = [];
    size = 0;
  };
  const flush = () => {
    if (lines.length) io.out(lines.join('\n'));
  };
  // Findings of the cells that hold the same value share their params: each message is rendered once.
  const rendered = new Map<Finding['params'], { code: Finding['code']; message: string }>();
  const message = (f: Finding) => {
    const known = rendered.get(f.params);
    if (known?.code === f.code) return known.message;
    const text = findingMessage(f, lang);
    rendered.set(f.params, { code: f.code, message: text });
    return text;
  };
  if (json) {
    if (!findings.length) {
      io.out('[]');
      return;
    }
    line('[');
    findings.forEach((f, i) => {
      line(`${arrayElementJson(findingJson(f, lang, message(f)))}${i < findings.length - 1 ? ',' : ''}`);
    });
    line(']');
    flush();
    return;
  }
  const t = messages_(lang);
  for (const f of findings) line(findingLine(f, lang, message(f), t));
  const errors = findings.filter((f) => f.severity === 'error').length;
  line(t.summary(errors, findings.filter((f) => f.severity === 'warning').length));
  flush();
}
