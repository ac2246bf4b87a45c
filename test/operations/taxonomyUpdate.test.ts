/**
 * Opdater taksonomier / `indsats repair` on a workbook set up with the 2019 taxonomies before the
 * law data had end dates: the built-in entries it lacks are added, the expired ones end-dated, and
 * the municipality's own rows and edits are left as they are.
 */
import { setUpWorkbook, updateTaxonomies } from '../../src/operations/operations';
import { validateWorkbook } from '../../src/domain/validate';
import { defaultTaxonomies } from '../../src/domain/taxonomy';
import type { CalendarDate } from '../../src/domain/parse';
import { planStructure } from '../../src/workbook/structure';
import { tablesOf } from '../../src/workbook/read';
import { memoryWorkbook } from '../helpers/memoryWorkbook';

const asOf = '2027-01-04' as CalendarDate;

async function oldWorkbook() {
  const live = memoryWorkbook();
  const taxonomies = defaultTaxonomies();
  // As written before lov nr. 1750 was in the data: no end dates, no MG15, no Erstattes af column.
  taxonomies.targetGroups.entries = taxonomies.targetGroups.entries.filter((e) => e.code !== 'MG15').map((e) => ({ ...e, validTo: undefined }));
  // The municipality's own edits: its own end date for LG03, its own group LG99.
  taxonomies.targetGroups.entries = taxonomies.targetGroups.entries.map((e) => (e.code === 'LG03' ? { ...e, validTo: '2025-12-31' as CalendarDate } : e));
  taxonomies.targetGroups.entries.push({ code: 'LG99', name: 'Egen gruppe', synonyms: [], active: true });
  const plan = planStructure(await live.read(), { taxonomies });
  // Drop the new column from what is written, as an old version of the add-in did.
  for (const op of plan.ops) {
    if (op.kind === 'createTable' && op.table === 'Målgrupper') {
      const i = op.header.indexOf('Erstattes af');
      op.header.splice(i, 1);
      op.rows.forEach((r) => r.splice(i, 1));
    }
    if (op.kind === 'layoutColumns' && op.table === 'Målgrupper') op.columns = op.columns.filter((c) => c.header !== 'Erstattes af');
  }
  await live.apply(plan);
  return live;
}

const groups = async (live: Awaited<ReturnType<typeof oldWorkbook>>) => validateWorkbook(tablesOf(await live.read()), { asOf });

it('adds the missing built-in entries and end-dates the expired ones, keeping own rows and edits', async () => {
  const live = await oldWorkbook();
  const before = await groups(live);
  expect(before.findings.filter((f) => f.code === 'TAXONOMY_OUTDATED').map((f) => `${f.sheet}!${f.cell} ${f.params.expired}`)).toEqual(['Taksonomier!H4 2']);

  const result = await updateTaxonomies(live, 'da');
  expect(result).toEqual({ added: 1, endDated: 2 });
  const after = await groups(live);
  const entries = after.taxonomies.targetGroups.entries;
  const byCode = (code: string) => entries.find((e) => e.code === code);
  expect(byCode('MG08')?.validTo).toBe('2026-01-31');
  expect(byCode('MG10')?.validTo).toBe('2026-01-31');
  expect(byCode('LG03')?.validTo).toBe('2025-12-31'); // the municipality's own date stays
  expect(byCode('LG99')?.name).toBe('Egen gruppe');
  expect(byCode('MG15')?.validFrom).toBe('2019-07-01');
  expect(after.findings.filter((f) => f.sheet === 'Taksonomier')).toEqual([]);

  // A second run changes nothing.
  expect(await updateTaxonomies(live, 'da')).toEqual({ added: 0, endDated: 0 });
});

it('a workbook set up now needs no update', async () => {
  const live = memoryWorkbook();
  await setUpWorkbook(live, 'da');
  expect(await updateTaxonomies(live, 'da')).toEqual({ added: 0, endDated: 0 });
});
