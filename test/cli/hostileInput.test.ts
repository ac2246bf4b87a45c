/**
 * Hostile input to the CLI (issue 16, items 6 and 9): output paths that are not plain new files,
 * macro-enabled and password-protected workbooks, a refund "file" that is a folder or holds only a
 * header. Every case: our own message (Danish, or English with --lang en), exit 2 for unreadable
 * input and usage (1 for a refund file with nothing to import), no stack trace, nothing written
 * where it should not be, and the input unchanged.
 */
import { createServer, type Server } from 'net';
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { compoundFile, sha256, tempDir } from '../xlsx/fixtures';
import { demoWorkbook, indsats, indsatsBin, type Run } from './helpers';

const tmp = tempDir('indsats-hostile-cli-');
const demo = tmp.path('demo.xlsx');
let demoHash: string;

beforeAll(async () => {
  await demoWorkbook(demo);
  demoHash = sha256(demo);
});
afterEach(() => expect(sha256(demo)).toBe(demoHash));
afterAll(() => tmp.cleanup());

const STACK = /\bat .+:\d+:\d+|Uventet|Unexpected|Error:/;
function refused(run: Run, code: number, text: string | RegExp): void {
  expect(run.code).toBe(code);
  expect(run.out).toBe('');
  expect(run.err).toEqual(typeof text === 'string' ? expect.stringContaining(text) : expect.stringMatching(text));
  expect(run.err).not.toMatch(STACK);
}

describe('the output path', () => {
  it('an existing file of any size, also 0 bytes, needs --force', async () => {
    const empty = tmp.path('empty.xlsx');
    writeFileSync(empty, '');
    refused(await indsats('repair', demo, '-o', empty), 2, `${empty} findes allerede. Vælg et andet navn, eller brug --force`);
    expect(statSync(empty).size).toBe(0);
    refused(await indsats('init', '-o', empty, '--lang', 'en'), 2, `${empty} exists already.`);
    expect((await indsats('repair', demo, '-o', empty, '--force')).code).toBe(0);
    expect(statSync(empty).size).toBeGreaterThan(1000);
  });

  it('a device is never replaced, also not with --force', async () => {
    // Before: /dev/null counted as absent (size 0) and was replaced by a regular file, as root too.
    for (const force of [[], ['--force']]) {
      refused(await indsats('repair', demo, '-o', '/dev/null', ...force), 2, '/dev/null er en enhed, ikke en fil. Den erstattes aldrig');
    }
    refused(await indsats('summarize', demo, '-o', '/dev/null', '--force', '--lang', 'en'), 2, '/dev/null is a device, not a file. It is never replaced');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a folder, a fifo and a socket are never replaced', async () => {
    const folder = tmp.path('folder.xlsx');
    mkdirSync(folder);
    refused(await indsats('repair', demo, '-o', folder, '--force'), 2, `${folder} er en mappe. Angiv et filnavn`);
    const fifo = tmp.path('fifo.xlsx');
    execFileSync('mkfifo', [fifo]);
    refused(await indsats('repair', demo, '-o', fifo, '--force'), 2, `${fifo} er en navngivet pipe`);
    const socket = tmp.path('socket.xlsx');
    const server: Server = await new Promise((resolve) => {
      const s = createServer().listen(socket, () => resolve(s));
    });
    try {
      refused(await indsats('reconcile', demo, '-o', socket, '--force', '--lang', 'en'), 2, `${socket} is a socket, not a file`);
      expect([lstatSync(folder).isDirectory(), lstatSync(fifo).isFIFO(), lstatSync(socket).isSocket()]).toEqual([true, true, true]);
    } finally {
      server.close();
    }
  });

  it('a symbolic link is refused, to a file, to nothing, to the input; the target stays as it was', async () => {
    const target = tmp.path('target.xlsx');
    writeFileSync(target, 'untouched');
    const link = tmp.path('link.xlsx');
    symlinkSync(target, link);
    refused(await indsats('repair', demo, '-o', link, '--force'), 2, `${link} er en symbolsk genvej (symlink)`);
    const dangling = tmp.path('dangling.xlsx');
    symlinkSync(tmp.path('nowhere.xlsx'), dangling);
    refused(await indsats('repair', demo, '-o', dangling, '--lang', 'en'), 2, `${dangling} is a symbolic link`);
    expect(existsSync(tmp.path('nowhere.xlsx'))).toBe(false);
    const toInput = tmp.path('to-input.xlsx');
    symlinkSync(demo, toInput);
    refused(await indsats('repair', demo, '-o', toInput, '--force'), 2, 'Outputfilen må ikke være den samme som inputfilen');
    expect(readFileSync(target, 'utf8')).toBe('untouched');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a hard link to the input is the input', async () => {
    const hard = tmp.path('hard.xlsx');
    linkSync(demo, hard);
    refused(await indsats('summarize', demo, '-o', hard, '--force'), 2, 'Outputfilen må ikke være den samme som inputfilen');
  });
});

describe('workbooks we cannot keep as they are', () => {
  it('a macro workbook is written only to its own extension; an .xlsx never to a macro extension', async () => {
    const xlsm = tmp.path('makroer.xlsm');
    copyFileSync(demo, xlsm);
    const out = tmp.path('ud.xlsx');
    refused(await indsats('repair', xlsm, '-o', out), 2, `${xlsm} er en projektmappe med makroer. Makroerne bevares, når resultatet skrives til en fil med samme filtype: angiv en outputfil, der ender på .xlsm.`);
    refused(await indsats('repair', xlsm, '-o', tmp.path('ud.xltm')), 2, 'der ender på .xlsm');
    // The package writer keeps the package as it is (test/xlsx/packageWriter.test.ts checks the VBA part).
    expect((await indsats('repair', xlsm, '-o', tmp.path('ud-ok.xlsm'))).code).toBe(0);
    expect(existsSync(tmp.path('ud-ok.xlsm'))).toBe(true);
    for (const name of ['ud.xlsm', 'ud.xltm', 'UD.XLAM']) {
      refused(await indsats('repair', demo, '-o', tmp.path(name), '--lang', 'en'), 2, `${tmp.path(name)} is a macro-enabled workbook`);
      expect(existsSync(tmp.path(name))).toBe(false);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('a workbook the package writer cannot patch safely (Strict OOXML) is refused before writing, naming the part', async () => {
    const zip = await JSZip.loadAsync(readFileSync(demo));
    for (const name of Object.keys(zip.files)) {
      if (zip.files[name].dir) continue;
      const text = await zip.file(name)!.async('string');
      zip.file(name, text.split('http://schemas.openxmlformats.org/spreadsheetml/2006/main').join('http://purl.oclc.org/ooxml/spreadsheetml/main'));
    }
    const strict = tmp.path('strict.xlsx');
    writeFileSync(strict, await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await indsats('validate', strict)).code).toBeLessThan(2);
    const out = tmp.path('strict-ud.xlsx');
    refused(await indsats('summarize', strict, '-o', out), 2, `${strict} kan ikke ændres sikkert: xl/workbook.xml kan Indsatsmonitor ikke skrive i uden at miste noget. Intet er skrevet.`);
    refused(await indsats('summarize', strict, '-o', out, '--lang', 'en'), 2, 'cannot be changed safely: Indsatsmonitor cannot write into xl/workbook.xml');
    expect(existsSync(out)).toBe(false);
  });

  it('an .xlsx holding a VBA project is read, but not changed', async () => {
    const zip = await JSZip.loadAsync(readFileSync(demo));
    zip.file('xl/vbaProject.bin', Buffer.from('not really VBA'));
    const withVba = tmp.path('med-vba.xlsx');
    writeFileSync(withVba, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = sha256(withVba);
    expect((await indsats('validate', withVba)).code).toBe(0);
    const out = tmp.path('vba-ud.xlsx');
    refused(await indsats('summarize', withVba, '-o', out), 2, 'er en projektmappe med makroer');
    refused(await indsats('reconcile', withVba, '-o', out), 2, 'er en projektmappe med makroer');
    expect(existsSync(out)).toBe(false);
    expect(sha256(withVba)).toBe(before);
  });

  it('a password-protected workbook is named as such, an old .xls is told to be saved as .xlsx', async () => {
    const encrypted = tmp.path('adgangskode.xlsx');
    writeFileSync(encrypted, compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
    const text = 'projektmappen er beskyttet med adgangskode. Fjern adgangskoden i Excel (Filer → Oplysninger → Beskyt projektmappe) og prøv igen.';
    refused(await indsats('validate', encrypted), 2, `${encrypted}: ${text}`);
    refused(await indsats('repair', encrypted, '-o', tmp.path('enc-ud.xlsx')), 2, text);
    refused(await indsats('validate', encrypted, '--lang', 'en'), 2, 'the workbook is password-protected. Remove the password in Excel (File → Info → Protect workbook) and try again.');
    const xls = tmp.path('gammel.xls');
    writeFileSync(xls, compoundFile(['Root Entry', 'Workbook', '\u0005SummaryInformation']));
    refused(await indsats('validate', xls), 2, 'er ikke en Excel-projektmappe (.xlsx). Gem den som .xlsx');
  });

  it('a folder or a device given as the workbook is named as such', async () => {
    refused(await indsats('validate', tmp.dir), 2, `${tmp.dir} er en mappe, ikke en projektmappe`);
    refused(await indsats('validate', '/dev/zero', '--lang', 'en'), 2, '/dev/zero is not a regular file');
  });
});

describe('import-refunds', () => {
  const header = 'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb';

  it('a folder as the refund file is named a folder (not "findes ikke")', async () => {
    const folder = tmp.path('refusioner');
    mkdirSync(folder);
    const out = tmp.path('refusion-ud.xlsx');
    refused(await indsats('import-refunds', demo, folder, '-o', out), 2, `${folder} er en mappe, ikke en refusionsfil`);
    refused(await indsats('import-refunds', demo, folder, '-o', out, '--lang', 'en'), 2, `${folder} is a folder, not a refund file`);
    refused(await indsats('import-refunds', demo, tmp.path('mangler.csv'), '-o', out), 2, 'mangler.csv findes ikke.');
    expect(existsSync(out)).toBe(false);
  });

  it('a file with only a header imports nothing, with exit 1', async () => {
    // Before: "Importerede 0 linjer", exit 0, and a copy of the workbook written.
    const file = tmp.path('kun-overskrift.csv');
    writeFileSync(file, `\uFEFF${header}\r\n`);
    const out = tmp.path('tom-ud.xlsx');
    refused(await indsats('import-refunds', demo, file, '-o', out), 1, 'kun-overskrift.csv er ikke importeret: filen har ingen linjer');
    refused(await indsats('import-refunds', demo, file, '-o', out, '--lang', 'en'), 1, 'kun-overskrift.csv was not imported: the file has no lines');
    expect(existsSync(out)).toBe(false);
  });
});

it('the installed command gives our text for an unknown option, not Node\'s', () => {
  const run = indsatsBin('repair', demo, '-o', tmp.path('x.xlsx'), '--bogus');
  expect(run).toMatchObject({ code: 2, out: '', err: "Ukendt valg '--bogus'. Se indsats --help.\n" });
  expect(indsatsBin('--bogus', '--lang', 'en').err).toBe("Unknown option '--bogus'. See indsats --help.\n");
});
