/**
 * The browser program (tsconfig.src.json: what runs in Excel, type-checked with browser types only)
 * holds the .xlsx adapter's new-workbook builder and the browser reader the pane loads (not the
 * reader's Node entry, the package writer or the Node file workbook), and no Node types: a declaration
 * that references @types/node (JSZip's does) would put Buffer and process into the whole program.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

it('type-checks the pane\'s new-workbook builder and reader without @types/node', () => {
  const root = join(__dirname, '..', '..');
  const files = execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.src.json', '--listFilesOnly'], { cwd: root, encoding: 'utf8' })
    .split('\n').map((f) => f.trim()).filter(Boolean);
  const ours = files.filter((f) => f.startsWith(join(root, 'src'))).map((f) => f.slice(root.length + 1));
  expect(ours).toEqual(expect.arrayContaining(['src/xlsx/newWorkbookBuilder.ts', 'src/xlsx/xlsxBytes.ts', 'src/xlsx/apply.ts', 'src/xlsx/charts.ts', 'src/xlsx/jszipBrowser.d.ts', 'src/xlsx/reader/browser.ts', 'src/xlsx/reader/platform.browser.ts', 'src/xlsx/reader/zip.ts']));
  expect(ours.filter((f) => /^src\/xlsx\/package\/|^src\/xlsx\/reader\/(index|platform\.node)\.ts$|^src\/xlsx\/(fileWorkbook|write|atomicWrite|read|zip)\.ts$/.test(f))).toEqual([]);
  expect(files.filter((f) => f.includes('@types/node'))).toEqual([]);
}, 60_000);
