/** `indsats reconcile`: the reconciliation per initiative and year, as text or JSON (amounts as "131000.00"). */
import { messages, type Lang } from '../i18n';
import { oreToKroner, type ReconciliationLine } from '../domain/finance';
import { formatOre } from '../domain/parse/amount';
import type { CalendarDate } from '../domain/parse/calendarDate';
import { reconcileExitCode, type ReconcileRun } from '../operations/reconcile';
import { findingJson, findingLine } from './findings';

const pct = (bp: number | undefined) => (bp === undefined ? null : (bp / 100).toFixed(2));

export function reconciliationJson(run: ReconcileRun, asOf: CalendarDate, lang: Lang): unknown {
  const sourceName = (code: string) => run.taxonomies.fundingSources.entries.find((e) => e.code === code)?.name ?? code;
  const kroner = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [sourceName(k), oreToKroner(v)]));
  return {
    asOf,
    allReconciled: reconcileExitCode(run) === 0,
    lines: run.reconciliation.lines.map((l: ReconciliationLine) => ({
      initiativeId: l.initiativeId,
      name: run.initiativeNames[l.initiativeId] ?? null,
      year: l.year,
      status: l.status,
      statuses: l.statuses,
      budgetTotal: oreToKroner(l.budgetTotal),
      budgetBySource: kroner(l.budgetBySource),
      spent: oreToKroner(l.spent),
      municipalSpent: oreToKroner(l.municipalSpent),
      expectedRefund: oreToKroner(l.expectedRefund),
      claimed: oreToKroner(l.claimed),
      received: oreToKroner(l.received),
      outstanding: oreToKroner(l.outstanding),
      outstandingAgeDays: l.ageDays ?? null,
      overRefunded: oreToKroner(l.overRefunded),
      unclaimed: oreToKroner(l.unclaimed),
      grantsReceived: oreToKroner(l.grantsReceived),
      netMunicipalCost: oreToKroner(l.netMunicipalCost),
      coFinancing: l.coFinancing.map((c) => ({
        source: sourceName(c.source), budget: oreToKroner(c.budgetOre), contribution: oreToKroner(c.contributionOre), agreedSharePct: pct(c.agreedBp), actualSharePct: pct(c.actualBp),
      })),
    })),
    issues: run.findings.map((f) => findingJson(f, lang)),
  };
}

export function reconciliationText(run: ReconcileRun, lang: Lang): string[] {
  const t = messages[lang].reconcile.text;
  const status = messages[lang].finance.status;
  const sourceName = (code: string) => run.taxonomies.fundingSources.entries.find((e) => e.code === code)?.name ?? code;
  const out: string[] = [];
  if (!run.reconciliation.lines.length) out.push(t.none);
  for (const l of run.reconciliation.lines) {
    out.push(t.line(l.initiativeId, l.year, status[l.status]));
    const figures: Record<string, number> = { budget: l.budgetTotal, spent: l.spent, expected: l.expectedRefund, claimed: l.claimed, received: l.received, grants: l.grantsReceived, net: l.netMunicipalCost };
    out.push(`  ${t.figures.replace(/\{(\w+)\}/g, (_, k: string) => formatOre(figures[k]))}`);
    if (l.outstanding > 0) out.push(t.outstanding(formatOre(l.outstanding), l.ageDays ?? 0));
    if (l.overRefunded > 0) out.push(t.overRefunded(formatOre(l.overRefunded)));
    if (l.unclaimed > 0) out.push(t.unclaimed(formatOre(l.unclaimed)));
    for (const c of l.coFinancing) {
      if (c.actualBp !== undefined || c.agreedBp !== undefined) out.push(t.coFinancing(sourceName(c.source), `${pct(c.actualBp) ?? '–'} %`, `${pct(c.agreedBp) ?? '–'} %`));
    }
  }
  for (const f of run.findings) out.push(findingLine(f, lang));
  const gaps = run.reconciliation.lines.filter((l) => l.status !== 'afstemt').length;
  out.push(t.summary(run.reconciliation.lines.length, gaps));
  return out;
}
