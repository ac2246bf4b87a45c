import { useEffect } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { UiStrings } from '../i18n/da';
import { CancelledError } from '../operations/operations';
import { CellChangedError, NotGeneratedError, PartialWriteError } from '../operations/liveWorkbook';
import { MissingInputError } from '../operations/requirements';
import { ReadOnlyWorkbookError, XlsxReadError } from '../operations/otherWorkbooks';
import type { Progress } from '../operations/progress';
import { useAnnounce } from './announce';
import type { Operation } from './useOperation';

const useStyles = makeStyles({
  progress: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export function progressText(progress: Progress | undefined, strings: UiStrings): string {
  const p = strings.progress;
  switch (progress?.step) {
    case 'reading': return p.reading;
    case 'checking': return p.checking(progress.rows, progress.sheets);
    case 'reconciling': return p.reconciling(progress.lines);
    case 'summarizing': return p.summarizing(progress.sheets);
    case 'writing': return p.writing(progress.sheet);
    case 'readingFile': return strings.otherWorkbooks.readingFile(progress.index, progress.count, progress.file);
    default: return strings.working;
  }
}

/** What the user sees of a running or failed command: what is being done, with cancel, or a MessageBar saying what to do (also spoken). */
export function Feedback({ operation, strings, onRetry }: { operation: Operation; strings: UiStrings; onRetry?: () => void }) {
  const styles = useStyles();
  const announce = useAnnounce();
  const { error } = operation;
  useEffect(() => {
    if (error !== undefined) announce(describe(error, strings).text);
  }, [error, announce, strings]);
  if (operation.running) {
    return (
      <div className={styles.progress}>
        <Spinner size="tiny" label={progressText(operation.progress, strings)} />
        <Button size="small" onClick={operation.cancel}>{strings.cancel}</Button>
      </div>
    );
  }
  if (error === undefined) return null;
  const { intent, text } = describe(error, strings);
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions>
        {onRetry && intent !== 'info' && <Button size="small" onClick={onRetry}>{strings.retry}</Button>}
        <Button size="small" appearance="transparent" onClick={operation.clearError}>{strings.close}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function describe(error: unknown, strings: UiStrings): { intent: 'info' | 'warning' | 'error'; text: string } {
  if (error instanceof CancelledError) return { intent: 'info', text: strings.cancelled };
  const e = error as { name?: string; code?: string; sheet?: string; cell?: string; message?: string };
  if (e?.name === 'CellEditModeError' || e?.code === 'InvalidOperationInCellEditMode') return { intent: 'warning', text: strings.errors.cellEditMode };
  if (e?.name === 'PlanConflictError') return { intent: 'error', text: strings.errors.conflict(`${e.sheet}!${e.cell}`) };
  if (error instanceof NotGeneratedError) {
    return { intent: 'error', text: error.kind === 'sheet' ? strings.errors.notGenerated.sheet(error.target) : strings.errors.notGenerated.table(error.target, error.sheet) };
  }
  // Another workbook the user picked (Saml projektmapper, Indlæs partnerudgave): named, nothing written.
  if (error instanceof XlsxReadError) return { intent: 'error', text: (strings.otherWorkbooks.readError[error.code] ?? strings.otherWorkbooks.readError.corrupt)(error.path, error.part) };
  if (error instanceof ReadOnlyWorkbookError) return { intent: 'error', text: strings.otherWorkbooks.readOnly(error.path) };
  if (error instanceof MissingInputError) return { intent: 'error', text: strings.errors.missingInput(error.command, error.missing) };
  if (error instanceof CellChangedError) return { intent: 'warning', text: strings.errors.cellChanged(`${error.sheet}!${error.cell}`) };
  if (error instanceof PartialWriteError) {
    const cause = error.cause as { message?: unknown } | undefined;
    return { intent: 'error', text: strings.errors.partialWrite(error.done, error.parts, error.written, error.unwritten, typeof cause?.message === 'string' ? cause.message : String(error.cause)) };
  }
  return { intent: 'error', text: strings.errors.unexpected(e?.message ?? String(error)) };
}
