import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, Dialog, DialogActions, DialogBody,
  DialogContent, DialogSurface, DialogTitle, Link, MessageBar, MessageBarBody, Switch, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { findingMessage } from '../i18n/findings';
import { maskCpr } from '../domain/parse/cpr';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { Finding } from '../domain/validate';
import { applySuggestions, selectCell, validate, writeFindingsSheet, type ValidationRun } from '../operations/operations';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  where: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface ValidationTabProps {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
  /** Calls back (debounced) when cells change; returns the unsubscribe. Absent where Excel has no events. */
  subscribeChanges?: (onChange: () => void) => Promise<() => void>;
}

export function ValidationTab({ workbook, strings, lang, today, subscribeChanges }: ValidationTabProps) {
  const styles = useStyles();
  const t = strings.validation;
  const operation = useOperation();
  const [run, setRun] = useState<ValidationRun>();
  const [scope, setScope] = useState<'sheet' | 'workbook'>('sheet');
  // The findings whose suggestions await confirmation; kept while the dialog animates closed.
  const [pending, setPending] = useState<Finding[]>([]);
  const [confirming, setConfirming] = useState(false);
  const ask = (findings: Finding[]) => {
    setPending(findings);
    setConfirming(true);
  };
  const [applied, setApplied] = useState<number>();
  const [kept, setKept] = useState<string>();
  const [live, setLive] = useState(false);
  const lastScope = useRef(scope);

  const runValidation = (s: 'sheet' | 'workbook' = lastScope.current) =>
    operation.start(async (signal) => {
      lastScope.current = s;
      setScope(s);
      setApplied(undefined);
      setKept(undefined);
      setRun(await validate(workbook, s, today(), signal));
    });

  // Live validation calls the latest runValidation, not the one of the render that subscribed.
  const latestRun = useRef(runValidation);
  useEffect(() => {
    latestRun.current = runValidation;
  });
  useEffect(() => {
    if (!live || !subscribeChanges) return undefined;
    let unsubscribe: (() => void) | undefined;
    let stopped = false;
    void subscribeChanges(() => void latestRun.current()).then((u) => (stopped ? u() : (unsubscribe = u)));
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  }, [live, subscribeChanges]);

  const confirmApply = () => {
    const chosen = pending;
    setConfirming(false);
    void operation.start(async (signal) => {
      const n = await applySuggestions(workbook, chosen);
      const again = await validate(workbook, lastScope.current, today(), signal);
      setRun(again);
      setApplied(n);
    });
  };

  const findings = useMemo(() => run?.findings ?? [], [run]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const bySheet = useMemo(() => groupBy(findings, (f) => f.sheet), [findings]);
  const fixable = useMemo(() => [...groupBy(findings.filter((f) => f.suggestion !== undefined), (f) => f.code)].filter(([, list]) => list.length > 1), [findings]);
  const scopeText = scope === 'sheet' && run?.sheet ? t.scopeSheet(run.sheet) : t.scopeWorkbook;

  return (
    <div className={styles.column}>
      <Body1 as="p">{t.intro}</Body1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void runValidation('sheet')} disabled={operation.running}>{t.sheet}</Button>
        <Button onClick={() => void runValidation('workbook')} disabled={operation.running}>{t.workbook}</Button>
      </div>
      {subscribeChanges && <Switch checked={live} onChange={(_, d) => setLive(d.checked)} label={t.live} aria-describedby="live-hint" />}
      {subscribeChanges && <Caption1 id="live-hint">{t.liveHint}</Caption1>}
      <Feedback operation={operation} strings={strings} onRetry={() => void runValidation()} />
      {applied !== undefined && <MessageBar intent="success"><MessageBarBody>{t.applied(applied)}</MessageBarBody></MessageBar>}
      {kept && <MessageBar intent="info"><MessageBarBody>{kept}</MessageBarBody></MessageBar>}
      {run && !findings.length && <MessageBar intent="success"><MessageBarBody>{t.none(scopeText)}</MessageBarBody></MessageBar>}
      {run && findings.length > 0 && (
        <>
          <MessageBar intent={errors ? 'error' : 'warning'}>
            <MessageBarBody>{`${t.counts(errors, findings.length - errors)} – ${scopeText}`}</MessageBarBody>
          </MessageBar>
          <div className={styles.buttons}>
            <Button size="small" onClick={() => void operation.start(async () => {
              const written = await writeFindingsSheet(workbook, findings, today(), lang);
              setKept(written.kept && strings.kept[written.kept.reason](written.kept.sheet, written.kept.as));
            })}>{t.writeSheet}</Button>
            {fixable.map(([code, list]) => (
              <Button key={code} size="small" onClick={() => ask(list)}>{`${t.applyAll(list.length)} (${code})`}</Button>
            ))}
          </div>
          <Accordion multiple collapsible defaultOpenItems={[...bySheet.keys()]} aria-label={t.findingsLabel}>
            {[...bySheet].map(([sheet, list]) => (
              <AccordionItem key={sheet} value={sheet}>
                <AccordionHeader>
                  {maskCpr(sheet)}&nbsp;
                  <Badge appearance="tint" color="danger">{list.filter((f) => f.severity === 'error').length}</Badge>&nbsp;
                  <Badge appearance="tint" color="warning">{list.filter((f) => f.severity === 'warning').length}</Badge>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {sortBySeverity(list).map((f) => (
                      <li key={`${f.cell}-${f.code}-${findingMessage(f, lang)}`} className={styles.finding}>
                        <span className={styles.where}>
                          <Badge appearance="filled" color={f.severity === 'error' ? 'danger' : 'warning'}>{strings.severity[f.severity]}</Badge>
                          <Link as="button" onClick={() => void operation.start(() => selectCell(workbook, f.sheet, f.cell))}>{t.goTo(f.cell)}</Link>
                          <Caption1>{maskCpr(f.column)}</Caption1>
                        </span>
                        <Body1>{findingMessage(f, lang)}</Body1>
                        {f.suggestion !== undefined && (
                          <span className={styles.where}>
                            <Caption1>{`${t.suggestion}: ${f.suggestion}`}</Caption1>
                            <Button size="small" onClick={() => ask([f])}>{t.apply}</Button>
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>{t.confirmText(pending.length)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={confirmApply}>{t.confirm}</Button>
              <Button onClick={() => setConfirming(false)}>{strings.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const sortBySeverity = (list: Finding[]) => [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
