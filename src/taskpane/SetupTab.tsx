import { useEffect, useState, type FormEvent } from 'react';
import {
  Body1, Button, Combobox, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Subtitle2, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { TaxonomyEntry, TaxonomySet } from '../domain/taxonomy/types';
import { addInitiative, readTaxonomies, setUpWorkbook, type InitiativeProblem } from '../operations/operations';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, '> *': { flex: 1, minWidth: 0 } },
});

interface Props {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
}

export function SetupTab({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const t = strings.setup;
  const operation = useOperation();
  const [message, setMessage] = useState<{ intent: 'success' | 'warning'; text: string }[]>([]);
  const [taxonomies, setTaxonomies] = useState<TaxonomySet>();

  // The form's drop-downs: read again when the workbook changes and after a set-up.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    readTaxonomies(workbook, today())
      .then((read) => current && setTaxonomies(read))
      .catch(() => undefined); // the form falls back to free text
    return () => {
      current = false;
    };
  }, [workbook, today, generation]);

  const runSetUp = () =>
    operation.start(async (signal) => {
      setMessage([]);
      const result = await setUpWorkbook(workbook, lang, signal);
      const out: { intent: 'success' | 'warning'; text: string }[] = [{ intent: 'success', text: t.done(result.added) }];
      if (result.skipped?.includes('dataValidation')) out.push({ intent: 'warning', text: t.noDropDowns });
      setMessage(out);
      setGeneration((g) => g + 1);
    });

  return (
    <div className={styles.column}>
      <Body1 as="p">{t.intro}</Body1>
      <Button appearance="primary" onClick={runSetUp} disabled={operation.running}>{t.run}</Button>
      <Feedback operation={operation} strings={strings} onRetry={runSetUp} />
      {message.map((m) => (
        <MessageBar key={m.text} intent={m.intent}><MessageBarBody>{m.text}</MessageBarBody></MessageBar>
      ))}
      <NewInitiativeForm workbook={workbook} strings={strings} lang={lang} taxonomies={taxonomies} />
    </div>
  );
}

function NewInitiativeForm({ workbook, strings, lang, taxonomies }: { workbook: LiveWorkbook; strings: UiStrings; lang: Lang; taxonomies?: TaxonomySet }) {
  const styles = useStyles();
  const t = strings.setup;
  const f = t.fields;
  const operation = useOperation();
  const [form, setForm] = useState({ id: '', name: '', unit: '', goals: [] as string[], targetGroups: [] as string[], start: '', end: '', places: '', courseWeeks: '', kpi: '' });
  const [problems, setProblems] = useState<InitiativeProblem[]>([]);
  const [added, setAdded] = useState<string>();
  const set = (key: keyof typeof form) => (value: string | string[]) => setForm((old) => ({ ...old, [key]: value }));
  const active = (entries?: TaxonomyEntry[]) => (entries ?? []).filter((e) => e.active);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void operation.start(async () => {
      setAdded(undefined);
      const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
      const result = await addInitiative(workbook, {
        id: form.id.trim(),
        name: form.name,
        unit: form.unit || undefined,
        goals: form.goals,
        targetGroups: form.targetGroups,
        start: (form.start || undefined) as CalendarDate | undefined,
        end: (form.end || undefined) as CalendarDate | undefined,
        places: number(form.places),
        courseWeeks: number(form.courseWeeks),
        kpi: form.kpi,
      }, lang);
      setProblems(result.problems);
      if (result.sheet) {
        setAdded(result.sheet);
        setForm({ id: '', name: '', unit: '', goals: [], targetGroups: [], start: '', end: '', places: '', courseWeeks: '', kpi: '' });
      }
    });
  };
  const problemFor = (...kinds: InitiativeProblem[]) => problems.filter((p) => kinds.includes(p)).map((p) => t.problems[p]).join(' ') || undefined;

  return (
    <form className={styles.column} onSubmit={submit} aria-labelledby="new-initiative">
      <Subtitle2 as="h2" id="new-initiative">{t.newInitiative}</Subtitle2>
      <Body1 as="p">{t.newInitiativeIntro}</Body1>
      {problems.includes('no-register') && <MessageBar intent="warning"><MessageBarBody>{t.problems['no-register']}</MessageBarBody></MessageBar>}
      <div className={styles.row}>
        <Field label={f.id} required hint={f.idHint} validationMessage={problemFor('invalid-id', 'duplicate-id')}>
          <Input value={form.id} onChange={(_, d) => set('id')(d.value)} maxLength={20} />
        </Field>
      </div>
      <Field label={f.name} required validationMessage={problemFor('name-required')}>
        <Input value={form.name} onChange={(_, d) => set('name')(d.value)} />
      </Field>
      <Field label={f.unit}>
        <Dropdown placeholder={f.choose} value={form.unit} selectedOptions={form.unit ? [form.unit] : []} onOptionSelect={(_, d) => set('unit')(d.optionValue ?? '')}>
          {active(taxonomies?.units.entries).map((e) => <Option key={e.code} value={e.name}>{e.name}</Option>)}
        </Dropdown>
      </Field>
      <Field label={f.goals}>
        <Combobox multiselect placeholder={f.choose} selectedOptions={form.goals} value={form.goals.join('; ')} onOptionSelect={(_, d) => set('goals')(d.selectedOptions)}>
          {active(taxonomies?.goals.entries).map((e) => <Option key={e.code} value={e.code} text={`${e.code} ${e.name}`}>{`${e.code} – ${e.name}`}</Option>)}
        </Combobox>
      </Field>
      <Field label={f.targetGroups}>
        <Combobox multiselect placeholder={f.choose} selectedOptions={form.targetGroups} value={form.targetGroups.join('; ')} onOptionSelect={(_, d) => set('targetGroups')(d.selectedOptions)}>
          {active(taxonomies?.targetGroups.entries).map((e) => <Option key={e.code} value={e.code} text={`${e.code} ${e.name}`}>{`${e.code} – ${e.name}`}</Option>)}
        </Combobox>
      </Field>
      <div className={styles.row}>
        <Field label={f.start}><Input type="date" value={form.start} onChange={(_, d) => set('start')(d.value)} /></Field>
        <Field label={f.end} validationMessage={problemFor('date-order')}><Input type="date" value={form.end} onChange={(_, d) => set('end')(d.value)} /></Field>
      </div>
      <div className={styles.row}>
        <Field label={f.places}><Input type="number" min={0} value={form.places} onChange={(_, d) => set('places')(d.value)} /></Field>
        <Field label={f.courseWeeks}><Input type="number" min={1} value={form.courseWeeks} onChange={(_, d) => set('courseWeeks')(d.value)} /></Field>
      </div>
      <Field label={f.kpi} hint={f.kpiHint}>
        <Input value={form.kpi} onChange={(_, d) => set('kpi')(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={operation.running}>{t.add}</Button>
      <Feedback operation={operation} strings={strings} />
      {added && <MessageBar intent="success"><MessageBarBody>{t.added(added)}</MessageBarBody></MessageBar>}
    </form>
  );
}
