/**
 * Text normalisation for matching typed values against taxonomy entries.
 * Danish-aware: æ/ø/å are spelled out as ae/oe/aa (how people type them on a foreign keyboard),
 * other accents are dropped, case, punctuation and spacing are ignored ("KH-AP" = "kh ap" = "khap").
 */
const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe' };

/** Lower-case words separated by single spaces. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåäö]/g, (c) => DANISH[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' og ')
    .replace(/[^a-z0-9§]+/g, ' ')
    .trim();
}

/** The exact-match key: normalised words with the spaces removed. */
export function matchKey(text: string): string {
  return normalizeWords(text).replace(/ /g, '');
}

/**
 * Danish inflection endings, longest first: plural (-er, -e, -ere), definite (-en, -et, -ne, -erne,
 * -ene) and genitive -s. Stripping them lets "kontanthjælpsmodtager" find "kontanthjælpsmodtagere".
 */
const ENDINGS = ['erne', 'ene', 'ere', 'er', 'en', 'et', 'ne', 'e', 's'];

function stemWord(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** A key that ignores inflection; used for suggestions, not for accepting a value. */
export function stemKey(text: string): string {
  return normalizeWords(text).split(' ').map(stemWord).join('');
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions),
 * giving up once the distance exceeds `max` (returns max + 1) so scanning candidates stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  // The three rows have n + 1 entries and every index below is within 0..n: the `!`s say so.
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}
