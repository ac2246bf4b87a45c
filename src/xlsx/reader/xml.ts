/**
 * A small pull scanner over XML text: tags with their local names (any namespace prefix dropped,
 * so `x:c` and `c` are the same), attributes by local name, and character data. No DOM, no
 * entity expansion beyond the five predefined entities and character references (a DOCTYPE's
 * entities are never expanded, so "billion laughs" costs nothing). It checks only what a reader
 * needs to trust the text: every tag is terminated and the open/close tags balance.
 */

export const OPEN = 1;
export const CLOSE = 2;
/** `<x/>`: reported once, as an open and a close at the same time. */
export const EMPTY = 3;

export class XmlSyntaxError extends Error {}

export class XmlScanner {
  /** Where the current tag's local name starts in the text, and its length (for allocation-free tests). */
  nameStart = 0;
  nameLength = 0;
  /** OPEN, CLOSE or EMPTY. */
  kind = 0;
  /** Open elements around the current position. */
  depth = 0;
  /**
   * After cellAttrs(): the attributes of a `<c>`. `r` as text (undefined when absent) and parsed
   * (cellRow/cellCol, 0 when absent or not a reference); `s` as a number (0 when absent); `t`.
   */
  r: string | undefined;
  cellRow = 0;
  cellCol = 0;
  cellStyle = 0;
  t: string | undefined;
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;
  private cachedName: string | undefined;

  constructor(private readonly s: string) {
    if (s.charCodeAt(0) === 0xfeff) this.pos = 1; // a byte-order mark
  }

  /** Local name of the current tag. */
  get name(): string {
    return (this.cachedName ??= this.s.slice(this.nameStart, this.nameStart + this.nameLength));
  }

  /** True when the current tag's local name is `local` (no allocation). */
  is(local: string): boolean {
    return this.nameLength === local.length && this.s.startsWith(local, this.nameStart);
  }

  /** The first character code of the local name (with nameLength, a cheap switch key). */
  get nameCode(): number {
    return this.s.charCodeAt(this.nameStart);
  }

  /** Moves to the next tag; false at the end of the text (then the tags must have balanced). */
  next(): boolean {
    const s = this.s;
    const len = s.length;
    for (;;) {
      const lt = s.indexOf('<', this.pos);
      if (lt < 0) {
        this.pos = len;
        if (this.depth !== 0) throw new XmlSyntaxError(`unexpected end of the XML (${this.depth} element(s) not closed)`);
        return false;
      }
      const c = s.charCodeAt(lt + 1);
      if (c === 63 /* ? */) {
        this.pos = this.skipPast('?>', lt + 2, 'processing instruction');
        continue;
      }
      if (c === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) this.pos = this.skipPast('-->', lt + 4, 'comment');
        else if (s.startsWith('<![CDATA[', lt)) this.pos = this.skipPast(']]>', lt + 9, 'CDATA section');
        else this.pos = this.skipDoctype(lt);
        continue;
      }
      let p = lt + 1;
      let kind = OPEN;
      if (c === 47 /* / */) {
        kind = CLOSE;
        p++;
      }
      const nameStart = p;
      let colon = -1;
      for (; p < len; p++) {
        const ch = s.charCodeAt(p);
        if (ch <= 32 || ch === 62 /* > */ || ch === 47 /* / */) break;
        if (ch === 58 /* : */) colon = p;
      }
      if (p === nameStart) throw new XmlSyntaxError(`a tag without a name at offset ${lt}`);
      this.nameStart = colon >= 0 ? colon + 1 : nameStart;
      this.nameLength = p - this.nameStart;
      this.cachedName = undefined;
      if (kind === CLOSE) {
        const gt = s.indexOf('>', p);
        if (gt < 0) throw new XmlSyntaxError(`unexpected end of the XML inside </${this.name}>`);
        this.attrStart = this.attrEnd = p;
        this.kind = CLOSE;
        this.pos = gt + 1;
        if (--this.depth < 0) throw new XmlSyntaxError(`</${this.name}> closes an element that was never opened`);
        return true;
      }
      this.attrStart = p;
      let quote = 0;
      for (; p < len; p++) {
        const ch = s.charCodeAt(p);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
      }
      if (p >= len) throw new XmlSyntaxError(`unexpected end of the XML inside <${this.name}>`);
      let end = p;
      if (kind === OPEN && s.charCodeAt(p - 1) === 47) {
        kind = EMPTY;
        end = p - 1;
      }
      this.attrEnd = end;
      this.kind = kind;
      this.pos = p + 1;
      if (kind === OPEN) this.depth++;
      else if (kind === CLOSE && --this.depth < 0) throw new XmlSyntaxError(`</${this.name}> closes an element that was never opened`);
      return true;
    }
  }

  /** An attribute of the current tag by local name (`r:id` → "id"; xmlns declarations never match). */
  attr(local: string): string | undefined {
    const s = this.s;
    const end = this.attrEnd;
    let p = this.attrStart;
    while (p < end) {
      let ch = s.charCodeAt(p);
      if (ch <= 32) {
        p++;
        continue;
      }
      const ns = p;
      let colon = -1;
      for (; p < end; p++) {
        ch = s.charCodeAt(p);
        if (ch === 61 /* = */ || ch <= 32) break;
        if (ch === 58) colon = p;
      }
      const ne = p;
      while (p < end && s.charCodeAt(p) !== 61) p++;
      p++;
      while (p < end && s.charCodeAt(p) <= 32) p++;
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) return undefined; // malformed: treat as absent
      const vs = p + 1;
      const ve = s.indexOf(q === 34 ? '"' : "'", vs);
      if (ve < 0 || ve > end) return undefined;
      p = ve + 1;
      const ls = colon >= 0 ? colon + 1 : ns;
      if (ne - ls === local.length && s.startsWith(local, ls) && !(colon >= 0 && s.startsWith('xmlns', ns) && colon - ns === 5)) {
        return attrValue(s.slice(vs, ve));
      }
    }
    return undefined;
  }

  /**
   * The attributes r, s and t of a `<c>` in one pass, into this.r, this.s_ and this.t (the only
   * attributes a cell needs; their values never need XML decoding unless they hold an entity).
   */
  cellAttrs(): void {
    const s = this.s;
    const end = this.attrEnd;
    let p = this.attrStart;
    this.r = this.t = undefined;
    this.cellRow = this.cellCol = this.cellStyle = 0;
    while (p < end) {
      let ch = s.charCodeAt(p);
      if (ch <= 32) {
        p++;
        continue;
      }
      const ns = p;
      let colon = -1;
      for (; p < end; p++) {
        ch = s.charCodeAt(p);
        if (ch === 61 || ch <= 32) break;
        if (ch === 58) colon = p;
      }
      const ls = colon >= 0 ? colon + 1 : ns;
      const single = p - ls === 1 ? s.charCodeAt(ls) : 0;
      while (p < end && s.charCodeAt(p) !== 61) p++;
      p++;
      while (p < end && s.charCodeAt(p) <= 32) p++;
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) return;
      const vs = p + 1;
      const ve = s.indexOf(q === 34 ? '"' : "'", vs);
      if (ve < 0 || ve > end) return;
      p = ve + 1;
      if (single === 114 /* r */) this.cellRef(vs, ve);
      else if (single === 115 /* s */) {
        let n = 0;
        let i = vs;
        for (; i < ve; i++) {
          const c = s.charCodeAt(i);
          if (c < 48 || c > 57) break;
          n = n * 10 + c - 48;
        }
        this.cellStyle = i === ve ? n : parseInt(attrValue(s.slice(vs, ve)), 10) || 0;
      } else if (single === 116 /* t */) this.t = cellType(s, vs, ve);
    }
  }

  /** "AB12" or "$AB$12" at [vs, ve) → cellRow/cellCol without making a string (r kept as text only if odd). */
  private cellRef(vs: number, ve: number): void {
    const s = this.s;
    let i = vs;
    let col = 0;
    let row = 0;
    if (s.charCodeAt(i) === 36) i++;
    for (; i < ve; i++) {
      const c = s.charCodeAt(i) | 0x20;
      if (c < 97 || c > 122) break;
      col = col * 26 + c - 96;
    }
    if (i < ve && s.charCodeAt(i) === 36) i++;
    const digits = i;
    for (; i < ve; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      row = row * 10 + c - 48;
    }
    if (i === ve && i > digits && col > 0 && row > 0) {
      this.cellRow = row;
      this.cellCol = col;
      this.r = '';
    } else this.r = attrValue(s.slice(vs, ve));
  }

  /**
   * When the current element's text is 1–15 plain digits followed by a tag: that integer (exact),
   * the scanner moved past it. Otherwise -1 and nothing moved (read it with text()).
   */
  digitsText(): number {
    if (this.kind !== OPEN) return -1;
    const s = this.s;
    let p = this.pos;
    let n = 0;
    const start = p;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c >= 48 && c <= 57) {
        n = n * 10 + c - 48;
        p++;
        continue;
      }
      if (c !== 60 /* < */ || p === start || p - start > 15 || s.charCodeAt(p + 1) === 33 /* ! */) return -1;
      this.pos = p;
      return n;
    }
  }

  /**
   * The character data of the current element up to its next tag (CDATA sections and comments
   * included or skipped); empty for `<x/>`. Leaves the scanner before that next tag.
   */
  text(): string {
    if (this.kind !== OPEN) return '';
    const s = this.s;
    let p = this.pos;
    let out = '';
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt < 0) throw new XmlSyntaxError(`unexpected end of the XML inside <${this.name}>`);
      if (lt > p) out += textValue(s.slice(p, lt));
      if (s.charCodeAt(lt + 1) === 33 /* ! */) {
        if (s.startsWith('<![CDATA[', lt)) {
          const e = this.skipPast(']]>', lt + 9, 'CDATA section');
          out += s.slice(lt + 9, e - 3);
          p = e;
          continue;
        }
        if (s.startsWith('<!--', lt)) {
          p = this.skipPast('-->', lt + 4, 'comment');
          continue;
        }
      }
      this.pos = lt;
      return out;
    }
  }

  /** Skips to the close tag of the current element (for elements whose content is of no interest). */
  skipElement(): void {
    if (this.kind !== OPEN) return;
    const target = this.depth - 1;
    while (this.depth > target && this.next());
  }

  private skipPast(marker: string, from: number, what: string): number {
    const e = this.s.indexOf(marker, from);
    if (e < 0) throw new XmlSyntaxError(`unterminated ${what}`);
    return e + marker.length;
  }

  /** `<!DOCTYPE …>`, possibly with an internal subset in brackets. Its declarations are ignored. */
  private skipDoctype(lt: number): number {
    const s = this.s;
    const bracket = s.indexOf('[', lt);
    const gt = s.indexOf('>', lt);
    if (gt < 0) throw new XmlSyntaxError('unterminated declaration');
    if (bracket >= 0 && bracket < gt) return this.skipPast(']>', bracket, 'DOCTYPE');
    return gt + 1;
  }
}

const CELL_TYPES = ['s', 'n', 'b', 'e', 'd', 'str', 'inlineStr'];

/** A `<c t>` value as one of the known constants (no new string), else decoded text. */
function cellType(s: string, vs: number, ve: number): string {
  for (const t of CELL_TYPES) if (ve - vs === t.length && s.startsWith(t, vs)) return t;
  return attrValue(s.slice(vs, ve));
}

const ENTITY = /&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g;

function entity(_: string, e: string): string {
  switch (e) {
    case 'amp': return '&';
    case 'lt': return '<';
    case 'gt': return '>';
    case 'quot': return '"';
    case 'apos': return "'";
    default: {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
  }
}

/** Character data: entities decoded, line ends normalised to \n (as every XML parser does). */
export function textValue(raw: string): string {
  let v = raw;
  if (v.indexOf('\r') >= 0) v = v.replace(/\r\n?/g, '\n');
  return v.indexOf('&') >= 0 ? v.replace(ENTITY, entity) : v;
}

/** An attribute value: literal tabs and line ends become spaces (XML attribute normalisation), then entities. */
export function attrValue(raw: string): string {
  let v = raw;
  if (v.indexOf('\n') >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\r') >= 0) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
  return v.indexOf('&') >= 0 ? v.replace(ENTITY, entity) : v;
}

/** Excel's escape for characters XML cannot hold: `_x000D_` → "\r". */
export function unescapeOoxml(v: string): string {
  return v.indexOf('_x') >= 0 ? v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : v;
}
