import { randomBytes } from 'crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, ftruncateSync, writeFileSync } from 'fs';
import { Workbook } from 'exceljs';
import { MAX_XLSX_BYTES, readXlsx, writeXlsx, XlsxReadError, type XlsxReadErrorCode } from '../../src/xlsx';
import { bufferOf, compoundFile, sha256, tempDir, zipOf } from './fixtures';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function smallWorkbook(): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Ark1');
  ws.addTable({ name: 'T', ref: 'A1', columns: [{ name: 'a' }], rows: Array.from({ length: 200 }, (_, i) => [`række ${i}`]) });
  return bufferOf(wb);
}

/** The error readXlsx rejects with; fails the test when it is not an XlsxReadError. */
async function failure(input: string | Buffer): Promise<XlsxReadError> {
  try {
    await readXlsx(input);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw new Error(`expected XlsxReadError, got ${String(e)}`);
    return e;
  }
  throw new Error('readXlsx succeeded');
}

function file(name: string, content: Buffer | string): string {
  const path = tmp.path(name);
  writeFileSync(path, content);
  return path;
}

describe('readXlsx on bad input', () => {
  const cases: [string, XlsxReadErrorCode, () => Promise<string | Buffer>][] = [
    ['a missing file', 'not-found', async () => tmp.path('findes-ikke.xlsx')],
    ['a directory', 'folder', async () => tmp.dir],
    ['a device', 'not-a-file', async () => '/dev/null'],
    ['a password-protected workbook (encrypted OLE package)', 'encrypted', async () => file('secret.xlsx', compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))],
    ['a CSV renamed to .xlsx', 'not-xlsx', async () => file('data.xlsx', 'Navn;Start\nAlfa;05-01-2024\n')],
    ['an empty file', 'not-xlsx', async () => file('empty.xlsx', '')],
    ['random bytes', 'not-xlsx', async () => file('random.xlsx', Buffer.concat([Buffer.from('xx'), randomBytes(5000)]))],
    ['an old .xls (OLE2) file', 'not-xlsx', async () => file('old.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(600)]))],
    ['a zip that is not a workbook', 'not-xlsx', async () => file('docs.xlsx', zipOf({ 'readme.txt': 'hej' }))],
    ['a truncated xlsx (its first half)', 'corrupt', async () => {
      const b = await smallWorkbook();
      return file('half.xlsx', b.subarray(0, b.length >> 1));
    }],
    ['an xlsx whose workbook part is damaged', 'corrupt', async () =>
      file('damaged.xlsx', zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook><sheets><sheet name="x" sheetId="1" r:id="rId9"/>' }))],
    ['random bytes given as a Buffer', 'not-xlsx', async () => randomBytes(100)],
  ];

  it.each(cases)('%s → %s', async (_, code, make) => {
    const input = await make();
    const e = await failure(input);
    expect(e.code).toBe(code);
    expect(e.path).toBe(typeof input === 'string' ? input : '(buffer)');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = tmp.path('huge.xlsx');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_XLSX_BYTES + 1); // sparse: no disk space used
    closeSync(fd);
    const e = await failure(path);
    expect(e.code).toBe('too-large');
  });

  it('reads a 50 MB workbook', async () => {
    // 50 MB of incompressible media next to a small table: the size limit and the loader, not the cells.
    const wb = new Workbook();
    const ws = wb.addWorksheet('Ark1');
    ws.addTable({ name: 'T', ref: 'A1', columns: [{ name: 'a' }], rows: [[1], [2]] });
    const image = wb.addImage({ buffer: randomBytes(50 * 1024 * 1024) as unknown as never, extension: 'png' });
    ws.addImage(image, 'C3:D4');
    const path = file('big.xlsx', await bufferOf(wb));
    expect(readFileSync(path).length).toBeGreaterThan(50 * 1024 * 1024);
    const { read } = await readXlsx(path);
    expect(read.sheets[0].tables[0].rows).toEqual([[1], [2]]);
  }, 60_000);
});

describe('writeXlsx', () => {
  it('replaces the target in one step and leaves no temporary files', async () => {
    const dir = tmp.path('atomic');
    mkdirSync(dir);
    const target = `${dir}/out.xlsx`;
    writeFileSync(target, 'old content');
    const wb = new Workbook();
    wb.addWorksheet('Ark1').getCell('A1').value = 'ny';
    await writeXlsx(wb, target);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    expect((await readXlsx(target)).read.sheets[0].region?.header).toEqual(['ny']);
  });

  it('leaves the target untouched when the workbook cannot be written', async () => {
    const dir = tmp.path('failing');
    mkdirSync(dir);
    const target = `${dir}/out.xlsx`;
    writeFileSync(target, await smallWorkbook());
    const before = sha256(target);
    const wb = new Workbook();
    // ExcelJS refuses a shared formula without its master cell while serialising.
    wb.addWorksheet('Ark1').getCell('B2').value = { sharedFormula: 'A1', result: 1 } as never;
    await expect(writeXlsx(wb, target)).rejects.toThrow();
    expect(sha256(target)).toBe(before);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const wb = new Workbook();
    wb.addWorksheet('Ark1');
    await expect(writeXlsx(wb, tmp.path('no/such/folder/out.xlsx'))).rejects.toThrow(/ENOENT/);
  });
});
