import { useState } from 'react';
import { Body1, Button, Table, TableBody, TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { validateWorkbook, type WorkbookModel } from '../domain/validate';
import type { TaxonomySet } from '../domain/taxonomy/types';
import type { LiveWorkbook } from '../operations/liveWorkbook';
import { tablesOf } from '../workbook/read';
import { Feedback } from './Feedback';
import { useOperation } from './useOperation';

const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

interface Props {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
}

/**
 * The Overblik tab until the summaries arrive: what the workbook actually holds, counted from its
 * tables, never example figures.
 */
export function ContentsTab({ workbook, strings, lang, today }: Props) {
  const styles = useStyles();
  const t = strings.overview;
  const operation = useOperation();
  const [data, setData] = useState<{ model: WorkbookModel; taxonomies: TaxonomySet }>();
  const load = () => operation.start(async () => {
    const read = await workbook.read();
    setData(validateWorkbook(tablesOf(read), { asOf: today(), lang }));
  });
  const rows: [string, string][] = [];
  if (data) {
    const o = strings.overview;
    rows.push([o.initiatives(data.model.initiatives.length), o.participants(data.model.participants.length)]);
    for (const state of data.taxonomies.initiativeStates.entries) {
      const n = data.model.initiatives.filter((i) => i.state === state.code).length;
      if (n) rows.push([`${o.byState}: ${state.name}`, o.initiatives(n)]);
    }
  }
  return (
    <div className={styles.column}>
      <Body1 as="p">{t.intro}</Body1>
      <Button onClick={() => void load()} disabled={operation.running}>{t.load}</Button>
      <Feedback operation={operation} strings={strings} onRetry={() => void load()} />
      {rows.length > 0 && (
        <Table size="small" aria-label={t.load}>
          <TableBody>
            {rows.map(([a, b]) => (
              <TableRow key={a}><TableCell>{a}</TableCell><TableCell>{b}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
