/**
 * Renames in the text of a formula, as Excel does when a sheet, a table or a table column is
 * renamed in its user interface: every reference to the old name names the new one, nothing else
 * in the formula changes (a formula that does not refer to the name comes back as the very same
 * string). The formula is tokenized, one linear pass: string literals `"…"` and the text of quoted
 * sheet names `'…'` are never read as names; structured references `T[Col]`, `T[[#This Row],[Col]]`,
 * `T[[A]:[B]]`, `T[@Col]`, `[@[Col]]` and `[Col]` (the table the formula sits in) with `'`-escaped
 * characters in column names; sheet references quoted and unquoted, 3-D (`Jan:Mar!A1`); references
 * into other workbooks (`[1]Ark!A1`, `'C:\mappe\[Bog.xlsx]Ark'!A1`) and error values (`#REF!`) are
 * left alone. Names are compared without regard to case, as Excel compares them.
 *
 * The text a rename writes follows the rules of formula.ts (column specifiers in brackets of their
 * own when they hold special characters) and Excel's sheet quoting. Not parsed: text inside
 * INDIRECT's string argument (it is a string literal, and Excel does not update it either).
 */
import { columnSpecifier } from './formula';

export type Rename =
  | { kind: 'sheet'; from: string; to: string }
  | { kind: 'table'; from: string; to: string }
  | { kind: 'column'; table: string; from: string; to: string };

export interface RenameContext {
  /** The table the formula sits in (a cell in its range, its calculated column): unqualified `[@Col]` / `[Col]` refer to it. */
  host?: () => string | undefined;
}

const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

const same = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

/** Characters of a name that stands in a formula without quotes or brackets (Excel allows letters of any script). */
const isNameChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c >= 0x80;

/** A sheet name (two: a 3-D reference) as Excel writes it before `!`: quoted (with `'` doubled) unless it is a plain name that is no cell reference. */
export function sheetPrefix(...names: string[]): string {
  const plain = (name: string) => /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return names.every(plain) ? names.join(':') : `'${names.join(':').replace(/'/g, "''")}'`;
}

/** The index of the `]` closing the `[` at `i` (nested brackets counted, `'` escaping the next character); -1 when unclosed. */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    const c = s[k];
    if (c === "'") k++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return k;
  }
  return -1;
}

const unescapeColumn = (s: string) => s.replace(/'(.)/g, '$1');
const escapeColumn = (s: string) => s.replace(/['[\]#]/g, "'$&");

/** The inside of a structured reference's brackets with the column renamed (`@Col`, `[#This Row],[Col]`, `[A]:[B]`, `Col`). */
function renameColumnIn(content: string, from: string, to: string): string {
  if (content.startsWith('@')) {
    const rest = content.slice(1);
    if (rest === '' || rest.trimStart().startsWith('[')) return `@${renameInnerList(rest, from, to)}`;
    if (!same(unescapeColumn(rest), from)) return content;
    return columnSpecifier(to) === escapeColumn(to) && !/\s/.test(to) ? `@${escapeColumn(to)}` : `@[${escapeColumn(to)}]`;
  }
  if (content.trimStart().startsWith('[')) return renameInnerList(content, from, to);
  if (content.startsWith('#') || !same(unescapeColumn(content), from)) return content;
  return columnSpecifier(to);
}

/** `[#This Row],[Col]` / `[A]:[B]`: each bracketed column renamed, specifiers (`[#…]`) and separators kept. */
function renameInnerList(content: string, from: string, to: string): string {
  let out = '';
  let i = 0;
  while (i < content.length) {
    if (content[i] !== '[') {
      out += content[i++];
      continue;
    }
    const end = bracketEnd(content, i);
    if (end < 0) return content;
    const inner = content.slice(i + 1, end);
    out += !inner.startsWith('#') && same(unescapeColumn(inner), from) ? `[${escapeColumn(to)}]` : content.slice(i, end + 1);
    i = end + 1;
  }
  return out;
}

/** Whether the formula may mention the name at all (a cheap test; false means it certainly does not). */
function mayMention(formula: string, rename: Rename): boolean {
  const name = rename.from;
  if (/['[\]#]/.test(name)) return true; // written escaped in the formula: the full pass decides
  return formula.toLowerCase().includes(name.toLowerCase());
}

/** The formula with the rename applied; the same string when it does not refer to the renamed name. */
export function renameInFormula(formula: string, rename: Rename, context: RenameContext = {}): string {
  if (!formula || !mayMention(formula, rename)) return formula;
  let out = '';
  let changed = false;
  let i = 0;
  /** The end of the last name read, its text, and whether it names something in another workbook. */
  let lastName: { end: number; text: string; external: boolean } | undefined;
  let external = false;
  const n = formula.length;
  while (i < n) {
    const c = formula[i];
    if (c === '"') {
      let k = i + 1;
      for (; k < n; k++) {
        if (formula[k] === '"') {
          if (formula[k + 1] === '"') k++;
          else break;
        }
      }
      out += formula.slice(i, k + 1);
      i = k + 1;
      continue;
    }
    if (c === '#') {
      // An error value (#REF!, #DIV/0!, #N/A) is no sheet: copied whole.
      const error = ERROR_VALUE.exec(formula.slice(i, i + 16));
      if (error) {
        out += error[0];
        i += error[0].length;
        lastName = undefined;
        continue;
      }
    }
    if (c === "'") {
      let k = i + 1;
      for (; k < n; k++) {
        if (formula[k] === "'") {
          if (formula[k + 1] === "'") k++;
          else break;
        }
      }
      const raw = formula.slice(i, k + 1);
      const name = formula.slice(i + 1, k).replace(/''/g, "'");
      i = k + 1;
      if (rename.kind === 'sheet' && formula[i] === '!' && !name.includes('[') && !external) {
        const parts = name.split(':');
        if (parts.some((p) => same(p, rename.from))) {
          out += sheetPrefix(...parts.map((p) => (same(p, rename.from) ? rename.to : p)));
          changed = true;
          continue;
        }
      }
      external = false;
      out += raw;
      continue;
    }
    if (c === '[') {
      const end = bracketEnd(formula, i);
      if (end < 0) {
        out += formula.slice(i);
        break;
      }
      const group = formula.slice(i, end + 1);
      const qualified = lastName && lastName.end === i ? lastName : undefined;
      const after = end + 1 < n ? formula.charCodeAt(end + 1) : -1;
      if (!qualified && (isNameChar(after) || after === 33 /* ! */ || after === 39 /* ' */)) {
        // [1]Ark!A1, [1]!Navn: a reference into another workbook.
        external = true;
        out += group;
        i = end + 1;
        continue;
      }
      lastName = undefined;
      if (rename.kind === 'column' && !(qualified?.external)) {
        const table = qualified ? qualified.text : context.host?.();
        if (table !== undefined && same(table, rename.table)) {
          const next = `[${renameColumnIn(group.slice(1, -1), rename.from, rename.to)}]`;
          if (next !== group) changed = true;
          out += next;
          i = end + 1;
          continue;
        }
      }
      out += group;
      i = end + 1;
      continue;
    }
    if (isNameChar(formula.charCodeAt(i))) {
      let k = i + 1;
      while (k < n && isNameChar(formula.charCodeAt(k))) k++;
      const text = formula.slice(i, k);
      const wasExternal = external;
      external = false;
      const before = i > 0 ? formula[i - 1] : '';
      const nextChar = formula[k];
      if (rename.kind === 'sheet' && !wasExternal) {
        // Ark!A1, and the 3-D Jan:Mar!A1.
        let sheets: [number, number][] | undefined;
        if (nextChar === '!') sheets = [[i, k]];
        // (B1:Ark!C3 is a range of two cells, not a 3-D reference: a first name like a cell or row is no sheet.)
        else if (nextChar === ':' && isNameChar(formula.charCodeAt(k + 1)) && before !== '$' && !/^([A-Za-z]{1,3}\d+|\d+)$/.test(text)) {
          let m = k + 1;
          while (m < n && isNameChar(formula.charCodeAt(m))) m++;
          if (formula[m] === '!') sheets = [[i, k], [k + 1, m]];
        }
        if (sheets && sheets.some(([a, b]) => same(formula.slice(a, b), rename.from))) {
          const names = sheets.map(([a, b]) => formula.slice(a, b)).map((s) => (same(s, rename.from) ? rename.to : s));
          out += sheetPrefix(...names);
          changed = true;
          i = sheets[sheets.length - 1][1];
          lastName = undefined;
          continue;
        }
      }
      // A table alone is a name of its own; next to $ or : the same letters are a cell or column reference (A:B, $B$2).
      const alone = nextChar === '[' || !(before === '$' || before === ':' || nextChar === '$' || nextChar === ':' || nextChar === '(' || nextChar === '!');
      if (rename.kind === 'table' && !wasExternal && before !== '!' && alone && same(text, rename.from)) {
        // Tabel1[Kolonne], and the table alone (its data rows): =ROWS(Tabel1).
        out += rename.to;
        changed = true;
        lastName = { end: k, text: rename.to, external: false };
        i = k;
        continue;
      }
      out += text;
      lastName = { end: k, text, external: wasExternal || before === '!' };
      i = k;
      continue;
    }
    out += c;
    i++;
  }
  return changed ? out : formula;
}
