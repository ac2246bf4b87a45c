/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { isDarkColor } from '../../src/taskpane/theme';
import { uiStrings } from '../../src/i18n/ui';
import { uiDa } from '../../src/i18n/da';

// jsdom has no ResizeObserver; Fluent's MessageBar uses it only to reflow long texts.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

function renderApp(dataValidationSupported: boolean, displayLanguage = 'da-DK') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App strings={uiStrings(displayLanguage)} dataValidationSupported={dataValidationSupported} />
    </FluentProvider>,
  );
}

describe('App', () => {
  it('shows the four tabs and the text of the selected one', () => {
    renderApp(true);
    expect(screen.getAllByRole('tab')).toHaveLength(4);
    for (const name of ['Opsætning', 'Validering', 'Overblik', 'Økonomi']) screen.getByRole('tab', { name });
    expect(screen.getByRole('tabpanel').textContent).toBe(uiDa.tabs.setup.description);
    fireEvent.click(screen.getByRole('tab', { name: 'Økonomi' }));
    expect(screen.getByRole('tabpanel').textContent).toBe(uiDa.tabs.economy.description);
  });

  it('warns only when ExcelApi 1.8 is missing', () => {
    const { unmount } = renderApp(true);
    expect(screen.queryByText(uiDa.dataValidationUnsupported)).toBeNull();
    unmount();
    renderApp(false);
    expect(screen.getByText(uiDa.dataValidationUnsupported)).toBeTruthy();
  });

  it('is English only for English display languages', () => {
    renderApp(true, 'en-US');
    expect(screen.getByRole('tab', { name: 'Finances' })).toBeTruthy();
    expect(uiStrings('de-DE')).toBe(uiDa);
    expect(uiStrings(undefined)).toBe(uiDa);
  });
});

describe('isDarkColor', () => {
  it.each([
    ['#000000', true],
    ['#262626', true],
    ['#FFFFFF', false],
    ['#f3f2f1', false],
    [undefined, false],
    ['not a colour', false],
  ])('%s → %s', (colour, dark) => expect(isDarkColor(colour)).toBe(dark));
});
