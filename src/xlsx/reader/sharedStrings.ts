/** The shared-string table: plain `<t>` or rich-text runs (their text concatenated); phonetic runs ignored. */
import type { XlsxPackage } from './package';
import { unescapeOoxml } from './xml';

export function readSharedStrings(pkg: XlsxPackage, part: string | undefined): string[] {
  const strings: string[] = [];
  const text = part ? pkg.text(part) : undefined;
  if (!part || text === undefined) return strings;
  const max = pkg.limits.maxSharedStrings;
  let current = '';
  let inSi = false;
  let phonetic = 0;
  pkg.scan(part, text, (x) => {
    switch (x.name) {
      case 'sst':
        if (x.kind !== 2) {
          const declared = Number(x.attr('uniqueCount') ?? 0);
          if (declared > max) throw pkg.tooLarge(part, `declares ${declared} shared strings; at most ${max} are read`);
        }
        return;
      case 'si':
        if (x.kind === 2 || x.kind === 3) {
          if (strings.length >= max) throw pkg.tooLarge(part, `holds more than ${max} shared strings`);
          strings.push(x.kind === 3 ? '' : unescapeOoxml(current));
        }
        inSi = x.kind === 1;
        current = '';
        phonetic = 0;
        return;
      case 'rPh':
        if (x.kind === 1) phonetic++;
        else if (x.kind === 2) phonetic--;
        return;
      case 't':
        if (inSi && !phonetic && x.kind === 1) current += x.text();
        return;
    }
  });
  return strings;
}
