/**
 * One worksheet part as the package writer changes it: the cells the plan writes (values and cell
 * formats) as an overlay on the part's own cells, and the few sheet-level elements a plan touches
 * (views, column widths, validations, conditional formats, drawings, table parts). Writing it is one
 * pass over the part's XML: rows without changes are copied as text, the rows with changes are
 * rewritten cell by cell, and the elements around sheetData are patched in schema order. Nothing is
 * parsed into an object model; the cells are read once by the streaming reader's scan.
 *
 * Over 500 lines: the one-pass rewrite of a worksheet part and the sheet-level elements it patches,
 * kept together because they share the element order and the row/cell scanning.
 */
import type { CellValue } from '../../domain/parse/cell';
import { cellAddress, formatRange, intersects, parseRange, subtract, type Rect } from '../address';
import type { SheetScan } from '../reader/sheet';
import { parseRect } from '../reader/sheet';
import type { StylesEditor } from './styles';
import { childrenOf, escapeText, escapeXml, getAttr, rootOf, setAttr } from './xmlText';
import { PackageRefusal } from './refusal';

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
] as const;

export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface CellEdit {
  /** Present: the cell's new value (null: no value). */
  value?: { v: CellValue };
  /** The cell's new cell format. */
  xf?: number;
}

export interface CellNow {
  value: CellValue;
  xf: number;
  formula?: string;
  covered: boolean;
}

const isFormulaValue = (v: CellValue): v is { formula: string; result?: unknown } =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as { formula?: unknown }).formula === 'string';

export class SheetEditor {
  private readonly edits = new Map<number, Map<number, CellEdit>>();
  readonly widths = new Map<number, number>();
  /** A new pane (rows and columns frozen), the selected cell, and whether the tab is selected. */
  view: { freeze?: { rows: number; columns: number }; activeCell?: string; tabSelected?: boolean } = {};
  /** New data validations (each replaces any rule on its range). */
  readonly validations: { rect: Rect; xml: string }[] = [];
  /** Conditional formats: ranges whose rules are replaced, and the new elements. */
  readonly cfRemoved = new Set<string>();
  readonly cfAdded: { ref: string; xml: string }[] = [];
  /** New relationship ids for <drawing>, <legacyDrawing> and <tablePart>. */
  drawingId?: string;
  legacyDrawingId?: string;
  readonly newTableParts: string[] = [];
  /** Elements replaced whole by another op (e.g. a page set-up op): local name → XML. */
  readonly replaced = new Map<string, string>();
  private touched = false;
  private scanned?: SheetScan;

  constructor(
    public name: string,
    readonly part: string,
    private xml: string,
    private readonly scanOf: () => SheetScan,
    readonly isNew: boolean,
  ) {}

  /** Anything to write. */
  get changed(): boolean {
    return this.touched;
  }

  markChanged(): void {
    this.touched = true;
  }

  get scan(): SheetScan {
    return (this.scanned ??= this.scanOf());
  }

  get prefix(): string {
    return rootOf(this.xml).prefix;
  }

  /** The part's own element of that local name as read (the first one), or undefined. */
  original(name: string): string | undefined {
    const root = rootOf(this.xml);
    const c = childrenOf(this.xml, root.tagEnd, root.closeStart, new Set(['sheetData'])).find((x) => x.name === name);
    return c ? this.xml.slice(c.start, c.end) : undefined;
  }

  merges(): Rect[] {
    return this.scan.merges;
  }

  cell(row: number, col: number): CellNow {
    const edit = this.edits.get(row)?.get(col);
    const cells = this.scan.cells;
    const i = cells.find(row, col);
    const base: CellNow = i < 0 ? { value: null, xf: 0, covered: false } : { value: cells.value[i], xf: cells.xf[i], formula: cells.formula[i], covered: cells.covered.has(i) };
    if (!edit) return base;
    const value = edit.value ? edit.value.v ?? null : base.value;
    return {
      value: edit.value && isFormulaValue(value) ? ((value as { result?: CellValue }).result ?? null) : value,
      xf: edit.xf ?? base.xf,
      formula: edit.value ? (isFormulaValue(value) ? value.formula : undefined) : base.formula,
      covered: base.covered,
    };
  }

  /**
   * The part's own text rewritten (a rename carried into its formulas: references.ts); the sheet is
   * written again when it changed. Positions of rows and cells do not change.
   */
  rewritePart(rewrite: (xml: string) => string): void {
    const next = rewrite(this.xml);
    if (next === this.xml) return;
    this.xml = next;
    this.touched = true;
  }

  /** The formulas this plan wrote so far, rewritten (a rename applied after them). */
  rewriteFormulas(rewrite: (formula: string, row: number, col: number) => string): void {
    for (const [row, cols] of this.edits) {
      for (const [col, e] of cols) {
        const v = e.value?.v;
        if (!e.value || !isFormulaValue(v)) continue;
        const formula = rewrite(v.formula, row, col);
        if (formula !== v.formula) e.value = { v: { ...v, formula } as CellValue };
      }
    }
  }

  /** Holds anything a write would destroy: a value, a formula, a merge. */
  isOccupied(row: number, col: number): boolean {
    const c = this.cell(row, col);
    return c.covered || c.formula !== undefined || !(c.value === null || c.value === undefined || c.value === '') || this.inMerge(row, col);
  }

  private inMerge(row: number, col: number): boolean {
    return this.scan.merges.some((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
  }

  private edit(row: number, col: number): CellEdit {
    let r = this.edits.get(row);
    if (!r) this.edits.set(row, (r = new Map()));
    let e = r.get(col);
    if (!e) r.set(col, (e = {}));
    this.touched = true;
    return e;
  }

  setValue(row: number, col: number, value: CellValue): void {
    this.edit(row, col).value = { v: value ?? null };
  }

  setXf(row: number, col: number, xf: number): void {
    if (this.cell(row, col).xf === xf) return;
    this.edit(row, col).xf = xf;
  }

  /** Row numbers in top..bottom holding a cell (in the part or written by the plan), ascending. */
  rowsIn(top: number, bottom: number): number[] {
    const cells = this.scan.cells;
    const out = new Set<number>();
    for (let k = cells.rowFrom(top); k < cells.rowNums.length && cells.rowNums[k] <= bottom; k++) out.add(cells.rowNums[k]);
    for (const r of this.edits.keys()) if (r >= top && r <= bottom) out.add(r);
    return [...out].sort((a, b) => a - b);
  }

  /** The width the part gives a column (`<cols>`), or undefined. */
  widthOf(col: number): number | undefined {
    if (this.widths.has(col)) return this.widths.get(col);
    this.colWidths ??= [...this.xml.slice(0, Math.max(0, this.xml.indexOf('sheetData')) || this.xml.length).matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)].map((m) => ({
      min: Number(getAttr(m[0], 'min')),
      max: Number(getAttr(m[0], 'max')),
      width: getAttr(m[0], 'width'),
    }));
    const w = this.colWidths.find((c) => c.min <= col && col <= c.max)?.width;
    return w === undefined ? undefined : Number(w);
  }

  private colWidths?: { min: number; max: number; width: string | undefined }[];

  /** True when the part already holds this very rule on exactly this range (re-applying it changes nothing). */
  hasValidation(rect: Rect, xml: string): boolean {
    const ref = formatRange(rect);
    const key = (rule: string) => {
      const tag = /^<[^>]*>/.exec(rule)![0];
      const formula = /<(?:[\w.-]+:)?formula1>([\s\S]*?)<\/(?:[\w.-]+:)?formula1>/.exec(rule)?.[1] ?? '';
      return ['type', 'errorStyle', 'allowBlank', 'showErrorMessage', 'errorTitle', 'error'].map((a) => getAttr(tag, a) ?? '').join('|') + `|${formula.replace(/&quot;/g, '"')}`;
    };
    this.existingRules ??= [...this.xml.matchAll(/<((?:[\w.-]+:)?)dataValidation\b[^>]*>[\s\S]*?<\/\1dataValidation>/g)].map((m) => m[0]);
    const want = key(xml);
    const covering = this.existingRules.filter((r) => (getAttr(/^<[^>]*>/.exec(r)![0], 'sqref') ?? '').split(/\s+/).some((x) => {
      const rr = parseRect(x);
      return !!rr && intersects(rr, rect);
    }));
    return covering.length === 1 && getAttr(/^<[^>]*>/.exec(covering[0])![0], 'sqref') === ref && key(covering[0]) === want;
  }

  private existingRules?: string[];

  // -------------------------------------------------------------------------------------------
  // Writing

  toXml(styles: StylesEditor, date1904: boolean): string {
    const xml = this.xml;
    const root = rootOf(xml);
    const p = root.prefix;
    const children = childrenOf(xml, root.tagEnd, root.closeStart, new Set(['sheetData']));
    const has = (name: string) => children.some((c) => c.name === name);
    const replace = new Map<string, string>(this.replaced);
    const element = (name: string) => children.filter((c) => c.name === name).map((c) => xml.slice(c.start, c.end));

    const bounds = this.editBounds();
    if (bounds && has('dimension')) {
      const tag = element('dimension')[0];
      const old = parseRect(getAttr(tag, 'ref') ?? '');
      // A sheet without cells says "A1": then the written cells alone are its extent.
      const r = old && this.scan.cells.size ? union(old, bounds) : bounds;
      replace.set('dimension', setAttr(tag, 'ref', formatRange(r)));
    }
    if (this.view.freeze || this.view.activeCell !== undefined || this.view.tabSelected !== undefined) replace.set('sheetViews', this.sheetViewsXml(element('sheetViews')[0], p));
    if (this.widths.size) replace.set('cols', colsXml(element('cols')[0], this.widths, p));
    if (this.validations.length) replace.set('dataValidations', validationsXml(element('dataValidations')[0], this.validations, p));
    if (this.drawingId && !has('drawing')) replace.set('drawing', `<${p}drawing r:id="${escapeXml(this.drawingId)}"/>`);
    if (this.legacyDrawingId && !has('legacyDrawing')) replace.set('legacyDrawing', `<${p}legacyDrawing r:id="${escapeXml(this.legacyDrawingId)}"/>`);
    if (this.newTableParts.length) {
      const old = element('tableParts')[0];
      const ids = [...(old ? [...old.matchAll(/<(?:[\w.-]+:)?tablePart\b[^>]*>/g)].map((m) => m[0]) : []), ...this.newTableParts.map((id) => `<${p}tablePart r:id="${escapeXml(id)}"/>`)];
      replace.set('tableParts', `<${p}tableParts count="${ids.length}">${ids.join('')}</${p}tableParts>`);
    }
    const cfs = this.cfAdded.map((c) => c.xml);

    const out: string[] = [];
    let rootTag = root.tag;
    if ([...replace.values()].some((x) => x.includes('r:id=')) && getAttr(rootTag, 'xmlns:r') === undefined) rootTag = setAttr(rootTag, 'xmlns:r', NS_R);
    else if (getAttr(rootTag, 'xmlns:r') !== undefined && getAttr(rootTag, 'xmlns:r') !== NS_R && [...replace.values()].some((x) => x.includes('r:id='))) {
      throw new PackageRefusal(this.part, 'the prefix r is bound to another namespace');
    }
    out.push(xml.slice(0, root.tagStart), root.selfClosing ? `${rootTag.slice(0, -2)}>` : rootTag);
    const done = new Set<string>();
    const order = (name: string) => WORKSHEET_ORDER.indexOf(name as (typeof WORKSHEET_ORDER)[number]);
    const pendingCf = () => (cfs.length && !done.has('conditionalFormatting') ? cfs : []);
    const flushBefore = (index: number) => {
      for (const name of WORKSHEET_ORDER) {
        if (order(name) >= index) break;
        if (name === 'conditionalFormatting') {
          out.push(...pendingCf());
          done.add(name);
          continue;
        }
        if (replace.has(name) && !done.has(name) && !has(name)) {
          out.push(replace.get(name)!);
          done.add(name);
        }
      }
    };
    let prev = root.tagEnd;
    children.forEach((c, i) => {
      out.push(xml.slice(prev, c.start));
      prev = c.end;
      const index = order(c.name);
      if (index >= 0) flushBefore(index);
      const text = xml.slice(c.start, c.end);
      if (c.name === 'sheetData') out.push(this.edits.size ? this.sheetDataXml(text, p, styles, date1904) : text);
      else if (c.name === 'conditionalFormatting') {
        const sqref = getAttr(/^<[^>]*>/.exec(text)![0], 'sqref') ?? '';
        if (!this.cfRemoved.has(sqref)) out.push(text);
        if (!children.slice(i + 1).some((d) => d.name === 'conditionalFormatting')) {
          out.push(...cfs);
          done.add('conditionalFormatting');
        }
      } else if (replace.has(c.name)) {
        if (!done.has(c.name)) out.push(replace.get(c.name)!);
        done.add(c.name);
      } else out.push(text);
    });
    if (!root.selfClosing) out.push(xml.slice(prev, root.closeStart));
    flushBefore(WORKSHEET_ORDER.length);
    out.push(root.selfClosing ? `</${p}worksheet>` : xml.slice(root.closeStart));
    return out.join('');
  }

  private editBounds(): Rect | undefined {
    let r: Rect | undefined;
    for (const [row, cols] of this.edits) {
      for (const col of cols.keys()) {
        if (!r) r = { top: row, bottom: row, left: col, right: col };
        else {
          if (row < r.top) r.top = row;
          if (row > r.bottom) r.bottom = row;
          if (col < r.left) r.left = col;
          if (col > r.right) r.right = col;
        }
      }
    }
    return r;
  }

  private sheetViewsXml(old: string | undefined, p: string): string {
    const { freeze, activeCell, tabSelected } = this.view;
    let open = `<${p}sheetView workbookViewId="0">`;
    let kept: string[] = [];
    let pane: string | undefined;
    let selections: string[] = [];
    let outerOpen = `<${p}sheetViews>`;
    let rest = '';
    if (old) {
      outerOpen = /^<[^>]*>/.exec(old)![0];
      if (outerOpen.endsWith('/>')) outerOpen = `${outerOpen.slice(0, -2)}>`;
      const views = childrenOf(old, outerOpen.length, old.length);
      const first = views.find((v) => v.name === 'sheetView');
      if (first) {
        const view = old.slice(first.start, first.end);
        open = /^<[^>]*>/.exec(view)![0];
        if (!open.endsWith('/>')) {
          for (const c of childrenOf(view, open.length, view.length)) {
            const text = view.slice(c.start, c.end);
            if (c.name === 'pane') pane = text;
            else if (c.name === 'selection') selections.push(text);
            else kept.push(text);
          }
        } else open = `${open.slice(0, -2)}>`;
        rest = views.filter((v) => v !== first).map((v) => old.slice(v.start, v.end)).join('');
      }
    }
    if (tabSelected !== undefined) open = setAttr(open, 'tabSelected', tabSelected ? '1' : undefined);
    if (freeze) {
      const { rows, columns } = freeze;
      const active = rows && columns ? 'bottomRight' : rows ? 'bottomLeft' : columns ? 'topRight' : undefined;
      if (!active) pane = undefined;
      else {
        let tag = `<${p}pane`;
        if (columns) tag += ` xSplit="${columns}"`;
        if (rows) tag += ` ySplit="${rows}"`;
        pane = `${tag} topLeftCell="${cellAddress(rows + 1, columns + 1)}" activePane="${active}" state="frozen"/>`;
      }
      selections = active ? [`<${p}selection pane="${active}"/>`] : [];
    }
    if (activeCell !== undefined) {
      const active = pane ? getAttr(pane, 'activePane') : undefined;
      selections = [`<${p}selection${active ? ` pane="${active}"` : ''} activeCell="${escapeXml(activeCell)}" sqref="${escapeXml(activeCell)}"/>`];
    }
    kept = kept.filter(Boolean);
    return `${outerOpen}${open}${pane ?? ''}${selections.join('')}${kept.join('')}</${p}sheetView>${rest}</${p}sheetViews>`;
  }

  /** The sheetData element with the edited rows rewritten and new rows put in order; other rows copied. */
  private sheetDataXml(text: string, p: string, styles: StylesEditor, date1904: boolean): string {
    const openEnd = text.indexOf('>') + 1;
    const selfClosing = text[openEnd - 2] === '/';
    const open = selfClosing ? `${text.slice(0, openEnd - 2)}>` : text.slice(0, openEnd);
    const contentEnd = selfClosing ? openEnd : text.lastIndexOf('<');
    const rows = [...this.edits.keys()].sort((a, b) => a - b);
    let ri = 0;
    const out: string[] = [open];
    let copyFrom = openEnd;
    let pos = openEnd;
    let implied = 0;
    const rowTag = `<${p}row`;
    const rowClose = `</${p}row>`;
    const flush = (to: number) => {
      if (to > copyFrom) out.push(text.slice(copyFrom, to));
      copyFrom = to;
    };
    for (;;) {
      const i = text.indexOf(rowTag, pos);
      if (i < 0 || i >= contentEnd) break;
      const ch = text.charCodeAt(i + rowTag.length);
      if (!(ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13)) {
        pos = i + 1;
        continue;
      }
      const tagEnd = text.indexOf('>', i) + 1;
      const self = text[tagEnd - 2] === '/';
      const tag = text.slice(i, tagEnd);
      const rAttr = getAttr(tag, 'r');
      const r = rAttr !== undefined ? parseInt(rAttr, 10) : implied + 1;
      // Rows out of order would get a written row twice: refused rather than guessed at.
      if (!(r > implied)) throw new PackageRefusal(this.part, `row ${r} comes after row ${implied}`);
      implied = r;
      const end = self ? tagEnd : text.indexOf(rowClose, tagEnd) + rowClose.length;
      if (end < tagEnd) throw new PackageRefusal(this.part, `row ${r} is not closed`);
      while (ri < rows.length && rows[ri] < r) {
        flush(i);
        out.push(this.rowXml(rows[ri], `<${p}row r="${rows[ri]}">`, '', p, styles, date1904));
        ri++;
      }
      if (ri < rows.length && rows[ri] === r) {
        flush(i);
        const openTag = setAttr(setAttr(self ? `${tag.slice(0, -2)}>` : tag, 'r', String(r)), 'spans', undefined);
        out.push(this.rowXml(r, openTag, self ? '' : text.slice(tagEnd, end - rowClose.length), p, styles, date1904));
        copyFrom = end;
        ri++;
      } else if (rAttr === undefined) {
        // Rows are numbered by position when they carry no r: written rows would shift them, so they get one.
        flush(i);
        out.push(setAttr(tag, 'r', String(r)));
        copyFrom = tagEnd;
      }
      pos = end;
    }
    flush(contentEnd);
    for (; ri < rows.length; ri++) out.push(this.rowXml(rows[ri], `<${p}row r="${rows[ri]}">`, '', p, styles, date1904));
    out.push(`</${p}sheetData>`);
    return out.join('');
  }

  private rowXml(r: number, openTag: string, inner: string, p: string, styles: StylesEditor, date1904: boolean): string {
    const edits = this.edits.get(r)!;
    const cols = [...edits.keys()].sort((a, b) => a - b);
    const out: string[] = [];
    let ci = 0;
    let pos = 0;
    let prevCol = 0;
    const cellTag = `<${p}c`;
    const cellClose = `</${p}c>`;
    const trailing: string[] = [];
    for (;;) {
      const i = inner.indexOf(cellTag, pos);
      if (i < 0) break;
      const ch = inner.charCodeAt(i + cellTag.length);
      if (!(ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13)) {
        // Another element in the row (extLst): kept after the cells.
        const other = childrenOf(inner, i, inner.length)[0];
        if (!other) break;
        trailing.push(inner.slice(other.start, other.end));
        pos = other.end;
        continue;
      }
      const tagEnd = inner.indexOf('>', i) + 1;
      const self = inner[tagEnd - 2] === '/';
      let tag = inner.slice(i, tagEnd);
      const end = self ? tagEnd : inner.indexOf(cellClose, tagEnd) + cellClose.length;
      if (end < tagEnd) throw new PackageRefusal(this.part, `a cell in row ${r} is not closed`);
      const ref = getAttr(tag, 'r');
      const col = ref !== undefined ? parseRect(ref)?.left ?? prevCol + 1 : prevCol + 1;
      if (!(col > prevCol)) throw new PackageRefusal(this.part, `cell ${cellAddress(r, col)} comes after column ${prevCol} in its row`);
      prevCol = col;
      while (ci < cols.length && cols[ci] < col) out.push(this.newCell(r, cols[ci++], p, styles, date1904));
      if (ref === undefined) tag = setAttr(tag, 'r', cellAddress(r, col));
      if (ci < cols.length && cols[ci] === col) {
        const e = edits.get(col)!;
        const body = inner.slice(tagEnd, end);
        if (e.value) {
          if (/<(?:[\w.-]+:)?f\b[^>]*\bt="(?:shared|array)"[^>]*\bref=/.test(body) || /<(?:[\w.-]+:)?f\b[^>]*\bref=[^>]*\bt="(?:shared|array)"/.test(body)) {
            throw new PackageRefusal(this.part, `cell ${cellAddress(r, col)} holds a shared or array formula other cells depend on`);
          }
          const xf = e.xf ?? Number(getAttr(tag, 's') ?? 0);
          out.push(cellXml(p, cellAddress(r, col), xf, e.value.v, styles, date1904) ?? '');
        } else {
          out.push(setAttr(tag, 's', e.xf ? String(e.xf) : undefined) + inner.slice(tagEnd, end));
        }
        ci++;
      } else out.push(tag + inner.slice(tagEnd, end));
      pos = end;
    }
    while (ci < cols.length) out.push(this.newCell(r, cols[ci++], p, styles, date1904));
    const cells = out.join('');
    if (!cells && !trailing.length && /^<[\w.:-]+\s+r="\d+">$/.test(openTag)) return '';
    return `${openTag}${cells}${trailing.join('')}</${p}row>`;
  }

  private newCell(r: number, col: number, p: string, styles: StylesEditor, date1904: boolean): string {
    const e = this.edits.get(r)!.get(col)!;
    return cellXml(p, cellAddress(r, col), e.xf ?? 0, e.value ? e.value.v : null, styles, date1904) ?? '';
  }
}

/** A cell element for a value; undefined for a cell with neither value nor format. */
export function cellXml(p: string, ref: string, xf: number, value: CellValue, styles: StylesEditor, date1904: boolean): string | undefined {
  const at = (x: number, t?: string) => `<${p}c r="${ref}"${x ? ` s="${x}"` : ''}${t ? ` t="${t}"` : ''}`;
  if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) return xf ? `${at(xf)}/>` : undefined;
  if (typeof value === 'number') return `${at(xf)}><${p}v>${value}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `${at(xf, 'b')}><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === 'string') return `${at(xf, 'inlineStr')}><${p}is>${textElement(p, value)}</${p}is></${p}c>`;
  if (value instanceof Date) {
    // As ExcelJS: a date in a cell without a number format gets the built-in date format 14.
    const x = styles.formatOf(xf) === undefined ? styles.withNumberFormat(xf, 'mm-dd-yy') : xf;
    const serial = value.getTime() / 86_400_000 + 25_569 - (date1904 ? 1462 : 0);
    return `${at(x)}><${p}v>${serial}</${p}v></${p}c>`;
  }
  if (typeof (value as { error?: unknown }).error === 'string') return `${at(xf, 'e')}><${p}v>${escapeXml((value as { error: string }).error)}</${p}v></${p}c>`;
  if (isFormulaValue(value)) {
    const f = `<${p}f>${escapeXml(value.formula.replace(/^=/, ''))}</${p}f>`;
    const result = value.result as CellValue;
    if (typeof result === 'number' && Number.isFinite(result)) return `${at(xf)}>${f}<${p}v>${result}</${p}v></${p}c>`;
    if (typeof result === 'string') return `${at(xf, 'str')}>${f}<${p}v>${escapeText(result)}</${p}v></${p}c>`;
    return `${at(xf)}>${f}</${p}c>`;
  }
  throw new Error(`A cell value of an unknown kind at ${ref}: ${JSON.stringify(value)}`);
}

export const textElement = (p: string, text: string): string =>
  `<${p}t${/^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : ''}>${escapeText(text)}</${p}t>`;

const union = (a: Rect, b: Rect): Rect => ({ top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) });

function colsXml(old: string | undefined, widths: Map<number, number>, p: string): string {
  type Col = { min: number; max: number; tag: string };
  let cols: Col[] = [];
  if (old) {
    for (const m of old.matchAll(/<(?:[\w.-]+:)?col\b[^>]*?\/?>(?:<\/(?:[\w.-]+:)?col>)?/g)) {
      const tag = m[0].replace(/><\/[\w.:-]+>$/, '/>');
      cols.push({ min: Number(getAttr(tag, 'min')), max: Number(getAttr(tag, 'max')), tag });
    }
  }
  for (const [c, width] of widths) {
    const next: Col[] = [];
    let base: string | undefined;
    for (const col of cols) {
      if (col.max < c || col.min > c) next.push(col);
      else {
        base = col.tag;
        if (col.min < c) next.push({ min: col.min, max: c - 1, tag: setAttr(col.tag, 'max', String(c - 1)) });
        if (col.max > c) next.push({ min: c + 1, max: col.max, tag: setAttr(col.tag, 'min', String(c + 1)) });
      }
    }
    let tag = base ?? `<${p}col min="${c}" max="${c}"/>`;
    tag = setAttr(setAttr(setAttr(setAttr(tag, 'min', String(c)), 'max', String(c)), 'width', String(width)), 'customWidth', '1');
    next.push({ min: c, max: c, tag });
    cols = next;
  }
  cols.sort((a, b) => a.min - b.min);
  const open = old ? /^<[^>]*>/.exec(old)![0].replace(/\/>$/, '>') : `<${p}cols>`;
  return `${open}${cols.map((c) => c.tag).join('')}</${p}cols>`;
}

function validationsXml(old: string | undefined, added: { rect: Rect; xml: string }[], p: string): string {
  let rules: string[] = [];
  let open = `<${p}dataValidations>`;
  if (old) {
    open = /^<[^>]*>/.exec(old)![0];
    if (!open.endsWith('/>')) for (const c of childrenOf(old, open.length, old.length)) rules.push(old.slice(c.start, c.end));
    else open = `${open.slice(0, -2)}>`;
  }
  for (const { rect, xml } of added) {
    rules = rules.flatMap((rule) => {
      const tag = /^<[^>]*>/.exec(rule)![0];
      const refs = (getAttr(tag, 'sqref') ?? '').split(/\s+/).filter(Boolean);
      let changed = false;
      const kept = refs.flatMap((ref) => {
        let r: Rect;
        try {
          r = parseRange(ref);
        } catch {
          return [ref];
        }
        if (!intersects(r, rect)) return [ref];
        changed = true;
        return subtract(r, rect).map(formatRange);
      });
      if (!changed) return [rule];
      if (!kept.length) return [];
      return [setAttr(tag, 'sqref', kept.join(' ')) + rule.slice(tag.length)];
    });
    rules.push(xml);
  }
  return `${setAttr(open, 'count', String(rules.length))}${rules.join('')}</${p}dataValidations>`;
}
