/**
 * The built task pane in real Chromium with the in-memory Excel stand-in in place of office.js.
 *
 * 1. The daily flow at 320 px (Excel's narrowest pane): set up a workbook → add an initiative →
 *    paste a row with mistakes → validate (heard through the live region) → click a finding (the
 *    selection moves) → the confirm dialog, cancelled (focus back on the button) and confirmed →
 *    register a status change with the keyboard (*Ny status*) and find the row in the stand-in.
 * 2. Other workbooks (#13): two teams' .xlsx files given to *Saml projektmapper* (a clash refused
 *    first, a CSV refused naming the file), brought into an empty stand-in workbook; then a
 *    partner's copy given to *Indlæs partnerudgave*: exactly the added, changed and deleted row
 *    shown, the ticked change written into the stand-in.
 * 3. *Lav partnerudgave* on the demo: ITMV chosen, the copy built in the browser and opened with
 *    Excel.createWorkbook (its base64 read back here by the streaming reader: ITMV's rows only); then
 *    an Excel without ExcelApi 1.8: the Danish message and a download of the same file.
 * 4. Every tab of the demo workbook at 320, 350 and 450 px, light and dark, Danish and English: no
 *    sideways scrolling, no serious or critical axe-core violation. Screenshots at 320 px in docs/.
 * One browser and one page throughout; each step has its own timeout for a loaded machine.
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, describeWithChromium, horizontalOverflow, officeSettings, serve, standinBundle } from '../helpers/browser';
import { excelSerial, todayLocal } from '../../src/domain/parse/calendarDate';
import { demoRows } from '../../src/demo/demoData';
import { participantTableName, TABLE_NAMES } from '../../src/domain/model/schema';
import type { CellValue } from '../../src/domain/parse/cell';
import { makePartnerWorkbook } from '../../src/operations/portfolio';
import { planStructure } from '../../src/workbook/structure';
import { newXlsxWorkbook, openXlsxWorkbook } from '../../src/xlsx/fileWorkbook';
import { tempDir } from '../xlsx/fixtures';
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/xlsx/reader';
import { demoWorkbook, indsats } from '../cli/helpers';
import { tablesOf, type WorkbookRead } from '../../src/workbook/read';
import { editPartnerCopy } from '../helpers/partnerEdit';

const dist = join(__dirname, '../../dist');
const artifacts = join(__dirname, '../artifacts');
// The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; otherwise they go to test/artifacts/ (a test run changes no committed file).
const docs = process.env.UPDATE_SCREENSHOTS ? join(__dirname, '../../docs') : join(__dirname, '../artifacts');

const tmp = tempDir('indsats-browser-');
afterAll(() => tmp.cleanup());

/** A team's workbook with some of the demo's initiatives (as test/cli/portfolio.test.ts splits the demo); `rename` changes a register name (a clash). */
async function teamWorkbook(ids: string[], rename?: Record<string, string>): Promise<Buffer> {
  const all = demoRows();
  const mine = (rows: CellValue[][]) => rows.filter((r) => ids.includes(String(r[0])));
  const rows: Record<string, CellValue[][]> = {
    [TABLE_NAMES.initiatives]: mine(all[TABLE_NAMES.initiatives]).map((r) => (rename?.[String(r[0])] ? [r[0], rename[String(r[0])], ...r.slice(2)] : r)),
    [TABLE_NAMES.statusLog]: mine(all[TABLE_NAMES.statusLog]),
    [TABLE_NAMES.budget]: mine(all[TABLE_NAMES.budget]),
    [TABLE_NAMES.postings]: mine(all[TABLE_NAMES.postings]),
  };
  for (const id of ids) rows[participantTableName(id)] = all[participantTableName(id)];
  const workbook = newXlsxWorkbook();
  await workbook.apply(planStructure({ sheets: [] }, { lang: 'da', rows }));
  const file = tmp.path(`team-${ids[0]}-${rename ? 'x' : 'a'}.xlsx`);
  await workbook.save(file);
  return readFileSync(file);
}

/** The partner's copy for ITMV from team A's workbook, edited by openpyxl (a writer not ours): one status changed, one row deleted, one added. */
async function editedPartnerCopy(teamA: Buffer): Promise<Buffer> {
  const target = newXlsxWorkbook();
  await makePartnerWorkbook(await openXlsxWorkbook(teamA), target, 'ITMV', 'da');
  const copy = tmp.path('itmv-partner.xlsx');
  const edited = tmp.path('itmv-partner-edited.xlsx');
  await target.save(copy);
  editPartnerCopy(copy, edited);
  return readFileSync(edited);
}

type Standin = {
  workbook: { sheetNames(): string[]; activeSheet(): string | undefined; selection(): { sheet: string; address: string } | undefined; value(s: string, a: string): unknown; userEdit(s: string, a: string, v: unknown[][]): void };
  office: { createdWorkbooks: string[]; maxVersions: Record<string, string> };
};
const standin = <T>(page: Page, f: (s: Standin) => T) => page.evaluate(`(${f.toString()})(window.__standin)`) as Promise<T>;

/** Per step on a loaded 2-core machine (Playwright waits up to STEP_MS / 2 for each element). */
const STEP_MS = 120_000;
const TABS = { register: 'Registrer', validation: 'Validering', overview: 'Overblik', economy: 'Økonomi', setup: 'Opsætning' } as const;
const TABS_EN = ['Register', 'Validation', 'Overview', 'Finance', 'Set-up'];
const SHOTS: Record<keyof typeof TABS, string> = { register: 'registrer', validation: 'validering', overview: 'overblik', economy: 'oekonomi', setup: 'opsaetning' };

describeWithChromium('task pane in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let officeJs = '';
  const bundles = { empty: '', demo: '' };
  let step = 0;
  /** What Chromium reported as blocked by the Content-Security-Policy while the tests ran. */
  const violations: string[] = [];
  const shot = async (name: string) => {
    step += 1;
    await page.screenshot({ path: join(artifacts, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
  /** The pane itself, without the live region (which repeats the results for screen readers). */
  const pane = () => page.locator('main');
  const open = async (bundle: string, size: { width: number; height: number }) => {
    officeJs = bundle;
    await page.setViewportSize(size);
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('tab', { name: /^(Registrer|Register)$/ }).waitFor();
  };

  beforeAll(async () => {
    if (!existsSync(join(dist, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run `npm run build` first (npm test does).');
    mkdirSync(artifacts, { recursive: true });
    bundles.empty = standinBundle();
    bundles.demo = standinBundle('test/browser/demo-entry.ts');
    server = await serve(dist);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 320, height: 800 }, locale: 'da-DK' });
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

  describe('the daily flow at 320 px', () => {
    it('opens with the Danish task pane, the add-in name only for screen readers', async () => {
      await open(bundles.empty, { width: 320, height: 800 });
      for (const tab of Object.values(TABS)) await page.getByRole('tab', { name: tab }).waitFor();
      await page.getByRole('heading', { name: 'Indsatsmonitor', level: 1 }).waitFor({ state: 'attached' });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
      await pane().getByText('Projektmappen har ingen opfølgningsark endnu.', { exact: false }).waitFor();
      await shot('start');
    }, STEP_MS);

    it('sets up the workbook and adds an initiative', async () => {
      await page.getByRole('button', { name: 'Gå til Opsætning' }).click();
      await page.getByRole('button', { name: 'Opret eller reparer strukturen' }).click();
      await pane().getByText(/Strukturen er på plads: \d+ tilføjelser\./).waitFor();
      await page.waitForFunction(() => /Strukturen er på plads/.test(document.getElementById('pane-announcer')?.textContent ?? ''));
      expect(await standin(page, (s) => s.workbook.sheetNames())).toEqual(expect.arrayContaining(['Taksonomier', 'Indsatser', 'Statuslog', 'Økonomi']));
      const form = page.getByRole('form', { name: 'Ny indsats' });
      await form.getByRole('textbox', { name: /^ID/ }).fill('I Tråd');
      await pane().getByText('”I Tråd” kan ikke bruges som ID: mellemrum og ”å” kan ikke bruges (kun a-z, tal og _).').waitFor();
      await form.getByRole('textbox', { name: /^ID/ }).fill('ITMV');
      await form.getByRole('textbox', { name: /^Navn/ }).fill('I Tråd Med Verden');
      await form.getByRole('textbox', { name: 'Pladser' }).fill('12');
      await form.getByRole('button', { name: 'Tilføj indsats' }).click();
      await pane().getByText('Indsatsen ITMV er tilføjet, og arket ITMV er oprettet.').waitFor();
      expect(await standin(page, (s) => s.workbook.sheetNames())).toContain('ITMV');
      await shot('initiative');
    }, STEP_MS);

    it('validates a pasted row with mistakes, says the result aloud and shows the findings on the first screen', async () => {
      // The dates as Excel stores dates typed in a Danish Excel (15-08-2017, 20-08-2017): serials, not text.
      await standin(page, (s) => s.workbook.userEdit('ITMV', 'A5:J5', [['ITMV-001', 42962, 'Aktivitetsparate kontanthjælpsmodtagre', 1, 'I forløb', 42967, '', 0, 34, 'ring 0101901234']]));
      await page.getByRole('tab', { name: 'Validering' }).click();
      await page.getByRole('button', { name: 'Valider aktivt ark' }).click();
      await pane().getByText('2 fejl og 0 advarsler på arket ITMV.').waitFor();
      await pane().getByText(/^1 række på arket ITMV, tjekket kl\. \d\d\.\d\d\.$/).waitFor();
      await page.waitForFunction(() => document.getElementById('pane-announcer')?.textContent === '2 fejl og 0 advarsler på arket ITMV.');
      await pane().getByText('”Aktivitetsparate kontanthjælpsmodtagre” er ikke en målgruppe på listen. Mente du ”Aktivitetsparate kontanthjælpsmodtagere”?').waitFor();
      await pane().getByText(/ser ud til at indeholde et CPR-nummer \(010190-\*\*\*\*\)/).waitFor();
      const first = await page.getByRole('button', { name: 'Gå til C5' }).boundingBox();
      expect(first!.y + first!.height).toBeLessThan(800); // on the first screen of an 800 px high pane
      await page.getByRole('button', { name: 'ITMV 2 fejl' }).waitFor(); // the sheet's counts read as words
      await page.screenshot({ path: join(docs, 'taskpane-validering.png'), fullPage: true });
      await shot('findings');
    }, STEP_MS);

    it('jumps to the cell, and returns focus to the button after the confirm dialog', async () => {
      await page.getByRole('button', { name: 'Gå til C5' }).click();
      await page.waitForFunction(() => JSON.stringify((window as unknown as { __standin: Standin }).__standin.workbook.selection()) === JSON.stringify({ sheet: 'ITMV', address: 'C5' }));

      const apply = page.getByRole('button', { name: 'Brug forslag' });
      await apply.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').getByText('Forslaget skrives i 1 celle. Det, der står der nu, erstattes.').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'Brug forslag');

      await page.keyboard.press('Enter');
      await shot('confirm');
      await page.getByRole('dialog').getByRole('button', { name: 'Skriv' }).click();
      await pane().getByText('Forslaget er skrevet i cellen.').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await pane().getByText('1 fejl og 0 advarsler på arket ITMV.').waitFor();
      // The button went with its finding: focus is on the result, not at the top of the pane.
      await page.waitForFunction(() => document.activeElement?.textContent?.includes('1 fejl og 0 advarsler på arket ITMV.') ?? false);
      await page.waitForFunction(() => document.getElementById('pane-announcer')?.textContent === 'Forslaget er skrevet i cellen. 1 fejl og 0 advarsler på arket ITMV.');
      expect(await pane().getByText(/er ikke en målgruppe på listen/).count()).toBe(0);
      expect(await standin(page, (s) => s.workbook.value('ITMV', 'C5'))).toBe('Aktivitetsparate kontanthjælpsmodtagere');
      await shot('applied');
    }, STEP_MS);

    it('writes Fejl without making it the sheet the next "Valider aktivt ark" checks', async () => {
      await page.getByRole('button', { name: 'Skriv til arket Fejl' }).click();
      await pane().getByText('Fundene er skrevet på arket Fejl.', { exact: false }).waitFor();
      expect(await standin(page, (s) => s.workbook.activeSheet())).toBe('Fejl');
      await page.getByRole('button', { name: 'Valider aktivt ark' }).click();
      await pane().getByText('1 fejl og 0 advarsler på arket ITMV. Arket Fejl er skrevet af Indsatsmonitor, så arket ITMV er tjekket igen.').waitFor();
      await standin(page, (s) => s.workbook.userEdit('ITMV', 'J5', [['']])); // the CPR number out, for the registration below
    }, STEP_MS);

    it('registers "praktik started today" for an existing participant in 7 keystrokes (Ny status)', async () => {
      await page.getByRole('tab', { name: 'Registrer' }).click(); // 1 click
      const participant = page.getByRole('combobox', { name: /^Deltager/ });
      await page.waitForFunction(() => document.activeElement?.id === 'reg-participant'); // the form opens with focus in Deltager
      const keys = ['0', '0', '1', 'Tab', 'p', 'r', 'Enter'];
      for (const key of keys) {
        await page.keyboard.press(key);
        if (key === '1') await pane().getByText('ITMV-001 · Nu: I forløb, trin 1').waitFor();
        if (key === 'r') await pane().getByText('Trin 3 følger af statussen.').waitFor();
      }
      expect(keys).toHaveLength(7);
      await pane().getByText('ITMV-001 er registreret som ”I virksomhedspraktik” i række 5 på arket ITMV.').waitFor();
      await pane().getByText('Rækken er tjekket: ingen fejl eller advarsler.').waitFor();
      await page.waitForFunction(() => document.getElementById('pane-announcer')?.textContent?.startsWith('ITMV-001 er registreret') ?? false);
      const row = await standin(page, (s) => ['D5', 'E5', 'F5'].map((a) => s.workbook.value('ITMV', a)));
      expect(row).toEqual([3, 'I virksomhedspraktik', excelSerial(todayLocal())]);
      expect(await participant.inputValue()).toBe(''); // ready for the next one
      await page.waitForFunction(() => document.activeElement?.id === 'reg-participant');
      await shot('registered');
    }, STEP_MS);

    it('freezes today\'s figures through the confirmation, and withdraws the snapshot (marked, not deleted)', async () => {
      const today = todayLocal();
      const date = `${today.slice(8, 10)}-${today.slice(5, 7)}-${today.slice(0, 4)}`;
      await page.getByRole('tab', { name: 'Overblik' }).click();
      await page.getByRole('button', { name: 'Gem dagens tal' }).click();
      const dialog = page.getByRole('dialog', { name: `Frys tallene pr. ${date}?` });
      await dialog.getByText('Der er ingen fejl i projektmappen.').waitFor();
      await dialog.getByRole('listitem').filter({ hasText: 'ITMV' }).getByText('Borgere i alt').waitFor();
      await shot('freeze-confirm');
      expect(await standin(page, (s) => s.workbook.sheetNames())).not.toContain('Statusfotos'); // nothing before the confirmation
      await dialog.getByRole('button', { name: 'Frys tallene' }).click();
      await pane().getByText(`Tallene pr. ${date} er gemt på arket Statusfotos.`).waitFor();
      expect(await standin(page, (s) => s.workbook.sheetNames())).toContain('Statusfotos');

      await page.getByRole('button', { name: `Træk statusfotoet pr. ${date} tilbage` }).click();
      const ask = page.getByRole('dialog', { name: `Træk statusfotoet pr. ${date} tilbage?` });
      await ask.getByRole('button', { name: 'Træk tilbage' }).click();
      await pane().getByText(`Statusfotoet pr. ${date} er trukket tilbage (1 række markeret; intet er slettet).`).waitFor();
      await pane().getByText(`trukket tilbage ${date}`).waitFor();
      // The row is still there, with the day of the withdrawal in the column after the figures (L5).
      const row = await standin(page, (s) => ['B5', 'L5'].map((a) => s.workbook.value('Statusfotos', a)));
      expect(row).toEqual(['ITMV', excelSerial(today)]);
      await shot('withdrawn');
    }, STEP_MS);

    it('takes a hand-kept sheet into use from the finding that says it was not checked (#10)', async () => {
      await standin(page, (s) => {
        s.workbook.userEdit('Ark1', 'A1', [['JobFirst – deltagere 2016']]);
        s.workbook.userEdit('Ark1', 'A3:F8', [
          ['Navn/ID', 'Start', 'Målgruppe', 'Trin', 'Forløbsstatus', 'Bemærkninger'],
          ['JF-01', '15/8 2016', 'KH-AP', 3, 'i praktik', ''],
          ['JF-02', '29/8', 'KH-AP', 1, 'I forløb', 'ring senere'],
          ['', '', '', '', '', ''],
          ['JF-03', '1. sep 2016', 'KH-AP', 2, 'I forløb', ''],
          ['I alt', 3, '', '', '', ''],
        ]);
      });
      await page.getByRole('tab', { name: 'Validering' }).click();
      await page.getByRole('button', { name: 'Valider hele projektmappen' }).click();
      await page.getByRole('button', { name: 'Ark1 Info' }).click(); // a sheet new in the list opens closed
      await pane().getByText(/^Arket ”Ark1” er ikke tjekket: det er ikke en del af Indsatsmonitor/).waitFor();
      await page.getByRole('button', { name: 'Tag i brug' }).click();
      await shot('adopt-card');
      await pane().getByText('Overskrift i række 3, 3 rækker med data, 1 tom række sprunget over, 1 sumrække udeladt.').waitFor();
      await pane().getByText('Status: ”i praktik” → ”I virksomhedspraktik” (1 række)').waitFor();
      await pane().getByText('Startdato: ”29/8” → ”29-08-2016” (1 række)').waitFor();
      expect(await page.getByRole('combobox', { name: 'E: Forløbsstatus' }).textContent()).toBe('Status');
      await page.getByRole('textbox', { name: /^Indsats-ID/ }).fill('JOBF');
      expect({ overflow: await horizontalOverflow(page) }).toEqual({ overflow: { main: 0, page: 0 } });
      expect(await axeViolations(page)).toEqual([]);
      await shot('adopt');
      await page.getByRole('button', { name: 'Tag i brug' }).click();
      await pane().getByText(/^Arket ”JOBF” er oprettet med 3 rækker\./).waitFor();
      expect(await standin(page, (s) => s.workbook.sheetNames())).toContain('JOBF');
      expect(await standin(page, (s) => ['A5', 'E5', 'A7', 'J6'].map((a) => s.workbook.value('JOBF', a)))).toEqual(['JF-01', 'I virksomhedspraktik', 'JF-03', 'ring senere']);
      // The hand-kept sheet as it was.
      expect(await standin(page, (s) => ['A3', 'B5', 'A6', 'A8'].map((a) => s.workbook.value('Ark1', a)))).toEqual(['Navn/ID', '29/8', null, 'I alt']);
      await shot('adopted');
    }, STEP_MS);
  });

  describe('other workbooks at 320 px: Saml projektmapper and Indlæs partnerudgave (#13)', () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const files: Record<string, Buffer> = {};
    /** Column A of a sheet in the stand-in, rows 1–80 (what the register or a tracking sheet holds). */
    const columnA = (sheet: string) => page.evaluate(`(() => { const s = window.__standin; const out = []; for (let r = 1; r <= 80; r++) out.push(s.workbook.value(${JSON.stringify(sheet)}, 'A' + r)); return out; })()`) as Promise<unknown[]>;
    const consolidatePart = () => pane().getByRole('region', { name: 'Saml projektmapper' });
    const mergePart = () => pane().getByRole('region', { name: 'Indlæs partnerudgave' });

    beforeAll(async () => {
      files.teamA = await teamWorkbook(['ITMV', 'FSM', 'JOBFIRST']);
      files.teamB = await teamWorkbook(['EMP', 'SPEC', 'STRAKS', 'CVJOB']);
      files.clash = await teamWorkbook(['ITMV'], { ITMV: 'I Tråd Med Verden (ny udgave)' });
      files.partner = await editedPartnerCopy(files.teamA);
    }, STEP_MS);

    it('refuses a clash naming both files and a CSV naming the file, writing nothing', async () => {
      await open(bundles.empty, { width: 320, height: 800 });
      await page.getByRole('tab', { name: 'Opsætning' }).click();
      // The picker opens from the keyboard: Enter on the button clicks the hidden file input. (Counted
      // on the input, not by Playwright's filechooser event, whose interception is set up
      // asynchronously and can miss the dialog on a loaded machine.)
      const choose = consolidatePart().getByRole('button', { name: 'Vælg projektmapper …' });
      const input = page.locator('input[type=file][aria-label="Projektmapper, der skal samles"]');
      await input.evaluate((el) => {
        const w = window as unknown as { pickerOpened: number };
        w.pickerOpened = 0;
        el.addEventListener('click', () => { w.pickerOpened += 1; });
      });
      await choose.press('Enter');
      await page.waitForFunction(() => (window as unknown as { pickerOpened: number }).pickerOpened === 1, undefined, { timeout: STEP_MS / 2 });
      expect(await input.evaluate((el) => (el as HTMLInputElement).multiple)).toBe(true);
      await input.setInputFiles([{ name: 'Team A.xlsx', mimeType: xlsx, buffer: files.teamA }, { name: 'Team A ny.xlsx', mimeType: xlsx, buffer: files.clash }]);
      await consolidatePart().getByRole('button', { name: 'Saml 2 projektmapper i denne' }).click();
      await consolidatePart().getByText('Intet er skrevet: 1 problem skal rettes i filerne først.').waitFor();
      await consolidatePart().getByText(/^Indsats-ID ITMV findes i både Team A\.xlsx og Team A ny\.xlsx med forskelligt indhold \(rækken i Indsatser\)/).waitFor();
      expect(await standin(page, (s) => s.workbook.sheetNames())).toEqual(['Ark1']);

      await input.setInputFiles([{ name: 'Deltagere.xlsx', mimeType: xlsx, buffer: Buffer.from('Navn;Start\nAlfa;01-02-2024\n') }]);
      await consolidatePart().getByRole('button', { name: 'Saml 1 projektmappe i denne' }).click();
      await consolidatePart().getByText(/^Deltagere\.xlsx er ikke en Excel-projektmappe \(\.xlsx\).* Intet er skrevet\.$/).waitFor();
      expect(await standin(page, (s) => s.workbook.sheetNames())).toEqual(['Ark1']);
      await shot('consolidate-refused');
    }, STEP_MS);

    it('brings two teams\' workbooks into the open one: the register has the initiatives of both', async () => {
      await page.locator('input[type=file][aria-label="Projektmapper, der skal samles"]').setInputFiles([{ name: 'Team A.xlsx', mimeType: xlsx, buffer: files.teamA }, { name: 'Team B.xlsx', mimeType: xlsx, buffer: files.teamB }]);
      await consolidatePart().getByRole('list', { name: 'Valgte filer' }).getByText('Team B.xlsx').waitFor();
      await consolidatePart().getByRole('button', { name: 'Saml 2 projektmapper i denne' }).click();
      await consolidatePart().getByText(/^Samlet: 2 projektmapper er lagt ind\. Projektmappen har nu 7 indsatser og \d+ deltagerrækker, og Overblik er opdateret\.$/).waitFor();
      await page.waitForFunction(() => /^Samlet: 2 projektmapper/.test(document.getElementById('pane-announcer')?.textContent ?? ''));
      const register = (await columnA('Indsatser')).filter((v) => typeof v === 'string' && /^[A-Z]+$/.test(v));
      expect(register).toEqual(expect.arrayContaining(['ITMV', 'FSM', 'JOBFIRST', 'EMP', 'SPEC', 'STRAKS', 'CVJOB']));
      expect(await standin(page, (s) => s.workbook.sheetNames())).toEqual(expect.arrayContaining(['Indsatser', 'ITMV', 'CVJOB', 'Overblik']));
      expect((await columnA('ITMV')).filter((v) => typeof v === 'string' && v.startsWith('ITMV-'))).toHaveLength(19);
      expect({ overflow: await horizontalOverflow(page) }).toEqual({ overflow: { main: 0, page: 0 } });
      expect(await axeViolations(page)).toEqual([]);
      await shot('consolidated');
    }, STEP_MS);

    it('compares a partner\'s copy: exactly the added, the changed and the deleted row, and writes only the ticked change', async () => {
      const before = await columnA('ITMV');
      await page.locator('input[type=file][aria-label="Partnerudgave, der skal indlæses"]').setInputFiles([{ name: 'ITMV-partner.xlsx', mimeType: xlsx, buffer: files.partner }]);
      await mergePart().getByText('Partnerudgave for ITMV: 1 ny række, 1 ændret række, 1 slettet række.').waitFor();
      expect(await mergePart().getByRole('list', { name: 'Nye rækker (tilføjes)' }).getByRole('listitem').allTextContents()).toEqual(['ITMV-019']);
      const changes = mergePart().getByRole('group', { name: /^Ændrede rækker/ });
      expect(await changes.getByRole('checkbox').count()).toBe(1);
      const box = changes.getByRole('checkbox', { name: 'ITMV-005' });
      expect(await box.isChecked()).toBe(false); // nothing is overwritten unless ticked
      expect(await changes.getByRole('list', { name: 'ITMV-005' }).getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Status: I virksomhedspraktik → I ordinær beskæftigelse \(ITMV!E\d+\)$/)]);
      expect(await mergePart().getByRole('list', { name: 'Slettet hos partneren (beholdes her)' }).getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^ITMV-003 \(ITMV!A\d+\)$/)]);
      expect(await standin(page, (s) => s.workbook.sheetNames())).not.toContain('ITMV-partner'); // a dry run: nothing written
      expect(await columnA('ITMV')).toEqual(before);
      expect({ overflow: await horizontalOverflow(page) }).toEqual({ overflow: { main: 0, page: 0 } });
      expect(await axeViolations(page)).toEqual([]);
      await shot('partner-diff');

      await box.check();
      await mergePart().getByRole('button', { name: 'Indlæs valgte ændringer' }).click();
      await mergePart().getByText('Indlæst: 1 ny række tilføjet, ændringer for 1 deltager skrevet.').waitFor();
      const after = await columnA('ITMV');
      expect(after.filter((v) => typeof v === 'string' && v.startsWith('ITMV-'))).toEqual([...before.filter((v) => typeof v === 'string' && v.startsWith('ITMV-')), 'ITMV-019']);
      const row = after.indexOf('ITMV-005') + 1;
      expect(await page.evaluate(`window.__standin.workbook.value('ITMV', 'E${row}')`)).toBe('I ordinær beskæftigelse');
      expect(after).toContain('ITMV-003'); // deleted by the partner, kept here
      await shot('partner-merged');
    }, STEP_MS);
  });

  describe('Lav partnerudgave (#13.4)', () => {
    /** What a partner copy holds, as the streaming reader reads it. */
    const partnerContent = (read: WorkbookRead) => {
      const tables = Object.fromEntries(tablesOf(read).filter((t) => t.table).map((t) => [t.table!, t.rows.filter((r) => r.some((v) => v !== null && v !== ''))]));
      return {
        sheets: read.sheets.map((s) => s.name),
        register: tables.Indsatser?.map((r) => r[0]),
        participants: tables.Deltagere_ITMV?.length,
        tracking: Object.keys(tables).filter((t) => t.startsWith('Deltagere_')),
        postings: tables.Posteringer?.length, budget: tables.Budget?.length, statusLog: tables.Statuslog?.length,
      };
    };
    const expected = { sheets: ['Taksonomier', 'Indsatser', 'ITMV', 'Statuslog', 'Økonomi'], register: ['ITMV'], participants: 19, tracking: ['Deltagere_ITMV'], postings: 0, budget: 0, statusLog: 0 };
    /** The package's parts as text, all but the creation time. */
    const parts = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const files = Object.values(zip.files).filter((f) => !f.dir).sort((a, b) => a.name.localeCompare(b.name));
      return Object.fromEntries(await Promise.all(files.map(async (f) => [f.name, f.name === 'docProps/core.xml' ? '' : await f.async('string')])));
    };
    const noOtherInitiative = (read: WorkbookRead) => {
      const text = JSON.stringify(read.sheets.map((s) => [s.name, s.tables.map((t) => t.rows)]));
      return ['FSM', 'JOBFIRST', 'FSM-001', 'JF-001', 'EMP-001'].filter((other) => text.includes(`"${other}"`));
    };

    it('builds the copy of ITMV in the browser and opens it with Excel.createWorkbook', async () => {
      await open(bundles.demo, { width: 320, height: 800 });
      await page.getByRole('tab', { name: 'Opsætning' }).click();
      const card = page.getByRole('region', { name: 'Lav partnerudgave' });
      await card.getByRole('combobox', { name: 'Indsats' }).click();
      await page.getByRole('option', { name: 'ITMV – I Tråd Med Verden', exact: true }).click();
      expect({ overflow: await horizontalOverflow(page) }).toEqual({ overflow: { main: 0, page: 0 } });
      expect(await axeViolations(page)).toEqual([]);
      await card.getByRole('button', { name: 'Lav partnerudgave' }).click();
      await card.getByText('Partnerudgaven for ITMV er åbnet som en ny projektmappe i Excel med 19 deltagerrækker. Gem den, og send den til partneren.').waitFor();
      await page.waitForFunction(() => document.getElementById('pane-announcer')?.textContent?.startsWith('Partnerudgaven for ITMV er åbnet') ?? false);
      const created = await standin(page, (s) => s.office.createdWorkbooks);
      expect(created).toHaveLength(1);
      const read = readWorkbookBuffer(Buffer.from(created[0], 'base64'));
      expect(partnerContent(read)).toEqual(expected);
      expect(noOtherInitiative(read)).toEqual([]);
      // ExcelJS's browser build wrote what `indsats partner` writes for the demo file, part for part.
      const demo = join(artifacts, 'partner-demo.xlsx');
      const cli = join(artifacts, 'ITMV-partner-cli.xlsx');
      await demoWorkbook(demo);
      expect(await indsats('partner', demo, '--initiative', 'ITMV', '-o', cli, '--force')).toMatchObject({ code: 0 });
      expect(await parts(Buffer.from(created[0], 'base64'))).toEqual(await parts(readFileSync(cli)));
      // The open workbook is only read.
      expect(await standin(page, (s) => s.workbook.sheetNames())).toContain('FSM');
      expect({ overflow: await horizontalOverflow(page) }).toEqual({ overflow: { main: 0, page: 0 } });
      expect(await axeViolations(page)).toEqual([]);
      await shot('partner-opened');
    }, STEP_MS);

    it('offers the file as a download, with a Danish message, where Excel cannot open a new workbook', async () => {
      await standin(page, (s) => {
        s.office.maxVersions.ExcelApi = '1.7';
      });
      const card = page.getByRole('region', { name: 'Lav partnerudgave' });
      await card.getByRole('button', { name: 'Lav partnerudgave' }).click();
      await card.getByText('Denne Excel kan ikke åbne en ny projektmappe fra et tilføjelsesprogram (det kræver ExcelApi 1.8). Hent partnerudgaven som fil, og åbn den i Excel.').waitFor();
      expect(await standin(page, (s) => s.office.createdWorkbooks.length)).toBe(1); // nothing more was opened
      const link = card.getByRole('link', { name: 'Hent ITMV-partnerudgave.xlsx' });
      expect(await link.getAttribute('href')).toMatch(/^blob:/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('ITMV-partnerudgave.xlsx');
      const file = join(artifacts, 'ITMV-partnerudgave.xlsx');
      await download.saveAs(file);
      const read = readWorkbookBuffer(readFileSync(file));
      expect(partnerContent(read)).toEqual(expected);
      expect(noOtherInitiative(read)).toEqual([]);
      expect({ overflow: await horizontalOverflow(page) }).toEqual({ overflow: { main: 0, page: 0 } });
      expect(await axeViolations(page)).toEqual([]);
      await shot('partner-download');
      await standin(page, (s) => {
        delete s.office.maxVersions.ExcelApi;
      });
    }, STEP_MS);
  });

  describe('every tab, every width, light and dark, Danish and English', () => {
    /** Fills every tab with a result, so each is checked as a user sees it. */
    const fillTabs = async (t: { validation: string; overview: string; economy: string }, run: { validate: RegExp; refresh: RegExp; reconcile: RegExp }, done: { validate: RegExp; refresh: RegExp; reconcile: RegExp }) => {
      await page.getByRole('combobox', { name: /^(Deltager|Participant)/ }).waitFor();
      for (const [tab, button, result] of [[t.validation, run.validate, done.validate], [t.overview, run.refresh, done.refresh], [t.economy, run.reconcile, done.reconcile]] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await page.getByRole('button', { name: button }).click();
        await pane().getByText(result).first().waitFor();
      }
    };
    const check = async (label: string, tabs: string[], widths: number[], screenshots?: (tab: number) => string | undefined) => {
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        for (const [i, tab] of tabs.entries()) {
          await page.getByRole('tab', { name: tab }).click();
          await page.locator('[role="tabpanel"]:not([hidden])').waitFor();
          expect({ at: `${label} ${width} px ${tab}`, overflow: await horizontalOverflow(page) }).toEqual({ at: `${label} ${width} px ${tab}`, overflow: { main: 0, page: 0 } });
          expect({ at: `${label} ${width} px ${tab}`, axe: await axeViolations(page) }).toEqual({ at: `${label} ${width} px ${tab}`, axe: [] });
          const file = width === 320 ? screenshots?.(i) : undefined;
          if (file) await page.screenshot({ path: join(docs, file), fullPage: true });
        }
      }
    };

    it('Danish, light: 320, 350 and 450 px (screenshots of each tab at 320 px in docs/)', async () => {
      await open(bundles.demo, { width: 320, height: 800 });
      await fillTabs(TABS, { validate: /^Valider hele projektmappen$/, refresh: /^Opdater overblik$/, reconcile: /^Afstem og skriv/ }, { validate: /advarsel i projektmappen/, refresh: /Overblikket er opdateret/, reconcile: /Linjen er afstemt|linjer er afstemt|afvigelser/ });
      const keys = Object.keys(TABS) as (keyof typeof TABS)[];
      await check('da light', Object.values(TABS), [320, 350, 450], (i) => (keys[i] === 'validation' ? undefined : `taskpane-${SHOTS[keys[i]]}.png`));
    }, 4 * STEP_MS);

    it('Danish, dark: no white frame, 320 and 350 px', async () => {
      await open(bundles.demo + officeSettings({ dark: true }), { width: 320, height: 800 });
      expect(await page.evaluate(() => [getComputedStyle(document.body).margin, getComputedStyle(document.body).backgroundColor])).toEqual(['0px', 'rgb(41, 41, 41)']);
      await fillTabs(TABS, { validate: /^Valider hele projektmappen$/, refresh: /^Opdater overblik$/, reconcile: /^Afstem og skriv/ }, { validate: /advarsel i projektmappen/, refresh: /Overblikket er opdateret/, reconcile: /afstemt|afvigelser/ });
      await check('da dark', Object.values(TABS), [320, 350], (i) => (i === 1 ? 'taskpane-validering-moerk.png' : undefined));
    }, 3 * STEP_MS);

    it('English: lang="en", 320 px', async () => {
      await open(bundles.demo + officeSettings({ displayLanguage: 'en-GB' }), { width: 320, height: 800 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await fillTabs({ validation: 'Validation', overview: 'Overview', economy: 'Finance' }, { validate: /^Validate whole workbook$/, refresh: /^Refresh overview$/, reconcile: /^Reconcile and write/ }, { validate: /warning in the workbook/, refresh: /The overview is refreshed/, reconcile: /reconciled|gaps/ });
      await check('en light', TABS_EN, [320]);
    }, 2 * STEP_MS);
  });

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
