import { useEffect, useState, type FormEvent } from 'react';
import {
  Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, Subtitle2, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { INITIATIVE_ID_PATTERN } from '../domain/model/schema';
import type { TaxonomyEntry, TaxonomySet } from '../domain/taxonomy/types';
import { addInitiative, readTaxonomies, setUpWorkbook, updateTaxonomies, type ColumnRename, type InitiativeProblem } from '../operations/operations';
import { messages } from '../i18n';
import { AdoptCard } from './AdoptCard';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { useAnnounce } from './announce';
import { Feedback } from './Feedback';
import { PortfolioCard } from './PortfolioCard';
import { FitInput, typedDate } from './fields';
import { useOperation } from './useOperation';
import type { TabProps } from './tabProps';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, '> *': { flex: '1 1 110px', minWidth: 0 } },
  dropdown: { minWidth: 0, width: '100%' },
});

type Props = Omit<TabProps, 'now'> & {
  /** "Tag i brug" in Validering: the adopt card opens with this sheet. */
  adoptRequest?: { sheet: string; n: number };
};

export function SetupTab({ workbook, strings, lang, today, adoptRequest }: Props) {
  const styles = useStyles();
  const t = strings.setup;
  const operation = useOperation();
  const announce = useAnnounce();
  const [message, setMessage] = useState<{ intent: 'success' | 'warning'; text: string }[]>([]);
  const [taxonomies, setTaxonomies] = useState<TaxonomySet>();
  const [renames, setRenames] = useState<ColumnRename[]>([]);
  const r = messages[lang].adopt.rename.ui;

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

  const runSetUp = async (rename: { from: string; to: string }[] = []) => {
    setMessage([]);
    const outcome = await operation.start((signal) => setUpWorkbook(workbook, lang, signal, { rename }));
    if (outcome.status !== 'done') return;
    setRenames(outcome.value.suggested);
    const out: { intent: 'success' | 'warning'; text: string }[] = [
      ...outcome.value.renamed.map((x) => ({ intent: 'success' as const, text: r.done(x.from, x.to) })),
      { intent: 'success', text: t.done(outcome.value.added) },
    ];
    if (outcome.value.skipped?.includes('dataValidation')) out.push({ intent: 'warning', text: t.noDropDowns });
    setMessage(out);
    announce(out.map((m) => m.text).join(' '));
    setGeneration((g) => g + 1);
  };

  // Opdater taksonomier: an explicit action, so it may write into the taxonomy tables (empty cells only).
  const runUpdate = async () => {
    setMessage([]);
    const outcome = await operation.start((signal) => updateTaxonomies(workbook, lang, signal));
    if (outcome.status !== 'done') return;
    const text = t.taxonomiesUpdated(outcome.value.added, outcome.value.endDated);
    setMessage([{ intent: 'success', text }]);
    announce(text);
    setGeneration((g) => g + 1);
  };

  return (
    <div className={styles.column}>
      <Caption1 as="p">{t.intro}</Caption1>
      <Button appearance="primary" onClick={() => void runSetUp()} disabled={operation.running}>{t.run}</Button>
      <Caption1 as="p">{t.updateTaxonomiesIntro}</Caption1>
      <Button onClick={() => void runUpdate()} disabled={operation.running}>{t.updateTaxonomies}</Button>
      <Feedback operation={operation} strings={strings} onRetry={() => void runSetUp()} />
      {message.map((m) => (
        <MessageBar key={m.text} intent={m.intent}><MessageBarBody>{m.text}</MessageBarBody></MessageBar>
      ))}
      {renames.length > 0 && (
        <section className={styles.column} aria-label={r.title}>
          {renames.map((x) => (
            <MessageBar key={`${x.sheet}!${x.cell}`} intent="warning">
              <MessageBarBody>{r.text(x.from, x.to, `${x.sheet}!${x.cell}`)}</MessageBarBody>
              <Button size="small" onClick={() => void runSetUp([{ from: x.from, to: x.to }])} disabled={operation.running}>{r.apply(x.to)}</Button>
            </MessageBar>
          ))}
        </section>
      )}
      <AdoptCard workbook={workbook} strings={strings} lang={lang} today={today} request={adoptRequest} generation={generation} onAdopted={() => setGeneration((g) => g + 1)} />
      <NewInitiativeForm workbook={workbook} strings={strings} lang={lang} taxonomies={taxonomies} onAdded={() => setGeneration((g) => g + 1)} />
      <PortfolioCard strings={strings} workbook={workbook} lang={lang} />
    </div>
  );
}

const EMPTY = { id: '', name: '', unit: '', goals: [] as string[], targetGroups: [] as string[], start: '', end: '', places: '', courseWeeks: '', kpi: '' };
type Form = typeof EMPTY;
type FieldKey = keyof Form;
type Problems = Partial<Record<FieldKey, string>>;

function NewInitiativeForm({ workbook, strings, lang, taxonomies, onAdded }: { workbook: LiveWorkbook; strings: UiStrings; lang: Lang; taxonomies?: TaxonomySet; onAdded: () => void }) {
  const styles = useStyles();
  const t = strings.setup;
  const f = t.fields;
  const operation = useOperation();
  const announce = useAnnounce();
  const [form, setForm] = useState(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string>();
  const [added, setAdded] = useState<string>();
  const active = (entries?: TaxonomyEntry[]) => (entries ?? []).filter((e) => e.active);

  /** What is wrong with the form as typed (the duplicate ID is found by the operation). */
  const check = (next: Form): Problems => {
    const out: Problems = {};
    const id = next.id.trim();
    if (!INITIATIVE_ID_PATTERN.test(id)) out.id = t.idProblem(id);
    if (!next.name.trim()) out.name = t.problems['name-required'];
    const start = typedDate(next.start);
    const end = typedDate(next.end);
    if (start === 'invalid') out.start = strings.badDate;
    if (end === 'invalid') out.end = strings.badDate;
    else if (start && start !== 'invalid' && end && end < start) out.end = t.problems['date-order'];
    for (const key of ['places', 'courseWeeks'] as const) if (next[key].trim() && !/^\d+$/.test(next[key].trim())) out[key] = f.wholeNumber;
    return out;
  };

  // A field's message goes as soon as the field is right: messages follow the form, not the last submit.
  const set = (key: FieldKey) => (value: string | string[]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    setProblems((old) => {
      const now = check(next);
      const kept: Problems = {};
      for (const k of Object.keys(old) as FieldKey[]) if (now[k]) kept[k] = now[k];
      // An ID with characters that cannot be used is said while typing.
      if (key === 'id' && now.id && /[^A-Za-z0-9_]/.test(next.id.trim())) kept.id = now.id;
      return kept;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(form);
    setProblems(found);
    setAdded(undefined);
    setNotice(undefined);
    if (Object.keys(found).length) {
      announce(Object.values(found).join(' '));
      document.getElementById(`initiative-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    void operation.start(async () => {
      const number = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));
      const date = (text: string) => typedDate(text) as CalendarDate | undefined;
      const result = await addInitiative(workbook, {
        id: form.id.trim(),
        name: form.name,
        unit: form.unit || undefined,
        goals: form.goals,
        targetGroups: form.targetGroups,
        start: date(form.start),
        end: date(form.end),
        places: number(form.places),
        courseWeeks: number(form.courseWeeks),
        kpi: form.kpi,
      }, lang);
      const byField: Problems = {};
      const map: Partial<Record<InitiativeProblem, FieldKey>> = { 'invalid-id': 'id', 'duplicate-id': 'id', 'name-required': 'name', 'date-order': 'end' };
      for (const p of result.problems) {
        const key = map[p];
        if (key) byField[key] = p === 'invalid-id' ? t.idProblem(form.id.trim()) : t.problems[p];
      }
      setProblems(byField);
      if (result.problems.includes('no-register')) setNotice(t.problems['no-register']);
      if (result.problems.length) announce([...Object.values(byField), ...(result.problems.includes('no-register') ? [t.problems['no-register']] : [])].join(' '));
      if (result.sheet) {
        setAdded(result.sheet);
        announce(t.added(result.sheet));
        setForm(EMPTY);
        onAdded();
      }
    });
  };
  const names = (entries: TaxonomyEntry[] | undefined, codes: string[]) => codes.map((code) => entries?.find((e) => e.code === code)?.name ?? code).join('; ');
  const fieldProps = (key: FieldKey) => ({ validationMessage: problems[key], validationState: problems[key] ? ('error' as const) : ('none' as const) });

  return (
    <form className={styles.column} onSubmit={submit} noValidate aria-labelledby="new-initiative">
      <Subtitle2 as="h2" id="new-initiative">{t.newInitiative}</Subtitle2>
      <Caption1 as="p">{t.newInitiativeIntro}</Caption1>
      {notice && <MessageBar intent="warning"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      <Field label={f.id} required hint={f.idHint} {...fieldProps('id')}>
        <FitInput id="initiative-id" value={form.id} onChange={(_, d) => set('id')(d.value)} maxLength={40} autoComplete="off" />
      </Field>
      <Field label={f.name} required {...fieldProps('name')}>
        <FitInput id="initiative-name" value={form.name} onChange={(_, d) => set('name')(d.value)} autoComplete="off" />
      </Field>
      <Field label={f.unit}>
        <Dropdown className={styles.dropdown} placeholder={f.choose} value={form.unit} selectedOptions={form.unit ? [form.unit] : []} onOptionSelect={(_, d) => set('unit')(d.optionValue ?? '')}>
          {active(taxonomies?.units.entries).map((e) => <Option key={e.code} value={e.name}>{e.name}</Option>)}
        </Dropdown>
      </Field>
      <Field label={f.goals}>
        <Dropdown className={styles.dropdown} multiselect placeholder={f.choose} selectedOptions={form.goals} value={names(taxonomies?.goals.entries, form.goals)} onOptionSelect={(_, d) => set('goals')(d.selectedOptions)}>
          {active(taxonomies?.goals.entries).map((e) => <Option key={e.code} value={e.code} text={e.name}>{e.name}</Option>)}
        </Dropdown>
      </Field>
      <Field label={f.targetGroups}>
        <Dropdown className={styles.dropdown} multiselect placeholder={f.choose} selectedOptions={form.targetGroups} value={names(taxonomies?.targetGroups.entries, form.targetGroups)} onOptionSelect={(_, d) => set('targetGroups')(d.selectedOptions)}>
          {active(taxonomies?.targetGroups.entries).map((e) => <Option key={e.code} value={e.code} text={e.name}>{e.name}</Option>)}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Field label={f.start} hint={strings.dateHint} {...fieldProps('start')}>
          <FitInput id="initiative-start" value={form.start} onChange={(_, d) => set('start')(d.value)} placeholder={strings.datePlaceholder} autoComplete="off" />
        </Field>
        <Field label={f.end} {...fieldProps('end')}>
          <FitInput id="initiative-end" value={form.end} onChange={(_, d) => set('end')(d.value)} placeholder={strings.datePlaceholder} autoComplete="off" />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={f.places} {...fieldProps('places')}>
          <FitInput id="initiative-places" inputMode="numeric" value={form.places} onChange={(_, d) => set('places')(d.value)} autoComplete="off" />
        </Field>
        <Field label={f.courseWeeks} {...fieldProps('courseWeeks')}>
          <FitInput id="initiative-courseWeeks" inputMode="numeric" value={form.courseWeeks} onChange={(_, d) => set('courseWeeks')(d.value)} autoComplete="off" />
        </Field>
      </div>
      <Field label={f.kpi} hint={f.kpiHint}>
        <FitInput value={form.kpi} onChange={(_, d) => set('kpi')(d.value)} autoComplete="off" />
      </Field>
      <Button type="submit" appearance="primary" disabled={operation.running}>{t.add}</Button>
      <Feedback operation={operation} strings={strings} />
      {added && <MessageBar intent="success"><MessageBarBody>{t.added(added)}</MessageBarBody></MessageBar>}
    </form>
  );
}
