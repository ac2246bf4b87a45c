import { messages } from '../../src/i18n';
import { applyPlan as applyExcel } from '../../src/excel/adapter';
import { listSource, MAX_LIST_CHARS, VALIDATION_TEXTS } from '../../src/workbook/adapterRules';
import type { ColumnLayout, Plan, PlanOp } from '../../src/workbook/plan';
import { planStructure } from '../../src/workbook/structure';
import { applyPlan as applyXlsx, newWorkbook, validationRanges } from '../../src/xlsx';
import { createStandin } from '../standin/excelStandin';
import { basePlan, layoutPlan } from '../helpers/adapterPlans';

const dropDowns = (plan: Plan): ColumnLayout[] =>
  plan.ops.flatMap((op: PlanOp) => (op.kind === 'layoutColumns' ? op.columns : [])).filter((c) => c.list || c.listValues);

const withAlert = (plan: Plan, alert: ColumnLayout['listAlert']): Plan => ({
  ops: plan.ops.map((op) => (op.kind === 'layoutColumns' ? { ...op, columns: op.columns.map((c) => (c.list || c.listValues ? { ...c, listAlert: alert } : c)) } : op)),
});

describe('drop-down warnings follow the workbook language', () => {
  it('the planner gives every drop-down the warning in the language of the set-up', () => {
    for (const lang of ['da', 'en'] as const) {
      const layouts = dropDowns(planStructure({ sheets: [] }, { lang }));
      expect(layouts.length).toBeGreaterThan(5);
      for (const layout of layouts) expect(layout.listAlert).toEqual(messages[lang].workbook.dropDownAlert);
    }
    expect(messages.da.workbook.dropDownAlert).toEqual(VALIDATION_TEXTS);
  });

  it('both adapters write the plan\'s texts, and Danish when the plan has none', async () => {
    const en = messages.en.workbook.dropDownAlert;
    const file = newWorkbook();
    applyXlsx(file, basePlan);
    applyXlsx(file, withAlert(layoutPlan, en));
    expect(Object.values(validationRanges(file.getWorksheet('Indsatser')!))).toEqual([expect.objectContaining({ errorTitle: en.errorTitle, error: en.error })]);

    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    await applyExcel(standin.run, basePlan);
    await applyExcel(standin.run, withAlert(layoutPlan, en));
    expect(standin.workbook.validations('Indsatser')).toEqual([expect.objectContaining({ errorAlert: expect.objectContaining({ title: en.errorTitle, message: en.error }) })]);

    const danish = createStandin({ sheets: [{ name: 'Ark1' }] });
    await applyExcel(danish.run, basePlan);
    await applyExcel(danish.run, layoutPlan);
    expect(danish.workbook.validations('Indsatser')).toEqual([expect.objectContaining({ errorAlert: expect.objectContaining({ title: VALIDATION_TEXTS.errorTitle }) })]);
  });
});

describe('listSource: one rule for both adapters', () => {
  const layout = (listValues: string[]): ColumnLayout => ({ header: 'Kode', listValues });

  it('takes a literal list of up to 255 characters of joined values; quotes in values do not count twice', () => {
    const fits = ['x'.repeat(MAX_LIST_CHARS - 4), 'a"b'];
    expect(fits.join(',').length).toBe(MAX_LIST_CHARS);
    expect(listSource('T', layout(fits))).toEqual({ list: fits.join(',') });
    expect(() => listSource('T', layout(['x'.repeat(MAX_LIST_CHARS + 1)]))).toThrow('the list is longer than Excel allows');
    expect(() => listSource('T', layout(['a,b']))).toThrow('cannot contain a comma');
  });

  it('binds a table column through INDIRECT, escaping the column name', () => {
    expect(listSource('T', { header: 'H', list: { table: 'Mål', column: 'Navn [kort]' } })).toEqual({ formula: 'INDIRECT("Mål[Navn \'[kort\']]")' });
  });
});
