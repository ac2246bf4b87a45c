/**
 * Notes (legacy comments) on header cells for the package writer: the sheet's comments part and
 * its VML drawing (the shape Excel shows the note in). Existing notes and shapes stay as written;
 * a note on a cell that has one is replaced in place, a new one is appended with a new shape.
 * Threaded comments (modern Excel) are not patched: the writer refuses rather than desync them.
 */
import { posix } from 'path';
import { cellAddress } from '../address';
import { CONTENT_TYPES, insertBeforeClose, REL, type PackageEditor, type SheetEntry } from './editor';
import { PackageRefusal } from './refusal';
import { MAIN_NS } from './styles';
import { textElement } from './sheet';
import { getAttr } from './xmlText';
import { unescapeOoxml } from '../reader/xml';

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const commentsPartOf = (ed: PackageEditor, sheet: SheetEntry) => ed.rels(sheet.part!).find((r) => r.type.endsWith('/comments') && r.part && ed.has(r.part))?.part;

const COMMENT = /<((?:[\w.-]+:)?)comment\b[^>]*>[\s\S]*?<\/\1comment>|<(?:[\w.-]+:)?comment\b[^>]*\/>/g;

/** The note's plain text on a cell, or undefined. */
export function noteOf(ed: PackageEditor, sheet: SheetEntry, row: number, column: number): string | undefined {
  const part = commentsPartOf(ed, sheet);
  const xml = part ? ed.text(part) : undefined;
  if (!xml) return undefined;
  const ref = cellAddress(row, column);
  for (const m of xml.matchAll(COMMENT)) {
    if (getAttr(/^<[^>]*>/.exec(m[0])![0], 'ref') !== ref) continue;
    return [...m[0].matchAll(/<((?:[\w.-]+:)?)t\b[^>]*>([\s\S]*?)<\/\1t>/g)].map((t) => unescapeOoxml(t[2].replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!))).join('');
  }
  return undefined;
}

export function setNote(ed: PackageEditor, sheet: SheetEntry, row: number, column: number, text: string): void {
  const sheetPart = sheet.part!;
  if (ed.rels(sheetPart).some((r) => r.type.endsWith('/threadedComment'))) {
    throw new PackageRefusal(sheetPart, 'the sheet has threaded comments; its notes are not changed');
  }
  const editor = ed.editorOf(sheet);
  const ref = cellAddress(row, column);
  let part = commentsPartOf(ed, sheet);
  const dir = posix.dirname(ed.workbookPart);
  if (!part) {
    part = ed.freeName(`${dir}/comments`, '.xml');
    ed.write(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>Indsatsmonitor</author></authors><commentList></commentList></comments>`);
    ed.addRel(sheetPart, REL.comments, part);
    ed.addOverride(part, CONTENT_TYPES.comments);
  }
  let xml = ed.text(part)!;
  const p = /<((?:[\w.-]+:)?)comments\b/.exec(xml)?.[1] ?? '';
  const element = `<${p}comment ref="${ref}" authorId="0"><${p}text>${textElement(p, text)}</${p}text></${p}comment>`;
  let replaced = false;
  xml = xml.replace(COMMENT, (c) => {
    if (getAttr(/^<[^>]*>/.exec(c)![0], 'ref') !== ref) return c;
    replaced = true;
    const author = getAttr(/^<[^>]*>/.exec(c)![0], 'authorId') ?? '0';
    return element.replace('authorId="0"', `authorId="${author}"`);
  });
  if (!replaced) {
    if (!/<(?:[\w.-]+:)?author\b/.test(xml)) xml = xml.replace(/<((?:[\w.-]+:)?)authors\s*\/>|<((?:[\w.-]+:)?)authors>\s*<\/\2authors>/, `<${p}authors><${p}author>Indsatsmonitor</${p}author></${p}authors>`);
    const list = new RegExp(`</${p}commentList>`).exec(xml);
    if (list) xml = xml.slice(0, list.index) + element + xml.slice(list.index);
    else if (/<(?:[\w.-]+:)?commentList\s*\/>/.test(xml)) xml = xml.replace(/<((?:[\w.-]+:)?)commentList\s*\/>/, `<${p}commentList>${element}</${p}commentList>`);
    else throw new PackageRefusal(part, 'no <commentList>');
  }
  ed.write(part, xml);
  if (replaced) return;

  // The shape the note is shown in.
  const vmlRel = ed.rels(sheetPart).find((r) => r.type.endsWith('/vmlDrawing') && r.part && ed.has(r.part));
  let vmlPart = vmlRel?.part;
  if (!vmlPart) {
    vmlPart = ed.freeName(`${dir}/drawings/vmlDrawing`, '.vml');
    ed.write(vmlPart, `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${SHAPE_TYPE}</xml>`);
    editor.legacyDrawingId = ed.addRel(sheetPart, REL.vmlDrawing, vmlPart);
    ed.addDefault('vml', CONTENT_TYPES.vml);
    editor.markChanged();
  }
  let vml = ed.text(vmlPart)!;
  if (!vml.includes('_x0000_t202')) vml = vml.replace(/(<o:shapelayout[\s\S]*?<\/o:shapelayout>)|(<xml\b[^>]*>)/, (m) => m + SHAPE_TYPE);
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const id = Math.max(1024, ...ids) + 1;
  const shape =
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
    '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${column}, 15, ${Math.max(0, row - 2)}, 2, ${column + 2}, 15, ${row + 2}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData></v:shape>`;
  ed.write(vmlPart, insertBeforeClose(vml, shape));
}
