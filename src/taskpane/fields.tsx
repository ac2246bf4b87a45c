import type { Ref } from 'react';
import { Input, makeStyles, type InputProps } from '@fluentui/react-components';
import { parseDate } from '../domain/parse/date';
import type { CalendarDate } from '../domain/parse/calendarDate';

export const useFieldStyles = makeStyles({
  // Inputs take their column's width: a type="number" input is ~200 px wide by itself.
  input: { width: '100%', minWidth: 0, maxWidth: '100%' },
  inner: { minWidth: 0, width: '100%' },
});

/** A text input that fits its column. */
export function FitInput({ ref, ...props }: InputProps & { ref?: Ref<HTMLInputElement> }) {
  const styles = useFieldStyles();
  return <Input {...props} ref={ref} className={styles.input} input={{ className: styles.inner }} />;
}

/**
 * A typed date as the workbook writes it (29-08-2017, also 29/8-2017, 2017-08-29), never in the
 * PC's locale as <input type="date"> shows it. '' → undefined; unreadable → 'invalid'.
 */
export function typedDate(text: string): CalendarDate | undefined | 'invalid' {
  if (!text.trim()) return undefined;
  const parsed = parseDate(text.trim());
  return parsed.ok ? parsed.value : 'invalid';
}
