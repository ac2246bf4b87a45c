/** @jest-environment jsdom */
import { installBrowserGlobals } from '../helpers/jsdom';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { isDarkColor } from '../../src/taskpane/theme';
import { uiStrings } from '../../src/i18n/ui';
import { uiDa } from '../../src/i18n/da';
import type { CalendarDate } from '../../src/domain/parse';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import { applyPlan, newWorkbook } from '../../src/xlsx';
import { planStructure } from '../../src/workbook/structure';
import { demoRows } from '../../src/demo/demoData';

// findBy/waitFor wait up to 1 s by default: too short on a loaded 2-core machine (the suite holds under load).
configure({ asyncUtilTimeout: 30_000 });

beforeAll(() => {
  installBrowserGlobals();
});

const today = () => '2026-11-25' as CalendarDate;

const now = () => new Date(2026, 10, 25, 10, 42);

function renderApp(options: { dataValidationSupported?: boolean; displayLanguage?: string } = {}) {
  const workbook = memoryWorkbook();
  const lang = options.displayLanguage?.startsWith('en') ? 'en' : 'da';
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App strings={uiStrings(options.displayLanguage ?? 'da-DK')} lang={lang} workbook={workbook} today={today} now={now} dataValidationSupported={options.dataValidationSupported ?? true} initialTab="setup" />
    </FluentProvider>,
  );
  return { workbook, view };
}

/** A set-up workbook whose register row has a misspelt unit, validated on the sheet Indsatser. */
async function validateRegisterWithTypo() {
  const { workbook } = renderApp();
  fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
  await screen.findByText(/Strukturen er på plads/);
  await act(() => workbook.apply({ ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['ITMV', 'I Tråd Med Verden', 'Jobcenter Valensbæk']] }] }));
  workbook.active = 'Indsatser';
  fireEvent.click(screen.getByRole('tab', { name: 'Validering' }));
  fireEvent.click(screen.getByRole('button', { name: uiDa.validation.sheet }));
  return workbook;
}

const panel = (name: string) => screen.getByRole('tabpanel', { name });

describe('App', () => {
  it('shows the five tabs, Danish by default', () => {
    renderApp();
    expect(screen.getAllByRole('tab')).toHaveLength(5);
    for (const name of ['Registrer', 'Validering', 'Overblik', 'Økonomi', 'Opsætning']) screen.getByRole('tab', { name });
    expect(panel('Opsætning').textContent).toContain(uiDa.setup.intro);
    expect(document.documentElement.lang).toBe('da');
  });

  it('speaks English for an English Office, and says so to screen readers', () => {
    renderApp({ displayLanguage: 'en-US' });
    for (const name of ['Register', 'Validation', 'Overview', 'Finance', 'Set-up']) screen.getByRole('tab', { name });
    expect(document.documentElement.lang).toBe('en');
  });

  it('warns only when ExcelApi 1.8 is missing', () => {
    const { view } = renderApp();
    expect(screen.queryByText(uiDa.dataValidationUnsupported)).toBeNull();
    view.unmount();
    renderApp({ dataValidationSupported: false });
    screen.getByText(uiDa.dataValidationUnsupported);
  });

  it('sets up the workbook, then says nothing was missing the second time', async () => {
    const { workbook } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(/Strukturen er på plads: \d+ tilføjelser\./);
    expect(workbook.workbook.worksheets.map((w) => w.name)).toEqual(['Taksonomier', 'Indsatser', 'Statuslog', 'Økonomi']);
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(uiDa.setup.done(0));
  });

  it('Opdater taksonomier end-dates what the law has ended in a workbook set up before, then has nothing to do (eng/law)', async () => {
    const { workbook } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(/Strukturen er på plads/);
    // As an older version wrote it: MG08 without its end date.
    const groups = (await workbook.read()).sheets.find((s) => s.name === 'Taksonomier')!.tables.find((t) => t.table === 'Målgrupper')!;
    const row = groups.rows.findIndex((r) => r[0] === 'MG08');
    const column = groups.header.indexOf('Gyldig til');
    const address = `${String.fromCharCode(64 + 8 + column)}${5 + row}`; // Målgrupper starts at H4
    await act(() => workbook.apply({ ops: [{ kind: 'setValues', sheet: 'Taksonomier', cells: [{ address, value: null }] }] }));
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.updateTaxonomies }));
    await screen.findByText(uiDa.setup.taxonomiesUpdated(0, 1));
    expect(workbook.workbook.getWorksheet('Taksonomier')!.getCell(address).value).toEqual(new Date(Date.UTC(2026, 0, 31)));
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.updateTaxonomies }));
    await screen.findByText(uiDa.setup.taxonomiesUpdated(0, 0));
  });

  it('adds an initiative with its tracking sheet, and refuses a duplicate ID', async () => {
    const { workbook } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(/Strukturen er på plads/);
    const form = within(panel('Opsætning')).getByRole('form', { name: uiDa.setup.newInitiative });
    fireEvent.change(within(form).getByRole('textbox', { name: /^ID/ }), { target: { value: 'ITMV' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Navn/ }), { target: { value: 'I Tråd Med Verden' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Pladser' }), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: uiDa.setup.add }));
    await within(panel('Opsætning')).findByText(uiDa.setup.added('ITMV')); // the live region says it too, 100 ms later
    expect(workbook.workbook.getWorksheet('ITMV')).toBeDefined();
    expect(workbook.active).toBe('ITMV');
    const register = (await workbook.read()).sheets.find((s) => s.name === 'Indsatser')!.tables[0];
    expect(register.rows[0].slice(0, 2)).toEqual(['ITMV', 'I Tråd Med Verden']);
    expect(register.rows[0][7]).toBe(12);

    fireEvent.change(within(form).getByRole('textbox', { name: /^ID/ }), { target: { value: 'itmv' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Navn/ }), { target: { value: 'Igen' } });
    fireEvent.click(within(form).getByRole('button', { name: uiDa.setup.add }));
    await within(panel('Opsætning')).findByText(uiDa.setup.problems['duplicate-id']);
  });

  it('validates, jumps to a cell, and applies a suggestion after confirmation', async () => {
    const workbook = await validateRegisterWithTypo();
    await screen.findByText('1 fejl og 0 advarsler på arket Indsatser.');
    screen.getByText('1 række på arket Indsatser, tjekket kl. 10.42.');
    screen.getByText('”Jobcenter Valensbæk” er ikke en enhed på listen. Mente du ”Jobcenter Vallensbæk”?');
    await waitFor(() => expect(document.getElementById('pane-announcer')!.textContent).toBe('1 fejl og 0 advarsler på arket Indsatser.'));

    fireEvent.click(screen.getByRole('button', { name: 'Gå til C5' }));
    await waitFor(() => expect(workbook.applied.at(-1)!.ops).toEqual([{ kind: 'select', sheet: 'Indsatser', address: 'C5' }]));

    const apply = screen.getByRole('button', { name: uiDa.validation.apply });
    await waitFor(() => expect(apply.hasAttribute('disabled')).toBe(false)); // "Gå til" has finished
    fireEvent.click(apply);
    // jsdom never finishes Fluent's open animation, so the surface stays aria-hidden: query hidden roles.
    const dialog = await screen.findByRole('dialog', { hidden: true });
    within(dialog).getByText(uiDa.validation.confirmText(1));
    fireEvent.click(within(dialog).getByRole('button', { name: uiDa.validation.confirm, hidden: true }));
    await screen.findByText(uiDa.validation.applied(1));
    await screen.findByText(uiDa.validation.none('på arket Indsatser'));
    const register = (await workbook.read()).sheets.find((s) => s.name === 'Indsatser')!.tables[0];
    expect(register.rows[0][2]).toBe('Jobcenter Vallensbæk');
  });

  it('offers "Masker CPR-nummeret" on a CPR number outside the tables, and writes the masked text after confirmation', async () => {
    const { workbook } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(/Strukturen er på plads/);
    await act(() => workbook.apply({ ops: [{ kind: 'setValues', sheet: 'Indsatser', cells: [{ address: 'H1', value: 'Husk 220387-3047' }] }] }));
    workbook.active = 'Indsatser';
    fireEvent.click(screen.getByRole('tab', { name: 'Validering' }));
    fireEvent.click(screen.getByRole('button', { name: uiDa.validation.sheet }));
    await screen.findByText(/Cellen ser ud til at indeholde et CPR-nummer \(220387-\*\*\*\*\)/);
    expect(document.body.textContent).not.toContain('220387-3047');
    const mask = screen.getByRole('button', { name: uiDa.validation.maskCpr });
    fireEvent.click(mask);
    const dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: uiDa.validation.confirm, hidden: true }));
    await screen.findByText(uiDa.validation.applied(1));
    expect(workbook.applied.at(-1)!.ops).toEqual([{ kind: 'setValues', sheet: 'Indsatser', cells: [{ address: 'H1', value: 'Husk 220387-****', expected: 'Husk 220387-3047' }] }]);
    expect(workbook.workbook.getWorksheet('Indsatser')!.getCell('H1').value).toBe('Husk 220387-****');
  });

  it('writes nothing when the confirmation is cancelled', async () => {
    const workbook = await validateRegisterWithTypo();
    fireEvent.click(await screen.findByRole('button', { name: uiDa.validation.apply }));
    fireEvent.click(within(await screen.findByRole('dialog', { hidden: true })).getByRole('button', { name: uiDa.cancel, hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(workbook.applied.some((p) => p.ops.some((op) => op.kind === 'setValues'))).toBe(false);
  });

  it('tells the user to finish editing a cell when Excel is in cell edit mode', async () => {
    const { workbook } = renderApp();
    workbook.read = async () => {
      throw Object.assign(new Error('busy'), { name: 'CellEditModeError' });
    };
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(uiDa.errors.cellEditMode);
  });
});

describe('results tied to what was checked', () => {
  it('clears the old result when a run fails, instead of relabelling it', async () => {
    const workbook = await validateRegisterWithTypo();
    await screen.findByText('1 fejl og 0 advarsler på arket Indsatser.');
    workbook.read = async () => {
      throw Object.assign(new Error('busy'), { name: 'CellEditModeError' });
    };
    fireEvent.click(screen.getByRole('button', { name: uiDa.validation.workbook }));
    await screen.findByText(uiDa.errors.cellEditMode);
    expect(within(panel('Validering')).queryByText(/1 fejl og 0 advarsler/)).toBeNull();
    expect(within(panel('Validering')).queryByText(/i projektmappen/)).toBeNull();
    await waitFor(() => expect(document.getElementById('pane-announcer')!.textContent).toBe(uiDa.errors.cellEditMode));
  });

  it('checks the sheet validated before when the active sheet is Fejl, written by the pane', async () => {
    const workbook = await validateRegisterWithTypo();
    await screen.findByText('1 fejl og 0 advarsler på arket Indsatser.');
    fireEvent.click(screen.getByRole('button', { name: uiDa.validation.writeSheet }));
    await screen.findByText(uiDa.validation.wroteSheet);
    expect(workbook.active).toBe('Fejl');
    fireEvent.click(screen.getByRole('button', { name: uiDa.validation.sheet }));
    await screen.findByText('1 fejl og 0 advarsler på arket Indsatser. Arket Fejl er skrevet af Indsatsmonitor, så arket Indsatser er tjekket igen.');
  });

  it('offers "Brug alle" by what the suggestions fix, not by code', async () => {
    const { workbook } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(/Strukturen er på plads/);
    await act(() => workbook.apply({ ops: [{ kind: 'appendRows', sheet: 'Indsatser', table: 'Indsatser', rows: [['A', 'A', 'Jobcenter Valensbæk'], ['B', 'B', 'Jobcenter Valensbæk']] }] }));
    workbook.active = 'Indsatser';
    fireEvent.click(screen.getByRole('tab', { name: 'Validering' }));
    fireEvent.click(screen.getByRole('button', { name: uiDa.validation.sheet }));
    await screen.findByRole('button', { name: 'Brug alle 2 forslag: værdier, der ikke er på listen' });
    expect(screen.queryByText(/UNKNOWN_CODE/)).toBeNull();
    screen.getByRole('button', { name: 'Indsatser 2 fejl' });
  });
});

describe('Ny indsats form', () => {
  it('says what is wrong with an ID while typing, and drops the message once it is right', async () => {
    renderApp();
    const form = within(panel('Opsætning')).getByRole('form', { name: uiDa.setup.newInitiative });
    const id = within(form).getByRole('textbox', { name: /^ID/ });
    fireEvent.change(id, { target: { value: 'I Tråd' } });
    await screen.findByText('”I Tråd” kan ikke bruges som ID: mellemrum og ”å” kan ikke bruges (kun a-z, tal og _).');
    fireEvent.change(id, { target: { value: 'ITraad' } });
    await waitFor(() => expect(screen.queryByText(/kan ikke bruges som ID/)).toBeNull());
  });

  it('checks required fields and dates itself (no browser bubble) and reads dates as dd-mm-åååå', async () => {
    const { workbook } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: uiDa.setup.run }));
    await screen.findByText(/Strukturen er på plads/);
    const form = within(panel('Opsætning')).getByRole('form', { name: uiDa.setup.newInitiative });
    expect(form.hasAttribute('novalidate')).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: uiDa.setup.add }));
    await screen.findByText(uiDa.setup.problems['name-required']);
    fireEvent.change(within(form).getByRole('textbox', { name: /^ID/ }), { target: { value: 'ITMV' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Navn/ }), { target: { value: 'I Tråd Med Verden' } });
    await waitFor(() => expect(screen.queryByText(uiDa.setup.problems['name-required'])).toBeNull());
    fireEvent.change(within(form).getByRole('textbox', { name: /^Start/ }), { target: { value: '29-08-2017' } });
    fireEvent.click(within(form).getByRole('button', { name: uiDa.setup.add }));
    await screen.findByText(uiDa.setup.added('ITMV'));
    const register = (await workbook.read()).sheets.find((s) => s.name === 'Indsatser')!.tables[0];
    expect(register.rows[0][5]).toEqual(new Date('2017-08-29T00:00:00.000Z')); // a date cell
  });
});

describe('Registrer', () => {
  it('registers a status for an existing participant with the keyboard: part of the ID, Tab, part of the status, Enter', async () => {
    const wb = newWorkbook();
    applyPlan(wb, planStructure({ sheets: [] }, { rows: demoRows() }));
    const workbook = memoryWorkbook(wb);
    workbook.active = 'ITMV';
    render(
      <FluentProvider theme={webLightTheme}>
        <App strings={uiDa} lang="da" workbook={workbook} today={today} now={now} dataValidationSupported />
      </FluentProvider>,
    );
    const participant = await screen.findByRole('combobox', { name: /^Deltager/ }, { timeout: 15_000 });
    await waitFor(() => expect(document.activeElement).toBe(participant));
    fireEvent.change(participant, { target: { value: '010' } });
    const status = screen.getByRole('combobox', { name: /^Status/ });
    fireEvent.change(status, { target: { value: 'pr' } });
    await screen.findByText(uiDa.register.stepInferred('3'));
    fireEvent.keyDown(status, { key: 'Enter' });
    await screen.findByText(uiDa.register.saved('ITMV-010', 'I virksomhedspraktik', 14, 'ITMV'), {}, { timeout: 15_000 });
    const table = (await workbook.read()).sheets.find((s) => s.name === 'ITMV')!.tables[0];
    const row = table.rows[14 - table.headerRow - 1];
    expect([row[0], row[3], row[4], row[5]]).toEqual(['ITMV-010', 3, 'I virksomhedspraktik', new Date(`${today()}T00:00:00.000Z`)]);
    await waitFor(() => expect(document.getElementById('pane-announcer')!.textContent).toContain('ITMV-010 er registreret'));
  });

  it('adds a participant (Ny deltager): the next free ID, today as start date, the target group typed in part', async () => {
    const wb = newWorkbook();
    applyPlan(wb, planStructure({ sheets: [] }, { rows: demoRows() }));
    const workbook = memoryWorkbook(wb);
    workbook.active = 'ITMV';
    render(
      <FluentProvider theme={webLightTheme}>
        <App strings={uiDa} lang="da" workbook={workbook} today={today} now={now} dataValidationSupported />
      </FluentProvider>,
    );
    await screen.findByRole('combobox', { name: /^Deltager/ }, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('radio', { name: uiDa.register.modes.participant }));
    const id = await screen.findByRole('textbox', { name: /^Deltager-ID/ });
    expect((id as HTMLInputElement).value).toBe('ITMV-019');
    const group = screen.getByRole('combobox', { name: /^Målgruppe/ });
    fireEvent.change(group, { target: { value: 'aktivitetsparate kontant' } });
    fireEvent.keyDown(group, { key: 'Enter' });
    await screen.findByText(uiDa.register.saved('ITMV-019', 'I forløb', 24, 'ITMV'), {}, { timeout: 15_000 });
    const table = (await workbook.read()).sheets.find((s) => s.name === 'ITMV')!.tables[0];
    const row = table.rows.at(-1)!;
    expect(row.slice(0, 5)).toEqual(['ITMV-019', new Date(`${today()}T00:00:00.000Z`), 'Aktivitetsparate kontanthjælpsmodtagere', 1, 'I forløb']);
  });

  it('sends a workbook without tracking sheets to Opsætning', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App strings={uiDa} lang="da" workbook={memoryWorkbook()} today={today} now={now} dataValidationSupported />
      </FluentProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: uiDa.register.toSetup }, { timeout: 15_000 }));
    expect(screen.getByRole('tab', { name: 'Opsætning' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Økonomi', () => {
  it('reconciles the demo workbook and writes the sheet Afstemning', async () => {
    const wb = newWorkbook();
    applyPlan(wb, planStructure({ sheets: [] }, { rows: demoRows() }));
    const workbook = memoryWorkbook(wb);
    render(
      <FluentProvider theme={webLightTheme}>
        <App strings={uiDa} lang="da" workbook={workbook} today={today} now={now} dataValidationSupported />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Økonomi' }));
    fireEvent.click(screen.getByRole('button', { name: uiDa.economy.run }));
    await screen.findByText(uiDa.economy.allReconciled(1));
    const [card] = within(screen.getByRole('list', { name: uiDa.economy.linesLabel })).getAllByRole('listitem');
    expect(within(card).getByRole('heading').textContent).toBe('AfstemtITMV 2017');
    expect(card.textContent).toContain('Nettoudgift kommune131.000,00 kr.');
    screen.getByText('Afstemt pr. 25-11-2026, kl. 10.42.');
    expect(wb.getWorksheet('Afstemning')).toBeDefined();
  });
});

describe('refund file import', () => {
  it('imports a refund file into the sheet Refusion without CPR numbers', async () => {
    const wb = newWorkbook();
    const workbook = memoryWorkbook(wb);
    render(
      <FluentProvider theme={webLightTheme}>
        <App strings={uiDa} lang="da" workbook={workbook} today={today} dataValidationSupported />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Økonomi' }));
    const text = 'Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb\r\n2021-07;0101901234;Kontanthjælp;1.000,00;80,00;800,00\r\n';
    const file = new File([text], 'uge7.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText(uiDa.economy.importLabel), { target: { files: [file] } });
    await screen.findByText('Importerede 1 linjer fra uge7.csv som 1 rækker (pr. uge og ydelse). CPR-numre er ikke gemt.');
    // The import shows in the result: the refund files per year, next to the reconciliation.
    const [card] = within(await screen.findByRole('list', { name: uiDa.economy.refunds })).getAllByRole('listitem');
    expect(card.textContent).toContain('Refusionsfiler 2021');
    expect(card.textContent).toContain('Refusion800,00 kr.');
    const sheet = (await workbook.read()).sheets.find((s) => s.name === 'Refusion')!;
    expect(sheet.tables[0].rows[0].slice(0, 6)).toEqual(['2021-07', 'Kontanthjælp', 1, 1, 1000, 800]);
    expect(JSON.stringify(sheet)).not.toContain('0101901234');
  });
});

describe('theme', () => {
  it('recognises dark Office backgrounds', () => {
    expect(isDarkColor('#1f1f1f')).toBe(true);
    expect(isDarkColor('#ffffff')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });
});
