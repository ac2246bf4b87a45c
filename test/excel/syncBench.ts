/**
 * Round trips and payload of reading a generated workbook with `rows` participant rows (one
 * tracking sheet per initiative, as bench/generate.ts makes them): the adapter against a naive
 * reader that syncs once per row. Runs on the stand-in, so the figures are counts, not timings;
 * payloads are the stand-in's own measure (the JSON it would send, test/standin/wire.ts), not the
 * adapter's estimate.
 *
 *   npx tsx test/excel/syncBench.ts 1000 10000 100000
 */
import { applyPlan } from '../../src/excel/apply';
import { WEB_SYNC_PAYLOAD_LIMIT } from '../../src/excel/env';
import { readWorkbook } from '../../src/excel/read';
import { planStructure } from '../../src/workbook/structure';
import { createStandin } from '../standin/excelStandin';
import { MB, participantRows, participantSpec } from './helpers';
import { naiveReadTables } from './naiveReader';

export interface SyncBenchResult {
  rows: number;
  adapterSyncs: number;
  adapterPayloadBytes: number;
  /** Largest single command of the adapter (request + response). */
  adapterLargestRequestBytes: number;
  naiveSyncs: number;
  naivePayloadBytes: number;
}

export async function benchmarkSyncs(rows: number): Promise<SyncBenchResult> {
  const spec = participantSpec(rows);
  const adapter = createStandin(spec);
  await readWorkbook(adapter.run);
  const naive = createStandin(spec);
  await naiveReadTables(naive.run);
  return {
    rows,
    adapterSyncs: adapter.stats.syncs,
    adapterPayloadBytes: adapter.stats.payloadBytes,
    adapterLargestRequestBytes: adapter.stats.largestRequestBytes,
    naiveSyncs: naive.stats.syncs,
    naivePayloadBytes: naive.stats.payloadBytes,
  };
}

export interface ApplyBenchResult {
  rows: number;
  /** The structure plan with `rows` participant rows, applied to an empty workbook (Windows/Mac). */
  syncs: number;
  payloadBytes: number;
  largestRequestBytes: number;
  largestSyncBytes: number;
  /** The same on Excel on the web (≤ 4 MB per sync; the stand-in refuses over 5 MB). */
  webSyncs: number;
  webLargestSyncBytes: number;
  /** Reading it back on Excel on the web. */
  webReadSyncs: number;
  webReadLargestSyncBytes: number;
}

export async function benchmarkApply(rows: number): Promise<ApplyBenchResult> {
  const plan = planStructure({ sheets: [] }, { rows: participantRows(rows) });
  const desktop = createStandin({ sheets: [{ name: 'Ark1' }] });
  await applyPlan(desktop.run, plan);
  const web = createStandin({ sheets: [{ name: 'Ark1' }] }, { payloadLimit: 5 * MB });
  await applyPlan(web.run, plan, { payloadLimit: WEB_SYNC_PAYLOAD_LIMIT });
  const { stats } = web;
  const apply = { syncs: stats.syncs, largest: stats.largestSyncBytes };
  web.reset();
  await readWorkbook(web.run, { payloadLimit: WEB_SYNC_PAYLOAD_LIMIT });
  return {
    rows,
    syncs: desktop.stats.syncs,
    payloadBytes: desktop.stats.payloadBytes,
    largestRequestBytes: desktop.stats.largestRequestBytes,
    largestSyncBytes: desktop.stats.largestSyncBytes,
    webSyncs: apply.syncs,
    webLargestSyncBytes: apply.largest,
    webReadSyncs: stats.syncs,
    webReadLargestSyncBytes: stats.largestSyncBytes,
  };
}

// `npx tsx test/excel/syncBench.ts 1000 10000`: print the figures.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  void (async () => {
    for (const n of process.argv.slice(2).map(Number)) {
      console.log(JSON.stringify(await benchmarkSyncs(n)));
      console.log(JSON.stringify(await benchmarkApply(n)));
    }
  })();
}
