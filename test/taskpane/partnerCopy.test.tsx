/** @jest-environment jsdom */
/**
 * *Lav partnerudgave* in the pane (src/taskpane/PartnerCopyCard.tsx) on an in-memory workbook: the
 * register's initiatives offered, nothing built before one is chosen, the copy opened through the
 * given Excel.createWorkbook, and where Excel refuses or lacks it the message and a download link
 * named for the initiative. A workbook without a register says so. (The browser test runs the
 * same card on the built pane in Chromium.)
 */
import { installBrowserGlobals } from '../helpers/jsdom';
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PartnerCopyCard } from '../../src/taskpane/PartnerCopyCard';
import { uiStrings } from '../../src/i18n/ui';
import { uiDa } from '../../src/i18n/da';
import { demoRows } from '../../src/demo/demoData';
import { planStructure } from '../../src/workbook/structure';
import { readWorkbookBuffer } from '../../src/xlsx/reader';
import { tablesOf } from '../../src/workbook/read';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import type { CreateWorkbook } from '../../src/operations/partnerCopy';
import type { LiveWorkbook } from '../../src/operations/liveWorkbook';

configure({ asyncUtilTimeout: 30_000 });
const blobs: Blob[] = [];
beforeAll(() => {
  installBrowserGlobals();
  // jsdom has no Blob URLs: record the blob, hand out a name.
  URL.createObjectURL = (blob: Blob) => `blob:test/${blobs.push(blob)}`;
  URL.revokeObjectURL = () => undefined;
});

const t = uiDa.partnerCopy;

async function demo(): Promise<LiveWorkbook> {
  const workbook = memoryWorkbook();
  await workbook.apply(planStructure({ sheets: [] }, { rows: demoRows() }));
  return workbook;
}

const renderCard = (workbook: LiveWorkbook, createWorkbook: CreateWorkbook | null, lang: 'da' | 'en' = 'da') =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PartnerCopyCard workbook={workbook} strings={uiStrings(lang === 'da' ? 'da-DK' : 'en-GB')} lang={lang} createWorkbook={createWorkbook} />
    </FluentProvider>,
  );

const choose = async (name: RegExp) => {
  // The list is read from the workbook first; until then the drop-down is disabled.
  const box = await screen.findByRole('combobox', { name: t.initiative });
  await waitFor(() => expect((box as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(box);
  fireEvent.click(await screen.findByRole('option', { name }));
};

it('asks for an initiative first, then opens the copy of the one chosen through Excel.createWorkbook', async () => {
  const opened: string[] = [];
  renderCard(await demo(), async (base64) => void opened.push(base64));
  const run = await screen.findByRole('button', { name: t.run });
  await screen.findByRole('combobox', { name: t.initiative });
  fireEvent.click(run);
  await screen.findByText(t.chooseFirst);
  expect(opened).toEqual([]);

  await choose(/^ITMV – I Tråd Med Verden$/);
  expect(screen.queryByText(t.chooseFirst)).toBeNull();
  fireEvent.click(run);
  await screen.findByText(t.opened('ITMV', 19));
  expect(opened).toHaveLength(1);
  const tables = tablesOf(readWorkbookBuffer(Buffer.from(opened[0], 'base64')));
  expect(tables.find((x) => x.table === 'Indsatser')!.rows.map((r) => r[0])).toEqual(['ITMV']);
  // Also offered as a file.
  const link = screen.getByRole('link', { name: t.download('ITMV-partnerudgave.xlsx') });
  expect(link.getAttribute('download')).toBe('ITMV-partnerudgave.xlsx');
}, 60_000);

it('offers a download where Excel cannot open a new workbook', async () => {
  renderCard(await demo(), null);
  await choose(/^FSM – /);
  fireEvent.click(screen.getByRole('button', { name: t.run }));
  await screen.findByText(t.unsupported);
  const link = screen.getByRole('link', { name: t.download('FSM-partnerudgave.xlsx') });
  const blob = blobs[Number(link.getAttribute('href')!.split('/').pop()) - 1];
  expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // jsdom's Blob has no arrayBuffer(): through a FileReader.
  const bytes = await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(blob);
  });
  const read = readWorkbookBuffer(Buffer.from(bytes));
  expect(tablesOf(read).find((x) => x.table === 'Indsatser')!.rows.map((r) => r[0])).toEqual(['FSM']);
}, 60_000);

it('says what Excel answered when it refuses the file, and still offers it', async () => {
  renderCard(await demo(), async () => {
    throw new Error('This operation is not allowed due to the extension hardening policy.');
  });
  await choose(/^ITMV – /);
  fireEvent.click(screen.getByRole('button', { name: t.run }));
  await screen.findByText(t.openFailed('This operation is not allowed due to the extension hardening policy.'));
  screen.getByRole('link', { name: t.download('ITMV-partnerudgave.xlsx') });
}, 60_000);

it('says a workbook without a register has nothing to copy, in English too', async () => {
  const { unmount } = renderCard(memoryWorkbook(), null);
  await screen.findByText(t.noRegister);
  expect((screen.getByRole('button', { name: t.run }) as HTMLButtonElement).disabled).toBe(true);
  unmount();
  renderCard(memoryWorkbook(), null, 'en');
  await screen.findByText('The workbook has no table Indsatser. Set up the structure first (at the top of this tab).');
  screen.getByRole('heading', { level: 3, name: 'Make a partner copy' });
}, 60_000);

it('says how many CPR numbers it masked in the copy', async () => {
  const workbook = await demo();
  await workbook.apply({ ops: [{ kind: 'setValues', sheet: 'ITMV', cells: [{ address: 'J5', value: 'ring 0101901234' }, { address: 'J6', value: '020290-1234' }] }] });
  const opened: string[] = [];
  renderCard(workbook, async (base64) => void opened.push(base64));
  await choose(/^ITMV – /);
  fireEvent.click(screen.getByRole('button', { name: t.run }));
  await screen.findByText(t.masked(2));
  expect(t.masked(2)).toBe('2 CPR-numre er maskeret i partnerudgaven: kun fødselsdatoen står tilbage (ddmmåå-****).');
  const rows = tablesOf(readWorkbookBuffer(Buffer.from(opened[0], 'base64'))).find((x) => x.table === 'Deltagere_ITMV')!.rows;
  expect([rows[0][9], rows[1][9]]).toEqual(['ring 010190-****', '020290-****']);
}, 60_000);
