import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button, Caption1, Combobox, Dropdown, Field, Link, MessageBar, MessageBarBody, Option, Radio, RadioGroup, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { findingMessage } from '../i18n/findings';
import type { UiStrings } from '../i18n/da';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import type { Finding } from '../domain/validate';
import type { TaxonomyEntry } from '../domain/taxonomy/types';
import { selectCell } from '../operations/operations';
import {
  entryTexts, inferStep, matchTyped, nextParticipantId, readRegistration, registerParticipant, registerStatus,
  type ParticipantCourseRow, type RegistrationContext, type RegistrationResult,
} from '../operations/register';
import { useAnnounce } from './announce';
import { Feedback } from './Feedback';
import { FitInput, typedDate } from './fields';
import { useOperation } from './useOperation';
import type { TabProps } from './tabProps';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, '> *': { flex: '1 1 110px', minWidth: 0 } },
  control: { minWidth: 0, width: '100%' },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Props extends TabProps {
  /** The tab is shown: the sheets are read again (the user may have moved to another sheet). */
  visible: boolean;
  onGoToSetup: () => void;
}

type Mode = 'status' | 'participant';
type Problems = Partial<Record<string, string>>;
const MAX_OPTIONS = 50;

/** The one item a text stands for, or why not. */
function resolve<T>(text: string, items: readonly T[], texts: (item: T) => string[]): { item?: T; matches: T[] } {
  const matches = matchTyped(text, items, texts);
  return { item: matches.length === 1 ? matches[0] : undefined, matches };
}

/**
 * Registrer: *Ny status* and *Ny deltager* on the active tracking sheet, keyboard first. Type part
 * of a participant's ID, Tab, part of a status, Enter: the row is written and checked. The date
 * defaults to today, the step follows from the status.
 */
export function RegisterTab({ workbook, strings, lang, today, visible, onGoToSetup }: Props) {
  const styles = useStyles();
  const t = strings.register;
  const operation = useOperation();
  const announce = useAnnounce();
  const [context, setContext] = useState<RegistrationContext>();
  const [initiative, setInitiative] = useState<string>();
  const [mode, setMode] = useState<Mode>('status');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [stepOverride, setStepOverride] = useState<string>();
  const [problems, setProblems] = useState<Problems>({});
  const [result, setResult] = useState<Extract<RegistrationResult, { kind: 'ok' }> & { status: string }>();
  const first = useRef<HTMLInputElement>(null);

  const { start } = operation;
  const load = useCallback(async () => {
    const outcome = await start(() => readRegistration(workbook, today()));
    if (outcome.status !== 'done') return;
    setContext(outcome.value);
    setInitiative((old) => outcome.value.active ?? (outcome.value.initiatives.some((i) => i.id === old) ? old : outcome.value.initiatives[0]?.id));
  }, [start, workbook, today]);
  useEffect(() => {
    if (!visible) return undefined;
    const timer = setTimeout(() => void load(), 0);
    return () => clearTimeout(timer);
  }, [visible, load]);
  // Focus the first field whenever the form is (re)shown, so typing starts at once.
  const ready = visible && !!context && !!initiative;
  useEffect(() => {
    if (ready) first.current?.focus();
  }, [ready, mode]);

  const todayText = formatDanishDate(today());
  const value = (key: string, fallback = '') => fields[key] ?? fallback;
  const set = (key: string) => (text: string) => {
    setFields((old) => ({ ...old, [key]: text }));
    setProblems((old) => ({ ...old, [key]: undefined }));
    if (key === 'status') setStepOverride(undefined);
  };

  const participants = useMemo(() => (initiative && context?.participants[initiative]) || [], [context, initiative]);
  const initiativeInfo = context?.initiatives.find((i) => i.id === initiative);
  const groups = useMemo(() => {
    const all = context?.targetGroups ?? [];
    const allowed = initiativeInfo?.targetGroups ?? [];
    const own = all.filter((g) => allowed.includes(g.code));
    return own.length ? own : all;
  }, [context, initiativeInfo]);
  const defaultStatus = context?.statuses.find((s) => s.code === 'FORLØB')?.name ?? context?.statuses[0]?.name ?? '';

  const participantText = value('participant');
  const statusText = value('status', mode === 'participant' ? defaultStatus : '');
  const participant = resolve(participantText, participants, (p) => [p.id]);
  const status = resolve(statusText, context?.statuses ?? [], entryTexts);
  const inferred = inferStep(status.item, mode === 'status' ? participant.item?.step : undefined);
  const step = stepOverride ?? inferred;

  const hintFor = <T,>(text: string, r: { item?: T; matches: T[] }, word: string, describe?: (item: T) => string) =>
    !text.trim() ? undefined : r.item ? describe?.(r.item) : r.matches.length ? t.ambiguous(r.matches.length) : t.none(word);

  const reset = (keepDate: boolean) => {
    setFields((old): Record<string, string> => (keepDate ? { date: old.date ?? todayText } : {}));
    setStepOverride(undefined);
    setProblems({});
    setTimeout(() => first.current?.focus(), 0);
  };

  const finish = (r: RegistrationResult, statusName: string) => {
    if (r.kind === 'problem') {
      const field = { 'unknown-participant': 'participant', 'unknown-status': 'status', 'unknown-target-group': 'group', 'id-required': 'newId', 'open-course': 'newId' }[r.problem as string] ?? 'participant';
      setProblems({ [field]: t.problems[r.problem] });
      announce(t.problems[r.problem] ?? '');
      return;
    }
    setResult({ ...r, status: statusName });
    setContext(r.context);
    announce([t.saved(r.participantId, statusName, r.row, r.sheet), r.findings.length ? t.rowFindings(r.findings.length) : t.rowOk, ...r.findings.map((f) => findingMessage(f, lang))].join(' '));
    reset(mode === 'status');
  };

  /** Enter anywhere in the form saves; `picked` is the option highlighted in an open list, taken as typed. */
  const submit = (picked: Record<string, string> = {}) => {
    if (!initiative || operation.running) return;
    const text = (key: string, current: string) => picked[key] ?? current;
    const found: Problems = {};
    const statusR = resolve(text('status', statusText), context?.statuses ?? [], entryTexts);
    if (!statusR.item) found.status = statusText.trim() ? hintFor(text('status', statusText), statusR, t.words.status) : t.problems['unknown-status'];
    const stepValue = picked.step ? picked.step.split(' ')[0] : step;
    if (mode === 'status') {
      const p = resolve(text('participant', participantText), participants, (x) => [x.id]);
      if (!p.item) found.participant = participantText.trim() ? hintFor(text('participant', participantText), p, t.words.participant) : t.problems['unknown-participant'];
      const date = typedDate(value('date', todayText));
      if (!date || date === 'invalid') found.date = strings.badDate;
      if (Object.keys(found).length) return fail(found);
      const chosenStep = stepOverride ?? picked.step?.split(' ')[0] ?? inferStep(statusR.item, p.item!.step);
      void operation.start(() => registerStatus(workbook, { initiativeId: initiative, participantId: p.item!.id, status: statusR.item!.name, date: date as CalendarDate, step: chosenStep }, today()))
        .then((o) => o.status === 'done' && finish(o.value, statusR.item!.name));
      return;
    }
    const id = value('newId', nextParticipantId(initiative, participants)).trim();
    if (!id) found.newId = t.problems['id-required'];
    const start = typedDate(value('start', todayText));
    if (!start || start === 'invalid') found.start = strings.badDate;
    const g = resolve(text('group', value('group')), groups, entryTexts);
    if (!g.item) found.group = value('group').trim() ? hintFor(text('group', value('group')), g, t.words.targetGroup) : t.problems['unknown-target-group'];
    const ageText = value('age').trim();
    if (ageText && !/^\d{1,3}$/.test(ageText)) found.age = strings.setup.fields.wholeNumber;
    if (Object.keys(found).length) return fail(found);
    void operation.start(() => registerParticipant(workbook, {
      initiativeId: initiative, participantId: id, start: start as CalendarDate, targetGroup: g.item!.name, status: statusR.item!.name, step: stepValue,
      ...(ageText ? { age: Number(ageText) } : {}),
    }, today())).then((o) => o.status === 'done' && finish(o.value, statusR.item!.name));
  };

  const fail = (found: Problems) => {
    setProblems(found);
    announce(Object.values(found).filter(Boolean).join(' '));
    const firstBad = Object.keys(found)[0];
    document.getElementById(`reg-${firstBad}`)?.focus();
  };

  const onKeyDownCapture = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'BUTTON' && target.getAttribute('role') !== 'combobox') return; // buttons and links do their own thing
    if (target.getAttribute('role') === 'radio') return;
    e.preventDefault();
    e.stopPropagation();
    const picked: Record<string, string> = {};
    const active = target.getAttribute('aria-activedescendant');
    if (active && target.getAttribute('aria-expanded') === 'true') {
      const option = document.getElementById(active)?.textContent;
      if (option) picked[target.id.replace(/^reg-/, '')] = option;
    }
    submit(picked);
  };

  if (!context) return <div className={styles.column}><Feedback operation={operation} strings={strings} onRetry={() => void load()} /></div>;
  if (!context.initiatives.length) {
    return (
      <div className={styles.column}>
        <MessageBar intent="info"><MessageBarBody>{t.noSheets}</MessageBarBody></MessageBar>
        <Button appearance="primary" onClick={onGoToSetup}>{t.toSetup}</Button>
        <Button onClick={() => void load()} disabled={operation.running}>{t.reload}</Button>
      </div>
    );
  }

  const fieldState = (key: string, hint?: string) =>
    problems[key] ? { validationState: 'error' as const, validationMessage: problems[key] } : hint ? { validationState: 'none' as const, validationMessage: hint } : {};
  const expand = (label: string) => ({ tabIndex: -1, 'aria-label': t.showList(label) });
  const comboOptions = <T,>(text: string, items: readonly T[], texts: (item: T) => string[]) => (text.trim() ? matchTyped(text, items, texts) : items).slice(0, MAX_OPTIONS);
  const stepOptions = (context.steps ?? []).map((s: TaxonomyEntry) => ({ code: s.code, text: `${s.code} – ${s.name}` }));
  const stepField = (
    <Field label={t.step} hint={step && step === inferred && !stepOverride ? t.stepInferred(step) : undefined}>
      <Dropdown id="reg-step" className={styles.control} value={stepOptions.find((s) => s.code === step)?.text ?? step} selectedOptions={step ? [step] : []}
        onOptionSelect={(_, d) => setStepOverride(d.optionValue)}>
        {stepOptions.map((s) => <Option key={s.code} value={s.code} text={s.text}>{s.text}</Option>)}
      </Dropdown>
    </Field>
  );
  const statusField = (
    <Field label={t.status} required hint={t.statusHint} {...fieldState('status', hintFor(statusText, status, t.words.status, (s) => s.name === statusText ? '' : `→ ${s.name}`) || undefined)}>
      <Combobox id="reg-status" className={styles.control} freeform autoComplete="off" value={statusText} expandIcon={expand(t.status)}
        onChange={(e) => set('status')(e.target.value)} onOptionSelect={(_, d) => d.optionText !== undefined && set('status')(d.optionText)}>
        {comboOptions(statusText, context.statuses, entryTexts).map((s) => <Option key={s.code} value={s.code} text={s.name}>{s.name}</Option>)}
      </Combobox>
    </Field>
  );

  return (
    <div className={styles.column}>
      <Caption1 as="p">{t.intro}</Caption1>
      <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => { setMode(d.value as Mode); setFields({}); setProblems({}); setStepOverride(undefined); }} aria-label={t.modesLabel}>
        <Radio value="status" label={t.modes.status} />
        <Radio value="participant" label={t.modes.participant} />
      </RadioGroup>
      <form className={styles.column} noValidate onKeyDownCapture={onKeyDownCapture} onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={t.modes[mode]}>
        {context.initiatives.length > 1 && (
          <Field label={t.initiative}>
            <Dropdown id="reg-initiative" className={styles.control} value={initiativeInfo ? `${initiativeInfo.id} – ${initiativeInfo.name}` : ''} selectedOptions={initiative ? [initiative] : []}
              onOptionSelect={(_, d) => { setInitiative(d.optionValue); setFields({}); }}>
              {context.initiatives.map((i) => <Option key={i.id} value={i.id} text={`${i.id} – ${i.name}`}>{`${i.id} – ${i.name}`}</Option>)}
            </Dropdown>
          </Field>
        )}
        {mode === 'status' ? (
          <>
            <Field label={t.participant} required hint={t.participantHint}
              {...fieldState('participant', hintFor(participantText, participant, t.words.participant, (p: ParticipantCourseRow) => `${p.id} · ${t.current(p.status, p.step)}`))}>
              <Combobox id="reg-participant" ref={first} className={styles.control} freeform autoComplete="off" value={participantText} expandIcon={expand(t.participant)}
                onChange={(e) => set('participant')(e.target.value)} onOptionSelect={(_, d) => d.optionText !== undefined && set('participant')(d.optionText)}>
                {comboOptions(participantText, participants, (p) => [p.id]).map((p) => <Option key={p.id} value={p.id} text={p.id}>{p.id}</Option>)}
              </Combobox>
            </Field>
            {statusField}
            <div className={styles.row}>
              <Field label={t.date} hint={strings.dateHint} {...fieldState('date')}>
                <FitInput id="reg-date" value={value('date', todayText)} onChange={(_, d) => set('date')(d.value)} placeholder={strings.datePlaceholder} autoComplete="off" />
              </Field>
              {stepField}
            </div>
          </>
        ) : (
          <>
            <Field label={t.newId} required hint={t.newIdHint} {...fieldState('newId')}>
              <FitInput id="reg-newId" ref={first} value={value('newId', nextParticipantId(initiative!, participants))} onChange={(_, d) => set('newId')(d.value)} autoComplete="off" />
            </Field>
            <Field label={t.targetGroup} required {...fieldState('group', hintFor(value('group'), resolve(value('group'), groups, entryTexts), t.words.targetGroup, (g) => g.name === value('group') ? '' : `→ ${g.name}`) || undefined)}>
              <Combobox id="reg-group" className={styles.control} freeform autoComplete="off" value={value('group')} expandIcon={expand(t.targetGroup)}
                onChange={(e) => set('group')(e.target.value)} onOptionSelect={(_, d) => d.optionText !== undefined && set('group')(d.optionText)}>
                {comboOptions(value('group'), groups, entryTexts).map((g) => <Option key={g.code} value={g.code} text={g.name}>{g.name}</Option>)}
              </Combobox>
            </Field>
            {statusField}
            <div className={styles.row}>
              <Field label={t.start} hint={strings.dateHint} {...fieldState('start')}>
                <FitInput id="reg-start" value={value('start', todayText)} onChange={(_, d) => set('start')(d.value)} placeholder={strings.datePlaceholder} autoComplete="off" />
              </Field>
              {stepField}
            </div>
            <Field label={t.age} {...fieldState('age')}>
              <FitInput id="reg-age" inputMode="numeric" value={value('age')} onChange={(_, d) => set('age')(d.value)} autoComplete="off" />
            </Field>
          </>
        )}
        <Button type="submit" appearance="primary" disabled={operation.running}>{t.save}</Button>
      </form>
      <Feedback operation={operation} strings={strings} onRetry={() => void load()} />
      {result && <RegistrationNote result={result} strings={strings} lang={lang} onGoTo={(f) => void operation.start(() => selectCell(workbook, f.sheet, f.cell))} />}
      <Link as="button" onClick={() => void load()} disabled={operation.running}>{t.reload}</Link>
    </div>
  );
}

function RegistrationNote({ result, strings, lang, onGoTo }: { result: Extract<RegistrationResult, { kind: 'ok' }> & { status: string }; strings: UiStrings; lang: Lang; onGoTo: (f: Finding) => void }) {
  const styles = useStyles();
  const t = strings.register;
  return (
    <MessageBar intent={result.findings.length ? 'warning' : 'success'}>
      <MessageBarBody>
        <div>{t.saved(result.participantId, result.status, result.row, result.sheet)}</div>
        <div>{result.findings.length ? t.rowFindings(result.findings.length) : t.rowOk}</div>
        {result.findings.length > 0 && (
          <ul className={styles.findings} aria-label={t.findingsLabel}>
            {result.findings.map((f) => (
              <li key={`${f.cell}-${f.code}`}>
                <Link as="button" onClick={() => onGoTo(f)}>{strings.validation.goTo(f.cell)}</Link>{' '}{findingMessage(f, lang)}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
