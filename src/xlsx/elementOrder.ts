/**
 * ExcelJS writes a sheet's <legacyDrawing> (the notes' VML) after <tableParts>, against the
 * schema's element order; Excel then offers to repair the file (exceljs #1369). Every table sheet
 * with header notes has both, so each written workbook gets the element moved into place.
 */
import JSZip from 'jszip';

const LEGACY = /<legacyDrawing\b[^>]*\/>/;
const AFTER_LEGACY = /<(legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/;

/** The sheet XML with <legacyDrawing> before the elements the schema puts after it. */
export function orderLegacyDrawing(xml: string): string {
  const legacy = LEGACY.exec(xml);
  if (!legacy) return xml;
  const without = xml.slice(0, legacy.index) + xml.slice(legacy.index + legacy[0].length);
  const next = AFTER_LEGACY.exec(without);
  if (!next || next.index >= legacy.index) return xml; // already in order
  return without.slice(0, next.index) + legacy[0] + without.slice(next.index);
}

export async function fixElementOrder(xlsx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const fixed = orderLegacyDrawing(xml);
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } }) : xlsx;
}
