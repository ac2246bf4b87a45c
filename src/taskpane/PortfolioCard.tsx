/**
 * "Saml projektmapper" in the Opsætning tab: what the portfolio commands do and how to run them.
 * The pane cannot read other workbooks (the streaming reader needs Node; Office.js opens only the
 * open workbook), so the card says so and gives the `indsats` commands that do it on the files.
 * The operations behind them (src/operations/portfolio.ts) take any LiveWorkbook, so a pane
 * version needs only a browser-side reader.
 */
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { UiStrings } from '../i18n/da';
import { Card, CardList } from './cards';
import { PartnerCopyCard } from './PartnerCopyCard';
import type { TabProps } from './tabProps';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', margin: 0 },
  label: { fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground2 },
});

export const PORTFOLIO_COMMANDS = {
  consolidate: 'indsats consolidate A.xlsx B.xlsx -o Portefølje.xlsx',
  partner: 'indsats partner Fil.xlsx --initiative ITMV -o ITMV-partner.xlsx',
  merge: 'indsats merge Fil.xlsx ITMV-partner.xlsx --dry-run',
} as const;

export function PortfolioCard({ strings, workbook, lang }: { strings: UiStrings } & Partial<Pick<TabProps, 'workbook' | 'lang'>>) {
  const styles = useStyles();
  const t = strings.portfolioCard;
  return (
    <section className={styles.column} aria-labelledby="portfolio-title">
      <Subtitle2 as="h2" id="portfolio-title">{t.title}</Subtitle2>
      <Caption1 as="p">{t.intro}</Caption1>
      <CardList label={t.listLabel}>
        {(['consolidate', 'partner', 'merge'] as const).map((key) => (
          <Card key={key} head={t[key]} lines={[]}>
            <Caption1 as="p">{t[`${key}Help`]}</Caption1>
            <p className={styles.code}>
              <span className={styles.label}>{t.command}: </span>
              <code>{PORTFOLIO_COMMANDS[key]}</code>
            </p>
          </Card>
        ))}
      </CardList>
      {workbook && lang && <PartnerCopyCard workbook={workbook} strings={strings} lang={lang} />}
    </section>
  );
}
