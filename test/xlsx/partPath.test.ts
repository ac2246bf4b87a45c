/** Part paths without Node's `path` (src/xlsx/partPath.ts): the same answers as path.posix on the names a package holds. */
import { posix } from 'path';
import fc from 'fast-check';
import { basename, dirname, join, normalize, relative } from '../../src/xlsx/partPath';
import { relativeTarget, relsPathOf, resolveTarget } from '../../src/xlsx/chartXml';

const segment = fc.constantFrom('xl', 'worksheets', 'sheet1.xml', '_rels', 'drawings', 'charts', 'chart2.xml', '..', '.', '[Content_Types].xml', 'a b', 'æøå');
const relativePath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('/'));
const anyPath = fc.tuple(fc.boolean(), relativePath, fc.boolean()).map(([lead, p, trail]) => `${lead ? '/' : ''}${p}${trail ? '/' : ''}`);

describe('part paths', () => {
  it('normalize, dirname, basename and join agree with path.posix', () => {
    fc.assert(fc.property(anyPath, anyPath, (a, b) => {
      expect(normalize(a)).toBe(posix.normalize(a));
      expect(dirname(a)).toBe(posix.dirname(a));
      expect(basename(a)).toBe(posix.basename(a));
      expect(join(a, b)).toBe(posix.join(a, b));
      expect(join(a, '_rels', 'x.rels')).toBe(posix.join(a, '_rels', 'x.rels'));
    }), { numRuns: 2000 });
  });

  it('relative agrees with path.posix for paths inside the package', () => {
    // Inside the package: no ".." above the root (posix.relative resolves those against the working directory).
    const inside = fc.array(fc.constantFrom('xl', 'worksheets', 'drawings', 'charts', 'sheet1.xml', 'd1.xml', '.'), { minLength: 0, maxLength: 5 }).map((s) => s.join('/'));
    fc.assert(fc.property(inside, inside, (a, b) => {
      expect(relative(a, b)).toBe(posix.relative(a || '.', b || '.'));
    }), { numRuns: 2000 });
  });

  it('gives the chart writer the paths it wrote before', () => {
    expect(relsPathOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relsPathOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml')).toBe('../drawings/drawing1.xml');
    expect(relativeTarget('xl/drawings/drawing1.xml', 'xl/charts/chart1.xml')).toBe('../charts/chart1.xml');
  });
});
