/**
 * String-level XML editing for the package writer: the parts it patches are edited in place, so
 * every byte it does not change stays as the file had it. Only what a well-formed OOXML part
 * needs: start tags and their attributes, the top-level children of a root element, escaping.
 */
import { attrValue } from '../reader/xml';

export function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Text for an element's content: escaped, control characters and literal `_xHHHH_` as OOXML escapes them. */
export function escapeText(value: string): string {
  return escapeXml(value.replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** An attribute of a start tag (its text, e.g. `<c r="A1" s="2">`), unescaped; local names match any prefix only when asked. */
const attrRes = new Map<string, RegExp>();
/** The (non-global, so reusable) expression matching an attribute by name; one per name. */
function attrRe(name: string): RegExp {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  return re;
}

export function getAttr(tag: string, name: string): string | undefined {
  const m = attrRe(name).exec(tag);
  return m ? attrValue(m[1] ?? m[2]) : undefined;
}

/** The start tag with the attribute set (added before the tag's end when missing), or removed when `value` is undefined. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = attrRe(name);
  // A function, not a replacement string: a value like "$#,##0" must not be read as "$&" patterns.
  if (re.test(tag)) return tag.replace(re, () => (value === undefined ? '' : ` ${name}="${escapeXml(value)}"`));
  if (value === undefined) return tag;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeXml(value)}"${tag.slice(end)}`;
}

export interface Element {
  /** Local name (prefix dropped). */
  name: string;
  start: number;
  end: number;
}

/**
 * The root element of a part: where its start tag begins and ends, its prefix ("" or "x:") and
 * where its content ends (the closing tag; for `<root/>`, the start tag's end).
 */
export function rootOf(xml: string): { tagStart: number; tagEnd: number; prefix: string; closeStart: number; selfClosing: boolean; tag: string } {
  const re = /<(?![?!])([\w.-]+:)?([\w.-]+)[^>]*>/g;
  let m: RegExpExecArray | null;
  let pos = 0;
  for (;;) {
    // Skip the XML declaration, comments and a DOCTYPE before the root.
    const lt = xml.indexOf('<', pos);
    if (lt < 0) throw new Error('no root element');
    if (xml.startsWith('<?', lt)) pos = xml.indexOf('?>', lt) + 2;
    else if (xml.startsWith('<!--', lt)) pos = xml.indexOf('-->', lt) + 3;
    else if (xml.startsWith('<!', lt)) pos = xml.indexOf('>', lt) + 1;
    else {
      re.lastIndex = lt;
      m = re.exec(xml);
      break;
    }
    if (pos <= 0) throw new Error('no root element');
  }
  if (!m) throw new Error('no root element');
  const prefix = m[1] ?? '';
  const selfClosing = m[0].endsWith('/>');
  const tagEnd = m.index + m[0].length;
  const close = selfClosing ? tagEnd : xml.lastIndexOf(`</${prefix}${m[2]}`);
  if (close < 0) throw new Error('the root element is not closed');
  return { tagStart: m.index, tagEnd, prefix, closeStart: close, selfClosing, tag: m[0] };
}

/**
 * The top-level children of the root between `from` and `to`, by local name. `skip` names elements
 * whose content is jumped over without looking (sheetData: megabytes of cells).
 */
export function childrenOf(xml: string, from: number, to: number, skip: ReadonlySet<string> = new Set()): Element[] {
  const out: Element[] = [];
  const tag = /<(\/?)([\w.-]+:)?([\w.-]+)(?:\s[^>]*?)?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
  let depth = 0;
  let current: Element | undefined;
  tag.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml)) && m.index < to) {
    if (m[3] === undefined) continue; // comment, PI, CDATA
    const closing = m[1] === '/';
    const empty = m[4] === '/';
    if (closing) {
      depth--;
      if (depth === 0 && current) {
        current.end = m.index + m[0].length;
        out.push(current);
        current = undefined;
      }
      continue;
    }
    if (depth === 0) {
      if (empty) {
        out.push({ name: m[3], start: m.index, end: m.index + m[0].length });
        continue;
      }
      current = { name: m[3], start: m.index, end: -1 };
      if (skip.has(m[3])) {
        const close = xml.indexOf(`</${m[2] ?? ''}${m[3]}>`, tag.lastIndex);
        if (close < 0) throw new Error(`<${m[3]}> is not closed`);
        current.end = close + `</${m[2] ?? ''}${m[3]}>`.length;
        out.push(current);
        current = undefined;
        tag.lastIndex = current === undefined ? out[out.length - 1].end : tag.lastIndex;
        continue;
      }
      depth = 1;
      continue;
    }
    if (!empty) depth++;
  }
  return out;
}
