import { useState } from 'react';
import {
  Body1, Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { freezeSnapshot, refreshOverview, SnapshotExistsError, type SummaryRun } from '../operations/summarize';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
}

/** Overblik: the same operation as `indsats summarize` and the ribbon's "Opdater overblik". */
export function OverviewTab({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const t = strings.overview;
  const operation = useOperation();
  const [run, setRun] = useState<SummaryRun>();
  const [notes, setNotes] = useState<{ intent: 'success' | 'info' | 'warning'; text: string }[]>([]);

  const refresh = () => operation.start(async () => {
    const result = await refreshOverview(workbook, today(), lang);
    setRun(result);
    setNotes([{ intent: 'success', text: t.refreshed(formatDanishDate(today())) }, ...(result.kept ? [{ intent: 'info' as const, text: strings.kept[result.kept.reason](result.kept.sheet, result.kept.as) }] : [])]);
  });
  const freeze = () => operation.start(async () => {
    try {
      const { kept } = await freezeSnapshot(workbook, today(), lang);
      setNotes([{ intent: 'success', text: t.frozen(formatDanishDate(today())) }, ...(kept ? [{ intent: 'info' as const, text: strings.kept[kept.reason](kept.sheet, kept.as) }] : [])]);
    } catch (error) {
      if (!(error instanceof SnapshotExistsError)) throw error;
      setNotes([{ intent: 'warning', text: messages[lang].summary.snapshotExists(formatDanishDate(error.date)) }]);
    }
  });
  const c = t.columns;
  const group = (s: SummaryRun['initiatives'][number], codes: string[]) => s.byStatus.filter((b) => codes.includes(b.code)).reduce((n, b) => n + b.courses, 0);
  return (
    <div className={styles.column}>
      <Body1 as="p">{t.intro}</Body1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void refresh()} disabled={operation.running}>{t.refresh}</Button>
        <Button onClick={() => void freeze()} disabled={operation.running}>{t.freeze}</Button>
      </div>
      <Feedback operation={operation} strings={strings} onRetry={() => void refresh()} />
      {notes.map((n) => <MessageBar key={n.text} intent={n.intent}><MessageBarBody>{n.text}</MessageBarBody></MessageBar>)}
      {run && run.initiatives.length > 0 && (
        <Table size="extra-small" aria-label={t.refresh}>
          <TableHeader>
            <TableRow>{[c.initiative, c.job, c.placement, c.course, c.ended, c.total].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}</TableRow>
          </TableHeader>
          <TableBody>
            {run.initiatives.map((s) => (
              <TableRow key={s.initiativeId}>
                <TableCell>{s.initiativeId}</TableCell>
                <TableCell>{s.byOutcome.job}</TableCell>
                <TableCell>{group(s, ['PRAKTIK'])}</TableCell>
                <TableCell>{s.byOutcome.active - group(s, ['PRAKTIK'])}</TableCell>
                <TableCell>{s.byOutcome.ended}</TableCell>
                <TableCell>{s.total}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
