/**
 * KPI targets as people write them in the register's `KPI` column, e.g.
 * "andel i job ≥ 30 %; 40 % i virksomhedspraktik i 13 uger". Several targets are separated by ';'
 * or line breaks. Unreadable parts are returned separately so validation can point at them.
 */
import { normalizeWords } from '../taxonomy/normalize';
import type { KpiIndicator, KpiTarget } from './types';

const PERCENT = /(\d{1,3}(?:[.,]\d+)?)\s*(?:%|pct\.?|procent)/i;
const WEEKS = /(\d{1,3})\s*uger/i;

export function parseKpiList(text: string): { targets: KpiTarget[]; unreadable: string[] } {
  const targets: KpiTarget[] = [];
  const unreadable: string[] = [];
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const target = parseKpi(part);
    if (target) targets.push(target);
    else unreadable.push(part);
  }
  return { targets, unreadable };
}

/** "min. 100 borgere", "mindst 20 i job", "højst 15 deltagere". */
const COUNT = /(?:\bmin\.?|\bmindst|\bminimum|\bhøjst|\bmaks\.?|\bmaksimalt|≥|≤|>=|<=)\s*(\d{1,3}(?:\.\d{3})+|\d{1,7})\b(?!\s*(?:%|pct|procent|uger|mio|mia|kr))/i;
/** "39,1 mio.", "1,5 mia. kr.", "262.000 kr." */
const MILLIONS = /(\d{1,6}(?:,\d{1,3})?)\s*(mio|mia|millioner|milliarder)\b\.?/i;
const KRONER = /(\d{1,3}(?:\.\d{3})+|\d{1,12})(?:,(\d{2}))?\s*kr\b\.?/i;

export function parseKpi(text: string): KpiTarget | null {
  const percent = PERCENT.exec(text);
  const words = normalizeWords(text);
  const indicator = indicatorOf(words);
  const digits = percent?.[1];
  const atMostWords = /≤|<=|<|højst|maks/i.test(text);
  if (digits === undefined) return countOrAmount(text, words, atMostWords);
  if (!indicator) return null;
  const value = Number(digits.replace(',', '.'));
  if (!(value >= 0 && value <= 100)) return null;
  const atMost = /≤|<=|<|højst|maks/i.test(text);
  const weeks = WEEKS.exec(text);
  return {
    indicator,
    comparator: atMost ? '<=' : '>=',
    target: Math.round(value * 1e8) / 1e10,
    ...(weeks ? { weeks: Number(weeks[1]) } : {}),
    ...(completersOnly(words) ? { base: 'completers' as const } : {}),
    text,
  };
}

/** "af dem, der har gennemført", "af de borgere, som har gennemført og afsluttet et forløb", "af gennemførte". */
function completersOnly(words: string): boolean {
  return /\b(gennemfoert|gennemfoerte|fuldfoert|fuldfoerte)\b/.test(words);
}

/** A target that is not a share: an amount ("39,1 mio.") or a minimum/maximum number of citizens ("min. 100 borgere"). */
function countOrAmount(text: string, words: string, atMost: boolean): KpiTarget | null {
  const comparator = atMost ? '<=' : '>=';
  const millions = MILLIONS.exec(text);
  const kroner = millions ? null : KRONER.exec(text);
  if (millions || kroner) {
    let ore: number;
    if (millions) {
      const factor = /^mi?a|milliard/i.test(millions[2]!) ? 1e9 : 1e6;
      ore = Math.round(Number(millions[1]!.replace(',', '.')) * factor * 100);
    } else {
      ore = Number(kroner![1]!.replace(/\./g, '')) * 100 + Number(kroner![2] ?? 0);
    }
    if (!Number.isSafeInteger(ore) || ore <= 0) return null;
    return { indicator: 'budget', comparator, target: ore, kind: 'amount', text };
  }
  const count = COUNT.exec(text);
  if (!count) return null;
  const n = Number(count[1]!.replace(/\./g, ''));
  if (!Number.isSafeInteger(n)) return null;
  return { indicator: indicatorOf(words) ?? 'participants', comparator, target: n, kind: 'count', text };
}

function indicatorOf(words: string): KpiIndicator | null {
  const job = /\b(job|beskaeftigelse|ansaettelse)\b/.test(words);
  const education = /\buddannelse\b/.test(words);
  const placement = /praktik|virksomhedsforloeb/.test(words);
  if (/\bordinaere (loen)?timer\b/.test(words)) return 'ordinaryHours';
  // "i job, løntilskud eller praktik": the three together, not the praktik share alone.
  if (job && placement && !education) return 'jobSubsidyOrPlacement';
  if (job && education) return 'jobOrEducation';
  if (/praktik|virksomhedsforloeb/.test(words)) return 'placement';
  if (job) return 'job';
  if (education) return 'education';
  if (/\bafsluttet\b/.test(words)) return 'ended';
  return null;
}
