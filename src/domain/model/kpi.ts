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

export function parseKpi(text: string): KpiTarget | null {
  const percent = PERCENT.exec(text);
  const indicator = indicatorOf(normalizeWords(text));
  const digits = percent?.[1];
  if (digits === undefined || !indicator) return null;
  const value = Number(digits.replace(',', '.'));
  if (!(value >= 0 && value <= 100)) return null;
  const atMost = /≤|<=|<|højst|maks/i.test(text);
  const weeks = WEEKS.exec(text);
  return {
    indicator,
    comparator: atMost ? '<=' : '>=',
    target: Math.round(value * 1e8) / 1e10,
    ...(weeks ? { weeks: Number(weeks[1]) } : {}),
    text,
  };
}

function indicatorOf(words: string): KpiIndicator | null {
  const job = /\b(job|beskaeftigelse|ansaettelse)\b/.test(words);
  const education = /\buddannelse\b/.test(words);
  if (/\bordinaere (loen)?timer\b/.test(words)) return 'ordinaryHours';
  if (job && education) return 'jobOrEducation';
  if (/praktik|virksomhedsforloeb/.test(words)) return 'placement';
  if (job) return 'job';
  if (education) return 'education';
  if (/\bafsluttet\b/.test(words)) return 'ended';
  return null;
}
