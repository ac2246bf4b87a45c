/**
 * The one place where text becomes part of a formula. Every formula builder (Overblik, Afstemning)
 * puts names from the workbook — taxonomy names, funding sources, posting types — into formulas
 * only through these helpers, so a name such as `Kommune")+1000000+N("` stays a string and never
 * becomes live code, and an innocent `Kommunens "egne" midler` does not break the formula.
 */

/** Excel's limit for one string constant in a formula. */
const MAX_LITERAL = 255;

/**
 * A string constant: `"…"` with every `"` doubled. Control characters (which Excel rejects in a
 * formula) are dropped. Longer texts are joined from pieces with `&`, so they cannot be used inside
 * an array constant; see `criteriaArray`.
 */
export function stringLiteral(text: string): string {
  const clean = stripControl(text);
  const pieces: string[] = [];
  for (let i = 0; i < clean.length || pieces.length === 0; i += MAX_LITERAL) pieces.push(`"${clean.slice(i, i + MAX_LITERAL).replace(/"/g, '""')}"`);
  return pieces.join('&');
}

/**
 * A COUNTIFS/SUMIFS criterion that matches cells equal to `text` and nothing else: a leading
 * `=` keeps a text starting with `<`, `>` or `=` from being read as a comparison, and `~` escapes
 * the wildcards `*`, `?` (and `~` itself). The empty text matches empty cells.
 */
export function exactCriterion(text: string): string {
  const clean = stripControl(text);
  if (clean === '') return '""';
  return stringLiteral(`=${clean.replace(/[~*?]/g, '~$&')}`);
}

/**
 * An array constant of exact criteria, `{"=a","=b"}`, for summing COUNTIFS over several values.
 * Array constants cannot hold `&`, so a criterion is cut at Excel's 255-character limit (no
 * taxonomy name is near it; the validation of taxonomy tables is where long names belong).
 */
export function criteriaArray(texts: readonly string[]): string {
  return `{${texts.map((t) => exactCriterion(t.slice(0, MAX_LITERAL - 10))).join(',')}}`;
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const stripControl = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

/**
 * Characters after which Excel wants a column specifier in brackets of its own (`T[[Indsats-ID]]`):
 * tab, line breaks, , : . [ ] # ' " { } $ ^ & * + = - > < /. A space alone does not (`T[Total Amount]`).
 */
const NEEDS_OWN_BRACKETS = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

/**
 * A structured reference to a table column, `Budget[Beløb]` or `Posteringer[[Indsats-ID]]`, by
 * Excel's rules: the column in double brackets when it has a special character, and `[`, `]`, `#`
 * and `'` in it escaped with `'`. The table name is used as it is (Excel's table names are plain).
 */
export function structuredRef(table: string, column: string): string {
  return `${table}[${columnSpecifier(column)}]`;
}

/** What stands inside a structured reference's brackets for a column: `Beløb`, `[Indsats-ID]` (see structuredRef). */
export function columnSpecifier(column: string): string {
  const escaped = column.replace(/['[\]#]/g, "'$&");
  return NEEDS_OWN_BRACKETS.test(column) ? `[${escaped}]` : escaped;
}
