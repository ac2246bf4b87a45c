/** What `indsats consolidate`, `partner` and `merge` print: problems and the partner's differences, in the user's language. */
import type { Lang } from '../i18n';
import { problemText } from '../operations/portfolioText';
import { isRefusal, type PortfolioProblem } from '../workbook/portfolio';

export { diffLines, partnerProblemText, problemText } from '../operations/portfolioText';

/** Refusals on stderr, the rest on stdout. */
export function printProblems(problems: PortfolioProblem[], io: { out: (t: string) => void; err: (t: string) => void }, lang: Lang): void {
  for (const p of problems) (isRefusal(p) ? io.err : io.out)(problemText(p, lang));
}
