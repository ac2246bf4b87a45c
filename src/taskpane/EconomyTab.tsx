import { useRef, useState } from 'react';
import { Badge, Button, Caption1, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { messages } from '../i18n';
import { findingMessage } from '../i18n/findings';
import { formatOre } from '../domain/parse/amount';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { ReconciliationStatus } from '../domain/finance';
import { selectCell } from '../operations/operations';
import { reconcileEconomy, type EconomyRun } from '../operations/economy';
import { decodeRefundFile, importRefunds } from '../operations/refundImport';
import { useAnnounce } from './announce';
import { Card, CardList } from './cards';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';
import type { TabProps } from './tabProps';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Props = TabProps;

const BADGE: Record<ReconciliationStatus, 'success' | 'warning' | 'danger'> = {
  afstemt: 'success', udestående: 'warning', 'mangler anmodning': 'warning', overrefunderet: 'danger',
};

/** Reconciliation of refunds and co-financing (as `indsats reconcile -o`): one card per initiative and year, status first. */
export function EconomyTab({ workbook, strings, lang, today, now }: Props) {
  const styles = useStyles();
  const t = strings.economy;
  const finance = messages[lang].finance;
  const operation = useOperation();
  const announce = useAnnounce();
  const [result, setResult] = useState<{ run: EconomyRun; at: Date; date: CalendarDate }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<{ intent: 'success' | 'warning'; lines: string[] }>();

  const summaryOf = (run: EconomyRun) => {
    const lines = run.reconciliation.lines;
    const gaps = lines.filter((l) => l.status !== 'afstemt').length;
    return !lines.length ? t.none : gaps ? t.gaps(gaps) : t.allReconciled(lines.length);
  };

  /** Reconciles; a failure clears the old result, so nothing stale is shown as current. */
  const reconcileNow = async (before?: () => Promise<{ intent: 'success' | 'warning'; lines: string[] } | 'stop'>) => {
    const outcome = await operation.start(async (_signal, onProgress) => {
      const note = before ? await before() : undefined;
      if (note === 'stop') return undefined;
      if (note) setImported(note);
      const date = today();
      return { run: await reconcileEconomy(workbook, date, lang, onProgress), date, note };
    });
    if (outcome.status === 'failed') setResult(undefined);
    if (outcome.status !== 'done' || !outcome.value) return;
    const { run, date, note } = outcome.value;
    setResult({ run, at: now(), date });
    announce([...(note?.lines ?? []), summaryOf(run)].join(' '));
  };

  const importFile = (file: File) => {
    setImported(undefined);
    void reconcileNow(async () => {
      const text = decodeRefundFile(await readBytes(file));
      const r = await importRefunds(workbook, text, file.name, today(), lang);
      const f = finance.refundImport;
      if (r.kind === 'problems') {
        const note = { intent: 'warning' as const, lines: [f.rejected(r.problems.length), ...r.problems] };
        setImported(note);
        announce(note.lines[0]);
        return 'stop';
      }
      if (r.kind === 'duplicate') return { intent: 'warning', lines: [f.duplicate(r.file)] };
      if (r.kind === 'empty') return { intent: 'warning', lines: [f.empty(r.file)] };
      if (r.checks.length) return { intent: 'warning', lines: [f.imported(r.groups, r.lines, r.file), finance.checked(r.checks.length), ...r.checks] };
      return { intent: 'success', lines: [f.imported(r.groups, r.lines, r.file)] };
    });
  };

  const run = result?.run;
  const lines = run?.reconciliation.lines ?? [];
  const gaps = lines.filter((l) => l.status !== 'afstemt').length;
  const c = t.columns;
  const r = t.refundColumns;
  return (
    <div className={styles.column}>
      <Caption1 as="p">{t.intro}</Caption1>
      <Button appearance="primary" onClick={() => void reconcileNow()} disabled={operation.running}>{t.run}</Button>
      <Feedback operation={operation} strings={strings} onRetry={() => void reconcileNow()} />
      {imported && (
        <MessageBar intent={imported.intent}>
          <MessageBarBody>{imported.lines.map((l) => <div key={l}>{l}</div>)}</MessageBarBody>
        </MessageBar>
      )}
      {run && (
        <>
          <MessageBar intent={!lines.length ? 'info' : gaps ? 'warning' : 'success'}><MessageBarBody>{summaryOf(run)}</MessageBarBody></MessageBar>
          {run.kept && <MessageBar intent="info"><MessageBarBody>{strings.kept[run.kept.reason](run.kept.sheet, run.kept.as)}</MessageBarBody></MessageBar>}
          <Caption1>{t.asOf(formatDanishDate(result.date), strings.at(result.at))}</Caption1>
        </>
      )}
      {lines.length > 0 && (
        <CardList label={t.linesLabel}>
          {lines.map((l) => (
            <Card
              key={`${l.initiativeId}-${l.year}`}
              head={<><Badge appearance="filled" color={BADGE[l.status]}>{finance.status[l.status]}</Badge><span>{`${l.initiativeId} ${l.year}`}</span></>}
              lines={[
                [c.budget, formatOre(l.budgetTotal)],
                [c.spent, formatOre(l.spent)],
                [c.expected, formatOre(l.expectedRefund)],
                [c.received, formatOre(l.received)],
                ...(l.outstanding ? [[c.outstanding, formatOre(l.outstanding)] as [string, string]] : []),
                ...(l.overRefunded ? [[c.overRefunded, formatOre(l.overRefunded)] as [string, string]] : []),
                ...(l.unclaimed ? [[c.unclaimed, formatOre(l.unclaimed)] as [string, string]] : []),
                [c.net, formatOre(l.netMunicipalCost)],
              ]}
            >
              <Caption1>{finance.statusDetail[l.status]({ amount: formatOre(l.overRefunded || l.unclaimed || l.outstanding), days: l.ageDays ?? 0 })}</Caption1>
            </Card>
          ))}
        </CardList>
      )}
      {run && run.refunds.length > 0 && (
        <>
          <Subtitle2 as="h2">{t.refunds}</Subtitle2>
          <Caption1 as="p">{t.refundNote}</Caption1>
          <CardList label={t.refunds}>
            {run.refunds.map((y) => (
              <Card key={y.year} head={t.refundYear(y.year)} lines={[
                [r.paid, formatOre(y.paidOre)], [r.refund, formatOre(y.refundOre)], [r.coFinancing, formatOre(y.coFinancingOre)],
                [r.lines, strings.count(y.lines)], [r.files, strings.count(y.files)],
              ]} />
            ))}
          </CardList>
        </>
      )}
      {run && run.findings.length > 0 && (
        <>
          <Subtitle2 as="h2">{t.issues}</Subtitle2>
          <ul className={styles.issues}>
            {run.findings.map((f) => (
              <li key={`${f.cell}-${f.code}`}>
                <Link as="button" onClick={() => void operation.start(() => selectCell(workbook, f.sheet, f.cell))}>{strings.validation.goTo(f.cell)}</Link>{' '}
                {findingMessage(f, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {/* The browser's own file control speaks the browser's language ("Choose File"): a button in the pane's opens it. */}
      <input
        ref={fileInput}
        id="refund-file"
        type="file"
        accept=".csv,.txt"
        hidden
        aria-label={t.importLabel}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after a fix
          if (file) importFile(file);
        }}
      />
      <Button onClick={() => fileInput.current?.click()} disabled={operation.running} aria-describedby="refund-hint">{t.importLabel}</Button>
      <Caption1 id="refund-hint">{t.importHint}</Caption1>
    </div>
  );
}

/** A chosen file's bytes (FileReader: available in every webview Office uses). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}
