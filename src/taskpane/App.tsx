import { useEffect, useState } from 'react';
import { MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { Announcer, useVisuallyHidden } from './announce';
import { OverviewTab } from './OverviewTab';
import { EconomyTab } from './EconomyTab';
import { RegisterTab } from './RegisterTab';
import { SetupTab } from './SetupTab';
import { ValidationTab } from './ValidationTab';

const TABS = ['register', 'validation', 'overview', 'economy', 'setup'] as const;
export type TabId = (typeof TABS)[number];

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box', width: '100%', maxWidth: '640px', minHeight: '100vh',
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    overflowWrap: 'anywhere',
  },
  // Five tabs need ~390 px: at Excel's default 320–350 px they wrap to a second row instead of scrolling.
  tabs: { flexWrap: 'wrap', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { minWidth: 0 },
});

export interface AppProps {
  strings: UiStrings;
  lang: Lang;
  workbook: LiveWorkbook;
  /** ExcelApi 1.8 (data validation) is needed for drop-down lists; older Excel gets a notice. */
  dataValidationSupported: boolean;
  today: () => CalendarDate;
  /** The clock, for "tjekket kl. 10.42". */
  now?: () => Date;
  subscribeChanges?: (onChange: () => void) => Promise<() => void>;
  initialTab?: TabId;
}

const systemNow = () => new Date();

export function App({ strings, lang, workbook, dataValidationSupported, today, now = systemNow, subscribeChanges, initialTab = 'register' }: AppProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const [tab, setTab] = useState<TabId>(initialTab);
  // The sheet "Tag i brug" was pressed for in Validering: the adopt card in Opsætning opens with it.
  const [adoptRequest, setAdoptRequest] = useState<{ sheet: string; n: number }>();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const common = { workbook, strings, lang, today, now };
  return (
    <Announcer>
      <main className={styles.root}>
        {/* Office shows the add-in's name above the pane: the heading is for screen readers only. */}
        <h1 className={hidden.hidden}>{strings.appTitle}</h1>
        {!dataValidationSupported && (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.dataValidationUnsupported}</MessageBarBody>
          </MessageBar>
        )}
        <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)} aria-label={strings.tabListLabel}>
          {TABS.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>{strings.tabs[id]}</Tab>
          ))}
        </TabList>
        {/* Panels stay mounted so results survive switching tabs. */}
        {TABS.map((id) => (
          <section key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id} className={styles.panel}>
            {id === 'register' && <RegisterTab {...common} visible={tab === 'register'} onGoToSetup={() => setTab('setup')} />}
            {id === 'validation' && <ValidationTab {...common} subscribeChanges={subscribeChanges} onAdopt={(sheet) => { setAdoptRequest((r) => ({ sheet, n: (r?.n ?? 0) + 1 })); setTab('setup'); }} />}
            {id === 'overview' && <OverviewTab {...common} />}
            {id === 'economy' && <EconomyTab {...common} />}
            {id === 'setup' && <SetupTab {...common} adoptRequest={adoptRequest} />}
          </section>
        ))}
      </main>
    </Announcer>
  );
}

/** Shown when the page is opened in a plain browser instead of from Excel. */
export function OutsideOffice({ strings }: { strings: UiStrings }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <h1>{strings.appTitle}</h1>
      <MessageBar intent="info">
        <MessageBarBody>{strings.outsideOffice}</MessageBarBody>
      </MessageBar>
    </main>
  );
}
