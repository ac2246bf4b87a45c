/**
 * The stand-in measures the payload itself (wire.ts), not with the adapter's estimate: what it
 * counts is the UTF-8 size of the JSON it would send, and a plan whose writes the adapter
 * under-estimates is refused as too large, as Excel on the web would refuse it.
 */
import { applyPlan } from '../../src/excel/adapter';
import { planStructure } from '../../src/workbook/structure';
import { MB, participantRows } from '../excel/helpers';
import { createStandin } from './excelStandin';
import { utf8Bytes } from './wire';

// The adapter's payload estimate, switchable to one that counts every value as 1 byte. The stand-in
// must not use it: if it did, its own measure would shrink with the estimate and accept the sync.
let underCount = false;
jest.mock('../../src/excel/values', () => {
  const actual = jest.requireActual<typeof import('../../src/excel/values')>('../../src/excel/values');
  return { ...actual, jsonSize: (value: unknown) => (underCount ? 1 : actual.jsonSize(value)) };
});

type Ctx = Excel.RequestContext;

describe('payload as the stand-in measures it', () => {
  it('is the UTF-8 size of the request and response bodies, which name object paths, properties and values', async () => {
    const seen: { request: string; response: string; requestBytes: number; responseBytes: number }[] = [];
    const standin = createStandin({ sheets: [{ name: 'Ark1', cells: { A1: 'Sø' } }] }, { onSync: (s) => seen.push(s) });
    await standin.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem('Ark1');
      sheet.getRange('B1:C1').values = [['Ærø', 2]];
      sheet.getRange('A1').load('values');
      await context.sync();
    });
    expect(seen).toHaveLength(1);
    const [sync] = seen;
    expect(sync.requestBytes).toBe(Buffer.byteLength(sync.request, 'utf8'));
    expect(sync.responseBytes).toBe(Buffer.byteLength(sync.response, 'utf8'));
    expect(standin.stats.payloadBytes).toBe(sync.requestBytes + sync.responseBytes);
    expect(standin.stats.largestSyncBytes).toBe(standin.stats.payloadBytes);

    const request = JSON.parse(sync.request);
    const paths = Object.values(request.ObjectPaths) as { Id: number; Name: string; ArgumentInfo?: { Arguments: unknown[] } }[];
    const pathOf = (id: number) => paths.find((p) => p.Id === id)!;
    const write = request.Actions.find((a: { Name: string }) => a.Name === 'Values');
    expect(write).toMatchObject({ ActionType: 4, ArgumentInfo: { Arguments: [[['Ærø', 2]]] } });
    expect(pathOf(write.ObjectPathId)).toMatchObject({ Name: 'GetRange', ArgumentInfo: { Arguments: ['B1:C1'] } });
    expect(paths.map((p) => p.Name)).toEqual(expect.arrayContaining(['Worksheets', 'GetItem', 'GetRange']));
    const load = request.Actions.find((a: { ActionType: number }) => a.ActionType === 2);
    expect(load.QueryInfo).toEqual({ Select: ['Values'] });
    expect(JSON.parse(sync.response)).toEqual({ Results: [{ ActionId: load.Id, Value: { Values: [['Sø']] } }] });
  });

  it('counts UTF-8 as Buffer does (Danish letters, escapes, astral characters)', () => {
    for (const text of ['abc', 'æøå ÆØÅ', '€', '𝄞 and 😀', JSON.stringify('tab\there "quoted" \u0001')]) {
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('catches a wrong estimate: the adapter, told each value is 1 byte, puts too much into one sync and the stand-in refuses it', async () => {
    const plan = planStructure({ sheets: [] }, { rows: participantRows(10_000) });
    // Scaled down from Excel on the web (5 MB refused, the adapter aims at 4 MB): 1 MB and 0.8 MB.
    const limit = 1 * MB;

    underCount = false;
    const honest = createStandin({ sheets: [{ name: 'Ark1' }] }, { payloadLimit: limit });
    await applyPlan(honest.run, plan, { payloadLimit: 0.8 * MB });
    expect(honest.stats.largestSyncBytes).toBeLessThan(limit);
    expect(honest.stats.payloadBytes).toBeGreaterThan(limit);

    underCount = true;
    try {
      const fooled = createStandin({ sheets: [{ name: 'Ark1' }] }, { payloadLimit: limit });
      await expect(applyPlan(fooled.run, plan, { payloadLimit: 0.8 * MB })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      expect(fooled.stats.payloadBytes).toBeGreaterThan(limit);
      expect(fooled.workbook.tables()).toEqual([]);
    } finally {
      underCount = false;
    }
  }, 30_000);
});
