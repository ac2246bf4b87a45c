/**
 * The built task pane in real Chromium with the in-memory Excel stand-in in place of office.js:
 * set up a workbook → add an initiative → paste a row with mistakes → validate → click a finding
 * (the selection moves) → apply a suggestion → the finding is gone. Screenshots in test/artifacts/.
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium, serve, standinBundle } from '../helpers/browser';

const dist = join(__dirname, '../../dist');
const artifacts = join(__dirname, '../artifacts');

type Standin = { workbook: { sheetNames(): string[]; selection(): { sheet: string; address: string } | undefined; value(s: string, a: string): unknown; userEdit(s: string, a: string, v: unknown[][]): void } };
const standin = <T>(page: Page, f: (s: Standin) => T) => page.evaluate(`(${f.toString()})(window.__standin)`) as Promise<T>;

/** Per step on a loaded 2-core machine (Playwright waits up to STEP_MS / 2 for each element). */
const STEP_MS = 120_000;

describeWithChromium('task pane in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let step = 0;
  /** What Chromium reported as blocked by the Content-Security-Policy while the tests ran. */
  const violations: string[] = [];
  const shot = async (name: string) => {
    step += 1;
    await page.screenshot({ path: join(artifacts, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    if (!existsSync(join(dist, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run `npm run build` first (npm test does).');
    mkdirSync(artifacts, { recursive: true });
    const officeJs = standinBundle();
    server = await serve(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'da-DK' });
    page.setDefaultTimeout(STEP_MS / 2);
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (url.includes('appsforoffice.microsoft.com')) return route.fulfill({ body: officeJs, contentType: 'application/javascript' });
      return route.abort(); // the add-in makes no other network calls; fail loudly if it tries
    });
  }, STEP_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the Danish task pane', async () => {
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('heading', { name: 'Indsatsmonitor' }).waitFor();
    for (const tab of ['Opsætning', 'Validering', 'Overblik', 'Økonomi']) await page.getByRole('tab', { name: tab }).waitFor();
    await shot('start');
  }, STEP_MS);

  it('sets up the workbook', async () => {
    await page.getByRole('button', { name: 'Opret eller reparer strukturen' }).click();
    await page.getByText(/Strukturen er på plads: \d+ tilføjelser\./).waitFor();
    expect(await standin(page, (s) => s.workbook.sheetNames())).toEqual(expect.arrayContaining(['Taksonomier', 'Indsatser', 'Statuslog', 'Økonomi']));
    await shot('setup');
  }, STEP_MS);

  it('adds an initiative with its tracking sheet', async () => {
    const form = page.getByRole('form', { name: 'Ny indsats' });
    await form.getByRole('textbox', { name: /^ID/ }).fill('ITMV');
    await form.getByRole('textbox', { name: /^Navn/ }).fill('I Tråd Med Verden');
    await form.getByRole('spinbutton', { name: 'Pladser' }).fill('12');
    await form.getByRole('button', { name: 'Tilføj indsats' }).click();
    await page.getByText('Indsatsen ITMV er tilføjet, og arket ITMV er oprettet.').waitFor();
    expect(await standin(page, (s) => s.workbook.sheetNames())).toContain('ITMV');
    await shot('initiative');
  }, STEP_MS);

  it('validates a pasted row with mistakes, jumps to the cell and applies the suggestion', async () => {
    await standin(page, (s) => s.workbook.userEdit('ITMV', 'A5:J5', [['ITMV-001', '15-08-2017', 'Aktivitetsparate kontanthjælpsmodtagre', 1, 'I forløb', '20-08-2017', '', 0, 34, 'ring 0101901234']]));
    await page.getByRole('tab', { name: 'Validering' }).click();
    await page.getByRole('button', { name: 'Valider aktivt ark' }).click();
    await page.getByText('2 fejl og 0 advarsler – arket ITMV').waitFor();
    await page.getByText("'Aktivitetsparate kontanthjælpsmodtagre' findes ikke i Målgrupper. Mente du 'Aktivitetsparate kontanthjælpsmodtagere'?").waitFor();
    await page.getByText(/ser ud til at indeholde et CPR-nummer \(010190-\*\*\*\*\)/).waitFor();
    await shot('findings');

    await page.getByRole('button', { name: 'Gå til C5' }).click();
    await page.waitForFunction(() => JSON.stringify((window as unknown as { __standin: Standin }).__standin.workbook.selection()) === JSON.stringify({ sheet: 'ITMV', address: 'C5' }));

    await page.getByRole('button', { name: 'Brug forslag' }).click();
    await page.getByRole('dialog').getByText('Forslaget skrives i 1 celle. Det der står der nu, erstattes.').waitFor();
    await shot('confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Skriv' }).click();
    await page.getByText('Forslaget er skrevet i cellen.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('1 fejl og 0 advarsler – arket ITMV').waitFor();
    expect(await page.getByText(/findes ikke i Målgrupper/).count()).toBe(0);
    expect(await standin(page, (s) => s.workbook.value('ITMV', 'C5'))).toBe('Aktivitetsparate kontanthjælpsmodtagere');
    await shot('applied');
  }, STEP_MS);

  it('runs under a strict Content-Security-Policy (its own scripts and Office\'s CDN, no inline scripts) and breaks none of it', async () => {
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    const policy = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html)?.[1];
    expect(policy).toBeDefined();
    // First in <head>: it governs office.js too.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('appsforoffice.microsoft.com/lib'));
    const directives = Object.fromEntries(policy!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i); // no inline script
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toBe(policy);
    expect(violations).toEqual([]);
  }, STEP_MS);
});
