/**
 * Issue 10.5 on the Office.js path: the pane's read of the open workbook (src/excel/read.ts, on the
 * stand-in) gives every place that holds a CPR number outside the tables — threaded comments and
 * their replies, notes, defined names, document and custom properties, cells of the used range
 * outside the tables — in its three syncs, and validation reports each with the number masked;
 * the CPR finding's suggestion ("Masker CPR-nummeret") writes the masked text only over the value
 * that was validated.
 */
import { readWorkbook, outsideOf } from '../../src/excel/read';
import { applyPlan } from '../../src/excel/apply';
import { validateWorkbook } from '../../src/domain/validate';
import { findingMessage } from '../../src/i18n/findings';
import { findCprInWorkbook } from '../../src/workbook/cprMask';
import { tablesOf, textsOf } from '../../src/workbook/read';
import type { CalendarDate } from '../../src/domain/parse/calendarDate';
import { createStandin, type StandinWorkbookSpec } from '../standin/excelStandin';
import { cprStrings } from '../hostile/scan';

const spec = (): StandinWorkbookSpec => ({
  sheets: [
    {
      name: 'Deltagere',
      cells: {
        A1: 'Sag 220387-3047', // a title above the table
        A4: 'Deltager-ID', B4: 'Alder', A5: 'D1', B5: 30, A6: 'D2', B6: 41,
        F2: 2008071668, // a CPR number typed as a number, right of the table
        A9: 'Ingen her',
      },
      tables: [{ name: 'Deltagere_X', ref: 'A4:B6' }],
      comments: { B5: { content: 'Ring i morgen', replies: ['Gjort, 140201-1002'] }, A6: { content: 'Mor 121199-3880' } },
      notes: { A5: 'Borgeren (080795-0446) ringede' },
    },
    { name: 'Noter', cells: { A1: 'Noter', A2: 'Mor: 030481-1112' } },
  ],
  names: [{ name: 'Borger_1009971668', formula: '=Noter!$A$2' }, { name: 'Mor', formula: '="111098-2779"' }, { name: 'Ren', formula: '=Noter!$A$1' }],
  properties: { author: '1301000991', comments: 'CPR 150302-2113', company: 'Firma 160403-3224', title: 'Uden' },
  custom: { Sagsnummer: '170504-0335', Andet: 'intet' },
});

const all = () => true;

describe('the Office.js read scans for CPR numbers outside the tables', () => {
  it('gives comments with replies, notes, names, properties and cells outside the tables, in 3 syncs', async () => {
    const standin = createStandin(spec());
    const read = await readWorkbook(standin.run, { supports: all });
    expect(standin.stats.syncs).toBe(3);
    const places = findCprInWorkbook(read).map((h) => `${h.place} ${h.sheet}!${h.cell} ${h.key ?? ''} ${h.numbers.join(',')}`.trim());
    expect(places.sort()).toEqual([
      'cell Deltagere!A1  220387-****',
      'cell Deltagere!F2  200807-****',
      'cell Noter!A2  030481-****',
      'comment Deltagere!A5  080795-****',
      'comment Deltagere!A6  121199-****',
      'comment Deltagere!B5  140201-****',
      'definedName ! Borger_1009971668 100997-****',
      'definedName ! Mor 111098-****',
      'property ! app:Company 160403-****',
      'property ! core:creator 130100-****',
      'property ! core:description 150302-****',
      'property ! custom:Sagsnummer 170504-****',
    ]);
    // The number typed as a number stays a number, as the .xlsx reader gives it.
    expect(read.texts?.find((t) => t.cell === 'F2')).toMatchObject({ place: 'cell', value: 2008071668 });
  });

  it('validation reports each, masked, and gives a cell the masked text as its suggestion', async () => {
    const standin = createStandin(spec());
    const read = await readWorkbook(standin.run, { supports: all });
    const { findings } = validateWorkbook(tablesOf(read), { asOf: '2021-12-31' as CalendarDate, texts: textsOf(read) });
    const cpr = findings.filter((f) => f.code === 'CPR_NUMBER');
    expect(cpr).toHaveLength(12);
    expect(cprStrings(cpr.map((f) => `${findingMessage(f, 'da')} ${findingMessage(f, 'en')} ${f.suggestion ?? ''}`).join('\n'))).toEqual([]);
    expect(cpr.find((f) => f.cell === 'A6')!.params.place).toBe('comment');
    const title = cpr.find((f) => f.sheet === 'Deltagere' && f.cell === 'A1')!;
    expect(title).toMatchObject({ suggestion: 'Sag 220387-****', value: 'Sag 220387-3047' });

    // "Masker CPR-nummeret": setValues with `expected`, as applySuggestions plans it.
    await applyPlan(standin.run, { ops: [{ kind: 'setValues', sheet: 'Deltagere', cells: [{ address: 'A1', value: title.suggestion!, expected: title.value! }] }] }, { supports: all });
    expect(standin.workbook.value('Deltagere', 'A1')).toBe('Sag 220387-****');
    // Once the cell changed (typed over since it was validated), the same suggestion writes nothing.
    standin.workbook.userEdit('Deltagere', 'A1', [['Sag 220387-3047 igen']]);
    await expect(applyPlan(standin.run, { ops: [{ kind: 'setValues', sheet: 'Deltagere', cells: [{ address: 'A1', value: title.suggestion!, expected: title.value! }] }] }, { supports: all })).rejects.toThrow();
    expect(standin.workbook.value('Deltagere', 'A1')).toBe('Sag 220387-3047 igen');
  });

  it('reads no comments, notes, names or properties where Excel lacks the API, and still 3 syncs', async () => {
    const standin = createStandin(spec());
    const read = await readWorkbook(standin.run, { supports: (set, version) => set === 'ExcelApi' && Number(version.split('.')[1]) < 7 });
    expect(findCprInWorkbook(read).map((h) => h.place).sort()).toEqual(['cell', 'cell', 'cell']);
    expect(standin.stats.syncs).toBe(3);
  });

  it('cuts the used range into the parts outside the tables, bounded', () => {
    const used = { top: 1, left: 1, bottom: 10, right: 6 };
    const parts = outsideOf(used, [{ top: 4, left: 1, bottom: 6, right: 2 }]);
    expect(parts).toEqual([{ top: 1, left: 1, bottom: 3, right: 6 }, { top: 7, left: 1, bottom: 10, right: 6 }, { top: 4, bottom: 6, left: 3, right: 6 }]);
    const cells = parts.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    expect(cells).toBe(60 - 6);
    // A used range reaching XFD1048576 (one far cell) is not read whole.
    expect(outsideOf({ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }, [{ top: 1, left: 1, bottom: 100, right: 5 }])).toEqual([]);
  });
});
