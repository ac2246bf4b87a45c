/**
 * A rename (sheet, table, table column) carried into every formula of the package, as Excel does
 * when the user renames in its interface: the cells' formulas (`<f>`, shared masters included),
 * the tables' calculatedColumnFormula and totalsRowFormula, the workbook's defined names, data
 * validations (`<formula1>`/`<formula2>`, x14 `<xm:f>`), conditional formats (`<formula>`),
 * sparklines, the charts' series (`<c:f>`) and pivot caches' sources. A formula that names a column
 * or table that no longer exists is one Excel "repairs" on open by dropping it.
 *
 * The formula text itself is rewritten by src/workbook/formulaRefs.ts; this walks the parts. A part
 * it cannot patch safely (CDATA, a cell without its address holding a table-relative reference)
 * is refused before anything is written.
 */
import { renameInFormula, type Rename, type RenameContext } from '../../workbook/formulaRefs';
import { parseRect } from '../reader/sheet';
import { textValue } from '../reader/xml';
import type { PackageEditor, SheetEntry, TableEntry } from './editor';
import { PackageRefusal } from './refusal';
import { escapeXml, getAttr, setAttr } from './xmlText';

/** Elements whose text is a formula, in every part this touches. */
const FORMULA_ELEMENT = /<((?:[\w.-]+:)?)(f|formula|formula1|formula2|calculatedColumnFormula|totalsRowFormula)((?:\s[^>]*)?)>([^<]*)<\/\1\2>/g;
/** The start tags of those elements (self-closing ones too: a shared formula's dependent cells). */
const FORMULA_OPEN = /<(?:[\w.-]+:)?(?:f|formula|formula1|formula2|calculatedColumnFormula|totalsRowFormula)(?:\s[^>]*)?>/g;
/** A quick test: the part holds an element whose text may be a formula (else it is not looked at again). */
const ANY_FORMULA = /<(?:[\w.-]+:)?(?:f|formula[12]?|calculatedColumnFormula|totalsRowFormula)[\s>]/;

/**
 * The formulas of `xml` with the rename applied; the same string when none changed. `host` gives
 * the table a formula element at that index sits in (for `[@Col]` and `[Col]`).
 */
export function renameInPart(xml: string, part: string, rename: Rename, host?: (index: number, prefix: string) => string | undefined): string {
  if (!ANY_FORMULA.test(xml)) return xml;
  if (xml.includes('<![CDATA[')) throw new PackageRefusal(part, 'formulas in CDATA sections are not rewritten');
  let changed = false;
  let seen = 0;
  const next = xml.replace(FORMULA_ELEMENT, (all, p: string, name: string, attrs: string, raw: string, index: number) => {
    seen++;
    const formula = textValue(raw);
    const context: RenameContext = host ? { host: () => host(index, p) } : {};
    const renamed = renameInFormula(formula, rename, context);
    if (renamed === formula) return all;
    changed = true;
    return `<${p}${name}${attrs}>${escapeXml(renamed)}</${p}${name}>`;
  });
  // A formula element whose text is not plain character data (a comment, markup inside it) was not read: refused, not skipped.
  let elements = 0;
  for (const m of xml.matchAll(FORMULA_OPEN)) {
    if (m[0].endsWith('/>')) continue;
    // <x14:formula1><xm:f>…</xm:f></x14:formula1>: a container, its <xm:f> is the formula.
    const after = xml.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (after[0] !== '<' || after === '<!' || after === '</') elements++;
  }
  if (elements !== seen) throw new PackageRefusal(part, 'a formula element holds more than text; it is not rewritten');
  return changed ? next : xml;
}

/** Carries the rename into every formula of the package (at the time of the op: later ops see the new names). */
export function renameReferences(ed: PackageEditor, rename: Rename): void {
  // Macro and dialog sheets too (never edited otherwise, but their formulas name sheets as well).
  for (const sheet of ed.liveSheets()) if (sheet.part && ed.has(sheet.part)) renameInSheet(ed, sheet, rename);
  for (const t of ed.tables) {
    if (t.sheet.removed) continue;
    const next = renameInPart(t.xml, t.part, rename, () => t.name);
    if (next !== t.xml) {
      t.xml = next;
      t.dirty = true;
    }
  }
  ed.workbookEdits.push((xml) => renameInDefinedNames(xml, ed.workbookPart, rename));
  renameInCharts(ed, rename);
  renameInPivotCaches(ed, rename);
}

function renameInSheet(ed: PackageEditor, sheet: SheetEntry, rename: Rename): void {
  const part = sheet.part!;
  const tables = ed.tables.filter((t) => t.sheet === sheet);
  const tableAt = (row: number, col: number): TableEntry | undefined => tables.find((t) => t.rect.top <= row && row <= t.rect.bottom && t.rect.left <= col && col <= t.rect.right);
  const host = (xml: string) => (index: number, p: string): string | undefined => {
    if (!tables.length) return undefined;
    const at = xml.lastIndexOf(`<${p}c`, index);
    const tag = at < 0 ? undefined : /^<[^>]*>/.exec(xml.slice(at, index))?.[0];
    // A formula outside a cell (a validation, a conditional format) has no table of its own.
    if (!tag || !/^<(?:[\w.-]+:)?c[\s>/]/.test(tag) || xml.slice(at + tag.length, index).includes('</')) return undefined;
    const ref = getAttr(tag, 'r');
    const rect = ref ? parseRect(ref) : undefined;
    if (!rect) throw new PackageRefusal(part, 'a formula cell without its address refers to a table column by itself ([@…])');
    return tableAt(rect.top, rect.left)?.name;
  };
  const editor = sheet.editor;
  if (editor) {
    editor.rewritePart((xml) => renameInPart(xml, part, rename, host(xml)));
    editor.rewriteFormulas((formula, row, col) => renameInFormula(formula, rename, { host: () => tableAt(row, col)?.name }));
    // The validations and conditional formats this plan added so far.
    for (const v of editor.validations) v.xml = renameInPart(v.xml, part, rename);
    for (const c of editor.cfAdded) c.xml = renameInPart(c.xml, part, rename);
    return;
  }
  const xml = ed.text(part);
  if (xml === undefined) return;
  const next = renameInPart(xml, part, rename, host(xml));
  if (next !== xml) ed.write(part, next);
}

function renameInDefinedNames(xml: string, part: string, rename: Rename): string {
  const block = /<((?:[\w.-]+:)?)definedNames\b[^>]*>[\s\S]*?<\/\1definedNames>/.exec(xml)?.[0];
  if (!block) return xml;
  if (block.includes('<![CDATA[') || block.includes('<!--')) throw new PackageRefusal(part, 'defined names in CDATA sections or with comments are not rewritten');
  return xml.replace(/(<((?:[\w.-]+:)?)definedName\b[^>]*>)([^<]*)(<\/\2definedName>)/g, (all, open: string, _p: string, raw: string, close: string) => {
    if (open.endsWith('/>')) return all;
    const formula = textValue(raw);
    const renamed = renameInFormula(formula, rename);
    return renamed === formula ? all : open + escapeXml(renamed) + close;
  });
}

/** The chart parts of every sheet's drawings (a chart may show another sheet's cells), each once. */
function renameInCharts(ed: PackageEditor, rename: Rename): void {
  const seen = new Set<string>();
  for (const sheet of ed.liveSheets()) {
    if (!sheet.part) continue;
    for (const d of ed.rels(sheet.part)) {
      if (!d.type.endsWith('/drawing') || !d.part || !ed.has(d.part)) continue;
      for (const c of ed.rels(d.part)) {
        if (!(c.type.endsWith('/chart') || c.type.endsWith('/chartEx')) || !c.part || seen.has(c.part.toLowerCase()) || !ed.has(c.part)) continue;
        seen.add(c.part.toLowerCase());
        const xml = ed.text(c.part);
        if (xml === undefined) continue;
        const next = renameInPart(xml, c.part, rename);
        if (next !== xml) ed.write(c.part, next);
      }
    }
  }
}

/** A pivot cache's source names a sheet (`<worksheetSource sheet="…">`) or a table (`name="…"`). */
function renameInPivotCaches(ed: PackageEditor, rename: Rename): void {
  if (rename.kind === 'column') return; // a cache field keeps its name until the pivot table is refreshed
  for (const r of ed.rels(ed.workbookPart)) {
    if (!r.type.endsWith('/pivotCacheDefinition') || !r.part || !ed.has(r.part)) continue;
    const xml = ed.text(r.part);
    if (xml === undefined) continue;
    const attr = rename.kind === 'sheet' ? 'sheet' : 'name';
    const next = xml.replace(/<(?:[\w.-]+:)?worksheetSource\b[^>]*>/g, (tag) => {
      const value = getAttr(tag, attr);
      return value !== undefined && value.toLowerCase() === rename.from.toLowerCase() ? setAttr(tag, attr, rename.to) : tag;
    });
    if (next !== xml) ed.write(r.part, next);
  }
}
