/**
 * Issue 16 item 3, in memory: maskPlan masks what the add-in generates (never a suggestion the user
 * applies), the reader gives notes, defined names and document properties that hold a CPR number,
 * and validation reports each place masked.
 */
import { findCprNumbers } from '../../src/domain/parse/cpr';
import { validateWorkbook } from '../../src/domain/validate';
import { renderFindings } from '../../src/i18n/findings';
import { applyPlan, newWorkbook, readWorkbookBuffer, xlsxBuffer } from '../../src/xlsx';
import { maskPlan } from '../../src/workbook/adapterRules';
import type { Plan } from '../../src/workbook/plan';
import { tablesOf, textsOf } from '../../src/workbook/read';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';
import { table } from '../helpers/tables';

const cprsIn = (text: string): string[] =>
  [...text.matchAll(/(?<!\d)\d{6}[- \u00A0\u2013]?\d{4}(?!\d)/g)].map((m) => m[0]).filter((m) => findCprNumbers(m).length > 0);
const zipText = (xlsx: Buffer) => zipEntries(xlsx).map((e) => zipEntryData(xlsx, e).toString('utf8')).join('\n');

const generated: Plan = {
  ops: [
    { kind: 'ensureSheet', sheet: 'Refusion' },
    { kind: 'label', sheet: 'Refusion', row: 1, column: 1, text: 'Import af refusion 010190-1234.csv', style: 'title' },
    { kind: 'createTable', sheet: 'Refusion', table: 'Refusionsberegning', topLeft: { row: 3, column: 1 }, header: ['Uge', 'Ydelse 2203873047'], rows: [['2021-07', 'Kontanthjælp 220387-3047'], ['2021-08', 2203873047]] },
    { kind: 'generatedSheet', sheet: 'Overblik', title: 'Status for 150285-1237', table: 'Overblik_X', header: ['Målgruppe'], rows: [['Aktive 220387 3047']], columns: [{ header: 'Målgruppe', note: 'fx 290377-1113' }] },
    { kind: 'chart', sheet: 'Overblik', chart: { name: 'c', type: 'bar', title: 'Graf 220387-3047', from: { row: 10, column: 1 }, to: { row: 20, column: 5 }, categories: 'A4:A4', series: [{ name: 'Serie 2203873047', values: 'A4:A4' }] } },
  ],
};

describe('maskPlan', () => {
  it('masks every text the add-in generates; the written file holds no CPR number', async () => {
    const masked = maskPlan(generated);
    expect(cprsIn(JSON.stringify(masked))).toEqual([]);
    expect(JSON.stringify(masked)).toContain('Kontanthjælp 220387-****');
    const wb = newWorkbook();
    applyPlan(wb, generated);
    const xlsx = await xlsxBuffer(wb);
    expect(cprsIn(zipText(Buffer.from(xlsx)))).toEqual([]);
  });

  it('leaves a plan without a CPR number as it is, and the user\'s cells (setValues) untouched', () => {
    const plain: Plan = { ops: [{ kind: 'label', sheet: 'A', row: 1, column: 1, text: 'Hej' }] };
    expect(maskPlan(plain)).toBe(plain);
    const set: Plan = { ops: [{ kind: 'setValues', sheet: 'A', cells: [{ address: 'A1', value: 'x 220387-3047' }] }] };
    expect(maskPlan(set)).toBe(set);
  });
});

describe('CPR numbers outside the contract tables', () => {
  it('the reader gives notes, defined names and properties holding one; validation reports every place masked', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('Ark 2903771113');
    ws.getCell('A1').value = 'Hej';
    ws.getCell('B2').note = 'ring 1111851232';
    wb.definedNames.add("'Ark 2903771113'!$A$1", 'Navn_2412791235');
    wb.title = 'Deltager 0101901234';
    const read = readWorkbookBuffer(Buffer.from(await xlsxBuffer(wb)));
    // app.xml lists the sheet names too: a property of its own.
    expect(new Set(read.texts?.map((t) => t.place))).toEqual(new Set(['comment', 'definedName', 'property']));
    const { findings } = validateWorkbook(tablesOf(read), { asOf: '2026-11-25' as never, texts: textsOf(read) });
    const cpr = renderFindings(findings, 'en').filter((f) => f.code === 'CPR_NUMBER');
    const text = JSON.stringify(cpr);
    expect(cprsIn(text)).toEqual([]);
    expect(new Set(cpr.map((f) => f.message.split(' seems')[0]))).toEqual(new Set(['A defined name', 'A document property', 'The comment', 'The sheet name']));
    for (const m of ['290377-****', '111185-****', '241279-****', '010190-****']) expect(text).toContain(m);
    expect(cpr.every((f) => f.severity === 'error')).toBe(true);
  });

  it('taxonomy cells, headers and table names are scanned; no suggestion holds a CPR number', () => {
    const tax = table('Taksonomier', 'Målgrupper', ['Kode', 'Navn', 'Synonymer', 'Aktiv'], [['MG1', 'Ledige 220387-3047', null, 'Ja'], ['MG2', 'Unge', '010190-1234', 'Ja']]);
    const other = table('Noter', 'Deltagere_1502851237', ['Deltager-ID', 'Note 2903771113'], [['D1', 'x']]);
    const { findings } = validateWorkbook([tax, other], { asOf: '2026-11-25' as never });
    const cpr = findings.filter((f) => f.code === 'CPR_NUMBER');
    expect(cpr.map((f) => `${f.sheet}!${f.cell}`)).toEqual(expect.arrayContaining(['Taksonomier!B2', 'Taksonomier!C3', 'Noter!A1', 'Noter!B1']));
    const rendered = renderFindings(findings, 'da');
    expect(cprsIn(JSON.stringify(rendered))).toEqual([]);
    expect(findings.filter((f) => f.suggestion !== undefined && findCprNumbers(f.suggestion).length > 0)).toEqual([]);
  });
});
