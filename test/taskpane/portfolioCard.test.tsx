/** @jest-environment jsdom */
/** The Opsætning tab's portfolio card: says what the pane cannot do and gives the commands that do it, in Danish and English. */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PortfolioCard, PORTFOLIO_COMMANDS } from '../../src/taskpane/PortfolioCard';
import { uiStrings } from '../../src/i18n/ui';
import { main } from '../../src/cli/main';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const renderCard = (lang: string) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PortfolioCard strings={uiStrings(lang)} />
    </FluentProvider>,
  );

describe('PortfolioCard', () => {
  it('names the three actions with their commands and says the pane opens no other workbook', () => {
    renderCard('da-DK');
    expect(screen.getByRole('heading', { level: 2, name: 'Saml projektmapper og partnerudgaver' })).toBeTruthy();
    expect(screen.getByText(/opgaveruden kan ikke åbne andre projektmapper/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Kommandoer til porteføljen' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual(['Saml projektmapper', 'Lav partnerudgave', 'Indlæs partnerudgave']);
    expect(cards.map((c) => c.querySelector('code')!.textContent)).toEqual([PORTFOLIO_COMMANDS.consolidate, PORTFOLIO_COMMANDS.partner, PORTFOLIO_COMMANDS.merge]);
  });

  it('in English', () => {
    renderCard('en-GB');
    expect(screen.getByRole('heading', { level: 2, name: 'Bring workbooks together, partner copies' })).toBeTruthy();
    expect(screen.getByText(/cannot open workbooks other than the open one/)).toBeTruthy();
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
