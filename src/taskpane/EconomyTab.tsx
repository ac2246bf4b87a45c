import { useState } from 'react';
import {
  Body1, Button, Field, Link, MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Lang } from '../i18n';
import { messages } from '../i18n';
import type { UiStrings } from '../i18n/da';
import { findingMessage } from '../i18n/findings';
import { formatOre } from '../domain/parse/amount';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { selectCell } from '../operations/operations';
import { reconcileWorkbook, type ReconcileRun } from '../operations/reconcile';
import { decodeRefundFile, importRefunds } from '../operations/refundImport';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { overflowX: 'auto' },
});

interface Props {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
}

/** Reconciliation of refunds and co-financing: the same operation as `indsats reconcile`. */
export function EconomyTab({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const t = strings.economy;
  const status = messages[lang].finance.status;
  const operation = useOperation();
  const [run, setRun] = useState<ReconcileRun>();
  const [imported, setImported] = useState<{ intent: 'success' | 'warning'; lines: string[] }>();
  const f = messages[lang].finance.refundImport;
  const importFile = (file: File) => operation.start(async () => {
    const text = decodeRefundFile(await readBytes(file));
    const result = await importRefunds(workbook, text, file.name, today(), lang);
    if (result.kind === 'problems') setImported({ intent: 'warning', lines: [f.rejected(result.problems.length), ...result.problems] });
    else if (result.kind === 'duplicate') setImported({ intent: 'warning', lines: [f.duplicate(result.file)] });
    else if (result.kind === 'empty') setImported({ intent: 'warning', lines: [f.empty(result.file)] });
    else setImported({ intent: 'success', lines: [f.imported(result.groups, result.lines, file.name)] });
  });
  const start = () => operation.start(async () => setRun(await reconcileWorkbook(workbook, today(), lang)));
  const lines = run?.reconciliation.lines ?? [];
  const gaps = lines.filter((l) => l.status !== 'afstemt').length;
  const c = t.columns;
  return (
    <div className={styles.column}>
      <Body1 as="p">{t.intro}</Body1>
      <Button appearance="primary" onClick={() => void start()} disabled={operation.running}>{t.run}</Button>
      <Field label={{ children: t.importLabel, htmlFor: 'refund-file' }} hint={t.importHint}>
        <input
          id="refund-file"
          type="file"
          accept=".csv,.txt"
          disabled={operation.running}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again after a fix
            if (file) void importFile(file);
          }}
        />
      </Field>
      <Feedback operation={operation} strings={strings} onRetry={() => void start()} />
      {imported && (
        <MessageBar intent={imported.intent}>
          <MessageBarBody>{imported.lines.map((l) => <div key={l}>{l}</div>)}</MessageBarBody>
        </MessageBar>
      )}
      {run && !lines.length && <MessageBar intent="info"><MessageBarBody>{t.none}</MessageBarBody></MessageBar>}
      {lines.length > 0 && (
        <MessageBar intent={gaps ? 'warning' : 'success'}><MessageBarBody>{gaps ? t.gaps(gaps) : t.allReconciled(lines.length)}</MessageBarBody></MessageBar>
      )}
      {lines.length > 0 && (
        <div className={styles.table}>
          <Table size="extra-small" aria-label={t.run}>
            <TableHeader>
              <TableRow>
                {[c.initiative, c.year, c.status, c.outstanding, c.overRefunded, c.unclaimed, c.net].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((l) => (
                <TableRow key={`${l.initiativeId}-${l.year}`}>
                  <TableCell>{l.initiativeId}</TableCell>
                  <TableCell>{l.year}</TableCell>
                  <TableCell>{status[l.status]}</TableCell>
                  <TableCell>{formatOre(l.outstanding)}</TableCell>
                  <TableCell>{formatOre(l.overRefunded)}</TableCell>
                  <TableCell>{formatOre(l.unclaimed)}</TableCell>
                  <TableCell>{formatOre(l.netMunicipalCost)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {run && run.findings.length > 0 && (
        <>
          <Subtitle2 as="h2">{t.issues}</Subtitle2>
          <ul>
            {run.findings.map((f) => (
              <li key={`${f.cell}-${f.code}`}>
                <Link as="button" onClick={() => void operation.start(() => selectCell(workbook, f.sheet, f.cell))}>{strings.validation.goTo(f.cell)}</Link>{' '}
                {findingMessage(f, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
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
