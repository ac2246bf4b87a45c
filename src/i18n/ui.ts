import { langFrom } from './index';
import { uiDa, type UiStrings } from './da';
import { uiEn } from './en';

export type { UiStrings };

/** UI texts for Office's display language (e.g. "da-DK", "en-US"); Danish unless English. */
export function uiStrings(displayLanguage: string | undefined): UiStrings {
  return langFrom(displayLanguage) === 'en' ? uiEn : uiDa;
}
