import { useRef, useState } from 'react';
import {
  Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, makeStyles, tokens,
} from '@fluentui/react-components';
import { messages } from '../i18n';
import type { UiStrings } from '../i18n/da';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import {
  freezeSnapshot, listSnapshots, previewSnapshot, refreshOverview, SnapshotExistsError, withdrawSnapshot,
  type SnapshotFigures, type SnapshotListing, type SnapshotPreview, type SummaryRun,
} from '../operations/summarize';
import { useAnnounce } from './announce';
import { Card, CardList } from './cards';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';
import type { TabProps } from './tabProps';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  snapshot: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

type Props = TabProps;

type Note = { intent: 'success' | 'info' | 'warning'; text: string };
type Asking = { kind: 'freeze'; preview: SnapshotPreview } | { kind: 'withdraw'; date: CalendarDate };

/**
 * Overblik: the same operation as `indsats summarize` and the ribbon's "Opdater overblik". The
 * figures use the sheet's definitions (courses per status group, citizens in all) and say how many
 * rows are left out. Freezing shows what it will freeze and the open errors and asks first; a
 * frozen snapshot can be withdrawn (marked, never deleted).
 */
export function OverviewTab({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const t = strings.overview;
  const operation = useOperation();
  const announce = useAnnounce();
  const [run, setRun] = useState<SummaryRun>();
  const [notes, setNotes] = useState<Note[]>([]);
  const [snapshots, setSnapshots] = useState<SnapshotListing[]>();
  // One dialog asks both questions (freeze these figures? withdraw that snapshot?); what it asked
  // stays shown while it animates closed.
  const [asking, setAsking] = useState<Asking>();
  const [open, setOpen] = useState(false);
  const ask = (a: Asking) => {
    setAsking(a);
    setOpen(true);
  };
  const preview = asking?.kind === 'freeze' ? asking.preview : undefined;
  const withdrawing = asking?.kind === 'withdraw' ? asking.date : undefined;
  const freezeButton = useRef<HTMLButtonElement>(null);
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
    setSnapshots(outcome.value.snapshots);
    // The date the figures are for (the data's latest Status pr.), not today's.
    show([{ intent: 'success', text: t.refreshed(formatDanishDate(outcome.value.reportDate)) }, ...[outcome.value.kept, outcome.value.keptReport].flatMap((kept) => (kept ? [{ intent: 'info' as const, text: keptText(kept) }] : []))]);
  };

  /** First what would be frozen: the figures and the open errors, in a dialog that asks. */
  const askFreeze = async () => {
    const outcome = await operation.start(() => previewSnapshot(workbook, today()));
    if (outcome.status !== 'done') return;
    setSnapshots(outcome.value.snapshots);
    if (outcome.value.exists) {
      show([{ intent: 'warning', text: messages[lang].summary.snapshotExists(formatDanishDate(outcome.value.asOf)) }]);
      return;
    }
    ask({ kind: 'freeze', preview: outcome.value });
  };
  const close = () => {
    setOpen(false);
    setTimeout(() => freezeButton.current?.focus(), 0);
  };
  const confirmFreeze = async () => {
    const asOf = preview!.asOf;
    setOpen(false);
    const outcome = await operation.start(async () => {
      try {
        const { kept } = await freezeSnapshot(workbook, asOf, lang);
        setSnapshots(await listSnapshots(workbook));
        return [{ intent: 'success', text: t.frozen(formatDanishDate(asOf)) }, ...(kept ? [{ intent: 'info', text: keptText(kept) }] : [])] as Note[];
      } catch (error) {
        if (!(error instanceof SnapshotExistsError)) throw error;
        return [{ intent: 'warning', text: messages[lang].summary.snapshotExists(formatDanishDate(error.date)) }] as Note[];
      }
    });
    if (outcome.status === 'done') show(outcome.value);
  };

  const confirmWithdraw = async () => {
    const date = withdrawing!;
    setOpen(false);
    const outcome = await operation.start(async () => {
      const { rows } = await withdrawSnapshot(workbook, date, today(), lang);
      setSnapshots(await listSnapshots(workbook));
      return rows;
    });
    if (outcome.status === 'done') show([{ intent: 'success', text: t.withdrawn(formatDanishDate(date), outcome.value) }]);
  };

  const c = t.columns;
  const figureLines = (f: SnapshotFigures): [string, string][] => [
    [c.job, strings.count(f.job)],
    [c.education, strings.count(f.education)],
    [c.placement, strings.count(f.placement)],
    [c.course, strings.count(f.course)],
    [c.ended, strings.count(f.ended)],
    [c.courses, strings.count(f.courses)],
    [c.total, strings.count(f.total)],
  ];
  return (
    <div className={styles.column}>
      <Caption1 as="p">{t.intro}</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void refresh()} disabled={operation.running}>{t.refresh}</Button>
        <Button ref={freezeButton} onClick={() => void askFreeze()} disabled={operation.running} aria-describedby="freeze-hint">{t.freeze}</Button>
      </div>
      <Caption1 id="freeze-hint">{t.freezeHint}</Caption1>
      <Feedback operation={operation} strings={strings} onRetry={() => void refresh()} />
      {notes.map((n) => <MessageBar key={n.text} intent={n.intent}><MessageBarBody>{n.text}</MessageBarBody></MessageBar>)}
      {run && run.initiatives.length > 0 && (
        <>
          <Caption1 as="p">{t.definitions}</Caption1>
          <CardList label={t.listLabel}>
            {run.figures.map((f, i) => {
              const summary = run.initiatives[i]!;
              const leftOut = summary.withoutStartDate + summary.withoutStatus;
              const notCounted = run.uncounted.byInitiative[f.initiativeId] ?? 0;
              return (
                <Card key={f.initiativeId} inline head={f.initiativeId} lines={figureLines(f)}>
                  {leftOut > 0 && <Caption1>{t.leftOut(leftOut)}</Caption1>}
                  {notCounted > 0 && <Caption1>{t.notCounted(notCounted)}</Caption1>}
                </Card>
              );
            })}
          </CardList>
        </>
      )}
      {snapshots && snapshots.length > 0 && (
        <CardList label={t.snapshotsLabel}>
          {snapshots.map((s) => (
            <Card key={`${s.date}|${s.withdrawn ?? ''}`} head={formatDanishDate(s.date)} lines={[[t.snapshotRows(s.rows), s.withdrawn ? t.withdrawnOn(formatDanishDate(s.withdrawn)) : t.inForce]]}>
              {!s.withdrawn && (
                <div className={styles.snapshot}>
                  <Button size="small" onClick={() => ask({ kind: 'withdraw', date: s.date })} disabled={operation.running} aria-label={t.withdrawLabel(formatDanishDate(s.date))}>{t.withdraw}</Button>
                </div>
              )}
            </Card>
          ))}
        </CardList>
      )}
      <Dialog open={open} onOpenChange={(_, d) => (d.open ? setOpen(true) : close())}>
        <DialogSurface>
          {preview && (
            <DialogBody>
              <DialogTitle>{t.confirmFreezeTitle(formatDanishDate(preview.asOf))}</DialogTitle>
              <DialogContent>
                <div className={styles.column}>
                  <Caption1 as="p">{t.confirmFreezeText(formatDanishDate(preview.asOf))}</Caption1>
                  <CardList label={t.listLabel}>
                    {preview.figures.map((f) => <Card key={f.initiativeId} inline head={f.initiativeId} lines={figureLines(f)} />)}
                  </CardList>
                  {preview.errors.length > 0
                    ? <MessageBar intent="warning"><MessageBarBody>{t.openErrors(preview.errors.length)}</MessageBarBody></MessageBar>
                    : <Caption1 as="p">{t.noErrors}</Caption1>}
                </div>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void confirmFreeze()}>{t.confirmFreeze}</Button>
                <Button onClick={close}>{strings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          )}
          {withdrawing && (
            <DialogBody>
              <DialogTitle>{t.confirmWithdrawTitle(formatDanishDate(withdrawing))}</DialogTitle>
              <DialogContent>{t.confirmWithdrawText}</DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void confirmWithdraw()}>{t.confirmWithdraw}</Button>
                <Button onClick={close}>{strings.cancel}</Button>
              </DialogActions>
            </DialogBody>
          )}
        </DialogSurface>
      </Dialog>
    </div>
  );
}
