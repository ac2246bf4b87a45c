import { useState } from 'react';
import {
  Body1,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { UiStrings } from '../i18n/ui';

const TABS = ['setup', 'validation', 'overview', 'economy'] as const;
type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  strings: UiStrings;
  /** ExcelApi 1.8 (data validation) is needed for drop-down lists; older Excel gets a notice. */
  dataValidationSupported: boolean;
}

export function App({ strings, dataValidationSupported }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('setup');
  return (
    <main className={styles.root}>
      <Title2 as="h1">{strings.appTitle}</Title2>
      {!dataValidationSupported && (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.dataValidationUnsupported}</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
        aria-label={strings.tabListLabel}
      >
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls="tab-panel">
            {strings.tabs[id].label}
          </Tab>
        ))}
      </TabList>
      <section id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <Body1 as="p">{strings.tabs[tab].description}</Body1>
      </section>
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
