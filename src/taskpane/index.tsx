import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { uiStrings } from '../i18n/ui';
import { App, OutsideOffice } from './App';
import { themeFor } from './theme';

const root = createRoot(document.getElementById('root') as HTMLElement);

function renderOutsideOffice(): void {
  root.render(
    <FluentProvider theme={themeFor(undefined)}>
      <OutsideOffice strings={uiStrings(undefined)} />
    </FluentProvider>,
  );
}

function renderInExcel(): void {
  const { context } = Office;
  root.render(
    <FluentProvider theme={themeFor(context.officeTheme?.bodyBackgroundColor)}>
      <App
        strings={uiStrings(context.displayLanguage)}
        dataValidationSupported={context.requirements.isSetSupported('ExcelApi', '1.8')}
      />
    </FluentProvider>,
  );
}

// office.js may be missing (offline, blocked) or the page opened in a plain browser, where
// onReady reports no host; both get the notice instead of a task pane that cannot work.
if (typeof Office === 'undefined') {
  renderOutsideOffice();
} else {
  Office.onReady(({ host }) => (host === Office.HostType.Excel ? renderInExcel() : renderOutsideOffice()));
}
