/**
 * *Tag et eksisterende ark i brug* (Opsætning): choose a hand-kept sheet, see which column is
 * what (one drop-down per column, "ikke med" allowed, sample values beside), the rows found and
 * what will be converted, then *Tag i brug*. Nothing is written before that button.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, Subtitle2, makeStyles, tokens,
} from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import { COLUMNS } from '../domain/model/schema';
import { formatDanishDate, type CalendarDate } from '../domain/parse/calendarDate';
import { maskCpr } from '../domain/parse/cpr';
import {
  adoptProblemText, adoptSheet, draftAdoption, PARTICIPANT_KEYS, proposedMapping, type AdoptionDraft, type ColumnChoice, type Mapping,
} from '../operations/adopt';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { useAnnounce } from './announce';
import { Feedback } from './Feedback';
import { FitInput } from './fields';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  dropdown: { minWidth: 0, width: '100%' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

interface Props {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
  /** A sheet to open the card with ("Tag i brug" in Validering); `n` changes with each request. */
  request?: { sheet: string; n: number };
  /** Read again after this changes (a set-up, an adoption). */
  generation: number;
  onAdopted: () => void;
}

const choiceValue = (c: ColumnChoice) => c;
const shown = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? formatDanishDate(to as CalendarDate) : to);

export function AdoptCard({ workbook, strings, lang, today, request, generation, onAdopted }: Props) {
  const styles = useStyles();
  const t = messages[lang].adopt.ui;
  const a = messages[lang].adopt;
  const operation = useOperation();
  const announce = useAnnounce();
  // The workbook as read for the card, and the request (if any) it was read for.
  const [draft, setDraft] = useState<AdoptionDraft & { readFor?: number }>();
  const [reads, setReads] = useState(0);
  const [sheet, setSheet] = useState('');
  const [mapping, setMapping] = useState<Mapping>({});
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [done, setDone] = useState<string>();
  /** The header row the user chose where the sheet has several candidates. */
  const [headerRow, setHeaderRow] = useState<number>();
  const [candidates, setCandidates] = useState<number[]>([]);

  // Read again after a set-up or an adoption, for a new request, and when the sheet list is opened (the user may have added a sheet).
  const requested = request?.n;
  useEffect(() => {
    let current = true;
    draftAdoption(workbook, today(), lang)
      .then((d) => current && setDraft({ ...d, readFor: requested }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [workbook, today, lang, generation, requested, reads]);

  const choose = (name: string) => {
    setSheet(name);
    setDone(undefined);
    setHeaderRow(undefined);
    const s = draft?.survey(name);
    const ambiguous = s && !s.ok ? s.problems.find((p) => p.kind === 'ambiguous-header') : undefined;
    setCandidates(ambiguous?.kind === 'ambiguous-header' ? ambiguous.rows : []);
    setMapping(s?.ok ? proposedMapping(s.survey) : {});
    if (!id && /^[A-Za-z][A-Za-z0-9_]{0,19}$/.test(name)) setId(name);
  };
  // A new request chooses its sheet once the draft is there (state adjusted while rendering, as React advises).
  const [handled, setHandled] = useState<number>();
  if (request && draft && draft.readFor === request.n && request.n !== handled) {
    setHandled(request.n);
    if (draft.sheets.includes(request.sheet)) choose(request.sheet);
  }

  const surveyed = useMemo(() => (draft && sheet ? draft.survey(sheet, headerRow) : undefined), [draft, sheet, headerRow]);
  const rowChoice = headerRow !== undefined ? { headerRow } : {};
  const preview = useMemo(
    () => (draft && sheet && surveyed?.ok ? draft.plan({ sheet, initiativeId: id.trim() || 'X', mapping, ...(headerRow !== undefined ? { headerRow } : {}) }) : undefined),
    [draft, sheet, surveyed, id, mapping, headerRow],
  );
  const chooseHeaderRow = (row: number) => {
    setHeaderRow(row);
    const s = draft?.survey(sheet, row);
    setMapping(s?.ok ? proposedMapping(s.survey) : {});
  };
  const problems = surveyed && !surveyed.ok ? surveyed.problems : preview && !preview.ok ? preview.problems.filter((p) => p.kind !== 'invalid-id') : []; // the ID's problem is said at its field
  const idProblem = id.trim() && preview && !preview.ok ? preview.problems.find((p) => p.kind === 'invalid-id') : undefined;

  const choiceLabel = (c: ColumnChoice) => (c === 'extra' || c === 'skip' ? a.choice[c] : COLUMNS.participants[c]);
  const choices: ColumnChoice[] = [...PARTICIPANT_KEYS, 'extra', 'skip'];

  const adopt = async () => {
    const outcome = await operation.start(() => adoptSheet(workbook, { sheet, initiativeId: id.trim(), ...(name.trim() ? { name: name.trim() } : {}), mapping, ...rowChoice }, today(), lang));
    if (outcome.status !== 'done') return;
    const r = outcome.value;
    if (!r.ok) {
      announce(r.problems.map((p) => adoptProblemText(p, lang)).join(' '));
      return;
    }
    const text = t.adopted(r.preview.trackingSheet, r.preview.adoption.rows.length, r.findings.filter((f) => f.severity !== 'info').length);
    setDone(text);
    announce(text);
    setSheet('');
    onAdopted();
  };

  return (
    <section className={styles.column} aria-labelledby="adopt-title">
      <Subtitle2 as="h2" id="adopt-title">{t.title}</Subtitle2>
      <Caption1 as="p">{t.intro}</Caption1>
      {done && <MessageBar intent="success"><MessageBarBody>{done}</MessageBarBody></MessageBar>}
      {draft && !draft.sheets.length && <Caption1>{t.noSheets}</Caption1>}
      {draft && !draft.sheets.length && <Button size="small" onClick={() => setReads((n) => n + 1)}>{t.look}</Button>}
      {draft && draft.sheets.length > 0 && (
        <Field label={t.sheet}>
          <Dropdown className={styles.dropdown} placeholder={t.chooseSheet} value={maskCpr(sheet)} selectedOptions={sheet ? [sheet] : []} onOptionSelect={(_, d) => choose(d.optionValue ?? '')} onOpenChange={(_, d) => d.open && setReads((n) => n + 1)}>
            {draft.sheets.map((s) => <Option key={s} value={s} text={maskCpr(s)}>{maskCpr(s)}</Option>)}
          </Dropdown>
        </Field>
      )}
      {problems.map((p) => (
        <MessageBar key={p.kind} intent="warning"><MessageBarBody>{maskCpr(adoptProblemText(p, lang))}</MessageBarBody></MessageBar>
      ))}
      {candidates.length > 1 && (
        <Field label={t.headerRow}>
          <Dropdown className={styles.dropdown} placeholder={t.chooseHeaderRow} value={headerRow !== undefined ? t.row(headerRow) : ''} selectedOptions={headerRow !== undefined ? [String(headerRow)] : []} onOptionSelect={(_, d) => chooseHeaderRow(Number(d.optionValue))}>
            {candidates.map((r) => <Option key={r} value={String(r)}>{t.row(r)}</Option>)}
          </Dropdown>
        </Field>
      )}
      {surveyed?.ok && (
        <>
          <Caption1>{t.found(surveyed.survey.headerRow, surveyed.survey.dataRows.length, surveyed.survey.blankRows.length, surveyed.survey.totalsRows.length)}</Caption1>
          {surveyed.survey.columns.map((c) => {
            const value = mapping[c.index] ?? 'extra';
            return (
              // Headers and samples as shown: CPR numbers masked (a remarks column may hold one).
              <Field key={c.index} label={maskCpr(t.column(c.letter, c.header))} hint={maskCpr(t.samples(c.samples))}>
                <Dropdown
                  className={styles.dropdown}
                  aria-label={maskCpr(t.column(c.letter, c.header))}
                  value={choiceLabel(value)}
                  selectedOptions={[choiceValue(value)]}
                  onOptionSelect={(_, d) => setMapping((m) => ({ ...m, [c.index]: (d.optionValue ?? 'extra') as ColumnChoice }))}
                >
                  {choices.map((choice) => <Option key={choice} value={choice}>{choiceLabel(choice)}</Option>)}
                </Dropdown>
              </Field>
            );
          })}
          <Field label={t.initiative} required hint={t.initiativeHint} validationMessage={idProblem ? adoptProblemText(idProblem, lang) : undefined} validationState={idProblem ? 'error' : 'none'}>
            <FitInput id="adopt-id" value={id} onChange={(_, d) => setId(d.value)} maxLength={40} autoComplete="off" />
          </Field>
          <Field label={t.name}>
            <FitInput id="adopt-name" value={name} onChange={(_, d) => setName(d.value)} placeholder={sheet} autoComplete="off" />
          </Field>
          {preview?.ok && preview.preview.adoption.conversions.length > 0 && (
            <>
              <Caption1>{t.conversions}</Caption1>
              <ul className={styles.list} aria-label={t.conversions}>
                {preview.preview.adoption.conversions.slice(0, 12).map((c) => (
                  <li key={`${c.column}-${c.from}`}><Caption1>{maskCpr(a.cli.conversion(COLUMNS.participants[c.column], c.from, shown(c.to), c.rows.length).trim())}</Caption1></li>
                ))}
              </ul>
            </>
          )}
          {preview?.ok && preview.preview.adoption.kept.length > 0 && <Caption1>{t.kept(preview.preview.adoption.kept.length)}</Caption1>}
          <Button appearance="primary" onClick={() => void adopt()} disabled={operation.running || !preview?.ok || !id.trim()}>{t.adopt}</Button>
        </>
      )}
      <Feedback operation={operation} strings={strings} onRetry={() => void adopt()} />
    </section>
  );
}
