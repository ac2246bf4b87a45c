// Offline checks of manifest.xml. The authoritative validator (`npm run validate`) needs the
// network; these catch the mistakes that otherwise only show up when Office loads the add-in.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';

const ROOT = join(__dirname, '..', '..');
const DEV_URL = 'https://localhost:3000/';
const APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const manifestText = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function parseStrict(xml: string): Document {
  // Treat warnings as failures too: Office's parser is less forgiving than xmldom's.
  const onError = (level: string, message: string) => {
    throw new Error(`${level}: ${message}`);
  };
  return new DOMParser({ onError }).parseFromString(xml, 'text/xml');
}

const root = parseStrict(manifestText).documentElement as Element;

function children(parent: Element, name: string, ns = APP): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType === 1 && el.localName === name && el.namespaceURI === ns) found.push(el);
  }
  return found;
}

function child(parent: Element, name: string): Element {
  const [el] = children(parent, name);
  if (!el) throw new Error(`<${parent.localName}> has no <${name}>`);
  return el;
}

function descendants(name: string, ns: string): Element[] {
  const list = root.getElementsByTagNameNS(ns, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i) as Element);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<Configuration>;
interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, absoluteFrom: string) => string | Buffer;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const webpackConfig = require('../../webpack.config.js') as ConfigFactory;

/** The config as `npm run build` sees it; the factory reads ADDIN_URL on each call. */
function loadWebpackConfig(): Promise<Configuration> {
  return webpackConfig({ WEBPACK_BUILD: true }, { mode: 'production' });
}

function copyPatterns(config: Configuration): CopyPattern[] {
  return (config.plugins ?? [])
    .filter((p) => p instanceof CopyWebpackPlugin)
    .flatMap((p) => (p as unknown as { patterns: CopyPattern[] }).patterns);
}

/** Files webpack writes to dist/: HTML pages plus the expansion of every copy pattern. */
function emittedFiles(config: Configuration): Set<string> {
  const files = new Set<string>();
  for (const plugin of config.plugins ?? []) {
    if (plugin instanceof HtmlWebpackPlugin) files.add(String(plugin.userOptions.filename));
  }
  for (const { from, to } of copyPatterns(config)) {
    const dir = dirname(from);
    const glob = new RegExp(`^${basename(from).replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => glob.test(f))) {
      const ext = extname(file);
      files.add(to.replace('[name]', basename(file, ext)).replace('[ext]', ext));
    }
  }
  return files;
}

describe('manifest.xml', () => {
  it('is a task pane add-in manifest for Excel', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(APP);
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    expect(children(child(root, 'Hosts'), 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
  });

  it('has the required top-level elements', () => {
    const text = (name: string) => child(root, name).textContent?.trim();
    const value = (name: string) => child(root, name).getAttribute('DefaultValue');
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text('ProviderName')).toBe('Indsatsmonitor');
    expect(text('DefaultLocale')).toBe('da-DK');
    expect(value('DisplayName')).toBe('Indsatsmonitor');
    expect(value('Description')).toBeTruthy();
    const overrides = children(child(root, 'Description'), 'Override');
    expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
    expect(value('IconUrl')).toBeTruthy();
    expect(value('HighResolutionIconUrl')).toBeTruthy();
    expect(text('Permissions')).toBe('ReadWriteDocument');
    expect(child(child(root, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe(
      `${DEV_URL}taskpane.html`,
    );
    expect(children(root, 'AppDomains')).toEqual([]);
  });

  it('requires ExcelApi 1.7 (1.8 features are checked at runtime)', () => {
    const sets = children(child(child(root, 'Requirements'), 'Sets'), 'Set');
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.7']]);
  });

  it('points every icon at a PNG in assets/ with the declared pixel size', () => {
    const imageUrls = new Map(descendants('Image', BT).map((img) => [img.getAttribute('id'), img.getAttribute('DefaultValue')]));
    const icons: Array<[string | null | undefined, number]> = [
      [child(root, 'IconUrl').getAttribute('DefaultValue'), 32],
      [child(root, 'HighResolutionIconUrl').getAttribute('DefaultValue'), 64],
      ...descendants('Image', BT)
        .filter((img) => img.hasAttribute('size'))
        .map((img): [string | null | undefined, number] => [imageUrls.get(img.getAttribute('resid')), Number(img.getAttribute('size'))]),
    ];
    expect(icons.length).toBeGreaterThan(2);
    for (const [url, size] of icons) {
      expect(url).toMatch(new RegExp(`^${DEV_URL}assets/[\\w-]+\\.png$`));
      expect({ url, ...pngSize(join(ROOT, url!.slice(DEV_URL.length))) }).toEqual({ url, width: size, height: size });
    }
  });

  it('defines every resource that a resid refers to', () => {
    const defined = new Set(descendants('*', BT).map((el) => el.getAttribute('id')).filter(Boolean));
    const referenced = [...manifestText.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
  });

  it('only uses dev-server URLs, each for a page or asset that webpack emits', async () => {
    const emitted = emittedFiles(await loadWebpackConfig());
    const urls = [...manifestText.matchAll(/\b(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      expect({ url, emitted: emitted.has(url.slice(DEV_URL.length).split(/[?#]/)[0]) }).toEqual({ url, emitted: true });
    }
    expect(emitted.has('manifest.xml')).toBe(true);
  });

  it('names exactly the ribbon functions that commands.ts registers', () => {
    const source = readFileSync(join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    const registered = [...source.matchAll(/Office\.actions\.associate\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    const inManifest = descendants('FunctionName', 'http://schemas.microsoft.com/office/taskpaneappversionoverrides').map(
      (el) => el.textContent?.trim(),
    );
    expect(inManifest.sort()).toEqual(['refreshOverview', 'validateActiveSheet']);
    expect(registered.sort()).toEqual(inManifest);
  });
});

describe('webpack manifest copy', () => {
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  async function copiedManifest(): Promise<string> {
    const pattern = copyPatterns(await loadWebpackConfig()).find((p) => p.from === 'manifest.xml');
    return pattern!.transform!(Buffer.from(manifestText), join(ROOT, 'manifest.xml')).toString();
  }

  it('keeps the dev URLs when ADDIN_URL is not set', async () => {
    delete process.env.ADDIN_URL;
    expect(await copiedManifest()).toBe(manifestText);
  });

  it('rewrites every dev URL to ADDIN_URL', async () => {
    process.env.ADDIN_URL = 'https://addins.example.dk/indsatsmonitor';
    const copied = await copiedManifest();
    expect(copied).not.toContain('localhost');
    expect(copied).toContain('"https://addins.example.dk/indsatsmonitor/taskpane.html"');
    expect(() => parseStrict(copied)).not.toThrow();
  });

  it('refuses a non-https ADDIN_URL', async () => {
    process.env.ADDIN_URL = 'http://addins.example.dk/';
    await expect(loadWebpackConfig()).rejects.toThrow(/https/);
  });
});
