import { findingMessagesDa, parseReasonsDa, textsDa } from './da';
import { findingMessagesEn, parseReasonsEn, textsEn } from './en';

export type Lang = 'da' | 'en';

export const messages = {
  da: { findings: findingMessagesDa, parseReasons: parseReasonsDa, texts: textsDa },
  en: { findings: findingMessagesEn, parseReasons: parseReasonsEn, texts: textsEn },
} as const;

/** 'en' for English display languages (e.g. "en-US"), Danish otherwise. */
export function langFrom(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'da';
}
