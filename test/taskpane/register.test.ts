/** The registration commands behind the pane's *Ny status* and *Ny deltager*, on the demo workbook in memory. */
import type { CalendarDate } from '../../src/domain/parse';
import { memoryWorkbook } from '../helpers/memoryWorkbook';
import { applyPlan, newWorkbook } from '../../src/xlsx';
import { planStructure } from '../../src/workbook/structure';
import { demoRows } from '../../src/demo/demoData';
/** A date as the planners write it into a cell: a Date at UTC midnight (each writer makes it the workbook's own date). */
const dateOn = (day: string) => new Date(`${day}T00:00:00.000Z`);
import { inferStep, matchTyped, nextParticipantId, readRegistration, registerParticipant, registerStatus, entryTexts } from '../../src/operations/register';
import { checkWorkbook } from '../../src/operations/check';
import { writeFindingsSheet } from '../../src/operations/operations';

const today = '2016-08-29' as CalendarDate;

function demo() {
  const wb = newWorkbook();
  applyPlan(wb, planStructure({ sheets: [] }, { rows: demoRows() }));
  const workbook = memoryWorkbook(wb);
  workbook.active = 'ITMV';
  return workbook;
}

const rowOf = async (workbook: ReturnType<typeof demo>, id: string) => {
  const table = (await workbook.read()).sheets.find((s) => s.name === 'ITMV')!.tables[0];
  const rows = table.rows.filter((r) => r[0] === id);
  return Object.fromEntries(table.header.map((h, i) => [h, rows.at(-1)![i]]));
};

describe('registration', () => {
  it('offers the tracking sheets, their participants and the statuses, the active sheet first', async () => {
    const context = await readRegistration(demo(), today);
    expect(context.active).toBe('ITMV');
    expect(context.participants.ITMV.map((p) => p.id)).toContain('ITMV-010');
    expect(new Set(context.participants.ITMV.map((p) => p.id)).size).toBe(context.participants.ITMV.length);
    expect(context.statuses.map((s) => s.name)).toContain('I virksomhedspraktik');
  });

  it('resolves typed text to one participant or status, and infers the step', async () => {
    const context = await readRegistration(demo(), today);
    expect(matchTyped('010', context.participants.ITMV, (p) => [p.id]).map((p) => p.id)).toEqual(['ITMV-010']);
    const [praktik] = matchTyped('pr', context.statuses, entryTexts);
    expect(praktik.name).toBe('I virksomhedspraktik');
    expect(inferStep(praktik, '1')).toBe('3');
    const forløb = context.statuses.find((s) => s.code === 'FORLØB');
    expect(inferStep(forløb, '2')).toBe('2');
    expect(inferStep(forløb, '3')).toBe('1');
    expect(nextParticipantId('ITMV', context.participants.ITMV)).toBe('ITMV-019');
  });

  it('registers a status change on the latest course and validates the row', async () => {
    const workbook = demo();
    const result = await registerStatus(workbook, { initiativeId: 'ITMV', participantId: 'itmv-010', status: 'I virksomhedspraktik', date: today, step: '3' }, today);
    expect(result).toMatchObject({ kind: 'ok', sheet: 'ITMV', participantId: 'ITMV-010', findings: [] });
    expect(await rowOf(workbook, 'ITMV-010')).toMatchObject({ Status: 'I virksomhedspraktik', Trin: 3, Statusdato: dateOn(today), Slutdato: null });
  });

  it('sets the end date when a status ends the course', async () => {
    const workbook = demo();
    await registerStatus(workbook, { initiativeId: 'ITMV', participantId: 'ITMV-010', status: 'job', date: today, step: '3' }, today);
    expect(await rowOf(workbook, 'ITMV-010')).toMatchObject({ Status: 'I ordinær beskæftigelse', Slutdato: dateOn(today) });
  });

  it('refuses an unknown participant or status and writes nothing', async () => {
    const workbook = demo();
    expect(await registerStatus(workbook, { initiativeId: 'ITMV', participantId: 'X-1', status: 'I forløb', date: today, step: '1' }, today)).toEqual({ kind: 'problem', problem: 'unknown-participant' });
    expect(await registerStatus(workbook, { initiativeId: 'ITMV', participantId: 'ITMV-010', status: 'Ferie', date: today, step: '1' }, today)).toEqual({ kind: 'problem', problem: 'unknown-status' });
    expect(workbook.applied).toEqual([]);
  });

  it('appends a participant, and refuses one whose course is still open', async () => {
    const workbook = demo();
    const result = await registerParticipant(workbook, { initiativeId: 'ITMV', participantId: 'ITMV-020', start: today, targetGroup: 'Aktivitetsparate kontanthjælpsmodtagere', status: 'I forløb', step: '1', age: 30 }, today);
    expect(result.kind).toBe('ok');
    expect(await rowOf(workbook, 'ITMV-020')).toMatchObject({ Startdato: dateOn(today), Status: 'I forløb', Trin: 1, Alder: 30 });
    expect(await registerParticipant(workbook, { initiativeId: 'ITMV', participantId: 'ITMV-020', start: today, targetGroup: 'Aktivitetsparate kontanthjælpsmodtagere', status: 'I forløb', step: '1' }, today)).toEqual({ kind: 'problem', problem: 'open-course' });
  });
});

describe('checkWorkbook', () => {
  it('says what it covered, and checks the sheet validated before when Fejl is active', async () => {
    const workbook = demo();
    const first = await checkWorkbook(workbook, { scope: 'sheet' }, today);
    expect(first).toMatchObject({ scope: 'sheet', sheet: 'ITMV', rows: 19, sheets: 1 });
    await writeFindingsSheet(workbook, first.findings, today, 'da');
    expect(workbook.active).toBe('Fejl');
    const again = await checkWorkbook(workbook, { scope: 'sheet', previous: 'ITMV' }, today);
    expect(again).toMatchObject({ sheet: 'ITMV', insteadOf: 'Fejl', rows: 19 });
    const fejl = await checkWorkbook(workbook, { scope: 'sheet' }, today);
    expect(fejl).toMatchObject({ sheet: 'Fejl', rows: 0 });
  });

  it('reports its progress', async () => {
    const steps: string[] = [];
    await checkWorkbook(demo(), { scope: 'workbook' }, today, { onProgress: (p) => steps.push(p.step) });
    expect(steps).toEqual(['reading', 'checking']);
  });
});
