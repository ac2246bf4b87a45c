/** @jest-environment jsdom */
/**
 * The Overblik tab (#11): the figures by the sheet's definitions with what is left out, and freezing
 * through a confirmation that shows the figures and the open errors; a snapshot withdrawn and frozen
 * again.
 */
import { installBrowserGlobals } from '../helpers/jsdom';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { uiDa } from '../../src/i18n/da';
import type { CalendarDate } from '../../src/domain/parse';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import { applyPlan, newWorkbook } from '../../src/xlsx';
import { planStructure } from '../../src/workbook/structure';
import { demoRows } from '../../src/demo/demoData';
import { PARTICIPANTS } from '../../src/domain/model/schema';
import type { CellValue } from '../../src/domain/parse/cell';

configure({ asyncUtilTimeout: 30_000 });

beforeAll(() => {
  installBrowserGlobals();
});

const today = () => '2026-11-25' as CalendarDate;
const t = uiDa.overview;
const at = (key: string) => PARTICIPANTS.columns.findIndex((c) => c.key === key);

/** The demo workbook in memory, its ITMV rows changed first. */
function renderDemo(change: (itmv: CellValue[][]) => void = () => {}) {
  const rows = demoRows();
  change(rows.Deltagere_ITMV!);
  const wb = newWorkbook();
  applyPlan(wb, planStructure({ sheets: [] }, { rows }));
  const workbook = memoryWorkbook(wb);
  render(
    <FluentProvider theme={webLightTheme}>
      <App strings={uiDa} lang="da" workbook={workbook} today={today} dataValidationSupported />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Overblik' }));
  return { wb, workbook };
}

const card = async (list: string, head: string) =>
  (await screen.findAllByRole('list', { name: list })).flatMap((l) => within(l).getAllByRole('listitem')).find((li) => within(li).getByRole('heading').textContent === head)!;

describe('the Overblik tab', () => {
  it('counts by the sheet\'s definitions: courses per status group, courses in all and citizens in all, saying so', async () => {
    renderDemo((itmv) => {
      itmv[0]![at('startDate')] = '11-01-2016'; // text: the core reads it, the sheet's formulas do not
    });
    fireEvent.click(screen.getByRole('button', { name: t.refresh }));
    const itmv = await card(t.listLabel, 'ITMV');
    for (const part of ['I job2', 'I uddannelse0', 'I virksomhedspraktik6', 'I forløb8', 'Afsluttet3', 'Forløb i alt19', 'Borgere i alt18']) expect(itmv.textContent).toContain(part);
    expect(itmv.textContent).toContain('1 række er ikke talt med på arket Overblik — se Fejl under Validering.');
    screen.getByText(t.definitions);
  });

  it('says how many courses the core could not count at all', async () => {
    renderDemo((itmv) => {
      itmv[2]![at('status')] = 'Helt ukendt status';
    });
    fireEvent.click(screen.getByRole('button', { name: t.refresh }));
    const itmv = await card(t.listLabel, 'ITMV');
    expect(itmv.textContent).toContain('1 forløb uden gyldig startdato eller status er ikke talt med — ret det under Validering.');
    expect(itmv.textContent).toContain('I virksomhedspraktik5');
  });
});

describe('freezing a snapshot', () => {
  it('shows the figures and asks; cancelling writes nothing', async () => {
    const { wb } = renderDemo();
    fireEvent.click(screen.getByRole('button', { name: t.freeze }));
    const dialog = await screen.findByRole('dialog', { hidden: true, name: t.confirmFreezeTitle('25-11-2026') });
    within(dialog).getByText(t.noErrors);
    const itmv = within(dialog).getAllByRole('listitem', { hidden: true }).find((li) => within(li).getByRole('heading', { hidden: true }).textContent === 'ITMV')!;
    expect(itmv.textContent).toContain('Borgere i alt18');
    fireEvent.click(within(dialog).getByRole('button', { name: uiDa.cancel, hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(wb.getWorksheet('Statusfotos')).toBeUndefined();
  });

  it('names the open errors before freezing', async () => {
    renderDemo((itmv) => {
      itmv[2]![at('status')] = 'Helt ukendt status';
    });
    fireEvent.click(screen.getByRole('button', { name: t.freeze }));
    const dialog = await screen.findByRole('dialog', { hidden: true, name: t.confirmFreezeTitle('25-11-2026') });
    within(dialog).getByText(t.openErrors(1));
  });

  it('freezes after confirmation, withdraws the snapshot (marked, not deleted), and freezes the date again', async () => {
    const { workbook } = renderDemo();
    fireEvent.click(screen.getByRole('button', { name: t.freeze }));
    fireEvent.click(within(await screen.findByRole('dialog', { hidden: true, name: t.confirmFreezeTitle('25-11-2026') })).getByRole('button', { name: t.confirmFreeze, hidden: true }));
    await screen.findByText(t.frozen('25-11-2026'));
    const frozen = await card(t.snapshotsLabel, '25-11-2026');
    expect(frozen.textContent).toContain('14 indsatsergældende');

    fireEvent.click(within(frozen).getByRole('button', { name: t.withdrawLabel('25-11-2026') }));
    const ask = await screen.findByRole('dialog', { hidden: true, name: t.confirmWithdrawTitle('25-11-2026') });
    within(ask).getByText(t.confirmWithdrawText);
    fireEvent.click(within(ask).getByRole('button', { name: t.confirmWithdraw, hidden: true }));
    await screen.findByText(t.withdrawn('25-11-2026', 14));
    expect((await card(t.snapshotsLabel, '25-11-2026')).textContent).toContain('trukket tilbage 25-11-2026');
    const table = (await workbook.read()).sheets.find((s) => s.name === 'Statusfotos')!.tables[0]!;
    const withdrawn = table.header.indexOf('Trukket tilbage');
    expect(table.rows.every((r) => r[withdrawn] !== null && r[withdrawn] !== undefined)).toBe(true);
    expect(table.rows).toHaveLength(14);

    fireEvent.click(screen.getByRole('button', { name: t.freeze }));
    fireEvent.click(within(await screen.findByRole('dialog', { hidden: true, name: t.confirmFreezeTitle('25-11-2026') })).getByRole('button', { name: t.confirmFreeze, hidden: true }));
    await screen.findByText(t.frozen('25-11-2026'));
    const lists = await screen.findAllByRole('list', { name: t.snapshotsLabel });
    expect(within(lists[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '25-11-202614 indsatsertrukket tilbage 25-11-2026', '25-11-2026Træk tilbage14 indsatsergældende',
    ]);
    expect((await workbook.read()).sheets.find((s) => s.name === 'Statusfotos')!.tables[0]!.rows).toHaveLength(28);
  });
});
