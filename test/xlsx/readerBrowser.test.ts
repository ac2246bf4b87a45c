/**
 * The task pane's reader (src/xlsx/reader/browser.ts: fflate and TextDecoder over plain
 * Uint8Arrays) against the CLI's (native zlib and Buffer): the same WorkbookRead on real workbooks,
 * and the same refusal (code, part, message) on damaged, foreign and hostile bytes. The platform's
 * inflate is also called directly, with its cap. Files written by LibreOffice and openpyxl are
 * compared in readerParity.test.ts; big zip bombs in a child process in readerHostile.test.ts.
 */
import { deflateRawSync } from 'zlib';
import { applyPlan, newWorkbook, xlsxBuffer } from '../../src/xlsx';
import { readWorkbookBuffer as readOnNode } from '../../src/xlsx/reader';
import { readWorkbookBuffer as readInBrowser, workbookFromBytes, ReadOnlyWorkbookError, XlsxReadError } from '../../src/xlsx/reader/browser';
import { browserPlatform } from '../../src/xlsx/reader/platform.browser';
import { nodePlatform } from '../../src/xlsx/reader/platform.node';
import { InflateLimitError } from '../../src/xlsx/reader/platform';
import type { ReadLimits } from '../../src/xlsx/reader/limits';
import { planStructure } from '../../src/workbook/structure';
import { demoRows } from '../../src/demo/demoData';
import { sampleWorkbook } from '../helpers/sampleWorkbook';
import { bufferOf, compoundFile, zipOf } from './fixtures';
import { buildZip, deflatedFill, readParts } from '../hostile/zip';

/** A plain Uint8Array (no Buffer methods), as a File's arrayBuffer() gives the pane. */
const plain = (b: Buffer) => new Uint8Array(b);

async function demo(): Promise<Buffer> {
  const wb = newWorkbook();
  applyPlan(wb, planStructure({ sheets: [] }, { rows: demoRows() }));
  return xlsxBuffer(wb);
}

/** What each reader throws: code, part and message (the message names the file given). */
function refusals(bytes: Buffer, limits?: Partial<ReadLimits>): { node: unknown; browser: unknown } {
  const outcome = (read: () => unknown) => {
    try {
      read();
      return 'read';
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      const x = e as XlsxReadError;
      return { code: x.code, part: x.part, message: x.message };
    }
  };
  return { node: outcome(() => readOnNode(bytes, limits, 'Team A.xlsx')), browser: outcome(() => readInBrowser(plain(bytes), limits, 'Team A.xlsx')) };
}

/** The demo with one part's directory entry and bytes changed. */
function withPart(bytes: Buffer, name: string, change: (p: ReturnType<typeof readParts>[number]) => void): Buffer {
  const parts = readParts(bytes);
  const part = parts.find((p) => p.name === name)!;
  change(part);
  return buildZip(parts);
}

describe('the browser reader reads what the Node reader reads', () => {
  let demoBytes: Buffer;
  beforeAll(async () => {
    demoBytes = await demo();
  });

  it('the demo workbook: deeply the same WorkbookRead', () => {
    const node = readOnNode(demoBytes);
    expect(node.sheets.map((s) => s.name)).toContain('ITMV');
    expect(readInBrowser(plain(demoBytes))).toStrictEqual(node);
  });

  it('the readers’ sample (merges, rich text, hyperlinks, errors, shared formula)', async () => {
    const bytes = await bufferOf(sampleWorkbook());
    expect(readInBrowser(plain(bytes))).toStrictEqual(readOnNode(bytes));
  });

  it('a byte-order mark and non-ASCII text decode as on Node', () => {
    const bytes = withPart(demoBytes, 'xl/workbook.xml', (p) => {
      p.data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), p.data!]);
    });
    expect(readInBrowser(plain(bytes))).toStrictEqual(readOnNode(bytes));
  });

  it('a read-only workbook over the bytes reads once and refuses every plan', async () => {
    const wb = workbookFromBytes(plain(demoBytes), 'Team A.xlsx');
    expect((await wb.read({ sheets: ['itmv'] })).sheets.map((s) => s.name)).toEqual(['ITMV']);
    expect(await wb.activeSheet()).toBe('Taksonomier');
    await expect(wb.apply({ ops: [{ kind: 'ensureSheet', sheet: 'X' }] })).rejects.toBeInstanceOf(ReadOnlyWorkbookError);
    await expect(workbookFromBytes(plain(Buffer.from('Navn;Start\n')), 'liste.xlsx').read()).rejects.toMatchObject({ code: 'not-xlsx', message: expect.stringMatching(/^liste\.xlsx: /) });
  });
});

describe('the browser reader refuses what the Node reader refuses, with the same error', () => {
  let demoBytes: Buffer;
  beforeAll(async () => {
    demoBytes = await demo();
  });

  it.each([
    ['a CSV renamed .xlsx', () => Buffer.from('Navn;Start\nAlfa;01-02-2024\n'), 'not-xlsx'],
    ['an old .xls (an OLE compound file)', () => compoundFile(['Workbook']), 'not-xlsx'],
    ['a password-protected workbook (an OLE file with the encrypted package)', () => compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'encrypted'],
    ['a zip that is not a workbook', () => zipOf({ 'readme.txt': 'hej' }), 'not-xlsx'],
    ['a truncated file', () => demoBytes.subarray(0, Math.floor(demoBytes.length / 2)), 'corrupt'],
    ['a sheet whose XML is cut off', () => withPart(demoBytes, 'xl/worksheets/sheet2.xml', (p) => {
      p.data = p.data!.subarray(0, 200);
    }), 'corrupt'],
    ['a sheet that inflates to more than its entry declares', () => withPart(demoBytes, 'xl/worksheets/sheet2.xml', (p) => {
      p.size = 100;
    }), 'corrupt'],
  ] as const)('%s', (_, make, code) => {
    const { node, browser } = refusals(make());
    expect(node).toMatchObject({ code, message: expect.stringMatching(/^Team A\.xlsx: /) });
    expect(browser).toEqual(node);
  });

  it('damaged DEFLATE data: corrupt, naming the part, on both (the inflater\'s own words after "cannot inflate:")', () => {
    const bytes = withPart(demoBytes, 'xl/worksheets/sheet2.xml', (p) => {
      const deflated = Buffer.from(deflateRawSync(p.data!));
      deflated.fill(0xff, 10, 40);
      p.deflated = deflated;
    });
    const { node, browser } = refusals(bytes) as { node: { code: string; part: string; message: string }; browser: { code: string; part: string; message: string } };
    expect(node).toMatchObject({ code: 'corrupt', part: 'xl/worksheets/sheet2.xml', message: expect.stringContaining('xl/worksheets/sheet2.xml: cannot inflate: ') });
    expect(browser).toMatchObject({ code: 'corrupt', part: 'xl/worksheets/sheet2.xml', message: expect.stringContaining('xl/worksheets/sheet2.xml: cannot inflate: ') });
  });

  it('a file or its parts over the limits: too-large, too-large-content naming the part', () => {
    expect(refusals(demoBytes, { maxFileBytes: 1000 })).toEqual({ node: expect.objectContaining({ code: 'too-large' }), browser: refusals(demoBytes, { maxFileBytes: 1000 }).node });
    const parts = refusals(demoBytes, { maxInflatedBytes: 20_000 });
    expect(parts.node).toMatchObject({ code: 'too-large-content', message: expect.stringContaining('inflate') });
    expect(parts.browser).toEqual(parts.node);
    const cells = refusals(demoBytes, { maxCells: 50 });
    expect(cells.node).toMatchObject({ code: 'too-large-content' });
    expect(cells.browser).toEqual(cells.node);
  });

  it('a zip bomb that declares no size stops at the limit, not at its 64 MB', async () => {
    const deflated = await deflatedFill(64 * 1024 * 1024, 0x20);
    const bytes = withPart(demoBytes, 'xl/worksheets/sheet2.xml', (p) => {
      p.deflated = deflated;
      p.size = 0;
    });
    const { node, browser } = refusals(bytes, { maxInflatedBytes: 4 * 1024 * 1024 });
    expect(node).toMatchObject({ code: 'too-large-content', part: 'xl/worksheets/sheet2.xml', message: expect.stringContaining('inflates to more than') });
    expect(browser).toEqual(node);
  });
});

describe('the platforms’ inflate', () => {
  const text = Buffer.from('<sheetData>' + '<row><c><v>1</v></c></row>'.repeat(20_000) + '</sheetData>');
  const raw = plain(deflateRawSync(text));

  it('inflates to the same bytes, in one push or many', () => {
    expect(Buffer.from(browserPlatform.inflateRaw(raw, text.length)).equals(text)).toBe(true);
    expect(Buffer.from(nodePlatform.inflateRaw(raw, text.length)).equals(text)).toBe(true);
    expect(browserPlatform.utf8(browserPlatform.inflateRaw(raw, text.length))).toBe(nodePlatform.utf8(text));
  });

  it('stops at the cap with InflateLimitError, and refuses an empty or cut stream', () => {
    expect(() => browserPlatform.inflateRaw(raw, text.length - 1)).toThrow(InflateLimitError);
    expect(() => nodePlatform.inflateRaw(raw, text.length - 1)).toThrow(InflateLimitError);
    expect(() => browserPlatform.inflateRaw(new Uint8Array(0), 10)).toThrow(/unexpected end/);
    expect(() => nodePlatform.inflateRaw(new Uint8Array(0), 10)).toThrow(/unexpected end/);
    expect(() => browserPlatform.inflateRaw(raw.subarray(0, raw.length >> 1), text.length)).toThrow(/unexpected EOF/);
  });

  it('decodes UTF-8 as Buffer does, a byte-order mark kept', () => {
    const bytes = plain(Buffer.from('\ufeffÆblegrød – ½ ✓', 'utf8'));
    expect(browserPlatform.utf8(bytes)).toBe(nodePlatform.utf8(bytes));
    expect(browserPlatform.utf8(bytes).charCodeAt(0)).toBe(0xfeff);
  });
});
