import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, Dialog, DialogActions, DialogBody,
  DialogContent, DialogSurface, DialogTitle, Link, MessageBar, MessageBarBody, Switch, makeStyles, mergeClasses, tokens, useRestoreFocusTarget,
} from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import { findingMessage } from '../i18n/findings';
import { maskCpr } from '../domain/parse/cpr';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { Finding } from '../domain/validate';
import { applySuggestions, selectCell, writeFindingsSheet } from '../operations/operations';
import { checkWorkbook, type CheckRun, type CheckTarget } from '../operations/check';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { useAnnounce } from './announce';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  stale: { opacity: 0.6 },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, outlineOffset: '2px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  where: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  header: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  live: { marginTop: tokens.spacingVerticalM, display: 'flex', flexDirection: 'column' },
});

export interface ValidationTabProps {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
  now: () => Date;
  /** Calls back (debounced) when cells change; returns the unsubscribe. Absent where Excel has no events. */
  subscribeChanges?: (onChange: () => void) => Promise<() => void>;
  /** "Tag i brug" on a sheet that was not checked: opens the adopt card in Opsætning with it chosen. */
  onAdopt?: (sheet: string) => void;
}

/** A result and when it was made. */
interface Checked {
  run: CheckRun;
  at: Date;
}

export function ValidationTab({ workbook, strings, lang, today, now, subscribeChanges, onAdopt }: ValidationTabProps) {
  const styles = useStyles();
  const t = strings.validation;
  const adoptStrings = messages[lang].adopt.ui;
  const operation = useOperation();
  const announce = useAnnounce();
  const restoreFocus = useRestoreFocusTarget();
  const [checked, setChecked] = useState<Checked>();
  // The findings whose suggestions await confirmation; kept while the dialog animates closed.
  const [pending, setPending] = useState<Finding[]>([]);
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLElement | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState<string>();
  const [live, setLive] = useState(false);
  const lastScope = useRef<'sheet' | 'workbook'>('sheet');
  // The sheet validated last: checked again when the active sheet is one Indsatsmonitor wrote (Fejl).
  const lastSheet = useRef<string>(undefined);

  const ask = (findings: Finding[]) => {
    trigger.current = document.activeElement as HTMLElement | null;
    setPending(findings);
    setConfirming(true);
  };

  const summaryText = (run: CheckRun) => {
    const scope = run.scope === 'sheet' && run.sheet ? t.scopeSheet(run.sheet) : t.scopeWorkbook;
    const errors = run.findings.filter((f) => f.severity === 'error').length;
    const main = run.scope === 'sheet' && run.rows === 0 && run.findings.every((f) => f.severity === 'info')
      ? t.nothingChecked(run.sheet ?? '')
      : run.findings.some((f) => f.severity !== 'info') ? `${t.counts(errors, run.findings.filter((f) => f.severity === 'warning').length)} ${scope}.` : t.none(scope);
    return run.insteadOf && run.sheet ? `${main} ${t.insteadOf(run.insteadOf, run.sheet)}` : main;
  };

  /** Runs a check; a failed or cancelled one clears the old result, which no longer says what is true. */
  const check = async (target: CheckTarget, before?: (signal: AbortSignal) => Promise<string | undefined>) => {
    const outcome = await operation.start(async (signal, onProgress) => {
      const note = before ? await before(signal) : undefined;
      return { note, run: await checkWorkbook(workbook, target, today(), { signal, onProgress }) };
    });
    if (outcome.status === 'busy') return false;
    if (outcome.status === 'failed') {
      setChecked(undefined);
      setNotice(undefined);
      return false;
    }
    const { run, note } = outcome.value;
    lastScope.current = run.scope;
    if (run.sheet) lastSheet.current = run.sheet;
    setChecked({ run, at: now() });
    setNotice(note);
    announce([note, summaryText(run)].filter(Boolean).join(' '));
    return true;
  };

  const runValidation = (scope: 'sheet' | 'workbook' = lastScope.current) =>
    check(scope === 'workbook' ? { scope } : { scope, previous: lastSheet.current });

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

  const closeDialog = () => {
    setConfirming(false);
    const back = trigger.current;
    setTimeout(() => back?.isConnected && back.focus(), 0);
  };

  const confirmApply = async () => {
    const chosen = pending;
    setConfirming(false);
    const again: CheckTarget = lastScope.current === 'workbook' ? { scope: 'workbook' } : { scope: 'sheet', sheet: lastSheet.current };
    await check(again, async () => t.applied(await applySuggestions(workbook, chosen)));
    // The button that asked is gone with its finding: focus the result instead.
    setTimeout(() => (trigger.current?.isConnected ? trigger.current : summary.current)?.focus(), 0);
  };

  const writeSheet = async (findings: Finding[]) => {
    const outcome = await operation.start(() => writeFindingsSheet(workbook, findings, today(), lang));
    if (outcome.status === 'done') {
      const kept = outcome.value.kept;
      const text = kept ? `${t.wroteSheet} ${strings.kept[kept.reason](kept.sheet, kept.as)}` : t.wroteSheet;
      setNotice(text);
      announce(text);
    }
  };

  const run = checked?.run;
  const findings = useMemo(() => run?.findings ?? [], [run]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const bySheet = useMemo(() => groupBy(findings, (f) => f.sheet), [findings]);
  const fixable = useMemo(() => [...groupBy(findings.filter((f) => f.suggestion !== undefined), (f) => f.code)].filter(([, list]) => list.length > 1), [findings]);
  // A sheet of the user's own: nothing checked (its SHEET_NOT_IN_MODEL finding, with "Tag i brug", is still listed).
  const nothingChecked = run?.scope === 'sheet' && run.rows === 0 && findings.every((f) => f.severity === 'info');
  const stale = operation.running && checked !== undefined;
  const covered = run && checked && t.covered(
    t.rows(run.rows),
    run.scope === 'sheet' && run.sheet ? t.scopeSheet(run.sheet) : t.sheets(run.sheets),
    strings.at(checked.at),
  );

  return (
    <div className={styles.column}>
      <Caption1 as="p">{t.intro}</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void runValidation('sheet')} disabled={operation.running}>{t.sheet}</Button>
        <Button onClick={() => void runValidation('workbook')} disabled={operation.running}>{t.workbook}</Button>
      </div>
      <Feedback operation={operation} strings={strings} onRetry={() => void runValidation()} />
      {notice && <MessageBar intent="success"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {run && (
        <div ref={summary} tabIndex={-1} className={mergeClasses(styles.summary, stale && styles.stale)} aria-busy={stale}>
          {stale && <Caption1>{t.rechecking}</Caption1>}
          <MessageBar intent={nothingChecked ? 'info' : !findings.some((f) => f.severity !== 'info') ? 'success' : errors ? 'error' : 'warning'}>
            <MessageBarBody>{summaryText(run)}</MessageBarBody>
          </MessageBar>
          {!nothingChecked && <Caption1>{covered}</Caption1>}
        </div>
      )}
      {run && findings.length > 0 && (
        <>
          <div className={styles.buttons}>
            <Button size="small" onClick={() => void writeSheet(findings)} disabled={operation.running}>{t.writeSheet}</Button>
            {fixable.map(([code, list]) => (
              <Button key={code} size="small" onClick={() => ask(list)} disabled={operation.running} {...restoreFocus}>{t.applyAll(list.length, t.fixKinds[code])}</Button>
            ))}
          </div>
          <Accordion multiple collapsible defaultOpenItems={[...bySheet.keys()]} aria-label={t.findingsLabel}>
            {[...bySheet].map(([sheet, list]) => {
              const e = list.filter((f) => f.severity === 'error').length;
              return (
                <AccordionItem key={sheet} value={sheet}>
                  <AccordionHeader>
                    <span className={styles.header}>
                      <span>{maskCpr(sheet)}</span>
                      <Caption1>{t.sheetCounts(e, list.filter((f) => f.severity === 'warning').length) || strings.severity.info}</Caption1>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.list}>
                      {sortBySeverity(list).map((f) => (
                        <li key={`${f.cell}-${f.code}-${findingMessage(f, lang)}`} className={styles.finding}>
                          <span className={styles.where}>
                            <Badge appearance="filled" color={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'informative'}>{strings.severity[f.severity]}</Badge>
                            <Link as="button" onClick={() => void operation.start(() => selectCell(workbook, f.sheet, f.cell))}>{t.goTo(f.cell)}</Link>
                            <Caption1>{maskCpr(f.column)}</Caption1>
                          </span>
                          <Body1>{findingMessage(f, lang)}</Body1>
                          {f.code === 'SHEET_NOT_IN_MODEL' && onAdopt && (
                            <span className={styles.where}>
                              <Button size="small" onClick={() => onAdopt(f.sheet)} disabled={operation.running}>{adoptStrings.takeInUse}</Button>
                            </span>
                          )}
                          {f.suggestion !== undefined && (
                            <span className={styles.where}>
                              <Caption1>{`${t.suggestion}: ${f.suggestion}`}</Caption1>
                              <Button size="small" onClick={() => ask([f])} disabled={operation.running} {...restoreFocus}>{f.code === 'CPR_NUMBER' ? t.maskCpr : t.apply}</Button>
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </>
      )}
      {subscribeChanges && (
        <div className={styles.live}>
          <Switch checked={live} onChange={(_, d) => setLive(d.checked)} label={t.live} aria-describedby="live-hint" />
          <Caption1 id="live-hint">{t.liveHint}</Caption1>
        </div>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => (d.open ? setConfirming(true) : closeDialog())}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>{t.confirmText(pending.length)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void confirmApply()}>{t.confirm}</Button>
              <Button onClick={closeDialog}>{strings.cancel}</Button>
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

const RANK = { error: 0, warning: 1, info: 2 } as const;
const sortBySeverity = (list: Finding[]) => [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
