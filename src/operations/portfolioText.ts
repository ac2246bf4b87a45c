/**
 * Portfolio problems, partner problems and the partner's differences as sentences in the user's
 * language: one home for the CLI (`indsats consolidate`, `merge`) and the task pane (*Saml
 * projektmapper*, *Indlæs partnerudgave*). The texts themselves are in src/i18n (portfolio).
 */
import { messages, type Lang } from '../i18n';
import type { PartnerMergeRun } from './portfolio';
import type { PartnerProblem } from '../workbook/partner';
import type { PortfolioProblem } from '../workbook/portfolio';

export { isRefusal, type PortfolioProblem } from '../workbook/portfolio';
export { PartnerError, type PartnerProblem, type PartnerDiff, type RowChange } from '../workbook/partner';

export function problemText(p: PortfolioProblem, lang: Lang): string {
  const t = messages[lang].portfolio.problems;
  switch (p.code) {
    case 'id-clash': return t['id-clash'](p);
    case 'id-twice': return t['id-twice'](p);
    case 'id-identical': return t['id-identical'](p);
    case 'taxonomy-conflict': return t['taxonomy-conflict'](p);
    case 'no-register': return t['no-register'](p);
    case 'extra-columns': return t['extra-columns'](p);
    case 'refund-clash': return t['refund-clash'](p);
    case 'refund-identical': return t['refund-identical'](p);
  }
}

/** A partner problem as a sentence naming the files. */
export function partnerProblemText(p: PartnerProblem, lang: Lang, main: string, partner?: string): string {
  const t = messages[lang].portfolio;
  switch (p.code) {
    case 'no-register': return t.partner.noRegister(main);
    case 'not-found': return t.partner.notFound(p.id, main, p.known);
    case 'not-partner': return t.merge.notPartner(partner ?? main, p.initiatives);
    case 'other-initiative': return t.merge.otherInitiative(partner ?? main, p.id, main, p.known);
    case 'no-table': return t.merge.noTable(main, p.id);
  }
}

/** The list of differences: new, changed (one line per cell), deleted, not taken. */
export function diffLines(run: PartnerMergeRun, lang: Lang): string[] {
  const t = messages[lang].portfolio;
  const diff = run.diff!;
  const changedRows = new Set(diff.changes.map((c) => c.participantId)).size;
  return [
    t.merge.heading(diff.initiativeId, diff.added.length, changedRows, diff.deleted.length),
    ...diff.added.map((a) => t.merge.added(a.participantId)),
    ...diff.changes.map((c) => t.merge.change(c.participantId, c.column, `${diff.sheet}!${c.address}`, t.value(c.from), t.value(c.to))),
    ...diff.deleted.map((d) => t.merge.deleted(d.participantId, `${diff.sheet}!${d.address}`)),
    ...diff.ignored.map((i) => t.merge.ignored(i.table, i.rows)),
    ...diff.registerChanges.map((c) => t.merge.registerChange(c.column, t.value(c.from), t.value(c.to))),
  ];
}
