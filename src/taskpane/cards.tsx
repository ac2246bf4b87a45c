import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  lines: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums', textAlign: 'right', marginLeft: 'auto' },
  // Short figures side by side ("I job 2 · I praktik 6 …"): one initiative in two lines, not six.
  inlineLines: { margin: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS },
  inlineLine: { display: 'flex', gap: tokens.spacingHorizontalXS },
  inlineValue: { margin: 0, fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

/** A list of cards, each a heading and label/value lines: readable at 320 px, where a table is not. */
export function CardList({ label, children }: { label: string; children: ReactNode }) {
  return <ul className={useStyles().list} aria-label={label}>{children}</ul>;
}

export function Card({ head, lines, children, inline }: { head: ReactNode; lines: [string, ReactNode][]; children?: ReactNode; inline?: boolean }) {
  const styles = useStyles();
  return (
    <li className={styles.card}>
      <h3 className={styles.head}>{head}</h3>
      {children}
      <dl className={inline ? styles.inlineLines : styles.lines}>
        {lines.map(([label, value]) => (
          <div key={label} className={inline ? styles.inlineLine : styles.line}>
            <dt className={styles.label}>{label}</dt>
            <dd className={inline ? styles.inlineValue : styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
