/**
 * The domain core stands alone: nothing under src/domain imports from outside it (not src/i18n,
 * not the adapters, no packages). Texts are rendered at the edge from codes and params. A lint
 * rule is to take this over; until then this scan of the import specifiers documents it.
 */
import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';

const domain = resolve(__dirname, '../../src/domain');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []);
}

/** Specifiers of static imports and re-exports (type-only ones too), dynamic import() and require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]);
  return found;
}

it('finds the domain sources and their imports', () => {
  const files = sources(domain);
  expect(files.length).toBeGreaterThan(20);
  expect(files.flatMap((f) => specifiers(readFileSync(f, 'utf8'))).length).toBeGreaterThan(50);
  expect(specifiers("import type { A } from '../x';\nexport * from './y';\nconst z = import('z');\nimport {\n  B,\n} from \"../../i18n\";"))
    .toEqual(['../x', './y', '../../i18n', 'z']);
});

it('src/domain imports nothing from outside src/domain', () => {
  const outside: string[] = [];
  for (const file of sources(domain)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
      if (!target || !(target === domain || target.startsWith(domain + sep))) outside.push(`${relative(domain, file)}: ${spec}`);
    }
  }
  expect(outside).toEqual([]);
});
