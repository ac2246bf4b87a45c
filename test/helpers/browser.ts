/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and a static server
 * for the built task pane with the in-memory Excel stand-in served in place of office.js.
 */
import { existsSync, readFileSync } from 'fs';
import { createServer, type Server } from 'http';
import { extname, join, normalize } from 'path';
import type { AddressInfo } from 'net';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const chromiumInstalled = () => existsSync(CHROMIUM);

/** Registers a suite needing Chromium: fails in CI when it is missing (CI installs it), skips locally. */
export function describeWithChromium(name: string, suite: () => void): void {
  if (chromiumInstalled()) describe(name, suite);
  else if (process.env.CI) {
    describe(name, () => it('has Chromium (CI installs it)', () => {
      throw new Error(`${CHROMIUM} is missing, but CI is set: CI must install Debian's chromium.`);
    }));
  } else {
    console.warn(`${CHROMIUM} is missing: skipping "${name}". apt-get install chromium to run it.`);
    describe.skip(name, suite);
  }
}

/**
 * The stand-in bundled for the browser (it replaces office.js, so it must define Office and Excel).
 * `entry`: another entry point, e.g. one that fills the workbook first (paths from the repository root).
 */
export function standinBundle(entry = 'test/standin/browser-entry.ts'): string {
  const result = buildSync({
    entryPoints: [join(process.cwd(), entry)], // run from the repository root (jest, npm run bench)
    bundle: true, platform: 'browser', format: 'iife', target: 'es2020', write: false, logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.png': 'image/png', '.xml': 'application/xml', '.css': 'text/css' };

/** Serves a folder on 127.0.0.1 (a free port). */
export async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Appended to the stand-in bundle: Office's display language and theme as the pane will read them. */
export function officeSettings(options: { displayLanguage?: string; dark?: boolean }): string {
  const context = [
    options.displayLanguage ? `Office.context.displayLanguage = ${JSON.stringify(options.displayLanguage)};` : '',
    options.dark ? "Office.context.officeTheme = { bodyBackgroundColor: '#1f1f1f', bodyForegroundColor: '#ffffff' };" : '',
  ];
  return `\n;${context.join('\n')}\n`;
}

/**
 * axe-core on the page (injected with addScriptTag): the serious and critical violations as
 * "rule: target" strings, less aria-hidden-focus on Fluent's focus sentinels (tabster's dummy
 * inputs, aria-hidden by design).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // From the pane's own origin, as a file: the pane's CSP allows 'self' scripts and no inline ones.
    const url = `${new URL(page.url()).origin}/__test__/axe.min.js`;
    await page.route(url, (route) => route.fulfill({ path: require.resolve('axe-core/axe.min.js'), contentType: 'application/javascript' }));
    await page.addScriptTag({ url });
  }
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html })) }));
  })) as { id: string; impact: string; nodes: { target: string; html: string }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))).map((n) => `${v.id}: ${n.target}`));
}

/** Whether the pane scrolls sideways: its root and the page wider than their boxes. */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main')!;
    const root = document.documentElement;
    return { main: main.scrollWidth - main.clientWidth, page: root.scrollWidth - root.clientWidth };
  });
