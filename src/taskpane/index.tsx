import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { langFrom } from '../i18n';
import { uiStrings } from '../i18n/ui';
import { todayLocal } from '../domain/parse/calendarDate';
import { App, OutsideOffice } from './App';
import { changeSubscription, excelWorkbook } from '../operations/excelWorkbook';
import { applyPage, themeFor } from './theme';

const root = createRoot(document.getElementById('root') as HTMLElement);

function renderOutsideOffice(): void {
  applyPage(themeFor(undefined), 'da');
  root.render(
    <FluentProvider theme={themeFor(undefined)}>
      <OutsideOffice strings={uiStrings(undefined)} />
    </FluentProvider>,
  );
}

function renderInExcel(): void {
  const { context } = Office;
  const supports = (set: string, version: string) => context.requirements.isSetSupported(set, version);
  const run = Excel.run.bind(Excel) as Parameters<typeof excelWorkbook>[0];
  const theme = themeFor(context.officeTheme?.bodyBackgroundColor);
  applyPage(theme, langFrom(context.displayLanguage));
  root.render(
    <FluentProvider theme={theme}>
      <App
        strings={uiStrings(context.displayLanguage)}
        lang={langFrom(context.displayLanguage)}
        workbook={excelWorkbook(run, supports)}
        dataValidationSupported={supports('ExcelApi', '1.8')}
        today={todayLocal}
        subscribeChanges={changeSubscription(run, supports)}
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
