/**
 * styles.xml for the package writer: existing entries are never renumbered or changed; number
 * formats, fonts, cell formats (xf) and differential formats (dxf) the plan needs are appended,
 * and an identical one already there is reused. The part is rewritten only when something was added.
 */
import { BUILT_IN } from '../reader/styles';
import { childrenOf, escapeXml, getAttr, rootOf, setAttr } from './xmlText';

const BUILT_IN_ID = new Map(Object.entries(BUILT_IN).map(([id, code]) => [code, Number(id)]));

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A styles part with one default font, fill, border and cell format, for packages that have none. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

interface Section {
  /** Children as written. */
  items: string[];
  added: string[];
  index: Map<string, number>;
}

export interface FontChange {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** RRGGBB */
  color?: string;
}

export class StylesEditor {
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  /** Custom number formats: id → code (as written, unescaped). */
  private readonly numFmts = new Map<number, string>();
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private readonly derived = new Map<string, number>();

  constructor(private readonly xml: string) {
    const root = rootOf(xml);
    this.prefix = root.prefix;
    const children = childrenOf(xml, root.tagEnd, root.closeStart);
    for (const name of ['numFmts', 'fonts', 'cellXfs', 'dxfs']) {
      const el = children.find((c) => c.name === name);
      const items: string[] = [];
      if (el) {
        const inner = xml.slice(el.start, el.end);
        const open = /^<[^>]*>/.exec(inner)![0];
        if (!open.endsWith('/>')) for (const c of childrenOf(inner, open.length, inner.length)) items.push(inner.slice(c.start, c.end));
      }
      this.sections.set(name, { items, added: [], index: new Map(items.map((x, i) => [x, i])) });
    }
    for (const f of this.sections.get('numFmts')!.items) {
      const id = Number(getAttr(f, 'numFmtId'));
      const code = getAttr(f, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) this.numFmts.set(id, code);
    }
  }

  get changed(): boolean {
    return [...this.sections.values()].some((s) => s.added.length > 0);
  }

  private section(name: string): Section {
    return this.sections.get(name)!;
  }

  private xfXml(xf: number): string {
    const s = this.section('cellXfs');
    const all = [...s.items, ...s.added];
    return all[xf] ?? all[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  }

  /** The index of this xf (appended when new). */
  private xfIndex(xml: string): number {
    return this.add('cellXfs', xml);
  }

  private add(section: string, xml: string): number {
    const s = this.section(section);
    const known = s.index.get(xml);
    if (known !== undefined) return known;
    const i = s.items.length + s.added.length;
    s.added.push(xml);
    s.index.set(xml, i);
    return i;
  }

  /** The number format code of a cell format; undefined for General (or none). */
  formatOf(xf: number): string | undefined {
    const id = Number(getAttr(this.xfXml(xf), 'numFmtId') ?? 0);
    const code = id ? (this.numFmts.get(id)?.replace(/[\\](.)/g, '$1') ?? BUILT_IN[id]) : undefined;
    return code && code !== 'General' ? code : undefined;
  }

  /** The id of a number format code: a built-in one, an existing custom one, or a new one. */
  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_ID.get(code);
    if (builtIn !== undefined) return builtIn;
    for (const [id, c] of this.numFmts) if (c === code || c.replace(/[\\](.)/g, '$1') === code) return id;
    const id = Math.max(163, ...this.numFmts.keys()) + 1;
    this.numFmts.set(id, code);
    this.addedNumFmts.push({ id, code });
    this.section('numFmts').added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cell format `xf` with number format `code` ("General": none). */
  withNumberFormat(xf: number, code: string): number {
    if ((this.formatOf(xf) ?? 'General') === code) return xf;
    const key = `n|${xf}|${code}`;
    let out = this.derived.get(key);
    if (out === undefined) {
      const id = code === 'General' ? 0 : this.numFmtId(code);
      let x = setAttr(this.xfXml(xf), 'numFmtId', String(id));
      x = setAttr(x, 'applyNumberFormat', id ? '1' : undefined);
      out = this.xfIndex(x);
      this.derived.set(key, out);
    }
    return out;
  }

  /** The cell format `xf` with its font changed. */
  withFont(xf: number, change: FontChange): number {
    const key = `f|${xf}|${JSON.stringify(change)}`;
    let out = this.derived.get(key);
    if (out === undefined) {
      const base = this.xfXml(xf);
      const fonts = this.section('fonts');
      const fontXml = [...fonts.items, ...fonts.added][Number(getAttr(base, 'fontId') ?? 0)] ?? `<${this.prefix}font/>`;
      const fontId = this.add('fonts', changedFont(fontXml, change, this.prefix));
      out = this.xfIndex(setAttr(setAttr(base, 'fontId', String(fontId)), 'applyFont', '1'));
      this.derived.set(key, out);
    }
    return out;
  }

  /** A differential format (conditional formatting): fill and font colour, RRGGBB. */
  dxf(fill: string, font: string): number {
    const p = this.prefix;
    return this.add('dxfs', `<${p}dxf><${p}font><${p}color rgb="FF${font}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="FF${fill}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  /** The part with what was added. */
  toXml(): string {
    let xml = this.xml;
    const root = rootOf(xml);
    const children = childrenOf(xml, root.tagEnd, root.closeStart);
    // From the end, so the positions found stay valid.
    const edits: { start: number; end: number; text: string }[] = [];
    for (const name of ['numFmts', 'fonts', 'cellXfs', 'dxfs']) {
      const s = this.section(name);
      if (!s.added.length) continue;
      const count = s.items.length + s.added.length;
      const el = children.find((c) => c.name === name);
      const p = this.prefix;
      if (el) {
        const inner = xml.slice(el.start, el.end);
        const open = /^<[^>]*>/.exec(inner)![0];
        const tag = setAttr(open.endsWith('/>') ? `${open.slice(0, -2)}>` : open, 'count', String(count));
        edits.push({ start: el.start, end: el.end, text: `${tag}${s.items.join('')}${s.added.join('')}</${p}${name}>` });
      } else {
        const at = children.find((c) => ORDER.indexOf(c.name) > ORDER.indexOf(name))?.start ?? root.closeStart;
        edits.push({ start: at, end: at, text: `<${p}${name} count="${count}">${s.added.join('')}</${p}${name}>` });
      }
    }
    edits.sort((a, b) => b.start - a.start || b.end - a.end);
    for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
    return xml;
  }
}

function changedFont(fontXml: string, change: FontChange, prefix: string): string {
  const open = /^<[^>]*>/.exec(fontXml)?.[0] ?? `<${prefix}font>`;
  const parts = new Map<string, string>();
  if (!open.endsWith('/>')) for (const c of childrenOf(fontXml, open.length, fontXml.length)) parts.set(c.name, fontXml.slice(c.start, c.end));
  const p = prefix;
  if (change.bold) parts.set('b', `<${p}b/>`);
  if (change.italic) parts.set('i', `<${p}i/>`);
  if (change.size !== undefined) parts.set('sz', `<${p}sz val="${change.size}"/>`);
  if (change.color !== undefined) parts.set('color', `<${p}color rgb="FF${change.color}"/>`);
  const tag = open.endsWith('/>') ? `${open.slice(0, -2)}>` : open;
  const known = FONT_ORDER.filter((n) => parts.has(n)).map((n) => parts.get(n));
  const other = [...parts.entries()].filter(([n]) => !FONT_ORDER.includes(n)).map(([, x]) => x);
  return `${tag}${known.join('')}${other.join('')}</${p}font>`;
}
