/** @jest-environment jsdom */
/** The Opsætning tab's portfolio card: its three parts, the file pickers, and the commands that do the same on files, in Danish and English. */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PortfolioCard, PORTFOLIO_COMMANDS } from '../../src/taskpane/PortfolioCard';
import { uiStrings } from '../../src/i18n/ui';
import { main } from '../../src/cli/main';
import type { LiveWorkbook } from '../../src/operations/liveWorkbook';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const workbook: LiveWorkbook = {
  read: async () => ({ sheets: [] }),
  apply: async () => ({}),
  activeSheet: async () => 'Ark1',
};
const renderCard = (lang: string) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PortfolioCard workbook={workbook} strings={uiStrings(lang)} lang={lang.startsWith('en') ? 'en' : 'da'} today={() => '2026-11-25' as never} />
    </FluentProvider>,
  );

describe('PortfolioCard', () => {
  it('has the three parts in order, file pickers for the two that read other workbooks, and each part\'s command', () => {
    const { container } = renderCard('da-DK');
    expect(screen.getByRole('heading', { level: 2, name: 'Saml projektmapper og partnerudgaver' })).toBeTruthy();
    const parts = screen.getAllByRole('region').filter((r) => r.querySelector('h3') && !r.querySelector('h2'));
    expect(parts.map((p) => within(p).getByRole('heading', { level: 3 }).textContent)).toEqual(['Saml projektmapper', 'Lav partnerudgave', 'Indlæs partnerudgave']);
    expect(parts.map((p) => p.querySelector('code')!.textContent)).toEqual([PORTFOLIO_COMMANDS.consolidate, PORTFOLIO_COMMANDS.partner, PORTFOLIO_COMMANDS.merge]);
    expect(within(parts[0]).getByRole('button', { name: 'Vælg projektmapper …' })).toBeTruthy();
    expect(within(parts[2]).getByRole('button', { name: 'Vælg partnerudgave …' })).toBeTruthy();
    const inputs = [...container.querySelectorAll('input[type=file]')] as HTMLInputElement[];
    expect(inputs.map((i) => [i.getAttribute('aria-label'), i.accept, i.multiple])).toEqual([
      ['Projektmapper, der skal samles', '.xlsx,.xlsm', true],
      ['Partnerudgave, der skal indlæses', '.xlsx,.xlsm', false],
    ]);
  });

  it('in English', () => {
    renderCard('en-GB');
    expect(screen.getByRole('heading', { level: 2, name: 'Bring workbooks together, partner copies' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose workbooks …' })).toBeTruthy();
  });

  it('gives commands the CLI knows, with options it takes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indsats-card-'));
    try {
      for (const command of Object.values(PORTFOLIO_COMMANDS)) {
        // Run as written on files that do not exist: a known command with known options gets as far as reading the first one.
        const args = command.split(' ').slice(1).map((a) => (a.endsWith('.xlsx') ? join(dir, a) : a));
        const err: string[] = [];
        const code = await main(args, { out: () => undefined, err: (t) => err.push(t), today: () => '2026-11-25' as never });
        expect({ command, code, err }).toEqual({ command, code: 2, err: [expect.stringMatching(/^\/.*(A|Fil)\.xlsx findes ikke\.$/)] });
      }
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
