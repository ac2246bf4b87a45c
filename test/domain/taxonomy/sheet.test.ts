import { defaultTaxonomies, readTaxonomyTable, TAXONOMY_KEYS, taxonomyToRows } from '../../../src/domain/taxonomy';
import { table } from '../../helpers/tables';

describe('taxonomy tables', () => {
  it.each(TAXONOMY_KEYS)('%s survives a round trip through sheet rows without problems', (key) => {
    const original = defaultTaxonomies()[key];
    const { header, rows } = taxonomyToRows(original);
    const { taxonomy, problems } = readTaxonomyTable(key, table('Taksonomier', original.tableName, header, rows, 4, 2));
    expect(problems).toEqual([]);
    expect(taxonomy).toEqual(original);
  });

  it('reads what a municipality typed: dates, Nej, extra columns, empty rows', () => {
    const { taxonomy, problems } = readTaxonomyTable('targetGroups', table('Taksonomier', 'Målgrupper',
      ['Kode', 'Navn', 'Synonymer', 'Aktiv', 'Gyldig fra', 'Gyldig til', 'Min. alder', 'Maks. alder', 'Lovhjemmel'],
      [
        ['A1', 'Alfa', 'a; ALF ;', 'Nej', '1-7-2019', 46022, 30, null, 'LAB § 2'],
        [null, null, null, null, null, null, null, null, null],
        ['B1', 'Beta', null, null, null, null, null, '24', null],
      ]));
    expect(problems).toEqual([]);
    expect(taxonomy.entries).toEqual([
      { code: 'A1', name: 'Alfa', synonyms: ['a', 'ALF'], active: false, validFrom: '2019-07-01', validTo: '2025-12-31', minAge: 30, lawRef: 'LAB § 2' },
      { code: 'B1', name: 'Beta', synonyms: [], active: true, maxAge: 24 },
    ]);
  });

  it('reports duplicate codes, empty names and unreadable values, and keeps the first of a duplicate', () => {
    const { taxonomy, problems } = readTaxonomyTable('statuses', table('Taksonomier', 'Statusser',
      ['Kode', 'Navn', 'Synonymer', 'Aktiv', 'Udfaldsklasse', 'Trin'],
      [
        ['JOB', 'Job', null, 'Ja', 'Job', null],
        ['JOB', 'Job igen', null, 'Ja', 'Job', null],
        ['X', '', null, 'Ja', 'Aktiv', null],
        ['Y', 'Ypsilon', null, 'måske', 'Ukendt', '1; to'],
      ]));
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'duplicate-code', value: 'JOB', rowIndex: 0, otherRows: [0, 1] }),
      expect.objectContaining({ kind: 'duplicate-code', value: 'JOB', rowIndex: 1 }),
      expect.objectContaining({ kind: 'required-empty', column: 'Navn', rowIndex: 2 }),
      expect.objectContaining({ kind: 'wrong-type', column: 'Aktiv', rowIndex: 3, value: 'måske' }),
      expect.objectContaining({ kind: 'wrong-type', column: 'Udfaldsklasse', rowIndex: 3 }),
      expect.objectContaining({ kind: 'wrong-type', column: 'Trin', rowIndex: 3 }),
    ]));
    expect(problems).toHaveLength(6);
    expect(taxonomy.entries.map((e) => e.name)).toEqual(['Job', 'Ypsilon']);
  });

  it('reports a missing Kode or Navn column', () => {
    const { problems } = readTaxonomyTable('units', table('Taksonomier', 'Enheder', ['Code', 'Navn'], [['A', 'Alfa']]));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'missing-column', column: 'Kode' }));
  });

  it('warns when a synonym points to another entry', () => {
    const { problems } = readTaxonomyTable('units', table('Taksonomier', 'Enheder', ['Kode', 'Navn', 'Synonymer'],
      [['A', 'Alfa', null], ['B', 'Beta', 'alfa']]));
    expect(problems).toEqual([expect.objectContaining({ kind: 'ambiguous-synonym', value: 'alfa', first: 'Alfa', second: 'Beta', rowIndex: 1 })]);
  });

  it('reads offer lengths per target group', () => {
    const { taxonomy, problems } = readTaxonomyTable('offers', table('Taksonomier', 'Tilbud', ['Kode', 'Navn', 'Maks. uger'],
      [['P', 'Praktik', 'MG01=4; MG03 = 13; *=13'], ['Q', 'Q', 'fire uger']]));
    expect(taxonomy.entries[0].maxWeeks).toEqual({ MG01: 4, MG03: 13, '*': 13 });
    expect(problems).toEqual([expect.objectContaining({ kind: 'wrong-type', column: 'Maks. uger', rowIndex: 1 })]);
  });
});
