/** @jest-environment jsdom */
/**
 * #10 in the pane: Validering lists the hand-kept sheet as not checked with *Tag i brug*, which
 * opens *Tag et eksisterende ark i brug* in Opsætning with the sheet chosen: the proposed mapping
 * (one drop-down per column, sample values beside), the rows found, the conversions; the user
 * changes a column and adopts.
 */
import { installBrowserGlobals } from '../helpers/jsdom';
import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { uiStrings } from '../../src/i18n/ui';
import { adoptDa, uiDa } from '../../src/i18n/da';
import type { CalendarDate } from '../../src/domain/parse';
import { findSheet, findTableRead } from '../../src/workbook/read';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import ExcelJS from 'exceljs';
import { HAND_SHEET, handKeptWorkbook, pasteInto } from '../helpers/handKept';

configure({ asyncUtilTimeout: 30_000 });
beforeAll(() => {
  installBrowserGlobals();
});

const today = () => '2016-09-30' as CalendarDate;
const now = () => new Date(2016, 8, 30, 10, 42);
const panel = (name: string) => screen.getByRole('tabpanel', { name });
const t = adoptDa.ui;

it('adopts a hand-kept sheet from the finding that says it was not checked', async () => {
  const workbook = memoryWorkbook(handKeptWorkbook());
  const before = findSheet(await workbook.read(), HAND_SHEET);
  render(
    <FluentProvider theme={webLightTheme}>
      <App strings={uiStrings('da-DK')} lang="da" workbook={workbook} today={today} now={now} dataValidationSupported initialTab="validation" />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: uiDa.validation.workbook }));
  await within(panel('Validering')).findByText(/Arket ”Mine deltagere” er ikke tjekket: det er ikke en del af Indsatsmonitor \(21 rækker med data\)/);
  fireEvent.click(within(panel('Validering')).getByRole('button', { name: t.takeInUse }));

  const setup = panel('Opsætning');
  expect(setup.hidden).toBe(false);
  await within(setup).findByText(t.found(3, 18, 2, 1));
  const column = (label: string) => within(setup).getByRole('combobox', { name: label });
  expect(column('A: Navn/ID').textContent).toBe('Deltager-ID');
  expect(column('E: Forløbsstatus').textContent).toBe('Status');
  expect(column('G: Telefon').textContent).toBe('ekstra kolonne');
  expect(column('H: Sidst set').textContent).toBe('Statusdato');
  within(setup).getByText('fx ITMV-01, ITMV-02, ITMV-03');
  within(setup).getByText('Status: ”i praktik” → ”I virksomhedspraktik” (3 rækker)');
  within(setup).getByText('Startdato: ”29/8” → ”29-08-2016” (1 række)');
  within(setup).getByText(t.kept(1));

  // The user leaves the phone numbers out.
  fireEvent.click(column('G: Telefon'));
  fireEvent.click(await screen.findByRole('option', { name: 'ikke med' }));
  expect(column('G: Telefon').textContent).toBe('ikke med');

  const adopt = within(setup).getByRole('button', { name: t.adopt });
  expect(adopt.hasAttribute('disabled')).toBe(true); // no ID yet
  fireEvent.change(within(setup).getByRole('textbox', { name: /^Indsats-ID/ }), { target: { value: '1 ITMV' } });
  await within(setup).findByText(/”1 ITMV” kan ikke bruges som indsats-ID/);
  fireEvent.change(within(setup).getByRole('textbox', { name: /^Indsats-ID/ }), { target: { value: 'ITMV' } });
  fireEvent.change(within(setup).getByRole('textbox', { name: /^Navn på indsatsen/ }), { target: { value: 'I Tråd Med Verden' } });
  fireEvent.click(within(setup).getByRole('button', { name: t.adopt }));
  await within(setup).findByText(t.adopted('ITMV', 18, 1));

  const read = await workbook.read();
  const table = findTableRead(read, 'Deltagere_ITMV')!;
  expect(table.rows).toHaveLength(18);
  expect(table.header).not.toContain('Telefon');
  expect(findTableRead(read, 'Indsatser')!.rows.map((r) => r.slice(0, 2))).toEqual([['ITMV', 'I Tråd Med Verden']]);
  expect(findSheet(read, HAND_SHEET)).toEqual(before);
});

it('lets the user say which row is the header when the sheet has two candidates', async () => {
  const wb = new ExcelJS.Workbook();
  pasteInto(wb.addWorksheet('To tabeller'), 'Navn\tStart\tStatus\nA\t1/8 2016\tI forløb\n\nDeltager\tStartdato\tStatus\nB\t2/8 2016\tI job');
  const workbook = memoryWorkbook(wb);
  render(
    <FluentProvider theme={webLightTheme}>
      <App strings={uiStrings('da-DK')} lang="da" workbook={workbook} today={today} now={now} dataValidationSupported initialTab="setup" />
    </FluentProvider>,
  );
  const setup = panel('Opsætning');
  fireEvent.click(await within(setup).findByRole('combobox', { name: t.sheet }));
  fireEvent.click(await screen.findByRole('option', { name: 'To tabeller' }));
  await within(setup).findByText(adoptDa.problems['ambiguous-header']('To tabeller', [1, 4]));
  fireEvent.click(within(setup).getByRole('combobox', { name: t.headerRow }));
  fireEvent.click(await screen.findByRole('option', { name: t.row(4) }));
  await within(setup).findByText(t.found(4, 1, 0, 0));
  expect(within(setup).queryByText(adoptDa.problems['ambiguous-header']('To tabeller', [1, 4]))).toBeNull();
});

it('says a hand-kept active sheet was not checked, and offers to take it into use', async () => {
  const workbook = memoryWorkbook(handKeptWorkbook());
  render(
    <FluentProvider theme={webLightTheme}>
      <App strings={uiStrings('da-DK')} lang="da" workbook={workbook} today={today} now={now} dataValidationSupported initialTab="validation" />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: uiDa.validation.sheet }));
  await within(panel('Validering')).findByText(uiDa.validation.nothingChecked(HAND_SHEET));
  within(panel('Validering')).getByRole('button', { name: t.takeInUse });
});
