import { useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { messages } from '../i18n';
import type { UiStrings } from '../i18n/da';
import { formatDanishDate } from '../domain/parse/calendarDate';
import { freezeSnapshot, refreshOverview, SnapshotExistsError, type SummaryRun } from '../operations/summarize';
import { useAnnounce } from './announce';
import { Card, CardList } from './cards';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';
import type { TabProps } from './tabProps';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Props = TabProps;

type Note = { intent: 'success' | 'info' | 'warning'; text: string };

/** Overblik: the same operation as `indsats summarize` and the ribbon's "Opdater overblik". */
export function OverviewTab({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const t = strings.overview;
  const operation = useOperation();
  const announce = useAnnounce();
  const [run, setRun] = useState<SummaryRun>();
  const [notes, setNotes] = useState<Note[]>([]);
  const keptText = (kept: { sheet: string; as: string; reason: keyof UiStrings['kept'] }) => strings.kept[kept.reason](kept.sheet, kept.as);
  const show = (list: Note[]) => {
    setNotes(list);
    announce(list.map((n) => n.text).join(' '));
  };

  const refresh = async () => {
    const outcome = await operation.start((_signal, onProgress) => refreshOverview(workbook, today(), lang, { onProgress }));
    if (outcome.status === 'failed') {
      setRun(undefined);
      setNotes([]);
    }
    if (outcome.status !== 'done') return;
    setRun(outcome.value);
    // The date the figures are for (the data's latest Status pr.), not today's.
    show([{ intent: 'success', text: t.refreshed(formatDanishDate(outcome.value.reportDate)) }, ...[outcome.value.kept, outcome.value.keptReport].flatMap((kept) => (kept ? [{ intent: 'info' as const, text: keptText(kept) }] : []))]);
  };
  const freeze = async () => {
    const outcome = await operation.start(async () => {
      try {
        const { kept } = await freezeSnapshot(workbook, today(), lang);
        return [{ intent: 'success', text: t.frozen(formatDanishDate(today())) }, ...(kept ? [{ intent: 'info', text: keptText(kept) }] : [])] as Note[];
      } catch (error) {
        if (!(error instanceof SnapshotExistsError)) throw error;
        return [{ intent: 'warning', text: messages[lang].summary.snapshotExists(formatDanishDate(error.date)) }] as Note[];
      }
    });
    if (outcome.status === 'done') show(outcome.value);
  };
  const c = t.columns;
  const group = (s: SummaryRun['initiatives'][number], codes: string[]) => s.byStatus.filter((b) => codes.includes(b.code)).reduce((n, b) => n + b.courses, 0);
  return (
    <div className={styles.column}>
      <Caption1 as="p">{t.intro}</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void refresh()} disabled={operation.running}>{t.refresh}</Button>
        <Button onClick={() => void freeze()} disabled={operation.running} aria-describedby="freeze-hint">{t.freeze}</Button>
      </div>
      <Caption1 id="freeze-hint">{t.freezeHint}</Caption1>
      <Feedback operation={operation} strings={strings} onRetry={() => void refresh()} />
      {notes.map((n) => <MessageBar key={n.text} intent={n.intent}><MessageBarBody>{n.text}</MessageBarBody></MessageBar>)}
      {run && run.initiatives.length > 0 && (
        <CardList label={t.listLabel}>
          {run.initiatives.map((s) => (
            <Card key={s.initiativeId} inline head={s.initiativeId} lines={[
              [c.job, strings.count(s.byOutcome.job)],
              [c.placement, strings.count(group(s, ['PRAKTIK']))],
              [c.course, strings.count(s.byOutcome.active - group(s, ['PRAKTIK']))],
              [c.ended, strings.count(s.byOutcome.ended)],
              [c.total, strings.count(s.total)],
            ]} />
          ))}
        </CardList>
      )}
    </div>
  );
}
