/**
 * The streaming .xlsx reader: workbook bytes → WorkbookRead without ExcelJS. One pass over each
 * sheet's XML, memory proportional to the cells that exist, and limits on every size a hostile file
 * controls (see limits.ts). It gives the same WorkbookRead as `readXlsx(...).read`
 * (test/xlsx/readerParity.test.ts), and also reads what ExcelJS 4.4 cannot (absolute relationship
 * targets as openpyxl writes them, rows and cells without `r`).
 *
 * Browser-safe: no Node, no Buffer. The platform (inflate, UTF-8) is a parameter: index.ts gives
 * Node's (the CLI), browser.ts the pane's.
 */
import type { WorkbookRead, SheetRead } from '../../workbook/read';
import type { WorkbookText } from '../../domain/validate/cprScan';
import { looksLikeCpr } from '../../domain/parse/cpr';
import { XlsxReadError } from './errors';
import { SheetBuilder, type TableDef } from './build';
import { bytesText, resolveLimits, type ReadLimits } from './limits';
import { XlsxPackage, type Relationship } from './package';
import type { ReaderPlatform } from './platform';
import { readSharedStrings } from './sharedStrings';
import { parseRect, scanSheet, type ScanContext } from './sheet';
import { readStyles } from './styles';

const BUFFER_PATH = '(buffer)';

export const tooLarge = (path: string, size: number, l: ReadLimits) =>
  new XlsxReadError('too-large', path, `${bytesText(size)} is more than ${bytesText(l.maxFileBytes)}`);

/**
 * Bytes already in memory → WorkbookRead, synchronously; `path` names them in errors. Never writes.
 * Every failure is an XlsxReadError: not-xlsx, corrupt (naming the part), too-large (the bytes), or
 * too-large-content (a limit; naming the part and the limit).
 */
export function readWorkbookBytes(input: Uint8Array, platform: ReaderPlatform, limits?: Partial<ReadLimits>, path = BUFFER_PATH): WorkbookRead {
  const l = resolveLimits(limits);
  const buffer = input;
  if (buffer.length > l.maxFileBytes) throw tooLarge(path, buffer.length, l);
  const pkg = new XlsxPackage(buffer, path, l, platform);
  const office = pkg.relationships('').find((r) => r.type === 'officeDocument' && r.target && pkg.has(r.target));
  const workbookPart = office?.target ?? 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === undefined) throw new XlsxReadError('not-xlsx', path, 'a zip file without xl/workbook.xml (not an .xlsx workbook)');

  let date1904 = false;
  const sheets: { name: string; rId?: string }[] = [];
  const texts: WorkbookText[] = [];
  pkg.scan(workbookPart, workbookXml, (x) => {
    if (x.kind === 2) return;
    if (x.name === 'definedName') {
      const key = x.attr('name') ?? '';
      const formula = x.kind === 1 ? x.text() : '';
      if (looksLikeCpr(`${key} ${formula}`)) texts.push({ place: 'definedName', sheet: '', cell: '', text: formula, key });
    }
    else if (x.name === 'workbookPr') {
      const d = x.attr('date1904');
      date1904 = d === '1' || d === 'true';
    } else if (x.name === 'sheet') sheets.push({ name: x.attr('name') ?? '', rId: x.attr('id') });
  });
  const rels = new Map<string, Relationship>();
  for (const r of pkg.relationships(workbookPart)) rels.set(r.id, r);
  const partOf = (type: string, fallback: string) => {
    const rel = [...rels.values()].find((r) => r.type === type && r.target && pkg.has(r.target));
    return rel?.target ?? (pkg.has(fallback) ? fallback : undefined);
  };
  const ctx: ScanContext = {
    styles: readStyles(pkg, partOf('styles', 'xl/styles.xml')),
    strings: readSharedStrings(pkg, partOf('sharedStrings', 'xl/sharedStrings.xml')),
    date1904,
    budget: { cells: l.maxCells },
  };

  const out: SheetRead[] = [];
  for (const s of sheets) {
    const rel = s.rId !== undefined ? rels.get(s.rId) : undefined;
    if (rel && rel.type !== 'worksheet') continue; // chart sheets, dialog sheets, macro sheets: no cells for us
    if (!rel?.target || !pkg.has(rel.target)) throw pkg.corrupt(workbookPart, `sheet "${s.name}" has no worksheet part (${s.rId ?? 'no r:id'})`);
    out.push(readSheet(pkg, rel.target, s.name, ctx, texts));
  }
  for (const r of pkg.relationships('')) {
    if (r.target && PROPERTY_PARTS.has(r.type) && pkg.has(r.target)) readPropertyTexts(pkg, r.target, texts);
  }
  return texts.length ? { sheets: out, texts } : { sheets: out };
}

const PROPERTY_PARTS = new Set(['core-properties', 'extended-properties', 'custom-properties']);

/**
 * Texts outside the cells are kept only when they hold a CPR number (findCprNumbers' rule): they are
 * read for validation's CPR scan alone, and a workbook without such texts reads as before.
 */
function keepText(texts: WorkbookText[], place: WorkbookText['place'], sheet: string, cell: string, text: string): void {
  if (looksLikeCpr(text)) texts.push({ place, sheet, cell, text });
}

/**
 * docProps/core.xml, app.xml, custom.xml: the text of every element (title, subject, creator,
 * company, …), keyed as plan ops name a property (maskText): "core:creator", "app:Company",
 * "custom:Sagsnummer" (a custom property by its name attribute).
 */
function readPropertyTexts(pkg: XlsxPackage, part: string, texts: WorkbookText[]): void {
  const text = pkg.text(part);
  if (text === undefined) return;
  const kind = /core/i.test(part) ? 'core' : /app/i.test(part) ? 'app' : 'custom';
  let custom = '';
  pkg.scan(part, text, (x) => {
    if (x.kind === 2) return;
    if (kind === 'custom' && x.name === 'property') custom = x.attr('name') ?? '';
    // app.xml lists the sheet names (TitlesOfParts): those are scanned as sheet names.
    if (kind === 'app' && x.kind === 1 && (x.name === 'TitlesOfParts' || x.name === 'HeadingPairs')) return x.skipElement();
    if (x.kind !== 1) return;
    const name = x.name;
    const value = x.text();
    if (looksLikeCpr(value)) texts.push({ place: 'property', sheet: '', cell: '', text: value, key: `${kind}:${kind === 'custom' ? custom : name}` });
  });
}

/** A sheet's notes (comments part) and threaded comments: their text, by the cell they are on. */
function readCommentTexts(pkg: XlsxPackage, part: string, sheet: string, texts: WorkbookText[]): void {
  const text = pkg.text(part);
  if (text === undefined) return;
  let ref = '';
  let current = '';
  pkg.scan(part, text, (x) => {
    if (x.name === 'comment' || x.name === 'threadedComment') {
      if (x.kind !== 2) ref = x.attr('ref') ?? '';
      if (x.kind !== 1) {
        keepText(texts, 'comment', sheet, ref, current);
        current = '';
      }
    } else if ((x.name === 't' || x.name === 'text') && x.kind === 1) current += x.text();
  });
}

/**
 * A drawing's shapes and text boxes, or a chart's title, labels and cached series names and
 * categories: the texts of its `<a:t>` and `<c:v>` elements, kept with the part's name (maskText
 * masks every text of that part).
 */
function readDrawingTexts(pkg: XlsxPackage, part: string, sheet: string, texts: WorkbookText[]): void {
  const text = pkg.text(part);
  if (text === undefined) return;
  const found: string[] = [];
  pkg.scan(part, text, (x) => {
    if (x.kind === 1 && (x.name === 't' || x.name === 'v')) {
      const t = x.text();
      if (looksLikeCpr(t)) found.push(t);
    }
  });
  if (found.length) texts.push({ place: 'drawing', sheet, cell: 'A1', text: found.join('\n'), key: part });
}

function readSheet(pkg: XlsxPackage, part: string, name: string, ctx: ScanContext, texts: WorkbookText[]): SheetRead {
  const rels = new Map(pkg.relationships(part).map((r) => [r.id, r]));
  for (const r of rels.values()) {
    if (r.target && (r.type === 'comments' || r.type === 'threadedComment') && pkg.has(r.target)) readCommentTexts(pkg, r.target, name, texts);
    if (r.target && r.type === 'drawing' && pkg.has(r.target)) {
      readDrawingTexts(pkg, r.target, name, texts);
      for (const c of pkg.relationships(r.target)) if (c.target && c.type === 'chart' && pkg.has(c.target)) readDrawingTexts(pkg, c.target, name, texts);
    }
  }
  const text = pkg.text(part)!;
  const scan = scanSheet(pkg, part, text, ctx);
  for (const h of scan.hyperlinks) {
    const address = `${(h.id !== undefined ? rels.get(h.id)?.external : undefined) ?? ''} ${h.location ?? ''} ${h.tooltip ?? ''}`;
    if (looksLikeCpr(address)) texts.push({ place: 'hyperlink', sheet: name, cell: h.ref.split(':')[0], text: address.trim() });
  }
  const tables: TableDef[] = [];
  for (const id of scan.tableParts) {
    const rel = rels.get(id);
    if (!rel?.target || !pkg.has(rel.target)) throw pkg.corrupt(part, `table part ${id} is missing`);
    const def = readTablePart(pkg, rel.target);
    if (def) tables.push(def);
  }
  return new SheetBuilder(pkg, part, name, scan, ctx.styles).build(tables, texts);
}

function readTablePart(pkg: XlsxPackage, part: string): TableDef | undefined {
  const text = pkg.text(part)!;
  let def: TableDef | undefined;
  let inColumns = false;
  pkg.scan(part, text, (x) => {
    if (x.name === 'table' && x.kind !== 2 && !def) {
      const ref = x.attr('ref') ?? '';
      const rect = parseRect(ref);
      if (!rect) throw pkg.corrupt(part, `table ref "${ref}" is not a range`);
      const headerRowCount = x.attr('headerRowCount');
      const totals = Number(x.attr('totalsRowCount') ?? 0);
      def = {
        part,
        name: x.attr('name') ?? x.attr('displayName') ?? '',
        rect,
        // tableFixes.ts: a missing headerRowCount is one header row.
        hasHeader: headerRowCount === undefined ? true : headerRowCount !== '0',
        totals: totals > 0,
        columns: [],
      };
    } else if (x.name === 'tableColumns') inColumns = x.kind === 1;
    else if (x.name === 'tableColumn' && inColumns && x.kind !== 2 && def) def.columns.push(x.attr('name') ?? '');
  });
  return def;
}
