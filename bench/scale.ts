/**
 * The generated tracking workbook (bench/generate.ts) as an .xlsx of any size, in seconds: ExcelJS
 * writes it through the product's own planner with two data rows per participant table (the
 * register, taxonomies, styles, tables, drop-downs and notes as `indsats` makes them), and the
 * participant sheets' rows are then written into that file directly, in the same cell encoding
 * (shared strings, the columns' styles, the formatted rows below each table, CPR numbers masked), with the tables'
 * ranges, drop-down ranges and dimensions moved to match. Writing 200 000 rows through ExcelJS
 * takes minutes and 2.6 GB; this takes a few seconds. For the bench and the integration tests
 * that need big files; not part of the product.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { writeZip } from '../src/xlsx/package/zipWrite';
import { planStructure } from '../src/workbook/structure';
import { applyPlan, newWorkbook, writeXlsx } from '../src/xlsx';
import type { CellValue } from '../src/domain/parse/cell';
import { maskCprValue } from '../src/domain/parse/cpr';
import { zipEntries, zipEntryData } from '../src/xlsx/zip';
import { generateParticipantTables } from './generate';

/** Data rows per participant table in the ExcelJS-written template. */
const TEMPLATE_ROWS = 2;

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The rows of the generated workbook (bench/generate.ts) with `rowCount` participant rows across 10 initiatives, at `file`. */
export async function writeGeneratedWorkbook(rowCount: number, file: string, initiatives = 10): Promise<void> {
  const tables = generateParticipantTables(rowCount, initiatives);
  const template: Record<string, unknown[][]> = {};
  for (const t of tables) template[t.table!] = t.table!.startsWith('Deltagere_') ? t.rows.slice(0, TEMPLATE_ROWS) : t.rows;
  const workbook = newWorkbook();
  applyPlan(workbook, planStructure({ sheets: [] }, { rows: template as never }));
  await writeXlsx(workbook, file);
  const full = new Map(tables.filter((t) => t.table!.startsWith('Deltagere_')).map((t) => [t.sheet, t.rows]));
  if ([...full.values()].every((rows) => rows.length <= TEMPLATE_ROWS)) return;

  const buffer = readFileSync(file);
  const parts = new Map<string, Buffer | string>(zipEntries(buffer).map((e) => [e.name, zipEntryData(buffer, e)]));
  const read = async (name: string) => {
    const part = parts.get(name);
    if (part === undefined) throw new Error(`bench/scale: ${name} missing in the template`);
    return part.toString();
  };
  const zip = { file: (name: string, text: string) => parts.set(name, text) };
  // Shared strings: the template's, then each new text once.
  const sstXml = await read('xl/sharedStrings.xml');
  const strings = [...sstXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  const index = new Map<string, number>();
  strings.forEach((si, i) => {
    const t = /^<t(?: [^>]*)?>([\s\S]*)<\/t>$/.exec(si);
    if (t && !index.has(unXml(t[1]))) index.set(unXml(t[1]), i);
  });
  let references = Number(/count="(\d+)"/.exec(sstXml)?.[1] ?? 0);
  const stringIndex = (text: string) => {
    references++;
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(/^\s|\s$/.test(text) ? `<t xml:space="preserve">${xmlText(text)}</t>` : `<t>${xmlText(text)}</t>`);
      index.set(text, i);
    }
    return i;
  };

  const workbookXml = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  const target = (relsXml: string, id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(relsXml)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(relsXml)?.[1];
  for (const [, name, id] of workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const rows = full.get(unXml(name));
    if (!rows) continue;
    const part = `xl/${target(rels, id)!.replace(/^\/?xl\//, '')}`;
    const sheetRels = await read(part.replace(/worksheets\/([^/]+)$/, 'worksheets/_rels/$1.rels'));
    const tablePart = `xl/${target(sheetRels, /Id="(rId\d+)"[^>]*relationships\/table"/.exec(sheetRels)?.[1] ?? /relationships\/table"[^>]*Id="(rId\d+)"/.exec(sheetRels)?.[1] ?? '')!.replace(/^\.\.\//, '')}`;
    const tableXml = await read(tablePart);
    const [, left, headerRow] = /ref="([A-Z]+)(\d+):([A-Z]+)\d+"/.exec(tableXml)!;
    const firstData = Number(headerRow) + 1;
    const lastTemplate = firstData + TEMPLATE_ROWS - 1;
    const lastData = firstData + rows.length - 1;
    zip.file(tablePart, tableXml.replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, `ref="$1:$2${lastData}"`));

    const xml = await read(part);
    const open = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    const close = xml.indexOf('</sheetData>');
    const rowXml = xml.slice(open, close).split(/(?=<row )/);
    const rowNumber = (r: string) => Number(/^<row r="(\d+)"/.exec(r)?.[1] ?? 0);
    const above = rowXml.filter((r) => rowNumber(r) < firstData);
    const first = rowXml.find((r) => rowNumber(r) === firstData)!;
    const below = rowXml.filter((r) => rowNumber(r) > lastTemplate);
    // Each column's style, as the template's first data row has it.
    const styles = new Map<string, string>();
    for (const [, col, s] of first.matchAll(/<c r="([A-Z]+)\d+"(?: s="(\d+)")?/g)) if (s) styles.set(col, s);
    const rowHead = /^<row r="\d+"( [^>]*)?>/.exec(first)![1] ?? '';
    const out: string[] = [...above];
    const firstCol = [...left].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    rows.forEach((values: CellValue[], i) => {
      const r = firstData + i;
      let cells = '';
      let lastCol = 0;
      values.forEach((raw, j) => {
        const v = maskCprValue(raw); // as the product's writer stores user data
        const col = columnLetters(firstCol + j);
        const s = styles.get(col);
        const style = s ? ` s="${s}"` : '';
        if (v === null || v === undefined) {
          if (s) cells += `<c r="${col}${r}"${style}/>`;
          else return;
        } else if (typeof v === 'number') cells += `<c r="${col}${r}"${style}><v>${v}</v></c>`;
        else cells += `<c r="${col}${r}"${style} t="s"><v>${stringIndex(String(v))}</v></c>`;
        lastCol = firstCol + j;
      });
      out.push(`<row r="${r}"${rowHead.replace(/spans="\d+:\d+"/, `spans="${firstCol}:${lastCol}"`)}>${cells}</row>`);
    });
    const shift = lastData - lastTemplate;
    for (const b of below) out.push(b.replace(/(<row r="|<c r="[A-Z]+)(\d+)"/g, (_, p: string, n: string) => `${p}${Number(n) + shift}"`));
    const lastRow = rowNumber(out[out.length - 1]!);
    let sheet = xml.slice(0, open) + out.join('') + xml.slice(close);
    sheet = sheet.replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, `<dimension ref="$1:$2${lastRow}"/>`);
    // Drop-downs over the template's data rows cover the new ones.
    sheet = sheet.replace(/sqref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g, (m, a: string, from: string, b: string, to: string) =>
      (Number(from) === firstData && Number(to) === lastTemplate ? `sqref="${a}${from}:${b}${lastData}"` : m));
    zip.file(part, sheet);
  }
  zip.file('xl/sharedStrings.xml', sstXml.replace(/<sst ([^>]*)>[\s\S]*<\/sst>/, (_, attrs: string) =>
    `<sst ${attrs.replace(/ count="\d+"/, ` count="${references}"`).replace(/uniqueCount="\d+"/, `uniqueCount="${strings.length}"`)}>${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`));
  writeFileSync(file, zipOf(parts));
}

/** A zip file of the parts, by the package writer's zip writer. */
const zipOf = (parts: Map<string, Buffer | string>): Buffer =>
  writeZip([...parts].map(([name, content]) => ({ kind: 'data', name, data: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') })));
