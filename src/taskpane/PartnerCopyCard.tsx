/**
 * *Lav partnerudgave* (Opsætning, with the portfolio): choose an initiative of the register, and the
 * pane builds the partner workbook (`indsats partner`'s: that initiative's register row and
 * tracking sheet, the taxonomies, the structure) as an .xlsx file in the browser and opens it as a
 * new workbook in Excel (Excel.createWorkbook, ExcelApi 1.8). Where Excel cannot, or fails to, the
 * file is offered as a download (a Blob URL: a download is no fetch, so the add-in's CSP needs no
 * change). The open workbook is only read.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Button, Caption1, Dropdown, Field, Link, MessageBar, MessageBarBody, Option, Spinner, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import {
  buildPartnerCopy, openPartnerCopy, PartnerError, partnerInitiatives, XLSX_MIME, type CreateWorkbook, type PartnerCopy, type PartnerInitiative,
} from '../operations/partnerCopy';
import { useAnnounce } from './announce';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  // As the other parts of the portfolio card (PortfolioCard.tsx).
  column: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0,
    borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  head: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  dropdown: { minWidth: 0, width: '100%' },
  progress: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  download: { overflowWrap: 'anywhere' },
});

interface Props {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  /** How the copy is opened in Excel: Excel.createWorkbook when this Excel has it (omitted), none (null). For tests. */
  createWorkbook?: CreateWorkbook | null;
  /** Shown last (the portfolio card's line with the same command on the files). */
  hint?: ReactNode;
}

type Result = { copy: PartnerCopy; opened: 'opened' | 'unsupported' | 'failed'; why?: string };

export function PartnerCopyCard({ workbook, strings, lang, createWorkbook, hint }: Props) {
  const styles = useStyles();
  const t = strings.partnerCopy;
  const operation = useOperation();
  const announce = useAnnounce();
  const [initiatives, setInitiatives] = useState<PartnerInitiative[] | 'no-register'>();
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<Result>();

  const load = useCallback(() => {
    let current = true;
    partnerInitiatives(workbook)
      .then((list) => current && setInitiatives(list ?? 'no-register'))
      .catch(() => undefined); // the list stays as it was; building says what is wrong
    return () => {
      current = false;
    };
  }, [workbook]);
  useEffect(load, [load]);

  // The download link's Blob URL lives as long as its result.
  const url = useMemo(() => (result ? URL.createObjectURL(new Blob([result.copy.bytes as BlobPart], { type: XLSX_MIME })) : undefined), [result]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);

  const list = initiatives === 'no-register' ? [] : (initiatives ?? []);
  const label = (i: PartnerInitiative) => t.option(i.id, i.name || i.id);

  const messageOf = (r: Result): string[] => {
    const main = r.opened === 'opened' ? t.opened(r.copy.id, r.copy.rows) : r.opened === 'unsupported' ? t.unsupported : t.openFailed(r.why ?? '');
    return r.copy.masked ? [main, t.masked(r.copy.masked)] : [main];
  };

  const run = async () => {
    setResult(undefined);
    if (!chosen) {
      setProblem(t.chooseFirst);
      announce(t.chooseFirst);
      document.getElementById('partner-copy-initiative')?.focus();
      return;
    }
    setProblem(undefined);
    const outcome = await operation.start(async (signal, onProgress): Promise<Result | string> => {
      let copy: PartnerCopy;
      try {
        copy = await buildPartnerCopy(workbook, chosen, lang, { signal, onProgress });
      } catch (e) {
        if (!(e instanceof PartnerError)) throw e;
        const p = e.problem;
        return p.code === 'not-found' ? t.notFound(p.id, p.known) : t.noRegister;
      }
      try {
        return { copy, opened: await openPartnerCopy(copy, createWorkbook) };
      } catch (e) {
        return { copy, opened: 'failed', why: e instanceof Error ? e.message : String(e) };
      }
    });
    if (outcome.status !== 'done') return;
    const value = outcome.value;
    if (typeof value === 'string') {
      setProblem(value);
      announce(value);
      load();
      return;
    }
    setResult(value);
    announce(messageOf(value).join(' '));
  };

  const fileName = result ? t.fileName(result.copy.id) : '';

  return (
    <section className={styles.column} aria-labelledby="partner-copy-title">
      <h3 className={styles.head} id="partner-copy-title">{t.title}</h3>
      <Caption1 as="p">{t.intro}</Caption1>
      {initiatives === 'no-register' && <MessageBar intent="info"><MessageBarBody>{t.noRegister}</MessageBarBody></MessageBar>}
      {Array.isArray(initiatives) && initiatives.length === 0 && <MessageBar intent="info"><MessageBarBody>{t.noInitiatives}</MessageBarBody></MessageBar>}
      <Field label={t.initiative} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Dropdown
          id="partner-copy-initiative"
          className={styles.dropdown}
          placeholder={t.choose}
          disabled={list.length === 0}
          value={list.find((i) => i.id === chosen) ? label(list.find((i) => i.id === chosen)!) : ''}
          selectedOptions={chosen ? [chosen] : []}
          onOpenChange={(_, d) => {
            if (d.open) load(); // initiatives added since are offered too
          }}
          onOptionSelect={(_, d) => {
            setChosen(d.optionValue ?? '');
            setProblem(undefined);
            setResult(undefined);
          }}
        >
          {list.map((i) => <Option key={i.id} value={i.id} text={label(i)}>{label(i)}</Option>)}
        </Dropdown>
      </Field>
      <Button appearance="primary" onClick={() => void run()} disabled={operation.running || list.length === 0}>{t.run}</Button>
      {operation.running ? (
        <div className={styles.progress}>
          <Spinner size="tiny" label={operation.progress?.step === 'writing' ? t.building(operation.progress.sheet) : strings.progress.reading} />
          <Button size="small" onClick={operation.cancel}>{strings.cancel}</Button>
        </div>
      ) : (
        <Feedback operation={operation} strings={strings} onRetry={() => void run()} />
      )}
      {result && (
        <MessageBar intent={result.opened === 'opened' ? 'success' : 'warning'}>
          <MessageBarBody>
            {messageOf(result).map((line) => <div key={line}>{line}</div>)}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && url && (
        <Caption1 as="p" className={styles.download}>
          {result.opened === 'opened' && <>{t.downloadHint} </>}
          <Link href={url} download={fileName}>{t.download(fileName)}</Link>
        </Caption1>
      )}
      {hint}
    </section>
  );
}
