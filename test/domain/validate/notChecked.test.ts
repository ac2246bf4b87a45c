/**
 * #10: validation says what it did not check (SHEET_NOT_IN_MODEL, info) and names the column a
 * missing one was renamed to (MISSING_COLUMN on the look-alike's header, the rename as suggestion).
 */
import { validateWorkbook } from '../../../src/domain/validate';
import { lookAlikes } from '../../../src/domain/adopt/lookAlike';
import { PARTICIPANTS, type TableData } from '../../../src/domain/model';
import type { CalendarDate } from '../../../src/domain/parse';
import { headerOf, register, table, tracking } from '../../helpers/tables';

const asOf = '2017-08-29' as CalendarDate;
const itmv = { ID: 'ITMV', Navn: 'I Tråd Med Verden', Status: 'I gang' };
const good = { 'Deltager-ID': 'ITMV-001', Startdato: '15-08-2017', Målgruppe: 'Aktivitetsparate kontanthjælpsmodtagere', Trin: 1, Status: 'I forløb', Statusdato: '20-08-2017' };
const findings = (tables: TableData[]) => validateWorkbook(tables, { asOf }).findings.filter((f) => f.code !== 'MISSING_TABLE' && f.code !== 'TEXT_DATE'); // dates typed as text for readability

describe('SHEET_NOT_IN_MODEL', () => {
  it('lists a sheet with data the model does not check, at its first cell, as info', () => {
    const own = table('Mine deltagere', undefined, ['Titel', '', ''], [[null, null, null], ['Navn/ID', 'Start', 'Status'], ['A', '29/8', 'i praktik']], 2, 2);
    const found = findings([register([itmv]), tracking('ITMV', [good]), own]);
    expect(found).toEqual([expect.objectContaining({ sheet: 'Mine deltagere', cell: 'B2', severity: 'info', code: 'SHEET_NOT_IN_MODEL', params: { sheet: 'Mine deltagere', rows: 3 } })]);
  });
  it('does not list the model\'s sheets, generated sheets, or an empty sheet', () => {
    const generated = table('Fejl', 'Fejl_Kontrol', ['Fejl', 'Fingeraftryk'], [['Fejl', 'abc']]);
    const empty = table('Ark1', undefined, [''], [[null]]);
    const statusLog = table('Statuslog', undefined, ['Indsats-ID', 'Dato'], []);
    expect(findings([register([itmv]), tracking('ITMV', [good]), generated, empty, statusLog]).filter((f) => f.code === 'SHEET_NOT_IN_MODEL')).toEqual([]);
  });
});

describe('MISSING_COLUMN with a look-alike', () => {
  const renamed = (from: string) => {
    const t = tracking('ITMV', [good]);
    return { ...t, header: t.header.map((h) => (h === 'Status' ? from : h)) };
  };
  it('points at the look-alike\'s header, names it and suggests the rename', () => {
    const [f] = findings([register([itmv]), renamed('Forløbsstatus')]);
    expect(f).toMatchObject({ sheet: 'ITMV', cell: 'E1', row: 1, column: 'Forløbsstatus', severity: 'error', code: 'MISSING_COLUMN', params: { column: 'Status', table: 'Deltagere_ITMV', like: 'Forløbsstatus' }, suggestion: 'Status', value: 'Forløbsstatus' });
  });
  it('without a look-alike points at the header row and names none', () => {
    const [f] = findings([register([itmv]), renamed('Telefon')]);
    expect(f).toMatchObject({ cell: 'A1', code: 'MISSING_COLUMN', params: { column: 'Status', table: 'Deltagere_ITMV' } });
    expect(f!.params.like).toBeUndefined();
    expect(f!.suggestion).toBeUndefined();
  });
  it('finds a renamed required date column by its values', () => {
    const header = headerOf(PARTICIPANTS).map((h) => (h === 'Startdato' ? 'Kom ind' : h));
    expect(lookAlikes(PARTICIPANTS, header, [['A', '15-08-2017'], ['B', 42962]]).map((l) => [l.column.header, l.header])).toEqual([['Startdato', 'Kom ind']]);
    expect(lookAlikes(PARTICIPANTS, header, [['A', 'snart'], ['B', 'i morgen']])).toEqual([]);
  });
});
