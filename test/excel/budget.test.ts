/**
 * Round trips and payloads on large workbooks: the adapter's syncs do not grow with the row
 * count, and no single request (and on Excel on the web no single sync) is over 5 MB, as the
 * stand-in measures it (the JSON it would send, test/standin/wire.ts; not the adapter's estimate).
 */
import { applyPlan, readWorkbook, WEB_SYNC_PAYLOAD_LIMIT } from '../../src/excel/adapter';
import { planStructure } from '../../src/workbook/structure';
import { createStandin } from '../standin/excelStandin';
import { MB, participantRows, participantSpec } from './helpers';

const FIVE_MB = 5 * MB;

/** Deep equality of two large reads (Jest's toEqual takes seconds on a million cells). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe.each([10_000, 100_000])('%i participant rows', (count) => {
  const rows = participantRows(count);
  const plan = planStructure({ sheets: [] }, { rows });

  it('applyPlan (structure + rows), readWorkbook, the layout-only replan and appendRows each take ≤ 3 syncs', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });

    await applyPlan(standin.run, plan);
    expect(standin.stats.syncs).toBeLessThanOrEqual(3);
    expect(standin.stats.largestRequestBytes).toBeLessThan(FIVE_MB);

    standin.reset();
    const read = await readWorkbook(standin.run);
    expect(standin.stats.syncs).toBeLessThanOrEqual(3);
    expect(standin.stats.largestRequestBytes).toBeLessThan(FIVE_MB);
    const participants = read.sheets.flatMap((s) => s.tables).filter((t) => t.table?.startsWith('Deltagere_'));
    expect(participants.reduce((n, t) => n + t.rows.length, 0)).toBe(count);
    // Written rows fill the table's first columns; the rest (e.g. Gruppe) read back empty.
    const written = rows[participants[0].table!][0];
    expect(participants[0].rows[0]).toEqual([...written, ...Array(participants[0].header.length - written.length).fill(undefined)].map((v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? expect.any(Number) : v ?? null)));

    standin.reset();
    const again = planStructure(read, { rows });
    expect(again.ops.every((op) => op.kind === 'layoutColumns')).toBe(true);
    await applyPlan(standin.run, again);
    expect(standin.stats.syncs).toBeLessThanOrEqual(3);

    standin.reset();
    const table = participants[0].table!;
    await applyPlan(standin.run, { ops: [{ kind: 'appendRows', sheet: participants[0].sheet, table, rows: rows[table].slice(0, 1000) }] });
    expect(standin.stats.syncs).toBeLessThanOrEqual(3);
  }, 120_000); // a loaded 2-core machine: the 100 000-row cases take 10 s idle

  it('on Excel on the web spreads the writes so that no sync is over 5 MB', async () => {
    const web = createStandin({ sheets: [{ name: 'Ark1' }] }, { payloadLimit: FIVE_MB });
    await applyPlan(web.run, plan, { payloadLimit: WEB_SYNC_PAYLOAD_LIMIT });
    expect(web.stats.largestSyncBytes).toBeLessThan(FIVE_MB);
    expect(web.workbook.tables().filter((t) => t.name.startsWith('Deltagere_')).length).toBe(10);
  }, 120_000);

  it('reads a plain participant workbook in 3 syncs; on Excel on the web every sync stays under 5 MB', async () => {
    const spec = participantSpec(count);
    const desktop = createStandin(spec);
    const read = await readWorkbook(desktop.run);
    expect(desktop.stats.syncs).toBe(3);
    expect(desktop.stats.largestRequestBytes).toBeLessThan(FIVE_MB);

    // Excel on the web: the stand-in refuses any sync over 5 MB; the adapter spreads the data.
    const web = createStandin(spec, { payloadLimit: FIVE_MB });
    expect(same(await readWorkbook(web.run, { payloadLimit: WEB_SYNC_PAYLOAD_LIMIT }), read)).toBe(true);
    expect(web.stats.largestSyncBytes).toBeLessThan(FIVE_MB);
    expect(web.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(desktop.stats.payloadBytes / (2 * MB)));

    if (count > 10_000) return;
    // Without the estimate, batches Excel refuses as too large are split until they fit.
    const blind = createStandin(spec, { payloadLimit: 1 * MB });
    expect(same(await readWorkbook(blind.run, { payloadLimit: Infinity }), read)).toBe(true);
    expect(blind.stats.largestRequestBytes).toBeLessThan(1 * MB);
  }, 120_000);
});
