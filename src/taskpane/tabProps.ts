import type { Lang } from '../i18n';
import type { UiStrings } from '../i18n/da';
import type { CalendarDate } from '../domain/parse/calendarDate';
import type { LiveWorkbook } from '../operations/liveWorkbook';

/** What App gives every tab: the workbook, the texts and language, and the clock (injectable for tests). */
export interface TabProps {
  workbook: LiveWorkbook;
  strings: UiStrings;
  lang: Lang;
  today: () => CalendarDate;
  now: () => Date;
}
