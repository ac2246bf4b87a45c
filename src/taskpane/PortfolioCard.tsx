/**
 * "Saml projektmapper og partnerudgaver" in the Opsætning tab. Other workbooks are files the user
 * picks; the pane reads them with the same streaming reader as the CLI (browser build: fflate,
 * src/operations/otherWorkbooks.ts) and never writes into them. Three parts, in this order:
 * 1. *Saml projektmapper*: the picked teams' workbooks brought into the open one (consolidate).
 * 2. *Lav partnerudgave*: PartnerCopyCard.tsx (one initiative's copy built in the browser and opened
 *    with Excel.createWorkbook, or downloaded).
 * 3. *Indlæs partnerudgave*: the partner's file compared (a dry run), the changes listed with a
 *    checkbox per participant, then written only for the ticked ones; new rows always added,
 *    deleted rows kept.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import {
  Button, Caption1, Checkbox, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens,
} from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import { findingMessage } from '../i18n/findings';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { maskCpr } from '../domain/parse/cpr';
import { CellChangedError, type LiveWorkbook } from '../operations/liveWorkbook';
import { openPickedFile, pickedSources } from '../operations/otherWorkbooks';
import { consolidate, mergePartnerWorkbook, type ConsolidateRun, type PartnerMergeRun } from '../operations/portfolio';
import { isRefusal, PartnerError, partnerProblemText, problemText } from '../operations/portfolioText';
import { report } from '../operations/progress';
import { useAnnounce } from './announce';
import { Feedback } from './Feedback';
import { PartnerCopyCard } from './PartnerCopyCard';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  part: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  head: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  label: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  button: { alignSelf: 'flex-start', maxWidth: '100%' },
});

export const PORTFOLIO_COMMANDS = {
  consolidate: 'indsats consolidate A.xlsx B.xlsx -o Portefølje.xlsx',
  partner: 'indsats partner Fil.xlsx --initiative ITMV -o ITMV-partner.xlsx',
  merge: 'indsats merge Fil.xlsx ITMV-partner.xlsx --dry-run',
} as const;

interface Props {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
}

export function PortfolioCard({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const t = strings.portfolioCard;
  return (
    <section className={styles.column} aria-labelledby="portfolio-title">
      <Subtitle2 as="h2" id="portfolio-title">{t.title}</Subtitle2>
      <Caption1 as="p">{strings.otherWorkbooks.intro}</Caption1>
      <ConsolidatePart workbook={workbook} strings={strings} lang={lang} today={today} />
      <PartnerCopyCard workbook={workbook} strings={strings} lang={lang} hint={<CommandHint strings={strings} command={PORTFOLIO_COMMANDS.partner} />} />
      <MergePart workbook={workbook} strings={strings} lang={lang} today={today} />
    </section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.part} aria-labelledby={id}>
      <h3 className={styles.head} id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** The same command on the files, as a small secondary line. */
function CommandHint({ strings, command }: { strings: UiStrings; command: string }) {
  const styles = useStyles();
  return (
    <p className={styles.code}>
      <span className={styles.hint}>{strings.otherWorkbooks.cliHint} </span>
      <code>{command}</code>
    </p>
  );
}

/** A hidden file input opened by a Fluent button (keyboard: Tab to the button, Enter or Space). */
function FilePicker({ label, button, multiple, onFiles, disabled }: { label: string; button: string; multiple?: boolean; onFiles: (files: File[]) => void; disabled?: boolean }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm"
        multiple={multiple}
        hidden
        aria-label={label}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // the same file may be chosen again
          if (files.length) onFiles(files);
        }}
      />
      <Button className={styles.button} onClick={() => input.current?.click()} disabled={disabled}>{button}</Button>
    </>
  );
}

function ConsolidatePart({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const o = strings.otherWorkbooks;
  const operation = useOperation();
  const announce = useAnnounce();
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<{ run: ConsolidateRun; files: number }>();

  const run = async () => {
    setResult(undefined);
    const chosen = files;
    const outcome = await operation.start((signal, onProgress) =>
      consolidate(workbook, pickedSources(chosen), today(), lang, {
        targetName: o.thisWorkbook,
        signal,
        onSource: (index, count, file) => report(onProgress, { step: 'readingFile', index, count, file }),
      }));
    if (outcome.status !== 'done') return;
    setResult({ run: outcome.value, files: chosen.length });
    const r = outcome.value;
    announce(maskCpr(r.refused ? o.refused(r.problems.filter(isRefusal).length) : o.consolidated(chosen.length, r.initiatives, r.participants)));
    if (!r.refused) setFiles([]);
  };

  const refusals = result?.run.problems.filter(isRefusal) ?? [];
  const notes = result?.run.problems.filter((p) => !isRefusal(p)) ?? [];
  return (
    <Part title={strings.portfolioCard.consolidate}>
      <Caption1 as="p">{o.consolidateIntro}</Caption1>
      <FilePicker label={o.fileInput} button={o.choose} multiple onFiles={(f) => { setFiles(f); setResult(undefined); }} disabled={operation.running} />
      {files.length > 0 && (
        <>
          <p className={styles.label}>{o.chosenLabel}</p>
          <ul className={styles.list} aria-label={o.chosenLabel}>
            {files.map((f, i) => <li key={`${i}-${f.name}`}>{maskCpr(f.name)}</li>)}
          </ul>
          <Button className={styles.button} appearance="primary" onClick={() => void run()} disabled={operation.running}>{o.consolidate(files.length)}</Button>
        </>
      )}
      <Feedback operation={operation} strings={strings} onRetry={files.length ? () => void run() : undefined} />
      {result?.run.refused && (
        <MessageBar intent="error">
          <MessageBarBody>
            {o.refused(refusals.length)}
            <ul className={styles.list}>{refusals.map((p, i) => <li key={i}>{maskCpr(problemText(p, lang))}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result && !result.run.refused && (
        <MessageBar intent="success"><MessageBarBody>{o.consolidated(result.files, result.run.initiatives, result.run.participants)}</MessageBarBody></MessageBar>
      )}
      {notes.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {o.problemsLabel}
            <ul className={styles.list}>{notes.map((p, i) => <li key={i}>{maskCpr(problemText(p, lang))}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <CommandHint strings={strings} command={PORTFOLIO_COMMANDS.consolidate} />
    </Part>
  );
}

interface Compared {
  file: string;
  partner?: LiveWorkbook;
  run?: PartnerMergeRun;
  /** A partner problem (not a partner copy, another workbook's), as a sentence. */
  problem?: string;
}

function MergePart({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const o = strings.otherWorkbooks;
  const m = messages[lang].portfolio;
  const operation = useOperation();
  const announce = useAnnounce();
  const [compared, setCompared] = useState<Compared>();
  const [ticked, setTicked] = useState<string[]>([]);
  const [done, setDone] = useState<string>();
  const [stale, setStale] = useState<string>();

  const compare = async (file: File) => {
    setCompared(undefined);
    setTicked([]);
    setDone(undefined);
    setStale(undefined);
    const outcome = await operation.start(async (_signal, onProgress): Promise<Compared> => {
      await report(onProgress, { step: 'readingFile', index: 1, count: 1, file: file.name });
      const partner = await openPickedFile(file);
      try {
        return { file: file.name, partner, run: await mergePartnerWorkbook(workbook, partner, today(), { dryRun: true }) };
      } catch (e) {
        if (e instanceof PartnerError) return { file: file.name, problem: partnerProblemText(e.problem, lang, o.thisWorkbook, file.name) };
        throw e;
      }
    });
    if (outcome.status !== 'done') return;
    const c = outcome.value;
    setCompared(c);
    const diff = c.run?.diff;
    announce(maskCpr(c.problem ?? (c.run?.findings.length ? m.merge.invalid(c.file, c.run.findings.length) : diff ? heading(diff) : '')));
  };

  const heading = (diff: NonNullable<PartnerMergeRun['diff']>) => m.merge.heading(diff.initiativeId, diff.added.length, new Set(diff.changes.map((c) => c.participantId)).size, diff.deleted.length);

  const apply = async () => {
    if (!compared?.partner) return;
    const accept = ticked;
    const outcome = await operation.start(async () => {
      try {
        return await mergePartnerWorkbook(workbook, compared.partner!, today(), { accept });
      } catch (e) {
        // The workbook changed since the comparison (a cell typed over, rows sorted): nothing was written.
        if (e instanceof CellChangedError) return `${e.sheet}!${e.cell}`;
        throw e;
      }
    });
    if (outcome.status !== 'done') return;
    if (typeof outcome.value === 'string') {
      const text = o.changedSince(outcome.value);
      setCompared(undefined);
      setTicked([]);
      setDone(undefined);
      setStale(text);
      announce(text);
      return;
    }
    const r = outcome.value;
    const text = o.applied(r.diff?.added.length ?? 0, new Set(r.accepted).size, new Set(r.pending.map((p) => p.participantId)).size);
    setCompared(undefined);
    setTicked([]);
    setDone(text);
    announce(text);
  };

  const run = compared?.run;
  const diff = run?.diff;
  const byParticipant = new Map<string, NonNullable<typeof diff>['changes']>();
  for (const c of diff?.changes ?? []) byParticipant.set(c.participantId, [...(byParticipant.get(c.participantId) ?? []), c]);
  const nothing = diff && !diff.added.length && !diff.changes.length;
  const canApply = !!diff && (diff.added.length > 0 || ticked.length > 0);
  const notTaken = diff ? [...diff.ignored.map((i) => m.merge.ignored(i.table, i.rows)), ...diff.registerChanges.map((c) => m.merge.registerChange(c.column, m.value(c.from), m.value(c.to)))].map((s) => s.trim()) : [];

  return (
    <Part title={strings.portfolioCard.merge}>
      <Caption1 as="p">{o.mergeIntro}</Caption1>
      <FilePicker label={o.partnerInput} button={o.choosePartner} onFiles={(f) => void compare(f[0])} disabled={operation.running} />
      <Feedback operation={operation} strings={strings} />
      {done && <MessageBar intent="success"><MessageBarBody>{done}</MessageBarBody></MessageBar>}
      {stale && <MessageBar intent="warning"><MessageBarBody>{stale}</MessageBarBody></MessageBar>}
      {compared?.problem && <MessageBar intent="error"><MessageBarBody>{maskCpr(compared.problem)}</MessageBarBody></MessageBar>}
      {run && run.findings.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            {maskCpr(m.merge.invalid(compared!.file, run.findings.length))}
            <ul className={styles.list} aria-label={o.findingsLabel}>
              {run.findings.map((f, i) => <li key={i}>{maskCpr(`${f.sheet}!${f.cell}: `)}{findingMessage(f, lang)}</li>)}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {diff && (
        <>
          <p className={styles.label}>{maskCpr(heading(diff))}</p>
          {nothing && !diff.deleted.length && <Caption1 as="p">{o.same}</Caption1>}
          {diff.added.length > 0 && (
            <>
              <p className={styles.label}>{o.addedLabel}</p>
              <ul className={styles.list} aria-label={o.addedLabel}>{diff.added.map((a) => <li key={a.participantId}>{maskCpr(a.participantId)}</li>)}</ul>
            </>
          )}
          {byParticipant.size > 0 && (
            <div role="group" aria-label={o.changesLabel} className={styles.column}>
              <p className={styles.label}>{o.changesLabel}</p>
              {[...byParticipant].map(([id, changes]) => (
                <div key={id}>
                  <Checkbox
                    label={maskCpr(id)}
                    checked={ticked.includes(id)}
                    onChange={(_, d) => setTicked((now) => (d.checked ? [...now, id] : now.filter((x) => x !== id)))}
                  />
                  <ul className={styles.list} aria-label={maskCpr(id)}>
                    {changes.map((c) => <li key={c.address}>{maskCpr(o.change(c.column, m.value(c.from), m.value(c.to)))} <span className={styles.hint}>({diff.sheet}!{c.address})</span></li>)}
                  </ul>
                </div>
              ))}
            </div>
          )}
          {diff.deleted.length > 0 && (
            <>
              <p className={styles.label}>{o.deletedLabel}</p>
              <ul className={styles.list} aria-label={o.deletedLabel}>{diff.deleted.map((d) => <li key={d.participantId}>{maskCpr(o.deleted(d.participantId, `${diff.sheet}!${d.address}`))}</li>)}</ul>
            </>
          )}
          {notTaken.length > 0 && (
            <>
              <p className={styles.label}>{o.notTakenLabel}</p>
              <ul className={styles.list} aria-label={o.notTakenLabel}>{notTaken.map((s) => <li key={s}>{maskCpr(s)}</li>)}</ul>
            </>
          )}
          {!nothing && (
            <>
              <Button className={styles.button} appearance="primary" onClick={() => void apply()} disabled={operation.running || !canApply}>{o.apply}</Button>
              {!canApply && <Caption1 as="p">{o.applyNothing}</Caption1>}
            </>
          )}
        </>
      )}
      <CommandHint strings={strings} command={PORTFOLIO_COMMANDS.merge} />
    </Part>
  );
}
