import { adoptDa, cliDa, financeDa, portfolioDa, summaryDa, findingMessagesDa, parseReasonsDa, reconcileDa, textsDa, uiDa, workbookDa } from './da';
import { adoptEn, cliEn, financeEn, portfolioEn, summaryEn, findingMessagesEn, parseReasonsEn, reconcileEn, textsEn, uiEn, workbookEn } from './en';

export type Lang = 'da' | 'en';

export const messages = {
  da: { findings: findingMessagesDa, parseReasons: parseReasonsDa, texts: textsDa, workbook: workbookDa, cli: cliDa, ui: uiDa, finance: financeDa, reconcile: reconcileDa, summary: summaryDa, portfolio: portfolioDa, adopt: adoptDa },
  en: { findings: findingMessagesEn, parseReasons: parseReasonsEn, texts: textsEn, workbook: workbookEn, cli: cliEn, ui: uiEn, finance: financeEn, reconcile: reconcileEn, summary: summaryEn, portfolio: portfolioEn, adopt: adoptEn },
} as const;

/** 'en' for English display languages (e.g. "en-US"), Danish otherwise. */
export function langFrom(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'da';
}
