/**
 * Two things in a sheet's XML that ExcelJS 4.4 expands cell by cell when it loads a workbook, so
 * that their cost is their area, not what the sheet holds:
 * - a data validation's sqref becomes one model entry per cell (a whole-column rule C:C is
 *   1 048 576 entries; two such rules took 59 s and 1.7 GB to load and write, A1:XFD1048576 never
 *   finishes). Our own drop-downs on a table reaching row 1 048 576 are such rules too;
 * - a merged range becomes a cell object per cell it covers (N1:XFD1048576: heap out of memory).
 *
 * A validation over more than BIG_VALIDATION cells is handed to ExcelJS under a placeholder address
 * (ExcelJS keeps an address without ":" as it is) and put back as range entries after loading,
 * which is how validations.ts keeps rules anyway. Merged ranges covering more than
 * MAX_MERGED_CELLS cells in one sheet are refused: too-large-content, naming the part.
 */
import JSZip from 'jszip';
import type { Workbook } from 'exceljs';
import { formatRange } from './address';
import { XlsxReadError } from './errors';
import { validationContainer } from './internals';
import { parseRect } from './reader/sheet';

/** Cells a sheet's merged ranges may cover: ExcelJS makes an object of each (a few hundred bytes). */
export const MAX_MERGED_CELLS = 1_000_000;

/** Validations larger than this are kept as ranges (smaller ones load as ExcelJS loads them). */
const BIG_VALIDATION = 10_000;

const PLACEHOLDER = '_indsats_dv_';

const area = (ref: string): number => {
  const r = parseRect(ref);
  return r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
};

export interface SheetGuards {
  /** Sheet parts whose XML was changed for ExcelJS: part name → new XML. */
  parts: Map<string, string>;
  /** Placeholder address → the ranges of the validation it stands for ("C5:C1048576"). */
  validations: Map<string, string[]>;
}

/**
 * Checks one sheet part's XML (refusing merged ranges that are too large) and, when it has big
 * validations, records the XML ExcelJS should see instead.
 */
export function guardSheet(part: string, xml: string, path: string, guards: SheetGuards): void {
  let merged = 0;
  for (const m of xml.matchAll(/<mergeCell\b[^>]*?\bref="([^"]*)"/g)) merged += area(m[1]);
  if (merged > MAX_MERGED_CELLS) {
    throw new XlsxReadError('too-large-content', path, `${part}: merged ranges cover ${merged.toLocaleString('en')} cells; at most ${MAX_MERGED_CELLS.toLocaleString('en')} can be loaded to change the workbook`, undefined, part);
  }
  if (!/<dataValidation\b/.test(xml)) return;
  let changed = false;
  const out = xml.replace(/<dataValidation\b[^>]*>/g, (tag) => {
    const sqref = /\bsqref="([^"]*)"/.exec(tag);
    if (!sqref) return tag;
    const refs = sqref[1].trim().split(/\s+/).filter(Boolean);
    if (refs.reduce((n, r) => n + area(r), 0) <= BIG_VALIDATION || refs.some((r) => !parseRect(r))) return tag;
    const placeholder = `${PLACEHOLDER}${guards.validations.size + 1}`;
    guards.validations.set(placeholder, refs.map((r) => formatRange(parseRect(r)!)));
    changed = true;
    return tag.replace(sqref[0], `sqref="${placeholder}"`);
  });
  if (changed) guards.parts.set(part, out);
}

/** The package with the changed sheet parts (stored, not deflated: ExcelJS reads it once). */
export async function rewriteParts(buffer: Buffer, parts: Map<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const [part, xml] of parts) zip.file(part, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** After loading: every placeholder entry becomes range entries of the same rule. */
export function restoreValidations(workbook: Workbook, validations: Map<string, string[]>): void {
  if (!validations.size) return;
  for (const worksheet of workbook.worksheets) {
    const container = validationContainer(worksheet);
    const model = container.model;
    if (!Object.keys(model).some((k) => k.startsWith(PLACEHOLDER))) continue;
    const restored: typeof model = {};
    for (const [key, dv] of Object.entries(model)) {
      const ranges = validations.get(key);
      if (ranges) for (const r of ranges) restored[r] = dv;
      else restored[key] = dv;
    }
    container.model = restored;
  }
}
