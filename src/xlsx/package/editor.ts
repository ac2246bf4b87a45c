/**
 * The package as the writer changes it: the original zip's entries, the parts written or removed
 * so far, relationships, content types, the workbook part's sheet list, the tables, the styles and
 * one SheetEditor per sheet a plan touches. `toBuffer` writes the new package: every entry no op
 * changed is copied raw (byte-identical, never inflated), the changed parts are written new.
 *
 * Over 500 lines: the package-level plumbing (parts, relationships, content types, the workbook
 * part, tables) kept together because every op goes through it and the parts must agree.
 */
import { posix } from 'path';
import { CellStore } from '../reader/cells';
import type { ReadLimits } from '../reader/limits';
import { XlsxPackage, resolveTarget } from '../reader/package';
import { nodePlatform } from '../reader/platform.node';
import { readSharedStrings } from '../reader/sharedStrings';
import { textValue } from '../reader/xml';
import { maskCpr } from '../../domain/parse/cpr';
import { scanSheet, parseRect, type Rect, type SheetScan } from '../reader/sheet';
import { readStyles, type CellStyles } from '../reader/styles';
import { constants as zlibConstants, inflateRawSync } from 'zlib';
import { zipEntries, zipEntryRaw, type ZipEntry } from '../zip';
import { PackageRefusal } from './refusal';
import { SheetEditor } from './sheet';
import { MAIN_NS, MINIMAL_STYLES, StylesEditor } from './styles';
import { writeZip, type ZipItem } from './zipWrite';
import { childrenOf, escapeXml, getAttr, rootOf, setAttr } from './xmlText';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT_PART = '[Content_Types].xml';

export interface Rel {
  id: string;
  /** Full type URI. */
  type: string;
  /** As written. */
  target: string;
  external: boolean;
  /** Resolved part name (internal targets). */
  part?: string;
}

export interface SheetEntry {
  name: string;
  /** The `<sheet>` element as written (attributes are patched on it). */
  tag: string;
  rId: string;
  part?: string;
  /** Not a worksheet (a chart sheet, dialog or macro sheet): never edited. */
  other: boolean;
  removed?: boolean;
  /** Its position in the workbook as read (new sheets: none). */
  origIndex?: number;
  editor?: SheetEditor;
}

export interface TableEntry {
  sheet: SheetEntry;
  part: string;
  xml: string;
  name: string;
  id: number;
  rect: Rect;
  hasHeader: boolean;
  totals: boolean;
  columns: string[];
  dirty: boolean;
  /** A column was renamed (a header cell written): the part's tableColumn names are written again. */
  renamed?: boolean;
}

const lower = (s: string) => s.toLowerCase();

export class PackageEditor {
  readonly pkg: XlsxPackage;
  private readonly entries: ZipEntry[];
  /** Parts written (text or bytes) or removed (null), by lower-case name. */
  private readonly written = new Map<string, { name: string; data: string | Buffer | null }>();
  private readonly cache = new Map<string, string | undefined>();
  readonly workbookPart: string;
  readonly sheets: SheetEntry[] = [];
  readonly tables: TableEntry[] = [];
  readonly date1904: boolean;
  private readonly scanStrings: string[];
  private readonly scanStyles: CellStyles;
  private stylesEditor?: StylesEditor;
  private readonly stringsPart?: string;
  /**
   * The plan masks CPR numbers (maskText, or cells written with their masked value): the shared
   * strings the overwritten cells held are masked too (the table is never renumbered, so the old
   * texts would stay in the file), and so are the sheet names listed in docProps/app.xml.
   */
  masking = false;
  /** Sheets renamed by the plan (old name → new), for the sheet names docProps/app.xml lists. */
  private readonly renames: [string, string][] = [];
  private stylesPart?: string;
  private readonly reachableBefore: Set<string>;
  /** The active sheet when a select op set it. */
  active?: SheetEntry;
  fullCalcOnLoad = false;
  cellsWritten = false;
  /** A workbook part in Strict OOXML: the writer refuses to change it. */
  readonly strict: boolean;

  constructor(readonly bytes: Buffer, readonly path: string, limits: ReadLimits) {
    this.pkg = new XlsxPackage(bytes, path, limits, nodePlatform);
    this.entries = zipEntries(bytes);
    const office = this.rels('').find((r) => r.type.endsWith('/officeDocument') && r.part && this.has(r.part));
    this.workbookPart = office?.part ?? 'xl/workbook.xml';
    const wb = this.text(this.workbookPart);
    if (wb === undefined) throw new PackageRefusal(this.workbookPart, 'missing');
    this.strict = wb.includes('http://purl.oclc.org/ooxml/spreadsheetml/main');
    this.date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(wb);
    const rels = this.rels(this.workbookPart);
    for (const m of wb.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
      const tag = m[0];
      const rId = getAttr(tag, 'r:id') ?? /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1] ?? '';
      const rel = rels.find((r) => r.id === rId);
      this.sheets.push({ name: getAttr(tag, 'name') ?? '', tag, rId, part: rel?.part, other: !rel || !rel.type.endsWith('/worksheet'), origIndex: this.sheets.length });
    }
    const stylesRel = rels.find((r) => r.type.endsWith('/styles') && r.part && this.has(r.part));
    this.stylesPart = stylesRel?.part;
    const stringsRel = rels.find((r) => r.type.endsWith('/sharedStrings') && r.part && this.has(r.part));
    this.stringsPart = stringsRel?.part;
    this.scanStrings = readSharedStrings(this.pkg, this.stringsPart);
    this.scanStyles = readStyles(this.pkg, this.stylesPart);
    for (const sheet of this.sheets) {
      if (sheet.other || !sheet.part) continue;
      for (const r of this.rels(sheet.part)) if (r.type.endsWith('/table') && r.part && this.has(r.part)) this.tables.push(this.readTable(sheet, r.part));
    }
    this.reachableBefore = this.reachable();
  }

  // -------------------------------------------------------------------------------------------
  // Parts

  has(part: string): boolean {
    const w = this.written.get(lower(part));
    return w ? w.data !== null : this.pkg.has(part);
  }

  text(part: string): string | undefined {
    const w = this.written.get(lower(part));
    if (w) return w.data === null ? undefined : typeof w.data === 'string' ? w.data : w.data.toString('utf8');
    const key = lower(part);
    if (!this.cache.has(key)) this.cache.set(key, this.pkg.text(part));
    return this.cache.get(key);
  }

  /** The first bytes of a part's text (up to sheetData, say), without inflating all of it. */
  head(part: string, compressed = 32 * 1024): string {
    const w = this.written.get(lower(part));
    if (w || this.cache.has(lower(part))) return (this.text(part) ?? '').slice(0, compressed * 8);
    const e = this.entries.find((x) => lower(x.name.replace(/^\/+/, '')) === lower(part));
    if (!e) return '';
    try {
      const raw = zipEntryRaw(this.bytes, e).subarray(0, compressed);
      if (e.method === 0) return raw.toString('utf8');
      return inflateRawSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: compressed * 64 }).toString('utf8');
    } catch {
      return this.text(part) ?? '';
    }
  }

  write(part: string, data: string | Buffer): void {
    const name = this.entries.find((e) => lower(e.name) === lower(part))?.name ?? part;
    this.written.set(lower(part), { name, data });
  }

  remove(part: string): void {
    this.written.set(lower(part), { name: part, data: null });
    this.cache.delete(lower(part));
  }

  /** "xl/charts/chart" + N + ".xml", the smallest N no part has. */
  freeName(prefix: string, suffix: string): string {
    let n = 1;
    while (this.has(`${prefix}${n}${suffix}`) || this.entries.some((e) => lower(e.name) === lower(`${prefix}${n}${suffix}`))) n++;
    return `${prefix}${n}${suffix}`;
  }

  // -------------------------------------------------------------------------------------------
  // Relationships and content types

  relsPartOf(part: string): string {
    return part === '' ? '_rels/.rels' : posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  }

  rels(part: string): Rel[] {
    const xml = this.text(this.relsPartOf(part));
    if (!xml) return [];
    const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
    return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)].map((m) => {
      const external = getAttr(m[0], 'TargetMode') === 'External';
      const target = getAttr(m[0], 'Target') ?? '';
      return { id: getAttr(m[0], 'Id') ?? '', type: getAttr(m[0], 'Type') ?? '', target, external, ...(external ? {} : { part: resolveTarget(dir, target) }) };
    });
  }

  addRel(part: string, type: string, targetPart: string): string {
    const relsPart = this.relsPartOf(part);
    const xml = this.text(relsPart) ?? `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const taken = new Set(this.rels(part).map((r) => r.id));
    let n = 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = part === '' ? targetPart : posix.relative(posix.dirname(part), targetPart);
    this.write(relsPart, insertBeforeClose(xml, `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`));
    return id;
  }

  removeRel(part: string, id: string): void {
    const relsPart = this.relsPartOf(part);
    const xml = this.text(relsPart);
    if (!xml) return;
    this.write(relsPart, xml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>(?:<\/(?:[\w.-]+:)?Relationship>)?/g, (tag) => (getAttr(tag, 'Id') === id ? '' : tag)));
  }

  addOverride(part: string, contentType: string): void {
    const xml = this.text(CT_PART);
    if (xml === undefined) throw new PackageRefusal(CT_PART, 'missing');
    if (this.hasOverride(xml, part)) return;
    this.write(CT_PART, insertBeforeClose(xml, `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`));
  }

  addDefault(extension: string, contentType: string): void {
    const xml = this.text(CT_PART)!;
    const exists = [...xml.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g)].some((m) => lower(getAttr(m[0], 'Extension') ?? '') === extension);
    if (!exists) this.write(CT_PART, insertBeforeClose(xml, `<Default Extension="${extension}" ContentType="${contentType}"/>`));
  }

  private hasOverride(xml: string, part: string): boolean {
    return [...xml.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)].some((m) => lower((getAttr(m[0], 'PartName') ?? '').replace(/^\//, '')) === lower(part));
  }

  private removeOverrides(parts: Set<string>): void {
    const xml = this.text(CT_PART);
    if (!xml) return;
    const next = xml.replace(/<(?:[\w.-]+:)?Override\b[^>]*>(?:<\/(?:[\w.-]+:)?Override>)?/g, (tag) => (parts.has(lower((getAttr(tag, 'PartName') ?? '').replace(/^\//, ''))) ? '' : tag));
    if (next !== xml) this.write(CT_PART, next);
  }

  /** Parts reachable from the package's relationships (internal targets), lower case. */
  private reachable(): Set<string> {
    const seen = new Set<string>();
    const walk = (part: string) => {
      for (const r of this.rels(part)) {
        if (!r.part || seen.has(lower(r.part)) || !this.has(r.part)) continue;
        seen.add(lower(r.part));
        walk(r.part);
      }
    };
    walk('');
    return seen;
  }

  // -------------------------------------------------------------------------------------------
  // Styles, sheets, tables

  get styles(): StylesEditor {
    if (!this.stylesEditor) {
      if (!this.stylesPart) {
        // A package without styles (some generators): one is added with the defaults.
        this.stylesPart = posix.join(posix.dirname(this.workbookPart), 'styles.xml');
        this.write(this.stylesPart, MINIMAL_STYLES);
        this.addRel(this.workbookPart, REL.styles, this.stylesPart);
        this.addOverride(this.stylesPart, CONTENT_TYPES.styles);
      }
      this.stylesEditor = new StylesEditor(this.text(this.stylesPart) ?? MINIMAL_STYLES);
    }
    return this.stylesEditor;
  }

  liveSheets(): SheetEntry[] {
    return this.sheets.filter((s) => !s.removed);
  }

  findSheet(name: string): SheetEntry | undefined {
    return this.liveSheets().find((s) => lower(s.name) === lower(name));
  }

  /** The editor of a sheet (its cells scanned when first asked for). */
  editorOf(sheet: SheetEntry): SheetEditor {
    if (sheet.editor) return sheet.editor;
    if (sheet.other || !sheet.part) throw new PackageRefusal(sheet.part ?? this.workbookPart, `sheet "${sheet.name}" is not a worksheet`);
    const part = sheet.part;
    const xml = this.text(part);
    if (xml === undefined) throw new PackageRefusal(part, `the part of sheet "${sheet.name}" is missing`);
    if (xml.includes('http://purl.oclc.org/ooxml/spreadsheetml/main')) throw new PackageRefusal(part, 'Strict OOXML is not written');
    const scan = () => scanSheet(this.pkg, part, xml, { strings: this.scanStrings, styles: this.scanStyles, date1904: this.date1904, budget: { cells: this.pkg.limits.maxCells } });
    sheet.editor = new SheetEditor(sheet.name, part, xml, scan, false);
    return sheet.editor;
  }

  /** A new, empty worksheet at the end of the workbook. */
  addSheet(name: string): SheetEntry {
    const dir = posix.dirname(this.workbookPart);
    const part = this.freeName(`${dir}/worksheets/sheet`, '.xml');
    const xml =
      `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    this.write(part, xml);
    const rId = this.addRel(this.workbookPart, REL.worksheet, part);
    this.addOverride(part, CONTENT_TYPES.worksheet);
    const ids = this.sheets.map((s) => Number(getAttr(s.tag, 'sheetId') ?? 0));
    const sheetId = Math.max(0, ...ids) + 1;
    const entry: SheetEntry = { name, tag: `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${rId}"/>`, rId, part, other: false };
    entry.editor = new SheetEditor(name, part, xml, emptyScan, true);
    entry.editor.markChanged();
    this.sheets.push(entry);
    return entry;
  }

  renameSheet(sheet: SheetEntry, to: string): void {
    this.renames.push([sheet.name, to]);
    sheet.name = to;
    sheet.tag = setAttr(sheet.tag, 'name', to);
    if (sheet.editor) sheet.editor.name = to;
  }

  /** Removes a sheet from the workbook; its parts go when nothing else refers to them (toBuffer). */
  removeSheet(sheet: SheetEntry): void {
    const index = this.liveSheets().indexOf(sheet);
    sheet.removed = true;
    this.removeRel(this.workbookPart, sheet.rId);
    this.removedIndexes.push(index);
    for (const t of this.tables.filter((t) => t.sheet === sheet)) this.tables.splice(this.tables.indexOf(t), 1);
  }

  private readonly removedIndexes: number[] = [];
  /** Edits of the workbook part's text by ops (maskText on a defined name), applied in order when it is written. */
  readonly workbookEdits: ((xml: string) => string)[] = [];
  /** A moveSheet op changed the order of the sheets. */
  private moved = false;
  /**
   * Print names to write per sheet (pageSetup; the print copy): the `_xlnm.Print_Area` range and
   * the `_xlnm.Print_Titles` rows, null to remove the name, undefined (titles) to keep it as it is.
   * Written with the sheet's name at the end and absolute rows ($A$1:$K$200: LibreOffice ignores
   * a print area with relative rows).
   */
  readonly printNames = new Map<SheetEntry, { area: Rect | null; titles?: { first: number; last: number } | null }>();

  /** The sheet to `position` (0-based) among the live sheets; the others keep their order. */
  moveSheet(sheet: SheetEntry, position: number): void {
    const live = this.liveSheets().filter((s) => s !== sheet);
    live.splice(Math.max(0, Math.min(Math.trunc(position), live.length)), 0, sheet);
    const removed = this.sheets.filter((s) => s.removed);
    this.sheets.splice(0, this.sheets.length, ...live, ...removed);
    this.moved = true;
  }

  private readTable(sheet: SheetEntry, part: string): TableEntry {
    const xml = this.text(part)!;
    const open = /<(?:[\w.-]+:)?table\b[^>]*>/.exec(xml)?.[0];
    if (!open) throw new PackageRefusal(part, 'no <table> element');
    const rect = parseRect(getAttr(open, 'ref') ?? '');
    if (!rect) throw new PackageRefusal(part, 'the table has no valid ref');
    const columns = [...xml.matchAll(/<(?:[\w.-]+:)?tableColumn\b[^>]*>/g)].map((m) => getAttr(m[0], 'name') ?? '');
    const hrc = getAttr(open, 'headerRowCount');
    return {
      sheet, part, xml, rect, columns,
      name: getAttr(open, 'name') ?? getAttr(open, 'displayName') ?? '',
      id: Number(getAttr(open, 'id') ?? 0),
      hasHeader: hrc === undefined ? true : hrc !== '0',
      totals: Number(getAttr(open, 'totalsRowCount') ?? 0) > 0,
      dirty: false,
    };
  }

  findTable(name: string): TableEntry | undefined {
    return this.tables.find((t) => lower(t.name) === lower(name));
  }

  /** A new table part on a sheet: header row, filter buttons, the add-in's table style. */
  addTable(sheet: SheetEntry, name: string, rect: Rect, columns: string[], style: string): TableEntry {
    const part = this.freeName(`${posix.dirname(this.workbookPart)}/tables/table`, '.xml');
    const id = Math.max(0, ...this.tables.map((t) => t.id), ...this.allTableIds()) + 1;
    const entry: TableEntry = { sheet, part, xml: '', name, id, rect, hasHeader: true, totals: false, columns, dirty: true };
    entry.xml =
      `${XML_DECLARATION}<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${formatRect(rect)}" headerRowCount="1" totalsRowShown="0">` +
      `<autoFilter ref="${formatRect(rect)}"/><tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join('')}</tableColumns>` +
      `<tableStyleInfo name="${style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
    this.write(part, entry.xml); // the name is taken (written again with the final ref in toBuffer)
    const editor = this.editorOf(sheet);
    editor.newTableParts.push(this.addRel(sheet.part!, REL.table, part));
    editor.markChanged();
    this.addOverride(part, CONTENT_TYPES.table);
    this.tables.push(entry);
    return entry;
  }

  /** Table ids in every table part of the package (ids are unique across the workbook). */
  private allTableIds(): number[] {
    return this.entries.filter((e) => /(^|\/)tables\/[^/]+\.xml$/i.test(e.name)).map((e) => Number(/\bid="(\d+)"/.exec(this.text(e.name) ?? '')?.[1] ?? 0));
  }

  /** The table's part with its current ref, columns and name. */
  private tableXml(t: TableEntry): string {
    let xml = t.xml;
    const open = /<(?:[\w.-]+:)?table\b[^>]*>/.exec(xml)!;
    let tag = setAttr(setAttr(setAttr(open[0], 'ref', formatRect(t.rect)), 'name', t.name), 'displayName', t.name);
    xml = xml.slice(0, open.index) + tag + xml.slice(open.index + open[0].length);
    const filter = /<(?:[\w.-]+:)?autoFilter\b[^>]*>/.exec(xml);
    if (filter) {
      const old = parseRect(getAttr(filter[0], 'ref') ?? '');
      const ref = old ? { ...t.rect, bottom: t.rect.bottom - (t.totals ? 1 : 0) } : t.rect;
      xml = xml.slice(0, filter.index) + setAttr(filter[0], 'ref', formatRect(ref)) + xml.slice(filter.index + filter[0].length);
    }
    if (t.renamed) {
      let i = 0;
      xml = xml.replace(/<(?:[\w.-]+:)?tableColumn\b[^>]*>/g, (tag) => {
        const name = t.columns[i++];
        return name === undefined || getAttr(tag, 'name') === name ? tag : setAttr(tag, 'name', name);
      });
    }
    const cols = [...xml.matchAll(/<((?:[\w.-]+:)?)tableColumn\b[^>]*>/g)];
    if (cols.length < t.columns.length) {
      const p = cols[0]?.[1] ?? '';
      const ids = cols.map((m) => Number(getAttr(m[0], 'id') ?? 0));
      let next = Math.max(0, ...ids) + 1;
      const extra = t.columns.slice(cols.length).map((c) => `<${p}tableColumn id="${next++}" name="${escapeXml(c)}"/>`).join('');
      const close = new RegExp(`</${p.replace(/[.]/g, '\\.')}tableColumns>`).exec(xml);
      if (!close) throw new PackageRefusal(t.part, 'no </tableColumns>');
      xml = xml.slice(0, close.index) + extra + xml.slice(close.index);
      const colsOpen = /<(?:[\w.-]+:)?tableColumns\b[^>]*>/.exec(xml)!;
      xml = xml.slice(0, colsOpen.index) + setAttr(colsOpen[0], 'count', String(t.columns.length)) + xml.slice(colsOpen.index + colsOpen[0].length);
    }
    tag = '';
    return xml;
  }

  // -------------------------------------------------------------------------------------------
  // Writing

  toBuffer(): Buffer {
    const styles = this.stylesEditor;
    for (const sheet of this.sheets) {
      if (sheet.removed || !sheet.editor?.changed) continue;
      this.write(sheet.part!, sheet.editor.toXml(this.styles, this.date1904));
    }
    for (const t of this.tables) if (t.dirty) this.write(t.part, this.tableXml(t));
    if (styles?.changed || this.stylesEditor?.changed) this.write(this.stylesPart!, this.stylesEditor!.toXml());
    this.writeWorkbook();
    if (this.cellsWritten) this.dropCalcChain();
    if (this.masking) this.maskSharedStrings();
    if (this.renames.length) this.renameInAppProperties();
    // Parts only a removed sheet referred to go with it (a part shared with a kept one stays).
    const now = this.reachable();
    const gone = new Set([...this.reachableBefore].filter((p) => !now.has(p)));
    for (const p of gone) {
      this.remove(p);
      if (this.pkg.has(this.relsPartOf(p)) || this.written.has(lower(this.relsPartOf(p)))) this.remove(this.relsPartOf(p));
    }
    this.removeOverrides(gone);
    const items: ZipItem[] = [];
    const seen = new Set<string>();
    for (const e of this.entries) {
      const key = lower(e.name.replace(/^\/+/, ''));
      seen.add(key);
      const w = this.written.get(key);
      if (!w) items.push({ kind: 'copy', source: this.bytes, entry: e });
      else if (w.data !== null) items.push({ kind: 'data', name: e.name, data: Buffer.isBuffer(w.data) ? w.data : Buffer.from(w.data, 'utf8') });
    }
    for (const [key, w] of this.written) {
      if (seen.has(key) || w.data === null) continue;
      items.push({ kind: 'data', name: w.name, data: Buffer.isBuffer(w.data) ? w.data : Buffer.from(w.data, 'utf8') });
    }
    return writeZip(items);
  }

  private writeWorkbook(): void {
    const original = this.text(this.workbookPart)!;
    let xml = this.workbookEdits.reduce((x, edit) => edit(x), original);
    // <sheets>: the live sheets in order, each element as written with its name patched.
    const sheetsEl = /<((?:[\w.-]+:)?)sheets\b[^>]*>[\s\S]*?<\/\1sheets>|<(?:[\w.-]+:)?sheets\b[^>]*\/>/.exec(xml);
    if (!sheetsEl) throw new PackageRefusal(this.workbookPart, 'no <sheets>');
    const p = rootOf(xml).prefix;
    const tags = this.liveSheets().map((s) => (p && !s.tag.startsWith(`<${p}`) ? s.tag.replace(/^<sheet\b/, `<${p}sheet`) : s.tag));
    const openTag = /^<[^>]*>/.exec(sheetsEl[0])![0].replace(/\/>$/, '>');
    xml = xml.slice(0, sheetsEl.index) + `${openTag}${tags.join('')}</${p}sheets>` + xml.slice(sheetsEl.index + sheetsEl[0].length);
    if (/r:id=/.test(tags.join('')) && getAttr(rootOf(xml).tag, 'xmlns:r') === undefined) {
      const root = rootOf(xml);
      xml = xml.slice(0, root.tagStart) + setAttr(root.tag, 'xmlns:r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships') + xml.slice(root.tagEnd);
    }
    // Sheet-scoped names and the views follow the sheets' new positions.
    const shift = (i: number): number | undefined => {
      let n = i;
      for (const removed of [...this.removedIndexes].sort((a, b) => b - a)) {
        if (n === removed) return undefined;
        if (n > removed) n--;
      }
      return n;
    };
    const live = this.liveSheets();
    // An original sheet's position now (undefined: removed).
    const now = (orig: number): number | undefined => {
      const i = live.findIndex((x) => x.origIndex === orig);
      return i < 0 ? undefined : i;
    };
    const definedName = /<((?:[\w.-]+:)?)definedName\b[^>]*>[\s\S]*?<\/\1definedName>|<(?:[\w.-]+:)?definedName\b[^>]*\/>/g;
    if (this.removedIndexes.length || this.moved) {
      xml = xml.replace(definedName, (el) => {
        const open = /^<[^>]*>/.exec(el)![0];
        const local = getAttr(open, 'localSheetId');
        if (local === undefined) return el;
        const n = this.moved ? now(Number(local)) : shift(Number(local));
        return n === undefined ? '' : setAttr(open, 'localSheetId', String(n)) + el.slice(open.length);
      });
    }
    if (this.printNames.size) xml = this.writePrintNames(xml, live, p);
    if (this.removedIndexes.length || this.moved || this.printNames.size) xml = xml.replace(/<(?:[\w.-]+:)?definedNames\b[^>]*>\s*<\/(?:[\w.-]+:)?definedNames>/, '');
    const views = /<(?:[\w.-]+:)?workbookView\b[^>]*>/.exec(xml);
    if (views) {
      let tag = views[0];
      if (this.active) tag = setAttr(tag, 'activeTab', String(live.indexOf(this.active)));
      else if (this.moved) {
        const n = now(Number(getAttr(tag, 'activeTab') ?? 0)) ?? shift(Number(getAttr(tag, 'activeTab') ?? 0));
        tag = setAttr(tag, 'activeTab', String(Math.min(n ?? 0, Math.max(0, live.length - 1))));
      } else if (this.removedIndexes.length) {
        const n = shift(Number(getAttr(tag, 'activeTab') ?? 0));
        tag = setAttr(tag, 'activeTab', String(Math.min(n ?? 0, Math.max(0, live.length - 1))));
      }
      if (this.active || this.removedIndexes.length || this.moved) tag = setAttr(tag, 'firstSheet', undefined);
      xml = xml.slice(0, views.index) + tag + xml.slice(views.index + views[0].length);
    } else if (this.active) {
      const bookViews = `<${p}bookViews><${p}workbookView activeTab="${live.indexOf(this.active)}"/></${p}bookViews>`;
      const at = /<(?:[\w.-]+:)?sheets\b/.exec(xml)!.index;
      xml = xml.slice(0, at) + bookViews + xml.slice(at);
    }
    if (this.fullCalcOnLoad) {
      const calc = /<(?:[\w.-]+:)?calcPr\b[^>]*>/.exec(xml);
      if (calc) xml = xml.slice(0, calc.index) + setAttr(calc[0], 'fullCalcOnLoad', '1') + xml.slice(calc.index + calc[0].length);
      else {
        // calcPr comes after definedNames (and before oleSize, customWorkbookViews, …).
        const root = rootOf(xml);
        const children = childrenOf(xml, root.tagEnd, root.closeStart);
        const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
        const at = children.find((c) => after.includes(c.name))?.start ?? root.closeStart;
        xml = xml.slice(0, at) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
      }
    }
    if (xml !== original) this.write(this.workbookPart, xml);
  }

  private maskSharedStrings(): void {
    const part = this.stringsPart;
    const xml = part ? this.text(part) : undefined;
    if (!part || xml === undefined) return;
    const next = xml.replace(/(<((?:[\w.-]+:)?)t(?:\s[^>]*)?>)([^<]*)(<\/\2t>)/g, (all, open: string, _p: string, text: string, close: string) => {
      const plain = textValue(text);
      const masked = maskCpr(plain);
      return masked === plain ? all : open + escapeXml(masked) + close;
    });
    if (next !== xml) this.write(part, next);
  }

  /** docProps/app.xml lists the sheet names (TitlesOfParts): a renamed sheet's entry follows it. */
  private renameInAppProperties(): void {
    const rel = this.rels('').find((r) => r.type.endsWith('/extended-properties') && r.part && this.has(r.part));
    const xml = rel ? this.text(rel.part!) : undefined;
    if (!rel || xml === undefined) return;
    const titles = /<((?:[\w.-]+:)?)TitlesOfParts\b[^>]*>[\s\S]*?<\/\1TitlesOfParts>/.exec(xml);
    if (!titles) return;
    const next = titles[0].replace(/(<((?:[\w.-]+:)?)lpstr>)([^<]*)(<\/\2lpstr>)/g, (all, open: string, _p: string, text: string, close: string) => {
      let name = textValue(text);
      for (const [from, to] of this.renames) if (name === from) name = to;
      return name === textValue(text) ? all : open + escapeXml(name) + close;
    });
    if (next !== titles[0]) this.write(rel.part!, xml.slice(0, titles.index) + next + xml.slice(titles.index + titles[0].length));
  }

  /** `_xlnm.Print_Area` / `_xlnm.Print_Titles` of the sheets in printNames: the old ones out, the new ones in. */
  private writePrintNames(xml: string, live: SheetEntry[], p: string): string {
    const added: string[] = [];
    const drop = new Set<string>();
    for (const [sheet, names] of this.printNames) {
      const index = live.indexOf(sheet);
      if (index < 0) continue;
      const quoted = `'${sheet.name.replace(/'/g, "''")}'!`;
      drop.add(`_xlnm.print_area|${index}`);
      if (names.area) {
        const [from, to] = formatRect(names.area).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2').split(':');
        added.push(`<${p}definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(quoted + from + (to ? `:${to}` : ''))}</${p}definedName>`);
      }
      if (names.titles !== undefined) {
        drop.add(`_xlnm.print_titles|${index}`);
        if (names.titles) added.push(`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${quoted}$${names.titles.first}:$${names.titles.last}`)}</${p}definedName>`);
      }
    }
    let out = xml.replace(/<((?:[\w.-]+:)?)definedName\b[^>]*>[\s\S]*?<\/\1definedName>|<(?:[\w.-]+:)?definedName\b[^>]*\/>/g, (el) => {
      const open = /^<[^>]*>/.exec(el)![0];
      return drop.has(`${lower(getAttr(open, 'name') ?? '')}|${getAttr(open, 'localSheetId') ?? ''}`) ? '' : el;
    });
    if (!added.length) return out;
    const close = /<\/(?:[\w.-]+:)?definedNames>/.exec(out);
    if (close) return out.slice(0, close.index) + added.join('') + out.slice(close.index);
    const empty = /<(?:[\w.-]+:)?definedNames\b[^>]*\/>/.exec(out);
    if (empty) return out.slice(0, empty.index) + `<${p}definedNames>${added.join('')}</${p}definedNames>` + out.slice(empty.index + empty[0].length);
    // CT_Workbook: definedNames after sheets, functionGroups and externalReferences.
    const root = rootOf(out);
    const children = childrenOf(out, root.tagEnd, root.closeStart);
    const after = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
    const at = children.find((c) => after.includes(c.name))?.start ?? root.closeStart;
    out = out.slice(0, at) + `<${p}definedNames>${added.join('')}</${p}definedNames>` + out.slice(at);
    return out;
  }

  /** The calculation chain lists formula cells; once cells change Excel rebuilds it, a stale one it calls damaged. */
  private dropCalcChain(): void {
    const rel = this.rels(this.workbookPart).find((r) => r.type.endsWith('/calcChain'));
    if (!rel) return;
    this.removeRel(this.workbookPart, rel.id);
  }
}

const emptyScan = (): SheetScan => {
  const cells = new CellStore();
  cells.finish();
  return { cells, merges: [], tableParts: [], rowXf: new Map(), colXf: [], hyperlinks: [] };
};

export const formatRect = (r: Rect): string => {
  const a = (row: number, col: number) => {
    let s = '';
    for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return `${s}${row}`;
  };
  return r.top === r.bottom && r.left === r.right ? a(r.top, r.left) : `${a(r.top, r.left)}:${a(r.bottom, r.right)}`;
};

export function insertBeforeClose(xml: string, content: string): string {
  const m = /<\/[\w.:-]+>\s*$/.exec(xml);
  if (m) return xml.slice(0, m.index) + content + xml.slice(m.index);
  const empty = /<([\w.:-]+)([^>]*)\/>\s*$/.exec(xml);
  if (!empty) throw new Error('no root element end');
  return `${xml.slice(0, empty.index)}<${empty[1]}${empty[2]}>${content}</${empty[1]}>`;
}
