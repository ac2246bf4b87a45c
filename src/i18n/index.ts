import { cliDa, findingMessagesDa, parseReasonsDa, textsDa, workbookDa } from './da';
import { cliEn, findingMessagesEn, parseReasonsEn, textsEn, workbookEn } from './en';

export type Lang = 'da' | 'en';

export const messages = {
  da: { findings: findingMessagesDa, parseReasons: parseReasonsDa, texts: textsDa, workbook: workbookDa, cli: cliDa },
  en: { findings: findingMessagesEn, parseReasons: parseReasonsEn, texts: textsEn, workbook: workbookEn, cli: cliEn },
} as const;

/** 'en' for English display languages (e.g. "en-US"), Danish otherwise. */
export function langFrom(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'da';
}
