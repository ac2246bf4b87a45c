import { parseAmountOre } from '../parse/amount';
import { parsePercentBasisPoints } from '../parse/percent';
import { looksLikeCpr, maskCpr } from '../parse/cpr';
import { splitRecords } from './delimited';
import { type BasisPoints, type Ore, sumOre } from './money';
import { checkRefundLine, isoWeekStart, type RefundLineProblem } from '../law/refund';
import type { CalendarDate } from '../parse/calendarDate';

/** Only used when a line's week is unknown, where checkRefundLine does not look the rate up. */
const REFUND_ACT_START = '2016-01-04' as CalendarDate;

/**
 * Import of refund calculation files in the style of KOMBIT Ydelsesrefusion: ';'-separated text with
 * decimal commas, one line per payment, e.g.
 *   Uge;CPR nummer;Ydelse;Beregnet udbetalingsbeløb;Refusionssats;Refusionsbeløb;Medfinansieringssats;Medfinansieringsbeløb
 * The CPR number is needed only to count persons: it is read into a per-group Set that is dropped
 * after counting, and it never appears in a returned row or problem.
 */
export interface RefundAggregate {
  /** The Uge text as written (trimmed, CPR numbers masked), e.g. "2021-07". */
  week: string;
  /** The Ydelse text as written (trimmed, CPR numbers masked), e.g. "Kontanthjælp". */
  benefit: string;
  /** Distinct CPR numbers in the group. */
  persons: number;
  /** Payment lines in the group. */
  lines: number;
  paidOre: Ore;
  refundOre: Ore;
  /** Only when the file has a Medfinansieringsbeløb column. */
  coFinancingOre?: Ore;
  /** When every line of the group has the same refund rate; undefined for mixed or blank rates. */
  refundRateBp?: BasisPoints;
  /** As refundRateBp, for Medfinansieringssats. */
  coFinancingRateBp?: BasisPoints;
}

export type RefundProblemReason =
  | 'no-header'
  | 'missing-column'
  | 'duplicate-column'
  | 'wrong-field-count'
  | 'unterminated-quote'
  | 'empty'
  | 'not-an-amount'
  | 'not-a-percentage'
  | 'not-a-cpr-number'
  | 'cpr-in-amount'
  | 'total-too-large'
  | 'not-a-week-number';

/** `column` is always the canonical column name below, never text from the file. */
export interface RefundProblem {
  line: number;
  reason: RefundProblemReason;
  column?: RefundColumnName;
}

/**
 * A readable line whose figures break the refund rules (checkRefundLine in src/domain/law/refund.ts):
 * a rate that is not the refusionstrappe's for the benefit week, a refund that is not rate × amount
 * to the øre, a co-financing that is not amount − refund. Amounts in øre, rates in basis points.
 */
export interface RefundLineCheck extends RefundLineProblem {
  line: number;
  /** The Uge text of the line (CPR numbers masked). */
  week: string;
  /** The benefit-week number the file gives (Ydelsesuge), when it does. */
  benefitWeek?: number;
}

export interface RefundFileResult {
  rows: RefundAggregate[];
  problems: RefundProblem[];
  /** Rule breaches of readable lines, by line number; they do not stop an import. */
  checks: RefundLineCheck[];
}

type Key = 'week' | 'cpr' | 'benefit' | 'paid' | 'refundRate' | 'refund' | 'coRate' | 'coFinancing' | 'benefitWeek';

/** Canonical names and accepted header spellings (compared after normalise()). */
const COLUMNS = {
  week: { name: 'Uge', aliases: ['uge', 'ugenr', 'ugenummer'], required: true },
  cpr: { name: 'CPR nummer', aliases: ['cprnummer', 'cpr', 'cprnr'], required: true },
  benefit: { name: 'Ydelse', aliases: ['ydelse', 'ydelsestype'], required: true },
  paid: { name: 'Beregnet udbetalingsbeløb', aliases: ['beregnetudbetalingsbeløb', 'udbetalingsbeløb', 'udbetalt'], required: true },
  refundRate: { name: 'Refusionssats', aliases: ['refusionssats'], required: false },
  refund: { name: 'Refusionsbeløb', aliases: ['refusionsbeløb'], required: true },
  coRate: { name: 'Medfinansieringssats', aliases: ['medfinansieringssats'], required: false },
  coFinancing: { name: 'Medfinansieringsbeløb', aliases: ['medfinansieringsbeløb'], required: false },
  // The person's benefit-week number in the refusionstrappe (1 = the first week with benefits).
  benefitWeek: { name: 'Ydelsesuge', aliases: ['ydelsesuge', 'refusionsuge', 'ugeitrappen', 'ugenritrappen', 'ydelsesugenr'], required: false },
} as const satisfies Record<Key, { name: string; aliases: readonly string[]; required: boolean }>;

export type RefundColumnName = (typeof COLUMNS)[Key]['name'];

const KEYS = Object.keys(COLUMNS) as Key[];

/** Headers match regardless of case, spaces, '-', '_' and '.': "CPR-nummer" = "cpr nummer". */
const normalise = (header: string) => header.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Rates in these files are percent points ("80", "80,00", "0,5" = 0,5 %), so a bare number gets a '%'. */
function parseRatePoints(text: string): BasisPoints | undefined {
  const withUnit = /%|pct|procent/i.test(text) ? text : `${text} %`;
  const r = parsePercentBasisPoints(withUnit);
  return r.ok ? r.value : undefined;
}

interface Group {
  row: RefundAggregate;
  cpr: Set<string>;
  refundRates: Set<BasisPoints | undefined>;
  coRates: Set<BasisPoints | undefined>;
}

export function parseRefundFile(text: string): RefundFileResult {
  const problems: RefundProblem[] = [];
  const records = splitRecords(text).filter((r) => r.unterminated || r.fields.some((f) => f.trim() !== ''));
  const header = records.shift();
  const checks: RefundLineCheck[] = [];
  if (!header) return { rows: [], problems: [{ line: 1, reason: 'no-header' }], checks };
  if (header.unterminated) return { rows: [], problems: [{ line: header.line, reason: 'unterminated-quote' }], checks };

  const index = new Map<Key, number>();
  header.fields.forEach((h, i) => {
    const key = KEYS.find((k) => (COLUMNS[k].aliases as readonly string[]).includes(normalise(h)));
    if (!key) return; // extra columns are ignored
    if (index.has(key)) problems.push({ line: header.line, reason: 'duplicate-column', column: COLUMNS[key].name });
    else index.set(key, i);
  });
  for (const k of KEYS) {
    if (COLUMNS[k].required && !index.has(k)) problems.push({ line: header.line, reason: 'missing-column', column: COLUMNS[k].name });
  }
  if (problems.length > 0) return { rows: [], problems, checks };

  const groups = new Map<string, Group>();
  for (const record of records) {
    const problem = (reason: RefundProblemReason, key?: Key) =>
      problems.push({ line: record.line, reason, ...(key && { column: COLUMNS[key].name }) });
    if (record.unterminated) {
      problem('unterminated-quote');
      continue;
    }
    const { fields } = record;
    // Some exports end every line with ';': extra fields are accepted only when empty.
    if (fields.length < header.fields.length || fields.slice(header.fields.length).some((f) => f.trim() !== '')) {
      problem('wrong-field-count');
      continue;
    }
    const cell = (k: Key): string | undefined => {
      const i = index.get(k);
      return i === undefined ? undefined : fields[i]?.trim(); // i < header's fields <= fields (checked above)
    };

    let bad = false;
    const required = (k: Key): string => {
      const v = cell(k) ?? '';
      if (v === '') {
        bad = true;
        problem('empty', k);
      }
      return v;
    };
    const amount = (k: Key): Ore | undefined => {
      const v = cell(k);
      if (v === undefined) return undefined;
      if (looksLikeCpr(v)) {
        // A CPR number in an amount column (columns shifted, a pasted line): refused, never summed or echoed.
        bad = true;
        problem('cpr-in-amount', k);
        return undefined;
      }
      const r = parseAmountOre(v);
      if (r.ok) return r.value;
      bad = true;
      problem(r.code === 'empty' ? 'empty' : 'not-an-amount', k);
      return undefined;
    };
    const rate = (k: Key): BasisPoints | undefined => {
      const v = cell(k);
      if (v === undefined || v === '') return undefined; // a blank rate is unknown, not wrong
      const bp = parseRatePoints(v);
      if (bp === undefined) {
        bad = true;
        problem('not-a-percentage', k);
      }
      return bp;
    };

    // Uge and Ydelse are kept as written, but a CPR number in them (a name typed with one) masked.
    const week = maskCpr(required('week'));
    const benefit = maskCpr(required('benefit'));
    const cprText = required('cpr');
    const person = cprText.replace(/[\s-]/g, '');
    if (cprText !== '' && !/^\d{10}$/.test(person)) {
      bad = true;
      problem('not-a-cpr-number', 'cpr'); // the value is not repeated: it may be a mistyped CPR
    }
    const paid = amount('paid');
    const refund = amount('refund');
    const coFinancing = amount('coFinancing');
    const refundRate = rate('refundRate');
    const coRate = rate('coRate');
    const weekNumberText = cell('benefitWeek') ?? '';
    const benefitWeek = /^\d{1,4}$/.test(weekNumberText) ? Number(weekNumberText) : undefined;
    if (weekNumberText !== '' && benefitWeek === undefined) {
      bad = true;
      problem('not-a-week-number', 'benefitWeek');
    }
    if (bad || paid === undefined || refund === undefined) continue;

    // The rules per line (a line is one citizen's payment in one week): the rate of the week's step
    // where the file gives the benefit week and Uge is an ISO week, else rate × amount and amount − refund.
    const weekStart = isoWeekStart(week);
    const known = benefitWeek !== undefined && weekStart !== undefined;
    for (const p of checkRefundLine(
      { ...(known && { week: benefitWeek }), amountOre: paid, ...(refundRate !== undefined && { rateBp: refundRate }), refundOre: refund, ...(coFinancing !== undefined && { coFinancingOre: coFinancing }) },
      weekStart ?? REFUND_ACT_START,
    )) {
      checks.push({ ...p, line: record.line, week, ...(benefitWeek !== undefined && { benefitWeek }) });
    }

    const key = JSON.stringify([week, benefit]);
    const existing = groups.get(key);
    const group: Group = existing ?? {
      row: { week, benefit, persons: 0, lines: 0, paidOre: 0, refundOre: 0, ...(index.has('coFinancing') && { coFinancingOre: 0 }) },
      cpr: new Set(),
      refundRates: new Set(),
      coRates: new Set(),
    };
    let sums: [Ore, Ore, Ore | undefined];
    try {
      const r = group.row;
      sums = [sumOre([r.paidOre, paid]), sumOre([r.refundOre, refund]), r.coFinancingOre === undefined ? undefined : sumOre([r.coFinancingOre, coFinancing ?? 0])];
    } catch {
      problem('total-too-large');
      continue;
    }
    if (!existing) groups.set(key, group);
    [group.row.paidOre, group.row.refundOre] = sums;
    if (sums[2] !== undefined) group.row.coFinancingOre = sums[2];
    group.row.lines++;
    group.cpr.add(person);
    group.refundRates.add(refundRate);
    group.coRates.add(coRate);
  }

  const rows = [...groups.values()].map(({ row, cpr, refundRates, coRates }) => {
    const refundRateBp = single(refundRates);
    const coFinancingRateBp = single(coRates);
    return {
      ...row,
      persons: cpr.size,
      ...(refundRateBp !== undefined && { refundRateBp }),
      ...(coFinancingRateBp !== undefined && { coFinancingRateBp }),
    };
  });
  return { rows, problems, checks };
}

const single = (values: Set<BasisPoints | undefined>): BasisPoints | undefined => (values.size === 1 ? [...values][0] : undefined);
