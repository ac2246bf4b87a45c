/**
 * Adopting a hand-kept sheet (#10) on an in-memory workbook: the survey finds the header under a
 * merged title, every data row through blank rows, leaves the totals row out and proposes each
 * column; adopting writes the tracking sheet (model set up first) and leaves the sheet as it was.
 */
import ExcelJS from 'exceljs';
import { surveySheet } from '../../src/domain/adopt/survey';
import { adoptRows, choiceOf, proposedMapping, withChoices } from '../../src/domain/adopt/convert';
import { bestHeaderMatch } from '../../src/domain/adopt/headers';
import { defaultTaxonomies } from '../../src/domain/taxonomy/defaults';
import type { CalendarDate } from '../../src/domain/parse/calendarDate';
import { adoptSheet, draftAdoption } from '../../src/operations/adopt';
import { addInitiative, applySuggestions, RenameError, setUpWorkbook, validate } from '../../src/operations/operations';
import { findSheet, findTableRead } from '../../src/workbook/read';
import { gridOf } from '../../src/workbook/adopt';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import { addHandKeptSheet, HAND_BLANK_ROWS, HAND_DATA_ROWS, HAND_SHEET, HAND_TOTALS_ROW, handKeptWorkbook, ITMV_STATUS_LINES, ITMV_STATUS_TABLE, pasteInto } from '../helpers/handKept';

const asOf = '2016-09-30' as CalendarDate;
const taxonomies = defaultTaxonomies();

describe('header names', () => {
  it.each([
    ['Start', 'startDate'], ['Navn/ID', 'participantId'], ['Bemærkninger', 'remark'], ['Forløbsstatus', 'status'], ['Status', 'status'],
    ['Startdato', 'startDate'], ['Status dato', 'statusDate'], ['Slut', 'endDate'], ['målgrupper', 'targetGroup'], ['Stauts', 'status'], ['Alder', 'age'],
  ])('%s → %s', (typed, key) => {
    expect(bestHeaderMatch(typed)?.key).toBe(key);
  });
  it.each(['Telefon', 'Sidst set', 'I alt', ''])('%s names no column', (typed) => {
    expect(bestHeaderMatch(typed)).toBeUndefined();
  });
  it('reads a choice as typed', () => {
    expect(choiceOf('Status')).toBe('status');
    expect(choiceOf('startdato')).toBe('startDate');
    expect(choiceOf('ikke med')).toBe('skip');
    expect(choiceOf('-')).toBe('skip');
    expect(choiceOf('ekstra')).toBe('extra');
    expect(choiceOf('Telefon')).toBeUndefined();
  });
});

describe('survey of the hand-kept sheet', () => {
  const wb = memoryWorkbook(handKeptWorkbook());
  const surveyOf = async () => {
    const read = await wb.read();
    const grid = gridOf(findSheet(read, HAND_SHEET)!)!;
    const result = surveySheet(grid, taxonomies);
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    return { grid, survey: result.survey };
  };

  it('finds the header below the merged title, every data row, the blank rows and the totals row', async () => {
    const { survey } = await surveyOf();
    expect(survey.headerRow).toBe(3);
    expect(survey.titleRows).toEqual([1]);
    expect(survey.dataRows).toEqual(HAND_DATA_ROWS);
    expect(survey.dataRows).toHaveLength(18);
    expect(survey.blankRows).toEqual(HAND_BLANK_ROWS);
    expect(survey.totalsRows).toEqual([HAND_TOTALS_ROW]);
    expect(survey.titleYears).toEqual([2016]);
  });

  it('proposes a column for each header, and one by its values', async () => {
    const { survey } = await surveyOf();
    expect(survey.columns.map((c) => [c.letter, c.header, c.proposal ?? null, c.via ?? null])).toEqual([
      ['A', 'Navn/ID', 'participantId', 'header'],
      ['B', 'Start', 'startDate', 'header'],
      ['C', 'Målgruppe', 'targetGroup', 'header'],
      ['D', 'Trin', 'step', 'header'],
      ['E', 'Forløbsstatus', 'status', 'header'],
      ['F', 'Bemærkninger', 'remark', 'header'],
      ['G', 'Telefon', null, null],
      ['H', 'Sidst set', 'statusDate', 'values'],
    ]);
    expect(survey.columns[0]!.samples).toEqual(['ITMV-01', 'ITMV-02', 'ITMV-03']);
  });

  it('converts values: taxonomy names, dates with the sheet\'s year, steps; keeps what it cannot read', async () => {
    const { grid, survey } = await surveyOf();
    const adoption = adoptRows(grid, survey, proposedMapping(survey), taxonomies);
    expect(adoption.year).toBe(2016);
    expect(adoption.header).toEqual(['Deltager-ID', 'Startdato', 'Målgruppe', 'Trin', 'Status', 'Statusdato', 'Slutdato', 'Ordinære timer pr. uge', 'Alder', 'Bemærkning', 'Gruppe', 'Telefon']);
    expect(adoption.rows).toHaveLength(18);
    const conv = (column: string, from: string) => adoption.conversions.find((c) => c.column === column && c.from === from)?.to;
    expect(conv('status', 'i praktik')).toBe('I virksomhedspraktik');
    expect(conv('status', 'job (løntilskud)')).toBe('Ansat med løntilskud');
    expect(conv('status', 'job (ordinær)')).toBe('I ordinær beskæftigelse');
    expect(conv('targetGroup', 'aktivitetsparate (etniske minoritets)kvinder')).toBe('Aktivitetsparate kvinder med indvandrerbaggrund');
    expect(conv('startDate', '29/8')).toBe('2016-08-29');
    expect(conv('startDate', '15/8 2016')).toBe('2016-08-15');
    expect(conv('startDate', '1. sep 2016')).toBe('2016-09-01');
    expect(conv('startDate', '29.08.2016')).toBe('2016-08-29');
    expect(conv('step', 'Trin 1')).toBe('1');
    expect(adoption.kept).toEqual([{ column: 'startDate', value: 'snart', row: 20, reason: 'not-a-date' }]);
    // ITMV-01: 15/8 2016 as a serial, the step a number, the remark and the phone number carried along.
    expect(adoption.rows[0]).toEqual(['ITMV-01', 42597, 'Aktivitetsparate kvinder med indvandrerbaggrund', 3, 'I virksomhedspraktik', 42611, null, null, null, 'Praktik i Netto', null, '40 11 22 33']);
  });

  it('takes the user\'s choices, refuses a column chosen twice and a header that is not there', async () => {
    const { survey } = await surveyOf();
    const base = proposedMapping(survey);
    const moved = withChoices(survey, base, [{ header: 'Sidst set', column: 'Slutdato' }, { header: 'Telefon', column: 'ikke med' }]);
    expect(moved.problems).toEqual([]);
    expect(moved.mapping[7]).toBe('endDate');
    expect(moved.mapping[6]).toBe('skip');
    const twice = withChoices(survey, base, [{ header: 'Telefon', column: 'Status' }, { header: 'Forløbsstatus', column: 'Status' }]);
    expect(twice.problems).toEqual([{ kind: 'mapped-twice', column: 'status', headers: ['Forløbsstatus', 'Telefon'] }]);
    expect(withChoices(survey, base, [{ header: 'Mobil', column: 'Status' }]).problems).toEqual([{ kind: 'unknown-header', header: 'Mobil' }]);
    expect(withChoices(survey, base, [{ header: 'Telefon', column: 'Mobil' }]).problems).toEqual([{ kind: 'unknown-column', header: 'Telefon', column: 'Mobil' }]);
  });

  it('finds no header in the ITMV status table: it counts, it does not list participants', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('ITMV status');
    pasteInto(ws, ITMV_STATUS_TABLE);
    const grid = { sheet: 'ITMV status', top: 1, left: 1, rows: ITMV_STATUS_TABLE.split('\n').map((l) => l.split('\t')) };
    expect(surveySheet(grid, taxonomies)).toEqual({ ok: false, problem: { kind: 'no-header' } });
  });

  it('finds no header in the ITMV status table as the PDF extraction has it either', () => {
    const grid = { sheet: 'ITMV status', top: 1, left: 1, rows: ITMV_STATUS_LINES.split('\n').map((l) => [/^\d+$/.test(l) ? Number(l) : l]) };
    expect(surveySheet(grid, taxonomies)).toEqual({ ok: false, problem: { kind: 'no-header' } });
  });

  it('refuses two candidate header rows', () => {
    const grid = { sheet: 'x', top: 1, left: 1, rows: [['Navn', 'Start', 'Status'], ['A', '1/8 2016', 'I forløb'], ['Deltager', 'Startdato', 'Status'], ['B', '2/8 2016', 'Job']] };
    expect(surveySheet(grid, taxonomies)).toEqual({ ok: false, problem: { kind: 'ambiguous-header', rows: [1, 3] } });
    expect(surveySheet(grid, taxonomies, { headerRow: 1 }).ok).toBe(true);
  });
});

describe('adopting', () => {
  it('sets up the model, adds the initiative and writes every row; the sheet is left as it was', async () => {
    const wb = memoryWorkbook(handKeptWorkbook());
    const before = findSheet(await wb.read(), HAND_SHEET);
    const result = await adoptSheet(wb, { sheet: HAND_SHEET, initiativeId: 'ITMV', name: 'I Tråd Med Verden' }, asOf, 'da');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.preview.setsUp).toBe(true);
    expect(result.preview.addsInitiative).toBe(true);
    expect(result.preview.trackingSheet).toBe('ITMV');
    const read = await wb.read();
    expect(findSheet(read, HAND_SHEET)).toEqual(before);
    const table = findTableRead(read, 'Deltagere_ITMV')!;
    expect(table.sheet).toBe('ITMV');
    expect(table.rows).toHaveLength(18);
    expect(table.header.slice(-1)).toEqual(['Telefon']);
    const register = findTableRead(read, 'Indsatser')!;
    expect(register.rows.map((r) => r.slice(0, 2))).toEqual([['ITMV', 'I Tråd Med Verden']]);
    // Findings only where the data is wrong: the start date "snart".
    expect(result.findings.map((f) => [f.cell, f.code])).toEqual([['B19', 'WRONG_TYPE']]);
    const all = await validate(wb, 'workbook', asOf);
    expect(all.findings.filter((f) => f.severity === 'error').map((f) => [f.sheet, f.cell, f.code])).toEqual([['ITMV', 'B19', 'WRONG_TYPE']]);
    expect(all.findings.filter((f) => f.code === 'SHEET_NOT_IN_MODEL').map((f) => [f.sheet, f.severity])).toEqual([[HAND_SHEET, 'info']]);
  });

  it('puts the tracking sheet beside a hand-kept sheet named by the ID, into a model that exists', async () => {
    const wb = memoryWorkbook(handKeptWorkbook());
    await adoptSheet(wb, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da');
    addHandKeptSheet(wb.workbook, 'JOBF');
    const result = await adoptSheet(wb, { sheet: 'JOBF', initiativeId: 'JOBF' }, asOf, 'da');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.preview.setsUp).toBe(false);
    expect(result.preview.trackingSheet).toBe('Deltagere_JOBF');
    const read = await wb.read();
    expect(findTableRead(read, 'Deltagere_JOBF')!.rows).toHaveLength(18);
    expect(findSheet(read, 'JOBF')!.tables).toEqual([]);
    expect(findTableRead(read, 'Indsatser')!.rows.map((r) => r[0])).toEqual(['ITMV', 'JOBF']);
  });

  it('fills the empty tracking table "Ny indsats" made, adding the extra columns', async () => {
    const wb = memoryWorkbook(handKeptWorkbook());
    await setUpWorkbook(wb, 'da');
    const added = await addInitiative(wb, { id: 'ITMV', name: 'I Tråd Med Verden', goals: [], targetGroups: [] }, 'da');
    expect(added.problems).toEqual([]);
    const result = await adoptSheet(wb, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.preview.addsInitiative).toBe(false);
    const read = await wb.read();
    const table = findTableRead(read, 'Deltagere_ITMV')!;
    expect(table.rows.filter((r) => r.some((v) => v !== null && v !== ''))).toHaveLength(18);
    expect(table.header.slice(-1)).toEqual(['Telefon']);
    expect(table.rows[0]!.slice(0, 5)).toEqual(['ITMV-01', 42597, 'Aktivitetsparate kvinder med indvandrerbaggrund', 3, 'I virksomhedspraktik']);
    expect(findTableRead(read, 'Indsatser')!.rows).toHaveLength(1);
    expect(result.findings.map((f) => [f.cell, f.code])).toEqual([['B19', 'WRONG_TYPE']]);
  });

  it('refuses, writing nothing: no such sheet, a bad ID, a model sheet, an initiative with rows', async () => {
    const wb = memoryWorkbook(handKeptWorkbook());
    const problems = async (sheet: string, initiativeId: string) => {
      const r = await adoptSheet(wb, { sheet, initiativeId }, asOf, 'da');
      return r.ok ? [] : r.problems.map((p) => p.kind);
    };
    expect(await problems('Deltagere', 'ITMV')).toEqual(['no-sheet']);
    expect(await problems(HAND_SHEET, '1 ITMV')).toEqual(['invalid-id']);
    expect(wb.applied).toEqual([]);
    await adoptSheet(wb, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da');
    expect(await problems('Indsatser', 'X')).toEqual(['model-sheet']);
    expect(await problems(HAND_SHEET, 'itmv')).toEqual(['has-rows']);
    expect(wb.applied).toHaveLength(1);
  });

  it('a dry run writes nothing; the draft lists the sheets that can be adopted', async () => {
    const wb = memoryWorkbook(handKeptWorkbook());
    const dry = await adoptSheet(wb, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da', { dryRun: true });
    expect(dry.ok).toBe(true);
    expect(wb.applied).toEqual([]);
    const draft = await draftAdoption(wb, asOf, 'da');
    expect(draft.sheets).toEqual([HAND_SHEET]);
  });
});

describe('renamed columns (repair)', () => {
  /** A set-up workbook whose tracking table's Status column someone renamed to Forløbsstatus. */
  const renamedWorkbook = async () => {
    const wb = memoryWorkbook(handKeptWorkbook());
    await adoptSheet(wb, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da');
    const table = findTableRead(await wb.read(), 'Deltagere_ITMV')!;
    await wb.apply({ ops: [{ kind: 'setValues', sheet: 'ITMV', cells: [{ address: 'E4', value: 'Forløbsstatus', expected: 'Status' }] }] });
    expect(table.header[4]).toBe('Status');
    return wb;
  };

  it('validation names the look-alike; repair proposes the rename and appends no empty Status column', async () => {
    const wb = await renamedWorkbook();
    const { findings } = await validate(wb, 'workbook', asOf);
    const missing = findings.filter((f) => f.code === 'MISSING_COLUMN');
    expect(missing.map((f) => [f.sheet, f.cell, f.params.like, f.suggestion])).toEqual([['ITMV', 'E4', 'Forløbsstatus', 'Status']]);
    const result = await setUpWorkbook(wb, 'da');
    expect(result.suggested).toEqual([{ sheet: 'ITMV', table: 'Deltagere_ITMV', cell: 'E4', from: 'Forløbsstatus', to: 'Status' }]);
    expect(result.added).toBe(0);
    expect(findTableRead(await wb.read(), 'Deltagere_ITMV')!.header.filter((h) => h === 'Status')).toEqual([]);
  });

  it('renames on the user\'s word: repair --rename, or the finding\'s suggestion', async () => {
    const wb = await renamedWorkbook();
    const result = await setUpWorkbook(wb, 'da', undefined, { rename: [{ from: 'forløbsstatus', to: 'status' }] });
    expect(result.renamed).toEqual([{ sheet: 'ITMV', table: 'Deltagere_ITMV', cell: 'E4', from: 'Forløbsstatus', to: 'Status' }]);
    expect(result.suggested).toEqual([]);
    const read = await wb.read();
    expect(findTableRead(read, 'Deltagere_ITMV')!.header[4]).toBe('Status');
    expect((await validate(wb, 'workbook', asOf)).findings.filter((f) => f.code === 'MISSING_COLUMN')).toEqual([]);

    const again = await renamedWorkbook();
    const finding = (await validate(again, 'workbook', asOf)).findings.find((f) => f.code === 'MISSING_COLUMN')!;
    expect(await applySuggestions(again, [finding])).toBe(1);
    expect(findTableRead(await again.read(), 'Deltagere_ITMV')!.header[4]).toBe('Status');
  });

  it('refuses a rename it cannot make, writing nothing', async () => {
    const wb = await renamedWorkbook();
    const applied = wb.applied.length;
    await expect(setUpWorkbook(wb, 'da', undefined, { rename: [{ from: 'Telefon2', to: 'Status' }] })).rejects.toThrow(RenameError);
    await expect(setUpWorkbook(wb, 'da', undefined, { rename: [{ from: 'Forløbsstatus', to: 'Startdato' }] })).rejects.toThrow(RenameError);
    expect(wb.applied).toHaveLength(applied);
  });

  it('leaves a hand-kept sheet named by a registered ID alone: the tracking table goes on Deltagere_<ID>', async () => {
    const wb = memoryWorkbook(handKeptWorkbook());
    await adoptSheet(wb, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da');
    addHandKeptSheet(wb.workbook, 'JOBF');
    const read = await wb.read();
    const register = findTableRead(read, 'Indsatser')!;
    await wb.apply({ ops: [{ kind: 'appendRows', sheet: register.sheet, table: 'Indsatser', rows: [register.header.map((h) => (h === 'ID' ? 'JOBF' : h === 'Navn' ? 'JobFirst' : null))] }] });
    const before = findSheet(await wb.read(), 'JOBF');
    await setUpWorkbook(wb, 'da');
    const after = await wb.read();
    expect(findSheet(after, 'JOBF')).toEqual(before);
    // The tracking table on a sheet of its own, empty, for adopt to fill.
    const empty = findTableRead(after, 'Deltagere_JOBF')!;
    expect(empty.sheet).toBe('Deltagere_JOBF');
    expect(empty.rows.flat().filter((v) => v !== null)).toEqual([]);
    const adopted = await adoptSheet(wb, { sheet: 'JOBF', initiativeId: 'JOBF' }, asOf, 'da');
    expect(adopted.ok && adopted.preview.trackingSheet).toBe('Deltagere_JOBF');
    expect(findTableRead(await wb.read(), 'Deltagere_JOBF')!.rows).toHaveLength(18);
  });
});
