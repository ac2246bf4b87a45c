/**
 * The adapter's payload estimate against the stand-in's own measure (test/standin/wire.ts: the
 * JSON Office.js would send, never the adapter's estimate) on plans whose cost is in commands and
 * object paths rather than values: many labels (one, or with a title's font, three commands each
 * on three new objects), many checked areas (step 2's loads), and a read of long texts, which the
 * estimate cannot see before it has them.
 */
import { applyPlan, readWorkbook, WEB_SYNC_PAYLOAD_LIMIT } from '../../src/excel/adapter';
import { jsonSize } from '../../src/excel/values';
import type { Plan } from '../../src/workbook/plan';
import { createStandin, type StandinWorkbookSpec } from '../standin/excelStandin';
import { MB } from './helpers';

/** Excel on the web refuses a sync over 5 MB; the adapter aims at WEB_SYNC_PAYLOAD_LIMIT (4 MB). */
const FIVE_MB = 5 * MB;
const web = { payloadLimit: WEB_SYNC_PAYLOAD_LIMIT };

const labels = (sheet: string, count: number, style?: 'title'): Plan['ops'] =>
  Array.from({ length: count }, (_, i) => ({ kind: 'label' as const, sheet, row: i + 1, column: 1, text: `Etiket ${i + 1}`, ...(style ? { style } : {}) }));

describe.each([['plain', undefined], ['title', 'title']] as const)('20 000 %s labels on a new sheet', (_, style) => {
  const plan: Plan = { ops: [{ kind: 'ensureSheet', sheet: 'Oversigt' }, ...labels('Oversigt', 20_000, style)] };

  it('go in syncs that each stay under 4 MB on Excel on the web, as the stand-in measures them', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] }, { payloadLimit: FIVE_MB });
    await applyPlan(standin.run, plan, web);
    expect(standin.stats.largestSyncBytes).toBeLessThanOrEqual(WEB_SYNC_PAYLOAD_LIMIT);
    // Before the estimate counted commands and object paths: one sync of 4.7 MB (plain) or 12 MB (title).
    expect(standin.stats.payloadBytes).toBeGreaterThan(2 * MB);
    expect(standin.stats.syncs).toBeGreaterThan(2);
    expect(standin.workbook.value('Oversigt', 'A1')).toBe('Etiket 1');
    expect(standin.workbook.value('Oversigt', 'A20000')).toBe('Etiket 20000');
    expect(standin.workbook.font('Oversigt', 'A20000').bold).toBe(style === 'title' ? true : undefined);
  }, 30_000);

  it('on Windows and Mac still take one write sync', async () => {
    const standin = createStandin({ sheets: [{ name: 'Ark1' }] });
    await applyPlan(standin.run, plan, { payloadLimit: Infinity });
    expect(standin.stats.syncs).toBe(2);
  }, 30_000);
});

describe('20 000 labels on an existing sheet (20 000 areas to check)', () => {
  // Every thousandth cell holds a value already: its label is skipped, the others written.
  const cells = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`A${i * 1000 + 500}`, 'optaget']));
  const spec = (): StandinWorkbookSpec => ({ sheets: [{ name: 'Ark1', cells }] });
  const plan: Plan = { ops: labels('Ark1', 20_000) };

  it('loads what the checks need in syncs under 4 MB on Excel on the web, then writes', async () => {
    const standin = createStandin(spec(), { payloadLimit: FIVE_MB });
    await applyPlan(standin.run, plan, web);
    // Before, step 2 alone was one sync of 13.5 MB.
    expect(standin.stats.largestSyncBytes).toBeLessThanOrEqual(WEB_SYNC_PAYLOAD_LIMIT);
    expect(standin.stats.payloadBytes).toBeGreaterThan(3 * WEB_SYNC_PAYLOAD_LIMIT);
    expect(standin.workbook.value('Ark1', 'A499')).toBe('Etiket 499');
    expect(standin.workbook.value('Ark1', 'A500')).toBe('optaget');
    expect(standin.workbook.value('Ark1', 'A19500')).toBe('optaget');
    expect(standin.workbook.value('Ark1', 'A20000')).toBe('Etiket 20000');
  }, 30_000);

  it('on Windows and Mac in three syncs, as before', async () => {
    const standin = createStandin(spec());
    await applyPlan(standin.run, plan, { payloadLimit: Infinity });
    expect(standin.stats.syncs).toBe(3);
    expect(standin.workbook.value('Ark1', 'A19500')).toBe('optaget');
    expect(standin.workbook.value('Ark1', 'A19501')).toBe('Etiket 19501');
  }, 30_000);

  it('a conflict found after split check syncs still leaves the workbook untouched', async () => {
    const standin = createStandin(spec(), { payloadLimit: FIVE_MB });
    const before = standin.workbook.snapshot();
    const conflicting: Plan = { ops: [...plan.ops, { kind: 'createTable', sheet: 'Ark1', table: 'Ny', topLeft: { row: 19_999, column: 1 }, header: ['A', 'B'], rows: [] }] };
    await expect(applyPlan(standin.run, conflicting, web)).rejects.toMatchObject({ name: 'PlanConflictError' });
    expect(standin.workbook.snapshot()).toEqual(before);
    expect(standin.stats.syncs).toBeGreaterThan(3);
  }, 30_000);
});

describe('a read of long texts on Excel on the web', () => {
  // Each cell ~2 000 characters (some Danish letters): 20 bytes a value is what the read assumes.
  const long = 'æøå'.repeat(4) + 'x'.repeat(1_988);
  const spec = (rows: number): StandinWorkbookSpec => ({
    sheets: [{
      name: 'Tekster',
      blocks: [{ at: 'A1', values: [Array.from({ length: 10 }, (_, c) => `Felt ${c + 1}`), ...Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => `${r + 1}.${c + 1} ${long}`))] }],
      tables: [{ name: 'Tekster', ref: `A1:J${rows + 1}` }],
    }],
  });

  /** Sizes of the syncs as the stand-in measured them; those over 5 MB it refused. */
  async function readOnWeb(rows: number) {
    const sizes: number[] = [];
    const standin = createStandin(spec(rows), { payloadLimit: FIVE_MB, onSync: (s) => sizes.push(s.requestBytes + s.responseBytes) });
    const read = await readWorkbook(standin.run, web);
    return { read, sizes, refused: sizes.filter((n) => n > FIVE_MB).length, accepted: sizes.filter((n) => n <= FIVE_MB) };
  }

  // The read cannot know how long the texts are before it loads them: the first data sync is
  // refused as too large and tried again in parts. What it learns from that and from the data it
  // got sizes the syncs after it, so the refusals stay at the start rather than one per sync.
  it('10 000 cells of 2 000 characters: recovers from a refused sync or two, and the rest fit', async () => {
    const { read, refused, accepted } = await readOnWeb(1_000);
    const [table] = read.sheets[0].tables;
    expect(table.rows).toHaveLength(1_000);
    expect(table.rows[999][9]).toBe(`1000.10 ${long}`);
    expect(table.header[0]).toBe('Felt 1');
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(2); // splitting alone (before): 6 refused of 12 syncs
    expect(Math.max(...accepted)).toBeLessThan(FIVE_MB);
    // ~20 MB of data: 5 syncs at 4 MB would be the least; the learnt estimate takes one more.
    expect(accepted.length).toBeLessThanOrEqual(2 + 6);
  }, 30_000);

  it('50 000 such cells: the refusals stay at the start, the other syncs fit', async () => {
    const { read, refused, accepted } = await readOnWeb(5_000);
    expect(read.sheets[0].tables[0].rows).toHaveLength(5_000);
    expect(read.sheets[0].tables[0].rows[4_999][0]).toBe(`5000.1 ${long}`);
    expect(refused).toBeLessThanOrEqual(6); // splitting alone (before): 62 refused of 96 syncs
    expect(Math.max(...accepted)).toBeLessThan(FIVE_MB);
  }, 30_000);
});

describe('jsonSize', () => {
  it('is the UTF-8 size of JSON.stringify, escapes and all', () => {
    const values: unknown[] = [
      '', 'abc', 'tab\there', 'line\nbreak\r\n', '"quoted" \\ back', '\u0001\u001f\u0000', '\b\f', 'æøå ÆØÅ', '€', '𝄞 and 😀',
      '\ud800 lone', 'lone \udc00', 'x'.repeat(2_000), 0, -1.5, 1e21, 45296.5, true, false, null,
      [['a', 1, true, null], ['\u0002', 'Ærø']], { list: { inCellDropDown: true, source: 'Ja,Nej,"Måske"\u0003' } }, [],
    ];
    for (const v of values) expect([v, jsonSize(v)]).toEqual([v, Buffer.byteLength(JSON.stringify(v), 'utf8')]);
  });
});
