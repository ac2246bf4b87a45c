/**
 * The `maskText` plan op on an ExcelJS workbook: the CPR numbers in a note, a hyperlink, a
 * defined name or a document property masked in place. ExcelJS holds notes (legacy comments; threaded comments it
 * does not load, so they are not written), defined names that refer to cells (others it drops on
 * loading) and the core and extended properties (not custom.xml, which it drops).
 */
import type { Workbook } from 'exceljs';
import { maskCpr, maskCprInName } from '../domain/parse/cpr';
import type { MaskTarget } from '../workbook/plan';
import { parseRange } from './address';

export function maskText(workbook: Workbook, target: MaskTarget): void {
  // ExcelJS loads no drawings or charts but its own (recorded by the chart op): the copy has none to mask.
  if (target.place === 'drawing') return;
  if (target.place === 'comment') {
    const lower = target.sheet.toLowerCase();
    const worksheet = workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
    const r = parseRange(target.address);
    const cell = worksheet?.findCell(r.top, r.left);
    if (!cell?.note) return;
    const note = cell.note as string | { texts?: { text: string }[] };
    if (typeof note === 'string') cell.note = maskCpr(note);
    else if (note.texts?.some((t) => maskCpr(t.text) !== t.text)) cell.note = { ...note, texts: note.texts.map((t) => ({ ...t, text: maskCpr(t.text) })) } as typeof cell.note;
    return;
  }
  if (target.place === 'hyperlink') {
    const lower = target.sheet.toLowerCase();
    const worksheet = workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
    const r = parseRange(target.address);
    const cell = worksheet?.findCell(r.top, r.left);
    const value = cell?.value as { text?: unknown; hyperlink?: string; tooltip?: string } | null | undefined;
    if (!cell || !value || typeof value !== 'object' || typeof value.hyperlink !== 'string') return;
    const hyperlink = value.hyperlink.startsWith('#') ? `#${maskCprInName(value.hyperlink.slice(1), 'sheet')}` : maskCpr(value.hyperlink);
    const tooltip = typeof value.tooltip === 'string' ? maskCpr(value.tooltip) : undefined;
    if (hyperlink !== value.hyperlink || tooltip !== value.tooltip) cell.value = { ...value, hyperlink, ...(tooltip !== undefined && { tooltip }) } as typeof cell.value;
    return;
  }
  if (target.place === 'definedName') {
    const map = (workbook.definedNames as unknown as { matrixMap?: Record<string, unknown> }).matrixMap;
    if (!map || !(target.name in map)) return;
    const to = maskCprInName(target.name, 'name');
    if (to === target.name) return;
    map[to] = map[target.name];
    delete map[target.name];
    return;
  }
  const key = PROPERTY[target.key];
  if (!key) return;
  const props = workbook as unknown as Record<string, unknown>;
  const value = props[key];
  if (typeof value === 'string') props[key] = maskCpr(value);
}

/** Property keys (as the reader names them) → the ExcelJS workbook field that holds them. */
const PROPERTY: Record<string, string | undefined> = {
  'core:creator': 'creator',
  'core:lastModifiedBy': 'lastModifiedBy',
  'core:title': 'title',
  'core:subject': 'subject',
  'core:keywords': 'keywords',
  'core:category': 'category',
  'core:description': 'description',
  'core:contentStatus': 'contentStatus',
  'core:language': 'language',
  'app:Company': 'company',
  'app:Manager': 'manager',
};
