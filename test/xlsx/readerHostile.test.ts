/**
 * Hostile input for the streaming reader: each case gives a clear XlsxReadError or a narrowed
 * region, never a crash, in a child process whose peak memory (maxRSS) stays under 1 GiB.
 * Before: A1+XFD1048576 ran out of heap, a table to row 1 048 576 took 3.6 GB, a 3.4 MB zip bomb
 * 3.3 GB, 3 million cells 4.1 GB. The zip bombs also go through the task pane's reader
 * (src/xlsx/reader/browser.ts bundled for the browser: fflate, TextDecoder, no Node module).
 */
import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { createDeflateRaw } from 'zlib';
import { buildSync } from 'esbuild';
import { tempDir } from './fixtures';
import { buildZip, type ZipPart } from '../hostile/zip';

const tmp = tempDir('indsats-hostile-');
let bundle: string;
let browserBundle: string;

beforeAll(() => {
  bundle = tmp.path('reader.js');
  buildSync({ entryPoints: [join(__dirname, '../../src/xlsx/reader/index.ts')], bundle: true, platform: 'node', outfile: bundle, format: 'cjs', logLevel: 'warning' });
  // Bundled as webpack bundles it for the pane: for the browser (a Node module would not resolve).
  browserBundle = tmp.path('reader-browser.js');
  buildSync({ entryPoints: [join(__dirname, '../../src/xlsx/reader/browser.ts')], bundle: true, platform: 'browser', outfile: browserBundle, format: 'cjs', logLevel: 'warning' });
});
afterAll(() => tmp.cleanup());

interface Outcome {
  error?: { code: string; message: string };
  sheets?: { region?: { ref: string; header: string[]; rows: number }; outside?: { cells: number; ref: string }; tables: { ref: string; rows: number }[] }[];
  maxRssMiB: number;
  ms: number;
}

/** Reads `file` in a fresh node process with the bundled reader; the result in summary. */
function readInChild(file: string, limits: Record<string, number> = {}, reader: 'node' | 'browser' = 'node'): Outcome {
  const read = reader === 'node'
    ? `require(${JSON.stringify(bundle)}).readWorkbookFile(${JSON.stringify(file)}, ${JSON.stringify(limits)})`
    : `(async () => require(${JSON.stringify(browserBundle)}).readWorkbookBuffer(new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)})), ${JSON.stringify(limits)}, ${JSON.stringify(file)}))()`;
  const script = `
    const start = Date.now();
    const done = (o) => process.stdout.write(JSON.stringify({ ...o, ms: Date.now() - start, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
    ${read}.then(
      (wb) => done({ sheets: wb.sheets.map((s) => ({
        region: s.region && { ref: s.region.ref, header: s.region.header, rows: s.region.rows.length },
        outside: s.outside,
        tables: s.tables.map((t) => ({ ref: t.ref, rows: t.rows.length })),
      })) }),
      (e) => done({ error: { code: e.code, message: e.message } }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

const WB = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An entry as the cases give it: stored bytes, or deflated bytes with the size its directory entry declares. */
type Entry = Pick<ZipPart, 'name' | 'data' | 'deflated' | 'size'>;

/** A zip with stored or deflated entries. */
const zip = (entries: Entry[]): Buffer => buildZip(entries.map((e) => (e.deflated ? e : { ...e, store: true })));

/** A one-sheet workbook around `sheet` (an Entry for xl/worksheets/sheet1.xml), plus more parts. */
function workbook(sheet: Omit<Entry, 'name'>, more: Entry[] = []): Buffer {
  const text = (name: string, s: string): Entry => ({ name, data: Buffer.from(s) });
  return zip([
    text('[Content_Types].xml', '<Types/>'),
    text('_rels/.rels', `<Relationships><Relationship Id="rId1" Type="${WB}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `<workbook xmlns:r="${WB}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `<Relationships><Relationship Id="rId1" Type="${WB}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
    ...more,
  ]);
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function file(name: string, bytes: Buffer): string {
  const path = tmp.path(name);
  writeFileSync(path, bytes);
  return path;
}

/** `size` bytes of spaces (valid XML whitespace), deflated in 1 MB steps so the test stays small. */
function deflatedSpaces(size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    z.on('data', (b: Buffer) => out.push(b));
    z.on('end', () => resolve(Buffer.concat(out)));
    z.on('error', reject);
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let left = size;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!z.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          z.once('drain', write);
          return;
        }
      }
      z.end();
    };
    write();
  });
}

const GiB = 1024;

describe('readWorkbookFile on hostile input', () => {
  it('A1 and XFD1048576 filled: the region is narrowed to the block around A1, the rest counted', () => {
    const sheet = `<worksheet><sheetData><row r="1">${cell('A1', 'Navn')}</row><row r="1048576">${cell('XFD1048576', 'x')}</row></sheetData></worksheet>`;
    const o = readInChild(file('corners.xlsx', workbook({ data: Buffer.from(sheet) })));
    expect(o.error).toBeUndefined();
    expect(o.sheets![0]).toEqual({ region: { ref: 'A1', header: ['Navn'], rows: 0 }, outside: { cells: 1, ref: 'A1:XFD1048576' }, tables: [] });
    expect(o.maxRssMiB).toBeLessThan(GiB);
  });

  it('a table reaching row 1 048 576 with three filled rows: rows stop after the last row with a cell', () => {
    const rows = [1, 2, 3, 4].map((r) => `<row r="${r}">${cell(`A${r}`, r === 1 ? 'Navn' : `v${r}`)}${cell(`B${r}`, r === 1 ? 'Start' : 'x')}</row>`).join('');
    const sheet = `<worksheet xmlns:r="${WB}"><sheetData>${rows}</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    const o = readInChild(file('tall.xlsx', workbook({ data: Buffer.from(sheet) }, [
      { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: Buffer.from(`<Relationships><Relationship Id="rId1" Type="${WB}/table" Target="../tables/table1.xml"/></Relationships>`) },
      { name: 'xl/tables/table1.xml', data: Buffer.from('<table name="T" displayName="T" ref="A1:B1048576"><tableColumns count="2"><tableColumn id="1" name="Navn"/><tableColumn id="2" name="Start"/></tableColumns></table>') },
    ])));
    expect(o.error).toBeUndefined();
    expect(o.sheets![0].tables).toEqual([{ ref: 'A1:B1048576', rows: 3 }]);
    expect(o.maxRssMiB).toBeLessThan(GiB);
  });

  it.each(['node', 'browser'] as const)('a zip bomb (a sheet inflating to 300 MB) is refused before it is inflated (%s reader)', async (reader) => {
    const deflated = await deflatedSpaces(300 * 1024 * 1024);
    expect(deflated.length).toBeLessThan(1024 * 1024);
    const o = readInChild(file(`bomb-${reader}.xlsx`, workbook({ deflated, size: 300 * 1024 * 1024 })), {}, reader);
    expect(o.error).toMatchObject({ code: 'too-large-content', message: expect.stringMatching(/xl\/worksheets\/sheet1\.xml: inflates to 300 MB; .* 200 MB in total/) });
    expect(o.maxRssMiB).toBeLessThan(200);
  });

  it.each(['node', 'browser'] as const)('a zip bomb that lies about its size stops at the declared size, or at the limit (%s reader)', async (reader) => {
    const deflated = await deflatedSpaces(100 * 1024 * 1024);
    const lying = readInChild(file(`liar-${reader}.xlsx`, workbook({ deflated, size: 1000 })), {}, reader);
    expect(lying.error).toMatchObject({ code: 'corrupt', message: expect.stringContaining('sheet1.xml: inflates to more than the 1000 bytes') });
    const unsized = readInChild(file(`unsized-${reader}.xlsx`, workbook({ deflated, size: 0 })), { maxInflatedBytes: 20 * 1024 * 1024 }, reader);
    expect(unsized.error).toMatchObject({ code: 'too-large-content', message: expect.stringContaining('sheet1.xml: inflates to more than') });
    expect(Math.max(lying.maxRssMiB, unsized.maxRssMiB)).toBeLessThan(GiB / 4);
  });

  describe('3 million cells', () => {
    let path: string;
    beforeAll(() => {
      const row = '<c><v>1</v></c>'.repeat(1000);
      const rows: string[] = [];
      for (let r = 1; r <= 3000; r++) rows.push(`<row r="${r}">${row}</row>`);
      path = file('cells.xlsx', workbook({ data: Buffer.from(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`) }));
    });

    it('are refused above a lower cell limit, naming the part and the limit', () => {
      const o = readInChild(path, { maxCells: 1_000_000 });
      expect(o.error).toMatchObject({ code: 'too-large-content', message: expect.stringContaining('sheet1.xml: more than 1,000,000 cells') });
      expect(o.maxRssMiB).toBeLessThan(GiB);
    });

    it('are read within the default limits in less than 1 GiB', () => {
      const o = readInChild(path);
      expect(o.error).toBeUndefined();
      expect(o.sheets![0].region).toMatchObject({ ref: 'A1:ALL3000', rows: 2999 });
      expect(o.maxRssMiB).toBeLessThan(GiB);
    });

    it('a region larger than maxDenseCells is narrowed, never materialised', () => {
      const o = readInChild(path, { maxDenseCells: 500_000 });
      expect(o.sheets![0].region).toMatchObject({ ref: 'A1:ALL500', rows: 499 });
      expect(o.sheets![0].outside).toEqual({ cells: 2_500_000, ref: 'A1:ALL3000' });
    });
  });
});
