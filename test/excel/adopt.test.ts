/**
 * #10 through the Office.js adapter (the stand-in), as the pane does it: adopting a hand-kept
 * sheet gives the same tracking table as on a file, and renaming a column by writing its header
 * cell (repair's rename, "Brug forslag") renames the table column.
 */
import type { CalendarDate } from '../../src/domain/parse';
import { excelWorkbook } from '../../src/operations/excelWorkbook';
import { adoptSheet } from '../../src/operations/adopt';
import { setUpWorkbook, validate } from '../../src/operations/operations';
import { findSheet, findTableRead } from '../../src/workbook/read';
import { createStandin } from '../standin/excelStandin';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import { HAND_SHEET, handKeptWorkbook } from '../helpers/handKept';
import { specFromExcelJs } from './helpers';

const asOf = '2016-09-30' as CalendarDate;
const all = () => true;

it('adopts the hand-kept sheet as the file adapter does, leaving the sheet as it was, and renames a column by its header', async () => {
  const standin = createStandin(specFromExcelJs(handKeptWorkbook()));
  const live = excelWorkbook(standin.run, all);
  const before = findSheet(await live.read(), HAND_SHEET);
  const result = await adoptSheet(live, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.findings.map((f) => [f.cell, f.code])).toEqual([['B19', 'WRONG_TYPE']]);
  const read = await live.read();
  expect(findSheet(read, HAND_SHEET)).toEqual(before);

  const file = memoryWorkbook(handKeptWorkbook());
  await adoptSheet(file, { sheet: HAND_SHEET, initiativeId: 'ITMV' }, asOf, 'da');
  const [office, xlsx] = [findTableRead(read, 'Deltagere_ITMV')!, findTableRead(await file.read(), 'Deltagere_ITMV')!];
  expect(office.header).toEqual(xlsx.header);
  expect(office.ref).toBe(xlsx.ref);
  expect(office.rows.map((r) => r.map((v) => (v instanceof Date ? Math.round(v.getTime() / 86_400_000) + 25_569 : v)))).toEqual(
    xlsx.rows.map((r) => r.map((v) => (v instanceof Date ? Math.round(v.getTime() / 86_400_000) + 25_569 : v))),
  );

  await live.apply({ ops: [{ kind: 'setValues', sheet: 'ITMV', cells: [{ address: 'E4', value: 'Forløbsstatus', expected: 'Status' }] }] });
  const renamed = await validate(live, 'workbook', asOf);
  expect(renamed.findings.filter((f) => f.code === 'MISSING_COLUMN').map((f) => [f.cell, f.params.like])).toEqual([['E4', 'Forløbsstatus']]);
  const repaired = await setUpWorkbook(live, 'da', undefined, { rename: [{ from: 'Forløbsstatus', to: 'Status' }] });
  expect(repaired.renamed).toHaveLength(1);
  expect(findTableRead(await live.read(), 'Deltagere_ITMV')!.header[4]).toBe('Status');
});
