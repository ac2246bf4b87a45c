/**
 * Paths of parts inside an .xlsx package ("xl/worksheets/sheet1.xml"): POSIX path rules on
 * '/'-separated names, without Node's `path` module, so the writer of new workbooks runs in the
 * browser too. Same results as `path.posix` for the relative names a zip holds (checked against it
 * in test/xlsx/partPath.test.ts).
 */

/** "a/./b/../c" → "a/c"; ".." beyond the start is kept ("../x"); "" → "."; a trailing "/" stays. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  const trailing = path.endsWith('/') ? '/' : '';
  if (absolute) return joined ? `/${joined}${trailing}` : '/';
  return joined ? `${joined}${trailing}` : `.${trailing}`;
}

export const join = (...parts: string[]): string => {
  const given = parts.filter((p) => p !== '');
  return given.length ? normalize(given.join('/')) : '.';
};

/** "xl/worksheets/sheet1.xml" → "xl/worksheets"; "a.xml" → "."; trailing slashes ignored. */
export function dirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  if (at === 0) return '/';
  return trimmed.slice(0, at).replace(/\/+$/, '') || '/';
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The path from folder `from` to `to`, both relative to the package root ("xl/worksheets", "xl/drawings/d1.xml" → "../drawings/d1.xml"). */
export function relative(from: string, to: string): string {
  const segments = (p: string) => normalize(p).split('/').filter((s) => s !== '' && s !== '.');
  const a = segments(from);
  const b = segments(to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
