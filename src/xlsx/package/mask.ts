/**
 * The `maskText` plan op in the package writer (the ExcelJS path: ../maskText.ts): the CPR numbers
 * in a note or threaded comment (and its replies), a hyperlink (address, location and tooltip),
 * every `<a:t>`/`<c:v>` text of a drawing or chart part, a defined name (its name and formula) or
 * a document property (docProps core, app, custom), masked in place. Every other byte of the part
 * stays as it was; a part without the target is left alone. Texts are unescaped for masking and
 * escaped again as XML only (OOXML's `_xHHHH_` escapes are kept as they are: a mask never adds one).
 */
import { maskCpr, maskCprInName } from '../../domain/parse/cpr';
import type { MaskTarget } from '../../workbook/plan';
import { parseRange } from '../address';
import { textValue } from '../reader/xml';
import type { PackageEditor } from './editor';
import { escapeXml, getAttr, setAttr } from './xmlText';

export function maskText(ed: PackageEditor, target: MaskTarget): void {
  switch (target.place) {
    case 'comment':
      return maskComment(ed, target.sheet, target.address);
    case 'hyperlink':
      return maskHyperlink(ed, target.sheet, target.address);
    case 'drawing':
      return maskPart(ed, target.part, ['t', 'v']);
    case 'definedName':
      ed.workbookEdits.push((xml) => maskDefinedName(xml, target.name));
      return;
    case 'property':
      return maskProperty(ed, target.key);
  }
}

/** The texts of the elements of these local names (any prefix), masked. */
function maskElementTexts(xml: string, names: string[]): string {
  const re = new RegExp(`(<((?:[\\w.-]+:)?)(?:${names.join('|')})(?:\\s[^>]*)?>)([^<]*)(</\\2(?:${names.join('|')})>)`, 'g');
  return xml.replace(re, (all, open: string, _p: string, text: string, close: string) => {
    const plain = textValue(text);
    const masked = maskCpr(plain);
    return masked === plain ? all : open + escapeXml(masked) + close;
  });
}

function maskPart(ed: PackageEditor, part: string, names: string[]): void {
  const name = part.replace(/^\/+/, '');
  const xml = ed.text(name);
  if (xml === undefined) return;
  const next = maskElementTexts(xml, names);
  if (next !== xml) ed.write(name, next);
}

const sameCell = (ref: string | undefined, address: string): boolean => {
  if (!ref) return false;
  const a = parseRange(ref.split(':')[0]);
  const b = parseRange(address.split(':')[0]);
  return a.top === b.top && a.left === b.left;
};

/** The note on the cell (comments part) and the threaded comment with its replies (same ref). */
function maskComment(ed: PackageEditor, sheetName: string, address: string): void {
  const sheet = ed.findSheet(sheetName);
  if (!sheet?.part) return;
  for (const r of ed.rels(sheet.part)) {
    if (!r.part || !ed.has(r.part) || !(r.type.endsWith('/comments') || /threadedComment$/i.test(r.type))) continue;
    const xml = ed.text(r.part)!;
    const next = xml.replace(/<((?:[\w.-]+:)?)(comment|threadedComment)\b([^>]*)>([\s\S]*?)<\/\1\2>/g, (all, _p: string, _n: string, attrs: string, body: string) =>
      (sameCell(getAttr(` ${attrs}`, 'ref'), address) ? all.slice(0, all.length - body.length - `</${_p}${_n}>`.length) + maskElementTexts(body, ['t', 'text']) + `</${_p}${_n}>` : all));
    if (next !== xml) ed.write(r.part, next);
  }
}

/** The hyperlink on the cell: its location and tooltip in the sheet part, an external address in the sheet's relationships. */
function maskHyperlink(ed: PackageEditor, sheetName: string, address: string): void {
  const sheet = ed.findSheet(sheetName);
  if (!sheet?.part || sheet.other) return;
  const editor = ed.editorOf(sheet);
  const old = editor.replaced.get('hyperlinks') ?? editor.original('hyperlinks');
  if (!old) return;
  const ids: string[] = [];
  const next = old.replace(/<(?:[\w.-]+:)?hyperlink\b[^>]*>/g, (tag) => {
    if (!sameCell(getAttr(tag, 'ref'), address)) return tag;
    let out = tag;
    const location = getAttr(tag, 'location');
    if (location !== undefined) out = setAttr(out, 'location', maskCprInName(location, 'sheet'));
    for (const name of ['tooltip', 'display']) {
      const value = getAttr(tag, name);
      if (value !== undefined) out = setAttr(out, name, maskCpr(value));
    }
    const id = getAttr(tag, 'r:id');
    if (id) ids.push(id);
    return out;
  });
  if (next !== old) {
    editor.replaced.set('hyperlinks', next);
    editor.markChanged();
  }
  if (!ids.length) return;
  const relsPart = ed.relsPartOf(sheet.part);
  const rels = ed.text(relsPart);
  if (!rels) return;
  const masked = rels.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) => {
    const target = getAttr(tag, 'Target');
    return ids.includes(getAttr(tag, 'Id') ?? '') && getAttr(tag, 'TargetMode') === 'External' && target !== undefined ? setAttr(tag, 'Target', maskCpr(target)) : tag;
  });
  if (masked !== rels) ed.write(relsPart, masked);
}

/** The defined name of that name (every scope): the name masked as a name, its formula's texts masked. */
function maskDefinedName(xml: string, name: string): string {
  return xml.replace(/<((?:[\w.-]+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>/g, (all, p: string, attrs: string, formula: string) => {
    const open = `<${p}definedName${attrs}>`;
    if ((getAttr(open, 'name') ?? '').toLowerCase() !== name.toLowerCase()) return all;
    return `${setAttr(open, 'name', maskCprInName(getAttr(open, 'name')!, 'name'))}${escapeXml(maskCpr(textValue(formula)))}</${p}definedName>`;
  });
}

/** "core:creator", "app:Company", "custom:Sagsnummer" (the reader's keys) → that element's text masked. */
function maskProperty(ed: PackageEditor, key: string): void {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  const name = key.slice(at + 1);
  const type = { core: '/core-properties', app: '/extended-properties', custom: '/custom-properties' }[kind];
  if (!type || !name) return;
  for (const r of ed.rels('')) {
    if (!r.type.endsWith(type) || !r.part || !ed.has(r.part)) continue;
    const xml = ed.text(r.part)!;
    let next: string;
    if (kind === 'custom') {
      next = xml.replace(/<((?:[\w.-]+:)?)property\b([^>]*)>([\s\S]*?)<\/\1property>/g, (all, p: string, attrs: string, body: string) =>
        (getAttr(` ${attrs}`, 'name') === name ? `<${p}property${attrs}>${body.replace(/>([^<]+)</g, (m, t: string) => `>${escapeXml(maskCpr(textValue(t)))}<`)}</${p}property>` : all));
    } else next = maskElementTexts(xml, [name.replace(/[^\w.-]/g, '')]);
    if (next !== xml) ed.write(r.part, next);
  }
}
