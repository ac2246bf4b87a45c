import { useState } from 'react';
import { MessageBar, MessageBarBody, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { OverviewTab } from './OverviewTab';
import { EconomyTab } from './EconomyTab';
import { SetupTab } from './SetupTab';
import { ValidationTab } from './ValidationTab';

const TABS = ['setup', 'validation', 'overview', 'economy'] as const;
type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, minWidth: '300px', maxWidth: '450px' },
});

export interface AppProps {
  strings: UiStrings;
  lang: Lang;
  workbook: LiveWorkbook;
  /** ExcelApi 1.8 (data validation) is needed for drop-down lists; older Excel gets a notice. */
  dataValidationSupported: boolean;
  today: () => CalendarDate;
  subscribeChanges?: (onChange: () => void) => Promise<() => void>;
}

export function App({ strings, lang, workbook, dataValidationSupported, today, subscribeChanges }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('setup');
  const common = { workbook, strings, lang, today };
  return (
    <main className={styles.root}>
      <Title2 as="h1">{strings.appTitle}</Title2>
      {!dataValidationSupported && (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.dataValidationUnsupported}</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)} aria-label={strings.tabListLabel}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>{strings.tabs[id]}</Tab>
        ))}
      </TabList>
      {/* Panels stay mounted so results survive switching tabs. */}
      {TABS.map((id) => (
        <section key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id}>
          {id === 'setup' && <SetupTab {...common} />}
          {id === 'validation' && <ValidationTab {...common} subscribeChanges={subscribeChanges} />}
          {id === 'overview' && <OverviewTab {...common} />}
          {id === 'economy' && <EconomyTab {...common} />}
        </section>
      ))}
    </main>
  );
}

/** Shown when the page is opened in a plain browser instead of from Excel. */
export function OutsideOffice({ strings }: { strings: UiStrings }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{strings.appTitle}</Title2>
      <MessageBar intent="info">
        <MessageBarBody>{strings.outsideOffice}</MessageBarBody>
      </MessageBar>
    </main>
  );
}
